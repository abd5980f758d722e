// A child's journey through children's services as it shows on their own record: the contacts
// about them (and the adults on those contacts), the front door's decision on each, and the Children
// in Need episodes that referrals open (the CIN census "CINdetails": CINreferralDate,
// ReferralSource, ReferralNFA, PrimaryNeedCode, and later the closure).
//
// These are events on the person's stream, appended in the same transaction as the contact's own
// events (contact.h), and folded into Person by apply_event (person.h).
//
// Thread safety: values and pure functions.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "core/date.h"
#include "core/result.h"
#include "domain/event.h"

namespace safeguard {

struct Person;
struct FrontDoorDecision;

// A contact as it shows on a person's record.
struct ContactOnRecord {
  int64_t contact_id = 0;
  Timestamp received_at;
  std::string source;   // DfE referral source code
  std::string role;     // "child" or "adult"
  std::string outcome;  // the final front door decision, once made
  std::optional<Date> decided_on;
};

// A social worker's proposal to close an episode, waiting for a team manager.
struct ClosureProposal {
  Date closing_on;
  std::string reason;   // RC1-RC9
  std::string summary;  // why, and what the family has been told
  std::string by;       // the worker's name
};

// A Children in Need episode: from the referral to its closure.
struct CinEpisode {
  int64_t id = 0;  // within the person's record, from 1
  int64_t contact_id = 0;
  Date referral_date;
  std::string referral_source;
  bool referral_nfa = false;
  std::string primary_need;  // N0-N9, empty until known
  std::optional<Date> closed_on;
  std::string closure_reason;                       // RC1-RC9
  std::optional<ClosureProposal> proposed_closure;  // waiting for a manager
  std::string closure_returned_because;             // the manager's note, when last returned

  bool is_open() const { return !closed_on.has_value(); }
};

// Who holds a child's case: an allocated social worker and their team, from a day until another
// worker takes over or the episode closes (SSDA903 SWEpisodes: SW_ID, SW_DECOM, SW_DEC, SW_REASON).
struct Allocation {
  int64_t id = 0;           // within the person's record, from 1
  std::string worker;       // the social worker's username
  std::string worker_name;  // their name when allocated
  int64_t team_id = 0;
  std::string team_name;
  Date from;
  std::optional<Date> to;  // the last day; none while current
  std::string reason;      // codes(kWorkerChangeReason)
};

struct AllocationInput {
  std::string worker;
  std::string worker_name;
  int64_t team_id = 0;
  std::string team_name;
  Date from;
  std::string reason;
};

// A case note: what a worker heard, did or saw, in their words, with the day it happened.
inline constexpr size_t kCaseNoteMaxLength = 20000;

// A case note of `type` (codes(kCaseNoteType)) about contact with or about the person on
// `contact_date` (not in the future; notes before a birth are allowed, for pre-birth work), with
// its text (required, at most kCaseNoteMaxLength bytes).
Result<DomainEvent> case_note_recorded(const Person& person, const std::string& type, Date contact_date,
                                       const std::string& text, Date today);

// The event recording that a contact concerns this person (`role` "child" or "adult").
DomainEvent contact_received(int64_t contact_id, Timestamp received_at, const std::string& source,
                             const std::string& role);

// The events a final front door decision puts on the child's record: the decision, and for a
// referral or a strategy discussion the start of a Children in Need episode, unless the child
// already has an open one (the CIN census allows no overlapping episodes). `referral_date` is the
// day the contact was received; a contact received while the child's last episode was still open,
// and decided after it closed, opens the new episode on the day the last one closed (CIN rule 8820:
// no referral before an earlier episode's closure).
std::vector<DomainEvent> decision_on_record(const Person& child, int64_t contact_id,
                                            const FrontDoorDecision& decision, const std::string& source,
                                            Date referral_date);

// What is still open in an episode and must be finished before it can close, one line each in a
// worker's words (empty when nothing is): an assessment not yet authorised, a section 47 enquiry still
// open, a plan not ended.
std::vector<std::string> closure_blockers(const Person& child, const CinEpisode& episode);

// The end of a Children in Need episode (CIN census CINclosureDate and ReasonForClosure, RC1-RC9),
// by a team manager, whose closing is the authorisation: the episode must be open with nothing left
// open in it (closure_blockers, listed in the refusal), the date on or after its referral date and
// not after today. Closing ends the episode's clocks; a referral within 12 months of its referral
// date is a re-referral.
Result<DomainEvent> episode_closed(const Person& child, int64_t episode_id, Date closed_on,
                                   const std::string& reason, Date today);

// A social worker proposes closing the episode on `closing_on` with the reason and a summary (the
// same checks as closing); it waits for a manager, who closes it or returns it with a note.
Result<DomainEvent> closure_proposed(const Person& child, int64_t episode_id, Date closing_on,
                                     const std::string& reason, const std::string& summary,
                                     const std::string& by, Date today);
Result<DomainEvent> closure_returned(const Person& child, int64_t episode_id, const std::string& note);

// Allocates a child with an open episode to a social worker, from a day no earlier than the
// referral and not after today, with the DfE reason (SW_REASON). A current allocation to another
// worker ends the day before; the same worker again, or a start before the current one's, is refused.
Result<DomainEvent> worker_allocated(const Person& child, const AllocationInput& input, Date today);

// The end of the child's current allocation on `last_day` (when the episode closes), if they have one.
std::optional<DomainEvent> allocation_ended(const Person& child, Date last_day);

// The allocation current now, if any.
const Allocation* current_allocation(const Person& person);

// One SSDA903 SWEpisodes row: an allocation as the return sees it. SW_DEC is the day after the
// allocation's last day, the day the next worker took over, so a change of worker on a day ends one
// episode and starts the next that day (validator SW10) and an allocation of one day is not an
// episode of no time (SW09).
struct SocialWorkerEpisode {
  std::string worker;  // username; SW_ID is their registration number (User::registration)
  std::string worker_name;
  Date start;                    // SW_DECOM
  std::optional<Date> last_day;  // the worker's last day, as the record says it
  std::optional<Date> end;       // SW_DEC; none while the episode is open at `to`
  std::string reason;            // SW_REASON
};
// The child's allocations that overlap `from` to `to` (inclusive), oldest first; an episode whose
// SW_DEC would fall after `to` (the year's end, or today) is open, as the return wants (SW07, SW17).
std::vector<SocialWorkerEpisode> social_worker_episodes(const Person& child, Date from, Date to);

// True for the outcomes that open a Children in Need episode.
bool opens_episode(std::string_view outcome);

// The episode open now, if any.
const CinEpisode* open_episode(const Person& person);
// The episode with this id, or nullptr.
const CinEpisode* find_episode(const Person& person, int64_t episode_id);

// The most recent referral date in the 12 months before `referral_date` (a new referral then is a
// re-referral, in the DfE's sense), if there is one.
std::optional<Date> previous_referral_within_12_months(const Person& person, Date referral_date);

// True for the significant events of the child's time with children's services: contacts about
// them, front door decisions, episodes opened, proposed and closed, allocations, each step of an
// assessment, strategy discussions, enquiries, conferences, plans, visits and supervision (the
// chronology's "significant events"; case notes have their own filter, and drafts of a plan's
// actions are not events of note).
bool is_significant_event(const DomainEvent& event);

// Folds a journey event into a person; false if the event is not a journey event.
bool apply_journey_event(Person& person, const DomainEvent& event);

// The chronology line for a journey event; empty if it is not one.
std::string describe_journey_event(const DomainEvent& event);

}  // namespace safeguard
