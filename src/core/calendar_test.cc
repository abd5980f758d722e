#include "core/calendar.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <charconv>
#include <climits>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <optional>
#include <set>
#include <sstream>
#include <string>
#include <string_view>
#include <thread>
#include <utility>
#include <vector>

namespace safeguard {
namespace {

Date ymd(int year, int month, int day) { return Date::from_ymd(year, month, day); }

// ---------------------------------------------------------------------------------------------
// An independent reference. It is written differently from calendar.cc on purpose (another Easter
// algorithm, substitutes found by a general "next free weekday" rule, day-by-day loops), so that a
// mistake in one is not repeated in the other.

// Easter Sunday by the Lilius-Clavius method as given in Tøndering's Calendar FAQ.
Date reference_easter(int year) {
  const int g = year % 19;
  const int c = year / 100;
  const int h = (c - c / 4 - (8 * c + 13) / 25 + 19 * g + 15) % 30;
  const int i = h - (h / 28) * (1 - (29 / (h + 1)) * ((21 - g) / 11));
  const int j = (year + year / 4 + i + 2 - c + c / 4) % 7;
  const int l = i - j;
  const int month = 3 + (l + 40) / 44;
  const int day = l + 28 - 31 * (month / 4);
  return ymd(year, month, day);
}

using HolidayList = std::vector<std::pair<Date, std::string>>;

HolidayList as_list(const std::vector<BankHoliday>& holidays) {
  HolidayList list;
  for (const BankHoliday& holiday : holidays) list.emplace_back(holiday.date, holiday.name);
  return list;
}

Date first_monday(int year, int month) {
  Date date = ymd(year, month, 1);
  while (date.weekday() != Weekday::kMonday) date += 1;
  return date;
}

Date last_monday(int year, int month) {
  Date date = ymd(year, month, days_in_month(year, month));
  while (date.weekday() != Weekday::kMonday) date = date - 1;
  return date;
}

// The rules, with substitutes found generally: holidays on weekdays keep their day; then, in date
// order, each holiday on a weekend moves to the first later weekday that is not already taken.
HolidayList reference_rules(int year) {
  struct Fixed {
    Date date;
    std::string name;
    bool may_move;
  };
  const Date easter = reference_easter(year);
  const std::vector<Fixed> usual = {
      {ymd(year, 1, 1), "New Year's Day", true},
      {easter - 2, "Good Friday", false},
      {easter + 1, "Easter Monday", false},
      {first_monday(year, 5), "Early May bank holiday", false},
      {last_monday(year, 5), "Spring bank holiday", false},
      {last_monday(year, 8), "Summer bank holiday", false},
      {ymd(year, 12, 25), "Christmas Day", true},
      {ymd(year, 12, 26), "Boxing Day", true},
  };
  std::set<Date> taken;
  HolidayList result;
  for (const Fixed& holiday : usual) {
    if (!holiday.date.is_weekend()) {
      taken.insert(holiday.date);
      result.emplace_back(holiday.date, holiday.name);
    }
  }
  for (const Fixed& holiday : usual) {
    if (!holiday.date.is_weekend()) continue;
    EXPECT_TRUE(holiday.may_move) << holiday.name << " " << holiday.date.iso();
    Date substitute = holiday.date;
    while (substitute.is_weekend() || taken.count(substitute) > 0) substitute += 1;
    taken.insert(substitute);
    result.emplace_back(substitute, holiday.name + " (substitute day)");
  }
  std::sort(result.begin(), result.end());
  return result;
}

// The one-off days in the published list, and the usual holidays they displaced.
struct OneOff {
  Date date;
  const char* name;
};

const std::vector<OneOff>& one_off_days() {
  static const std::vector<OneOff> days = {
      {ymd(1999, 12, 31), "Millennium celebrations"},
      {ymd(2002, 6, 3), "Queen's Golden Jubilee"},
      {ymd(2002, 6, 4), "Spring bank holiday"},
      {ymd(2011, 4, 29), "Royal wedding"},
      {ymd(2012, 6, 4), "Spring bank holiday"},
      {ymd(2012, 6, 5), "Queen's Diamond Jubilee"},
      {ymd(2020, 5, 8), "Early May bank holiday (VE day)"},
      {ymd(2022, 6, 2), "Spring bank holiday"},
      {ymd(2022, 6, 3), "Platinum Jubilee bank holiday"},
      {ymd(2022, 9, 19), "Bank Holiday for the State Funeral of Queen Elizabeth II"},
      {ymd(2023, 5, 8), "Bank holiday for the coronation of King Charles III"},
  };
  return days;
}

const std::vector<Date>& displaced_days() {
  static const std::vector<Date> days = {ymd(2002, 5, 27), ymd(2012, 5, 28), ymd(2020, 5, 4),
                                         ymd(2022, 5, 30)};
  return days;
}

// What the published list should be: the rules, less the displaced days, plus the one-offs.
HolidayList reference_holidays(int year) {
  HolidayList result;
  for (auto& holiday : reference_rules(year)) {
    if (std::find(displaced_days().begin(), displaced_days().end(), holiday.first) ==
        displaced_days().end()) {
      result.push_back(std::move(holiday));
    }
  }
  for (const OneOff& day : one_off_days()) {
    if (day.date.year() == year) result.emplace_back(day.date, day.name);
  }
  std::sort(result.begin(), result.end());
  return result;
}

// Working days by walking one day at a time over the reference holidays.
class NaiveCalendar {
 public:
  explicit NaiveCalendar(std::set<Date> closures = {}) : closures_(std::move(closures)) {}

