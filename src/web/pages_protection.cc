// Child protection and plan pages: the child's protection history (strategy discussions, section 47
// enquiries, conferences and plans); recording a strategy discussion (who took part and from which
// agency, the decision and why), kept as a draft while typed; an enquiry, with its conclusion and its
// initial child protection conference; and a plan, with its deadlines, its actions (what, who, by
// when, what it should change for this child; a draft until a manager authorises them), core groups,
// reviews with progress on each action, and its end. Every change goes through ProtectionService.
#include <charconv>
#include <map>
#include <set>

#include "app/access_policy.h"
#include "app/protection.h"
#include "core/text.h"
#include "web/page_context.h"
#include "web/pages_people.h"

namespace safeguard::web {
namespace {

constexpr int kAttendeeRows = 6;
constexpr int kBlankActionRows = 2;

std::string enquiry_href(int64_t person_id, int64_t id) {
  return person_href(person_id) + "/enquiries/" + std::to_string(id);
}
std::string plan_href(int64_t person_id, int64_t id) {
  return person_href(person_id) + "/plans/" + std::to_string(id);
}
std::string protection_href(int64_t person_id) { return person_href(person_id) + "/protection"; }

// The green banner's words after a change ("?done=concluded"), or "" for none.
std::string done_message(std::string_view done) {
  static const std::map<std::string_view, std::string_view> kMessages = {
      {"discussion", "Strategy discussion recorded"},
      {"concluded", "Enquiry concluded"},
      {"conference", "Initial child protection conference recorded"},
      {"started", "Child in need plan started"},
      {"actions", "Plan actions saved"},
      {"authorised", "Plan authorised: its actions are final"},
      {"core-group", "Core group meeting recorded"},
      {"reviewed", "Review recorded"},
      {"ended", "Plan ended"}};
  const auto it = kMessages.find(done);
  return it == kMessages.end() ? std::string() : std::string(it->second);
}

std::string deadline_cell(const ChildDeadline& d) {
  return escape(long_date_text(d.status.due)) + " " + deadline_tag(d.status) + " " +
         escape(deadline_words(d.status));
}

// The deadlines of one enquiry or plan, as summary rows.
void add_deadline_rows(const PersonRecord& record, std::initializer_list<std::string_view> kinds,
                       int64_t item_id, std::vector<SummaryRow>& rows) {
  for (const ChildDeadline& d : record.deadlines) {
    if (d.item_id != item_id) continue;
    for (std::string_view kind : kinds) {
      if (d.kind == kind) rows.push_back({d.label, deadline_cell(d), ""});
    }
  }
}

// A domain field "list[i].name" as the form's "<prefix>_<name>_<row>", where rows[i] is the form row
// the i-th item came from; other fields as they are.
std::string row_field(const std::string& field, std::string_view list, std::string_view prefix,
                      const std::vector<int>& rows) {
  if (!field.starts_with(std::string(list) + "[")) return field;
  const size_t open = list.size() + 1;
  const size_t close = field.find(']', open);
  size_t index = 0;
  if (close == std::string::npos ||
      std::from_chars(field.data() + open, field.data() + close, index).ec != std::errc() ||
      index >= rows.size()) {
    return field;
  }
  const std::string name = close + 2 < field.size() ? field.substr(close + 2) : "what";
  return std::string(prefix) + "_" + name + "_" + std::to_string(rows[index]);
}

// A change made from an enquiry or plan page: back to `href` with a banner (discarding the draft of
// the form that made it, if it keeps one), or the page again with the error (shown by `again`). The
// page's other forms keep their drafts.
Response after_change(PageContext& c, const Result<int64_t>& result, const std::string& href,
                      std::string_view draft_key, std::string_view done,
                      const std::function<Response(const std::vector<FieldError>&)>& again,
                      std::string_view error_field) {
  if (result) {
    if (!draft_key.empty()) c.discard_draft(draft_key);
    return Response::redirect(href + "?done=" + std::string(done));
  }
  if (result.error().code != ErrorCode::kInvalid) return c.error_page(result.error());
  return again({{result.error().field.empty() ? std::string(error_field) : result.error().field,
                 result.error().message}});
}

std::string plan_state(const ChildPlan& plan) {
  if (plan.ended_on) {
    return tag("Ended", "grey") + " " +
           escape(long_date_text(*plan.ended_on) + ": " +
                  label_of(CodeList::kPlanEndReason, plan.end_reason));
  }
  return tag("Open", "blue") + " " + escape("since " + long_date_text(plan.started_on));
}

// ---- The protection history ----

Response protection_page(PageContext& c, const PersonRecord& record) {
  const Person& p = record.person;
  Layout l = c.layout("Child protection and plans");
  l.back_href = person_href(p.id);
  l.success_message = done_message(c.query.get("done"));
  std::string main = child_page_heading(p, "Child protection and plans");
  const CinEpisode* open = open_episode(p);
  if (open && can_assess(*c.user)) {
    main += "<div class=\"govuk-button-group\">" +
            link_button("Record a strategy discussion", person_href(p.id) + "/strategy-discussions/new",
                        "govuk-button--secondary");
    if (!open_plan(p, kChildInNeedPlan) && !open_plan(p, kChildProtectionPlan)) {
      main += link_button("Start a child in need plan", person_href(p.id) + "/plans/new",
                          "govuk-button--secondary");
    }
    main += "</div>";
  }
  std::vector<std::vector<std::string>> plans;
  for (auto it = p.plans.rbegin(); it != p.plans.rend(); ++it) {
    plans.push_back(
        {link(plan_title(it->type), plan_href(p.id, it->id)), escape(long_date_text(it->started_on)),
         escape(date_or(it->ended_on, "")),
         it->is_protection() ? escape(label_of(CodeList::kCategoryOfAbuse, it->latest_category)) : "",
         plan_state(*it)});
  }
  main += "<div data-testid=\"plans\">" +
          table("Plans", {"Plan", "Started", "Ended", "Category", "Status"}, plans, "No plans.") + "</div>";
  std::vector<std::vector<std::string>> enquiries;
  for (auto it = p.enquiries.rbegin(); it != p.enquiries.rend(); ++it) {
    std::string state = it->conference_on  ? "Conference on " + long_date_text(*it->conference_on)
                        : it->concluded_on ? label_of(CodeList::kSection47Outcome, it->outcome)
                                           : std::string("Open");
    enquiries.push_back({link("Section 47 enquiry", enquiry_href(p.id, it->id)),
                         escape(long_date_text(it->started_on)), escape(state)});
  }
  main += "<div data-testid=\"enquiries\">" +
          table("Section 47 enquiries", {"Enquiry", "Started", "Outcome"}, enquiries, "No enquiries.") +
          "</div>";
  std::vector<std::vector<std::string>> discussions;
  for (auto it = p.strategy_discussions.rbegin(); it != p.strategy_discussions.rend(); ++it) {
    std::string who;
    for (const StrategyAttendee& a : it->attendees) {
      who += (who.empty() ? "" : "<br>") +
             escape(a.name + " (" + label_of(CodeList::kStrategyAgency, a.agency) + ")");
    }
    discussions.push_back({escape(long_date_text(it->held_on)), who,
                           escape(label_of(CodeList::kStrategyDecision, it->decision)), escape(it->reasons)});
  }
  main += "<div data-testid=\"strategy-discussions\">" +
          table("Strategy discussions", {"Held", "Who took part", "Decision", "Reasons"}, discussions,
                "No strategy discussions.") +
          "</div>";
  return c.page(l, main, 200);
}

// ---- Strategy discussion ----

std::string discussion_fields(const FormData& v, const std::vector<FieldError>& errors) {
  std::string attendees;
  for (int i = 1; i <= kAttendeeRows; ++i) {
    const std::string n = std::to_string(i);
    attendees +=
        "<div class=\"govuk-grid-row\"><div class=\"govuk-grid-column-one-half\">" +
        text_input("attendee_name_" + n, "Name " + n, v.get("attendee_name_" + n),
                   error_for(errors, "attendee_name_" + n)) +
        "</div><div class=\"govuk-grid-column-one-half\">" +
        select("attendee_agency_" + n, "Agency " + n, choices_of(CodeList::kStrategyAgency),
               v.get("attendee_agency_" + n), error_for(errors, "attendee_agency_" + n), "", "Choose") +
        "</div></div>";
  }
  return date_input("held_on", "When was it held?", date_parts(v, "held_on"), error_for(errors, "held_on")) +
         "<fieldset class=\"govuk-fieldset\" id=\"attendees\"><legend class=\"govuk-fieldset__legend "
         "govuk-fieldset__legend--s\">Who took part</legend><p class=\"govuk-hint\">At least children's "
         "social "
         "care, the police and health (Working Together 2023).</p>" +
         (error_for(errors, "attendees").empty()
              ? ""
              : "<p class=\"govuk-error-message\">" + escape(error_for(errors, "attendees")) + "</p>") +
         attendees + "</fieldset>" +
         radios("decision", "Decision", choices_of(CodeList::kStrategyDecision), v.get("decision"),
                error_for(errors, "decision")) +
         textarea("reasons", "Reasons for the decision", v.get("reasons"), error_for(errors, "reasons"),
                  "What is known, the risk to the child, and why this decision.", 8);
}

Response strategy_discussion(PageContext& c, const PersonRecord& record) {
  const Person& p = record.person;
  const std::string action = person_href(p.id) + "/strategy-discussions/new";
  const auto build = [&](const FormData& v, const std::vector<FieldError>& errors) {
    return ChangeForm{"Record a strategy discussion", action, discussion_fields(v, errors),
                      "Record strategy discussion"};
  };
  if (c.request.method == "GET") {
    FormData values = c.draft(action).value_or(FormData());
    if (!values.has("held_on-day")) set_date(values, "held_on", c.clock.today());
    return change_form_page(c, record, build(values, {}), values, {}, 200);
  }
  StrategyDiscussionInput input;
  std::vector<int> rows;  // the form row of each attendee
  for (int i = 1; i <= kAttendeeRows; ++i) {
    const std::string n = std::to_string(i);
    const std::string name = std::string(trim(c.form.get("attendee_name_" + n)));
    const std::string agency = c.form.get("attendee_agency_" + n);
    if (name.empty() && agency.empty()) continue;
    input.attendees.push_back({name, agency});
    rows.push_back(i);
  }
  input.decision = c.form.get("decision");
  input.reasons = c.form.get("reasons");
  auto when = read_required_date(c.form, "held_on", "The date", "Enter the date of the strategy discussion");
  if (!when) {
    std::vector<FieldError> errors = {{"held_on", when.error().message}};
    return change_form_page(c, record, build(c.form, errors), c.form, errors, 422);
  }
  input.held_on = *when;
  auto result = ProtectionService(c.db, c.clock)
                    .hold_strategy_discussion(*c.user, p.id, form_version(c.form), input, c.channel());
  if (!result && result.error().code == ErrorCode::kInvalid) {
    std::vector<FieldError> errors = {
        {row_field(result.error().field, "attendees", "attendee", rows), result.error().message}};
    return change_form_page(c, record, build(c.form, errors), c.form, errors, 422);
  }
  const bool started_enquiry = input.decision == "section_47";
  return finish_change(c, record, build(c.form, {}), result, "discussion", build,
                       started_enquiry ? enquiry_href(p.id, static_cast<int64_t>(p.enquiries.size()) + 1)
                                       : protection_href(p.id));
}

// ---- Section 47 enquiry ----

Response enquiry_page(PageContext& c, const PersonRecord& record, const Section47Enquiry& s,
                      const FormData& values, const std::vector<FieldError>& errors, int status) {
  const Person& p = record.person;
  const std::string href = enquiry_href(p.id, s.id);
  Layout l = c.layout("Section 47 enquiry");
  l.errors = errors;
  l.back_href = protection_href(p.id);
  l.success_message = done_message(c.query.get("done"));
  std::string main = child_page_heading(p, "Section 47 enquiry");
  std::vector<SummaryRow> rows = {
      {"Started", escape(long_date_text(s.started_on)) + " (the strategy discussion)", ""}};
  if (s.concluded_on) {
    rows.push_back(
        {"Concluded",
         escape(long_date_text(*s.concluded_on) + ": " + label_of(CodeList::kSection47Outcome, s.outcome)),
         ""});
    rows.push_back({"Findings", escape(s.findings), ""});
  }
  if (s.conference_on) {
    rows.push_back({"Initial conference",
                    escape(long_date_text(*s.conference_on) + ", chaired by " + s.conference_chair), ""});
    rows.push_back({"Conference decision",
                    s.conference_made_plan ? link("Child protection plan", plan_href(p.id, s.plan_id))
                                           : std::string("No plan"),
                    ""});
  }
  add_deadline_rows(record, {"icpc"}, s.id, rows);
  main += "<div data-testid=\"enquiry-summary\">" + summary_list(rows) + "</div>";
  const bool worker = can_assess(*c.user);
  if (worker && !s.concluded_on) {
    FormData v = values;
    if (!v.has("concluded_on-day")) set_date(v, "concluded_on", c.clock.today());
    main += "<h2 class=\"govuk-heading-m\">Conclude the enquiry</h2>" + draft_notice(values) +
            form_open(c, href + "/conclude", true) + hidden_field("version", std::to_string(p.version)) +
            date_input("concluded_on", "When did it conclude?", date_parts(v, "concluded_on"),
                       error_for(errors, "concluded_on")) +
            radios("outcome", "What did the enquiry conclude?", choices_of(CodeList::kSection47Outcome),
                   v.get("outcome"), error_for(errors, "outcome")) +
            textarea("findings", "Findings", v.get("findings"), error_for(errors, "findings"),
                     "What the enquiry found, the child's views, and the risks and strengths.", 8) +
            button("Conclude enquiry") + draft_status() + "</form>";
  }
  if (worker && s.concluded_on && s.outcome == "conference" && !s.conference_on) {
    FormData v = values;
    if (!v.has("held_on-day")) set_date(v, "held_on", c.clock.today());
    main +=
        "<h2 class=\"govuk-heading-m\">Initial child protection conference</h2>" +
        form_open(c, href + "/conference", false) + hidden_field("version", std::to_string(p.version)) +
        date_input("held_on", "When was it held?", date_parts(v, "held_on"), error_for(errors, "held_on")) +
        text_input("chair", "Chair", v.get("chair"), error_for(errors, "chair")) +
        radios("plan", "Did the conference decide on a child protection plan?",
               {{"yes", "Yes: a child protection plan starts today"}, {"no", "No"}}, v.get("plan"),
               error_for(errors, "plan")) +
        select("category", "Category of abuse (for a plan)", choices_of(CodeList::kCategoryOfAbuse),
               v.get("category"), error_for(errors, "category"), "", "Choose") +
        button("Record conference") + "</form>";
  }
  return c.page(l, main, status);
}

Response enquiry_action(PageContext& c, const PersonRecord& record, const Section47Enquiry& s,
                        const std::string& action) {
  const std::string href = enquiry_href(record.person.id, s.id);
  const auto again = [&](const std::vector<FieldError>& errors) {
    return enquiry_page(c, record, s, c.form, errors, 422);
  };
  ProtectionService service(c.db, c.clock);
  if (action == "conclude") {
    auto when =
        read_required_date(c.form, "concluded_on", "The date", "Enter the date the enquiry concluded");
    if (!when) return again({{"concluded_on", when.error().message}});
    auto result = service.conclude_enquiry(*c.user, record.person.id, form_version(c.form), s.id, *when,
                                           c.form.get("outcome"), c.form.get("findings"), c.channel());
    return after_change(c, result, href, href + "/conclude", "concluded", again, "outcome");
  }
  if (action == "conference") {
    auto when = read_required_date(c.form, "held_on", "The date", "Enter the date of the conference");
    if (!when) return again({{"held_on", when.error().message}});
    const std::string plan = c.form.get("plan");
    if (plan != "yes" && plan != "no")
      return again({{"plan", "Say whether the conference decided on a plan"}});
    ConferenceInput input{*when, c.form.get("chair"), plan == "yes",
                          plan == "yes" ? c.form.get("category") : ""};
    auto result = service.hold_initial_conference(*c.user, record.person.id, form_version(c.form), s.id,
                                                  input, c.channel());
    if (result && input.plan) {
      // The conference's plan is the next on the record (after ending any child in need plan).
      const int64_t plan_id = static_cast<int64_t>(record.person.plans.size()) + 1;
      return Response::redirect(plan_href(record.person.id, plan_id) + "?done=conference");
    }
    return after_change(c, result, href, "", "conference", again, "held_on");
  }
  return c.problem(404, "Page not found", "There is no such action on an enquiry.");
}

// ---- Plans ----

FormData action_values(const ChildPlan& plan) {
  FormData v;
  int row = 0;
  for (const PlanAction& a : plan.actions) {
    const std::string n = std::to_string(++row);
    v.set("action_id_" + n, std::to_string(a.id));
    v.set("action_what_" + n, a.what);
    v.set("action_who_" + n, a.who);
    if (a.by) set_date(v, "action_by_" + n, *a.by);
    v.set("action_outcome_for_child_" + n, a.outcome_for_child);
  }
  return v;
}

int action_rows(const ChildPlan& plan, const FormData& v) {
  int rows = static_cast<int>(plan.actions.size()) + kBlankActionRows;
  while (v.has("action_what_" + std::to_string(rows + 1))) ++rows;
  return rows;
}

std::string actions_form(PageContext& c, const PersonRecord& record, const ChildPlan& plan, const FormData& v,
                         const std::vector<FieldError>& errors) {
  std::string out = draft_notice(v) + form_open(c, plan_href(record.person.id, plan.id), true) +
                    hidden_field("version", std::to_string(record.person.version));
  const int rows = action_rows(plan, v);
  for (int i = 1; i <= rows; ++i) {
    const std::string n = std::to_string(i);
    out +=
        "<fieldset class=\"govuk-fieldset govuk-!-margin-bottom-6\" data-testid=\"action-" + n +
        "\"><legend class=\"govuk-fieldset__legend govuk-fieldset__legend--s\">Action " + n + "</legend>" +
        hidden_field("action_id_" + n, v.get("action_id_" + n)) +
        textarea("action_what_" + n, "What will happen", v.get("action_what_" + n),
                 error_for(errors, "action_what_" + n), "", 2) +
        text_input("action_who_" + n, "Who is responsible", v.get("action_who_" + n),
                   error_for(errors, "action_who_" + n)) +
        date_input("action_by_" + n, "By when", date_parts(v, "action_by_" + n),
                   error_for(errors, "action_by_" + n)) +
        textarea("action_outcome_for_child_" + n, "What it should change for the child",
                 v.get("action_outcome_for_child_" + n), error_for(errors, "action_outcome_for_child_" + n),
                 "In terms of this child's day-to-day life, not the service provided.", 2) +
        "</fieldset>";
  }
  return out + button("Save actions", "govuk-button--secondary") + draft_status() + "</form>";
}

std::string review_form(PageContext& c, const PersonRecord& record, const ChildPlan& plan,
                        const FormData& values, const std::vector<FieldError>& errors) {
  FormData v = values;
  if (!v.has("held_on-day")) set_date(v, "held_on", c.clock.today());
  const std::string href = plan_href(record.person.id, plan.id) + "/review";
  std::string out =
      "<h2 class=\"govuk-heading-m\">" +
      std::string(plan.is_protection() ? "Review child protection conference" : "Review the plan") + "</h2>" +
      form_open(c, href, true) + hidden_field("version", std::to_string(record.person.version)) +
      date_input("held_on", "When was it held?", date_parts(v, "held_on"), error_for(errors, "held_on")) +
      text_input("chair", plan.is_protection() ? "Chair" : "Who led the review", v.get("chair"),
                 error_for(errors, "chair"));
  if (plan.is_protection()) {
    out += select("latest_category", "Category of abuse after the review",
                  choices_of(CodeList::kCategoryOfAbuse),
                  v.has("latest_category") ? v.get("latest_category") : plan.latest_category,
                  error_for(errors, "latest_category"));
  }
  for (const PlanAction& a : plan.actions) {
    const std::string name = "progress_" + std::to_string(a.id);
    out += textarea(name, "Progress: " + a.what, v.get(name), error_for(errors, name), "", 2);
  }
  out += radios("ends_plan", "Does the plan continue?",
                {{"no", "The plan continues"}, {"yes", "The plan ends at this review"}},
                v.get("ends_plan").empty() ? "no" : v.get("ends_plan"), error_for(errors, "ends_plan")) +
         select("end_reason", "Why it ends (if it ends)", choices_of(CodeList::kPlanEndReason),
                v.get("end_reason"), error_for(errors, "end_reason"), "", "Choose") +
         button("Record review") + draft_status() + "</form>";
  return out;
}

Response plan_page(PageContext& c, const PersonRecord& record, const ChildPlan& plan, const FormData& values,
                   const std::vector<FieldError>& errors, int status) {
  const Person& p = record.person;
  const std::string href = plan_href(p.id, plan.id);
  const std::string title = plan_title(plan.type);
  Layout l = c.layout(title);
  l.errors = errors;
  l.back_href = protection_href(p.id);
  l.success_message = done_message(c.query.get("done"));
  std::string main = child_page_heading(p, title);
  std::vector<SummaryRow> rows = {{"Status", plan_state(plan), ""}};
  if (plan.is_protection()) {
    rows.push_back({"Initial category of abuse",
                    escape(label_of(CodeList::kCategoryOfAbuse, plan.initial_category)), ""});
    rows.push_back(
        {"Latest category of abuse", escape(label_of(CodeList::kCategoryOfAbuse, plan.latest_category)), ""});
    rows.push_back({"Previous child protection plans", std::to_string(plan.previous_plans), ""});
    std::string groups;
    for (const Date& d : plan.core_groups) groups += (groups.empty() ? "" : ", ") + long_date_text(d);
    rows.push_back({"Core group meetings", groups.empty() ? "None yet" : escape(groups), ""});
  }
  rows.push_back({"Actions",
                  plan.finalised_on ? tag("Final", "green") + " " +
                                          escape("authorised by " + plan.finalised_by + " on " +
                                                 long_date_text(*plan.finalised_on))
                                    : tag("Draft", "yellow"),
                  ""});
  add_deadline_rows(record, {"core_group", "review_conference", "cin_plan_review"}, plan.id, rows);
  main += "<div data-testid=\"plan-summary\">" + summary_list(rows) + "</div>";

  // The actions, with progress at each review.
  std::vector<std::vector<std::string>> actions;
  for (const PlanAction& a : plan.actions) {
    std::string progress;
    for (const ActionProgress& pr : a.progress) {
      progress += (progress.empty() ? "" : "<br>") + escape(long_date_text(pr.on) + ": " + pr.text);
    }
    actions.push_back(
        {escape(a.what), escape(a.who), escape(date_or(a.by, "")), escape(a.outcome_for_child), progress});
  }
  main += "<div data-testid=\"actions\">" +
          table("The plan's actions", {"What will happen", "Who", "By when", "For the child", "Progress"},
                actions, "No actions yet.") +
          "</div>";
  const bool worker = can_assess(*c.user) && plan.is_open();
  const bool manager = can_authorise_assessments(*c.user) && plan.is_open();
  const auto gaps = plan_gaps(plan);
  if (worker) {
    main +=
        "<details class=\"govuk-details\"" +
        std::string(plan.actions.empty() || !errors.empty() ? " open" : "") +
        "><summary class=\"govuk-details__summary\"><span class=\"govuk-details__summary-text\">Write the "
        "actions</span></summary><div class=\"govuk-details__text\">" +
        actions_form(c, record, plan, values, errors) + "</div></details>";
  }
  if (manager && !plan.finalised_on) {
    main += "<h2 class=\"govuk-heading-m\">Authorise the plan</h2>";
    if (!gaps.empty()) {
      std::string list =
          "<p class=\"govuk-body\">Before it can be final:</p><ul class=\"govuk-list "
          "govuk-list--bullet\" data-testid=\"plan-gaps\">";
      for (const std::string& g : gaps) list += "<li>" + escape(g) + "</li>";
      main += "<div id=\"actions\">" + inset(list + "</ul>") + "</div>";
    }
    main += form_open(c, href + "/authorise", false) + hidden_field("version", std::to_string(p.version)) +
            button("Authorise the plan") + "</form>";
  }
  if (worker && plan.is_protection()) {
    FormData v;
    set_date(v, "core_group_on", c.clock.today());
    main += "<h2 class=\"govuk-heading-m\">Core group meeting</h2>" +
            form_open(c, href + "/core-group", false) + hidden_field("version", std::to_string(p.version)) +
            date_input("core_group_on", "When did the core group meet?", date_parts(v, "core_group_on"),
                       error_for(errors, "core_group_on")) +
            button("Record core group", "govuk-button--secondary") + "</form>";
  }
  if (worker) main += review_form(c, record, plan, values, errors);
  std::vector<std::vector<std::string>> reviews;
  for (auto it = plan.reviews.rbegin(); it != plan.reviews.rend(); ++it) {
    reviews.push_back({escape(long_date_text(it->held_on)), escape(it->chair),
                       escape(label_of(CodeList::kCategoryOfAbuse, it->latest_category, "")),
                       it->ends_plan ? "The plan ended" : "The plan continued"});
  }
  main += "<div data-testid=\"reviews\">" +
          table("Reviews", {"Held", "Chair", "Category", "Decision"}, reviews, "No reviews yet.") + "</div>";
  if (manager) {
    FormData v = values;
    if (!v.has("ended_on-day")) set_date(v, "ended_on", c.clock.today());
    main +=
        "<details class=\"govuk-details\"><summary class=\"govuk-details__summary\"><span "
        "class=\"govuk-details__summary-text\">End the plan outside a review</span></summary><div "
        "class=\"govuk-details__text\">" +
        form_open(c, href + "/end", false) + hidden_field("version", std::to_string(p.version)) +
        date_input("ended_on", "Last day of the plan", date_parts(v, "ended_on"),
                   error_for(errors, "ended_on")) +
        select("reason", "Why it ends", choices_of(CodeList::kPlanEndReason), v.get("reason"),
               error_for(errors, "reason"), "", "Choose") +
        button("End the plan", "govuk-button--warning") + "</form></div></details>";
  }
  return c.page(l, main, status);
}

std::vector<PlanActionInput> read_actions(const FormData& f, const ChildPlan& plan, std::vector<int>& rows,
                                          std::vector<FieldError>& errors) {
  std::vector<PlanActionInput> out;
  const int count = action_rows(plan, f);
  for (int i = 1; i <= count; ++i) {
    const std::string n = std::to_string(i);
    PlanActionInput a;
    a.id = parse_id(f.get("action_id_" + n)).value_or(0);
    a.what = f.get("action_what_" + n);
    a.who = f.get("action_who_" + n);
    a.outcome_for_child = f.get("action_outcome_for_child_" + n);
    auto by = read_date(f, "action_by_" + n, "The date");
    if (!by) {
      errors.push_back({"action_by_" + n, by.error().message});
      continue;
    }
    a.by = *by;
    // A row left blank is no action (an existing action left blank is removed).
    if (trim(a.what).empty() && trim(a.who).empty() && trim(a.outcome_for_child).empty() && !a.by) continue;
    out.push_back(std::move(a));
    rows.push_back(i);
  }
  return out;
}

Response plan_action(PageContext& c, const PersonRecord& record, const ChildPlan& plan,
                     const std::string& action) {
  const int64_t person_id = record.person.id;
  const std::string href = plan_href(person_id, plan.id);
  const auto again = [&](const std::vector<FieldError>& errors) {
    return plan_page(c, record, plan, c.form, errors, 422);
  };
  ProtectionService service(c.db, c.clock);
  const int64_t version = form_version(c.form);
  if (action.empty()) {
    std::vector<int> rows;
    std::vector<FieldError> errors;
    const auto actions = read_actions(c.form, plan, rows, errors);
    if (!errors.empty()) return again(errors);
    auto result = service.save_actions(*c.user, person_id, version, plan.id, actions, c.channel());
    if (!result && result.error().code == ErrorCode::kInvalid) {
      return again({{row_field(result.error().field, "actions", "action", rows), result.error().message}});
    }
    return after_change(c, result, href, href, "actions", again, "actions");
  }
  if (action == "authorise") {
    return after_change(c, service.authorise_plan(*c.user, person_id, version, plan.id, c.channel()), href,
                        "", "authorised", again, "actions");
  }
  if (action == "core-group") {
    auto when = read_required_date(c.form, "core_group_on", "The date", "Enter the date of the core group");
    if (!when) return again({{"core_group_on", when.error().message}});
    return after_change(c,
                        service.record_core_group(*c.user, person_id, version, plan.id, *when, c.channel()),
                        href, "", "core-group", again, "core_group_on");
  }
  if (action == "review") {
    auto when = read_required_date(c.form, "held_on", "The date", "Enter the date of the review");
    if (!when) return again({{"held_on", when.error().message}});
    PlanReviewInput input;
    input.held_on = *when;
    input.chair = c.form.get("chair");
    input.latest_category = plan.is_protection() ? c.form.get("latest_category") : "";
    input.ends_plan = c.form.get("ends_plan") == "yes";
    input.end_reason = input.ends_plan ? c.form.get("end_reason") : "";
    for (const PlanAction& a : plan.actions) {
      input.progress.emplace_back(a.id, c.form.get("progress_" + std::to_string(a.id)));
    }
    auto result = service.review_plan(*c.user, person_id, version, plan.id, input, c.channel());
    return after_change(c, result, href, href + "/review", "reviewed", again, "held_on");
  }
  if (action == "end") {
    auto when = read_required_date(c.form, "ended_on", "The date", "Enter the last day of the plan");
    if (!when) return again({{"ended_on", when.error().message}});
    return after_change(
        c, service.end_plan(*c.user, person_id, version, plan.id, *when, c.form.get("reason"), c.channel()),
        href, "", "ended", again, "reason");
  }
  return c.problem(404, "Page not found", "There is no such action on a plan.");
}

Response start_plan(PageContext& c, const PersonRecord& record) {
  const Person& p = record.person;
  const std::string action = person_href(p.id) + "/plans/new";
  const auto build = [&](const FormData& v, const std::vector<FieldError>& errors) {
    return ChangeForm{
        "Start a child in need plan", action,
        inset("The plan is reviewed at the council's interval (every 3 months unless it has set "
              "another). Write its actions once it has started.") +
            date_input("started_on", "When does the plan start?", date_parts(v, "started_on"),
                       error_for(errors, "started_on")),
        "Start plan"};
  };
  if (c.request.method == "GET") {
    FormData values;
    set_date(values, "started_on", c.clock.today());
    return change_form_page(c, record, build(values, {}), values, {}, 200);
  }
  auto when = read_required_date(c.form, "started_on", "The start date", "Enter the date the plan starts");
  if (!when) {
    std::vector<FieldError> errors = {{"started_on", when.error().message}};
    return change_form_page(c, record, build(c.form, errors), c.form, errors, 422);
  }
  auto result = ProtectionService(c.db, c.clock)
                    .start_child_in_need_plan(*c.user, p.id, form_version(c.form), *when, c.channel());
  return finish_change(c, record, build(c.form, {}), result, "started", build,
                       plan_href(p.id, static_cast<int64_t>(p.plans.size()) + 1));
}

}  // namespace

std::optional<Response> protection_pages(PageContext& c) {
  const std::string& path = c.request.path;
  if (!path.starts_with("/people/")) return std::nullopt;
  const auto parts = split(path, '/');  // "", "people", id, what [, n [, action]]
  if (parts.size() < 4) return std::nullopt;
  const std::string& what = parts[3];
  if (what != "protection" && what != "strategy-discussions" && what != "enquiries" && what != "plans") {
    return std::nullopt;
  }
  const auto person_id = parse_id(parts[2]);
  if (!person_id || parts.size() > 6) return std::nullopt;
  const bool get = c.request.method == "GET";
  if (!can_assess(*c.user)) {
    return c.problem(403, "You cannot work on child protection or plans",
                     "Only social workers and team managers record child protection work and plans.");
  }
  Loaded loaded = load_for_form(c, *person_id);
  if (loaded.instead) return std::move(*loaded.instead);
  const PersonRecord& record = *loaded.record;
  if (what == "protection")
    return parts.size() == 4 && get ? std::optional(protection_page(c, record)) : std::nullopt;
  if (parts.size() < 5) return std::nullopt;
  if (what == "strategy-discussions") {
    return parts.size() == 5 && parts[4] == "new" ? std::optional(strategy_discussion(c, record))
                                                  : std::nullopt;
  }
  if (what == "plans" && parts[4] == "new" && parts.size() == 5) return start_plan(c, record);
  const auto id = parse_id(parts[4]);
  if (!id) return std::nullopt;
  const std::string action = parts.size() == 6 ? parts[5] : "";
  if (what == "enquiries") {
    const Section47Enquiry* s = find_section47(record.person, *id);
    if (!s) return c.problem(404, "Page not found", "This child has no such enquiry.");
    const std::string href = enquiry_href(record.person.id, s->id);
    if (get) {
      if (!action.empty()) return std::nullopt;
      return enquiry_page(c, record, *s, c.draft(href + "/conclude").value_or(FormData()), {}, 200);
    }
    return enquiry_action(c, record, *s, action);
  }
  const ChildPlan* plan = find_plan(record.person, *id);
  if (!plan) return c.problem(404, "Page not found", "This child has no such plan.");
  if (get) {
    if (!action.empty()) return std::nullopt;
    const std::string href = plan_href(record.person.id, plan->id);
    FormData values = c.draft(href).value_or(action_values(*plan));
    if (auto review = c.draft(href + "/review")) {
      for (const auto& [name, value] : review->fields()) values.set(name, value);
    }
    return plan_page(c, record, *plan, values, {}, 200);
  }
  return plan_action(c, record, *plan, action);
}

}  // namespace safeguard::web
