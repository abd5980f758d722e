#include "returns/cin_validator.h"

#include <algorithm>
#include <deque>
#include <fstream>
#include <functional>
#include <string_view>
#include <tuple>
#include <unordered_map>
#include <unordered_set>

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

namespace {

// Orders a rule's findings by table (the whole return, the Header, then CinTable order) and row,
// so that a census gives the same findings however it was batched.
int table_order(const Finding& f) {
  if (f.table.empty()) return -2;
  const auto table = cin_table_index(f.table);
  return table ? static_cast<int>(*table) : -1;
}

// Orders findings by rule (in the order they run), then table (the whole return, the Header, then
// CinTable order) and row, so that a census gives the same findings however it was batched.
void sort_findings(std::deque<Finding>& findings) {
  static const std::unordered_map<std::string_view, size_t> kRuleOrder = [] {
    std::unordered_map<std::string_view, size_t> out;
    for (size_t i = 0; i < cin_rules().size(); ++i) out.emplace(cin_rules()[i].code, i);
    return out;
  }();
  const auto key = [](const Finding& f) {
    const auto rule = kRuleOrder.find(f.rule);
    return std::make_tuple(rule == kRuleOrder.end() ? kRuleOrder.size() : rule->second, table_order(f), f.row,
                           f.fields, std::cref(f.value));
  };
  std::sort(findings.begin(), findings.end(),
            [&](const Finding& a, const Finding& b) { return key(a) < key(b); });
}

// Every rule over a census, one batch after another.
class Validation {
 public:
  explicit Validation(std::optional<int> year) : year_(year), states_(entries().size()) {}

  void add(const CinDocument& batch, bool last) {
    CinCheck check(batch, report_, year_, states_, last);
    for (size_t i = 0; i < entries().size(); ++i) {
      check.begin(entries()[i].rule, i);
      entries()[i].run(check);
    }
  }

  ValidationReport finish() {
    report_.rules_run = static_cast<int>(entries().size());
    sort_findings(report_.findings);
    return std::move(report_);
  }

 private:
  std::optional<int> year_;
  CinRuleStates states_;
  ValidationReport report_;
};

}  // namespace

ValidationReport validate_cin(const CinDocument& census, std::optional<int> year) {
  Validation validation(year);
  validation.add(census, true);
  return validation.finish();
}

Result<ValidationReport> validate_cin_file(const std::string& path, std::optional<int> year,
                                           size_t batch_children) {
  {
    std::ifstream in(path, std::ios::binary);
    if (!in) return Error::invalid("cannot open " + path, "file");
    Validation validation(year);
    std::unordered_set<std::string> ids;
    bool shared_ids = false;
    const Status read = read_cin_census_in_batches(
        in, path, batch_children, [&](const CinDocument& batch, bool last) -> Status {
          for (const CinChildRow& child : batch.children) {
            if (child.la_child_id.empty() || !ids.insert(child.la_child_id).second) {
              shared_ids = true;
              return Error::conflict("children share an LAchildID");
            }
          }
          validation.add(batch, last);
          return Status::success();
        });
    if (!shared_ids) {
      if (!read) return read.error();
      return validation.finish();
    }
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) return Error::invalid("cannot open " + path, "file");
  const auto census = read_cin_census(in, path);
  if (!census) return census.error();
  return validate_cin(*census, year);
}

}  // namespace safeguard
