#include "core/calendar.h"

#include <algorithm>
#include <array>
#include <cstdint>
#include <utility>

namespace safeguard {
namespace {

// ---------------------------------------------------------------------------------------------
// Bank holidays

// One row of the published England and Wales list.
struct PublishedHoliday {
  int year;
  int month;
  int day;
  const char* name;
};

constexpr int kFirstPublishedYear = 1999;
constexpr int kLastPublishedYear = 2027;

// The England and Wales bank holidays as published on GOV.UK, 1999 to 2027. It is hard-coded rather
// than generated from the rules because the published list is the law in force: royal proclamations
// added one-off days (1999, 2002, 2011, 2012, 2022, 2023) and moved the spring bank holiday
// (2002, 2012, 2022) and the early May bank holiday (2020), which no rule can foresee. Every other
// row is what the rules give; calendar_test.cc checks that, so a typo here fails a test.
constexpr auto kPublished = std::to_array<PublishedHoliday>({
    // 1999
    {1999, 1, 1, "New Year's Day"},
    {1999, 4, 2, "Good Friday"},
    {1999, 4, 5, "Easter Monday"},
    {1999, 5, 3, "Early May bank holiday"},
    {1999, 5, 31, "Spring bank holiday"},
    {1999, 8, 30, "Summer bank holiday"},
    {1999, 12, 27, "Christmas Day (substitute day)"},
    {1999, 12, 28, "Boxing Day (substitute day)"},
    {1999, 12, 31, "Millennium celebrations"},
    // 2000
    {2000, 1, 3, "New Year's Day (substitute day)"},
    {2000, 4, 21, "Good Friday"},
    {2000, 4, 24, "Easter Monday"},
    {2000, 5, 1, "Early May bank holiday"},
    {2000, 5, 29, "Spring bank holiday"},
    {2000, 8, 28, "Summer bank holiday"},
    {2000, 12, 25, "Christmas Day"},
    {2000, 12, 26, "Boxing Day"},
    // 2001
    {2001, 1, 1, "New Year's Day"},
    {2001, 4, 13, "Good Friday"},
    {2001, 4, 16, "Easter Monday"},
    {2001, 5, 7, "Early May bank holiday"},
    {2001, 5, 28, "Spring bank holiday"},
    {2001, 8, 27, "Summer bank holiday"},
    {2001, 12, 25, "Christmas Day"},
    {2001, 12, 26, "Boxing Day"},
    // 2002
    {2002, 1, 1, "New Year's Day"},
    {2002, 3, 29, "Good Friday"},
    {2002, 4, 1, "Easter Monday"},
    {2002, 5, 6, "Early May bank holiday"},
    {2002, 6, 3, "Queen's Golden Jubilee"},
    {2002, 6, 4, "Spring bank holiday"},
    {2002, 8, 26, "Summer bank holiday"},
    {2002, 12, 25, "Christmas Day"},
    {2002, 12, 26, "Boxing Day"},
    // 2003
    {2003, 1, 1, "New Year's Day"},
    {2003, 4, 18, "Good Friday"},
    {2003, 4, 21, "Easter Monday"},
    {2003, 5, 5, "Early May bank holiday"},
    {2003, 5, 26, "Spring bank holiday"},
    {2003, 8, 25, "Summer bank holiday"},
    {2003, 12, 25, "Christmas Day"},
    {2003, 12, 26, "Boxing Day"},
    // 2004
    {2004, 1, 1, "New Year's Day"},
    {2004, 4, 9, "Good Friday"},
    {2004, 4, 12, "Easter Monday"},
    {2004, 5, 3, "Early May bank holiday"},
    {2004, 5, 31, "Spring bank holiday"},
    {2004, 8, 30, "Summer bank holiday"},
    {2004, 12, 27, "Christmas Day (substitute day)"},
    {2004, 12, 28, "Boxing Day (substitute day)"},
    // 2005
    {2005, 1, 3, "New Year's Day (substitute day)"},
    {2005, 3, 25, "Good Friday"},
    {2005, 3, 28, "Easter Monday"},
    {2005, 5, 2, "Early May bank holiday"},
    {2005, 5, 30, "Spring bank holiday"},
    {2005, 8, 29, "Summer bank holiday"},
    {2005, 12, 26, "Boxing Day"},
    {2005, 12, 27, "Christmas Day (substitute day)"},
    // 2006
    {2006, 1, 2, "New Year's Day (substitute day)"},
    {2006, 4, 14, "Good Friday"},
    {2006, 4, 17, "Easter Monday"},
    {2006, 5, 1, "Early May bank holiday"},
    {2006, 5, 29, "Spring bank holiday"},
    {2006, 8, 28, "Summer bank holiday"},
    {2006, 12, 25, "Christmas Day"},
    {2006, 12, 26, "Boxing Day"},
    // 2007
    {2007, 1, 1, "New Year's Day"},
    {2007, 4, 6, "Good Friday"},
    {2007, 4, 9, "Easter Monday"},
    {2007, 5, 7, "Early May bank holiday"},
    {2007, 5, 28, "Spring bank holiday"},
    {2007, 8, 27, "Summer bank holiday"},
    {2007, 12, 25, "Christmas Day"},
    {2007, 12, 26, "Boxing Day"},
    // 2008
    {2008, 1, 1, "New Year's Day"},
    {2008, 3, 21, "Good Friday"},
    {2008, 3, 24, "Easter Monday"},
    {2008, 5, 5, "Early May bank holiday"},
    {2008, 5, 26, "Spring bank holiday"},
    {2008, 8, 25, "Summer bank holiday"},
    {2008, 12, 25, "Christmas Day"},
    {2008, 12, 26, "Boxing Day"},
    // 2009
    {2009, 1, 1, "New Year's Day"},
    {2009, 4, 10, "Good Friday"},
    {2009, 4, 13, "Easter Monday"},
    {2009, 5, 4, "Early May bank holiday"},
    {2009, 5, 25, "Spring bank holiday"},
    {2009, 8, 31, "Summer bank holiday"},
    {2009, 12, 25, "Christmas Day"},
    {2009, 12, 28, "Boxing Day (substitute day)"},
    // 2010
    {2010, 1, 1, "New Year's Day"},
    {2010, 4, 2, "Good Friday"},
    {2010, 4, 5, "Easter Monday"},
    {2010, 5, 3, "Early May bank holiday"},
    {2010, 5, 31, "Spring bank holiday"},
    {2010, 8, 30, "Summer bank holiday"},
    {2010, 12, 27, "Christmas Day (substitute day)"},
    {2010, 12, 28, "Boxing Day (substitute day)"},
    // 2011
    {2011, 1, 3, "New Year's Day (substitute day)"},
    {2011, 4, 22, "Good Friday"},
    {2011, 4, 25, "Easter Monday"},
    {2011, 4, 29, "Royal wedding"},
    {2011, 5, 2, "Early May bank holiday"},
    {2011, 5, 30, "Spring bank holiday"},
    {2011, 8, 29, "Summer bank holiday"},
    {2011, 12, 26, "Boxing Day"},
    {2011, 12, 27, "Christmas Day (substitute day)"},
    // 2012
    {2012, 1, 2, "New Year's Day (substitute day)"},
    {2012, 4, 6, "Good Friday"},
    {2012, 4, 9, "Easter Monday"},
    {2012, 5, 7, "Early May bank holiday"},
    {2012, 6, 4, "Spring bank holiday"},
    {2012, 6, 5, "Queen's Diamond Jubilee"},
    {2012, 8, 27, "Summer bank holiday"},
    {2012, 12, 25, "Christmas Day"},
    {2012, 12, 26, "Boxing Day"},
    // 2013
    {2013, 1, 1, "New Year's Day"},
    {2013, 3, 29, "Good Friday"},
    {2013, 4, 1, "Easter Monday"},
    {2013, 5, 6, "Early May bank holiday"},
    {2013, 5, 27, "Spring bank holiday"},
    {2013, 8, 26, "Summer bank holiday"},
    {2013, 12, 25, "Christmas Day"},
    {2013, 12, 26, "Boxing Day"},
    // 2014
    {2014, 1, 1, "New Year's Day"},
    {2014, 4, 18, "Good Friday"},
    {2014, 4, 21, "Easter Monday"},
    {2014, 5, 5, "Early May bank holiday"},
    {2014, 5, 26, "Spring bank holiday"},
    {2014, 8, 25, "Summer bank holiday"},
    {2014, 12, 25, "Christmas Day"},
    {2014, 12, 26, "Boxing Day"},
    // 2015
    {2015, 1, 1, "New Year's Day"},
    {2015, 4, 3, "Good Friday"},
    {2015, 4, 6, "Easter Monday"},
    {2015, 5, 4, "Early May bank holiday"},
    {2015, 5, 25, "Spring bank holiday"},
    {2015, 8, 31, "Summer bank holiday"},
    {2015, 12, 25, "Christmas Day"},
    {2015, 12, 28, "Boxing Day (substitute day)"},
    // 2016
    {2016, 1, 1, "New Year's Day"},
    {2016, 3, 25, "Good Friday"},
    {2016, 3, 28, "Easter Monday"},
    {2016, 5, 2, "Early May bank holiday"},
    {2016, 5, 30, "Spring bank holiday"},
    {2016, 8, 29, "Summer bank holiday"},
    {2016, 12, 26, "Boxing Day"},
    {2016, 12, 27, "Christmas Day (substitute day)"},
    // 2017
    {2017, 1, 2, "New Year's Day (substitute day)"},
    {2017, 4, 14, "Good Friday"},
    {2017, 4, 17, "Easter Monday"},
    {2017, 5, 1, "Early May bank holiday"},
    {2017, 5, 29, "Spring bank holiday"},
    {2017, 8, 28, "Summer bank holiday"},
    {2017, 12, 25, "Christmas Day"},
    {2017, 12, 26, "Boxing Day"},
    // 2018
    {2018, 1, 1, "New Year's Day"},
    {2018, 3, 30, "Good Friday"},
    {2018, 4, 2, "Easter Monday"},
    {2018, 5, 7, "Early May bank holiday"},
    {2018, 5, 28, "Spring bank holiday"},
    {2018, 8, 27, "Summer bank holiday"},
    {2018, 12, 25, "Christmas Day"},
    {2018, 12, 26, "Boxing Day"},
    // 2019
    {2019, 1, 1, "New Year's Day"},
    {2019, 4, 19, "Good Friday"},
    {2019, 4, 22, "Easter Monday"},
    {2019, 5, 6, "Early May bank holiday"},
    {2019, 5, 27, "Spring bank holiday"},
    {2019, 8, 26, "Summer bank holiday"},
    {2019, 12, 25, "Christmas Day"},
    {2019, 12, 26, "Boxing Day"},
    // 2020
    {2020, 1, 1, "New Year's Day"},
    {2020, 4, 10, "Good Friday"},
    {2020, 4, 13, "Easter Monday"},
    {2020, 5, 8, "Early May bank holiday (VE day)"},
    {2020, 5, 25, "Spring bank holiday"},
    {2020, 8, 31, "Summer bank holiday"},
    {2020, 12, 25, "Christmas Day"},
    {2020, 12, 28, "Boxing Day (substitute day)"},
    // 2021
    {2021, 1, 1, "New Year's Day"},
    {2021, 4, 2, "Good Friday"},
    {2021, 4, 5, "Easter Monday"},
    {2021, 5, 3, "Early May bank holiday"},
    {2021, 5, 31, "Spring bank holiday"},
    {2021, 8, 30, "Summer bank holiday"},
    {2021, 12, 27, "Christmas Day (substitute day)"},
    {2021, 12, 28, "Boxing Day (substitute day)"},
    // 2022
    {2022, 1, 3, "New Year's Day (substitute day)"},
    {2022, 4, 15, "Good Friday"},
    {2022, 4, 18, "Easter Monday"},
    {2022, 5, 2, "Early May bank holiday"},
    {2022, 6, 2, "Spring bank holiday"},
    {2022, 6, 3, "Platinum Jubilee bank holiday"},
    {2022, 8, 29, "Summer bank holiday"},
    {2022, 9, 19, "Bank Holiday for the State Funeral of Queen Elizabeth II"},
    {2022, 12, 26, "Boxing Day"},
    {2022, 12, 27, "Christmas Day (substitute day)"},
    // 2023
    {2023, 1, 2, "New Year's Day (substitute day)"},
    {2023, 4, 7, "Good Friday"},
    {2023, 4, 10, "Easter Monday"},
    {2023, 5, 1, "Early May bank holiday"},
    {2023, 5, 8, "Bank holiday for the coronation of King Charles III"},
    {2023, 5, 29, "Spring bank holiday"},
    {2023, 8, 28, "Summer bank holiday"},
    {2023, 12, 25, "Christmas Day"},
    {2023, 12, 26, "Boxing Day"},
    // 2024
    {2024, 1, 1, "New Year's Day"},
    {2024, 3, 29, "Good Friday"},
    {2024, 4, 1, "Easter Monday"},
    {2024, 5, 6, "Early May bank holiday"},
    {2024, 5, 27, "Spring bank holiday"},
    {2024, 8, 26, "Summer bank holiday"},
    {2024, 12, 25, "Christmas Day"},
    {2024, 12, 26, "Boxing Day"},
    // 2025
    {2025, 1, 1, "New Year's Day"},
    {2025, 4, 18, "Good Friday"},
    {2025, 4, 21, "Easter Monday"},
    {2025, 5, 5, "Early May bank holiday"},
    {2025, 5, 26, "Spring bank holiday"},
    {2025, 8, 25, "Summer bank holiday"},
    {2025, 12, 25, "Christmas Day"},
    {2025, 12, 26, "Boxing Day"},
    // 2026
    {2026, 1, 1, "New Year's Day"},
    {2026, 4, 3, "Good Friday"},
    {2026, 4, 6, "Easter Monday"},
    {2026, 5, 4, "Early May bank holiday"},
    {2026, 5, 25, "Spring bank holiday"},
    {2026, 8, 31, "Summer bank holiday"},
    {2026, 12, 25, "Christmas Day"},
    {2026, 12, 28, "Boxing Day (substitute day)"},
    // 2027
    {2027, 1, 1, "New Year's Day"},
    {2027, 3, 26, "Good Friday"},
    {2027, 3, 29, "Easter Monday"},
    {2027, 5, 3, "Early May bank holiday"},
    {2027, 5, 31, "Spring bank holiday"},
    {2027, 8, 30, "Summer bank holiday"},
    {2027, 12, 27, "Christmas Day (substitute day)"},
    {2027, 12, 28, "Boxing Day (substitute day)"},
});

constexpr bool published_table_is_sorted_and_in_range() {
  for (size_t i = 0; i < kPublished.size(); ++i) {
    const PublishedHoliday& row = kPublished[i];
    if (row.year < kFirstPublishedYear || row.year > kLastPublishedYear) return false;
    if (row.month < 1 || row.month > 12 || row.day < 1 || row.day > 31) return false;
    if (i == 0) continue;
    const PublishedHoliday& prev = kPublished[i - 1];
    const auto key = [](const PublishedHoliday& h) { return (h.year * 100 + h.month) * 100 + h.day; };
    if (key(prev) >= key(row)) return false;
  }
  return true;
}
static_assert(published_table_is_sorted_and_in_range(), "kPublished must be in strict date order");

// The Monday on or after a date.
Date monday_on_or_after(Date date) {
  const int weekday = static_cast<int>(date.weekday());  // Monday 1 .. Sunday 7
  return date + (8 - weekday) % 7;
}

// The Monday on or before a date.
Date monday_on_or_before(Date date) { return date - (static_cast<int>(date.weekday()) - 1); }

// The usual pattern, for years with no published list. It is the pattern in force since 1978 (the
// first early May bank holiday); earlier years, and any future one-off day, differ from it, which
// is why 1999-2027 come from the published list instead. 1990-1998 (inside the fast table below)
// use it too, so 1995's early May bank holiday is 1 May here, not 8 May (VE day) as it really was.
std::vector<BankHoliday> rule_holidays(int year) {
  std::vector<BankHoliday> holidays;
  holidays.reserve(8);

  const Date new_year = Date::from_ymd(year, 1, 1);
  if (new_year.is_weekend()) {
    holidays.push_back({monday_on_or_after(new_year), "New Year's Day (substitute day)"});
  } else {
    holidays.push_back({new_year, "New Year's Day"});
  }

  const Date easter = easter_sunday(year);
  holidays.push_back({easter - 2, "Good Friday"});
  holidays.push_back({easter + 1, "Easter Monday"});
  holidays.push_back({monday_on_or_after(Date::from_ymd(year, 5, 1)), "Early May bank holiday"});
  holidays.push_back({monday_on_or_before(Date::from_ymd(year, 5, 31)), "Spring bank holiday"});
  holidays.push_back({monday_on_or_before(Date::from_ymd(year, 8, 31)), "Summer bank holiday"});

  // Christmas and Boxing Day are the one pair that can both fall on a weekend, so the substitutes
  // are spelt out case by case rather than "next weekday" each.
  const Date christmas = Date::from_ymd(year, 12, 25);
  switch (christmas.weekday()) {
    case Weekday::kSaturday:
      holidays.push_back({christmas + 2, "Christmas Day (substitute day)"});
      holidays.push_back({christmas + 3, "Boxing Day (substitute day)"});
      break;
    case Weekday::kSunday:
      holidays.push_back({christmas + 1, "Boxing Day"});
      holidays.push_back({christmas + 2, "Christmas Day (substitute day)"});
      break;
    case Weekday::kFriday:
      holidays.push_back({christmas, "Christmas Day"});
      holidays.push_back({christmas + 3, "Boxing Day (substitute day)"});
      break;
    default:
      holidays.push_back({christmas, "Christmas Day"});
      holidays.push_back({christmas + 1, "Boxing Day"});
      break;
  }
  return holidays;
}

bool is_published_year(int year) { return year >= kFirstPublishedYear && year <= kLastPublishedYear; }

// The dates alone, for the arithmetic, which has no use for the names.
std::vector<Date> holiday_dates(int year) {
  std::vector<Date> dates;
  for (const BankHoliday& holiday : england_and_wales_bank_holidays(year)) dates.push_back(holiday.date);
  return dates;
}

// ---------------------------------------------------------------------------------------------
// Counting working days without the table (years outside it).

bool is_weekday_not_in(Date date, const std::vector<Date>& holidays) {
  return !date.is_weekend() && !std::binary_search(holidays.begin(), holidays.end(), date);
}

// Monday to Friday in [first, last]; 0 if last is before first.
int weekdays_in(Date first, Date last) {
  const int days = last - first + 1;
  if (days <= 0) return 0;
  int count = days / 7 * 5;
  for (Date date = first + days / 7 * 7; date <= last; date += 1) {
    if (!date.is_weekend()) ++count;
  }
  return count;
}

// Working days (weekends and bank holidays only) d with from < d <= to, where (from, to] lies in one
// calendar year and `holidays` are that year's bank holidays.
int count_within_year(Date from, Date to, const std::vector<Date>& holidays) {
  int count = weekdays_in(from + 1, to);
  for (const Date holiday : holidays) {
    if (holiday > from && holiday <= to && !holiday.is_weekend()) --count;
  }
  return count;
}

// Working days d with from < d <= to (from <= to), a calendar year at a time.
int slow_count(Date from, Date to) {
  int count = 0;
  while (from < to) {
    const int year = (from + 1).year();
    const Date year_end = std::min(to, Date::from_ymd(year, 12, 31));
    count += count_within_year(from, year_end, holiday_dates(year));
    from = year_end;
  }
  return count;
}

// ---------------------------------------------------------------------------------------------
// The shared table: weekends and bank holidays, without any council's closures.

// Statutory returns ask for millions of working-day sums, so the common range is answered from
// prefix sums: two array reads for a count, two for "the nth working day after". Both arrays hold
// 16-bit values (day offsets and counts both stay below 65,536 over this range), about 140 KB in
// all, built once per process. Dates outside the range are counted a year at a time instead.
class BankHolidayTable {
 public:
  static const BankHolidayTable& instance() {
    static const BankHolidayTable table;  // thread-safe initialisation (C++11 magic statics)
    return table;
  }

