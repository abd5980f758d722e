// The state of a statutory deadline on a given day: the one way every clock in Safeguard (contact
// decisions, assessments, conferences, visits, reviews) reports itself, so dashboards count the
// same states everywhere (domain.md, "How deadlines behave").
//
// A deadline is due until it is met; overdue once its date has passed unmet; met on time or met
// late by so many working days once met; not applicable once it no longer applies (the episode
// closed), never silently deleted.
//
// Thread safety: pure functions.
#pragma once

#include <optional>
#include <string_view>

#include "core/calendar.h"
#include "core/date.h"

namespace safeguard {

enum class DeadlineState { kDue, kOverdue, kMetOnTime, kMetLate, kNotApplicable };

struct DeadlineStatus {
  DeadlineState state = DeadlineState::kDue;
  Date due;
  std::optional<Date> met_on;
  // Due: working days left after today until the due date (0 on the due day). Overdue: working
  // days past it. Met late: working days after the due date it was met.
  int working_days = 0;
};

// The status on `today` of a deadline falling on `due`, met on `met_on` if it was.
DeadlineStatus deadline_status(Date due, std::optional<Date> met_on, bool applies, Date today,
                               const WorkingDayCalendar& calendar);

// True while the deadline is still to meet: due or overdue.
inline bool still_to_meet(DeadlineState state) {
  return state == DeadlineState::kDue || state == DeadlineState::kOverdue;
}

// "due", "overdue", "met on time", "met late", "not applicable".
std::string_view deadline_state_name(DeadlineState state);

}  // namespace safeguard
