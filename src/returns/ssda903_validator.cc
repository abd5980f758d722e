#include "returns/ssda903_validator.h"

#include <algorithm>
#include <atomic>
#include <thread>
#include <tuple>

#include "returns/ssda903_checks.h"

namespace safeguard {

std::optional<Date> parse_ssda903_date(std::string_view text) {
  // Most dates are DD/MM/YYYY: read those at once.
  if (text.size() == 10 && text[2] == '/' && text[5] == '/') {
    const auto digit = [&](size_t i) { return static_cast<unsigned>(text[i] - '0'); };
    bool digits = true;
    for (const size_t i : {0, 1, 3, 4, 6, 7, 8, 9}) digits = digits && digit(i) <= 9;
    if (digits) {
      const int day = static_cast<int>(digit(0) * 10 + digit(1));
      const int month = static_cast<int>(digit(3) * 10 + digit(4));
      const int y = static_cast<int>(digit(6) * 1000 + digit(7) * 100 + digit(8) * 10 + digit(9));
      if (y < 1677 || y > 2262 || month < 1 || month > 12 || day < 1 || day > days_in_month(y, month))
        return std::nullopt;
      return Date::from_ymd(y, month, day);
    }
  }
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
  // taking the next rule not yet taken, with its own check and findings. What the checks share
  // (indexes, placements) is freed before the findings are written out in full, in rule order.
  const std::vector<Ssda903RuleDefinition>& rules = definitions();
  struct Part {
    std::vector<Ssda903Check::Flagged> found;
    std::vector<std::pair<size_t, std::string>> skipped;  // by the rule's place in the list
    int rules_run = 0;
  };
  const unsigned threads = std::clamp(std::thread::hardware_concurrency(), 1u, 4u);
  std::vector<Part> parts(threads);
  {
    Ssda903Check::Shared shared;
    std::atomic<size_t> next{0};
    const auto work = [&](Part& part) {
      Ssda903Check check(submitted, options, year, part.found, shared);
      for (size_t i; (i = next++) < rules.size();) {
        const Ssda903RuleDefinition& d = rules[i];
        const size_t before = part.found.size();
        check.begin(d, i);
        d.run(check);
        // A rule that needed a lookup it was not given is skipped: what it found would be wrong.
        if (check.lacked_postcodes() || check.lacked_providers()) {
          part.found.resize(before);
          part.skipped.emplace_back(
              i,
              d.rule.code + (check.lacked_postcodes() ? ": needs the ONS postcode directory (--postcodes)"
                                                      : ": needs the Ofsted provider lists (--providers)"));
          continue;
        }
        ++part.rules_run;
      }
    };
    std::vector<std::jthread> others;
    for (unsigned t = 1; t < threads; ++t) others.emplace_back([&, t] { work(parts[t]); });
    work(parts[0]);
  }
  ValidationReport report;
  std::vector<Ssda903Check::Flagged> found = std::move(parts[0].found);
  std::vector<std::pair<size_t, std::string>> skipped = std::move(parts[0].skipped);
  report.rules_run = parts[0].rules_run;
  for (unsigned t = 1; t < threads; ++t) {
    found.insert(found.end(), parts[t].found.begin(), parts[t].found.end());
    std::vector<Ssda903Check::Flagged>().swap(parts[t].found);
    report.rules_run += parts[t].rules_run;
    for (auto& s : parts[t].skipped) skipped.push_back(std::move(s));
  }
  std::sort(skipped.begin(), skipped.end());
  for (auto& [i, why] : skipped) report.skipped.push_back(std::move(why));
  // In rule order, then by table and row (a rule's findings share their fields, and a row's value
  // is the row's): the order sort_findings gives.
  std::sort(found.begin(), found.end(), [](const Ssda903Check::Flagged& a, const Ssda903Check::Flagged& b) {
    return std::tie(a.rule, a.table, a.row) < std::tie(b.rule, b.table, b.row);
  });
  for (const Ssda903Check::Flagged& f : found)
    report.findings.push_back(ssda903_finding(submitted, rules[f.rule], static_cast<T>(f.table), f.row));
  return report;
}

}  // namespace safeguard
