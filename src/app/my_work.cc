#include "app/my_work.h"

#include <algorithm>
#include <map>

#include "app/access_policy.h"
#include "app/records.h"
#include "app/settings.h"
#include "store/allocation_read_model.h"
#include "store/care_read_model.h"
#include "store/casework_read_model.h"

namespace safeguard {

Result<MyWork> MyWorkService::for_user(const User& user) {
  if (!has_my_work(user)) {
    return Error::denied("Only social workers, team managers and reviewing officers have a list of work.");
  }
  MyWork work;
  if (can_authorise_assessments(user)) {
    auto awaiting = AssessmentService(db_, clock_).awaiting_authorisation(user);
    if (!awaiting) return awaiting.error();
    work.awaiting = std::move(*awaiting);
  }
  try {
    if (can_close_episodes(user)) {
      PeopleIndex index(db_.sql());
      for (const CaseworkRef& ref :
           CaseworkIndex(db_.sql()).closures_awaiting_authorisation(user.team_id.value_or(0))) {
        auto person = load_person(db_.sql(), ref.person_id);
        if (!person) return person.error();
        auto summary = index.summary(person->id);
        for (const CinEpisode& e : person->episodes) {
          if (e.id == ref.item_id && e.proposed_closure && summary) {
            work.closures.push_back({*summary, e.id, *e.proposed_closure});
          }
        }
      }
    }
    if (can_authorise_assessments(user)) {
      const auto plans = CaseworkIndex(db_.sql()).plans_awaiting_authorisation(user.team_id.value_or(0));
      std::vector<int64_t> ids;
      for (const UnauthorisedPlan& p : plans) ids.push_back(p.person_id);
      std::map<int64_t, PersonSummary> summaries;
      for (PersonSummary& s : PeopleIndex(db_.sql()).summaries(ids)) summaries.emplace(s.id, std::move(s));
      for (const UnauthorisedPlan& p : plans) {
        if (auto s = summaries.find(p.person_id); s != summaries.end()) {
          work.plans.push_back({s->second, p.plan_id, p.type, p.started_on});
        }
      }
    }
    AllocationIndex allocations(db_.sql());
    std::vector<std::pair<int64_t, std::string>> children;  // person, held by
    if (user.role == Role::kTeamManager) {
      for (const OpenChildRow& row : allocations.open_children(user.team_id)) {
        children.emplace_back(row.person_id, row.allocation ? row.allocation->worker_name : "");
      }
    } else if (can_review_care(user)) {
      for (int64_t id : CareIndex(db_.sql()).children_of_reviewing_officer(user.username)) {
        children.emplace_back(id, user.display_name);
      }
    } else {
      for (const AllocationRow& row : allocations.allocated_to(user.username)) {
        children.emplace_back(row.person_id, row.worker_name);
      }
    }
    SettingsService settings(db_, clock_);
    const WorkingDayCalendar calendar = settings.calendar();
    const CaseworkTimescales timescales = settings.timescales();
    const Date today = clock_.today();
    PeopleIndex index(db_.sql());
    std::vector<int64_t> ids;
    for (const auto& child : children) ids.push_back(child.first);
    const std::map<int64_t, Person> casework = index.casework_of(ids);
    std::vector<std::pair<size_t, ChildDeadline>> due;  // index into children
    for (size_t i = 0; i < children.size(); ++i) {
      const auto person = casework.find(children[i].first);
      if (person == casework.end()) continue;
      for (ChildDeadline& d : open_deadlines(person->second, today, calendar, timescales)) {
        // A reviewing officer's work is the reviews.
        if (can_review_care(user) && d.kind != "looked_after_review") continue;
        due.emplace_back(i, std::move(d));
      }
    }
    std::vector<int64_t> due_ids;
    for (const auto& [i, d] : due) due_ids.push_back(children[i].first);
    std::map<int64_t, PersonSummary> summaries;
    for (PersonSummary& summary : index.summaries(due_ids)) summaries.emplace(summary.id, std::move(summary));
    for (auto& [i, d] : due) {
      const auto summary = summaries.find(children[i].first);
      if (summary != summaries.end()) work.due.push_back({summary->second, children[i].second, std::move(d)});
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
