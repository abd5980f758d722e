// The front door's clocks and rules as scenarios a social worker can read and add to:
// tests/scenarios/front_door/*.txt, one case per line (see the files for the forms).
#include "rules/front_door.h"

#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "domain/child_journey.h"
#include "domain/person.h"

namespace safeguard {
namespace {

std::filesystem::path scenario_directory() {
  const char* env = std::getenv("SAFEGUARD_SOURCE_DIR");
  return std::filesystem::path(env ? env : SAFEGUARD_SOURCE_DIR) / "tests/scenarios/front_door";
}

// "2026-11-23 10:15" in London.
std::optional<Timestamp> london(const std::string& day, const std::string& time) {
  auto date = Date::parse_iso(day);
  if (!date || time.size() != 5 || time[2] != ':') return std::nullopt;
  return london_time(*date, std::stoi(time.substr(0, 2)), std::stoi(time.substr(3, 2)));
}

std::string london_text(Timestamp t) {
  const int minute = london_minute_of_day(t);
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%s %02d:%02d", london_date(t).iso().c_str(), minute / 60, minute % 60);
  return buffer;
}

std::string status_text(const DeadlineStatus& s) {
  std::string out(deadline_state_name(s.state));
  if (s.state != DeadlineState::kMetOnTime && s.state != DeadlineState::kNotApplicable) {
    out += " " + std::to_string(s.working_days);
  }
  return out;
}

// Runs one line; returns an error message, or empty when the case holds.
std::string run_case(const std::vector<std::string>& w, std::vector<ClosureDay>& closures) {
  const WorkingDayCalendar calendar(closures);
  const FrontDoorSettings settings;
  const auto expect = [](const std::string& got, const std::string& want) {
    return got == want ? std::string() : "expected \"" + want + "\" but got \"" + got + "\"";
  };
  auto eq = std::find(w.begin(), w.end(), "=");
  if (w.empty() || eq == w.end()) return "no \"=\" in the line";
  std::string want;
  for (auto it = eq + 1; it != w.end(); ++it) want += (want.empty() ? "" : " ") + *it;
  const std::string& what = w[0];
  if (what == "decision_due" && w.size() == 5) {
    auto received = london(w[1], w[2]);
    if (!received) return "bad time";
    return expect(decision_due_date(*received, calendar).iso(), want);
  }
  if (what == "mash_due" && w.size() == 7) {
    auto sent = london(w[2], w[3]);
    if (!sent) return "bad time";
    return expect(london_text(mash_due_at(*sent, w[1], settings, calendar)), want);
  }
  if (what == "needs_authorisation" && w.size() == 5) {
    return expect(needs_authorisation(settings.authorisation, w[1], w[2]) ? "yes" : "no", want);
  }
  if (what == "re_referral") {
    // re_referral previous D new D = yes|no, or re_referral none new D = no
    const auto at_new = std::find(w.begin(), w.end(), "new");
    if (at_new == w.end() || at_new + 1 == w.end()) return "expected \"new DATE\"";
    Person child;
    if (w[1] == "previous") {
      CinEpisode e;
      e.id = 1;
      e.referral_date = Date::parse_iso(w[2]).value_or(Date());
      child.episodes.push_back(e);
    }
    auto now = Date::parse_iso(*(at_new + 1));
    if (!now) return "bad date";
    return expect(previous_referral_within_12_months(child, *now) ? "yes" : "no", want);
  }
  if (what == "status") {
    // status received D T decided D T today D = ... | status received D T undecided today D = ...
    Contact c;
    auto received = london(w[2], w[3]);
    if (!received) return "bad received time";
    c.received_at = *received;
    ContactChild child;
    child.person_id = 1;
    size_t i = 4;
    if (w[i] == "decided") {
      FrontDoorDecision d;
      auto decided = london(w[i + 1], w[i + 2]);
      if (!decided) return "bad decision time";
      d.decided_at = *decided;
      d.outcome = "advice";
      child.decision = d;
      i += 3;
    } else {
      ++i;
    }
    if (w[i] != "today") return "expected \"today\"";
    auto today = Date::parse_iso(w[i + 1]);
    if (!today) return "bad today";
    c.children.push_back(child);
    return expect(status_text(child_decision_status(c, c.children[0], *today, calendar)), want);
  }
  return "unknown or malformed case";
}

TEST(FrontDoorScenarios, EveryCaseHolds) {
  const auto dir = scenario_directory();
  ASSERT_TRUE(std::filesystem::is_directory(dir)) << dir;
  int cases = 0;
  for (const auto& entry : std::filesystem::directory_iterator(dir)) {
    if (entry.path().extension() != ".txt") continue;
    std::ifstream in(entry.path());
    std::vector<ClosureDay> closures;
    std::string line;
    int number = 0;
    while (std::getline(in, line)) {
      ++number;
      if (line.empty() || line[0] == '#') continue;
      std::istringstream words(line);
      std::vector<std::string> w;
      for (std::string word; words >> word;) w.push_back(word);
      if (w[0] == "closure" && w.size() >= 3) {
        std::string reason;
        for (size_t i = 2; i < w.size(); ++i) reason += (i > 2 ? " " : "") + w[i];
        closures.push_back({Date::parse_iso(w[1]).value_or(Date()), reason});
        continue;
      }
      ++cases;
      const std::string problem = run_case(w, closures);
      EXPECT_TRUE(problem.empty()) << entry.path().filename().string() << ":" << number << ": " << line << "\n  "
                                   << problem;
    }
  }
  EXPECT_GE(cases, 40);
}

}  // namespace
}  // namespace safeguard
