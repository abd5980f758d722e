#include "domain/visit.h"

#include <algorithm>

#include "core/text.h"
#include "domain/child_journey.h"
#include "domain/event_fields.h"
#include "domain/person.h"

namespace safeguard {
namespace {

using nlohmann::json;

// The child's open episode, if `on` falls inside it and is not in the future.
Result<const CinEpisode*> in_open_episode(const Person& child, Date on, Date today, const char* what) {
  const CinEpisode* episode = open_episode(child);
  if (!episode) {
    return Error::invalid(std::string(what) +
                              " is recorded during an open Children in Need episode, and this "
                              "child has none",
                          "on");
  }
  if (on < episode->referral_date) {
    return Error::invalid("The date is before the referral (" + episode->referral_date.iso() + ")", "on");
  }
  if (on > today) return Error::invalid("The date cannot be in the future", "on");
  return episode;
}

Status check_length(const std::string& text, const char* field) {
  if (text.size() > kVisitTextMaxLength) {
    return Error::invalid("Too long: at most " + std::to_string(kVisitTextMaxLength) + " characters", field);
  }
  return {};
}

}  // namespace

Result<DomainEvent> visit_recorded(const Person& child, const VisitInput& input, const std::string& by,
                                   Date today) {
  auto episode = in_open_episode(child, input.on, today, "A visit");
  if (!episode) return episode.error();
  if (input.seen_alone && !input.seen) {
    return Error::invalid("A child seen alone was seen: choose \"seen\" too", "seen");
  }
  if (input.seen && trim(input.child_said).empty()) {
    return Error::invalid(
        "Write what the child said, in their words (for a baby, what you saw of their experience)",
        "child_said");
  }
  if (trim(input.observations).empty()) return Error::invalid("Write what you saw", "observations");
  for (const auto& [text, field] :
       {std::pair{&input.who_present, "who_present"}, std::pair{&input.child_said, "child_said"},
        std::pair{&input.observations, "observations"}}) {
    if (auto ok = check_length(*text, field); !ok) return ok.error();
  }
  DomainEvent e;
  e.type = "VisitRecorded";
  e.occurred_on = input.on;
  e.data = json{{"visit_id", static_cast<int64_t>(child.visits.size()) + 1},
                {"on", input.on.iso()},
                {"seen", input.seen},
                {"seen_alone", input.seen_alone},
                {"who_present", input.who_present},
                {"child_said", input.child_said},
                {"observations", input.observations},
                {"by", by}};
  return e;
}

Result<DomainEvent> supervision_recorded(const Person& child, const SupervisionInput& input,
                                         const std::string& by, Date latest_next_due, Date today) {
  auto episode = in_open_episode(child, input.on, today, "Case supervision");
  if (!episode) return episode.error();
  if (trim(input.discussion).empty()) return Error::invalid("Write what was discussed", "discussion");
  if (trim(input.decisions).empty()) return Error::invalid("Write the decisions", "decisions");
  for (const auto& [text, field] :
       {std::pair{&input.discussion, "discussion"}, std::pair{&input.decisions, "decisions"},
        std::pair{&input.actions, "actions"}}) {
    if (auto ok = check_length(*text, field); !ok) return ok.error();
  }
  if (input.next_due && *input.next_due <= input.on) {
    return Error::invalid("The next supervision is due after this one", "next_due");
  }
  if (input.next_due && *input.next_due > latest_next_due) {
    return Error::invalid("The council's interval has the next supervision due by " + latest_next_due.iso(),
                          "next_due");
  }
  DomainEvent e;
  e.type = "CaseSupervisionRecorded";
  e.occurred_on = input.on;
  e.data = json{{"supervision_id", static_cast<int64_t>(child.supervisions.size()) + 1},
                {"on", input.on.iso()},
                {"discussion", input.discussion},
                {"decisions", input.decisions},
                {"actions", input.actions},
                {"next_due", input.next_due ? json(input.next_due->iso()) : json(nullptr)},
                {"by", by}};
  return e;
}

bool apply_visit_event(Person& p, const DomainEvent& e) {
  if (e.type == "VisitRecorded") {
    Visit v;
    v.id = event_int(e, "visit_id");
    v.on = event_date(e, "on");
    v.seen = event_bool(e, "seen");
    v.seen_alone = event_bool(e, "seen_alone");
    v.who_present = event_text(e, "who_present");
    v.child_said = event_text(e, "child_said");
    v.observations = event_text(e, "observations");
    v.recorded_by = event_text(e, "by");
    // In date order, whatever order they were recorded in.
    const auto at = std::upper_bound(p.visits.begin(), p.visits.end(), v.on,
                                     [](Date on, const Visit& x) { return on < x.on; });
    p.visits.insert(at, std::move(v));
    return true;
  }
  if (e.type == "CaseSupervisionRecorded") {
    Supervision s;
    s.id = event_int(e, "supervision_id");
    s.on = event_date(e, "on");
    s.discussion = event_text(e, "discussion");
    s.decisions = event_text(e, "decisions");
    s.actions = event_text(e, "actions");
    if (!event_member(e, "next_due").is_null()) s.next_due = event_date(e, "next_due");
    s.by = event_text(e, "by");
    const auto at = std::upper_bound(p.supervisions.begin(), p.supervisions.end(), s.on,
                                     [](Date on, const Supervision& x) { return on < x.on; });
    p.supervisions.insert(at, std::move(s));
    return true;
  }
  return false;
}

std::string describe_visit_event(const DomainEvent& e) {
  try {
    if (e.type == "VisitRecorded") {
      if (!e.data.at("seen").get<bool>()) return "Visit: the child was not seen";
      return e.data.at("seen_alone").get<bool>() ? "Visit: the child was seen alone"
                                                 : "Visit: the child was seen";
    }
    if (e.type == "CaseSupervisionRecorded")
      return "Case supervision by " + e.data.at("by").get<std::string>();
  } catch (const nlohmann::json::exception&) {
    return e.type + " (the event's details could not be read)";
  }
  return {};
}

}  // namespace safeguard
