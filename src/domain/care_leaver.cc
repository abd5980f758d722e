#include "domain/care_leaver.h"

#include <algorithm>

#include "core/text.h"
#include "domain/codes.h"
#include "domain/dated.h"
#include "domain/event_fields.h"
#include "domain/person.h"

namespace safeguard {
namespace {

using nlohmann::json;

bool is_short_break(std::string_view legal_status) { return legal_status == "V3" || legal_status == "V4"; }

Status check_day(const Person& person, Date on, Date today, const char* field) {
  if (on > today) return Error::invalid("The date cannot be in the future", field);
  const std::optional<Date>& born = person.details.date_of_birth;
  if (!born) return Error::invalid("The young person's date of birth is not recorded", field);
  if (on >= birthday(*born, 25)) {
    return Error::invalid("The young person was 25 by then: the council's support ends at 25", field);
  }
  if (care_leaver_category(person, on).empty()) {
    return Error::invalid("The young person was not a care leaver on " + long_date_text(on) +
                              ": looked after from their 16th birthday, or 13 weeks in care from 14",
                          field);
  }
  return {};
}

Status check_text(const std::string& text, const char* field, const char* what, bool required) {
  if (required && trim(text).empty()) return Error::invalid(what, field);
  if (text.size() > kCareLeaverTextMaxLength) {
    return Error::invalid("Too long: at most " + std::to_string(kCareLeaverTextMaxLength) + " characters",
                          field);
  }
  return {};
}

}  // namespace

std::optional<Date> qualified_on(const Person& person, Date on) {
  const std::optional<Date>& born = person.details.date_of_birth;
  if (!born) return std::nullopt;
  const Date fourteenth = birthday(*born, 14);
  const Date sixteenth = birthday(*born, 16);
  int days = 0;
  std::optional<Date> reached;        // the day the 91st day in care from 14 was reached
  std::optional<Date> after_sixteen;  // the first day in care from 16
  for (const PeriodOfCare& period : person.periods_of_care) {
    for (const CareEpisode& e : period.episodes) {
      if (is_short_break(e.legal_status)) continue;
      const Date from = std::max(e.start, fourteenth);
      // An episode's last day in care is the day before it ended, or `on` while it is open.
      const Date to = std::min(e.end ? *e.end - 1 : on, on);
      if (from > to) continue;
      if (!reached) {
        const int here = to - from + 1;
        if (days + here >= kQualifyingDays) reached = from + (kQualifyingDays - days - 1);
        days += here;
      }
      if (!after_sixteen && to >= sixteenth) after_sixteen = std::max(from, sixteenth);
    }
  }
  if (!reached || !after_sixteen) return std::nullopt;
  // Adopted (E11, E12), died in care (E2) or moved to another council's care (E3): not ours to
  // support as a care leaver.
  for (const PeriodOfCare& period : person.periods_of_care) {
    const std::string& rec = period.reason_ended();
    if (period.end() && *period.end() <= on && (rec == "E11" || rec == "E12" || rec == "E2" || rec == "E3")) {
      return std::nullopt;
    }
  }
  return std::max(*reached, *after_sixteen);
}

std::string care_leaver_category(const Person& person, Date on) {
  const std::optional<Date>& born = person.details.date_of_birth;
  if (!born || on < birthday(*born, 16) || on >= birthday(*born, 25)) return {};
  const bool adult = on >= birthday(*born, 18);
  if (qualified_on(person, on)) {
    if (adult) return "former_relevant";
    return looked_after_on(person, on) ? "eligible" : "relevant";
  }
  const Date sixteenth = birthday(*born, 16);
  for (const PeriodOfCare& period : person.periods_of_care) {
    if (period.start <= on && (!period.end() || *period.end() > sixteenth)) return "qualifying";
  }
  return {};
}

const CareLeaverContact* latest_contact(const Person& person, Date on) {
  const CareLeaverContact* latest = nullptr;
  for (const CareLeaverContact& c : person.leaving_care.contacts) {
    if (c.on <= on) latest = &c;
  }
  return latest;
}

Result<DomainEvent> pathway_plan_recorded(const Person& person, const PathwayPlan& input, Date today) {
  if (auto ok = check_day(person, input.on, today, "on"); !ok) return ok.error();
  const std::vector<PathwayPlan>& plans = person.leaving_care.plans;
  const bool review = !plans.empty();
  if (review && input.on < plans.front().on) {
    return Error::invalid(
        "The pathway plan was made on " + long_date_text(plans.front().on) + ": a review is on or after it",
        "on");
  }
  if (auto ok = check_text(
          input.plan, "plan",
          "Write the plan: the young person's needs and wishes, and what each person will do", true);
      !ok)
    return ok.error();
  DomainEvent e;
  e.type = "PathwayPlanRecorded";
  e.occurred_on = input.on;
  e.data = json{{"plan_id", static_cast<int64_t>(plans.size()) + 1},
                {"on", input.on.iso()},
                {"review", review},
                {"plan", input.plan},
                {"by", input.by}};
  return e;
}

Result<DomainEvent> personal_adviser_appointed(const Person& person, const std::string& username,
                                               const std::string& name, Date today) {
  if (care_leaver_category(person, today).empty()) {
    return Error::invalid("The young person is not a care leaver", "personal_adviser");
  }
  if (username.empty()) return Error::invalid("Choose the personal adviser", "personal_adviser");
  const std::vector<PersonalAdviser>& advisers = person.leaving_care.advisers;
  if (!advisers.empty() && advisers.back().username == username) {
    return Error::invalid(name + " is already the young person's personal adviser", "personal_adviser");
  }
  DomainEvent e;
  e.type = "PersonalAdviserAppointed";
  e.occurred_on = today;
  e.data = json{{"username", username}, {"name", name}, {"from", today.iso()}};
  return e;
}

Result<DomainEvent> care_leaver_contact_recorded(const Person& person, const CareLeaverContact& input,
                                                 Date today) {
  if (auto ok = check_day(person, input.on, today, "on"); !ok) return ok.error();
  if (looked_after_on(person, input.on)) {
    return Error::invalid("The young person was looked after that day: record a visit", "on");
  }
  if (!is_valid_code(CodeList::kInTouch, input.in_touch)) {
    return Error::invalid("Say whether the council is in touch with the young person", "in_touch");
  }
  CareLeaverContact c = input;
  if (c.activity.empty()) c.activity = "0";
  if (c.accommodation.empty()) c.accommodation = "0";
  if (!is_valid_code(CodeList::kCareLeaverActivity, c.activity)) {
    return Error::invalid("Choose the young person's main activity", "activity");
  }
  if (!is_valid_code(CodeList::kCareLeaverAccommodation, c.accommodation)) {
    return Error::invalid("Choose where the young person lives and whether it is suitable", "accommodation");
  }
  if (c.in_touch == "YES") {  // SSDA903 rule 345
    if (c.activity == "0") return Error::invalid("Choose the young person's main activity", "activity");
    if (c.accommodation == "0") {
      return Error::invalid("Choose where the young person lives and whether it is suitable",
                            "accommodation");
    }
  }
  if ((c.in_touch == "DIED" || c.in_touch == "RHOM") && (c.activity != "0" || c.accommodation != "0")) {
    return Error::invalid(c.in_touch == "DIED" ? "The young person has died: no activity or accommodation"
                                               : "Returned home: the return has no activity or accommodation",
                          c.activity != "0" ? "activity" : "accommodation");  // rule 344
  }
  const Date born = *person.details.date_of_birth;
  if ((c.accommodation == "Z1" || c.accommodation == "Z2") && c.on < birthday(born, 18)) {
    return Error::invalid("Staying put with former foster carers is from 18 (SSDA903 rule 3001)",
                          "accommodation");
  }
  if (auto ok = check_text(c.notes, "notes", "", false); !ok) return ok.error();
  DomainEvent e;
  e.type = "CareLeaverContactRecorded";
  e.occurred_on = c.on;
  e.data = json{{"contact_id", static_cast<int64_t>(person.leaving_care.contacts.size()) + 1},
                {"on", c.on.iso()},
                {"in_touch", c.in_touch},
                {"activity", c.activity},
                {"accommodation", c.accommodation},
                {"notes", c.notes},
                {"by", c.by}};
  return e;
}

bool apply_care_leaver_event(Person& p, const DomainEvent& e) {
  LeavingCare& l = p.leaving_care;
  if (e.type == "PathwayPlanRecorded") {
    PathwayPlan plan{event_int(e, "plan_id"), event_date(e, "on"), event_bool(e, "review"),
                     event_text(e, "plan"), event_text(e, "by")};
    insert_in_date_order(l.plans, std::move(plan), [](const PathwayPlan& x) { return x.on; });
    return true;
  }
  if (e.type == "PersonalAdviserAppointed") {
    l.advisers.push_back({event_text(e, "username"), event_text(e, "name"), event_date(e, "from")});
    return true;
  }
  if (e.type == "CareLeaverContactRecorded") {
    CareLeaverContact c{event_int(e, "contact_id"),
                        event_date(e, "on"),
                        event_text(e, "in_touch"),
                        event_text(e, "activity"),
                        event_text(e, "accommodation"),
                        event_text(e, "notes"),
                        event_text(e, "by")};
    insert_in_date_order(l.contacts, std::move(c), [](const CareLeaverContact& x) { return x.on; });
    return true;
  }
  return false;
}

std::string describe_care_leaver_event(const DomainEvent& e) {
  try {
    if (e.type == "PathwayPlanRecorded") {
      return e.data.at("review").get<bool>() ? "Pathway plan reviewed" : "Needs assessment and pathway plan";
    }
    if (e.type == "PersonalAdviserAppointed") {
      return "Personal adviser appointed: " + e.data.at("name").get<std::string>();
    }
    if (e.type == "CareLeaverContactRecorded") {
      const std::string in_touch = e.data.at("in_touch").get<std::string>();
      return "Care leaver contact: " +
             std::string(code_label(CodeList::kInTouch, in_touch).value_or(in_touch));
    }
  } catch (const nlohmann::json::exception&) {
    return e.type + " (the event's details could not be read)";
  }
  return {};
}

}  // namespace safeguard
