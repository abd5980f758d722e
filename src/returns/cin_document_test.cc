// Reading a Children in Need census into the validator's tables: rows in document order with
// their keys, LAchildID on every row whatever the block order, the first element of a name wins,
// dates that are not dates, one row per review date, what the census writer writes read back, and
// the errors for a file that is not a census; read in batches, each batch with where its rows start.
#include "returns/cin_document.h"

#include <gtest/gtest.h>

#include <sstream>

#include "returns/cin_census.h"

namespace safeguard {
namespace {

constexpr const char* kCensus = R"(<?xml version="1.0"?>
<Message>
  <Header>
    <CollectionDetails><Collection>CIN</Collection><Year>2026</Year><ReferenceDate>2026-03-31</ReferenceDate></CollectionDetails>
    <Source><SourceLevel>L</SourceLevel><LEA>926</LEA><DateTime>2026-04-02T10:00:00</DateTime></Source>
  </Header>
  <Children>
    <Child>
      <ChildIdentifiers><LAchildID>A1</LAchildID><UPN>X</UPN><UPN>Y</UPN><PersonBirthDate>2015-13-01</PersonBirthDate><Sex>F</Sex></ChildIdentifiers>
      <ChildCharacteristics><Ethnicity>WBRI</Ethnicity><Disabilities><Disability>LD</Disability><Disability>AUT</Disability></Disabilities></ChildCharacteristics>
      <CINdetails>
        <CINreferralDate>2025-05-01</CINreferralDate><ReferralSource>2A</ReferralSource>
        <Assessments><AssessmentActualStartDate>2025-05-02</AssessmentActualStartDate>
          <FactorsIdentifiedAtAssessment><AssessmentFactors>3A</AssessmentFactors><AssessmentFactors>4B</AssessmentFactors></FactorsIdentifiedAtAssessment>
        </Assessments>
        <Assessments><AssessmentActualStartDate>2025-09-02</AssessmentActualStartDate><FactorsIdentifiedAtAssessment/></Assessments>
        <ReferralNFA>false</ReferralNFA>
      </CINdetails>
      <CINdetails>
        <CINreferralDate>2025-10-01</CINreferralDate>
        <Section47><S47ActualStartDate>2025-10-02</S47ActualStartDate><ICPCnotRequired>0</ICPCnotRequired></Section47>
        <ReferralNFA>0</ReferralNFA>
        <ChildProtectionPlans><CPPstartDate>2025-10-20</CPPstartDate>
          <Reviews><CPPreviewDate>2026-01-10</CPPreviewDate><CPPreviewDate>2026-03-10</CPPreviewDate></Reviews>
        </ChildProtectionPlans>
      </CINdetails>
    </Child>
    <Child>
      <CINdetails><CINreferralDate>2025-06-01</CINreferralDate><CINPlanDates><CINPlanStartDate>2025-06-10</CINPlanStartDate></CINPlanDates></CINdetails>
      <ChildCharacteristics><Ethnicity>NOBT</Ethnicity></ChildCharacteristics>
      <ChildIdentifiers><LAchildID>B2<Ignored/>tail</LAchildID></ChildIdentifiers>
    </Child>
  </Children>
</Message>
)";

TEST(CinDocumentTest, TablesInDocumentOrderWithTheirKeys) {
  const auto read = read_cin_census(kCensus);
  ASSERT_TRUE(read.ok()) << read.error().message;
  const CinDocument& c = *read;
  EXPECT_EQ(c.header.collection, "CIN");
  EXPECT_EQ(c.header.year, "2026");
  EXPECT_EQ(c.header.reference_date.day, Date::from_ymd(2026, 3, 31));
  EXPECT_EQ(c.header.lea, "926");
  EXPECT_EQ(c.header.date_time.day, Date::from_ymd(2026, 4, 2));
  EXPECT_EQ(c.header.software_code, "");

  ASSERT_EQ(c.children.size(), 2u);
  EXPECT_EQ(c.children[0].la_child_id, "A1");
  EXPECT_EQ(c.children[0].upn, "X");  // the first of a name
  EXPECT_EQ(c.children[0].birth.text, "2015-13-01");
  EXPECT_FALSE(c.children[0].birth.day.has_value());
  EXPECT_EQ(c.children[1].la_child_id, "B2");  // the text before an element inside

  ASSERT_EQ(c.characteristics.size(), 2u);
  EXPECT_EQ(c.characteristics[1].ethnicity, "NOBT");
  EXPECT_EQ(c.characteristics[1].la_child_id, "B2");
  ASSERT_EQ(c.disabilities.size(), 2u);
  EXPECT_EQ(c.disabilities[1].disability, "AUT");
  EXPECT_EQ(c.disabilities[1].la_child_id, "A1");

  ASSERT_EQ(c.details.size(), 3u);
  EXPECT_EQ(c.details[0].details_id, 1);
  EXPECT_EQ(c.details[1].details_id, 2);
  EXPECT_EQ(c.details[1].referral_nfa, "0");
  EXPECT_EQ(c.details[2].details_id, 1);
  EXPECT_EQ(c.details[2].la_child_id, "B2");  // the identifiers came after the episode
  EXPECT_EQ(c.details[2].referral_nfa, "");

  ASSERT_EQ(c.assessments.size(), 2u);
  EXPECT_EQ(c.assessments[1].assessment_id, 2);
  EXPECT_EQ(c.assessments[0].factors, (std::vector<std::string>{"3A", "4B"}));
  EXPECT_TRUE(c.assessments[1].factors.empty());
  ASSERT_EQ(c.factors.size(), 2u);
  EXPECT_EQ(c.factors[1].assessment_id, 1);

  ASSERT_EQ(c.section47.size(), 1u);
  EXPECT_EQ(c.section47[0].details_id, 2);
  EXPECT_EQ(c.section47[0].icpc_not_required, "0");
  ASSERT_EQ(c.protection_plans.size(), 1u);
  EXPECT_EQ(c.protection_plans[0].plan_id, 1);
  ASSERT_EQ(c.reviews.size(), 2u);  // one row per review date
  EXPECT_EQ(c.reviews[1].date.day, Date::from_ymd(2026, 3, 10));
  EXPECT_EQ(c.reviews[1].plan_id, 1);
  ASSERT_EQ(c.plans.size(), 1u);
  EXPECT_EQ(c.plans[0].la_child_id, "B2");
}

TEST(CinDocumentTest, WhatTheWriterWritesReadsBack) {
  Person p;
  p.id = 41;
  p.details.date_of_birth = Date::from_ymd(2014, 1, 5);
  p.details.sex = "M";
  CinEpisode e;
  e.id = 1;
  e.referral_date = Date::from_ymd(2025, 7, 1);
  e.referral_source = "6";
  e.primary_need = "N4";
  p.episodes.push_back(e);
  CinCensusSource source;
  source.la_number = "926";
  const std::string xml = cin_census_xml({p}, CollectionYear{2026}, source, WorkingDayCalendar());
  const auto read = read_cin_census(xml);
  ASSERT_TRUE(read.ok()) << read.error().message;
  ASSERT_EQ(read->children.size(), 1u);
  EXPECT_EQ(read->children[0].la_child_id, "41");
  EXPECT_EQ(read->children[0].sex, "M");
  EXPECT_EQ(read->children[0].upn_unknown, "UN2");
  ASSERT_EQ(read->details.size(), 1u);
  EXPECT_EQ(read->details[0].primary_need, "N4");
  EXPECT_EQ(read->details[0].referral_nfa, "0");
}

TEST(CinDocumentTest, TablesWrittenBackReadTheSame) {
  const auto read = read_cin_census(kCensus);
  ASSERT_TRUE(read.ok());
  const std::string xml = cin_document_xml(*read);
  const auto again = read_cin_census(xml);
  ASSERT_TRUE(again.ok()) << again.error().message;
  EXPECT_EQ(cin_document_xml(*again), xml);
  EXPECT_EQ(again->reviews.size(), 2u);
  EXPECT_EQ(again->factors.size(), 2u);
  EXPECT_EQ(again->details[2].la_child_id, "B2");
  EXPECT_EQ(again->children[0].birth.text, "2015-13-01");
}

TEST(CinDocumentTest, NotACensusIsAnErrorWithTheLine) {
  auto r = read_cin_census("<Message>\n<Children>\n<Child></Chil>\n", "bad.xml");
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.error().message.find("bad.xml is not well-formed XML: line 3"), std::string::npos)
      << r.error().message;
  r = read_cin_census("not xml at all", "text.txt");
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.error().message.find("line 1"), std::string::npos) << r.error().message;
  r = read_cin_census("", "empty.xml");
  ASSERT_FALSE(r.ok());
  r = read_cin_census("<Message><Header/></Message>", "header.xml");
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.error().message.find("no Children element"), std::string::npos) << r.error().message;
}

