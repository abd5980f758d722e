// Children looked after: a social worker records a child becoming looked after, each change of
// placement or legal status, and the end of care; a team manager (or a reviewing officer taking a
// child on) appoints the child's independent reviewing officer, who records the looked-after
// reviews. Each is a change to the child's record through PeopleService::change (permission,
// relationship to the child, stale-version check, one transaction, access log); the rules are the
// domain's (domain/care.h).
//
// Thread safety: one instance per request; uses the request's Database.
#pragma once

#include <cstdint>
#include <string>

#include "app/people.h"
#include "core/clock.h"
#include "core/result.h"
#include "domain/care.h"
#include "domain/user.h"
#include "store/database.h"

namespace safeguard {

class LookedAfterService {
 public:
  LookedAfterService(Database& db, const Clock& clock) : db_(db), people_(db, clock) {}

  // Each returns the record's new version.
  Result<int64_t> start(const User& user, int64_t person_id, int64_t expected_version,
                        const StartOfCare& start, const Channel& channel);
  Result<int64_t> change(const User& user, int64_t person_id, int64_t expected_version,
                         const ChangeOfCare& change, const Channel& channel);
  Result<int64_t> end(const User& user, int64_t person_id, int64_t expected_version, Date on,
                      const std::string& reason, const Channel& channel);
  // `officer` is the username of an active user with the reviewing officer role.
  Result<int64_t> appoint_reviewing_officer(const User& user, int64_t person_id, int64_t expected_version,
                                            const std::string& officer, const Channel& channel);
  // Reviewing officers only; the review's chair is the user. Period 0 is the child's latest.
  Result<int64_t> record_review(const User& user, int64_t person_id, int64_t expected_version,
                                int64_t period_id, const LookedAfterReviewInput& input,
                                const Channel& channel);

  // The active reviewing officers, by name: the choices for an appointment.
  std::vector<User> reviewing_officers();

 private:
  Database& db_;
  PeopleService people_;
};

}  // namespace safeguard
