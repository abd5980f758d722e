// Office time for the synthetic council: the front door, managers, social workers, reviewing
// officers and partners work 08:30 to 17:30 (London time) on working days, and the planners place
// each step of a family's history at a moment in those hours.
//
// Thread safety: pure functions (office_moment uses the Rng it is given).
#pragma once

#include <cstdint>

#include "core/calendar.h"
#include "core/date.h"
#include "synth/random.h"

namespace safeguard::synth {

constexpr int kOpens = 8 * 60 + 30;  // minutes after midnight, London time
constexpr int kCloses = 17 * 60 + 30;

// The minute of the London day at `t` (0 to 1439).
int local_minute(Timestamp t);
// The instant at `minute` past midnight, plus `second`, on `day` in London.
Timestamp local_moment(Date day, int minute, int second);

Date working_day_on_or_after(const WorkingDayCalendar& calendar, Date day);
Date working_day_on_or_before(const WorkingDayCalendar& calendar, Date day);
// `t` if the office is open then, else the next opening.
Timestamp office_on_or_after(const WorkingDayCalendar& calendar, Timestamp t);
// `minutes` of office time after `t` (counted from the next opening if the office is closed).
Timestamp add_office_minutes(const WorkingDayCalendar& calendar, Timestamp t, int64_t minutes);
// Office minutes between two moments (0 if `to` is not after `from`).
int64_t office_minutes_between(const WorkingDayCalendar& calendar, Timestamp from, Timestamp to);
// A moment in office hours on `day` (a working day).
Timestamp office_moment(Rng& rng, Date day);

}  // namespace safeguard::synth
