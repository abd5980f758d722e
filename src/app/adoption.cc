#include "app/adoption.h"

#include "app/access_policy.h"

namespace safeguard {
namespace {

constexpr const char* kDenied = "Only a social worker or team manager may record this.";

}  // namespace

Result<int64_t> AdoptionService::decide(const User& user, int64_t person_id, int64_t expected_version,
                                        Date on, const std::string& notes, const Channel& channel) {
  if (!can_record_care(user)) return Error::denied(kDenied);
  return people_.change(user, person_id, expected_version, "recorded a decision to place for adoption",
                        channel, [&](const Person& p, Date today) {
                          return PeopleService::one(adoption_decided(p, on, notes, user.display_name, today));
                        });
}

Result<int64_t> AdoptionService::record_match(const User& user, int64_t person_id, int64_t expected_version,
                                              Date on, const Adopters& adopters, const Channel& channel) {
  if (!can_record_care(user)) return Error::denied(kDenied);
  return people_.change(user, person_id, expected_version, "recorded an adoption match", channel,
                        [&](const Person& p, Date today) {
                          return PeopleService::one(adoption_match_recorded(p, on, adopters, today));
                        });
}

Result<int64_t> AdoptionService::cease(const User& user, int64_t person_id, int64_t expected_version, Date on,
                                       const std::string& reason, const Channel& channel) {
  if (!can_record_care(user)) return Error::denied(kDenied);
  return people_.change(user, person_id, expected_version,
                        "recorded that the child should no longer be placed for adoption", channel,
                        [&](const Person& p, Date today) {
                          return PeopleService::one(adoption_decision_ceased(p, on, reason, today));
                        });
}

Result<int64_t> AdoptionService::record_previous_permanence(const User& user, int64_t person_id,
                                                            int64_t expected_version,
                                                            const PreviousPermanence& input,
                                                            const Channel& channel) {
  if (!can_record_care(user)) return Error::denied(kDenied);
  return people_.change(user, person_id, expected_version, "recorded previous permanence", channel,
                        [&](const Person& p, Date today) {
                          return PeopleService::one(previous_permanence_recorded(p, input, today));
                        });
}

}  // namespace safeguard
