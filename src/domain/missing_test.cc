// Missing episodes: what the events fold into, and the SSDA903 Missing rules at entry (type M or A,
// after birth, an end on or after the start, no overlap) and the return interview's own checks.
// Exploitation screenings: their checks and the review frequency by risk. The 72-hour clock and the
// screening review clock are the journey scenarios' (tests/scenarios/journey/missing.txt and
// exploitation.txt).
#include "domain/missing.h"

#include <gtest/gtest.h>

#include "domain/person.h"
#include "support/domain_events.h"

namespace safeguard {
namespace {

using testing::field_of;
using testing::fold;

const Date kDay = *Date::parse_iso("2026-03-02");

TEST(Missing, EpisodesAndInterviewsFoldAndFollowTheReturnsRules) {
  Person child;
  child.details.date_of_birth = Date::from_ymd(2011, 8, 9);
  EXPECT_EQ(field_of(missing_reported(child, "X", kDay, kDay)), "type");
  EXPECT_EQ(field_of(missing_reported(child, "M", kDay + 1, kDay)), "started_on");
  EXPECT_EQ(field_of(missing_reported(child, "M", Date::from_ymd(2011, 8, 9), kDay)), "started_on");
  fold(child, missing_reported(child, "M", kDay, kDay));
  ASSERT_TRUE(current_missing(child));
  EXPECT_EQ(field_of(missing_ended(child, 1, kDay - 1, "Home", kDay + 5)), "ended_on");  // rule 567
  EXPECT_EQ(field_of(missing_ended(child, 1, kDay + 1, " ", kDay + 5)), "where_found");
  fold(child, missing_ended(child, 1, kDay, "Found at the bus station by police", kDay + 5));  // the same day
  EXPECT_FALSE(current_missing(child));
  EXPECT_EQ(field_of(missing_ended(child, 1, kDay + 1, "Home", kDay + 5)), "ended_on");
  EXPECT_EQ(field_of(missing_reported(child, "A", kDay - 1, kDay + 5)), "started_on");  // overlaps (574)
  ReturnInterview interview{kDay - 1, true, kDay + 1, "Went to meet an older man she met online.", "Jo"};
  EXPECT_EQ(field_of(return_interview_recorded(child, 1, interview, kDay + 5)), "offered_on");
  interview.offered_on = kDay + 1;
  interview.findings = "";
  EXPECT_EQ(field_of(return_interview_recorded(child, 1, interview, kDay + 5)), "findings");
  interview.findings = "Went to meet an older man she met online.";
  interview.accepted = false;
  EXPECT_EQ(field_of(return_interview_recorded(child, 1, interview, kDay + 5)), "accepted");
  interview.accepted = true;
  fold(child, return_interview_recorded(child, 1, interview, kDay + 5));
  ASSERT_TRUE(child.missing[0].interview.has_value());
  EXPECT_EQ(child.missing[0].interview->held_on, kDay + 1);
  fold(child, missing_reported(child, "A", kDay, kDay + 5));  // a new start on the last end is allowed
  EXPECT_EQ(child.missing.size(), 2u);
  EXPECT_EQ(child.missing[1].type, "A");
}

TEST(Exploitation, ScreeningsFoldAndNameTheirRisk) {
  Person child;
  child.details.date_of_birth = Date::from_ymd(2011, 8, 9);
  ExploitationScreening s{0, kDay, true, false, "high", "Older men giving her lifts; new phone.", "Jo"};
  EXPECT_EQ(field_of(exploitation_screened(child, s, kDay - 1)), "screened_on");  // in the future
  s.risk = "severe";
  EXPECT_EQ(field_of(exploitation_screened(child, s, kDay)), "risk");
  s.risk = "none";
  EXPECT_EQ(field_of(exploitation_screened(child, s, kDay)), "kinds");
  s.risk = "medium";
  s.sexual = false;
  EXPECT_EQ(field_of(exploitation_screened(child, s, kDay)), "kinds");
  s.criminal = true;
  s.summary = " ";
  EXPECT_EQ(field_of(exploitation_screened(child, s, kDay)), "summary");
  s.summary = "Seen with cash and a second phone; known to older youths dealing.";
  ExploitationScreening adult = s;
  adult.screened_on = Date::from_ymd(2029, 8, 9);  // the 18th birthday
  EXPECT_EQ(field_of(exploitation_screened(child, adult, adult.screened_on)), "screened_on");
  fold(child, exploitation_screened(child, s, kDay));
  ASSERT_TRUE(latest_screening(child));
  EXPECT_EQ(latest_screening(child)->risk, "medium");
  EXPECT_TRUE(latest_screening(child)->criminal);
  EXPECT_EQ(latest_screening(child)->by, "Jo");
  s.screened_on = kDay - 1;
  EXPECT_EQ(field_of(exploitation_screened(child, s, kDay)), "screened_on");  // before the latest
  EXPECT_EQ(exploitation_review_months("high"), 1);
  EXPECT_EQ(exploitation_review_months("medium"), 3);
  EXPECT_EQ(exploitation_review_months("low"), 6);
  EXPECT_EQ(exploitation_review_months("none"), 0);
}

}  // namespace
}  // namespace safeguard
