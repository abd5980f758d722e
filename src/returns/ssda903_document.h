// An SSDA903 return as the validator reads it (returns.md 2.2): the CSV tables of a collection
// year, each recognised by its set of columns (never by its file name, as the reference validator
// recognises them), with every value upper-cased and an empty cell the only blank one. Rows keep
// their order in the file, and a finding's row is the 0-based data row of its table, not counting
// blank lines. Nothing is parsed at reading: rules read dates and numbers themselves.
//
// A file whose columns are not those of a table, a file that is not CSV, or one that cannot be
// read, is an error naming the file (and the line, for a malformed record): it is not a finding.
//
// Thread safety: values and pure functions.
#pragma once

#include <array>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"

namespace safeguard {

// The SSDA903 tables, in the order the DfE lists them (and findings are sorted by).
enum class Ssda903Table {
  kHeader,
  kEpisodes,
  kReviews,
  kUasc,
  kOc2,
  kOc3,
  kAd1,
  kPlacedAdoption,
  kPrevPerm,
  kMissing,
  kSwEpisodes,
  kDoLo,
};
inline constexpr size_t kSsda903Tables = 12;

// The table's name ("Episodes") and its columns in the DfE's order.
std::string_view ssda903_table_name(Ssda903Table table);
const std::vector<std::string_view>& ssda903_columns(Ssda903Table table);

// One table of one year: its rows, each a value per column in ssda903_columns order ("" when
// blank), or nullopt when the return has no file for it.
struct Ssda903Rows {
  std::vector<std::vector<std::string>> rows;
};

// One collection year's files.
struct Ssda903Year {
  std::array<std::optional<Ssda903Rows>, kSsda903Tables> tables;

  const std::optional<Ssda903Rows>& table(Ssda903Table t) const { return tables[static_cast<size_t>(t)]; }
};

struct Ssda903Return {
  Ssda903Year current;
  std::optional<Ssda903Year> previous;  // the year before, when given (the reference's "_last")
};

// A file's name and text.
struct Ssda903File {
  std::string name;
  std::string text;
};

// Reads a year's files: each must be CSV whose header row is exactly one table's columns, in any
// order. A later file for the same table replaces an earlier one, as in the reference.
Result<Ssda903Year> read_ssda903_year(const std::vector<Ssda903File>& files);

// Reads every *.csv file of a directory (in name order) as a year.
Result<Ssda903Year> read_ssda903_directory(const std::string& directory);

}  // namespace safeguard
