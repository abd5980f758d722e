// The one deadline engine for the clocks on a child's record after the front door (domain.md, the
// journey): computed from the child's folded record and a day, never stored, so every page, the API,
// "my work" and the scenario runner see the same answer.
//
// The clocks:
// - "assessment": a single assessment is authorised within 45 working days of the referral that
//   opened its episode (a second assessment in the same episode, within 45 working days of its own
//   start). Before any assessment starts the episode still carries the clock. Not applicable once
//   the episode closed with it unmet.
// - "icpc": the initial child protection conference within 15 working days of the strategy
//   discussion that started the section 47 enquiry; not applicable once the enquiry concluded that
//   no conference is needed.
// - "core_group": a child protection plan's first core group within 10 working days of the initial
//   conference that started it.
// - "review_conference": a child protection plan's first review conference within 3 months of the
//   initial conference, then each within 6 months of the last.
// - "cin_plan_review": a child in need plan reviewed within the council's interval (default 3
//   months) of its start, then of each review.
// - "visit": a child on a plan seen on a visit within the council's frequency for the plan's type
//   (default: a child protection plan every 10 working days, a child in need plan every 20) of the
//   plan's start, then of each visit at which the child was seen.
// - "supervision": the child's case supervised by a manager within the council's interval (default
//   4 weeks while on a child protection plan, 6 weeks otherwise) of the referral, then of each
//   supervision (or by the next due date the manager set, which may be sooner).
// - "looked_after_review": a looked-after review within 20 working days of the child becoming
//   looked after, the second within 3 months of the first, then each within 6 months of the last.
// - "looked_after_visit": a statutory visit at which the child is seen within the council's days
//   (at most 7) of each move to new carers, then within its weeks (at most 6) of the last visit; for
//   a long-term foster placement (U1, U4) that has lasted a year, within its months (at most 3).
// - "health_assessment": the initial health assessment within 20 working days of the child becoming
//   looked after, then a review health assessment within 6 months of the last (under 5) or 12
//   months (from 5).
// - "sdq": a Strengths and Difficulties Questionnaire (a score, or the reason there is none) within
//   12 months of the start of care or the 4th birthday, whichever is later, then of the last, while
//   that falls before the 17th birthday.
// - "education_plan": a personal education plan within 20 working days of the start of care or of
//   school (reception), whichever is later, then one each school term (domain/health.h) until the
//   end of year 11.
// - "pathway_plan": for a care leaver (domain/care_leaver.h), the needs assessment and pathway plan
//   within 3 months of qualifying, then each review within 6 months of the last, until 21.
// - "care_leaver_contact": for a care leaver who has left care, a contact from 3 months before each
//   birthday from 17 to 21 to a month after it (what SSDA903 OC3 returns).
// - "return_interview": a return home interview offered within 72 hours (3 days) of a child coming
//   back from being missing or away without authorisation, whether or not they are looked after.
// - "exploitation_review": a child screened at risk of exploitation is screened again within a month
//   (high risk), 3 months (medium) or 6 months (low) (domain/missing.h), until they are 18.
// The clocks of a plan are not applicable once it has ended with them unmet, every clock of an
// episode once the episode has closed, and every clock of a period of care once care ended (a
// placement's visits once the child moved on).
//
// Each clock reports a DeadlineStatus (deadline.h). Something met after `today`, or an episode
// closed after it, counts as not yet happened, so a record can be read as it stood on any day.
//
// Thread safety: pure functions.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/calendar.h"
#include "domain/person.h"
#include "rules/deadline.h"

namespace safeguard {

inline constexpr int kAssessmentWorkingDays = 45;
inline constexpr int kInitialConferenceWorkingDays = 15;
inline constexpr int kFirstCoreGroupWorkingDays = 10;
inline constexpr int kFirstReviewConferenceMonths = 3;
inline constexpr int kReviewConferenceMonths = 6;
inline constexpr int kFirstLookedAfterReviewWorkingDays = 20;
inline constexpr int kSecondLookedAfterReviewMonths = 3;
inline constexpr int kLookedAfterReviewMonths = 6;
inline constexpr int kReturnInterviewDays = 3;  // 72 hours
inline constexpr int kInitialHealthAssessmentWorkingDays = 20;
inline constexpr int kSdqMonths = 12;
inline constexpr int kFirstEducationPlanWorkingDays = 20;
inline constexpr int kPathwayPlanMonths = 3;
inline constexpr int kPathwayPlanReviewMonths = 6;
inline constexpr int kBirthdayContactMonthsBefore = 3;
inline constexpr int kBirthdayContactMonthsAfter = 1;

// The council's own timescales for the clocks that are local policy (settings.h).
struct CaseworkTimescales {
  int cin_plan_review_months = 3;
  int protection_visit_working_days = 10;
  int child_in_need_visit_working_days = 20;
  int protection_supervision_weeks = 4;
  int supervision_weeks = 6;
  int looked_after_first_visit_days = 7;  // after a move to new carers (the law's most: 7)
  int looked_after_visit_weeks = 6;       // the law's most: 6
  int long_term_visit_months = 3;         // a long-term placement after its first year (most: 3)
};

// The latest day the next case supervision may be due after one on `on`: the council's interval for
// the child's plan that day.
Date latest_next_supervision(const Person& child, Date on, const CaseworkTimescales& timescales);

struct ChildDeadline {
  std::string kind;   // "assessment", "icpc", "core_group", "review_conference", "cin_plan_review",
                      // "visit", "supervision", "looked_after_review", "looked_after_visit",
                      // "health_assessment", "sdq", "education_plan", "pathway_plan",
                      // "care_leaver_contact", "return_interview",
                      // "exploitation_review"
  std::string label;  // what must happen, in a worker's words
  int64_t episode_id = 0;
  int64_t item_id = 0;  // the assessment, enquiry, plan, period of care, missing episode, screening or
                        // pathway plan it belongs to, or the age of a birthday contact; 0 before an
                        // assessment exists, for supervision, and for a pathway plan still to make
  DeadlineStatus status;
};

// The kinds of a child's health and education clocks ("health_assessment", "sdq",
// "education_plan"); of their time in care (the looked-after reviews and visits, and those); of
// leaving care ("pathway_plan", "care_leaver_contact"); and of missing and exploitation ("return_interview",
// "exploitation_review"): what each page and API call about them shows.
bool is_health_deadline(std::string_view kind);
bool is_care_deadline(std::string_view kind);
bool is_care_leaver_deadline(std::string_view kind);
bool is_missing_deadline(std::string_view kind);

// Every deadline on the child's record as it stood on `today`, soonest due first.
std::vector<ChildDeadline> child_deadlines(const Person& child, Date today,
                                           const WorkingDayCalendar& calendar,
                                           const CaseworkTimescales& timescales);

// The deadlines still to meet (due or overdue), soonest first.
std::vector<ChildDeadline> open_deadlines(const Person& child, Date today, const WorkingDayCalendar& calendar,
                                          const CaseworkTimescales& timescales);

}  // namespace safeguard
