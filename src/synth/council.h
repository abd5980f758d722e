// The synthetic council: a deterministic, realistic population of households, children (some
// unborn) and adults, with addresses, relationships, identifiers and the ordinary life of a record
// (moves, changes of name, corrections), six years of the front door's work (contacts, MASH
// enquiries and answers, decisions, authorisations; synth/front_door_plan.h), the casework after it
// (assessments, protection, plans, visits), children looked after with their placements, reviews,
// missing episodes and screenings (synth/care_plan.h), and a demo user for every role.
//
// Everything is recorded through the same use cases and validation as a worker's entry
// (app/people.h, app/front_door.h, app/auth.h), at simulated dates: the generator moves a FixedClock
// through the past six years, so events carry realistic dates and pass every rule. The same seed
// and scale give the same council, person for person and contact for contact.
//
// Synthetic data only: names come from lists of common names, addresses from invented streets in
// real postcode districts, NHS numbers from the range the NHS reserves for testing (999...), so no
// real person's data is ever made.
//
// Thread safety: runs on the calling thread with its own Database.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "app/assessments.h"
#include "app/front_door.h"
#include "app/looked_after.h"
#include "app/protection.h"
#include "core/date.h"
#include "core/result.h"
#include "store/database.h"

namespace safeguard::synth {

enum class Scale {
  kSmall,    // a few hundred people: tests and quick demos
  kCouncil,  // Norfolk-sized: tens of thousands of children known to the council
  kLarge,    // twice the council
};

std::optional<Scale> parse_scale(std::string_view text);

struct CouncilOptions {
  uint64_t seed = 1;
  Scale scale = Scale::kSmall;
  Timestamp now;  // the moment the generated history ends ("today" for the demo)
  std::string council_name = "Demo Council";
  std::string demo_password = "demo-password-2026";  // every demo user's password
};

struct DemoUser {
  std::string username;
  std::string display_name;
  std::string role;  // role code
  std::string team;
};

struct CouncilReport {
  int64_t households = 0;
  int64_t people = 0;
  int64_t children = 0;  // under 18 or unborn at the end of the history
  int64_t adults = 0;
  int64_t relationships = 0;
  int64_t events = 0;
  std::vector<DemoUser> users;  // the demo users, one for every role, who sign in to the demo
  int64_t further_staff = 0;    // users with synthetic names who did the council's work
  // The front door, as its users see it at the end of the history.
  Dashboard front_door;                // the analyst's dashboard for the twelve months to now
  int64_t episodes_opened = 0;         // Children in Need episodes opened by referrals, all six years
  int64_t decisions_returned = 0;      // by a manager to the worker, all six years
  int64_t awaiting_decision = 0;       // contacts in the front door's queue
  int64_t overdue = 0;                 // of those, past their decision deadline
  int64_t awaiting_authorisation = 0;  // children's decisions waiting for a manager
  AssessmentFigures assessments;       // single assessments, as the app counts them today
  ProtectionFigures protection;        // enquiries, conferences and plans, as the app counts them today
  CareFigures care;                    // children looked after, reviews, missing, as the app counts them
};

// How many demo users generate_council adds first (one for every role), before further staff.
size_t demo_user_count();

// Generates the council into an empty database (fails if people already exist). `progress` is
// called with (households done, households in all).
Result<CouncilReport> generate_council(Database& db, const CouncilOptions& options,
                                       const std::function<void(int64_t, int64_t)>& progress = {});

}  // namespace safeguard::synth
