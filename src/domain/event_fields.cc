#include "domain/event_fields.h"

namespace safeguard {

const nlohmann::json& event_member(const DomainEvent& e, const char* key) {
  if (!e.data.contains(key)) throw MalformedEvent(e.version, std::string("missing ") + key);
  return e.data.at(key);
}

std::string event_text(const DomainEvent& e, const char* key) {
  const nlohmann::json& v = event_member(e, key);
  if (!v.is_string()) throw MalformedEvent(e.version, std::string(key) + " is not text");
  return v.get<std::string>();
}

int64_t event_int(const DomainEvent& e, const char* key) {
  const nlohmann::json& v = event_member(e, key);
  if (!v.is_number_integer()) throw MalformedEvent(e.version, std::string(key) + " is not a number");
  return v.get<int64_t>();
}

bool event_bool(const DomainEvent& e, const char* key) {
  const nlohmann::json& v = event_member(e, key);
  if (!v.is_boolean()) throw MalformedEvent(e.version, std::string(key) + " is not true or false");
  return v.get<bool>();
}

Date event_date(const DomainEvent& e, const char* key) {
  auto d = Date::parse_iso(event_text(e, key));
  if (!d) throw MalformedEvent(e.version, std::string(key) + " is not a date");
  return *d;
}

Timestamp event_instant(const DomainEvent& e, const char* key) {
  auto t = Timestamp::parse_iso(event_text(e, key));
  if (!t) throw MalformedEvent(e.version, std::string(key) + " is not an instant");
  return *t;
}

}  // namespace safeguard
