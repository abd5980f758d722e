// The JSON API under /api/v1, for partner systems. Authenticated by bearer token (safeguard tokens
// create); the token's user's role and relationships decide what it may see, exactly as for a
// person at a browser, and every read of a record is logged with the API call.
//
// Errors are JSON: {"error": {"code": "invalid", "message": "...", "field": "date_of_birth"}},
// with 400 for a body that is not JSON, 415 for one that is not declared as JSON, 422 for values
// that break a rule, 401/403/404/409/429 as their names say. Unknown fields are refused rather
// than ignored, so a misspelt field cannot silently lose data.
#include <set>

#include "app/auth.h"
#include "app/people.h"
#include "core/text.h"
#include "domain/codes.h"
#include "web/api_support.h"
#include "web/page_context.h"

namespace safeguard::web {
namespace {

Response search(const Request& request, PeopleService& people, const User& user) {
  const FormData q = FormData::parse(request.query);
  for (const auto& [key, value] : q.fields()) {
    if (key != "name" && key != "dob" && key != "postcode" && key != "identifier" && key != "limit") {
      return api_error(422, "invalid", "Unknown query parameter \"" + key.substr(0, 60) + "\"",
                       key.substr(0, 60));
    }
  }
  PersonSearch s{q.get("name"), std::nullopt, q.get("postcode"), q.get("identifier")};
  if (!q.get("dob").empty()) {
    s.date_of_birth = Date::parse_iso(q.get("dob"));
    if (!s.date_of_birth)
      return api_error(422, "invalid", "dob must be a real date in the form YYYY-MM-DD", "dob");
  }
  size_t limit = 50;
  if (q.has("limit")) {
    const auto n = parse_id(q.get("limit"));
    if (!n || *n > 200)
      return api_error(422, "invalid", "limit must be a whole number from 1 to 200", "limit");
    limit = static_cast<size_t>(*n);
  }
  auto hits = people.search(user, s, limit);
  if (!hits)
    return api_error(hits.error().field == "date_of_birth" ? Error::invalid(hits.error().message, "dob")
                                                           : hits.error());
  json results = json::array();
  for (const SearchHit& h : *hits) results.push_back(hit_json(h));
  return json_response(200, json{{"results", results}});
}

Response create(const Request& request, PeopleService& people, const User& user, const Channel& channel) {
  std::set<std::string> allowed = kDetailKeys;
  allowed.insert({"identifiers", "address", "likely_matches_seen"});
  Body body = read_body(request, allowed);
  if (body.error) return *body.error;
  auto details = details_from_json(body.value);
  if (!details) return api_error(details.error());
  NewPersonInput input;
  input.details = *details;
  if (body.value.contains("identifiers")) {
    const json& ids = body.value.at("identifiers");
    if (!ids.is_array())
      return api_error(422, "invalid", "identifiers must be a list of {type, value}", "identifiers");
    for (size_t i = 0; i < ids.size(); ++i) {
      const std::string field = "identifiers[" + std::to_string(i) + "]";
      if (!ids[i].is_object())
        return api_error(422, "invalid", field + " must be an object {type, value}", field);
      auto type = text_of(ids[i], "type", true);
      auto value = text_of(ids[i], "value", true);
      if (!type) return api_error(422, "invalid", type.error().message, field + ".type");
      if (!value) return api_error(422, "invalid", value.error().message, field + ".value");
      input.identifiers.push_back({*type, *value});
    }
  }
  if (body.value.contains("address") && !body.value.at("address").is_null()) {
    const json& a = body.value.at("address");
    if (!a.is_object()) return api_error(422, "invalid", "address must be an object", "address");
    for (const auto& [key, value] : a.items()) {
      if (!kAddressKeys.count(key)) {
        return api_error(422, "invalid", "Unknown field \"address." + key.substr(0, 60) + "\"",
                         "address." + key.substr(0, 60));
      }
    }
    auto address = address_of(a, "address.");
    if (!address) return api_error(address.error());
    input.address = *address;
  }
  bool seen = false;
  if (body.value.contains("likely_matches_seen")) {
    if (!body.value.at("likely_matches_seen").is_boolean()) {
      return api_error(422, "invalid", "likely_matches_seen must be true or false", "likely_matches_seen");
    }
    seen = body.value.at("likely_matches_seen").get<bool>();
  }
  auto outcome = people.create(user, input, seen, channel);
  if (!outcome) return api_error(outcome.error());
  if (!outcome->created) {
    json matches = json::array();
    for (const SearchHit& h : outcome->likely_matches) matches.push_back(hit_json(h));
    return json_response(409,
                         json{{"error",
                               {{"code", "likely_matches"},
                                {"message",
                                 "These people may be the same person. Check them; to record a new person "
                                 "anyway, send the request again with \"likely_matches_seen\": true."},
                                {"matches", matches}}}});
  }
  const int64_t id = outcome->created->person_id;
  Response r = json_response(201, json{{"id", id},
                                       {"version", outcome->created->version},
                                       {"href", "/api/v1/people/" + std::to_string(id)}});
  r.set_header("Location", "/api/v1/people/" + std::to_string(id));
  return r;
}

Response change(const Request& request, const std::string& what, int64_t id, PeopleService& people,
                const User& user, const Channel& channel) {
  if (what == "corrections") {
    Body body = read_body(request, {"expected_version", "reason", "details"});
    if (body.error) return *body.error;
    auto version = version_of(body.value);
    if (!version) return api_error(version.error());
    auto reason = text_of(body.value, "reason", true);
    if (!reason) return api_error(reason.error());
    if (!body.value.contains("details") || !body.value.at("details").is_object()) {
      return api_error(422, "invalid",
                       "details must be an object of the corrected person details (all of them)", "details");
    }
    for (const auto& [key, value] : body.value.at("details").items()) {
      if (!kDetailKeys.count(key))
        return api_error(422, "invalid", "Unknown field \"details." + key.substr(0, 60) + "\"",
                         "details." + key.substr(0, 60));
    }
    auto details = details_from_json(body.value.at("details"));
    if (!details) return api_error(details.error());
    return changed(people.correct_details(user, id, *version, *details, *reason, channel), id);
  }
  if (what == "addresses") {
    Body body = read_body(request, {"expected_version", "line1", "line2", "town", "postcode", "from"});
    if (body.error) return *body.error;
    auto version = version_of(body.value);
    if (!version) return api_error(version.error());
    auto a = address_of(body.value, "");
    if (!a) return api_error(a.error());
    return changed(people.add_address(user, id, *version, *a, channel), id);
  }
  if (what == "identifiers") {
    Body body = read_body(request, {"expected_version", "type", "value"});
    if (body.error) return *body.error;
    auto version = version_of(body.value);
    if (!version) return api_error(version.error());
    auto type = text_of(body.value, "type", true);
    if (!type) return api_error(type.error());
    auto value = text_of(body.value, "value", true);
    if (!value) return api_error(value.error());
    return changed(people.add_identifier(user, id, *version, {*type, *value}, channel), id);
  }
  if (what == "relationships") {
    Body body = read_body(request, {"expected_version", "related_person_id", "type", "from"});
    if (body.error) return *body.error;
    auto version = version_of(body.value);
    if (!version) return api_error(version.error());
    if (!body.value.contains("related_person_id") ||
        !body.value.at("related_person_id").is_number_integer()) {
      return api_error(422, "invalid", "related_person_id must be the other person's Safeguard ID",
                       "related_person_id");
    }
    auto type = text_of(body.value, "type", true);
    if (!type) return api_error(type.error());
    auto from = date_of(body.value, "from");
    if (!from) return api_error(from.error());
    return changed(
        people.add_relationship(user, id, *version, body.value.at("related_person_id").get<int64_t>(), *type,
                                *from, channel),
        id);
  }
  if (what == "case-notes") {
    Body body = read_body(request, {"expected_version", "type", "contact_date", "text"});
    if (body.error) return *body.error;
    auto version = version_of(body.value);
    if (!version) return api_error(version.error());
    auto type = text_of(body.value, "type", true);
    if (!type) return api_error(type.error());
    auto when = required_date_of(body.value, "contact_date", ": the day it happened");
    if (!when) return api_error(when.error());
    auto text = text_of(body.value, "text", true);
    if (!text) return api_error(text.error());
    return changed(people.add_case_note(user, id, *version, *type, *when, *text, channel), id);
  }
  if (what == "allocations") {
    Body body = read_body(request, {"expected_version", "worker", "from", "reason"});
    if (body.error) return *body.error;
    auto version = version_of(body.value);
    if (!version) return api_error(version.error());
    auto worker = text_of(body.value, "worker", true);
    if (!worker) return api_error(worker.error());
    auto from = required_date_of(body.value, "from", ": the day the allocation starts");
    if (!from) return api_error(from.error());
    auto reason = text_of(body.value, "reason", true);
    if (!reason) return api_error(reason.error());
    return changed(people.allocate(user, id, *version, *worker, *from, *reason, channel), id);
  }
  return api_error(404, "not_found", "No such API call");
}

}  // namespace

Response api(const Request& request, Database& db, const Clock& clock, const SiteOptions& options) {
  try {
    const auto authorization = request.header("Authorization");
    if (!authorization || !authorization->starts_with("Bearer ")) {
      Response r = api_error(401, "unauthenticated", "Send an API token: Authorization: Bearer <token>");
      r.set_header("WWW-Authenticate", "Bearer");
      return r;
    }
    AuthService auth(db, clock, options.auth);
    auto user = auth.authenticate_token(trim(authorization->substr(7)));
    if (!user) {
      Response r = api_error(user.error());
      r.set_header("WWW-Authenticate", "Bearer error=\"invalid_token\"");
      return r;
    }
    PeopleService people(db, clock);
    const Channel channel{"api", request.method + " " + request.path};
    const std::string& path = request.path;
    const bool get = request.method == "GET";
    const bool post = request.method == "POST";
    if (path == "/api/v1/people") {
      if (get) return search(request, people, *user);
      if (post) return create(request, people, *user, channel);
      return api_error(405, "method_not_allowed", "Use GET to search or POST to record a person");
    }
    if (path.starts_with("/api/v1/people/")) {
      const std::string rest = path.substr(15);
      const size_t slash = rest.find('/');
      const auto id = parse_id(rest.substr(0, slash));
      if (!id) return api_error(404, "not_found", "No person with that ID: IDs are whole numbers");
      const std::string tail = slash == std::string::npos ? "" : rest.substr(slash + 1);
      if (tail.empty() && get) {
        auto record = people.open(*user, *id, channel);
        if (!record) return api_error(record.error());
        return json_response(200, record_json(*record));
      }
      if (tail == "events" && get) {
        auto events = people.events(*user, *id, channel);
        if (!events) return api_error(events.error());
        json out = json::array();
        for (const DomainEvent& e : *events) out.push_back(event_json(e));
        return json_response(200, json{{"person_id", *id}, {"events", out}});
      }
      if (post && (tail == "corrections" || tail == "addresses" || tail == "identifiers" ||
                   tail == "relationships" || tail == "allocations" || tail == "case-notes")) {
        return change(request, tail, *id, people, *user, channel);
      }
    }
    if (auto r = casework_api(request, db, clock, *user, channel)) return *r;
    if (auto r = protection_api(request, db, clock, *user, channel)) return *r;
    if (auto r = looked_after_api(request, db, clock, *user, channel)) return *r;
    if (auto r = missing_api(request, db, clock, *user, channel)) return *r;
    if (auto r = health_api(request, db, clock, *user, channel)) return *r;
    if (auto r = care_leaver_api(request, db, clock, *user, channel)) return *r;
    if (auto r = adoption_api(request, db, clock, *user, channel)) return *r;
    if (auto r = front_door_api(request, db, clock, *user, channel)) return *r;
    return api_error(404, "not_found", "No such API call: see /api/v1/people and /api/v1/contacts");
  } catch (const SqlError& e) {
    return api_error(503, "storage", std::string("The database failed; nothing was changed: ") + e.what());
  }
}

}  // namespace safeguard::web
