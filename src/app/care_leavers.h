// Care leavers: the young person's social worker or personal adviser, or a team manager, records the
// needs assessment and pathway plan and its reviews, and contacts with the young person (with what
// SSDA903 OC3 returns); a team manager appoints the personal adviser. Each is a change to the young
// person's record through PeopleService::change (permission, relationship, stale-version check,
// one transaction, access log); who is a care leaver, and the rules, are the domain's
// (domain/care_leaver.h), the clocks rules/child_deadlines.h's.
//
// Thread safety: one instance per request; uses the request's Database.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "app/people.h"
#include "core/clock.h"
#include "core/result.h"
#include "domain/care_leaver.h"
#include "domain/user.h"
#include "store/database.h"

namespace safeguard {

class CareLeaverService {
 public:
  CareLeaverService(Database& db, const Clock& clock) : db_(db), people_(db, clock) {}

  // Each returns the record's new version; a plan's or contact's `by` is the user.
  Result<int64_t> record_plan(const User& user, int64_t person_id, int64_t expected_version,
                              PathwayPlan input, const Channel& channel);
  Result<int64_t> record_contact(const User& user, int64_t person_id, int64_t expected_version,
                                 CareLeaverContact input, const Channel& channel);
  // `adviser` is the username of an active user who may hold cases.
  Result<int64_t> appoint_adviser(const User& user, int64_t person_id, int64_t expected_version,
                                  const std::string& adviser, const Channel& channel);

  // The active users who may be personal advisers, by name: the choices for an appointment.
  std::vector<User> advisers();

 private:
  Database& db_;
  PeopleService people_;
};

}  // namespace safeguard
