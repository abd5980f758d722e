// A child's plan: a child in need plan (CIN census CINPlanDates) or a child protection plan (CIN
// census ChildProtectionPlans: CPPstartDate, CPPendDate, Initial and LatestCategoryOfAbuse,
// NumberOfPreviousCPP, CPPreviewDate). Both are lists of actions: what will happen, who is
// responsible, by when, and what it should bring about for this child, with progress at each review.
// The actions are a draft until the plan is made final, which needs at least one action and every
// action complete. A child protection plan starts at its initial conference (protection.h); its
// first core group meets within 10 working days, its first review conference within 3 months and
// then at most every 6 months. A child in need plan is reviewed at the council's interval
// (rules/child_deadlines.h).
//
// Entry-time CIN census rules: a plan starts on or after the referral and not on a referral marked
// no further action (8831); one open plan of each kind (4004, 8935); a child in need plan does not
// start while a child protection plan is open (4001); a plan ends on or after it starts (4011,
// 8925); a review is after the plan starts (8841) and, once the plan has ended, no later than its end.
//
// Thread safety: values and pure functions.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/date.h"
#include "core/result.h"
#include "domain/event.h"

namespace safeguard {

struct Person;

inline constexpr std::string_view kChildInNeedPlan = "child_in_need";
inline constexpr std::string_view kChildProtectionPlan = "child_protection";
inline constexpr size_t kPlanTextMaxLength = 5000;

struct ActionProgress {
  Date on;  // the review it was recorded at
  std::string text;
};

struct PlanAction {
  int64_t id = 0;  // within the plan, from 1
  std::string what;
  std::string who;
  std::optional<Date> by;
  std::string outcome_for_child;  // what it should bring about for this child
  std::vector<ActionProgress> progress;
};

struct PlanReview {
  Date held_on;
  std::string chair;            // the conference chair, or who led a child in need review
  bool ends_plan = false;       // the review decided the plan should end
  std::string latest_category;  // a child protection plan's category of abuse after the review
};

struct ChildPlan {
  int64_t id = 0;  // within the person's record, from 1
  int64_t episode_id = 0;
  std::string type;  // kChildInNeedPlan or kChildProtectionPlan
  Date started_on;
  std::optional<Date> ended_on;
  std::string end_reason;  // codes(kPlanEndReason)
  // A child protection plan's.
  int64_t section47_id = 0;
  std::string initial_category;
  std::string latest_category;
  int previous_plans = 0;  // NumberOfPreviousCPP: child protection plans on the record before this one
  std::vector<Date> core_groups;
  // Both kinds.
  std::vector<PlanReview> reviews;  // in date order
  std::vector<PlanAction> actions;
  std::optional<Date> finalised_on;
  std::string finalised_by;

  bool is_open() const { return !ended_on.has_value(); }
  bool is_protection() const { return type == kChildProtectionPlan; }
};

// The input for one action; `id` 0 for a new one.
struct PlanActionInput {
  int64_t id = 0;
  std::string what;
  std::string who;
  std::optional<Date> by;
  std::string outcome_for_child;
};

struct PlanReviewInput {
  Date held_on;
  std::string chair;
  bool ends_plan = false;
  std::string latest_category;                            // child protection plans: required
  std::string end_reason;                                 // when the review ends the plan
  std::vector<std::pair<int64_t, std::string>> progress;  // action id, progress
};

const ChildPlan* find_plan(const Person& child, int64_t plan_id);
// The open plan of a type, if any.
const ChildPlan* open_plan(const Person& child, std::string_view type);
// The plan type's name in a worker's words: "child in need plan" or "child protection plan"; and
// at the start of a sentence or as a title, "Child in need plan".
std::string plan_name(std::string_view type);
std::string plan_title(std::string_view type);

// A child in need plan in the child's open episode from `started_on`.
Result<DomainEvent> child_in_need_plan_started(const Person& child, Date started_on, Date today);

// Saves the plan's actions (the whole list, replacing the last); refused once the plan has ended.
// Each action needs what will happen; the rest may wait until the plan is made final.
Result<DomainEvent> plan_actions_recorded(const Person& child, int64_t plan_id,
                                          const std::vector<PlanActionInput>& actions);

// What stops the plan being made final, one line each (empty when nothing does): no actions, or an
// action without who, by when, or the outcome for the child.
std::vector<std::string> plan_gaps(const ChildPlan& plan);

// Makes the plan's actions final on `on`; refused while plan_gaps is not empty.
Result<DomainEvent> plan_finalised(const Person& child, int64_t plan_id, Date on, const std::string& by,
                                   Date today);

// A core group meeting of an open child protection plan.
Result<DomainEvent> core_group_held(const Person& child, int64_t plan_id, Date on, Date today);

// A review: a review conference of a child protection plan (on a weekday, with the latest category
// of abuse) or a child in need plan's review, with progress on its actions; it may end the plan that
// day, with a reason.
Result<DomainEvent> plan_reviewed(const Person& child, int64_t plan_id, const PlanReviewInput& input,
                                  Date today);

// Ends an open plan on `on` (on or after its start, not in the future) with a reason.
Result<DomainEvent> plan_ended(const Person& child, int64_t plan_id, Date on, const std::string& reason,
                               Date today);

// Whether a child protection plan may start on `on` (at an initial conference, protection.h): not
// while another is open (8935), nor on or before the day the last one ended (8940).
Status can_start_protection_plan(const Person& child, Date on);

// Folds a plan event into a person; false if the event is not one.
bool apply_plan_event(Person& person, const DomainEvent& event);

// The chronology line for a plan event; empty if it is not one.
std::string describe_plan_event(const DomainEvent& event);

}  // namespace safeguard
