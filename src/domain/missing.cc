#include "domain/missing.h"

#include <algorithm>

#include "core/text.h"
#include "domain/codes.h"
#include "domain/event_fields.h"
#include "domain/person.h"

namespace safeguard {
namespace {

using nlohmann::json;

const MissingEpisode* find_missing(const Person& child, int64_t id) {
  for (const MissingEpisode& m : child.missing) {
    if (m.id == id) return &m;
  }
  return nullptr;
}

MissingEpisode& find_missing(Person& p, const DomainEvent& e) {
  const int64_t id = event_int(e, "missing_id");
  for (MissingEpisode& m : p.missing) {
    if (m.id == id) return m;
  }
  throw MalformedEvent(e.version,
                       "refers to missing episode " + std::to_string(id) + ", which was never reported");
}

Status check_length(const std::string& text, const char* field) {
  if (text.size() > kMissingTextMaxLength) {
    return Error::invalid("Too long: at most " + std::to_string(kMissingTextMaxLength) + " characters",
                          field);
  }
  return {};
}

}  // namespace

int exploitation_review_months(std::string_view risk) {
  if (risk == "high") return 1;
  if (risk == "medium") return 3;
  if (risk == "low") return 6;
  return 0;
}

const ExploitationScreening* latest_screening(const Person& child) {
  return child.exploitation_screenings.empty() ? nullptr : &child.exploitation_screenings.back();
}

const MissingEpisode* current_missing(const Person& child) {
  if (child.missing.empty() || !child.missing.back().is_open()) return nullptr;
  return &child.missing.back();
}

Result<DomainEvent> missing_reported(const Person& child, const std::string& type, Date started_on,
                                     Date today) {
  if (!is_valid_code(CodeList::kMissingType, type)) {
    return Error::invalid(
        "Choose missing (whereabouts unknown) or away without authorisation (whereabouts known)", "type");
  }
  if (!child.details.date_of_birth || started_on <= *child.details.date_of_birth) {
    return Error::invalid("A child goes missing after their birth (SSDA903 rule 586)", "started_on");
  }
  if (started_on > today) return Error::invalid("The date cannot be in the future", "started_on");
  if (const MissingEpisode* open = current_missing(child)) {
    return Error::invalid("The child is already recorded as missing since " + open->started_on.iso() +
                              ": record their return first",
                          "started_on");
  }
  if (!child.missing.empty() && started_on < *child.missing.back().ended_on) {
    return Error::invalid("This overlaps the last time the child was missing, which ended on " +
                              child.missing.back().ended_on->iso() + " (SSDA903 rule 574)",
                          "started_on");
  }
  DomainEvent e;
  e.type = "MissingReported";
  e.occurred_on = started_on;
  e.data = json{{"missing_id", static_cast<int64_t>(child.missing.size()) + 1},
                {"type", type},
                {"started_on", started_on.iso()}};
  return e;
}

Result<DomainEvent> missing_ended(const Person& child, int64_t missing_id, Date ended_on,
                                  const std::string& where_found, Date today) {
  const MissingEpisode* m = find_missing(child, missing_id);
  if (!m) return Error::not_found("No such missing episode");
  if (!m->is_open()) return Error::invalid("The child's return is already recorded", "ended_on");
  if (ended_on < m->started_on) {
    return Error::invalid(
        "The child came back on or after they went missing (" + m->started_on.iso() + ", SSDA903 rule 567)",
        "ended_on");
  }
  if (ended_on > today) return Error::invalid("The date cannot be in the future", "ended_on");
  if (trim(where_found).empty())
    return Error::invalid("Say where the child was found or came back from", "where_found");
  if (auto ok = check_length(where_found, "where_found"); !ok) return ok.error();
  DomainEvent e;
  e.type = "MissingEnded";
  e.occurred_on = ended_on;
  e.data = json{{"missing_id", missing_id}, {"ended_on", ended_on.iso()}, {"where_found", where_found}};
  return e;
}

Result<DomainEvent> return_interview_recorded(const Person& child, int64_t missing_id,
                                              const ReturnInterview& input, Date today) {
  const MissingEpisode* m = find_missing(child, missing_id);
  if (!m) return Error::not_found("No such missing episode");
  if (m->is_open())
    return Error::invalid("A return interview follows the child's return: record it first", "offered_on");
  if (input.offered_on < *m->ended_on) {
    return Error::invalid("The interview is offered on or after the return (" + m->ended_on->iso() + ")",
                          "offered_on");
  }
  if (input.offered_on > today) return Error::invalid("The date cannot be in the future", "offered_on");
  if (!input.accepted && (input.held_on || !trim(input.findings).empty())) {
    return Error::invalid("An interview the child did not take up has no date held or findings", "accepted");
  }
  if (input.accepted) {
    if (!input.held_on) return Error::invalid("Enter the date the interview was held", "held_on");
    if (*input.held_on < input.offered_on) {
      return Error::invalid("The interview is held on or after it was offered", "held_on");
    }
    if (*input.held_on > today) return Error::invalid("The date cannot be in the future", "held_on");
    if (trim(input.findings).empty()) {
      return Error::invalid("Write what the child said: why they went, where, with whom, and any risks",
                            "findings");
    }
    if (auto ok = check_length(input.findings, "findings"); !ok) return ok.error();
  }
  DomainEvent e;
  e.type = "ReturnInterviewRecorded";
  e.occurred_on = input.held_on.value_or(input.offered_on);
  e.data = json{
      {"missing_id", missing_id},   {"offered_on", input.offered_on.iso()},
      {"accepted", input.accepted}, {"held_on", input.held_on ? json(input.held_on->iso()) : json(nullptr)},
      {"findings", input.findings}, {"by", input.by}};
  return e;
}

Result<DomainEvent> exploitation_screened(const Person& child, const ExploitationScreening& input,
                                          Date today) {
  if (input.screened_on > today) return Error::invalid("The date cannot be in the future", "screened_on");
  const std::optional<Date>& born = child.details.date_of_birth;
  if (!born || input.screened_on < *born) {
    return Error::invalid("A screening is on or after the child's date of birth", "screened_on");
  }
  if (input.screened_on >= birthday(*born, 18)) {
    return Error::invalid("The child was 18 by then: screening is for children", "screened_on");
  }
  if (const ExploitationScreening* last = latest_screening(child);
      last && input.screened_on < last->screened_on) {
    return Error::invalid("The child's latest screening was on " + last->screened_on.iso() +
                              ": a new screening is on or after it",
                          "screened_on");
  }
  if (!is_valid_code(CodeList::kExploitationRisk, input.risk)) {
    return Error::invalid("Choose the risk level the screening found", "risk");
  }
  const bool any_kind = input.sexual || input.criminal;
  if (input.risk != "none" && !any_kind) {
    return Error::invalid("Say which exploitation the child is at risk of: sexual, criminal, or both",
                          "kinds");
  }
  if (input.risk == "none" && any_kind) {
    return Error::invalid("With no risk identified, no kind of exploitation is named", "kinds");
  }
  if (trim(input.summary).empty()) {
    return Error::invalid(
        "Write what the screening found: the indicators, the child's words, and what is being done",
        "summary");
  }
  if (auto ok = check_length(input.summary, "summary"); !ok) return ok.error();
  DomainEvent e;
  e.type = "ExploitationScreened";
  e.occurred_on = input.screened_on;
  e.data = json{{"screening_id", static_cast<int64_t>(child.exploitation_screenings.size()) + 1},
                {"screened_on", input.screened_on.iso()},
                {"sexual", input.sexual},
                {"criminal", input.criminal},
                {"risk", input.risk},
                {"summary", input.summary},
                {"by", input.by}};
  return e;
}

bool apply_missing_event(Person& p, const DomainEvent& e) {
  if (e.type == "ExploitationScreened") {
    ExploitationScreening s;
    s.id = event_int(e, "screening_id");
    s.screened_on = event_date(e, "screened_on");
    s.sexual = event_bool(e, "sexual");
    s.criminal = event_bool(e, "criminal");
    s.risk = event_text(e, "risk");
    s.summary = event_text(e, "summary");
    s.by = event_text(e, "by");
    p.exploitation_screenings.push_back(std::move(s));
    return true;
  }
  if (e.type == "MissingReported") {
    MissingEpisode m;
    m.id = event_int(e, "missing_id");
    m.type = event_text(e, "type");
    m.started_on = event_date(e, "started_on");
    p.missing.push_back(std::move(m));
    return true;
  }
  if (e.type == "MissingEnded") {
    MissingEpisode& m = find_missing(p, e);
    m.ended_on = event_date(e, "ended_on");
    m.where_found = event_text(e, "where_found");
    return true;
  }
  if (e.type == "ReturnInterviewRecorded") {
    MissingEpisode& m = find_missing(p, e);
    ReturnInterview r;
    r.offered_on = event_date(e, "offered_on");
    r.accepted = event_bool(e, "accepted");
    if (!event_member(e, "held_on").is_null()) r.held_on = event_date(e, "held_on");
    r.findings = event_text(e, "findings");
    r.by = event_text(e, "by");
    m.interview = std::move(r);
    return true;
  }
  return false;
}

std::string describe_missing_event(const DomainEvent& e) {
  try {
    if (e.type == "MissingReported") {
      return e.data.at("type").get<std::string>() == "M" ? "Missing: whereabouts unknown"
                                                         : "Away from placement without authorisation";
    }
    if (e.type == "MissingEnded")
      return "Returned from missing: " + e.data.at("where_found").get<std::string>();
    if (e.type == "ExploitationScreened") {
      const std::string risk = e.data.at("risk").get<std::string>();
      return "Screened for exploitation: " +
             std::string(code_label(CodeList::kExploitationRisk, risk).value_or(risk));
    }
    if (e.type == "ReturnInterviewRecorded") {
      return e.data.at("accepted").get<bool>() ? "Return home interview held"
                                               : "Return home interview offered, not taken up";
    }
  } catch (const nlohmann::json::exception&) {
    return e.type + " (the event's details could not be read)";
  }
  return {};
}

}  // namespace safeguard
