// What the SSDA903 rules are written with: children numbered in the order first given, a table's
// rows by child (in row order, a blank CHILD a child of no rows, its children first seen first,
// as many as a council's), and a finding as a rule's row of a table.
#include "returns/ssda903_checks.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace safeguard::ssda903 {
namespace {

TEST(Ssda903ChecksTest, ChildrenAreNumberedInTheOrderFirstGiven) {
  // Texts that outlive the numbers, past several growths of the table.
  std::vector<std::string> texts;
  for (int i = 0; i < 5000; ++i) texts.push_back("C" + std::to_string(i));
  ChildNumbers numbers;
  for (size_t i = 0; i < texts.size(); ++i) EXPECT_EQ(numbers.number(texts[i]), i);
  EXPECT_EQ(numbers.number("C17"), 17u);
  EXPECT_EQ(numbers.number(""), 5000u);  // a blank is a text like any other
  EXPECT_EQ(numbers.size(), 5001u);
  EXPECT_EQ(numbers.find("C4999"), 4999u);
  EXPECT_EQ(numbers.find("C5000"), std::nullopt);
  EXPECT_EQ(ChildNumbers().find("C1"), std::nullopt);
}

TEST(Ssda903ChecksTest, RowsAreFoundByChild) {
  // 3,000 children, each with rows 0 to 2 of their own; every fourth row also has a blank CHILD.
  std::string csv = "CHILD,DOB,REVIEW,REVIEW_CODE\n";
  std::vector<std::string> order;
  for (int i = 0; i < 3000; ++i) order.push_back("C" + std::to_string((i * 7919) % 3000));
  for (int pass = 0; pass < 3; ++pass) {
    for (const std::string& child : order) csv += child + ",01/05/2010,01/07/2025,PN1\n";
    csv += ",01/05/2010,01/07/2025,PN1\n";
  }
  auto year = read_ssda903_year({{"reviews.csv", csv}});
  ASSERT_TRUE(year.ok()) << year.error().message;
  const Ssda903Return submitted{*year, std::nullopt};
  const Ssda903Options options;
  std::vector<Ssda903Check::Flagged> found;
  Ssda903Check c(submitted, options, 2026, found);
  const RowSpan rows = c.rows_of(T::kReviews, order[10]);
  EXPECT_EQ(std::vector<uint32_t>(rows.begin(), rows.end()), (std::vector<uint32_t>{10, 3011, 6012}));
  EXPECT_TRUE(c.rows_of(T::kReviews, "C3000").empty());
  EXPECT_TRUE(c.rows_of(T::kReviews, "").empty());
  EXPECT_EQ(c.joined_rows(T::kReviews, "").size(), 3u);  // a join pairs blank with blank
  EXPECT_TRUE(c.rows_of(T::kEpisodes, "C1").empty());    // a table the return does not have
  std::vector<std::string> children;
  for (const std::string_view child : c.children(T::kReviews)) children.emplace_back(child);
  EXPECT_EQ(children, order);
}

TEST(Ssda903ChecksTest, AFindingIsTheRulesAndTheRows) {
  auto year =
      read_ssda903_year({{"header.csv", "CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB\nC1,9,01/05/2010,,,,\n"}});
  ASSERT_TRUE(year.ok()) << year.error().message;
  const Ssda903Return submitted{*year, std::nullopt};
  const Ssda903RuleDefinition rule{
      {"103", Severity::kError, "The sex code is not valid."}, "ETHNIC, SEX", {}};
  const Finding f = ssda903_finding(submitted, rule, T::kHeader, 0);
  EXPECT_EQ(f.rule, "103");
  EXPECT_EQ(f.child, "C1");
  EXPECT_EQ(f.table, "Header");
  EXPECT_EQ(f.row, 0);
  EXPECT_EQ(f.fields, "ETHNIC, SEX");
  EXPECT_EQ(f.value, "");  // the first of the fields, blank
  EXPECT_EQ(f.message, "The sex code is not valid.");
}

}  // namespace
}  // namespace safeguard::ssda903
