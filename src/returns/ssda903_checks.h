// What the SSDA903 rules are written with (returns/ssda903_validator.h runs them): the return and
// its collection year, each table's columns by their DfE names, rows by child, the columns the
// reference validator derives (Header.UASC; Episodes.PL_LA, PL_LOCATION and PL_DISTANCE from the
// postcode directory), the Ofsted provider lists, and one way to report a finding. The rules are in
// ssda903_rules_*.cc, by the hundreds of their codes (the DfE numbers them by subject).
//
// How a rule reads the return, as the reference does: every value is text, upper-cased, and only
// an empty cell is blank; a date is parse_ssda903_date of its text, and a text that is no date is
// blank to a comparison; a rule that needs a table the return does not have does nothing. A rule
// flags rows of this year's tables (never last year's), each row at most once however often it
// is found.
//
// Thread safety: an Ssda903Check belongs to one thread; checks sharing one Ssda903Check::Shared may
// run on several.
#pragma once

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <initializer_list>
#include <memory>
#include <mutex>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <tuple>
#include <unordered_map>
#include <unordered_set>
#include <utility>
#include <vector>

#include "core/date.h"
#include "core/text.h"
#include "returns/ssda903_document.h"
#include "returns/ssda903_validator.h"

namespace safeguard::ssda903 {

using T = Ssda903Table;
using Row = Ssda903Row;
// Row numbers of a table, in 32 bits: a return's tables have fewer than four billion rows, and an
// index of every child's rows is most of what a validation adds to the return's memory.
using RowList = std::vector<uint32_t>;
// Some rows of a table (RowList converts to it).
using RowSpan = std::span<const uint32_t>;

// Each table's columns, by the DfE's names, as indexes into a row (ssda903_columns order).
namespace header {
enum Column : size_t { CHILD, SEX, DOB, ETHNIC, UPN, MOTHER, MC_DOB };
}
namespace episodes {
enum Column : size_t {
  CHILD,
  DECOM,
  RNE,
  LS,
  CIN,
  PLACE,
  PLACE_PROVIDER,
  DEC,
  REC,
  REASON_PLACE_CHANGE,
  HOME_POST,
  PL_POST,
  URN
};
}
namespace reviews {
enum Column : size_t { CHILD, DOB, REVIEW, REVIEW_CODE };
}
namespace uasc {
enum Column : size_t { CHILD, SEX, DOB, DUC };
}
namespace oc2 {
enum Column : size_t {
  CHILD,
  DOB,
  SDQ_SCORE,
  SDQ_REASON,
  CONVICTED,
  HEALTH_CHECK,
  IMMUNISATIONS,
  TEETH_CHECK,
  HEALTH_ASSESSMENT,
  SUBSTANCE_MISUSE,
  INTERVENTION_RECEIVED,
  INTERVENTION_OFFERED
};
}
namespace oc3 {
enum Column : size_t { CHILD, DOB, IN_TOUCH, ACTIV, ACCOM };
}
namespace ad1 {
enum Column : size_t { CHILD, DOB, DATE_INT, DATE_MATCH, FOSTER_CARE, NB_ADOPTR, SEX_ADOPTR, LS_ADOPTR };
}
namespace placed_adoption {
enum Column : size_t { CHILD, DOB, DATE_PLACED, DATE_PLACED_CEASED, REASON_PLACED_CEASED };
}
namespace prev_perm {
enum Column : size_t { CHILD, DOB, PREV_PERM, LA_PERM, DATE_PERM };
}
namespace missing {
enum Column : size_t { CHILD, DOB, MISSING, MIS_START, MIS_END };
}
namespace sw_episodes {
enum Column : size_t { CHILD, DOB, SW_ID, SW_DECOM, SW_DEC, SW_REASON };
}
namespace dolo {
enum Column : size_t { CHILD, DOB, DOLO_START, DOLO_END };
}

// A column's index by its name; the name must be one of the table's columns.
size_t column_of(T table, std::string_view field);

// A date as most rules read one (parse_ssda903_date).
inline std::optional<Date> date(std::string_view text) { return parse_ssda903_date(text); }

// A number as pandas.to_numeric(errors="coerce") reads text (rules 180, 626): blanks around it, a
// sign, digits with at most one point, an exponent; nullopt for anything else. pandas reads "NAN"
// and "INF" as NaN and infinity, which the rules compare as they compare no number.
std::optional<double> number(std::string_view text);

// A column of a table read as dates (date(), nullopt where a value is no date), by row.
std::vector<std::optional<Date>> dates_of(const Ssda903Rows& rows, size_t column);

// A date as the reference reads one with pandas.to_datetime(dayfirst=True) (rules 234, 383,
// SW13STG1, SW17STG2; pandas 1.5 hands it to dateutil): D/M/Y or Y/M/D with /, - or . (one kind in a
// date), a day and month of one or two digits, the day and month swapped when the month would be
// over 12, and a year of four digits or of two (taken within 50 years of the collection year, as
// dateutil takes it within 50 years of the year it runs in); blanks around, and a time after it
// (H:M, H:M:S with a fraction, HH, HHMM or HHMMSS). nullopt for anything else, and for what
// dateutil reads but no return holds (month names, ISO dates with a T).
std::optional<Date> lenient_date(std::string_view text, int year);

// Where an episode's placement is, as the reference derives it from the postcode directory:
// unset when a postcode is blank or not in the directory.
struct Placement {
  std::optional<std::string> la;        // PL_LA: the placement's upper-tier LA code, or SCO, WAL, NIR
  std::optional<std::string> location;  // PL_LOCATION: IN the returning council, or OUT
  std::optional<double> distance;       // PL_DISTANCE: miles from HOME_POST, to one decimal place
};

class Ssda903Check {
 public:
  struct Shared;
  // A finding as a check keeps it: the rule's number (its place in the validator's list), the
  // table and the row. The rest of a finding is the rule's and the row's (ssda903_finding), so a
  // return of many findings holds them in eight bytes each until the rules are done.
  struct Flagged {
    uint32_t row;
    uint16_t rule;
    uint8_t table;
  };
  // A check of its own, or one of several sharing what they work out (rules running on several
  // threads, each with its own check and findings).
  Ssda903Check(const Ssda903Return& submitted, const Ssda903Options& options, int year,
               std::vector<Flagged>& found);
  Ssda903Check(const Ssda903Return& submitted, const Ssda903Options& options, int year,
               std::vector<Flagged>& found, Shared& shared);
  ~Ssda903Check();

