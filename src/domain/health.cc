#include "domain/health.h"

#include <algorithm>

#include "core/text.h"
#include "domain/codes.h"
#include "domain/dated.h"
#include "domain/event_fields.h"
#include "domain/person.h"

namespace safeguard {
namespace {

using nlohmann::json;

// The checks every record shares: a day not in the future, on which the child was looked after.
Status check_day(const Person& child, Date day, Date today, const char* field) {
  if (day > today) return Error::invalid("The date cannot be in the future", field);
  const std::optional<Date>& born = child.details.date_of_birth;
  if (!born || day < *born) return Error::invalid("The date is on or after the child's birth", field);
  if (!looked_after_on(child, day)) {
    return Error::invalid("The child was not looked after on " + long_date_text(day) +
                              ": health and education are recorded for a child in care",
                          field);
  }
  return {};
}

Status check_text(const std::string& text, const char* field, const char* what, bool required) {
  if (required && trim(text).empty()) return Error::invalid(what, field);
  if (text.size() > kHealthTextMaxLength) {
    return Error::invalid("Too long: at most " + std::to_string(kHealthTextMaxLength) + " characters", field);
  }
  return {};
}

int age_on(const Person& child, Date day) { return age_in_years(*child.details.date_of_birth, day); }

DomainEvent event_of(const char* type, Date on, json data) {
  DomainEvent e;
  e.type = type;
  e.occurred_on = on;
  e.data = std::move(data);
  return e;
}

template <typename T>
int64_t next_id(const std::vector<T>& items) {
  int64_t id = 0;
  for (const T& item : items) id = std::max(id, item.id);
  return id + 1;
}

// Within the 12 months ending `year_end`.
bool in_year(Date day, Date year_end) { return day > add_years(year_end, -1) && day <= year_end; }

}  // namespace

int health_review_months(Date born, Date on) { return age_in_years(born, on) < 5 ? 6 : 12; }

Date reception_starts(Date born) {
  // Children born from 1 September to 31 August start reception together, the September after the
  // youngest turns 4.
  return Date::from_ymd(born.month() >= 9 ? born.year() + 5 : born.year() + 4, 9, 1);
}

Date year_eleven_ends(Date born) { return Date::from_ymd(reception_starts(born).year() + 12, 8, 31); }

Date end_of_next_term(Date day) {
  const int m = day.month();
  if (m >= 9) return Date::from_ymd(day.year() + 1, 3, 31);  // autumn: by the end of spring
  if (m <= 3) return Date::from_ymd(day.year(), 8, 31);      // spring: by the end of summer
  return Date::from_ymd(day.year(), 12, 31);                 // summer: by the end of autumn
}

Result<DomainEvent> health_check_recorded(const Person& child, const HealthCheck& input, Date today) {
  if (!is_valid_code(CodeList::kHealthCheck, input.kind)) {
    return Error::invalid("Choose the kind of health check", "kind");
  }
  if (auto ok = check_day(child, input.held_on, today, "held_on"); !ok) return ok.error();
  if (input.kind == "development" && age_on(child, input.held_on) >= 5) {
    return Error::invalid("Development checks are for children under 5: record a review health assessment",
                          "kind");
  }
  if (input.kind == "initial_assessment") {
    for (const PeriodOfCare& period : child.periods_of_care) {
      if (period.start > input.held_on || (period.end() && *period.end() < input.held_on)) continue;
      for (const HealthCheck& c : child.health.checks) {
        if (c.kind == "initial_assessment" && c.held_on >= period.start &&
            (!period.end() || c.held_on <= *period.end())) {
          return Error::invalid("The child's initial health assessment in this period of care was on " +
                                    long_date_text(c.held_on) + ": record a review health assessment",
                                "kind");
        }
      }
    }
  }
  if (auto ok = check_text(input.notes, "notes", "", false); !ok) return ok.error();
  return event_of("HealthCheckRecorded", input.held_on,
                  json{{"check_id", next_id(child.health.checks)},
                       {"kind", input.kind},
                       {"held_on", input.held_on.iso()},
                       {"notes", input.notes},
                       {"by", input.by}});
}

Result<DomainEvent> immunisations_recorded(const Person& child, const ImmunisationStatus& input, Date today) {
  if (auto ok = check_day(child, input.as_at, today, "as_at"); !ok) return ok.error();
  return event_of("ImmunisationsRecorded", input.as_at,
                  json{{"status_id", next_id(child.health.immunisations)},
                       {"as_at", input.as_at.iso()},
                       {"up_to_date", input.up_to_date},
                       {"by", input.by}});
}

Result<DomainEvent> sdq_recorded(const Person& child, const SdqRecord& input, Date today) {
  if (auto ok = check_day(child, input.on, today, "on"); !ok) return ok.error();
  const int age = age_on(child, input.on);
  const bool in_age = age >= 4 && age <= 16;
  if (input.score && !input.reason.empty()) {
    return Error::invalid("Give a score or the reason there is none, not both", "reason");
  }
  if (input.score) {
    if (*input.score < 0 || *input.score > kSdqMaxScore) {
      return Error::invalid("The total score is a whole number from 0 to 40 (SSDA903 rule 180)", "score");
    }
    if (!in_age) {
      return Error::invalid("The SDQ is scored for children aged 4 to 16: this child was " +
                                std::to_string(age) + ", so the reason is SDQ1",
                            "score");
    }
  } else {
    if (!is_valid_code(CodeList::kSdqReason, input.reason)) {
      return Error::invalid("Enter the total score, or choose why there is none", "score");
    }
    if ((input.reason == "SDQ1") == in_age) {
      return Error::invalid(
          in_age ? "The child was " + std::to_string(age) + ": SDQ1 is for a child under 4 or over 16"
                 : "The child was " + std::to_string(age) + ": outside 4 to 16 the reason is SDQ1",
          "reason");
    }
  }
  return event_of("SdqRecorded", input.on,
                  json{{"sdq_id", next_id(child.health.sdqs)},
                       {"on", input.on.iso()},
                       {"score", input.score ? json(*input.score) : json(nullptr)},
                       {"reason", input.score ? std::string() : input.reason},
                       {"by", input.by}});
}

Result<DomainEvent> substance_misuse_recorded(const Person& child, const SubstanceMisuse& input, Date today) {
  if (auto ok = check_day(child, input.identified_on, today, "identified_on"); !ok) return ok.error();
  if (input.intervention_received && !input.intervention_offered) {
    return Error::invalid("An intervention the child received was offered to them", "intervention_offered");
  }
  if (auto ok = check_text(input.notes, "notes",
                           "Say what the problem is: the substances, the worry, and the plan", true);
      !ok)
    return ok.error();
  return event_of("SubstanceMisuseRecorded", input.identified_on,
                  json{{"substance_misuse_id", next_id(child.health.substance_misuse)},
                       {"identified_on", input.identified_on.iso()},
                       {"notes", input.notes},
                       {"intervention_offered", input.intervention_offered},
                       {"intervention_received", input.intervention_received},
                       {"by", input.by}});
}

Result<DomainEvent> conviction_recorded(const Person& child, const Conviction& input, Date today) {
  if (auto ok = check_day(child, input.convicted_on, today, "convicted_on"); !ok) return ok.error();
  if (age_on(child, input.convicted_on) < 10) {
    return Error::invalid("A child under 10 cannot be convicted: 10 is the age of criminal responsibility",
                          "convicted_on");
  }
  if (auto ok = check_text(input.offence, "offence", "Say what the child was convicted of", true); !ok)
    return ok.error();
  return event_of("ConvictionRecorded", input.convicted_on,
                  json{{"conviction_id", next_id(child.health.convictions)},
                       {"convicted_on", input.convicted_on.iso()},
                       {"offence", input.offence},
                       {"by", input.by}});
}

Result<DomainEvent> education_plan_recorded(const Person& child, const EducationPlan& input, Date today) {
  if (auto ok = check_day(child, input.held_on, today, "held_on"); !ok) return ok.error();
  if (age_on(child, input.held_on) < 3) {
    return Error::invalid("A personal education plan is for a child of 3 or over", "held_on");
  }
  if (auto ok = check_text(input.school, "school", "Enter the school, college or nursery", true); !ok)
    return ok.error();
  if (auto ok =
          check_text(input.notes, "notes",
                     "Write the plan: progress, attendance, the targets and the support for them", true);
      !ok)
    return ok.error();
  return event_of("EducationPlanRecorded", input.held_on,
                  json{{"plan_id", next_id(child.health.education_plans)},
                       {"held_on", input.held_on.iso()},
                       {"school", input.school},
                       {"notes", input.notes},
                       {"by", input.by}});
}

std::optional<Oc2Outcomes> oc2_outcomes(const Person& child, Date year_end) {
  const std::optional<Date>& born = child.details.date_of_birth;
  if (!born) return std::nullopt;
  const Date first_day = add_years(year_end, -1) + 1;
  bool continuous = false;
  for (const PeriodOfCare& p : child.periods_of_care) {
    if (p.start <= first_day && (!p.end() || *p.end() >= year_end)) continuous = true;
    for (const CareEpisode& e : p.episodes) {
      const bool in_year = e.start <= year_end && (!e.end || *e.end >= first_day);
      if (in_year && (e.legal_status == "V3" || e.legal_status == "V4")) return std::nullopt;
    }
  }
  if (!continuous) return std::nullopt;
  const HealthAndEducation& h = child.health;
  Oc2Outcomes out;
  const int age = age_in_years(*born, year_end);
  out.sdq_due = birthday(*born, 4) <= year_end && birthday(*born, 17) >= first_day;
  for (const SdqRecord& s : h.sdqs) {
    if (!in_year(s.on, year_end)) continue;
    if (s.score) {
      out.sdq_score = s.score;
      out.sdq_reason.clear();
    } else if (!out.sdq_score) {
      out.sdq_reason = s.reason;
    }
  }
  if (birthday(*born, 10) < year_end) {
    out.convicted = false;
    for (const Conviction& c : h.convictions) *out.convicted |= in_year(c.convicted_on, year_end);
  }
  if (age < 5) out.health_check = false;
  for (const HealthCheck& c : h.checks) {
    if (!in_year(c.held_on, year_end)) continue;
    if (c.kind == "development" && out.health_check) out.health_check = true;
    out.teeth_check |= c.kind == "dental";
    out.health_assessment |= c.is_assessment();
  }
  for (const ImmunisationStatus& i : h.immunisations) {
    if (i.as_at <= year_end) out.immunisations = i.up_to_date;
  }
  bool offered = false;
  bool received = false;
  for (const SubstanceMisuse& s : h.substance_misuse) {
    if (!in_year(s.identified_on, year_end)) continue;
    out.substance_misuse = true;
    offered |= s.intervention_offered;
    received |= s.intervention_received;
  }
  if (out.substance_misuse) {
    out.intervention_received = received;
    if (!received) out.intervention_offered = offered;
  }
  return out;
}

bool apply_health_event(Person& p, const DomainEvent& e) {
  HealthAndEducation& h = p.health;
  if (e.type == "HealthCheckRecorded") {
    HealthCheck c{event_int(e, "check_id"), event_text(e, "kind"), event_date(e, "held_on"),
                  event_text(e, "notes"), event_text(e, "by")};
    insert_in_date_order(h.checks, std::move(c), [](const HealthCheck& x) { return x.held_on; });
    return true;
  }
  if (e.type == "ImmunisationsRecorded") {
    ImmunisationStatus i{event_int(e, "status_id"), event_date(e, "as_at"), event_bool(e, "up_to_date"),
                         event_text(e, "by")};
    insert_in_date_order(h.immunisations, std::move(i), [](const ImmunisationStatus& x) { return x.as_at; });
    return true;
  }
  if (e.type == "SdqRecorded") {
    SdqRecord s;
    s.id = event_int(e, "sdq_id");
    s.on = event_date(e, "on");
    if (!event_member(e, "score").is_null()) s.score = static_cast<int>(event_int(e, "score"));
    s.reason = event_text(e, "reason");
    s.by = event_text(e, "by");
    insert_in_date_order(h.sdqs, std::move(s), [](const SdqRecord& x) { return x.on; });
    return true;
  }
  if (e.type == "SubstanceMisuseRecorded") {
    SubstanceMisuse s{
        event_int(e, "substance_misuse_id"),   event_date(e, "identified_on"),         event_text(e, "notes"),
        event_bool(e, "intervention_offered"), event_bool(e, "intervention_received"), event_text(e, "by")};
    insert_in_date_order(h.substance_misuse, std::move(s),
                         [](const SubstanceMisuse& x) { return x.identified_on; });
    return true;
  }
  if (e.type == "ConvictionRecorded") {
    Conviction c{event_int(e, "conviction_id"), event_date(e, "convicted_on"), event_text(e, "offence"),
                 event_text(e, "by")};
    insert_in_date_order(h.convictions, std::move(c), [](const Conviction& x) { return x.convicted_on; });
    return true;
  }
  if (e.type == "EducationPlanRecorded") {
    EducationPlan plan{event_int(e, "plan_id"), event_date(e, "held_on"), event_text(e, "school"),
                       event_text(e, "notes"), event_text(e, "by")};
    insert_in_date_order(h.education_plans, std::move(plan),
                         [](const EducationPlan& x) { return x.held_on; });
    return true;
  }
  return false;
}

std::string describe_health_event(const DomainEvent& e) {
  try {
    if (e.type == "HealthCheckRecorded") {
      const std::string kind = e.data.at("kind").get<std::string>();
      return std::string(code_label(CodeList::kHealthCheck, kind).value_or(kind));
    }
    if (e.type == "ImmunisationsRecorded") {
      return e.data.at("up_to_date").get<bool>() ? "Immunisations up to date"
                                                 : "Immunisations not up to date";
    }
    if (e.type == "SdqRecorded") {
      const json& score = e.data.at("score");
      return score.is_null()
                 ? "Strengths and difficulties questionnaire: none (" +
                       e.data.at("reason").get<std::string>() + ")"
                 : "Strengths and difficulties questionnaire: score " + std::to_string(score.get<int>());
    }
    if (e.type == "SubstanceMisuseRecorded") return "Substance misuse problem identified";
    if (e.type == "ConvictionRecorded") return "Conviction recorded";
    if (e.type == "EducationPlanRecorded") {
      return "Personal education plan meeting at " + e.data.at("school").get<std::string>();
    }
  } catch (const nlohmann::json::exception&) {
    return e.type + " (the event's details could not be read)";
  }
  return {};
}

}  // namespace safeguard
