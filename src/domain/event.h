// The domain's view of one event on a record: what happened (type), the day it happened, why (for
// corrections), its data, and, once recorded, who recorded it and when. The store keeps events as
// text in a hash chain (store/event_log.h); the domain reads and writes them as this value.
//
// Data is JSON with sorted keys and no whitespace when serialised (nlohmann::json's default object
// ordering), so the same event always serialises to the same bytes and hashes the same.
//
// Thread safety: values.
#pragma once

#include <cstdint>
#include <nlohmann/json.hpp>
#include <stdexcept>
#include <string>

#include "core/date.h"

namespace safeguard {

struct DomainEvent {
  std::string type;    // "PersonRecorded", "PersonDetailsCorrected", ...
  Date occurred_on;    // the day it happened in the child's life (not when it was typed)
  std::string reason;  // why a correction was made; empty for ordinary events
  nlohmann::json data = nlohmann::json::object();

  // Set once recorded (zero/empty for an event not yet appended).
  int64_t version = 0;  // position in the stream, from 1
  Timestamp recorded_at;
  std::string actor;  // username of whoever recorded it
};

// Thrown when a stored event's data does not have the shape its type requires: the record cannot
// be read safely. Carries the event's version so the message can name it.
class MalformedEvent : public std::runtime_error {
 public:
  MalformedEvent(int64_t version, const std::string& message)
      : std::runtime_error("event " + std::to_string(version) + " is malformed: " + message),
        version_(version) {}
  int64_t version() const { return version_; }

 private:
  int64_t version_;
};

}  // namespace safeguard
