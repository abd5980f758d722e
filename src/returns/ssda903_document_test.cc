// Reading an SSDA903 return's CSV files: each file is recognised by its columns whatever its name
// or column order; values are upper-cased and only an empty cell is blank; blank lines are not
// rows; a byte order mark and CRLF line ends are read; a file of no table, a malformed record or
// too many fields is an error naming the file and line; every table the writer writes reads back.
// How tables keep their cells: a year's tables share one copy of each value, and a sealed table's
// columns, in one, two or four bytes a cell, read back what was added, before and after more rows.
#include "returns/ssda903_document.h"

#include <gtest/gtest.h>

#include "returns/ssda903.h"

namespace safeguard {
namespace {

TEST(Ssda903DocumentTest, FilesAreRecognisedByTheirColumns) {
  const auto year = read_ssda903_year({
      {"anything.csv",
       "\xEF\xBB\xBF"
       "DOB,CHILD,REVIEW,REVIEW_CODE\r\n01/05/2010,c1,01/07/2025,pn1\r\n\r\n"
       " \r\n02/06/2011,C2,,NA\r\n"},
      {"second.csv", "CHILD,SEX,DOB,DUC\n"},
  });
  ASSERT_TRUE(year.ok()) << year.error().message;
  const auto& reviews = year->table(Ssda903Table::kReviews);
  ASSERT_TRUE(reviews.has_value());
  ASSERT_EQ(reviews->rows.size(), 2u);
  EXPECT_EQ(reviews->rows[0].values(), (std::vector<std::string>{"C1", "01/05/2010", "01/07/2025", "PN1"}));
  EXPECT_EQ(reviews->rows[1].values(), (std::vector<std::string>{"C2", "02/06/2011", "", "NA"}));
  ASSERT_TRUE(year->table(Ssda903Table::kUasc).has_value());
  EXPECT_TRUE(year->table(Ssda903Table::kUasc)->rows.empty());
  EXPECT_FALSE(year->table(Ssda903Table::kEpisodes).has_value());
}

TEST(Ssda903DocumentTest, AFileOfNoTableIsAnErrorNamingIt) {
  auto year = read_ssda903_year({{"episodes.csv", "CHILD,DECOM,EXTRA\n1,01/04/2025,x\n"}});
  ASSERT_FALSE(year.ok());
  EXPECT_NE(year.error().message.find("episodes.csv: its columns (CHILD, DECOM, EXTRA)"), std::string::npos)
      << year.error().message;
  year = read_ssda903_year({{"r.csv", "CHILD,DOB,REVIEW,REVIEW_CODE\n1,2,3,4,5\n"}});
  ASSERT_FALSE(year.ok());
  EXPECT_NE(year.error().message.find("r.csv, line 2: 5 fields"), std::string::npos) << year.error().message;
  year = read_ssda903_year({{"empty.csv", ""}});
  ASSERT_FALSE(year.ok());
  EXPECT_NE(year.error().message.find("empty.csv"), std::string::npos) << year.error().message;
  year = read_ssda903_year({{"twice.csv", "CHILD,CHILD,DOB,REVIEW,REVIEW_CODE\n"}});
  EXPECT_FALSE(year.ok());
}

TEST(Ssda903DocumentTest, EveryTableTheWriterWritesReadsBack) {
  std::vector<Ssda903File> files;
  for (const ReturnTable& t : ssda903_tables({}, CollectionYear{2026}, {}))
    files.push_back({t.name + ".csv", to_csv(t)});
  ASSERT_EQ(files.size(), 11u);
  const auto year = read_ssda903_year(files);
  ASSERT_TRUE(year.ok()) << year.error().message;
  for (size_t t = 0; t < kSsda903Tables; ++t) {
    const auto table = static_cast<Ssda903Table>(t);
    if (table == Ssda903Table::kDoLo) continue;  // from the 2026-27 collection
    EXPECT_TRUE(year->table(table).has_value()) << ssda903_table_name(table);
  }
}

TEST(Ssda903DocumentTest, AYearsTablesKeepEachValueOnce) {
  const auto year = read_ssda903_year({
      {"header.csv", "CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB\nC1,1,01/05/2010,WBRI,,,\n"},
      {"reviews.csv", "CHILD,DOB,REVIEW,REVIEW_CODE\nc1,01/05/2010,01/07/2025,PN1\n"},
  });
  ASSERT_TRUE(year.ok()) << year.error().message;
  const auto& header = year->table(Ssda903Table::kHeader)->rows;
  const auto& reviews = year->table(Ssda903Table::kReviews)->rows;
  EXPECT_EQ(&header[0][0], &reviews[0][0]);  // C1, kept once
  EXPECT_EQ(&header[0][2], &reviews[0][1]);  // the date of birth
}

TEST(Ssda903DocumentTest, TheHashReadsOnlyTheTextsBytes) {
  // Texts of every length up to two words, alone and at the start of a longer buffer, hash the
  // same; an empty view (whose data may be null) hashes as the empty text.
  const std::string buffer = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
  for (size_t n = 0; n <= 16; ++n) {
    EXPECT_EQ(ssda903_hash(std::string_view(buffer).substr(0, n)), ssda903_hash(buffer.substr(0, n))) << n;
    if (n > 0) EXPECT_NE(ssda903_hash(buffer.substr(0, n)), ssda903_hash(buffer.substr(0, n - 1))) << n;
  }
  EXPECT_EQ(ssda903_hash(std::string_view()), ssda903_hash(""));
}

TEST(Ssda903DocumentTest, SealedColumnsReadBackWhatWasAdded) {
  // Column 0 holds 300 different values (two bytes a cell), column 1 three and blanks (one byte),
  // column 2 a different value in every row (four bytes, past 65,536).
  const size_t count = 70000;
  Ssda903Cells cells;
  const auto row_of = [](size_t r) {
    return std::vector<std::string>{"V" + std::to_string(r % 300), r % 4 == 0 ? "" : std::to_string(r % 3),
                                    "ROW" + std::to_string(r)};
  };
  for (size_t r = 0; r < count; ++r) cells.push_back(row_of(r));
  const auto check = [&](const Ssda903Cells& table, size_t rows) {
    ASSERT_EQ(table.size(), rows);
    for (size_t r = 0; r < rows; r += 997) {
      EXPECT_EQ(table[r].values(), row_of(r)) << r;
      EXPECT_EQ(table[r].any_given(1), true);
    }
    EXPECT_EQ(table.back().values(), row_of(rows - 1));
  };
  check(cells, count);
  cells.seal();
  check(cells, count);
  const Ssda903Cells copy = cells;
  cells.push_back(row_of(count));  // a row added after sealing
  check(cells, count + 1);
  check(copy, count);
  cells.seal();
  check(cells, count + 1);
  Ssda903Cells blanks;
  blanks.push_back({"C1", "", ""});
  blanks.seal();
  EXPECT_TRUE(blanks[0].any_given(0));
  EXPECT_FALSE(blanks[0].any_given(1));
  EXPECT_EQ(blanks[0][2], "");
  // A table whose first columns are blank in every row (the fuzzer's find: sealing once read the
  // empty list of places for the blank).
  Ssda903Cells blank_first;
  blank_first.push_back({"", "", "X"});
  blank_first.push_back({"", "", ""});
  blank_first.seal();
  ASSERT_EQ(blank_first.size(), 2u);
  EXPECT_EQ(blank_first[0].values(), (std::vector<std::string>{"", "", "X"}));
  EXPECT_FALSE(blank_first[1].any_given(2));
}

}  // namespace
}  // namespace safeguard
