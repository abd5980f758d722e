// Journey scenarios: plain-text files a social worker can read and add to, where each line either
// does something on a child's record on a day (a referral, an assessment starting, the child seen,
// an authorisation, a closure...) or says what the child's deadlines must be on a day. The runner
// makes every event with the same domain factories the app uses (so a line that the app would
// refuse is refused here with the same message) and asks the one deadline engine
// (rules/child_deadlines.h) for the deadlines. The format is documented in docs/scenarios.md.
//
// `safeguard scenario FILE...` runs files with this; the tests run tests/scenarios/journey/*.txt.
//
// Thread safety: pure functions of their input.
#pragma once

#include <istream>
#include <string>

namespace safeguard {

struct ScenarioOutcome {
  bool passed = true;
  int lines_run = 0;    // actions and expectations that held
  std::string failure;  // "FILE:LINE: what was expected, and what happened"
};

// Runs the scenario in `in`, named `name` in messages; stops at the first line that does not hold.
ScenarioOutcome run_journey_scenario(const std::string& name, std::istream& in);

}  // namespace safeguard
