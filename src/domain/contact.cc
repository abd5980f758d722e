#include "domain/contact.h"

#include <algorithm>
#include <set>

#include "core/text.h"
#include "domain/codes.h"

namespace safeguard {
namespace {

using nlohmann::json;

constexpr int64_t kMaxReceivedAgeDays = 366;
// A phone's clock may run a little ahead of the server's.
constexpr int64_t kClockSkewSeconds = 5 * 60;

Status check_text(std::string_view value, const std::string& label, const std::string& field,
                  size_t max_length, bool required, bool multiline) {
  if (!is_valid_utf8(value))
    return Error::invalid(label + " contains characters that are not valid text", field);
  if (has_control_characters(value, multiline))
    return Error::invalid(label + " contains control characters", field);
  if (required && trim(value).empty()) return Error::invalid("Enter " + label, field);
  if (utf8_length(value) > max_length) {
    return Error::invalid(label + " must be " + std::to_string(max_length) + " characters or fewer", field);
  }
  return Status::success();
}

Status check_code(CodeList list, std::string_view code, const std::string& field) {
  if (!is_valid_code(list, code)) {
    return Error::invalid("\"" + std::string(code.substr(0, 40)) + "\" is not a valid " +
                              std::string(code_list_name(list)) + " code",
                          field);
  }
  return Status::success();
}

std::string label_of(CodeList list, std::string_view code) {
  const auto label = code_label(list, code);
  return label ? std::string(*label) : std::string(code);
}

// Reading stored data: anything of the wrong shape throws MalformedEvent.
const json& member(const DomainEvent& e, const json& object, const char* key) {
  if (!object.is_object() || !object.contains(key))
    throw MalformedEvent(e.version, std::string("missing ") + key);
  return object.at(key);
}
std::string text_member(const DomainEvent& e, const json& object, const char* key) {
  const json& v = member(e, object, key);
  if (!v.is_string()) throw MalformedEvent(e.version, std::string(key) + " is not text");
  return v.get<std::string>();
}
int64_t int_member(const DomainEvent& e, const json& object, const char* key) {
  const json& v = member(e, object, key);
  if (!v.is_number_integer()) throw MalformedEvent(e.version, std::string(key) + " is not a whole number");
  return v.get<int64_t>();
}
bool bool_member(const DomainEvent& e, const json& object, const char* key) {
  const json& v = member(e, object, key);
  if (!v.is_boolean()) throw MalformedEvent(e.version, std::string(key) + " is not true or false");
  return v.get<bool>();
}
Timestamp instant_member(const DomainEvent& e, const json& object, const char* key) {
  auto t = Timestamp::parse_iso(text_member(e, object, key));
  if (!t) throw MalformedEvent(e.version, std::string(key) + " is not an instant");
  return *t;
}
std::vector<std::string> texts_member(const DomainEvent& e, const json& object, const char* key) {
  const json& v = member(e, object, key);
  if (!v.is_array()) throw MalformedEvent(e.version, std::string(key) + " is not a list");
  std::vector<std::string> out;
  for (const json& item : v) {
    if (!item.is_string())
      throw MalformedEvent(e.version, std::string(key) + " has an item that is not text");
    out.push_back(item.get<std::string>());
  }
  return out;
}
std::vector<int64_t> ids_member(const DomainEvent& e, const json& object, const char* key) {
  const json& v = member(e, object, key);
  if (!v.is_array()) throw MalformedEvent(e.version, std::string(key) + " is not a list");
  std::vector<int64_t> out;
  for (const json& item : v) {
    if (!item.is_number_integer())
      throw MalformedEvent(e.version, std::string(key) + " has an item that is not an id");
    out.push_back(item.get<int64_t>());
  }
  return out;
}

template <class T>
bool has_duplicates(std::vector<T> items) {
  std::sort(items.begin(), items.end());
  return std::adjacent_find(items.begin(), items.end()) != items.end();
}

ContactChild* child_of(Contact& c, int64_t person_id) {
  for (ContactChild& child : c.children) {
    if (child.person_id == person_id) return &child;
  }
  return nullptr;
}

MashEnquiry* enquiry_of(Contact& c, int64_t id) {
  for (MashEnquiry& e : c.enquiries) {
    if (e.id == id) return &e;
  }
  return nullptr;
}

Status check_decidable_child(const Contact& contact, int64_t person_id) {
  const ContactChild* child = contact.child(person_id);
  if (!child)
    return Error::not_found("Person " + std::to_string(person_id) + " is not a child on this contact");
  return Status::success();
}

}  // namespace

const ContactChild* Contact::child(int64_t person_id) const {
  for (const ContactChild& c : children) {
    if (c.person_id == person_id) return &c;
  }
  return nullptr;
}

bool Contact::is_decided() const {
  if (children.empty()) return false;
  return std::all_of(children.begin(), children.end(),
                     [](const ContactChild& c) { return c.decision && c.decision->is_final(); });
}

bool Contact::awaits_authorisation() const {
  return std::any_of(children.begin(), children.end(),
                     [](const ContactChild& c) { return c.decision && !c.decision->is_final(); });
}

bool is_professional_source(std::string_view source) {
  return !(source.starts_with("1") && source.size() == 2) && source != "9" && source != "10";
}

bool needs_authorisation(const AuthorisationRules& rules, std::string_view outcome, std::string_view source) {
  if (outcome == "nfa") return rules.nfa_from_professional && is_professional_source(source);
  if (outcome == "strategy_discussion") return rules.strategy_discussion;
  if (outcome == "referral") return rules.referral;
  if (outcome == "early_help") return rules.early_help;
  if (outcome == "advice") return rules.advice;
  if (outcome == "lado") return rules.lado;
  return false;
}

Result<DomainEvent> contact_recorded(const ContactInput& in, const std::string& holder, Timestamp now) {
  if (in.received_at > now.plus_seconds(kClockSkewSeconds)) {
    return Error::invalid("The time the contact was received cannot be in the future", "received_at");
  }
  if (in.received_at < now.plus_seconds(-kMaxReceivedAgeDays * 86400)) {
    return Error::invalid("The time the contact was received must be within the last year", "received_at");
  }
  if (Status s = check_code(CodeList::kReferralSource, in.source, "source"); !s) return s.error();
  const bool anonymous = in.source == "9" || in.source == "10";
  if (Status s = check_text(in.referrer.name, "who is calling", "referrer.name", 200, !anonymous, false);
      !s) {
    return s.error();
  }
  if (Status s = check_text(in.referrer.relationship, "The caller's relationship or agency",
                            "referrer.relationship", 200, false, false);
      !s) {
    return s.error();
  }
  if (Status s = check_text(in.referrer.phone, "The phone number", "referrer.phone", 40, false, false); !s) {
    return s.error();
  }
  for (const char c : in.referrer.phone) {
    if (!(std::isdigit(static_cast<unsigned char>(c)) || c == ' ' || c == '+' || c == '-' || c == '(' ||
          c == ')')) {
      return Error::invalid("Enter a phone number using digits, spaces and + - ( ) only", "referrer.phone");
    }
  }
  if (Status s = check_text(in.referrer.email, "The email address", "referrer.email", 200, false, false);
      !s) {
    return s.error();
  }
  if (!in.referrer.email.empty() && (in.referrer.email.find('@') == std::string::npos ||
                                     in.referrer.email.find(' ') != std::string::npos)) {
    return Error::invalid("Enter an email address like name@example.org", "referrer.email");
  }
  if (Status s = check_text(in.concerns, "what the caller is worried about, in their words", "concerns",
                            kMaxConcernsLength, true, true);
      !s) {
    return s.error();
  }
  for (const std::string& f : in.factors) {
    if (Status s = check_code(CodeList::kAssessmentFactor, f, "factors"); !s) return s.error();
  }
  if (has_duplicates(in.factors)) return Error::invalid("Each factor can be chosen once", "factors");
  if (in.factors.size() > 1 && std::find(in.factors.begin(), in.factors.end(), "21") != in.factors.end()) {
    return Error::invalid("\"No factors identified\" cannot be chosen with other factors", "factors");
  }
  if (Status s = check_code(CodeList::kConsent, in.consent, "consent"); !s) {
    return Error::invalid("Say whether the family consented to information being shared", "consent");
  }
  if (in.consent != "given") {
    if (in.lawful_basis.empty() || in.lawful_basis == "consent") {
      return Error::invalid("Without consent, choose the lawful basis for sharing information",
                            "lawful_basis");
    }
  }
  if (!in.lawful_basis.empty()) {
    if (Status s = check_code(CodeList::kLawfulBasis, in.lawful_basis, "lawful_basis"); !s) return s.error();
  }
  if (Status s = check_code(CodeList::kUrgency, in.urgency, "urgency"); !s) {
    return Error::invalid("Choose red, amber or green", "urgency");
  }
  if (in.children.empty()) return Error::invalid("Add at least one child the contact is about", "children");
  if (in.children.size() > kMaxChildrenOnContact) {
    return Error::invalid(
        "A contact can be about at most " + std::to_string(kMaxChildrenOnContact) + " children", "children");
  }
  if (has_duplicates(in.children)) return Error::invalid("Each child can be added once", "children");
  if (has_duplicates(in.adults)) return Error::invalid("Each adult can be added once", "adults");
  for (int64_t adult : in.adults) {
    if (std::find(in.children.begin(), in.children.end(), adult) != in.children.end()) {
      return Error::invalid("A person cannot be both a child and an adult on the contact", "adults");
    }
  }
  if (holder.empty()) return Error::invalid("The contact needs a worker to hold it", "holder");
  DomainEvent e;
  e.type = "ContactRecorded";
  e.occurred_on = london_date(in.received_at);
  e.data = json{{"received_at", in.received_at.iso()},
                {"source", in.source},
                {"referrer",
                 {{"name", std::string(trim(in.referrer.name))},
                  {"relationship", std::string(trim(in.referrer.relationship))},
                  {"phone", std::string(trim(in.referrer.phone))},
                  {"email", std::string(trim(in.referrer.email))}}},
                {"concerns", in.concerns},
                {"factors", in.factors},
                {"consent", in.consent},
                {"lawful_basis", in.lawful_basis},
                {"urgency", in.urgency},
                {"holder", holder},
                {"children", in.children},
                {"adults", in.adults}};
  return e;
}

Result<DomainEvent> urgency_changed(const Contact& contact, std::string urgency, Timestamp now) {
  if (contact.is_decided())
    return Error::invalid("Every child on this contact has a decision already", "urgency");
  if (Status s = check_code(CodeList::kUrgency, urgency, "urgency"); !s) {
    return Error::invalid("Choose red, amber or green", "urgency");
  }
  if (urgency == contact.urgency) return Error::invalid("The urgency is already " + urgency, "urgency");
  DomainEvent e;
  e.type = "ContactUrgencyChanged";
  e.occurred_on = london_date(now);
  e.data = json{{"from", contact.urgency}, {"to", urgency}};
  return e;
}

Result<DomainEvent> holder_changed(const Contact& contact, std::string holder, Timestamp now) {
  if (contact.is_decided())
    return Error::invalid("Every child on this contact has a decision already", "holder");
  if (holder.empty()) return Error::invalid("Choose who holds the contact", "holder");
  if (holder == contact.holder) return Error::invalid(holder + " already holds this contact", "holder");
  DomainEvent e;
  e.type = "ContactHolderChanged";
  e.occurred_on = london_date(now);
  e.data = json{{"from", contact.holder}, {"to", holder}};
  return e;
}

Result<DomainEvent> mash_enquiry_opened(const Contact& contact, const MashEnquiryInput& in,
                                        const std::vector<Timestamp>& due_at, Timestamp now) {
  if (contact.is_decided())
    return Error::invalid("Every child on this contact has a decision already", "enquiry.agencies");
  if (in.agencies.empty()) return Error::invalid("Choose at least one agency to ask", "enquiry.agencies");
  for (const std::string& a : in.agencies) {
    if (Status s = check_code(CodeList::kAgency, a, "enquiry.agencies"); !s) return s.error();
  }
  if (has_duplicates(in.agencies)) return Error::invalid("Each agency can be asked once", "enquiry.agencies");
  if (due_at.size() != in.agencies.size()) return Error::internal("a due time is needed for every agency");
  if (Status s =
          check_text(in.question, "what you are asking the agencies", "enquiry.question", 5000, true, true);
      !s) {
    return s.error();
  }
  if (Status s = check_code(CodeList::kLawfulBasis, in.lawful_basis, "enquiry.lawful_basis"); !s) {
    return Error::invalid("Choose the lawful basis for sharing", "enquiry.lawful_basis");
  }
  if (in.lawful_basis == "consent" && contact.consent != "given") {
    return Error::invalid("The family did not consent: choose another lawful basis", "enquiry.lawful_basis");
  }
  if (in.children.empty())
    return Error::invalid("Choose the children to share with the agencies", "enquiry.children");
  for (int64_t id : in.children) {
    if (!contact.child(id))
      return Error::invalid("Person " + std::to_string(id) + " is not a child on this contact",
                            "enquiry.children");
  }
  if (has_duplicates(in.children)) return Error::invalid("Each child can be shared once", "enquiry.children");
  for (const std::string& f : in.fields) {
    if (Status s = check_code(CodeList::kSharedField, f, "enquiry.fields"); !s) return s.error();
  }
  if (has_duplicates(in.fields)) return Error::invalid("Each detail can be shared once", "enquiry.fields");
  if (std::find(in.fields.begin(), in.fields.end(), "name") == in.fields.end()) {
    return Error::invalid("Share at least the children's names: the agencies cannot check without them",
                          "enquiry.fields");
  }
  json requests = json::array();
  for (size_t i = 0; i < in.agencies.size(); ++i) {
    requests.push_back(json{{"agency", in.agencies[i]}, {"due_at", due_at[i].iso()}});
  }
  DomainEvent e;
  e.type = "MashEnquiryOpened";
  e.occurred_on = london_date(now);
  e.data = json{{"enquiry_id", static_cast<int64_t>(contact.enquiries.size()) + 1},
                {"question", in.question},
                {"lawful_basis", in.lawful_basis},
                {"children", in.children},
                {"fields", in.fields},
                {"requests", requests}};
  return e;
}

Result<DomainEvent> mash_agency_answered(const Contact& contact, int64_t enquiry_id, std::string_view agency,
                                         std::string answer, Timestamp now) {
  const MashEnquiry* enquiry = nullptr;
  for (const MashEnquiry& e : contact.enquiries) {
    if (e.id == enquiry_id) enquiry = &e;
  }
  if (!enquiry)
    return Error::not_found("There is no MASH enquiry " + std::to_string(enquiry_id) + " on this contact");
  const auto request = std::find_if(enquiry->requests.begin(), enquiry->requests.end(),
                                    [&](const MashRequest& r) { return r.agency == agency; });
  if (request == enquiry->requests.end())
    return Error::denied("This enquiry was not sent to " + std::string(agency));
  if (request->answered_at) return Error::invalid("Your agency has already answered this enquiry", "answer");
  if (Status s = check_text(answer, "what your agency knows", "answer", kMaxAnswerLength, true, true); !s) {
    return s.error();
  }
  DomainEvent e;
  e.type = "MashAgencyAnswered";
  e.occurred_on = london_date(now);
  e.data = json{{"enquiry_id", enquiry_id}, {"agency", agency}, {"answer", answer}};
  return e;
}

Result<DomainEvent> decision_recorded(const Contact& contact, int64_t person_id, const DecisionInput& in,
                                      bool needs_authorisation_, Timestamp now) {
  if (Status s = check_decidable_child(contact, person_id); !s) return s.error();
  const ContactChild& child = *contact.child(person_id);
  if (child.decision) {
    return Error::invalid(child.decision->is_final()
                              ? "This child already has a decision"
                              : "This child's decision is waiting for a manager's authorisation",
                          "outcome");
  }
  if (Status s = check_code(CodeList::kFrontDoorOutcome, in.outcome, "outcome"); !s) {
    return Error::invalid("Choose what happens next for this child", "outcome");
  }
  if (Status s = check_text(in.rationale, "the reason for the decision", "rationale", kMaxRationaleLength,
                            true, true);
      !s) {
    return s.error();
  }
  if (in.outcome == "early_help") {
    if (Status s = check_text(in.early_help_service, "the early help service", "early_help_service", 200,
                              true, false);
        !s) {
      return s.error();
    }
  } else if (!in.early_help_service.empty()) {
    return Error::invalid("An early help service is recorded only for an early help decision",
                          "early_help_service");
  }
  if (!in.primary_need.empty()) {
    if (Status s = check_code(CodeList::kPrimaryNeed, in.primary_need, "primary_need"); !s) return s.error();
    if (in.outcome != "referral" && in.outcome != "strategy_discussion") {
      return Error::invalid("A primary need is recorded only for a referral or a strategy discussion",
                            "primary_need");
    }
  }
  DomainEvent e;
  e.type = "DecisionRecorded";
  e.occurred_on = london_date(now);
  e.data = json{
      {"person_id", person_id},          {"outcome", in.outcome},
      {"rationale", in.rationale},       {"early_help_service", std::string(trim(in.early_help_service))},
      {"primary_need", in.primary_need}, {"needs_authorisation", needs_authorisation_}};
  return e;
}

namespace {

Result<const FrontDoorDecision*> awaiting(const Contact& contact, int64_t person_id) {
  if (Status s = check_decidable_child(contact, person_id); !s) return s.error();
  const ContactChild& child = *contact.child(person_id);
  if (!child.decision) return Error::invalid("There is no decision for this child yet", "note");
  if (child.decision->is_final())
    return Error::invalid("This decision does not wait for authorisation", "note");
  return &*child.decision;
}

}  // namespace

Result<DomainEvent> decision_authorised(const Contact& contact, int64_t person_id, std::string note,
                                        Timestamp now) {
  auto decision = awaiting(contact, person_id);
  if (!decision) return decision.error();
  if (Status s = check_text(note, "A note", "note", 2000, false, true); !s) return s.error();
  DomainEvent e;
  e.type = "DecisionAuthorised";
  e.occurred_on = london_date(now);
  e.data = json{{"person_id", person_id}, {"note", note}};
  return e;
}

Result<DomainEvent> decision_returned(const Contact& contact, int64_t person_id, std::string note,
                                      Timestamp now) {
  auto decision = awaiting(contact, person_id);
  if (!decision) return decision.error();
  if (Status s = check_text(note, "why you are returning the decision", "note", 2000, true, true); !s)
    return s.error();
  DomainEvent e;
  e.type = "DecisionReturned";
  e.occurred_on = london_date(now);
  e.data = json{{"person_id", person_id}, {"note", note}};
  return e;
}

void apply_contact_event(Contact& c, const DomainEvent& e) {
  const json& d = e.data;
  if (e.type == "ContactRecorded") {
    c.received_at = instant_member(e, d, "received_at");
    c.source = text_member(e, d, "source");
    const json& r = member(e, d, "referrer");
    c.referrer = {text_member(e, r, "name"), text_member(e, r, "relationship"), text_member(e, r, "phone"),
                  text_member(e, r, "email")};
    c.concerns = text_member(e, d, "concerns");
    c.factors = texts_member(e, d, "factors");
    c.consent = text_member(e, d, "consent");
    c.lawful_basis = text_member(e, d, "lawful_basis");
    c.urgency = text_member(e, d, "urgency");
    c.holder = text_member(e, d, "holder");
    for (int64_t id : ids_member(e, d, "children")) c.children.push_back({id, std::nullopt, 0});
    c.adults = ids_member(e, d, "adults");
    c.recorded_at = e.recorded_at;
    c.recorded_by = e.actor;
  } else if (e.type == "ContactUrgencyChanged") {
    c.urgency = text_member(e, d, "to");
  } else if (e.type == "ContactHolderChanged") {
    c.holder = text_member(e, d, "to");
  } else if (e.type == "MashEnquiryOpened") {
    MashEnquiry enquiry;
    enquiry.id = int_member(e, d, "enquiry_id");
    enquiry.opened_at = e.recorded_at;
    enquiry.opened_by = e.actor;
    enquiry.question = text_member(e, d, "question");
    enquiry.lawful_basis = text_member(e, d, "lawful_basis");
    enquiry.shared_children = ids_member(e, d, "children");
    enquiry.shared_fields = texts_member(e, d, "fields");
    const json& requests = member(e, d, "requests");
    if (!requests.is_array()) throw MalformedEvent(e.version, "requests is not a list");
    for (const json& r : requests) {
      MashRequest request;
      request.agency = text_member(e, r, "agency");
      request.due_at = instant_member(e, r, "due_at");
      enquiry.requests.push_back(request);
    }
    c.enquiries.push_back(enquiry);
  } else if (e.type == "MashAgencyAnswered") {
    MashEnquiry* enquiry = enquiry_of(c, int_member(e, d, "enquiry_id"));
    if (!enquiry) throw MalformedEvent(e.version, "answer to an enquiry that does not exist");
    const std::string agency = text_member(e, d, "agency");
    for (MashRequest& r : enquiry->requests) {
      if (r.agency != agency) continue;
      r.answered_at = e.recorded_at;
      r.answered_by = e.actor;
      r.answer = text_member(e, d, "answer");
    }
  } else if (e.type == "DecisionRecorded") {
    ContactChild* child = child_of(c, int_member(e, d, "person_id"));
    if (!child) throw MalformedEvent(e.version, "decision for a child not on the contact");
    FrontDoorDecision decision;
    decision.outcome = text_member(e, d, "outcome");
    decision.rationale = text_member(e, d, "rationale");
    decision.early_help_service = text_member(e, d, "early_help_service");
    decision.primary_need = text_member(e, d, "primary_need");
    decision.needs_authorisation = bool_member(e, d, "needs_authorisation");
    decision.decided_at = e.recorded_at;
    decision.decided_by = e.actor;
    child->decision = decision;
  } else if (e.type == "DecisionAuthorised" || e.type == "DecisionReturned") {
    ContactChild* child = child_of(c, int_member(e, d, "person_id"));
    if (!child || !child->decision)
      throw MalformedEvent(e.version, "authorisation of a decision that does not exist");
    if (e.type == "DecisionAuthorised") {
      child->decision->authorised_at = e.recorded_at;
      child->decision->authorised_by = e.actor;
      child->decision->authorisation_note = text_member(e, d, "note");
    } else {
      child->decision.reset();
      ++child->decisions_returned;
    }
  } else {
    throw MalformedEvent(e.version, "unknown event type " + e.type);
  }
  c.version = e.version;
}

Contact fold_contact(int64_t id, const std::vector<DomainEvent>& events) {
  Contact c;
  c.id = id;
  for (const DomainEvent& e : events) apply_contact_event(c, e);
  return c;
}

std::string describe_contact_event(const DomainEvent& e, const std::function<std::string(int64_t)>& name_of) {
  const json& d = e.data;
  const auto name = [&](const char* key) {
    const int64_t id = d.value(key, int64_t{0});
    return name_of ? name_of(id) : "person " + std::to_string(id);
  };
  try {
    if (e.type == "ContactRecorded") {
      return "Contact received from " +
             label_of(CodeList::kReferralSource, d.at("source").get<std::string>()) +
             (d.at("referrer").at("name").get<std::string>().empty()
                  ? std::string()
                  : " (" + d.at("referrer").at("name").get<std::string>() + ")");
    }
    if (e.type == "ContactUrgencyChanged") {
      return "Urgency changed from " + label_of(CodeList::kUrgency, d.at("from").get<std::string>()) +
             " to " + label_of(CodeList::kUrgency, d.at("to").get<std::string>());
    }
    if (e.type == "ContactHolderChanged") return "Now held by " + d.at("to").get<std::string>();
    if (e.type == "MashEnquiryOpened") {
      std::string agencies;
      for (const json& r : d.at("requests")) {
        agencies +=
            (agencies.empty() ? "" : ", ") + label_of(CodeList::kAgency, r.at("agency").get<std::string>());
      }
      return "MASH enquiry " + std::to_string(d.at("enquiry_id").get<int64_t>()) + " sent to " + agencies;
    }
    if (e.type == "MashAgencyAnswered") {
      return label_of(CodeList::kAgency, d.at("agency").get<std::string>()) + " answered MASH enquiry " +
             std::to_string(d.at("enquiry_id").get<int64_t>());
    }
    if (e.type == "DecisionRecorded") {
      std::string out = "Decision for " + name("person_id") + ": " +
                        label_of(CodeList::kFrontDoorOutcome, d.at("outcome").get<std::string>());
      if (d.at("needs_authorisation").get<bool>()) out += " (waits for a manager's authorisation)";
      return out;
    }
    if (e.type == "DecisionAuthorised") return "Decision for " + name("person_id") + " authorised";
    if (e.type == "DecisionReturned") {
      return "Decision for " + name("person_id") +
             " returned to the worker: " + d.at("note").get<std::string>();
    }
  } catch (const json::exception&) {
    return e.type + " (the event's details could not be read)";
  }
  return e.type;
}

}  // namespace safeguard
