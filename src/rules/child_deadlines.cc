#include "rules/child_deadlines.h"

#include <algorithm>

namespace safeguard {
namespace {

// A date on or before `today`, else nothing: what had happened by then.
std::optional<Date> by(std::optional<Date> date, Date today) {
  if (date && *date <= today) return date;
  return std::nullopt;
}

void add_assessment_clocks(const Person& child, const CinEpisode& episode, Date today,
                           const WorkingDayCalendar& calendar, std::vector<ChildDeadline>& out) {
  if (episode.referral_date > today || episode.referral_nfa) return;
  const bool open = !by(episode.closed_on, today);
  bool first = true;
  for (const Assessment& a : child.assessments) {
    if (a.episode_id != episode.id || a.started_on > today) continue;
    // The episode's first assessment counts from the referral, a later one from its own start.
    const Date due =
        calendar.add_working_days(first ? episode.referral_date : a.started_on, kAssessmentWorkingDays);
    first = false;
    out.push_back({"assessment", "Single assessment authorised", episode.id, a.id,
                   deadline_status(due, by(a.authorised_on, today), open, today, calendar)});
  }
  if (first) {
    const Date due = calendar.add_working_days(episode.referral_date, kAssessmentWorkingDays);
    out.push_back({"assessment", "Single assessment authorised", episode.id, 0,
                   deadline_status(due, std::nullopt, open, today, calendar)});
  }
}

}  // namespace

std::vector<ChildDeadline> child_deadlines(const Person& child, Date today,
                                           const WorkingDayCalendar& calendar) {
  std::vector<ChildDeadline> out;
  for (const CinEpisode& episode : child.episodes)
    add_assessment_clocks(child, episode, today, calendar, out);
  std::stable_sort(out.begin(), out.end(), [](const ChildDeadline& a, const ChildDeadline& b) {
    return a.status.due < b.status.due;
  });
  return out;
}

std::vector<ChildDeadline> open_deadlines(const Person& child, Date today,
                                          const WorkingDayCalendar& calendar) {
  std::vector<ChildDeadline> out;
  for (ChildDeadline& d : child_deadlines(child, today, calendar)) {
    if (d.status.state == DeadlineState::kDue || d.status.state == DeadlineState::kOverdue) {
      out.push_back(std::move(d));
    }
  }
  return out;
}

}  // namespace safeguard
