// The health and education of children looked after: the child's social worker or a team manager
// records health checks, immunisation status, SDQs, substance misuse, convictions and personal
// education plan meetings. Each is a change to the child's record through PeopleService::change
// (permission, relationship to the child, stale-version check, one transaction, access log); the
// rules are the domain's (domain/health.h), and the clocks rules/child_deadlines.h's.
//
// Thread safety: one instance per request; uses the request's Database.
#pragma once

#include <cstdint>
#include <string>

#include "app/people.h"
#include "core/clock.h"
#include "core/result.h"
#include "domain/health.h"
#include "domain/user.h"
#include "store/database.h"

namespace safeguard {

class HealthService {
 public:
  HealthService(Database& db, const Clock& clock) : people_(db, clock) {}

  // Each returns the record's new version; the record's `by` is the user.
  Result<int64_t> record_check(const User& user, int64_t person_id, int64_t expected_version,
                               HealthCheck input, const Channel& channel);
  Result<int64_t> record_immunisations(const User& user, int64_t person_id, int64_t expected_version,
                                       ImmunisationStatus input, const Channel& channel);
  Result<int64_t> record_sdq(const User& user, int64_t person_id, int64_t expected_version, SdqRecord input,
                             const Channel& channel);
  Result<int64_t> record_substance_misuse(const User& user, int64_t person_id, int64_t expected_version,
                                          SubstanceMisuse input, const Channel& channel);
  Result<int64_t> record_conviction(const User& user, int64_t person_id, int64_t expected_version,
                                    Conviction input, const Channel& channel);
  Result<int64_t> record_education_plan(const User& user, int64_t person_id, int64_t expected_version,
                                        EducationPlan input, const Channel& channel);

 private:
  // Checks the user may record health and education, sets the input's `by`, and appends the event
  // `make` gives.
  template <typename Input, typename Make>
  Result<int64_t> record(const User& user, int64_t person_id, int64_t expected_version, Input& input,
                         const char* action, const Channel& channel, Make make);

  PeopleService people_;
};

}  // namespace safeguard
