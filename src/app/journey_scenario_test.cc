// The journey scenarios (tests/scenarios/journey/*.txt) all hold, and the runner itself reports a
// line that does not hold by file and line number, so a scenario that is wrong cannot pass quietly.
#include "app/journey_scenario.h"

#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace safeguard {
namespace {

std::filesystem::path scenario_directory() {
  const char* env = std::getenv("SAFEGUARD_SOURCE_DIR");
  return std::filesystem::path(env ? env : SAFEGUARD_SOURCE_DIR) / "tests/scenarios/journey";
}

ScenarioOutcome run(const std::string& text) {
  std::istringstream in(text);
  return run_journey_scenario("test.txt", in);
}

TEST(JourneyScenarios, EveryFileHolds) {
  int files = 0;
  for (const auto& entry : std::filesystem::directory_iterator(scenario_directory())) {
    if (entry.path().extension() != ".txt") continue;
    std::ifstream in(entry.path());
    const ScenarioOutcome outcome = run_journey_scenario(entry.path().filename().string(), in);
    EXPECT_TRUE(outcome.passed) << outcome.failure;
    EXPECT_GT(outcome.lines_run, 0) << entry.path();
    ++files;
  }
  EXPECT_GE(files, 5);
}

TEST(JourneyScenarioRunner, AWrongExpectationFailsAtItsLine) {
  const auto outcome =
      run("# a comment\n2026-01-05 referral\n2026-01-06 expect assessment due 2026-03-09 due 3\n");
  EXPECT_FALSE(outcome.passed);
  EXPECT_EQ(outcome.failure,
            "test.txt:3: expected assessment due 2026-03-09 due 3, got assessment due 2026-03-09 due 44");
}

TEST(JourneyScenarioRunner, AWrongDueDateListsTheDeadlinesThereAre) {
  const auto outcome = run("2026-01-05 referral\n2026-01-06 expect assessment due 2026-03-10 due\n");
  EXPECT_FALSE(outcome.passed);
  EXPECT_NE(outcome.failure.find("test.txt:2:"), std::string::npos);
  EXPECT_NE(outcome.failure.find("the assessment deadlines are: assessment due 2026-03-09 due 44"),
            std::string::npos)
      << outcome.failure;
}

TEST(JourneyScenarioRunner, ARefusalMustSayWhatTheLineExpects) {
  EXPECT_TRUE(run("2026-01-05 assessment starts refused \"has none\"\n").passed);
  const auto wrong_words = run("2026-01-05 assessment starts refused \"something else\"\n");
  EXPECT_FALSE(wrong_words.passed);
  EXPECT_NE(wrong_words.failure.find("test.txt:1: expected a refusal saying \"something else\""),
            std::string::npos);
  const auto accepted = run("2026-01-05 referral refused \"no\"\n");
  EXPECT_FALSE(accepted.passed);
  EXPECT_NE(accepted.failure.find("but it was accepted"), std::string::npos);
  const auto unexpected = run("2026-01-05 assessment starts\n");
  EXPECT_EQ(unexpected.failure.substr(0, 20), "test.txt:1: refused:");
}

TEST(JourneyScenarioRunner, UnknownLinesAreErrorsNotSkipped) {
  EXPECT_FALSE(run("2026-01-05 referal\n").passed);
  // A misspelt word is an error even where the line expects a refusal: it is never read as one.
  EXPECT_FALSE(run("2026-01-05 referal refused \"unknown action\"\n").passed);
  EXPECT_FALSE(run("2026-01-05 referral sorce 1A\n").passed);
  EXPECT_FALSE(
      run("2026-01-05 referral\n2026-01-05 assessment starts\n2026-01-05 child seen alonee\n").passed);
  EXPECT_FALSE(run("2026-01-05 referral\n2026-01-05 assessment starts\n2026-01-05 assessment written outcom "
                   "cin_plan\n")
                   .passed);
  EXPECT_FALSE(run("next tuesday referral\n").passed);
  EXPECT_FALSE(run("timescale visits_per_fortnight 2\n").passed);
  EXPECT_FALSE(run("timescale supervision_weeks six\n").passed);
  EXPECT_FALSE(run("2026-01-05 referral\n2026-01-05 visit unseen alone refused \"visit\"\n").passed);
  EXPECT_FALSE(run("2026-01-05 referral\n2026-01-05 icpc plan\n").passed);
  EXPECT_FALSE(run("2026-01-05 referral\n2026-01-05 review conference NEG ends\n").passed);
  EXPECT_FALSE(run("2026-01-05 expect assessment\n").passed);
  EXPECT_FALSE(run("2026-01-05 referral\n2026-01-05 expect assessment due 2026-99-01 due\n").passed);
  const auto outcome = run("2026-01-05 referral\n2026-01-06 expect no assessment\n");
  EXPECT_FALSE(outcome.passed);
  EXPECT_NE(outcome.failure.find("expected no assessment deadline"), std::string::npos);
}

}  // namespace
}  // namespace safeguard
