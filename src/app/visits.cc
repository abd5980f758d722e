#include "app/visits.h"

#include "app/access_policy.h"
#include "app/settings.h"
#include "rules/child_deadlines.h"

namespace safeguard {
Result<int64_t> VisitService::record_visit(const User& user, int64_t person_id, int64_t expected_version,
                                           const VisitInput& input, const Channel& channel) {
  if (!can_assess(user)) return Error::denied("Only a social worker or team manager may record a visit.");
  return people_.change(user, person_id, expected_version, "recorded visit", channel,
                        [&](const Person& p, Date today) {
                          return PeopleService::one(visit_recorded(p, input, user.display_name, today));
                        });
}

Result<int64_t> VisitService::record_supervision(const User& user, int64_t person_id,
                                                 int64_t expected_version, const SupervisionInput& input,
                                                 const Channel& channel) {
  if (!can_authorise_assessments(user))
    return Error::denied("Only a team manager may record case supervision.");
  const CaseworkTimescales timescales = SettingsService(db_, clock_).timescales();
  return people_.change(
      user, person_id, expected_version, "recorded case supervision", channel,
      [&](const Person& p, Date today) {
        return PeopleService::one(supervision_recorded(
            p, input, user.display_name, latest_next_supervision(p, input.on, timescales), today));
      });
}

}  // namespace safeguard
