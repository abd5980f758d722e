// The Children in Need census from a record: the header, who is in it (episodes open in the year,
// referrals with no further action), what of each episode belongs to the year (assessments, plans,
// enquiries, reviews), dates after 31 March left out, unborn children, UPNunknown reasons, escaping
// and byte-identical output whatever the input order.
#include "returns/cin_census.h"

#include <gtest/gtest.h>

#include "domain/assessment.h"
#include "domain/child_journey.h"
#include "domain/identifiers.h"
#include "domain/plan.h"
#include "domain/protection.h"

namespace safeguard {
namespace {

Date d(const char* iso) { return *Date::parse_iso(iso); }

CinEpisode episode(int64_t id, const char* referral, const char* closed, bool nfa = false) {
  CinEpisode e;
  e.id = id;
  e.referral_date = d(referral);
  e.referral_source = "2A";
  e.referral_nfa = nfa;
  e.primary_need = nfa ? "" : "N1";
  if (closed[0]) {
    e.closed_on = d(closed);
    e.closure_reason = nfa ? "RC8" : "RC7";
  }
  return e;
}

// The text between the first <name> and its </name> after `from`, or "(none)".
std::string first(const std::string& xml, const std::string& name, size_t from = 0) {
  const size_t start = xml.find("<" + name + ">", from);
  if (start == std::string::npos) return "(none)";
  const size_t open_end = start + name.size() + 2;
  return xml.substr(open_end, xml.find("</" + name + ">", open_end) - open_end);
}

size_t count(const std::string& xml, const std::string& name) {
  size_t n = 0;
  for (size_t at = xml.find("<" + name + ">"); at != std::string::npos;
       at = xml.find("<" + name + ">", at + 1))
    ++n;
  return n;
}

// A child's block, from <LAchildID>id to the end of the child.
std::string child(const std::string& xml, int64_t id) {
  const size_t at = xml.find("<LAchildID>" + std::to_string(id) + "</LAchildID>");
  if (at == std::string::npos) return "";
  return xml.substr(at, xml.find("</Child>", at) - at);
}

class CinCensusTest : public ::testing::Test {
 protected:
  CinCensusTest() {
    source_.la_number = "926";
    source_.release = "0.1.0";
    source_.produced_at = Timestamp::from_date_time(d("2026-04-20"), 9, 30, 5, 120);

    // A child in need across the year's start: an assessment authorised last year, one this year,
    // a child protection plan from this year's conference, reviewed before and after 31 March.
    Person a;
    a.id = 12;
    a.details.date_of_birth = d("2015-02-01");
    a.details.sex = "F";
    a.details.ethnicity = "MWBC";
    a.details.disabilities = {"LD", "COMM"};
    a.identifiers.push_back({"upn", upn_});
    a.episodes = {episode(1, "2024-11-04", "")};
    Assessment old;
    old.id = 1;
    old.episode_id = 1;
    old.started_on = d("2024-11-05");
    old.authorised_on = d("2025-01-10");
    old.content.factors = {"16A"};
    Assessment now = old;
    now.id = 2;
    now.started_on = d("2025-09-01");
    now.authorised_on = d("2025-10-01");
    now.content.factors = {"3A", "4B"};
    Assessment open = old;
    open.id = 3;
    open.started_on = d("2026-03-20");
    open.authorised_on = d("2026-04-02");  // after the year: not complete in it
    a.assessments = {old, now, open};
    Section47Enquiry s47;
    s47.id = 1;
    s47.episode_id = 1;
    s47.started_on = d("2025-10-06");  // a Monday; 15 working days on is Monday 27 October
    s47.concluded_on = d("2025-10-15");
    s47.outcome = "conference";
    s47.conference_on = d("2025-10-24");
    Section47Enquiry not_needed;
    not_needed.id = 2;
    not_needed.episode_id = 1;
    not_needed.started_on = d("2025-02-03");  // concluded before the year: last year's
    not_needed.concluded_on = d("2025-02-10");
    not_needed.outcome = "no_conference";
    a.enquiries = {not_needed, s47};
    ChildPlan cin;
    cin.id = 1;
    cin.episode_id = 1;
    cin.type = std::string(kChildInNeedPlan);
    cin.started_on = d("2025-01-20");
    cin.ended_on = d("2025-10-24");
    ChildPlan cp;
    cp.id = 2;
    cp.episode_id = 1;
    cp.type = std::string(kChildProtectionPlan);
    cp.started_on = d("2025-10-24");
    cp.initial_category = "NEG";
    cp.latest_category = "EMO";  // since a review after the year
    cp.previous_plans = 1;
    cp.reviews = {{d("2026-01-20"), "Chair", false, "MUL"}, {d("2026-07-20"), "Chair", false, "EMO"}};
    a.plans = {cin, cp};
    children_.push_back(a);

    // A referral with no further action in the year; no UPN.
    Person b;
    b.id = 4;
    b.details.date_of_birth = d("2012-06-01");
    b.details.sex = "M";
    b.episodes = {episode(1, "2025-05-05", "2025-05-06", true)};
    children_.push_back(b);

    // An unborn baby referred in March, born in May: returned unborn.
    Person c;
    c.id = 30;
    c.details.expected_date_of_birth = d("2026-05-10");
    c.details.date_of_birth = d("2026-05-02");
    c.details.sex = "M";
    c.episodes = {episode(1, "2026-03-02", "")};
    children_.push_back(c);

    // A child whose only episode closed before the year: not in it.
    Person gone;
    gone.id = 9;
    gone.details.date_of_birth = d("2010-01-01");
    gone.episodes = {episode(1, "2023-01-01", "2025-03-31")};
    children_.push_back(gone);

    // A four-year-old in need from before the year, closed after it: no UPN yet.
    Person small;
    small.id = 2;
    small.details.date_of_birth = d("2021-06-01");
    small.details.sex = "F";
    small.episodes = {episode(1, "2025-03-01", "2026-04-15")};
    children_.push_back(small);
  }

