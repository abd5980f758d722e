// Visit and supervision use cases: a social worker (or team manager) records a visit to a child; a
// team manager records the case's supervision, its next due date no later than the council's
// interval (settings.h). Each is a change to the child's record through PeopleService::change
// (permission, relationship to the child, stale-version check, one transaction, access log); the
// rules are the domain's (domain/visit.h).
//
// Thread safety: one instance per request; uses the request's Database.
#pragma once

#include <cstdint>

#include "app/people.h"
#include "core/clock.h"
#include "core/result.h"
#include "domain/user.h"
#include "domain/visit.h"
#include "store/database.h"

namespace safeguard {

class VisitService {
 public:
  VisitService(Database& db, const Clock& clock) : db_(db), clock_(clock), people_(db, clock) {}

  // Each returns the record's new version.
  Result<int64_t> record_visit(const User& user, int64_t person_id, int64_t expected_version,
                               const VisitInput& input, const Channel& channel);
  // Team managers only.
  Result<int64_t> record_supervision(const User& user, int64_t person_id, int64_t expected_version,
                                     const SupervisionInput& input, const Channel& channel);

 private:
  Database& db_;
  const Clock& clock_;
  PeopleService people_;
};

}  // namespace safeguard
