// Child protection up to the plan: the strategy discussion held when there is reasonable cause to
// suspect a child is suffering, or likely to suffer, significant harm; the section 47 enquiry it
// starts (CIN census Section47: S47ActualStartDate is the strategy discussion's date); the
// enquiry's conclusion (whether an initial child protection conference is needed: ICPCnotRequired);
// and the initial child protection conference (DateOfInitialCPC), due 15 working days after the
// strategy discussion (rules/child_deadlines.h), which may start a child protection plan (plan.h)
// on the same day (CIN census rule 2885).
//
// Each factory checks the CIN census rules that apply at entry time and names the field at fault:
// nothing on a referral marked no further action (8831) or before the referral; one open enquiry at
// a time in an episode (8839, 8890); a conference not at a weekend (8875); one open child protection
// plan at a time (8935) and none starting inside an earlier one (8940); a child in need plan does
// not run alongside a child protection plan (4001), so the conference that starts a plan ends it.
//
// Thread safety: values and pure functions.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/date.h"
#include "core/result.h"
#include "domain/event.h"

namespace safeguard {

struct Person;

inline constexpr size_t kProtectionTextMaxLength = 50000;

// Someone at a strategy discussion: their name and agency (codes(kStrategyAgency)).
struct StrategyAttendee {
  std::string name;
  std::string agency;
};

struct StrategyDiscussion {
  int64_t id = 0;  // within the person's record, from 1
  int64_t episode_id = 0;
  Date held_on;
  std::vector<StrategyAttendee> attendees;
  std::string decision;  // codes(kStrategyDecision)
  std::string reasons;   // why, in the worker's words
  std::string recorded_by;
  int64_t section47_id = 0;  // the enquiry it started, if it decided on one
};

// A section 47 enquiry, from the strategy discussion that started it to the initial conference (or
// the conclusion that none is needed).
struct Section47Enquiry {
  int64_t id = 0;  // within the person's record, from 1
  int64_t episode_id = 0;
  int64_t strategy_id = 0;
  Date started_on;                    // S47ActualStartDate
  std::optional<Date> concluded_on;   // when the enquiry's findings were recorded
  std::string outcome;                // codes(kSection47Outcome), once concluded
  std::string findings;               // what the enquiry found
  std::optional<Date> conference_on;  // DateOfInitialCPC
  std::string conference_chair;       // who chaired it
  bool conference_made_plan = false;  // the conference decided on a child protection plan
  int64_t plan_id = 0;                // that plan

  // The CIN census ICPCnotRequired: concluded without needing a conference.
  bool conference_not_required() const { return concluded_on && outcome != "conference"; }
  // Still open in the CIN census sense: no conference yet, and one may be needed (rule 8839).
  bool is_open() const { return !conference_on && !conference_not_required(); }
};

struct StrategyDiscussionInput {
  Date held_on;
  std::vector<StrategyAttendee> attendees;
  std::string decision;
  std::string reasons;
};

struct ConferenceInput {
  Date held_on;
  std::string chair;
  bool plan = false;     // the conference decided the child needs a child protection plan
  std::string category;  // the category of abuse (codes(kCategoryOfAbuse)) when it did
};

const StrategyDiscussion* find_strategy_discussion(const Person& child, int64_t strategy_id);
const Section47Enquiry* find_section47(const Person& child, int64_t section47_id);
// The episode's open enquiry, if any (one at a time).
const Section47Enquiry* open_section47(const Person& child, int64_t episode_id);

// A strategy discussion in the child's open episode (not before the referral, not in the future, not
// on a referral marked no further action), with at least one attendee; a decision to start a
// section 47 enquiry is refused while another is open.
Result<DomainEvent> strategy_discussion_held(const Person& child, const StrategyDiscussionInput& input,
                                             const std::string& by, Date today);

// The enquiry's findings on `on` and whether an initial conference is needed.
Result<DomainEvent> section47_concluded(const Person& child, int64_t section47_id, Date on,
                                        const std::string& outcome, const std::string& findings, Date today);

// The initial child protection conference of an enquiry that concluded one is needed: held on a
// weekday on or after the enquiry started, not in the future, with its chair. A decision for a plan
// starts a child protection plan that day with its category of abuse and the number of earlier
// plans on the child's record; it first ends an open child in need plan that day (rule 4001).
Result<std::vector<DomainEvent>> initial_conference_held(const Person& child, int64_t section47_id,
                                                         const ConferenceInput& input, Date today);

// Folds a protection event into a person; false if the event is not one.
bool apply_protection_event(Person& person, const DomainEvent& event);

// The chronology line for a protection event; empty if it is not one.
std::string describe_protection_event(const DomainEvent& event);

}  // namespace safeguard
