#include "returns/cin_checks.h"

#include <algorithm>
#include <array>

namespace safeguard {

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

std::optional<size_t> cin_table_index(std::string_view table) {
  static constexpr std::array<std::string_view, kCinTables> kTables{
      kChildIdentifiers,      kChildCharacteristics, kDisabilities, kCINdetails,           kAssessments,
      kAssessmentFactorsList, kCINplanDates,         kSection47,    kChildProtectionPlans, kReviews};
  for (size_t i = 0; i < kTables.size(); ++i) {
    if (kTables[i] == table) return i;
  }
  return std::nullopt;
}

CinCheck::CinCheck(const CinDocument& c, ValidationReport& report, std::optional<int> year,
                   CinRuleStates& states, bool last_batch)
    : census(c), report_(report), states_(states), last_batch_(last_batch) {
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

size_t CinCheck::file_row(std::string_view table, size_t row) const {
  const auto t = cin_table_index(table);
  return t ? census.first_row[*t] + row : row;
}

void CinCheck::flag(std::string_view table, size_t row, const std::string& child, std::string_view fields,
                    std::string_view value) {
  if (!flagged_.insert(std::string(table) + ' ' + std::to_string(row)).second) return;
  flag_file_row(table, file_row(table, row), child, fields, value);
}

void CinCheck::flag_file_row(std::string_view table, size_t row, const std::string& child,
                             std::string_view fields, std::string_view value) {
  Finding f;
  f.rule = rule_->code;
  f.severity = rule_->severity;
  f.child = child;
  f.table = table;
  f.row = static_cast<int64_t>(row);
  f.fields = fields;
  f.value = std::string(value);
  f.message = rule_->message;
  report_.findings.push_back(std::move(f));
}

void CinCheck::flag_return(std::string_view fields, std::string_view value) {
  Finding f;
  f.rule = rule_->code;
  f.severity = rule_->severity;
  f.fields = fields;
  f.value = std::string(value);
  f.message = rule_->message;
  report_.findings.push_back(std::move(f));
}

template <typename Rows>
const RowList& CinCheck::of_child(std::optional<Index>& index, const Rows& rows, std::string_view child) {
  if (!index) {
    index.emplace();
    for (size_t i = 0; i < rows.size(); ++i) (*index)[rows[i].la_child_id].push_back(i);
  }
  static const RowList kNone;
  const auto it = index->find(child);
  return it == index->end() ? kNone : it->second;
}

template <typename Rows>
RowList CinCheck::of_episode(std::optional<Index>& index, const Rows& rows, std::string_view child,
                             int64_t details_id) {
  RowList out;
  for (const size_t i : of_child(index, rows, child)) {
    if (rows[i].details_id == details_id) out.push_back(i);
  }
  return out;
}

const RowList& CinCheck::children_named(std::string_view child) {
  return of_child(children_, census.children, child);
}
const RowList& CinCheck::details_of_child(std::string_view child) {
  return of_child(details_, census.details, child);
}
const RowList& CinCheck::plans_of_child(std::string_view child) {
  return of_child(plans_, census.plans, child);
}
const RowList& CinCheck::protection_plans_of_child(std::string_view child) {
  return of_child(cpps_, census.protection_plans, child);
}
const RowList& CinCheck::disabilities_of(std::string_view child) {
  return of_child(disabilities_, census.disabilities, child);
}

RowList CinCheck::details_named(std::string_view child, int64_t details_id) {
  return of_episode(details_, census.details, child, details_id);
}
RowList CinCheck::assessments_of(std::string_view child, int64_t details_id) {
  return of_episode(assessments_, census.assessments, child, details_id);
}
RowList CinCheck::plans_of(std::string_view child, int64_t details_id) {
  return of_episode(plans_, census.plans, child, details_id);
}
RowList CinCheck::section47_of(std::string_view child, int64_t details_id) {
  return of_episode(section47_, census.section47, child, details_id);
}
RowList CinCheck::protection_plans_of(std::string_view child, int64_t details_id) {
  return of_episode(cpps_, census.protection_plans, child, details_id);
}
RowList CinCheck::reviews_of(std::string_view child, int64_t details_id, int64_t plan_id) {
  RowList out;
  for (const size_t i : of_episode(reviews_, census.reviews, child, details_id)) {
    if (census.reviews[i].plan_id == plan_id) out.push_back(i);
  }
  return out;
}

}  // namespace safeguard
