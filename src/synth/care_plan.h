// The council as corporate parent in the synthetic council: which children come into care from a
// Children in Need episode, and their time in care, each step an action of the household's plan
// (household.h) that council.cc plays through app/looked_after.h, app/missing.h and app/health.h.
//
// The model (data-and-volumes.md section 4.8):
// - Coming into care: a chance per allocated episode that depends on age (highest for babies, often
//   removed at birth, and for 16- and 17-year-olds), early in the episode for some (an emergency),
//   months later for others.
// - A path out of care chosen at entry by age: home (most, after weeks or months), special
//   guardianship or a child arrangements order (after a year or two), adoption for young children
//   (a placement order, then a placement for adoption, then the order), or staying until 18.
// - Legal status: police protection or an emergency protection order for a few days in some
//   emergencies; an interim care order becoming a full one, or section 20 accommodation (most often
//   for teenagers); a placement order on the adoption path.
// - Placements by age (foster care, relatives and friends, children's homes mostly for 10-17,
//   supported accommodation only from 16), with the provider, an Ofsted URN where the return wants
//   one, and moves whose reasons follow the national mix; a foster placement becomes long-term with
//   the same carers after a year or two.
// - A reviewing officer appointed within days; reviews within 20 working days, 3 months, then every
//   6 months, most on time; statutory visits within a week of each placement, then about 6-weekly.
// - Missing episodes concentrated in a minority of older children (most home within two days),
//   each with a return interview mostly offered within 72 hours; exploitation screenings for them
//   and for some other teenagers.
// - Health and education: health assessments, dental and development checks, immunisations, SDQs,
//   personal education plans each term, and a few substance misuse problems and convictions, at
//   about the national rates (plan_health in care_plan.cc), drawn from their own stream (Purpose
//   kHealth) so that adding them left the rest of the council as it was.
// - Adoption and permanence: previous permanence for each period of care; on the adoption path the
//   decision, the match and the adopters; some decisions for young children that cease
//   (plan_permanence, Purpose kPermanence).
// - Leaving care for those who qualify: pathway plans and reviews, a personal adviser, and contacts
//   around each birthday from 17 to 21 with what OC3 returns (plan_leaving_care, Purpose
//   kLeavingCare); the Children in Need episode closes weeks after care ends, as before, and the
//   worker says why they open the record after that.
//
// Pure: the same seed, household and context give the same plan.
//
// Thread safety: pure functions.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/date.h"
#include "synth/household.h"

namespace safeguard::synth {

// Who holds the child's case from a moment on (an index into the social workers).
struct HeldBy {
  Timestamp from;
  int holder = 0;
};

// A period of care as planned.
struct PlannedCare {
  Timestamp starts_at;         // when the child becomes looked after
  std::optional<Date> ends;    // none while still looked after when the history ends
  Timestamp last_at;           // the last action planned for it
  std::string closure_reason;  // why the Children in Need episode closes after care ends (RC1..RC9)
};

// Decides whether the child comes into care in the episode allocated at holders.front(), and if so
// plans the period of care and what happens in it (and after it, for a care leaver), appending to
// h.actions. None when the child does
// not come into care before `context.now`. The episode must stay open until after `ends`.
std::optional<PlannedCare> plan_care(const PlanContext& context, Household& h, int child,
                                     const std::vector<HeldBy>& holders, Rng& rng);

}  // namespace safeguard::synth
