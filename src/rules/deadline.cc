#include "rules/deadline.h"

namespace safeguard {

DeadlineStatus deadline_status(Date due, std::optional<Date> met_on, bool applies, Date today,
                               const WorkingDayCalendar& calendar) {
  DeadlineStatus s;
  s.due = due;
  s.met_on = met_on;
  if (met_on) {
    if (*met_on <= due) {
      s.state = DeadlineState::kMetOnTime;
    } else {
      s.state = DeadlineState::kMetLate;
      s.working_days = calendar.working_days_between(due, *met_on);
    }
    return s;
  }
  if (!applies) {
    s.state = DeadlineState::kNotApplicable;
    return s;
  }
  if (today <= due) {
    s.state = DeadlineState::kDue;
    s.working_days = calendar.working_days_between(today, due);
  } else {
    s.state = DeadlineState::kOverdue;
    s.working_days = calendar.working_days_between(due, today);
  }
  return s;
}

std::string_view deadline_state_name(DeadlineState state) {
  switch (state) {
    case DeadlineState::kDue:
      return "due";
    case DeadlineState::kOverdue:
      return "overdue";
    case DeadlineState::kMetOnTime:
      return "met on time";
    case DeadlineState::kMetLate:
      return "met late";
    case DeadlineState::kNotApplicable:
      return "not applicable";
  }
  return "due";
}

}  // namespace safeguard