  const Ssda903Return& submitted;
  const Ssda903Options& options;  // the returning council, postcode directory and provider lists
  const int year;                 // the collection year ends 31 March `year`
  const Date collection_start, collection_end;

  // This year's rows of a table, and last year's; nullptr when the return has no file for it.
  const Ssda903Rows* table(T t) const;
  const Ssda903Rows* last(T t) const;

  // Row numbers of a table by CHILD, in row order (a blank CHILD is a child of no rows): this
  // year's and last year's. Built on first use and shared by the rules.
  RowSpan rows_of(T t, std::string_view child);
  RowSpan last_rows_of(T t, std::string_view child);
  class Children;
  // This year's children of a table (their CHILD texts), in the order they first appear.
  Children children(T t);
  // A table's rows for a CHILD as the reference's joins on CHILD (pandas merges) pair them: those
  // of rows_of, except that a blank CHILD pairs with the rows whose CHILD is blank too. This year's
  // and last year's.
  RowSpan joined_rows(T t, std::string_view child);
  RowSpan last_joined_rows(T t, std::string_view child);

  // The Header's derived UASC column ("1" when the child is in the UASC table, "0" when not) for
  // a Header row, this year's and last year's; nullopt when the return has no UASC file, for then
  // the reference's Header has no such column. As in the reference, a child in the UASC table
  // twice shifts the column for the Header rows after theirs by one row (the reference sets the
  // column from a join of the two tables, row by row).
  std::optional<std::string_view> header_uasc(size_t header_row);
  std::optional<std::string_view> last_header_uasc(size_t header_row);

