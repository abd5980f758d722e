#include "domain/person.h"

#include <algorithm>
#include <map>

#include "core/text.h"
#include "domain/codes.h"
#include "domain/identifiers.h"

namespace safeguard {
namespace {

using nlohmann::json;

const Date kEarliestDate = Date::from_ymd(1900, 1, 1);
// An expected date of birth is at most 42 weeks ahead, and at most 6 weeks past (a birth not yet
// recorded); further out it is almost certainly a typing error.
constexpr int kExpectedBirthMaxDaysAhead = 42 * 7;
constexpr int kExpectedBirthMaxDaysPast = 6 * 7;

// ---- checks ----

Status check_text(std::string_view value, std::string_view label, const std::string& field, size_t max_length,
                  bool required, bool multiline = false) {
  if (!is_valid_utf8(value))
    return Error::invalid(std::string(label) + " contains characters that are not valid text", field);
  if (has_control_characters(value, multiline)) {
    return Error::invalid(std::string(label) + " contains control characters", field);
  }
  if (required && trim(value).empty()) return Error::invalid("Enter " + std::string(label), field);
  if (utf8_length(value) > max_length) {
    return Error::invalid(
        std::string(label) + " must be " + std::to_string(max_length) + " characters or fewer", field);
  }
  return Status::success();
}

Status check_code(CodeList list, std::string_view code, const std::string& field, bool allow_empty) {
  if (code.empty() && allow_empty) return Status::success();
  if (!is_valid_code(list, code)) {
    return Error::invalid("\"" + std::string(code.substr(0, 40)) + "\" is not a valid " +
                              std::string(code_list_name(list)) + " code",
                          field);
  }
  return Status::success();
}

std::string label_or_code(CodeList list, std::string_view code) {
  if (code.empty()) return "not recorded";
  const auto label = code_label(list, code);
  return label ? std::string(*label) : std::string(code);
}

// ---- JSON reading for folding: malformed stored data throws ----

const json& member(const DomainEvent& event, const json& object, const char* key) {
  if (!object.is_object() || !object.contains(key))
    throw MalformedEvent(event.version, std::string("missing ") + key);
  return object.at(key);
}

std::string text_member(const DomainEvent& event, const json& object, const char* key) {
  const json& value = member(event, object, key);
  if (!value.is_string()) throw MalformedEvent(event.version, std::string(key) + " is not text");
  return value.get<std::string>();
}

int64_t int_member(const DomainEvent& event, const json& object, const char* key) {
  const json& value = member(event, object, key);
  if (!value.is_number_integer())
    throw MalformedEvent(event.version, std::string(key) + " is not a whole number");
  return value.get<int64_t>();
}

std::optional<Date> optional_date_member(const DomainEvent& event, const json& object, const char* key) {
  if (!object.is_object() || !object.contains(key) || object.at(key).is_null()) return std::nullopt;
  const json& value = object.at(key);
  if (!value.is_string()) throw MalformedEvent(event.version, std::string(key) + " is not a date");
  auto date = Date::parse_iso(value.get<std::string>());
  if (!date) throw MalformedEvent(event.version, std::string(key) + " is not a date");
  return date;
}

Date date_member(const DomainEvent& event, const json& object, const char* key) {
  auto date = optional_date_member(event, object, key);
  if (!date) throw MalformedEvent(event.version, std::string("missing ") + key);
  return *date;
}

json optional_date_json(const std::optional<Date>& date) { return date ? json(date->iso()) : json(nullptr); }

json name_to_json(const PersonName& name) {
  return json{{"forename", name.forename}, {"middle_names", name.middle_names}, {"surname", name.surname}};
}

PersonName name_from_event(const DomainEvent& event, const json& object) {
  return PersonName{text_member(event, object, "forename"), text_member(event, object, "middle_names"),
                    text_member(event, object, "surname")};
}

json address_to_json(const Address& a) {
  return json{{"address_id", a.id},
              {"line1", a.line1},
              {"line2", a.line2},
              {"town", a.town},
              {"postcode", a.postcode},
              {"from", a.from.iso()},
              {"to", optional_date_json(a.to)}};
}

std::string date_text(const std::optional<Date>& date) {
  return date ? long_date_text(*date) : "not recorded";
}

// The fields of PersonDetails by their JSON names, with a label for messages and the chronology.
struct DetailField {
  const char* key;
  const char* label;
};
constexpr DetailField kDetailFields[] = {
    {"forename", "forename"},
    {"middle_names", "middle names"},
    {"surname", "surname"},
    {"date_of_birth", "date of birth"},
    {"expected_date_of_birth", "expected date of birth"},
    {"sex", "sex"},
    {"ethnicity", "ethnicity"},
    {"first_language", "first language"},
    {"religion", "religion"},
    {"disabilities", "disabilities"},
};

// A detail value as people read it: a label for a code, a long date for a date.
std::string display_detail(std::string_view key, const json& value) {
  if (value.is_null()) return "not recorded";
  if (key == "disabilities") {
    if (!value.is_array() || value.empty()) return "not recorded";
    std::string out;
    for (const auto& code : value) {
      if (!out.empty()) out += ", ";
      out += code.is_string() ? label_or_code(CodeList::kDisability, code.get<std::string>()) : "?";
    }
    return out;
  }
  if (!value.is_string()) return value.dump();
  const std::string text = value.get<std::string>();
  if (key == "date_of_birth" || key == "expected_date_of_birth") {
    const auto date = Date::parse_iso(text);
    return date ? long_date_text(*date) : text;
  }
  if (key == "sex") return label_or_code(CodeList::kSex, text);
  if (key == "ethnicity") return label_or_code(CodeList::kEthnicity, text);
  if (key == "first_language") return label_or_code(CodeList::kFirstLanguage, text);
  if (key == "religion") return label_or_code(CodeList::kReligion, text);
  return text.empty() ? "not recorded" : "\u201c" + text + "\u201d";
}

Result<Date> check_event_date(std::optional<Date> date, Date today, const std::string& field,
                              std::string_view label) {
  if (!date) return Error::invalid("Enter " + std::string(label), field);
  if (*date > today) return Error::invalid(std::string(label) + " must be today or in the past", field);
  if (*date < kEarliestDate)
    return Error::invalid(std::string(label) + " must be after 1 January 1900", field);
  return *date;
}

bool is_single_valued(std::string_view type) {
  return type == "upn" || type == "nhs_number" || type == "council_child_id";
}

}  // namespace

// ---- values ----

std::string PersonName::full() const {
  std::string out;
  for (const std::string* part : {&forename, &middle_names, &surname}) {
    if (part->empty()) continue;
    if (!out.empty()) out += ' ';
    out += *part;
  }
  return out;
}

std::string Address::one_line() const {
  std::string out;
  for (const std::string* part : {&line1, &line2, &town, &postcode}) {
    if (part->empty()) continue;
    if (!out.empty()) out += ", ";
    out += *part;
  }
  return out;
}

const Address* Person::current_address() const {
  const Address* current = nullptr;
  for (const Address& a : addresses) {
    if (a.to) continue;
    if (!current || a.from >= current->from) current = &a;
  }
  return current;
}

std::optional<std::string> Person::identifier(std::string_view type) const {
  for (const Identifier& i : identifiers) {
    if (i.type == type) return i.value;
  }
  return std::nullopt;
}

// ---- validation ----

PersonDetails normalise_details(PersonDetails d) {
  d.name.forename = std::string(trim(d.name.forename));
  d.name.middle_names = std::string(trim(d.name.middle_names));
  d.name.surname = std::string(trim(d.name.surname));
  d.sex = to_upper_ascii(trim(d.sex));
  d.ethnicity = to_upper_ascii(trim(d.ethnicity));
  d.first_language = to_upper_ascii(trim(d.first_language));
  d.religion = to_upper_ascii(trim(d.religion));
  for (std::string& code : d.disabilities) code = to_upper_ascii(trim(code));
  std::erase_if(d.disabilities, [](const std::string& c) { return c.empty(); });
  std::sort(d.disabilities.begin(), d.disabilities.end());
  d.disabilities.erase(std::unique(d.disabilities.begin(), d.disabilities.end()), d.disabilities.end());
  return d;
}

Status validate_details(const PersonDetails& d, Date today) {
  const bool unborn = !d.date_of_birth && d.expected_date_of_birth;
  if (Status s = check_text(d.name.forename, "the forename", "forename", kMaxNameLength, !unborn); !s)
    return s;
  if (Status s = check_text(d.name.middle_names, "Middle names", "middle_names", kMaxNameLength, false); !s)
    return s;
  if (Status s = check_text(d.name.surname, "the surname", "surname", kMaxNameLength, true); !s) return s;

  if (d.date_of_birth && d.expected_date_of_birth) {
    return Error::invalid("Enter a date of birth or an expected date of birth, not both",
                          "expected_date_of_birth");
  }
  if (d.date_of_birth) {
    if (*d.date_of_birth > today)
      return Error::invalid("Date of birth must be today or in the past", "date_of_birth");
    if (*d.date_of_birth < kEarliestDate)
      return Error::invalid("Date of birth must be after 1 January 1900", "date_of_birth");
  }
  if (d.expected_date_of_birth) {
    if (*d.expected_date_of_birth > today + kExpectedBirthMaxDaysAhead) {
      return Error::invalid("Expected date of birth must be within 42 weeks from today",
                            "expected_date_of_birth");
    }
    if (*d.expected_date_of_birth < today - kExpectedBirthMaxDaysPast) {
      return Error::invalid(
          "Expected date of birth is more than 6 weeks ago: if the child has been born, record the birth",
          "expected_date_of_birth");
    }
  }
  if (Status s = check_code(CodeList::kSex, d.sex, "sex", false); !s) return s;
  if (unborn && d.sex != "U") {
    return Error::invalid("An unborn child's sex must be recorded as not known (U)", "sex");
  }
  if (Status s = check_code(CodeList::kEthnicity, d.ethnicity, "ethnicity", false); !s) return s;
  if (Status s = check_code(CodeList::kFirstLanguage, d.first_language, "first_language", true); !s) return s;
  if (Status s = check_code(CodeList::kReligion, d.religion, "religion", true); !s) return s;
  for (const std::string& code : d.disabilities) {
    if (Status s = check_code(CodeList::kDisability, code, "disabilities", false); !s) return s;
  }
  if (d.disabilities.size() > 1 &&
      std::find(d.disabilities.begin(), d.disabilities.end(), "NONE") != d.disabilities.end()) {
    return Error::invalid("\"No disability\" cannot be combined with a disability", "disabilities");
  }
  return Status::success();
}

Result<Identifier> make_identifier(std::string_view type, std::string_view value, const std::string& field) {
  const std::string type_text(trim(type));
  if (!is_valid_code(CodeList::kIdentifierType, type_text)) {
    return Error::invalid("\"" + type_text.substr(0, 40) + "\" is not a kind of identifier Safeguard records",
                          field + ".type");
  }
  const std::string value_field = field + ".value";
  std::string v(trim(value));
  if (Status s = check_text(v, "the identifier", value_field, kMaxIdentifierLength, true); !s)
    return s.error();
  if (type_text == "upn" || type_text == "former_upn") {
    v = normalise_upn(v);
    if (!is_valid_upn(v)) {
      return Error::invalid(
          "Enter a real UPN: 13 characters, a check letter then 12 digits (or 11 digits and a letter); "
          "\"" +
              v + "\" does not pass the check-letter test",
          value_field);
    }
  } else if (type_text == "nhs_number") {
    v = normalise_nhs_number(v);
    if (!is_valid_nhs_number(v)) {
      return Error::invalid(
          "Enter a real NHS number: 10 digits whose last digit is the modulus 11 check digit", value_field);
    }
  } else if (type_text == "council_child_id") {
    if (v.size() > 20 || !std::all_of(v.begin(), v.end(),
                                      [](char c) { return std::isalnum(static_cast<unsigned char>(c)); })) {
      return Error::invalid("A council child ID is up to 20 letters and digits", value_field);
    }
  }
  return Identifier{type_text, v};
}

Result<Address> make_address(std::string line1, std::string line2, std::string town, std::string postcode,
                             std::optional<Date> from, Date today, const std::string& field) {
  Address a;
  a.line1 = std::string(trim(line1));
  a.line2 = std::string(trim(line2));
  a.town = std::string(trim(town));
  if (Status s =
          check_text(a.line1, "the first line of the address", field + ".line1", kMaxAddressLineLength, true);
      !s) {
    return s.error();
  }
  if (Status s = check_text(a.line2, "The second line of the address", field + ".line2",
                            kMaxAddressLineLength, false);
      !s) {
    return s.error();
  }
  if (Status s = check_text(a.town, "The town", field + ".town", kMaxNameLength, false); !s) return s.error();
  if (Status s = check_text(postcode, "the postcode", field + ".postcode", 10, true); !s) return s.error();
  a.postcode = normalise_postcode(postcode);
  if (!is_valid_postcode(a.postcode))
    return Error::invalid("Enter a real postcode, like NR1 4AB", field + ".postcode");
  auto start = check_event_date(from ? from : std::optional<Date>(today), today, field + ".from",
                                "The date they moved in");
  if (!start) return start.error();
  a.from = *start;
  return a;
}

Status validate_reason(std::string_view reason, bool required) {
  if (required && trim(reason).empty())
    return Error::invalid("Enter the reason for the correction", "reason");
  return check_text(reason, "The reason", "reason", kMaxReasonLength, required, true);
}

// ---- events ----

Result<DomainEvent> person_recorded(const PersonDetails& details, const std::vector<Identifier>& identifiers,
                                    Date today) {
  if (Status s = validate_details(details, today); !s) return s.error();
  json ids = json::array();
  for (size_t i = 0; i < identifiers.size(); ++i) {
    for (size_t j = 0; j < i; ++j) {
      if (identifiers[j].type == identifiers[i].type && is_single_valued(identifiers[i].type)) {
        return Error::invalid(
            "Enter only one " + label_or_code(CodeList::kIdentifierType, identifiers[i].type),
            "identifiers[" + std::to_string(i) + "].type");
      }
    }
    ids.push_back(json{{"type", identifiers[i].type}, {"value", identifiers[i].value}});
  }
  DomainEvent e;
  e.type = "PersonRecorded";
  e.occurred_on = today;
  e.data = json{{"details", details_to_json(details)}, {"identifiers", ids}};
  return e;
}

Result<DomainEvent> details_corrected(const Person& person, const PersonDetails& corrected,
                                      std::string reason, Date today) {
  if (Status s = validate_reason(reason, true); !s) return s.error();
  PersonDetails proposed = normalise_details(corrected);
  // A person already born keeps their date of birth, an unborn child their expected date, unless
  // the correction says otherwise: validate the whole as it would stand.
  if (Status s = validate_details(proposed, today); !s) return s.error();
  const json before = details_to_json(person.details);
  const json after = details_to_json(proposed);
  json changes = json::object();
  for (const DetailField& f : kDetailFields) {
    if (before.at(f.key) != after.at(f.key))
      changes[f.key] = json{{"from", before.at(f.key)}, {"to", after.at(f.key)}};
  }
  if (changes.empty())
    return Error::invalid("Nothing has changed: change a detail to correct it", "forename");
  DomainEvent e;
  e.type = "PersonDetailsCorrected";
  e.occurred_on = today;
  e.reason = std::string(trim(reason));
  e.data = json{{"changes", changes}};
  return e;
}

Result<DomainEvent> name_changed(const Person& person, const PersonName& new_name, Date effective_on,
                                 Date today) {
  PersonDetails d = person.details;
  d.name = new_name;
  d = normalise_details(d);
  if (Status s = validate_details(d, today); !s) return s.error();
  if (d.name == person.details.name)
    return Error::invalid("The new name is the same as the current name", "surname");
  auto when = check_event_date(effective_on, today, "from", "The date of the change of name");
  if (!when) return when.error();
  DomainEvent e;
  e.type = "NameChanged";
  e.occurred_on = *when;
  e.data = json{{"from", name_to_json(person.details.name)}, {"to", name_to_json(d.name)}};
  return e;
}

Result<DomainEvent> birth_recorded(const Person& person, Date date_of_birth, std::string sex, Date today) {
  if (!person.is_unborn()) return Error::invalid("This person's birth is already recorded", "date_of_birth");
  PersonDetails d = person.details;
  d.date_of_birth = date_of_birth;
  d.expected_date_of_birth.reset();
  d.sex = to_upper_ascii(trim(sex));
  if (d.name.forename.empty())
    return Error::invalid("Enter the child's forename (correct the name first)", "forename");
  if (Status s = validate_details(d, today); !s) return s.error();
  DomainEvent e;
  e.type = "BirthRecorded";
  e.occurred_on = date_of_birth;
  e.data = json{{"date_of_birth", date_of_birth.iso()}, {"sex", d.sex}};
  return e;
}

Result<DomainEvent> death_recorded(const Person& person, Date date_of_death, Date today) {
  if (person.date_of_death) return Error::invalid("A date of death is already recorded", "date_of_death");
  auto when = check_event_date(date_of_death, today, "date_of_death", "The date of death");
  if (!when) return when.error();
  if (person.details.date_of_birth && *when < *person.details.date_of_birth) {
    return Error::invalid("The date of death must be on or after the date of birth", "date_of_death");
  }
  DomainEvent e;
  e.type = "DeathRecorded";
  e.occurred_on = *when;
  e.data = json{{"date_of_death", when->iso()}};
  return e;
}

Result<DomainEvent> identifier_recorded(const Person& person, const Identifier& identifier, Date today) {
  std::optional<std::string> replaces;
  for (const Identifier& existing : person.identifiers) {
    if (existing == identifier)
      return Error::invalid("This identifier is already recorded", "identifier.value");
    if (existing.type == identifier.type && is_single_valued(identifier.type)) replaces = existing.value;
  }
  DomainEvent e;
  e.type = "IdentifierRecorded";
  e.occurred_on = today;
  e.data = json{{"type", identifier.type}, {"value", identifier.value}};
  if (replaces) e.data["replaces"] = *replaces;
  return e;
}

Result<DomainEvent> identifier_removed(const Person& person, const Identifier& identifier, std::string reason,
                                       Date today) {
  if (Status s = validate_reason(reason, true); !s) return s.error();
  if (std::find(person.identifiers.begin(), person.identifiers.end(), identifier) ==
      person.identifiers.end()) {
    return Error::not_found("This person has no such identifier");
  }
  DomainEvent e;
  e.type = "IdentifierRemoved";
  e.occurred_on = today;
  e.reason = std::string(trim(reason));
  e.data = json{{"type", identifier.type}, {"value", identifier.value}};
  return e;
}

Result<DomainEvent> address_recorded(const Person& person, Address address, Date today) {
  if (address.from > today)
    return Error::invalid("The date they moved in must be today or in the past", "address.from");
  address.id = static_cast<int64_t>(person.addresses.size()) + 1;
  json ends = json::array();
  for (const Address& a : person.addresses) {
    if (a.to) continue;
    if (a.from >= address.from) {
      return Error::invalid("The current address started on " + long_date_text(a.from) +
                                ": a new address must start after it (end or correct that address first)",
                            "address.from");
    }
    ends.push_back(json{{"address_id", a.id}, {"to", (address.from - 1).iso()}});
  }
  DomainEvent e;
  e.type = "AddressRecorded";
  e.occurred_on = address.from;
  e.data = address_to_json(address);
  e.data.erase("to");
  e.data["ends"] = ends;
  return e;
}

Result<DomainEvent> address_ended(const Person& person, int64_t address_id, Date last_day, Date today) {
  const auto it = std::find_if(person.addresses.begin(), person.addresses.end(),
                               [&](const Address& a) { return a.id == address_id; });
  if (it == person.addresses.end())
    return Error::not_found("This person has no address " + std::to_string(address_id));
  if (it->to) return Error::invalid("This address has already ended", "to");
  if (last_day < it->from) return Error::invalid("An address cannot end before it started", "to");
  if (last_day > today)
    return Error::invalid("The last day at the address must be today or in the past", "to");
  DomainEvent e;
  e.type = "AddressEnded";
  e.occurred_on = last_day;
  e.data = json{{"address_id", address_id}, {"to", last_day.iso()}};
  return e;
}

Result<DomainEvent> relationship_recorded(const Person& person, int64_t related_person_id, std::string type,
                                          std::optional<Date> from, Date today) {
  if (related_person_id == person.id)
    return Error::invalid("A person cannot be related to themself", "relationship.related_person_id");
  if (related_person_id <= 0)
    return Error::invalid("Choose the related person", "relationship.related_person_id");
  type = std::string(trim(type));
  if (Status s = check_code(CodeList::kRelationship, type, "relationship.type", false); !s) return s.error();
  for (const Relationship& r : person.relationships) {
    if (r.related_person_id == related_person_id && r.type == type && !r.to) {
      return Error::invalid("This relationship is already recorded", "relationship.type");
    }
  }
  if (from) {
    auto checked = check_event_date(from, today, "relationship.from", "The date the relationship started");
    if (!checked) return checked.error();
  }
  DomainEvent e;
  e.type = "RelationshipRecorded";
  e.occurred_on = from.value_or(today);
  e.data = json{{"relationship_id", static_cast<int64_t>(person.relationships.size()) + 1},
                {"related_person_id", related_person_id},
                {"type", type},
                {"from", optional_date_json(from)}};
  return e;
}

Result<DomainEvent> relationship_ended(const Person& person, int64_t relationship_id, Date last_day,
                                       Date today) {
  const auto it = std::find_if(person.relationships.begin(), person.relationships.end(),
                               [&](const Relationship& r) { return r.id == relationship_id; });
  if (it == person.relationships.end())
    return Error::not_found("This person has no relationship " + std::to_string(relationship_id));
  if (it->to) return Error::invalid("This relationship has already ended", "to");
  if (it->from && last_day < *it->from)
    return Error::invalid("A relationship cannot end before it started", "to");
  if (last_day > today) return Error::invalid("The end date must be today or in the past", "to");
  DomainEvent e;
  e.type = "RelationshipEnded";
  e.occurred_on = last_day;
  e.data = json{{"relationship_id", relationship_id}, {"to", last_day.iso()}};
  return e;
}

// ---- folding ----

void apply_event(Person& p, const DomainEvent& e) {
  const json& d = e.data;
  if (e.type == "PersonRecorded") {
    auto details = details_from_json(member(e, d, "details"));
    if (!details) throw MalformedEvent(e.version, details.error().message);
    p.details = *details;
    const json& ids = member(e, d, "identifiers");
    if (!ids.is_array()) throw MalformedEvent(e.version, "identifiers is not a list");
    for (const json& i : ids)
      p.identifiers.push_back({text_member(e, i, "type"), text_member(e, i, "value")});
    p.first_recorded_at = e.recorded_at;
  } else if (e.type == "PersonDetailsCorrected") {
    const json& changes = member(e, d, "changes");
    if (!changes.is_object()) throw MalformedEvent(e.version, "changes is not an object");
    json current = details_to_json(p.details);
    for (const auto& [key, change] : changes.items()) {
      if (!current.contains(key)) throw MalformedEvent(e.version, "unknown detail " + key);
      current[key] = member(e, change, "to");
    }
    auto details = details_from_json(current);
    if (!details) throw MalformedEvent(e.version, details.error().message);
    p.details = *details;
  } else if (e.type == "NameChanged") {
    p.previous_names.push_back({p.details.name, e.occurred_on - 1});
    p.details.name = name_from_event(e, member(e, d, "to"));
  } else if (e.type == "BirthRecorded") {
    p.details.date_of_birth = date_member(e, d, "date_of_birth");
    p.details.expected_date_of_birth.reset();
    p.details.sex = text_member(e, d, "sex");
  } else if (e.type == "DeathRecorded") {
    p.date_of_death = date_member(e, d, "date_of_death");
  } else if (e.type == "IdentifierRecorded") {
    Identifier id{text_member(e, d, "type"), text_member(e, d, "value")};
    if (d.contains("replaces")) {
      std::erase_if(p.identifiers, [&](const Identifier& i) { return i.type == id.type; });
    }
    p.identifiers.push_back(id);
  } else if (e.type == "IdentifierRemoved") {
    const Identifier id{text_member(e, d, "type"), text_member(e, d, "value")};
    std::erase(p.identifiers, id);
  } else if (e.type == "AddressRecorded") {
    const json& ends = member(e, d, "ends");
    if (!ends.is_array()) throw MalformedEvent(e.version, "ends is not a list");
    for (const json& end : ends) {
      const int64_t id = int_member(e, end, "address_id");
      for (Address& a : p.addresses) {
        if (a.id == id) a.to = date_member(e, end, "to");
      }
    }
    Address a;
    a.id = int_member(e, d, "address_id");
    a.line1 = text_member(e, d, "line1");
    a.line2 = text_member(e, d, "line2");
    a.town = text_member(e, d, "town");
    a.postcode = text_member(e, d, "postcode");
    a.from = date_member(e, d, "from");
    p.addresses.push_back(a);
  } else if (e.type == "AddressEnded") {
    const int64_t id = int_member(e, d, "address_id");
    for (Address& a : p.addresses) {
      if (a.id == id) a.to = date_member(e, d, "to");
    }
  } else if (e.type == "RelationshipRecorded") {
    Relationship r;
    r.id = int_member(e, d, "relationship_id");
    r.related_person_id = int_member(e, d, "related_person_id");
    r.type = text_member(e, d, "type");
    r.from = optional_date_member(e, d, "from");
    p.relationships.push_back(r);
  } else if (e.type == "RelationshipEnded") {
    const int64_t id = int_member(e, d, "relationship_id");
    for (Relationship& r : p.relationships) {
      if (r.id == id) r.to = date_member(e, d, "to");
    }
  } else if (!apply_journey_event(p, e) && !apply_assessment_event(p, e) && !apply_protection_event(p, e) &&
             !apply_plan_event(p, e) && !apply_visit_event(p, e) && !apply_care_event(p, e) &&
             !apply_missing_event(p, e) && !apply_health_event(p, e) && !apply_care_leaver_event(p, e) &&
             !apply_adoption_event(p, e) && !apply_asylum_event(p, e)) {
    throw MalformedEvent(e.version, "unknown event type " + e.type);
  }
  p.version = e.version;
  p.last_recorded_at = e.recorded_at;
}

Person fold_person(int64_t id, const std::vector<DomainEvent>& events) {
  Person p;
  p.id = id;
  for (const DomainEvent& e : events) apply_event(p, e);
  return p;
}

std::string describe_event(const DomainEvent& e, const std::function<std::string(int64_t)>& name_of) {
  const json& d = e.data;
  try {
    if (e.type == "PersonRecorded") {
      auto details = details_from_json(d.at("details"));
      if (!details) return "Person recorded";
      std::string out = "Person recorded: " + details->name.full();
      if (details->date_of_birth) out += ", born " + long_date_text(*details->date_of_birth);
      if (details->expected_date_of_birth)
        out += ", unborn, expected " + long_date_text(*details->expected_date_of_birth);
      return out;
    }
    if (e.type == "PersonDetailsCorrected") {
      std::string out = "Details corrected: ";
      bool first = true;
      for (const DetailField& f : kDetailFields) {
        if (!d.at("changes").contains(f.key)) continue;
        const json& change = d.at("changes").at(f.key);
        if (!first) out += "; ";
        first = false;
        out += std::string(f.label) + " from " + display_detail(f.key, change.at("from")) + " to " +
               display_detail(f.key, change.at("to"));
      }
      return out;
    }
    if (e.type == "NameChanged") {
      return "Name changed from " + name_from_event(e, d.at("from")).full() + " to " +
             name_from_event(e, d.at("to")).full();
    }
    if (e.type == "BirthRecorded")
      return "Birth recorded: born " + date_text(Date::parse_iso(d.at("date_of_birth").get<std::string>()));
    if (e.type == "DeathRecorded")
      return "Death recorded: died " + date_text(Date::parse_iso(d.at("date_of_death").get<std::string>()));
    if (e.type == "IdentifierRecorded" || e.type == "IdentifierRemoved") {
      const std::string type = d.at("type").get<std::string>();
      std::string value = d.at("value").get<std::string>();
      if (type == "nhs_number") value = format_nhs_number(value);
      return std::string(e.type == "IdentifierRecorded" ? "Identifier recorded: " : "Identifier removed: ") +
             label_or_code(CodeList::kIdentifierType, type) + " " + value;
    }
    if (e.type == "AddressRecorded") {
      Address a;
      a.line1 = d.at("line1").get<std::string>();
      a.line2 = d.at("line2").get<std::string>();
      a.town = d.at("town").get<std::string>();
      a.postcode = d.at("postcode").get<std::string>();
      return "Address recorded: " + a.one_line() + " (from " +
             date_text(Date::parse_iso(d.at("from").get<std::string>())) + ")";
    }
    if (e.type == "AddressEnded") {
      return "Address ended: last day " + date_text(Date::parse_iso(d.at("to").get<std::string>()));
    }
    if (e.type == "RelationshipRecorded") {
      const int64_t other = d.at("related_person_id").get<int64_t>();
      const auto label = code_label(CodeList::kRelationship, d.at("type").get<std::string>());
      return "Relationship recorded: " + (name_of ? name_of(other) : "person " + std::to_string(other)) +
             " is " + to_lower_ascii(label ? *label : "related") + " of this person";
    }
    if (e.type == "RelationshipEnded") {
      return "Relationship ended: last day " + date_text(Date::parse_iso(d.at("to").get<std::string>()));
    }
    if (std::string journey = describe_journey_event(e); !journey.empty()) return journey;
    if (std::string assessment = describe_assessment_event(e); !assessment.empty()) return assessment;
    if (std::string protection = describe_protection_event(e); !protection.empty()) return protection;
    if (std::string plan = describe_plan_event(e); !plan.empty()) return plan;
    if (std::string visit = describe_visit_event(e); !visit.empty()) return visit;
    if (std::string care = describe_care_event(e); !care.empty()) return care;
    if (std::string missing = describe_missing_event(e); !missing.empty()) return missing;
    if (std::string health = describe_health_event(e); !health.empty()) return health;
    if (std::string leaving = describe_care_leaver_event(e); !leaving.empty()) return leaving;
    if (std::string adoption = describe_adoption_event(e); !adoption.empty()) return adoption;
    if (std::string asylum = describe_asylum_event(e); !asylum.empty()) return asylum;
  } catch (const json::exception&) {
    return e.type + " (the event's details could not be read)";
  }
  return e.type;
}

// ---- JSON ----

json details_to_json(const PersonDetails& d) {
  return json{{"forename", d.name.forename},
              {"middle_names", d.name.middle_names},
              {"surname", d.name.surname},
              {"date_of_birth", optional_date_json(d.date_of_birth)},
              {"expected_date_of_birth", optional_date_json(d.expected_date_of_birth)},
              {"sex", d.sex},
              {"ethnicity", d.ethnicity},
              {"first_language", d.first_language},
              {"religion", d.religion},
              {"disabilities", d.disabilities}};
}

Result<PersonDetails> details_from_json(const json& j) {
  if (!j.is_object()) return Error::invalid("Expected an object of person details", "");
  PersonDetails d;
  const auto text = [&](const char* key, std::string& out) -> Status {
    if (!j.contains(key) || j.at(key).is_null()) return Status::success();
    if (!j.at(key).is_string()) return Error::invalid(std::string(key) + " must be text", key);
    out = j.at(key).get<std::string>();
    return Status::success();
  };
  const auto date = [&](const char* key, std::optional<Date>& out) -> Status {
    if (!j.contains(key) || j.at(key).is_null()) return Status::success();
    const json& v = j.at(key);
    if (!v.is_string())
      return Error::invalid(std::string(key) + " must be a date in the form YYYY-MM-DD", key);
    const std::string s = v.get<std::string>();
    if (s.empty()) return Status::success();
    out = Date::parse_iso(s);
    if (!out)
      return Error::invalid("\"" + s.substr(0, 40) + "\" is not a real date in the form YYYY-MM-DD", key);
    return Status::success();
  };
  for (const Status& s : {text("forename", d.name.forename), text("middle_names", d.name.middle_names),
                          text("surname", d.name.surname), date("date_of_birth", d.date_of_birth),
                          date("expected_date_of_birth", d.expected_date_of_birth), text("sex", d.sex),
                          text("ethnicity", d.ethnicity), text("first_language", d.first_language),
                          text("religion", d.religion)}) {
    if (!s) return s.error();
  }
  if (j.contains("disabilities") && !j.at("disabilities").is_null()) {
    const json& list = j.at("disabilities");
    if (!list.is_array())
      return Error::invalid("disabilities must be a list of DfE disability codes", "disabilities");
    for (const json& code : list) {
      if (!code.is_string())
        return Error::invalid("disabilities must be a list of DfE disability codes", "disabilities");
      d.disabilities.push_back(code.get<std::string>());
    }
  }
  return d;
}

}  // namespace safeguard
