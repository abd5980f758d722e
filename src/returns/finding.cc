#include "returns/finding.h"

#include <algorithm>
#include <limits>
#include <nlohmann/json.hpp>
#include <ostream>
#include <sstream>
#include <tuple>
#include <unordered_map>

#include "returns/table.h"

namespace safeguard {
namespace {

const char* type_of(Severity s) { return s == Severity::kError ? "error" : "query"; }

}  // namespace

size_t ValidationReport::errors() const {
  return static_cast<size_t>(std::count_if(findings.begin(), findings.end(),
                                           [](const Finding& f) { return f.severity == Severity::kError; }));
}

size_t ValidationReport::queries() const { return findings.size() - errors(); }

void sort_findings(std::deque<Finding>& findings, const std::vector<std::string_view>& rules,
                   const std::function<int(std::string_view table)>& table_order) {
  std::unordered_map<std::string_view, size_t> place;
  for (size_t i = 0; i < rules.size(); ++i) place.emplace(rules[i], i);
  const auto key = [&](const Finding& f) {
    const auto rule = place.find(f.rule);
    return std::make_tuple(rule == place.end() ? rules.size() : rule->second,
                           f.table.empty() ? std::numeric_limits<int>::min() : table_order(f.table), f.row,
                           f.fields, std::cref(f.value));
  };
  std::sort(findings.begin(), findings.end(),
            [&](const Finding& a, const Finding& b) { return key(a) < key(b); });
}

void write_findings_csv(const ValidationReport& report, std::ostream& out) {
  out << csv_row({"rule", "type", "child", "table", "row", "fields", "value", "message"});
  for (const Finding& f : report.findings) {
    const std::string row = f.row < 0 ? "" : std::to_string(f.row);
    out << csv_row({f.rule, type_of(f.severity), f.child, f.table, row, f.fields, f.value, f.message});
  }
}

std::string findings_csv(const ValidationReport& report) {
  std::ostringstream out;
  write_findings_csv(report, out);
  return out.str();
}

void write_findings_json(const ValidationReport& report, std::ostream& out) {
  // Replace, not throw, on text that is not UTF-8: a finding quotes what the file holds.
  const auto dump = [](const nlohmann::json& j) {
    return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  };
  out << "{\"errors\": " << report.errors() << ", \"queries\": " << report.queries()
      << ", \"rules_run\": " << report.rules_run << ", \"skipped\": " << dump(report.skipped)
      << ",\n \"findings\": [";
  bool first = true;
  for (const Finding& f : report.findings) {
    const nlohmann::json finding = {{"rule", f.rule},
                                    {"type", type_of(f.severity)},
                                    {"child", f.child},
                                    {"table", f.table},
                                    {"row", f.row < 0 ? nlohmann::json(nullptr) : nlohmann::json(f.row)},
                                    {"fields", f.fields},
                                    {"value", f.value},
                                    {"message", f.message}};
    out << (first ? "\n  " : ",\n  ") << dump(finding);
    first = false;
  }
  out << "]}\n";
}

std::string findings_json(const ValidationReport& report) {
  std::ostringstream out;
  write_findings_json(report, out);
  return out.str();
}

}  // namespace safeguard
