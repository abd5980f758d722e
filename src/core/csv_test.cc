// Reading CSV as RFC 4180 writes it, and saying where a malformed file goes wrong.
#include "core/csv.h"

#include <gtest/gtest.h>

#include <sstream>

namespace safeguard {
namespace {

std::vector<std::vector<std::string>> read_all(const std::string& text, std::string* error = nullptr) {
  std::istringstream in(text);
  CsvReader csv(in);
  std::vector<std::vector<std::string>> out;
  std::vector<std::string> fields;
  while (csv.next(fields)) out.push_back(fields);
  if (error) *error = csv.error();
  return out;
}

using Rows = std::vector<std::vector<std::string>>;

TEST(Csv, ReadsPlainQuotedAndEmptyFields) {
  EXPECT_EQ(read_all("a,b,c\n1,,3\n"), (Rows{{"a", "b", "c"}, {"1", "", "3"}}));
  EXPECT_EQ(read_all("\"NR1 2AB\",\"a, b\",\"say \"\"hi\"\"\"\n"), (Rows{{"NR1 2AB", "a, b", "say \"hi\""}}));
  EXPECT_EQ(read_all("\"\",x\n"), (Rows{{"", "x"}}));
}

TEST(Csv, AcceptsCrlfAndAMissingLastLineEnd) {
  EXPECT_EQ(read_all("a,b\r\n1,2\r\n"), (Rows{{"a", "b"}, {"1", "2"}}));
  EXPECT_EQ(read_all("a,b\n1,2"), (Rows{{"a", "b"}, {"1", "2"}}));
  EXPECT_EQ(read_all(""), Rows{});
}

TEST(Csv, AQuotedFieldMayHoldALineBreakAndLinesAreCounted) {
  std::istringstream in("a,b\n\"one\ntwo\",x\nlast,y\n");
  CsvReader csv(in);
  std::vector<std::string> fields;
  ASSERT_TRUE(csv.next(fields));
  EXPECT_EQ(csv.line(), 1);
  ASSERT_TRUE(csv.next(fields));
  EXPECT_EQ(fields, (std::vector<std::string>{"one\ntwo", "x"}));
  EXPECT_EQ(csv.line(), 2);
  ASSERT_TRUE(csv.next(fields));
  EXPECT_EQ(csv.line(), 4);
  EXPECT_FALSE(csv.next(fields));
  EXPECT_EQ(csv.error(), "");
}

TEST(Csv, MalformedQuotingIsAnErrorThatSaysWhere) {
  std::string error;
  EXPECT_EQ(read_all("a,b\n\"open,x\n", &error), (Rows{{"a", "b"}}));
  EXPECT_EQ(error, "a quoted field that begins on line 2 never ends");
  EXPECT_EQ(read_all("a,b\n\"x\"y,z\n", &error), (Rows{{"a", "b"}}));
  EXPECT_EQ(error, "line 2: text after the closing quote of field 1");
}

}  // namespace
}  // namespace safeguard
