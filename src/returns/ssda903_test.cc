// The SSDA903 tables from a record: who is in each, episodes and missing episodes that run past the
// year's end left open, Header MOTHER only for children looked after in the year, a care leaver in
// OC3 with the contact nearest the birthday, AD1 and PlacedAdoption for an adoption, UASC with its
// DUC, SW_ID from the worker's registration, UN codes for a missing UPN, and byte-identical CSV.
#include "returns/ssda903.h"

#include <gtest/gtest.h>

#include "domain/adoption.h"
#include "domain/asylum.h"
#include "domain/child_journey.h"

namespace safeguard {
namespace {

Date d(const char* iso) { return *Date::parse_iso(iso); }

CareEpisode episode(const char* start, const char* rne, const char* ls, const char* type, const char* end,
                    const char* rec, const char* reason_place_change = "") {
  CareEpisode e;
  e.start = d(start);
  e.reason_new = rne;
  e.legal_status = ls;
  e.category_of_need = "N1";
  e.placement = {type, "PR1", "Ann Hale", "NR1 1AA", "SC100200"};
  if (end[0]) e.end = d(end);
  e.reason_ceased = rec;
  e.reason_place_change = reason_place_change;
  return e;
}

const ReturnTable& named(const std::vector<ReturnTable>& tables, const std::string& name) {
  for (const ReturnTable& t : tables) {
    if (t.name == name) return t;
  }
  throw std::runtime_error("no table " + name);
}

using Rows = std::vector<std::vector<std::string>>;

class Ssda903Test : public ::testing::Test {
 protected:
  Ssda903Test() {
    // A girl in care across the year's start, a mother since January.
    Ssda903Child girl;
    Person& p = girl.person;
    p.id = 7;
    p.details.sex = "F";
    p.details.date_of_birth = d("2010-05-01");
    p.details.ethnicity = "WBRI";
    p.identifiers.push_back({"upn", "A926000000011"});
    PeriodOfCare before;  // ended long before the year
    before.id = 1;
    before.start = d("2023-01-01");
    before.home_postcode = "NR2 2BB";
    before.episodes = {episode("2023-01-01", "S", "V2", "U6", "2024-01-01", "E4A")};
    PeriodOfCare now;
    now.id = 2;
    now.start = d("2025-01-10");
    now.home_postcode = "NR2 2BB";
    now.episodes = {episode("2025-01-10", "S", "C1", "U6", "2025-06-01", "X1"),
                    episode("2025-06-01", "L", "C2", "U6", "2026-05-01", "X1", "CHILD")};
    now.reviews = {{1, d("2025-02-01"), "PN1", "", "", ""}, {2, d("2025-07-01"), "PN2", "", "", ""}};
    p.periods_of_care = {before, now};
    p.missing = {{1, "M", d("2024-06-01"), d("2024-06-02"), "", std::nullopt},
                 {2, "A", d("2025-03-30"), d("2025-04-02"), "", std::nullopt},
                 {3, "M", d("2026-03-30"), std::nullopt, "", std::nullopt}};
    girl.mother = true;
    girl.first_child_born = d("2026-01-02");
    children_.push_back(girl);

    // A care leaver whose care ended before the year, 18 in it, contacted twice around then.
    Ssda903Child leaver;
    Person& l = leaver.person;
    l.id = 3;
    l.details.sex = "F";
    l.details.date_of_birth = d("2007-06-15");
    l.details.ethnicity = "BAFR";
    PeriodOfCare care;
    care.id = 1;
    care.start = d("2022-01-01");
    care.home_postcode = "NR3 3CC";
    care.episodes = {episode("2022-01-01", "S", "C2", "U6", "2025-01-01", "E8")};
    l.periods_of_care = {care};
    l.leaving_care.contacts = {{1, d("2025-03-01"), "YES", "G5", "D1", "", ""},
                               {2, d("2025-06-20"), "YES", "F2", "U1", "", ""}};
    children_.push_back(leaver);
  }
  std::vector<Ssda903Child> children_;
};

TEST_F(Ssda903Test, EachTableHasTheReturnsColumnsAndItsChildren) {
  const auto tables = ssda903_tables(children_, CollectionYear{2026}, {});
  std::vector<std::string> names;
  for (const ReturnTable& t : tables) names.push_back(t.name);
  EXPECT_EQ(names, (std::vector<std::string>{"Header", "Episodes", "Reviews", "UASC", "OC2", "OC3", "AD1",
                                             "PlacedAdoption", "PrevPerm", "Missing", "SWEpisodes"}));
  // Children in id order; MOTHER only for the child looked after in the year.
  EXPECT_EQ(named(tables, "Header").rows,
            (Rows{{"3", "F", "15/06/2007", "BAFR", "UN2", "", ""},
                  {"7", "F", "01/05/2010", "WBRI", "A926000000011", "1", "02/01/2026"}}));
  // The period before the year is not returned; the episode open at 31 March has no end.
  EXPECT_EQ(named(tables, "Episodes").rows, (Rows{{"7", "10/01/2025", "S", "C1", "N1", "U6", "PR1",
                                                   "01/06/2025", "X1", "", "NR2 2BB", "NR1 1AA", "SC100200"},
                                                  {"7", "01/06/2025", "L", "C2", "N1", "U6", "PR1", "", "",
                                                   "", "NR2 2BB", "NR1 1AA", "SC100200"}}));
  EXPECT_EQ(named(tables, "Reviews").rows, (Rows{{"7", "01/05/2010", "01/07/2025", "PN2"}}));
  // Missing episodes open at some time in the year while looked after; one still open at 31 March
  // has no end.
  EXPECT_EQ(named(tables, "Missing").rows, (Rows{{"7", "01/05/2010", "A", "30/03/2025", "02/04/2025"},
                                                 {"7", "01/05/2010", "M", "30/03/2026", ""}}));
  // The care leaver's 18th birthday: the contact nearest it.
  EXPECT_EQ(named(tables, "OC3").rows, (Rows{{"3", "15/06/2007", "YES", "F2", "U1"}}));
  // Care began before the year: no previous permanence to return.
  EXPECT_TRUE(named(tables, "PrevPerm").rows.empty());
  EXPECT_TRUE(named(tables, "AD1").rows.empty());
}

TEST_F(Ssda903Test, TheSameRecordGivesTheSameBytes) {
  auto reversed = children_;
  std::reverse(reversed.begin(), reversed.end());
  const auto a = ssda903_tables(children_, CollectionYear{2026}, {});
  const auto b = ssda903_tables(reversed, CollectionYear{2026}, {});
  ASSERT_EQ(a.size(), b.size());
  for (size_t i = 0; i < a.size(); ++i) EXPECT_EQ(to_csv(a[i]), to_csv(b[i])) << a[i].name;
  EXPECT_EQ(to_csv(named(a, "Reviews")), "CHILD,DOB,REVIEW,REVIEW_CODE\n7,01/05/2010,01/07/2025,PN2\n");
  ReturnTable quoted{"T", {"A", "B"}, {{"x,y", "say \"hi\""}}};
  EXPECT_EQ(to_csv(quoted), "A,B\n\"x,y\",\"say \"\"hi\"\"\"\n");
}

TEST_F(Ssda903Test, ThePreviousYearIsItsOwnReturn) {
  const auto tables = ssda903_tables(children_, CollectionYear{2025}, {});
  // In the year to 31 March 2025 the care leaver was still looked after until January, 17 in it;
  // the girl's first episode of her new period runs past that year's end.
  EXPECT_EQ(named(tables, "Episodes").rows, (Rows{{"3", "01/01/2022", "S", "C2", "N1", "U6", "PR1",
                                                   "01/01/2025", "E8", "", "NR3 3CC", "NR1 1AA", "SC100200"},
                                                  {"7", "10/01/2025", "S", "C1", "N1", "U6", "PR1", "", "",
                                                   "", "NR2 2BB", "NR1 1AA", "SC100200"}}));
  // The girl's new period began in that year: a previous permanence row, blank as none is recorded.
  EXPECT_EQ(named(tables, "PrevPerm").rows, (Rows{{"7", "01/05/2010", "", "", ""}}));
}

// A boy adopted in the year by his new family (A6, so not by his foster carers), and an
// unaccompanied asylum seeker who arrived in it with his social worker: AD1 and PlacedAdoption,
// UASC with DUC the 18th birthday to come, PrevPerm for the period begun in the year, and SW_ID
// from the worker's registration.
TEST_F(Ssda903Test, AdoptionAsylumAndSocialWorkers) {
  Ssda903Child adopted;
  Person& a = adopted.person;
  a.id = 9;
  a.details.sex = "M";
  a.details.date_of_birth = d("2021-03-01");
  a.details.ethnicity = "WBRI";
  PeriodOfCare care;
  care.id = 1;
  care.start = d("2023-02-01");
  care.home_postcode = "NR4 4DD";
  care.episodes = {episode("2023-02-01", "S", "C1", "U6", "2024-03-01", "X1"),
                   episode("2024-03-01", "L", "E1", "U6", "2025-05-01", "X1", "CARPL"),
                   episode("2025-05-01", "P", "E1", "A6", "2025-11-01", "E12")};
  a.periods_of_care = {care};
  AdoptionDecision decision;
  decision.id = 1;
  decision.period_id = 1;
  decision.decided_on = d("2024-01-15");
  decision.matched_on = d("2025-04-20");
  decision.adopters = {"MF", "married"};
  a.permanence.decisions = {decision};
  children_.push_back(adopted);

  Ssda903Child arrived;
  Person& u = arrived.person;
  u.id = 11;
  u.details.sex = "M";
  u.details.date_of_birth = d("2008-09-06");
  u.details.ethnicity = "AOTH";
  PeriodOfCare accommodated;
  accommodated.id = 1;
  accommodated.start = d("2025-09-10");
  accommodated.home_postcode = "NR30 1AA";
  accommodated.episodes = {episode("2025-09-10", "S", "V2", "K3", "", "")};
  u.periods_of_care = {accommodated};
  u.uasc = UascStatus{d("2025-09-10"), std::nullopt};
  Allocation worker;
  worker.id = 1;
  worker.worker = "sam";
  worker.from = d("2025-09-10");
  worker.reason = "FCONTA";
  u.allocations = {worker};
  children_.push_back(arrived);

  const auto tables = ssda903_tables(children_, CollectionYear{2026}, {{"sam", "SW123456"}});
  EXPECT_EQ(named(tables, "AD1").rows,
            (Rows{{"9", "01/03/2021", "15/01/2024", "20/04/2025", "0", "2", "MF", "L11"}}));
  EXPECT_EQ(named(tables, "PlacedAdoption").rows, (Rows{{"9", "01/03/2021", "15/01/2024", "", ""}}));
  EXPECT_EQ(named(tables, "UASC").rows, (Rows{{"11", "M", "06/09/2008", "06/09/2026"}}));
  EXPECT_EQ(named(tables, "PrevPerm").rows, (Rows{{"11", "06/09/2008", "", "", ""}}));
  EXPECT_EQ(named(tables, "SWEpisodes").rows,
            (Rows{{"11", "06/09/2008", "SW123456", "10/09/2025", "", "FCONTA"}}));
  // The adopted boy has no UPN and was under 4 on 31 August 2024: UN1. The asylum seeker: UN2.
  const Rows& header = named(tables, "Header").rows;
  ASSERT_EQ(header.size(), 4u);
  EXPECT_EQ(header[2][4], "UN1");
  EXPECT_EQ(header[3][4], "UN2");
  EXPECT_EQ(header[2][5], "");  // MOTHER is for girls
}

// A child looked after the whole year, born `born`, in care since `since`.
Ssda903Child in_care_all_year(int64_t id, const char* born, const char* since = "2023-01-01") {
  Ssda903Child c;
  Person& p = c.person;
  p.id = id;
  p.details.sex = "M";
  p.details.date_of_birth = d(born);
  p.details.ethnicity = "WBRI";
  PeriodOfCare care;
  care.id = 1;
  care.start = d(since);
  care.home_postcode = "NR5 5EE";
  care.episodes = {episode(since, "S", "C2", "U4", "", "")};
  p.periods_of_care = {care};
  return c;
}

// A care leaver with no contact around the birthday: the council was not in touch, and activity
// and accommodation are "0" (131, 132, 133 flag blanks).
TEST_F(Ssda903Test, ACareLeaverNotContactedAroundTheBirthdayIsNotInTouch) {
  children_[1].person.leaving_care.contacts.clear();
  const auto tables = ssda903_tables(children_, CollectionYear{2026}, {});
  EXPECT_EQ(named(tables, "OC3").rows, (Rows{{"3", "15/06/2007", "NO", "0", "0"}}));
}

// A young person whose care ended on their 18th birthday spent it in care, as the DfE counts it:
// no care leaver information for it (1016).
TEST_F(Ssda903Test, CareThatEndsOnTheBirthdayIsCareOnIt) {
  children_[1].person.periods_of_care[0].episodes[0].end = d("2025-06-15");
  const auto tables = ssda903_tables(children_, CollectionYear{2026}, {});
  EXPECT_TRUE(named(tables, "OC3").rows.empty());
  EXPECT_EQ(named(tables, "Header").rows.size(), 2u);  // looked after in the year
}

// SWEpisodes are for children looked after on 31 March, with every worker of the year, in care
// or not (SW12); a child who left care in the year has none (SW17 wants an episode open at 31
// March for each child in the table).
TEST_F(Ssda903Test, SocialWorkersOfChildrenLookedAfterOn31March) {
  Ssda903Child left = in_care_all_year(12, "2012-01-01");
  left.person.periods_of_care[0].episodes[0].end = d("2025-09-01");
  left.person.periods_of_care[0].episodes[0].reason_ceased = "E4A";
  left.person.allocations = {{1, "sam", "Sam", 1, "Team", d("2024-12-01"), d("2025-10-15"), "FCONTA"}};
  children_[0].person.allocations = {{1, "ann", "Ann", 1, "Team", d("2024-12-01"), d("2025-05-31"), "FCONTA"},
                                     {2, "sam", "Sam", 1, "Team", d("2025-06-01"), std::nullopt, "LEFTRL"}};
  children_.push_back(left);
  const auto tables = ssda903_tables(children_, CollectionYear{2026}, {{"ann", "SW1"}, {"sam", "SW2"}});
  EXPECT_EQ(named(tables, "SWEpisodes").rows,
            (Rows{{"7", "01/05/2010", "SW1", "01/12/2024", "01/06/2025", "FCONTA"},
                  {"7", "01/05/2010", "SW2", "01/06/2025", "", "LEFTRL"}}));
}

// An unaccompanied asylum seeker has no home postcode to measure a distance from (406).
TEST_F(Ssda903Test, AnUnaccompaniedAsylumSeekerHasNoHomePostcode) {
  Ssda903Child arrived = in_care_all_year(11, "2009-09-06", "2025-09-10");
  arrived.person.uasc = UascStatus{d("2025-09-10"), std::nullopt};
  children_ = {arrived, in_care_all_year(12, "2012-01-01")};
  const auto tables = ssda903_tables(children_, CollectionYear{2026}, {});
  const Rows& episodes = named(tables, "Episodes").rows;
  ASSERT_EQ(episodes.size(), 2u);
  EXPECT_EQ(episodes[0][10], "");
  EXPECT_EQ(episodes[0][11], "NR1 1AA");
  EXPECT_EQ(episodes[1][10], "NR5 5EE");
}

// The other placements Z11 to Z14 were one code, Z1, before the 2025-26 collection (rule 146).
TEST_F(Ssda903Test, OtherPlacementsAreZ1BeforeTheir2025To26Codes) {
  Ssda903Child other = in_care_all_year(15, "2012-01-01");
  other.person.periods_of_care[0].episodes[0].placement.type = "Z12";
  other.person.periods_of_care[0].episodes[0].placement.provider = "";
  children_ = {other};
  EXPECT_EQ(named(ssda903_tables(children_, CollectionYear{2026}, {}), "Episodes").rows[0][5], "Z12");
  EXPECT_EQ(named(ssda903_tables(children_, CollectionYear{2025}, {}), "Episodes").rows[0][5], "Z1");
}

// No SDQ in the year: SDQ1 for a child 17 or 4 in it (197B), blank for one 4 to 16 all year (186,
// for the council to put right); a score recorded is returned as it is.
TEST_F(Ssda903Test, ANoSdqReasonForChildrenWhoTurned4Or17) {
  Ssda903Child scored = in_care_all_year(14, "2014-01-01");
  scored.person.health.sdqs = {{1, d("2025-06-01"), 12, "", ""}};
  children_ = {in_care_all_year(11, "2008-06-01"), in_care_all_year(12, "2021-10-01"),
               in_care_all_year(13, "2014-01-01"), scored};
  const auto tables = ssda903_tables(children_, CollectionYear{2026}, {});
  const Rows& oc2 = named(tables, "OC2").rows;
  ASSERT_EQ(oc2.size(), 4u);
  EXPECT_EQ((std::vector<std::string>{oc2[0][2], oc2[0][3]}), (std::vector<std::string>{"", "SDQ1"}));
  EXPECT_EQ((std::vector<std::string>{oc2[1][2], oc2[1][3]}), (std::vector<std::string>{"", "SDQ1"}));
  EXPECT_EQ((std::vector<std::string>{oc2[2][2], oc2[2][3]}), (std::vector<std::string>{"", ""}));
  EXPECT_EQ((std::vector<std::string>{oc2[3][2], oc2[3][3]}), (std::vector<std::string>{"12", ""}));
}

// A child adopted before the year comes back into care twice in it: the decision that led to the
// adoption is not returned (559, 1003), and PrevPerm has one row, for the latest period (INT35).
TEST_F(Ssda903Test, AnAdoptionThatBrokeDownAndTwoPeriodsInTheYear) {
  Ssda903Child back;
  Person& p = back.person;
  p.id = 21;
  p.details.sex = "F";
  p.details.date_of_birth = d("2018-09-16");
  p.details.ethnicity = "WBRI";
  PeriodOfCare adopted{1, 0, d("2020-12-21"), "NR2 4YE", {}, {}, "", ""};
  adopted.episodes = {episode("2020-12-21", "S", "C1", "U5", "2022-10-26", "X1"),
                      episode("2022-10-26", "P", "E1", "A6", "2023-07-10", "E12")};
  PeriodOfCare first{2, 0, d("2025-05-01"), "NR13 6GF", {}, {}, "", ""};
  first.episodes = {episode("2025-05-01", "S", "V2", "U6", "2025-06-01", "E4A")};
  PeriodOfCare second{3, 0, d("2025-10-05"), "NR13 6GF", {}, {}, "", ""};
  second.episodes = {episode("2025-10-05", "S", "C1", "U6", "", "")};
  p.periods_of_care = {adopted, first, second};
  AdoptionDecision decision;
  decision.id = 1;
  decision.period_id = 1;
  decision.decided_on = d("2021-12-23");
  decision.matched_on = d("2022-09-13");
  p.permanence.decisions = {decision};
  p.permanence.previous = {{2, "P1", "926", {2023, 7, 10}}, {3, "P1", "926", {2023, 7, 10}}};
  children_ = {back};
  const auto tables = ssda903_tables(children_, CollectionYear{2026}, {});
  EXPECT_TRUE(named(tables, "PlacedAdoption").rows.empty());
  EXPECT_TRUE(named(tables, "AD1").rows.empty());
  EXPECT_EQ(named(tables, "PrevPerm").rows, (Rows{{"21", "16/09/2018", "P1", "926", "10/07/2023"}}));
}

}  // namespace
}  // namespace safeguard
