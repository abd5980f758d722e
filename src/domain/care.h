// Children looked after: the council as corporate parent. A child's time in care is a period of
// care, and the SSDA903 return sees each period as a sequence of episodes: a new episode starts
// whenever the legal status or the placement changes (returns.md section 2). Workers record what
// happened (the child became looked after; the legal status or the placement changed; care ended)
// and the episodes follow from it, with no gaps or overlaps: each episode ends (DEC) the day the
// next starts (DECOM, validator rule 433) and ends with X1, and the last ends with the reason care
// ended (REC). The reason for each new episode (RNE) is derived from what changed, never typed:
//   S  the child started to be looked after;
//   L  the legal status changed, the placement did not;
//   P  the placement changed to new carers, the legal status did not;
//   T  the placement changed with the same carers (e.g. a foster placement became long-term);
//   B  both changed, to new carers;       U  both changed, with the same carers.
// A placement change records why the old placement ended (REASON_PLACE_CHANGE) on the episode that
// ends, unless that placement was a temporary one (T0..T4, rule 226).
//
// Every looked-after child has an independent reviewing officer appointed, who records the
// looked-after reviews: the date, how the child took part
// (REVIEW_CODE; PN0 exactly when the child is under 4, rules 440/441), the decisions and the
// permanence plan.
//
// Each factory checks the SSDA903 rules that apply at entry and names the field at fault: one
// period of care open at a time, starting while the child is under 18 and open to children's
// social care; codes by age (youth-justice legal statuses J1..J3 from 10, rule 358; supported
// accommodation K3 from 16, rule 371); a provider for every placement but T0..T3 and Z11..Z14,
// which have none (rule 178); adoption placements only under a placement or freeing order (A5, A6)
// or with consent (A3, A4); a change after the current episode started and not in the future.
//
// Events go on the child's stream and fold into Person through apply_care_event.
//
// Thread safety: values and pure functions.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/date.h"
#include "core/result.h"
#include "domain/event.h"

namespace safeguard {

struct Person;

inline constexpr size_t kCareTextMaxLength = 20000;
inline constexpr size_t kCarerNameMaxLength = 200;

// Where a looked-after child lives.
struct Placement {
  std::string type;      // PLACE, codes(kPlacementType)
  std::string provider;  // PLACE_PROVIDER, codes(kPlacementProvider); empty for T0..T3 and Z11..Z14
  std::string carer;     // the carers or the establishment, as the worker names them
  std::string postcode;  // PL_POST, normalised "NR1 4AB"
  std::string urn;       // the Ofsted unique reference number of the provision; empty where none

  bool operator==(const Placement&) const = default;
};

// One SSDA903 episode, derived from the care events.
struct CareEpisode {
  Date start;                    // DECOM
  std::string reason_new;        // RNE: S, L, P, T, B or U
  std::string legal_status;      // LS
  std::string category_of_need;  // CIN
  Placement placement;
  std::optional<Date> end;          // DEC: the day the next episode starts, or care ended
  std::string reason_ceased;        // REC: X1 when the child stays looked after
  std::string reason_place_change;  // REASON_PLACE_CHANGE when the placement changed after it

  bool is_open() const { return !end.has_value(); }
};

// A looked-after review, chaired by an independent reviewing officer.
struct LookedAfterReview {
  int64_t id = 0;  // within the period of care, from 1
  Date held_on;
  std::string participation;    // REVIEW_CODE, codes(kReviewParticipation)
  std::string permanence_plan;  // codes(kPermanencePlan)
  std::string decisions;
  std::string chair;  // the independent reviewing officer's name
};

struct PeriodOfCare {
  int64_t id = 0;          // within the person's record, from 1
  int64_t episode_id = 0;  // the Children in Need episode it began in
  Date start;
  std::string home_postcode;               // HOME_POST: where the child lived when care began
  std::vector<CareEpisode> episodes;       // in order, never empty
  std::vector<LookedAfterReview> reviews;  // in date order
  std::string reviewing_officer;           // the username of the appointed independent reviewing officer
  std::string reviewing_officer_name;      // their name; both empty until one is appointed

  bool is_open() const { return episodes.back().is_open(); }
  std::optional<Date> end() const { return episodes.back().end; }
  const std::string& reason_ended() const { return episodes.back().reason_ceased; }
  const CareEpisode& current() const { return episodes.back(); }
  // The episode in force on `day`, if the child was looked after that day.
  const CareEpisode* episode_on(Date day) const;
  // The day the child moved to their current carers: the start of the latest episode that began
  // the period or changed carers (RNE S, P or B). A change of legal status or of the placement's
  // type with the same carers (L, T, U) does not move a child.
  Date placement_start() const;
};

struct StartOfCare {
  Date on;
  std::string legal_status;
  std::string category_of_need;
  Placement placement;
};

// A change of legal status, of placement, or both, on one day.
struct ChangeOfCare {
  Date on;
  std::string legal_status;            // the new legal status; empty when it did not change
  std::optional<Placement> placement;  // the new placement; none when it did not change
  std::string reason_place_change;     // why the old placement ended, when it did
};

struct LookedAfterReviewInput {
  Date held_on;
  std::string participation;
  std::string permanence_plan;
  std::string decisions;
};

// The derived RNE for a new episode after `before`: see the header comment. Empty when nothing
// changed. Carers are the same when their names match, ignoring case and spaces.
std::string reason_for_new_episode(const CareEpisode& before, std::string_view legal_status,
                                   const Placement& placement);

// True for the temporary placements (T0..T4) whose end needs no reason for the change.
bool is_temporary_placement(std::string_view type);
// True for the placements returned with no provider (T0..T3, Z11..Z14).
bool placement_has_no_provider(std::string_view type);

// Tidies a placement as typed: trims, upper-cases codes, URN and postcode.
Placement normalise_placement(Placement placement);

// The child's open period of care, if any.
const PeriodOfCare* current_period(const Person& child);
// True if the child was looked after on `day`.
bool looked_after_on(const Person& child, Date day);

// The child becomes looked after: a new period of care during an open Children in Need episode.
Result<DomainEvent> looked_after_started(const Person& child, const StartOfCare& start, Date today);

// A change of legal status or placement in the open period of care, after its current episode
// started; a new episode with the derived RNE.
Result<DomainEvent> care_changed(const Person& child, const ChangeOfCare& change, Date today);

// The child stops being looked after: the period's last episode ends with `reason` (a REC code
// other than X1).
Result<DomainEvent> looked_after_ended(const Person& child, Date on, const std::string& reason, Date today);

// A looked-after review in the open period of care (or in the one just ended, on or before its end).
Result<DomainEvent> looked_after_review_recorded(const Person& child, int64_t period_id,
                                                 const LookedAfterReviewInput& input,
                                                 const std::string& chair, Date today);

// An independent reviewing officer appointed to the child's open period of care (replacing any
// earlier one). The caller checks the user holds that role.
Result<DomainEvent> reviewing_officer_appointed(const Person& child, const std::string& username,
                                                const std::string& name, Date today);

// Folds a care event into a person; false if the event is not one.
bool apply_care_event(Person& person, const DomainEvent& event);

// The chronology line for a care event; empty if it is not one.
std::string describe_care_event(const DomainEvent& event);

// The JSON form of a placement (events and API), and back; from_json names the field at fault under
// `field`.
nlohmann::json placement_to_json(const Placement& placement);
Result<Placement> placement_from_json(const nlohmann::json& json, const std::string& field);

}  // namespace safeguard
