// SSDA903 rules 600 and up, with the social worker (SW), integrity (INT), EPI and NoE rules
// (returns/ssda903_checks.h says how rules read the return).
//
// Where the reference joins or tests membership on CHILD, a blank CHILD matches a blank CHILD (as
// pandas joins missing keys); where it groups by CHILD, rows with a blank CHILD are in no group.
// Where it crashes (1001, 1003, 1011 on a child with no readable start; 1007 and 1016 on a date
// they cannot read; 3001 on a child twice in the Header; SW13STG1 on an unreadable start), these
// rules do what the reference plainly means instead: they pass over what they cannot read.
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <functional>
#include <optional>
#include <set>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <utility>
#include <vector>

#include "returns/ssda903_checks.h"

namespace safeguard::ssda903 {

namespace {

using Day = std::optional<Date>;

struct RuleText {
  const char* code;
  const char* message;
  const char* fields;
};

// Each rule's message, verbatim from the reference, and the fields it names.
constexpr RuleText kTexts[] = {
    {"601",
     "The additional fields relating to adoption have not been completed although the episode data shows "
     "that the child was adopted during the year.",
     "REC, DATE_INT, DATE_MATCH, FOSTER_CARE, NB_ADOPTR, SEX_ADOPTR, LS_ADOPTR"},
    {"602",
     "The episode data submitted for this child does not show that he/she was adopted during the year.",
     "CHILD"},
    {"607", "Child ceased to be looked after in the year, but mother field has not been completed.",
     "DEC, REC, MOTHER, LS, SEX"},
    {"611", "Date of birth field is blank, but child is a mother.", "MOTHER, MC_DOB"},
    {"612", "Date of birth field has been completed but mother field indicates child is not a mother.",
     "SEX, MOTHER, MC_DOB"},
    {"620",
     "Child has been recorded as a mother, but date of birth shows that the mother is under 11 years of age.",
     "DOB, MOTHER"},
    {"621",
     "Mother\u2019s field has been completed but date of birth shows that the mother is younger than her "
     "child.",
     "DOB, MC_DOB"},
    {"624",
     "Date of birth of the first child contradicts the date of birth of the first child previously recorded.",
     "MC_DOB"},
    {"625",
     "Date of birth of the first child is beyond the end of this reporting year or the date the child ceased "
     "to be looked after.",
     "MC_DOB, DEC"},
    {"626",
     "Child was reported as a mother but the date of birth of the first child is before the current year "
     "which contradicts with the mother status recorded last year.",
     "MOTHER, MC_DOB"},
    {"628",
     "Motherhood details are not required for care leavers who have not been looked after during the year.",
     "MOTHER"},
    {"630", "Information on previous permanence option should be returned.", "RNE"},
    {"631", "Previous permanence option not a valid value.", "PREV_PERM"},
    {"632",
     "Date of previous permanence order not a valid value. NOTE: This rule may result in false negatives "
     "where the period of care started before the current collection year",
     "DATE_PERM, DECOM"},
    {"633", "Local authority code where previous permanence option was arranged is not a valid value.",
     "LA_PERM"},
    {"634",
     "There are entries for previous permanence options, but child has not started to be looked after from 1 "
     "April 2016 onwards.",
     "LA_PERM, PREV_PERM, DATE_PERM, DECOM"},
    {"635",
     "There are entries for date of order and local authority code where previous permanence option was "
     "arranged but previous permanence code is Z1",
     "LA_PERM, DATE_PERM, PREV_PERM"},
    {"1000",
     "This child is recorded as having died in care and therefore should not have the care leaver "
     "information completed. [NOTE: This only tests the current and previous year data loaded into the tool]",
     "IN_TOUCH, ACTIV, ACCOM"},
    {"1001",
     "The episodes recorded for this young person suggest they are not a relevant or a former relevant child "
     "and therefore should not have care leaver information completed. [NOTE: This tool can only test the "
     "current and previous year data loaded into the tool - this check may generate false positives if a "
     "child had episodes prior to last year's collection.]",
     "IN_TOUCH, ACTIV, ACCOM"},
    {"1002",
     "This child has no previous episodes of care, therefore should not have care leaver information "
     "recorded. [NOTE: This tool can only test the current and previous year data loaded into the tool - "
     "this check may generate false positives if a child had episodes prior to last year's collection.]",
     "IN_TOUCH, ACTIV, ACCOM"},
    {"1003",
     "Date of LA's decision that a child should be placed for adoption is before the child started to be "
     "looked after.",
     "DATE_PLACED, DECOM, RNE"},
    {"1004",
     "The start date of the missing episode or episode that the child was away from placement without "
     "authorisation is not a valid date.",
     "MIS_START"},
    {"1005",
     "The end date of the missing episode or episode that the child was away from placement without "
     "authorisation is not a valid date.",
     "MIS_END"},
    {"1006", "Missing type invalid.", "MISSING"},
    {"1007",
     "Care leaver information is not required for 17- or 18-year olds who are still looked after [on their "
     "17th or 18th birthday.]",
     "IN_TOUCH, ACTIV, ACCOM"},
    {"1008", "Ofsted Unique Reference Number (URN) is not valid.", "URN"},
    {"1009", "Reason for placement change is not a valid code.", "REASON_PLACE_CHANGE"},
    {"1010",
     "This child has no episodes loaded for current year even though there was an open episode of care at "
     "the end of the previous year, and care leaver data has been entered.",
     "IN_TOUCH, ACTIV, ACCOM"},
    {"1011",
     "This child is recorded as having his/her care transferred to another local authority for the final "
     "episode and therefore should not have the care leaver information completed.",
     "IN_TOUCH, ACTIV, ACCOM"},
    {"1012", "No other data should be returned for OC3 children who had no episodes in the current year",
     "CHILD"},
    {"1014", "UASC information is not required for care leavers", "ACTIV, ACCOM, IN_TOUCH, DUC"},
    {"1015", "Placement provider is own provision but child not placed in own LA.", "PL_LA"},
    {"1016",
     "Care leaver information is not required for 17- or 18-year olds who cease to be looked after, after "
     "their birthday.",
     "IN_TOUCH, ACTIV, ACCOM"},
    {"3001",
     "Where care leavers information is being returned for a young person around their 17th birthday, the "
     "accommodation cannot be with their former foster carer(s).",
     "REC"},
    {"EPI",
     "WARNING: Episodes need to be loaded for this child before further validation is possible [NOTE: This "
     "refers to the DfE portal - here, all checks that can be performed with only the available data will "
     "be.]",
     "CHILD"},
    {"INT01", "Data Integrity Check: Child in AD1 does not exist in Header.", "CHILD"},
    {"INT02", "Internal Check: Child in PlacedAdoption does not exist in Header.", "CHILD"},
    {"INT03", "Internal Check: Child in Episodes does not exist in Header.", "CHILD"},
    {"INT04", "Internal Check: Child in Missing does not exist in Header.", "CHILD"},
    {"INT05", "Internal Check: Child in OC2 does not exist in Header.", "CHILD"},
    {"INT06", "Internal Check: Child in OC3 does not exist in Header.", "CHILD"},
    {"INT07", "Internal Check: Child in PrevPerm does not exist in Header.", "CHILD"},
    {"INT08", "Internal Check: Child in Reviews does not exist in Header.", "CHILD"},
    {"INT09", "Internal Check: Child in UASC does not exist in Header.", "CHILD"},
    {"INT11", "Internal Check: DOB in AD1 is different to DOB in Header.", "DOB"},
    {"INT12", "Internal Check: DOB in PlacedAdoption is different to DOB in Header.", "DOB"},
    {"INT13", "Internal Check: DOB in Missing is different to DOB in Header.", "DOB"},
    {"INT14", "Internal Check: DOB in OC2 is different to DOB in Header.", "DOB"},
    {"INT15", "Internal Check: DOB in OC3 is different to DOB in Header.", "DOB"},
    {"INT16", "Internal Check: DOB in PrevPerm is different to DOB in Header.", "DOB"},
    {"INT17", "Internal Check: DOB in Reviews is different to DOB in Header.", "DOB"},
    {"INT18", "Internal Check: DOB in UASC is different to DOB in Header.", "DOB"},
    {"INT21", "Internal Check: SEX in UASC is different to SEX in Header.", "SEX"},
    {"INT31", "Internal Check: Child should only exist once in AD1.", "CHILD"},
    {"INT32", "Internal Check: Child should only exist once in Header.", "CHILD"},
    {"INT33", "Internal Check: Child should only exist once in OC2.", "CHILD"},
    {"INT34", "Internal Check: Child should only exist once in OC3.", "CHILD"},
    {"INT35", "Internal Check: Child should only exist once in PrevPerm.", "CHILD"},
    {"INT36", "Internal Check: Child should only exist once in UASC.", "CHILD"},
    {"NoE",
     "This child has no episodes loaded for previous year even though child started to be looked after "
     "before this current year.",
     "DECOM"},
    {"SW01aSTG1", "For each social worker episode, information should be complete", "SW_DECOM, SW_ID"},
    {"SW01bSTG1", "For each social worker episode, information should be complete",
     "SW_DECOM, SW_ID, SW_REASON"},
    {"SW02STG1", "Social worker ID does not begin with the characters \u2018SW\u2019 or \u2018XX\u2019.",
     "SW_ID"},
    {"SW04STG1", "Date social worker episode began is not a valid date..", "SW_DECOM"},
    {"SW05STG1", "Date social worker episode began is not a valid date.", "SW_DEC"},
    {"SW06STG2", "Social worker episode data should be within the social worker data reporting year.",
     "SW_DECOM"},
    {"SW07STG2",
     "Social worker episode end date should be on or after the start of the social worker reporting period, "
     "and should be on or before the collection end date.",
     "SW_DEC"},
    {"SW08STG2", "A new social worker episode has started, but the previous episode has not ended.",
     "SW_DEC"},
    {"SW09STG2", "Social worker episode appears to have lasted for less than 24 hours.", "SW_DECOM, SW_DEC"},
    {"SW10STG2",
     "A new social worker episode has started before the end date of the previous social worker episode.",
     "SW_DECOM"},
    {"SW11bSTG2",
     "Social worker episode has ended before 31 March and no subsequent social worker episode has been "
     "provided.",
     "SW_DEC"},
    {"SW12STG2",
     "If a child is looked after on 31 March then all social worker episodes for the full previous year "
     "should be reported, even those whilst they were not looked after",
     "SW_DECOM"},
    {"SW13STG1", "The reason for social worker change is not valid.", "SW_REASON"},
    {"SW17STG2", "There is no social worker episode open at 31 March", "SW_DEC, SW_DECOM"},
};

const RuleText& text_of(std::string_view code) {
  for (const RuleText& t : kTexts) {
    if (code == t.code) return t;
  }
  std::abort();  // a rule without its text
}

// Rules that Safeguard reports as queries, though the reference does not (docs/returns-validation.md):
// 1001 and 1002 see only two years, as their messages warn, so they find care leavers who left care
// before last year; SW12STG2 tests each social worker episode on its own.
bool is_query(std::string_view code) { return one_of(code, {"1001", "1002", "SW12STG2"}); }

Ssda903RuleDefinition rule(std::string_view code, std::function<void(Ssda903Check&)> run) {
  const RuleText& t = text_of(code);
  return {
      {t.code, is_query(code) ? Severity::kQuery : Severity::kError, t.message}, t.fields, std::move(run)};
}

bool care_leaver_data(const Row& oc3_row) {
  return any_given(oc3_row, {oc3::IN_TOUCH, oc3::ACTIV, oc3::ACCOM});
}

// The order pandas sorts rows by one date column in (no date last, in row order).
std::vector<size_t> sort_by_date(const std::vector<Day>& days, bool ascending) {
  std::vector<size_t> given, none;
  for (size_t i = 0; i < days.size(); ++i) (days[i] ? given : none).push_back(i);
  if (!ascending) std::reverse(given.begin(), given.end());
  const auto perm =
      numpy_argsort(given.size(), [&](size_t a, size_t b) { return *days[given[a]] < *days[given[b]]; });
  std::vector<size_t> order;
  order.reserve(days.size());
  for (const size_t p : perm) order.push_back(given[p]);
  if (!ascending) std::reverse(order.begin(), order.end());
  order.insert(order.end(), none.begin(), none.end());
  return order;
}

// Rows in a stable order of (CHILD, then the keys), no date last, as pandas sorts by several
// columns; a blank CHILD sorts last. Only grouping by CHILD matters to the rules, not its order.
std::vector<size_t> sort_by_child(const Ssda903Rows& rows, const std::vector<std::vector<Day>>& keys,
                                  bool ascending) {
  std::vector<size_t> order(rows.rows.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  auto before = [&](const Day& x, const Day& y) {  // x strictly first
    if (!x || !y) return x.has_value() && !y.has_value();
    return ascending ? *x < *y : *y < *x;
  };
  std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) {
    const std::string& ca = rows.rows[a][0];
    const std::string& cb = rows.rows[b][0];
    if (ca != cb) {
      if (ca.empty() || cb.empty()) return cb.empty();
      return ascending ? ca < cb : cb < ca;
    }
    for (const auto& k : keys) {
      if (before(k[a], k[b])) return true;
      if (before(k[b], k[a])) return false;
    }
    return false;
  });
  return order;
}

// A date as the reference's valid_date reads a partly known one: "ZZ" for an unknown day or month
// gives the latest day it could be (the last `ZZ` deciding how), "ZZZZ" stands for 2000.
Day partial_date(std::string_view text) {
  std::vector<std::string> parts;
  size_t start = 0;
  for (;;) {
    const size_t slash = text.find('/', start);
    parts.emplace_back(
        text.substr(start, slash == std::string_view::npos ? std::string_view::npos : slash - start));
    if (slash == std::string_view::npos) break;
    start = slash + 1;
  }
  if (text.empty() || parts.size() != 3) return std::nullopt;
  enum { kNone, kMonthEnd, kYearEnd, kNothing } adjust = kNone;
  for (size_t i = 0; i < 3; ++i) {
    if (parts[i] == "ZZ") {
      parts[i] = "01";
      adjust = i == 0 ? kMonthEnd : i == 1 ? kYearEnd : kNothing;
    } else if (parts[i] == "ZZZZ") {
      parts[i] = "2000";
    }
  }
  Day d = date(parts[0] + "/" + parts[1] + "/" + parts[2]);
  if (!d) return d;
  if (adjust == kMonthEnd) return add_months(*d, 1) - 1;
  if (adjust == kYearEnd) return add_years(*d, 1) - 1;
  return d;
}

bool in_year(const Ssda903Check& c, const Day& d) {
  return d && *d >= c.collection_start && *d <= c.collection_end;
}

// Template A: rows of `t` whose child is not in the Header.
Ssda903RuleDefinition not_in_header(const char* code, T t) {
  return rule(code, [t](Ssda903Check& c) {
    const Ssda903Rows* rows = c.table(t);
    if (!rows || !c.table(T::kHeader)) return;
    const JoinedRows header(c, T::kHeader);
    for (size_t i = 0; i < rows->rows.size(); ++i) {
      if (!header.any(rows->rows[i][0])) c.flag(t, i);
    }
  });
}

// Template B: rows of `t` whose field differs from the Header's for the child, both given
// (`as_dates`: both dates, compared as days).
Ssda903RuleDefinition differs_from_header(const char* code, T t, const char* field, bool as_dates) {
  return rule(code, [=](Ssda903Check& c) {
    const Ssda903Rows* rows = c.table(t);
    const Ssda903Rows* head = c.table(T::kHeader);
    if (!rows || !head) return;
    const size_t mine = column_of(t, field), theirs = column_of(T::kHeader, field);
    const JoinedRows header(c, T::kHeader);
    for (size_t i = 0; i < rows->rows.size(); ++i) {
      const std::string& v = rows->rows[i][mine];
      const Day d = as_dates ? date(v) : std::nullopt;
      if (as_dates ? !d : v.empty()) continue;
      for (const size_t h : header(rows->rows[i][0])) {
        const std::string& w = head->rows[h][theirs];
        const bool differs = as_dates ? (date(w) && *date(w) != *d) : (!w.empty() && w != v);
        if (differs) {
          c.flag(t, i);
          break;
        }
      }
    }
  });
}

// Template C: rows of `t` whose (given) child has more than one row.
Ssda903RuleDefinition more_than_once(const char* code, T t) {
  return rule(code, [t](Ssda903Check& c) {
    const Ssda903Rows* rows = c.table(t);
    if (!rows) return;
    for (size_t i = 0; i < rows->rows.size(); ++i) {
      const std::string& child = rows->rows[i][0];
      if (!child.empty() && c.rows_of(t, child).size() > 1) c.flag(t, i);
    }
  });
}

// Rule 1001: whether the episodes of this year and last make a child a relevant or former relevant
// child. The reference stacks both years' episodes keeping each row's number in its own file, so a
// row of one year and the row of the same number in the other share a label, and three steps that
// pick rows by label pick both; this is reproduced, for the findings depend on it.
void rule_1001(Ssda903Check& c) {
  const Ssda903Rows* now = c.table(T::kEpisodes);
  const Ssda903Rows* before = c.last(T::kEpisodes);
  const Ssda903Rows* oc3s = c.table(T::kOc3);
  const Ssda903Rows* head = c.table(T::kHeader);
  if (!now || !before || !oc3s || !head) return;
  if (now->rows.empty() || before->rows.empty() || oc3s->rows.empty() || head->rows.empty()) return;
  // Both years' episodes are numbered as one list, this year's first; an episode's label is its
  // row number in its own year. What is kept of each is in vectors by that number (at 50,000
  // children, maps and copies of rows took 20 MB).
  const size_t now_count = now->rows.size(), count = now_count + before->rows.size();
  const auto row_of = [&](size_t k) { return k < now_count ? now->rows[k] : before->rows[k - now_count]; };
  const auto label_of = [&](size_t k) { return k < now_count ? k : k - now_count; };
  constexpr int32_t kNoDay = INT32_MIN;
  ChildNumbers numbers;
  std::vector<uint32_t> child_of(count);
  std::vector<int32_t> starts(count);  // DECOM's day, kNoDay for none
  for (size_t k = 0; k < count; ++k) {
    const Row r = row_of(k);
    child_of[k] = numbers.number(r[episodes::CHILD]);
    const Day start = date(r[episodes::DECOM]);
    starts[k] = start ? start->days_since_epoch() : kNoDay;
  }
  // The same episode in both years (the child's and the start's): the copy with the earliest end
  // is kept (an open copy last). `eps` are the episodes kept, by their end.
  std::vector<uint32_t> eps;
  std::vector<int32_t> ends(count);  // DEC's day, kNoDay for none
  {
    std::vector<size_t> order;
    {
      std::vector<Day> days(count);
      for (size_t k = 0; k < count; ++k) {
        days[k] = date(row_of(k)[episodes::DEC]);
        ends[k] = days[k] ? days[k]->days_since_epoch() : kNoDay;
      }
      order = sort_by_date(days, true);
    }
    std::vector<uint32_t> rank(count);
    for (size_t r = 0; r < order.size(); ++r) rank[order[r]] = static_cast<uint32_t>(r);
    // Each child's episodes, to compare an episode with the child's others.
    std::vector<uint32_t> first(numbers.size() + 1), by_child(count);
    for (const uint32_t n : child_of) ++first[n + 1];
    for (size_t n = 0; n < numbers.size(); ++n) first[n + 1] += first[n];
    {
      std::vector<uint32_t> next(first.begin(), first.end() - 1);
      for (size_t k = 0; k < count; ++k) by_child[next[child_of[k]]++] = static_cast<uint32_t>(k);
    }
    const auto kept = [&](size_t k) {
      for (uint32_t j = first[child_of[k]]; j < first[child_of[k] + 1]; ++j) {
        const uint32_t other = by_child[j];
        if (starts[other] == starts[k] && rank[other] < rank[k]) return false;
      }
      return true;
    };
    for (const size_t k : order) {
      if (kept(k)) eps.push_back(static_cast<uint32_t>(k));
    }
  }
  // Each child's final episode (the latest start, the first kept of equal ones); an open one ends
  // at the collection's end.
  constexpr uint32_t kNone = UINT32_MAX;
  std::vector<uint32_t> final_of(numbers.size(), kNone);
  for (const uint32_t k : eps) {
    if (starts[k] == kNoDay || row_of(k)[episodes::CHILD].empty()) continue;
    uint32_t& pick = final_of[child_of[k]];
    if (pick == kNone || starts[k] > starts[pick]) pick = k;
  }
  // By row number, which the reference's labels are: this year's row k and last year's share one.
  std::vector<bool> final_labels(std::max(now_count, before->rows.size()));
  for (const uint32_t k : final_of) {
    if (k != kNone) final_labels[label_of(k)] = true;
  }
  for (const uint32_t k : eps) {
    if (ends[k] == kNoDay && final_labels[label_of(k)]) ends[k] = c.collection_end.days_since_epoch();
  }
  // Episodes of children born on a readable day and under 20 at the collection's end (once for
  // each Header row of the child), with the day of birth; the labels of V3 and V4 episodes among
  // them are short breaks, whose episodes are passed over.
  struct Entry {
    uint32_t k;
    int32_t dob;
  };
  std::vector<Entry> entries;
  std::vector<bool> short_breaks(final_labels.size());
  const JoinedRows header(c, T::kHeader);
  for (const uint32_t k : eps) {
    const Row r = row_of(k);
    for (const size_t h : header(r[episodes::CHILD])) {
      const Day dob = date(head->rows[h][header::DOB]);
      if (!dob || add_years(*dob, 20) <= c.collection_end) continue;
      entries.push_back({k, dob->days_since_epoch()});
      if (respite(r)) short_breaks[label_of(k)] = true;
    }
  }
  std::erase_if(entries, [&](const Entry& x) { return short_breaks[label_of(x.k)]; });
  if (entries.empty()) return;
  // Each child's days in care after their 14th and 16th birthdays.
  std::vector<bool> totalled(numbers.size());
  std::vector<std::pair<int64_t, int64_t>> totals(numbers.size());
  for (const Entry& x : entries) {
    if (row_of(x.k)[episodes::CHILD].empty()) continue;
    totalled[child_of[x.k]] = true;
    if (ends[x.k] == kNoDay) continue;
    const Date end = Date::from_days(ends[x.k]), dob = Date::from_days(x.dob);
    const Date dob14 = add_years(dob, 14), dob16 = add_years(dob, 16);
    const Day start = starts[x.k] == kNoDay ? Day() : Day(Date::from_days(starts[x.k]));
    auto& [after14, after16] = totals[child_of[x.k]];
    after14 += std::max(0, end - (start ? std::max(*start, dob14) : dob14));
    after16 += std::max(0, end - (start ? std::max(*start, dob16) : dob16));
  }
  std::vector<bool> adopted(numbers.size());
  for (const uint32_t k : eps) {
    if (final_labels[label_of(k)] && one_of(row_of(k)[episodes::REC], {"E11", "E12"}))
      adopted[child_of[k]] = true;
  }
  for (size_t i = 0; i < oc3s->rows.size(); ++i) {
    const std::string& child = oc3s->rows[i][oc3::CHILD];
    const std::optional<uint32_t> n = numbers.find(child);
    const bool relevant =
        n && !child.empty() && totalled[*n] && totals[*n].first >= 91 && totals[*n].second >= 1;
    if ((n && adopted[*n]) || !relevant) c.flag(T::kOc3, i);
  }
}

// SW11bSTG2: social worker episodes that ended in the collection's last five days with none after.
void rule_sw11b(Ssda903Check& c) {
  const Ssda903Rows* rows = c.table(T::kSwEpisodes);
  if (!rows) return;
  const auto starts = dates_of(*rows, sw_episodes::SW_DECOM);
  const auto ends = dates_of(*rows, sw_episodes::SW_DEC);
  auto in_window = [&](const Day& d) { return d && *d >= c.collection_end - 5 && *d <= c.collection_end; };
  auto same_child = [&](size_t a, size_t b) { return rows->rows[a][0] == rows->rows[b][0]; };
  // An episode with no start after one that ended in the window.
  const auto up = sort_by_child(*rows, {starts}, true);
  for (size_t k = 1; k < up.size(); ++k) {
    if (same_child(up[k], up[k - 1]) && in_window(ends[up[k - 1]]) && !starts[up[k]])
      c.flag(T::kSwEpisodes, up[k]);
  }
  // A child's only episode, ended in the window.
  for (size_t i = 0; i < rows->rows.size(); ++i) {
    const std::string& child = rows->rows[i][0];
    if (!child.empty() && c.rows_of(T::kSwEpisodes, child).size() == 1 && in_window(ends[i]))
      c.flag(T::kSwEpisodes, i);
  }
  // An episode ended in the window after another began: in latest-start-first order, the one
  // before an episode that started before it ended.
  const auto down = sort_by_child(*rows, {starts}, false);
  for (size_t k = 1; k < down.size(); ++k) {
    const size_t r = down[k], p = down[k - 1];
    if (same_child(r, p) && starts[r] && ends[p] && *starts[r] < *ends[p] && in_window(ends[p]))
      c.flag(T::kSwEpisodes, p);
  }
}

}  // namespace

