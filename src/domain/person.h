// A person known to children's services, child (born or unborn) or adult, as the fold of the events
// on their record: names with history, date of birth or expected date of birth, sex, ethnicity,
// first language, religion, disabilities, identifiers, addresses with dates, relationships with
// dates, and date of death.
//
// This module decides what is a valid person and which events a change produces; it does no I/O
// and knows no clock (today's date is passed in). Every check returns an Error naming the field at
// fault, with the same field names the web forms and the JSON API use:
//   forename, middle_names, surname, date_of_birth, expected_date_of_birth, sex, ethnicity,
//   first_language, religion, disabilities, identifiers[i].type/value, address.line1/line2/town/
//   postcode/from, relationship.related_person_id/type/from, date_of_death, reason.
//
// Thread safety: values and pure functions.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "core/date.h"
#include "core/result.h"
#include "domain/adoption.h"
#include "domain/assessment.h"
#include "domain/asylum.h"
#include "domain/care.h"
#include "domain/care_leaver.h"
#include "domain/child_journey.h"
#include "domain/event.h"
#include "domain/health.h"
#include "domain/missing.h"
#include "domain/plan.h"
#include "domain/protection.h"
#include "domain/visit.h"

namespace safeguard {

// Longest accepted values, in characters.
inline constexpr size_t kMaxNameLength = 100;
inline constexpr size_t kMaxAddressLineLength = 200;
inline constexpr size_t kMaxReasonLength = 2000;
inline constexpr size_t kMaxIdentifierLength = 40;

struct PersonName {
  std::string forename;
  std::string middle_names;
  std::string surname;

  // "Forename Middle Surname", skipping empty parts.
  std::string full() const;
  bool operator==(const PersonName&) const = default;
};

// The details a worker types when recording or correcting a person.
struct PersonDetails {
  PersonName name;
  std::optional<Date> date_of_birth;
  std::optional<Date> expected_date_of_birth;  // unborn children
  std::string sex = "U";                       // DfE Sex: M, F or U
  std::string ethnicity = "NOBT";              // DfE ethnicity code; NOBT = not yet obtained
  std::string first_language;                  // codes(kFirstLanguage); empty = not recorded
  std::string religion;                        // codes(kReligion); empty = not recorded
  std::vector<std::string> disabilities;       // DfE disability codes; empty = not recorded

  bool operator==(const PersonDetails&) const = default;
};

struct PreviousName {
  PersonName name;
  std::optional<Date> until;  // the day the person stopped using it
};

struct Identifier {
  std::string type;   // codes(kIdentifierType): council_child_id, upn, former_upn, nhs_number, legacy_id
  std::string value;  // normalised (UPN upper-case, NHS number digits only)
  bool operator==(const Identifier&) const = default;
};

struct Address {
  int64_t id = 0;  // within the person's record, from 1
  std::string line1;
  std::string line2;
  std::string town;
  std::string postcode;  // normalised "NR1 4AB"
  Date from;
  std::optional<Date> to;  // last day lived there; none while current

  // "12 Mill Lane, Aylsham, NR11 6AB", skipping empty parts.
  std::string one_line() const;
};

struct Relationship {
  int64_t id = 0;  // within the person's record, from 1
  int64_t related_person_id = 0;
  std::string type;  // codes(kRelationship): the related person is this person's <type>
  std::optional<Date> from;
  std::optional<Date> to;
};

struct Person {
  int64_t id = 0;
  int64_t version = 0;  // number of events folded
  PersonDetails details;
  std::vector<PreviousName> previous_names;
  std::optional<Date> date_of_death;
  std::vector<Identifier> identifiers;
  std::vector<Address> addresses;                        // in the order recorded
  std::vector<Relationship> relationships;               // in the order recorded
  std::vector<ContactOnRecord> contacts;                 // contacts about or involving them, oldest first
  std::vector<CinEpisode> episodes;                      // Children in Need episodes, oldest first
  std::vector<Allocation> allocations;                   // allocated social workers, oldest first
  std::vector<Assessment> assessments;                   // single assessments, oldest first
  std::vector<StrategyDiscussion> strategy_discussions;  // oldest first
  std::vector<Section47Enquiry> enquiries;               // section 47 enquiries, oldest first
  std::vector<ChildPlan> plans;                          // child in need and child protection plans
  std::vector<Visit> visits;                             // in date order
  std::vector<Supervision> supervisions;                 // case supervision, in date order
  std::vector<PeriodOfCare> periods_of_care;             // times looked after, oldest first
  std::vector<MissingEpisode> missing;                   // times missing or away, oldest first
  std::vector<ExploitationScreening> exploitation_screenings;  // oldest first
  HealthAndEducation health;                                   // of a child looked after
  LeavingCare leaving_care;                                    // pathway plans, adviser, contacts
  Permanence permanence;           // adoption decisions and matches, previous permanence
  std::optional<UascStatus> uasc;  // an unaccompanied asylum-seeking child: from when, and any end
  Timestamp first_recorded_at;
  Timestamp last_recorded_at;