// Each batch's rows, with where they start in the file.
struct Batch {
  std::vector<std::string> children;
  std::array<size_t, kCinTables> first_row;
  size_t details, reviews;
  std::string reference_date;
  bool last;
};

std::vector<Batch> batches_of(const std::string& xml, size_t size) {
  std::vector<Batch> out;
  std::istringstream in(xml);
  const Status read =
      read_cin_census_in_batches(in, "census.xml", size, [&](const CinDocument& batch, bool last) -> Status {
        Batch b{{},
                batch.first_row,
                batch.details.size(),
                batch.reviews.size(),
                batch.header.reference_date.text,
                last};
        for (const CinChildRow& c : batch.children) b.children.push_back(c.la_child_id);
        out.push_back(b);
        return Status::success();
      });
  EXPECT_TRUE(read.ok()) << read.error().message;
  return out;
}

TEST(CinDocumentTest, InBatchesEachBatchKnowsWhereItsRowsStart) {
  const auto batches = batches_of(kCensus, 1);
  ASSERT_EQ(batches.size(), 3u);
  EXPECT_EQ(batches[0].children, std::vector<std::string>{"A1"});
  EXPECT_EQ(batches[0].details, 2u);
  EXPECT_EQ(batches[0].reviews, 2u);
  EXPECT_FALSE(batches[0].last);
  EXPECT_EQ(batches[1].children, std::vector<std::string>{"B2"});
  EXPECT_EQ(batches[1].first_row[static_cast<size_t>(CinTable::kChildIdentifiers)], 1u);
  EXPECT_EQ(batches[1].first_row[static_cast<size_t>(CinTable::kCINdetails)], 2u);
  EXPECT_EQ(batches[1].first_row[static_cast<size_t>(CinTable::kReviews)], 2u);
  EXPECT_EQ(batches[1].reference_date, "2026-03-31");  // the header comes with every batch
  EXPECT_TRUE(batches[2].children.empty());
  EXPECT_TRUE(batches[2].last);
  EXPECT_EQ(batches[2].first_row[static_cast<size_t>(CinTable::kCINdetails)], 3u);

  const auto whole = batches_of(kCensus, 10);
  ASSERT_EQ(whole.size(), 1u);
  EXPECT_EQ(whole[0].children.size(), 2u);
  EXPECT_TRUE(whole[0].last);
}

