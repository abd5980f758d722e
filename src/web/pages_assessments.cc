// Assessment pages: start a child's single assessment; the assessment itself, with its 45-working-
// day deadline, each time the child was seen, and the write-up (the child's views in their words,
// the factors, the analysis, the outcome), kept as a draft while the worker types; sending it to a
// manager; and the manager's authorisation or return. Every change goes through AssessmentService.
#include <map>
#include <set>

#include "app/access_policy.h"
#include "app/assessments.h"
#include "core/text.h"
#include "web/page_context.h"
#include "web/pages_people.h"

namespace safeguard::web {
namespace {

std::string assessment_href(int64_t person_id, int64_t assessment_id) {
  return person_href(person_id) + "/assessments/" + std::to_string(assessment_id);
}

const ChildDeadline* deadline_of(const PersonRecord& record, const Assessment& a) {
  for (const ChildDeadline& d : record.deadlines) {
    if (d.kind == "assessment" && d.item_id == a.id) return &d;
  }
  return nullptr;
}

// The green banner's words after a change ("?done=seen"), or "" for none.
std::string done_message(std::string_view done) {
  static const std::map<std::string_view, std::string_view> kMessages = {
      {"started", "Assessment started"},
      {"seen", "Child seen recorded"},
      {"saved", "Assessment saved"},
      {"submitted", "Assessment sent for authorisation"},
      {"returned", "Assessment returned to the social worker"},
      {"authorised", "Assessment authorised"}};
  const auto it = kMessages.find(done);
  return it == kMessages.end() ? std::string() : std::string(it->second);
}

std::string status_text(const Assessment& a) {
  if (a.is_authorised()) {
    return tag("Authorised", "green") + " " +
           escape("on " + long_date_text(*a.authorised_on) + " by " + a.authorised_by);
  }
  if (a.awaits_authorisation()) {
    return tag("With a manager", "yellow") + " " +
           escape("since " + long_date_text(*a.submitted_on) + ", sent by " + a.submitted_by);
  }
  return tag("In progress", "blue");
}

// The write-up form's values: a draft if the worker left one, else what is saved.
FormData content_values(const Assessment& a) {
  FormData v;
  v.set("child_views", a.content.child_views);
  for (const std::string& f : a.content.factors) v.add("factors", f);
  v.set("analysis", a.content.analysis);
  v.set("outcome", a.content.outcome);
  return v;
}

AssessmentContent read_content(const FormData& f) {
  AssessmentContent c;
  c.child_views = f.get("child_views");
  c.factors = f.all("factors");
  c.analysis = f.get("analysis");
  c.outcome = f.get("outcome");
  return c;
}

std::string write_up_fields(const FormData& v, const std::vector<FieldError>& errors) {
  const auto factors = v.all("factors");
  return textarea(
             "child_views", "The child's views", v.get("child_views"), error_for(errors, "child_views"),
             "In the child's own words where you can. For a baby or a child who does not speak, what you "
             "saw of their experience.",
             8) +
         checkboxes("factors", "Factors identified", choices_of(CodeList::kAssessmentFactor),
                    std::set<std::string>(factors.begin(), factors.end()), error_for(errors, "factors"),
                    "The DfE's codes, as the Children in Need census reports them. Choose \"No factors "
                    "identified\" on its own if there are none.") +
         textarea("analysis", "Analysis", v.get("analysis"), error_for(errors, "analysis"),
                  "What the information means for this child: risks, strengths, and what needs to change.",
                  10) +
         radios("outcome", "Outcome", choices_of(CodeList::kAssessmentOutcome), v.get("outcome"),
                error_for(errors, "outcome"));
}

std::string read_only_content(const Assessment& a) {
  std::string factors;
  for (const std::string& f : a.content.factors) {
    factors += (factors.empty() ? "" : "<br>") + escape(f + " " + label_of(CodeList::kAssessmentFactor, f));
  }
  return summary_list({{"The child's views", escape(a.content.child_views), ""},
                       {"Factors identified", factors.empty() ? "None chosen" : factors, ""},
                       {"Analysis", escape(a.content.analysis), ""},
                       {"Outcome", escape(label_of(CodeList::kAssessmentOutcome, a.content.outcome)), ""}});
}

Response assessment_page(PageContext& c, const PersonRecord& record, const Assessment& a,
                         const FormData& values, const std::vector<FieldError>& errors, int status) {
  const Person& p = record.person;
  const std::string href = assessment_href(p.id, a.id);
  const bool editable = !a.is_authorised() && !a.awaits_authorisation() && can_assess(*c.user);
  Layout l = c.layout("Single assessment");
  l.errors = errors;
  l.back_href = person_href(p.id);
  l.success_message = done_message(c.query.get("done"));
  std::string main = "<span class=\"govuk-caption-l\">" + escape(p.details.name.full()) +
                     "</span><h1 class=\"govuk-heading-l\">Single assessment</h1>";
  std::vector<SummaryRow> rows = {{"Status", status_text(a), ""},
                                  {"Started", escape(long_date_text(a.started_on)), ""}};
  if (const ChildDeadline* d = deadline_of(record, a)) {
    rows.push_back({"Authorisation due",
                    escape(long_date_text(d->status.due)) + " " + deadline_tag(d->status) + " " +
                        escape(deadline_words(d->status)),
                    ""});
  }
  if (!a.returned_because.empty()) {
    rows.push_back({"Returned by the manager", escape(a.returned_because), ""});
  }
  main += "<div data-testid=\"assessment-summary\">" + summary_list(rows) + "</div>";

  // When the child was seen.
  std::vector<std::vector<std::string>> seen;
  for (const ChildSeen& s : a.seen) {
    seen.push_back({escape(long_date_text(s.on)), s.alone ? "Seen alone" : "Seen"});
  }
  main += "<div data-testid=\"child-seen\">" +
          table("When the child was seen", {"Date", "Seen"}, seen,
                p.is_unborn() ? "The child is not yet born." : "The child has not been seen yet.") +
          "</div>";
  if (editable) {
    FormData defaults = values;
    if (!defaults.has("seen_on-day")) set_date(defaults, "seen_on", c.clock.today());
    main +=
        "<details class=\"govuk-details\"" +
        std::string(errors.empty() || error_for(errors, "seen_on").empty() ? "" : " open") +
        "><summary class=\"govuk-details__summary\"><span class=\"govuk-details__summary-text\">Record the "
        "child being seen</span></summary><div class=\"govuk-details__text\">" +
        form_open(c, href + "/seen", false) + hidden_field("version", std::to_string(p.version)) +
        date_input("seen_on", "When was the child seen?", date_parts(defaults, "seen_on"),
                   error_for(errors, "seen_on")) +
        checkboxes("alone", "Alone?", {{"yes", "The child was seen alone"}},
                   defaults.get("alone") == "yes" ? std::set<std::string>{"yes"} : std::set<std::string>{},
                   "") +
        button("Record child seen", "govuk-button--secondary") + "</form></div></details>";
  }

  main += "<h2 class=\"govuk-heading-m\">The assessment</h2>";
  if (editable) {
    const auto gaps = assessment_gaps(p, a);
    if (!gaps.empty()) {
      std::string list =
          "<p class=\"govuk-body\">Before it can go to a manager:</p><ul class=\"govuk-list "
          "govuk-list--bullet\" data-testid=\"gaps\">";
      for (const std::string& g : gaps) list += "<li>" + escape(g) + "</li>";
      main += "<div id=\"assessment\">" + inset(list + "</ul>") + "</div>";
    }
    main += draft_notice(values) + form_open(c, href, true) +
            hidden_field("version", std::to_string(p.version)) + write_up_fields(values, errors) +
            "<div class=\"govuk-button-group\">" +
            button("Save", "govuk-button--secondary", "action", "save") +
            button("Save and send for authorisation", "", "action", "submit") + "</div>" + draft_status() +
            "</form>";
  } else {
    main += read_only_content(a);
  }

  if (a.awaits_authorisation() && can_authorise_assessments(*c.user)) {
    main += "<h2 class=\"govuk-heading-m\">Your decision</h2><div data-testid=\"manager-decision\">" +
            form_open(c, href + "/authorise", false) + hidden_field("version", std::to_string(p.version)) +
            button("Authorise assessment") + "</form>" + form_open(c, href + "/return", false) +
            hidden_field("version", std::to_string(p.version)) +
            textarea("reason", "Or return it for more work", values.get("reason"),
                     error_for(errors, "reason"), "Say what more the assessment needs.", 3) +
            button("Return for more work", "govuk-button--warning") + "</form></div>";
  }
  return c.page(l, main, status);
}

// The field a use-case error belongs to on the assessment page.
std::vector<FieldError> errors_of(const Error& e, std::string_view fallback) {
  return {{e.field.empty() ? std::string(fallback) : e.field, e.message}};
}

// A change made from the assessment page: back to it with a banner, or the page again with the error.
Response after_change(PageContext& c, const PersonRecord& record, const Assessment& a,
                      const Result<int64_t>& result, std::string_view done, std::string_view error_field,
                      const FormData& values) {
  const std::string href = assessment_href(record.person.id, a.id);
  if (result) {
    return Response::redirect(href + "?done=" + std::string(done));
  }
  if (result.error().code != ErrorCode::kInvalid) return c.error_page(result.error());
  return assessment_page(c, record, a, values, errors_of(result.error(), error_field), 422);
}

Response start_assessment(PageContext& c, const PersonRecord& record) {
  const Person& p = record.person;
  const std::string action = person_href(p.id) + "/assessments/new";
  const CinEpisode* episode = open_episode(p);
  const auto build = [&](const FormData& v, const std::vector<FieldError>& errors) {
    std::string intro;
    if (episode) {
      intro = inset(escape("Referral on " + long_date_text(episode->referral_date) +
                           ". The assessment must be authorised within 45 working days of the referral."));
    }
    return ChangeForm{"Start a single assessment", action,
                      intro + date_input("started_on", "When did the assessment start?",
                                         date_parts(v, "started_on"), error_for(errors, "started_on")),
                      "Start assessment"};
  };
  if (c.request.method == "GET") {
    FormData values;
    set_date(values, "started_on", c.clock.today());
    return change_form_page(c, record, build(values, {}), values, {}, 200);
  }
  auto when =
      read_required_date(c.form, "started_on", "The start date", "Enter the date the assessment started");
  if (!when) {
    std::vector<FieldError> errors = {{"started_on", when.error().message}};
    return change_form_page(c, record, build(c.form, errors), c.form, errors, 422);
  }
  auto result =
      AssessmentService(c.db, c.clock).start(*c.user, p.id, form_version(c.form), *when, c.channel());
  return finish_change(c, record, build(c.form, {}), result, "started", build,
                       assessment_href(p.id, static_cast<int64_t>(p.assessments.size()) + 1));
}

Response child_seen(PageContext& c, const PersonRecord& record, const Assessment& a) {
  // The page again keeps the write-up as it was, with the date as typed.
  FormData values = c.draft(assessment_href(record.person.id, a.id)).value_or(content_values(a));
  for (const char* field : {"seen_on-day", "seen_on-month", "seen_on-year", "alone"}) {
    values.set(field, c.form.get(field));
  }
  auto when = read_required_date(c.form, "seen_on", "The date the child was seen",
                                 "Enter the date the child was seen");
  if (!when) return assessment_page(c, record, a, values, {{"seen_on", when.error().message}}, 422);
  auto result = AssessmentService(c.db, c.clock)
                    .record_seen(*c.user, record.person.id, form_version(c.form), a.id, *when,
                                 c.form.get("alone") == "yes", c.channel());
  return after_change(c, record, a, result, "seen", "seen_on", values);
}

Response save_write_up(PageContext& c, const PersonRecord& record, const Assessment& a) {
  AssessmentService service(c.db, c.clock);
  const std::string href = assessment_href(record.person.id, a.id);
  auto saved =
      service.save(*c.user, record.person.id, form_version(c.form), a.id, read_content(c.form), c.channel());
  if (!saved) return after_change(c, record, a, saved, "saved", "analysis", c.form);
  c.discard_draft(href);
  if (c.form.get("action") != "submit") return Response::redirect(href + "?done=saved");
  auto submitted = service.submit(*c.user, record.person.id, *saved, a.id, c.channel());
  if (submitted) return Response::redirect(href + "?done=submitted");
  if (submitted.error().code != ErrorCode::kInvalid) return c.error_page(submitted.error());
  // Saved but not ready: show what is missing, from the record as it now stands.
  Loaded again = load_for_form(c, record.person.id);
  if (again.instead) return std::move(*again.instead);
  const Assessment* now = find_assessment(again.record->person, a.id);
  return assessment_page(c, *again.record, *now, content_values(*now),
                         errors_of(submitted.error(), "assessment"), 422);
}

}  // namespace

std::optional<Response> assessment_pages(PageContext& c) {
  const std::string& path = c.request.path;
  if (!path.starts_with("/people/")) return std::nullopt;
  const auto parts = split(path, '/');  // "", "people", id, "assessments", n [, action]
  if (parts.size() < 5 || parts[3] != "assessments") return std::nullopt;
  const auto person_id = parse_id(parts[2]);
  if (!person_id) return std::nullopt;
  const bool get = c.request.method == "GET";
  if (!can_assess(*c.user)) {
    return c.problem(403, "You cannot work on assessments",
                     "Only social workers and team managers work on assessments.");
  }
  Loaded loaded = load_for_form(c, *person_id);
  if (loaded.instead) return std::move(*loaded.instead);
  const PersonRecord& record = *loaded.record;
  if (parts.size() == 5 && parts[4] == "new") return start_assessment(c, record);
  const auto assessment_id = parse_id(parts[4]);
  const Assessment* a = assessment_id ? find_assessment(record.person, *assessment_id) : nullptr;
  if (!a) return c.problem(404, "Page not found", "This child has no such assessment.");
  const std::string action = parts.size() == 6 ? parts[5] : "";
  if (parts.size() == 5 && get) {
    const std::string href = assessment_href(record.person.id, a->id);
    return assessment_page(c, record, *a, c.draft(href).value_or(content_values(*a)), {}, 200);
  }
  if (get || parts.size() > 6) return std::nullopt;
  if (parts.size() == 5) return save_write_up(c, record, *a);
  AssessmentService service(c.db, c.clock);
  if (action == "seen") return child_seen(c, record, *a);
  if (action == "authorise") {
    return after_change(
        c, record, *a,
        service.authorise(*c.user, record.person.id, form_version(c.form), a->id, std::nullopt, c.channel()),
        "authorised", "reason", c.form);
  }
  if (action == "return") {
    return after_change(c, record, *a,
                        service.send_back(*c.user, record.person.id, form_version(c.form), a->id,
                                          c.form.get("reason"), c.channel()),
                        "returned", "reason", c.form);
  }
  return std::nullopt;
}

}  // namespace safeguard::web
