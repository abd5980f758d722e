// Queries over the missing and exploitation projections (person_missing and
// person_exploitation_screenings, kept by people_read_model.h): which children the multi-agency
// exploitation and missing team's page is about. The page's figures come from the children's
// records (domain/missing.h), loaded by PeopleIndex::casework_of.
//
// Thread safety: functions over a connection that belongs to the calling thread.
#pragma once

#include <cstdint>
#include <vector>

#include "core/date.h"
#include "store/sql.h"

namespace safeguard {

class MissingIndex {
 public:
  explicit MissingIndex(SqlConnection& db) : db_(db) {}

  // Children missing now, or missing at some time from `from` onwards, by id.
  std::vector<int64_t> children_missing_since(Date from);
  // Children (under 18 on `today`, alive) whose latest exploitation screening found a risk, by id.
  std::vector<int64_t> children_at_risk_of_exploitation(Date today);

 private:
  SqlConnection& db_;
};

}  // namespace safeguard
