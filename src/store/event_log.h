// The record itself: append-only event streams, one per person (and later per household or other
// subject), each event chained to the one before it by SHA-256.
//
// A stream is named "<kind>/<id>", e.g. "person/1042". Each event stores its stream and version
// (1, 2, ...), type, the date it occurred, when and by whom it was recorded, the reason (for
// corrections), its data (canonical JSON text), the previous event's hash and its own hash. The
// hash covers every one of those fields, so changing any stored byte, removing an event or
// swapping two is detected by verify(). The `streams` table holds each stream's head (version and
// last hash), so truncating the end of a stream is detected too.
//
// Appends use optimistic concurrency: the caller states the version it read; if the stream has
// moved on, append returns a conflict and writes nothing. Appends run inside the caller's
// transaction (see Database::transact), so read models change in the same transaction.
//
// Thread safety: one EventLog per connection; not shared between threads.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "core/date.h"
#include "core/result.h"
#include "store/sql.h"

namespace safeguard {

struct NewEvent {
  std::string type;
  Date occurred_on;
  std::string reason;
  std::string data;  // canonical JSON text
};

struct RecordedEvent {
  int64_t sequence = 0;  // position in the whole log
  std::string stream;
  int64_t version = 0;
  std::string type;
  Date occurred_on;
  Timestamp recorded_at;
  std::string actor;
  std::string reason;
  std::string data;
  std::string previous_hash;
  std::string hash;
};

// The hash of an event: SHA-256 over its fields, each length-prefixed, and the previous hash.
std::string event_hash(const RecordedEvent& event);

// The hash before the first event of every stream.
inline constexpr const char* kGenesisHash =
    "0000000000000000000000000000000000000000000000000000000000000000";

std::string stream_name(std::string_view kind, int64_t id);

struct ChainProblem {
  std::string stream;
  int64_t version = 0;   // the first event at fault (or the missing one)
  int64_t sequence = 0;  // its position in the log, 0 if it is missing
  std::string problem;   // what is wrong, in words
};

class EventLog {
 public:
  explicit EventLog(SqlConnection& db) : db_(db) {}

  // Appends events to a stream that is at `expected_version` (0 for a new stream). Returns the
  // recorded events, or a conflict (nothing written) when the stream is at another version.
  // Throws SqlError on database failure. Must run inside a transaction.
  Result<std::vector<RecordedEvent>> append(std::string_view stream, std::string_view kind,
                                            int64_t expected_version, const std::vector<NewEvent>& events,
                                            std::string_view actor, Timestamp recorded_at);

  // Every event of a stream in version order (empty if the stream does not exist).
  std::vector<RecordedEvent> read(std::string_view stream);

  // Every event of many streams (each named once), each handed to `each` once: a stream's events
  // in version order, streams interleaved. Names not in the log give nothing. When the streams
  // hold a fair part of the log's events (a year's return), the log is read once from start to
  // end in pieces of at most `rows_at_once` rows rather than stream by stream, which at council
  // scale is faster warm and far faster from disk.
  void read_streams(const std::vector<std::string>& streams,
                    const std::function<void(const RecordedEvent&)>& each, int64_t rows_at_once = 20000);

  // The stream's current version, 0 if it does not exist.
  int64_t version(std::string_view stream);

  // Names of every stream of a kind, in creation order.
  std::vector<std::string> streams(std::string_view kind);

  // Walks every chain (and every stream head) and returns the first problem found, or nullopt if
  // all are intact. `progress` (if set) is called with (streams checked, total streams).
  std::optional<ChainProblem> verify(const std::function<void(int64_t, int64_t)>& progress = {});

  int64_t event_count();

  // When the latest event was recorded; nullopt for an empty log.
  std::optional<Timestamp> last_recorded_at();

 private:
  SqlConnection& db_;
};

}  // namespace safeguard
