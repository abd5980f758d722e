// The CIN census validator: a valid census has no findings; each fault of the conformance corpus
// (tests/support/cin_mutations.h) is found by the rule it breaks, in the table it names; every rule
// has a fault; findings name the child and row; a census the writer makes from a record passes;
// a file checked a batch at a time has the findings of the whole file; and the findings are
// written as CSV and JSON.
#include "returns/cin_validator.h"

#include <gtest/gtest.h>

#include <cstdio>
#include <fstream>
#include <nlohmann/json.hpp>
#include <set>

#include "returns/cin_census.h"
#include "support/cin_mutations.h"

namespace safeguard {
namespace {

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), {});
}

CinDocument valid_census() {
  const std::string path = std::string(SAFEGUARD_SOURCE_DIR) + "/tests/data/cin/valid.xml";
  auto census = read_cin_census(read_file(path), path);
  if (!census) throw std::runtime_error(census.error().message);
  return *census;
}

// The census after a change, written and read again, so rows are in document order.
CinDocument reread(const CinDocument& census) {
  auto again = read_cin_census(cin_document_xml(census));
  if (!again) throw std::runtime_error(again.error().message);
  return *again;
}

std::string describe(const ValidationReport& r) {
  std::string out;
  for (const Finding& f : r.findings)
    out += std::string(f.rule) + " " + std::string(f.table) + " " + std::to_string(f.row) + "; ";
  return out;
}

TEST(CinValidatorTest, ValidCensusHasNoFindings) {
  const ValidationReport report = validate_cin(valid_census());
  EXPECT_TRUE(report.findings.empty()) << describe(report);
  EXPECT_EQ(report.rules_run, static_cast<int>(cin_rules().size()));
  EXPECT_EQ(cin_rules().size(), 109u);
}

TEST(CinValidatorTest, EachFaultIsFoundByTheRuleItBreaks) {
  const CinDocument base = valid_census();
  for (const testing::CinMutation& m : testing::cin_mutations()) {
    CinDocument census = base;
    m.apply(census);
    const ValidationReport report = validate_cin(reread(census));
    bool found = false;
    for (const Finding& f : report.findings) {
      if (f.rule != m.rule) continue;
      found = found || f.table == m.table;
      if (f.row >= 0) {
        EXPECT_FALSE(f.table.empty()) << m.rule;
      }
    }
    EXPECT_TRUE(found) << m.rule << " in " << (m.table.empty() ? "the whole return" : m.table)
                       << " not found; found: " << describe(report);
  }
}

std::string everything(const ValidationReport& r) {
  std::string out;
  for (const Finding& f : r.findings) {
    out += std::string(f.rule) + "|" + f.child + "|" + std::string(f.table) + "|" + std::to_string(f.row) +
           "|" + std::string(f.fields) + "|" + f.value + "\n";
  }
  return out;
}

// A file checked a batch of children at a time gives exactly the findings of the file checked
// whole, for every fault of the corpus, including those about the whole return (counts, shares,
// a UPN shared by children in different batches) and children sharing an LAchildID.
TEST(CinValidatorTest, AFileInBatchesHasTheFindingsOfTheWholeFile) {
  const CinDocument base = valid_census();
  const std::string path = ::testing::TempDir() + "/cin_batches.xml";
  for (const testing::CinMutation& m : testing::cin_mutations()) {
    CinDocument census = base;
    m.apply(census);
    const std::string xml = cin_document_xml(census);
    {
      std::ofstream out(path, std::ios::binary);
      out << xml;
    }
    const auto whole = read_cin_census(xml);
    ASSERT_TRUE(whole.ok()) << m.rule;
    const std::string expected = everything(validate_cin(*whole));
    for (const size_t batch : {1, 2, 3, 1000}) {
      const auto report = validate_cin_file(path, std::nullopt, batch);
      ASSERT_TRUE(report.ok()) << m.rule << ": " << report.error().message;
      EXPECT_EQ(everything(*report), expected) << m.rule << " in batches of " << batch;
      EXPECT_EQ(report->rules_run, static_cast<int>(cin_rules().size()));
    }
  }
  std::remove(path.c_str());
  EXPECT_FALSE(validate_cin_file(path).ok());
}

TEST(CinValidatorTest, EveryRuleHasAFaultInTheCorpus) {
  std::set<std::string> covered;
  for (const testing::CinMutation& m : testing::cin_mutations()) covered.insert(m.rule);
  for (const CinRule& r : cin_rules()) EXPECT_TRUE(covered.count(r.code)) << r.code << " has no fault";
}