  bool is_unborn() const { return !details.date_of_birth && details.expected_date_of_birth.has_value(); }
  // The address with no end date recorded last, if any.
  const Address* current_address() const;
  std::optional<std::string> identifier(std::string_view type) const;
};

// Checks details as a whole; `today` bounds dates of birth. Names are trimmed by the caller
// (see normalise_details).
Status validate_details(const PersonDetails& details, Date today);

// Trims names, upper-cases codes, sorts and de-duplicates disabilities.
PersonDetails normalise_details(PersonDetails details);

// Validates and normalises one identifier (UPN check letter, NHS number modulus 11, ...).
// `field` prefixes the error's field name, e.g. "identifiers[0]".
Result<Identifier> make_identifier(std::string_view type, std::string_view value, const std::string& field);

// Validates and normalises an address typed by a worker.
Result<Address> make_address(std::string line1, std::string line2, std::string town, std::string postcode,
                             std::optional<Date> from, Date today, const std::string& field = "address");

Status validate_reason(std::string_view reason, bool required);

// ---- Events. Each factory validates its input and returns the event to append. ----

// A new person, with any identifiers already known. An address is a separate AddressRecorded event
// (see address_recorded), appended with it.
Result<DomainEvent> person_recorded(const PersonDetails& details, const std::vector<Identifier>& identifiers,
                                    Date today);

// A correction of details that were recorded wrongly: the event holds every changed field with its
// old and new value. Fails with "nothing to correct" when nothing changed, and requires a reason.
Result<DomainEvent> details_corrected(const Person& person, const PersonDetails& corrected,
                                      std::string reason, Date today);

// A real change of name (marriage, adoption, deed poll): the old name becomes a previous name.
Result<DomainEvent> name_changed(const Person& person, const PersonName& new_name, Date effective_on,
                                 Date today);

// An unborn child's birth.
Result<DomainEvent> birth_recorded(const Person& person, Date date_of_birth, std::string sex, Date today);
Result<DomainEvent> death_recorded(const Person& person, Date date_of_death, Date today);

Result<DomainEvent> identifier_recorded(const Person& person, const Identifier& identifier, Date today);
Result<DomainEvent> identifier_removed(const Person& person, const Identifier& identifier, std::string reason,
                                       Date today);

// A new address; a current address that started before it ends the day before.
Result<DomainEvent> address_recorded(const Person& person, Address address, Date today);
Result<DomainEvent> address_ended(const Person& person, int64_t address_id, Date last_day, Date today);

// `related_person_id` is this person's `type` (e.g. their parent). The caller checks the related
// person exists; this checks it is not the person themself and the code and dates are valid.
Result<DomainEvent> relationship_recorded(const Person& person, int64_t related_person_id, std::string type,
                                          std::optional<Date> from, Date today);
Result<DomainEvent> relationship_ended(const Person& person, int64_t relationship_id, Date last_day,
                                       Date today);

// ---- Folding. ----

// Applies one recorded event to a person. Throws MalformedEvent if the data is not of the shape
// its type requires, and for unknown event types.
void apply_event(Person& person, const DomainEvent& event);

// Folds a whole stream. The id is the stream's person id.
Person fold_person(int64_t id, const std::vector<DomainEvent>& events);

// One line for the chronology, e.g. "Address recorded: 12 Mill Lane, NR1 4AB (from 1 May 2024)".
// `name_of` gives a related person's name for relationship events.
std::string describe_event(const DomainEvent& event, const std::function<std::string(int64_t)>& name_of);

// The JSON form of details (the API's and the events' field names), and back. from_json fails with
// the field at fault.
nlohmann::json details_to_json(const PersonDetails& details);
Result<PersonDetails> details_from_json(const nlohmann::json& json);

}  // namespace safeguard
