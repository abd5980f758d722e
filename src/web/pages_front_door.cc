// The front door's pages, by path, and the two lists a front door works from: the queue of
// contacts awaiting a decision (the home page of front door workers and team managers) and the
// decisions awaiting a manager's authorisation. The other pages are in pages_front_door_*.cc.
#include "web/pages_front_door.h"

#include <algorithm>
#include <map>
#include <set>

#include "app/auth.h"
#include "app/front_door.h"
#include "web/page_context.h"

namespace safeguard::web {
namespace front_door {

// ---- shared markup (pages_front_door.h) ----

std::vector<Choice> code_choices(CodeList list) {
  std::vector<Choice> out;
  for (const Code& c : codes(list)) out.push_back({std::string(c.code), std::string(c.label)});
  return out;
}

std::string code_text(CodeList list, std::string_view code, std::string_view none) {
  if (code.empty()) return std::string(none);
  const auto label = code_label(list, code);
  return label ? std::string(*label) : std::string(code);
}

std::string error_for(const std::vector<FieldError>& errors, std::string_view field) {
  for (const FieldError& e : errors) {
    if (e.field == field) return e.message;
  }
  return {};
}

std::string contact_href(int64_t contact_id) { return "/contacts/" + std::to_string(contact_id); }
std::string person_href(int64_t person_id) { return "/people/" + std::to_string(person_id); }

std::string urgency_tag(std::string_view urgency) {
  if (urgency == "red") return tag("Red", "red");
  if (urgency == "amber") return tag("Amber", "orange");
  if (urgency == "green") return tag("Green", "green");
  return tag(urgency.empty() ? "Not set" : urgency, "grey");
}

namespace {}  // namespace

std::string time_left(const DeadlineStatus& s, const std::string& time_remaining) {
  if (s.state == DeadlineState::kDue && s.working_days > 0)
    return working_days_text(s.working_days) + " left";
  return time_remaining;
}

std::string answer_tag(const DeadlineStatus& s) {
  switch (s.state) {
    case DeadlineState::kDue:
      return tag("Due", "blue");
    case DeadlineState::kOverdue:
      return tag("Overdue", "red");
    case DeadlineState::kMetOnTime:
      return tag("Answered on time", "green");
    case DeadlineState::kMetLate:
      return tag("Answered late", "orange");
    case DeadlineState::kNotApplicable:
      return tag("Not applicable", "grey");
  }
  return {};
}

std::string contact_status_tag(std::string_view status) {
  if (status == kAwaitingDecision) return tag("Awaiting decision", "blue");
  if (status == kAwaitingAuthorisation) return tag("Awaiting authorisation", "purple");
  if (status == kDecided) return tag("Decided", "green");
  return tag(status, "grey");
}

std::string words(std::string_view text) {
  return "<div class=\"govuk-body sg-words\">" + escape(text) + "</div>";
}

std::string form_open(const PageContext& c, std::string_view action, std::string_view draft_key) {
  std::string out = "<form method=\"post\" action=\"" + escape(action) + "\" novalidate";
  if (!draft_key.empty()) out += " data-draft-key=\"" + escape(draft_key) + "\"";
  return out + ">" + csrf_field(c.csrf_token);
}

std::string draft_status() { return "<p class=\"govuk-body-s sg-draft-status\" aria-live=\"polite\"></p>"; }

std::string draft_notice(const FormData& values) {
  if (!values.has("draft_saved_at")) return {};
  return inset("We kept what you typed on " + escape(values.get("draft_saved_at")) +
               ". Check it, then send the form, or leave this page to keep it as a draft.");
}

std::string submit_button(std::string_view text, std::string_view name, std::string_view value,
                          std::string_view extra_classes, std::string_view formaction) {
  std::string out = "<button type=\"submit\" class=\"govuk-button";
  if (!extra_classes.empty()) out += " " + escape(extra_classes);
  out += "\" data-module=\"govuk-button\"";
  if (!name.empty()) out += " name=\"" + escape(name) + "\" value=\"" + escape(value) + "\"";
  if (!formaction.empty()) out += " formaction=\"" + escape(formaction) + "\"";
  return out + ">" + escape(text) + "</button>";
}

// ---- the queue ----

namespace {

struct Workers {
  std::vector<Choice> holders;  // username, display name
  std::vector<Choice> teams;    // team id, name
};

// The people who may hold a contact, and their teams, for the queue's filters and the holder form.
Workers front_door_workers(PageContext& c) {
  Workers w;
  auto users = FrontDoorService(c.db, c.clock).holders(*c.user);
  if (!users) return w;
  std::map<int64_t, std::string> teams;
  for (const User& u : *users) {
    w.holders.push_back({u.username, u.display_name + (u.team_name.empty() ? "" : " (" + u.team_name + ")")});
    if (u.team_id) teams[*u.team_id] = u.team_name;
  }
  std::sort(w.holders.begin(), w.holders.end(),
            [](const Choice& a, const Choice& b) { return a.text < b.text; });
  for (const auto& [id, name] : teams) w.teams.push_back({std::to_string(id), name});
  std::sort(w.teams.begin(), w.teams.end(), [](const Choice& a, const Choice& b) { return a.text < b.text; });
  return w;
}

std::string queue_filters(const FormData& q, const Workers& workers, const std::vector<FieldError>& errors,
                          std::string_view action) {
  std::string out = "<form method=\"get\" action=\"" + escape(action) +
                    "\" class=\"sg-filters\" novalidate><div class=\"govuk-grid-row\">";
  out += "<div class=\"govuk-grid-column-one-quarter\">" +
         select("team", "Team", workers.teams, q.get("team"), error_for(errors, "team"), "", "All teams") +
         "</div>";
  out += "<div class=\"govuk-grid-column-one-quarter\">" +
         select("holder", "Held by", workers.holders, q.get("holder"), error_for(errors, "holder"), "",
                "Anyone") +
         "</div>";
  out += "<div class=\"govuk-grid-column-one-quarter\">" +
         select("urgency", "Urgency", code_choices(CodeList::kUrgency), q.get("urgency"),
                error_for(errors, "urgency"), "", "Any urgency") +
         "</div>";
  out += "<div class=\"govuk-grid-column-one-quarter sg-filters__actions\">" +
         button("Show contacts", "govuk-button--secondary") + "</div></div></form>";
  return out;
}

std::string queue_table(const std::vector<QueueItem>& items) {
  size_t overdue = 0;
  for (const QueueItem& i : items) overdue += i.deadline.state == DeadlineState::kOverdue;
  std::string caption =
      std::to_string(items.size()) + (items.size() == 1 ? " contact" : " contacts") + " waiting";
  if (overdue) caption += ", " + std::to_string(overdue) + " overdue";
  if (items.empty()) {
    return "<h2 class=\"govuk-heading-m\" data-testid=\"queue-count\">No contacts waiting</h2><p "
           "class=\"govuk-body\">Every contact that matches has a decision.</p>";
  }
  std::string out =
      "<table class=\"govuk-table sg-queue\" data-testid=\"queue\"><caption class=\"govuk-table__caption "
      "govuk-table__caption--m\" data-testid=\"queue-count\">" +
      escape(caption) + "</caption><thead class=\"govuk-table__head\"><tr class=\"govuk-table__row\">";
  for (const char* h :
       {"Contact", "Received", "Children", "Source", "Urgency", "Decision due", "Status", "Held by"}) {
    out += "<th scope=\"col\" class=\"govuk-table__header\">" + std::string(h) + "</th>";
  }
  out += "</tr></thead><tbody class=\"govuk-table__body\">";
  for (const QueueItem& item : items) {
    const bool late = item.deadline.state == DeadlineState::kOverdue;
    std::string children;
    for (const PersonSummary& p : item.children) {
      children +=
          (children.empty() ? "" : "<br>") + escape(p.full_name.empty() ? "Name not recorded" : p.full_name);
    }
    std::string due = escape(long_date_text(item.decision_due));
    due += "<br>" + (late ? tag("Overdue", "red") + " " : std::string()) + "<span class=\"sg-secondary\">" +
           escape(time_left(item.deadline, item.time_remaining)) + "</span>";
    out += std::string("<tr class=\"govuk-table__row") + (late ? " sg-overdue" : "") + "\">";
    out += "<th scope=\"row\" class=\"govuk-table__header sg-nowrap\">" +
           link("Contact " + std::to_string(item.contact.contact_id), contact_href(item.contact.contact_id)) +
           "</th>";
    for (const std::string& cell :
         {escape(london_date_time_text(item.contact.received_at)), children,
          escape(code_text(CodeList::kReferralSource, item.contact.source)),
          urgency_tag(item.contact.urgency), due, contact_status_tag(item.contact.status),
          escape(item.holder_name.empty() ? item.contact.holder : item.holder_name)}) {
      out += "<td class=\"govuk-table__cell\">" + cell + "</td>";
    }
    out += "</tr>";
  }
  return out + "</tbody></table>\n";
}

std::string authorisations_table(const User& user, const std::vector<AuthorisationItem>& items,
                                 std::string_view caption) {
  std::vector<std::vector<std::string>> rows;
  for (const AuthorisationItem& item : items) {
    const ContactChildRow& d = item.decision;
    std::string who = escape(item.decided_by_name.empty() ? d.decided_by : item.decided_by_name);
    if (d.decided_by == user.username) who += "<br>" + tag("Your decision", "grey");
    rows.push_back({escape(item.child.full_name.empty() ? "Name not recorded" : item.child.full_name),
                    escape(code_text(CodeList::kFrontDoorOutcome, d.outcome)), who,
                    escape(d.decided_at ? london_date_time_text(*d.decided_at) : ""),
                    link("Contact " + std::to_string(d.contact_id),
                         contact_href(d.contact_id) + "#child-" + std::to_string(d.person_id))});
  }
  return "<div data-testid=\"authorisations\">" +
         table(caption, {"Child", "Decision", "Decided by", "Decided", "Contact"}, rows,
               "No decisions are waiting for a manager.") +
         "</div>";
}

Response queue_page(PageContext& c, bool home) {
  const User& user = *c.user;
  std::vector<FieldError> errors;
  QueueFilter filter;
  filter.holder = c.query.get("holder");
  filter.urgency = c.query.get("urgency");
  if (!filter.urgency.empty() && !is_valid_code(CodeList::kUrgency, filter.urgency)) {
    errors.push_back({"urgency", "Choose red, amber or green"});
    filter.urgency.clear();
  }
  if (!c.query.get("team").empty()) {
    filter.team_id = parse_id(c.query.get("team"));
    if (!filter.team_id) errors.push_back({"team", "Choose a team from the list"});
  }
  FrontDoorService service(c.db, c.clock);
  auto items = service.queue(user, filter);
  if (!items) return c.error_page(items.error());
  Layout l = c.layout("Front door queue", home ? "home" : "front-door");
  l.errors = errors;
  std::string main = "<span class=\"govuk-caption-l\">" + escape(user.display_name) +
                     (user.team_name.empty() ? std::string() : ", " + escape(user.team_name)) +
                     "</span><h1 class=\"govuk-heading-l\">Front door queue</h1>";
  main += "<div class=\"sg-actions\">" + link_button("Record a contact", "/contacts/new") + " " +
          link_button("Find a person", "/people", "govuk-button--secondary") + "</div>";
  if (home && can_authorise_decisions(user)) {
    auto waiting = service.awaiting_authorisation(user);
    if (!waiting) return c.error_page(waiting.error());
    main += authorisations_table(user, *waiting, "Decisions awaiting your authorisation");
  }
  main += queue_filters(c.query, front_door_workers(c), errors, home ? "/" : "/front-door");
  main += queue_table(*items);
  main += drafts_table_html(c);
  return c.page(l, main);
}

Response authorisations_page(PageContext& c) {
  auto waiting = FrontDoorService(c.db, c.clock).awaiting_authorisation(*c.user);
  if (!waiting) return c.error_page(waiting.error());
  Layout l = c.layout("Decisions awaiting authorisation", "authorisations");
  std::string main = "<h1 class=\"govuk-heading-l\">Decisions awaiting authorisation</h1>";
  main +=
      "<p class=\"govuk-body\">These front door decisions wait for a team manager. A manager cannot "
      "authorise their own decision.</p>";
  main += authorisations_table(*c.user, *waiting, "");
  return c.page(l, main);
}

}  // namespace
}  // namespace front_door

std::optional<Response> front_door_pages(PageContext& c) {
  using namespace front_door;
  const std::string& path = c.request.path;
  const bool get = c.request.method == "GET";
  const User& user = *c.user;
  if (path == "/" && get) {
    if (can_work_contacts(user)) return queue_page(c, true);
    if (user.role == Role::kMashPartner && !user.agency.empty()) return partner_inbox_page(c, "home");
    return std::nullopt;
  }
  if (path == "/front-door" && get) return queue_page(c, false);
  if (path == "/authorisations" && get) return authorisations_page(c);
  if (path == "/front-door/dashboard" && get) return dashboard_page(c);
  if (path == "/contacts" || path.starts_with("/contacts/")) return contact_pages(c);
  if (path == "/mash" || path.starts_with("/mash/")) return partner_pages(c);
  return std::nullopt;
}

}  // namespace safeguard::web
