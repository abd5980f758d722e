// Adoption and permanence: the child's social worker or a team manager records the decision that a
// looked-after child should be placed for adoption, the match with adopters, a decision that the
// child should no longer be placed (with the reason), and the permanence a child had before each
// period of care. Each is a change to the child's record through PeopleService::change
// (permission, relationship to the child, stale-version check, one transaction, access log); the
// rules are the domain's (domain/adoption.h). The placement order, the placement with adopters and
// the adoption order are changes of care (app/looked_after.h).
//
// Thread safety: one instance per request; uses the request's Database.
#pragma once

#include <cstdint>
#include <string>

#include "app/people.h"
#include "core/clock.h"
#include "core/result.h"
#include "domain/adoption.h"
#include "domain/user.h"
#include "store/database.h"

namespace safeguard {

class AdoptionService {
 public:
  AdoptionService(Database& db, const Clock& clock) : people_(db, clock) {}

  // Each returns the record's new version.
  Result<int64_t> decide(const User& user, int64_t person_id, int64_t expected_version, Date on,
                         const std::string& notes, const Channel& channel);
  Result<int64_t> record_match(const User& user, int64_t person_id, int64_t expected_version, Date on,
                               const Adopters& adopters, const Channel& channel);
  Result<int64_t> cease(const User& user, int64_t person_id, int64_t expected_version, Date on,
                        const std::string& reason, const Channel& channel);
  Result<int64_t> record_previous_permanence(const User& user, int64_t person_id, int64_t expected_version,
                                             const PreviousPermanence& input, const Channel& channel);

 private:
  PeopleService people_;
};

}  // namespace safeguard
