// The front door's JSON API (the front door issue, "Interfaces"): recording a contact as a partner
// system would send it (a police notification, say), reading it, deciding for each child,
// authorising, MASH enquiries, the queue, decisions awaiting a manager and the dashboard; and, for
// MASH partner agencies' systems, their inbox, the enquiries sent to them and their answers.
//
// Every call goes through FrontDoorService, so a system's token can do exactly what its user could
// do at a browser, and every read is logged there. Errors follow api.cc: JSON naming the field at
// fault, in the API's own terms ("children[1].details.date_of_birth", "decisions[0].outcome"), so a
// system can point at what it sent.
#include <algorithm>
#include <cmath>
#include <limits>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <tuple>
#include <vector>

#include "app/auth.h"
#include "app/front_door.h"
#include "domain/codes.h"
#include "web/api_support.h"
#include "web/page_context.h"

namespace safeguard::web {
namespace {

// ---- reading what was sent ----

Error at_field(Error e, std::string field) {
  e.field = std::move(field);
  return e;
}

std::string item_field(const std::string& list, size_t index) {
  return list + "[" + std::to_string(index) + "]";
}

// A Safeguard ID: a whole number from 1 (unsigned values beyond int64 would wrap, so are refused).
bool is_id(const json& v) {
  if (!v.is_number_integer()) return false;
  if (v.is_number_unsigned()) {
    const uint64_t n = v.get<uint64_t>();
    return n > 0 && n <= static_cast<uint64_t>(std::numeric_limits<int64_t>::max());
  }
  return v.get<int64_t>() > 0;
}

// An ID member, or an error naming `field`.
Result<int64_t> id_member(const json& object, const char* key, const std::string& field) {
  if (!object.contains(key) || object.at(key).is_null())
    return Error::invalid(field + " is required: a Safeguard ID", field);
  if (!is_id(object.at(key)))
    return Error::invalid(field + " must be a Safeguard ID (a whole number)", field);
  return object.at(key).get<int64_t>();
}

// A text member with the error naming `field` (text_of names the key alone).
Result<std::string> text_member(const json& object, const char* key, const std::string& field,
                                bool required) {
  auto text = text_of(object, key, required);
  if (!text) return at_field(text.error(), field);
  return text;
}

Result<std::vector<std::string>> texts_member(const json& object, const char* key, const std::string& field,
                                              const std::string& what) {
  std::vector<std::string> out;
  if (!object.contains(key) || object.at(key).is_null()) return out;
  const json& list = object.at(key);
  if (!list.is_array()) return Error::invalid(field + " must be a list of " + what, field);
  for (const json& item : list) {
    if (!item.is_string()) return Error::invalid(field + " must be a list of " + what, field);
    out.push_back(item.get<std::string>());
  }
  return out;
}

Result<std::vector<int64_t>> ids_member(const json& object, const char* key, const std::string& field) {
  std::vector<int64_t> out;
  if (!object.contains(key) || object.at(key).is_null()) return out;
  const json& list = object.at(key);
  if (!list.is_array()) return Error::invalid(field + " must be a list of Safeguard IDs", field);
  for (size_t i = 0; i < list.size(); ++i) {
    if (!is_id(list[i]))
      return Error::invalid(field + " must be a list of Safeguard IDs", item_field(field, i));
    out.push_back(list[i].get<int64_t>());
  }
  return out;
}

Status only_keys(const json& object, const std::set<std::string>& allowed, const std::string& prefix) {
  for (const auto& [key, value] : object.items()) {
    if (!allowed.count(key)) {
      const std::string field = prefix + key.substr(0, 60);
      return Error::invalid("Unknown field \"" + field + "\"", field);
    }
  }
  return Status::success();
}

// Query parameters: only these names, so a misspelt filter is not silently ignored.
std::optional<Response> unknown_parameter(const FormData& query, const std::set<std::string>& allowed) {
  for (const auto& [key, value] : query.fields()) {
    if (!allowed.count(key)) {
      return api_error(422, "invalid", "Unknown query parameter \"" + key.substr(0, 60) + "\"",
                       key.substr(0, 60));
    }
  }
  return std::nullopt;
}

Result<bool> flag_of(const FormData& query, const std::string& key, bool otherwise) {
  if (!query.has(key)) return otherwise;
  if (query.get(key) == "true") return true;
  if (query.get(key) == "false") return false;
  return Error::invalid(key + " must be true or false", key);
}

// ---- the shapes of answers ----

std::string label_of(CodeList list, std::string_view code) {
  const auto label = code_label(list, code);
  return label ? std::string(*label) : std::string(code);
}

std::string name_of_user(const std::map<std::string, std::string>& names, const std::string& username) {
  const auto it = names.find(username);
  return it == names.end() ? username : it->second;
}

std::string contact_href(int64_t id) { return "/api/v1/contacts/" + std::to_string(id); }

// A child's decision in words: "awaiting decision", "awaiting authorisation" or "final".
std::string decision_status(const FrontDoorDecision* decision) {
  if (!decision) return "awaiting decision";
  return decision->is_final() ? "final" : "awaiting authorisation";
}

std::string contact_status(const Contact& c) {
  bool awaiting_authorisation = false;
  for (const ContactChild& child : c.children) {
    if (!child.decision) return "awaiting decision";
    if (!child.decision->is_final()) awaiting_authorisation = true;
  }
  return awaiting_authorisation ? "awaiting authorisation" : "decided";
}

// The read model's status codes ("awaiting_authorisation") in the same words.
std::string status_words(std::string status) {
  std::replace(status.begin(), status.end(), '_', ' ');
  return status;
}

json brief_person_json(const PersonSummary& p) {
  return json{{"id", p.id},
              {"name", p.full_name},
              {"date_of_birth", optional_date(p.date_of_birth)},
              {"expected_date_of_birth", optional_date(p.expected_date_of_birth)}};
}

json decision_json(const FrontDoorDecision& d, const std::map<std::string, std::string>& names) {
  return json{{"outcome", d.outcome},
              {"outcome_label", label_of(CodeList::kFrontDoorOutcome, d.outcome)},
              {"rationale", d.rationale},
              {"early_help_service", d.early_help_service},
              {"primary_need", d.primary_need},
              {"status", decision_status(&d)},
              {"decided_at", d.decided_at.iso()},
              {"decided_by", d.decided_by},
              {"decided_by_name", name_of_user(names, d.decided_by)},
              {"needs_authorisation", d.needs_authorisation},
              {"authorised_at", optional_instant(d.authorised_at)},
              {"authorised_by", d.authorised_by},
              {"authorised_by_name", d.authorised_by.empty() ? "" : name_of_user(names, d.authorised_by)},
              {"authorisation_note", d.authorisation_note}};
}

json contact_json(const ContactView& view) {
  const Contact& c = view.contact;
  const auto& names = view.names_of_users;
  json children = json::array();
  for (const ChildOnContact& child : view.children) {
    json previous = json::array();
    for (const ContactChildRow& row : child.previous_contacts) {
      previous.push_back({{"contact_id", row.contact_id},
                          {"received_at", row.received_at.iso()},
                          {"source", row.source},
                          {"outcome", row.outcome},
                          {"decision_status", status_words(row.decision_status)},
                          {"href", contact_href(row.contact_id)}});
    }
    json episodes = json::array();
    for (const EpisodeRow& e : child.episodes) episodes.push_back(episode_json(e));
    const FrontDoorDecision* decision =
        child.on_contact && child.on_contact->decision ? &*child.on_contact->decision : nullptr;
    json out = brief_person_json(child.person);
    out["sex"] = child.person.sex;
    out["decision_status"] = decision_status(decision);
    out["decision"] = decision ? decision_json(*decision, names) : json(nullptr);
    out["decisions_returned"] = child.on_contact ? child.on_contact->decisions_returned : 0;
    out["deadline"] = deadline_json(child.deadline);
    // Whether a referral now would be a re-referral: within 12 months of the one on this date.
    out["re_referral"] = child.re_referral_of.has_value();
    out["re_referral_of"] = optional_date(child.re_referral_of);
    out["has_open_episode"] = child.has_open_episode;
    out["previous_contacts"] = previous;
    out["episodes"] = episodes;
    out["href"] = "/api/v1/people/" + std::to_string(child.person.id);
    children.push_back(out);
  }
  json adults = json::array();
  for (const PersonSummary& a : view.adults) {
    json out = brief_person_json(a);
    out["href"] = "/api/v1/people/" + std::to_string(a.id);
    adults.push_back(out);
  }
  json enquiries = json::array();
  for (const MashEnquiry& e : c.enquiries) {
    json requests = json::array();
    for (const ContactView::Request& r : view.requests) {
      if (r.enquiry != &e) continue;
      const MashRequest& q = *r.request;
      requests.push_back(
          {{"agency", q.agency},
           {"agency_label", label_of(CodeList::kAgency, q.agency)},
           {"due_at", q.due_at.iso()},
           {"answered_at", optional_instant(q.answered_at)},
           {"answered_by", q.answered_by},
           {"answered_by_name", q.answered_by.empty() ? "" : name_of_user(names, q.answered_by)},
           {"answer", q.answer},
           {"on_time", q.answered_at ? json(*q.answered_at <= q.due_at) : json(nullptr)},
           {"deadline", deadline_json(r.status)}});
    }
    enquiries.push_back({{"id", e.id},
                         {"opened_at", e.opened_at.iso()},
                         {"opened_by", e.opened_by},
                         {"question", e.question},
                         {"lawful_basis", e.lawful_basis},
                         {"children", e.shared_children},
                         {"fields", e.shared_fields},
                         {"requests", requests}});
  }
  json history = json::array();
  for (const ContactView::HistoryLine& h : view.history)
    history.push_back({{"at", h.at.iso()}, {"by", h.who}, {"what", h.what}});
  return json{
      {"id", c.id},
      {"version", c.version},
      {"received_at", c.received_at.iso()},
      {"source", c.source},
      {"source_label", label_of(CodeList::kReferralSource, c.source)},
      {"referrer",
       {{"name", c.referrer.name},
        {"relationship", c.referrer.relationship},
        {"phone", c.referrer.phone},
        {"email", c.referrer.email}}},
      {"concerns", c.concerns},
      {"factors", c.factors},
      {"consent", c.consent},
      {"lawful_basis", c.lawful_basis},
      {"urgency", c.urgency},
      {"holder", c.holder},
      {"holder_name", name_of_user(names, c.holder)},
      {"recorded_at", c.recorded_at.iso()},
      {"recorded_by", c.recorded_by},
      {"status", contact_status(c)},
      {"decision_due", view.decision_due.iso()},
      {"deadline", deadline_json(view.deadline)},
      // Once every child is decided, nothing remains.
      {"time_remaining", still_to_meet(view.deadline.state) ? json(view.time_remaining) : json(nullptr)},
      {"children", children},
      {"adults", adults},
      {"enquiries", enquiries},
      {"history", history}};
}

// ---- POST /api/v1/contacts ----

// One item of "children" or "adults": a person already recorded, or one to record.
struct PersonItem {
  std::optional<int64_t> id;
  NewPersonInput new_person;
};

const std::set<std::string> kPersonItemKeys = {"id", "details", "address", "identifiers"};

Result<NewPersonInput> new_person_of(const json& item, const std::string& field) {
  NewPersonInput input;
  const json& details = item.at("details");
  if (!details.is_object())
    return Error::invalid(field + ".details must be an object of person details", field + ".details");
  if (Status s = only_keys(details, kDetailKeys, field + ".details."); !s) return s.error();
  auto parsed = details_from_json(details);
  if (!parsed) {
    return at_field(parsed.error(),
                    field + ".details" + (parsed.error().field.empty() ? "" : ".") + parsed.error().field);
  }
  input.details = *parsed;
  if (item.contains("identifiers") && !item.at("identifiers").is_null()) {
    const json& ids = item.at("identifiers");
    if (!ids.is_array()) {
      return Error::invalid(field + ".identifiers must be a list of {type, value}", field + ".identifiers");
    }
    for (size_t i = 0; i < ids.size(); ++i) {
      const std::string at = item_field(field + ".identifiers", i);
      if (!ids[i].is_object()) return Error::invalid(at + " must be an object {type, value}", at);
      if (Status s = only_keys(ids[i], {"type", "value"}, at + "."); !s) return s.error();
      auto type = text_member(ids[i], "type", at + ".type", true);
      if (!type) return type.error();
      auto value = text_member(ids[i], "value", at + ".value", true);
      if (!value) return value.error();
      input.identifiers.push_back({*type, *value});
    }
  }
  if (item.contains("address") && !item.at("address").is_null()) {
    const json& a = item.at("address");
    if (!a.is_object()) return Error::invalid(field + ".address must be an object", field + ".address");
    if (Status s = only_keys(a, kAddressKeys, field + ".address."); !s) return s.error();
    auto address = address_of(a, field + ".address.");
    if (!address) return address.error();
    input.address = *address;
  }
  return input;
}

Result<std::vector<PersonItem>> people_of(const json& body, const char* key) {
  std::vector<PersonItem> items;
  if (!body.contains(key) || body.at(key).is_null()) return items;
  const json& list = body.at(key);
  const std::string name = key;
  if (!list.is_array()) {
    return Error::invalid(name + " must be a list, each {\"id\": N} or {\"details\": {...}}", name);
  }
  for (size_t k = 0; k < list.size(); ++k) {
    const std::string field = item_field(name, k);
    const json& item = list[k];
    if (!item.is_object()) {
      return Error::invalid(
          field + " must be {\"id\": N} for someone already recorded, or {\"details\": {...}}", field);
    }
    if (Status s = only_keys(item, kPersonItemKeys, field + "."); !s) return s.error();
    const bool by_id = item.contains("id");
    const bool by_details = item.contains("details");
    if (by_id == by_details || (by_id && (item.contains("address") || item.contains("identifiers")))) {
      return Error::invalid(field +
                                ": send either \"id\" (a person already recorded) or \"details\" (with "
                                "\"address\" and \"identifiers\" if known) for a new person",
                            field);
    }
    PersonItem person;
    if (by_id) {
      auto id = id_member(item, "id", field + ".id");
      if (!id) return id.error();
      person.id = *id;
    } else {
      auto input = new_person_of(item, field);
      if (!input) return input.error();
      person.new_person = std::move(*input);
    }
    items.push_back(std::move(person));
  }
  return items;
}

// Where each of the service's people came from in the request: the service lists people already
// recorded first and new ones after, but a system needs answers in the order it sent them.
struct Positions {
  std::vector<size_t> existing;  // request index of each existing person, in the service's order
  std::vector<size_t> added;     // request index of each new person
};

Positions positions_of(const std::vector<PersonItem>& items) {
  Positions p;
  for (size_t k = 0; k < items.size(); ++k) (items[k].id ? p.existing : p.added).push_back(k);
  return p;
}

// The service names new people "new_children[2].forename"; the API, "children[3].details.forename".
std::string api_field(const std::string& field, const Positions& children, const Positions& adults) {
  for (const auto& [prefix, list, positions] :
       {std::tuple{std::string("new_children["), std::string("children"), &children},
        std::tuple{std::string("new_adults["), std::string("adults"), &adults}}) {
    if (!field.starts_with(prefix)) continue;
    const size_t close = field.find(']');
    const std::string digits =
        close == std::string::npos ? "" : field.substr(prefix.size(), close - prefix.size());
    if (digits.empty() || digits.size() > 6 ||
        !std::all_of(digits.begin(), digits.end(), [](char c) { return c >= '0' && c <= '9'; })) {
      return list;
    }
    const size_t j = std::stoul(digits);
    if (j >= positions->added.size()) return list;
    const std::string item = item_field(list, positions->added[j]);
    const std::string rest = close + 2 <= field.size() ? field.substr(close + 2) : "";
    if (rest.empty()) return item;
    if (rest.starts_with("address") || rest.starts_with("identifiers")) return item + "." + rest;
    return item + ".details." + rest;
  }
  return field;
}

// The service says "children" for an unknown or repeated ID; find which item it was. Runs only after
// the service has accepted the user as one who records contacts, so it reveals nothing more.
std::string which_person(const std::string& list, const std::vector<PersonItem>& items,
                         const std::vector<PersonItem>& others, PeopleService& people, const User& user) {
  for (size_t k = 0; k < items.size(); ++k) {
    if (items[k].id && !people.access_to(user, *items[k].id)) return item_field(list, k) + ".id";
  }
  std::set<int64_t> seen;
  for (size_t k = 0; k < items.size(); ++k) {
    if (items[k].id && !seen.insert(*items[k].id).second) return item_field(list, k) + ".id";
  }
  if (list == "adults") {
    std::set<int64_t> children;
    for (const PersonItem& c : others) {
      if (c.id) children.insert(*c.id);
    }
    for (size_t k = 0; k < items.size(); ++k) {
      if (items[k].id && children.count(*items[k].id)) return item_field(list, k) + ".id";
    }
  }
  return list;
}

const std::set<std::string> kContactKeys = {"received_at",  "source",   "referrer", "children",
                                            "adults",       "concerns", "factors",  "consent",
                                            "lawful_basis", "urgency",  "holder",   "likely_matches_seen"};

Response record_contact(const Request& request, Database& db, const Clock& clock, const User& user,
                        const Channel& channel) {
  Body body = read_body(request, kContactKeys);
  if (body.error) return *body.error;
  const json& b = body.value;
  RecordContactInput input;
  auto received = text_of(b, "received_at", true);
  if (!received) return api_error(received.error());
  const auto instant = Timestamp::parse_iso(*received);
  if (!instant) {
    return api_error(422, "invalid",
                     "received_at must be a date and time in ISO 8601 form, like 2026-11-23T10:15:00Z or "
                     "2026-11-23T10:15:00+00:00",
                     "received_at");
  }
  input.contact.received_at = *instant;
  for (const auto& [key, target] : {std::pair{"source", &input.contact.source},
                                    {"concerns", &input.contact.concerns},
                                    {"consent", &input.contact.consent},
                                    {"lawful_basis", &input.contact.lawful_basis},
                                    {"urgency", &input.contact.urgency},
                                    {"holder", &input.holder}}) {
    auto text = text_of(b, key, false);
    if (!text) return api_error(text.error());
    *target = *text;
  }
  if (b.contains("referrer") && !b.at("referrer").is_null()) {
    const json& r = b.at("referrer");
    if (!r.is_object())
      return api_error(422, "invalid", "referrer must be an object {name, relationship, phone, email}",
                       "referrer");
    if (Status s = only_keys(r, {"name", "relationship", "phone", "email"}, "referrer."); !s)
      return api_error(s.error());
    for (const auto& [key, target] : {std::pair{"name", &input.contact.referrer.name},
                                      {"relationship", &input.contact.referrer.relationship},
                                      {"phone", &input.contact.referrer.phone},
                                      {"email", &input.contact.referrer.email}}) {
      auto text = text_member(r, key, std::string("referrer.") + key, false);
      if (!text) return api_error(text.error());
      *target = *text;
    }
  }
  auto factors = texts_member(b, "factors", "factors", "DfE assessment factor codes");
  if (!factors) return api_error(factors.error());
  input.contact.factors = *factors;
  if (b.contains("likely_matches_seen")) {
    if (!b.at("likely_matches_seen").is_boolean())
      return api_error(422, "invalid", "likely_matches_seen must be true or false", "likely_matches_seen");
    input.likely_matches_seen = b.at("likely_matches_seen").get<bool>();
  }
  if (!b.contains("children")) {
    return api_error(422, "invalid", "children is required: the children the contact is about", "children");
  }
  auto children = people_of(b, "children");
  if (!children) return api_error(children.error());
  auto adults = people_of(b, "adults");
  if (!adults) return api_error(adults.error());
  for (const auto& [items, ids, added] :
       {std::tuple{&*children, &input.contact.children, &input.new_children},
        {&*adults, &input.contact.adults, &input.new_adults}}) {
    for (const PersonItem& item : *items) {
      if (item.id) {
        ids->push_back(*item.id);
      } else {
        added->push_back(item.new_person);
      }
    }
  }
  const Positions child_positions = positions_of(*children);
  const Positions adult_positions = positions_of(*adults);

  FrontDoorService front_door(db, clock);
  auto outcome = front_door.record(user, input, channel);
  if (!outcome) {
    Error e = outcome.error();
    if (e.code == ErrorCode::kInvalid) {
      PeopleService people(db, clock);
      if (e.field == "children")
        e.field = which_person("children", *children, {}, people, user);
      else if (e.field == "adults")
        e.field = which_person("adults", *adults, *children, people, user);
      else
        e.field = api_field(e.field, child_positions, adult_positions);
    }
    return api_error(e);
  }
  if (!outcome->contact_id) {
    // A system cannot look at a screen: it gets each match with its ID, keyed by the position of
    // the new person in the list it sent, and can send {"id": N} in place of the details, or send
    // the same contact again with "likely_matches_seen": true to record them as new people.
    json error = {{"code", "likely_matches"},
                  {"message",
                   "Some new people may already be known. Nothing was recorded. For each, send {\"id\": N} "
                   "in place of the details if it is the same person, or send the contact again with "
                   "\"likely_matches_seen\": true to record them as new people."}};
    std::string first;
    for (const auto& [name, matches, positions] :
         {std::tuple{std::string("children"), &outcome->child_matches, &child_positions},
          {std::string("adults"), &outcome->adult_matches, &adult_positions}}) {
      json by_item = json::object();
      for (const auto& [j, hits] : *matches) {
        if (j >= positions->added.size()) continue;
        json list = json::array();
        for (const SearchHit& h : hits) list.push_back(hit_json(h));
        by_item[std::to_string(positions->added[j])] = list;
        if (first.empty()) first = item_field(name, positions->added[j]);
      }
      error[name] = by_item;
    }
    error["field"] = first;
    return json_response(409, json{{"error", error}});
  }
  // Each child's and adult's ID in the order they were sent.
  std::vector<int64_t> child_ids(children->size()), adult_ids(adults->size());
  for (const auto& [positions, from, to] : {std::tuple{&child_positions, &outcome->children, &child_ids},
                                            {&adult_positions, &outcome->adults, &adult_ids}}) {
    size_t n = 0;
    for (size_t k : positions->existing) (*to)[k] = (*from)[n++];
    for (size_t k : positions->added) (*to)[k] = (*from)[n++];
  }
  const int64_t id = *outcome->contact_id;
  // A new contact's stream holds one event, ContactRecorded: the version to state next.
  Response r = json_response(201, json{{"id", id},
                                       {"version", 1},
                                       {"children", child_ids},
                                       {"adults", adult_ids},
                                       {"decision_due", outcome->decision_due.iso()},
                                       {"href", contact_href(id)}});
  r.set_header("Location", contact_href(id));
  return r;
}

// ---- POST /api/v1/contacts/{id}/decisions ----

struct DecisionItem {
  int64_t child = 0;
  DecisionInput input;
};

// Every decision is checked against the contact as it stands, with the domain's own rules, before
// any is recorded: a mistake in the third leaves the first two unrecorded too. The service records
// each decision in its own transaction (each appears on the child's record as it is made); the
// only way a later one can then fail is someone else changing the contact in between, and the
// answer then says which were recorded.
Response decide(const Request& request, int64_t contact_id, Database& db, const Clock& clock,
                const User& user, const Channel& channel) {
  Body body = read_body(request, {"expected_version", "decisions"});
  if (body.error) return *body.error;
  auto version_requested = version_of(body.value);
  if (!version_requested) return api_error(version_requested.error());
  if (!body.value.contains("decisions") || !body.value.at("decisions").is_array() ||
      body.value.at("decisions").empty()) {
    return api_error(
        422, "invalid",
        "decisions must be a list of {child, outcome, rationale, early_help_service, primary_need}: "
        "one for each child decided",
        "decisions");
  }
  const json& list = body.value.at("decisions");
  std::vector<DecisionItem> items;
  std::set<int64_t> children;
  for (size_t i = 0; i < list.size(); ++i) {
    const std::string field = item_field("decisions", i);
    if (!list[i].is_object()) return api_error(422, "invalid", field + " must be an object", field);
    if (Status s = only_keys(list[i], {"child", "outcome", "rationale", "early_help_service", "primary_need"},
                             field + ".");
        !s) {
      return api_error(s.error());
    }
    DecisionItem item;
    auto child = id_member(list[i], "child", field + ".child");
    if (!child) return api_error(child.error());
    item.child = *child;
    if (!children.insert(item.child).second)
      return api_error(422, "invalid", "Each child can have one decision", field + ".child");
    for (const auto& [key, target] : {std::pair{"outcome", &item.input.outcome},
                                      {"rationale", &item.input.rationale},
                                      {"early_help_service", &item.input.early_help_service},
                                      {"primary_need", &item.input.primary_need}}) {
      auto text = text_member(list[i], key, field + "." + key, false);
      if (!text) return api_error(text.error());
      *target = *text;
    }
    items.push_back(std::move(item));
  }
  FrontDoorService front_door(db, clock);
  std::vector<FrontDoorService::DecisionFor> decisions;
  for (const DecisionItem& item : items) decisions.push_back({item.child, item.input});
  auto version = front_door.decide_all(user, contact_id, *version_requested, decisions, channel);
  if (!version) {
    Error e = version.error();
    if (e.code == ErrorCode::kConflict && e.field.empty()) e.field = "expected_version";
    return api_error(e);
  }
  // What each child's decision now is: final, or waiting for a manager.
  auto view = front_door.open(user, contact_id, channel);
  if (!view) return api_error(view.error());
  json recorded = json::array();
  for (const DecisionItem& item : items) {
    const ContactChild* child = view->contact.child(item.child);
    const bool final = child && child->decision && child->decision->is_final();
    recorded.push_back({{"child", item.child},
                        {"outcome", item.input.outcome},
                        {"status", final ? "final" : "awaiting authorisation"}});
  }
  return json_response(200, json{{"id", contact_id}, {"version", *version}, {"decisions", recorded}});
}

// ---- POST /api/v1/contacts/{id}/authorisations ----

Response authorise(const Request& request, int64_t contact_id, Database& db, const Clock& clock,
                   const User& user, const Channel& channel) {
  Body body = read_body(request, {"expected_version", "child", "action", "note"});
  if (body.error) return *body.error;
  auto version = version_of(body.value);
  if (!version) return api_error(version.error());
  auto child = id_member(body.value, "child", "child");
  if (!child) return api_error(child.error());
  auto action = text_of(body.value, "action", true);
  if (!action) return api_error(action.error());
  if (*action != "authorise" && *action != "return")
    return api_error(422, "invalid", "action must be \"authorise\" or \"return\"", "action");
  auto note = text_of(body.value, "note", false);
  if (!note) return api_error(note.error());
  FrontDoorService front_door(db, clock);
  auto done = *action == "authorise"
                  ? front_door.authorise(user, contact_id, *version, *child, *note, channel)
                  : front_door.return_decision(user, contact_id, *version, *child, *note, channel);
  if (!done) {
    Error e = done.error();
    // The domain reports a child not on the contact as not found; the contact itself exists.
    if (e.code == ErrorCode::kNotFound && e.message.find("not a child on this contact") != std::string::npos)
      return api_error(422, "invalid", e.message, "child");
    if (e.code == ErrorCode::kConflict && e.field.empty()) e.field = "expected_version";
    return api_error(e);
  }
  return json_response(200, json{{"id", contact_id},
                                 {"version", *done},
                                 {"child", *child},
                                 {"status", *action == "authorise" ? "final" : "awaiting decision"}});
}

// ---- POST /api/v1/contacts/{id}/enquiries ----

Response open_enquiry(const Request& request, int64_t contact_id, Database& db, const Clock& clock,
                      const User& user, const Channel& channel) {
  Body body =
      read_body(request, {"expected_version", "agencies", "question", "lawful_basis", "children", "fields"});
  if (body.error) return *body.error;
  const json& b = body.value;
  auto version = version_of(b);
  if (!version) return api_error(version.error());
  MashEnquiryInput input;
  auto agencies = texts_member(b, "agencies", "agencies", "agency codes (police, health, education...)");
  if (!agencies) return api_error(agencies.error());
  input.agencies = *agencies;
  auto question = text_of(b, "question", false);
  if (!question) return api_error(question.error());
  input.question = *question;
  auto basis = text_of(b, "lawful_basis", false);
  if (!basis) return api_error(basis.error());
  input.lawful_basis = *basis;
  auto children = ids_member(b, "children", "children");
  if (!children) return api_error(children.error());
  input.children = *children;
  auto fields = texts_member(b, "fields", "fields", "codes of what is shared (name, date_of_birth...)");
  if (!fields) return api_error(fields.error());
  input.fields = *fields;
  FrontDoorService front_door(db, clock);
  auto opened = front_door.open_enquiry(user, contact_id, *version, input, channel);
  if (!opened) {
    Error e = opened.error();
    // The domain names fields as the web form does ("enquiry.agencies"); the API's are top-level.
    if (e.field.starts_with("enquiry.")) e.field = e.field.substr(8);
    if (e.code == ErrorCode::kConflict && e.field.empty()) e.field = "expected_version";
    return api_error(e);
  }
  json requests = json::array();
  for (const MashRequest& r : opened->requests)
    requests.push_back({{"agency", r.agency}, {"due_at", r.due_at.iso()}});
  json answer = {{"contact_id", contact_id},
                 {"enquiry_id", opened->enquiry_id},
                 {"version", opened->version},
                 {"requests", requests},
                 {"href", contact_href(contact_id)}};
  Response r = json_response(201, answer);
  r.set_header("Location", contact_href(contact_id));
  return r;
}

// ---- the lists ----

Response queue(const Request& request, Database& db, const Clock& clock, const User& user) {
  const FormData q = FormData::parse(request.query);
  if (auto bad = unknown_parameter(q, {"team", "holder", "urgency"})) return *bad;
  QueueFilter filter;
  filter.holder = q.get("holder");
  // Checked before it reaches the database (PostgreSQL refuses text that is not UTF-8).
  if (!filter.holder.empty() && !is_valid_username(filter.holder))
    return api_error(422, "invalid", "holder must be a username", "holder");
  filter.urgency = q.get("urgency");
  if (!filter.urgency.empty() && !is_valid_code(CodeList::kUrgency, filter.urgency))
    return api_error(422, "invalid", "urgency must be red, amber or green", "urgency");
  const std::string team = q.get("team");
  FrontDoorService front_door(db, clock);
  if (!team.empty()) {
    // A team by its ID or by its name (systems know names; IDs are shown nowhere else).
    if (const auto id = parse_id(team)) {
      filter.team_id = *id;
    } else {
      // Only those who may see the queue learn which teams exist.
      if (!can_work_contacts(user)) return api_error(front_door.queue(user, filter).error());
      auto users = front_door.holders(user);
      if (!users) return api_error(users.error());
      for (const User& u : *users) {
        if (u.team_id && u.team_name == team) filter.team_id = u.team_id;
      }
      if (!filter.team_id)
        return api_error(422, "invalid", "There is no team called \"" + team.substr(0, 60) + "\"", "team");
    }
  }
  auto items = front_door.queue(user, filter);
  if (!items) return api_error(items.error());
  json out = json::array();
  for (const QueueItem& item : *items) {
    const ContactRow& c = item.contact;
    json children = json::array();
    for (const PersonSummary& p : item.children) children.push_back(brief_person_json(p));
    out.push_back({{"contact_id", c.contact_id},
                   {"version", c.version},
                   {"received_at", c.received_at.iso()},
                   {"source", c.source},
                   {"source_label", label_of(CodeList::kReferralSource, c.source)},
                   {"referrer_name", c.referrer_name},
                   {"urgency", c.urgency},
                   {"holder", c.holder},
                   {"holder_name", item.holder_name},
                   {"status", status_words(c.status)},
                   {"children", children},
                   {"decision_due", item.decision_due.iso()},
                   {"deadline", deadline_json(item.deadline)},
                   {"time_remaining", item.time_remaining},
                   {"href", contact_href(c.contact_id)}});
  }
  return json_response(200, json{{"items", out}});
}

Response authorisations(const Request& request, Database& db, const Clock& clock, const User& user) {
  if (auto bad = unknown_parameter(FormData::parse(request.query), {})) return *bad;
  auto items = FrontDoorService(db, clock).awaiting_authorisation(user);
  if (!items) return api_error(items.error());
  json out = json::array();
  for (const AuthorisationItem& item : *items) {
    const ContactChildRow& d = item.decision;
    out.push_back({{"contact_id", d.contact_id},
                   {"child", brief_person_json(item.child)},
                   {"received_at", d.received_at.iso()},
                   {"source", d.source},
                   {"outcome", d.outcome},
                   {"outcome_label", label_of(CodeList::kFrontDoorOutcome, d.outcome)},
                   {"decided_at", optional_instant(d.decided_at)},
                   {"decided_by", d.decided_by},
                   {"decided_by_name", item.decided_by_name},
                   {"href", contact_href(d.contact_id)}});
  }
  return json_response(200, json{{"items", out}});
}

Response dashboard(const Request& request, Database& db, const Clock& clock, const User& user) {
  const FormData q = FormData::parse(request.query);
  if (auto bad = unknown_parameter(q, {"from", "to"})) return *bad;
  Date to = clock.today();
  if (q.has("to")) {
    const auto parsed = Date::parse_iso(q.get("to"));
    if (!parsed) return api_error(422, "invalid", "to must be a real date in the form YYYY-MM-DD", "to");
    to = *parsed;
  }
  // By default, the twelve months up to and including `to`.
  Date from = add_months(to, -12) + 1;
  if (q.has("from")) {
    const auto parsed = Date::parse_iso(q.get("from"));
    if (!parsed) return api_error(422, "invalid", "from must be a real date in the form YYYY-MM-DD", "from");
    from = *parsed;
  }
  auto d = FrontDoorService(db, clock).dashboard(user, from, to);
  if (!d) return api_error(d.error());
  return json_response(200, dashboard_json(*d));
}

// ---- MASH partners ----

std::string enquiry_href(int64_t contact_id, int64_t enquiry_id) {
  return "/api/v1/mash/enquiries/" + std::to_string(contact_id) + "/" + std::to_string(enquiry_id);
}

Response partner_inbox(const Request& request, Database& db, const Clock& clock, const User& user) {
  const FormData q = FormData::parse(request.query);
  if (auto bad = unknown_parameter(q, {"include_answered"})) return *bad;
  auto include = flag_of(q, "include_answered", false);
  if (!include) return api_error(include.error());
  auto items = FrontDoorService(db, clock).partner_inbox(user, *include);
  if (!items) return api_error(items.error());
  json out = json::array();
  for (const PartnerRequestItem& item : *items) {
    const MashRequestRow& r = item.request;
    out.push_back({{"contact_id", r.contact_id},
                   {"enquiry_id", r.enquiry_id},
                   {"agency", r.agency},
                   {"opened_at", r.opened_at.iso()},
                   {"urgency", r.urgency},
                   {"due_at", r.due_at.iso()},
                   {"answered_at", optional_instant(r.answered_at)},
                   {"deadline", deadline_json(item.status)},
                   {"time_remaining", item.time_remaining},
                   {"href", enquiry_href(r.contact_id, r.enquiry_id)}});
  }
  return json_response(200, json{{"items", out}});
}

// Only what was shared: a detail not shared is absent, not empty.
json partner_enquiry_json(const PartnerEnquiryView& v) {
  const auto& fields = v.enquiry.shared_fields;
  const auto shares = [&](const char* field) {
    return std::find(fields.begin(), fields.end(), field) != fields.end();
  };
  json children = json::array();
  for (const PartnerEnquiryView::SharedChild& c : v.children) {
    json child = {{"id", c.person_id}};
    if (shares("name")) child["name"] = c.name;
    if (shares("date_of_birth")) child["date_of_birth"] = optional_date(c.date_of_birth);
    if (shares("address")) child["address"] = c.address;
    children.push_back(child);
  }
  json out = {{"contact_id", v.contact_id},
              {"enquiry_id", v.enquiry.id},
              {"agency", v.request.agency},
              {"opened_at", v.enquiry.opened_at.iso()},
              {"question", v.enquiry.question},
              {"lawful_basis", v.enquiry.lawful_basis},
              {"lawful_basis_label", label_of(CodeList::kLawfulBasis, v.enquiry.lawful_basis)},
              {"urgency", v.urgency},
              {"shared_fields", fields},
              {"children", children},
              {"due_at", v.request.due_at.iso()},
              {"answered_at", optional_instant(v.request.answered_at)},
              {"answer", v.request.answer},
              {"deadline", deadline_json(v.status)}};
  if (shares("concerns")) out["concerns"] = v.concerns;
  return out;
}

std::optional<Response> partner_enquiry(const Request& request, const std::string& rest, Database& db,
                                        const Clock& clock, const User& user, const Channel& channel) {
  // rest: "{contact_id}/{enquiry_id}" or "{contact_id}/{enquiry_id}/answer"
  const size_t first = rest.find('/');
  if (first == std::string::npos) return std::nullopt;
  const size_t second = rest.find('/', first + 1);
  const auto contact_id = parse_id(rest.substr(0, first));
  const auto enquiry_id =
      parse_id(rest.substr(first + 1, second == std::string::npos ? std::string::npos : second - first - 1));
  const std::string tail = second == std::string::npos ? "" : rest.substr(second + 1);
  if (!contact_id || !enquiry_id || (!tail.empty() && tail != "answer")) return std::nullopt;
  FrontDoorService front_door(db, clock);
  if (tail.empty()) {
    if (request.method != "GET") return api_error(405, "method_not_allowed", "Use GET to read an enquiry");
    auto view = front_door.partner_enquiry(user, *contact_id, *enquiry_id, channel);
    if (!view) return api_error(view.error());
    return json_response(200, partner_enquiry_json(*view));
  }
  if (request.method != "POST") return api_error(405, "method_not_allowed", "Use POST to answer an enquiry");
  Body body = read_body(request, {"answer"});
  if (body.error) return *body.error;
  auto answer = text_of(body.value, "answer", true);
  if (!answer) return api_error(answer.error());
  Status answered = front_door.answer_enquiry(user, *contact_id, *enquiry_id, *answer, channel);
  if (!answered) return api_error(answered.error());
  return json_response(200, json{{"contact_id", *contact_id},
                                 {"enquiry_id", *enquiry_id},
                                 {"agency", user.agency},
                                 {"answered", true},
                                 {"href", enquiry_href(*contact_id, *enquiry_id)}});
}

Response method_not_allowed(const std::string& allowed) {
  Response r = api_error(405, "method_not_allowed", "Use " + allowed + " here");
  r.set_header("Allow", allowed);
  return r;
}

}  // namespace

std::optional<Response> front_door_api(const Request& request, Database& db, const Clock& clock,
                                       const User& user, const Channel& channel) {
  const std::string& path = request.path;
  const bool get = request.method == "GET";
  const bool post = request.method == "POST";
  try {
    if (path == "/api/v1/contacts") {
      if (!post) return method_not_allowed("POST");
      return record_contact(request, db, clock, user, channel);
    }
    if (path.starts_with("/api/v1/contacts/")) {
      const std::string rest = path.substr(17);
      const size_t slash = rest.find('/');
      const auto id = parse_id(rest.substr(0, slash));
      if (!id) return api_error(404, "not_found", "No contact with that ID: IDs are whole numbers");
      const std::string tail = slash == std::string::npos ? "" : rest.substr(slash + 1);
      if (tail.empty()) {
        if (!get) return method_not_allowed("GET");
        auto view = FrontDoorService(db, clock).open(user, *id, channel);
        if (!view) return api_error(view.error());
        return json_response(200, contact_json(*view));
      }
      if (tail == "decisions" || tail == "authorisations" || tail == "enquiries") {
        if (!post) return method_not_allowed("POST");
        if (tail == "decisions") return decide(request, *id, db, clock, user, channel);
        if (tail == "authorisations") return authorise(request, *id, db, clock, user, channel);
        return open_enquiry(request, *id, db, clock, user, channel);
      }
      return std::nullopt;
    }
    if (path == "/api/v1/frontdoor/queue" || path == "/api/v1/frontdoor/authorisations" ||
        path == "/api/v1/frontdoor/dashboard") {
      if (!get) return method_not_allowed("GET");
      if (path.ends_with("queue")) return queue(request, db, clock, user);
      if (path.ends_with("authorisations")) return authorisations(request, db, clock, user);
      return dashboard(request, db, clock, user);
    }
    if (path == "/api/v1/mash/enquiries") {
      if (!get) return method_not_allowed("GET");
      return partner_inbox(request, db, clock, user);
    }
    if (path.starts_with("/api/v1/mash/enquiries/")) {
      return partner_enquiry(request, path.substr(23), db, clock, user, channel);
    }
  } catch (const json::exception& e) {
    // Every member is type-checked before it is read; this is a defect, said plainly, never a crash.
    return api_error(500, "internal", std::string("The request could not be read: ") + e.what());
  }
  return std::nullopt;
}

}  // namespace safeguard::web
