// A contact: a worry about one or more children, told to the front door, and everything the front
// door does with it until every child on it has a decision: its urgency and who holds it, MASH
// enquiries to partner agencies and their answers, and one decision per child, authorised by a
// manager where the council's rules require it.
//
// A contact is its own event stream ("contact/<id>"). Each child (and adult) on it also gets an
// event on their own record, so their chronology shows the contact, the decision and, for a
// referral, the start of a Children in Need episode (child_journey.h).
//
// Pure: validation and the events a change produces, and folding. Time comes in as values. Field
// names in errors are the web form's and the API's:
//   received_at, source, referrer.name, referrer.relationship, referrer.phone, referrer.email,
//   concerns, factors, consent, lawful_basis, urgency, children, adults, holder,
//   enquiry.agencies, enquiry.question, enquiry.children, enquiry.fields, enquiry.lawful_basis,
//   answer, outcome, rationale, early_help_service, primary_need, note.
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
#include "domain/event.h"

namespace safeguard {

inline constexpr size_t kMaxConcernsLength = 20000;
inline constexpr size_t kMaxRationaleLength = 10000;
inline constexpr size_t kMaxAnswerLength = 20000;
inline constexpr size_t kMaxChildrenOnContact = 20;

struct Referrer {
  std::string name;
  std::string relationship;  // to the child, or the agency and role: "Class teacher, Park Primary"
  std::string phone;
  std::string email;
  bool operator==(const Referrer&) const = default;
};

// A front door decision for one child.
struct FrontDoorDecision {
  std::string outcome;  // codes(kFrontDoorOutcome)
  std::string rationale;
  std::string early_help_service;  // for early help: which service
  std::string primary_need;        // for a referral or strategy discussion, when known (N0-N9)
  Timestamp decided_at;
  std::string decided_by;
  bool needs_authorisation = false;
  // Set once authorised (or returned).
  std::optional<Timestamp> authorised_at;
  std::string authorised_by;
  std::string authorisation_note;

  // Final: no authorisation needed, or authorised.
  bool is_final() const { return !needs_authorisation || authorised_at.has_value(); }
};

struct ContactChild {
  int64_t person_id = 0;
  std::optional<FrontDoorDecision> decision;  // the current decision (a returned one is removed)
  // Every decision recorded, returned ones included, for the record of how it was decided.
  int decisions_returned = 0;
};

struct MashRequest {
  std::string agency;  // codes(kAgency)
  Timestamp due_at;
  std::optional<Timestamp> answered_at;
  std::string answered_by;
  std::string answer;
};

struct MashEnquiry {
  int64_t id = 0;  // within the contact, from 1
  Timestamp opened_at;
  std::string opened_by;
  std::string question;
  std::string lawful_basis;                // codes(kLawfulBasis)
  std::vector<int64_t> shared_children;    // person ids the partners may see
  std::vector<std::string> shared_fields;  // codes(kSharedField)
  std::vector<MashRequest> requests;       // one per agency asked
};

struct Contact {
  int64_t id = 0;
  int64_t version = 0;
  Timestamp received_at;
  std::string source;  // DfE referral source code
  Referrer referrer;
  std::string concerns;              // the caller's worry, in their own words
  std::vector<std::string> factors;  // DfE assessment factor codes already apparent
  std::string consent;               // codes(kConsent)
  std::string lawful_basis;          // codes(kLawfulBasis) when consent was not given
  std::string urgency;               // red, amber, green
  std::string holder;                // username of the worker holding it
  std::vector<ContactChild> children;
  std::vector<int64_t> adults;
  std::vector<MashEnquiry> enquiries;
  Timestamp recorded_at;
  std::string recorded_by;

  const ContactChild* child(int64_t person_id) const;
  // Every child has a final decision.
  bool is_decided() const;
  // Some child's decision waits for a manager.
  bool awaits_authorisation() const;
};

// What a worker types when recording a contact (children and adults already resolved to ids).
struct ContactInput {
  Timestamp received_at;
  std::string source;
  Referrer referrer;
  std::string concerns;
  std::vector<std::string> factors;
  std::string consent;
  std::string lawful_basis;
  std::string urgency;
  std::vector<int64_t> children;
  std::vector<int64_t> adults;
};

// Which decisions wait for a manager: the council's rules (defaults from the issue: NFA on a
// contact from a professional, and every strategy discussion).
struct AuthorisationRules {
  bool nfa_from_professional = true;
  bool strategy_discussion = true;
  bool referral = false;
  bool early_help = false;
  bool advice = false;
  bool lado = false;
};

// True if a referral source is a professional (an agency), not an individual, anonymous or unknown.
bool is_professional_source(std::string_view source);

// Whether a decision with this outcome, on a contact from this source, waits for a manager.
bool needs_authorisation(const AuthorisationRules& rules, std::string_view outcome, std::string_view source);

// ---- events; each validates ----

// `now` bounds the received time (not in the future, not more than a year ago).
Result<DomainEvent> contact_recorded(const ContactInput& input, const std::string& holder, Timestamp now);
Result<DomainEvent> urgency_changed(const Contact& contact, std::string urgency, Timestamp now);
Result<DomainEvent> holder_changed(const Contact& contact, std::string holder, Timestamp now);

struct MashEnquiryInput {
  std::vector<std::string> agencies;
  std::string question;
  std::string lawful_basis;
  std::vector<int64_t> children;
  std::vector<std::string> fields;
};
// `due_at` gives each agency's due time (computed by the caller from the council's settings).
Result<DomainEvent> mash_enquiry_opened(const Contact& contact, const MashEnquiryInput& input,
                                        const std::vector<Timestamp>& due_at, Timestamp now);
Result<DomainEvent> mash_agency_answered(const Contact& contact, int64_t enquiry_id, std::string_view agency,
                                         std::string answer, Timestamp now);

struct DecisionInput {
  std::string outcome;
  std::string rationale;
  std::string early_help_service;
  std::string primary_need;
};
Result<DomainEvent> decision_recorded(const Contact& contact, int64_t person_id, const DecisionInput& input,
                                      bool needs_authorisation, Timestamp now);
// A manager authorises a decision, or returns it to the worker with a note.
Result<DomainEvent> decision_authorised(const Contact& contact, int64_t person_id, std::string note,
                                        Timestamp now);
Result<DomainEvent> decision_returned(const Contact& contact, int64_t person_id, std::string note,
                                      Timestamp now);

// Folding a contact's stream. Throws MalformedEvent on data of the wrong shape.
void apply_contact_event(Contact& contact, const DomainEvent& event);
Contact fold_contact(int64_t id, const std::vector<DomainEvent>& events);

// One line for the contact's history, e.g. "Decision for Ellie Fielding: Early help (Family support)".
std::string describe_contact_event(const DomainEvent& event,
                                   const std::function<std::string(int64_t)>& name_of);

}  // namespace safeguard
