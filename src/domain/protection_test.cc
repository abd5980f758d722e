// Child protection and plans: what the events fold into (the enquiry, the plan the conference
// starts, its actions and reviews), the CIN census rules that need more than one plan on the record
// (NumberOfPreviousCPP, 8940), the attendee and action checks, and what a stored event of the wrong
// shape does. The clocks and the other entry-time rules are the journey scenarios'
// (tests/scenarios/journey/child_protection*.txt).
#include "domain/protection.h"

#include <gtest/gtest.h>

#include "domain/contact.h"
#include "domain/person.h"
#include "support/domain_events.h"

namespace safeguard {
namespace {

using testing::fold;

const Date kReferral = *Date::parse_iso("2026-03-02");  // a Monday

void fold_all(Person& p, Result<std::vector<DomainEvent>> events) {
  ASSERT_TRUE(events.ok()) << events.error().message;
  for (DomainEvent& e : *events) {
    e.version = p.version + 1;
    apply_event(p, e);
  }
}

void refer(Person& child, Date on) {
  FrontDoorDecision d;
  d.outcome = "strategy_discussion";
  d.primary_need = "N1";
  d.decided_at = london_time(on, 11, 0);
  for (DomainEvent e :
       decision_on_record(child, static_cast<int64_t>(child.contacts.size()) + 1, d, "5A", on)) {
    e.version = child.version + 1;
    apply_event(child, e);
  }
}

StrategyDiscussionInput discussion(Date on) {
  return {on,
          {{"Jo Reid", "social_care"}, {"DC Amir Khan", "police"}, {"Dr Lee", "health"}},
          "section_47",
          "Bruising seen at school."};
}

// Referral, strategy discussion, enquiry and a conference that starts a plan on `conference`.
void protect(Person& child, Date referral, Date conference, const std::string& category) {
  refer(child, referral);
  fold(child, strategy_discussion_held(child, discussion(referral), "Jo Reid", conference));
  const int64_t s47 = child.enquiries.back().id;
  fold(child, section47_concluded(child, s47, referral + 4, "conference", "Substantiated.", conference));
  fold_all(child,
           initial_conference_held(child, s47, {conference, "Chris Chair", true, category}, conference));
}

TEST(Protection, AConferenceStartsAPlanOnItsDayWithTheEnquiryBehindIt) {
  Person child;
  child.details.date_of_birth = Date::from_ymd(2019, 2, 1);
  refer(child, kReferral);
  fold(child, child_in_need_plan_started(child, kReferral + 1, kReferral + 1));
  fold(child, strategy_discussion_held(child, discussion(kReferral + 2), "Jo Reid", kReferral + 2));
  ASSERT_EQ(child.enquiries.size(), 1u);
  const Section47Enquiry& s = child.enquiries[0];
  EXPECT_EQ(s.started_on, kReferral + 2);  // S47ActualStartDate is the strategy discussion's date
  EXPECT_EQ(s.strategy_id, 1);
  EXPECT_TRUE(s.is_open());
  EXPECT_EQ(child.strategy_discussions[0].attendees.size(), 3u);
  fold(child, section47_concluded(child, 1, kReferral + 8, "conference", "Substantiated.", kReferral + 8));
  EXPECT_FALSE(child.enquiries[0].conference_not_required());
  const Date conference = kReferral + 17;  // Thursday 19 March
  fold_all(child, initial_conference_held(child, 1, {conference, "Chris Chair", true, "PHY"}, conference));
  EXPECT_FALSE(child.enquiries[0].is_open());
  ASSERT_EQ(child.plans.size(), 2u);
  // The child in need plan ended that day (4001); the protection plan started that day (2885).
  EXPECT_EQ(child.plans[0].ended_on, conference);
  EXPECT_EQ(child.plans[0].end_reason, "stepped_up");
  const ChildPlan& plan = child.plans[1];
  EXPECT_TRUE(plan.is_protection());
  EXPECT_EQ(plan.started_on, conference);
  EXPECT_EQ(plan.initial_category, "PHY");
  EXPECT_EQ(plan.latest_category, "PHY");
  EXPECT_EQ(plan.previous_plans, 0);
  EXPECT_EQ(plan.section47_id, 1);
  EXPECT_EQ(child.enquiries[0].plan_id, 2);
}

TEST(Protection, ASecondPlanCountsTheFirstAndStartsAfterItEnded) {
  Person child;
  child.details.date_of_birth = Date::from_ymd(2019, 2, 1);
  protect(child, kReferral, kReferral + 10, "NEG");
  const Date ended = kReferral + 100;
  fold(child, plan_ended(child, 1, ended, "no_longer_needed", ended));
  fold(child, episode_closed(child, 1, ended, "RC1", ended));
  // A re-referral the next day: a conference on the day the last plan ended is refused (8940).
  refer(child, ended);
  fold(child, strategy_discussion_held(child, discussion(ended), "Jo Reid", ended));
  fold(child, section47_concluded(child, 2, ended, "conference", "Again.", ended));
  const auto same_day = initial_conference_held(child, 2, {ended, "Chris Chair", true, "NEG"}, ended);
  ASSERT_FALSE(same_day.ok());
  EXPECT_NE(same_day.error().message.find("after the last one ended"), std::string::npos);
  const Date later = ended + 5;  // a Monday
  fold_all(child, initial_conference_held(child, 2, {later, "Chris Chair", true, "EMO"}, later));
  EXPECT_EQ(child.plans.back().previous_plans, 1);  // NumberOfPreviousCPP
}

TEST(Protection, AttendeesAndActionsAreCheckedFieldByField) {
  Person child;
  child.details.date_of_birth = Date::from_ymd(2019, 2, 1);
  refer(child, kReferral);
  StrategyDiscussionInput input = discussion(kReferral);
  input.attendees.push_back({"  ", "police"});
  auto refused = strategy_discussion_held(child, input, "Jo", kReferral);
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error().field, "attendees[3].name");
  input.attendees.back() = {"Ann", "fire brigade"};
  EXPECT_EQ(strategy_discussion_held(child, input, "Jo", kReferral).error().field, "attendees[3].agency");
  input.attendees.clear();
  EXPECT_EQ(strategy_discussion_held(child, input, "Jo", kReferral).error().field, "attendees");

