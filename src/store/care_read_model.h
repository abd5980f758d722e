// Queries over the looked-after projections (person_care_periods, person_care_episodes and
// person_care_reviews, kept by people_read_model.h): who is looked after, whose reviewing officer
// a user is, who had care in a range of days, and who of an age was ever in care, for "my work",
// access and the children-in-care dashboard.
//
// Thread safety: functions over a connection that belongs to the calling thread.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

#include "core/date.h"
#include "store/sql.h"

namespace safeguard {

class CareIndex {
 public:
  explicit CareIndex(SqlConnection& db) : db_(db) {}

  // True if `username` is the reviewing officer of the child's open period of care.
  bool is_reviewing_officer_of(int64_t person_id, std::string_view username);
  // The children in an open period of care whose reviewing officer is `username`, by id.
  std::vector<int64_t> children_of_reviewing_officer(std::string_view username);
  // Everyone looked after at some time from `from` to `to` (both included), by id.
  std::vector<int64_t> looked_after_between(Date from, Date to);
  // Everyone ever looked after who was born from `from` to `to` (both included), by id: the care
  // leavers of an age.
  std::vector<int64_t> ever_looked_after_born_between(Date from, Date to);

 private:
  SqlConnection& db_;
};

}  // namespace safeguard
