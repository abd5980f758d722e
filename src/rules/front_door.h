// The front door's clocks (domain.md): a contact's decision is due by the end of the first working
// day after the day it was received (that day does not count; weekends, bank holidays and council
// closure days are skipped), and each MASH agency's answer is due within a time set by the contact's
// urgency (by default red 4 working hours, amber 1 working day, green 3 working days).
//
// Each reports a DeadlineStatus (deadline.h), so queues and dashboards count the same states.
//
// Thread safety: pure functions.
#pragma once

#include <string>
#include <string_view>

#include "core/calendar.h"
#include "domain/contact.h"
#include "rules/deadline.h"

namespace safeguard {

// The council's front door settings (configurable; these are the defaults).
struct FrontDoorSettings {
  AuthorisationRules authorisation;
  int mash_red_working_hours = 4;
  int mash_amber_working_days = 1;
  int mash_green_working_days = 3;
  OfficeHours office;
};

// The day a contact received at `received_at` must be decided by.
Date decision_due_date(Timestamp received_at, const WorkingDayCalendar& calendar);

// When a decision became final: when it was authorised, or when it was made if it needed no
// authorisation. A decision waiting for a manager has not yet met its deadline.
Timestamp decision_final_at(const FrontDoorDecision& decision);

// The decision deadline for one child of a contact: met when the child's decision became final.
DeadlineStatus child_decision_status(const Contact& contact, const ContactChild& child, Date today,
                                     const WorkingDayCalendar& calendar);

// The contact as a whole: due or overdue while any child waits; once all are decided, met on time
// if every child was, else met late by the latest child's lateness.
DeadlineStatus contact_decision_status(const Contact& contact, Date today,
                                       const WorkingDayCalendar& calendar);

// When an agency asked at `sent_at` on a contact of this urgency must answer.
Timestamp mash_due_at(Timestamp sent_at, std::string_view urgency, const FrontDoorSettings& settings,
                      const WorkingDayCalendar& calendar);

// The state of one agency's answer at `now`: due, overdue, met on time or met late (late by working
// days, counted between the due day and the day of the answer).
DeadlineStatus mash_request_status(Timestamp due_at, std::optional<Timestamp> answered_at, Timestamp now,
                                   const WorkingDayCalendar& calendar);

// "2 hours 5 minutes left", "due today", "overdue by 3 working days" - the words a queue shows.
std::string time_remaining_text(Timestamp due_at, Timestamp now, const WorkingDayCalendar& calendar);

}  // namespace safeguard