TEST(CinDocumentTest, InBatchesAHeaderAfterTheChildrenComesWithThemAll) {
  std::string xml = kCensus;
  const size_t from = xml.find("  <Header>"), to = xml.find("</Header>") + 10;
  const std::string header = xml.substr(from, to - from);
  xml.erase(from, to - from);
  xml.insert(xml.find("</Message>"), header);
  const auto batches = batches_of(xml, 1);
  ASSERT_EQ(batches.size(), 1u);
  EXPECT_EQ(batches[0].children.size(), 2u);
  EXPECT_EQ(batches[0].reference_date, "2026-03-31");
}

TEST(CinDocumentTest, InBatchesAHandlersErrorStopsTheReading) {
  std::istringstream in(kCensus);
  int calls = 0;
  const Status read =
      read_cin_census_in_batches(in, "census.xml", 1, [&](const CinDocument&, bool) -> Status {
        ++calls;
        return Error::conflict("stop here");
      });
  ASSERT_FALSE(read.ok());
  EXPECT_EQ(read.error().message, "stop here");
  EXPECT_EQ(calls, 1);
}

TEST(CinDocumentTest, DatesAreIsoDaysOptionallyWithATime) {
  EXPECT_EQ(parse_cin_date("2025-04-01"), Date::from_ymd(2025, 4, 1));
  EXPECT_EQ(parse_cin_date("2025-04-01T09:00:00"), Date::from_ymd(2025, 4, 1));
  EXPECT_FALSE(parse_cin_date("01/04/2025").has_value());
  EXPECT_FALSE(parse_cin_date("2025-02-30").has_value());
  EXPECT_FALSE(parse_cin_date("").has_value());
}

}  // namespace
}  // namespace safeguard
