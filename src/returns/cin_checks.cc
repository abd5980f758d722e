#include "returns/cin_checks.h"

#include <algorithm>

namespace safeguard {

std::string episode_key(const std::string& child, int64_t details_id) {
  std::string key = child;
  key += '\x1f';
  key += std::to_string(details_id);
  return key;
}

bool one_of(std::string_view value, std::initializer_list<std::string_view> codes) {
  return std::find(codes.begin(), codes.end(), value) != codes.end();
}

namespace {
std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}
}  // namespace

bool is_true(std::string_view value) {
  const std::string v = lower(value);
  return v == "true" || v == "1";
}

bool is_false(std::string_view value) {
  const std::string v = lower(value);
  return v == "false" || v == "0";
}

CinCheck::CinCheck(const CinDocument& c, ValidationReport& report, std::optional<int> year)
    : census(c), report_(report) {
  if (year) {
    reference = Date::from_ymd(*year, 3, 31);
    year_given = true;
  } else if (c.header.reference_date.day) {
    reference = c.header.reference_date.day;
  }
  // A year back and a day on: 31 March 2026 -> 1 April 2025; 29 February -> 1 March.
  if (reference) start = add_months(*reference, -12) + 1;
}

Date CinCheck::working_days_before_reference(int n) const {
  Date d = *reference;
  while (!calendar_.is_working_day(d)) d += 1;
  return calendar_.add_working_days(d, -(n - 1));
}

void CinCheck::flag(std::string_view table, size_t row, const std::string& child, std::string_view fields,
                    std::string_view value) {
  if (!flagged_.insert(std::string(table) + ' ' + std::to_string(row)).second) return;
  Finding f;
  f.rule = rule_->code;
  f.severity = rule_->severity;
  f.child = child;
  f.table = std::string(table);
  f.row = static_cast<int64_t>(row);
  f.fields = std::string(fields);
  f.value = std::string(value);
  f.message = rule_->message;
  report_.findings.push_back(std::move(f));
}

void CinCheck::flag_return(std::string_view fields, std::string_view value) {
  Finding f;
  f.rule = rule_->code;
  f.severity = rule_->severity;
  f.fields = std::string(fields);
  f.value = std::string(value);
  f.message = rule_->message;
  report_.findings.push_back(std::move(f));
}

template <typename Rows, typename Key>
const RowList& CinCheck::lookup(std::optional<Index>& index, const Rows& rows, Key key,
                                const std::string& wanted) {
  if (!index) {
    index.emplace();
    index->reserve(rows.size());
    for (size_t i = 0; i < rows.size(); ++i) (*index)[key(rows[i])].push_back(i);
  }
  static const RowList kNone;
  const auto it = index->find(wanted);
  return it == index->end() ? kNone : it->second;
}

const RowList& CinCheck::children_named(const std::string& child) {
  return lookup(
      children_, census.children, [](const CinChildRow& r) { return r.la_child_id; }, child);
}

const RowList& CinCheck::details_of_child(const std::string& child) {
  return lookup(
      details_by_child_, census.details, [](const CinDetailsRow& r) { return r.la_child_id; }, child);
}

const RowList& CinCheck::details_named(const std::string& child, int64_t details_id) {
  return lookup(
      details_, census.details,
      [](const CinDetailsRow& r) { return episode_key(r.la_child_id, r.details_id); },
      episode_key(child, details_id));
}

const RowList& CinCheck::assessments_of(const std::string& child, int64_t details_id) {
  return lookup(
      assessments_, census.assessments,
      [](const CinAssessmentRow& r) { return episode_key(r.la_child_id, r.details_id); },
      episode_key(child, details_id));
}

const RowList& CinCheck::plans_of(const std::string& child, int64_t details_id) {
  return lookup(
      plans_, census.plans, [](const CinPlanDatesRow& r) { return episode_key(r.la_child_id, r.details_id); },
      episode_key(child, details_id));
}

const RowList& CinCheck::plans_of_child(const std::string& child) {
  return lookup(
      plans_by_child_, census.plans, [](const CinPlanDatesRow& r) { return r.la_child_id; }, child);
}

const RowList& CinCheck::section47_of(const std::string& child, int64_t details_id) {
  return lookup(
      section47_, census.section47,
      [](const CinSection47Row& r) { return episode_key(r.la_child_id, r.details_id); },
      episode_key(child, details_id));
}

const RowList& CinCheck::protection_plans_of(const std::string& child, int64_t details_id) {
  return lookup(
      cpps_, census.protection_plans,
      [](const CinProtectionPlanRow& r) { return episode_key(r.la_child_id, r.details_id); },
      episode_key(child, details_id));
}

const RowList& CinCheck::protection_plans_of_child(const std::string& child) {
  return lookup(
      cpps_by_child_, census.protection_plans, [](const CinProtectionPlanRow& r) { return r.la_child_id; },
      child);
}

const RowList& CinCheck::reviews_of(const std::string& child, int64_t details_id, int64_t plan_id) {
  return lookup(
      reviews_, census.reviews,
      [](const CinReviewRow& r) {
        return episode_key(r.la_child_id, r.details_id) + '\x1f' + std::to_string(r.plan_id);
      },
      episode_key(child, details_id) + '\x1f' + std::to_string(plan_id));
}

const RowList& CinCheck::disabilities_of(const std::string& child) {
  return lookup(
      disabilities_, census.disabilities, [](const CinDisabilityRow& r) { return r.la_child_id; }, child);
}

}  // namespace safeguard