void add_ssda903_rules_600s_up(std::vector<Ssda903RuleDefinition>& out) {
  // 601, 602: adoption details against an adoption (E11, E12) ending in the year.
  auto adopted_in_year = [](Ssda903Check& c, const Row& e) {
    return one_of(e[episodes::REC], {"E11", "E12"}) && in_year(c, date(e[episodes::DEC]));
  };
  out.push_back(rule("601", [=](Ssda903Check& c) {
    const Ssda903Rows* eps = c.table(T::kEpisodes);
    const Ssda903Rows* ad1s = c.table(T::kAd1);
    if (!eps || !ad1s) return;
    const JoinedRows ad1(c, T::kAd1);
    for (size_t i = 0; i < eps->rows.size(); ++i) {
      if (!adopted_in_year(c, eps->rows[i])) continue;
      for (const size_t a : ad1(eps->rows[i][episodes::CHILD])) {
        const Row& r = ad1s->rows[a];
        if (r[ad1::DATE_INT].empty() || r[ad1::DATE_MATCH].empty() || r[ad1::FOSTER_CARE].empty() ||
            r[ad1::NB_ADOPTR].empty() || r[ad1::SEX_ADOPTR].empty() || r[ad1::LS_ADOPTR].empty()) {
          c.flag(T::kAd1, a);
          c.flag(T::kEpisodes, i);
        }
      }
    }
  }));
  out.push_back(rule("602", [=](Ssda903Check& c) {
    const Ssda903Rows* eps = c.table(T::kEpisodes);
    const Ssda903Rows* ad1s = c.table(T::kAd1);
    if (!eps || !ad1s) return;
    std::unordered_set<std::string_view> adopted;
    for (const Row& e : eps->rows) {
      if (adopted_in_year(c, e)) adopted.insert(e[episodes::CHILD]);
    }
    for (size_t i = 0; i < ad1s->rows.size(); ++i) {
      const Row& r = ad1s->rows[i];
      if (!adopted.count(r[ad1::CHILD]) && any_given(r, {ad1::DATE_INT, ad1::DATE_MATCH, ad1::FOSTER_CARE,
                                                         ad1::NB_ADOPTR, ad1::SEX_ADOPTR, ad1::LS_ADOPTR}))
        c.flag(T::kAd1, i);
    }
  }));
  out.push_back(rule("607", [](Ssda903Check& c) {
    const Ssda903Rows* eps = c.table(T::kEpisodes);
    const Ssda903Rows* head = c.table(T::kHeader);
    if (!eps || !head) return;
    const JoinedRows header(c, T::kHeader);
    for (size_t i = 0; i < eps->rows.size(); ++i) {
      const Row& e = eps->rows[i];
      if (e[episodes::REC].empty() || e[episodes::REC] == "X1" || respite(e) ||
          !in_year(c, date(e[episodes::DEC])))
        continue;
      for (const size_t h : header(e[episodes::CHILD])) {
        if (head->rows[h][header::SEX] == "F" && head->rows[h][header::MOTHER].empty()) {
          c.flag(T::kEpisodes, i);
          c.flag(T::kHeader, h);
        }
      }
    }
  }));
  out.push_back(rule("611", [](Ssda903Check& c) {
    const Ssda903Rows* head = c.table(T::kHeader);
    if (!head) return;
    for (size_t i = 0; i < head->rows.size(); ++i) {
      if (head->rows[i][header::MOTHER] == "1" && head->rows[i][header::MC_DOB].empty())
        c.flag(T::kHeader, i);
    }
  }));
  out.push_back(rule("612", [](Ssda903Check& c) {
    const Ssda903Rows* head = c.table(T::kHeader);
    if (!head) return;
    for (size_t i = 0; i < head->rows.size(); ++i) {
      const Row& r = head->rows[i];
      if ((r[header::MOTHER] == "0" || r[header::MOTHER].empty()) && r[header::SEX] == "F" &&
          !r[header::MC_DOB].empty())
        c.flag(T::kHeader, i);
    }
  }));
  out.push_back(rule("620", [](Ssda903Check& c) {
    const Ssda903Rows* head = c.table(T::kHeader);
    if (!head) return;
    for (size_t i = 0; i < head->rows.size(); ++i) {
      const Day dob = date(head->rows[i][header::DOB]);
      if (head->rows[i][header::MOTHER] == "1" && dob && add_years(*dob, 11) > c.collection_start)
        c.flag(T::kHeader, i);
    }
  }));
  out.push_back(rule("621", [](Ssda903Check& c) {
    // Also a child's birth given when the mother's own date of birth is not.
    const Ssda903Rows* head = c.table(T::kHeader);
    if (!head) return;
    for (size_t i = 0; i < head->rows.size(); ++i) {
      const Day first = date(head->rows[i][header::MC_DOB]);
      const Day dob = date(head->rows[i][header::DOB]);
      if (first && !(dob && *first > *dob)) c.flag(T::kHeader, i);
    }
  }));
  out.push_back(rule("624", [](Ssda903Check& c) {
    // Compared as text, as the reference does: 1/1/2020 differs from 01/01/2020.
    const Ssda903Rows* head = c.table(T::kHeader);
    const Ssda903Rows* last = c.last(T::kHeader);
    if (!head || !last) return;
    const JoinedRows before(c, T::kHeader, true);
    for (size_t i = 0; i < head->rows.size(); ++i) {
      for (const size_t p : before(head->rows[i][header::CHILD])) {
        const std::string& was = last->rows[p][header::MC_DOB];
        if (!was.empty() && head->rows[i][header::MC_DOB] != was) c.flag(T::kHeader, i);
      }
    }
  }));
  out.push_back(rule("625", [](Ssda903Check& c) {
    // Against the child's latest ended episode, so a child still in care is compared with an
    // earlier episode's end, and one who never left is not compared at all.
    const Ssda903Rows* eps = c.table(T::kEpisodes);
    const Ssda903Rows* head = c.table(T::kHeader);
    if (!eps || !head) return;
    const JoinedRows header(c, T::kHeader);
    for (const std::string_view child : c.children(T::kEpisodes)) {
      std::optional<size_t> latest;
      Day end;
      for (const size_t i : c.rows_of(T::kEpisodes, child)) {
        const Day dec = date(eps->rows[i][episodes::DEC]);
        if (dec && (!end || *dec > *end)) latest = i, end = dec;
      }
      if (!latest) continue;
      for (const size_t h : header(child)) {
        const Day first = date(head->rows[h][header::MC_DOB]);
        if (first && (*first > c.collection_end || *first > *end)) {
          c.flag(T::kHeader, h);
          c.flag(T::kEpisodes, *latest);
        }
      }
    }
  }));
  out.push_back(rule("626", [](Ssda903Check& c) {
    const Ssda903Rows* head = c.table(T::kHeader);
    const Ssda903Rows* last = c.last(T::kHeader);
    if (!head || !last) return;
    const JoinedRows before(c, T::kHeader, true);
    for (size_t i = 0; i < head->rows.size(); ++i) {
      const Row& r = head->rows[i];
      const Day first = date(r[header::MC_DOB]);
      if (!first || *first >= c.collection_start || number(r[header::MOTHER]) != 1.0) continue;
      for (const size_t p : before(r[header::CHILD])) {
        if (number(last->rows[p][header::MOTHER]) == 0.0) c.flag(T::kHeader, i);
      }
    }
  }));
  out.push_back(rule("628", [](Ssda903Check& c) {
    const Ssda903Rows* head = c.table(T::kHeader);
    const Ssda903Rows* oc3s = c.table(T::kOc3);
    if (!head || !oc3s || !c.table(T::kEpisodes)) return;
    const JoinedRows episode(c, T::kEpisodes), oc3(c, T::kOc3);
    for (size_t i = 0; i < head->rows.size(); ++i) {
      const Row& r = head->rows[i];
      if (r[header::MOTHER].empty() || episode.any(r[header::CHILD])) continue;
      for (const size_t o : oc3(r[header::CHILD])) {
        if (care_leaver_data(oc3s->rows[o])) c.flag(T::kHeader, i);
      }
    }
  }));
  out.push_back(rule("630", [](Ssda903Check& c) {
    const Ssda903Rows* eps = c.table(T::kEpisodes);
    const Ssda903Rows* perms = c.table(T::kPrevPerm);
    if (!eps || !perms) return;
    const JoinedRows perm(c, T::kPrevPerm);
    for (size_t i = 0; i < eps->rows.size(); ++i) {
      const Row& e = eps->rows[i];
      const Day decom = date(e[episodes::DECOM]);
      if (e[episodes::RNE] != "S" || !decom || *decom < c.collection_start) continue;
      const RowSpan mine = perm(e[episodes::CHILD]);
      bool fault = mine.empty();
      for (const size_t p : mine) {
        const Row& r = perms->rows[p];
        if (r[prev_perm::PREV_PERM].empty() ||
            (r[prev_perm::PREV_PERM] != "Z1" &&
             (r[prev_perm::LA_PERM].empty() || r[prev_perm::DATE_PERM].empty())))
          fault = true;
      }
      if (fault) c.flag(T::kEpisodes, i);
    }
  }));
  out.push_back(not_a_code("631", text_of("631").message, T::kPrevPerm, prev_perm::PREV_PERM, "PREV_PERM",
                           {"P1", "P2", "P3", "P4", "Z1"}));
  out.push_back(rule("632", [](Ssda903Check& c) {
    // Against the child's first episode; a child with no readable start is not checked.
    const Ssda903Rows* eps = c.table(T::kEpisodes);
    const Ssda903Rows* perms = c.table(T::kPrevPerm);
    if (!eps || !perms) return;
    for (const std::string_view child : c.children(T::kEpisodes)) {
      std::optional<size_t> first;
      Day start;
      for (const size_t i : c.rows_of(T::kEpisodes, child)) {
        const Day decom = date(eps->rows[i][episodes::DECOM]);
        if (decom && (!start || *decom < *start)) first = i, start = decom;
      }
      if (!first) continue;
      for (const size_t p : c.rows_of(T::kPrevPerm, child)) {
        const std::string& text = perms->rows[p][prev_perm::DATE_PERM];
        const Day when = partial_date(text);
        if ((when && *when >= *start) || (!text.empty() && !when)) {
          c.flag(T::kEpisodes, *first);
          c.flag(T::kPrevPerm, p);
        }
      }
    }
  }));
  out.push_back(not_a_code(
      "633", text_of("633").message, T::kPrevPerm, prev_perm::LA_PERM, "LA_PERM",
      {"800", "889", "822", "301", "304", "303", "330", "825", "837", "302", "846", "370", "350", "890",
       "867", "380", "305", "801", "351", "873", "823", "895", "896", "381", "909", "202", "908", "331",
       "306", "841", "830", "831", "878", "371", "835", "332", "840", "307", "308", "811", "881", "845",
       "390", "916", "203", "876", "850", "311", "204", "884", "312", "205", "313", "805", "919", "310",
       "309", "420", "921", "206", "207", "886", "810", "382", "314", "340", "888", "208", "856", "383",
       "855", "209", "925", "341", "201", "821", "352", "806", "887", "826", "315", "929", "812", "391",
       "926", "892", "813", "802", "928", "891", "392", "316", "815", "353", "931", "879", "836", "851",
       "874", "807", "354", "317", "870", "318", "372", "857", "333", "935", "343", "803", "373", "342",
       "893", "356", "355", "871", "394", "334", "933", "882", "936", "861", "852", "319", "860", "808",
       "393", "866", "210", "357", "894", "883", "880", "358", "211", "937", "869", "320", "359", "865",
       "384", "335", "336", "212", "868", "872", "885", "344", "877", "213", "938", "816", "999", "WAL",
       "SCO", "NUK", "NIR"}));
  out.push_back(rule("634", [](Ssda903Check& c) {
    // The reference compares with the collection's start, not 1 April 2016 as the message says.
    const Ssda903Rows* eps = c.table(T::kEpisodes);
    const Ssda903Rows* perms = c.table(T::kPrevPerm);
    if (!eps || !perms) return;
    for (size_t p = 0; p < perms->rows.size(); ++p) {
      const Row& r = perms->rows[p];
      const std::string& child = r[prev_perm::CHILD];
      if (child.empty() || !any_given(r, {prev_perm::PREV_PERM, prev_perm::DATE_PERM, prev_perm::LA_PERM}))
        continue;
      Day latest;
      for (const size_t i : c.rows_of(T::kEpisodes, child)) {
        const Day decom = date(eps->rows[i][episodes::DECOM]);
        if (decom && (!latest || *decom > *latest)) latest = decom;
      }
      if (!latest || *latest >= c.collection_start) continue;
      c.flag(T::kPrevPerm, p);
      for (const size_t i : c.rows_of(T::kEpisodes, child)) c.flag(T::kEpisodes, i);
    }
  }));
  out.push_back(rule("635", [](Ssda903Check& c) {
    // Only a blank PREV_PERM, not Z1 as the message says.
    const Ssda903Rows* perms = c.table(T::kPrevPerm);
    if (!perms) return;
    for (size_t p = 0; p < perms->rows.size(); ++p) {
      const Row& r = perms->rows[p];
      if (any_given(r, {prev_perm::LA_PERM, prev_perm::DATE_PERM}) && r[prev_perm::PREV_PERM].empty())
        c.flag(T::kPrevPerm, p);
    }
  }));
  out.push_back(rule("1000", [](Ssda903Check& c) {
    // Every care leaver row of a child who died in care (E2), this year or last, filled or not.
    const Ssda903Rows* eps = c.table(T::kEpisodes);
    const Ssda903Rows* oc3s = c.table(T::kOc3);
    if (!eps || !oc3s) return;
    std::unordered_set<std::string_view> died;
    for (const Ssda903Rows* year : {eps, c.last(T::kEpisodes)}) {
      if (!year) continue;
      for (const Row& e : year->rows) {
        if (e[episodes::REC] == "E2") died.insert(e[episodes::CHILD]);
      }
    }
    for (size_t i = 0; i < oc3s->rows.size(); ++i) {
      if (died.count(oc3s->rows[i][oc3::CHILD])) c.flag(T::kOc3, i);
    }
  }));
  out.push_back(rule("1001", rule_1001));
  out.push_back(rule("1002", [](Ssda903Check& c) {
    const Ssda903Rows* oc3s = c.table(T::kOc3);
    if (!oc3s || !c.table(T::kEpisodes) || !c.last(T::kEpisodes)) return;
    const JoinedRows now(c, T::kEpisodes), before(c, T::kEpisodes, true);
    for (size_t i = 0; i < oc3s->rows.size(); ++i) {
      const std::string& child = oc3s->rows[i][oc3::CHILD];
      if (!now.any(child) && !before.any(child)) c.flag(T::kOc3, i);
    }
  }));
  out.push_back(rule("1003", [](Ssda903Check& c) {
    const Ssda903Rows* eps = c.table(T::kEpisodes);
    const Ssda903Rows* placed = c.table(T::kPlacedAdoption);
    if (!eps || !placed) return;
    for (const std::string_view child : c.children(T::kEpisodes)) {
      std::optional<size_t> first;
      Day start;
      for (const size_t i : c.rows_of(T::kEpisodes, child)) {
        const Day decom = date(eps->rows[i][episodes::DECOM]);
        if (eps->rows[i][episodes::RNE] == "S" && decom && (!start || *decom < *start))
          first = i, start = decom;
      }
      if (!first) continue;
      for (const size_t p : c.rows_of(T::kPlacedAdoption, child)) {
        const Day decided = date(placed->rows[p][placed_adoption::DATE_PLACED]);
        if (decided && *decided < *start) {
          c.flag(T::kEpisodes, *first);
          c.flag(T::kPlacedAdoption, p);
        }
      }
    }
  }));
  out.push_back(rule("1004", [](Ssda903Check& c) {
    const Ssda903Rows* rows = c.table(T::kMissing);
    if (!rows) return;
    for (size_t i = 0; i < rows->rows.size(); ++i) {
      if (!date(rows->rows[i][missing::MIS_START])) c.flag(T::kMissing, i);
    }
  }));
  out.push_back(not_a_date("1005", text_of("1005").message, T::kMissing, missing::MIS_END, "MIS_END"));
  out.push_back(
      not_a_code("1006", text_of("1006").message, T::kMissing, missing::MISSING, "MISSING", {"M", "A"}));
  out.push_back(rule("1007", [](Ssda903Check& c) {
    // In care on the latest 17th or 18th birthday means an episode spanning it that has ended: an
    // open episode does not count, although the message is about those still looked after.
    const Ssda903Rows* eps = c.table(T::kEpisodes);
    const Ssda903Rows* oc3s = c.table(T::kOc3);
    if (!eps || !oc3s) return;
    const JoinedRows episode(c, T::kEpisodes);
    for (size_t o = 0; o < oc3s->rows.size(); ++o) {
      const Row& r = oc3s->rows[o];
      const Day dob = date(r[oc3::DOB]);
      if (!dob || !care_leaver_data(r)) continue;
      if (!(add_years(*dob, 17) <= c.collection_end && add_years(*dob, 19) > c.collection_end)) continue;
      Date birthday = add_years(*dob, c.collection_end.year() - dob->year());
      if (birthday > c.collection_end) birthday = add_years(birthday, -1);
      for (const size_t i : episode(r[oc3::CHILD])) {
        const Day decom = date(eps->rows[i][episodes::DECOM]);
        const Day dec = date(eps->rows[i][episodes::DEC]);
        if (decom && dec && *decom <= birthday && *dec > birthday) c.flag(T::kOc3, o);
      }
    }
  }));
  out.push_back(rule("1008", [](Ssda903Check& c) {
    const Ssda903Rows* eps = c.table(T::kEpisodes);
    if (!c.providers_given() || !eps) return;
    for (size_t i = 0; i < eps->rows.size(); ++i) {
      const std::string_view urn = trim(eps->rows[i][episodes::URN]);
      if (eps->rows[i][episodes::URN].empty() || eps->rows[i][episodes::URN] == "XXXXXXX") continue;
      if (c.providers_with_urn(urn).empty()) c.flag(T::kEpisodes, i);
    }
  }));
  out.push_back(not_a_code("1009", text_of("1009").message, T::kEpisodes, episodes::REASON_PLACE_CHANGE,
                           "REASON_PLACE_CHANGE",
                           {"CARPL", "CLOSE", "ALLEG", "STAND", "APPRR", "CREQB", "CREQO", "CHILD", "LAREQ",
                            "PLACE", "CUSTOD", "OTHER"}));
  out.push_back(rule("1010", [](Ssda903Check& c) {
    // Whether the care leaver fields are filled is not looked at.
    const Ssda903Rows* oc3s = c.table(T::kOc3);
    const Ssda903Rows* last = c.last(T::kEpisodes);
    if (!oc3s || !last || !c.table(T::kEpisodes)) return;
    std::unordered_set<std::string_view> open;  // last year's final episode (latest start) had no end
    std::unordered_map<std::string_view, std::pair<size_t, Date>> final_of;
    for (size_t i = 0; i < last->rows.size(); ++i) {
      const Row& e = last->rows[i];
      const Day decom = date(e[episodes::DECOM]);
      if (!decom) continue;
      if (e[episodes::CHILD].empty()) {
        if (e[episodes::DEC].empty()) open.insert("");  // blank CHILDs do not group: each row is final
        continue;
      }
      auto [it, added] = final_of.try_emplace(e[episodes::CHILD], i, *decom);
      if (!added && *decom >= it->second.second) it->second = {i, *decom};
    }
    for (const auto& [child, f] : final_of) {
      if (last->rows[f.first][episodes::DEC].empty()) open.insert(child);
    }
    const JoinedRows now(c, T::kEpisodes);
    for (size_t i = 0; i < oc3s->rows.size(); ++i) {
      const std::string& child = oc3s->rows[i][oc3::CHILD];
      if (!now.any(child) && open.count(child)) c.flag(T::kOc3, i);
    }
  }));
  out.push_back(rule("1011", [](Ssda903Check& c) {
    const Ssda903Rows* eps = c.table(T::kEpisodes);
    const Ssda903Rows* oc3s = c.table(T::kOc3);
    if (!eps || !oc3s) return;
    for (const std::string_view child : c.children(T::kEpisodes)) {
      std::optional<size_t> final_episode;
      Day start;
      for (const size_t i : c.rows_of(T::kEpisodes, child)) {
        const Day decom = date(eps->rows[i][episodes::DECOM]);
        if (decom && (!start || *decom > *start)) final_episode = i, start = decom;
      }
      if (!final_episode || eps->rows[*final_episode][episodes::REC] != "E3") continue;
      for (const size_t o : c.rows_of(T::kOc3, child)) {
        if (care_leaver_data(oc3s->rows[o])) c.flag(T::kOc3, o);
      }
    }
  }));
  out.push_back(rule("1012", [](Ssda903Check& c) {
    // Rows of children with no episodes, whether or not they are in OC3.
    if (!c.table(T::kEpisodes)) return;
    const JoinedRows episode(c, T::kEpisodes);
    for (const T t : {T::kPlacedAdoption, T::kMissing, T::kReviews, T::kAd1, T::kPrevPerm, T::kOc2}) {
      const Ssda903Rows* rows = c.table(t);
      if (!rows) continue;
      for (size_t i = 0; i < rows->rows.size(); ++i) {
        if (!episode.any(rows->rows[i][0])) c.flag(t, i);
      }
    }
  }));
  out.push_back(rule("1014", [](Ssda903Check& c) {
    // Children with episodes, none of them open in the year.
    const Ssda903Rows* eps = c.table(T::kEpisodes);
    const Ssda903Rows* oc3s = c.table(T::kOc3);
    if (!eps || !oc3s || !c.table(T::kUasc)) return;
    for (const std::string_view child : c.children(T::kEpisodes)) {
      bool in_care = false;
      for (const size_t i : c.rows_of(T::kEpisodes, child)) {
        const Day decom = date(eps->rows[i][episodes::DECOM]);
        const Day dec = date(eps->rows[i][episodes::DEC]);
        if (decom && *decom <= c.collection_end && (!dec || *dec >= c.collection_start)) in_care = true;
      }
      if (in_care) continue;
      for (const size_t u : c.rows_of(T::kUasc, child)) {
        for (const size_t o : c.rows_of(T::kOc3, child)) {
          if (care_leaver_data(oc3s->rows[o])) {
            c.flag(T::kUasc, u);
            c.flag(T::kOc3, o);
          }
        }
      }
    }
  }));
  out.push_back(rule("1015", [](Ssda903Check& c) {
    if (!c.uses_postcodes()) return;
    // A placement whose postcode is unknown counts as outside the council.
    const Ssda903Rows* eps = c.table(T::kEpisodes);
    if (!eps) return;
    for (size_t i = 0; i < eps->rows.size(); ++i) {
      const Row& e = eps->rows[i];
      if (e[episodes::PLACE].empty() || e[episodes::LS].empty() || e[episodes::PLACE_PROVIDER] != "PR1" ||
          one_of(e[episodes::PLACE], {"A3", "A4", "A5", "A6", "U1", "U2", "U3", "U4", "U5", "U6"}) ||
          respite(e))
        continue;
      const auto& la = c.placement(i).la;
      if (!la || *la != c.options.la) c.flag(T::kEpisodes, i);
    }
  }));
  out.push_back(rule("1016", [](Ssda903Check& c) {
    // Ages by whole days against years of 365.2425 days, as the reference measures them: 17 is
    // 6210 to 6574 days old at the collection's end, 18 is 6575 to 6939.
    const Ssda903Rows* eps = c.table(T::kEpisodes);
    const Ssda903Rows* oc3s = c.table(T::kOc3);
    if (!eps || !oc3s) return;
    const JoinedRows episode(c, T::kEpisodes);
    for (size_t o = 0; o < oc3s->rows.size(); ++o) {
      const Row& r = oc3s->rows[o];
      const Day dob = date(r[oc3::DOB]);
      if (!dob || !care_leaver_data(r)) continue;
      const int age = c.collection_end - *dob;
      const int years = age >= 6210 && age <= 6574 ? 17 : age >= 6575 && age <= 6939 ? 18 : 0;
      if (!years) continue;
      for (const size_t i : episode(r[oc3::CHILD])) {
        const Day dec = date(eps->rows[i][episodes::DEC]);
        if (dec && *dec >= add_years(*dob, years)) c.flag(T::kOc3, o);
      }
    }
  }));
  out.push_back(rule("3001", [](Ssda903Check& c) {
    const Ssda903Rows* head = c.table(T::kHeader);
    const Ssda903Rows* oc3s = c.table(T::kOc3);
    if (!head || !oc3s) return;
    const JoinedRows header(c, T::kHeader);
    for (size_t o = 0; o < oc3s->rows.size(); ++o) {
      if (!one_of(oc3s->rows[o][oc3::ACCOM], {"Z1", "Z2"})) continue;
      for (const size_t h : header(oc3s->rows[o][oc3::CHILD])) {
        const Day dob = date(head->rows[h][header::DOB]);
        if (dob && in_year(c, add_years(*dob, 17))) c.flag(T::kOc3, o);
      }
    }
  }));
  out.push_back(rule("EPI", [](Ssda903Check& c) {
    const Ssda903Rows* head = c.table(T::kHeader);
    if (!head) return;
    const JoinedRows episode(c, T::kEpisodes), oc3(c, T::kOc3);
    for (size_t i = 0; i < head->rows.size(); ++i) {
      const std::string& child = head->rows[i][header::CHILD];
      if (!episode.any(child) && !oc3.any(child)) c.flag(T::kHeader, i);
    }
  }));
  out.push_back(not_in_header("INT01", T::kAd1));
  out.push_back(not_in_header("INT02", T::kPlacedAdoption));
  out.push_back(not_in_header("INT03", T::kEpisodes));
  out.push_back(not_in_header("INT04", T::kMissing));
  out.push_back(not_in_header("INT05", T::kOc2));
  out.push_back(not_in_header("INT06", T::kOc3));
  out.push_back(not_in_header("INT07", T::kPrevPerm));
  out.push_back(not_in_header("INT08", T::kReviews));
  out.push_back(not_in_header("INT09", T::kUasc));
  out.push_back(differs_from_header("INT11", T::kAd1, "DOB", true));
  out.push_back(differs_from_header("INT12", T::kPlacedAdoption, "DOB", true));
  out.push_back(differs_from_header("INT13", T::kMissing, "DOB", true));
  out.push_back(differs_from_header("INT14", T::kOc2, "DOB", true));
  out.push_back(differs_from_header("INT15", T::kOc3, "DOB", true));
  out.push_back(differs_from_header("INT16", T::kPrevPerm, "DOB", true));
  out.push_back(differs_from_header("INT17", T::kReviews, "DOB", true));
  out.push_back(differs_from_header("INT18", T::kUasc, "DOB", true));
  out.push_back(differs_from_header("INT21", T::kUasc, "SEX", false));
  out.push_back(more_than_once("INT31", T::kAd1));
  out.push_back(more_than_once("INT32", T::kHeader));
  out.push_back(more_than_once("INT33", T::kOc2));
  out.push_back(more_than_once("INT34", T::kOc3));
  out.push_back(more_than_once("INT35", T::kPrevPerm));
  out.push_back(more_than_once("INT36", T::kUasc));
  out.push_back(rule("NoE", [](Ssda903Check& c) {
    const Ssda903Rows* eps = c.table(T::kEpisodes);
    if (!eps || !c.last(T::kEpisodes)) return;
    const JoinedRows before(c, T::kEpisodes, true);
    for (size_t i = 0; i < eps->rows.size(); ++i) {
      const Day decom = date(eps->rows[i][episodes::DECOM]);
      if (decom && *decom < c.collection_start && !before.any(eps->rows[i][episodes::CHILD]))
        c.flag(T::kEpisodes, i);
    }
  }));

  // The social worker episodes. 1 April 2023, when these began to be collected, is fixed in the
  // reference's SW01a, SW01b and SW13.
  const Date sw_began = Date::from_ymd(2023, 4, 1);
  out.push_back(rule("SW01aSTG1", [=](Ssda903Check& c) {
    const Ssda903Rows* rows = c.table(T::kSwEpisodes);
    if (!rows) return;
    for (size_t i = 0; i < rows->rows.size(); ++i) {
      const Day start = date(rows->rows[i][sw_episodes::SW_DECOM]);
      if (!start || (*start < sw_began && rows->rows[i][sw_episodes::SW_ID].empty()))
        c.flag(T::kSwEpisodes, i);
    }
  }));
  out.push_back(rule("SW01bSTG1", [=](Ssda903Check& c) {
    const Ssda903Rows* rows = c.table(T::kSwEpisodes);
    if (!rows) return;
    for (size_t i = 0; i < rows->rows.size(); ++i) {
      const Row& r = rows->rows[i];
      const Day start = date(r[sw_episodes::SW_DECOM]);
      if (!start ||
          (*start >= sw_began && (r[sw_episodes::SW_ID].empty() || r[sw_episodes::SW_REASON].empty())))
        c.flag(T::kSwEpisodes, i);
    }
  }));
  out.push_back(rule("SW02STG1", [](Ssda903Check& c) {
    const Ssda903Rows* rows = c.table(T::kSwEpisodes);
    if (!rows) return;
    for (size_t i = 0; i < rows->rows.size(); ++i) {
      const std::string_view id = rows->rows[i][sw_episodes::SW_ID];
      if (!one_of(id.substr(0, 2), {"SW", "XX"})) c.flag(T::kSwEpisodes, i);
    }
  }));
  // SW04STG1 and SW05STG1 (the end date, though its message says began) accept partly known dates.
  for (const auto& code_and_column :
       {std::pair{"SW04STG1", sw_episodes::SW_DECOM}, {"SW05STG1", sw_episodes::SW_DEC}}) {
    const size_t column = code_and_column.second;  // clang 14 cannot capture a structured binding
    out.push_back(rule(code_and_column.first, [column](Ssda903Check& c) {
      const Ssda903Rows* rows = c.table(T::kSwEpisodes);
      if (!rows) return;
      for (size_t i = 0; i < rows->rows.size(); ++i) {
        const std::string& v = rows->rows[i][column];
        if (!v.empty() && !partial_date(v)) c.flag(T::kSwEpisodes, i);
      }
    }));
  }
  out.push_back(rule("SW06STG2", [](Ssda903Check& c) {
    const Ssda903Rows* rows = c.table(T::kSwEpisodes);
    if (!rows) return;
    for (size_t i = 0; i < rows->rows.size(); ++i) {
      const Day start = date(rows->rows[i][sw_episodes::SW_DECOM]);
      if (start && *start > c.collection_end) c.flag(T::kSwEpisodes, i);
    }
  }));
  out.push_back(rule("SW07STG2", [](Ssda903Check& c) {
    // The reporting period begins a numpy year (365.2425 days) before the collection: at midnight,
    // 365 days before.
    const Ssda903Rows* rows = c.table(T::kSwEpisodes);
    if (!rows) return;
    for (size_t i = 0; i < rows->rows.size(); ++i) {
      const Day end = date(rows->rows[i][sw_episodes::SW_DEC]);
      if (end && (*end < c.collection_start - 365 || *end > c.collection_end)) c.flag(T::kSwEpisodes, i);
    }
  }));
  out.push_back(rule("SW08STG2", [](Ssda903Check& c) {
    // A child's last episode is the last in start order, where no start sorts last: so an episode
    // with no readable start is the last, and the truly latest open episode is flagged.
    const Ssda903Rows* rows = c.table(T::kSwEpisodes);
    if (!rows) return;
    const auto starts = dates_of(*rows, sw_episodes::SW_DECOM);
    std::unordered_map<std::string_view, size_t> last;
    for (const size_t i : sort_by_date(starts, true)) {
      if (!rows->rows[i][0].empty()) last[rows->rows[i][0]] = i;
    }
    for (size_t i = 0; i < rows->rows.size(); ++i) {
      const std::string& child = rows->rows[i][0];
      if (child.empty() || last[child] == i || !starts[i]) continue;
      if (!date(rows->rows[i][sw_episodes::SW_DEC])) c.flag(T::kSwEpisodes, i);
    }
  }));
  out.push_back(rule("SW09STG2", [](Ssda903Check& c) {
    // Compared as text.
    const Ssda903Rows* rows = c.table(T::kSwEpisodes);
    if (!rows) return;
    for (size_t i = 0; i < rows->rows.size(); ++i) {
      const Row& r = rows->rows[i];
      if (!r[sw_episodes::SW_DEC].empty() && r[sw_episodes::SW_DEC] == r[sw_episodes::SW_DECOM])
        c.flag(T::kSwEpisodes, i);
    }
  }));
  out.push_back(rule("SW10STG2", [](Ssda903Check& c) {
    // Unless the change was for contact (FCONTA), an episode must start within 7 days either side
    // of the previous one's end: a gap is flagged too, and so is a previous episode with no end.
    const Ssda903Rows* rows = c.table(T::kSwEpisodes);
    if (!rows) return;
    const auto starts = dates_of(*rows, sw_episodes::SW_DECOM);
    const auto ends = dates_of(*rows, sw_episodes::SW_DEC);
    const auto order = sort_by_child(*rows, {starts, ends}, true);
    for (size_t k = 1; k < order.size(); ++k) {
      const size_t i = order[k], p = order[k - 1];
      if (rows->rows[i][0] != rows->rows[p][0] || rows->rows[i][sw_episodes::SW_REASON] == "FCONTA") continue;
      const Day& start = starts[i];
      const Day& before = ends[p];
      if (!start || !before || *start < *before - 7 || *start > *before + 7) c.flag(T::kSwEpisodes, i);
    }
  }));
  out.push_back(rule("SW11bSTG2", rule_sw11b));
  out.push_back(rule("SW12STG2", [](Ssda903Check& c) {
    // Each episode that began (S) or ended (not X1) care, ending in the year or the one before or
    // still open, needs a social worker episode starting by its end or from its start; every social
    // worker episode of the child is tried on its own, so any one that is neither flags it. An open
    // episode ends on 31 March, as in the reference whenever its rule 365 runs first: otherwise
    // every open episode that did not begin care would be flagged (docs/returns-validation.md).
    const Ssda903Rows* eps = c.table(T::kEpisodes);
    const Ssda903Rows* sws = c.table(T::kSwEpisodes);
    if (!eps || !sws) return;
    const JoinedRows sw(c, T::kSwEpisodes);
    for (size_t i = 0; i < eps->rows.size(); ++i) {
      const Row& e = eps->rows[i];
      const Day dec = e[episodes::DEC].empty() ? Day(c.collection_end) : date(e[episodes::DEC]);
      const Day decom = date(e[episodes::DECOM]);
      if (dec && (*dec < c.collection_start - 365 || *dec > c.collection_end)) continue;
      if (respite(e)) continue;
      const bool began = e[episodes::RNE] == "S", ended = e[episodes::REC] != "X1";
      if (!began && !ended) continue;
      auto covered = [&](const Day& start) {
        return (start && dec && *start <= *dec && ended) || (start && decom && *start >= *decom && began);
      };
      const RowSpan mine = sw(e[episodes::CHILD]);
      bool fault = mine.empty() && !covered(std::nullopt);
      for (const size_t s : mine) {
        if (!covered(date(sws->rows[s][sw_episodes::SW_DECOM]))) fault = true;
      }
      if (fault) c.flag(T::kEpisodes, i);
    }
  }));
  out.push_back(rule("SW13STG1", [=](Ssda903Check& c) {
    // A blank reason is wrong only from 1 April 2023; the start is read leniently.
    const Ssda903Rows* rows = c.table(T::kSwEpisodes);
    if (!rows) return;
    for (size_t i = 0; i < rows->rows.size(); ++i) {
      const Row& r = rows->rows[i];
      const std::string& reason = r[sw_episodes::SW_REASON];
      if (reason.empty()) {
        const Day start = lenient_date(r[sw_episodes::SW_DECOM], c.year);
        if (start && *start >= sw_began) c.flag(T::kSwEpisodes, i);
      } else if (!one_of(reason, {"MANAGE", "FCONTA", "LEFTRL", "ORGRST", "TSPROC", "ABSENC", "CHCHAN",
                                  "PCCHAN", "SWDIED", "OTHERS"})) {
        c.flag(T::kSwEpisodes, i);
      }
    }
  }));
  out.push_back(rule("SW17STG2", [](Ssda903Check& c) {
    // Each child's latest episode (by a lenient reading of its start; rows with a blank CHILD
    // together count as one child) has ended, whether or not the child is still looked after.
    const Ssda903Rows* rows = c.table(T::kSwEpisodes);
    if (!rows) return;
    std::vector<Day> starts;
    for (const Row& r : rows->rows) starts.push_back(lenient_date(r[sw_episodes::SW_DECOM], c.year));
    std::unordered_set<std::string_view> seen;
    for (const size_t i : sort_by_date(starts, false)) {
      if (seen.insert(rows->rows[i][0]).second && !rows->rows[i][sw_episodes::SW_DEC].empty())
        c.flag(T::kSwEpisodes, i);
    }
  }));
}

}  // namespace safeguard::ssda903
