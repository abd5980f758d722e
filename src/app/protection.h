// Child protection and plan use cases: a social worker records a strategy discussion, the section 47
// enquiry's conclusion and the initial child protection conference (with its chair), starts a child
// in need plan, writes a plan's actions (saved as often as they like), and records core groups and
// reviews; a team manager authorises a plan's actions (making them final) and ends a plan. Each is a
// change to the child's record through PeopleService::change (permission, relationship to the
// child, stale-version check, one transaction, access log); the rules are the domain's
// (domain/protection.h, domain/plan.h).
//
// Thread safety: one instance per request; uses the request's Database.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "app/people.h"
#include "core/clock.h"
#include "core/result.h"
#include "domain/plan.h"
#include "domain/protection.h"
#include "domain/user.h"
#include "store/database.h"

namespace safeguard {

// How child protection is going across the council (for the demo report, dashboards and analysts).
struct ProtectionFigures {
  int64_t on_protection_plans = 0;     // children on a child protection plan today
  int64_t on_child_in_need_plans = 0;  // children on a child in need plan today
  int64_t enquiries = 0;               // section 47 enquiries started in the 12 months to today
  int64_t conferences = 0;             // initial conferences held in the 12 months
  int64_t conferences_on_time = 0;     // of them, within 15 working days of the strategy discussion
  int64_t plans_started = 0;           // child protection plans started in the 12 months
  int64_t second_or_later = 0;         // of them, the child's second or later plan (NumberOfPreviousCPP > 0)
};

class ProtectionService {
 public:
  ProtectionService(Database& db, const Clock& clock) : db_(db), clock_(clock), people_(db, clock) {}

  // Each returns the record's new version.
  Result<int64_t> hold_strategy_discussion(const User& user, int64_t person_id, int64_t expected_version,
                                           const StrategyDiscussionInput& input, const Channel& channel);
  Result<int64_t> conclude_enquiry(const User& user, int64_t person_id, int64_t expected_version,
                                   int64_t section47_id, Date on, const std::string& outcome,
                                   const std::string& findings, const Channel& channel);
  Result<int64_t> hold_initial_conference(const User& user, int64_t person_id, int64_t expected_version,
                                          int64_t section47_id, const ConferenceInput& input,
                                          const Channel& channel);
  Result<int64_t> start_child_in_need_plan(const User& user, int64_t person_id, int64_t expected_version,
                                           Date started_on, const Channel& channel);
  Result<int64_t> save_actions(const User& user, int64_t person_id, int64_t expected_version, int64_t plan_id,
                               const std::vector<PlanActionInput>& actions, const Channel& channel);
  // Team managers only: the plan's actions become final today, with who authorised them.
  Result<int64_t> authorise_plan(const User& user, int64_t person_id, int64_t expected_version,
                                 int64_t plan_id, const Channel& channel);
  Result<int64_t> record_core_group(const User& user, int64_t person_id, int64_t expected_version,
                                    int64_t plan_id, Date on, const Channel& channel);
  Result<int64_t> review_plan(const User& user, int64_t person_id, int64_t expected_version, int64_t plan_id,
                              const PlanReviewInput& input, const Channel& channel);
  // Team managers only.
  Result<int64_t> end_plan(const User& user, int64_t person_id, int64_t expected_version, int64_t plan_id,
                           Date on, const std::string& reason, const Channel& channel);

  // The council's figures today, from the read models and the deadline engine.
  Result<ProtectionFigures> figures();

 private:
  Database& db_;
  const Clock& clock_;
  PeopleService people_;
};

}  // namespace safeguard
