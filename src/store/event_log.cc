#include "store/event_log.h"

#include <nlohmann/json.hpp>

#include "core/crypto.h"

namespace safeguard {
namespace {

void append_field(std::string& out, std::string_view name, std::string_view value) {
  out += name;
  out += ':';
  out += std::to_string(value.size());
  out += ':';
  out += value;
  out += '\n';
}

constexpr const char* kEventColumns =
    "sequence, stream, version, type, occurred_on, recorded_at, actor, reason, data, previous_hash, hash";

RecordedEvent event_from_row(const SqlRow& row) {
  RecordedEvent e;
  e.sequence = row.integer(0);
  e.stream = row.text(1);
  e.version = row.integer(2);
  e.type = row.text(3);
  // Stored text that does not parse stays visible to verify() through the hash; here it reads as
  // the epoch rather than failing the whole read.
  e.occurred_on = Date::parse_iso(row.text(4)).value_or(Date());
  e.recorded_at = Timestamp::parse_iso(row.text(5)).value_or(Timestamp());
  e.actor = row.text(6);
  e.reason = row.text(7);
  e.data = row.text(8);
  e.previous_hash = row.text(9);
  e.hash = row.text(10);
  return e;
}

// The hash over the stored text of the dates, so a row whose date text was altered fails even if
// it would parse to the same date.
std::string hash_of_row(const SqlRow& row, const RecordedEvent& e) {
  std::string material;
  material.reserve(e.data.size() + 256);
  append_field(material, "stream", e.stream);
  append_field(material, "version", std::to_string(e.version));
  append_field(material, "type", e.type);
  append_field(material, "occurred_on", row.text(4));
  append_field(material, "recorded_at", row.text(5));
  append_field(material, "actor", e.actor);
  append_field(material, "reason", e.reason);
  append_field(material, "data", e.data);
  append_field(material, "previous_hash", e.previous_hash);
  return sha256_hex(material);
}

}  // namespace

std::string stream_name(std::string_view kind, int64_t id) {
  return std::string(kind) + "/" + std::to_string(id);
}

std::string event_hash(const RecordedEvent& e) {
  std::string material;
  material.reserve(e.data.size() + 256);
  append_field(material, "stream", e.stream);
  append_field(material, "version", std::to_string(e.version));
  append_field(material, "type", e.type);
  append_field(material, "occurred_on", e.occurred_on.iso());
  append_field(material, "recorded_at", e.recorded_at.iso());
  append_field(material, "actor", e.actor);
  append_field(material, "reason", e.reason);
  append_field(material, "data", e.data);
  append_field(material, "previous_hash", e.previous_hash);
  return sha256_hex(material);
}

Result<std::vector<RecordedEvent>> EventLog::append(std::string_view stream, std::string_view kind,
                                                    int64_t expected_version,
                                                    const std::vector<NewEvent>& events,
                                                    std::string_view actor, Timestamp recorded_at) {
  if (!db_.in_transaction()) throw SqlError(SqlError::Kind::kOther, "EventLog::append outside a transaction");
  if (events.empty()) return std::vector<RecordedEvent>{};
  auto head = db_.query("SELECT version, head_hash FROM streams WHERE stream = ?", {sql_text(stream)});
  const int64_t current = head.empty() ? 0 : head[0].integer(0);
  if (current != expected_version) {
    return Error::conflict("This record was changed by someone else (it is now at version " +
                           std::to_string(current) + ", you read version " +
                           std::to_string(expected_version) +
                           "). Nothing was saved: reload the record and make your change again.");
  }
  std::string previous_hash = head.empty() ? kGenesisHash : head[0].text(1);
  const std::string now = recorded_at.iso();
  if (head.empty()) {
    db_.execute(
        "INSERT INTO streams (stream, kind, version, head_hash, created_at, updated_at) VALUES (?, ?, 0, ?, "
        "?, ?)",
        {sql_text(stream), sql_text(kind), sql_text(kGenesisHash), sql_text(now), sql_text(now)});
  }
  std::vector<RecordedEvent> recorded;
  recorded.reserve(events.size());
  int64_t version = current;
  for (const NewEvent& n : events) {
    RecordedEvent e;
    e.stream = std::string(stream);
    e.version = ++version;
    e.type = n.type;
    e.occurred_on = n.occurred_on;
    e.recorded_at = recorded_at;
    e.actor = std::string(actor);
    e.reason = n.reason;
    e.data = n.data;
    e.previous_hash = previous_hash;
    e.hash = event_hash(e);
    auto rows = db_.query(
        "INSERT INTO events (stream, version, type, occurred_on, recorded_at, actor, reason, data, "
        "previous_hash, hash)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING sequence",
        {sql_text(e.stream), sql_int(e.version), sql_text(e.type), sql_text(e.occurred_on.iso()),
         sql_text(now), sql_text(e.actor), sql_text(e.reason), sql_text(e.data), sql_text(e.previous_hash),
         sql_text(e.hash)});
    e.sequence = rows.at(0).integer(0);
    previous_hash = e.hash;
    recorded.push_back(std::move(e));
  }
  // The guarded update is the real lock: a concurrent writer that read the same version changes
  // no row here (or hits the unique (stream, version) index first), and its transaction fails.
  const int64_t changed = db_.execute(
      "UPDATE streams SET version = ?, head_hash = ?, updated_at = ? WHERE stream = ? AND version = ?",
      {sql_int(version), sql_text(previous_hash), sql_text(now), sql_text(stream),
       sql_int(expected_version)});
  if (changed != 1) {
    throw SqlError(SqlError::Kind::kUniqueViolation,
                   "stream " + std::string(stream) + " changed during the append");
  }
  return recorded;
}

std::vector<RecordedEvent> EventLog::read(std::string_view stream) {
  auto rows =
      db_.query(std::string("SELECT ") + kEventColumns + " FROM events WHERE stream = ? ORDER BY version",
                {sql_text(stream)});
  std::vector<RecordedEvent> events;
  events.reserve(rows.size());
  for (const SqlRow& row : rows) events.push_back(event_from_row(row));
  return events;
}

void EventLog::read_streams(const std::vector<std::string>& streams,
                            const std::function<void(const RecordedEvent&)>& each, int64_t rows_at_once) {
  if (streams.empty()) return;
  // The names go as one JSON list.
  const std::string names = nlohmann::json(streams).dump();
  const std::string named = db_.dialect() == Dialect::kSqlite
                                ? "IN (SELECT value FROM json_each(?))"
                                : "IN (SELECT jsonb_array_elements_text(CAST(? AS jsonb)))";
  // A stream's events are spread through the log, so reading stream by stream seeks page after
  // page. Measured on a council's log, reading the whole log in order costs less once the streams
  // hold more than about an eighth of its events (a stream's version is its count of events).
  const int64_t wanted =
      db_.query("SELECT COALESCE(SUM(version), 0) FROM streams WHERE stream " + named, {sql_text(names)})
          .at(0)
          .integer(0);
  const int64_t total = db_.query("SELECT COALESCE(MAX(sequence), 0) FROM events").at(0).integer(0);
  if (wanted * 8 < total) {
    for (const std::string& stream : streams) {
      for (const RecordedEvent& e : read(stream)) each(e);
    }
    return;
  }
  // SQLite's "+stream" keeps it from seeking by the stream index.
  const std::string sql = std::string("SELECT ") + kEventColumns + " FROM events WHERE sequence > ? AND " +
                          (db_.dialect() == Dialect::kSqlite ? "+" : "") + "stream " + named +
                          " ORDER BY sequence LIMIT ?";
  int64_t after = 0;
  for (;;) {
    const auto rows = db_.query(sql, {sql_int(after), sql_text(names), sql_int(rows_at_once)});
    for (const SqlRow& row : rows) {
      const RecordedEvent e = event_from_row(row);
      after = e.sequence;
      each(e);
    }
    if (static_cast<int64_t>(rows.size()) < rows_at_once) return;
  }
}

int64_t EventLog::version(std::string_view stream) {
  auto rows = db_.query("SELECT version FROM streams WHERE stream = ?", {sql_text(stream)});
  return rows.empty() ? 0 : rows[0].integer(0);
}

std::vector<std::string> EventLog::streams(std::string_view kind) {
  auto rows =
      db_.query("SELECT stream FROM streams WHERE kind = ? ORDER BY created_at, stream", {sql_text(kind)});
  std::vector<std::string> names;
  names.reserve(rows.size());
  for (const SqlRow& row : rows) names.push_back(row.text(0));
  return names;
}

int64_t EventLog::event_count() { return db_.query("SELECT COUNT(*) FROM events").at(0).integer(0); }

std::optional<Timestamp> EventLog::last_recorded_at() {
  // The last appended: events are appended as they are recorded.
  const auto rows = db_.query("SELECT recorded_at FROM events ORDER BY sequence DESC LIMIT 1");
  if (rows.empty()) return std::nullopt;
  return Timestamp::parse_iso(rows[0].text(0));
}

std::optional<ChainProblem> EventLog::verify(const std::function<void(int64_t, int64_t)>& progress) {
  auto orphans = db_.query(
      "SELECT stream, MIN(version), MIN(sequence) FROM events WHERE stream NOT IN (SELECT stream FROM "
      "streams)"
      " GROUP BY stream ORDER BY stream LIMIT 1");
  if (!orphans.empty()) {
    return ChainProblem{orphans[0].text(0), orphans[0].integer(1), orphans[0].integer(2),
                        "events exist for a stream that has no head record"};
  }
  auto heads = db_.query("SELECT stream, version, head_hash FROM streams ORDER BY stream");
  const auto total = static_cast<int64_t>(heads.size());
  int64_t checked = 0;
  for (const SqlRow& head : heads) {
    const std::string stream = head.text(0);
    const int64_t head_version = head.integer(1);
    auto rows =
        db_.query(std::string("SELECT ") + kEventColumns + " FROM events WHERE stream = ? ORDER BY version",
                  {sql_text(stream)});
    std::string previous = kGenesisHash;
    int64_t expected = 1;
    for (const SqlRow& row : rows) {
      const RecordedEvent e = event_from_row(row);
      if (e.version != expected) {
        return ChainProblem{stream, expected, 0,
                            "event version " + std::to_string(expected) + " is missing (found version " +
                                std::to_string(e.version) + " next)"};
      }
      if (e.previous_hash != previous) {
        return ChainProblem{
            stream, e.version, e.sequence,
            "its previous-hash does not match the hash of the event before it (events removed or reordered)"};
      }
      if (hash_of_row(row, e) != e.hash) {
        return ChainProblem{stream, e.version, e.sequence,
                            "its contents do not match its hash (the event was altered)"};
      }
      previous = e.hash;
      ++expected;
    }
    const int64_t last = expected - 1;
    if (last != head_version) {
      return ChainProblem{stream, last + 1, 0,
                          "the stream head says version " + std::to_string(head_version) +
                              " but the log ends at version " + std::to_string(last) +
                              " (events truncated or added outside Safeguard)"};
    }
    if (head.text(2) != previous) {
      return ChainProblem{stream, last, 0, "the stream head's hash does not match its last event"};
    }
    ++checked;
    if (progress && (checked % 1000 == 0 || checked == total)) progress(checked, total);
  }
  return std::nullopt;
}

}  // namespace safeguard
