// Administration use cases: the access log of a person, the administration log, council closure
// days, time-limited access grants (an inspection's sample of children), and checks of the record's
// integrity (hash chains, read models). Only administrators (and, for a person's access log, team
// managers) may use them from the web; the command line acts as the machine's administrator.
//
// Thread safety: uses one Database, which belongs to one thread at a time.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "core/calendar.h"
#include "core/clock.h"
#include "core/result.h"
#include "domain/user.h"
#include "store/audit_log.h"
#include "store/database.h"
#include "store/event_log.h"
#include "store/people_read_model.h"

namespace safeguard {

class AdministrationService {
 public:
  AdministrationService(Database& db, const Clock& clock) : db_(db), clock_(clock) {}

  // Who has looked at a person's record, newest first. The viewing is itself logged.
  struct PersonAccessLog {
    PersonSummary person;
    std::vector<AccessLogEntry> entries;
  };
  Result<PersonAccessLog> access_log_for_person(const User& user, int64_t person_id);
  Result<std::vector<AdministrationLogEntry>> administration_log(const User& user);

  // Closure days. `actor` names who did it ("cli" or a username).
  Result<std::vector<ClosureDay>> closure_days();
  Status add_closure_day(std::string_view actor, Date day, std::string_view reason);
  Status remove_closure_day(std::string_view actor, Date day);
  // The council's calendar (bank holidays and closure days).
  Result<WorkingDayCalendar> calendar();

  // Lets a user (an inspector) see one person's record from `from` to `until` inclusive.
  Status grant_access(std::string_view actor, std::string_view username, int64_t person_id, Date from,
                      Date until, std::string_view reason);

  // Walks every hash chain; nullopt when intact.
  Result<std::optional<ChainProblem>> verify_chains(
      const std::function<void(int64_t, int64_t)>& progress = {});

 private:
  Database& db_;
  const Clock& clock_;
};

}  // namespace safeguard
