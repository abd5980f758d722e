// "My work": what is due and overdue across the children a social worker holds, or for a team
// manager across their team's children and every unallocated child, soonest due first, from the one
// deadline engine (rules/child_deadlines.h); and for a manager, the assessments and the closures
// of episodes and the plans waiting for their authorisation. A list of work, like the allocation overview: it
// opens no one's record, so it logs no reads. The engine reads each child's episodes and assessments from the
// read models (PeopleIndex::casework_of), so the list costs a few queries, not a fold of every record.
//
// Thread safety: one instance per request; uses the request's Database.
#pragma once

#include <string>
#include <vector>

#include "app/assessments.h"
#include "core/clock.h"
#include "core/result.h"
#include "domain/user.h"
#include "rules/child_deadlines.h"
#include "store/database.h"
#include "store/people_read_model.h"

namespace safeguard {

struct WorkItem {
  PersonSummary child;
  std::string held_by;  // the allocated worker's name; empty when unallocated
  ChildDeadline deadline;
};

// A proposal to close a child's episode, waiting for a manager.
struct ClosureAwaiting {
  PersonSummary child;
  int64_t episode_id = 0;
  ClosureProposal proposal;
};

// An open plan whose actions a manager has not yet authorised.
struct PlanAwaiting {
  PersonSummary child;
  int64_t plan_id = 0;
  std::string type;
  Date started_on;
};

struct MyWork {
  int64_t children = 0;                      // the children whose deadlines are listed
  std::vector<WorkItem> due;                 // due and overdue deadlines, soonest due first
  std::vector<AssessmentAwaiting> awaiting;  // for a manager: assessments to authorise
  std::vector<ClosureAwaiting> closures;     // for a manager: proposed closures, oldest first
  std::vector<PlanAwaiting> plans;           // for a manager: plans not yet authorised, oldest first
};

class MyWorkService {
 public:
  MyWorkService(Database& db, const Clock& clock) : db_(db), clock_(clock) {}

  // For anyone who holds cases (social workers and team managers).
  Result<MyWork> for_user(const User& user);

 private:
  Database& db_;
  const Clock& clock_;
};

}  // namespace safeguard
