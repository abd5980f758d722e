#include "returns/cin_validator.h"

#include <algorithm>
#include <deque>
#include <fstream>
#include <functional>
#include <string_view>
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
    // The same findings in the same order however the census was batched: by rule, then the
    // Header, then the tables in CinTable order.
    static const std::vector<std::string_view> kCodes = [] {
      std::vector<std::string_view> out;
      for (const CinRule& r : cin_rules()) out.push_back(r.code);
      return out;
    }();
    sort_findings(report_.findings, kCodes, [](std::string_view table) {
      const auto t = cin_table_index(table);
      return t ? static_cast<int>(*t) : -1;
    });
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
