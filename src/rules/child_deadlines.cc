#include "rules/child_deadlines.h"

#include <algorithm>

#include "domain/health.h"

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

void add_conference_clocks(const Person& child, const CinEpisode& episode, bool open, Date today,
                           const WorkingDayCalendar& calendar, std::vector<ChildDeadline>& out) {
  for (const Section47Enquiry& s : child.enquiries) {
    if (s.episode_id != episode.id || s.started_on > today) continue;
    const bool not_needed = by(s.concluded_on, today) && s.outcome != "conference";
    const Date due = calendar.add_working_days(s.started_on, kInitialConferenceWorkingDays);
    out.push_back({"icpc", "Initial child protection conference", episode.id, s.id,
                   deadline_status(due, by(s.conference_on, today), open && !not_needed, today, calendar)});
  }
}

// A plan's reviews: the first `first_months` after its start, each later one `then_months` after
// the last; met by the reviews held by `today`, the next one still to come while the plan is open.
void add_review_clocks(const ChildPlan& plan, const char* kind, const char* label, int first_months,
                       int then_months, bool open, Date today, const WorkingDayCalendar& calendar,
                       std::vector<ChildDeadline>& out) {
  Date due = add_months(plan.started_on, first_months);
  for (const PlanReview& review : plan.reviews) {
    if (review.held_on > today) break;
    out.push_back(
        {kind, label, plan.episode_id, plan.id, deadline_status(due, review.held_on, true, today, calendar)});
    // A review that ended the plan is its last.
    if (by(plan.ended_on, today) == review.held_on) return;
    due = add_months(review.held_on, then_months);
  }
  out.push_back(
      {kind, label, plan.episode_id, plan.id, deadline_status(due, std::nullopt, open, today, calendar)});
}

// A plan's visits: each within the plan type's working days of the plan's start or the last visit
// at which the child was seen.
void add_visit_clocks(const Person& child, const ChildPlan& plan, bool open, Date today,
                      const WorkingDayCalendar& calendar, const CaseworkTimescales& timescales,
                      std::vector<ChildDeadline>& out) {
  const int every = plan.is_protection() ? timescales.protection_visit_working_days
                                         : timescales.child_in_need_visit_working_days;
  const std::optional<Date> ended = by(plan.ended_on, today);
  Date last = plan.started_on;
  for (const Visit& v : child.visits) {
    if (!v.seen || v.on < plan.started_on || v.on > today || (ended && v.on > *ended)) continue;
    if (v.on > last) {
      out.push_back({"visit", "Visit: child seen", plan.episode_id, plan.id,
                     deadline_status(calendar.add_working_days(last, every), v.on, true, today, calendar)});
    }
    last = v.on;
  }
  out.push_back(
      {"visit", "Visit: child seen", plan.episode_id, plan.id,
       deadline_status(calendar.add_working_days(last, every), std::nullopt, open, today, calendar)});
}

void add_plan_clocks(const Person& child, const CinEpisode& episode, bool episode_open, Date today,
                     const WorkingDayCalendar& calendar, const CaseworkTimescales& timescales,
                     std::vector<ChildDeadline>& out) {
  for (const ChildPlan& plan : child.plans) {
    if (plan.episode_id != episode.id || plan.started_on > today) continue;
    const bool open = episode_open && !by(plan.ended_on, today);
    if (plan.is_protection()) {
      const Date due = calendar.add_working_days(plan.started_on, kFirstCoreGroupWorkingDays);
      std::optional<Date> first;
      if (!plan.core_groups.empty()) first = by(plan.core_groups.front(), today);
      out.push_back({"core_group", "First core group meeting", episode.id, plan.id,
                     deadline_status(due, first, open, today, calendar)});
      add_review_clocks(plan, "review_conference", "Review child protection conference",
                        kFirstReviewConferenceMonths, kReviewConferenceMonths, open, today, calendar, out);
    } else {
      add_review_clocks(plan, "cin_plan_review", "Child in need plan review",
                        timescales.cin_plan_review_months, timescales.cin_plan_review_months, open, today,
                        calendar, out);
    }
    add_visit_clocks(child, plan, open, today, calendar, timescales, out);
  }
}

bool on_protection_plan(const Person& child, Date on) {
  for (const ChildPlan& p : child.plans) {
    if (p.is_protection() && p.started_on <= on && (!p.ended_on || *p.ended_on > on)) return true;
  }
  return false;
}

