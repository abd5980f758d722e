// Who may do what: the role-and-relationship rules of domain.md in one place, as pure functions.
// Every use case in app/ asks here before it touches a record; pages and the API never decide
// access themselves.
//
// Opening a person's record:
// - front door social workers see everyone (they must check before deciding);
// - casework roles (social workers, team managers, reviewing officers, complaints and fostering
//   workers) see the children of their own work; outside it they must say why, and that reason
//   is logged and lets them in for the rest of the day (a same-day grant). A child is in a
//   worker's own work while allocated to them or their team; a child open to children's social care
//   with no allocated worker is every team manager's work, so that someone allocates them;
// - inspectors see only the sample of children granted to them, on the dates of the grant;
// - MASH partners, performance analysts and administrators see no person's record: partners see
//   only what is shared with them through enquiries, analysts aggregates, administrators the system.
//
// Thread safety: pure functions.
#pragma once

#include <string>

#include "domain/user.h"

namespace safeguard {

enum class RecordAccess { kAllowed, kNeedsReason, kDenied };

struct PersonAccessFacts {
  bool has_grant_today = false;      // an inspector's grant, or a reason given earlier today
  bool in_own_work = false;          // allocated to the user or their team; for a reviewing
                                     // officer, a looked-after child they are appointed to
  bool awaiting_allocation = false;  // an open episode and no allocated worker
};

struct AccessDecision {
  RecordAccess access = RecordAccess::kDenied;
  std::string explanation;  // for a page or an error when not plainly allowed
};

AccessDecision decide_person_access(const User& user, const PersonAccessFacts& facts);

bool can_search_people(const User& user);
bool can_record_people(const User& user);
// Team managers close Children in Need episodes (their closing is the authorisation) and allocate
// children to social workers.
bool can_close_episodes(const User& user);
bool can_allocate(const User& user);
// Social workers and team managers assess children (start, record, send for authorisation); team
// managers authorise assessments or return them.
bool can_assess(const User& user);
bool can_authorise_assessments(const User& user);
// Social workers and team managers record a child becoming looked after, changes of placement and
// legal status, the end of care, and the child's health and education; team managers and reviewing officers
// appoint a looked-after child's independent reviewing officer; reviewing officers record looked-after
// reviews.
bool can_record_care(const User& user);
bool can_appoint_reviewing_officer(const User& user);
bool can_review_care(const User& user);
// Front-door and case-holding social workers and team managers record a child missing, their
// return and the return interview, and see the missing and exploitation team's overview.
bool can_record_missing(const User& user);
// Social workers and team managers screen a child for exploitation.
bool can_screen_exploitation(const User& user);
// Who has a "my work" list: those who hold cases, and reviewing officers (the children they review).
bool has_my_work(const User& user);
// Who may hold a child's case: social workers and team managers with a team, not disabled.
bool can_hold_cases(const User& user);
bool can_administer(const User& user);
// Performance analysts produce the statutory returns; they and team managers (who put errors right
// at source) see the returns produced, their findings, and the data-quality page.
bool can_produce_returns(const User& user);
bool can_see_returns(const User& user);
// Administrators and team managers may read the access log of a person.
bool can_view_access_log(const User& user);

}  // namespace safeguard
