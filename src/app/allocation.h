// Allocation: who holds each open child's case. A team manager sees every child open to
// children's social care with no allocated social worker (longest waiting first, with the days
// unallocated), and the caseload of each worker and team; allocating itself is a change to the
// child's record (PeopleService::allocate).
//
// Thread safety: one instance per request; uses the request's Database.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/clock.h"
#include "core/result.h"
#include "domain/user.h"
#include "store/database.h"
#include "store/people_read_model.h"

namespace safeguard {

struct UnallocatedChild {
  PersonSummary child;
  Date referral_date;
  Date waiting_since;            // the referral, or the day after their last worker's allocation ended
  int64_t days_unallocated = 0;  // calendar days from waiting_since to today
};

// A caseload weighted by plan type, in tenths of a child: a child on a child protection plan
// counts one and a half, any other child one.
inline constexpr int64_t kProtectionPlanWeightTenths = 15;
inline constexpr int64_t kChildWeightTenths = 10;

// Children held, by plan type, and weighted.
struct Caseload {
  int64_t children = 0;
  int64_t on_protection_plans = 0;
  int64_t on_child_in_need_plans = 0;
  int64_t weighted_tenths = 0;

  void add(std::string_view plan_type);
  Caseload& operator+=(const Caseload& other);
};

struct WorkerCaseload {
  User worker;
  Caseload load;  // children allocated now
};

struct TeamCaseload {
  int64_t team_id = 0;
  std::string team_name;
  int64_t workers = 0;  // who can hold cases
  Caseload load;        // children allocated to the team's workers now
};

struct AllocationOverview {
  int64_t open_children = 0;                  // children with an open episode
  std::vector<UnallocatedChild> unallocated;  // longest waiting first
  std::vector<WorkerCaseload> workers;        // everyone who can hold cases, by team then name
  std::vector<TeamCaseload> teams;            // by name
};

// A child the user holds, for their home page.
struct HeldChild {
  PersonSummary child;
  Date allocated_from;
};

class AllocationService {
 public:
  AllocationService(Database& db, const Clock& clock) : db_(db), clock_(clock) {}

  // For team managers.
  Result<AllocationOverview> overview(const User& user);
  // Who a manager may allocate a child to, by team then name, with their caseloads.
  Result<std::vector<WorkerCaseload>> workers(const User& user);
  // The children allocated now to the user, longest held first.
  Result<std::vector<HeldChild>> children_of(const User& user);

 private:
  Database& db_;
  const Clock& clock_;
};

}  // namespace safeguard
