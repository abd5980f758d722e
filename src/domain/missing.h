// Missing children and exploitation. Missing children: each time a child goes missing (whereabouts unknown,
// SSDA903 MISSING "M") or is away from their placement without authorisation (whereabouts known, "A"), looked
// after or not, from the day they went to the day they came back, and where they were found. A return home
// interview is offered within 72 hours of the return (domain.md), and recorded: offered when, taken
// up or not, held when, and what the child said.
//
// Each factory checks the SSDA903 Missing rules at entry and names the field at fault: type M or A
// (1006); a start after the child's birth (586) and not in the future; an end on or after the start
// (567); one episode at a time, with no overlap (574).
//
// Exploitation: a screening of a child for the risk of sexual or criminal exploitation (county
// lines), with the risk level it finds and what the worker saw. A child at risk is screened again on
// a set frequency by risk level (exploitation_review_months): the "exploitation_review" clock of
// rules/child_deadlines.h.
//
// Events go on the child's stream and fold into Person through apply_missing_event.
//
// Thread safety: values and pure functions.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "core/date.h"
#include "core/result.h"
#include "domain/event.h"

namespace safeguard {

struct Person;

inline constexpr size_t kMissingTextMaxLength = 20000;

struct ReturnInterview {
  Date offered_on;
  bool accepted = false;
  std::optional<Date> held_on;  // when accepted and held
  std::string findings;         // what the child said: why they went, where, with whom, risks
  std::string by;
};

struct MissingEpisode {
  int64_t id = 0;                // within the person's record, from 1
  std::string type;              // MISSING: "M" or "A"
  Date started_on;               // MIS_START
  std::optional<Date> ended_on;  // MIS_END: none while the child is still missing
  std::string where_found;
  std::optional<ReturnInterview> interview;

  bool is_open() const { return !ended_on.has_value(); }
};

// An exploitation screening. `risk` is a kExploitationRisk code; a risk other than "none" names at
// least one kind of exploitation, and "none" names none.
struct ExploitationScreening {
  int64_t id = 0;  // within the person's record, from 1
  Date screened_on;
  bool sexual = false;    // child sexual exploitation
  bool criminal = false;  // child criminal exploitation, county lines
  std::string risk;
  std::string summary;  // the indicators seen, the child's own words, and what is being done
  std::string by;
};

// How often a child at this risk level is screened again: high monthly, medium every 3 months,
// low every 6 months; 0 for no risk identified (no review due).
int exploitation_review_months(std::string_view risk);

// The child goes missing (or away without authorisation) on `started_on`.
Result<DomainEvent> missing_reported(const Person& child, const std::string& type, Date started_on,
                                     Date today);
// The child came back on `ended_on`, found at `where_found`.
Result<DomainEvent> missing_ended(const Person& child, int64_t missing_id, Date ended_on,
                                  const std::string& where_found, Date today);
// The return home interview: offered on a day on or after the return; if accepted, held on a day on
// or after the offer with findings.
Result<DomainEvent> return_interview_recorded(const Person& child, int64_t missing_id,
                                              const ReturnInterview& input, Date today);

// The child is screened for exploitation. Rejects a date in the future, before the child's birth,
// from their 18th birthday, or before their latest screening.
Result<DomainEvent> exploitation_screened(const Person& child, const ExploitationScreening& input,
                                          Date today);

// The child's open missing episode, if any.
const MissingEpisode* current_missing(const Person& child);

// The child's latest exploitation screening, if any.
const ExploitationScreening* latest_screening(const Person& child);

bool apply_missing_event(Person& person, const DomainEvent& event);
std::string describe_missing_event(const DomainEvent& event);

}  // namespace safeguard
