// Missing children and exploitation: anyone at the front door or holding cases records a child going
// missing (or away without authorisation), their return and where they were found, and the return
// home interview; a social worker or team manager screens a child for exploitation. Each is a change
// to the child's record through PeopleService::change (permission, relationship to the child,
// stale-version check, one transaction, access log); the rules are the domain's (domain/missing.h).
//
// The multi-agency exploitation and missing team's overview (who is missing now, who went missing in
// the last 90 days and how often, whose return interview is late, who is at risk of exploitation and
// whose screening is due) is a list of work like "my work": it opens no one's record, so it logs no
// reads, and reads the children's missing episodes and screenings from the read models.
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
#include "domain/missing.h"
#include "domain/user.h"
#include "rules/deadline.h"
#include "store/database.h"
#include "store/people_read_model.h"

namespace safeguard {

inline constexpr int kMissingOverviewDays = 90;

struct MissingChild {
  PersonSummary child;
  bool looked_after = false;           // today
  std::vector<MissingEpisode> recent;  // episodes open or ended in the overview's window, oldest first
};

struct InterviewDue {
  PersonSummary child;
  int64_t missing_id = 0;
  Date returned_on;
  DeadlineStatus status;  // due or overdue: no interview offered yet
};

struct AtRisk {
  PersonSummary child;
  bool looked_after = false;
  ExploitationScreening latest;
  std::optional<DeadlineStatus> review;  // the next screening; none when no review is due
};

struct MissingOverview {
  Date from;  // the first day of the window (today minus 90 days)
  Date today;
  std::vector<MissingChild> missing_now;  // children missing today, missing longest first
  std::vector<MissingChild> recent;       // children missing in the window, most episodes first
  int64_t episodes_in_window = 0;
  std::vector<InterviewDue> interviews;  // returns with no interview offered, soonest due first
  std::vector<AtRisk> at_risk;           // highest risk first, then the review soonest due
};

class MissingService {
 public:
  MissingService(Database& db, const Clock& clock) : db_(db), clock_(clock), people_(db, clock) {}

  // Each returns the record's new version.
  Result<int64_t> report(const User& user, int64_t person_id, int64_t expected_version,
                         const std::string& type, Date started_on, const Channel& channel);
  Result<int64_t> returned(const User& user, int64_t person_id, int64_t expected_version, int64_t missing_id,
                           Date ended_on, const std::string& where_found, const Channel& channel);
  // The interview's `by` is the user.
  Result<int64_t> record_interview(const User& user, int64_t person_id, int64_t expected_version,
                                   int64_t missing_id, ReturnInterview input, const Channel& channel);
  // The screening's `by` is the user.
  Result<int64_t> screen(const User& user, int64_t person_id, int64_t expected_version,
                         ExploitationScreening input, const Channel& channel);

  // For anyone who may record a missing episode.
  Result<MissingOverview> overview(const User& user);

 private:
  Database& db_;
  const Clock& clock_;
  PeopleService people_;
};

}  // namespace safeguard