  bool is_working_day(Date date) const {
    if (date >= first_ && date <= last_) {
      const auto i = static_cast<size_t>(date - first_);
      return prefix_[i + 1] != prefix_[i];
    }
    return is_weekday_not_in(date, holiday_dates(date.year()));
  }

  // Working days d with from < d <= to, for from <= to.
  int count(Date from, Date to) const {
    int total = 0;
    if (from < first_ - 1) {  // the part before the table
      const Date end = std::min(to, first_ - 1);
      total += slow_count(from, end);
      from = end;
    }
    if (from < to && from < last_) {  // from >= first_ - 1 here
      const Date end = std::min(to, last_);
      total += working_days_to(end) - working_days_to(from);
      from = end;
    }
    if (from < to) total += slow_count(from, to);  // the part after the table
    return total;
  }

  // The kth working day after `date` (k >= 1).
  Date nth_after(Date date, int64_t k) const {
    const auto in_table = static_cast<int64_t>(working_.size());
    for (;;) {
      if (date >= first_ - 1 && date <= last_) {
        const int64_t target = working_days_to(date) + k;
        if (target <= in_table) return first_ + working_[static_cast<size_t>(target - 1)];
        k = target - in_table;
        date = last_;
      }
      // Outside the table: skip whole years, then walk the year that holds the answer.
      const int year = (date + 1).year();
      const Date year_end = Date::from_ymd(year, 12, 31);
      const std::vector<Date> holidays = holiday_dates(year);
      const int rest_of_year = count_within_year(date, year_end, holidays);
      if (rest_of_year < k) {
        k -= rest_of_year;
        date = year_end;
        continue;
      }
      for (Date day = date + 1;; day += 1) {
        if (is_weekday_not_in(day, holidays) && --k == 0) return day;
      }
    }
  }

