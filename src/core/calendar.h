// The working-day calendar: every statutory clock that runs in working days uses this one module.
//
// A working day is Monday to Friday, except England and Wales bank holidays and any closure days
// the council has configured. Bank holidays come from the published list for 1999-2027 (including
// one-off days such as the 2022 state funeral and the 2023 coronation) and from the statutory rules
// for every other year: New Year's Day, Good Friday and Easter Monday (Easter computed), the early
// May and spring bank holidays, the summer bank holiday, Christmas Day and Boxing Day, with
// substitute days when a holiday falls on a weekend.
//
// "Within N working days of day D" means on or before the Nth working day after D: D itself does
// not count (domain.md). So add_working_days(D, 1) is the next working day after D, and
// working_days_between(D, add_working_days(D, n)) == n for n >= 0 (and for negative n when D is
// itself a working day).
//
// Thread safety: a WorkingDayCalendar is immutable after construction; share it freely.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/date.h"

namespace safeguard {

struct BankHoliday {
  Date date;
  std::string name;  // as gov.uk names it: "Christmas Day", "Spring bank holiday", ...
};

struct ClosureDay {
  Date date;
  std::string reason;  // why the council is closed, e.g. "Council closure between Christmas and New Year"
};

// The England and Wales bank holidays in a calendar year, in date order.
std::vector<BankHoliday> england_and_wales_bank_holidays(int year);

// Easter Sunday of a year (Gregorian computus).
Date easter_sunday(int year);

class WorkingDayCalendar {
 public:
  // England and Wales bank holidays and weekends only.
  WorkingDayCalendar();
  // Also closed on the council's own closure days.
  explicit WorkingDayCalendar(std::vector<ClosureDay> closures);

  bool is_working_day(Date date) const;

  // The bank holiday on a date, if there is one.
  std::optional<BankHoliday> bank_holiday(Date date) const;
  // The council closure day on a date, if there is one.
  std::optional<ClosureDay> closure_day(Date date) const;

  // The nth working day after `date` (the date itself does not count). n == 0 returns `date`
  // unchanged; a negative n counts backwards: the |n|th working day before `date`.
  Date add_working_days(Date date, int n) const;

  // The number of working days d with from < d <= to. Negative (the count with the two swapped,
  // negated) when to is before from; 0 when they are equal.
  int working_days_between(Date from, Date to) const;

  const std::vector<ClosureDay>& closures() const { return closures_; }

 private:
  std::vector<ClosureDay> closures_;  // sorted by date, unique
};

// The hours an office works on its working days, in London time, as minutes since midnight.
struct OfficeHours {
  int opens = 9 * 60;
  int closes = 17 * 60;
};

// The instant `hours` working hours after `start`, counting only office hours on working days.
// A start outside office hours counts from the next opening. hours must be 0 or more.
Timestamp add_working_hours(Timestamp start, int hours, const WorkingDayCalendar& calendar,
                            const OfficeHours& office = {});

}  // namespace safeguard
