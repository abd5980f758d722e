// Queries over the casework projections (person_assessments, and the proposed closures in
// cin_episodes, kept by people_read_model.h): what waits for a team's manager, who has assessments,
// a child's latest assessment. Each "for a team" list takes children allocated to that team and
// children allocated to no one, oldest first.
//
// Thread safety: functions over a connection that belongs to the calling thread.
#pragma once

#include <cstdint>
#include <vector>

#include "store/sql.h"

namespace safeguard {

// A child and one item of their record (an assessment, an episode).
struct CaseworkRef {
  int64_t person_id = 0;
  int64_t item_id = 0;
};

class CaseworkIndex {
 public:
  explicit CaseworkIndex(SqlConnection& db) : db_(db) {}

  // Assessments sent for authorisation and not yet authorised, oldest sent first.
  std::vector<CaseworkRef> assessments_awaiting_authorisation(int64_t team_id);
  // Open episodes whose closure a social worker has proposed, oldest proposal first.
  std::vector<CaseworkRef> closures_awaiting_authorisation(int64_t team_id);
  // Everyone with at least one assessment.
  std::vector<int64_t> people_with_assessments();
  // The child's latest assessment's id, or 0 if they have none.
  int64_t latest_assessment(int64_t person_id);

 private:
  SqlConnection& db_;
};

}  // namespace safeguard
