#include "returns/cin_validator.h"

#include <functional>

#include "returns/cin_checks.h"

namespace safeguard {
namespace {

struct RuleEntry {
  CinRule rule;
  std::function<void(CinCheck&)> run;
};

const std::vector<RuleEntry>& entries() {
  static const std::vector<RuleEntry> kEntries = [] {
    std::vector<RuleEntry> out;
    std::vector<CinRuleDefinition> rules;
    add_cin_child_rules(rules);
    add_cin_episode_rules(rules);
    add_cin_protection_rules(rules);
    for (CinRuleDefinition& d : rules) out.push_back({std::move(d.rule), std::move(d.run)});
    return out;
  }();
  return kEntries;
}

}  // namespace

const std::vector<CinRule>& cin_rules() {
  static const std::vector<CinRule> kRules = [] {
    std::vector<CinRule> out;
    for (const RuleEntry& e : entries()) out.push_back(e.rule);
    return out;
  }();
  return kRules;
}

ValidationReport validate_cin(const CinDocument& census, std::optional<int> year) {
  ValidationReport report;
  CinCheck check(census, report, year);
  for (const RuleEntry& e : entries()) {
    check.begin(e.rule);
    e.run(check);
    ++report.rules_run;
  }
  return report;
}

}  // namespace safeguard
