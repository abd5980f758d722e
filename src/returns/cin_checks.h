// What the CIN census rules are written with (returns/cin_validator.h runs them): the census, its
// period, England's working days, indexes joining the tables as the reference validator joins
// them (a child by LAchildID; an episode by LAchildID and CINdetailsID), and one way to report a
// finding. The rules themselves are in cin_rules_*.cc, one file per subject.
//
// Thread safety: a CinCheck belongs to one validation on one thread.
#pragma once

#include <any>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "core/calendar.h"
#include "core/text.h"
#include "returns/cin_document.h"
#include "returns/cin_validator.h"

namespace safeguard {

// Table names as findings give them.
inline constexpr std::string_view kHeader = "Header";
inline constexpr std::string_view kChildIdentifiers = "ChildIdentifiers";
inline constexpr std::string_view kChildCharacteristics = "ChildCharacteristics";
inline constexpr std::string_view kDisabilities = "Disabilities";
inline constexpr std::string_view kCINdetails = "CINdetails";
inline constexpr std::string_view kAssessments = "Assessments";
inline constexpr std::string_view kAssessmentFactorsList = "AssessmentFactorsList";
inline constexpr std::string_view kCINplanDates = "CINplanDates";
inline constexpr std::string_view kSection47 = "Section47";
inline constexpr std::string_view kChildProtectionPlans = "ChildProtectionPlans";
inline constexpr std::string_view kReviews = "Reviews";

using RowList = std::vector<size_t>;

// What each rule keeps from one batch of a census to the next (see CinCheck::state), by rule.
using CinRuleStates = std::vector<std::any>;

// The table a finding names, as an index into CinDocument::first_row; nullopt for the Header.
std::optional<size_t> cin_table_index(std::string_view table);

class CinCheck {
 public:
  // The rules' view of one batch of a census (the whole census is one batch, and the last).
  CinCheck(const CinDocument& census, ValidationReport& report, std::optional<int> year,
           CinRuleStates& states, bool last_batch);

  const CinDocument& census;
  // The census period: 1 April to the ReferenceDate (or to 31 March of --year). Unset when the
  // header has no ReferenceDate that is a date and no year was given.
  std::optional<Date> start, reference;
  bool year_given = false;  // the period is the year asked for, not the header's

  // Starts the rule that is `index` in the list of rules.
  void begin(const CinRule& rule, size_t index) {
    rule_ = &rule;
    rule_index_ = index;
    flagged_.clear();
  }
  const CinRule& rule() const { return *rule_; }

  // Most rules look at one child at a time, and a census can be checked a batch of children at a
  // time. A rule about the whole return (a count, a share, a duplicate across children) adds each
  // batch to its state and reports when the last batch has been added.
  bool last_batch() const { return last_batch_; }
  template <typename State>
  State& state() {
    std::any& slot = states_[rule_index_];
    if (!slot.has_value()) slot = State{};
    return std::any_cast<State&>(slot);
  }

  // A finding of the running rule about a row of a table of this batch; a row the rule has
  // already flagged in this batch is not flagged again. `table` is one of the names above, and
  // `fields` the rule's own text (Finding keeps both as views).
  void flag(std::string_view table, size_t row, const std::string& child, std::string_view fields,
            std::string_view value);
  // The row of the file that is `row` of this batch's `table`.
  size_t file_row(std::string_view table, size_t row) const;
  // A finding about a row of the file, of this batch or an earlier one.
  void flag_file_row(std::string_view table, size_t file_row, const std::string& child,
                     std::string_view fields, std::string_view value);
  // A finding about the whole return.
  void flag_return(std::string_view fields, std::string_view value = {});

  const WorkingDayCalendar& calendar() const { return calendar_; }
  // The day `n` working days before the ReferenceDate, counting it as the first (the reference's
  // reckoning for rules 8670Q and 8675Q; a ReferenceDate that is not a working day counts from the
  // next one). Needs `reference`.
  Date working_days_before_reference(int n) const;

  // Rows of each table by child (LAchildID) and by episode (LAchildID, CINdetailsID), in row order.
  const RowList& children_named(std::string_view child);
  const RowList& details_of_child(std::string_view child);
  const RowList& plans_of_child(std::string_view child);
  const RowList& protection_plans_of_child(std::string_view child);
  const RowList& disabilities_of(std::string_view child);
  RowList details_named(std::string_view child, int64_t details_id);
  RowList assessments_of(std::string_view child, int64_t details_id);
  RowList plans_of(std::string_view child, int64_t details_id);
  RowList section47_of(std::string_view child, int64_t details_id);
  RowList protection_plans_of(std::string_view child, int64_t details_id);
  RowList reviews_of(std::string_view child, int64_t details_id, int64_t plan_id);

 private:
  // Row numbers by LAchildID; the keys point into the census.
  using Index = std::unordered_map<std::string_view, RowList>;
  template <typename Rows>
  const RowList& of_child(std::optional<Index>& index, const Rows& rows, std::string_view child);
  template <typename Rows>
  RowList of_episode(std::optional<Index>& index, const Rows& rows, std::string_view child,
                     int64_t details_id);

  ValidationReport& report_;
  CinRuleStates& states_;
  const bool last_batch_;
  const CinRule* rule_ = nullptr;
  size_t rule_index_ = 0;
  WorkingDayCalendar calendar_;
  std::optional<Index> children_, details_by_child_, details_, assessments_, plans_, plans_by_child_,
      section47_, cpps_, cpps_by_child_, reviews_, disabilities_;
  std::unordered_set<std::string> flagged_;  // "table row" of the running rule's findings
};

struct CinRuleDefinition {
  CinRule rule;
  std::function<void(CinCheck&)> run;
};

// The rules, by subject.
void add_cin_child_rules(std::vector<CinRuleDefinition>& rules);       // header, identifiers, characteristics
void add_cin_episode_rules(std::vector<CinRuleDefinition>& rules);     // CINdetails, assessments, CIN plans
void add_cin_protection_rules(std::vector<CinRuleDefinition>& rules);  // section 47, child protection plans

// Rows of `rows` whose date (the member `date`) is before their episode's referral date: the row
// and the episode are both flagged (rules 1103, 1104, 1105, 2889, 4015).
template <typename Rows, typename Row = typename Rows::value_type>
void flag_before_referral(CinCheck& c, std::string_view table, const Rows& rows, CinDate Row::*date,
                          std::string_view field) {
  for (size_t i = 0; i < rows.size(); ++i) {
    const Row& r = rows[i];
    const CinDate& d = r.*date;
    if (!d.day) continue;
    for (const size_t e : c.details_named(r.la_child_id, r.details_id)) {
      const CinDetailsRow& episode = c.census.details[e];
      if (!episode.referral_date.day || *d.day >= *episode.referral_date.day) continue;
      c.flag(table, i, r.la_child_id, field, d.text);
      c.flag(kCINdetails, e, episode.la_child_id, "CINreferralDate", episode.referral_date.text);
    }
  }
}

// The reference's truth values: "true"/"1" (any case) and "false"/"0".
bool is_true(std::string_view value);
bool is_false(std::string_view value);

}  // namespace safeguard
