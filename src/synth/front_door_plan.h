// The front door's side of a household's history: every contact the family brings (the first one,
// which makes them known to the council, a contact when a new baby is recorded, and later contacts
// about the children), and what happens to each: who rang and why, its urgency, a MASH enquiry to
// partner agencies and their answers, a decision for each child, and a manager's authorisation or
// return where the council's rules ask for one. Each step is an action of the household's plan
// (household.h), played by council.cc through app/front_door.h as a worker, a partner or a manager.
//
// The model, per household (data-and-volumes.md sections 3 and 4):
// - Contacts after the first come as a Poisson process whose rate is highest just after the first
//   contact and decays over about a year to a low background, times the family's own frailty (most
//   families are heard of once or twice; a few again and again).
// - Each contact is about one child (the index child), from a source that depends on the child's
//   age (health for babies, schools for school-age children, the police most of all), about a
//   concern that depends on the source; brothers and sisters are added when the concern is about the
//   family. The outcome for each child depends on the concern, and a child referred in the past year
//   is referred again less often (re-referrals about 22% of referrals).
// - A referral or a strategy discussion starts a Children in Need episode with a modelled length
//   (section 4.7); while it lasts, news about the child goes to their social worker, not the front
//   door. A manager allocates the child to a social worker, mostly within two working days, some
//   much later (so the unallocated list is never empty), changes worker in some long episodes, and
//   closes the episode with a DfE reason when its length has passed. A child who comes into care in
//   the episode (care_plan.h) keeps it open until some weeks after care ends.
// - Decisions are mostly made within the working day after receipt; some are late, some wait for
//   MASH answers or for a manager. Partners mostly answer on time, some late, a few never.
// - Contacts of the last working day or two are mostly still undecided when the history ends, and a
//   few older ones were forgotten, so the queue has live and overdue work.
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

// What the front door planner needs to know of a household planned by plan_household.
struct FrontDoorFamily {
  std::vector<std::optional<Date>> recorded_on;  // per member: the day they were first recorded
  std::vector<bool> dies;                        // per member: dies during the history
  int index_child = -1;                          // the child the first contact is about
  Timestamp first_received_at;                   // when the first contact's call began
  Timestamp first_recorded_at;                   // when it is recorded (after its people)
  int first_worker = 0;                          // the front door worker who took it
  std::string town;                              // where the family lives
  // An unaccompanied asylum-seeking child alone: the first contact is their arrival, always a
  // referral, and no other contact follows (household.cc plan_unaccompanied).
  bool unaccompanied = false;
};

// Plans the household's contacts and the front door's work on them: appends to h.contacts and
// h.actions (in no particular order; plan_household sorts). Nothing at or after context.now.
void plan_front_door(const PlanContext& context, Household& h, const FrontDoorFamily& family);

}  // namespace safeguard::synth
