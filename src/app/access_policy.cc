#include "app/access_policy.h"

namespace safeguard {
namespace {

bool is_caseworker(Role role) {
  switch (role) {
    case Role::kSocialWorker:
    case Role::kTeamManager:
    case Role::kIndependentReviewingOfficer:
    case Role::kComplaintsOfficer:
    case Role::kFosteringSocialWorker:
      return true;
    default:
      return false;
  }
}

}  // namespace

AccessDecision decide_person_access(const User& user, const PersonAccessFacts& facts) {
  if (user.disabled) return {RecordAccess::kDenied, "This account is disabled."};
  if (user.role == Role::kFrontDoorSocialWorker) return {RecordAccess::kAllowed, {}};
  if (is_caseworker(user.role)) {
    if (facts.in_own_work || facts.has_grant_today) return {RecordAccess::kAllowed, {}};
    if (user.role == Role::kTeamManager && facts.awaiting_allocation) return {RecordAccess::kAllowed, {}};
    return {RecordAccess::kNeedsReason,
            "This person is not in your or your team's work. Say why you need to see their record: your "
            "reason is "
            "recorded in the access log."};
  }
  if (user.role == Role::kInspector) {
    if (facts.has_grant_today) return {RecordAccess::kAllowed, {}};
    return {RecordAccess::kDenied,
            "Inspectors see only the children in the inspection sample, on the inspection's dates."};
  }
  if (user.role == Role::kMashPartner) {
    return {RecordAccess::kDenied, "MASH partners see only the enquiries sent to their agency."};
  }
  if (user.role == Role::kPerformanceAnalyst) {
    return {RecordAccess::kDenied,
            "Performance analysts see aggregate figures and returns, not individual records."};
  }
  return {RecordAccess::kDenied, "Administrators manage users and settings and do not see case records."};
}

bool can_search_people(const User& user) {
  if (user.disabled) return false;
  return user.role == Role::kFrontDoorSocialWorker || is_caseworker(user.role);
}

bool can_record_people(const User& user) { return can_search_people(user); }

bool can_record_care(const User& user) { return can_assess(user); }

bool can_record_missing(const User& user) {
  return !user.disabled && (user.role == Role::kFrontDoorSocialWorker || can_assess(user));
}

bool can_screen_exploitation(const User& user) { return can_assess(user); }

bool can_appoint_reviewing_officer(const User& user) {
  return !user.disabled &&
         (user.role == Role::kTeamManager || user.role == Role::kIndependentReviewingOfficer);
}

bool can_review_care(const User& user) {
  return !user.disabled && user.role == Role::kIndependentReviewingOfficer;
}

bool has_my_work(const User& user) { return can_hold_cases(user) || can_review_care(user); }

bool can_close_episodes(const User& user) { return !user.disabled && user.role == Role::kTeamManager; }

bool can_allocate(const User& user) { return !user.disabled && user.role == Role::kTeamManager; }

bool can_assess(const User& user) {
  return !user.disabled && (user.role == Role::kSocialWorker || user.role == Role::kTeamManager);
}

bool can_authorise_assessments(const User& user) { return !user.disabled && user.role == Role::kTeamManager; }

bool can_hold_cases(const User& user) {
  return !user.disabled && user.team_id.has_value() &&
         (user.role == Role::kSocialWorker || user.role == Role::kTeamManager);
}

bool can_administer(const User& user) { return !user.disabled && user.role == Role::kAdministrator; }

bool can_produce_returns(const User& user) {
  return !user.disabled && user.role == Role::kPerformanceAnalyst;
}

bool can_see_returns(const User& user) {
  return !user.disabled && (user.role == Role::kPerformanceAnalyst || user.role == Role::kTeamManager);
}

bool can_view_access_log(const User& user) {
  return !user.disabled && (user.role == Role::kAdministrator || user.role == Role::kTeamManager);
}

}  // namespace safeguard