void add_supervision_clocks(const Person& child, const CinEpisode& episode, bool open, Date today,
                            const CaseworkTimescales& timescales, const WorkingDayCalendar& calendar,
                            std::vector<ChildDeadline>& out) {
  if (episode.referral_nfa) return;
  const std::optional<Date> closed = by(episode.closed_on, today);
  Date due = latest_next_supervision(child, episode.referral_date, timescales);
  for (const Supervision& s : child.supervisions) {
    if (s.on < episode.referral_date || s.on > today || (closed && s.on > *closed)) continue;
    out.push_back({"supervision", "Case supervision", episode.id, 0,
                   deadline_status(due, s.on, true, today, calendar)});
    due = s.next_due.value_or(latest_next_supervision(child, s.on, timescales));
  }
  out.push_back({"supervision", "Case supervision", episode.id, 0,
                 deadline_status(due, std::nullopt, open, today, calendar)});
}

// A period of care's reviews: the first within 20 working days of its start, the second within 3
// months of the first, each later one within 6 months of the last.
void add_looked_after_review_clocks(const PeriodOfCare& period, bool open, Date today,
                                    const WorkingDayCalendar& calendar, std::vector<ChildDeadline>& out) {
  Date due = calendar.add_working_days(period.start, kFirstLookedAfterReviewWorkingDays);
  bool first = true;
  for (const LookedAfterReview& review : period.reviews) {
    if (review.held_on > today) break;
    out.push_back({"looked_after_review", "Looked-after review", period.episode_id, period.id,
                   deadline_status(due, review.held_on, true, today, calendar)});
    due = add_months(review.held_on, first ? kSecondLookedAfterReviewMonths : kLookedAfterReviewMonths);
    first = false;
  }
  out.push_back({"looked_after_review", "Looked-after review", period.episode_id, period.id,
                 deadline_status(due, std::nullopt, open, today, calendar)});
}

bool is_long_term_placement(std::string_view type) { return type == "U1" || type == "U4"; }

// Statutory visits, placement by placement (a run of episodes with the same carers).
void add_looked_after_visit_clocks(const Person& child, const PeriodOfCare& period, bool open, Date today,
                                   const WorkingDayCalendar& calendar, const CaseworkTimescales& timescales,
                                   std::vector<ChildDeadline>& out) {
  std::vector<Date> moves;
  for (const CareEpisode& e : period.episodes) {
    if (e.start > today) break;
    if (e.reason_new == "S" || e.reason_new == "P" || e.reason_new == "B") moves.push_back(e.start);
  }
  const std::optional<Date> ended = by(period.end(), today);
  for (size_t i = 0; i < moves.size(); ++i) {
    const Date moved = moves[i];
    const bool current = i + 1 == moves.size();
    const Date left = current ? (ended ? *ended : today) : moves[i + 1];
    Date due = moved + timescales.looked_after_first_visit_days;
    for (const Visit& v : child.visits) {
      if (!v.seen || v.on < moved || v.on > today || (current ? v.on > left : v.on >= left)) continue;
      out.push_back({"looked_after_visit", "Statutory visit: child seen", period.episode_id, period.id,
                     deadline_status(due, v.on, true, today, calendar)});
      const CareEpisode* episode = period.episode_on(v.on);
      const bool long_term =
          episode && is_long_term_placement(episode->placement.type) && v.on >= add_years(moved, 1);
      due = long_term ? add_months(v.on, timescales.long_term_visit_months)
                      : v.on + 7 * timescales.looked_after_visit_weeks;
    }
    out.push_back({"looked_after_visit", "Statutory visit: child seen", period.episode_id, period.id,
                   deadline_status(due, std::nullopt, open && current, today, calendar)});
  }
}

// A period of care's health assessments: the initial one within 20 working days of its start, each
// later one within 6 months (under 5) or 12 months (from 5) of the last.
void add_health_assessment_clocks(const Person& child, const PeriodOfCare& period, bool open, Date today,
                                  const WorkingDayCalendar& calendar, std::vector<ChildDeadline>& out) {
  const Date born = *child.details.date_of_birth;
  const std::optional<Date> ended = by(period.end(), today);
  Date due = calendar.add_working_days(period.start, kInitialHealthAssessmentWorkingDays);
  const char* label = "Initial health assessment";
  for (const HealthCheck& c : child.health.checks) {
    if (!c.is_assessment() || c.held_on < period.start || c.held_on > today || (ended && c.held_on > *ended))
      continue;
    out.push_back({"health_assessment", label, period.episode_id, period.id,
                   deadline_status(due, c.held_on, true, today, calendar)});
    due = add_months(c.held_on, health_review_months(born, c.held_on));
    label = "Review health assessment";
  }
  out.push_back({"health_assessment", label, period.episode_id, period.id,
                 deadline_status(due, std::nullopt, open, today, calendar)});
}

