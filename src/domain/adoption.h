// Adoption and permanence: a looked-after child's way to a permanent family through adoption, and
// the permanence a child had before care (domain.md; SSDA903 PlacedAdoption, AD1 and PrevPerm,
// returns.md section 2).
//
// The adoption journey, and where each step is recorded:
//   1. the agency decision maker decides the child should be placed for adoption (recorded here:
//      PlacedAdoption DATE_PLACED, AD1 DATE_INT);
//   2. the court makes a placement order: the legal status E1 (domain/care.h);
//   3. the child may first live with carers approved as adopters, fostering for adoption or in
//      concurrent planning: placement U2 or U5 (care.h);
//   4. the child is matched with adopters (here: AD1 DATE_MATCH, and who the adopters are);
//   5. the child moves in with them: placement A3 to A6 (care.h);
//   6. the adoption order ends care: REC E11 or E12 (care.h).
// Or the council decides the child should no longer be placed for adoption, with the reason
// (here: DATE_PLACED_CEASED, REASON_PLACED_CEASED).
//
// The steps are held in order, as the SSDA903 validator checks them: a placement order or a
// placement for adoption needs a decision that stands, made on or before it (rules 551 to 554); a
// match is on or after the decision (333) and on or before the move to the adopters (331); an
// adoption needs the match (601), and care ends otherwise only once the decision no longer stands
// (557); a decision ceases after every step it led to (it may cease while the child still lives
// with the adopters, so that care can end another way); a new decision only after the last one
// ceased (579, 583). domain/care.cc asks adoption_allows and
// adoption_allows_end before a change or the end of care.
//
// Who the adopters are is recorded in the family's words (one adopter or two, their sexes, and a
// couple's relationship), and the SSDA903 codes NB_ADOPTR, SEX_ADOPTR and LS_ADOPTR follow from
// them, so they always agree (rules 511 to 524). Whether the adopters were the child's foster
// carers (FOSTER_CARE) follows from the placement: A3 and A5 are with the current foster carers
// (rule 335).
//
// Previous permanence: for each period of care, whether the child had been adopted, or lived under
// a special guardianship or child arrangements order, before it (PREV_PERM), and if so the council
// that arranged it (LA_PERM) and when (DATE_PERM, whose day or month may not be known; rules 630 to
// 635).
//
// Each factory checks its record at entry and names the field at fault. Events go on the child's
// stream and fold into Person through apply_adoption_event.
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
struct PeriodOfCare;

inline constexpr size_t kAdoptionTextMaxLength = 20000;

// Who adopts, in the family's words; the SSDA903 codes follow.
struct Adopters {
  std::string sexes;         // codes(kAdopters), SEX_ADOPTR: F1, M1, MF, FF or MM
  std::string relationship;  // codes(kAdoptersRelationship): "single" exactly for F1 and M1

  int number() const;                // NB_ADOPTR: 1 or 2
  std::string legal_status() const;  // LS_ADOPTR, from the relationship and sexes; empty if they disagree
};

// One decision that the child should be placed for adoption: a PlacedAdoption row, and AD1 when the
// child is adopted.
struct AdoptionDecision {
  int64_t id = 0;                  // within the child's record, from 1
  int64_t period_id = 0;           // the period of care it was made in
  Date decided_on;                 // DATE_PLACED, DATE_INT
  std::string notes;               // the agency decision maker's reasons, as the worker records them
  std::optional<Date> matched_on;  // DATE_MATCH
  Adopters adopters;               // set with the match
  std::optional<Date> ceased_on;   // DATE_PLACED_CEASED: the child should no longer be placed
  std::string ceased_reason;       // REASON_PLACED_CEASED, codes(kReasonNoLongerPlaced)
  std::string by;

  bool stands() const { return !ceased_on.has_value(); }
};

// A permanence order's date as far as it is known: DATE_PERM may leave out the day, or the day and
// the month ("ZZ/05/2019", "ZZ/ZZ/2019").
struct PartialDate {
  int year = 0;
  int month = 0;  // 1..12, or 0 if not known
  int day = 0;    // 1..31, or 0 if not known (always 0 when the month is not known)

  bool empty() const { return year == 0; }
  std::string ssda903() const;  // "dd/mm/yyyy" with ZZ for what is not known; empty when empty()
  std::string text() const;     // "5 May 2019", "May 2019", "2019"
  std::string iso() const;      // "2019-05-05", "2019-05", "2019": how events store it
  Date latest() const;          // the last day it could be
  static std::optional<PartialDate> parse_iso(std::string_view text);
};

struct PreviousPermanence {
  int64_t period_id = 0;
  std::string type;             // PREV_PERM, codes(kPreviousPermanence)
  std::string local_authority;  // LA_PERM: is_local_authority_code; empty for Z1
  PartialDate made;             // DATE_PERM; empty for Z1
};

struct Permanence {
  std::vector<AdoptionDecision> decisions;   // in the order made; only the last may stand
  std::vector<PreviousPermanence> previous;  // at most one per period of care, in period order
};

// What the care record says of one decision's journey: each step's first day in the period of
// care the decision was made in, until it ceased; the placement for adoption on or after the
// decision (fostering for adoption may come before it).
struct AdoptionSteps {
  std::optional<Date> placement_order_on;         // the legal status E1 began
  std::optional<Date> fostering_for_adoption_on;  // a U2 or U5 placement began
  std::optional<Date> placed_on;                  // the child moved in with the adopters (A3 to A6)
  std::optional<Date> adopted_on;                 // care ended with E11 or E12
  bool by_foster_carers = false;                  // FOSTER_CARE: the placement for adoption was A3 or A5
};
AdoptionSteps adoption_steps(const Person& child, const AdoptionDecision& decision);

// The decision that stands in the child's open period of care, if any: made in it and not ceased.
// (A decision that led to an adoption stands no longer once care ends; if the adoption breaks down
// and the child comes back into care, a new decision is needed.)
const AdoptionDecision* standing_adoption_decision(const Person& child);
// The previous permanence recorded for the period of care, if any.
const PreviousPermanence* previous_permanence_of(const Person& child, int64_t period_id);

// `by` is the name of the worker recording it.
Result<DomainEvent> adoption_decided(const Person& child, Date on, const std::string& notes,
                                     const std::string& by, Date today);
Result<DomainEvent> adoption_match_recorded(const Person& child, Date on, const Adopters& adopters,
                                            Date today);
Result<DomainEvent> adoption_decision_ceased(const Person& child, Date on, const std::string& reason,
                                             Date today);
Result<DomainEvent> previous_permanence_recorded(const Person& child, const PreviousPermanence& input,
                                                 Date today);

// For domain/care.cc: whether the child may be, from `on`, under `legal_status` in a placement of
// `placement_type`, given what was before (`before_status`, `before_type`; empty at the start of
// care). A placement order (E1) or a placement for adoption (A3 to A6) that begins needs a decision
// that stands, made on or before `on`; a placement for adoption comes on or after the match, if
// there is one (rule 331).
Status adoption_allows(const Person& child, std::string_view before_status, std::string_view before_type,
                       std::string_view legal_status, std::string_view placement_type, Date on);
// Whether the child's care may end on `on` for `reason` (a REC code): an adoption needs the match
// before it; any other ending, no decision that stands.
Status adoption_allows_end(const Person& child, Date on, std::string_view reason);

bool apply_adoption_event(Person& person, const DomainEvent& event);
std::string describe_adoption_event(const DomainEvent& event);

}  // namespace safeguard
