#include "app/allocation.h"

#include <algorithm>
#include <map>

#include "app/access_policy.h"
#include "domain/plan.h"
#include "store/accounts.h"
#include "store/allocation_read_model.h"
#include "store/casework_read_model.h"

namespace safeguard {

void Caseload::add(std::string_view plan_type) {
  ++children;
  if (plan_type == kChildProtectionPlan) ++on_protection_plans;
  if (plan_type == kChildInNeedPlan) ++on_child_in_need_plans;
  weighted_tenths += plan_type == kChildProtectionPlan ? kProtectionPlanWeightTenths : kChildWeightTenths;
}

Caseload& Caseload::operator+=(const Caseload& other) {
  children += other.children;
  on_protection_plans += other.on_protection_plans;
  on_child_in_need_plans += other.on_child_in_need_plans;
  weighted_tenths += other.weighted_tenths;
  return *this;
}

Result<AllocationOverview> AllocationService::overview(const User& user) {
  if (!can_allocate(user)) return Error::denied("Only team managers see allocation and caseloads.");
  try {
    AllocationOverview o;
    const Date today = clock_.today();
    std::map<std::string, Caseload> by_worker;
    std::vector<int64_t> unallocated_ids;
    std::vector<UnallocatedChild> unallocated;
    const auto open_children = AllocationIndex(db_.sql()).open_children();
    std::vector<int64_t> allocated_ids;
    for (const OpenChildRow& row : open_children) {
      if (row.allocation) allocated_ids.push_back(row.person_id);
    }
    const auto plan_types = CaseworkIndex(db_.sql()).open_plan_types(allocated_ids);
    for (const OpenChildRow& row : open_children) {
      ++o.open_children;
      if (row.allocation) {
        const auto plan = plan_types.find(row.person_id);
        by_worker[row.allocation->worker].add(plan == plan_types.end() ? "" : plan->second);
        continue;
      }
      UnallocatedChild u;
      u.child.id = row.person_id;
      u.referral_date = row.referral_date;
      u.waiting_since = row.last_allocated_on ? *row.last_allocated_on + 1 : row.referral_date;
      u.days_unallocated = std::max<int64_t>(0, today - u.waiting_since);
      unallocated_ids.push_back(row.person_id);
      unallocated.push_back(u);
    }
    std::map<int64_t, PersonSummary> summaries;
    for (PersonSummary& s : PeopleIndex(db_.sql()).summaries(unallocated_ids)) summaries[s.id] = std::move(s);
    for (UnallocatedChild& u : unallocated) {
      if (auto it = summaries.find(u.child.id); it != summaries.end()) u.child = it->second;
    }
    std::stable_sort(unallocated.begin(), unallocated.end(),
                     [](const auto& a, const auto& b) { return a.days_unallocated > b.days_unallocated; });
    o.unallocated = std::move(unallocated);
    std::map<int64_t, TeamCaseload> teams;
    for (const User& u : Accounts(db_.sql()).users()) {
      if (!can_hold_cases(u)) continue;
      const auto count = by_worker.find(u.username);
      WorkerCaseload w{u, count == by_worker.end() ? Caseload{} : count->second};
      TeamCaseload& t = teams[*u.team_id];
      t.team_id = *u.team_id;
      t.team_name = u.team_name;
      ++t.workers;
      t.load += w.load;
      o.workers.push_back(std::move(w));
    }
    std::sort(o.workers.begin(), o.workers.end(), [](const WorkerCaseload& a, const WorkerCaseload& b) {
      if (a.worker.team_name != b.worker.team_name) return a.worker.team_name < b.worker.team_name;
      return a.worker.display_name < b.worker.display_name;
    });
    for (auto& [id, t] : teams) o.teams.push_back(std::move(t));
    std::sort(o.teams.begin(), o.teams.end(),
              [](const TeamCaseload& a, const TeamCaseload& b) { return a.team_name < b.team_name; });
    return o;
  } catch (const SqlError& e) {
    return Error::storage(e.what());
  }
}

Result<std::vector<WorkerCaseload>> AllocationService::workers(const User& user) {
  auto o = overview(user);
  if (!o) return o.error();
  return std::move(o->workers);
}

Result<std::vector<HeldChild>> AllocationService::children_of(const User& user) {
  try {
    const std::vector<AllocationRow> rows = AllocationIndex(db_.sql()).allocated_to(user.username);
    std::vector<int64_t> ids;
    for (const AllocationRow& r : rows) ids.push_back(r.person_id);
    std::map<int64_t, PersonSummary> summaries;
    for (PersonSummary& s : PeopleIndex(db_.sql()).summaries(ids)) summaries[s.id] = std::move(s);
    std::vector<HeldChild> out;
    for (const AllocationRow& r : rows) {
      HeldChild h;
      h.child = summaries.count(r.person_id) ? summaries[r.person_id] : PersonSummary{};
      h.child.id = r.person_id;
      h.allocated_from = r.from;
      out.push_back(std::move(h));
    }
    return out;
  } catch (const SqlError& e) {
    return Error::storage(e.what());
  }
}

}  // namespace safeguard
