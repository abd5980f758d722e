// Health and education of a child looked after: what the records fold into (in date order, whatever
// order they were typed in), the checks at entry (a day in care, SDQ scores and reasons by age,
// development checks under 5, convictions from 10, an intervention received was offered), school
// age and terms, the SDQ clock stopping at 17, and the SSDA903 OC2 outcomes of a year. The clocks'
// timings are the journey scenarios' (tests/scenarios/journey/health_*.txt, sdq_and_education_plans.txt).
#include "domain/health.h"

#include <gtest/gtest.h>

#include "domain/person.h"
#include "rules/child_deadlines.h"
#include "support/domain_events.h"

namespace safeguard {
namespace {

using testing::field_of;
using testing::fold;

// A child born on `born`, looked after from `from` (to `to` if given).
Person looked_after_child(Date born, Date from, std::optional<Date> to = std::nullopt) {
  Person p;
  p.details.date_of_birth = born;
  PeriodOfCare period;
  period.id = 1;
  period.start = from;
  CareEpisode e;
  e.start = from;
  e.reason_new = "S";
  e.legal_status = "C2";
  e.placement = {"U4", "PR1", "Hale", "NR2 1AA", "SC100300"};
  e.end = to;
  e.reason_ceased = to ? "E4A" : "";
  period.episodes.push_back(e);
  p.periods_of_care.push_back(period);
  return p;
}

const Date kStart = Date::from_ymd(2025, 3, 3);

TEST(Health, RecordsFoldInDateOrderAndCheckTheDayIsInCare) {
  Person child = looked_after_child(Date::from_ymd(2014, 5, 1), kStart);
  const Date today = Date::from_ymd(2026, 3, 31);
  HealthCheck check{0, "dental", kStart - 1, "", "Jo"};
  EXPECT_EQ(field_of(health_check_recorded(child, check, today)), "held_on");  // not yet in care
  check.held_on = today + 1;
  EXPECT_EQ(field_of(health_check_recorded(child, check, today)), "held_on");  // the future
  check.kind = "eyes";
  check.held_on = kStart + 30;
  EXPECT_EQ(field_of(health_check_recorded(child, check, today)), "kind");
  check.kind = "dental";
  fold(child, health_check_recorded(child, check, today));
  check.kind = "initial_assessment";
  check.held_on = kStart + 10;  // typed after the dental check, but earlier
  fold(child, health_check_recorded(child, check, today));
  ASSERT_EQ(child.health.checks.size(), 2u);
  EXPECT_EQ(child.health.checks[0].kind, "initial_assessment");
  EXPECT_EQ(child.health.checks[0].id, 2);
  EXPECT_EQ(child.health.checks[1].kind, "dental");
  check.held_on = kStart + 40;
  EXPECT_EQ(field_of(health_check_recorded(child, check, today)), "kind");  // one initial per period
  check.kind = "development";
  EXPECT_EQ(field_of(health_check_recorded(child, check, today)), "kind");  // the child is 10

  SubstanceMisuse misuse{0, kStart + 50, "Cannabis most days.", false, true, "Jo"};
  EXPECT_EQ(field_of(substance_misuse_recorded(child, misuse, today)), "intervention_offered");
  misuse.intervention_offered = true;
  misuse.notes = " ";
  EXPECT_EQ(field_of(substance_misuse_recorded(child, misuse, today)), "notes");
  misuse.notes = "Cannabis most days.";
  fold(child, substance_misuse_recorded(child, misuse, today));

  Conviction conviction{0, kStart + 60, "", "Jo"};
  EXPECT_EQ(field_of(conviction_recorded(child, conviction, today)), "offence");
  conviction.offence = "Criminal damage: a referral order.";
  fold(child, conviction_recorded(child, conviction, today));
  Person young = looked_after_child(Date::from_ymd(2017, 5, 1), kStart);
  EXPECT_EQ(field_of(conviction_recorded(young, conviction, today)), "convicted_on");  // 7: under 10

  EducationPlan plan{0, kStart + 20, "", "Targets", "Jo"};
  EXPECT_EQ(field_of(education_plan_recorded(child, plan, today)), "school");
  plan.school = "Hillside Academy";
  fold(child, education_plan_recorded(child, plan, today));
  Person toddler = looked_after_child(Date::from_ymd(2023, 5, 1), kStart);
  EXPECT_EQ(field_of(education_plan_recorded(toddler, plan, today)), "held_on");  // under 3

  fold(child, immunisations_recorded(child, {0, kStart + 70, true, "Jo"}, today));
  EXPECT_TRUE(child.health.immunisations.back().up_to_date);
  EXPECT_EQ(child.health.convictions.size(), 1u);
  EXPECT_EQ(child.health.education_plans[0].school, "Hillside Academy");
}

TEST(Health, SdqScoresAndReasonsFollowTheChildsAge) {
  Person child = looked_after_child(Date::from_ymd(2014, 5, 1), kStart);  // 10
  const Date today = Date::from_ymd(2026, 3, 31);
  SdqRecord sdq{0, kStart + 30, 41, "", "Jo"};
  EXPECT_EQ(field_of(sdq_recorded(child, sdq, today)), "score");  // rule 180: 0 to 40
  sdq.score = 12;
  sdq.reason = "SDQ2";
  EXPECT_EQ(field_of(sdq_recorded(child, sdq, today)), "reason");  // not both
  sdq.score.reset();
  sdq.reason = "SDQ9";
  EXPECT_EQ(field_of(sdq_recorded(child, sdq, today)), "score");
  sdq.reason = "SDQ1";
  EXPECT_EQ(field_of(sdq_recorded(child, sdq, today)), "reason");  // SDQ1 is for outside 4 to 16
  sdq.reason = "SDQ5";
  fold(child, sdq_recorded(child, sdq, today));
  EXPECT_FALSE(child.health.sdqs[0].score.has_value());
  EXPECT_EQ(child.health.sdqs[0].reason, "SDQ5");

  Person baby = looked_after_child(Date::from_ymd(2024, 5, 1), kStart);
  SdqRecord none{0, kStart + 30, 3, "", "Jo"};
  EXPECT_EQ(field_of(sdq_recorded(baby, none, today)), "score");
  none.score.reset();
  none.reason = "SDQ1";
  fold(baby, sdq_recorded(baby, none, today));
}

TEST(Health, SchoolAgeAndTermsFollowTheEnglishSchoolYear) {
  EXPECT_EQ(reception_starts(Date::from_ymd(2020, 8, 31)), Date::from_ymd(2024, 9, 1));
  EXPECT_EQ(reception_starts(Date::from_ymd(2020, 9, 1)), Date::from_ymd(2025, 9, 1));
  EXPECT_EQ(reception_starts(Date::from_ymd(2021, 1, 15)), Date::from_ymd(2025, 9, 1));
  EXPECT_EQ(year_eleven_ends(Date::from_ymd(2010, 6, 1)), Date::from_ymd(2026, 8, 31));
  EXPECT_EQ(end_of_next_term(Date::from_ymd(2026, 10, 5)), Date::from_ymd(2027, 3, 31));
  EXPECT_EQ(end_of_next_term(Date::from_ymd(2026, 2, 5)), Date::from_ymd(2026, 8, 31));
  EXPECT_EQ(end_of_next_term(Date::from_ymd(2026, 8, 20)), Date::from_ymd(2026, 12, 31));
  EXPECT_EQ(health_review_months(Date::from_ymd(2022, 1, 10), Date::from_ymd(2027, 1, 9)), 6);
  EXPECT_EQ(health_review_months(Date::from_ymd(2022, 1, 10), Date::from_ymd(2027, 1, 10)), 12);
}

TEST(Health, NoSdqIsDueFromTheSeventeenthBirthdayNorAPlanAfterYearEleven) {
  // 15 when care starts: the first SDQ is due within the year, before the 17th birthday; the next
  // would fall after it. Year 11 ends on 31 August 2026: after a summer-term PEP none is due.
  Person child = looked_after_child(Date::from_ymd(2010, 1, 10), Date::from_ymd(2025, 11, 3));
  const Date today = Date::from_ymd(2026, 6, 1);
  const auto still_to_meet = [&] {
    std::vector<std::string> out;
    for (const ChildDeadline& d : open_deadlines(child, today, WorkingDayCalendar(), CaseworkTimescales())) {
      if (d.kind == "sdq" || d.kind == "education_plan") out.push_back(d.kind + " " + d.status.due.iso());
    }
    return out;
  };
  EXPECT_EQ(still_to_meet(), (std::vector<std::string>{"education_plan 2025-12-01", "sdq 2026-11-03"}));
  fold(child, sdq_recorded(child, {0, today, 20, "", "Jo"}, today));
  fold(child,
       education_plan_recorded(child, {0, today, "Northgate High", "GCSE revision plan.", "Jo"}, today));
  EXPECT_TRUE(still_to_meet().empty());
}

TEST(Health, Oc2OutcomesAreForChildrenInCareTheWholeYear) {
  const Date year_end = Date::from_ymd(2026, 3, 31);
  EXPECT_FALSE(oc2_outcomes(looked_after_child(Date::from_ymd(2014, 5, 1), Date::from_ymd(2025, 4, 2)),
                            year_end));  // in care from 2 April: not the whole year
  // Leaving care on the year's last day still counts (the validator's reading); the day before not.
  EXPECT_TRUE(oc2_outcomes(
      looked_after_child(Date::from_ymd(2014, 5, 1), Date::from_ymd(2025, 4, 1), Date::from_ymd(2026, 3, 31)),
      year_end));
  EXPECT_FALSE(oc2_outcomes(
      looked_after_child(Date::from_ymd(2014, 5, 1), Date::from_ymd(2025, 4, 1), Date::from_ymd(2026, 3, 30)),
      year_end));
  Person respite = looked_after_child(Date::from_ymd(2014, 5, 1), Date::from_ymd(2025, 4, 1));
  respite.periods_of_care[0].episodes[0].legal_status = "V4";
  EXPECT_FALSE(oc2_outcomes(respite, year_end));  // short breaks are not in the outcomes return
  Person child = looked_after_child(Date::from_ymd(2014, 5, 1), Date::from_ymd(2025, 4, 1));
  const Date today = Date::from_ymd(2026, 4, 30);
  std::optional<Oc2Outcomes> o = oc2_outcomes(child, year_end);
  ASSERT_TRUE(o);
  EXPECT_TRUE(o->sdq_due);
  EXPECT_FALSE(o->sdq_score || o->health_assessment || o->teeth_check || o->immunisations);
  EXPECT_EQ(o->convicted, false);             // 11: convictions are returned from 10
  EXPECT_FALSE(o->intervention_received);     // blank with no substance misuse problem
  EXPECT_FALSE(o->health_check.has_value());  // 11: not under 5
  fold(child,
       health_check_recorded(child, {0, "initial_assessment", Date::from_ymd(2025, 4, 20), "", ""}, today));
  fold(child, health_check_recorded(child, {0, "dental", Date::from_ymd(2026, 4, 2), "", ""}, today));
  fold(child, sdq_recorded(child, {0, Date::from_ymd(2025, 6, 1), 17, "", ""}, today));
  fold(child, sdq_recorded(child, {0, Date::from_ymd(2026, 1, 5), std::nullopt, "SDQ5", ""}, today));
  fold(child, immunisations_recorded(child, {0, Date::from_ymd(2025, 5, 1), true, ""}, today));
  fold(child,
       substance_misuse_recorded(child, {0, Date::from_ymd(2025, 9, 1), "Alcohol", true, false, ""}, today));
  fold(child, conviction_recorded(child, {0, Date::from_ymd(2026, 4, 10), "Theft", ""}, today));
  o = oc2_outcomes(child, year_end);
  ASSERT_TRUE(o);
  EXPECT_TRUE(o->health_assessment);
  EXPECT_FALSE(o->teeth_check);  // after the year end
  EXPECT_EQ(o->sdq_score, 17);   // the latest score wins over a later reason
  EXPECT_TRUE(o->sdq_reason.empty());
  EXPECT_TRUE(o->immunisations);
  EXPECT_TRUE(o->substance_misuse);
  EXPECT_EQ(o->intervention_received, false);
  EXPECT_EQ(o->intervention_offered, true);  // returned because none was received
  EXPECT_EQ(o->convicted, false);            // after the year end

  Person baby = looked_after_child(Date::from_ymd(2024, 5, 1), Date::from_ymd(2025, 3, 1));
  fold(baby, health_check_recorded(baby, {0, "development", Date::from_ymd(2025, 11, 1), "", ""}, today));
  o = oc2_outcomes(baby, year_end);
  ASSERT_TRUE(o);
  EXPECT_EQ(o->health_check, true);
  EXPECT_FALSE(o->sdq_due);
  EXPECT_FALSE(o->convicted.has_value());  // under 10
}

}  // namespace
}  // namespace safeguard
