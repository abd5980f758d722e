// Care leavers: who qualifies (13 weeks in care from 14, some of it from 16; short breaks not
// counted; not once adopted), the category on a day, and the checks on pathway plans, the
// personal adviser and contacts (OC3 codes together: rules 344, 345, 3001). The clocks are the
// journey scenario's (tests/scenarios/journey/care_leavers.txt).
#include "domain/care_leaver.h"

#include <gtest/gtest.h>

#include "domain/person.h"
#include "support/domain_events.h"

namespace safeguard {
namespace {

using testing::field_of;
using testing::fold;

// Born 10 May 2009 (14 on 10 May 2023, 16 on 10 May 2025, 18 on 10 May 2027), looked after from
// `from` until `to` (ending with `rec`) under `legal_status`.
Person young_person(Date from, std::optional<Date> to, std::string rec = "E8",
                    std::string legal_status = "C2") {
  Person p;
  p.details.date_of_birth = Date::from_ymd(2009, 5, 10);
  PeriodOfCare period;
  period.id = 1;
  period.start = from;
  CareEpisode e;
  e.start = from;
  e.reason_new = "S";
  e.legal_status = std::move(legal_status);
  e.placement = {"U6", "PR1", "Hale", "NR2 1AA", "SC100300"};
  e.end = to;
  e.reason_ceased = to ? rec : "";
  period.episodes.push_back(e);
  p.periods_of_care.push_back(period);
  return p;
}

TEST(CareLeaver, QualifyingNeedsThirteenWeeksFromFourteenSomeFromSixteen) {
  const Date today = Date::from_ymd(2026, 6, 1);
  // In care from 1 March 2025 to 1 March 2026: the 91st day is 30 May 2025, after the 16th birthday.
  Person a = young_person(Date::from_ymd(2025, 3, 1), Date::from_ymd(2026, 3, 1));
  EXPECT_EQ(qualified_on(a, today), Date::from_ymd(2025, 5, 30));
  EXPECT_EQ(care_leaver_category(a, Date::from_ymd(2025, 5, 29)), "qualifying");  // looked after from 16
  EXPECT_EQ(care_leaver_category(a, Date::from_ymd(2025, 6, 1)), "eligible");
  EXPECT_EQ(care_leaver_category(a, today), "relevant");
  EXPECT_EQ(care_leaver_category(a, Date::from_ymd(2027, 5, 10)), "former_relevant");
  EXPECT_EQ(care_leaver_category(a, Date::from_ymd(2034, 5, 10)), "");  // 25
  // A year in care from 14 that ended before 16: not a care leaver.
  Person b = young_person(Date::from_ymd(2023, 6, 1), Date::from_ymd(2024, 6, 1));
  EXPECT_FALSE(qualified_on(b, today));
  EXPECT_EQ(care_leaver_category(b, today), "");
  // Ten weeks in care around the 16th birthday: qualifying only.
  Person c = young_person(Date::from_ymd(2025, 4, 1), Date::from_ymd(2025, 6, 10));
  EXPECT_FALSE(qualified_on(c, today));
  EXPECT_EQ(care_leaver_category(c, today), "qualifying");
  // Short breaks do not count; adoption ends it.
  EXPECT_FALSE(
      qualified_on(young_person(Date::from_ymd(2025, 3, 1), Date::from_ymd(2026, 3, 1), "E8", "V4"), today));
  EXPECT_FALSE(
      qualified_on(young_person(Date::from_ymd(2025, 3, 1), Date::from_ymd(2026, 3, 1), "E11"), today));
}

TEST(CareLeaver, PlansAdvisersAndContactsAreCheckedAtEntry) {
  const Date today = Date::from_ymd(2026, 6, 1);
  Person p = young_person(Date::from_ymd(2025, 3, 1), Date::from_ymd(2026, 3, 1));
  PathwayPlan plan{0, Date::from_ymd(2025, 1, 1), false, "College and a flat.", "Jo"};
  EXPECT_EQ(field_of(pathway_plan_recorded(p, plan, today)), "on");  // not yet a care leaver
  plan.on = Date::from_ymd(2025, 6, 10);
  plan.plan = " ";
  EXPECT_EQ(field_of(pathway_plan_recorded(p, plan, today)), "plan");
  plan.plan = "College and a flat.";
  fold(p, pathway_plan_recorded(p, plan, today));
  EXPECT_FALSE(p.leaving_care.plans[0].review);
  plan.on = Date::from_ymd(2025, 6, 1);
  EXPECT_EQ(field_of(pathway_plan_recorded(p, plan, today)), "on");  // a review before the plan
  plan.on = Date::from_ymd(2025, 12, 1);
  fold(p, pathway_plan_recorded(p, plan, today));
  EXPECT_TRUE(p.leaving_care.plans[1].review);

  EXPECT_EQ(field_of(personal_adviser_appointed(p, "", "", today)), "personal_adviser");
  fold(p, personal_adviser_appointed(p, "pat", "Pat Adviser", today));
  EXPECT_EQ(field_of(personal_adviser_appointed(p, "pat", "Pat Adviser", today)), "personal_adviser");
  EXPECT_EQ(p.leaving_care.advisers.back().name, "Pat Adviser");

  CareLeaverContact contact{0, Date::from_ymd(2026, 2, 1), "YES", "F2", "D1", "", "Jo"};
  EXPECT_EQ(field_of(care_leaver_contact_recorded(p, contact, today)), "on");  // still in care
  contact.on = Date::from_ymd(2026, 4, 1);
  contact.accommodation = "S1";  // not a valid code (rule 133)
  EXPECT_EQ(field_of(care_leaver_contact_recorded(p, contact, today)), "accommodation");
  contact.accommodation = "Z1";  // staying put is from 18 (rule 3001)
  EXPECT_EQ(field_of(care_leaver_contact_recorded(p, contact, today)), "accommodation");
  contact.accommodation = "0";  // in touch: known (rule 345)
  EXPECT_EQ(field_of(care_leaver_contact_recorded(p, contact, today)), "accommodation");
  contact.in_touch = "RHOM";  // returned home: no activity or accommodation (rule 344)
  EXPECT_EQ(field_of(care_leaver_contact_recorded(p, contact, today)), "activity");
  contact.activity = "";
  fold(p, care_leaver_contact_recorded(p, contact, today));
  EXPECT_EQ(p.leaving_care.contacts[0].activity, "0");
  contact.in_touch = "NO";
  contact.on = Date::from_ymd(2026, 5, 1);
  fold(p, care_leaver_contact_recorded(p, contact, today));
  EXPECT_EQ(latest_contact(p, today)->in_touch, "NO");
  EXPECT_EQ(latest_contact(p, Date::from_ymd(2026, 4, 15))->in_touch, "RHOM");
}

}  // namespace
}  // namespace safeguard
