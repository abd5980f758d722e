#include "app/protection.h"

#include "app/access_policy.h"
#include "app/settings.h"
#include "rules/child_deadlines.h"
#include "store/casework_read_model.h"
#include "store/people_read_model.h"

namespace safeguard {
namespace {

const char* kNotCaseworker =
    "Only a social worker or team manager may record child protection work and plans.";
const char* kNotManager = "Only a team manager may authorise a plan or end one.";

}  // namespace

Result<int64_t> ProtectionService::hold_strategy_discussion(const User& user, int64_t person_id,
                                                            int64_t expected_version,
                                                            const StrategyDiscussionInput& input,
                                                            const Channel& channel) {
  if (!can_assess(user)) return Error::denied(kNotCaseworker);
  return people_.change(
      user, person_id, expected_version, "recorded strategy discussion", channel,
      [&](const Person& p, Date today) {
        return PeopleService::one(strategy_discussion_held(p, input, user.display_name, today));
      });
}

Result<int64_t> ProtectionService::conclude_enquiry(const User& user, int64_t person_id,
                                                    int64_t expected_version, int64_t section47_id, Date on,
                                                    const std::string& outcome, const std::string& findings,
                                                    const Channel& channel) {
  if (!can_assess(user)) return Error::denied(kNotCaseworker);
  return people_.change(
      user, person_id, expected_version, "concluded section 47 enquiry", channel,
      [&](const Person& p, Date today) {
        return PeopleService::one(section47_concluded(p, section47_id, on, outcome, findings, today));
      });
}

Result<int64_t> ProtectionService::hold_initial_conference(const User& user, int64_t person_id,
                                                           int64_t expected_version, int64_t section47_id,
                                                           const ConferenceInput& input,
                                                           const Channel& channel) {
  if (!can_assess(user)) return Error::denied(kNotCaseworker);
  return people_.change(
      user, person_id, expected_version, "recorded initial child protection conference", channel,
      [&](const Person& p, Date today) { return initial_conference_held(p, section47_id, input, today); });
}

Result<int64_t> ProtectionService::start_child_in_need_plan(const User& user, int64_t person_id,
                                                            int64_t expected_version, Date started_on,
                                                            const Channel& channel) {
  if (!can_assess(user)) return Error::denied(kNotCaseworker);
  return people_.change(user, person_id, expected_version, "started child in need plan", channel,
                        [&](const Person& p, Date today) {
                          return PeopleService::one(child_in_need_plan_started(p, started_on, today));
                        });
}

Result<int64_t> ProtectionService::save_actions(const User& user, int64_t person_id, int64_t expected_version,
                                                int64_t plan_id, const std::vector<PlanActionInput>& actions,
                                                const Channel& channel) {
  if (!can_assess(user)) return Error::denied(kNotCaseworker);
  return people_.change(
      user, person_id, expected_version, "recorded plan actions", channel,
      [&](const Person& p, Date) { return PeopleService::one(plan_actions_recorded(p, plan_id, actions)); });
}

Result<int64_t> ProtectionService::authorise_plan(const User& user, int64_t person_id,
                                                  int64_t expected_version, int64_t plan_id,
                                                  const Channel& channel) {
  if (!can_authorise_assessments(user)) return Error::denied(kNotManager);
  return people_.change(
      user, person_id, expected_version, "authorised plan", channel, [&](const Person& p, Date today) {
        return PeopleService::one(plan_finalised(p, plan_id, today, user.display_name, today));
      });
}

Result<int64_t> ProtectionService::record_core_group(const User& user, int64_t person_id,
                                                     int64_t expected_version, int64_t plan_id, Date on,
                                                     const Channel& channel) {
  if (!can_assess(user)) return Error::denied(kNotCaseworker);
  return people_.change(user, person_id, expected_version, "recorded core group", channel,
                        [&](const Person& p, Date today) {
                          return PeopleService::one(core_group_held(p, plan_id, on, today));
                        });
}

Result<int64_t> ProtectionService::review_plan(const User& user, int64_t person_id, int64_t expected_version,
                                               int64_t plan_id, const PlanReviewInput& input,
                                               const Channel& channel) {
  if (!can_assess(user)) return Error::denied(kNotCaseworker);
  return people_.change(user, person_id, expected_version, "recorded plan review", channel,
                        [&](const Person& p, Date today) {
                          return PeopleService::one(plan_reviewed(p, plan_id, input, today));
                        });
}

Result<int64_t> ProtectionService::end_plan(const User& user, int64_t person_id, int64_t expected_version,
                                            int64_t plan_id, Date on, const std::string& reason,
                                            const Channel& channel) {
  if (!can_authorise_assessments(user)) return Error::denied(kNotManager);
  return people_.change(user, person_id, expected_version, "ended plan", channel,
                        [&](const Person& p, Date today) {
                          return PeopleService::one(plan_ended(p, plan_id, on, reason, today));
                        });
}

Result<ProtectionFigures> ProtectionService::figures() {
  try {
    CaseworkIndex casework(db_.sql());
    const Date today = clock_.today();
    const Date year_ago = add_months(today, -12);
    ProtectionFigures f;
    f.on_protection_plans = casework.children_on_open_plans(kChildProtectionPlan);
    f.on_child_in_need_plans = casework.children_on_open_plans(kChildInNeedPlan);
    SettingsService settings(db_, clock_);
    const WorkingDayCalendar calendar = settings.calendar();
    const CaseworkTimescales timescales = settings.timescales();
    // Enquiries started since a year ago, and (for conferences held in the year) a little earlier.
    const auto people =
        PeopleIndex(db_.sql()).casework_of(casework.people_with_enquiries_since(add_months(year_ago, -2)));
    for (const auto& [id, person] : people) {
      for (const Section47Enquiry& s : person.enquiries) {
        if (s.started_on > year_ago && s.started_on <= today) ++f.enquiries;
      }
      for (const ChildDeadline& d : child_deadlines(person, today, calendar, timescales)) {
        if (d.kind != "icpc" || !d.status.met_on || *d.status.met_on <= year_ago) continue;
        ++f.conferences;
        if (d.status.state == DeadlineState::kMetOnTime) ++f.conferences_on_time;
      }
      for (const ChildPlan& plan : person.plans) {
        if (!plan.is_protection() || plan.started_on <= year_ago || plan.started_on > today) continue;
        ++f.plans_started;
        // The read model keeps no count of earlier plans: earlier plans on the record are counted.
        for (const ChildPlan& earlier : person.plans) {
          if (earlier.is_protection() && earlier.id < plan.id) {
            ++f.second_or_later;
            break;
          }
        }
      }
    }
    return f;
  } catch (const SqlError& e) {
    return Error::storage(e.what());
  }
}

}  // namespace safeguard
