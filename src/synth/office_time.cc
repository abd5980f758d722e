#include "synth/office_time.h"

namespace safeguard::synth {

int local_minute(Timestamp t) {
  int64_t s = t.millis() / 1000 + int64_t{london_utc_offset_minutes(t)} * 60;
  s %= 86400;
  if (s < 0) s += 86400;
  return static_cast<int>(s / 60);
}

Timestamp local_moment(Date day, int minute, int second) {
  return london_time(day, minute / 60, minute % 60).plus_seconds(second);
}

Date working_day_on_or_after(const WorkingDayCalendar& calendar, Date day) {
  return calendar.is_working_day(day) ? day : calendar.add_working_days(day, 1);
}

Date working_day_on_or_before(const WorkingDayCalendar& calendar, Date day) {
  return calendar.is_working_day(day) ? day : calendar.add_working_days(day, -1);
}

Timestamp office_on_or_after(const WorkingDayCalendar& calendar, Timestamp t) {
  const Date day = london_date(t);
  const int minute = local_minute(t);
  if (calendar.is_working_day(day)) {
    if (minute >= kOpens && minute < kCloses) return t;
    if (minute < kOpens) return local_moment(day, kOpens, 0);
  }
  return local_moment(calendar.add_working_days(day, 1), kOpens, 0);
}

Timestamp add_office_minutes(const WorkingDayCalendar& calendar, Timestamp t, int64_t minutes) {
  t = office_on_or_after(calendar, t);
  for (;;) {
    const int64_t left = kCloses - local_minute(t);
    if (minutes < left) return t.plus_seconds(minutes * 60);
    minutes -= left;
    t = local_moment(calendar.add_working_days(london_date(t), 1), kOpens, 0);
  }
}

int64_t office_minutes_between(const WorkingDayCalendar& calendar, Timestamp from, Timestamp to) {
  from = office_on_or_after(calendar, from);
  int64_t total = 0;
  while (from < to) {
    const Date day = london_date(from);
    const Timestamp closes = local_moment(day, kCloses, 0);
    if (to <= closes) return total + to.seconds_since(from) / 60;
    total += closes.seconds_since(from) / 60;
    from = local_moment(calendar.add_working_days(day, 1), kOpens, 0);
  }
  return total;
}

Timestamp office_moment(Rng& rng, Date day) {
  return local_moment(day, rng.between(kOpens, kCloses - 15), rng.between(0, 59));
}

}  // namespace safeguard::synth
