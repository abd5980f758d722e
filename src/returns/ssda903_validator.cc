#include "returns/ssda903_validator.h"

#include <algorithm>
#include <atomic>
#include <thread>

#include "returns/ssda903_checks.h"

namespace safeguard {

std::optional<Date> parse_ssda903_date(std::string_view text) {
  int part[3] = {0, 0, 0};
  size_t digits[3] = {0, 0, 0};
  size_t p = 0;
  for (const char c : text) {
    if (c == '/') {
      if (++p > 2) return std::nullopt;
    } else if (c >= '0' && c <= '9') {
      part[p] = part[p] * 10 + (c - '0');
      if (++digits[p] > 4) return std::nullopt;
    } else {
      return std::nullopt;
    }
  }
  if (p != 2 || digits[0] < 1 || digits[0] > 2 || digits[1] < 1 || digits[1] > 2 || digits[2] != 4)
    return std::nullopt;
  // pandas, which the reference reads dates with, knows years 1677 to 2262 only.
  if (part[2] < 1677 || part[2] > 2262) return std::nullopt;
  if (part[1] < 1 || part[1] > 12 || part[0] < 1 || part[0] > days_in_month(part[2], part[1]))
    return std::nullopt;
  return Date::from_ymd(part[2], part[1], part[0]);
}

namespace {

using namespace ssda903;

const std::vector<Ssda903RuleDefinition>& definitions() {
  static const std::vector<Ssda903RuleDefinition> kDefinitions = [] {
    std::vector<Ssda903RuleDefinition> out;
    add_ssda903_rules_100s(out);
    add_ssda903_rules_200s(out);
    add_ssda903_rules_300s(out);
    add_ssda903_rules_400s(out);
    add_ssda903_rules_500s(out);
    add_ssda903_rules_600s_up(out);
    return out;
  }();
  return kDefinitions;
}

}  // namespace

const std::vector<Ssda903Rule>& ssda903_rules() {
  static const std::vector<Ssda903Rule> kRules = [] {
    std::vector<Ssda903Rule> out;
    for (const Ssda903RuleDefinition& d : definitions()) out.push_back(d.rule);
    return out;
  }();
  return kRules;
}

ValidationReport validate_ssda903(const Ssda903Return& submitted, int year, const Ssda903Options& options) {
  // The rules are independent, so they run on the machine's cores (at most four), each thread
  // taking the next rule not yet taken, with its own check and findings; the findings are sorted
  // into rule order after.
  const std::vector<Ssda903RuleDefinition>& rules = definitions();
  Ssda903Check::Shared shared;
  std::atomic<size_t> next{0};
  struct Part {
    ValidationReport report;
    std::vector<std::pair<size_t, std::string>> skipped;  // by the rule's place in the list
  };
  const auto work = [&](Part& part) {
    Ssda903Check check(submitted, options, year, part.report, shared);
    for (size_t i; (i = next++) < rules.size();) {
      const Ssda903RuleDefinition& d = rules[i];
      const size_t before = part.report.findings.size();
      check.begin(d);
      d.run(check);
      // A rule that needed a lookup it was not given is skipped: what it found would be wrong.
      if (check.lacked_postcodes() || check.lacked_providers()) {
        part.report.findings.resize(before);
        part.skipped.emplace_back(
            i, d.rule.code + (check.lacked_postcodes() ? ": needs the ONS postcode directory (--postcodes)"
                                                       : ": needs the Ofsted provider lists (--providers)"));
        continue;
      }
      ++part.report.rules_run;
    }
  };
  const unsigned threads = std::clamp(std::thread::hardware_concurrency(), 1u, 4u);
  std::vector<Part> parts(threads);
  {
    std::vector<std::jthread> others;
    for (unsigned t = 1; t < threads; ++t) others.emplace_back([&, t] { work(parts[t]); });
    work(parts[0]);
  }
  ValidationReport report = std::move(parts[0].report);
  std::vector<std::pair<size_t, std::string>> skipped = std::move(parts[0].skipped);
  for (unsigned t = 1; t < threads; ++t) {
    for (Finding& f : parts[t].report.findings) report.findings.push_back(std::move(f));
    report.rules_run += parts[t].report.rules_run;
    for (auto& s : parts[t].skipped) skipped.push_back(std::move(s));
  }
  std::sort(skipped.begin(), skipped.end());
  for (auto& [i, why] : skipped) report.skipped.push_back(std::move(why));
  static const std::vector<std::string_view> kCodes = [] {
    std::vector<std::string_view> out;
    for (const Ssda903Rule& r : ssda903_rules()) out.push_back(r.code);
    return out;
  }();
  sort_findings(report.findings, kCodes, [](std::string_view table) {
    for (size_t t = 0; t < kSsda903Tables; ++t) {
      if (ssda903_table_name(static_cast<Ssda903Table>(t)) == table) return static_cast<int>(t);
    }
    return static_cast<int>(kSsda903Tables);
  });
  return report;
}

}  // namespace safeguard
