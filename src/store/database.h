// A council's database: one connection, its schema brought up to date on open, and units of work.
//
// Schema migrations are numbered and applied in order, each in its own transaction, recording
// themselves in `schema_migrations`; opening a database that a newer Safeguard migrated is refused
// rather than risked. transact() is how every change is made: the work runs in one transaction,
// and any Error it returns, or any database failure, rolls the whole of it back, so a failed
// operation leaves the record exactly as it was.
//
// Thread safety: a Database belongs to one thread at a time. DatabasePool (below) gives each
// thread of a server its own.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "core/result.h"
#include "store/sql.h"

namespace safeguard {

struct Migration {
  int version;
  const char* name;
  const char* sql;  // dialect tokens as in expand_dialect
};

// Every migration, in order.
const std::vector<Migration>& schema_migrations();

class Database {
 public:
  // Takes an open connection; call migrate() before use (open_council_database does both).
  explicit Database(std::unique_ptr<SqlConnection> connection);

  // Applies any migrations not yet applied. Fails if the database is newer than this program.
  Status migrate();
  int schema_version();

  // Runs `work` in one transaction. Commits if it returns success; rolls back and returns the
  // error if it returns one; rolls back and returns a storage error (or a conflict, for a unique
  // violation) if the database fails. A nested call runs in a savepoint of the outer transaction:
  // its error undoes only its own work; a database failure inside it fails the whole transaction.
  Status transact(const std::function<Status()>& work);

  SqlConnection& sql() { return *connection_; }
  Dialect dialect() const { return connection_->dialect(); }

  // The next number of a named sequence (person ids, ...), starting at `first`. Inside a
  // transaction, so a failed operation does not consume it.
  int64_t next_id(std::string_view sequence, int64_t first = 1);

 private:
  std::unique_ptr<SqlConnection> connection_;
  int savepoint_depth_ = 0;
};

// Opens a database by location (SQLite path or PostgreSQL URL) and migrates it. Errors say which
// database and why.
Result<std::unique_ptr<Database>> open_council_database(const std::string& location,
                                                        const std::string& schema = "");

// One Database per thread, opened on first use by that thread, for servers.
class DatabasePool {
 public:
  DatabasePool(std::string location, std::string schema = "");
  ~DatabasePool();
  // The calling thread's database. Throws SqlError if it cannot be opened.
  Database& for_this_thread();
  const std::string& location() const { return location_; }

 private:
  std::string location_;
  std::string schema_;
  uint64_t id_;
  std::mutex mutex_;
  std::vector<std::unique_ptr<Database>> all_;
};

}  // namespace safeguard