  // The kth working day before `date` (k >= 1).
  Date nth_before(Date date, int64_t k) const {
    for (;;) {
      if (date >= first_ && date <= last_ + 1) {
        const int64_t before = working_days_to(date - 1);
        if (before >= k) return first_ + working_[static_cast<size_t>(before - k)];
        k -= before;
        date = first_;
      }
      const int year = (date - 1).year();
      const Date year_start = Date::from_ymd(year, 1, 1);
      const std::vector<Date> holidays = holiday_dates(year);
      const int start_of_year = count_within_year(year_start - 1, date - 1, holidays);
      if (start_of_year < k) {
        k -= start_of_year;
        date = year_start;
        continue;
      }
      for (Date day = date - 1;; day = day - 1) {
        if (is_weekday_not_in(day, holidays) && --k == 0) return day;
      }
    }
  }

 private:
  // Whole years, so that the out-of-range code, which works a calendar year at a time, meets the
  // table exactly at its edges.
  static constexpr int kFirstYear = 1990;
  static constexpr int kLastYear = 2100;
  static_assert((kLastYear - kFirstYear + 1) * 366 < 65536, "day offsets and counts must fit in 16 bits");

  BankHolidayTable() : first_(Date::from_ymd(kFirstYear, 1, 1)), last_(Date::from_ymd(kLastYear, 12, 31)) {
    const auto days = static_cast<size_t>(last_ - first_ + 1);
    std::vector<bool> closed(days, false);
    for (int year = kFirstYear; year <= kLastYear; ++year) {
      for (const Date holiday : holiday_dates(year)) closed[static_cast<size_t>(holiday - first_)] = true;
    }
    prefix_.resize(days + 1);
    prefix_[0] = 0;
    for (size_t i = 0; i < days; ++i) {
      const bool working = !closed[i] && !(first_ + static_cast<int32_t>(i)).is_weekend();
      prefix_[i + 1] = static_cast<uint16_t>(prefix_[i] + (working ? 1 : 0));
      if (working) working_.push_back(static_cast<uint16_t>(i));
    }
  }

