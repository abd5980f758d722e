// Read models: tables shaped for screens, search, queues and dashboards, each a projection of one
// kind of event stream. A Projection names its stream kind, its tables (each keyed by the record's
// id in its first column) and a pure function from a record's events to its rows.
//
// write_read_models() replaces one record's rows inside the append's transaction;
// rebuild_read_models() replays every stream of every kind (`safeguard rebuild`); and
// verify_read_models() compares the live tables with a rebuild without changing anything
// (`safeguard rebuild --verify`). All three use the same projections, so they cannot disagree.
//
// Also here: the conversions between the store's events and the domain's.
//
// Thread safety: functions over a connection that belongs to the calling thread.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"
#include "domain/event.h"
#include "store/database.h"
#include "store/event_log.h"
#include "store/sql.h"

namespace safeguard {

struct ReadModelTable {
  const char* name;
  std::vector<const char*> columns;  // the first is the record's id (person_id, contact_id...)
  const char* order_by;              // a total order of the rows, for comparisons
};

struct ReadModelRow {
  const ReadModelTable* table;
  std::vector<SqlValue> values;  // in the table's column order
};

struct Projection {
  std::string_view stream_kind;
  const std::vector<ReadModelTable>* tables;
  // The rows of one record, from its events. Throws MalformedEvent.
  std::vector<ReadModelRow> (*project)(int64_t id, const std::vector<DomainEvent>& events);
};

// Every projection: people, contacts.
const std::vector<Projection>& projections();

// Replaces one record's rows in every table of its stream kind's projection. Throws SqlError.
void write_read_models(SqlConnection& db, std::string_view stream_kind, int64_t id,
                       const std::vector<ReadModelRow>& rows);

struct RebuildReport {
  int64_t streams = 0;
  int64_t events = 0;
};

// Rebuilds every read model from the log, in one transaction.
Result<RebuildReport> rebuild_read_models(Database& db,
                                          const std::function<void(int64_t, int64_t)>& progress = {});

// The differences between the live read models and a rebuild, in words (empty when they agree); at
// most `limit`. Changes nothing.
Result<std::vector<std::string>> verify_read_models(
    Database& db, size_t limit = 50, const std::function<void(int64_t, int64_t)>& progress = {});

// Conversions between the store's events and the domain's. to_domain throws MalformedEvent if the
// stored data is not JSON.
DomainEvent to_domain_event(const RecordedEvent& event);
std::vector<DomainEvent> to_domain_events(const std::vector<RecordedEvent>& events);
NewEvent to_new_event(const DomainEvent& event);

}  // namespace safeguard
