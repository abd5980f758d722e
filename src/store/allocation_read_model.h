// Queries over who holds each open child's case (the person_allocations table, a projection of
// person streams kept by people_read_model.h): the children open to children's social care with
// their allocation or none, a child's allocation history, and whether a child is in a worker's or
// their team's work (access_policy.h).
//
// Thread safety: functions over a connection that belongs to the calling thread.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/date.h"
#include "store/sql.h"

namespace safeguard {

struct AllocationRow {
  int64_t person_id = 0;
  int64_t allocation_id = 0;
  std::string worker;
  std::string worker_name;
  int64_t team_id = 0;
  std::string team_name;
  Date from;
  std::optional<Date> to;
  std::string reason;
};

// A child with an open Children in Need episode, and who holds their case.
struct OpenChildRow {
  int64_t person_id = 0;
  int64_t episode_id = 0;
  Date referral_date;
  std::optional<AllocationRow> allocation;  // none: unallocated
  // Unallocated children: the last day of their last allocation in this episode, if they had one.
  std::optional<Date> last_allocated_on;
};

class AllocationIndex {
 public:
  explicit AllocationIndex(SqlConnection& db) : db_(db) {}

  // Every child with an open episode, oldest referral first; with `team_id`, only that team's
  // allocated children (unallocated children belong to no team and are always listed).
  std::vector<OpenChildRow> open_children(std::optional<int64_t> team_id = std::nullopt);
  std::vector<AllocationRow> allocations_of(int64_t person_id);
  // The children allocated now to this worker, longest held first.
  std::vector<AllocationRow> allocated_to(const std::string& worker);
  // True if the child is allocated now to this worker or to this team.
  bool in_work_of(int64_t person_id, const std::string& worker, std::optional<int64_t> team_id);
  // True if the child has an open episode and no allocated worker.
  bool awaiting_allocation(int64_t person_id);

 private:
  SqlConnection& db_;
};

}  // namespace safeguard
