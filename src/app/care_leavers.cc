#include "app/care_leavers.h"

#include <algorithm>

#include "app/access_policy.h"
#include "store/accounts.h"

namespace safeguard {

Result<int64_t> CareLeaverService::record_plan(const User& user, int64_t person_id, int64_t expected_version,
                                               PathwayPlan input, const Channel& channel) {
  if (!can_record_care(user)) return Error::denied("Only a social worker or team manager may record this.");
  input.by = user.display_name;
  return people_.change(user, person_id, expected_version, "recorded a pathway plan", channel,
                        [&](const Person& p, Date today) {
                          return PeopleService::one(pathway_plan_recorded(p, input, today));
                        });
}

Result<int64_t> CareLeaverService::record_contact(const User& user, int64_t person_id,
                                                  int64_t expected_version, CareLeaverContact input,
                                                  const Channel& channel) {
  if (!can_record_care(user)) return Error::denied("Only a social worker or team manager may record this.");
  input.by = user.display_name;
  return people_.change(user, person_id, expected_version, "recorded a care leaver contact", channel,
                        [&](const Person& p, Date today) {
                          return PeopleService::one(care_leaver_contact_recorded(p, input, today));
                        });
}

Result<int64_t> CareLeaverService::appoint_adviser(const User& user, int64_t person_id,
                                                   int64_t expected_version, const std::string& adviser,
                                                   const Channel& channel) {
  if (!can_allocate(user)) return Error::denied("Only a team manager may appoint a personal adviser.");
  std::optional<User> chosen;
  try {
    chosen = Accounts(db_.sql()).user_by_username(adviser);
  } catch (const SqlError& e) {
    return Error::storage(e.what());
  }
  if (!chosen || !can_hold_cases(*chosen)) {
    return Error::invalid("Choose a personal adviser from the list", "personal_adviser");
  }
  return people_.change(user, person_id, expected_version, "appointed a personal adviser", channel,
                        [&](const Person& p, Date today) {
                          return PeopleService::one(
                              personal_adviser_appointed(p, chosen->username, chosen->display_name, today));
                        });
}

std::vector<User> CareLeaverService::advisers() {
  std::vector<User> out;
  for (User& u : Accounts(db_.sql()).users()) {
    if (can_hold_cases(u)) out.push_back(std::move(u));
  }
  std::sort(out.begin(), out.end(),
            [](const User& a, const User& b) { return a.display_name < b.display_name; });
  return out;
}

}  // namespace safeguard
