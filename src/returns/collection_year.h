// The year a statutory return covers: 1 April to the following 31 March, named by the year it
// ends in (the CIN census's Year and the SSDA903's collection year; returns.md 1.1 and 2.1).
//
// Thread safety: a value.
#pragma once

#include "core/date.h"

namespace safeguard {

// The collection year ending 31 March `year`: 1 April year-1 to 31 March year.
struct CollectionYear {
  int year = 0;
  Date first_day() const { return Date::from_ymd(year - 1, 4, 1); }
  Date last_day() const { return Date::from_ymd(year, 3, 31); }
  bool contains(Date d) const { return d >= first_day() && d <= last_day(); }
};

}  // namespace safeguard
