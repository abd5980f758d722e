#include "domain/care.h"

#include <algorithm>

#include "core/text.h"
#include "domain/adoption.h"
#include "domain/child_journey.h"
#include "domain/codes.h"
#include "domain/event_fields.h"
#include "domain/identifiers.h"
#include "domain/person.h"

namespace safeguard {
namespace {

using nlohmann::json;

std::string carer_key(std::string_view carer) {
  std::string key;
  for (char c : to_lower_ascii(carer)) {
    if (c != ' ' && c != '\t') key += c;
  }
  return key;
}

bool is_youth_justice_status(std::string_view legal_status) {
  return one_of(legal_status, {"J1", "J2", "J3"});
}

// An Ofsted URN: 6 to 8 letters and digits (e.g. "SC123456", "1234567").
bool is_valid_urn(std::string_view urn) {
  if (urn.size() < 6 || urn.size() > 8) return false;
  return std::all_of(urn.begin(), urn.end(),
                     [](char c) { return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z'); });
}

Status check_length(const std::string& text, size_t limit, const std::string& field) {
  if (text.size() > limit)
    return Error::invalid("Too long: at most " + std::to_string(limit) + " characters", field);
  return {};
}

Status check_legal_status(const Person& child, std::string_view legal_status, Date on,
                          const std::string& field) {
  if (!is_valid_code(CodeList::kLegalStatus, legal_status)) {
    return Error::invalid("Choose the legal status (C1 to J3)", field);
  }
  const int age = age_in_years(*child.details.date_of_birth, on);
  if (is_youth_justice_status(legal_status) && age < 10) {
    return Error::invalid(
        "A youth-justice legal status (J1, J2, J3) applies only from the age of 10 (SSDA903 rule 358)",
        field);
  }
  return {};
}

// The youngest age at which a child may start in a placement of the type (SSDA903 rules 371-374).
int youngest_age_for(std::string_view type) {
  if (type == "K3") return 16;
  if (type == "P3") return 14;
  if (type == "R5") return 10;
  if (type == "S1") return 4;
  return 0;
}

// The placements the return expects an Ofsted URN for (rules 218, 222).
bool needs_urn(std::string_view type) {
  return one_of(type,
                {"A3", "A4", "A5", "A6", "K1", "K2", "K3", "R3", "S1", "U1", "U2", "U3", "U4", "U5", "U6"});
}

// A postcode in Scotland, Wales or Northern Ireland, where Ofsted registers no provision. The areas
// are the ones wholly outside England.
bool outside_england(std::string_view postcode) {
  std::string area;
  for (char c : postcode) {
    if (c < 'A' || c > 'Z') break;
    area += c;
  }
  return one_of(area, {"AB", "BT", "CF", "DD", "EH", "FK", "G",  "HS", "IV", "KA",
                       "KW", "KY", "LD", "LL", "ML", "NP", "PA", "PH", "SA", "ZE"});
}

// The providers the return accepts for a placement type (rules 526-531, 550): none for temporary and
// "other" placements, only the parents for a placement with parents and only with it, no council
// (PR1, PR2) for health or custody, no other public body for adoption, children's homes or fostering.
std::optional<std::string> provider_problem(std::string_view type, std::string_view provider) {
  if (placement_has_no_provider(type)) {
    if (provider.empty()) return std::nullopt;
    return "A temporary or \"other\" placement (" + std::string(type) +
           ") is returned with no provider: leave the provider blank (SSDA903 rule 178)";
  }
  if (!is_valid_code(CodeList::kPlacementProvider, provider))
    return "Choose who provides the placement (PR0 to PR5)";
  if ((type == "P1") != (provider == "PR0")) {
    return type == "P1" ? "A child placed with parents (P1) is provided by the parents (PR0)"
                        : "Parents (PR0) provide only a placement with parents (P1)";
  }
  if (one_of(provider, {"PR1", "PR2"}) && one_of(type, {"R2", "R5"})) {
    return "A council does not provide a health or custody placement (" + std::string(type) + ")";
  }
  if (provider == "PR3" &&
      one_of(type, {"A3", "A4", "A5", "A6", "K1", "K2", "U1", "U2", "U3", "U4", "U5", "U6"})) {
    return "Another public body (PR3) does not provide adoption, children's home or foster placements";
  }
  return std::nullopt;
}

// A placement is checked with the legal status it will be under.
Status check_placement(const Person& child, const Placement& p, std::string_view legal_status, Date on,
                       const std::string& field) {
  if (!is_valid_code(CodeList::kPlacementType, p.type)) {
    return Error::invalid("Choose the placement type", field + ".type");
  }
  const int age = age_in_years(*child.details.date_of_birth, on);
  if (const int youngest = youngest_age_for(p.type); age < youngest) {
    return Error::invalid(std::string(code_label(CodeList::kPlacementType, p.type).value_or(p.type)) + " (" +
                              p.type + ") is only for children aged " + std::to_string(youngest) +
                              " or over (SSDA903 rules 371 to 374)",
                          field + ".type");
  }
  if (one_of(p.type, {"A5", "A6"}) && legal_status != "E1") {
    return Error::invalid(
        "A child is placed for adoption under a placement order (A5, A6) only with legal status E1 "
        "(SSDA903 rule 408)",
        field + ".type");
  }
  if (p.type == "P1" && legal_status == "V2") {
    return Error::invalid(
        "A child accommodated under section 20 (V2) is not placed with parents (P1) (SSDA903 rule 378)",
        field + ".type");
  }
  if (one_of(legal_status, {"V3", "V4"}) &&
      (is_temporary_placement(p.type) || one_of(p.type, {"U1", "U4"}))) {
    return Error::invalid(
        "A short break (V3, V4) is not in a temporary or long-term foster placement (SSDA903 rules 382, "
        "384)",
        field + ".type");
  }
  if (auto problem = provider_problem(p.type, p.provider))
    return Error::invalid(*problem, field + ".provider");
  if (trim(p.carer).empty()) {
    return Error::invalid("Name the carers or the establishment the child lives with", field + ".carer");
  }
  if (auto ok = check_length(p.carer, kCarerNameMaxLength, field + ".carer"); !ok) return ok.error();
  if (p.postcode.empty()) return Error::invalid("Enter the placement's postcode", field + ".postcode");
  if (!is_valid_postcode(p.postcode)) {
    return Error::invalid("\"" + p.postcode + "\" is not a full UK postcode", field + ".postcode");
  }
  if (needs_urn(p.type) && !outside_england(p.postcode)) {
    if (p.urn.empty()) {
      return Error::invalid(
          "Enter the Ofsted URN of the provision (the fostering, adoption or home's registration)",
          field + ".urn");
    }
    if (!is_valid_urn(p.urn)) {
      return Error::invalid("An Ofsted URN is 6 to 8 letters and digits, such as SC123456", field + ".urn");
    }
  } else if (!p.urn.empty() && !needs_urn(p.type)) {
    return Error::invalid(
        "Ofsted registers no " + p.type + " placement: leave the URN blank (SSDA903 rule 222)",
        field + ".urn");
  } else if (!p.urn.empty() && !is_valid_urn(p.urn)) {
    return Error::invalid("An Ofsted URN is 6 to 8 letters and digits, such as SC123456", field + ".urn");
  }
  return {};
}

// The child can be looked after on `on`: born, under 18, and not in the future.
Status check_child_on(const Person& child, Date on, Date today, const char* field) {
  if (!child.details.date_of_birth) {
    return Error::invalid("An unborn child cannot be looked after: record the birth first", field);
  }
  if (on < *child.details.date_of_birth) return Error::invalid("The date is before the child's birth", field);
  if (on > today) return Error::invalid("The date cannot be in the future", field);
  if (age_in_years(*child.details.date_of_birth, on) >= 18) {
    return Error::invalid("A young person stops being looked after at 18 (on " +
                              birthday(*child.details.date_of_birth, 18).iso() + ")",
                          field);
  }
  return {};
}

PeriodOfCare* find_period(Person& p, const DomainEvent& e) {
  const int64_t id = event_int(e, "period_id");
  for (PeriodOfCare& period : p.periods_of_care) {
    if (period.id == id) return &period;
  }
  throw MalformedEvent(e.version, "refers to period of care " + std::to_string(id) + ", which never started");
}

Placement placement_of(const DomainEvent& e, const json& j) {
  auto placement = placement_from_json(j, "placement");
  if (!placement) throw MalformedEvent(e.version, placement.error().message);
  return *placement;
}

}  // namespace

const CareEpisode* PeriodOfCare::episode_on(Date day) const {
  for (const CareEpisode& e : episodes) {
    if (e.start <= day && (!e.end || day < *e.end || (day == *e.end && &e == &episodes.back()))) return &e;
  }
  return nullptr;
}

Date PeriodOfCare::placement_start() const {
  for (auto e = episodes.rbegin(); e != episodes.rend(); ++e) {
    if (one_of(e->reason_new, {"S", "P", "B"})) return e->start;
  }
  return start;
}

std::string reason_for_new_episode(const CareEpisode& before, std::string_view legal_status,
                                   const Placement& placement) {
  const bool status_changed = legal_status != before.legal_status;
  const bool placement_changed = !(placement == before.placement);
  const bool same_carers = carer_key(placement.carer) == carer_key(before.placement.carer);
  if (!placement_changed) return status_changed ? "L" : "";
  if (status_changed) return same_carers ? "U" : "B";
  return same_carers ? "T" : "P";
}

bool is_temporary_placement(std::string_view type) { return one_of(type, {"T0", "T1", "T2", "T3", "T4"}); }

bool placement_has_no_provider(std::string_view type) {
  return is_temporary_placement(type) || one_of(type, {"Z11", "Z12", "Z13", "Z14"});
}

Placement normalise_placement(Placement p) {
  p.type = to_upper_ascii(trim(p.type));
  p.provider = to_upper_ascii(trim(p.provider));
  p.carer = std::string(trim(p.carer));
  p.postcode = normalise_postcode(p.postcode);
  p.urn = to_upper_ascii(trim(p.urn));
  return p;
}

const PeriodOfCare* current_period(const Person& child) {
  if (child.periods_of_care.empty() || !child.periods_of_care.back().is_open()) return nullptr;
  return &child.periods_of_care.back();
}

bool looked_after_on(const Person& child, Date day) {
  for (const PeriodOfCare& p : child.periods_of_care) {
    if (p.start <= day && (!p.end() || day <= *p.end())) return true;
  }
  return false;
}

Result<DomainEvent> looked_after_started(const Person& child, const StartOfCare& start, Date today) {
  if (current_period(child)) {
    return Error::invalid("The child is already looked after: record a change of placement or legal status",
                          "on");
  }
  if (auto ok = check_child_on(child, start.on, today, "on"); !ok) return ok.error();
  const CinEpisode* episode = open_episode(child);
  if (!episode) {
    return Error::invalid(
        "A child becomes looked after during an open Children in Need episode, and this child has none: "
        "record "
        "the referral first",
        "on");
  }
  if (start.on < episode->referral_date) {
    return Error::invalid("The date is before the referral (" + episode->referral_date.iso() + ")", "on");
  }
  if (!child.periods_of_care.empty() && start.on <= *child.periods_of_care.back().end()) {
    return Error::invalid("A new period of care starts after the last one ended (" +
                              child.periods_of_care.back().end()->iso() + ")",
                          "on");
  }
  if (auto ok = check_legal_status(child, start.legal_status, start.on, "legal_status"); !ok)
    return ok.error();
  if (!is_valid_code(CodeList::kCategoryOfNeed, start.category_of_need)) {
    return Error::invalid("Choose the category of need (N1 to N8)", "category_of_need");
  }
  const Placement placement = normalise_placement(start.placement);
  if (auto ok = check_placement(child, placement, start.legal_status, start.on, "placement"); !ok)
    return ok.error();
  if (is_temporary_placement(placement.type)) {
    return Error::invalid("Care does not start in a temporary placement (T0 to T4, SSDA903 rule 380)",
                          "placement.type");
  }
  if (auto ok = adoption_allows(child, "", "", start.legal_status, placement.type, start.on); !ok)
    return ok.error();
  const Address* home = child.current_address();
  DomainEvent e;
  e.type = "LookedAfterStarted";
  e.occurred_on = start.on;
  e.data = json{{"period_id", static_cast<int64_t>(child.periods_of_care.size()) + 1},
                {"episode_id", episode->id},
                {"on", start.on.iso()},
                {"legal_status", start.legal_status},
                {"category_of_need", start.category_of_need},
                {"placement", placement_to_json(placement)},
                {"home_postcode", home ? home->postcode : std::string()}};
  return e;
}

Result<DomainEvent> care_changed(const Person& child, const ChangeOfCare& change, Date today) {
  const PeriodOfCare* period = current_period(child);
  if (!period) return Error::invalid("The child is not looked after", "on");
  if (auto ok = check_child_on(child, change.on, today, "on"); !ok) return ok.error();
  const CareEpisode& now = period->current();
  if (change.on <= now.start) {
    return Error::invalid("A change is recorded after the current episode started (" + now.start.iso() +
                              "): record everything that changed on one day as one change",
                          "on");
  }
  const std::string legal_status = change.legal_status.empty() ? now.legal_status : change.legal_status;
  if (!change.legal_status.empty()) {
    if (auto ok = check_legal_status(child, legal_status, change.on, "legal_status"); !ok) return ok.error();
  }
  const Placement placement = change.placement ? normalise_placement(*change.placement) : now.placement;
  if (change.placement || !change.legal_status.empty()) {
    if (auto ok = check_placement(child, placement, legal_status, change.on, "placement"); !ok) {
      // A new legal status can make the unchanged placement wrong (an A5 placement needs E1): name it.
      return ok.error();
    }
  }
  const std::string reason_new = reason_for_new_episode(now, legal_status, placement);
  if (reason_new.empty()) {
    return Error::invalid("Nothing changed: choose a new legal status or a new placement", "legal_status");
  }
  if (auto ok = adoption_allows(child, now.legal_status, now.placement.type, legal_status, placement.type,
                                change.on);
      !ok)
    return ok.error();
  if (one_of(legal_status, {"V3"})) {
    return Error::invalid(
        "Each short break (V3) is a period of care of its own (SSDA903 rule 366): end this one and "
        "start another",
        "legal_status");
  }
  const bool placement_changed = reason_new != "L";
  if (placement_changed && is_temporary_placement(now.placement.type)) {
    // After a temporary placement the child goes back to where they were before it (rule 383).
    const CareEpisode* before =
        period->episodes.size() >= 2 ? &period->episodes[period->episodes.size() - 2] : nullptr;
    if (before &&
        (placement.type != before->placement.type || placement.postcode != before->placement.postcode)) {
      return Error::invalid("After a temporary placement the child returns to the placement before it (" +
                                before->placement.type + " at " + before->placement.postcode +
                                ", SSDA903 rule 383)",
                            "placement.type");
    }
  }
  if (one_of(placement.type, {"A3", "A5"}) && (reason_new == "P" || reason_new == "B")) {
    return Error::invalid(
        "A3 and A5 are placements for adoption with the current foster carers: the carers stay the "
        "same (SSDA903 rule 217)",
        "placement.carer");
  }
  if (one_of(placement.type, {"A3", "A4"}) && placement_changed &&
      !one_of(now.placement.type, {"A3", "A4", "A5", "A6", "U1", "U2", "U3", "U4", "U5", "U6"})) {
    return Error::invalid(
        "A child is placed for adoption with consent (A3, A4) from a foster or adoption placement "
        "(SSDA903 rule 336)",
        "placement.type");
  }
  // Moving into or out of a temporary placement takes no reason (rules 225, 226).
  const bool reason_needed = placement_changed && !is_temporary_placement(now.placement.type) &&
                             !is_temporary_placement(placement.type);
  if (reason_needed) {
    if (!is_valid_code(CodeList::kReasonPlaceChange, change.reason_place_change)) {
      return Error::invalid("Choose why the placement with " + now.placement.carer + " ended",
                            "reason_place_change");
    }
    if (change.reason_place_change == "CUSTOD" &&
        age_in_years(*child.details.date_of_birth, now.start) < 10) {
      return Error::invalid(
          "A custody arrangement (CUSTOD) is not a reason for a child under 10 (SSDA903 rule 234)",
          "reason_place_change");
    }
  } else if (!change.reason_place_change.empty()) {
    return Error::invalid(placement_changed
                              ? "A move into or out of a temporary placement takes no reason: leave it "
                                "blank (SSDA903 rule 226)"
                              : "The placement did not change: leave the reason for a change blank",
                          "reason_place_change");
  }
  DomainEvent e;
  e.type = "CareChanged";
  e.occurred_on = change.on;
  e.data = json{{"period_id", period->id},
                {"on", change.on.iso()},
                {"reason_new", reason_new},
                {"legal_status", legal_status},
                {"placement", placement_to_json(placement)},
                {"reason_place_change", change.reason_place_change}};
  return e;
}

Result<DomainEvent> looked_after_ended(const Person& child, Date on, const std::string& reason, Date today) {
  const PeriodOfCare* period = current_period(child);
  if (!period) return Error::invalid("The child is not looked after", "on");
  const CareEpisode& now = period->current();
  if (on <= now.start) {
    return Error::invalid("Care ends after the current episode started (" + now.start.iso() +
                              "): an episode does not end the day it starts (SSDA903 rule 355)",
                          "on");
  }
  if (on > today) return Error::invalid("The date cannot be in the future", "on");
  const Date eighteenth = birthday(*child.details.date_of_birth, 18);
  if (on > eighteenth) {
    return Error::invalid("Care ended on the 18th birthday (" + eighteenth.iso() + ") at the latest", "on");
  }
  if (reason == "X1" || !is_valid_code(CodeList::kReasonEpisodeCeased, reason)) {
    return Error::invalid("Choose why the child stopped being looked after", "reason");
  }
  if (is_temporary_placement(now.placement.type)) {
    return Error::invalid(
        "Care does not end in a temporary placement (SSDA903 rule 381): record the return from it "
        "first",
        "on");
  }
  if (one_of(reason, {"E11", "E12"}) && !one_of(now.placement.type, {"A3", "A4", "A5", "A6"})) {
    return Error::invalid(
        "A child is adopted from a placement for adoption (A3 to A6); this child's placement is " +
            now.placement.type + " (SSDA903 rule 390)",
        "reason");
  }
  if (one_of(reason, {"E11", "E12"}) && on >= eighteenth) {
    return Error::invalid("An adoption order is made before the 18th birthday (SSDA903 rule 386)", "reason");
  }
  if (auto ok = adoption_allows_end(child, on, reason); !ok) return ok.error();
  if (one_of(reason, {"E45", "E46"}) && !one_of(now.placement.type, {"U1", "U2", "U3", "U4", "U5", "U6"})) {
    return Error::invalid(
        "A special guardianship order to former foster carers (E45, E46) ends a foster placement "
        "(U1 to U6, SSDA903 rule 516)",
        "reason");
  }
  const int age = age_in_years(*child.details.date_of_birth, on);
  const int youngest = one_of(reason, {"E5", "E6"}) ? 14 : reason == "E7" ? 16 : reason == "E17" ? 18 : 0;
  if (age < youngest) {
    return Error::invalid(std::string(code_label(CodeList::kReasonEpisodeCeased, reason).value_or(reason)) +
                              " applies from the age of " + std::to_string(youngest) +
                              " (SSDA903 rules 387, 389, 460)",
                          "reason");
  }
  DomainEvent e;
  e.type = "LookedAfterEnded";
  e.occurred_on = on;
  e.data = json{{"period_id", period->id}, {"on", on.iso()}, {"reason", reason}};
  return e;
}

Result<DomainEvent> looked_after_review_recorded(const Person& child, int64_t period_id,
                                                 const LookedAfterReviewInput& input,
                                                 const std::string& chair, Date today) {
  const PeriodOfCare* period = nullptr;
  for (const PeriodOfCare& p : child.periods_of_care) {
    if (p.id == period_id) period = &p;
  }
  if (!period) {
    return child.periods_of_care.empty() ? Error::invalid("The child has never been looked after", "held_on")
                                         : Error::not_found("No such period of care");
  }
  if (input.held_on < period->start) {
    return Error::invalid(
        "A review is held after the child became looked after (" + period->start.iso() + ")", "held_on");
  }
  if (period->end() && input.held_on > *period->end()) {
    return Error::invalid(
        "A review is held while the child is looked after (care ended " + period->end()->iso() + ")",
        "held_on");
  }
  if (input.held_on > today) return Error::invalid("The date cannot be in the future", "held_on");
  if (!is_valid_code(CodeList::kReviewParticipation, input.participation)) {
    return Error::invalid("Choose how the child took part in the review", "participation");
  }
  const bool under_four = age_in_years(*child.details.date_of_birth, input.held_on) < 4;
  if (under_four != (input.participation == "PN0")) {
    return Error::invalid(under_four
                              ? "The child was under 4 at the review: their participation is PN0 (SSDA903 "
                                "rule 440)"
                              : "PN0 is only for a child under 4 at the review (SSDA903 rule 441)",
                          "participation");
  }
  if (!is_valid_code(CodeList::kPermanencePlan, input.permanence_plan)) {
    return Error::invalid("Choose the permanence plan the review confirmed", "permanence_plan");
  }
  if (trim(input.decisions).empty()) return Error::invalid("Write the review's decisions", "decisions");
  if (auto ok = check_length(input.decisions, kCareTextMaxLength, "decisions"); !ok) return ok.error();
  for (const LookedAfterReview& r : period->reviews) {
    if (r.held_on == input.held_on) {
      return Error::invalid("A review on " + input.held_on.iso() + " is already recorded", "held_on");
    }
  }
  DomainEvent e;
  e.type = "LookedAfterReviewRecorded";
  e.occurred_on = input.held_on;
  e.data = json{{"period_id", period_id},
                {"review_id", static_cast<int64_t>(period->reviews.size()) + 1},
                {"held_on", input.held_on.iso()},
                {"participation", input.participation},
                {"permanence_plan", input.permanence_plan},
                {"decisions", input.decisions},
                {"chair", chair}};
  return e;
}

Result<DomainEvent> reviewing_officer_appointed(const Person& child, const std::string& username,
                                                const std::string& name, Date today) {
  const PeriodOfCare* period = current_period(child);
  if (!period) return Error::invalid("The child is not looked after", "reviewing_officer");
  if (username.empty())
    return Error::invalid("Choose the independent reviewing officer", "reviewing_officer");
  if (username == period->reviewing_officer) {
    return Error::invalid(name + " is already the child's reviewing officer", "reviewing_officer");
  }
  DomainEvent e;
  e.type = "ReviewingOfficerAppointed";
  e.occurred_on = today;
  e.data = json{{"period_id", period->id}, {"username", username}, {"name", name}, {"on", today.iso()}};
  return e;
}

bool apply_care_event(Person& p, const DomainEvent& e) {
  if (e.type == "ReviewingOfficerAppointed") {
    PeriodOfCare& period = *find_period(p, e);
    period.reviewing_officer = event_text(e, "username");
    period.reviewing_officer_name = event_text(e, "name");
    return true;
  }
  if (e.type == "LookedAfterStarted") {
    PeriodOfCare period;
    period.id = event_int(e, "period_id");
    period.episode_id = event_int(e, "episode_id");
    period.start = event_date(e, "on");
    period.home_postcode = event_text(e, "home_postcode");
    CareEpisode first;
    first.start = period.start;
    first.reason_new = "S";
    first.legal_status = event_text(e, "legal_status");
    first.category_of_need = event_text(e, "category_of_need");
    first.placement = placement_of(e, event_member(e, "placement"));
    period.episodes.push_back(std::move(first));
    p.periods_of_care.push_back(std::move(period));
    return true;
  }
  if (e.type == "CareChanged") {
    PeriodOfCare& period = *find_period(p, e);
    CareEpisode& before = period.episodes.back();
    CareEpisode next;
    next.start = event_date(e, "on");
    next.reason_new = event_text(e, "reason_new");
    next.legal_status = event_text(e, "legal_status");
    next.category_of_need = before.category_of_need;
    next.placement = placement_of(e, event_member(e, "placement"));
    before.end = next.start;
    before.reason_ceased = "X1";
    before.reason_place_change = event_text(e, "reason_place_change");
    period.episodes.push_back(std::move(next));
    return true;
  }
  if (e.type == "LookedAfterEnded") {
    CareEpisode& last = find_period(p, e)->episodes.back();
    last.end = event_date(e, "on");
    last.reason_ceased = event_text(e, "reason");
    return true;
  }
  if (e.type == "LookedAfterReviewRecorded") {
    PeriodOfCare& period = *find_period(p, e);
    LookedAfterReview r;
    r.id = event_int(e, "review_id");
    r.held_on = event_date(e, "held_on");
    r.participation = event_text(e, "participation");
    r.permanence_plan = event_text(e, "permanence_plan");
    r.decisions = event_text(e, "decisions");
    r.chair = event_text(e, "chair");
    const auto at = std::upper_bound(period.reviews.begin(), period.reviews.end(), r.held_on,
                                     [](Date on, const LookedAfterReview& x) { return on < x.held_on; });
    period.reviews.insert(at, std::move(r));
    return true;
  }
  return false;
}

std::string describe_care_event(const DomainEvent& e) {
  try {
    if (e.type == "LookedAfterStarted") {
      const json& pl = e.data.at("placement");
      return "Became looked after (" + e.data.at("legal_status").get<std::string>() + "), placed with " +
             pl.at("carer").get<std::string>() + " (" + pl.at("type").get<std::string>() + ")";
    }
    if (e.type == "CareChanged") {
      const std::string rne = e.data.at("reason_new").get<std::string>();
      const json& pl = e.data.at("placement");
      if (rne == "L") return "Legal status changed to " + e.data.at("legal_status").get<std::string>();
      std::string line = "Placement changed: " + pl.at("carer").get<std::string>() + " (" +
                         pl.at("type").get<std::string>() + ")";
      if (rne == "B" || rne == "U")
        line += ", and legal status changed to " + e.data.at("legal_status").get<std::string>();
      return line;
    }
    if (e.type == "LookedAfterEnded") {
      const std::string reason = e.data.at("reason").get<std::string>();
      return "Stopped being looked after: " +
             std::string(code_label(CodeList::kReasonEpisodeCeased, reason).value_or(reason));
    }
    if (e.type == "ReviewingOfficerAppointed") {
      return "Independent reviewing officer appointed: " + e.data.at("name").get<std::string>();
    }
    if (e.type == "LookedAfterReviewRecorded") {
      return "Looked-after review chaired by " + e.data.at("chair").get<std::string>();
    }
  } catch (const nlohmann::json::exception&) {
    return e.type + " (the event's details could not be read)";
  }
  return {};
}

json placement_to_json(const Placement& p) {
  return json{{"type", p.type},
              {"provider", p.provider},
              {"carer", p.carer},
              {"postcode", p.postcode},
              {"urn", p.urn}};
}

Result<Placement> placement_from_json(const json& j, const std::string& field) {
  if (!j.is_object()) return Error::invalid("The placement is an object", field);
  Placement p;
  for (const auto& [key, target] :
       {std::pair{"type", &p.type}, std::pair{"provider", &p.provider}, std::pair{"carer", &p.carer},
        std::pair{"postcode", &p.postcode}, std::pair{"urn", &p.urn}}) {
    const auto it = j.find(key);
    if (it == j.end() || it->is_null()) continue;
    if (!it->is_string()) return Error::invalid("Must be text", field + "." + key);
    *target = it->get<std::string>();
  }
  return p;
}

}  // namespace safeguard
