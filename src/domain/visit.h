// Visits to a child and the case supervision of their work. A visit records the day, whether the
// child was seen and seen alone, who else was there, what the child said (in their words) and what
// the worker saw; a child on a plan is visited at the council's frequency for the plan's type
// (rules/child_deadlines.h). Case supervision is a team manager's oversight of the child's work:
// the day, what was discussed, the decisions, the actions, and when the next supervision is due,
// which may not be later than the council's interval allows.
//
// Events go on the child's stream and fold into Person through apply_visit_event.
//
// Thread safety: values and pure functions.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>

#include "core/date.h"
#include "core/result.h"
#include "domain/event.h"

namespace safeguard {

struct Person;

inline constexpr size_t kVisitTextMaxLength = 20000;

struct Visit {
  int64_t id = 0;  // within the person's record, from 1
  Date on;
  bool seen = false;
  bool seen_alone = false;
  std::string who_present;
  std::string child_said;  // in the child's words; for a baby, what was observed of them
  std::string observations;
  std::string recorded_by;
};

struct VisitInput {
  Date on;
  bool seen = false;
  bool seen_alone = false;
  std::string who_present;
  std::string child_said;
  std::string observations;
};

struct Supervision {
  int64_t id = 0;  // within the person's record, from 1
  Date on;
  std::string discussion;
  std::string decisions;
  std::string actions;
  std::optional<Date> next_due;  // set by the manager, no later than the council's interval
  std::string by;                // the manager's name
};

struct SupervisionInput {
  Date on;
  std::string discussion;
  std::string decisions;
  std::string actions;
  std::optional<Date> next_due;
};

// A visit during the child's open episode (on or after its referral, not in the future). A child
// seen needs what they said; a child seen alone must have been seen; observations are required.
Result<DomainEvent> visit_recorded(const Person& child, const VisitInput& input, const std::string& by,
                                   Date today);

// A team manager's case supervision during the child's open episode. `latest_next_due` is the
// latest day the council's interval allows for the next one; a next due date later than that, or
// not after the supervision, is refused.
Result<DomainEvent> supervision_recorded(const Person& child, const SupervisionInput& input,
                                         const std::string& by, Date latest_next_due, Date today);

// Folds a visit or supervision event into a person; false if the event is not one.
bool apply_visit_event(Person& person, const DomainEvent& event);

// The chronology line for a visit or supervision event; empty if it is not one.
std::string describe_visit_event(const DomainEvent& event);

}  // namespace safeguard
