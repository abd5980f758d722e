// The looked-after pages: the child's time in care (current placement, how far it is from home and
// whether it is in the council's area, and legal status, reviewing
// officer, previous permanence and any adoption decision, whether the child is an unaccompanied
// asylum seeker and (for a girl) a mother, every deadline of their care with the health and
// education ones, every SSDA903 episode and review, links to their health and education and to
// adoption and permanence) and the forms that change it: becoming looked after, a change of
// placement or legal status, the end of care, appointing the reviewing officer, a looked-after
// review, and unaccompanied asylum-seeking status. The long forms keep a draft while typed; every
// change goes through LookedAfterService, and the reason for each new episode is derived, never
// asked for.
#include <cstdio>

#include "app/access_policy.h"
#include "app/looked_after.h"
#include "core/text.h"
#include "web/page_context.h"
#include "web/pages_people.h"

namespace safeguard::web {
namespace {

std::string care_href(int64_t id) { return person_href(id) + "/looked-after"; }

std::string placement_words(const Placement& p) {
  return label_of(CodeList::kPlacementType, p.type) + " (" + p.type + ") with " + p.carer;
}

// The placement fields of a form, named as the domain names them ("placement-type", ...).
std::string placement_fields(const FormData& v, const std::vector<FieldError>& errors) {
  return select("placement-type", "Placement type", choices_of(CodeList::kPlacementType),
                v.get("placement-type"), error_for(errors, "placement-type"), "",
                "Choose the placement type") +
         select("placement-provider", "Provider", choices_of(CodeList::kPlacementProvider),
                v.get("placement-provider"), error_for(errors, "placement-provider"),
                "Leave blank for a temporary placement (T0 to T4) or another placement (Z11 to Z14).",
                "None") +
         text_input("placement-carer", "Carers or establishment", v.get("placement-carer"),
                    error_for(errors, "placement-carer"),
                    casework_input(
                        "The foster carers' names, or the home's or unit's name. Keep the same name when the "
                        "child stays with the same carers.")) +
         text_input("placement-postcode", "Placement postcode", v.get("placement-postcode"),
                    error_for(errors, "placement-postcode"), casework_input("", "govuk-input--width-10")) +
         text_input(
             "placement-urn", "Ofsted URN", v.get("placement-urn"), error_for(errors, "placement-urn"),
             casework_input(
                 "The Ofsted registration of the fostering or adoption service, or of the home, school "
                 "or unit. Leave blank where Ofsted registers none.",
                 "govuk-input--width-10"));
}

Placement placement_of(const FormData& form) {
  return {form.get("placement-type"), form.get("placement-provider"), form.get("placement-carer"),
          form.get("placement-postcode"), form.get("placement-urn")};
}

void set_placement(FormData& values, const Placement& p) {
  values.set("placement-type", p.type);
  values.set("placement-provider", p.provider);
  values.set("placement-carer", p.carer);
  values.set("placement-postcode", p.postcode);
  values.set("placement-urn", p.urn);
}

std::string deadlines_of(const PersonRecord& record) {
  std::vector<std::vector<std::string>> rows;
  for (const ChildDeadline& d : record.deadlines) {
    if (!is_care_deadline(d.kind)) continue;
    if (!still_to_meet(d.status.state)) continue;
    rows.push_back({escape(d.label), escape(long_date_text(d.status.due)), deadline_tag(d.status),
                    escape(deadline_words(d.status))});
  }
  return "<div data-testid=\"care-deadlines\">" +
         table("Deadlines", {"What", "Due", "Status", ""}, rows, "Nothing due.") + "</div>";
}

std::string uasc_words(const Person& p, Date today) {
  if (!p.uasc) return "No";
  const std::optional<Date> ceased = uasc_ceased_on(p, today);
  return "From " + long_date_text(p.uasc->from) +
         (ceased ? "; status ceased " + long_date_text(*ceased) : "");
}

// The allocations while the child was looked after, as SSDA903 SWEpisodes returns them; a worker
// with no registration number recorded shows as a gap to fix before the return.
std::string social_worker_episodes_of(PageContext& c, const Person& p) {
  if (p.periods_of_care.empty()) return {};
  const std::map<std::string, std::string> registrations = LookedAfterService(c.db, c.clock).registrations();
  std::vector<std::vector<std::string>> rows;
  for (const SocialWorkerEpisode& e :
       social_worker_episodes(p, p.periods_of_care.front().start, c.clock.today())) {
    const auto registration = registrations.find(e.worker);
    rows.push_back({escape(e.worker_name),
                    registration != registrations.end() ? escape(registration->second)
                                                        : tag("No registration number", "red"),
                    escape(long_date_text(e.start)), escape(date_or(e.last_day, "")),
                    escape(label_of(CodeList::kWorkerChangeReason, e.reason))});
  }
  return "<div data-testid=\"social-worker-episodes\">" +
         table("Social worker episodes (SSDA903)",
               {"Social worker", "Social Work England number", "From", "Last day", "Why allocated"}, rows,
               "No social worker allocated while looked after.") +
         "</div>";
}

// How far the placement is from home and whether it is in the council's area; red where it is
// far from home or out of the area, so a manager sees it.
std::string placement_location_words(const PlacementLocation& where) {
  std::string out;
  if (where.miles) {
    char miles[32];
    std::snprintf(miles, sizeof miles, "%.1f miles from home", *where.miles);
    out += *where.miles > kFarFromHomeMiles ? tag(miles, "red") : escape(miles);
  } else {
    out += escape("Distance from home not known");
  }
  out += "; ";
  if (!where.out_of_area) {
    out += escape(where.authority.empty() ? "area not known" : "in " + where.authority);
  } else if (*where.out_of_area) {
    out += tag("out of the council's area", "red") + escape(" (" + where.authority + ")");
  } else {
    out += escape("in the council's area");
  }
  return out;
}

Response care_page(PageContext& c, const PersonRecord& record) {
  const Person& p = record.person;
  Layout l = c.layout("Looked after");
  l.back_href = person_href(p.id);
  const std::string done = c.query.get("done");
  if (done == "started") l.success_message = "Becoming looked after recorded";
  if (done == "changed") l.success_message = "Change recorded";
  if (done == "ended") l.success_message = "End of care recorded";
  if (done == "officer") l.success_message = "Reviewing officer appointed";
  if (done == "review") l.success_message = "Review recorded";
  if (done == "uasc") l.success_message = "Unaccompanied asylum-seeking status recorded";
  std::string main = child_page_heading(p, "Looked after");
  const PeriodOfCare* period = current_period(p);
  const bool worker = can_record_care(*c.user);
  const std::string base = care_href(p.id);
  if (period) {
    const CareEpisode& now = period->current();
    std::vector<SummaryRow> rows{
        {"Looked after since", escape(long_date_text(period->start)), ""},
        {"Legal status",
         escape(label_of(CodeList::kLegalStatus, now.legal_status) + " (" + now.legal_status + ")"), ""},
        {"Placement", escape(placement_words(now.placement)), ""},
        {"Placed since", escape(long_date_text(period->placement_start())), ""},
        {"Placement postcode", escape(now.placement.postcode), ""},
        {"Where the placement is",
         placement_location_words(LookedAfterService(c.db, c.clock).placement_locator().locate(*period, now)),
         ""},
        {"Category of need", escape(label_of(CodeList::kCategoryOfNeed, now.category_of_need)), ""},
        {"Reviewing officer",
         period->reviewing_officer.empty() ? tag("Not appointed", "red")
                                           : escape(period->reviewing_officer_name),
         can_appoint_reviewing_officer(*c.user)
             ? link(period->reviewing_officer.empty() ? "Appoint" : "Change", base + "/reviewing-officer")
             : ""},
    };
    if (!period->reviews.empty()) {
      rows.push_back({"Permanence plan",
                      escape(label_of(CodeList::kPermanencePlan, period->reviews.back().permanence_plan)),
                      ""});
    }
    const PreviousPermanence* previous = previous_permanence_of(p, period->id);
    rows.push_back({"Previous permanence",
                    previous ? escape(label_of(CodeList::kPreviousPermanence, previous->type))
                             : tag("Not recorded", "red"),
                    worker ? link_in_context(previous ? "Change" : "Record", " previous permanence",
                                             person_href(p.id) + "/adoption/previous-permanence/" +
                                                 std::to_string(period->id))
                           : ""});
    rows.push_back({"Unaccompanied asylum-seeking child", escape(uasc_words(p, c.clock.today())),
                    worker ? link_in_context(p.uasc ? "Change" : "Record",
                                             " unaccompanied asylum-seeking status", base + "/uasc")
                           : ""});
    if (p.details.sex == "F") {
      const Motherhood m = motherhood_of(record);
      rows.push_back({"Mother (SSDA903)",
                      escape(m.mother ? "Yes: her first child was born " + long_date_text(*m.first_child_born)
                                      : "No child of hers is recorded"),
                      ""});
    }
    if (const AdoptionDecision* adoption = standing_adoption_decision(p)) {
      rows.push_back(
          {"Adoption",
           escape("To be placed for adoption (decided " + long_date_text(adoption->decided_on) +
                  (adoption->matched_on ? "; matched " + long_date_text(*adoption->matched_on) : "") + ")"),
           link("Adoption", person_href(p.id) + "/adoption")});
    }
    main += "<div data-testid=\"care-summary\">" + summary_list(rows) + "</div>";
    if (worker) {
      main += "<div class=\"govuk-button-group\">" + link_button("Record a change", base + "/change") +
              link_button("Record a visit", person_href(p.id) + "/visits/new", "govuk-button--secondary") +
              link_button("End care", base + "/end", "govuk-button--warning") + "</div>";
    }
    if (can_review_care(*c.user)) main += link_button("Record a review", base + "/reviews/new");
    main += "<p class=\"govuk-body\">" + link("Health and education", person_href(p.id) + "/health") +
            ": health assessments, dental checks, immunisations, SDQs and personal education plans.</p>";
    main += "<p class=\"govuk-body\">" + link("Adoption and permanence", person_href(p.id) + "/adoption") +
            ": previous permanence, and the decision to place for adoption, the match and the placement.</p>";
    main += deadlines_of(record);
  } else {
    main += "<p class=\"govuk-body\">" +
            std::string(p.periods_of_care.empty() ? "This child has never been looked after."
                                                  : "This child is not looked after now.") +
            "</p>";
    if (worker && open_episode(p)) main += link_button("Record becoming looked after", base + "/start");
  }
  if (const std::optional<Date>& born = p.details.date_of_birth;
      born && !p.periods_of_care.empty() && c.clock.today() >= add_years(*born, 15)) {
    main += "<p class=\"govuk-body\">" + link("Leaving care", person_href(p.id) + "/leaving-care") +
            ": pathway plans, the personal adviser and contacts after care.</p>";
  }
  main += social_worker_episodes_of(c, p);
  for (auto it = p.periods_of_care.rbegin(); it != p.periods_of_care.rend(); ++it) {
    const std::string title = "Period of care from " + long_date_text(it->start) +
                              (it->end() ? " to " + long_date_text(*it->end()) : "");
    main += "<h2 class=\"govuk-heading-m\">" + escape(title) + "</h2>";
    std::vector<std::vector<std::string>> episodes;
    for (const CareEpisode& e : it->episodes) {
      episodes.push_back({escape(long_date_text(e.start)), escape(e.reason_new), escape(e.legal_status),
                          escape(e.placement.type), escape(e.placement.provider), escape(e.placement.carer),
                          escape(e.placement.postcode), escape(e.placement.urn), escape(date_or(e.end, "")),
                          escape(e.reason_ceased), escape(e.reason_place_change)});
    }
    main += "<div data-testid=\"care-episodes\">" +
            table("Episodes (SSDA903)",
                  {"From", "Reason", "Legal status", "Placement", "Provider", "Carers", "Postcode", "URN",
                   "Until", "Ended", "Why the placement ended"},
                  episodes, "") +
            "</div>";
    std::vector<std::vector<std::string>> reviews;
    for (auto r = it->reviews.rbegin(); r != it->reviews.rend(); ++r) {
      reviews.push_back({escape(long_date_text(r->held_on)), escape(r->chair),
                         escape(label_of(CodeList::kReviewParticipation, r->participation)),
                         escape(label_of(CodeList::kPermanencePlan, r->permanence_plan)),
                         escape(r->decisions)});
    }
    main += "<div data-testid=\"care-reviews\">" +
            table("Looked-after reviews",
                  {"Date", "Chair", "How the child took part", "Permanence plan", "Decisions"}, reviews,
                  "No reviews recorded.") +
            "</div>";
  }
  return c.page(l, main, 200);
}

Response start_care(PageContext& c, const PersonRecord& record) {
  const Person& p = record.person;
  const std::string action = care_href(p.id) + "/start";
  const auto build = [&](const FormData& v, const std::vector<FieldError>& errors) {
    return ChangeForm{
        "Record becoming looked after", action,
        date_input("on", "When did the child become looked after?", date_parts(v, "on"),
                   error_for(errors, "on")) +
            select("legal_status", "Legal status", choices_of(CodeList::kLegalStatus), v.get("legal_status"),
                   error_for(errors, "legal_status"), "", "Choose the legal status") +
            select("category_of_need", "Category of need", choices_of(CodeList::kCategoryOfNeed),
                   v.get("category_of_need"), error_for(errors, "category_of_need"), "",
                   "Choose the category of need") +
            "<h2 class=\"govuk-heading-m\">Placement</h2>" + placement_fields(v, errors),
        "Record becoming looked after"};
  };
  if (c.request.method == "GET") {
    FormData values = c.draft(action).value_or(FormData());
    if (!values.has("on-day")) set_date(values, "on", c.clock.today());
    if (!values.has("category_of_need") && open_episode(p)) {
      const std::string need = open_episode(p)->primary_need;
      if (is_valid_code(CodeList::kCategoryOfNeed, need)) values.set("category_of_need", need);
    }
    return change_form_page(c, record, build(values, {}), values, {}, 200);
  }
  auto when = read_required_date(c.form, "on", "The date", "Enter the date the child became looked after");
  if (!when) {
    const std::vector<FieldError> errors{{"on", when.error().message}};
    return change_form_page(c, record, build(c.form, errors), c.form, errors, 422);
  }
  StartOfCare start{*when, c.form.get("legal_status"), c.form.get("category_of_need"), placement_of(c.form)};
  auto result =
      LookedAfterService(c.db, c.clock).start(*c.user, p.id, form_version(c.form), start, c.channel());
  return finish_change(c, record, build(c.form, {}), result, "started", build, care_href(p.id));
}

Response change_care(PageContext& c, const PersonRecord& record) {
  const Person& p = record.person;
  const std::string action = care_href(p.id) + "/change";
  const PeriodOfCare* period = current_period(p);
  if (!period)
    return c.problem(404, "Not looked after", "This child is not looked after: there is nothing to change.");
  const CareEpisode& now = period->current();
  const auto build = [&](const FormData& v, const std::vector<FieldError>& errors) {
    return ChangeForm{
        "Record a change of placement or legal status", action,
        "<p class=\"govuk-body\">Now: " + escape(placement_words(now.placement)) + ", " +
            escape(label_of(CodeList::kLegalStatus, now.legal_status)) + " (" + escape(now.legal_status) +
            ").</p>" + date_input("on", "When did it change?", date_parts(v, "on"), error_for(errors, "on")) +
            select("legal_status", "New legal status", choices_of(CodeList::kLegalStatus),
                   v.get("legal_status"), error_for(errors, "legal_status"),
                   "Leave as no change if only the placement changed.", "No change") +
            radios("moved", "Did the placement change?",
                   {{"yes", "Yes: a new placement, or the same carers under a new placement type"},
                    {"no", "No"}},
                   v.get("moved"), error_for(errors, "moved")) +
            "<h2 class=\"govuk-heading-m\">The placement from that day</h2>" + placement_fields(v, errors) +
            select("reason_place_change", "Why did the placement with " + now.placement.carer + " end?",
                   choices_of(CodeList::kReasonPlaceChange), v.get("reason_place_change"),
                   error_for(errors, "reason_place_change"),
                   "Not needed when only the legal status changed, or for a move into or out of a temporary "
                   "placement.",
                   "None"),
        "Record change"};
  };
  if (c.request.method == "GET") {
    FormData values = c.draft(action).value_or(FormData());
    if (!values.has("on-day")) set_date(values, "on", c.clock.today());
    if (!values.has("placement-type")) set_placement(values, now.placement);
    return change_form_page(c, record, build(values, {}), values, {}, 200);
  }
  auto when = read_required_date(c.form, "on", "The date", "Enter the date of the change");
  std::vector<FieldError> errors;
  if (!when) errors.push_back({"on", when.error().message});
  const std::string moved = c.form.get("moved");
  if (moved != "yes" && moved != "no") errors.push_back({"moved", "Say whether the placement changed"});
  if (!errors.empty()) return change_form_page(c, record, build(c.form, errors), c.form, errors, 422);
  ChangeOfCare change{*when, c.form.get("legal_status"), std::nullopt, c.form.get("reason_place_change")};
  if (moved == "yes") change.placement = placement_of(c.form);
  auto result =
      LookedAfterService(c.db, c.clock).change(*c.user, p.id, form_version(c.form), change, c.channel());
  return finish_change(c, record, build(c.form, {}), result, "changed", build, care_href(p.id));
}

Response end_care(PageContext& c, const PersonRecord& record) {
  const Person& p = record.person;
  const std::string action = care_href(p.id) + "/end";
  const auto build = [&](const FormData& v, const std::vector<FieldError>& errors) {
    std::vector<Choice> reasons;
    for (const Choice& choice : choices_of(CodeList::kReasonEpisodeCeased)) {
      if (choice.value != "X1") reasons.push_back(choice);
    }
    return ChangeForm{"Record the end of care", action,
                      date_input("on", "When did the child stop being looked after?", date_parts(v, "on"),
                                 error_for(errors, "on")) +
                          radios("reason", "Why?", reasons, v.get("reason"), error_for(errors, "reason")),
                      "Record the end of care"};
  };
  if (c.request.method == "GET") {
    FormData values = c.draft(action).value_or(FormData());
    if (!values.has("on-day")) set_date(values, "on", c.clock.today());
    return change_form_page(c, record, build(values, {}), values, {}, 200);
  }
  auto when = read_required_date(c.form, "on", "The date", "Enter the date care ended");
  if (!when) {
    const std::vector<FieldError> errors{{"on", when.error().message}};
    return change_form_page(c, record, build(c.form, errors), c.form, errors, 422);
  }
  auto result = LookedAfterService(c.db, c.clock)
                    .end(*c.user, p.id, form_version(c.form), *when, c.form.get("reason"), c.channel());
  return finish_change(c, record, build(c.form, {}), result, "ended", build, care_href(p.id));
}

Response appoint_officer(PageContext& c, const PersonRecord& record) {
  const Person& p = record.person;
  const std::string action = care_href(p.id) + "/reviewing-officer";
  LookedAfterService service(c.db, c.clock);
  std::vector<Choice> officers;
  for (const User& u : service.reviewing_officers()) officers.push_back({u.username, u.display_name});
  const auto build = [&](const FormData& v, const std::vector<FieldError>& errors) {
    return ChangeForm{"Appoint the independent reviewing officer", action,
                      radios("reviewing_officer", "Who will review this child's care?", officers,
                             v.get("reviewing_officer"), error_for(errors, "reviewing_officer")),
                      "Appoint"};
  };
  if (c.request.method == "GET") {
    FormData values = c.draft(action).value_or(FormData());
    if (const PeriodOfCare* period = current_period(p); period && !values.has("reviewing_officer")) {
      values.set("reviewing_officer", period->reviewing_officer);
    }
    return change_form_page(c, record, build(values, {}), values, {}, 200);
  }
  auto result = service.appoint_reviewing_officer(*c.user, p.id, form_version(c.form),
                                                  c.form.get("reviewing_officer"), c.channel());
  return finish_change(c, record, build(c.form, {}), result, "officer", build, care_href(p.id));
}

Response record_review(PageContext& c, const PersonRecord& record) {
  const Person& p = record.person;
  const std::string action = care_href(p.id) + "/reviews/new";
  if (p.periods_of_care.empty()) {
    return c.problem(404, "Never looked after",
                     "This child has never been looked after: there is nothing to review.");
  }
  const PeriodOfCare& period = p.periods_of_care.back();
  const auto build = [&](const FormData& v, const std::vector<FieldError>& errors) {
    return ChangeForm{
        "Record a looked-after review", action,
        date_input("held_on", "When was the review?", date_parts(v, "held_on"),
                   error_for(errors, "held_on")) +
            radios("participation", "How did the child take part?",
                   choices_of(CodeList::kReviewParticipation), v.get("participation"),
                   error_for(errors, "participation")) +
            textarea("decisions", "Decisions", v.get("decisions"), error_for(errors, "decisions"),
                     "What the review decided, and the child's wishes and feelings about it.", 8) +
            radios("permanence_plan", "Permanence plan", choices_of(CodeList::kPermanencePlan),
                   v.get("permanence_plan"), error_for(errors, "permanence_plan")),
        "Record review"};
  };
  if (c.request.method == "GET") {
    FormData values = c.draft(action).value_or(FormData());
    if (!values.has("held_on-day")) set_date(values, "held_on", c.clock.today());
    if (!values.has("permanence_plan") && !period.reviews.empty()) {
      values.set("permanence_plan", period.reviews.back().permanence_plan);
    }
    return change_form_page(c, record, build(values, {}), values, {}, 200);
  }
  auto when = read_required_date(c.form, "held_on", "The date", "Enter the date of the review");
  if (!when) {
    const std::vector<FieldError> errors{{"held_on", when.error().message}};
    return change_form_page(c, record, build(c.form, errors), c.form, errors, 422);
  }
  LookedAfterReviewInput input{*when, c.form.get("participation"), c.form.get("permanence_plan"),
                               c.form.get("decisions")};
  auto result = LookedAfterService(c.db, c.clock)
                    .record_review(*c.user, p.id, form_version(c.form), period.id, input, c.channel());
  return finish_change(c, record, build(c.form, {}), result, "review", build, care_href(p.id));
}

// The child's unaccompanied asylum-seeking status: from when, and when it ceased if before the 18th
// birthday.
Response record_uasc(PageContext& c, const PersonRecord& record) {
  const Person& p = record.person;
  const std::string action = care_href(p.id) + "/uasc";
  const auto build = [&](const FormData& v, const std::vector<FieldError>& errors) {
    return ChangeForm{
        "Record an unaccompanied asylum-seeking child", action,
        "<p class=\"govuk-body\">A child who has applied for asylum in their own right and is separated from "
        "both parents and anyone with parental responsibility.</p>" +
            date_input("from", "From when?", date_parts(v, "from"), error_for(errors, "from"),
                       "The day the council first looked after or supported the child as one.") +
            date_input("ceased_on", "When did the status cease?", date_parts(v, "ceased_on"),
                       error_for(errors, "ceased_on"),
                       "Only if it ceased before the 18th birthday, for example after an age assessment. "
                       "It ceases on the 18th birthday without being recorded."),
        "Record"};
  };
  if (c.request.method == "GET") {
    FormData values;
    if (p.uasc) {
      set_date(values, "from", p.uasc->from);
      if (p.uasc->ceased_on) set_date(values, "ceased_on", *p.uasc->ceased_on);
    }
    return change_form_page(c, record, build(values, {}), values, {}, 200);
  }
  std::vector<FieldError> errors;
  auto from = read_required_date(c.form, "from", "The date", "Enter the date the status began");
  if (!from) errors.push_back({"from", from.error().message});
  auto ceased = read_date(c.form, "ceased_on", "The date the status ceased");
  if (!ceased) errors.push_back({"ceased_on", ceased.error().message});
  if (!errors.empty()) return change_form_page(c, record, build(c.form, errors), c.form, errors, 422);
  auto result = LookedAfterService(c.db, c.clock)
                    .record_uasc(*c.user, p.id, form_version(c.form), *from, *ceased, c.channel());
  return finish_change(c, record, build(c.form, {}), result, "uasc", build, care_href(p.id));
}

}  // namespace

std::optional<Response> looked_after_pages(PageContext& c) {
  const std::string& path = c.request.path;
  if (!path.starts_with("/people/")) return std::nullopt;
  // "", "people", id, "looked-after" [, "start"|"change"|"end"|"reviewing-officer"|"uasc" | "reviews", "new"]
  const auto parts = split(path, '/');
  if (parts.size() < 4 || parts[3] != "looked-after") return std::nullopt;
  const auto person_id = parse_id(parts[2]);
  if (!person_id) return std::nullopt;
  const std::string form = parts.size() == 5                                                 ? parts[4]
                           : parts.size() == 6 && parts[4] == "reviews" && parts[5] == "new" ? "review"
                                                                                             : "";
  if (parts.size() > 4 && form.empty()) return std::nullopt;
  if (form.empty() && c.request.method != "GET") return std::nullopt;
  const bool may_see =
      can_record_care(*c.user) || can_review_care(*c.user) || can_appoint_reviewing_officer(*c.user);
  if (!may_see) {
    return c.problem(403, "You cannot see this",
                     "Social workers, team managers and reviewing officers see a child's care.");
  }
  if ((form == "start" || form == "change" || form == "end" || form == "uasc") && !can_record_care(*c.user)) {
    return c.problem(403, "You cannot record this",
                     "Only social workers and team managers record a child's care.");
  }
  if (form == "reviewing-officer" && !can_appoint_reviewing_officer(*c.user)) {
    return c.problem(403, "You cannot appoint a reviewing officer",
                     "Team managers and reviewing officers appoint a child's reviewing officer.");
  }
  if (form == "review" && !can_review_care(*c.user)) {
    return c.problem(403, "You cannot record a review",
                     "Only independent reviewing officers record looked-after reviews.");
  }
  if (!form.empty() && form != "start" && form != "change" && form != "end" && form != "reviewing-officer" &&
      form != "review" && form != "uasc") {
    return std::nullopt;
  }
  Loaded loaded = load_for_form(c, *person_id);
  if (loaded.instead) return std::move(*loaded.instead);
  const PersonRecord& record = *loaded.record;
  if (form == "start") return start_care(c, record);
  if (form == "change") return change_care(c, record);
  if (form == "end") return end_care(c, record);
  if (form == "reviewing-officer") return appoint_officer(c, record);
  if (form == "review") return record_review(c, record);
  if (form == "uasc") return record_uasc(c, record);
  return care_page(c, record);
}

}  // namespace safeguard::web