  // An episode's derived placement columns (this year's Episodes row).
  Placement placement(size_t episode_row);
  // The same of one of last year's Episodes rows, as the reference derives Episodes_last's
  // (against this year's council and directory); worked out on each call.
  Placement last_placement(const Row& last_episode);
  // A postcode's entry in the directory, looked up as the reference does (upper case, spaces
  // removed); nullptr when it is not there.
  const PostcodeEntry* postcode(std::string_view text);

  // Whether the postcode directory was given: a rule that reads where placements are asks this
  // first, so that without the directory it is reported skipped whatever the return holds.
  bool uses_postcodes() {
    used_postcodes_ = true;
    return !options.postcodes.empty();
  }
  // Whether the Ofsted provider lists were given (a rule that needs them asks first, likewise),
  // and their rows for a URN.
  bool providers_given() {
    used_providers_ = true;
    return options.providers.has_value();
  }
  const std::vector<const OfstedProvider*>& providers_with_urn(std::string_view urn);

  // Whether the running rule has asked for the postcode directory (placement() or postcode()) or
  // the provider lists when they were not given: the validator then reports it skipped.
  bool lacked_postcodes() const { return used_postcodes_ && options.postcodes.empty(); }
  bool lacked_providers() const { return used_providers_ && !options.providers; }

  // Starts a rule, the validator's `number`th.
  void begin(const struct Ssda903RuleDefinition& rule, size_t number);
  // A finding of the running rule about a row of this year's table (ssda903_finding says what it
  // holds), made once however often the rule finds the row.
  void flag(T t, size_t row);

  // Row numbers by CHILD: a table of open addressing keyed by the CHILD's text, for finding a
  // child's rows is most of the work of a validation.
  class Index {
   public:
    explicit Index(const Ssda903Rows* rows);
    RowSpan find(std::string_view child) const;  // empty for a child of no rows
    size_t size() const { return children_.empty() ? 0 : children_.size() - 1; }
    // The `c`th child's text, first seen first.
    std::string_view child(size_t c) const { return table_->rows.values()[children_[c].text]; }

   private:
    struct Slot {
      uint32_t hash = 0;   // of the child's text, to pass over most others without comparing
      uint32_t child = 0;  // 1 + the child's number (its place in children_); 0 when empty
    };
    // Slots for this many children, kept at most half full.
    void make_room(size_t children);

    const Ssda903Rows* table_;
    std::vector<Slot> slots_;
    // Each child's text, by its number among the year's values, and where its rows start: child
    // c's rows are rows_[children_[c].start] to rows_[children_[c + 1].start] (the last child is
    // followed by one of no text). Together, as a lookup reads both.
    struct Child {
      uint32_t text;
      uint32_t start;
    };
    std::vector<Child> children_;
    RowList rows_;
  };
  // An Index's children as texts, first seen first (for a range for).
  class Children {
   public:
    class iterator {
     public:
      iterator(const Index* index, size_t c) : index_(index), c_(c) {}
      std::string_view operator*() const { return index_->child(c_); }
      iterator& operator++() {
        ++c_;
        return *this;
      }
      bool operator==(const iterator& other) const { return c_ == other.c_; }

     private:
      const Index* index_;
      size_t c_;
    };
    explicit Children(const Index& index) : index_(&index) {}
    iterator begin() const { return {index_, 0}; }
    iterator end() const { return {index_, index_->size()}; }

   private:
    const Index* index_;
  };

