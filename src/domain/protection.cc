#include "domain/protection.h"

#include "core/text.h"
#include "domain/child_journey.h"
#include "domain/codes.h"
#include "domain/event_fields.h"
#include "domain/person.h"
#include "domain/plan.h"

namespace safeguard {
namespace {

using nlohmann::json;

Section47Enquiry* find_mutable(Person& p, const DomainEvent& e) {
  const int64_t id = event_int(e, "section47_id");
  for (Section47Enquiry& s : p.enquiries) {
    if (s.id == id) return &s;
  }
  throw MalformedEvent(e.version,
                       "refers to section 47 enquiry " + std::to_string(id) + ", which never started");
}

Status check_text(const std::string& text, const char* field) {
  if (text.size() > kProtectionTextMaxLength) {
    return Error::invalid("Too long: at most " + std::to_string(kProtectionTextMaxLength) + " characters",
                          field);
  }
  return {};
}

}  // namespace

const StrategyDiscussion* find_strategy_discussion(const Person& child, int64_t strategy_id) {
  for (const StrategyDiscussion& s : child.strategy_discussions) {
    if (s.id == strategy_id) return &s;
  }
  return nullptr;
}

const Section47Enquiry* find_section47(const Person& child, int64_t section47_id) {
  for (const Section47Enquiry& s : child.enquiries) {
    if (s.id == section47_id) return &s;
  }
  return nullptr;
}

const Section47Enquiry* open_section47(const Person& child, int64_t episode_id) {
  for (const Section47Enquiry& s : child.enquiries) {
    if (s.episode_id == episode_id && s.is_open()) return &s;
  }
  return nullptr;
}

Result<DomainEvent> strategy_discussion_held(const Person& child, const StrategyDiscussionInput& input,
                                             const std::string& by, Date today) {
  const CinEpisode* episode = open_episode(child);
  if (!episode) {
    return Error::invalid(
        "A strategy discussion is held in an open Children in Need episode, and this child has none",
        "held_on");
  }
  if (episode->referral_nfa) {
    return Error::invalid("This referral was marked no further action, so it has no strategy discussion",
                          "held_on");
  }
  if (input.held_on < episode->referral_date) {
    return Error::invalid(
        "A strategy discussion cannot be held before the referral (" + episode->referral_date.iso() + ")",
        "held_on");
  }
  if (input.held_on > today) return Error::invalid("The date cannot be in the future", "held_on");
  if (input.attendees.empty())
    return Error::invalid("Record who took part, and from which agency", "attendees");
  json attendees = json::array();
  for (size_t i = 0; i < input.attendees.size(); ++i) {
    const StrategyAttendee& a = input.attendees[i];
    const std::string field = "attendees[" + std::to_string(i) + "]";
    if (trim(a.name).empty())
      return Error::invalid("Give the name of each person who took part", field + ".name");
    if (a.name.size() > 200) return Error::invalid("The name is too long", field + ".name");
    if (!code_label(CodeList::kStrategyAgency, a.agency)) {
      return Error::invalid("Choose the agency " + std::string(trim(a.name)) + " came from",
                            field + ".agency");
    }
    attendees.push_back(json{{"name", std::string(trim(a.name))}, {"agency", a.agency}});
  }
  if (!code_label(CodeList::kStrategyDecision, input.decision)) {
    return Error::invalid("Choose what the strategy discussion decided", "decision");
  }
  if (trim(input.reasons).empty()) return Error::invalid("Write the reasons for the decision", "reasons");
  if (auto ok = check_text(input.reasons, "reasons"); !ok) return ok.error();
  int64_t section47_id = 0;
  if (input.decision == "section_47") {
    if (const Section47Enquiry* open = open_section47(child, episode->id)) {
      return Error::invalid("This child's section 47 enquiry started on " + open->started_on.iso() +
                                " is still open: conclude it before starting another",
                            "decision");
    }
    section47_id = static_cast<int64_t>(child.enquiries.size()) + 1;
  }
  DomainEvent e;
  e.type = "StrategyDiscussionHeld";
  e.occurred_on = input.held_on;
  e.data = json{{"strategy_id", static_cast<int64_t>(child.strategy_discussions.size()) + 1},
                {"episode_id", episode->id},
                {"held_on", input.held_on.iso()},
                {"attendees", attendees},
                {"decision", input.decision},
                {"reasons", input.reasons},
                {"by", by},
                {"section47_id", section47_id}};
  return e;
}

Result<DomainEvent> section47_concluded(const Person& child, int64_t section47_id, Date on,
                                        const std::string& outcome, const std::string& findings, Date today) {
  const Section47Enquiry* s = find_section47(child, section47_id);
  if (!s) return Error::not_found("This child has no section 47 enquiry " + std::to_string(section47_id));
  if (s->concluded_on) {
    return Error::invalid("This enquiry was concluded on " + s->concluded_on->iso(), "concluded_on");
  }
  if (on < s->started_on) {
    return Error::invalid("An enquiry cannot conclude before it started (" + s->started_on.iso() + ")",
                          "concluded_on");
  }
  if (on > today) return Error::invalid("The date cannot be in the future", "concluded_on");
  if (!code_label(CodeList::kSection47Outcome, outcome)) {
    return Error::invalid("Choose what the enquiry concluded", "outcome");
  }
  if (trim(findings).empty()) return Error::invalid("Write what the enquiry found", "findings");
  if (auto ok = check_text(findings, "findings"); !ok) return ok.error();
  DomainEvent e;
  e.type = "Section47Concluded";
  e.occurred_on = on;
  e.data = json{{"section47_id", section47_id},
                {"concluded_on", on.iso()},
                {"outcome", outcome},
                {"findings", findings}};
  return e;
}

Result<std::vector<DomainEvent>> initial_conference_held(const Person& child, int64_t section47_id,
                                                         const ConferenceInput& input, Date today) {
  const Section47Enquiry* s = find_section47(child, section47_id);
  if (!s) return Error::not_found("This child has no section 47 enquiry " + std::to_string(section47_id));
  if (s->conference_on) {
    return Error::invalid("This enquiry's initial conference was held on " + s->conference_on->iso(),
                          "held_on");
  }
  if (!s->concluded_on || s->outcome != "conference") {
    return Error::invalid("An initial conference follows an enquiry that concluded one is needed", "held_on");
  }
  if (input.held_on < s->started_on) {
    return Error::invalid(
        "The conference cannot be held before the enquiry started (" + s->started_on.iso() + ")", "held_on");
  }
  if (input.held_on.is_weekend()) return Error::invalid("A conference is not held at a weekend", "held_on");
  if (input.held_on > today) return Error::invalid("The date cannot be in the future", "held_on");
  if (trim(input.chair).empty()) return Error::invalid("Give the name of the conference chair", "chair");
  if (input.chair.size() > 200) return Error::invalid("The chair's name is too long", "chair");
  std::vector<DomainEvent> events;
  int64_t plan_id = 0;
  int previous_plans = 0;
  if (input.plan) {
    if (!code_label(CodeList::kCategoryOfAbuse, input.category)) {
      return Error::invalid("Choose the category of abuse", "category");
    }
    if (auto ok = can_start_protection_plan(child, input.held_on); !ok) return ok.error();
    if (const ChildPlan* cin = open_plan(child, kChildInNeedPlan)) {
      auto ended = plan_ended(child, cin->id, input.held_on, "stepped_up", today);
      if (!ended) return ended.error();
      events.push_back(std::move(ended).value());
    }
    plan_id = static_cast<int64_t>(child.plans.size()) + 1;
    for (const ChildPlan& p : child.plans) previous_plans += p.is_protection() ? 1 : 0;
  }
  DomainEvent e;
  e.type = "InitialConferenceHeld";
  e.occurred_on = input.held_on;
  e.data = json{{"section47_id", section47_id},
                {"held_on", input.held_on.iso()},
                {"chair", std::string(trim(input.chair))},
                {"plan", input.plan},
                {"plan_id", plan_id},
                {"category", input.plan ? input.category : ""},
                {"previous_plans", previous_plans}};
  events.push_back(std::move(e));
  return events;
}

bool apply_protection_event(Person& p, const DomainEvent& e) {
  if (e.type == "StrategyDiscussionHeld") {
    StrategyDiscussion s;
    s.id = event_int(e, "strategy_id");
    s.episode_id = event_int(e, "episode_id");
    s.held_on = event_date(e, "held_on");
    s.decision = event_text(e, "decision");
    s.reasons = event_text(e, "reasons");
    s.recorded_by = event_text(e, "by");
    s.section47_id = event_int(e, "section47_id");
    const json& attendees = event_member(e, "attendees");
    if (!attendees.is_array()) throw MalformedEvent(e.version, "attendees is not a list");
    for (const json& a : attendees) {
      if (!a.is_object() || !a.contains("name") || !a.contains("agency") || !a["name"].is_string() ||
          !a["agency"].is_string()) {
        throw MalformedEvent(e.version, "an attendee has no name or agency");
      }
      s.attendees.push_back({a["name"].get<std::string>(), a["agency"].get<std::string>()});
    }
    if (!find_episode(p, s.episode_id)) {
      throw MalformedEvent(e.version, "holds a strategy discussion in episode " +
                                          std::to_string(s.episode_id) + ", which was never opened");
    }
    if (s.section47_id > 0) {
      Section47Enquiry enquiry;
      enquiry.id = s.section47_id;
      enquiry.episode_id = s.episode_id;
      enquiry.strategy_id = s.id;
      enquiry.started_on = s.held_on;
      p.enquiries.push_back(std::move(enquiry));
    }
    p.strategy_discussions.push_back(std::move(s));
    return true;
  }
  if (e.type == "Section47Concluded") {
    Section47Enquiry* s = find_mutable(p, e);
    s->concluded_on = event_date(e, "concluded_on");
    s->outcome = event_text(e, "outcome");
    s->findings = event_text(e, "findings");
    return true;
  }
  if (e.type == "InitialConferenceHeld") {
    Section47Enquiry* s = find_mutable(p, e);
    s->conference_on = event_date(e, "held_on");
    s->conference_chair = event_text(e, "chair");
    s->conference_made_plan = event_bool(e, "plan");
    if (s->conference_made_plan) {
      ChildPlan plan;
      plan.id = event_int(e, "plan_id");
      plan.episode_id = s->episode_id;
      plan.type = std::string(kChildProtectionPlan);
      plan.started_on = *s->conference_on;
      plan.section47_id = s->id;
      plan.initial_category = plan.latest_category = event_text(e, "category");
      plan.previous_plans = static_cast<int>(event_int(e, "previous_plans"));
      s->plan_id = plan.id;
      p.plans.push_back(std::move(plan));
    }
    return true;
  }
  return false;
}

std::string describe_protection_event(const DomainEvent& e) {
  try {
    if (e.type == "StrategyDiscussionHeld") {
      const std::string decision = e.data.at("decision").get<std::string>();
      const auto label = code_label(CodeList::kStrategyDecision, decision);
      return "Strategy discussion: " + to_lower_ascii(label ? *label : decision);
    }
    if (e.type == "Section47Concluded") {
      const std::string outcome = e.data.at("outcome").get<std::string>();
      const auto label = code_label(CodeList::kSection47Outcome, outcome);
      return "Section 47 enquiry concluded: " + to_lower_ascii(label ? *label : outcome);
    }
    if (e.type == "InitialConferenceHeld") {
      std::string out =
          "Initial child protection conference, chaired by " + e.data.at("chair").get<std::string>();
      if (!e.data.at("plan").get<bool>()) return out + ": no plan";
      const std::string category = e.data.at("category").get<std::string>();
      const auto label = code_label(CodeList::kCategoryOfAbuse, category);
      return out + ": child protection plan, " + to_lower_ascii(label ? *label : category);
    }
  } catch (const nlohmann::json::exception&) {
    return e.type + " (the event's details could not be read)";
  }
  return {};
}

}  // namespace safeguard