  bool is_working_day(Date date) const {
    if (date.is_weekend() || closures_.count(date) > 0) return false;
    const std::set<Date>& holidays = holidays_in(date.year());
    return holidays.count(date) == 0;
  }

  Date add(Date date, int n) const {
    const int step = n > 0 ? 1 : -1;
    for (int left = n > 0 ? n : -n; left > 0;) {
      date += step;
      if (is_working_day(date)) --left;
    }
    return date;
  }

  int between(Date from, Date to) const {
    if (to < from) return -between(to, from);
    int count = 0;
    for (Date date = from + 1; date <= to; date += 1) {
      if (is_working_day(date)) ++count;
    }
    return count;
  }

 private:
  const std::set<Date>& holidays_in(int year) const {
    auto it = holidays_.find(year);
    if (it == holidays_.end()) {
      std::set<Date> dates;
      for (const auto& holiday : reference_holidays(year)) dates.insert(holiday.first);
      it = holidays_.emplace(year, std::move(dates)).first;
    }
    return it->second;
  }

  std::set<Date> closures_;
  mutable std::map<int, std::set<Date>> holidays_;
};

// Calls the calendar for every day in [first, last] and every n, against the naive walk.
void expect_matches_naive(const WorkingDayCalendar& calendar, const NaiveCalendar& naive, Date first,
                          Date last, const std::vector<int>& ns) {
  int failures = 0;
  for (Date date = first; date <= last && failures < 20; date += 1) {
    ASSERT_EQ(calendar.is_working_day(date), naive.is_working_day(date)) << date.iso();
    for (const int n : ns) {
      const Date expected = naive.add(date, n);
      const Date actual = calendar.add_working_days(date, n);
      if (actual != expected) {
        ++failures;
        ADD_FAILURE() << "add_working_days(" << date.iso() << ", " << n << ") = " << actual.iso()
                      << ", expected " << expected.iso();
      }
      // The round trip: counting from the date to the answer gives n again, except going back
      // from a day that is not a working day (a Saturday, say): the count (answer, date] then
      // lacks the date itself, so it is one short of |n|.
      const int count = calendar.working_days_between(date, actual);
      const int expected_count = n < 0 && !naive.is_working_day(date) ? n + 1 : n;
      if (count != expected_count || count != naive.between(date, actual)) {
        ++failures;
        ADD_FAILURE() << "working_days_between(" << date.iso() << ", " << actual.iso() << ") = " << count
                      << ", expected " << expected_count;
      }
    }
  }
}

const std::vector<int> kSteps = {0, 1, 2, 5, 10, 15, 20, 45, -1, -2, -15, -20, -45};

// ---------------------------------------------------------------------------------------------
// Easter

TEST(EasterSunday, KnownDates) {
  const std::vector<std::pair<int, Date>> known = {
      {1999, ymd(1999, 4, 4)},  {2000, ymd(2000, 4, 23)}, {2002, ymd(2002, 3, 31)}, {2008, ymd(2008, 3, 23)},
      {2011, ymd(2011, 4, 24)}, {2012, ymd(2012, 4, 8)},  {2016, ymd(2016, 3, 27)}, {2019, ymd(2019, 4, 21)},
      {2020, ymd(2020, 4, 12)}, {2022, ymd(2022, 4, 17)}, {2023, ymd(2023, 4, 9)},  {2024, ymd(2024, 3, 31)},
      {2025, ymd(2025, 4, 20)}, {2026, ymd(2026, 4, 5)},  {2027, ymd(2027, 3, 28)}, {2038, ymd(2038, 4, 25)},
      {1818, ymd(1818, 3, 22)}, {2285, ymd(2285, 3, 22)}, {1943, ymd(1943, 4, 25)}, {2160, ymd(2160, 3, 23)},
  };
  for (const auto& [year, easter] : known) EXPECT_EQ(easter_sunday(year), easter) << year;
}

TEST(EasterSunday, AgreesWithAnotherAlgorithmAndIsASundayInItsWindow) {
  for (int year = 1583; year <= 4099; ++year) {
    const Date easter = easter_sunday(year);
    ASSERT_EQ(easter, reference_easter(year)) << year;
    ASSERT_EQ(easter.weekday(), Weekday::kSunday) << year;
    ASSERT_GE(easter, ymd(year, 3, 22)) << year;
    ASSERT_LE(easter, ymd(year, 4, 25)) << year;
  }
}

// ---------------------------------------------------------------------------------------------
// Bank holidays

TEST(BankHolidays, OneOffDaysAreNonWorkingWithTheirNames) {
  const WorkingDayCalendar calendar;
  for (const OneOff& day : one_off_days()) {
    EXPECT_FALSE(calendar.is_working_day(day.date)) << day.date.iso();
    const auto holiday = calendar.bank_holiday(day.date);
    ASSERT_TRUE(holiday.has_value()) << day.date.iso();
    EXPECT_EQ(holiday->date, day.date);
    EXPECT_EQ(holiday->name, day.name) << day.date.iso();
    const auto list = as_list(england_and_wales_bank_holidays(day.date.year()));
    EXPECT_NE(std::find(list.begin(), list.end(), std::make_pair(day.date, std::string(day.name))),
              list.end())
        << day.date.iso();
  }
}

TEST(BankHolidays, MovedHolidaysUsualDatesAreWorkingDays) {
  const WorkingDayCalendar calendar;
  for (const Date date : displaced_days()) {
    EXPECT_EQ(date.weekday(), Weekday::kMonday) << date.iso();
    EXPECT_TRUE(calendar.is_working_day(date)) << date.iso();
    EXPECT_FALSE(calendar.bank_holiday(date).has_value()) << date.iso();
  }
}

TEST(BankHolidays, CountPerYear) {
  const std::map<int, size_t> one_off_years = {{1999, 9}, {2002, 9},  {2011, 9},
                                               {2012, 9}, {2022, 10}, {2023, 9}};
  for (int year = 1999; year <= 2040; ++year) {
    const auto it = one_off_years.find(year);
    const size_t expected = it == one_off_years.end() ? 8 : it->second;
    EXPECT_EQ(england_and_wales_bank_holidays(year).size(), expected) << year;
  }
}

TEST(BankHolidays, PublishedTableEqualsTheRulesExceptTheOneOffs) {
  for (int year = 1999; year <= 2040; ++year) {
    EXPECT_EQ(as_list(england_and_wales_bank_holidays(year)), reference_holidays(year)) << year;
  }
  // And the one-offs are the only differences: what the published list has that the rules do not
  // is exactly the one-off days, and what the rules have that it does not is exactly the displaced days.
  std::set<Date> only_published;
  std::set<Date> only_rules;
  for (int year = 1999; year <= 2040; ++year) {
    std::set<Date> published;
    for (const BankHoliday& holiday : england_and_wales_bank_holidays(year)) published.insert(holiday.date);
    std::set<Date> rules;
    for (const auto& holiday : reference_rules(year)) rules.insert(holiday.first);
    std::set_difference(published.begin(), published.end(), rules.begin(), rules.end(),
                        std::inserter(only_published, only_published.end()));
    std::set_difference(rules.begin(), rules.end(), published.begin(), published.end(),
                        std::inserter(only_rules, only_rules.end()));
  }
  std::set<Date> one_offs;
  for (const OneOff& day : one_off_days()) one_offs.insert(day.date);
  EXPECT_EQ(only_published, one_offs);
  EXPECT_EQ(only_rules, std::set<Date>(displaced_days().begin(), displaced_days().end()));
}

TEST(BankHolidays, OtherYearsFollowTheRules) {
  for (int year = 1900; year <= 2200; ++year) {
    if (year >= 1999 && year <= 2027) continue;
    EXPECT_EQ(as_list(england_and_wales_bank_holidays(year)), reference_rules(year)) << year;
  }
}

TEST(BankHolidays, SortedUniqueInTheYearAndNeverAtAWeekend) {
  for (int year = 1900; year <= 2200; ++year) {
    const auto holidays = england_and_wales_bank_holidays(year);
    for (size_t i = 0; i < holidays.size(); ++i) {
      EXPECT_EQ(holidays[i].date.year(), year) << holidays[i].date.iso();
      EXPECT_FALSE(holidays[i].date.is_weekend()) << holidays[i].date.iso() << " " << holidays[i].name;
      if (i > 0) {
        EXPECT_LT(holidays[i - 1].date, holidays[i].date) << holidays[i].date.iso();
      }
    }
  }
}

TEST(BankHolidays, FullPublishedYears) {
  // Typed from the GOV.UK list, not derived.
  EXPECT_EQ(as_list(england_and_wales_bank_holidays(2022)),
            (HolidayList{{ymd(2022, 1, 3), "New Year's Day (substitute day)"},
                         {ymd(2022, 4, 15), "Good Friday"},
                         {ymd(2022, 4, 18), "Easter Monday"},
                         {ymd(2022, 5, 2), "Early May bank holiday"},
                         {ymd(2022, 6, 2), "Spring bank holiday"},
                         {ymd(2022, 6, 3), "Platinum Jubilee bank holiday"},
                         {ymd(2022, 8, 29), "Summer bank holiday"},
                         {ymd(2022, 9, 19), "Bank Holiday for the State Funeral of Queen Elizabeth II"},
                         {ymd(2022, 12, 26), "Boxing Day"},
                         {ymd(2022, 12, 27), "Christmas Day (substitute day)"}}));
  EXPECT_EQ(as_list(england_and_wales_bank_holidays(2023)),
            (HolidayList{{ymd(2023, 1, 2), "New Year's Day (substitute day)"},
                         {ymd(2023, 4, 7), "Good Friday"},
                         {ymd(2023, 4, 10), "Easter Monday"},
                         {ymd(2023, 5, 1), "Early May bank holiday"},
                         {ymd(2023, 5, 8), "Bank holiday for the coronation of King Charles III"},
                         {ymd(2023, 5, 29), "Spring bank holiday"},
                         {ymd(2023, 8, 28), "Summer bank holiday"},
                         {ymd(2023, 12, 25), "Christmas Day"},
                         {ymd(2023, 12, 26), "Boxing Day"}}));
  EXPECT_EQ(as_list(england_and_wales_bank_holidays(2020)),
            (HolidayList{{ymd(2020, 1, 1), "New Year's Day"},
                         {ymd(2020, 4, 10), "Good Friday"},
                         {ymd(2020, 4, 13), "Easter Monday"},
                         {ymd(2020, 5, 8), "Early May bank holiday (VE day)"},
                         {ymd(2020, 5, 25), "Spring bank holiday"},
                         {ymd(2020, 8, 31), "Summer bank holiday"},
                         {ymd(2020, 12, 25), "Christmas Day"},
                         {ymd(2020, 12, 28), "Boxing Day (substitute day)"}}));
  EXPECT_EQ(as_list(england_and_wales_bank_holidays(1999)),
            (HolidayList{{ymd(1999, 1, 1), "New Year's Day"},
                         {ymd(1999, 4, 2), "Good Friday"},
                         {ymd(1999, 4, 5), "Easter Monday"},
                         {ymd(1999, 5, 3), "Early May bank holiday"},
                         {ymd(1999, 5, 31), "Spring bank holiday"},
                         {ymd(1999, 8, 30), "Summer bank holiday"},
                         {ymd(1999, 12, 27), "Christmas Day (substitute day)"},
                         {ymd(1999, 12, 28), "Boxing Day (substitute day)"},
                         {ymd(1999, 12, 31), "Millennium celebrations"}}));
  EXPECT_EQ(as_list(england_and_wales_bank_holidays(2027)),
            (HolidayList{{ymd(2027, 1, 1), "New Year's Day"},
                         {ymd(2027, 3, 26), "Good Friday"},
                         {ymd(2027, 3, 29), "Easter Monday"},
                         {ymd(2027, 5, 3), "Early May bank holiday"},
                         {ymd(2027, 5, 31), "Spring bank holiday"},
                         {ymd(2027, 8, 30), "Summer bank holiday"},
                         {ymd(2027, 12, 27), "Christmas Day (substitute day)"},
                         {ymd(2027, 12, 28), "Boxing Day (substitute day)"}}));
}

TEST(BankHolidays, SubstituteDays) {
  // Every substitute day from 1999 to 2040, typed out: a weekend Christmas, Boxing Day or New Year's Day.
  const HolidayList expected = {
      {ymd(1999, 12, 27), "Christmas Day (substitute day)"},
      {ymd(1999, 12, 28), "Boxing Day (substitute day)"},
      {ymd(2000, 1, 3), "New Year's Day (substitute day)"},
      {ymd(2004, 12, 27), "Christmas Day (substitute day)"},
      {ymd(2004, 12, 28), "Boxing Day (substitute day)"},
      {ymd(2005, 1, 3), "New Year's Day (substitute day)"},
      {ymd(2005, 12, 27), "Christmas Day (substitute day)"},
      {ymd(2006, 1, 2), "New Year's Day (substitute day)"},
      {ymd(2009, 12, 28), "Boxing Day (substitute day)"},
      {ymd(2010, 12, 27), "Christmas Day (substitute day)"},
      {ymd(2010, 12, 28), "Boxing Day (substitute day)"},
      {ymd(2011, 1, 3), "New Year's Day (substitute day)"},
      {ymd(2011, 12, 27), "Christmas Day (substitute day)"},
      {ymd(2012, 1, 2), "New Year's Day (substitute day)"},
      {ymd(2015, 12, 28), "Boxing Day (substitute day)"},
      {ymd(2016, 12, 27), "Christmas Day (substitute day)"},
      {ymd(2017, 1, 2), "New Year's Day (substitute day)"},
      {ymd(2020, 12, 28), "Boxing Day (substitute day)"},
      {ymd(2021, 12, 27), "Christmas Day (substitute day)"},
      {ymd(2021, 12, 28), "Boxing Day (substitute day)"},
      {ymd(2022, 1, 3), "New Year's Day (substitute day)"},
      {ymd(2022, 12, 27), "Christmas Day (substitute day)"},
      {ymd(2023, 1, 2), "New Year's Day (substitute day)"},
      {ymd(2026, 12, 28), "Boxing Day (substitute day)"},
      {ymd(2027, 12, 27), "Christmas Day (substitute day)"},
      {ymd(2027, 12, 28), "Boxing Day (substitute day)"},
      {ymd(2028, 1, 3), "New Year's Day (substitute day)"},
      {ymd(2032, 12, 27), "Christmas Day (substitute day)"},
      {ymd(2032, 12, 28), "Boxing Day (substitute day)"},
      {ymd(2033, 1, 3), "New Year's Day (substitute day)"},
      {ymd(2033, 12, 27), "Christmas Day (substitute day)"},
      {ymd(2034, 1, 2), "New Year's Day (substitute day)"},
      {ymd(2037, 12, 28), "Boxing Day (substitute day)"},
      {ymd(2038, 12, 27), "Christmas Day (substitute day)"},
      {ymd(2038, 12, 28), "Boxing Day (substitute day)"},
      {ymd(2039, 1, 3), "New Year's Day (substitute day)"},
      {ymd(2039, 12, 27), "Christmas Day (substitute day)"},
      {ymd(2040, 1, 2), "New Year's Day (substitute day)"},
  };
  HolidayList actual;
  for (int year = 1999; year <= 2040; ++year) {
    for (const BankHoliday& holiday : england_and_wales_bank_holidays(year)) {
      if (holiday.name.find("(substitute day)") != std::string::npos)
        actual.emplace_back(holiday.date, holiday.name);
    }
  }
  EXPECT_EQ(actual, expected);
  // Where Christmas Day is a Sunday, Boxing Day keeps Monday 26 under its own name.
  for (const int year : {2005, 2011, 2016, 2022, 2033, 2039}) {
    ASSERT_EQ(ymd(year, 12, 25).weekday(), Weekday::kSunday) << year;
    const auto holiday = WorkingDayCalendar().bank_holiday(ymd(year, 12, 26));
    ASSERT_TRUE(holiday.has_value()) << year;
    EXPECT_EQ(holiday->name, "Boxing Day") << year;
  }
}

TEST(BankHolidays, LookupOnOrdinaryDaysAndOutsideThePublishedYears) {
  const WorkingDayCalendar calendar;
  EXPECT_FALSE(calendar.bank_holiday(ymd(2025, 6, 10)).has_value());
  EXPECT_FALSE(calendar.bank_holiday(ymd(2025, 12, 27)).has_value());  // a Saturday
  const auto christmas_2200 = calendar.bank_holiday(ymd(2200, 12, 25));
  ASSERT_TRUE(christmas_2200.has_value());
  EXPECT_EQ(christmas_2200->name, "Christmas Day");
  const auto spring_1900 = calendar.bank_holiday(ymd(1900, 5, 28));
  ASSERT_TRUE(spring_1900.has_value());
  EXPECT_EQ(spring_1900->name, "Spring bank holiday");
}

// ---------------------------------------------------------------------------------------------
// Working days

TEST(WorkingDayCalendar, IsWorkingDayAcrossTheTableAndBeyond) {
  const WorkingDayCalendar calendar;
  const NaiveCalendar naive;
  for (Date date = ymd(1985, 1, 1); date <= ymd(2105, 12, 31); date += 1) {
    ASSERT_EQ(calendar.is_working_day(date), naive.is_working_day(date)) << date.iso();
  }
  for (Date date = ymd(1899, 12, 1); date <= ymd(1901, 1, 31); date += 1) {
    ASSERT_EQ(calendar.is_working_day(date), naive.is_working_day(date)) << date.iso();
  }
}

TEST(WorkingDayCalendar, AddAndBetweenForEveryDayFrom2000To2040) {
  expect_matches_naive(WorkingDayCalendar(), NaiveCalendar(), ymd(2000, 1, 1), ymd(2040, 12, 31), kSteps);
}

TEST(WorkingDayCalendar, BetweenForEveryDayFrom2000To2040AgainstRunningCount) {
  // A running count of working days, one day at a time, gives the naive answer for any pair.
  const WorkingDayCalendar calendar;
  const NaiveCalendar naive;
  const Date first = ymd(1998, 1, 1);
  const Date last = ymd(2042, 12, 31);
  std::vector<int> running = {0};  // running[i]: working days in (first, first + i]
  for (Date date = first + 1; date <= last; date += 1) {
    running.push_back(running.back() + (naive.is_working_day(date) ? 1 : 0));
  }
  const auto count = [&](Date from, Date to) {
    return running[static_cast<size_t>(to - first)] - running[static_cast<size_t>(from - first)];
  };
  for (Date from = ymd(2000, 1, 1); from <= ymd(2040, 12, 31); from += 1) {
    for (const int days : {-700, -400, -64, -8, -7, -3, -1, 0, 1, 2, 3, 7, 8, 30, 64, 400, 700}) {
      const Date to = from + days;
      ASSERT_EQ(calendar.working_days_between(from, to), count(from, to)) << from.iso() << " " << to.iso();
    }
  }
}

TEST(WorkingDayCalendar, SaturdayAndNonWorkingStarts) {
  const WorkingDayCalendar calendar;
  EXPECT_EQ(calendar.add_working_days(ymd(2025, 6, 7), 1), ymd(2025, 6, 9));      // Saturday to Monday
  EXPECT_EQ(calendar.add_working_days(ymd(2023, 5, 6), 1), ymd(2023, 5, 9));      // Monday is the coronation
  EXPECT_EQ(calendar.add_working_days(ymd(2023, 5, 6), 0), ymd(2023, 5, 6));      // 0 leaves a Saturday alone
  EXPECT_EQ(calendar.add_working_days(ymd(2023, 5, 8), -1), ymd(2023, 5, 5));     // from a bank holiday
  EXPECT_EQ(calendar.add_working_days(ymd(2022, 12, 25), 1), ymd(2022, 12, 28));  // Christmas Day, a Sunday
  EXPECT_EQ(calendar.working_days_between(ymd(2023, 5, 6), ymd(2023, 5, 8)), 0);
  EXPECT_EQ(calendar.working_days_between(ymd(2023, 5, 9), ymd(2023, 5, 5)), -1);
  // Going back from a Saturday: the working day before it is the Friday, yet between(Saturday,
  // Friday) is 0, since it counts the days in (Friday, Saturday], none of which is a working day. So
  // the header's round trip between(D, add(D, n)) == n holds for n < 0 only when D is a working day.
  EXPECT_EQ(calendar.add_working_days(ymd(2025, 6, 7), -1), ymd(2025, 6, 6));
  EXPECT_EQ(calendar.working_days_between(ymd(2025, 6, 7), ymd(2025, 6, 6)), 0);
  EXPECT_EQ(calendar.working_days_between(ymd(2025, 6, 9), calendar.add_working_days(ymd(2025, 6, 9), -1)),
            -1);
}

TEST(WorkingDayCalendar, EdgesOfThePrecomputedRange) {
  const WorkingDayCalendar calendar;
  const NaiveCalendar naive;
  const std::vector<int> long_steps = {0, 1, 3, 45, 250, 1000, -1, -3, -45, -250, -1000};
  expect_matches_naive(calendar, naive, ymd(1989, 10, 1), ymd(1990, 3, 31), long_steps);
  expect_matches_naive(calendar, naive, ymd(2100, 10, 1), ymd(2101, 3, 31), long_steps);
}

TEST(WorkingDayCalendar, FarOutsideThePrecomputedRange) {
  const WorkingDayCalendar calendar;
  const NaiveCalendar naive;
  expect_matches_naive(calendar, naive, ymd(1900, 1, 1), ymd(1900, 12, 31), kSteps);
  expect_matches_naive(calendar, naive, ymd(2200, 1, 1), ymd(2200, 12, 31), kSteps);
  // Spans that start outside, cross the whole table and end outside.
  const std::vector<std::pair<Date, Date>> spans = {
      {ymd(1900, 1, 1), ymd(2200, 12, 31)}, {ymd(1950, 6, 15), ymd(1995, 2, 3)},
      {ymd(2050, 7, 1), ymd(2150, 7, 1)},   {ymd(1989, 12, 31), ymd(2100, 12, 31)},
      {ymd(1900, 3, 3), ymd(1910, 3, 3)},   {ymd(2190, 1, 1), ymd(2210, 2, 2)},
  };
  for (const auto& [from, to] : spans) {
    const int count = naive.between(from, to);
    EXPECT_EQ(calendar.working_days_between(from, to), count) << from.iso() << " " << to.iso();
    EXPECT_EQ(calendar.working_days_between(to, from), -count) << from.iso() << " " << to.iso();
    if (count > 0) {
      EXPECT_EQ(calendar.add_working_days(from, count), naive.add(from, count)) << from.iso();
      EXPECT_EQ(calendar.add_working_days(to, -count), naive.add(to, -count)) << to.iso();
    }
  }
}

TEST(WorkingDayCalendar, AddThenBetweenRoundTripsForWorkingDays) {
  // Between two working days D < X, adding the count to D lands on X and taking it from X lands on D.
  const WorkingDayCalendar calendar;
  for (Date from = ymd(2019, 1, 1); from <= ymd(2024, 12, 31); from += 3) {
    for (Date to = from + 1; to <= from + 120; to += 1) {
      if (!calendar.is_working_day(to)) continue;
      const int count = calendar.working_days_between(from, to);
      ASSERT_EQ(calendar.add_working_days(from, count), to) << from.iso() << " " << to.iso();
      if (calendar.is_working_day(from)) {
        ASSERT_EQ(calendar.add_working_days(to, -count), from) << from.iso() << " " << to.iso();
      }
    }
  }
}

TEST(WorkingDayCalendar, ExtremeCounts) {
  const WorkingDayCalendar calendar;
  const NaiveCalendar naive;
  // Ten thousand working days is about forty years: from inside the table to well beyond it.
  EXPECT_EQ(calendar.add_working_days(ymd(2080, 1, 1), 10000), naive.add(ymd(2080, 1, 1), 10000));
  EXPECT_EQ(calendar.add_working_days(ymd(2010, 1, 1), -10000), naive.add(ymd(2010, 1, 1), -10000));
  EXPECT_EQ(calendar.add_working_days(ymd(1950, 1, 1), 30000), naive.add(ymd(1950, 1, 1), 30000));
  EXPECT_EQ(calendar.add_working_days(ymd(2150, 1, 1), -30000), naive.add(ymd(2150, 1, 1), -30000));
}

// ---------------------------------------------------------------------------------------------
// Council closures

std::vector<ClosureDay> sample_closures() {
  std::vector<ClosureDay> closures;
  const auto close = [&](Date date, const char* reason) { closures.push_back({date, reason}); };
  // Given out of order, with a duplicate, on purpose.
  close(ymd(2026, 12, 31), "Council closure between Christmas and New Year");
  close(ymd(2026, 12, 29), "Council closure between Christmas and New Year");
  close(ymd(2026, 12, 30), "Council closure between Christmas and New Year");
  close(ymd(2026, 12, 29), "Entered twice");
  close(ymd(2025, 12, 25), "On Christmas Day, so costs nothing");
  close(ymd(2026, 6, 6), "On a Saturday, so costs nothing");
  close(ymd(2024, 12, 27), "Council closure");
  close(ymd(2024, 12, 30), "Council closure");
  close(ymd(2024, 12, 31), "Council closure");
  // A fortnight's closure, so that the days pushed on by one closure land on others.
  for (Date date = ymd(2027, 8, 2); date <= ymd(2027, 8, 13); date += 1) close(date, "Office move");
  close(ymd(2027, 8, 16), "Office move, one more day");
  // Outside the precomputed range.
  close(ymd(1900, 6, 1), "Closure long ago");
  close(ymd(2200, 6, 2), "Closure far ahead");
  return closures;
}

std::set<Date> closure_dates(const std::vector<ClosureDay>& closures) {
  std::set<Date> dates;
  for (const ClosureDay& closure : closures) dates.insert(closure.date);
  return dates;
}

TEST(WorkingDayCalendar, ClosuresAreSortedAndDeduplicated) {
  const WorkingDayCalendar calendar(sample_closures());
  const auto& closures = calendar.closures();
  ASSERT_EQ(closures.size(), closure_dates(sample_closures()).size());
  for (size_t i = 1; i < closures.size(); ++i) EXPECT_LT(closures[i - 1].date, closures[i].date);
  // Of two entries for one day, the first given is kept.
  const auto closure = calendar.closure_day(ymd(2026, 12, 29));
  ASSERT_TRUE(closure.has_value());
  EXPECT_EQ(closure->reason, "Council closure between Christmas and New Year");
  EXPECT_FALSE(calendar.closure_day(ymd(2026, 12, 28)).has_value());
  EXPECT_FALSE(WorkingDayCalendar().closure_day(ymd(2026, 12, 29)).has_value());
  EXPECT_TRUE(WorkingDayCalendar().closures().empty());
}

TEST(WorkingDayCalendar, ClosureDaysAreHonoured) {
  const WorkingDayCalendar calendar(sample_closures());
  const NaiveCalendar naive(closure_dates(sample_closures()));
  EXPECT_FALSE(calendar.is_working_day(ymd(2026, 12, 29)));
  EXPECT_TRUE(WorkingDayCalendar().is_working_day(ymd(2026, 12, 29)));
  EXPECT_EQ(calendar.add_working_days(ymd(2026, 12, 24), 1), ymd(2027, 1, 4));
  EXPECT_EQ(calendar.add_working_days(ymd(2027, 7, 30), 1), ymd(2027, 8, 17));
  EXPECT_EQ(calendar.add_working_days(ymd(2027, 8, 17), -1), ymd(2027, 7, 30));
  EXPECT_EQ(calendar.working_days_between(ymd(2027, 7, 30), ymd(2027, 8, 17)), 1);
  // A closure is not a bank holiday.
  EXPECT_FALSE(calendar.bank_holiday(ymd(2026, 12, 29)).has_value());
  expect_matches_naive(calendar, naive, ymd(2024, 1, 1), ymd(2028, 12, 31), kSteps);
  expect_matches_naive(calendar, naive, ymd(1900, 1, 1), ymd(1900, 12, 31), {0, 1, 15, 45, -1, -15, -45});
  expect_matches_naive(calendar, naive, ymd(2200, 1, 1), ymd(2200, 12, 31), {0, 1, 15, 45, -1, -15, -45});
  EXPECT_FALSE(calendar.is_working_day(ymd(1900, 6, 1)));
  EXPECT_FALSE(calendar.is_working_day(ymd(2200, 6, 2)));
  EXPECT_EQ(calendar.working_days_between(ymd(1899, 1, 1), ymd(2201, 1, 1)),
            naive.between(ymd(1899, 1, 1), ymd(2201, 1, 1)));
}

TEST(WorkingDayCalendar, CopiesAndSharedUseAcrossThreads) {
  const WorkingDayCalendar original(sample_closures());
  const WorkingDayCalendar copy = original;
  EXPECT_EQ(copy.closures().size(), original.closures().size());
  EXPECT_EQ(copy.add_working_days(ymd(2026, 12, 24), 1), ymd(2027, 1, 4));

  const Date from = ymd(1995, 1, 1);
  const Date to = ymd(2045, 12, 31);
  const int expected_plain = NaiveCalendar().between(from, to);
  const int expected_closed = NaiveCalendar(closure_dates(sample_closures())).between(from, to);
  // Several threads building calendars at once and querying them and a shared one.
  std::vector<std::pair<int, int>> results(4);
  std::vector<std::thread> threads;
  for (size_t t = 0; t < results.size(); ++t) {
    threads.emplace_back([&results, &original, from, to, t] {
      const WorkingDayCalendar own;
      results[t] = {own.working_days_between(from, to), original.working_days_between(from, to)};
    });
  }
  for (std::thread& thread : threads) thread.join();
  for (const auto& [plain, closed] : results) {
    EXPECT_EQ(plain, expected_plain);
    EXPECT_EQ(closed, expected_closed);
  }
}

// ---------------------------------------------------------------------------------------------
// Scenarios: tests/scenarios/calendar/*.txt, one case a line, for people who know the service
// rather than the code. The format is described at the top of one_off_bank_holidays.txt.

std::vector<std::string_view> split_words(std::string_view text) {
  std::vector<std::string_view> words;
  size_t pos = 0;
  while (pos < text.size()) {
    while (pos < text.size() && (text[pos] == ' ' || text[pos] == '\t')) ++pos;
    const size_t start = pos;
    while (pos < text.size() && text[pos] != ' ' && text[pos] != '\t') ++pos;
    if (pos > start) words.push_back(text.substr(start, pos - start));
  }
  return words;
}

std::string_view trim(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t' || text.back() == '\r')) {
    text.remove_suffix(1);
  }
  return text;
}

std::optional<int> parse_int(std::string_view text) {
  int value = 0;
  const char* end = text.data() + text.size();
  const auto [ptr, error] = std::from_chars(text.data(), end, value);
  if (error != std::errc() || ptr != end) return std::nullopt;
  return value;
}

struct ScenarioOutcome {
  int cases = 0;
  std::vector<std::string> failures;  // each starts "file:line: "
};

// Runs one scenario file's text. Every problem, a malformed line or a wrong answer, is a failure.
ScenarioOutcome run_scenario(const std::string& file_name, std::string_view text) {
  ScenarioOutcome outcome;
  std::vector<ClosureDay> closures;
  WorkingDayCalendar calendar;
  std::string context;  // the comment above, which says what the next lines are about
  bool after_comment = false;
  int line_number = 0;
  while (!text.empty()) {
    const size_t newline = text.find('\n');
    const std::string_view line = trim(text.substr(0, newline));
    text = newline == std::string_view::npos ? std::string_view() : text.substr(newline + 1);
    ++line_number;
    if (line.empty()) continue;
    if (line.front() == '#') {
      const std::string_view comment = trim(line.substr(1));
      context =
          after_comment && !context.empty() ? context + " " + std::string(comment) : std::string(comment);
      after_comment = true;
      continue;
    }
    after_comment = false;
    const std::string where = file_name + ":" + std::to_string(line_number) + ": ";
    const auto fail = [&](const std::string& message) {
      outcome.failures.push_back(where + message + "\n    line: " + std::string(line) +
                                 (context.empty() ? "" : "\n    about: " + context));
    };
    const std::vector<std::string_view> words = split_words(line);
    if (words[0] == "closure") {
      const auto date = words.size() >= 3 ? Date::parse_iso(words[1]) : std::nullopt;
      if (!date) {
        fail("malformed: expected \"closure YYYY-MM-DD reason\"");
        continue;
      }
      const std::string_view reason = trim(line.substr(static_cast<size_t>(words[2].data() - line.data())));
      closures.push_back({*date, std::string(reason)});
      calendar = WorkingDayCalendar(closures);
      continue;
    }
    const size_t equals = line.find(" = ");
    if (equals == std::string_view::npos) {
      fail("malformed: expected \"... = answer\"");
      continue;
    }
    const std::vector<std::string_view> question = split_words(line.substr(0, equals));
    const std::string_view expected = trim(line.substr(equals + 3));
    std::string actual;
    if (question[0] == "add" && question.size() == 3) {
      const auto date = Date::parse_iso(question[1]);
      const auto n = parse_int(question[2]);
      const auto answer = Date::parse_iso(expected);
      if (!date || !n || !answer) {
        fail("malformed: expected \"add YYYY-MM-DD N = YYYY-MM-DD\"");
        continue;
      }
      actual = calendar.add_working_days(*date, *n).iso();
    } else if (question[0] == "between" && question.size() == 3) {
      const auto from = Date::parse_iso(question[1]);
      const auto to = Date::parse_iso(question[2]);
      const auto count = parse_int(expected);
      if (!from || !to || !count) {
        fail("malformed: expected \"between YYYY-MM-DD YYYY-MM-DD = N\"");
        continue;
      }
      const int got = calendar.working_days_between(*from, *to);
      // Compared as numbers, so that "= 05" is read as 5.
      actual = got == *count ? std::string(expected) : std::to_string(got);
    } else if (question[0] == "working" && question.size() == 2) {
      const auto date = Date::parse_iso(question[1]);
      if (!date || (expected != "yes" && expected != "no")) {
        fail("malformed: expected \"working YYYY-MM-DD = yes|no\"");
        continue;
      }
      actual = calendar.is_working_day(*date) ? "yes" : "no";
    } else if (question[0] == "holiday" && question.size() == 2) {
      const auto date = Date::parse_iso(question[1]);
      if (!date || expected.empty()) {
        fail("malformed: expected \"holiday YYYY-MM-DD = name|none\"");
        continue;
      }
      const auto holiday = calendar.bank_holiday(*date);
      actual = holiday ? holiday->name : "none";
    } else {
      fail("malformed: a line is add, between, working, holiday, closure or a # comment");
      continue;
    }
    ++outcome.cases;
    if (actual != expected) fail("expected " + std::string(expected) + ", got " + actual);
  }
  return outcome;
}

std::filesystem::path scenario_directory() {
  const char* from_environment = std::getenv("SAFEGUARD_SOURCE_DIR");
  if (from_environment != nullptr && *from_environment != '\0') {
    return std::filesystem::path(from_environment) / "tests" / "scenarios" / "calendar";
  }
#ifdef SAFEGUARD_SOURCE_DIR
  return std::filesystem::path(SAFEGUARD_SOURCE_DIR) / "tests" / "scenarios" / "calendar";
#else
  return {};
#endif
}

TEST(CalendarScenarios, EveryFilePasses) {
  const std::filesystem::path directory = scenario_directory();
  ASSERT_FALSE(directory.empty()) << "set SAFEGUARD_SOURCE_DIR to the source tree";
  ASSERT_TRUE(std::filesystem::is_directory(directory)) << directory << " is not a directory";
  std::vector<std::filesystem::path> files;
  for (const auto& entry : std::filesystem::directory_iterator(directory)) {
    if (entry.is_regular_file() && entry.path().extension() == ".txt") files.push_back(entry.path());
  }
  std::sort(files.begin(), files.end());
  ASSERT_FALSE(files.empty()) << "no scenario files in " << directory;
  int cases = 0;
  for (const auto& file : files) {
    std::ifstream in(file, std::ios::binary);
    ASSERT_TRUE(in) << "cannot read " << file;
    std::ostringstream text;
    text << in.rdbuf();
    const ScenarioOutcome outcome =
        run_scenario("tests/scenarios/calendar/" + file.filename().string(), text.str());
    for (const std::string& failure : outcome.failures) ADD_FAILURE() << failure;
    EXPECT_GT(outcome.cases, 0) << file << " has no cases";
    cases += outcome.cases;
  }
  EXPECT_GE(cases, 40);
}

TEST(CalendarScenarios, RunnerCatchesMalformedLinesAndWrongAnswers) {
  const ScenarioOutcome outcome = run_scenario("bad.txt",
                                               "# a comment\n"
                                               "add 2023-05-05 1 = 2023-05-09\n"
                                               "add 2023-05-05 one = 2023-05-09\n"
                                               "between 2022-09-16 2022-09-20 = 2\n"
                                               "\n"
                                               "working 2022-09-19 = maybe\n"
                                               "closure 2026-13-01 Bad date\n"
                                               "closure 2026-12-29\n"
                                               "subtract 2023-05-05 1 = 2023-05-04\n"
                                               "add 2023-02-29 1 = 2023-03-01\n"
                                               "holiday 2022-09-19 Bank Holiday\n");
  EXPECT_EQ(outcome.cases, 2);
  const std::vector<std::string> expected_prefixes = {"bad.txt:3: malformed",  "bad.txt:4: expected 2, got 1",
                                                      "bad.txt:6: malformed",  "bad.txt:7: malformed",
                                                      "bad.txt:8: malformed",  "bad.txt:9: malformed",
                                                      "bad.txt:10: malformed", "bad.txt:11: malformed"};
  ASSERT_EQ(outcome.failures.size(), expected_prefixes.size());
  for (size_t i = 0; i < expected_prefixes.size(); ++i) {
    EXPECT_EQ(outcome.failures[i].rfind(expected_prefixes[i], 0), 0u) << outcome.failures[i];
  }
}

TEST(CalendarScenarios, ClosuresApplyToLaterLinesOnly) {
  const ScenarioOutcome outcome = run_scenario("closures.txt",
                                               "working 2026-12-29 = yes\n"
                                               "closure 2026-12-29 Council closure\n"
                                               "working 2026-12-29 = no\n"
                                               "add 2026-12-24 1 = 2026-12-30\n");
  EXPECT_EQ(outcome.cases, 3);
  EXPECT_TRUE(outcome.failures.empty()) << outcome.failures.front();
}

}  // namespace
}  // namespace safeguard
