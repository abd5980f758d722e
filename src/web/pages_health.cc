// The health and education pages of a child looked after (/people/{id}/health): the health
// assessment, SDQ and personal education plan deadlines; the latest of each record; what the
// SSDA903 OC2 return will say of the 12 months to today; every health check, immunisation status,
// SDQ, personal education plan, substance misuse problem and conviction; and the forms that record
// each (those with writing keep drafts while typed). Anyone who may open a looked-after child's
// care sees the page; the child's social worker or a team manager records.
#include "app/access_policy.h"
#include "app/health.h"
#include "core/text.h"
#include "web/page_context.h"
#include "web/pages_people.h"

namespace safeguard::web {
namespace {

constexpr std::pair<std::string_view, std::string_view> kDoneMessages[] = {
    {"check", "Health check recorded"},
    {"immunisations", "Immunisations recorded"},
    {"sdq", "SDQ recorded"},
    {"substance-misuse", "Substance misuse recorded"},
    {"conviction", "Conviction recorded"},
    {"education-plan", "Personal education plan recorded"}};

std::string health_href(int64_t id) { return person_href(id) + "/health"; }

std::string yes_no(bool b) { return b ? "Yes" : "No"; }

std::string sdq_words(const SdqRecord& s) {
  return s.score ? "Score " + std::to_string(*s.score) : label_of(CodeList::kSdqReason, s.reason);
}

template <typename T>
const T* latest(const std::vector<T>& items) {
  return items.empty() ? nullptr : &items.back();
}

const HealthCheck* latest_check(const HealthAndEducation& h, bool assessment) {
  for (auto c = h.checks.rbegin(); c != h.checks.rend(); ++c) {
    if (assessment ? c->is_assessment() : c->kind == "dental") return &*c;
  }
  return nullptr;
}

std::string deadlines_of(const PersonRecord& record) {
  std::vector<std::vector<std::string>> rows;
  for (const ChildDeadline& d : record.deadlines) {
    if (!is_health_deadline(d.kind)) continue;
    if (!still_to_meet(d.status.state)) continue;
    rows.push_back({escape(d.label), escape(long_date_text(d.status.due)), deadline_tag(d.status),
                    escape(deadline_words(d.status))});
  }
  return "<div data-testid=\"health-deadlines\">" +
         table("Deadlines", {"What", "Due", "Status", ""}, rows, "Nothing due.") + "</div>";
}

// What the child's OC2 row would say for the 12 months to today, or why there is none.
std::string outcomes_of(const Person& p, Date today) {
  const std::optional<Oc2Outcomes> o = oc2_outcomes(p, today);
  std::string out = "<h2 class=\"govuk-heading-m\">The twelve months to today (SSDA903 OC2)</h2>";
  if (!o) {
    return out +
           "<p class=\"govuk-body\">Not looked after for the whole twelve months, so not in the "
           "outcomes return.</p>";
  }
  std::vector<SummaryRow> rows{
      {"Health assessment", yes_no(o->health_assessment), ""},
      {"Dental check", yes_no(o->teeth_check), ""},
      {"Immunisations up to date", yes_no(o->immunisations), ""},
  };
  if (o->health_check) rows.push_back({"Development checks up to date", yes_no(*o->health_check), ""});
  if (o->sdq_due) {
    rows.push_back({"SDQ",
                    o->sdq_score             ? escape("Score " + std::to_string(*o->sdq_score))
                    : !o->sdq_reason.empty() ? escape(label_of(CodeList::kSdqReason, o->sdq_reason))
                                             : tag("None recorded", "red"),
                    ""});
  }
  rows.push_back({"Substance misuse problem", yes_no(o->substance_misuse), ""});
  if (o->intervention_received)
    rows.push_back({"Intervention received", yes_no(*o->intervention_received), ""});
  if (o->intervention_offered) rows.push_back({"Intervention offered", yes_no(*o->intervention_offered), ""});
  if (o->convicted) rows.push_back({"Convicted", yes_no(*o->convicted), ""});
  return out + "<div data-testid=\"health-outcomes\">" + summary_list(rows) + "</div>";
}

Response health_page(PageContext& c, const PersonRecord& record) {
  const Person& p = record.person;
  const HealthAndEducation& h = p.health;
  Layout l = c.layout("Health and education");
  l.back_href = person_href(p.id) + "/looked-after";
  const std::string done = c.query.get("done");
  for (const auto& [form, message] : kDoneMessages) {
    if (done == form) l.success_message = std::string(message);
  }
  std::string main = child_page_heading(p, "Health and education");
  const std::string base = health_href(p.id);
  if (p.periods_of_care.empty()) {
    main += "<p class=\"govuk-body\">This child has never been looked after.</p>";
    return c.page(l, main, 200);
  }
  if (can_record_care(*c.user) && current_period(p)) {
    main += "<div class=\"govuk-button-group\">" + link_button("Record a health check", base + "/check") +
            link_button("Record a PEP meeting", base + "/education-plan", "govuk-button--secondary") +
            link_button("Record an SDQ", base + "/sdq", "govuk-button--secondary") + "</div>" +
            "<p class=\"govuk-body\">Also record " + link("immunisations", base + "/immunisations") + ", " +
            link("a substance misuse problem", base + "/substance-misuse") + " or " +
            link("a conviction", base + "/conviction") + ".</p>";
  }
  main += deadlines_of(record);
  const HealthCheck* assessment = latest_check(h, true);
  const HealthCheck* dental = latest_check(h, false);
  const ImmunisationStatus* jabs = latest(h.immunisations);
  const SdqRecord* sdq = latest(h.sdqs);
  const EducationPlan* pep = latest(h.education_plans);
  std::vector<SummaryRow> rows{
      {"Latest health assessment",
       assessment ? escape(label_of(CodeList::kHealthCheck, assessment->kind) + " on " +
                           long_date_text(assessment->held_on))
                  : tag("None recorded", "grey"),
       ""},
      {"Latest dental check", dental ? escape(long_date_text(dental->held_on)) : tag("None recorded", "grey"),
       ""},
      {"Immunisations",
       jabs ? escape(std::string(jabs->up_to_date ? "Up to date" : "Not up to date") + " on " +
                     long_date_text(jabs->as_at))
            : tag("Not recorded", "grey"),
       ""},
      {"Latest SDQ", sdq ? escape(sdq_words(*sdq) + " on " + long_date_text(sdq->on)) : tag("None", "grey"),
       ""},
      {"Latest personal education plan",
       pep ? escape(pep->school + " on " + long_date_text(pep->held_on)) : tag("None", "grey"), ""},
  };
  main += "<div data-testid=\"health-summary\">" + summary_list(rows) + "</div>";
  main += outcomes_of(p, c.clock.today());

  std::vector<std::vector<std::string>> table_rows;
  for (auto x = h.checks.rbegin(); x != h.checks.rend(); ++x) {
    table_rows.push_back({escape(long_date_text(x->held_on)),
                          escape(label_of(CodeList::kHealthCheck, x->kind)), escape(x->notes),
                          escape(x->by)});
  }
  main += "<div data-testid=\"health-checks\">" +
          table("Health checks", {"Date", "Check", "Findings", "By"}, table_rows, "None recorded.") +
          "</div>";
  table_rows.clear();
  for (auto x = h.education_plans.rbegin(); x != h.education_plans.rend(); ++x) {
    table_rows.push_back(
        {escape(long_date_text(x->held_on)), escape(x->school), escape(x->notes), escape(x->by)});
  }
  main +=
      "<div data-testid=\"education-plans\">" +
      table("Personal education plans", {"Date", "School", "The plan", "By"}, table_rows, "None recorded.") +
      "</div>";
  table_rows.clear();
  for (auto x = h.sdqs.rbegin(); x != h.sdqs.rend(); ++x) {
    table_rows.push_back({escape(long_date_text(x->on)), escape(sdq_words(*x)), escape(x->by)});
  }
  main += "<div data-testid=\"sdqs\">" +
          table("Strengths and difficulties questionnaires", {"Date", "Result", "By"}, table_rows,
                "None recorded.") +
          "</div>";
  table_rows.clear();
  for (auto x = h.immunisations.rbegin(); x != h.immunisations.rend(); ++x) {
    table_rows.push_back({escape(long_date_text(x->as_at)),
                          escape(x->up_to_date ? "Up to date" : "Not up to date"), escape(x->by)});
  }
  main += table("Immunisations", {"As at", "Status", "By"}, table_rows, "None recorded.");
  table_rows.clear();
  for (auto x = h.substance_misuse.rbegin(); x != h.substance_misuse.rend(); ++x) {
    table_rows.push_back({escape(long_date_text(x->identified_on)), escape(x->notes),
                          escape(yes_no(x->intervention_offered)), escape(yes_no(x->intervention_received)),
                          escape(x->by)});
  }
  main += table("Substance misuse", {"Identified", "The problem", "Intervention offered", "Received", "By"},
                table_rows, "None recorded.");
  table_rows.clear();
  for (auto x = h.convictions.rbegin(); x != h.convictions.rend(); ++x) {
    table_rows.push_back({escape(long_date_text(x->convicted_on)), escape(x->offence), escape(x->by)});
  }
  main += table("Convictions", {"Date", "Offence", "By"}, table_rows, "None recorded.");
  return c.page(l, main, 200);
}

// The form /people/{id}/health/<form>, with its date field; back to the health page when done.
DatedForm health_form(PageContext& c, const PersonRecord& record, std::string_view form,
                      const char* date_field) {
  const std::string page = health_href(record.person.id);
  return DatedForm{c, record, page + "/" + std::string(form), date_field, page, nullptr};
}

Response record_check(PageContext& c, const PersonRecord& record) {
  DatedForm f = health_form(c, record, "check", "held_on");
  f.build = [&](const FormData& v, const std::vector<FieldError>& errors) {
    return ChangeForm{
        "Record a health check", f.action,
        radios("kind", "Which check?", choices_of(CodeList::kHealthCheck), v.get("kind"),
               error_for(errors, "kind"),
               "The initial health assessment is due within 20 working days of coming into "
               "care; reviews every 6 months under 5, every year from 5.") +
            date_input("held_on", "When was it?", date_parts(v, "held_on"), error_for(errors, "held_on")) +
            textarea("notes", "What was found, and what follows", v.get("notes"), error_for(errors, "notes"),
                     "The health plan's actions, referrals, and the child's own view.", 6),
        "Record check"};
  };
  if (auto page = f.get()) return std::move(*page);
  auto on = f.date("Enter the date of the check");
  if (!on) return f.invalid({{"held_on", on.error().message}});
  HealthCheck input{0, c.form.get("kind"), *on, c.form.get("notes"), ""};
  return f.finish(HealthService(c.db, c.clock)
                      .record_check(*c.user, record.person.id, form_version(c.form), input, c.channel()),
                  "check");
}

Response record_immunisations(PageContext& c, const PersonRecord& record) {
  DatedForm f = health_form(c, record, "immunisations", "as_at");
  f.build = [&](const FormData& v, const std::vector<FieldError>& errors) {
    return ChangeForm{
        "Record immunisations", f.action,
        radios("up_to_date", "Are the child's immunisations up to date?", {{"yes", "Yes"}, {"no", "No"}},
               v.get("up_to_date"), error_for(errors, "up_to_date"), "", true) +
            date_input("as_at", "As at", date_parts(v, "as_at"), error_for(errors, "as_at")),
        "Record immunisations"};
  };
  if (auto page = f.get()) return std::move(*page);
  std::vector<FieldError> errors;
  const std::string answer = c.form.get("up_to_date");
  if (answer != "yes" && answer != "no") errors.push_back({"up_to_date", "Say whether they are up to date"});
  auto on = f.date("Enter the date");
  if (!on) errors.push_back({"as_at", on.error().message});
  if (!errors.empty()) return f.invalid(errors);
  ImmunisationStatus input{0, *on, answer == "yes", ""};
  return f.finish(
      HealthService(c.db, c.clock)
          .record_immunisations(*c.user, record.person.id, form_version(c.form), input, c.channel()),
      "immunisations");
}

// A score typed as a whole number, or none when blank.
Result<std::optional<int>> read_score(const FormData& form) {
  const std::string text(trim(form.get("score")));
  if (text.empty()) return std::optional<int>();
  if (text.size() > 2 || text.find_first_not_of("0123456789") != std::string::npos) {
    return Error::invalid("Enter the total score as a whole number from 0 to 40", "score");
  }
  return std::optional<int>(std::stoi(text));
}

Response record_sdq(PageContext& c, const PersonRecord& record) {
  DatedForm f = health_form(c, record, "sdq", "on");
  f.build = [&](const FormData& v, const std::vector<FieldError>& errors) {
    return ChangeForm{
        "Record a strengths and difficulties questionnaire", f.action,
        date_input("on", "When was it completed?", date_parts(v, "on"), error_for(errors, "on")) +
            text_input(
                "score", "Total difficulties score", v.get("score"), error_for(errors, "score"),
                casework_input("0 to 40, from the carer's questionnaire. Leave blank if there is none.",
                               "govuk-input--width-2")) +
            select("reason", "If there is no score, why?", choices_of(CodeList::kSdqReason), v.get("reason"),
                   error_for(errors, "reason"), "", "There is a score"),
        "Record SDQ"};
  };
  if (auto page = f.get()) return std::move(*page);
  std::vector<FieldError> errors;
  auto on = f.date("Enter the date it was completed");
  if (!on) errors.push_back({"on", on.error().message});
  auto score = read_score(c.form);
  if (!score) errors.push_back({"score", score.error().message});
  if (!errors.empty()) return f.invalid(errors);
  SdqRecord input{0, *on, *score, c.form.get("reason"), ""};
  return f.finish(HealthService(c.db, c.clock)
                      .record_sdq(*c.user, record.person.id, form_version(c.form), input, c.channel()),
                  "sdq");
}

Response record_substance_misuse(PageContext& c, const PersonRecord& record) {
  DatedForm f = health_form(c, record, "substance-misuse", "identified_on");
  f.build = [&](const FormData& v, const std::vector<FieldError>& errors) {
    const std::vector<std::string> chosen = v.all("intervention");
    return ChangeForm{
        "Record a substance misuse problem", f.action,
        date_input("identified_on", "When was the problem identified?", date_parts(v, "identified_on"),
                   error_for(errors, "identified_on")) +
            textarea("notes", "The problem", v.get("notes"), error_for(errors, "notes"),
                     "The substances, how often, the worry, and the plan.", 6) +
            checkboxes("intervention", "Intervention",
                       {{"offered", "An intervention was offered"}, {"received", "The child received it"}},
                       std::set<std::string>(chosen.begin(), chosen.end()), error_for(errors, "intervention"),
                       "Select all that apply."),
        "Record"};
  };
  if (auto page = f.get()) return std::move(*page);
  auto on = f.date("Enter the date the problem was identified");
  if (!on) return f.invalid({{"identified_on", on.error().message}});
  SubstanceMisuse input{0, *on, c.form.get("notes"), false, false, ""};
  for (const std::string& x : c.form.all("intervention")) {
    input.intervention_offered |= x == "offered";
    input.intervention_received |= x == "received";
  }
  auto result =
      HealthService(c.db, c.clock)
          .record_substance_misuse(*c.user, record.person.id, form_version(c.form), input, c.channel());
  // The domain names "intervention_offered"; on this form that is the "intervention" checkboxes.
  if (!result && result.error().field == "intervention_offered") {
    result = Error::invalid(result.error().message, "intervention");
  }
  return f.finish(std::move(result), "substance-misuse");
}

Response record_conviction(PageContext& c, const PersonRecord& record) {
  DatedForm f = health_form(c, record, "conviction", "convicted_on");
  f.build = [&](const FormData& v, const std::vector<FieldError>& errors) {
    return ChangeForm{"Record a conviction", f.action,
                      date_input("convicted_on", "When was the child convicted?",
                                 date_parts(v, "convicted_on"), error_for(errors, "convicted_on")) +
                          textarea("offence", "What for", v.get("offence"), error_for(errors, "offence"),
                                   "The offence, the court's outcome, and the youth justice plan.", 4),
                      "Record conviction"};
  };
  if (auto page = f.get()) return std::move(*page);
  auto on = f.date("Enter the date of the conviction");
  if (!on) return f.invalid({{"convicted_on", on.error().message}});
  Conviction input{0, *on, c.form.get("offence"), ""};
  return f.finish(HealthService(c.db, c.clock)
                      .record_conviction(*c.user, record.person.id, form_version(c.form), input, c.channel()),
                  "conviction");
}

Response record_education_plan(PageContext& c, const PersonRecord& record) {
  DatedForm f = health_form(c, record, "education-plan", "held_on");
  f.build = [&](const FormData& v, const std::vector<FieldError>& errors) {
    return ChangeForm{
        "Record a personal education plan meeting", f.action,
        date_input("held_on", "When was the meeting?", date_parts(v, "held_on"), error_for(errors, "held_on"),
                   "The first plan within 20 working days of coming into care, then one each school term.") +
            text_input("school", "School, college or nursery", v.get("school"), error_for(errors, "school"),
                       casework_input("")) +
            textarea("notes", "The plan", v.get("notes"), error_for(errors, "notes"),
                     "Progress and attendance, what the child wants, the targets for this term, and the "
                     "support for them (pupil premium plus, tutoring, the designated teacher).",
                     10),
        "Record plan"};
  };
  if (auto page = f.get()) return std::move(*page);
  auto on = f.date("Enter the date of the meeting");
  if (!on) return f.invalid({{"held_on", on.error().message}});
  EducationPlan input{0, *on, c.form.get("school"), c.form.get("notes"), ""};
  return f.finish(
      HealthService(c.db, c.clock)
          .record_education_plan(*c.user, record.person.id, form_version(c.form), input, c.channel()),
      "education-plan");
}

constexpr std::string_view kForms[] = {"check",      "immunisations", "sdq", "substance-misuse",
                                       "conviction", "education-plan"};

}  // namespace

bool is_health_form(std::string_view form) {
  return std::find(std::begin(kForms), std::end(kForms), form) != std::end(kForms);
}

std::optional<Response> health_pages(PageContext& c) {
  const std::string& path = c.request.path;
  if (!path.starts_with("/people/")) return std::nullopt;
  // "", "people", id, "health" [, form]
  const auto parts = split(path, '/');
  if (parts.size() < 4 || parts.size() > 5 || parts[3] != "health") return std::nullopt;
  const auto person_id = parse_id(parts[2]);
  if (!person_id) return std::nullopt;
  const std::string form = parts.size() == 5 ? parts[4] : "";
  if (!form.empty() && !is_health_form(form)) return std::nullopt;
  if (form.empty() && c.request.method != "GET") return std::nullopt;
  const bool may_see =
      can_record_care(*c.user) || can_review_care(*c.user) || can_appoint_reviewing_officer(*c.user);
  if (!may_see) {
    return c.problem(403, "You cannot see this",
                     "Social workers, team managers and reviewing officers see a looked-after child's health "
                     "and education.");
  }
  if (!form.empty() && !can_record_care(*c.user)) {
    return c.problem(403, "You cannot record this",
                     "The child's social worker or a team manager records their health and education.");
  }
  Loaded loaded = load_for_form(c, *person_id);
  if (loaded.instead) return std::move(*loaded.instead);
  const PersonRecord& record = *loaded.record;
  if (form == "check") return record_check(c, record);
  if (form == "immunisations") return record_immunisations(c, record);
  if (form == "sdq") return record_sdq(c, record);
  if (form == "substance-misuse") return record_substance_misuse(c, record);
  if (form == "conviction") return record_conviction(c, record);
  if (form == "education-plan") return record_education_plan(c, record);
  return health_page(c, record);
}

}  // namespace safeguard::web
