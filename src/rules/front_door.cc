#include "rules/front_door.h"

#include <algorithm>

namespace safeguard {

Timestamp decision_final_at(const FrontDoorDecision& decision) {
  return decision.authorised_at.value_or(decision.decided_at);
}

Date decision_due_date(Timestamp received_at, const WorkingDayCalendar& calendar) {
  return calendar.add_working_days(london_date(received_at), 1);
}

DeadlineStatus child_decision_status(const Contact& contact, const ContactChild& child, Date today,
                                     const WorkingDayCalendar& calendar) {
  const Date due = decision_due_date(contact.received_at, calendar);
  std::optional<Date> met;
  if (child.decision && child.decision->is_final()) met = london_date(decision_final_at(*child.decision));
  return deadline_status(due, met, true, today, calendar);
}

DeadlineStatus contact_decision_status(const Contact& contact, Date today,
                                       const WorkingDayCalendar& calendar) {
  const Date due = decision_due_date(contact.received_at, calendar);
  if (!contact.is_decided()) return deadline_status(due, std::nullopt, true, today, calendar);
  Date latest = due;
  bool any = false;
  for (const ContactChild& child : contact.children) {
    const Date decided = london_date(decision_final_at(*child.decision));
    if (!any || decided > latest) latest = decided;
    any = true;
  }
  return deadline_status(due, latest, true, today, calendar);
}

Timestamp mash_due_at(Timestamp sent_at, std::string_view urgency, const FrontDoorSettings& s,
                      const WorkingDayCalendar& calendar) {
  if (urgency == "red") return add_working_hours(sent_at, s.mash_red_working_hours, calendar, s.office);
  const int days = urgency == "amber" ? s.mash_amber_working_days : s.mash_green_working_days;
  return end_of_london_day(calendar.add_working_days(london_date(sent_at), days));
}

DeadlineStatus mash_request_status(Timestamp due_at, std::optional<Timestamp> answered_at, Timestamp now,
                                   const WorkingDayCalendar& calendar) {
  DeadlineStatus s;
  s.due = london_date(due_at);
  if (answered_at) {
    s.met_on = london_date(*answered_at);
    if (*answered_at <= due_at) {
      s.state = DeadlineState::kMetOnTime;
    } else {
      s.state = DeadlineState::kMetLate;
      s.working_days = std::max(calendar.working_days_between(s.due, *s.met_on), 0);
    }
    return s;
  }
  if (now <= due_at) {
    s.state = DeadlineState::kDue;
    s.working_days = calendar.working_days_between(london_date(now), s.due);
  } else {
    s.state = DeadlineState::kOverdue;
    s.working_days = std::max(calendar.working_days_between(s.due, london_date(now)), 0);
  }
  return s;
}

std::string time_remaining_text(Timestamp due_at, Timestamp now, const WorkingDayCalendar& calendar) {
  const auto plural = [](int64_t n, const char* word) {
    return std::to_string(n) + " " + word + (n == 1 ? "" : "s");
  };
  if (now > due_at) {
    const int days = calendar.working_days_between(london_date(due_at), london_date(now));
    if (days <= 0) return "overdue by " + plural(now.seconds_since(due_at) / 3600, "hour");
    return "overdue by " + plural(days, "working day");
  }
  const int64_t minutes = due_at.seconds_since(now) / 60;
  if (london_date(due_at) == london_date(now)) {
    if (minutes < 60) return plural(minutes, "minute") + " left";
    return plural(minutes / 60, "hour") + " " + plural(minutes % 60, "minute") + " left";
  }
  const int days = calendar.working_days_between(london_date(now), london_date(due_at));
  return "due " + long_date_text(london_date(due_at)) + " (" + plural(days, "working day") + ")";
}

}  // namespace safeguard
