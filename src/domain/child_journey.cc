#include "domain/child_journey.h"

#include <algorithm>

#include "core/text.h"
#include "domain/codes.h"
#include "domain/contact.h"
#include "domain/event_fields.h"
#include "domain/person.h"
#include "domain/plan.h"
#include "domain/protection.h"

namespace safeguard {
namespace {

using nlohmann::json;

std::string outcome_label(std::string_view outcome) {
  const auto label = code_label(CodeList::kFrontDoorOutcome, outcome);
  return label ? std::string(*label) : std::string(outcome);
}

}  // namespace

DomainEvent contact_received(int64_t contact_id, Timestamp received_at, const std::string& source,
                             const std::string& role) {
  DomainEvent e;
  e.type = "ContactReceived";
  e.occurred_on = london_date(received_at);
  e.data = json{
      {"contact_id", contact_id}, {"received_at", received_at.iso()}, {"source", source}, {"role", role}};
  return e;
}

bool opens_episode(std::string_view outcome) {
  return outcome == "referral" || outcome == "strategy_discussion";
}

const CinEpisode* open_episode(const Person& person) {
  for (const CinEpisode& e : person.episodes) {
    if (e.is_open()) return &e;
  }
  return nullptr;
}

const CinEpisode* find_episode(const Person& person, int64_t episode_id) {
  for (const CinEpisode& e : person.episodes) {
    if (e.id == episode_id) return &e;
  }
  return nullptr;
}

std::optional<Date> previous_referral_within_12_months(const Person& person, Date referral_date) {
  std::optional<Date> latest;
  const Date window_start = add_months(referral_date, -12);
  for (const CinEpisode& e : person.episodes) {
    if (e.referral_date >= window_start && e.referral_date < referral_date) {
      if (!latest || e.referral_date > *latest) latest = e.referral_date;
    }
  }
  return latest;
}

std::vector<DomainEvent> decision_on_record(const Person& child, int64_t contact_id,
                                            const FrontDoorDecision& decision, const std::string& source,
                                            Date referral_date) {
  std::vector<DomainEvent> events;
  const Date decided_on = london_date(decision.authorised_at.value_or(decision.decided_at));
  DomainEvent made;
  made.type = "FrontDoorDecisionMade";
  made.occurred_on = decided_on;
  made.data = json{{"contact_id", contact_id},
                   {"outcome", decision.outcome},
                   {"early_help_service", decision.early_help_service},
                   {"decided_on", decided_on.iso()}};
  events.push_back(made);
  if (opens_episode(decision.outcome) && !open_episode(child)) {
    for (const CinEpisode& earlier : child.episodes)
      if (earlier.closed_on && *earlier.closed_on > referral_date) referral_date = *earlier.closed_on;
    DomainEvent referral;
    referral.type = "ReferralOpened";
    referral.occurred_on = referral_date;
    referral.data = json{{"episode_id", static_cast<int64_t>(child.episodes.size()) + 1},
                         {"contact_id", contact_id},
                         {"referral_date", referral_date.iso()},
                         {"referral_source", source},
                         {"referral_nfa", false},
                         {"primary_need", decision.primary_need}};
    events.push_back(referral);
  }
  return events;
}

namespace {

// The checks closing and proposing a closure share: the open episode, or why not.
Result<const CinEpisode*> closable(const Person& child, int64_t episode_id, Date closed_on,
                                   const std::string& reason, Date today) {
  const CinEpisode* episode = find_episode(child, episode_id);
  if (!episode) {
    return Error::not_found("This child has no Children in Need episode " + std::to_string(episode_id));
  }
  if (!episode->is_open()) {
    return Error::invalid("This episode was already closed on " + episode->closed_on->iso(), "closed_on");
  }
  if (const auto blockers = closure_blockers(child, *episode); !blockers.empty()) {
    std::string message = "The episode cannot close while work is open: ";
    for (size_t i = 0; i < blockers.size(); ++i) message += (i ? "; " : "") + blockers[i];
    return Error::invalid(message, "episode");
  }
  if (!code_label(CodeList::kReasonForClosure, reason)) {
    return Error::invalid("Choose the reason for closure (RC1 to RC9)", "reason");
  }
  // Closed after assessment (RC8, RC9): nothing more was done in the episode (CIN census rule 2990).
  if (reason == "RC8" || reason == "RC9") {
    std::string done;
    for (const Section47Enquiry& s : child.enquiries) {
      if (s.episode_id == episode_id && done.empty())
        done = "a section 47 enquiry from " + s.started_on.iso();
    }
    for (const ChildPlan& p : child.plans) {
      if (p.episode_id == episode_id && done.empty())
        done = "a " + plan_name(p.type) + " from " + p.started_on.iso();
    }
    if (!done.empty()) {
      return Error::invalid(
          reason +
              " is for an episode closed after its assessment with nothing more done, but this"
              " one had " +
              done + ": choose another reason, such as RC7",
          "reason");
    }
  }
  if (closed_on < episode->referral_date) {
    return Error::invalid(
        "An episode cannot close before its referral date (" + episode->referral_date.iso() + ")",
        "closed_on");
  }
  if (closed_on > today) return Error::invalid("The closure date cannot be in the future", "closed_on");
  return episode;
}

}  // namespace

std::vector<std::string> closure_blockers(const Person& child, const CinEpisode& episode) {
  std::vector<std::string> out;
  for (const Assessment& a : child.assessments) {
    if (a.episode_id != episode.id || a.is_authorised()) continue;
    out.push_back("the single assessment started on " + a.started_on.iso() + " is not authorised" +
                  (a.awaits_authorisation() ? " (it is with a manager)" : ""));
  }
  for (const Section47Enquiry& s : child.enquiries) {
    if (s.episode_id != episode.id || !s.is_open()) continue;
    out.push_back("the section 47 enquiry started on " + s.started_on.iso() +
                  (s.concluded_on ? " is waiting for its initial conference" : " is not concluded"));
  }
  for (const ChildPlan& p : child.plans) {
    if (p.episode_id != episode.id || !p.is_open()) continue;
    out.push_back("the " + plan_name(p.type) + " from " + p.started_on.iso() + " has not ended");
  }
  for (const PeriodOfCare& p : child.periods_of_care) {
    if (p.episode_id != episode.id || !p.is_open()) continue;
    out.push_back("the child has been looked after since " + p.start.iso() +
                  ": record the end of care first");
  }
  return out;
}

Result<DomainEvent> episode_closed(const Person& child, int64_t episode_id, Date closed_on,
                                   const std::string& reason, Date today) {
  auto episode = closable(child, episode_id, closed_on, reason, today);
  if (!episode) return episode.error();
  DomainEvent e;
  e.type = "EpisodeClosed";
  e.occurred_on = closed_on;
  e.data = json{{"episode_id", episode_id}, {"closed_on", closed_on.iso()}, {"reason", reason}};
  return e;
}

Result<DomainEvent> closure_proposed(const Person& child, int64_t episode_id, Date closing_on,
                                     const std::string& reason, const std::string& summary,
                                     const std::string& by, Date today) {
  auto episode = closable(child, episode_id, closing_on, reason, today);
  if (!episode) return episode.error();
  if ((*episode)->proposed_closure) {
    return Error::invalid("Closing this episode was already proposed by " + (*episode)->proposed_closure->by +
                              ": a manager closes it or returns it",
                          "episode");
  }
  if (trim(summary).empty())
    return Error::invalid("Say why the episode can close, and what the family has been told", "summary");
  if (summary.size() > kCaseNoteMaxLength) return Error::invalid("The summary is too long", "summary");
  DomainEvent e;
  e.type = "EpisodeClosureProposed";
  e.occurred_on = closing_on;
  e.data = json{{"episode_id", episode_id},
                {"closing_on", closing_on.iso()},
                {"reason", reason},
                {"summary", summary},
                {"by", by}};
  return e;
}

Result<DomainEvent> closure_returned(const Person& child, int64_t episode_id, const std::string& note) {
  const CinEpisode* episode = find_episode(child, episode_id);
  if (!episode) {
    return Error::not_found("This child has no Children in Need episode " + std::to_string(episode_id));
  }
  if (!episode->proposed_closure || !episode->is_open()) {
    return Error::invalid("No closure of this episode is waiting for a manager", "note");
  }
  if (trim(note).empty()) return Error::invalid("Say why the episode should stay open", "note");
  if (note.size() > kCaseNoteMaxLength) return Error::invalid("The note is too long", "note");
  DomainEvent e;
  e.type = "EpisodeClosureReturned";
  e.occurred_on = episode->proposed_closure->closing_on;
  e.data = json{{"episode_id", episode_id}, {"note", note}};
  return e;
}

const Allocation* current_allocation(const Person& person) {
  for (const Allocation& a : person.allocations) {
    if (!a.to) return &a;
  }
  return nullptr;
}

std::vector<SocialWorkerEpisode> social_worker_episodes(const Person& child, Date from, Date to) {
  std::vector<SocialWorkerEpisode> out;
  for (const Allocation& a : child.allocations) {
    if (a.from > to || (a.to && *a.to < from)) continue;
    std::optional<Date> end;
    if (a.to && *a.to + 1 <= to) end = *a.to + 1;
    out.push_back({a.worker, a.worker_name, a.from, a.to, end, a.reason});
  }
  return out;
}

Result<DomainEvent> worker_allocated(const Person& child, const AllocationInput& input, Date today) {
  const CinEpisode* episode = open_episode(child);
  if (!episode) {
    return Error::invalid(
        "Only a child with an open Children in Need episode is allocated, and this child has none", "worker");
  }
  if (input.worker.empty()) return Error::invalid("Choose the social worker", "worker");
  if (input.team_id == 0) {
    return Error::invalid("The social worker is in no team: an administrator must put them in one first",
                          "worker");
  }
  if (!code_label(CodeList::kWorkerChangeReason, input.reason)) {
    return Error::invalid("Choose the reason for the allocation", "reason");
  }
  if (input.from > today) return Error::invalid("The allocation cannot start in the future", "from");
  if (input.from < episode->referral_date) {
    return Error::invalid(
        "The allocation cannot start before the referral (" + episode->referral_date.iso() + ")", "from");
  }
  if (const Allocation* current = current_allocation(child)) {
    if (current->worker == input.worker) {
      return Error::invalid("This child is already allocated to " + current->worker_name, "worker");
    }
    if (input.from <= current->from) {
      return Error::invalid("A new allocation must start after the current one (" + current->from.iso() + ")",
                            "from");
    }
  }
  DomainEvent e;
  e.type = "WorkerAllocated";
  e.occurred_on = input.from;
  e.data = json{{"allocation_id", static_cast<int64_t>(child.allocations.size()) + 1},
                {"worker", input.worker},
                {"worker_name", input.worker_name},
                {"team_id", input.team_id},
                {"team_name", input.team_name},
                {"from", input.from.iso()},
                {"reason", input.reason}};
  return e;
}

std::optional<DomainEvent> allocation_ended(const Person& child, Date last_day) {
  const Allocation* current = current_allocation(child);
  if (!current) return std::nullopt;
  DomainEvent e;
  e.type = "AllocationEnded";
  e.occurred_on = std::max(last_day, current->from);
  e.data = json{{"allocation_id", current->id}, {"last_day", e.occurred_on.iso()}};
  return e;
}

Result<DomainEvent> case_note_recorded(const Person& /*person*/, const std::string& type, Date contact_date,
                                       const std::string& text, Date today) {
  if (!code_label(CodeList::kCaseNoteType, type))
    return Error::invalid("Choose what the note records", "type");
  if (contact_date > today) return Error::invalid("The date cannot be in the future", "contact_date");
  if (trim(text).empty()) return Error::invalid("Write the note", "text");
  if (text.size() > kCaseNoteMaxLength) {
    return Error::invalid("The note is too long: at most " + std::to_string(kCaseNoteMaxLength) +
                              " characters; split it into two notes",
                          "text");
  }
  DomainEvent e;
  e.type = "CaseNoteRecorded";
  e.occurred_on = contact_date;
  e.data = json{{"type", type}, {"contact_date", contact_date.iso()}, {"text", text}};
  return e;
}

bool is_significant_event(const DomainEvent& e) {
  if (e.type == "CaseNoteRecorded" || e.type == "AssessmentRecorded" || e.type == "PlanActionsRecorded") {
    return false;
  }
  return !describe_journey_event(e).empty() || !describe_assessment_event(e).empty() ||
         !describe_protection_event(e).empty() || !describe_plan_event(e).empty() ||
         !describe_visit_event(e).empty() || !describe_care_event(e).empty() ||
         !describe_missing_event(e).empty() || !describe_health_event(e).empty() ||
         !describe_care_leaver_event(e).empty() || !describe_adoption_event(e).empty() ||
         !describe_asylum_event(e).empty();
}

bool apply_journey_event(Person& p, const DomainEvent& e) {
  if (e.type == "ContactReceived") {
    ContactOnRecord c;
    c.contact_id = event_int(e, "contact_id");
    c.received_at = event_instant(e, "received_at");
    c.source = event_text(e, "source");
    c.role = event_text(e, "role");
    p.contacts.push_back(c);
    return true;
  }
  if (e.type == "FrontDoorDecisionMade") {
    const int64_t contact_id = event_int(e, "contact_id");
    for (ContactOnRecord& c : p.contacts) {
      if (c.contact_id == contact_id) {
        c.outcome = event_text(e, "outcome");
        c.decided_on = event_date(e, "decided_on");
      }
    }
    return true;
  }
  if (e.type == "ReferralOpened") {
    CinEpisode episode;
    episode.id = event_int(e, "episode_id");
    episode.contact_id = event_int(e, "contact_id");
    episode.referral_date = event_date(e, "referral_date");
    episode.referral_source = event_text(e, "referral_source");
    episode.referral_nfa = event_bool(e, "referral_nfa");
    episode.primary_need = event_text(e, "primary_need");
    p.episodes.push_back(episode);
    return true;
  }
  if (e.type == "EpisodeClosed" || e.type == "EpisodeClosureProposed" || e.type == "EpisodeClosureReturned") {
    const int64_t episode_id = event_int(e, "episode_id");
    for (CinEpisode& episode : p.episodes) {
      if (episode.id != episode_id) continue;
      if (e.type == "EpisodeClosed") {
        episode.closed_on = event_date(e, "closed_on");
        episode.closure_reason = event_text(e, "reason");
        episode.proposed_closure.reset();
      } else if (e.type == "EpisodeClosureProposed") {
        episode.proposed_closure = ClosureProposal{event_date(e, "closing_on"), event_text(e, "reason"),
                                                   event_text(e, "summary"), event_text(e, "by")};
        episode.closure_returned_because.clear();
      } else {
        episode.proposed_closure.reset();
        episode.closure_returned_because = event_text(e, "note");
      }
      return true;
    }
    throw MalformedEvent(e.version,
                         "refers to episode " + std::to_string(episode_id) + ", which was never opened");
  }
  if (e.type == "CaseNoteRecorded") {
    (void)event_date(e, "contact_date");  // the note lives in the event; the chronology shows it
    (void)event_text(e, "text");
    return true;
  }
  if (e.type == "WorkerAllocated") {
    Allocation a;
    a.id = event_int(e, "allocation_id");
    a.worker = event_text(e, "worker");
    a.worker_name = event_text(e, "worker_name");
    a.team_id = event_int(e, "team_id");
    a.team_name = event_text(e, "team_name");
    a.from = event_date(e, "from");
    a.reason = event_text(e, "reason");
    for (Allocation& current : p.allocations) {
      if (!current.to) current.to = a.from - 1;
    }
    p.allocations.push_back(a);
    return true;
  }
  if (e.type == "AllocationEnded") {
    const int64_t allocation_id = event_int(e, "allocation_id");
    for (Allocation& a : p.allocations) {
      if (a.id != allocation_id) continue;
      a.to = event_date(e, "last_day");
      return true;
    }
    throw MalformedEvent(e.version,
                         "ends allocation " + std::to_string(allocation_id) + ", which never began");
  }
  return false;
}

std::string describe_journey_event(const DomainEvent& e) {
  try {
    if (e.type == "ContactReceived") {
      const std::string source = e.data.at("source").get<std::string>();
      const auto label = code_label(CodeList::kReferralSource, source);
      return std::string(e.data.at("role") == "adult" ? "Named as an adult on contact " : "Contact ") +
             std::to_string(e.data.at("contact_id").get<int64_t>()) + " received from " +
             (label ? std::string(*label) : source);
    }
    if (e.type == "FrontDoorDecisionMade") {
      std::string out = "Front door decision on contact " +
                        std::to_string(e.data.at("contact_id").get<int64_t>()) + ": " +
                        outcome_label(e.data.at("outcome").get<std::string>());
      const std::string service = e.data.value("early_help_service", "");
      if (!service.empty()) out += " (" + service + ")";
      return out;
    }
    if (e.type == "ReferralOpened") {
      std::string out = "Referral to children's social care: Children in Need episode opened";
      const std::string need = e.data.value("primary_need", "");
      if (const auto label = code_label(CodeList::kPrimaryNeed, need))
        out += " (primary need: " + std::string(*label) + ")";
      return out;
    }
    if (e.type == "WorkerAllocated") {
      const std::string reason = e.data.at("reason").get<std::string>();
      const auto label = code_label(CodeList::kWorkerChangeReason, reason);
      return "Allocated to " + e.data.at("worker_name").get<std::string>() + " (" +
             e.data.at("team_name").get<std::string>() + ")" + (label ? ": " + std::string(*label) : "");
    }
    if (e.type == "AllocationEnded") return "Allocation ended";
    if (e.type == "CaseNoteRecorded") {
      const auto label = code_label(CodeList::kCaseNoteType, e.data.at("type").get<std::string>());
      return "Case note (" + std::string(label ? *label : "Other") +
             "): " + e.data.at("text").get<std::string>();
    }
    if (e.type == "EpisodeClosureProposed") {
      const std::string reason = e.data.at("reason").get<std::string>();
      return "Closure proposed by " + e.data.at("by").get<std::string>() + " (" + reason +
             "): " + e.data.at("summary").get<std::string>();
    }
    if (e.type == "EpisodeClosureReturned") {
      return "Closure returned by the manager: " + e.data.at("note").get<std::string>();
    }
    if (e.type == "EpisodeClosed") {
      const std::string reason = e.data.at("reason").get<std::string>();
      const auto label = code_label(CodeList::kReasonForClosure, reason);
      return "Children in Need episode closed: " + reason + " " + (label ? std::string(*label) : "");
    }
  } catch (const json::exception&) {
    return e.type + " (the event's details could not be read)";
  }
  return {};
}

}  // namespace safeguard
