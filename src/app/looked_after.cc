#include "app/looked_after.h"

#include <algorithm>

#include "app/access_policy.h"
#include "store/accounts.h"

namespace safeguard {

Result<int64_t> LookedAfterService::start(const User& user, int64_t person_id, int64_t expected_version,
                                          const StartOfCare& start, const Channel& channel) {
  if (!can_record_care(user)) return Error::denied("Only a social worker or team manager may record care.");
  return people_.change(
      user, person_id, expected_version, "recorded becoming looked after", channel,
      [&](const Person& p, Date today) { return PeopleService::one(looked_after_started(p, start, today)); });
}

Result<int64_t> LookedAfterService::change(const User& user, int64_t person_id, int64_t expected_version,
                                           const ChangeOfCare& change, const Channel& channel) {
  if (!can_record_care(user)) return Error::denied("Only a social worker or team manager may record care.");
  return people_.change(
      user, person_id, expected_version, "recorded a change of care", channel,
      [&](const Person& p, Date today) { return PeopleService::one(care_changed(p, change, today)); });
}

Result<int64_t> LookedAfterService::end(const User& user, int64_t person_id, int64_t expected_version,
                                        Date on, const std::string& reason, const Channel& channel) {
  if (!can_record_care(user)) return Error::denied("Only a social worker or team manager may record care.");
  return people_.change(user, person_id, expected_version, "recorded the end of care", channel,
                        [&](const Person& p, Date today) {
                          return PeopleService::one(looked_after_ended(p, on, reason, today));
                        });
}

Result<int64_t> LookedAfterService::appoint_reviewing_officer(const User& user, int64_t person_id,
                                                              int64_t expected_version,
                                                              const std::string& officer,
                                                              const Channel& channel) {
  if (!can_appoint_reviewing_officer(user)) {
    return Error::denied("Only a team manager or reviewing officer may appoint a reviewing officer.");
  }
  std::optional<User> chosen;
  try {
    chosen = Accounts(db_.sql()).user_by_username(officer);
  } catch (const SqlError& e) {
    return Error::storage(e.what());
  }
  if (!chosen || chosen->disabled || chosen->role != Role::kIndependentReviewingOfficer) {
    return Error::invalid("Choose an independent reviewing officer from the list", "reviewing_officer");
  }
  return people_.change(user, person_id, expected_version, "appointed a reviewing officer", channel,
                        [&](const Person& p, Date today) {
                          return PeopleService::one(
                              reviewing_officer_appointed(p, chosen->username, chosen->display_name, today));
                        });
}

Result<int64_t> LookedAfterService::record_review(const User& user, int64_t person_id,
                                                  int64_t expected_version, int64_t period_id,
                                                  const LookedAfterReviewInput& input,
                                                  const Channel& channel) {
  if (!can_review_care(user))
    return Error::denied("Only an independent reviewing officer may record a review.");
  return people_.change(
      user, person_id, expected_version, "recorded a looked-after review", channel,
      [&](const Person& p, Date today) {
        const int64_t period =
            period_id != 0 || p.periods_of_care.empty() ? period_id : p.periods_of_care.back().id;
        return PeopleService::one(looked_after_review_recorded(p, period, input, user.display_name, today));
      });
}

std::vector<User> LookedAfterService::reviewing_officers() {
  std::vector<User> out;
  for (User& u : Accounts(db_.sql()).users()) {
    if (u.role == Role::kIndependentReviewingOfficer && !u.disabled) out.push_back(std::move(u));
  }
  std::sort(out.begin(), out.end(),
            [](const User& a, const User& b) { return a.display_name < b.display_name; });
  return out;
}

}  // namespace safeguard