TEST(CinValidatorTest, FindingsNameChildTableRowAndValue) {
  CinDocument census = valid_census();
  census.details[0].referral_source = "11";  // C1001's episode
  testing::set_date(census.children[3].expected_birth, "2026-02-25");
  const ValidationReport report = validate_cin(census);
  ASSERT_EQ(report.findings.size(), 2u) << describe(report) << findings_csv(report);
  const Finding& f = report.findings[0].rule == "8866" ? report.findings[0] : report.findings[1];
  EXPECT_EQ(f.rule, "8866");
  EXPECT_EQ(f.severity, Severity::kError);
  EXPECT_EQ(f.child, "C1001");
  EXPECT_EQ(f.table, "CINdetails");
  EXPECT_EQ(f.row, 0);
  EXPECT_EQ(f.fields, "CINreferralDate, ReferralSource");
  EXPECT_EQ(f.value, "11");
  EXPECT_EQ(f.message, "Source of Referral is missing or an invalid code");
  EXPECT_EQ(report.errors(), 1u);
  EXPECT_EQ(report.queries(), 1u);

  const std::string csv = findings_csv(report);
  EXPECT_EQ(csv.substr(0, csv.find('\n')), "rule,type,child,table,row,fields,value,message");
  EXPECT_NE(csv.find("8866,error,C1001,CINdetails,0,\"CINreferralDate, ReferralSource\",11,"),
            std::string::npos)
      << csv;
  const auto json = nlohmann::json::parse(findings_json(report));
  EXPECT_EQ(json["errors"], 1);
  EXPECT_EQ(json["queries"], 1);
  ASSERT_EQ(json["findings"].size(), 2u);
  EXPECT_EQ(json["findings"][0]["rule"], "8530Q");
  EXPECT_EQ(json["findings"][0]["row"], 3);
  EXPECT_EQ(json["findings"][1]["table"], "CINdetails");
}

TEST(CinValidatorTest, YearGivenOverridesTheHeader) {
  // The same file checked as the 2026-27 census: its ReferenceDate is wrong (100) and its closures
  // fall outside that year (8620).
  const ValidationReport report = validate_cin(valid_census(), 2027);
  std::set<std::string> rules;
  for (const Finding& f : report.findings) rules.emplace(f.rule);
  EXPECT_TRUE(rules.count("100"));
  EXPECT_TRUE(rules.count("8620"));
}

TEST(CinValidatorTest, NoReferenceDateStopsThePeriodRulesOnly) {
  CinDocument census = valid_census();
  testing::set_date(census.header.reference_date, "");
  census.details[0].referral_source = "11";
  const ValidationReport report = validate_cin(census);
  std::set<std::string> rules;
  for (const Finding& f : report.findings) rules.emplace(f.rule);
  EXPECT_TRUE(rules.count("100"));
  EXPECT_TRUE(rules.count("8866"));
  // A rule that checks a date is in the period does not fire; one that checks it is not outside
  // the period does, as in the reference (every comparison with a missing date is false).
  EXPECT_FALSE(rules.count("8696"));
  EXPECT_TRUE(rules.count("8620"));
}

TEST(CinValidatorTest, CensusFromTheRecordPasses) {
  // A child in need with an assessment, a child in need plan and a child protection plan.
  Person p;
  p.id = 12;
  p.details.date_of_birth = Date::from_ymd(2015, 2, 1);
  p.details.sex = "F";
  p.details.ethnicity = "WBRI";
  p.details.disabilities = {"NONE"};
  CinEpisode e;
  e.id = 1;
  e.referral_date = Date::from_ymd(2025, 6, 2);
  e.referral_source = "2A";
  e.primary_need = "N1";
  p.episodes = {e};
  Assessment a;
  a.id = 1;
  a.episode_id = 1;
  a.started_on = Date::from_ymd(2025, 6, 3);
  a.authorised_on = Date::from_ymd(2025, 7, 1);
  a.content.factors = {"3A"};
  p.assessments = {a};
  ChildPlan cin;
  cin.id = 1;
  cin.episode_id = 1;
  cin.type = "child_in_need";
  cin.started_on = Date::from_ymd(2025, 7, 2);
  p.plans = {cin};
  CinCensusSource source;
  source.la_number = "926";
  const auto census =
      read_cin_census(cin_census_xml({p}, CollectionYear{2026}, source, WorkingDayCalendar()));
  ASSERT_TRUE(census.ok());
  const ValidationReport report = validate_cin(*census);
  for (const Finding& f : report.findings) {
    // A one-child census uses few disability codes: only the whole-return queries remain.
    EXPECT_TRUE(f.rule == "2887Q") << f.rule << " " << f.table << " " << f.row;
  }
}

}  // namespace
}  // namespace safeguard