  std::string census() { return cin_census_xml(children_, CollectionYear{2026}, source_, calendar_); }

  const std::string upn_ = std::string(1, *upn_check_letter("926000000011")) + "926000000011";
  std::vector<Person> children_;
  CinCensusSource source_;
  WorkingDayCalendar calendar_;
};

TEST_F(CinCensusTest, HeaderNamesTheYearAndTheCouncil) {
  const std::string xml = census();
  EXPECT_EQ(xml.rfind("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Message>\n  <Header>\n", 0), 0u);
  EXPECT_EQ(first(xml, "Collection"), "CIN");
  EXPECT_EQ(first(xml, "Year"), "2026");
  EXPECT_EQ(first(xml, "ReferenceDate"), "2026-03-31");
  EXPECT_EQ(first(xml, "SourceLevel"), "L");
  EXPECT_EQ(first(xml, "LEA"), "926");
  EXPECT_EQ(first(xml, "SoftwareCode"), "Safeguard");
  EXPECT_EQ(first(xml, "Release"), "0.1.0");
  EXPECT_EQ(first(xml, "SerialNo"), "001");
  EXPECT_EQ(first(xml, "DateTime"), "2026-04-20T09:30:05");
}

TEST_F(CinCensusTest, EveryChildInNeedInTheYearInIdOrder) {
  const std::string xml = census();
  EXPECT_EQ(count(xml, "Child"), 4u);
  EXPECT_EQ(child(xml, 9), "");
  EXPECT_LT(xml.find("<LAchildID>2<"), xml.find("<LAchildID>4<"));
  EXPECT_LT(xml.find("<LAchildID>4<"), xml.find("<LAchildID>12<"));
  EXPECT_LT(xml.find("<LAchildID>12<"), xml.find("<LAchildID>30<"));
}

TEST_F(CinCensusTest, IdentifiersAndCharacteristics) {
  const std::string xml = census();
  const std::string a = child(xml, 12);
  EXPECT_EQ(first(a, "UPN"), upn_);
  EXPECT_EQ(first(a, "UPNunknown"), "(none)");
  EXPECT_EQ(first(a, "PersonBirthDate"), "2015-02-01");
  EXPECT_EQ(first(a, "Sex"), "F");
  EXPECT_EQ(first(a, "Ethnicity"), "MWBC");
  EXPECT_NE(
      a.find(
          "<Disabilities>\n          <Disability>LD</Disability>\n          <Disability>COMM</Disability>"),
      std::string::npos);
  // No UPN: UN7 when every referral in the year led to no further action, UN1 under 6, UN6 unborn.
  EXPECT_EQ(first(child(xml, 4), "UPNunknown"), "UN7");
  EXPECT_EQ(first(child(xml, 4), "Ethnicity"), "NOBT");
  EXPECT_EQ(first(child(xml, 4), "Disabilities"), "(none)");
  EXPECT_EQ(first(child(xml, 2), "UPNunknown"), "UN1");
  const std::string unborn = child(xml, 30);
  EXPECT_EQ(first(unborn, "UPNunknown"), "UN6");
  EXPECT_EQ(first(unborn, "PersonBirthDate"), "(none)");
  EXPECT_EQ(first(unborn, "ExpectedPersonBirthDate"), "2026-05-10");
  EXPECT_EQ(first(unborn, "Sex"), "U");
}

TEST_F(CinCensusTest, SchoolAgeChildWithoutUpnIsUn2) {
  children_[4].details.date_of_birth = d("2020-08-31");  // 31 August six years before: school age
  EXPECT_EQ(first(child(census(), 2), "UPNunknown"), "UN2");
  children_[4].details.date_of_birth = d("2020-09-01");
  EXPECT_EQ(first(child(census(), 2), "UPNunknown"), "UN1");
}

TEST_F(CinCensusTest, WhatOfAnEpisodeBelongsToTheYear) {
  const std::string a = child(census(), 12);
  EXPECT_EQ(first(a, "CINreferralDate"), "2024-11-04");
  EXPECT_EQ(first(a, "ReferralSource"), "2A");
  EXPECT_EQ(first(a, "PrimaryNeedCode"), "N1");
  EXPECT_EQ(first(a, "CINclosureDate"), "(none)");
  EXPECT_EQ(first(a, "ReferralNFA"), "0");
  // Assessments: this year's, and one not authorised by 31 March (no date, no factors).
  EXPECT_EQ(count(a, "Assessments"), 2u);
  EXPECT_EQ(first(a, "AssessmentActualStartDate"), "2025-09-01");
  EXPECT_EQ(first(a, "AssessmentAuthorisationDate"), "2025-10-01");
  EXPECT_EQ(count(a, "AssessmentFactors"), 2u);
  const size_t open = a.find("<AssessmentActualStartDate>2026-03-20");
  ASSERT_NE(open, std::string::npos);
  EXPECT_EQ(a.substr(open).find("AssessmentAuthorisationDate"), std::string::npos);
  // The child in need plan ended at the conference; the enquiry that found no conference needed
  // was last year's.
  EXPECT_EQ(first(a, "CINPlanStartDate"), "2025-01-20");
  EXPECT_EQ(first(a, "CINPlanEndDate"), "2025-10-24");
  EXPECT_EQ(count(a, "Section47"), 1u);
  EXPECT_EQ(first(a, "S47ActualStartDate"), "2025-10-06");
  EXPECT_EQ(first(a, "InitialCPCtarget"), "2025-10-27");
  EXPECT_EQ(first(a, "DateOfInitialCPC"), "2025-10-24");
  EXPECT_EQ(first(a, "ICPCnotRequired"), "0");
  // The plan: open at 31 March, its category the latest by then, its reviews those in the year.
  EXPECT_EQ(first(a, "CPPstartDate"), "2025-10-24");
  EXPECT_EQ(first(a, "CPPendDate"), "(none)");
  EXPECT_EQ(first(a, "InitialCategoryOfAbuse"), "NEG");
  EXPECT_EQ(first(a, "LatestCategoryOfAbuse"), "MUL");
  EXPECT_EQ(first(a, "NumberOfPreviousCPP"), "1");
  EXPECT_EQ(count(a, "CPPreviewDate"), 1u);
  EXPECT_EQ(first(a, "CPPreviewDate"), "2026-01-20");
  // Elements in the schema's order.
  EXPECT_LT(a.find("<Assessments>"), a.find("<CINPlanDates>"));
  EXPECT_LT(a.find("<CINPlanDates>"), a.find("<Section47>"));
  EXPECT_LT(a.find("<Section47>"), a.find("<ReferralNFA>"));
  EXPECT_LT(a.find("<ReferralNFA>"), a.find("<ChildProtectionPlans>"));

  const std::string nfa = child(census(), 4);
  EXPECT_EQ(first(nfa, "ReferralNFA"), "1");
  EXPECT_EQ(first(nfa, "PrimaryNeedCode"), "(none)");
  EXPECT_EQ(first(nfa, "CINclosureDate"), "2025-05-06");
  EXPECT_EQ(first(nfa, "ReasonForClosure"), "RC8");
  // Closed after 31 March: open in this year's census.
  EXPECT_EQ(first(child(census(), 2), "CINclosureDate"), "(none)");
  EXPECT_EQ(first(child(census(), 2), "ReasonForClosure"), "(none)");
}

TEST_F(CinCensusTest, EnquiryConcludedWithoutConferenceOrStillWaiting) {
  Person& a = children_[0];
  a.enquiries[1].conference_on.reset();
  a.enquiries[1].concluded_on = d("2025-10-20");
  a.enquiries[1].outcome = "no_conference";
  std::string s = child(census(), 12);
  EXPECT_EQ(first(s, "ICPCnotRequired"), "1");
  EXPECT_EQ(first(s, "DateOfInitialCPC"), "(none)");
  a.enquiries[1].concluded_on.reset();
  a.enquiries[1].outcome.clear();
  s = child(census(), 12);
  EXPECT_EQ(count(s, "Section47"), 1u);
  EXPECT_EQ(first(s, "ICPCnotRequired"), "0");
}

TEST_F(CinCensusTest, SameBytesWhateverTheOrderAndTextEscaped) {
  const std::string once = census();
  std::reverse(children_.begin(), children_.end());
  EXPECT_EQ(census(), once);
  source_.software_code = "Safeguard <&>";
  EXPECT_EQ(first(census(), "SoftwareCode"), "Safeguard &lt;&amp;&gt;");
}

TEST_F(CinCensusTest, EmptyYearHasHeaderAndNoChildren) {
  const std::string xml = cin_census_xml({}, CollectionYear{2026}, source_, calendar_);
  EXPECT_EQ(count(xml, "Child"), 0u);
  EXPECT_NE(xml.find("  <Children>\n  </Children>\n</Message>\n"), std::string::npos);
}

}  // namespace
}  // namespace safeguard
