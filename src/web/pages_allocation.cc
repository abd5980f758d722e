// The team manager's allocation page: every child open to children's social care with no allocated
// social worker, longest waiting first with the days unallocated, each with a link to allocate;
// and the caseload of each team and worker.
#include "app/access_policy.h"
#include "app/allocation.h"
#include "web/html.h"
#include "web/page_context.h"
#include "web/pages_people.h"

namespace safeguard::web {

namespace {

Response allocation_page(PageContext& c) {
  if (!can_allocate(*c.user)) {
    return c.problem(403, "You cannot see allocation", "Only team managers see allocation and caseloads.");
  }
  auto o = AllocationService(c.db, c.clock).overview(*c.user);
  if (!o) return c.error_page(o.error());
  Layout l = c.layout("Allocation", "allocation");
  std::string main = "<h1 class=\"govuk-heading-l\">Allocation</h1>";
  main += "<p class=\"govuk-body\" data-testid=\"allocation-counts\">" + std::to_string(o->open_children) +
          " children are open to children's social care; " + std::to_string(o->unallocated.size()) +
          (o->unallocated.size() == 1 ? " has" : " have") + " no allocated social worker.</p>";
  std::vector<std::vector<std::string>> waiting;
  for (const UnallocatedChild& u : o->unallocated) {
    waiting.push_back(
        {person_link(u.child), escape(u.child.date_of_birth ? long_date_text(*u.child.date_of_birth) : ""),
         escape(long_date_text(u.referral_date)),
         (u.days_unallocated > 5 ? tag(std::to_string(u.days_unallocated) + " days", "red")
                                 : escape(std::to_string(u.days_unallocated) + " days")),
         link_in_context("Allocate", " " + person_name(u.child), person_href(u.child.id) + "/allocate")});
  }
  main += "<div data-testid=\"unallocated\">" +
          table("Children with no allocated social worker",
                {"Child", "Date of birth", "Referral", "Unallocated for", ""}, waiting,
                "Every open child has an allocated social worker.") +
          "</div>";
  std::vector<std::vector<std::string>> teams;
  for (const TeamCaseload& t : o->teams) {
    teams.push_back(
        {escape(t.team_name), escape(std::to_string(t.workers)), escape(std::to_string(t.children))});
  }
  main += table("Caseloads by team", {"Team", "Social workers", "Children"}, teams, "No teams hold cases.");
  std::vector<std::vector<std::string>> workers;
  for (const WorkerCaseload& w : o->workers) {
    workers.push_back(
        {escape(w.worker.display_name), escape(w.worker.team_name), escape(std::to_string(w.children))});
  }
  main += "<div data-testid=\"caseloads\">" +
          table("Caseloads by social worker", {"Social worker", "Team", "Children"}, workers,
                "No one can hold cases yet.") +
          "</div>";
  return c.page(l, main);
}

}  // namespace

std::optional<Response> allocation_pages(PageContext& c) {
  if (c.request.path == "/allocation" && c.request.method == "GET") return allocation_page(c);
  return std::nullopt;
}

}  // namespace safeguard::web
