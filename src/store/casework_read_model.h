// Queries over the casework projections (person_assessments, person_enquiries, person_plans, and
// the proposed closures in cin_episodes, kept by people_read_model.h): what waits for a team's
// manager, who has assessments or enquiries, a child's latest assessment, who is on a plan. Each "for a team"
// list takes children allocated to that team and children allocated to no one, oldest first.
//
// Thread safety: functions over a connection that belongs to the calling thread.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "core/date.h"
#include "store/sql.h"

namespace safeguard {

// A child and one item of their record (an assessment, an episode).
struct CaseworkRef {
  int64_t person_id = 0;
  int64_t item_id = 0;
};

// An open plan whose actions no manager has yet authorised.
struct UnauthorisedPlan {
  int64_t person_id = 0;
  int64_t plan_id = 0;
  std::string type;
  Date started_on;
};

class CaseworkIndex {
 public:
  explicit CaseworkIndex(SqlConnection& db) : db_(db) {}

  // Assessments sent for authorisation and not yet authorised, oldest sent first.
  std::vector<CaseworkRef> assessments_awaiting_authorisation(int64_t team_id);
  // Open episodes whose closure a social worker has proposed, oldest proposal first.
  std::vector<CaseworkRef> closures_awaiting_authorisation(int64_t team_id);
  // Open plans not yet authorised, oldest first.
  std::vector<UnauthorisedPlan> plans_awaiting_authorisation(int64_t team_id);
  // Everyone with at least one assessment.
  std::vector<int64_t> people_with_assessments();
  // The child's latest assessment's id, or 0 if they have none.
  int64_t latest_assessment(int64_t person_id);
  // The child's latest section 47 enquiry's id, or 0 if they have none.
  int64_t latest_enquiry(int64_t person_id);
  // The child's open plan of the type, or 0 if they have none.
  int64_t open_plan(int64_t person_id, std::string_view type);
  // Everyone with a section 47 enquiry started on or after `since`.
  std::vector<int64_t> people_with_enquiries_since(Date since);
  // Children on an open plan of the type (domain/plan.h), each once.
  int64_t children_on_open_plans(std::string_view type);
  // The type of each child's open plans, by child; a child on none is absent. A child protection
  // plan comes before a child in need plan when, briefly, a child has both.
  std::map<int64_t, std::string> open_plan_types(const std::vector<int64_t>& person_ids);

 private:
  SqlConnection& db_;
};

}  // namespace safeguard
