// Assessment use cases: a social worker starts a child's single assessment, records each time the
// child was seen, writes it up (saved as often as they like), and sends it to a team manager, who
// authorises it or returns it for more work. Each is a change to the child's record through
// PeopleService::change (permission, relationship to the child, stale-version check, one
// transaction, access log); the rules are the domain's (domain/assessment.h).
//
// Thread safety: one instance per request; uses the request's Database.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "app/people.h"
#include "core/clock.h"
#include "core/result.h"
#include "domain/assessment.h"
#include "domain/user.h"
#include "rules/child_deadlines.h"
#include "store/database.h"
#include "store/people_read_model.h"

namespace safeguard {

// An assessment waiting for a manager, for their list.
struct AssessmentAwaiting {
  PersonSummary child;
  int64_t assessment_id = 0;
  Date started_on;
  Date submitted_on;
  std::string submitted_by;
  std::optional<DeadlineStatus> deadline;  // the assessment's 45-working-day clock
};

// How assessments are going across the council (for the demo report, dashboards and analysts).
struct AssessmentFigures {
  int64_t authorised = 0;           // authorised in the 12 months to today
  int64_t authorised_on_time = 0;   // of them, within 45 working days
  int64_t in_progress = 0;          // started and not yet authorised, in open episodes
  int64_t overdue = 0;              // of them, past their 45 working days
  int64_t awaiting_manager = 0;     // of them, sent for authorisation
  int64_t median_working_days = 0;  // start to authorisation, of those authorised in the 12 months
};

class AssessmentService {
 public:
  AssessmentService(Database& db, const Clock& clock) : db_(db), clock_(clock), people_(db, clock) {}

  // Each returns the record's new version.
  Result<int64_t> start(const User& user, int64_t person_id, int64_t expected_version, Date started_on,
                        const Channel& channel);
  Result<int64_t> record_seen(const User& user, int64_t person_id, int64_t expected_version,
                              int64_t assessment_id, Date on, bool alone, const Channel& channel);
  Result<int64_t> save(const User& user, int64_t person_id, int64_t expected_version, int64_t assessment_id,
                       const AssessmentContent& content, const Channel& channel);
  // Sends it to a manager today.
  Result<int64_t> submit(const User& user, int64_t person_id, int64_t expected_version, int64_t assessment_id,
                         const Channel& channel);
  // Team managers only.
  Result<int64_t> send_back(const User& user, int64_t person_id, int64_t expected_version,
                            int64_t assessment_id, const std::string& reason, const Channel& channel);
  // Team managers only; on `on` (today when not given).
  Result<int64_t> authorise(const User& user, int64_t person_id, int64_t expected_version,
                            int64_t assessment_id, std::optional<Date> on, const Channel& channel);

  // For a team manager: assessments sent for authorisation about children allocated to their team
  // (or to nobody), oldest sent first.
  Result<std::vector<AssessmentAwaiting>> awaiting_authorisation(const User& user);

  // The council's figures today, read from the assessments read model with the deadline engine's
  // clock (rules/child_deadlines.h).
  Result<AssessmentFigures> figures();

 private:
  Database& db_;
  const Clock& clock_;
  PeopleService people_;
};

}  // namespace safeguard