// A period of care's SDQs: yearly from the start of care or the 4th birthday, whichever is later,
// while the next falls due before the 17th birthday.
void add_sdq_clocks(const Person& child, const PeriodOfCare& period, bool open, Date today,
                    const WorkingDayCalendar& calendar, std::vector<ChildDeadline>& out) {
  const Date born = *child.details.date_of_birth;
  const Date from = std::max(period.start, birthday(born, 4));
  const Date seventeen = birthday(born, 17);
  const std::optional<Date> ended = by(period.end(), today);
  if (from > today || from >= seventeen || (ended && from > *ended)) return;
  Date due = add_months(from, kSdqMonths);
  for (const SdqRecord& s : child.health.sdqs) {
    if (s.on < from || s.on > today || (ended && s.on > *ended)) continue;
    out.push_back({"sdq", "Strengths and difficulties questionnaire", period.episode_id, period.id,
                   deadline_status(due, s.on, true, today, calendar)});
    due = add_months(s.on, kSdqMonths);
  }
  if (due >= seventeen) return;
  out.push_back({"sdq", "Strengths and difficulties questionnaire", period.episode_id, period.id,
                 deadline_status(due, std::nullopt, open, today, calendar)});
}

// A period of care's personal education plans while the child is of school age: the first within 20
// working days of the start of care or of school, then one each term.
void add_education_plan_clocks(const Person& child, const PeriodOfCare& period, bool open, Date today,
                               const WorkingDayCalendar& calendar, std::vector<ChildDeadline>& out) {
  const Date born = *child.details.date_of_birth;
  const Date from = std::max(period.start, reception_starts(born));
  const Date last_day = year_eleven_ends(born);
  const std::optional<Date> ended = by(period.end(), today);
  if (from > today || from > last_day || (ended && from > *ended)) return;
  Date due = calendar.add_working_days(from, kFirstEducationPlanWorkingDays);
  const char* label = "Personal education plan";
  for (const EducationPlan& plan : child.health.education_plans) {
    if (plan.held_on < from || plan.held_on > today || (ended && plan.held_on > *ended)) continue;
    out.push_back({"education_plan", label, period.episode_id, period.id,
                   deadline_status(due, plan.held_on, true, today, calendar)});
    due = end_of_next_term(plan.held_on);
    label = "Personal education plan reviewed this term";
  }
  if (due > last_day) return;
  out.push_back({"education_plan", label, period.episode_id, period.id,
                 deadline_status(due, std::nullopt, open, today, calendar)});
}

void add_care_clocks(const Person& child, Date today, const WorkingDayCalendar& calendar,
                     const CaseworkTimescales& timescales, std::vector<ChildDeadline>& out) {
  for (const PeriodOfCare& period : child.periods_of_care) {
    if (period.start > today) continue;
    const bool open = !by(period.end(), today);
    add_looked_after_review_clocks(period, open, today, calendar, out);
    add_looked_after_visit_clocks(child, period, open, today, calendar, timescales, out);
    if (!child.details.date_of_birth) continue;
    add_health_assessment_clocks(child, period, open, today, calendar, out);
    add_sdq_clocks(child, period, open, today, calendar, out);
    add_education_plan_clocks(child, period, open, today, calendar, out);
  }
}

// A care leaver's pathway plan: the needs assessment and plan within 3 months of qualifying, each
// review within 6 months of the last, until 21.
void add_pathway_plan_clocks(const Person& p, Date born, Date qualified, Date today,
                             const WorkingDayCalendar& calendar, std::vector<ChildDeadline>& out) {
  const Date twenty_first = add_years(born, 21);
  Date due = add_months(qualified, kPathwayPlanMonths);
  const char* label = "Needs assessment and pathway plan";
  for (const PathwayPlan& plan : p.leaving_care.plans) {
    if (plan.on > today) break;
    out.push_back({"pathway_plan", label, 0, plan.id, deadline_status(due, plan.on, true, today, calendar)});
    due = add_months(plan.on, kPathwayPlanReviewMonths);
    label = "Pathway plan reviewed";
  }
  if (due >= twenty_first) return;
  out.push_back({"pathway_plan", label, 0, 0,
                 deadline_status(due, std::nullopt, today < twenty_first, today, calendar)});
}

// A care leaver's contact around each birthday from 17 to 21 once they have left care: from 3
// months before the birthday, by a month after it. The item is the age.
void add_birthday_contact_clocks(const Person& p, Date born, Date today, const WorkingDayCalendar& calendar,
                                 std::vector<ChildDeadline>& out) {
  for (int age = 17; age <= 21; ++age) {
    const Date birthday = add_years(born, age);
    const Date opens = add_months(birthday, -kBirthdayContactMonthsBefore);
    if (opens > today) break;
    if (!qualified_on(p, birthday) || looked_after_on(p, birthday)) continue;
    std::optional<Date> met;
    for (const CareLeaverContact& c : p.leaving_care.contacts) {
      if (c.on >= opens && c.on <= today && c.on < add_years(opens, 1)) {
        met = c.on;
        break;
      }
    }
    out.push_back(
        {"care_leaver_contact",
         "Contact around the " + std::to_string(age) + (age == 21 ? "st" : "th") + " birthday", 0, age,
         deadline_status(add_months(birthday, kBirthdayContactMonthsAfter), met, true, today, calendar)});
  }
}

