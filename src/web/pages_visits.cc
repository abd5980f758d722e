// Visit and supervision pages: the child's visits (seen, seen alone, who was there, what the child
// said, what the worker saw) with the visit deadline, and recording one; the case's supervision
// (discussion, decisions, actions, next due) with its deadline, and a manager recording one. Both
// forms keep a draft while typed. Every change goes through VisitService.
#include "app/access_policy.h"
#include "app/visits.h"
#include "core/text.h"
#include "web/page_context.h"
#include "web/pages_people.h"

namespace safeguard::web {
namespace {

// The record's open deadlines of a kind, as a paragraph each.
std::string open_deadlines_of(const PersonRecord& record, std::string_view kind) {
  std::string out;
  for (const ChildDeadline& d : record.deadlines) {
    if (d.kind != kind) continue;
    if (!still_to_meet(d.status.state)) continue;
    out += "<p class=\"govuk-body\">" + escape(d.label + " due " + long_date_text(d.status.due)) + " " +
           deadline_tag(d.status) + " " + escape(deadline_words(d.status)) + "</p>";
  }
  return out;
}

Response visits_page(PageContext& c, const PersonRecord& record) {
  const Person& p = record.person;
  Layout l = c.layout("Visits");
  l.back_href = person_href(p.id);
  if (c.query.get("done") == "visit") l.success_message = "Visit recorded";
  std::string main = child_page_heading(p, "Visits") + "<div data-testid=\"visit-deadlines\">" +
                     open_deadlines_of(record, "visit") + open_deadlines_of(record, "looked_after_visit") +
                     "</div>";
  if (open_episode(p)) main += link_button("Record a visit", person_href(p.id) + "/visits/new");
  std::vector<std::vector<std::string>> rows;
  for (auto it = p.visits.rbegin(); it != p.visits.rend(); ++it) {
    rows.push_back({escape(long_date_text(it->on)),
                    it->seen_alone ? "Seen alone" : (it->seen ? "Seen" : tag("Not seen", "red")),
                    escape(it->who_present), escape(it->child_said), escape(it->observations),
                    escape(it->recorded_by)});
  }
  main += "<div data-testid=\"visits\">" +
          table("Visits", {"Date", "Child", "Who was there", "What the child said", "What I saw", "By"}, rows,
                "No visits recorded.") +
          "</div>";
  return c.page(l, main, 200);
}

Response record_visit(PageContext& c, const PersonRecord& record) {
  const Person& p = record.person;
  const std::string action = person_href(p.id) + "/visits/new";
  const auto build = [&](const FormData& v, const std::vector<FieldError>& errors) {
    return ChangeForm{
        "Record a visit", action,
        date_input("on", "When was the visit?", date_parts(v, "on"), error_for(errors, "on")) +
            radios("seen", "Was the child seen?",
                   {{"alone", "Yes, seen alone"}, {"yes", "Yes, with someone else there"}, {"no", "No"}},
                   v.get("seen"), error_for(errors, "seen")) +
            text_input("who_present", "Who else was there", v.get("who_present"),
                       error_for(errors, "who_present")) +
            textarea("child_said", "What the child said", v.get("child_said"),
                     error_for(errors, "child_said"),
                     "In their own words. For a baby or a child who does not speak, what you saw of their "
                     "experience.",
                     6) +
            textarea("observations", "What you saw", v.get("observations"), error_for(errors, "observations"),
                     "The home, the child's presentation, how the family were with each other.", 6),
        "Record visit"};
  };
  if (c.request.method == "GET") {
    FormData values = c.draft(action).value_or(FormData());
    if (!values.has("on-day")) set_date(values, "on", c.clock.today());
    return change_form_page(c, record, build(values, {}), values, {}, 200);
  }
  auto when = read_required_date(c.form, "on", "The date", "Enter the date of the visit");
  const std::string seen = c.form.get("seen");
  std::vector<FieldError> errors;
  if (!when) errors.push_back({"on", when.error().message});
  if (seen != "alone" && seen != "yes" && seen != "no")
    errors.push_back({"seen", "Say whether the child was seen"});
  if (!errors.empty()) return change_form_page(c, record, build(c.form, errors), c.form, errors, 422);
  VisitInput input{*when,
                   seen != "no",
                   seen == "alone",
                   c.form.get("who_present"),
                   c.form.get("child_said"),
                   c.form.get("observations")};
  auto result =
      VisitService(c.db, c.clock).record_visit(*c.user, p.id, form_version(c.form), input, c.channel());
  return finish_change(c, record, build(c.form, {}), result, "visit", build, person_href(p.id) + "/visits");
}

Response supervision_page(PageContext& c, const PersonRecord& record) {
  const Person& p = record.person;
  Layout l = c.layout("Case supervision");
  l.back_href = person_href(p.id);
  if (c.query.get("done") == "supervision") l.success_message = "Supervision recorded";
  std::string main = child_page_heading(p, "Case supervision") +
                     "<div data-testid=\"supervision-deadlines\">" +
                     open_deadlines_of(record, "supervision") + "</div>";
  if (open_episode(p) && can_authorise_assessments(*c.user)) {
    main += link_button("Record supervision", person_href(p.id) + "/supervision/new");
  }
  std::vector<std::vector<std::string>> rows;
  for (auto it = p.supervisions.rbegin(); it != p.supervisions.rend(); ++it) {
    rows.push_back({escape(long_date_text(it->on)), escape(it->by), escape(it->discussion),
                    escape(it->decisions), escape(it->actions),
                    escape(date_or(it->next_due, "At the usual interval"))});
  }
  main += "<div data-testid=\"supervisions\">" +
          table("Supervision", {"Date", "Manager", "Discussion", "Decisions", "Actions", "Next due"}, rows,
                "No supervision recorded.") +
          "</div>";
  return c.page(l, main, 200);
}

Response record_supervision(PageContext& c, const PersonRecord& record) {
  const Person& p = record.person;
  const std::string action = person_href(p.id) + "/supervision/new";
  const auto build = [&](const FormData& v, const std::vector<FieldError>& errors) {
    return ChangeForm{
        "Record case supervision", action,
        date_input("on", "When was the supervision?", date_parts(v, "on"), error_for(errors, "on")) +
            textarea("discussion", "What was discussed", v.get("discussion"), error_for(errors, "discussion"),
                     "The child's progress, risks, the plan and the child's views.", 6) +
            textarea("decisions", "Decisions", v.get("decisions"), error_for(errors, "decisions"), "", 4) +
            textarea("actions", "Actions", v.get("actions"), error_for(errors, "actions"),
                     "Who will do what, by when.", 4) +
            date_input("next_due", "Next supervision due (optional)", date_parts(v, "next_due"),
                       error_for(errors, "next_due"),
                       "Leave blank for the council's usual interval; a date may be sooner, not later."),
        "Record supervision"};
  };
  if (c.request.method == "GET") {
    FormData values = c.draft(action).value_or(FormData());
    if (!values.has("on-day")) set_date(values, "on", c.clock.today());
    return change_form_page(c, record, build(values, {}), values, {}, 200);
  }
  auto when = read_required_date(c.form, "on", "The date", "Enter the date of the supervision");
  auto next = read_date(c.form, "next_due", "The next due date");
  std::vector<FieldError> errors;
  if (!when) errors.push_back({"on", when.error().message});
  if (!next) errors.push_back({"next_due", next.error().message});
  if (!errors.empty()) return change_form_page(c, record, build(c.form, errors), c.form, errors, 422);
  SupervisionInput input{*when, c.form.get("discussion"), c.form.get("decisions"), c.form.get("actions"),
                         *next};
  auto result =
      VisitService(c.db, c.clock).record_supervision(*c.user, p.id, form_version(c.form), input, c.channel());
  return finish_change(c, record, build(c.form, {}), result, "supervision", build,
                       person_href(p.id) + "/supervision");
}

}  // namespace

std::optional<Response> visit_pages(PageContext& c) {
  const std::string& path = c.request.path;
  if (!path.starts_with("/people/")) return std::nullopt;
  const auto parts = split(path, '/');  // "", "people", id, "visits"|"supervision" [, "new"]
  if (parts.size() < 4 || parts.size() > 5 || (parts[3] != "visits" && parts[3] != "supervision")) {
    return std::nullopt;
  }
  const auto person_id = parse_id(parts[2]);
  if (!person_id || (parts.size() == 5 && parts[4] != "new")) return std::nullopt;
  const bool form = parts.size() == 5;
  if (!form && c.request.method != "GET") return std::nullopt;
  if (!can_assess(*c.user)) {
    return c.problem(403, "You cannot record visits or supervision",
                     "Only social workers and team managers record visits and supervision.");
  }
  if (form && parts[3] == "supervision" && !can_authorise_assessments(*c.user)) {
    return c.problem(403, "You cannot record supervision", "Only team managers record case supervision.");
  }
  Loaded loaded = load_for_form(c, *person_id);
  if (loaded.instead) return std::move(*loaded.instead);
  if (parts[3] == "visits") return form ? record_visit(c, *loaded.record) : visits_page(c, *loaded.record);
  return form ? record_supervision(c, *loaded.record) : supervision_page(c, *loaded.record);
}

}  // namespace safeguard::web
