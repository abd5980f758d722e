// A statutory return's table as the DfE receives it: named columns and rows of text, written as a
// CSV file (RFC 4180, the header row first, LF line ends, a field quoted only when it holds a comma,
// a quote or a line break). The same table always gives the same bytes.
//
// Thread safety: values and pure functions.
#pragma once

#include <functional>
#include <initializer_list>
#include <iosfwd>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"

namespace safeguard {

struct ReturnTable {
  std::string name;                  // the file's name without ".csv", e.g. "Episodes"
  std::vector<std::string> columns;  // in the return's order
  std::vector<std::vector<std::string>> rows;
};

std::string to_csv(const ReturnTable& table);
// One row of CSV, with its line end.
std::string csv_row(std::initializer_list<std::string_view> fields);

// Writes a return's file (a table's CSV, the census XML, a validator's findings), replacing any
// file of that name only once the whole file is written. A path that is not a file (/dev/stdout,
// a pipe) is written to directly.
Status write_return_file(const std::string& path, std::string_view text);
Status write_return_file(const std::string& path, const std::function<void(std::ostream&)>& write);

// Writes each table to `directory`/<name>.csv, creating the directory if needed.
Status write_tables(const std::vector<ReturnTable>& tables, const std::string& directory);

}  // namespace safeguard
