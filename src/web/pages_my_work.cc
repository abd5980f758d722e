// "My work": a social worker's due and overdue deadlines across the children they hold, soonest
// first; a team manager's across their team and the unallocated children, with the assessments
// waiting for their authorisation first.
#include "app/access_policy.h"
#include "app/my_work.h"
#include "web/html.h"
#include "web/page_context.h"
#include "web/pages_people.h"

namespace safeguard::web {
namespace {

// Where the worker goes to meet a deadline.
std::string action_link(const WorkItem& item) {
  const std::string base = person_href(item.child.id);
  if (item.deadline.kind == "assessment") {
    return item.deadline.item_id > 0
               ? link("Open assessment", base + "/assessments/" + std::to_string(item.deadline.item_id))
               : link("Start assessment", base + "/assessments/new");
  }
  const std::string id = std::to_string(item.deadline.item_id);
  if (item.deadline.kind == "icpc") return link("Open enquiry", base + "/enquiries/" + id);
  if (item.deadline.kind == "core_group" || item.deadline.kind == "review_conference" ||
      item.deadline.kind == "cin_plan_review") {
    return link("Open plan", base + "/plans/" + id);
  }
  if (item.deadline.kind == "visit") return link("Record a visit", base + "/visits/new");
  if (item.deadline.kind == "supervision") return link("Supervision", base + "/supervision");
  if (item.deadline.kind == "looked_after_visit") return link("Record a visit", base + "/visits/new");
  if (item.deadline.kind == "looked_after_review") return link("Looked after", base + "/looked-after");
  if (is_health_deadline(item.deadline.kind)) return link("Health and education", base + "/health");
  if (is_care_leaver_deadline(item.deadline.kind)) return link("Leaving care", base + "/leaving-care");
  return link("Open record", base);
}

Response my_work_page(PageContext& c) {
  auto work = MyWorkService(c.db, c.clock).for_user(*c.user);
  if (!work) return c.error_page(work.error());
  const bool manager = can_authorise_assessments(*c.user);
  Layout l = c.layout("My work", "my-work");
  if (c.query.get("done") == "closed") l.success_message = "Children in Need episode closed";
  std::string main;
  main += "<h1 class=\"govuk-heading-l\">My work</h1>";
  if (manager) {
    std::vector<std::vector<std::string>> rows;
    for (const AssessmentAwaiting& a : work->awaiting) {
      const std::string href = person_href(a.child.id) + "/assessments/" + std::to_string(a.assessment_id);
      rows.push_back(
          {person_link(a.child), escape(a.submitted_by), escape(long_date_text(a.submitted_on)),
           a.deadline ? escape(long_date_text(a.deadline->due)) + " " + deadline_tag(*a.deadline) : "",
           link_in_context("Open", " the assessment of " + a.child.full_name, href)});
    }
    main += "<div data-testid=\"awaiting-assessments\">" +
            table("Assessments awaiting your authorisation (" + std::to_string(rows.size()) + ")",
                  {"Child", "Sent by", "Sent on", "Due", ""}, rows, "No assessments are waiting for you.") +
            "</div>";
    rows.clear();
    for (const ClosureAwaiting& a : work->closures) {
      rows.push_back(
          {person_link(a.child), escape(a.proposal.by), escape(long_date_text(a.proposal.closing_on)),
           escape(a.proposal.reason + " " + label_of(CodeList::kReasonForClosure, a.proposal.reason)),
           link_in_context("Open", " the closure of " + a.child.full_name + "'s episode",
                           person_href(a.child.id) + "/close")});
    }
    main += "<div data-testid=\"awaiting-closures\">" +
            table("Closures awaiting your authorisation (" + std::to_string(rows.size()) + ")",
                  {"Child", "Proposed by", "Closing on", "Reason", ""}, rows,
                  "No closures are waiting for you.") +
            "</div>";
    rows.clear();
    for (const PlanAwaiting& p : work->plans) {
      rows.push_back({person_link(p.child), escape(plan_name(p.type)), escape(long_date_text(p.started_on)),
                      link_in_context("Open", " the plan of " + p.child.full_name,
                                      person_href(p.child.id) + "/plans/" + std::to_string(p.plan_id))});
    }
    main += "<div data-testid=\"awaiting-plans\">" +
            table("Plans awaiting your authorisation (" + std::to_string(rows.size()) + ")",
                  {"Child", "Plan", "Started", ""}, rows, "No plans are waiting for you.") +
            "</div>";
  }
  int overdue = 0;
  std::vector<std::vector<std::string>> rows;
  for (const WorkItem& item : work->due) {
    if (item.deadline.status.state == DeadlineState::kOverdue) ++overdue;
    std::vector<std::string> row = {
        person_link(item.child), escape(item.deadline.label),
        escape(long_date_text(item.deadline.status.due)),
        deadline_tag(item.deadline.status) + " " + escape(deadline_words(item.deadline.status))};
    if (manager)
      row.insert(row.begin() + 1, item.held_by.empty() ? tag("Not allocated", "red") : escape(item.held_by));
    row.push_back(action_link(item));
    rows.push_back(std::move(row));
  }
  std::vector<std::string> headers = {"Child", "What", "Due", "Status", ""};
  if (manager) headers.insert(headers.begin() + 1, "Social worker");
  main +=
      "<p class=\"govuk-body\" data-testid=\"work-counts\">" +
      escape(std::to_string(work->due.size()) + " due or overdue across " + std::to_string(work->children) +
             (manager ? " children in your team or unallocated" : " children allocated to you") + "; " +
             std::to_string(overdue) + " overdue.") +
      "</p>";
  main += "<div data-testid=\"due-work\">" +
          table("Due and overdue, soonest first", headers, rows, "Nothing is due. Well done.") + "</div>";
  return c.page(l, main);
}

}  // namespace

std::optional<Response> my_work_pages(PageContext& c) {
  if (c.request.path == "/my-work" && c.request.method == "GET") return my_work_page(c);
  return std::nullopt;
}

}  // namespace safeguard::web
