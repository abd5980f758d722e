// The adoption and permanence page of a child (/people/{id}/adoption): the permanence the child had
// before each period of care (SSDA903 PrevPerm), and each decision that the child should be placed
// for adoption with its journey: the placement order, fostering for adoption, the match and who the
// adopters are, the move to them and the adoption order (read from the care record), or the
// decision that the child should no longer be placed and why; with the adoption scorecard's two
// intervals. The forms record the decision (its reasons keep a draft while typed), the match, the
// end of a decision and previous permanence. Anyone who may open a looked-after child's care sees
// the page; social workers and team managers record.
#include "app/access_policy.h"
#include "app/adoption.h"
#include "core/text.h"
#include "web/page_context.h"
#include "web/pages_people.h"

namespace safeguard::web {
namespace {

std::string adoption_href(int64_t id) { return person_href(id) + "/adoption"; }

std::string date_or_dash(const std::optional<Date>& d) { return d ? long_date_text(*d) : "Not yet"; }

std::string adopters_words(const Adopters& a) {
  if (a.sexes.empty()) return {};
  std::string out = label_of(CodeList::kAdopters, a.sexes);
  if (a.number() == 2)
    out += ", " + to_lower_ascii(label_of(CodeList::kAdoptersRelationship, a.relationship));
  return out + " (" + a.legal_status() + ")";
}

// Endings of care that give the child permanence by an order (REC).
bool ended_by_order(const std::string& rec) {
  return rec == "E11" || rec == "E12" || rec == "E41" || rec == "E45" || rec == "E46" || rec == "E47" ||
         rec == "E48";
}

// The council that arranged an order, in words.
std::string council_words(const std::string& code) {
  if (code == "WAL") return "a council in Wales";
  if (code == "SCO") return "a council in Scotland";
  if (code == "NIR") return "an authority in Northern Ireland";
  if (code == "NUK") return "an authority outside the UK";
  if (code == "999") return "a council not known";
  return "council " + code;
}

std::string previous_words(const PreviousPermanence& prev) {
  std::string out = label_of(CodeList::kPreviousPermanence, prev.type);
  if (prev.type != "Z1")
    out += ", arranged by " + council_words(prev.local_authority) + ", made " + prev.made.text();
  return out;
}

std::string permanence_section(const PageContext& c, const Person& p) {
  const bool worker = can_record_care(*c.user);
  std::vector<std::vector<std::string>> rows;
  for (auto it = p.periods_of_care.rbegin(); it != p.periods_of_care.rend(); ++it) {
    const PreviousPermanence* prev = previous_permanence_of(p, it->id);
    const std::string record = adoption_href(p.id) + "/previous-permanence/" + std::to_string(it->id);
    rows.push_back(
        {escape(long_date_text(it->start) + (it->end() ? " to " + long_date_text(*it->end()) : "")),
         prev ? escape(previous_words(*prev)) : tag("Not recorded", "red"),
         it->end() && ended_by_order(it->reason_ended())
             ? escape(label_of(CodeList::kReasonEpisodeCeased, it->reason_ended()))
             : "",
         worker ? link_in_context(prev ? "Change" : "Record",
                                  " previous permanence for the period from " + long_date_text(it->start),
                                  record)
                : ""});
  }
  return "<div data-testid=\"previous-permanence\">" +
         table("Permanence before each period of care",
               {"Period of care", "Previous permanence (SSDA903)", "Ended by an order", ""}, rows,
               "Never looked after.") +
         "</div>";
}

std::string decision_section(const PageContext& c, const Person& p, const AdoptionDecision& d) {
  const AdoptionSteps steps = adoption_steps(p, d);
  std::vector<SummaryRow> rows{
      {"Decision that the child should be placed for adoption",
       escape(long_date_text(d.decided_on) + (d.by.empty() ? "" : ", recorded by " + d.by)), ""},
      {"Placement order", escape(date_or_dash(steps.placement_order_on)), ""},
  };
  if (steps.fostering_for_adoption_on) {
    rows.push_back({"Fostering for adoption or concurrent planning from",
                    escape(long_date_text(*steps.fostering_for_adoption_on)), ""});
  }
  rows.push_back(
      {"Matched with adopters",
       escape(d.matched_on ? long_date_text(*d.matched_on) + ": " + adopters_words(d.adopters) : "Not yet"),
       ""});
  rows.push_back({"Moved in with the adopters",
                  escape(steps.placed_on ? long_date_text(*steps.placed_on) +
                                               (steps.by_foster_carers ? " (the child's foster carers)" : "")
                                         : "Not yet"),
                  ""});
  rows.push_back({"Adoption order", escape(date_or_dash(steps.adopted_on)), ""});
  if (d.ceased_on) {
    rows.push_back({"No longer to be placed for adoption",
                    escape(long_date_text(*d.ceased_on) + ": " +
                           label_of(CodeList::kReasonNoLongerPlaced, d.ceased_reason)),
                    ""});
  }
  // The adoption scorecard's intervals: entering care to moving in with the adopters (A1), and
  // the placement order to the match (A2).
  for (const PeriodOfCare& period : p.periods_of_care) {
    if (period.id != d.period_id) continue;
    if (steps.placed_on) {
      rows.push_back({"Days from entering care to moving in with the adopters",
                      std::to_string(*steps.placed_on - period.start), ""});
    }
    if (steps.placement_order_on && d.matched_on && *d.matched_on >= *steps.placement_order_on) {
      rows.push_back({"Days from the placement order to the match",
                      std::to_string(*d.matched_on - *steps.placement_order_on), ""});
    }
  }
  std::string out = "<h2 class=\"govuk-heading-m\">Adoption decision of " +
                    escape(long_date_text(d.decided_on)) + "</h2><div data-testid=\"adoption-decision\">" +
                    summary_list(rows) + "</div>";
  if (!d.notes.empty()) out += "<p class=\"govuk-body\">" + escape(d.notes) + "</p>";
  if (can_record_care(*c.user) && &d == standing_adoption_decision(p)) {
    const std::string base = adoption_href(p.id);
    out += "<div class=\"govuk-button-group\">" +
           link_button(d.matched_on ? "Change the match" : "Record the match", base + "/match") +
           link_button("Record that the child should no longer be placed for adoption", base + "/ceased",
                       "govuk-button--secondary") +
           "</div>";
  }
  return out;
}

Response adoption_page(PageContext& c, const PersonRecord& record) {
  const Person& p = record.person;
  Layout l = c.layout("Adoption and permanence");
  l.back_href = person_href(p.id) + "/looked-after";
  const std::string done = c.query.get("done");
  if (done == "decision") l.success_message = "Decision recorded";
  if (done == "match") l.success_message = "Match recorded";
  if (done == "ceased") l.success_message = "Recorded that the child should no longer be placed for adoption";
  if (done == "previous") l.success_message = "Previous permanence recorded";
  std::string main = child_page_heading(p, "Adoption and permanence");
  main += permanence_section(c, p);
  const std::vector<AdoptionDecision>& decisions = p.permanence.decisions;
  if (decisions.empty())
    main += "<p class=\"govuk-body\">No decision that the child should be placed for adoption.</p>";
  if (can_record_care(*c.user) && current_period(p) && !standing_adoption_decision(p)) {
    main += link_button("Record a decision that the child should be placed for adoption",
                        adoption_href(p.id) + "/decision");
  }
  for (auto it = decisions.rbegin(); it != decisions.rend(); ++it) main += decision_section(c, p, *it);
  return c.page(l, main, 200);
}

Response record_decision(PageContext& c, const PersonRecord& record) {
  const int64_t id = record.person.id;
  DatedForm f{c, record, adoption_href(id) + "/decision", "on", adoption_href(id), nullptr};
  f.build = [&](const FormData& v, const std::vector<FieldError>& errors) {
    return ChangeForm{
        "Record a decision that the child should be placed for adoption", f.action,
        date_input("on", "When did the agency decision maker decide?", date_parts(v, "on"),
                   error_for(errors, "on"),
                   "The day of the decision, before any placement order or placement with adopters.") +
            textarea(
                "notes", "The decision maker's reasons", v.get("notes"), error_for(errors, "notes"),
                "Why adoption, what else was considered, and the plan for contact with the birth family.", 8),
        "Record decision"};
  };
  if (auto page = f.get()) return std::move(*page);
  auto on = f.date("Enter the date of the decision");
  if (!on) return f.invalid({{"on", on.error().message}});
  return f.finish(AdoptionService(c.db, c.clock)
                      .decide(*c.user, id, form_version(c.form), *on, c.form.get("notes"), c.channel()),
                  "decision");
}

Response record_match(PageContext& c, const PersonRecord& record) {
  const int64_t id = record.person.id;
  DatedForm f{c, record, adoption_href(id) + "/match", "on", adoption_href(id), nullptr};
  f.build = [&](const FormData& v, const std::vector<FieldError>& errors) {
    return ChangeForm{
        "Record the match with adopters", f.action,
        date_input("on", "When was the child matched?", date_parts(v, "on"), error_for(errors, "on"),
                   "The day the adoption panel's recommendation was agreed, on or before the move.") +
            radios("adopters", "Who are the adopters?", choices_of(CodeList::kAdopters), v.get("adopters"),
                   error_for(errors, "adopters")) +
            radios("relationship", "Their relationship", choices_of(CodeList::kAdoptersRelationship),
                   v.get("relationship"), error_for(errors, "relationship")),
        "Record match"};
  };
  if (auto page = f.get()) return std::move(*page);
  auto on = f.date("Enter the date of the match");
  if (!on) return f.invalid({{"on", on.error().message}});
  const Adopters adopters{c.form.get("adopters"), c.form.get("relationship")};
  return f.finish(AdoptionService(c.db, c.clock)
                      .record_match(*c.user, id, form_version(c.form), *on, adopters, c.channel()),
                  "match");
}

Response record_ceased(PageContext& c, const PersonRecord& record) {
  const int64_t id = record.person.id;
  DatedForm f{c, record, adoption_href(id) + "/ceased", "on", adoption_href(id), nullptr};
  f.build = [&](const FormData& v, const std::vector<FieldError>& errors) {
    return ChangeForm{
        "Record that the child should no longer be placed for adoption", f.action,
        date_input("on", "When was this decided?", date_parts(v, "on"), error_for(errors, "on")) +
            radios("reason", "Why?", choices_of(CodeList::kReasonNoLongerPlaced), v.get("reason"),
                   error_for(errors, "reason")),
        "Record"};
  };
  if (auto page = f.get()) return std::move(*page);
  auto on = f.date("Enter the date of the decision");
  if (!on) return f.invalid({{"on", on.error().message}});
  return f.finish(AdoptionService(c.db, c.clock)
                      .cease(*c.user, id, form_version(c.form), *on, c.form.get("reason"), c.channel()),
                  "ceased");
}

// The day, month and year of a date that may leave out the day, or the day and month.
Result<PartialDate> read_partial_date(const FormData& form, const std::string& name) {
  const std::string day(trim(form.get(name + "-day")));
  const std::string month(trim(form.get(name + "-month")));
  const std::string year(trim(form.get(name + "-year")));
  if (day.empty() && month.empty() && year.empty()) return PartialDate{};
  if (year.empty()) return Error::invalid("Enter the year the order was made", name);
  if (year.size() != 4) return Error::invalid("Enter the year as four digits", name);
  if (!day.empty() && month.empty()) return Error::invalid("Enter the month as well as the day", name);
  std::string iso = year;
  for (const std::string* part : {&month, &day}) {
    if (part->empty()) break;
    iso += '-' + (part->size() == 1 ? "0" + *part : *part);
  }
  auto parsed = PartialDate::parse_iso(iso);
  if (!parsed) return Error::invalid("The date the order was made must be a real date", name);
  return *parsed;
}

Response record_previous(PageContext& c, const PersonRecord& record, int64_t period_id) {
  const Person& p = record.person;
  const std::string action = adoption_href(p.id) + "/previous-permanence/" + std::to_string(period_id);
  const PeriodOfCare* period = nullptr;
  for (const PeriodOfCare& x : p.periods_of_care) {
    if (x.id == period_id) period = &x;
  }
  if (!period) return c.problem(404, "Page not found", "The child has no such period of care.");
  const auto build = [&](const FormData& v, const std::vector<FieldError>& errors) {
    return ChangeForm{
        "Record previous permanence", action,
        "<p class=\"govuk-body\">For the period of care from " + escape(long_date_text(period->start)) +
            ".</p>" +
            radios("type", "Before this period of care, was the child adopted, or living under an order?",
                   choices_of(CodeList::kPreviousPermanence), v.get("type"), error_for(errors, "type")) +
            text_input("local_authority", "The council that arranged the order", v.get("local_authority"),
                       error_for(errors, "local_authority"),
                       casework_input("Its Department for Education three-digit number, 999 if not known, "
                                      "or WAL, SCO, NIR or NUK for Wales, Scotland, Northern Ireland or "
                                      "outside the UK. Leave blank if none.",
                                      "govuk-input--width-5")) +
            date_input("made", "When was the order made?", date_parts(v, "made"), error_for(errors, "made"),
                       "Leave the day, or the day and month, blank if they are not known. Leave blank if "
                       "none."),
        "Record"};
  };
  if (c.request.method == "GET") {
    FormData values;
    if (const PreviousPermanence* prev = previous_permanence_of(p, period_id)) {
      values.set("type", prev->type);
      values.set("local_authority", prev->local_authority);
      if (!prev->made.empty()) {
        values.set("made-year", std::to_string(prev->made.year));
        if (prev->made.month) values.set("made-month", std::to_string(prev->made.month));
        if (prev->made.day) values.set("made-day", std::to_string(prev->made.day));
      }
    }
    return change_form_page(c, record, build(values, {}), values, {}, 200);
  }
  auto made = read_partial_date(c.form, "made");
  if (!made) {
    const std::vector<FieldError> errors{{"made", made.error().message}};
    return change_form_page(c, record, build(c.form, errors), c.form, errors, 422);
  }
  const PreviousPermanence input{period_id, c.form.get("type"), c.form.get("local_authority"), *made};
  auto result = AdoptionService(c.db, c.clock)
                    .record_previous_permanence(*c.user, p.id, form_version(c.form), input, c.channel());
  return finish_change(c, record, build(c.form, {}), result, "previous", build, adoption_href(p.id));
}

}  // namespace

std::optional<Response> adoption_pages(PageContext& c) {
  const std::string& path = c.request.path;
  if (!path.starts_with("/people/")) return std::nullopt;
  // "", "people", id, "adoption" [, "decision" | "match" | "ceased" | "previous-permanence", period]
  const auto parts = split(path, '/');
  if (parts.size() < 4 || parts.size() > 6 || parts[3] != "adoption") return std::nullopt;
  const auto person_id = parse_id(parts[2]);
  if (!person_id) return std::nullopt;
  const std::string form = parts.size() >= 5 ? parts[4] : "";
  std::optional<int64_t> period_id;
  if (form == "previous-permanence") {
    if (parts.size() != 6 || !(period_id = parse_id(parts[5]))) return std::nullopt;
  } else if (parts.size() == 6 ||
             (!form.empty() && form != "decision" && form != "match" && form != "ceased")) {
    return std::nullopt;
  }
  if (form.empty() && c.request.method != "GET") return std::nullopt;
  if (!can_record_care(*c.user) && !can_review_care(*c.user) && !can_appoint_reviewing_officer(*c.user)) {
    return c.problem(403, "You cannot see this",
                     "Social workers, team managers and reviewing officers see a child's adoption record.");
  }
  if (!form.empty() && !can_record_care(*c.user)) {
    return c.problem(403, "You cannot record this", "Social workers and team managers record adoption.");
  }
  Loaded loaded = load_for_form(c, *person_id);
  if (loaded.instead) return std::move(*loaded.instead);
  const PersonRecord& record = *loaded.record;
  if (form == "decision") return record_decision(c, record);
  if (form == "match") return record_match(c, record);
  if (form == "ceased") return record_ceased(c, record);
  if (period_id) return record_previous(c, record, *period_id);
  return adoption_page(c, record);
}

}  // namespace safeguard::web
