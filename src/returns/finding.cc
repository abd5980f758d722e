#include "returns/finding.h"

#include <algorithm>
#include <nlohmann/json.hpp>

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

std::string findings_csv(const ValidationReport& report) {
  ReturnTable table{"findings", {"rule", "type", "child", "table", "row", "fields", "value", "message"}, {}};
  table.rows.reserve(report.findings.size());
  for (const Finding& f : report.findings) {
    table.rows.push_back({f.rule, type_of(f.severity), f.child, f.table,
                          f.row < 0 ? "" : std::to_string(f.row), f.fields, f.value, f.message});
  }
  return to_csv(table);
}

std::string findings_json(const ValidationReport& report) {
  nlohmann::json findings = nlohmann::json::array();
  for (const Finding& f : report.findings) {
    findings.push_back({{"rule", f.rule},
                        {"type", type_of(f.severity)},
                        {"child", f.child},
                        {"table", f.table},
                        {"row", f.row < 0 ? nlohmann::json(nullptr) : nlohmann::json(f.row)},
                        {"fields", f.fields},
                        {"value", f.value},
                        {"message", f.message}});
  }
  const nlohmann::json out = {{"errors", report.errors()},
                              {"queries", report.queries()},
                              {"rules_run", report.rules_run},
                              {"skipped", report.skipped},
                              {"findings", std::move(findings)}};
  // Replace, not throw, on text that is not UTF-8: a finding quotes what the file holds.
  return out.dump(1, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
}

}  // namespace safeguard
