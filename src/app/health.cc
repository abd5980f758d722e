#include "app/health.h"

#include "app/access_policy.h"

namespace safeguard {

template <typename Input, typename Make>
Result<int64_t> HealthService::record(const User& user, int64_t person_id, int64_t expected_version,
                                      Input& input, const char* action, const Channel& channel, Make make) {
  if (!can_record_care(user)) {
    return Error::denied("Only a social worker or team manager may record a child's health and education.");
  }
  input.by = user.display_name;
  return people_.change(user, person_id, expected_version, action, channel, [&](const Person& p, Date today) {
    return PeopleService::one(make(p, input, today));
  });
}

Result<int64_t> HealthService::record_check(const User& user, int64_t person_id, int64_t expected_version,
                                            HealthCheck input, const Channel& channel) {
  return record(user, person_id, expected_version, input, "recorded a health check", channel,
                health_check_recorded);
}

Result<int64_t> HealthService::record_immunisations(const User& user, int64_t person_id,
                                                    int64_t expected_version, ImmunisationStatus input,
                                                    const Channel& channel) {
  return record(user, person_id, expected_version, input, "recorded immunisations", channel,
                immunisations_recorded);
}

Result<int64_t> HealthService::record_sdq(const User& user, int64_t person_id, int64_t expected_version,
                                          SdqRecord input, const Channel& channel) {
  return record(user, person_id, expected_version, input, "recorded an SDQ", channel, sdq_recorded);
}

Result<int64_t> HealthService::record_substance_misuse(const User& user, int64_t person_id,
                                                       int64_t expected_version, SubstanceMisuse input,
                                                       const Channel& channel) {
  return record(user, person_id, expected_version, input, "recorded substance misuse", channel,
                substance_misuse_recorded);
}

Result<int64_t> HealthService::record_conviction(const User& user, int64_t person_id,
                                                 int64_t expected_version, Conviction input,
                                                 const Channel& channel) {
  return record(user, person_id, expected_version, input, "recorded a conviction", channel,
                conviction_recorded);
}

Result<int64_t> HealthService::record_education_plan(const User& user, int64_t person_id,
                                                     int64_t expected_version, EducationPlan input,
                                                     const Channel& channel) {
  return record(user, person_id, expected_version, input, "recorded a personal education plan", channel,
                education_plan_recorded);
}

}  // namespace safeguard
