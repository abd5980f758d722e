#include "app/administration.h"

#include "app/access_policy.h"
#include "core/text.h"
#include "store/accounts.h"
#include "store/council_settings.h"
#include "store/people_read_model.h"

namespace safeguard {

Result<AdministrationService::PersonAccessLog> AdministrationService::access_log_for_person(
    const User& user, int64_t person_id) {
  if (!can_view_access_log(user)) {
    return Error::denied("Only administrators and team managers can see access logs.");
  }
  PersonAccessLog result;
  Status status = db_.transact([&]() -> Status {
    auto person = PeopleIndex(db_.sql()).summary(person_id);
    if (!person) return Error::not_found("There is no person with ID " + std::to_string(person_id));
    result.person = *person;
    AuditLog log(db_.sql());
    result.entries = log.access_to_person(person_id);
    log.record_administration(clock_.now(), user.username, "viewed access log",
                              "person " + std::to_string(person_id));
    return Status::success();
  });
  if (!status) return status.error();
  return result;
}

Result<std::vector<AdministrationLogEntry>> AdministrationService::administration_log(const User& user) {
  if (!can_administer(user)) return Error::denied("Only administrators can see the administration log.");
  try {
    return AuditLog(db_.sql()).administration();
  } catch (const SqlError& e) {
    return Error::storage(e.what());
  }
}

Result<std::vector<ClosureDay>> AdministrationService::closure_days() {
  try {
    return CouncilSettings(db_.sql()).closure_days();
  } catch (const SqlError& e) {
    return Error::storage(e.what());
  }
}

Result<WorkingDayCalendar> AdministrationService::calendar() {
  auto days = closure_days();
  if (!days) return days.error();
  return WorkingDayCalendar(*days);
}

Status AdministrationService::add_closure_day(std::string_view actor, Date day, std::string_view reason) {
  const std::string text(trim(reason));
  if (text.empty()) return Error::invalid("Enter why the council is closed that day", "reason");
  if (text.size() > 200 || !is_valid_utf8(text) || has_control_characters(text, false)) {
    return Error::invalid("The reason is up to 200 characters of text", "reason");
  }
  if (day.is_weekend())
    return Error::invalid(long_date_text(day) + " is a weekend: it is not a working day anyway", "date");
  if (WorkingDayCalendar().bank_holiday(day)) {
    return Error::invalid(long_date_text(day) + " is a bank holiday: it is not a working day anyway", "date");
  }
  return db_.transact([&]() -> Status {
    const Timestamp now = clock_.now();
    CouncilSettings(db_.sql()).set_closure_day({day, text}, actor, now);
    AuditLog(db_.sql()).record_administration(now, actor, "added closure day", day.iso() + " " + text);
    return Status::success();
  });
}

Status AdministrationService::remove_closure_day(std::string_view actor, Date day) {
  return db_.transact([&]() -> Status {
    if (!CouncilSettings(db_.sql()).remove_closure_day(day)) {
      return Error::not_found("There is no closure day on " + long_date_text(day));
    }
    AuditLog(db_.sql()).record_administration(clock_.now(), actor, "removed closure day", day.iso());
    return Status::success();
  });
}

Status AdministrationService::grant_access(std::string_view actor, std::string_view username,
                                           int64_t person_id, Date from, Date until,
                                           std::string_view reason) {
  const std::string text(trim(reason));
  if (text.empty())
    return Error::invalid("Enter the reason for the grant (for example the inspection)", "reason");
  if (text.size() > 500 || !is_valid_utf8(text) || has_control_characters(text, false)) {
    return Error::invalid("The reason is up to 500 characters of text", "reason");
  }
  if (until < from) return Error::invalid("The grant must end on or after the day it starts", "until");
  if (until - from > 62) return Error::invalid("A grant lasts at most 63 days", "until");
  return db_.transact([&]() -> Status {
    Accounts accounts(db_.sql());
    auto user = accounts.user_by_username(to_lower_ascii(trim(username)));
    if (!user) return Error::not_found("There is no user called " + std::string(username));
    if (!PeopleIndex(db_.sql()).summary(person_id)) {
      return Error::not_found("There is no person with ID " + std::to_string(person_id));
    }
    AccessGrant grant;
    grant.user_id = user->id;
    grant.person_id = person_id;
    grant.valid_from = from;
    grant.valid_until = until;
    grant.reason = text;
    grant.granted_by = std::string(actor);
    const Timestamp now = clock_.now();
    accounts.insert_grant(grant, now);
    AuditLog(db_.sql()).record_administration(now, actor, "granted access",
                                              user->username + " to person " + std::to_string(person_id) +
                                                  " from " + from.iso() + " to " + until.iso() + ": " + text);
    return Status::success();
  });
}

Result<std::optional<ChainProblem>> AdministrationService::verify_chains(
    const std::function<void(int64_t, int64_t)>& progress) {
  try {
    return EventLog(db_.sql()).verify(progress);
  } catch (const SqlError& e) {
    return Error::storage(e.what());
  }
}

}  // namespace safeguard
