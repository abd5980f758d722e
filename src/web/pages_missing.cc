// The missing and exploitation pages. For a child: every time they went missing or were away
// without authorisation, where they were found, the return home interview and its 72-hour clock,
// and their exploitation screenings with the next one due; and the forms that record each (the
// interview's findings and the screening keep drafts while typed). For the multi-agency exploitation
// and missing team (/missing): the children missing now, the last 90 days' episodes by child,
// return interviews not yet offered, and the children at risk of exploitation with their reviews.
#include "app/access_policy.h"
#include "app/missing.h"
#include "core/text.h"
#include "web/page_context.h"
#include "web/pages_people.h"

namespace safeguard::web {
namespace {

std::string missing_href(int64_t id) { return person_href(id) + "/missing"; }

std::string type_words(const std::string& type) {
  return type == "M" ? "Missing" : type == "A" ? "Away without authorisation" : type;
}

std::string kinds_words(const ExploitationScreening& s) {
  if (s.sexual && s.criminal) return "Sexual and criminal";
  if (s.sexual) return "Sexual";
  if (s.criminal) return "Criminal";
  return "None";
}

std::string risk_tag(const std::string& risk) {
  const std::string words = label_of(CodeList::kExploitationRisk, risk);
  if (risk == "high") return tag(words, "red");
  if (risk == "medium") return tag(words, "orange");
  if (risk == "low") return tag(words, "yellow");
  return tag(words, "grey");
}

std::string interview_words(const MissingEpisode& m) {
  if (!m.interview) return m.is_open() ? "" : "Not offered yet";
  if (!m.interview->accepted) return "Offered " + long_date_text(m.interview->offered_on) + ", not taken up";
  return "Held " + long_date_text(*m.interview->held_on);
}

const MissingEpisode* missing_episode_of(const Person& p, int64_t id) {
  for (const MissingEpisode& m : p.missing) {
    if (m.id == id) return &m;
  }
  return nullptr;
}

Response child_page(PageContext& c, const PersonRecord& record) {
  const Person& p = record.person;
  Layout l = c.layout("Missing and exploitation");
  l.back_href = person_href(p.id);
  const std::string done = c.query.get("done");
  if (done == "reported") l.success_message = "Missing episode recorded";
  if (done == "returned")
    l.success_message = "Return recorded: offer a return home interview within 72 hours";
  if (done == "interview") l.success_message = "Return home interview recorded";
  if (done == "screened") l.success_message = "Exploitation screening recorded";
  std::string main = child_page_heading(p, "Missing and exploitation");
  const std::string base = missing_href(p.id);
  const MissingEpisode* open = current_missing(p);
  if (open) {
    main += warning(std::string(open->type == "M" ? "Missing" : "Away without authorisation") + " since " +
                    long_date_text(open->started_on) + ".");
  }
  std::string buttons;
  if (can_record_missing(*c.user)) {
    buttons +=
        open ? link_button("Record the child's return", base + "/" + std::to_string(open->id) + "/return")
             : link_button("Record the child missing", base + "/new");
  }
  if (can_screen_exploitation(*c.user)) {
    buttons += link_button("Screen for exploitation", base + "/screening", "govuk-button--secondary");
  }
  if (!buttons.empty()) main += "<div class=\"govuk-button-group\">" + buttons + "</div>";

  std::vector<std::vector<std::string>> deadlines;
  for (const ChildDeadline& d : record.deadlines) {
    if (!is_missing_deadline(d.kind)) {
      continue;
    }
    if (!still_to_meet(d.status.state)) continue;
    deadlines.push_back({escape(d.label), escape(long_date_text(d.status.due)), deadline_tag(d.status),
                         escape(deadline_words(d.status))});
  }
  main += "<div data-testid=\"missing-deadlines\">" +
          table("Deadlines", {"What", "Due", "Status", ""}, deadlines, "Nothing due.") + "</div>";

  std::vector<std::vector<std::string>> episodes;
  for (auto m = p.missing.rbegin(); m != p.missing.rend(); ++m) {
    std::string action;
    if (can_record_missing(*c.user) && !m->is_open() && !m->interview) {
      action = link_in_context("Record interview", " after the return on " + long_date_text(*m->ended_on),
                               base + "/" + std::to_string(m->id) + "/interview");
    }
    episodes.push_back({escape(type_words(m->type)), escape(long_date_text(m->started_on)),
                        m->ended_on ? escape(long_date_text(*m->ended_on)) : tag("Still missing", "red"),
                        escape(m->where_found), escape(interview_words(*m)),
                        m->interview ? escape(m->interview->findings) : "", action});
  }
  main += "<div data-testid=\"missing-episodes\">" +
          table("Missing episodes",
                {"What", "From", "Back", "Where found", "Return home interview", "What the child said", ""},
                episodes, "Never recorded missing.") +
          "</div>";

  std::vector<std::vector<std::string>> screenings;
  for (auto s = p.exploitation_screenings.rbegin(); s != p.exploitation_screenings.rend(); ++s) {
    screenings.push_back({escape(long_date_text(s->screened_on)), risk_tag(s->risk), escape(kinds_words(*s)),
                          escape(s->summary), escape(s->by)});
  }
  main += "<div data-testid=\"exploitation-screenings\">" +
          table("Exploitation screenings", {"Date", "Risk", "Exploitation", "What was found", "By"},
                screenings, "Never screened.") +
          "</div>";
  return c.page(l, main, 200);
}

Response report_missing(PageContext& c, const PersonRecord& record) {
  const Person& p = record.person;
  const std::string action = missing_href(p.id) + "/new";
  const auto build = [&](const FormData& v, const std::vector<FieldError>& errors) {
    return ChangeForm{"Record the child missing", action,
                      radios("type", "What has happened?", choices_of(CodeList::kMissingType), v.get("type"),
                             error_for(errors, "type")) +
                          date_input("started_on", "Since when?", date_parts(v, "started_on"),
                                     error_for(errors, "started_on")),
                      "Record missing"};
  };
  if (c.request.method == "GET") {
    FormData values;
    set_date(values, "started_on", c.clock.today());
    return change_form_page(c, record, build(values, {}), values, {}, 200);
  }
  auto when = read_required_date(c.form, "started_on", "The date", "Enter the date the child went missing");
  if (!when) {
    const std::vector<FieldError> errors{{"started_on", when.error().message}};
    return change_form_page(c, record, build(c.form, errors), c.form, errors, 422);
  }
  auto result = MissingService(c.db, c.clock)
                    .report(*c.user, p.id, form_version(c.form), c.form.get("type"), *when, c.channel());
  return finish_change(c, record, build(c.form, {}), result, "reported", build, missing_href(p.id));
}

Response record_return(PageContext& c, const PersonRecord& record, const MissingEpisode& m) {
  const Person& p = record.person;
  const std::string action = missing_href(p.id) + "/" + std::to_string(m.id) + "/return";
  const auto build = [&](const FormData& v, const std::vector<FieldError>& errors) {
    return ChangeForm{
        "Record the child's return", action,
        "<p class=\"govuk-body\">" + escape(type_words(m.type)) + " since " +
            escape(long_date_text(m.started_on)) + ".</p>" +
            date_input("ended_on", "When did the child come back?", date_parts(v, "ended_on"),
                       error_for(errors, "ended_on")) +
            text_input("where_found", "Where were they found, or where did they come back from?",
                       v.get("where_found"), error_for(errors, "where_found"),
                       casework_input("For example: found by police at a friend's flat in the city centre.")),
        "Record return"};
  };
  if (c.request.method == "GET") {
    FormData values;
    set_date(values, "ended_on", c.clock.today());
    return change_form_page(c, record, build(values, {}), values, {}, 200);
  }
  auto when = read_required_date(c.form, "ended_on", "The date", "Enter the date the child came back");
  if (!when) {
    const std::vector<FieldError> errors{{"ended_on", when.error().message}};
    return change_form_page(c, record, build(c.form, errors), c.form, errors, 422);
  }
  auto result =
      MissingService(c.db, c.clock)
          .returned(*c.user, p.id, form_version(c.form), m.id, *when, c.form.get("where_found"), c.channel());
  return finish_change(c, record, build(c.form, {}), result, "returned", build, missing_href(p.id));
}

Response record_interview(PageContext& c, const PersonRecord& record, const MissingEpisode& m) {
  const Person& p = record.person;
  const std::string action = missing_href(p.id) + "/" + std::to_string(m.id) + "/interview";
  const auto build = [&](const FormData& v, const std::vector<FieldError>& errors) {
    return ChangeForm{
        "Record the return home interview", action,
        "<p class=\"govuk-body\">Back on " + escape(date_or(m.ended_on)) + " from " + escape(m.where_found) +
            ".</p>" +
            date_input("offered_on", "When was the interview offered?", date_parts(v, "offered_on"),
                       error_for(errors, "offered_on"), "Within 72 hours of the child's return.") +
            radios("accepted", "Did the child take it up?", {{"yes", "Yes"}, {"no", "No"}}, v.get("accepted"),
                   error_for(errors, "accepted")) +
            date_input("held_on", "When was it held?", date_parts(v, "held_on"), error_for(errors, "held_on"),
                       "Leave blank if the child did not take it up.") +
            textarea("findings", "What did the child say?", v.get("findings"), error_for(errors, "findings"),
                     "Why they went, where, who with, what happened, and any risk of harm or exploitation. "
                     "Leave blank if the child did not take it up.",
                     8),
        "Record interview"};
  };
  if (c.request.method == "GET") {
    FormData values = c.draft(action).value_or(FormData());
    if (!values.has("offered_on-day")) set_date(values, "offered_on", c.clock.today());
    return change_form_page(c, record, build(values, {}), values, {}, 200);
  }
  std::vector<FieldError> errors;
  auto offered =
      read_required_date(c.form, "offered_on", "The date", "Enter the date the interview was offered");
  if (!offered) errors.push_back({"offered_on", offered.error().message});
  auto held = read_date(c.form, "held_on", "The date");
  if (!held) errors.push_back({"held_on", held.error().message});
  const std::string accepted = c.form.get("accepted");
  if (accepted != "yes" && accepted != "no")
    errors.push_back({"accepted", "Say whether the child took it up"});
  if (!errors.empty()) return change_form_page(c, record, build(c.form, errors), c.form, errors, 422);
  ReturnInterview input{*offered, accepted == "yes", *held, c.form.get("findings"), ""};
  auto result = MissingService(c.db, c.clock)
                    .record_interview(*c.user, p.id, form_version(c.form), m.id, input, c.channel());
  return finish_change(c, record, build(c.form, {}), result, "interview", build, missing_href(p.id));
}

Response screen(PageContext& c, const PersonRecord& record) {
  const Person& p = record.person;
  const std::string action = missing_href(p.id) + "/screening";
  const auto build = [&](const FormData& v, const std::vector<FieldError>& errors) {
    const std::vector<std::string> chosen = v.all("kinds");
    const std::set<std::string> kinds(chosen.begin(), chosen.end());
    return ChangeForm{
        "Screen for exploitation", action,
        date_input("screened_on", "Date of the screening", date_parts(v, "screened_on"),
                   error_for(errors, "screened_on")) +
            checkboxes(
                "kinds", "Is the child at risk of exploitation?",
                {{"sexual", "Sexual exploitation"}, {"criminal", "Criminal exploitation, county lines"}},
                kinds, error_for(errors, "kinds"), "Select all that apply.") +
            radios("risk", "Risk level", choices_of(CodeList::kExploitationRisk), v.get("risk"),
                   error_for(errors, "risk"),
                   "A child at high risk is screened again within a month, medium within 3 months, low "
                   "within 6.") +
            textarea("summary", "What did the screening find?", v.get("summary"),
                     error_for(errors, "summary"),
                     "The indicators seen (going missing, older associates, unexplained money or phones, "
                     "injuries), the child's own words, and what is being done.",
                     8),
        "Record screening"};
  };
  if (c.request.method == "GET") {
    FormData values = c.draft(action).value_or(FormData());
    if (!values.has("screened_on-day")) set_date(values, "screened_on", c.clock.today());
    return change_form_page(c, record, build(values, {}), values, {}, 200);
  }
  auto when = read_required_date(c.form, "screened_on", "The date", "Enter the date of the screening");
  if (!when) {
    const std::vector<FieldError> errors{{"screened_on", when.error().message}};
    return change_form_page(c, record, build(c.form, errors), c.form, errors, 422);
  }
  ExploitationScreening input;
  input.screened_on = *when;
  for (const std::string& k : c.form.all("kinds")) {
    if (k == "sexual") input.sexual = true;
    if (k == "criminal") input.criminal = true;
  }
  input.risk = c.form.get("risk");
  input.summary = c.form.get("summary");
  auto result = MissingService(c.db, c.clock).screen(*c.user, p.id, form_version(c.form), input, c.channel());
  return finish_change(c, record, build(c.form, {}), result, "screened", build, missing_href(p.id));
}

std::string looked_after_cell(bool looked_after) { return looked_after ? tag("Looked after", "blue") : ""; }

Response team_page(PageContext& c) {
  auto overview = MissingService(c.db, c.clock).overview(*c.user);
  if (!overview) return c.error_page(overview.error());
  Layout l = c.layout("Missing and exploitation", "missing");
  std::string main = "<h1 class=\"govuk-heading-l\">Missing and exploitation</h1>";
  std::vector<std::vector<std::string>> rows;
  for (const MissingChild& m : overview->missing_now) {
    const MissingEpisode& e = m.recent.back();
    rows.push_back({person_link(m.child), escape(type_words(e.type)), escape(long_date_text(e.started_on)),
                    escape(std::to_string(overview->today - e.started_on)), looked_after_cell(m.looked_after),
                    link_in_context("Record return", " of " + person_name(m.child),
                                    missing_href(m.child.id) + "/" + std::to_string(e.id) + "/return")});
  }
  main += "<div data-testid=\"missing-now\">" +
          table("Missing now (" + std::to_string(rows.size()) + ")",
                {"Child", "What", "Since", "Days", "", ""}, rows, "No child is recorded as missing.") +
          "</div>";
  rows.clear();
  for (const InterviewDue& i : overview->interviews) {
    rows.push_back(
        {person_link(i.child), escape(long_date_text(i.returned_on)), escape(long_date_text(i.status.due)),
         deadline_tag(i.status),
         link_in_context("Record interview", " for " + person_name(i.child),
                         missing_href(i.child.id) + "/" + std::to_string(i.missing_id) + "/interview")});
  }
  main += "<div data-testid=\"interviews-due\">" +
          table("Return home interviews to offer (" + std::to_string(rows.size()) + ")",
                {"Child", "Back on", "Offer by", "Status", ""}, rows,
                "Every child back in the last 90 days has been offered an interview.") +
          "</div>";
  rows.clear();
  for (const AtRisk& r : overview->at_risk) {
    rows.push_back(
        {person_link(r.child), risk_tag(r.latest.risk), escape(kinds_words(r.latest)),
         escape(long_date_text(r.latest.screened_on)),
         r.review ? escape(long_date_text(r.review->due)) + " " + deadline_tag(*r.review) : "",
         looked_after_cell(r.looked_after),
         link_in_context("Screen", " " + person_name(r.child), missing_href(r.child.id) + "/screening")});
  }
  main += "<div data-testid=\"at-risk\">" +
          table("At risk of exploitation (" + std::to_string(rows.size()) + ")",
                {"Child", "Risk", "Exploitation", "Screened", "Next screening due", "", ""}, rows,
                "No child's latest screening found a risk.") +
          "</div>";
  rows.clear();
  for (const MissingChild& m : overview->recent) {
    rows.push_back({person_link(m.child), escape(std::to_string(m.recent.size())),
                    escape(long_date_text(m.recent.back().started_on)), looked_after_cell(m.looked_after)});
  }
  main += "<div data-testid=\"missing-recent\">" +
          table("Missing in the last 90 days: " + std::to_string(overview->episodes_in_window) +
                    " episodes, " + std::to_string(rows.size()) + " children",
                {"Child", "Episodes", "Latest went missing", ""}, rows,
                "No child was missing in the last 90 days.") +
          "</div>";
  return c.page(l, main, 200);
}

}  // namespace

std::optional<Response> missing_pages(PageContext& c) {
  const std::string& path = c.request.path;
  if (path == "/missing") {
    if (c.request.method != "GET") return std::nullopt;
    if (!can_record_missing(*c.user)) {
      return c.problem(403, "You cannot see this",
                       "Front-door and case-holding social workers and team managers see this page.");
    }
    return team_page(c);
  }
  if (!path.starts_with("/people/")) return std::nullopt;
  // "", "people", id, "missing" [, "new" | "screening" | missing id, "return" | "interview"]
  const auto parts = split(path, '/');
  if (parts.size() < 4 || parts[3] != "missing" || parts.size() > 6) return std::nullopt;
  const auto person_id = parse_id(parts[2]);
  if (!person_id) return std::nullopt;
  std::string form;
  std::optional<int64_t> missing_id;
  if (parts.size() == 5) {
    form = parts[4];
    if (form != "new" && form != "screening") return std::nullopt;
  } else if (parts.size() == 6) {
    form = parts[5];
    missing_id = parse_id(parts[4]);
    if (!missing_id || (form != "return" && form != "interview")) return std::nullopt;
  }
  if (form.empty() && c.request.method != "GET") return std::nullopt;
  if (!can_record_missing(*c.user)) {
    return c.problem(403, "You cannot see this",
                     "Front-door and case-holding social workers and team managers see a child's missing "
                     "episodes.");
  }
  if (form == "screening" && !can_screen_exploitation(*c.user)) {
    return c.problem(403, "You cannot record this",
                     "Social workers and team managers screen for exploitation.");
  }
  Loaded loaded = load_for_form(c, *person_id);
  if (loaded.instead) return std::move(*loaded.instead);
  const PersonRecord& record = *loaded.record;
  if (form == "new") return report_missing(c, record);
  if (form == "screening") return screen(c, record);
  if (missing_id) {
    const MissingEpisode* m = missing_episode_of(record.person, *missing_id);
    if (!m) return c.problem(404, "Page not found", "This child has no such missing episode.");
    if (form == "return") return record_return(c, record, *m);
    return record_interview(c, record, *m);
  }
  return child_page(c, record);
}

}  // namespace safeguard::web
