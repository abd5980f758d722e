#include "domain/plan.h"

#include <algorithm>

#include "core/text.h"
#include "domain/child_journey.h"
#include "domain/codes.h"
#include "domain/event_fields.h"
#include "domain/person.h"

namespace safeguard {
namespace {

using nlohmann::json;

ChildPlan* find_mutable(Person& p, const DomainEvent& e) {
  const int64_t id = event_int(e, "plan_id");
  for (ChildPlan& plan : p.plans) {
    if (plan.id == id) return &plan;
  }
  throw MalformedEvent(e.version, "refers to plan " + std::to_string(id) + ", which never started");
}

// The plan, if it is still open.
Result<const ChildPlan*> open(const Person& child, int64_t plan_id, const char* field) {
  const ChildPlan* plan = find_plan(child, plan_id);
  if (!plan) return Error::not_found("This child has no plan " + std::to_string(plan_id));
  if (!plan->is_open()) {
    return Error::invalid("This " + plan_name(plan->type) + " ended on " + plan->ended_on->iso(), field);
  }
  return plan;
}

std::optional<Date> optional_date(const json& v) {
  if (v.is_null()) return std::nullopt;
  if (!v.is_string()) return std::nullopt;
  return Date::parse_iso(v.get<std::string>());
}

}  // namespace

const ChildPlan* find_plan(const Person& child, int64_t plan_id) {
  for (const ChildPlan& p : child.plans) {
    if (p.id == plan_id) return &p;
  }
  return nullptr;
}

const ChildPlan* open_plan(const Person& child, std::string_view type) {
  for (const ChildPlan& p : child.plans) {
    if (p.type == type && p.is_open()) return &p;
  }
  return nullptr;
}

std::string plan_name(std::string_view type) {
  return type == kChildProtectionPlan ? "child protection plan" : "child in need plan";
}

std::string plan_title(std::string_view type) {
  return type == kChildProtectionPlan ? "Child protection plan" : "Child in need plan";
}

Status can_start_protection_plan(const Person& child, Date on) {
  if (const ChildPlan* cp = open_plan(child, kChildProtectionPlan)) {
    return Error::invalid("This child's child protection plan from " + cp->started_on.iso() +
                              " is still open: a child has one at a time",
                          "plan");
  }
  for (const ChildPlan& p : child.plans) {
    if (p.is_protection() && p.ended_on && on <= *p.ended_on) {
      return Error::invalid(
          "A new child protection plan starts after the last one ended (" + p.ended_on->iso() + ")",
          "held_on");
    }
  }
  return {};
}

Result<DomainEvent> child_in_need_plan_started(const Person& child, Date started_on, Date today) {
  const CinEpisode* episode = open_episode(child);
  if (!episode) {
    return Error::invalid("A plan starts in an open Children in Need episode, and this child has none",
                          "started_on");
  }
  if (episode->referral_nfa) {
    return Error::invalid("This referral was marked no further action, so it has no plan", "started_on");
  }
  if (const ChildPlan* cin = open_plan(child, kChildInNeedPlan)) {
    return Error::invalid("This child's child in need plan from " + cin->started_on.iso() + " is still open",
                          "started_on");
  }
  if (const ChildPlan* cp = open_plan(child, kChildProtectionPlan)) {
    return Error::invalid("This child is on a child protection plan (from " + cp->started_on.iso() +
                              "): end it before a child in need plan starts",
                          "started_on");
  }
  if (started_on < episode->referral_date) {
    return Error::invalid("A plan cannot start before the referral (" + episode->referral_date.iso() + ")",
                          "started_on");
  }
  if (started_on > today) return Error::invalid("The start date cannot be in the future", "started_on");
  for (const ChildPlan& p : child.plans) {
    if (p.ended_on && started_on < *p.ended_on && p.type == kChildInNeedPlan) {
      return Error::invalid(
          "A new child in need plan starts on or after the last one ended (" + p.ended_on->iso() + ")",
          "started_on");
    }
  }
  DomainEvent e;
  e.type = "ChildInNeedPlanStarted";
  e.occurred_on = started_on;
  e.data = json{{"plan_id", static_cast<int64_t>(child.plans.size()) + 1},
                {"episode_id", episode->id},
                {"started_on", started_on.iso()}};
  return e;
}

Result<DomainEvent> plan_actions_recorded(const Person& child, int64_t plan_id,
                                          const std::vector<PlanActionInput>& actions) {
  auto plan = open(child, plan_id, "actions");
  if (!plan) return plan.error();
  int64_t next_id = 0;
  for (const PlanAction& a : (*plan)->actions) next_id = std::max(next_id, a.id);
  json out = json::array();
  for (size_t i = 0; i < actions.size(); ++i) {
    const PlanActionInput& a = actions[i];
    const std::string field = "actions[" + std::to_string(i) + "]";
    if (trim(a.what).empty()) return Error::invalid("Say what will happen", field + ".what");
    for (const auto& [text, name] : {std::pair{&a.what, ".what"}, std::pair{&a.who, ".who"},
                                     std::pair{&a.outcome_for_child, ".outcome_for_child"}}) {
      if (text->size() > kPlanTextMaxLength) {
        return Error::invalid("Too long: at most " + std::to_string(kPlanTextMaxLength) + " characters",
                              field + name);
      }
    }
    if (a.by && *a.by < (*plan)->started_on) {
      return Error::invalid(
          "An action cannot be due before the plan started (" + (*plan)->started_on.iso() + ")",
          field + ".by");
    }
    int64_t id = a.id;
    if (id == 0) {
      id = ++next_id;
    } else if (std::none_of((*plan)->actions.begin(), (*plan)->actions.end(),
                            [&](const PlanAction& x) { return x.id == id; })) {
      return Error::invalid("The plan has no action " + std::to_string(id), field + ".id");
    }
    out.push_back(json{{"id", id},
                       {"what", std::string(trim(a.what))},
                       {"who", std::string(trim(a.who))},
                       {"by", a.by ? json(a.by->iso()) : json(nullptr)},
                       {"outcome_for_child", std::string(trim(a.outcome_for_child))}});
  }
  DomainEvent e;
  e.type = "PlanActionsRecorded";
  e.occurred_on = (*plan)->started_on;
  e.data = json{{"plan_id", plan_id}, {"actions", out}};
  return e;
}

std::vector<std::string> plan_gaps(const ChildPlan& plan) {
  std::vector<std::string> gaps;
  if (plan.actions.empty()) {
    gaps.push_back("Add the actions: what will happen for this child, who will do it and by when");
  }
  for (size_t i = 0; i < plan.actions.size(); ++i) {
    const PlanAction& a = plan.actions[i];
    const std::string which = "Action " + std::to_string(i + 1) + ": ";
    if (trim(a.who).empty()) gaps.push_back(which + "say who is responsible");
    if (!a.by) gaps.push_back(which + "say by when");
    if (trim(a.outcome_for_child).empty()) gaps.push_back(which + "say what it should change for the child");
  }
  return gaps;
}

Result<DomainEvent> plan_finalised(const Person& child, int64_t plan_id, Date on, const std::string& by,
                                   Date today) {
  auto plan = open(child, plan_id, "plan");
  if (!plan) return plan.error();
  if (const auto gaps = plan_gaps(**plan); !gaps.empty()) {
    std::string message = "The plan cannot be made final yet: ";
    for (size_t i = 0; i < gaps.size(); ++i) message += (i ? "; " : "") + gaps[i];
    return Error::invalid(message, "actions");
  }
  if (on < (*plan)->started_on || on > today) {
    return Error::invalid("The plan is made final between its start and today", "finalised_on");
  }
  DomainEvent e;
  e.type = "PlanFinalised";
  e.occurred_on = on;
  e.data = json{{"plan_id", plan_id}, {"finalised_on", on.iso()}, {"by", by}};
  return e;
}

Result<DomainEvent> core_group_held(const Person& child, int64_t plan_id, Date on, Date today) {
  auto plan = open(child, plan_id, "held_on");
  if (!plan) return plan.error();
  if (!(*plan)->is_protection()) {
    return Error::invalid("Core groups meet for a child protection plan", "held_on");
  }
  if (on < (*plan)->started_on) {
    return Error::invalid(
        "A core group cannot meet before the plan started (" + (*plan)->started_on.iso() + ")", "held_on");
  }
  if (on > today) return Error::invalid("The date cannot be in the future", "held_on");
  if (std::find((*plan)->core_groups.begin(), (*plan)->core_groups.end(), on) != (*plan)->core_groups.end()) {
    return Error::invalid("A core group on " + on.iso() + " is already recorded", "held_on");
  }
  DomainEvent e;
  e.type = "CoreGroupHeld";
  e.occurred_on = on;
  e.data = json{{"plan_id", plan_id}, {"held_on", on.iso()}};
  return e;
}

Result<DomainEvent> plan_reviewed(const Person& child, int64_t plan_id, const PlanReviewInput& input,
                                  Date today) {
  auto found = open(child, plan_id, "held_on");
  if (!found) return found.error();
  const ChildPlan& plan = **found;
  if (input.held_on <= plan.started_on) {
    return Error::invalid("A review is after the plan started (" + plan.started_on.iso() + ")", "held_on");
  }
  if (input.held_on > today) return Error::invalid("The date cannot be in the future", "held_on");
  if (!plan.reviews.empty() && input.held_on <= plan.reviews.back().held_on) {
    return Error::invalid(
        "The last review was on " + plan.reviews.back().held_on.iso() + ": a new review comes after it",
        "held_on");
  }
  if (trim(input.chair).empty()) {
    return Error::invalid(plan.is_protection() ? "Give the name of the conference chair"
                                               : "Give the name of who led the review",
                          "chair");
  }
  if (input.chair.size() > 200) return Error::invalid("The name is too long", "chair");
  if (plan.is_protection()) {
    if (input.held_on.is_weekend()) return Error::invalid("A conference is not held at a weekend", "held_on");
    if (!code_label(CodeList::kCategoryOfAbuse, input.latest_category)) {
      return Error::invalid("Choose the category of abuse after this review", "latest_category");
    }
  } else if (!input.latest_category.empty()) {
    return Error::invalid("A child in need plan has no category of abuse", "latest_category");
  }
  if (input.ends_plan && !code_label(CodeList::kPlanEndReason, input.end_reason)) {
    return Error::invalid("Choose why the plan ends", "end_reason");
  }
  json progress = json::array();
  for (size_t i = 0; i < input.progress.size(); ++i) {
    const int64_t action_id = input.progress[i].first;
    const std::string& text = input.progress[i].second;
    const std::string field = "progress[" + std::to_string(i) + "]";
    if (std::none_of(plan.actions.begin(), plan.actions.end(),
                     [&](const PlanAction& a) { return a.id == action_id; })) {
      return Error::invalid("The plan has no action " + std::to_string(action_id), field);
    }
    if (text.size() > kPlanTextMaxLength) return Error::invalid("The progress note is too long", field);
    if (trim(text).empty()) continue;
    progress.push_back(json{{"action_id", action_id}, {"text", text}});
  }
  DomainEvent e;
  e.type = "PlanReviewed";
  e.occurred_on = input.held_on;
  e.data = json{{"plan_id", plan_id},
                {"held_on", input.held_on.iso()},
                {"chair", std::string(trim(input.chair))},
                {"ends_plan", input.ends_plan},
                {"end_reason", input.ends_plan ? input.end_reason : ""},
                {"latest_category", input.latest_category},
                {"progress", progress}};
  return e;
}

Result<DomainEvent> plan_ended(const Person& child, int64_t plan_id, Date on, const std::string& reason,
                               Date today) {
  auto plan = open(child, plan_id, "ended_on");
  if (!plan) return plan.error();
  if (!code_label(CodeList::kPlanEndReason, reason))
    return Error::invalid("Choose why the plan ends", "reason");
  if (on < (*plan)->started_on) {
    return Error::invalid("A plan cannot end before it started (" + (*plan)->started_on.iso() + ")",
                          "ended_on");
  }
  if (!(*plan)->reviews.empty() && on < (*plan)->reviews.back().held_on) {
    return Error::invalid(
        "The plan was reviewed on " + (*plan)->reviews.back().held_on.iso() + ": it cannot end before that",
        "ended_on");
  }
  if (on > today) return Error::invalid("The end date cannot be in the future", "ended_on");
  DomainEvent e;
  e.type = "PlanEnded";
  e.occurred_on = on;
  e.data = json{{"plan_id", plan_id}, {"ended_on", on.iso()}, {"reason", reason}};
  return e;
}

bool apply_plan_event(Person& p, const DomainEvent& e) {
  if (e.type == "ChildInNeedPlanStarted") {
    ChildPlan plan;
    plan.id = event_int(e, "plan_id");
    plan.episode_id = event_int(e, "episode_id");
    plan.type = std::string(kChildInNeedPlan);
    plan.started_on = event_date(e, "started_on");
    if (!find_episode(p, plan.episode_id)) {
      throw MalformedEvent(e.version, "starts a plan in episode " + std::to_string(plan.episode_id) +
                                          ", which was never opened");
    }
    p.plans.push_back(std::move(plan));
    return true;
  }
  if (e.type == "PlanActionsRecorded") {
    ChildPlan* plan = find_mutable(p, e);
    const json& actions = event_member(e, "actions");
    if (!actions.is_array()) throw MalformedEvent(e.version, "actions is not a list");
    std::vector<PlanAction> out;
    for (const json& a : actions) {
      if (!a.is_object()) throw MalformedEvent(e.version, "an action is not an object");
      PlanAction action;
      try {
        action.id = a.at("id").get<int64_t>();
        action.what = a.at("what").get<std::string>();
        action.who = a.at("who").get<std::string>();
        action.by = optional_date(a.at("by"));
        action.outcome_for_child = a.at("outcome_for_child").get<std::string>();
      } catch (const json::exception&) {
        throw MalformedEvent(e.version, "an action cannot be read");
      }
      // Progress belongs to the action, and stays with it when the wording changes.
      for (const PlanAction& old : plan->actions) {
        if (old.id == action.id) action.progress = old.progress;
      }
      out.push_back(std::move(action));
    }
    plan->actions = std::move(out);
    plan->finalised_on.reset();  // changed actions are a draft again until made final
    plan->finalised_by.clear();
    return true;
  }
  if (e.type == "PlanFinalised") {
    ChildPlan* plan = find_mutable(p, e);
    plan->finalised_on = event_date(e, "finalised_on");
    plan->finalised_by = event_text(e, "by");
    return true;
  }
  if (e.type == "CoreGroupHeld") {
    ChildPlan* plan = find_mutable(p, e);
    plan->core_groups.push_back(event_date(e, "held_on"));
    std::sort(plan->core_groups.begin(), plan->core_groups.end());
    return true;
  }
  if (e.type == "PlanReviewed") {
    ChildPlan* plan = find_mutable(p, e);
    PlanReview review;
    review.held_on = event_date(e, "held_on");
    review.chair = event_text(e, "chair");
    review.ends_plan = event_bool(e, "ends_plan");
    review.latest_category = event_text(e, "latest_category");
    if (!review.latest_category.empty()) plan->latest_category = review.latest_category;
    const json& progress = event_member(e, "progress");
    if (!progress.is_array()) throw MalformedEvent(e.version, "progress is not a list");
    for (const json& item : progress) {
      try {
        const int64_t action_id = item.at("action_id").get<int64_t>();
        for (PlanAction& a : plan->actions) {
          if (a.id == action_id) a.progress.push_back({review.held_on, item.at("text").get<std::string>()});
        }
      } catch (const json::exception&) {
        throw MalformedEvent(e.version, "a progress note cannot be read");
      }
    }
    if (review.ends_plan) {
      plan->ended_on = review.held_on;
      plan->end_reason = event_text(e, "end_reason");
    }
    plan->reviews.push_back(std::move(review));
    return true;
  }
  if (e.type == "PlanEnded") {
    ChildPlan* plan = find_mutable(p, e);
    plan->ended_on = event_date(e, "ended_on");
    plan->end_reason = event_text(e, "reason");
    return true;
  }
  return false;
}

std::string describe_plan_event(const DomainEvent& e) {
  try {
    if (e.type == "ChildInNeedPlanStarted") return "Child in need plan started";
    if (e.type == "PlanActionsRecorded") {
      return "Plan actions written (" + std::to_string(e.data.at("actions").size()) + ")";
    }
    if (e.type == "PlanFinalised") return "Plan made final by " + e.data.at("by").get<std::string>();
    if (e.type == "CoreGroupHeld") return "Core group meeting";
    if (e.type == "PlanReviewed") {
      const bool protection = !e.data.at("latest_category").get<std::string>().empty();
      std::string out = protection ? "Review child protection conference" : "Child in need plan reviewed";
      out += ", chaired by " + e.data.at("chair").get<std::string>();
      if (e.data.at("ends_plan").get<bool>()) out += ": the plan ends";
      return out;
    }
    if (e.type == "PlanEnded") {
      const std::string reason = e.data.at("reason").get<std::string>();
      const auto label = code_label(CodeList::kPlanEndReason, reason);
      return "Plan ended: " + to_lower_ascii(label ? *label : reason);
    }
  } catch (const nlohmann::json::exception&) {
    return e.type + " (the event's details could not be read)";
  }
  return {};
}

}  // namespace safeguard
