#include "app/my_work.h"

#include <algorithm>

#include "app/access_policy.h"
#include "app/records.h"
#include "app/settings.h"
#include "store/allocation_read_model.h"

namespace safeguard {

Result<MyWork> MyWorkService::for_user(const User& user) {
  if (!can_hold_cases(user))
    return Error::denied("Only social workers and team managers hold children's cases.");
  MyWork work;
  if (can_authorise_assessments(user)) {
    auto awaiting = AssessmentService(db_, clock_).awaiting_authorisation(user);
    if (!awaiting) return awaiting.error();
    work.awaiting = std::move(*awaiting);
  }
  try {
    AllocationIndex allocations(db_.sql());
    std::vector<std::pair<int64_t, std::string>> children;  // person, held by
    if (user.role == Role::kTeamManager) {
      for (const OpenChildRow& row : allocations.open_children(user.team_id)) {
        children.emplace_back(row.person_id, row.allocation ? row.allocation->worker_name : "");
      }
    } else {
      for (const AllocationRow& row : allocations.allocated_to(user.username)) {
        children.emplace_back(row.person_id, row.worker_name);
      }
    }
    const WorkingDayCalendar calendar = SettingsService(db_, clock_).calendar();
    const Date today = clock_.today();
    PeopleIndex index(db_.sql());
    for (const auto& [person_id, held_by] : children) {
      auto person = load_person(db_.sql(), person_id);
      if (!person) return person.error();
      const auto deadlines = open_deadlines(*person, today, calendar);
      if (deadlines.empty()) continue;
      auto summary = index.summary(person_id);
      if (!summary) continue;
      for (const ChildDeadline& d : deadlines) work.due.push_back({*summary, held_by, d});
    }
    work.children = static_cast<int64_t>(children.size());
  } catch (const SqlError& e) {
    return Error::storage(e.what());
  }
  std::stable_sort(work.due.begin(), work.due.end(), [](const WorkItem& a, const WorkItem& b) {
    return a.deadline.status.due < b.deadline.status.due;
  });
  return work;
}

}  // namespace safeguard
