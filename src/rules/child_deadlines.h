// The one deadline engine for the clocks on a child's record after the front door (domain.md, the
// journey): computed from the child's folded record and a day, never stored, so every page, the API,
// "my work" and the scenario runner see the same answer.
//
// The clocks so far:
// - "assessment": a single assessment is authorised within 45 working days of the referral that
//   opened its episode (a second assessment in the same episode, within 45 working days of its own
//   start). Before any assessment starts the episode still carries the clock. Not applicable once
//   the episode closed with it unmet.
//
// Each clock reports a DeadlineStatus (deadline.h). Something met after `today`, or an episode
// closed after it, counts as not yet happened, so a record can be read as it stood on any day.
//
// Thread safety: pure functions.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/calendar.h"
#include "domain/person.h"
#include "rules/deadline.h"

namespace safeguard {

inline constexpr int kAssessmentWorkingDays = 45;

struct ChildDeadline {
  std::string kind;   // "assessment"
  std::string label;  // what must happen, in a worker's words
  int64_t episode_id = 0;
  int64_t item_id = 0;  // the assessment (or later plan, conference...) it belongs to; 0 before one exists
  DeadlineStatus status;
};

// Every deadline on the child's record as it stood on `today`, soonest due first.
std::vector<ChildDeadline> child_deadlines(const Person& child, Date today,
                                           const WorkingDayCalendar& calendar);

// The deadlines still to meet (due or overdue), soonest first.
std::vector<ChildDeadline> open_deadlines(const Person& child, Date today,
                                          const WorkingDayCalendar& calendar);

}  // namespace safeguard
