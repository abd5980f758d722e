#include "core/date.h"

#include <gtest/gtest.h>

namespace safeguard {
namespace {

Date d(const char* iso) { return *Date::parse_iso(iso); }

TEST(Date, ParsesAndPrintsIsoAndUkForms) {
  const Date date = d("2024-02-29");
  EXPECT_EQ(date.year(), 2024);
  EXPECT_EQ(date.month(), 2);
  EXPECT_EQ(date.day(), 29);
  EXPECT_EQ(date.iso(), "2024-02-29");
  EXPECT_EQ(date.uk(), "29/02/2024");
  EXPECT_EQ(Date::parse_uk("29/02/2024"), date);
  EXPECT_EQ(long_date_text(date), "29 February 2024");
  EXPECT_EQ(d("1970-01-01").days_since_epoch(), 0);
  EXPECT_EQ(d("1969-12-31").days_since_epoch(), -1);
}

TEST(Date, RefusesAnythingThatIsNotARealDate) {
  for (const char* bad : {"2023-02-29", "2024-13-01", "2024-00-10", "2024-04-31", "24-01-01", "2024-1-01",
                          "2024/01/01", "", "2024-01-01 ", "２０２４-01-01", "abcd-ef-gh", "0000-01-01"}) {
    EXPECT_FALSE(Date::parse_iso(bad).has_value()) << bad;
  }
  EXPECT_FALSE(Date::parse_uk("31/04/2024").has_value());
  EXPECT_FALSE(Date::parse_uk("2024-04-01").has_value());
}

TEST(Date, KnowsWeekdays) {
  EXPECT_EQ(d("2026-11-23").weekday(), Weekday::kMonday);
  EXPECT_EQ(d("1970-01-01").weekday(), Weekday::kThursday);
  EXPECT_EQ(d("1969-12-28").weekday(), Weekday::kSunday);
  EXPECT_TRUE(d("2026-11-28").is_weekend());
  EXPECT_FALSE(d("2026-11-27").is_weekend());
}

TEST(Date, CalendarArithmeticIsEndOfMonthSafe) {
  EXPECT_EQ(add_months(d("2025-01-31"), 1), d("2025-02-28"));
  EXPECT_EQ(add_months(d("2024-01-31"), 1), d("2024-02-29"));
  EXPECT_EQ(add_months(d("2024-03-31"), -1), d("2024-02-29"));
  EXPECT_EQ(add_months(d("2024-08-31"), 6), d("2025-02-28"));
  EXPECT_EQ(add_months(d("2024-11-15"), 3), d("2025-02-15"));
  EXPECT_EQ(add_years(d("2024-02-29"), 1), d("2025-02-28"));
  EXPECT_EQ(add_years(d("2024-02-29"), 4), d("2028-02-29"));
  EXPECT_EQ(add_weeks(d("2026-11-23"), 6), d("2027-01-04"));
  EXPECT_EQ(add_days(d("2026-12-31"), 1), d("2027-01-01"));
  EXPECT_EQ(d("2027-01-01") - d("2026-12-25"), 7);
}

TEST(Date, BirthdaysOfALeapDayAreTheFirstOfMarchInCommonYears) {
  const Date leap = Date::from_ymd(2008, 2, 29);
  EXPECT_EQ(birthday(leap, 18), Date::from_ymd(2026, 3, 1));
  EXPECT_EQ(age_in_years(leap, birthday(leap, 18)), 18);
  EXPECT_EQ(age_in_years(leap, birthday(leap, 18) - 1), 17);
  EXPECT_EQ(birthday(leap, 4), Date::from_ymd(2012, 2, 29));
  EXPECT_EQ(birthday(Date::from_ymd(2010, 6, 15), 16), Date::from_ymd(2026, 6, 15));
}

TEST(Date, AgesCountWholeYears) {
  EXPECT_EQ(age_in_years(d("2010-06-15"), d("2026-06-14")), 15);
  EXPECT_EQ(age_in_years(d("2010-06-15"), d("2026-06-15")), 16);
  EXPECT_EQ(age_in_years(d("2008-02-29"), d("2026-02-28")), 17);
  EXPECT_EQ(age_in_years(d("2008-02-29"), d("2026-03-01")), 18);
}

TEST(Timestamp, FormatsAndParsesIsoUtc) {
  const Timestamp t = Timestamp::from_date_time(d("2026-11-23"), 9, 5, 7, 42);
  EXPECT_EQ(t.iso(), "2026-11-23T09:05:07.042Z");
  EXPECT_EQ(Timestamp::parse_iso("2026-11-23T09:05:07.042Z"), t);
  EXPECT_EQ(Timestamp::parse_iso("2026-11-23T10:05:07.042+01:00"), t);
  EXPECT_EQ(Timestamp::parse_iso("2026-11-23T09:05:07Z"), t.plus_millis(-42));
  for (const char* bad :
       {"2026-11-23", "2026-11-23T25:00:00Z", "2026-11-23T09:05:07", "2026-11-23T09:05:07.04Z", "x"}) {
    EXPECT_FALSE(Timestamp::parse_iso(bad).has_value()) << bad;
  }
  EXPECT_EQ(Timestamp::from_millis(-1).iso(), "1969-12-31T23:59:59.999Z");
}

TEST(Timestamp, LondonDateFollowsBritishSummerTime) {
  // Clocks went forward at 01:00 UTC on 29 March 2026 and go back at 01:00 UTC on 25 October 2026.
  const auto at = [](const char* iso) { return *Timestamp::parse_iso(iso); };
  EXPECT_EQ(london_utc_offset_minutes(at("2026-03-29T00:59:59Z")), 0);
  EXPECT_EQ(london_utc_offset_minutes(at("2026-03-29T01:00:00Z")), 60);
  EXPECT_EQ(london_utc_offset_minutes(at("2026-10-25T00:59:59Z")), 60);
  EXPECT_EQ(london_utc_offset_minutes(at("2026-10-25T01:00:00Z")), 0);
  // 23:30 UTC on a summer evening is already tomorrow in London.
  EXPECT_EQ(london_date(at("2026-07-01T23:30:00Z")), d("2026-07-02"));
  EXPECT_EQ(london_date(at("2026-12-01T23:30:00Z")), d("2026-12-01"));
  EXPECT_EQ(london_date_time_text(at("2026-07-01T23:30:00Z")), "02/07/2026 00:30");
}

}  // namespace
}  // namespace safeguard