  // What the rules of one validation share: each part is worked out by the first rule that asks,
  // once, whichever thread it runs on.
  struct Shared {
    template <typename V>
    struct Lazy {
      std::once_flag once;
      std::optional<V> value;
    };
    Lazy<Index> index[kSsda903Tables], last_index[kSsda903Tables];
    Lazy<RowList> blank_rows[kSsda903Tables], last_blank_rows[kSsda903Tables];  // of a blank CHILD
    // Each of this year's episodes' Placement in eight bytes: PL_LA as 1 + its place in `las` (0
    // for none), PL_LOCATION as 0 (none), 1 (IN) or 2 (OUT), and PL_DISTANCE in tenths of a mile
    // (kNoDistance for none), which is how it is rounded.
    struct KeptPlacement {
      static constexpr int32_t kNoDistance = INT32_MIN;
      int32_t tenths = kNoDistance;
      uint16_t la = 0;
      uint8_t location = 0;
    };
    struct Placements {
      std::vector<std::string> las;
      std::vector<KeptPlacement> episodes;
    };
    Lazy<Placements> placements;
    Lazy<std::vector<bool>> uasc_column[2];  // this year's, last year's
    Lazy<std::unordered_map<std::string_view, std::vector<const OfstedProvider*>>> providers;
  };

 private:
  template <typename V, typename Make>
  static const V& once(Shared::Lazy<V>& lazy, Make make) {
    std::call_once(lazy.once, [&] { lazy.value.emplace(make()); });
    return *lazy.value;
  }
  const Index& index(const Ssda903Rows* rows, Shared::Lazy<Index>& lazy);
  const RowList& blank_child_rows(const Ssda903Rows* rows, Shared::Lazy<RowList>& lazy);
  std::optional<std::string_view> uasc_of(const Ssda903Rows* header, const Ssda903Rows* uasc, size_t row,
                                          Shared::Lazy<std::vector<bool>>& column);
  Placement placement_of(const Row& episode);

  std::unique_ptr<Shared> own_;  // when the check shares with no other
  Shared& shared_;
  std::vector<Flagged>& found_;
  const struct Ssda903RuleDefinition* rule_ = nullptr;
  uint16_t rule_number_ = 0;
  std::vector<std::vector<bool>> flagged_;  // by table, by row, for the running rule
  bool used_postcodes_ = false, used_providers_ = false;
};

// Numbers for CHILD texts, 0, 1, 2 and on in the order first given (a blank one too): for a rule
// that keeps something for each child in a vector rather than in a map keyed by text, which takes
// several times the memory at a council's 50,000 children. The texts must outlive it.
class ChildNumbers {
 public:
  // The text's number, a new one when it is new.
  uint32_t number(std::string_view child);
  // The text's number, or nullopt when it was never given.
  std::optional<uint32_t> find(std::string_view child) const;
  size_t size() const { return children_.size(); }

 private:
  std::vector<uint32_t> slots_;  // open addressing: 1 + a number, 0 for an empty slot
  std::vector<std::string_view> children_;
};

// A table's rows by CHILD, this year's or last year's, as the reference's joins pair them
// (Ssda903Check::joined_rows): for a rule that joins one table to another.
class JoinedRows {
 public:
  JoinedRows(Ssda903Check& c, T t, bool last_year = false) : c_(c), t_(t), last_year_(last_year) {}
  RowSpan operator()(std::string_view child) const {
    return last_year_ ? c_.last_joined_rows(t_, child) : c_.joined_rows(t_, child);
  }
  bool any(std::string_view child) const { return !(*this)(child).empty(); }