void add_care_leaver_clocks(const Person& p, Date today, const WorkingDayCalendar& calendar,
                            std::vector<ChildDeadline>& out) {
  const std::optional<Date>& born = p.details.date_of_birth;
  if (!born) return;
  const std::optional<Date> qualified = qualified_on(p, today);
  if (!qualified) return;
  add_pathway_plan_clocks(p, *born, *qualified, today, calendar, out);
  add_birthday_contact_clocks(p, *born, today, calendar, out);
}

void add_return_interview_clocks(const Person& child, Date today, const WorkingDayCalendar& calendar,
                                 std::vector<ChildDeadline>& out) {
  for (const MissingEpisode& m : child.missing) {
    const std::optional<Date> back = by(m.ended_on, today);
    if (!back) continue;
    std::optional<Date> offered;
    if (m.interview) offered = by(m.interview->offered_on, today);
    out.push_back({"return_interview", "Return home interview offered", 0, m.id,
                   deadline_status(*back + kReturnInterviewDays, offered, true, today, calendar)});
  }
}

// Each screening that found a risk is due again by its risk level; the next screening meets it. A
// child who has turned 18 is no longer screened.
void add_exploitation_clocks(const Person& child, Date today, const WorkingDayCalendar& calendar,
                             std::vector<ChildDeadline>& out) {
  const auto& screenings = child.exploitation_screenings;
  const std::optional<Date>& born = child.details.date_of_birth;
  const bool child_now = !born || today < add_years(*born, 18);
  for (size_t i = 0; i < screenings.size(); ++i) {
    const ExploitationScreening& s = screenings[i];
    const int months = exploitation_review_months(s.risk);
    if (months == 0 || s.screened_on > today) continue;
    std::optional<Date> next;
    if (i + 1 < screenings.size()) next = by(screenings[i + 1].screened_on, today);
    out.push_back({"exploitation_review", "Exploitation screening reviewed", 0, s.id,
                   deadline_status(add_months(s.screened_on, months), next, child_now, today, calendar)});
  }
}

}  // namespace

bool is_health_deadline(std::string_view kind) {
  return kind == "health_assessment" || kind == "sdq" || kind == "education_plan";
}

bool is_care_deadline(std::string_view kind) {
  return kind == "looked_after_review" || kind == "looked_after_visit" || is_health_deadline(kind);
}

bool is_care_leaver_deadline(std::string_view kind) {
  return kind == "pathway_plan" || kind == "care_leaver_contact";
}

bool is_missing_deadline(std::string_view kind) {
  return kind == "return_interview" || kind == "exploitation_review";
}

Date latest_next_supervision(const Person& child, Date on, const CaseworkTimescales& timescales) {
  return on + 7 * (on_protection_plan(child, on) ? timescales.protection_supervision_weeks
                                                 : timescales.supervision_weeks);
}

std::vector<ChildDeadline> child_deadlines(const Person& child, Date today,
                                           const WorkingDayCalendar& calendar,
                                           const CaseworkTimescales& timescales) {
  std::vector<ChildDeadline> out;
  for (const CinEpisode& episode : child.episodes) {
    add_assessment_clocks(child, episode, today, calendar, out);
    if (episode.referral_date > today) continue;
    const bool open = !by(episode.closed_on, today);
    add_conference_clocks(child, episode, open, today, calendar, out);
    add_plan_clocks(child, episode, open, today, calendar, timescales, out);
    add_supervision_clocks(child, episode, open, today, timescales, calendar, out);
  }
  add_care_clocks(child, today, calendar, timescales, out);
  add_care_leaver_clocks(child, today, calendar, out);
  add_return_interview_clocks(child, today, calendar, out);
  add_exploitation_clocks(child, today, calendar, out);
  std::stable_sort(out.begin(), out.end(), [](const ChildDeadline& a, const ChildDeadline& b) {
    return a.status.due < b.status.due;
  });
  return out;
}

std::vector<ChildDeadline> open_deadlines(const Person& child, Date today, const WorkingDayCalendar& calendar,
                                          const CaseworkTimescales& timescales) {
  std::vector<ChildDeadline> out;
  for (ChildDeadline& d : child_deadlines(child, today, calendar, timescales)) {
    if (still_to_meet(d.status.state)) {
      out.push_back(std::move(d));
    }
  }
  return out;
}

}  // namespace safeguard
