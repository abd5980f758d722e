#include "store/read_models.h"

#include <algorithm>
#include <map>
#include <set>

#include "store/contact_read_model.h"
#include "store/people_read_model.h"

namespace safeguard {
namespace {

std::string insert_sql(const ReadModelTable& t) {
  std::string sql = std::string("INSERT INTO ") + t.name + " (";
  std::string marks;
  for (size_t i = 0; i < t.columns.size(); ++i) {
    if (i) {
      sql += ", ";
      marks += ", ";
    }
    sql += t.columns[i];
    marks += "?";
  }
  return sql + ") VALUES (" + marks + ")";
}

std::string row_text(const ReadModelTable& t, const std::vector<SqlValue>& values) {
  std::string out = std::string(t.name) + "(";
  for (size_t i = 0; i < values.size(); ++i) {
    if (i) out += ", ";
    out += std::string(t.columns[i]) + "=" + sql_value_text(values[i]);
  }
  return out + ")";
}

// Values compared across databases: an integer read back from PostgreSQL and SQLite, or text.
std::vector<std::string> comparable(const std::vector<SqlValue>& values) {
  std::vector<std::string> out;
  out.reserve(values.size());
  for (const SqlValue& v : values) out.push_back(sql_value_text(v));
  return out;
}

int64_t id_of_stream(const std::string& stream) { return std::stoll(stream.substr(stream.find('/') + 1)); }

const Projection& projection_of(std::string_view kind) {
  for (const Projection& p : projections()) {
    if (p.stream_kind == kind) return p;
  }
  throw SqlError(SqlError::Kind::kOther, "no read models for stream kind " + std::string(kind));
}

int64_t total_streams(EventLog& log) {
  int64_t total = 0;
  for (const Projection& p : projections()) total += static_cast<int64_t>(log.streams(p.stream_kind).size());
  return total;
}

}  // namespace

const std::vector<Projection>& projections() {
  static const std::vector<Projection> kProjections = {
      {kPersonStreamKind, &people_read_model_tables(), &project_person_stream},
      {kContactStreamKind, &contact_read_model_tables(), &project_contact_stream},
  };
  return kProjections;
}

void write_read_models(SqlConnection& db, std::string_view stream_kind, int64_t id,
                       const std::vector<ReadModelRow>& rows) {
  const Projection& projection = projection_of(stream_kind);
  for (const ReadModelTable& t : *projection.tables) {
    db.execute(std::string("DELETE FROM ") + t.name + " WHERE " + t.columns.front() + " = ?", {sql_int(id)});
  }
  for (const ReadModelRow& row : rows) db.execute(insert_sql(*row.table), row.values);
}

Result<RebuildReport> rebuild_read_models(Database& db,
                                          const std::function<void(int64_t, int64_t)>& progress) {
  RebuildReport report;
  Status status = db.transact([&]() -> Status {
    SqlConnection& sql = db.sql();
    EventLog log(sql);
    const int64_t total = total_streams(log);
    for (const Projection& projection : projections()) {
      for (const ReadModelTable& t : *projection.tables) sql.execute(std::string("DELETE FROM ") + t.name);
      for (const std::string& stream : log.streams(projection.stream_kind)) {
        const auto events = log.read(stream);
        try {
          for (const ReadModelRow& row : projection.project(id_of_stream(stream), to_domain_events(events))) {
            sql.execute(insert_sql(*row.table), row.values);
          }
        } catch (const MalformedEvent& e) {
          return Error::invalid("Cannot rebuild " + stream + ": " + e.what());
        }
        ++report.streams;
        report.events += static_cast<int64_t>(events.size());
        if (progress && (report.streams % 1000 == 0 || report.streams == total))
          progress(report.streams, total);
      }
    }
    return Status::success();
  });
  if (!status) return status.error();
  return report;
}

Result<std::vector<std::string>> verify_read_models(Database& db, size_t limit,
                                                    const std::function<void(int64_t, int64_t)>& progress) {
  std::vector<std::string> differences;
  try {
    SqlConnection& sql = db.sql();
    EventLog log(sql);
    const int64_t total = total_streams(log);
    int64_t done = 0;
    for (const Projection& projection : projections()) {
      // Expected rows, from the log, per table, as comparable text tuples.
      std::map<std::string, std::multiset<std::vector<std::string>>> expected;
      for (const std::string& stream : log.streams(projection.stream_kind)) {
        try {
          for (ReadModelRow& row :
               projection.project(id_of_stream(stream), to_domain_events(log.read(stream)))) {
            expected[row.table->name].insert(comparable(row.values));
          }
        } catch (const MalformedEvent& e) {
          differences.push_back(stream + " cannot be folded: " + e.what());
        }
        ++done;
        if (progress && (done % 1000 == 0 || done == total)) progress(done, total);
      }
      for (const ReadModelTable& t : *projection.tables) {
        std::string select = "SELECT ";
        for (size_t i = 0; i < t.columns.size(); ++i) select += (i ? ", " : "") + std::string(t.columns[i]);
        select += std::string(" FROM ") + t.name + " ORDER BY " + t.order_by;
        std::multiset<std::vector<std::string>> live;
        for (const SqlRow& row : sql.query(select)) live.insert(comparable(row.values()));
        auto& want = expected[t.name];
        std::vector<std::vector<std::string>> missing;
        std::vector<std::vector<std::string>> extra;
        std::set_difference(want.begin(), want.end(), live.begin(), live.end(), std::back_inserter(missing));
        std::set_difference(live.begin(), live.end(), want.begin(), want.end(), std::back_inserter(extra));
        const auto describe = [&](const std::vector<std::string>& cells) {
          return row_text(t, std::vector<SqlValue>(cells.begin(), cells.end()));
        };
        for (const auto& m : missing) {
          if (differences.size() >= limit) break;
          differences.push_back("missing from the live read model: " + describe(m));
        }
        for (const auto& x : extra) {
          if (differences.size() >= limit) break;
          differences.push_back("in the live read model but not in a rebuild: " + describe(x));
        }
      }
    }
  } catch (const SqlError& e) {
    return Error::storage(e.what());
  }
  return differences;
}

DomainEvent to_domain_event(const RecordedEvent& r) {
  DomainEvent e;
  e.type = r.type;
  e.occurred_on = r.occurred_on;
  e.reason = r.reason;
  e.version = r.version;
  e.recorded_at = r.recorded_at;
  e.actor = r.actor;
  try {
    e.data = nlohmann::json::parse(r.data);
  } catch (const nlohmann::json::exception&) {
    throw MalformedEvent(r.version, "its data is not JSON");
  }
  return e;
}

std::vector<DomainEvent> to_domain_events(const std::vector<RecordedEvent>& events) {
  std::vector<DomainEvent> out;
  out.reserve(events.size());
  for (const RecordedEvent& r : events) out.push_back(to_domain_event(r));
  return out;
}

NewEvent to_new_event(const DomainEvent& e) {
  return NewEvent{e.type, e.occurred_on, e.reason, e.data.dump()};
}

}  // namespace safeguard
