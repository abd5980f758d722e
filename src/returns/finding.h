// What a validator says about a return: each finding names the DfE rule, whether it is an error
// (must be fixed) or a query (fix it or explain it), the child, the table and 0-based row it is
// about (row -1 for a finding about the whole return), the fields at fault, the value found and
// the rule's message. Findings are written as CSV (the default) or JSON, in the order found.
//
// Thread safety: values and pure functions.
#pragma once

#include <cstdint>
#include <deque>
#include <functional>
#include <iosfwd>
#include <string>
#include <string_view>
#include <vector>

namespace safeguard {

enum class Severity { kError, kQuery };

// The rule, table, fields and message are the validator's own text (its rules' codes, names and
// messages live as long as the program), so a return with many findings holds each only once.
struct Finding {
  std::string_view rule;  // the DfE rule code, e.g. "8608" or "8525Q"
  Severity severity = Severity::kError;
  std::string child;  // LAchildID or CHILD; empty for the whole return
  std::string_view table;
  int64_t row = -1;
  std::string_view fields;  // the fields at fault, separated by ", "
  std::string value;        // what the first of them holds
  std::string_view message;
};

struct ValidationReport {
  // A deque, so that a return with many findings never needs them twice over to grow.
  std::deque<Finding> findings;
  // Rules that could not run and why, e.g. "1008: needs the Ofsted provider lists (--providers)".
  std::vector<std::string> skipped;
  int rules_run = 0;

  size_t errors() const;
  size_t queries() const;
};

// Orders findings by rule (their place in `rules`, a validator's codes in the order they run), then
// by table (`table_order`; a finding about the whole return, with no table, comes first), row,
// fields and value, so that a return gives the same findings in the same order however it was read.
void sort_findings(std::deque<Finding>& findings, const std::vector<std::string_view>& rules,
                   const std::function<int(std::string_view table)>& table_order);

// CSV: rule,type,child,table,row,fields,value,message, with a header row; type is "error" or
// "query" and an empty row for the whole return.
void write_findings_csv(const ValidationReport& report, std::ostream& out);
std::string findings_csv(const ValidationReport& report);
// JSON: {"errors": n, "queries": n, "rules_run": n, "skipped": [...], "findings": [{...}]}, a
// finding to a line.
void write_findings_json(const ValidationReport& report, std::ostream& out);
std::string findings_json(const ValidationReport& report);

}  // namespace safeguard