  fold(child, child_in_need_plan_started(child, kReferral, kReferral));
  PlanActionInput action{0, "Family support twice a week", "Family support worker", kReferral - 1,
                         "Tom has breakfast before school"};
  EXPECT_EQ(plan_actions_recorded(child, 1, {action}).error().field, "actions[0].by");
  action.by = kReferral + 30;
  fold(child, plan_actions_recorded(child, 1, {action, {0, "Health visitor checks", "", {}, ""}}));
  ASSERT_EQ(child.plans[0].actions.size(), 2u);
  EXPECT_EQ(child.plans[0].actions[1].id, 2);
  EXPECT_EQ(plan_gaps(child.plans[0]).size(), 3u);  // who, by when, what it changes for the child
  // Progress at a review stays with its action when the wording changes.
  PlanReviewInput review{kReferral + 40, "Jo Reid", false, "", "", {{1, "Breakfast most days."}}};
  fold(child, plan_reviewed(child, 1, review, kReferral + 40));
  action.id = 1;
  action.what = "Family support three times a week";
  fold(child, plan_actions_recorded(child, 1, {action}));
  ASSERT_EQ(child.plans[0].actions.size(), 1u);
  ASSERT_EQ(child.plans[0].actions[0].progress.size(), 1u);
  EXPECT_EQ(child.plans[0].actions[0].progress[0].text, "Breakfast most days.");
  review.held_on = kReferral + 50;
  review.latest_category = "NEG";
  EXPECT_EQ(plan_reviewed(child, 1, review, kReferral + 50).error().field, "latest_category");
}

TEST(Protection, AStoredEventOfTheWrongShapeSaysSo) {
  Person child;
  child.details.date_of_birth = Date::from_ymd(2019, 2, 1);
  refer(child, kReferral);
  DomainEvent e = *strategy_discussion_held(child, discussion(kReferral), "Jo", kReferral);
  e.data["attendees"] = nlohmann::json::array({nlohmann::json{{"name", "Jo"}}});
  e.version = child.version + 1;
  EXPECT_THROW(apply_event(child, e), MalformedEvent);
  DomainEvent concluded;
  concluded.type = "Section47Concluded";
  concluded.data = {
      {"section47_id", 9}, {"concluded_on", "2026-03-04"}, {"outcome", "conference"}, {"findings", "x"}};
  concluded.version = child.version + 1;
  EXPECT_THROW(apply_event(child, concluded), MalformedEvent);
  EXPECT_EQ(
      describe_protection_event(concluded),
      "Section 47 enquiry concluded: concerns substantiated: convene an initial child protection conference");
}

}  // namespace
}  // namespace safeguard
