#include "domain/adoption.h"

#include <cstdio>

#include "core/text.h"
#include "domain/care.h"
#include "domain/codes.h"
#include "domain/event_fields.h"
#include "domain/person.h"

namespace safeguard {
namespace {

using nlohmann::json;

bool is_placement_for_adoption(std::string_view type) {
  return type == "A3" || type == "A4" || type == "A5" || type == "A6";
}

std::string two_digits(int n) { return (n < 10 ? "0" : "") + std::to_string(n); }

Status check_text(const std::string& text, const char* field) {
  if (text.size() > kAdoptionTextMaxLength) {
    return Error::invalid("Too long: at most " + std::to_string(kAdoptionTextMaxLength) + " characters",
                          field);
  }
  return {};
}

Status check_day(Date on, Date today, const char* field) {
  if (on > today) return Error::invalid("The date cannot be in the future", field);
  return {};
}

// The period of care the child was in on `day`, if any.
const PeriodOfCare* period_on(const Person& child, Date day) {
  for (const PeriodOfCare& p : child.periods_of_care) {
    if (p.start <= day && (!p.end() || day <= *p.end())) return &p;
  }
  return nullptr;
}

const PeriodOfCare* period_by_id(const Person& child, int64_t id) {
  for (const PeriodOfCare& p : child.periods_of_care) {
    if (p.id == id) return &p;
  }
  return nullptr;
}

std::string words(CodeList list, const std::string& code) {
  return std::string(code_label(list, code).value_or(code));
}

}  // namespace

int Adopters::number() const { return sexes == "F1" || sexes == "M1" ? 1 : 2; }

std::string Adopters::legal_status() const {
  const bool single = sexes == "F1" || sexes == "M1";
  const bool same_sex = sexes == "FF" || sexes == "MM";
  if (!is_valid_code(CodeList::kAdopters, sexes)) return {};
  if (relationship == "single") return single ? "L0" : "";
  if (single) return {};
  if (relationship == "married") return same_sex ? "L4" : "L11";
  if (relationship == "civil_partners") return same_sex ? "L12" : "L3";
  if (relationship == "unmarried") return "L2";
  return {};
}

std::string PartialDate::ssda903() const {
  if (empty()) return {};
  return (day ? two_digits(day) : "ZZ") + "/" + (month ? two_digits(month) : "ZZ") + "/" +
         std::to_string(year);
}

std::string PartialDate::text() const {
  if (empty()) return {};
  if (day) return long_date_text(Date::from_ymd(year, month, day));
  if (month) return long_date_text(Date::from_ymd(year, month, 1)).substr(2);  // "1 May 2019"
  return std::to_string(year);
}

std::string PartialDate::iso() const {
  if (empty()) return {};
  char buffer[16];
  if (day) {
    std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02d", year, month, day);
  } else if (month) {
    std::snprintf(buffer, sizeof buffer, "%04d-%02d", year, month);
  } else {
    std::snprintf(buffer, sizeof buffer, "%04d", year);
  }
  return buffer;
}

Date PartialDate::latest() const {
  if (day) return Date::from_ymd(year, month, day);
  if (month) return Date::from_ymd(year, month, days_in_month(year, month));
  return Date::from_ymd(year, 12, 31);
}

std::optional<PartialDate> PartialDate::parse_iso(std::string_view text) {
  if (text.empty()) return PartialDate{};
  const std::vector<std::string> parts = split(text, '-');
  if (parts.empty() || parts.size() > 3) return std::nullopt;
  int numbers[3] = {0, 0, 0};
  for (size_t i = 0; i < parts.size(); ++i) {
    if (parts[i].empty() || parts[i].size() > 4) return std::nullopt;
    for (const char c : parts[i]) {
      if (c < '0' || c > '9') return std::nullopt;
    }
    numbers[i] = std::stoi(parts[i]);
  }
  PartialDate d{numbers[0], numbers[1], numbers[2]};
  if (d.year < 1 || d.year > 9999 || d.month > 12 || (parts.size() >= 2 && d.month < 1)) return std::nullopt;
  if (parts.size() == 3 && !Date::is_valid_ymd(d.year, d.month, d.day)) return std::nullopt;
  return d;
}

AdoptionSteps adoption_steps(const Person& child, const AdoptionDecision& decision) {
  AdoptionSteps steps;
  const PeriodOfCare* period = period_by_id(child, decision.period_id);
  if (!period) return steps;
  const Date until = decision.ceased_on.value_or(Date::from_ymd(9999, 12, 31));
  for (const CareEpisode& e : period->episodes) {
    if (e.start > until) break;
    if (e.legal_status == "E1" && !steps.placement_order_on) steps.placement_order_on = e.start;
    if ((e.placement.type == "U2" || e.placement.type == "U5") && !steps.fostering_for_adoption_on) {
      steps.fostering_for_adoption_on = e.start;
    }
    if (e.start < decision.decided_on) continue;
    if (is_placement_for_adoption(e.placement.type) && !steps.placed_on) {
      steps.placed_on = e.start;
      steps.by_foster_carers = e.placement.type == "A3" || e.placement.type == "A5";
    }
  }
  if (decision.stands() && period->end() &&
      (period->reason_ended() == "E11" || period->reason_ended() == "E12")) {
    steps.adopted_on = period->end();
  }
  return steps;
}

const AdoptionDecision* standing_adoption_decision(const Person& child) {
  const std::vector<AdoptionDecision>& decisions = child.permanence.decisions;
  const PeriodOfCare* period = current_period(child);
  if (decisions.empty() || !decisions.back().stands() || !period ||
      decisions.back().period_id != period->id) {
    return nullptr;
  }
  return &decisions.back();
}

const PreviousPermanence* previous_permanence_of(const Person& child, int64_t period_id) {
  for (const PreviousPermanence& p : child.permanence.previous) {
    if (p.period_id == period_id) return &p;
  }
  return nullptr;
}

Result<DomainEvent> adoption_decided(const Person& child, Date on, const std::string& notes,
                                     const std::string& by, Date today) {
  if (auto ok = check_day(on, today, "on"); !ok) return ok.error();
  const PeriodOfCare* period = current_period(child);
  if (!period || on < period->start) {
    return Error::invalid(
        "A child is placed for adoption from care: the decision is made while the child is looked after",
        "on");
  }
  if (on >= birthday(*child.details.date_of_birth, 18)) {
    return Error::invalid("The child was 18 by then", "on");
  }
  const std::vector<AdoptionDecision>& decisions = child.permanence.decisions;
  if (const AdoptionDecision* standing = standing_adoption_decision(child)) {
    return Error::invalid("The decision of " + long_date_text(standing->decided_on) +
                              " stands: record that the child should no longer be placed for adoption first",
                          "on");
  }
  if (!decisions.empty() && decisions.back().ceased_on && on < *decisions.back().ceased_on) {
    return Error::invalid("A new decision comes after the last one ceased, on " +
                              long_date_text(*decisions.back().ceased_on) + " (SSDA903 rule 579)",
                          "on");
  }
  // Steps since the last decision in this period ceased (a placement order left in place after it
  // does not stop a new decision).
  std::optional<Date> since;
  for (const AdoptionDecision& d : decisions) {
    if (d.period_id == period->id && d.ceased_on) since = d.ceased_on;
  }
  for (const CareEpisode& e : period->episodes) {
    if (e.start >= on) break;
    if (since && e.start <= *since) continue;
    if (e.legal_status == "E1" || is_placement_for_adoption(e.placement.type)) {
      return Error::invalid(
          "The child was " +
              std::string(e.legal_status == "E1" ? "under a placement order" : "placed for adoption") +
              " from " + long_date_text(e.start) +
              ": the decision that the child should be placed for adoption comes first "
              "(SSDA903 rules 552, 554)",
          "on");
    }
  }
  if (auto ok = check_text(notes, "notes"); !ok) return ok.error();
  DomainEvent e;
  e.type = "AdoptionDecided";
  e.occurred_on = on;
  e.data = json{{"decision_id", static_cast<int64_t>(decisions.size()) + 1},
                {"period_id", period->id},
                {"on", on.iso()},
                {"notes", notes},
                {"by", by}};
  return e;
}

Result<DomainEvent> adoption_match_recorded(const Person& child, Date on, const Adopters& adopters,
                                            Date today) {
  const AdoptionDecision* decision = standing_adoption_decision(child);
  if (!decision) {
    return Error::invalid("There is no decision that the child should be placed for adoption", "on");
  }
  if (auto ok = check_day(on, today, "on"); !ok) return ok.error();
  if (on < decision->decided_on) {
    return Error::invalid("The match comes on or after the decision of " +
                              long_date_text(decision->decided_on) + " (SSDA903 rule 333)",
                          "on");
  }
  const PeriodOfCare* period = period_on(child, on);
  if (!period || period->id != decision->period_id) {
    return Error::invalid("The child was not looked after that day", "on");
  }
  const AdoptionSteps steps = adoption_steps(child, *decision);
  if (steps.placed_on && on > *steps.placed_on) {
    return Error::invalid("The child moved in with the adopters on " + long_date_text(*steps.placed_on) +
                              ": the match is on or before that (SSDA903 rule 331)",
                          "on");
  }
  if (!is_valid_code(CodeList::kAdopters, adopters.sexes)) {
    return Error::invalid("Say who the adopters are", "adopters");
  }
  if (!is_valid_code(CodeList::kAdoptersRelationship, adopters.relationship)) {
    return Error::invalid("Say what the adopters' relationship is", "relationship");
  }
  if (adopters.legal_status().empty()) {
    return Error::invalid(adopters.number() == 1
                              ? "For one adopter choose 'Single: adopting alone'"
                              : "For two adopters choose married, civil partners or not married",
                          "relationship");
  }
  DomainEvent e;
  e.type = "AdoptionMatchRecorded";
  e.occurred_on = on;
  e.data = json{{"decision_id", decision->id},
                {"on", on.iso()},
                {"adopters", adopters.sexes},
                {"relationship", adopters.relationship}};
  return e;
}

Result<DomainEvent> adoption_decision_ceased(const Person& child, Date on, const std::string& reason,
                                             Date today) {
  const AdoptionDecision* decision = standing_adoption_decision(child);
  if (!decision) {
    return Error::invalid("There is no decision that the child should be placed for adoption", "on");
  }
  if (auto ok = check_day(on, today, "on"); !ok) return ok.error();
  if (on < decision->decided_on) {
    return Error::invalid("The decision was made on " + long_date_text(decision->decided_on) +
                              ": it ceases on or after that (SSDA903 rule 522)",
                          "on");
  }
  const PeriodOfCare* period = period_by_id(child, decision->period_id);
  if (period && period->end() && on > *period->end()) {
    return Error::invalid("Care ended on " + long_date_text(*period->end()) +
                              ": the decision ceases on or before that (SSDA903 rule 117)",
                          "on");
  }
  // The decision ceases after every step it led to: not before a placement order or a move to
  // adopters recorded after that day (rules 551 to 554). It may cease while the child still lives
  // with the adopters, so that care can end another way (rule 557).
  if (period) {
    for (const CareEpisode& e : period->episodes) {
      if (e.start <= on) continue;
      const bool begins_order = e.legal_status == "E1";
      if (begins_order || is_placement_for_adoption(e.placement.type)) {
        return Error::invalid(std::string(begins_order ? "The placement order" : "The move to the adopters") +
                                  " is recorded from " + long_date_text(e.start) +
                                  ", after that day: the decision ceases on or after it",
                              "on");
      }
    }
  }
  if (!is_valid_code(CodeList::kReasonNoLongerPlaced, reason)) {
    return Error::invalid("Choose why the child should no longer be placed for adoption", "reason");
  }
  DomainEvent e;
  e.type = "AdoptionDecisionCeased";
  e.occurred_on = on;
  e.data = json{{"decision_id", decision->id}, {"on", on.iso()}, {"reason", reason}};
  return e;
}

Result<DomainEvent> previous_permanence_recorded(const Person& child, const PreviousPermanence& input,
                                                 Date today) {
  const PeriodOfCare* period = period_by_id(child, input.period_id);
  if (!period) return Error::invalid("There is no such period of care", "period_id");
  if (!is_valid_code(CodeList::kPreviousPermanence, input.type)) {
    return Error::invalid("Say whether the child had a permanence order before this period of care", "type");
  }
  const std::string la = to_upper_ascii(trim(input.local_authority));
  if (input.type == "Z1") {
    if (!la.empty()) return Error::invalid("No previous order: leave the council blank", "local_authority");
    if (!input.made.empty()) return Error::invalid("No previous order: leave the date blank", "made");
  } else {
    if (!is_local_authority_code(la)) {
      return Error::invalid(
          la.empty() ? "Enter the council that arranged the order (SSDA903 rule 630)"
                     : "'" + la +
                           "' is not a council's number: use the Department's three-digit number, 999 if not "
                           "known, or WAL, SCO, NIR or NUK (SSDA903 rule 633)",
          "local_authority");
    }
    if (input.made.empty()) {
      return Error::invalid("Enter at least the year the order was made (SSDA903 rule 630)", "made");
    }
    const std::optional<Date>& born = child.details.date_of_birth;
    if (input.made.latest() >= period->start) {
      return Error::invalid("The order must have been made before this period of care began, on " +
                                long_date_text(period->start) +
                                ": if it was made in the same year or month, enter the month or day (SSDA903 "
                                "rule 632)",
                            "made");
    }
    if (born && input.made.latest() < *born) {
      return Error::invalid("The order cannot be dated before the child was born", "made");
    }
  }
  if (period->start > today) return Error::invalid("The period of care has not begun", "period_id");
  DomainEvent e;
  e.type = "PreviousPermanenceRecorded";
  e.occurred_on = today;
  e.data = json{{"period_id", input.period_id},
                {"type", input.type},
                {"local_authority", la},
                {"made", input.made.iso()}};
  return e;
}

Status adoption_allows(const Person& child, std::string_view before_status, std::string_view before_type,
                       std::string_view legal_status, std::string_view placement_type, Date on) {
  const bool order_begins = legal_status == "E1" && before_status != "E1";
  const bool placement_begins =
      is_placement_for_adoption(placement_type) && !is_placement_for_adoption(before_type);
  if (!order_begins && !placement_begins) return {};
  const char* field = order_begins ? "legal_status" : "placement.type";
  if (before_status.empty()) {
    return Error::invalid(
        "Care does not begin under a placement order or in a placement for adoption: the decision that "
        "the child should be placed for adoption is made while the child is looked after (SSDA903 rules "
        "551 to 554, 1003)",
        field);
  }
  const AdoptionDecision* decision = standing_adoption_decision(child);
  if (decision && decision->decided_on <= on) {
    if (placement_begins && decision->matched_on && *decision->matched_on > on) {
      return Error::invalid("The child was matched with the adopters on " +
                                long_date_text(*decision->matched_on) +
                                ": the move to them is on or after the match (SSDA903 rule 331)",
                            "on");
    }
    return {};
  }
  const std::string what = order_begins ? "A placement order (E1)" : "A placement for adoption";
  return Error::invalid(what +
                            " needs a decision that the child should be placed for adoption, made on or "
                            "before it: record the decision first (SSDA903 rules 551 to 554)",
                        field);
}

Status adoption_allows_end(const Person& child, Date on, std::string_view reason) {
  const AdoptionDecision* decision = standing_adoption_decision(child);
  if (reason == "E11" || reason == "E12") {
    if (!decision || !decision->matched_on) {
      return Error::invalid(
          "An adoption follows the match with the adopters: record the match first "
          "(SSDA903 rule 601)",
          "reason");
    }
    if (on <= *decision->matched_on) {
      return Error::invalid("The adoption order comes after the day of the match, " +
                                long_date_text(*decision->matched_on) + " (SSDA903 rule 582)",
                            "on");
    }
    return {};
  }
  if (decision) {
    return Error::invalid("The decision of " + long_date_text(decision->decided_on) +
                              " that the child should be placed for adoption stands: record that it no "
                              "longer does, and why, before care ends (SSDA903 rule 557)",
                          "reason");
  }
  return {};
}

bool apply_adoption_event(Person& p, const DomainEvent& e) {
  Permanence& permanence = p.permanence;
  const auto decision_of = [&]() -> AdoptionDecision* {
    const int64_t id = event_int(e, "decision_id");
    for (AdoptionDecision& d : permanence.decisions) {
      if (d.id == id) return &d;
    }
    return nullptr;
  };
  if (e.type == "AdoptionDecided") {
    AdoptionDecision d;
    d.id = event_int(e, "decision_id");
    d.period_id = event_int(e, "period_id");
    d.decided_on = event_date(e, "on");
    d.notes = event_text(e, "notes");
    d.by = event_text(e, "by");
    permanence.decisions.push_back(std::move(d));
    return true;
  }
  if (e.type == "AdoptionMatchRecorded") {
    if (AdoptionDecision* d = decision_of()) {
      d->matched_on = event_date(e, "on");
      d->adopters = {event_text(e, "adopters"), event_text(e, "relationship")};
    }
    return true;
  }
  if (e.type == "AdoptionDecisionCeased") {
    if (AdoptionDecision* d = decision_of()) {
      d->ceased_on = event_date(e, "on");
      d->ceased_reason = event_text(e, "reason");
    }
    return true;
  }
  if (e.type == "PreviousPermanenceRecorded") {
    PreviousPermanence prev;
    prev.period_id = event_int(e, "period_id");
    prev.type = event_text(e, "type");
    prev.local_authority = event_text(e, "local_authority");
    prev.made = PartialDate::parse_iso(event_text(e, "made")).value_or(PartialDate{});
    for (PreviousPermanence& existing : permanence.previous) {
      if (existing.period_id == prev.period_id) {
        existing = std::move(prev);
        return true;
      }
    }
    permanence.previous.push_back(std::move(prev));
    return true;
  }
  return false;
}

std::string describe_adoption_event(const DomainEvent& e) {
  try {
    if (e.type == "AdoptionDecided") return "Decision that the child should be placed for adoption";
    if (e.type == "AdoptionMatchRecorded") {
      return "Matched with adopters: " + words(CodeList::kAdopters, e.data.at("adopters").get<std::string>());
    }
    if (e.type == "AdoptionDecisionCeased") {
      return "No longer to be placed for adoption: " +
             words(CodeList::kReasonNoLongerPlaced, e.data.at("reason").get<std::string>());
    }
    if (e.type == "PreviousPermanenceRecorded") {
      return "Previous permanence: " +
             words(CodeList::kPreviousPermanence, e.data.at("type").get<std::string>());
    }
  } catch (const nlohmann::json::exception&) {
    return e.type + " (the event's details could not be read)";
  }
  return {};
}

}  // namespace safeguard
