#include "app/settings.h"

#include <functional>
#include <map>

#include "domain/geography.h"
#include "domain/identifiers.h"
#include "store/audit_log.h"
#include "store/council_settings.h"

namespace safeguard {
namespace {

// Every setting's value, for applying definitions to.
struct CouncilPolicy {
  FrontDoorSettings front_door;
  CaseworkTimescales casework;
  std::string authority;  // the council's ONS code, empty until set
  std::string la_number;  // the council's DfE LA number, empty until set
};

// One setting: its name, what it means, its default, and how to check and apply a value.
struct Definition {
  const char* name;
  const char* description;
  const char* default_value;
  // Applies a value to the settings; false if the value is not one the setting takes.
  std::function<bool(CouncilPolicy&, const std::string&)> apply;
};

bool parse_yes_no(const std::string& value, bool& out) {
  if (value == "yes") {
    out = true;
    return true;
  }
  if (value == "no") {
    out = false;
    return true;
  }
  return false;
}

bool parse_int(const std::string& value, int low, int high, int& out) {
  if (value.empty() || value.size() > 4) return false;
  int v = 0;
  for (const char c : value) {
    if (c < '0' || c > '9') return false;
    v = v * 10 + (c - '0');
  }
  if (v < low || v > high) return false;
  out = v;
  return true;
}

bool parse_clock(const std::string& value, int& minutes) {
  int h = 0;
  int m = 0;
  if (value.size() != 5 || value[2] != ':' || !parse_int(value.substr(0, 2), 0, 23, h) ||
      !parse_int(value.substr(3, 2), 0, 59, m)) {
    return false;
  }
  minutes = h * 60 + m;
  return true;
}

std::function<bool(CouncilPolicy&, const std::string&)> yes_no(bool AuthorisationRules::*field) {
  return [field](CouncilPolicy& s, const std::string& v) {
    return parse_yes_no(v, s.front_door.authorisation.*field);
  };
}

std::function<bool(CouncilPolicy&, const std::string&)> count(int FrontDoorSettings::*field, int low,
                                                              int high) {
  return [=](CouncilPolicy& s, const std::string& v) { return parse_int(v, low, high, s.front_door.*field); };
}

std::function<bool(CouncilPolicy&, const std::string&)> count(int CaseworkTimescales::*field, int low,
                                                              int high) {
  return [=](CouncilPolicy& s, const std::string& v) { return parse_int(v, low, high, s.casework.*field); };
}

const std::vector<Definition>& definitions() {
  static const std::vector<Definition> kDefinitions = {
      {"council.authority",
       "The council's ONS code (E06, E08, E09 or E10 and six digits), for placements in and out of its area;"
       " none until set",
       "",
       [](CouncilPolicy& s, const std::string& v) {
         if (!v.empty() && !is_authority_code(v)) return false;
         s.authority = v;
         return true;
       }},
      {"council.la_number",
       "The council's DfE local authority number (three digits), the LEA of the Children in Need census;"
       " none until set",
       "",
       [](CouncilPolicy& s, const std::string& v) {
         if (!v.empty() && !is_la_number(v)) return false;
         s.la_number = v;
         return true;
       }},
      {"front_door.authorise.nfa_from_professional",
       "A manager authorises no further action on a contact from a professional (yes or no)", "yes",
       yes_no(&AuthorisationRules::nfa_from_professional)},
      {"front_door.authorise.strategy_discussion",
       "A manager authorises every strategy discussion (yes or no)", "yes",
       yes_no(&AuthorisationRules::strategy_discussion)},
      {"front_door.authorise.referral", "A manager authorises every referral for assessment (yes or no)",
       "no", yes_no(&AuthorisationRules::referral)},
      {"front_door.authorise.early_help", "A manager authorises every early help decision (yes or no)", "no",
       yes_no(&AuthorisationRules::early_help)},
      {"front_door.authorise.advice", "A manager authorises every advice or signposting decision (yes or no)",
       "no", yes_no(&AuthorisationRules::advice)},
      {"front_door.authorise.lado", "A manager authorises every referral to the LADO (yes or no)", "no",
       yes_no(&AuthorisationRules::lado)},
      {"mash.due.red_working_hours", "Working hours a MASH agency has to answer a red enquiry (1 to 40)", "4",
       count(&FrontDoorSettings::mash_red_working_hours, 1, 40)},
      {"mash.due.amber_working_days", "Working days a MASH agency has to answer an amber enquiry (1 to 10)",
       "1", count(&FrontDoorSettings::mash_amber_working_days, 1, 10)},
      {"mash.due.green_working_days", "Working days a MASH agency has to answer a green enquiry (1 to 20)",
       "3", count(&FrontDoorSettings::mash_green_working_days, 1, 20)},
      {"office.opens", "When the office opens, for working hours (HH:MM, London time)", "09:00",
       [](CouncilPolicy& s, const std::string& v) { return parse_clock(v, s.front_door.office.opens); }},
      {"office.closes", "When the office closes, for working hours (HH:MM, London time)", "17:00",
       [](CouncilPolicy& s, const std::string& v) { return parse_clock(v, s.front_door.office.closes); }},
      {"casework.cin_plan_review_months", "Months between reviews of a child in need plan (1 to 6)", "3",
       count(&CaseworkTimescales::cin_plan_review_months, 1, 6)},
      {"casework.visit.protection_working_days",
       "Working days between visits to a child on a child protection plan (5 to 20)", "10",
       count(&CaseworkTimescales::protection_visit_working_days, 5, 20)},
      {"casework.visit.child_in_need_working_days",
       "Working days between visits to a child on a child in need plan (5 to 60)", "20",
       count(&CaseworkTimescales::child_in_need_visit_working_days, 5, 60)},
      {"casework.supervision.protection_weeks",
       "Weeks between case supervisions while a child is on a child protection plan (1 to 8)", "4",
       count(&CaseworkTimescales::protection_supervision_weeks, 1, 8)},
      {"casework.supervision.weeks", "Weeks between case supervisions for other children (1 to 12)", "6",
       count(&CaseworkTimescales::supervision_weeks, 1, 12)},
      {"looked_after.visit.first_days",
       "Days after a looked-after child moves to new carers by which they are visited (1 to 7)", "7",
       count(&CaseworkTimescales::looked_after_first_visit_days, 1, 7)},
      {"looked_after.visit.weeks", "Weeks between statutory visits to a looked-after child (1 to 6)", "6",
       count(&CaseworkTimescales::looked_after_visit_weeks, 1, 6)},
      {"looked_after.visit.long_term_months",
       "Months between statutory visits once a long-term foster placement has lasted a year (1 to 3)", "3",
       count(&CaseworkTimescales::long_term_visit_months, 1, 3)},
  };
  return kDefinitions;
}

CouncilPolicy policy_of(const std::map<std::string, std::string>& stored) {
  CouncilPolicy policy;
  for (const Definition& d : definitions()) {
    const auto it = stored.find(d.name);
    // A stored value that no longer parses (edited by hand) falls back to the default.
    if (it == stored.end() || !d.apply(policy, it->second)) d.apply(policy, d.default_value);
  }
  if (policy.front_door.office.closes <= policy.front_door.office.opens)
    policy.front_door.office = OfficeHours{};
  return policy;
}

}  // namespace

FrontDoorSettings SettingsService::front_door() {
  return policy_of(CouncilSettings(db_.sql()).values()).front_door;
}

CaseworkTimescales SettingsService::timescales() {
  return policy_of(CouncilSettings(db_.sql()).values()).casework;
}

std::string SettingsService::council_authority() {
  return policy_of(CouncilSettings(db_.sql()).values()).authority;
}

std::string SettingsService::council_la_number() {
  return policy_of(CouncilSettings(db_.sql()).values()).la_number;
}

WorkingDayCalendar SettingsService::calendar() { return CouncilSettings(db_.sql()).calendar(); }

std::vector<Setting> SettingsService::all() {
  const auto stored = CouncilSettings(db_.sql()).values();
  std::vector<Setting> out;
  for (const Definition& d : definitions()) {
    const auto it = stored.find(d.name);
    out.push_back(
        {d.name, it == stored.end() ? d.default_value : it->second, d.description, it == stored.end()});
  }
  return out;
}

Status SettingsService::set(std::string_view actor, std::string_view name, std::string_view value) {
  for (const Definition& d : definitions()) {
    if (d.name != name) continue;
    CouncilPolicy trial = policy_of(CouncilSettings(db_.sql()).values());
    if (!d.apply(trial, std::string(value))) {
      return Error::invalid("\"" + std::string(value.substr(0, 40)) + "\" is not a value " + d.name +
                                " takes: " + d.description,
                            "value");
    }
    if (trial.front_door.office.closes <= trial.front_door.office.opens)
      return Error::invalid("The office must close after it opens", "value");
    return db_.transact([&]() -> Status {
      const Timestamp now = clock_.now();
      CouncilSettings(db_.sql()).set_value(name, value, actor, now);
      AuditLog(db_.sql()).record_administration(now, actor, "changed setting",
                                                std::string(name) + " = " + std::string(value));
      return Status::success();
    });
  }
  std::string names;
  for (const Definition& d : definitions()) names += std::string(names.empty() ? "" : ", ") + d.name;
  return Error::invalid("There is no setting \"" + std::string(name.substr(0, 60)) + "\". Settings: " + names,
                        "name");
}

}  // namespace safeguard
