// Children looked after: the invariants of a period of care as the SSDA903 return needs it. Episodes
// follow each other with no gap or overlap (each ends the day the next starts, with X1); the reason
// for each new episode is derived from what changed; codes are refused at ages the return refuses
// them; care cannot end before it started or after the 18th birthday; a review's participation code
// agrees with the child's age. The clocks are the journey scenarios' (tests/scenarios/journey/
// looked_after*.txt).
#include "domain/care.h"

#include <gtest/gtest.h>

#include "domain/contact.h"
#include "domain/person.h"
#include "support/domain_events.h"

namespace safeguard {
namespace {

using testing::field_of;
using testing::fold;

const Date kReferral = *Date::parse_iso("2026-03-02");  // a Monday

Person child_born(Date born) {
  Person child;
  child.details.date_of_birth = born;
  FrontDoorDecision d;
  d.outcome = "referral";
  d.primary_need = "N1";
  d.decided_at = london_time(kReferral, 11, 0);
  for (DomainEvent e : decision_on_record(child, 1, d, "5A", kReferral)) {
    e.version = ++child.version;
    apply_event(child, e);
  }
  return child;
}

Placement foster(const std::string& carer, const std::string& type = "U6") {
  return {type, "PR1", carer, "NR2 1AA", "SC123456"};
}

StartOfCare start(Date on, const std::string& legal_status = "C1",
                  Placement placement = foster("Ann and Bob Hale")) {
  return {on, legal_status, "N1", std::move(placement)};
}

ChangeOfCare change(Date on, const std::string& legal_status,
                    std::optional<Placement> placement = std::nullopt, const std::string& reason = "") {
  return {on, legal_status, std::move(placement), reason};
}

TEST(Care, EpisodesFollowEachOtherWithDerivedReasons) {
  Person child = child_born(Date::from_ymd(2016, 5, 10));
  const Date day = kReferral + 3;
  fold(child, looked_after_started(child, start(day, "V2"), day + 200));
  // An interim care order: legal status only (L).
  fold(child, care_changed(child, change(day + 20, "C1"), day + 200));
  // Same carers become long-term foster carers: placement, same carers (T), reason PLACE.
  fold(child,
       care_changed(child, change(day + 60, "", foster("ann and bob  hale", "U4"), "PLACE"), day + 200));
  // A full care order and a move to new carers at once (B).
  fold(child, care_changed(child, change(day + 90, "C2", foster("Cara Ngo", "U4"), "CREQB"), day + 200));
  // A move to new carers only (P).
  fold(child, care_changed(child, change(day + 120, "", foster("Dev Shah"), "CARPL"), day + 200));
  fold(child, looked_after_ended(child, day + 150, "E4A", day + 200));

  ASSERT_EQ(child.periods_of_care.size(), 1u);
  const PeriodOfCare& p = child.periods_of_care[0];
  ASSERT_EQ(p.episodes.size(), 5u);
  std::string rne;
  for (const CareEpisode& e : p.episodes) rne += e.reason_new;
  EXPECT_EQ(rne, "SLTBP");
  for (size_t i = 0; i + 1 < p.episodes.size(); ++i) {
    SCOPED_TRACE(i);
    ASSERT_TRUE(p.episodes[i].end.has_value());
    EXPECT_EQ(*p.episodes[i].end, p.episodes[i + 1].start);  // no gap, no overlap (rule 433)
    EXPECT_EQ(p.episodes[i].reason_ceased, "X1");
  }
  EXPECT_EQ(p.episodes[0].reason_place_change, "");  // the placement did not change after it
  EXPECT_EQ(p.episodes[1].reason_place_change, "PLACE");
  EXPECT_EQ(p.episodes[2].reason_place_change, "CREQB");
  EXPECT_EQ(p.episodes[4].reason_ceased, "E4A");
  EXPECT_EQ(*p.end(), day + 150);
  EXPECT_FALSE(p.is_open());
  EXPECT_EQ(p.episodes[3].legal_status, "C2");
  EXPECT_EQ(p.episodes[4].legal_status, "C2");  // carried forward
  EXPECT_EQ(p.episodes[4].category_of_need, "N1");
  EXPECT_TRUE(looked_after_on(child, day + 150));
  EXPECT_FALSE(looked_after_on(child, day + 151));
  EXPECT_FALSE(looked_after_on(child, day - 1));
  EXPECT_EQ(p.episode_on(day + 60)->reason_new, "T");
  EXPECT_EQ(p.episode_on(day + 59)->reason_new, "L");
  // The child moved carers at the start, at B and at P; L and T did not move them.
  EXPECT_EQ(p.placement_start(), day + 120);
}

TEST(Care, ReasonForNewEpisodeComesFromWhatChanged) {
  CareEpisode before;
  before.legal_status = "C2";
  before.placement = foster("Ann Hale");
  EXPECT_EQ(reason_for_new_episode(before, "C2", foster("Ann Hale")), "");
  EXPECT_EQ(reason_for_new_episode(before, "E1", foster("Ann Hale")), "L");
  EXPECT_EQ(reason_for_new_episode(before, "C2", foster("Ann Hale", "U4")), "T");
  EXPECT_EQ(reason_for_new_episode(before, "C2", foster("Bea Cole")), "P");
  EXPECT_EQ(reason_for_new_episode(before, "E1", foster("Ann Hale", "A5")), "U");
  EXPECT_EQ(reason_for_new_episode(before, "E1", foster("Bea Cole", "A6")), "B");
  Placement moved = foster("Ann Hale");
  moved.postcode = "NR3 2AB";  // the same carers at a new address is still the same carers
  EXPECT_EQ(reason_for_new_episode(before, "C2", moved), "T");
}

TEST(Care, ACareEpisodeRefusesWhatWouldBreakTheSequence) {
  Person child = child_born(Date::from_ymd(2012, 1, 20));
  const Date day = kReferral + 1;
  const Date today = day + 100;
  // Nothing to change or end before care starts.
  EXPECT_EQ(field_of(care_changed(child, change(day, "C2"), today)), "on");
  EXPECT_EQ(field_of(looked_after_ended(child, day, "E4A", today)), "on");
  // Not before the referral, not in the future.
  EXPECT_EQ(field_of(looked_after_started(child, start(kReferral - 1), today)), "on");
  EXPECT_EQ(field_of(looked_after_started(child, start(today + 1), today)), "on");
  fold(child, looked_after_started(child, start(day), today));
  // One period at a time.
  EXPECT_EQ(field_of(looked_after_started(child, start(day + 5), today)), "on");
  // A change on or before the current episode's start; a change that changes nothing.
  EXPECT_EQ(field_of(care_changed(child, change(day, "C2"), today)), "on");
  EXPECT_EQ(field_of(care_changed(child, change(day + 5, "C1"), today)), "legal_status");
  EXPECT_EQ(field_of(care_changed(child, change(day + 5, "", foster("Ann and Bob Hale")), today)),
            "legal_status");
  // A move needs the reason the old placement ended; a legal status change alone takes none.
  EXPECT_EQ(field_of(care_changed(child, change(day + 5, "", foster("New Carer")), today)),
            "reason_place_change");
  EXPECT_EQ(field_of(care_changed(child, change(day + 5, "C2", std::nullopt, "CARPL"), today)),
            "reason_place_change");
  // A temporary placement's end needs no reason.
  fold(child,
       care_changed(child,
                    change(day + 5, "", Placement{"T1", "", "Norfolk and Norwich Hospital", "NR4 7UY", ""}),
                    today));
  fold(child, care_changed(child, change(day + 8, "", foster("Ann and Bob Hale")), today));
  EXPECT_EQ(child.periods_of_care[0].episodes[2].reason_new, "P");
  // Care ends on or after the current episode started, with a reason other than X1.
  EXPECT_EQ(field_of(looked_after_ended(child, day + 7, "E4A", today)), "on");
  EXPECT_EQ(field_of(looked_after_ended(child, day + 20, "X1", today)), "reason");
  // Adoption only from an adoption placement.
  EXPECT_EQ(field_of(looked_after_ended(child, day + 20, "E11", today)), "reason");
  fold(child, looked_after_ended(child, day + 20, "E4B", today));
  // A new period starts after the last one ended.
  EXPECT_EQ(field_of(looked_after_started(child, start(day + 20), today)), "on");
  fold(child, looked_after_started(child, start(day + 21), today));
  EXPECT_EQ(child.periods_of_care.size(), 2u);
  EXPECT_EQ(child.periods_of_care[1].episodes[0].reason_new, "S");
}

TEST(Care, CodesAreRefusedAtAgesTheReturnRefusesThem) {
  const Date day = kReferral + 1;
  Person nine = child_born(add_years(day, -10) + 1);                                       // 9 on `day`
  EXPECT_EQ(field_of(looked_after_started(nine, start(day, "J1"), day)), "legal_status");  // rule 358
  Person ten = child_born(add_years(day, -10));
  EXPECT_TRUE(looked_after_started(ten, start(day, "J1"), day).ok());
  Placement supported{"K3", "PR4", "Riverside Supported Living", "NR1 1AA", "2600001"};
  Person fifteen = child_born(add_years(day, -16) + 1);
  EXPECT_EQ(field_of(looked_after_started(fifteen, start(day, "V2", supported), day)),
            "placement.type");  // 371
  Person sixteen = child_born(add_years(day, -16));
  EXPECT_TRUE(looked_after_started(sixteen, start(day, "V2", supported), day).ok());
  Person eighteen = child_born(add_years(day, -18));
  EXPECT_EQ(field_of(looked_after_started(eighteen, start(day), day)), "on");
  Person unborn;
  unborn.details.expected_date_of_birth = day + 30;
  EXPECT_EQ(field_of(looked_after_started(unborn, start(day), day)), "on");
}

TEST(Care, PlacementsNeedTheProviderAndOrderTheyAreReturnedWith) {
  const Date day = kReferral + 1;
  Person child = child_born(Date::from_ymd(2020, 6, 1));
  auto with = [&](Placement p, const std::string& ls = "C2") {
    return field_of(looked_after_started(child, start(day, ls, std::move(p)), day));
  };
  EXPECT_EQ(with({"U6", "", "Ann Hale", "NR2 1AA", ""}), "placement.provider");
  EXPECT_EQ(with({"T1", "PR3", "Hospital", "NR4 7UY", ""}), "placement.provider");  // rule 178
  EXPECT_EQ(with({"Z12", "PR4", "Somewhere", "NR4 7UY", ""}), "placement.provider");
  EXPECT_EQ(with({"P1", "PR1", "Mother", "NR4 7UY", ""}), "placement.provider");
  EXPECT_EQ(with({"U6", "PR0", "Ann Hale", "NR2 1AA", ""}), "placement.provider");
  EXPECT_EQ(with({"A5", "PR1", "Adopters", "NR2 1AA", "SC100200"}), "placement.type");  // needs E1 (rule 408)
  EXPECT_EQ(with({"A5", "PR1", "Adopters", "NR2 1AA", "SC100200"}, "D1"), "placement.type");
  // Care cannot begin under a placement order: the decision to place for adoption comes first.
  EXPECT_EQ(with({"A5", "PR1", "Adopters", "NR2 1AA", "SC100200"}, "E1"), "legal_status");
  EXPECT_EQ(with({"A5", "PR3", "Adopters", "NR2 1AA", "SC100200"}, "E1"), "placement.provider");  // rule 529
  EXPECT_EQ(with({"R2", "PR1", "Ward 3", "NR4 7UY", ""}), "placement.provider");                  // rule 527
  EXPECT_EQ(with({"R2", "PR3", "Ward 3", "NR4 7UY", ""}), "(accepted)");
  EXPECT_EQ(with({"T4", "", "Respite", "NR4 7UY", ""}), "placement.type");     // care does not start in T0-T4
  EXPECT_EQ(with({"U6", "PR1", "Ann Hale", "NR2 1AA", ""}), "placement.urn");  // rule 218
  EXPECT_EQ(with({"U6", "PR1", "Ann Hale", "EH1 1AA", ""}), "(accepted)");     // Scotland: no Ofsted URN
  EXPECT_EQ(with({"R2", "PR3", "Ward 3", "NR4 7UY", "SC100200"}), "placement.urn");  // rule 222
  EXPECT_EQ(with({"S1", "PR4", "Oak School", "NR4 7UY", "SC100200"}), "(accepted)");
  EXPECT_EQ(with({"P1", "PR0", "Mother", "NR4 7UY", ""}, "V2"), "placement.type");  // rule 378
  EXPECT_EQ(with({"XX", "PR1", "Ann Hale", "NR2 1AA", ""}), "placement.type");
  EXPECT_EQ(with({"U6", "PR1", " ", "NR2 1AA", ""}), "placement.carer");
  EXPECT_EQ(with({"U6", "PR1", "Ann Hale", "", ""}), "placement.postcode");
  EXPECT_EQ(with({"U6", "PR1", "Ann Hale", "NOT A CODE", ""}), "placement.postcode");
  EXPECT_EQ(with({"U6", "PR1", "Ann Hale", "NR2 1AA", "12"}), "placement.urn");
  EXPECT_EQ(with({"u6", "pr1", "Ann Hale", "nr21aa", "sc123456"}), "(accepted)");  // tidied
  EXPECT_EQ(with({"U6", "PR1", "Ann Hale", "NR2 1AA", ""}, "Q9"), "legal_status");
  // A new legal status must suit the placement the child stays in.
  fold(child, looked_after_started(child, start(day, "C2", foster("Adopters")), day + 40));
  fold(child, adoption_decided(child, day + 5, "", "Jo Bloggs", day + 40));
  fold(child,
       care_changed(
           child, change(day + 10, "E1", Placement{"A5", "PR1", "Adopters", "NR2 1AA", "SC100200"}, "PLACE"),
           day + 40));
  EXPECT_EQ(field_of(care_changed(child, change(day + 20, "C2"), day + 40)), "placement.type");
}

TEST(Care, AdoptionAndEndingsFollowTheReturnsRules) {
  const Date day = kReferral + 1;
  Person child = child_born(Date::from_ymd(2022, 2, 2));
  fold(child, looked_after_started(child, start(day, "C2"), day + 400));
  fold(child, adoption_decided(child, day + 60, "", "Jo Bloggs", day + 400));
  // Placed for adoption with the current foster carers (A3, A5) keeps the carers (rule 217).
  EXPECT_EQ(field_of(care_changed(child, change(day + 100, "E1", foster("New Adopters", "A5"), "CARPL"),
                                  day + 400)),
            "placement.carer");
  // Under 10: no custody reason (rule 234); under 14: no independent living (rule 387).
  EXPECT_EQ(field_of(care_changed(child, change(day + 100, "", foster("Other Carer"), "CUSTOD"), day + 400)),
            "reason_place_change");
  EXPECT_EQ(field_of(looked_after_ended(child, day + 100, "E5", day + 400)), "reason");
  fold(child,
       care_changed(child, change(day + 100, "E1", foster("ann and bob hale", "A5"), "PLACE"), day + 400));
  EXPECT_EQ(child.periods_of_care[0].current().reason_new, "U");
  fold(child, adoption_match_recorded(child, day + 90, {"MF", "married"}, day + 400));
  fold(child, looked_after_ended(child, day + 300, "E11", day + 400));
  EXPECT_EQ(child.periods_of_care[0].reason_ended(), "E11");
}

TEST(Care, CareEndsByTheEighteenthBirthday) {
  const Date day = kReferral + 1;
  Person child = child_born(add_years(day, -17));
  fold(child, looked_after_started(child, start(day, "V2"), day + 400));
  const Date eighteenth = add_years(day, 1);
  EXPECT_EQ(field_of(care_changed(child, change(eighteenth, "C2"), day + 400)), "on");
  EXPECT_EQ(field_of(looked_after_ended(child, eighteenth + 1, "E5", day + 400)), "on");
  EXPECT_EQ(field_of(looked_after_ended(child, eighteenth - 1, "E17", day + 400)), "reason");
  fold(child, looked_after_ended(child, eighteenth, "E17", day + 400));
  EXPECT_FALSE(current_period(child));
}

TEST(Care, ReviewsAgreeWithTheChildsAgeAndPeriod) {
  const Date day = kReferral + 1;
  Person baby = child_born(day - 200);
  fold(baby, looked_after_started(baby, start(day), day + 60));
  LookedAfterReviewInput review{day + 19, "PN1", "adoption", "Plan for adoption; sibling contact monthly."};
  EXPECT_EQ(field_of(looked_after_review_recorded(baby, 1, review, "Iris Reviewing", day + 60)),
            "participation");
  review.participation = "PN0";
  EXPECT_FALSE(
      looked_after_review_recorded(baby, 2, review, "Iris Reviewing", day + 60).ok());  // no period 2
  review.held_on = day - 1;
  EXPECT_EQ(field_of(looked_after_review_recorded(baby, 1, review, "Iris Reviewing", day + 60)), "held_on");
  review.held_on = day + 19;
  review.decisions = " ";
  EXPECT_EQ(field_of(looked_after_review_recorded(baby, 1, review, "Iris Reviewing", day + 60)), "decisions");
  review.decisions = "Plan for adoption.";
  fold(baby, looked_after_review_recorded(baby, 1, review, "Iris Reviewing", day + 60));
  EXPECT_EQ(field_of(looked_after_review_recorded(baby, 1, review, "Iris Reviewing", day + 60)), "held_on");
  ASSERT_EQ(baby.periods_of_care[0].reviews.size(), 1u);
  EXPECT_EQ(baby.periods_of_care[0].reviews[0].permanence_plan, "adoption");
  EXPECT_EQ(baby.periods_of_care[0].reviews[0].chair, "Iris Reviewing");

  Person older = child_born(add_years(day, -4));
  fold(older, looked_after_started(older, start(day), day + 60));
  review.participation = "PN0";
  EXPECT_EQ(field_of(looked_after_review_recorded(older, 1, review, "Iris Reviewing", day + 60)),
            "participation");
}

TEST(Care, TheEpisodeCannotCloseWhileTheChildIsLookedAfter) {
  const Date day = kReferral + 1;
  Person child = child_born(Date::from_ymd(2015, 3, 3));
  fold(child, looked_after_started(child, start(day), day + 60));
  const auto blockers = closure_blockers(child, child.episodes[0]);
  ASSERT_EQ(blockers.size(), 1u);
  EXPECT_NE(blockers[0].find("looked after"), std::string::npos);
  fold(child, looked_after_ended(child, day + 30, "E4A", day + 60));
  EXPECT_TRUE(closure_blockers(child, child.episodes[0]).empty());
}

TEST(Care, AStoredEventOfTheWrongShapeIsMalformed) {
  Person child = child_born(Date::from_ymd(2015, 3, 3));
  DomainEvent e;
  e.type = "CareChanged";
  e.data = nlohmann::json{{"period_id", 1}, {"on", "2026-04-01"}};
  EXPECT_THROW(apply_event(child, e), MalformedEvent);
  e.type = "LookedAfterStarted";
  e.data = nlohmann::json{{"period_id", 1},       {"episode_id", 1},          {"on", "2026-04-01"},
                          {"legal_status", "C1"}, {"category_of_need", "N1"}, {"placement", 7},
                          {"home_postcode", ""}};
  EXPECT_THROW(apply_event(child, e), MalformedEvent);
}

}  // namespace
}  // namespace safeguard