 private:
  Ssda903Check& c_;
  T t_;
  bool last_year_;
};

// Whether a row gives any of these columns (a value that is not blank).
inline bool any_given(const Row& row, std::initializer_list<size_t> columns) {
  for (const size_t column : columns) {
    if (!row[column].empty()) return true;
  }
  return false;
}

// Whether an episode is of short breaks (respite: LS V3 or V4), which many rules pass over.
inline bool respite(const Row& episode) { return one_of(episode[episodes::LS], {"V3", "V4"}); }

// The children who were ever UASC this year or last, as rules 164, 392a and 392b find them: from
// the Header's derived UASC column, or, for a year without a Header, from the UASC rows with
// anything besides CHILD (the reference fails when no row has; then no child is UASC). nullopt
// when neither year has a UASC column to look at.
std::optional<std::unordered_set<std::string_view>> ever_uasc(Ssda903Check& c);

// Whether the child was looked after continuously through the year, as the reference judges it
// from this year's episodes (rules 157, 185 to 187, 190, 191, 193, 197B, 198, 543, 545 and 546):
// at least one episode in the year, and none that starts care after the year began (RNE S), ends
// it before the year's last day (any REC but X1), or is respite in the year. A child of no
// episodes (or a blank CHILD) was not.
bool continuously_looked_after(Ssda903Check& c, std::string_view child);

// Of some rows, the one whose day (`day_of(row)`, nullopt for none) is the earliest, or the latest,
// the first in row order of equal days, with its day; nullopt when none has a day. How the
// reference takes a child's first or last episode (or other row) by a date.
template <typename DayOf>
std::optional<std::pair<size_t, Date>> first_or_last(RowSpan rows, DayOf day_of, bool latest) {
  std::optional<std::pair<size_t, Date>> pick;
  for (const size_t i : rows) {
    const std::optional<Date> d = day_of(i);
    if (d && (!pick || (latest ? *d > pick->second : *d < pick->second))) pick.emplace(i, *d);
  }
  return pick;
}
// Of some rows of an Episodes table, the one of the earliest (or latest) DECOM so.
std::optional<std::pair<size_t, Date>> first_or_last_episode(const Ssda903Rows& episodes, RowSpan rows,
                                                             bool latest);

// Rows with their days (`day_of(row)`, nullopt for none) in the order of a stable sort on the day,
// no day last and ties in row order: a child's part of the reference's sort by CHILD and a date.
// `out` is reused.
using DatedRows = std::vector<std::pair<std::optional<Date>, size_t>>;
template <typename DayOf>
void sort_by_day(RowSpan rows, DayOf day_of, DatedRows& out) {
  out.clear();
  for (const size_t i : rows) out.emplace_back(day_of(i), i);
  std::stable_sort(out.begin(), out.end(), [](const auto& a, const auto& b) {
    if (!a.first || !b.first) return a.first.has_value() && !b.first.has_value();
    return *a.first < *b.first;
  });
}
// A child's Episodes rows by DECOM so.
RowList episodes_by_decom(const Ssda903Rows& episodes, RowSpan rows);

// The order numpy's argsort(kind="quicksort") puts n keys in, `less` comparing two of them by
// index: an introsort (quicksort with the median of three, insertion sort for parts of 16 or
// fewer, heapsort past 2 log2(n) levels) that is not stable, so equal keys come in its own order.
// pandas sorts by one column with it, so rules that depend on which of equal rows comes first
// (142, 199, 336, 583, 1001, SW08STG2, SW17STG2) use it. A port of numpy 1.24's aquicksort and
// aheapsort, whose order it gives for int64, int32, datetime64 and object (text) keys.
template <typename Less>
std::vector<size_t> numpy_argsort(size_t n, Less less) {
  std::vector<size_t> a(n);
  for (size_t i = 0; i < n; ++i) a[i] = i;
  if (n < 2) return a;
  // Heapsort of [base, base + count), on a 1-based view.
  auto heapsort = [&](size_t* base, ptrdiff_t count) {
    size_t* h = base - 1;
    auto sift = [&](ptrdiff_t i, ptrdiff_t size, size_t moving) {
      for (ptrdiff_t j = i * 2; j <= size;) {
        if (j < size && less(h[j], h[j + 1])) ++j;
        if (!less(moving, h[j])) break;
        h[i] = h[j];
        i = j;
        j += j;
      }
      h[i] = moving;
    };
    for (ptrdiff_t l = count >> 1; l > 0; --l) sift(l, count, h[l]);
    while (count > 1) {
      const size_t moving = h[count];
      h[count] = h[1];
      --count;
      sift(1, count, moving);
    }
  };
  int depth = 0;
  for (size_t m = n; m >>= 1;) depth += 2;
  std::vector<std::pair<std::pair<size_t*, size_t*>, int>> pending;  // parts left for later
  size_t* pl = a.data();
  size_t* pr = a.data() + n - 1;
  for (;;) {
    if (depth < 0) {
      heapsort(pl, pr - pl + 1);
    } else {
      while (pr - pl > 15) {
        size_t* pm = pl + ((pr - pl) >> 1);
        if (less(*pm, *pl)) std::swap(*pm, *pl);
        if (less(*pr, *pm)) std::swap(*pr, *pm);
        if (less(*pm, *pl)) std::swap(*pm, *pl);
        const size_t pivot = *pm;
        size_t* pi = pl;
        size_t* pj = pr - 1;
        std::swap(*pm, *pj);
        for (;;) {
          do ++pi;
          while (less(*pi, pivot));
          do --pj;
          while (less(pivot, *pj));
          if (pi >= pj) break;
          std::swap(*pi, *pj);
        }
        std::swap(*pi, *(pr - 1));
        // Go on with the smaller part; the larger waits.
        if (pi - pl < pr - pi) {
          pending.push_back({{pi + 1, pr}, --depth});
          pr = pi - 1;
        } else {
          pending.push_back({{pl, pi - 1}, --depth});
          pl = pi + 1;
        }
      }
      for (size_t* pi = pl + 1; pi <= pr; ++pi) {
        const size_t moving = *pi;
        size_t* pj = pi;
        for (; pj > pl && less(moving, *(pj - 1)); --pj) *pj = *(pj - 1);
        *pj = moving;
      }
    }
    if (pending.empty()) break;
    std::tie(pl, pr) = pending.back().first;
    depth = pending.back().second;
    pending.pop_back();
  }
  return a;
}

struct Ssda903RuleDefinition {
  Ssda903Rule rule;
  std::string_view fields;  // the fields the reference names for the rule, separated by ", "
  std::function<void(Ssda903Check&)> run;
};

// The rules, by the hundreds of their codes. Each adds its rules in code order.
void add_ssda903_rules_100s(std::vector<Ssda903RuleDefinition>& rules);
void add_ssda903_rules_200s(std::vector<Ssda903RuleDefinition>& rules);
void add_ssda903_rules_300s(std::vector<Ssda903RuleDefinition>& rules);
void add_ssda903_rules_400s(std::vector<Ssda903RuleDefinition>& rules);     // 400 to 529
void add_ssda903_rules_500s(std::vector<Ssda903RuleDefinition>& rules);     // 530 to 599
void add_ssda903_rules_600s_up(std::vector<Ssda903RuleDefinition>& rules);  // 600 on, SW, INT, EPI, NoE

// The finding a rule makes about a row of this year's table: the rule's code, severity, fields and
// message, the row's CHILD, and as its value what the row holds in the first of the rule's fields
// that is a column of the table.
Finding ssda903_finding(const Ssda903Return& submitted, const Ssda903RuleDefinition& rule, T table,
                        size_t row);

// Rules of a common shape.
// An error rule that `run` carries out.
Ssda903RuleDefinition rule(const char* code, const char* message, const char* fields,
                           std::function<void(Ssda903Check&)> run);
// An error rule that flags each row of one table that `faulty` finds at fault.
Ssda903RuleDefinition each_row(const char* code, const char* message, const char* fields, T table,
                               std::function<bool(Ssda903Check&, const Row&)> faulty);
Ssda903RuleDefinition each_row(const char* code, const char* message, const char* fields, T table,
                               std::function<bool(const Row&)> faulty);
// A date field that is given but is no date.
Ssda903RuleDefinition not_a_date(const char* code, const char* message, T table, size_t column,
                                 const char* field);
// A coded field that holds no code of `codes`; blank too when `blank_is_a_fault`.
Ssda903RuleDefinition not_a_code(const char* code, const char* message, T table, size_t column,
                                 const char* field, std::vector<std::string_view> codes,
                                 bool blank_is_a_fault = false);
// Fields that must all be given or all be blank (only presence is checked); `fields` names them.
Ssda903RuleDefinition all_or_none(const char* code, const char* message, T table, std::vector<size_t> columns,
                                  const char* fields);

}  // namespace safeguard::ssda903