  // Working days in [first_, date], for first_ - 1 <= date <= last_.
  int working_days_to(Date date) const { return prefix_[static_cast<size_t>(date - first_ + 1)]; }

  Date first_;
  Date last_;
  std::vector<uint16_t> prefix_;   // prefix_[i]: working days in [first_, first_ + i)
  std::vector<uint16_t> working_;  // working_[j]: offset from first_ of the (j+1)th working day
};

// ---------------------------------------------------------------------------------------------
// Council closures, laid over the shared table.

// A calendar with closures does not get a table of its own: the header gives an instance nowhere to
// keep one, and closures are few (a handful a year), so they are taken off the shared table's
// answers by binary search over the sorted closures: O(log closures) more per call, plus a check of
// each closure inside the span counted.

bool is_closure(const std::vector<ClosureDay>& closures, Date date) {
  const auto it = std::lower_bound(closures.begin(), closures.end(), date,
                                   [](const ClosureDay& closure, Date d) { return closure.date < d; });
  return it != closures.end() && it->date == date;
}

using ClosureIterator = std::vector<ClosureDay>::const_iterator;

ClosureIterator first_closure_after(const std::vector<ClosureDay>& closures, Date date) {
  return std::upper_bound(closures.begin(), closures.end(), date,
                          [](Date d, const ClosureDay& closure) { return d < closure.date; });
}

// Closure days d with from < d <= to that would otherwise be working days (a closure on a Saturday
// or on Christmas Day changes nothing).
int closures_that_cost_a_day(const std::vector<ClosureDay>& closures, const BankHolidayTable& table,
                             Date from, Date to) {
  int count = 0;
  const auto end = first_closure_after(closures, to);
  for (auto it = first_closure_after(closures, from); it != end; ++it) {
    if (table.is_working_day(it->date)) ++count;
  }
  return count;
}

}  // namespace

Date easter_sunday(int year) {
  // The anonymous Gregorian algorithm (Meeus, Jones, Butcher).
  const int a = year % 19;
  const int b = year / 100;
  const int c = year % 100;
  const int d = b / 4;
  const int e = b % 4;
  const int f = (b + 8) / 25;
  const int g = (b - f + 1) / 3;
  const int h = (19 * a + b - d - g + 15) % 30;
  const int i = c / 4;
  const int k = c % 4;
  const int l = (32 + 2 * e + 2 * i - h - k) % 7;
  const int m = (a + 11 * h + 22 * l) / 451;
  const int month = (h + l - 7 * m + 114) / 31;
  const int day = (h + l - 7 * m + 114) % 31 + 1;
  return Date::from_ymd(year, month, day);
}

std::vector<BankHoliday> england_and_wales_bank_holidays(int year) {
  if (!is_published_year(year)) return rule_holidays(year);
  std::vector<BankHoliday> holidays;
  for (const PublishedHoliday& row : kPublished) {
    if (row.year == year) holidays.push_back({Date::from_ymd(row.year, row.month, row.day), row.name});
  }
  return holidays;
}

WorkingDayCalendar::WorkingDayCalendar() {
  // Build the shared table now rather than inside the first query that needs it.
  BankHolidayTable::instance();
}

WorkingDayCalendar::WorkingDayCalendar(std::vector<ClosureDay> closures) : closures_(std::move(closures)) {
  // Stable, so that of two entries for one day the first given keeps its reason.
  std::stable_sort(closures_.begin(), closures_.end(),
                   [](const ClosureDay& a, const ClosureDay& b) { return a.date < b.date; });
  closures_.erase(std::unique(closures_.begin(), closures_.end(),
                              [](const ClosureDay& a, const ClosureDay& b) { return a.date == b.date; }),
                  closures_.end());
  BankHolidayTable::instance();
}

bool WorkingDayCalendar::is_working_day(Date date) const {
  if (!BankHolidayTable::instance().is_working_day(date)) return false;
  return closures_.empty() || !is_closure(closures_, date);
}

std::optional<BankHoliday> WorkingDayCalendar::bank_holiday(Date date) const {
  // Bank holidays are always weekdays; this spares building a year's list for most dates.
  if (date.is_weekend()) return std::nullopt;
  for (BankHoliday& holiday : england_and_wales_bank_holidays(date.year())) {
    if (holiday.date == date) return std::move(holiday);
  }
  return std::nullopt;
}

std::optional<ClosureDay> WorkingDayCalendar::closure_day(Date date) const {
  const auto it = std::lower_bound(closures_.begin(), closures_.end(), date,
                                   [](const ClosureDay& closure, Date d) { return closure.date < d; });
  if (it == closures_.end() || it->date != date) return std::nullopt;
  return *it;
}

Date WorkingDayCalendar::add_working_days(Date date, int n) const {
  if (n == 0) return date;
  const BankHolidayTable& table = BankHolidayTable::instance();
  if (n > 0) {
    Date result = table.nth_after(date, n);
    // Each closure that took a working day in the stretch just counted pushes the answer on by
    // one more working day; those further days may hold closures in turn.
    Date counted_to = date;
    for (;;) {
      const int lost = closures_.empty() ? 0 : closures_that_cost_a_day(closures_, table, counted_to, result);
      if (lost == 0) return result;
      counted_to = result;
      result = table.nth_after(result, lost);
    }
  }
  // In 64 bits, since -n overflows an int when n is INT_MIN.
  Date result = table.nth_before(date, -static_cast<int64_t>(n));
  Date counted_from = date;
  for (;;) {
    // The stretch just counted is [result, counted_from).
    const int lost =
        closures_.empty() ? 0 : closures_that_cost_a_day(closures_, table, result - 1, counted_from - 1);
    if (lost == 0) return result;
    counted_from = result;
    result = table.nth_before(result, lost);
  }
}

int WorkingDayCalendar::working_days_between(Date from, Date to) const {
  if (to < from) return -working_days_between(to, from);
  const BankHolidayTable& table = BankHolidayTable::instance();
  int count = table.count(from, to);
  if (!closures_.empty()) count -= closures_that_cost_a_day(closures_, table, from, to);
  return count;
}

Timestamp add_working_hours(Timestamp start, int hours, const WorkingDayCalendar& calendar,
                            const OfficeHours& office) {
  Date day = london_date(start);
  int minute = london_minute_of_day(start);
  int64_t remaining = int64_t{hours} * 60;
  const int per_day = office.closes - office.opens;
  if (per_day <= 0) return start;
  while (true) {
    if (!calendar.is_working_day(day) || minute >= office.closes) {
      day = calendar.add_working_days(day, 1);
      minute = office.opens;
      continue;
    }
    if (minute < office.opens) minute = office.opens;
    const int available = office.closes - minute;
    if (remaining <= available) {
      const int end = minute + static_cast<int>(remaining);
      return london_time(day, end / 60, end % 60);
    }
    remaining -= available;
    day = calendar.add_working_days(day, 1);
    minute = office.opens;
  }
}

}  // namespace safeguard
