// Running a reference validator for an agreement test: the Python to run it with, and the findings
// its driver script (bench/reference/*_reference.py) prints as CSV, one (rule, child, table, row)
// a line after a header row.
#pragma once

#include <cstdio>
#include <cstdlib>
#include <optional>
#include <set>
#include <sstream>
#include <string>
#include <tuple>
#include <vector>

#include "core/csv.h"

namespace safeguard::testing {

using FindingKey = std::tuple<std::string, std::string, std::string, std::string>;  // rule, child, table, row

// SAFEGUARD_REFERENCE_PYTHON, or Debian's Python, which has python3-pandas.
inline std::string reference_python() {
  const char* python = std::getenv("SAFEGUARD_REFERENCE_PYTHON");
  return python && *python ? python : "/usr/bin/python3";
}

// The findings a shell command prints; nullopt when it cannot run or exits with a failure.
inline std::optional<std::set<FindingKey>> reference_findings(const std::string& command) {
  std::string output;
  FILE* p = popen(command.c_str(), "r");
  if (!p) return std::nullopt;
  char buffer[4096];
  size_t n;
  while ((n = fread(buffer, 1, sizeof buffer, p)) > 0) output.append(buffer, n);
  if (pclose(p) != 0) return std::nullopt;
  std::set<FindingKey> out;
  std::istringstream in(output);
  CsvReader reader(in);
  std::vector<std::string> row;
  for (bool header = true; reader.next(row); header = false) {
    if (!header && row.size() == 4) out.insert({row[0], row[1], row[2], row[3]});
  }
  return out;
}

}  // namespace safeguard::testing
