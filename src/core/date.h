// Civil dates and instants, the two kinds of time the record holds.
//
// A Date is a day in the proleptic Gregorian calendar with no time zone: a date of birth, the day
// a referral was received, a deadline. It is stored as a count of days since 1970-01-01, so
// arithmetic and comparison are integer operations. A Timestamp is an instant in UTC with
// millisecond precision: when an event was recorded, when a session expires. The statutory
// clocks run on the date in England, so `london_date` turns an instant into the date on a
// wall calendar in London (GMT in winter, BST in summer).
//
// Calendar arithmetic that knows nothing of holidays lives here (add days, weeks, months and
// years, end-of-month safe); working days are in calendar.h.
//
// Thread safety: values; everything here is pure.
#pragma once

#include <compare>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace safeguard {

// ISO weekday numbering: Monday is 1, Sunday is 7.
enum class Weekday { kMonday = 1, kTuesday, kWednesday, kThursday, kFriday, kSaturday, kSunday };

class Date {
 public:
  // 1970-01-01. Prefer the factories; a default Date exists so Date can sit in containers.
  constexpr Date() = default;

  // The date with this many days since 1970-01-01 (negative before it).
  static constexpr Date from_days(int32_t days_since_epoch) { return Date(days_since_epoch); }

  // The date year-month-day. The caller guarantees the parts are a real date (see is_valid_ymd).
  static Date from_ymd(int year, int month, int day);

  // True if year-month-day names a real day (month 1..12, day within the month, year 1..9999).
  static bool is_valid_ymd(int year, int month, int day);

  // Strict ISO 8601 calendar date "YYYY-MM-DD"; nullopt for anything else, including impossible
  // dates such as 2023-02-29.
  static std::optional<Date> parse_iso(std::string_view text);

  // UK form "DD/MM/YYYY" (the SSDA903 format); nullopt for anything else.
  static std::optional<Date> parse_uk(std::string_view text);

  int year() const;
  int month() const;  // 1..12
  int day() const;    // 1..31
  constexpr int32_t days_since_epoch() const { return days_; }
  Weekday weekday() const;
  bool is_weekend() const;

  std::string iso() const;  // "YYYY-MM-DD"
  std::string uk() const;   // "DD/MM/YYYY"

  // Calendar-day arithmetic.
  constexpr Date operator+(int32_t days) const { return Date(days_ + days); }
  constexpr Date operator-(int32_t days) const { return Date(days_ - days); }
  constexpr int32_t operator-(Date other) const { return days_ - other.days_; }
  constexpr Date& operator+=(int32_t days) {
    days_ += days;
    return *this;
  }
  constexpr auto operator<=>(const Date&) const = default;

 private:
  constexpr explicit Date(int32_t days) : days_(days) {}
  int32_t days_ = 0;
};

// Calendar arithmetic. Months and years are end-of-month safe: 31 January plus one month is the
// last day of February, and 29 February plus one year is 28 February.
Date add_days(Date date, int days);
Date add_weeks(Date date, int weeks);
Date add_months(Date date, int months);
Date add_years(Date date, int years);

// Whole years from `born` to `on` (age on a date); negative if `on` is before `born`.
int age_in_years(Date born, Date on);
// The day someone born on `born` turns `years` old: for 29 February, 1 March in a common year
// (so age_in_years(born, birthday(born, n)) == n).
Date birthday(Date born, int years);

// The number of days in a month of a year.
int days_in_month(int year, int month);
bool is_leap_year(int year);

// An instant in UTC, in milliseconds since 1970-01-01T00:00:00Z.
class Timestamp {
 public:
  constexpr Timestamp() = default;
  static constexpr Timestamp from_millis(int64_t millis) { return Timestamp(millis); }
  static Timestamp from_date_time(Date date, int hour, int minute, int second, int millis = 0);

  // "YYYY-MM-DDTHH:MM:SS.mmmZ" exactly (what iso() writes); also accepts no fraction, or an
  // offset "+HH:MM"/"-HH:MM" instead of Z. nullopt otherwise.
  static std::optional<Timestamp> parse_iso(std::string_view text);

  constexpr int64_t millis() const { return millis_; }
  Date utc_date() const;
  std::string iso() const;  // "YYYY-MM-DDTHH:MM:SS.mmmZ", sorts as text in time order

  constexpr Timestamp plus_seconds(int64_t seconds) const { return Timestamp(millis_ + seconds * 1000); }
  constexpr Timestamp plus_millis(int64_t millis) const { return Timestamp(millis_ + millis); }
  constexpr int64_t seconds_since(Timestamp earlier) const { return (millis_ - earlier.millis_) / 1000; }
  constexpr auto operator<=>(const Timestamp&) const = default;

 private:
  constexpr explicit Timestamp(int64_t millis) : millis_(millis) {}
  int64_t millis_ = 0;
};

// The UK civil time offset in force at an instant: 0 (GMT) or 60 minutes (BST, from 01:00 UTC on
// the last Sunday of March to 01:00 UTC on the last Sunday of October).
int london_utc_offset_minutes(Timestamp instant);

// The date on a calendar in London at an instant.
Date london_date(Timestamp instant);

// Minutes since midnight on a clock in London at an instant.
int london_minute_of_day(Timestamp instant);

// The instant a clock in London shows `hour`:`minute` on `date`. In the hour the clocks go back,
// the first (summer-time) instant; in the hour they go forward, the time as if they had not.
Timestamp london_time(Date date, int hour, int minute);

// The last instant of a day in London (23:59:59.999): when a deadline "by the end of the day" ends.
Timestamp end_of_london_day(Date date);

// "DD/MM/YYYY HH:MM" in London time, for pages.
std::string london_date_time_text(Timestamp instant);

// "23 November 2026": the GOV.UK style for dates on pages.
std::string long_date_text(Date date);

}  // namespace safeguard
