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

// Tenths of a child as "12" or "12.5".
std::string weighted_text(int64_t tenths) {
  return std::to_string(tenths / 10) + (tenths % 10 ? "." + std::to_string(tenths % 10) : "");
}

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
  const auto load_cells = [](const Caseload& load) {
    return std::vector<std::string>{std::to_string(load.children), std::to_string(load.on_protection_plans),
                                    std::to_string(load.on_child_in_need_plans),
                                    weighted_text(load.weighted_tenths)};
  };
  std::vector<std::vector<std::string>> teams;
  for (const TeamCaseload& t : o->teams) {
    std::vector<std::string> row = {escape(t.team_name), std::to_string(t.workers)};
    for (std::string& cell : load_cells(t.load)) row.push_back(std::move(cell));
    teams.push_back(std::move(row));
  }
  const std::vector<std::string> load_headers = {"Children", "On child protection plans",
                                                 "On child in need plans", "Weighted"};
  std::vector<std::string> team_headers = {"Team", "Social workers"};
  team_headers.insert(team_headers.end(), load_headers.begin(), load_headers.end());
  main +=
      "<p class=\"govuk-body\">Weighted caseloads count a child on a child protection plan as one and a "
      "half, any other child as one.</p><div data-testid=\"team-caseloads\">" +
      table("Caseloads by team", team_headers, teams, "No teams hold cases.") + "</div>";
  std::vector<std::vector<std::string>> workers;
  for (const WorkerCaseload& w : o->workers) {
    std::vector<std::string> row = {escape(w.worker.display_name), escape(w.worker.team_name)};
    for (std::string& cell : load_cells(w.load)) row.push_back(std::move(cell));
    workers.push_back(std::move(row));
  }
  std::vector<std::string> worker_headers = {"Social worker", "Team"};
  worker_headers.insert(worker_headers.end(), load_headers.begin(), load_headers.end());
  main += "<div data-testid=\"caseloads\">" +
          table("Caseloads by social worker", worker_headers, workers, "No one can hold cases yet.") +
          "</div>";
  return c.page(l, main);
}

}  // namespace

std::optional<Response> allocation_pages(PageContext& c) {
  if (c.request.path == "/allocation" && c.request.method == "GET") return allocation_page(c);
  return std::nullopt;
}

}  // namespace safeguard::web
