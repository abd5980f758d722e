// Adoption and permanence: the steps of the adoption journey in the order the SSDA903 validator
// checks them (rules 333, 331, 551 to 557, 579, 601), the adopters' codes following from the
// family's words (511 to 524), what each decision's journey reads from the care record, and
// previous permanence with its partial dates (630 to 633).
#include "domain/adoption.h"

#include <gtest/gtest.h>

#include "domain/contact.h"
#include "domain/person.h"
#include "support/domain_events.h"

namespace safeguard {
namespace {

using testing::field_of;
using testing::fold;

const Date kReferral = *Date::parse_iso("2025-03-03");  // a Monday
const Date kToday = *Date::parse_iso("2026-11-20");

Placement placement(const std::string& type, const std::string& carer) {
  return {type, "PR1", carer, "NR2 1AA", "SC123456"};
}

// A baby born 1 February 2025, looked after from a week after the referral with foster carers who
// are approved adopters (U5).
Person looked_after_baby() {
  Person child;
  child.details.date_of_birth = Date::from_ymd(2025, 2, 1);
  FrontDoorDecision d;
  d.outcome = "referral";
  d.primary_need = "N1";
  d.decided_at = london_time(kReferral, 11, 0);
  for (DomainEvent e : decision_on_record(child, 1, d, "5A", kReferral)) {
    e.version = ++child.version;
    apply_event(child, e);
  }
  fold(child,
       looked_after_started(child, {kReferral + 7, "C1", "N1", placement("U5", "Ann and Bob Hale")}, kToday));
  return child;
}

TEST(Adoption, TheJourneyRunsInTheReturnsOrder) {
  Person child = looked_after_baby();
  const Date start = kReferral + 7;
  // No placement order or placement for adoption before the decision (551 to 554).
  EXPECT_EQ(field_of(care_changed(child, {start + 200, "E1", std::nullopt, ""}, kToday)), "legal_status");
  EXPECT_EQ(field_of(care_changed(child, {start + 200, "E1", placement("A5", "Ann and Bob Hale"), "PLACE"},
                                  kToday)),
            "legal_status");
  // No match without a decision; the decision only while looked after, not in the future.
  EXPECT_EQ(field_of(adoption_match_recorded(child, start + 100, {"MF", "married"}, kToday)), "on");
  EXPECT_EQ(field_of(adoption_decided(child, start - 1, "", "Jo", kToday)), "on");
  EXPECT_EQ(field_of(adoption_decided(child, kToday + 1, "", "Jo", kToday)), "on");
  fold(child, adoption_decided(child, start + 150, "Parents cannot care for her safely.", "Jo", kToday));
  ASSERT_NE(standing_adoption_decision(child), nullptr);
  EXPECT_EQ(standing_adoption_decision(child)->by, "Jo");
  // One decision stands at a time.
  EXPECT_EQ(field_of(adoption_decided(child, start + 160, "", "Jo", kToday)), "on");
  // The placement order before the decision is refused; after it, accepted.
  EXPECT_EQ(field_of(care_changed(child, {start + 140, "E1", std::nullopt, ""}, kToday)), "legal_status");
  fold(child, care_changed(child, {start + 200, "E1", std::nullopt, ""}, kToday));
  // The match: on or after the decision (333), adopters' words checked.
  EXPECT_EQ(field_of(adoption_match_recorded(child, start + 149, {"MF", "married"}, kToday)), "on");
  EXPECT_EQ(field_of(adoption_match_recorded(child, start + 250, {"XY", "married"}, kToday)), "adopters");
  EXPECT_EQ(field_of(adoption_match_recorded(child, start + 250, {"MF", "single"}, kToday)), "relationship");
  EXPECT_EQ(field_of(adoption_match_recorded(child, start + 250, {"F1", "married"}, kToday)), "relationship");
  // Care cannot end by adoption before the match, nor otherwise while the decision stands (557, 601).
  fold(child, care_changed(child, {start + 300, "", placement("A5", "Ann and Bob Hale"), "PLACE"}, kToday));
  EXPECT_EQ(field_of(looked_after_ended(child, start + 400, "E12", kToday)), "reason");
  EXPECT_EQ(field_of(looked_after_ended(child, start + 400, "E4A", kToday)), "reason");
  // The match is on or before the move to the adopters (331).
  EXPECT_EQ(field_of(adoption_match_recorded(child, start + 301, {"MF", "married"}, kToday)), "on");
  fold(child, adoption_match_recorded(child, start + 280, {"MF", "married"}, kToday));
  // The decision cannot cease before the move it led to.
  EXPECT_EQ(field_of(adoption_decision_ceased(child, start + 290, "RD4", kToday)), "on");
  fold(child, looked_after_ended(child, start + 400, "E12", kToday));

  const AdoptionDecision& decision = child.permanence.decisions.at(0);
  EXPECT_EQ(decision.matched_on, start + 280);
  EXPECT_EQ(decision.adopters.number(), 2);
  EXPECT_EQ(decision.adopters.legal_status(), "L11");
  const AdoptionSteps steps = adoption_steps(child, decision);
  EXPECT_EQ(steps.placement_order_on, start + 200);
  EXPECT_EQ(steps.fostering_for_adoption_on, start);  // fostered for adoption from the start
  EXPECT_EQ(steps.placed_on, start + 300);
  EXPECT_EQ(steps.adopted_on, start + 400);
  EXPECT_TRUE(steps.by_foster_carers);  // A5: FOSTER_CARE 1 (rule 335)
}

TEST(Adoption, ADecisionThatCeasesLetsCareEndAndANewOneFollow) {
  Person child = looked_after_baby();
  const Date start = kReferral + 7;
  fold(child, adoption_decided(child, start + 100, "", "Jo", kToday));
  EXPECT_EQ(field_of(adoption_decision_ceased(child, start + 99, "RD1", kToday)), "on");  // rule 522
  EXPECT_EQ(field_of(adoption_decision_ceased(child, start + 150, "RD9", kToday)), "reason");
  fold(child, adoption_decision_ceased(child, start + 150, "RD2", kToday));
  EXPECT_EQ(standing_adoption_decision(child), nullptr);
  EXPECT_EQ(child.permanence.decisions[0].ceased_reason, "RD2");
  // A new decision after the last ceased (579).
  EXPECT_EQ(field_of(adoption_decided(child, start + 149, "", "Jo", kToday)), "on");
  fold(child, adoption_decided(child, start + 200, "", "Jo", kToday));
  fold(child, adoption_decision_ceased(child, start + 250, "RD3", kToday));
  fold(child, looked_after_ended(child, start + 300, "E4A", kToday));
  EXPECT_EQ(child.permanence.decisions.size(), 2u);
  EXPECT_EQ(adoption_steps(child, child.permanence.decisions[1]).adopted_on, std::nullopt);
}

// A placement with prospective adopters that ends another way: the decision ceases while the
// child still lives with them (so that care can end, rule 557), but never before a step it led to;
// and a move to adopters is on or after the match (rule 331).
TEST(Adoption, TheDecisionCeasesAfterTheStepsItLedTo) {
  Person child = looked_after_baby();
  const Date start = kReferral + 7;
  fold(child, adoption_decided(child, start + 50, "", "Jo", kToday));
  fold(child, adoption_match_recorded(child, start + 90, {"F1", "single"}, kToday));
  EXPECT_EQ(field_of(care_changed(child, {start + 80, "", placement("A4", "Dee Cole"), "CARPL"}, kToday)),
            "on");  // before the match
  fold(child, care_changed(child, {start + 100, "", placement("A4", "Dee Cole"), "CARPL"}, kToday));
  EXPECT_EQ(field_of(adoption_decision_ceased(child, start + 95, "RD4", kToday)), "on");  // before the move
  EXPECT_EQ(field_of(looked_after_ended(child, start + 150, "E4B", kToday)), "reason");   // it stands
  fold(child, adoption_decision_ceased(child, start + 140, "RD4", kToday));               // consent withdrawn
  fold(child, looked_after_ended(child, start + 150, "E4B", kToday));
  EXPECT_EQ(child.periods_of_care[0].reason_ended(), "E4B");
}

// An adoption that breaks down: the child comes back into care, and the old decision does not
// stand in the new period of care.
TEST(Adoption, ADecisionStandsOnlyInItsPeriodOfCare) {
  Person child = looked_after_baby();
  const Date start = kReferral + 7;
  fold(child, adoption_decided(child, start + 100, "", "Jo", kToday));
  fold(child, care_changed(child, {start + 120, "E1", placement("A6", "Cole"), "CARPL"}, kToday));
  fold(child, adoption_match_recorded(child, start + 110, {"FF", "civil_partners"}, kToday));
  fold(child, looked_after_ended(child, start + 200, "E11", kToday));
  EXPECT_EQ(standing_adoption_decision(child), nullptr);
  fold(child, looked_after_started(child, {start + 400, "V2", "N1", placement("U6", "Ann Hale")}, kToday));
  EXPECT_EQ(standing_adoption_decision(child), nullptr);
  EXPECT_EQ(field_of(adoption_match_recorded(child, start + 410, {"FF", "married"}, kToday)), "on");
  fold(child, looked_after_ended(child, start + 450, "E4A", kToday));
  EXPECT_EQ(adoption_steps(child, child.permanence.decisions[0]).adopted_on, start + 200);
}

// NB_ADOPTR, SEX_ADOPTR and LS_ADOPTR always agree (rules 511, 514 to 524).
TEST(Adoption, AdoptersCodesFollowTheirWords) {
  EXPECT_EQ((Adopters{"F1", "single"}).legal_status(), "L0");
  EXPECT_EQ((Adopters{"M1", "single"}).number(), 1);
  EXPECT_EQ((Adopters{"MF", "married"}).legal_status(), "L11");
  EXPECT_EQ((Adopters{"FF", "civil_partners"}).legal_status(), "L12");
  EXPECT_EQ((Adopters{"MM", "unmarried"}).legal_status(), "L2");
  EXPECT_EQ((Adopters{"MF", "civil_partners"}).legal_status(), "L3");
  EXPECT_EQ((Adopters{"MM", "married"}).legal_status(), "L4");
  EXPECT_EQ((Adopters{"MM", "married"}).number(), 2);
  EXPECT_EQ((Adopters{"F1", "married"}).legal_status(), "");
  EXPECT_EQ((Adopters{"FF", "single"}).legal_status(), "");
  EXPECT_EQ((Adopters{"ZZ", "single"}).legal_status(), "");
}

TEST(Adoption, PreviousPermanenceNeedsTheCouncilAndDateUnlessNone) {
  Person child = looked_after_baby();
  child.details.date_of_birth = Date::from_ymd(2015, 6, 1);  // an older child, for an earlier order
  PreviousPermanence prev{1, "P2", "", {}};
  EXPECT_EQ(field_of(previous_permanence_recorded(child, prev, kToday)), "local_authority");
  prev.local_authority = "458";
  EXPECT_EQ(field_of(previous_permanence_recorded(child, prev, kToday)), "local_authority");  // rule 633
  prev.local_authority = " sco ";
  EXPECT_EQ(field_of(previous_permanence_recorded(child, prev, kToday)), "made");
  prev.made = {2025, 3, 0};  // March 2025: could be after care began on 10 March (rule 632)
  EXPECT_EQ(field_of(previous_permanence_recorded(child, prev, kToday)), "made");
  prev.made = {2014, 0, 0};  // before the child was born
  EXPECT_EQ(field_of(previous_permanence_recorded(child, prev, kToday)), "made");
  prev.made = {2019, 5, 0};
  fold(child, previous_permanence_recorded(child, prev, kToday));
  const PreviousPermanence* recorded = previous_permanence_of(child, 1);
  ASSERT_NE(recorded, nullptr);
  EXPECT_EQ(recorded->local_authority, "SCO");
  EXPECT_EQ(recorded->made.ssda903(), "ZZ/05/2019");
  EXPECT_EQ(recorded->made.text(), "May 2019");
  EXPECT_EQ(field_of(previous_permanence_recorded(child, {2, "Z1", "", {}}, kToday)), "period_id");
  EXPECT_EQ(field_of(previous_permanence_recorded(child, {1, "Z1", "926", {}}, kToday)), "local_authority");
  EXPECT_EQ(field_of(previous_permanence_recorded(child, {1, "P9", "", {}}, kToday)), "type");
  // A correction replaces what was recorded.
  fold(child, previous_permanence_recorded(child, {1, "Z1", "", {}}, kToday));
  ASSERT_EQ(child.permanence.previous.size(), 1u);
  EXPECT_EQ(child.permanence.previous[0].type, "Z1");
}

TEST(Adoption, PartialDatesReadAndWriteAsTheReturnWantsThem) {
  EXPECT_EQ((PartialDate{2019, 5, 7}).ssda903(), "07/05/2019");
  EXPECT_EQ((PartialDate{2019, 0, 0}).ssda903(), "ZZ/ZZ/2019");
  EXPECT_EQ((PartialDate{2019, 2, 0}).latest(), Date::from_ymd(2019, 2, 28));
  EXPECT_EQ((PartialDate{2019, 0, 0}).latest(), Date::from_ymd(2019, 12, 31));
  for (const char* text : {"2019-05-07", "2019-05", "2019", ""}) {
    const auto parsed = PartialDate::parse_iso(text);
    ASSERT_TRUE(parsed) << text;
    EXPECT_EQ(parsed->iso(), text);
  }
  for (const char* text : {"2019-13", "2019-02-30", "19x9", "2019-05-07-01", "2019--07"}) {
    EXPECT_FALSE(PartialDate::parse_iso(text)) << text;
  }
}

}  // namespace
}  // namespace safeguard
