// The single assessment's events: what they fold into, what a stored event of the wrong shape
// does (the record says it cannot be read rather than guessing), and the write-up's normalisation.
// The rules at entry time are the journey scenarios' (tests/scenarios/journey/assessment_rules.txt).
#include "domain/assessment.h"

#include <gtest/gtest.h>

#include "domain/contact.h"
#include "domain/person.h"
#include "support/domain_events.h"

namespace safeguard {
namespace {

using testing::fold;

const Date kReferral = *Date::parse_iso("2026-01-12");

Person referred_child() {
  Person child;
  child.details.date_of_birth = Date::from_ymd(2016, 6, 30);
  FrontDoorDecision d;
  d.outcome = "referral";
  d.primary_need = "N1";
  d.decided_at = london_time(kReferral, 11, 0);
  for (DomainEvent e : decision_on_record(child, 1, d, "2A", kReferral)) {
    e.version = child.version + 1;
    apply_event(child, e);
  }
  return child;
}

TEST(Assessment, EventsFoldIntoTheChildsAssessment) {
  Person child = referred_child();
  fold(child, assessment_started(child, kReferral + 1, kReferral + 1));
  fold(child, child_seen_for_assessment(child, 1, kReferral + 9, false, kReferral + 9));
  fold(child, child_seen_for_assessment(child, 1, kReferral + 2, true, kReferral + 9));
  AssessmentContent c;
  c.child_views = "I miss my dad.";
  c.factors = {"4B", "3A", "4B"};
  c.analysis = "Analysis.";
  c.outcome = "cin_plan";
  fold(child, assessment_recorded(child, 1, c));
  ASSERT_EQ(child.assessments.size(), 1u);
  const Assessment& a = child.assessments[0];
  EXPECT_EQ(a.episode_id, 1);
  EXPECT_EQ(a.started_on, kReferral + 1);
  ASSERT_EQ(a.seen.size(), 2u);
  EXPECT_EQ(a.seen[0].on, kReferral + 2);  // in date order, whatever order they were recorded in
  EXPECT_TRUE(a.seen[0].alone);
  EXPECT_EQ(a.content.factors, (std::vector<std::string>{"3A", "4B"}));  // sorted, no duplicates
  EXPECT_TRUE(assessment_gaps(child, a).empty());
  fold(child, assessment_submitted(child, 1, kReferral + 10, "Jess", kReferral + 10));
  EXPECT_TRUE(child.assessments[0].awaits_authorisation());
  fold(child, assessment_returned(child, 1, "More on dad."));
  EXPECT_FALSE(child.assessments[0].awaits_authorisation());
  EXPECT_EQ(child.assessments[0].returned_because, "More on dad.");
  fold(child, assessment_submitted(child, 1, kReferral + 11, "Jess", kReferral + 11));
  EXPECT_TRUE(child.assessments[0].returned_because.empty());
  fold(child, assessment_authorised(child, 1, kReferral + 12, "Sam", kReferral + 12));
  EXPECT_EQ(child.assessments[0].authorised_on, kReferral + 12);
  EXPECT_EQ(child.assessments[0].authorised_by, "Sam");
  EXPECT_EQ(open_assessment(child, 1), nullptr);
}

TEST(Assessment, AnEventOfTheWrongShapeMakesTheRecordUnreadable) {
  Person child = referred_child();
  DomainEvent e;
  e.type = "AssessmentChildSeen";
  e.version = 9;
  e.data = {{"assessment_id", 4}, {"seen_on", "2026-01-13"}, {"alone", true}};
  EXPECT_THROW(apply_event(child, e), MalformedEvent);  // no such assessment
  e.type = "AssessmentStarted";
  e.data = {{"assessment_id", 1}, {"episode_id", 1}, {"started_on", "13/01/2026"}};
  EXPECT_THROW(apply_event(child, e), MalformedEvent);
  e.data = {{"assessment_id", 1}, {"episode_id", 5}, {"started_on", "2026-01-13"}};
  EXPECT_THROW(apply_event(child, e), MalformedEvent);  // no such episode
}

TEST(Assessment, EachEventHasAChronologyLine) {
  Person child = referred_child();
  auto started = assessment_started(child, kReferral, kReferral);
  ASSERT_TRUE(started.ok());
  EXPECT_EQ(describe_event(*started, [](int64_t) { return std::string(); }), "Single assessment started");
  DomainEvent broken;
  broken.type = "AssessmentReturned";
  EXPECT_EQ(describe_assessment_event(broken), "AssessmentReturned (the event's details could not be read)");
}

}  // namespace
}  // namespace safeguard
