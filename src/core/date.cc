#include "core/date.h"

#include <algorithm>
#include <array>
#include <cstdio>

namespace safeguard {
namespace {

// Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's days_from_civil).
int32_t days_from_civil(int y, int m, int d) {
  y -= m <= 2 ? 1 : 0;
  const int era = (y >= 0 ? y : y - 399) / 400;
  const int yoe = y - era * 400;                                   // [0, 399]
  const int doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;  // [0, 365]
  const int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;           // [0, 146096]
  return era * 146097 + doe - 719468;
}

struct Ymd {
  int year;
  int month;
  int day;
};

Ymd civil_from_days(int32_t z) {
  z += 719468;
  const int era = (z >= 0 ? z : z - 146096) / 146097;
  const int doe = z - era * 146097;                                       // [0, 146096]
  const int yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;  // [0, 399]
  const int y = yoe + era * 400;
  const int doy = doe - (365 * yoe + yoe / 4 - yoe / 100);  // [0, 365]
  const int mp = (5 * doy + 2) / 153;                       // [0, 11]
  const int d = doy - (153 * mp + 2) / 5 + 1;               // [1, 31]
  const int m = mp + (mp < 10 ? 3 : -9);                    // [1, 12]
  return {y + (m <= 2 ? 1 : 0), m, d};
}

// Parses exactly `count` ASCII digits starting at text[pos]; -1 if any is not a digit.
int parse_digits(std::string_view text, size_t pos, size_t count) {
  if (pos + count > text.size()) return -1;
  int value = 0;
  for (size_t i = pos; i < pos + count; ++i) {
    const char c = text[i];
    if (c < '0' || c > '9') return -1;
    value = value * 10 + (c - '0');
  }
  return value;
}

constexpr int64_t kMillisPerDay = 86'400'000;

int64_t floor_div(int64_t a, int64_t b) {
  int64_t q = a / b;
  if ((a % b != 0) && ((a < 0) != (b < 0))) --q;
  return q;
}

// The last Sunday of a month, at 01:00 UTC (when UK clocks change).
Timestamp last_sunday_0100_utc(int year, int month) {
  Date last = Date::from_ymd(year, month, days_in_month(year, month));
  const int back = static_cast<int>(last.weekday()) % 7;  // Sunday -> 0
  return Timestamp::from_date_time(last - back, 1, 0, 0);
}

}  // namespace

bool is_leap_year(int year) { return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0; }

int days_in_month(int year, int month) {
  static constexpr std::array<int, 12> kDays = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (month == 2 && is_leap_year(year)) return 29;
  return kDays[static_cast<size_t>(month - 1)];
}

bool Date::is_valid_ymd(int year, int month, int day) {
  if (year < 1 || year > 9999 || month < 1 || month > 12 || day < 1) return false;
  return day <= days_in_month(year, month);
}

Date Date::from_ymd(int year, int month, int day) { return Date(days_from_civil(year, month, day)); }

std::optional<Date> Date::parse_iso(std::string_view text) {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
  const int y = parse_digits(text, 0, 4);
  const int m = parse_digits(text, 5, 2);
  const int d = parse_digits(text, 8, 2);
  if (y < 0 || m < 0 || d < 0 || !is_valid_ymd(y, m, d)) return std::nullopt;
  return from_ymd(y, m, d);
}

std::optional<Date> Date::parse_uk(std::string_view text) {
  if (text.size() != 10 || text[2] != '/' || text[5] != '/') return std::nullopt;
  const int d = parse_digits(text, 0, 2);
  const int m = parse_digits(text, 3, 2);
  const int y = parse_digits(text, 6, 4);
  if (y < 0 || m < 0 || d < 0 || !is_valid_ymd(y, m, d)) return std::nullopt;
  return from_ymd(y, m, d);
}

int Date::year() const { return civil_from_days(days_).year; }
int Date::month() const { return civil_from_days(days_).month; }
int Date::day() const { return civil_from_days(days_).day; }

Weekday Date::weekday() const {
  // 1970-01-01 was a Thursday (ISO 4).
  const int32_t offset = ((days_ % 7) + 7) % 7;  // 0 = Thursday
  return static_cast<Weekday>((offset + 3) % 7 + 1);
}

bool Date::is_weekend() const {
  const Weekday w = weekday();
  return w == Weekday::kSaturday || w == Weekday::kSunday;
}

std::string Date::iso() const {
  const Ymd ymd = civil_from_days(days_);
  char buffer[16];
  std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02d", ymd.year, ymd.month, ymd.day);
  return buffer;
}

std::string Date::uk() const {
  const Ymd ymd = civil_from_days(days_);
  char buffer[16];
  std::snprintf(buffer, sizeof buffer, "%02d/%02d/%04d", ymd.day, ymd.month, ymd.year);
  return buffer;
}

Date add_days(Date date, int days) { return date + days; }
Date add_weeks(Date date, int weeks) { return date + weeks * 7; }

Date add_months(Date date, int months) {
  const int total = date.year() * 12 + (date.month() - 1) + months;
  const int year = total / 12;
  const int month = total % 12 + 1;
  const int day = std::min(date.day(), days_in_month(year, month));
  return Date::from_ymd(year, month, day);
}

Date add_years(Date date, int years) { return add_months(date, years * 12); }

int age_in_years(Date born, Date on) {
  if (on < born) return -age_in_years(on, born);
  int age = on.year() - born.year();
  if (on.month() < born.month() || (on.month() == born.month() && on.day() < born.day())) --age;
  return age;
}

Date birthday(Date born, int years) {
  const Date day = add_years(born, years);
  return age_in_years(born, day) < years ? day + 1 : day;
}

Timestamp Timestamp::from_date_time(Date date, int hour, int minute, int second, int millis) {
  return Timestamp(int64_t{date.days_since_epoch()} * kMillisPerDay +
                   ((int64_t{hour} * 60 + minute) * 60 + second) * 1000 + millis);
}

std::optional<Timestamp> Timestamp::parse_iso(std::string_view text) {
  if (text.size() < 20 || text[10] != 'T') return std::nullopt;
  const auto date = Date::parse_iso(text.substr(0, 10));
  if (!date || text[13] != ':' || text[16] != ':') return std::nullopt;
  const int hour = parse_digits(text, 11, 2);
  const int minute = parse_digits(text, 14, 2);
  const int second = parse_digits(text, 17, 2);
  if (hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59) return std::nullopt;
  size_t pos = 19;
  int millis = 0;
  if (pos < text.size() && text[pos] == '.') {
    millis = parse_digits(text, pos + 1, 3);
    if (millis < 0) return std::nullopt;
    pos += 4;
  }
  int offset_minutes = 0;
  if (pos < text.size() && text[pos] == 'Z') {
    pos += 1;
  } else if (pos < text.size() && (text[pos] == '+' || text[pos] == '-')) {
    const int oh = parse_digits(text, pos + 1, 2);
    const int om = parse_digits(text, pos + 4, 2);
    if (oh < 0 || om < 0 || pos + 3 >= text.size() || text[pos + 3] != ':' || oh > 23 || om > 59) {
      return std::nullopt;
    }
    offset_minutes = (oh * 60 + om) * (text[pos] == '+' ? 1 : -1);
    pos += 6;
  } else {
    return std::nullopt;
  }
  if (pos != text.size()) return std::nullopt;
  return from_date_time(*date, hour, minute, second, millis).plus_seconds(-int64_t{offset_minutes} * 60);
}

Date Timestamp::utc_date() const {
  return Date::from_days(static_cast<int32_t>(floor_div(millis_, kMillisPerDay)));
}

std::string Timestamp::iso() const {
  const Date date = utc_date();
  const int64_t ms_of_day = millis_ - int64_t{date.days_since_epoch()} * kMillisPerDay;
  const int64_t seconds = ms_of_day / 1000;
  char buffer[40];
  std::snprintf(buffer, sizeof buffer, "%sT%02d:%02d:%02d.%03dZ", date.iso().c_str(),
                static_cast<int>(seconds / 3600), static_cast<int>(seconds / 60 % 60),
                static_cast<int>(seconds % 60), static_cast<int>(ms_of_day % 1000));
  return buffer;
}

int london_utc_offset_minutes(Timestamp instant) {
  const int year = instant.utc_date().year();
  const bool summer = instant >= last_sunday_0100_utc(year, 3) && instant < last_sunday_0100_utc(year, 10);
  return summer ? 60 : 0;
}

Date london_date(Timestamp instant) {
  return instant.plus_seconds(int64_t{london_utc_offset_minutes(instant)} * 60).utc_date();
}

int london_minute_of_day(Timestamp instant) {
  const Timestamp local = instant.plus_seconds(int64_t{london_utc_offset_minutes(instant)} * 60);
  return static_cast<int>((local.millis() - int64_t{local.utc_date().days_since_epoch()} * kMillisPerDay) /
                          60000);
}

Timestamp london_time(Date date, int hour, int minute) {
  const Timestamp as_if_utc = Timestamp::from_date_time(date, hour, minute, 0);
  // Try summer time first: if the instant one hour earlier is in summer time, that is the answer.
  const Timestamp summer = as_if_utc.plus_seconds(-3600);
  if (london_utc_offset_minutes(summer) == 60) return summer;
  return as_if_utc;
}

Timestamp end_of_london_day(Date date) { return london_time(date + 1, 0, 0).plus_millis(-1); }

std::string london_date_time_text(Timestamp instant) {
  const Timestamp local = instant.plus_seconds(int64_t{london_utc_offset_minutes(instant)} * 60);
  const Date date = local.utc_date();
  const int64_t minutes_of_day = (local.millis() - int64_t{date.days_since_epoch()} * kMillisPerDay) / 60000;
  char buffer[40];
  std::snprintf(buffer, sizeof buffer, "%s %02d:%02d", date.uk().c_str(),
                static_cast<int>(minutes_of_day / 60), static_cast<int>(minutes_of_day % 60));
  return buffer;
}

std::string long_date_text(Date date) {
  static constexpr std::array<const char*, 12> kMonths = {"January",   "February", "March",    "April",
                                                          "May",       "June",     "July",     "August",
                                                          "September", "October",  "November", "December"};
  return std::to_string(date.day()) + " " + kMonths[static_cast<size_t>(date.month() - 1)] + " " +
         std::to_string(date.year());
}

}  // namespace safeguard
