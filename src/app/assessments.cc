#include "app/assessments.h"

#include <algorithm>

#include "app/access_policy.h"
#include "app/records.h"
#include "app/settings.h"
#include "store/allocation_read_model.h"

namespace safeguard {
namespace {

Result<std::vector<DomainEvent>> one(Result<DomainEvent> event) {
  if (!event) return event.error();
  return std::vector<DomainEvent>{std::move(event).value()};
}

const char* kNotAssessor = "Only a social worker or team manager may work on an assessment.";
const char* kNotManager = "Only a team manager may authorise an assessment or return it.";

}  // namespace

Result<int64_t> AssessmentService::start(const User& user, int64_t person_id, int64_t expected_version,
                                         Date started_on, const Channel& channel) {
  if (!can_assess(user)) return Error::denied(kNotAssessor);
  return people_.change(
      user, person_id, expected_version, "started assessment", channel,
      [&](const Person& p, Date today) { return one(assessment_started(p, started_on, today)); });
}

Result<int64_t> AssessmentService::record_seen(const User& user, int64_t person_id, int64_t expected_version,
                                               int64_t assessment_id, Date on, bool alone,
                                               const Channel& channel) {
  if (!can_assess(user)) return Error::denied(kNotAssessor);
  return people_.change(user, person_id, expected_version, "recorded child seen for assessment", channel,
                        [&](const Person& p, Date today) {
                          return one(child_seen_for_assessment(p, assessment_id, on, alone, today));
                        });
}

Result<int64_t> AssessmentService::save(const User& user, int64_t person_id, int64_t expected_version,
                                        int64_t assessment_id, const AssessmentContent& content,
                                        const Channel& channel) {
  if (!can_assess(user)) return Error::denied(kNotAssessor);
  return people_.change(
      user, person_id, expected_version, "recorded assessment", channel,
      [&](const Person& p, Date) { return one(assessment_recorded(p, assessment_id, content)); });
}

Result<int64_t> AssessmentService::submit(const User& user, int64_t person_id, int64_t expected_version,
                                          int64_t assessment_id, const Channel& channel) {
  if (!can_assess(user)) return Error::denied(kNotAssessor);
  return people_.change(user, person_id, expected_version, "sent assessment for authorisation", channel,
                        [&](const Person& p, Date today) {
                          return one(assessment_submitted(p, assessment_id, today, user.display_name, today));
                        });
}

Result<int64_t> AssessmentService::send_back(const User& user, int64_t person_id, int64_t expected_version,
                                             int64_t assessment_id, const std::string& reason,
                                             const Channel& channel) {
  if (!can_authorise_assessments(user)) return Error::denied(kNotManager);
  return people_.change(
      user, person_id, expected_version, "returned assessment", channel,
      [&](const Person& p, Date) { return one(assessment_returned(p, assessment_id, reason)); });
}

Result<int64_t> AssessmentService::authorise(const User& user, int64_t person_id, int64_t expected_version,
                                             int64_t assessment_id, std::optional<Date> on,
                                             const Channel& channel) {
  if (!can_authorise_assessments(user)) return Error::denied(kNotManager);
  return people_.change(
      user, person_id, expected_version, "authorised assessment", channel, [&](const Person& p, Date today) {
        return one(assessment_authorised(p, assessment_id, on.value_or(today), user.display_name, today));
      });
}

Result<std::vector<AssessmentAwaiting>> AssessmentService::awaiting_authorisation(const User& user) {
  if (!can_authorise_assessments(user)) return Error::denied(kNotManager);
  try {
    const auto rows = db_.sql().query(
        "SELECT a.person_id, a.assessment_id FROM person_assessments a"
        " LEFT JOIN person_allocations w ON w.person_id = a.person_id AND w.to_date IS NULL"
        " WHERE a.submitted_on IS NOT NULL AND a.authorised_on IS NULL"
        "   AND (w.team_id IS NULL OR w.team_id = ?)"
        " ORDER BY a.submitted_on, a.person_id",
        {sql_int(user.team_id.value_or(0))});
    const WorkingDayCalendar calendar = SettingsService(db_, clock_).calendar();
    const Date today = clock_.today();
    PeopleIndex index(db_.sql());
    std::vector<AssessmentAwaiting> out;
    for (const SqlRow& row : rows) {
      auto person = load_person(db_.sql(), row.integer(0));
      if (!person) continue;
      const Assessment* a = find_assessment(*person, row.integer(1));
      auto summary = index.summary(person->id);
      if (!a || !a->submitted_on || !summary) continue;
      AssessmentAwaiting item{*summary,         a->id,           a->started_on,
                              *a->submitted_on, a->submitted_by, std::nullopt};
      for (const ChildDeadline& d : child_deadlines(*person, today, calendar)) {
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
    const auto rows = db_.sql().query(
        "SELECT a.started_on, a.submitted_on, a.authorised_on, e.referral_date, e.closed_on,"
        " (SELECT MIN(f.assessment_id) FROM person_assessments f WHERE f.person_id = a.person_id"
        "   AND f.episode_id = a.episode_id) = a.assessment_id"
        " FROM person_assessments a JOIN cin_episodes e ON e.person_id = a.person_id AND e.episode_id = "
        "a.episode_id",
        {});
    const WorkingDayCalendar calendar = SettingsService(db_, clock_).calendar();
    const Date today = clock_.today();
    const Date year_ago = add_months(today, -12);
    AssessmentFigures f;
    std::vector<int> durations;
    for (const SqlRow& r : rows) {
      const Date started = *Date::parse_iso(r.text(0));
      const Date referral = *Date::parse_iso(r.text(3));
      const Date due = calendar.add_working_days(assessment_clock_start(referral, started, r.integer(5) != 0),
                                                 kAssessmentWorkingDays);
      if (!r.is_null(2)) {
        const Date authorised = *Date::parse_iso(r.text(2));
        if (authorised > year_ago && authorised <= today) {
          ++f.authorised;
          if (authorised <= due) ++f.authorised_on_time;
          durations.push_back(calendar.working_days_between(started, authorised));
        }
      } else if (r.is_null(4)) {
        ++f.in_progress;
        if (today > due) ++f.overdue;
        if (!r.is_null(1)) ++f.awaiting_manager;
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
