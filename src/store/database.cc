#include "store/database.h"

#include <atomic>
#include <unordered_map>

#include "core/clock.h"

namespace safeguard {
namespace {

Error error_from(const SqlError& e) {
  if (e.kind() == SqlError::Kind::kUniqueViolation) {
    return Error::conflict(
        "Someone else changed this record at the same moment. Nothing was saved: try again.");
  }
  return Error::storage(std::string("The database failed and nothing was saved: ") + e.what());
}

}  // namespace

Database::Database(std::unique_ptr<SqlConnection> connection) : connection_(std::move(connection)) {}

int Database::schema_version() {
  auto rows = connection_->query("SELECT MAX(version) FROM schema_migrations");
  return rows.empty() || rows[0].is_null(0) ? 0 : static_cast<int>(rows[0].integer(0));
}

Status Database::migrate() {
  try {
    connection_->execute_script(expand_dialect(
        "CREATE TABLE IF NOT EXISTS schema_migrations (version {int} PRIMARY KEY, name {text} NOT NULL,"
        " applied_at {text} NOT NULL){strict}",
        connection_->dialect()));
    const auto& migrations = schema_migrations();
    const int newest_known = migrations.back().version;
    for (const Migration& m : migrations) {
      Status status = transact([&]() -> Status {
        // Checked inside the transaction so two processes opening a new database at once apply
        // each migration once (SQLite's BEGIN IMMEDIATE and PostgreSQL's lock serialise them).
        if (connection_->dialect() == Dialect::kPostgres) {
          connection_->execute_script("LOCK TABLE schema_migrations IN EXCLUSIVE MODE");
        }
        const int current = schema_version();
        if (current > newest_known) {
          return Error::invalid("This database has schema version " + std::to_string(current) +
                                ", newer than this Safeguard understands (" + std::to_string(newest_known) +
                                "). Upgrade Safeguard before opening it.");
        }
        if (m.version <= current) return Status::success();
        connection_->execute_script(expand_dialect(m.sql, connection_->dialect()));
        connection_->execute("INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)",
                             {sql_int(m.version), sql_text(m.name), sql_text(SystemClock().now().iso())});
        return Status::success();
      });
      if (!status) return status;
    }
    return Status::success();
  } catch (const SqlError& e) {
    return Error::storage(std::string("Could not prepare the database schema: ") + e.what());
  }
}

Status Database::transact(const std::function<Status()>& work) {
  if (connection_->in_transaction()) {
    // Nested: a savepoint, so a failed inner unit of work is undone without ending the outer one.
    const std::string name = "sg_savepoint_" + std::to_string(++savepoint_depth_);
    connection_->execute_script("SAVEPOINT " + name);
    try {
      Status status = work();
      if (!status) connection_->execute_script("ROLLBACK TO SAVEPOINT " + name);
      connection_->execute_script("RELEASE SAVEPOINT " + name);
      --savepoint_depth_;
      return status;
    } catch (...) {
      --savepoint_depth_;
      throw;  // the outermost transact rolls everything back
    }
  }
  try {
    connection_->begin();
  } catch (const SqlError& e) {
    return error_from(e);
  }
  try {
    Status status = work();
    if (!status) {
      connection_->rollback();
      return status;
    }
    connection_->commit();
    return Status::success();
  } catch (const SqlError& e) {
    try {
      if (connection_->in_transaction()) connection_->rollback();
    } catch (const SqlError&) {
      // The connection is gone; the server rolls back the transaction itself.
    }
    return error_from(e);
  } catch (...) {
    try {
      if (connection_->in_transaction()) connection_->rollback();
    } catch (const SqlError&) {
    }
    throw;
  }
}

int64_t Database::next_id(std::string_view sequence, int64_t first) {
  auto rows = connection_->query("UPDATE sequences SET value = value + 1 WHERE name = ? RETURNING value",
                                 {sql_text(sequence)});
  if (!rows.empty()) return rows[0].integer(0);
  connection_->execute("INSERT INTO sequences (name, value) VALUES (?, ?)",
                       {sql_text(sequence), sql_int(first)});
  return first;
}

Result<std::unique_ptr<Database>> open_council_database(const std::string& location,
                                                        const std::string& schema) {
  std::unique_ptr<Database> db;
  try {
    db = std::make_unique<Database>(open_database(location, schema));
  } catch (const SqlError& e) {
    return Error::storage(e.what());
  }
  if (Status s = db->migrate(); !s) return s.error();
  return db;
}

namespace {
std::atomic<uint64_t> next_pool_id{1};
// Each pool has an id that is never reused, so a thread never finds a stale pointer left by a pool
// that has gone and a new one at the same address.
thread_local std::unordered_map<uint64_t, Database*> databases_of_this_thread;
}  // namespace

DatabasePool::DatabasePool(std::string location, std::string schema)
    : location_(std::move(location)), schema_(std::move(schema)), id_(next_pool_id.fetch_add(1)) {}

DatabasePool::~DatabasePool() = default;

Database& DatabasePool::for_this_thread() {
  auto it = databases_of_this_thread.find(id_);
  if (it != databases_of_this_thread.end()) return *it->second;
  auto db = std::make_unique<Database>(open_database(location_, schema_));
  Database* raw = db.get();
  {
    std::lock_guard lock(mutex_);
    all_.push_back(std::move(db));
  }
  databases_of_this_thread.emplace(id_, raw);
  return *raw;
}

}  // namespace safeguard
