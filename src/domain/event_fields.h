// Reading a stored event's data when folding it: each member by name and type, or MalformedEvent
// naming the event and the member, so a record that cannot be read safely says so rather than guess.
// Shared by the journey's and the assessment's folds.
//
// Thread safety: pure functions.
#pragma once

#include <cstdint>
#include <string>

#include "core/date.h"
#include "domain/event.h"

namespace safeguard {

const nlohmann::json& event_member(const DomainEvent& e, const char* key);
std::string event_text(const DomainEvent& e, const char* key);
int64_t event_int(const DomainEvent& e, const char* key);
bool event_bool(const DomainEvent& e, const char* key);
Date event_date(const DomainEvent& e, const char* key);          // "YYYY-MM-DD"
Timestamp event_instant(const DomainEvent& e, const char* key);  // ISO 8601

}  // namespace safeguard
