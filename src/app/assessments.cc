#include "app/assessments.h"

#include <algorithm>
#include <map>

#include "app/access_policy.h"
#include "app/records.h"
#include "app/settings.h"
#include "store/casework_read_model.h"

namespace safeguard {
namespace {

const char* kNotAssessor = "Only a social worker or team manager may work on an assessment.";
const char* kNotManager = "Only a team manager may authorise an assessment or return it.";

}  // namespace

Result<int64_t> AssessmentService::start(const User& user, int64_t person_id, int64_t expected_version,
                                         Date started_on, const Channel& channel) {
  if (!can_assess(user)) return Error::denied(kNotAssessor);
  return people_.change(user, person_id, expected_version, "started assessment", channel,
                        [&](const Person& p, Date today) {
                          return PeopleService::one(assessment_started(p, started_on, today));
                        });
}

Result<int64_t> AssessmentService::record_seen(const User& user, int64_t person_id, int64_t expected_version,
                                               int64_t assessment_id, Date on, bool alone,
                                               const Channel& channel) {
  if (!can_assess(user)) return Error::denied(kNotAssessor);
  return people_.change(
      user, person_id, expected_version, "recorded child seen for assessment", channel,
      [&](const Person& p, Date today) {
        return PeopleService::one(child_seen_for_assessment(p, assessment_id, on, alone, today));
      });
}

Result<int64_t> AssessmentService::save(const User& user, int64_t person_id, int64_t expected_version,
                                        int64_t assessment_id, const AssessmentContent& content,
                                        const Channel& channel) {
  if (!can_assess(user)) return Error::denied(kNotAssessor);
  return people_.change(user, person_id, expected_version, "recorded assessment", channel,
                        [&](const Person& p, Date) {
                          return PeopleService::one(assessment_recorded(p, assessment_id, content));
                        });
}

Result<int64_t> AssessmentService::submit(const User& user, int64_t person_id, int64_t expected_version,
                                          int64_t assessment_id, const Channel& channel) {
  if (!can_assess(user)) return Error::denied(kNotAssessor);
  return people_.change(
      user, person_id, expected_version, "sent assessment for authorisation", channel,
      [&](const Person& p, Date today) {
        return PeopleService::one(assessment_submitted(p, assessment_id, today, user.display_name, today));
      });
}

Result<int64_t> AssessmentService::send_back(const User& user, int64_t person_id, int64_t expected_version,
                                             int64_t assessment_id, const std::string& reason,
                                             const Channel& channel) {
  if (!can_authorise_assessments(user)) return Error::denied(kNotManager);
  return people_.change(user, person_id, expected_version, "returned assessment", channel,
                        [&](const Person& p, Date) {
                          return PeopleService::one(assessment_returned(p, assessment_id, reason));
                        });
}

Result<int64_t> AssessmentService::authorise(const User& user, int64_t person_id, int64_t expected_version,
                                             int64_t assessment_id, std::optional<Date> on,
                                             const Channel& channel) {
  if (!can_authorise_assessments(user)) return Error::denied(kNotManager);
  return people_.change(
      user, person_id, expected_version, "authorised assessment", channel, [&](const Person& p, Date today) {
        return PeopleService::one(
            assessment_authorised(p, assessment_id, on.value_or(today), user.display_name, today));
      });
}

Result<std::vector<AssessmentAwaiting>> AssessmentService::awaiting_authorisation(const User& user) {
  if (!can_authorise_assessments(user)) return Error::denied(kNotManager);
  try {
    const auto waiting =
        CaseworkIndex(db_.sql()).assessments_awaiting_authorisation(user.team_id.value_or(0));
    SettingsService settings(db_, clock_);
    const WorkingDayCalendar calendar = settings.calendar();
    const CaseworkTimescales timescales = settings.timescales();
    const Date today = clock_.today();
    PeopleIndex index(db_.sql());
    std::vector<AssessmentAwaiting> out;
    for (const CaseworkRef& ref : waiting) {
      auto person = load_person(db_.sql(), ref.person_id);
      if (!person) continue;
      const Assessment* a = find_assessment(*person, ref.item_id);
      auto summary = index.summary(person->id);
      if (!a || !a->submitted_on || !summary) continue;
      AssessmentAwaiting item{*summary,         a->id,           a->started_on,
                              *a->submitted_on, a->submitted_by, std::nullopt};
      for (const ChildDeadline& d : child_deadlines(*person, today, calendar, timescales)) {
        if (d.kind == "assessment" && d.item_id == a->id) item.deadline = d.status;
      }
      out.push_back(std::move(item));
    }
    return out;
  } catch (const SqlError& e) {
    return Error::storage(e.what());
  }
}

Result<AssessmentFigures> AssessmentService::figures() {
  try {
    // Every assessed child's episodes and assessments from the read models, through the one engine.
    PeopleIndex index(db_.sql());
    const auto casework = index.casework_of(CaseworkIndex(db_.sql()).people_with_assessments());
    SettingsService settings(db_, clock_);
    const WorkingDayCalendar calendar = settings.calendar();
    const CaseworkTimescales timescales = settings.timescales();
    const Date today = clock_.today();
    const Date year_ago = add_months(today, -12);
    AssessmentFigures f;
    std::vector<int> durations;
    for (const auto& [id, person] : casework) {
      std::map<int64_t, DeadlineStatus> clocks;  // by assessment
      for (const ChildDeadline& d : child_deadlines(person, today, calendar, timescales)) {
        if (d.kind == "assessment" && d.item_id > 0) clocks[d.item_id] = d.status;
      }
      for (const Assessment& a : person.assessments) {
        const auto clock = clocks.find(a.id);
        if (clock == clocks.end()) continue;
        const DeadlineState state = clock->second.state;
        if (a.authorised_on) {
          if (*a.authorised_on > year_ago && *a.authorised_on <= today) {
            ++f.authorised;
            if (state == DeadlineState::kMetOnTime) ++f.authorised_on_time;
            durations.push_back(calendar.working_days_between(a.started_on, *a.authorised_on));
          }
        } else if (state != DeadlineState::kNotApplicable) {  // its episode is still open
          ++f.in_progress;
          if (state == DeadlineState::kOverdue) ++f.overdue;
          if (a.submitted_on) ++f.awaiting_manager;
        }
      }
    }
    if (!durations.empty()) {
      std::nth_element(durations.begin(), durations.begin() + durations.size() / 2, durations.end());
      f.median_working_days = durations[durations.size() / 2];
    }
    return f;
  } catch (const SqlError& e) {
    return Error::storage(e.what());
  }
}

}  // namespace safeguard
