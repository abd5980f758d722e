// SqlConnection over the SQLite C API: the embedded default. WAL journal (readers never block the
// writer), foreign keys on, a busy timeout so concurrent writers queue, and a cache of prepared
// statements keyed by SQL text, because the same few statements run millions of times.
#include <sqlite3.h>

#include <unordered_map>

#include "store/sql.h"

namespace safeguard {
namespace {

class SqliteConnection final : public SqlConnection {
 public:
  explicit SqliteConnection(const std::string& path) : path_(path) {
    const int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX;
    if (sqlite3_open_v2(path.c_str(), &db_, flags, nullptr) != SQLITE_OK) {
      const std::string message = db_ ? sqlite3_errmsg(db_) : "out of memory";
      sqlite3_close(db_);
      db_ = nullptr;
      throw SqlError(SqlError::Kind::kConnection, "could not open SQLite database " + path + ": " + message);
    }
    sqlite3_extended_result_codes(db_, 1);
    sqlite3_busy_timeout(db_, 15000);
    execute_script(
        "PRAGMA foreign_keys = ON; PRAGMA synchronous = NORMAL; PRAGMA temp_store = MEMORY;"
        "PRAGMA cache_size = -65536;");
    if (path != ":memory:") {
      auto rows = query("PRAGMA journal_mode = WAL", {});
      if (rows.empty() || to_lower(rows[0].text(0)) != "wal") {
        throw SqlError(SqlError::Kind::kConnection, "could not switch " + path + " to WAL mode");
      }
    }
  }

  ~SqliteConnection() override {
    for (auto& [sql, statement] : statements_) sqlite3_finalize(statement);
    if (db_) sqlite3_close(db_);
  }

  Dialect dialect() const override { return Dialect::kSqlite; }

  int64_t execute(std::string_view sql, const std::vector<SqlValue>& params) override {
    sqlite3_stmt* statement = prepare(sql, params);
    const int rc = step_all(statement, nullptr, sql);
    (void)rc;
    return sqlite3_changes64(db_);
  }

  std::vector<SqlRow> query(std::string_view sql, const std::vector<SqlValue>& params) override {
    sqlite3_stmt* statement = prepare(sql, params);
    std::vector<SqlRow> rows;
    step_all(statement, &rows, sql);
    return rows;
  }

  void execute_script(std::string_view sql) override {
    char* message = nullptr;
    const std::string text(sql);
    if (sqlite3_exec(db_, text.c_str(), nullptr, nullptr, &message) != SQLITE_OK) {
      const std::string error = message ? message : "unknown error";
      sqlite3_free(message);
      throw SqlError(kind_of(sqlite3_extended_errcode(db_)), "SQLite: " + error);
    }
  }

  void begin() override {
    execute_script("BEGIN IMMEDIATE");
    in_transaction_ = true;
  }
  void commit() override {
    execute_script("COMMIT");
    in_transaction_ = false;
  }
  void rollback() override {
    in_transaction_ = false;
    // A failed statement may already have rolled SQLite back; that is not an error here.
    if (!sqlite3_get_autocommit(db_)) execute_script("ROLLBACK");
  }
  bool in_transaction() const override { return in_transaction_; }
  std::string describe() const override { return path_; }

 private:
  static std::string to_lower(std::string s) {
    for (char& c : s) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
    return s;
  }

  static SqlError::Kind kind_of(int code) {
    if (code == SQLITE_CONSTRAINT_UNIQUE || code == SQLITE_CONSTRAINT_PRIMARYKEY) {
      return SqlError::Kind::kUniqueViolation;
    }
    if ((code & 0xff) == SQLITE_BUSY || (code & 0xff) == SQLITE_LOCKED) return SqlError::Kind::kBusy;
    return SqlError::Kind::kOther;
  }

  [[noreturn]] void fail(std::string_view sql) {
    const int code = sqlite3_extended_errcode(db_);
    throw SqlError(kind_of(code),
                   std::string("SQLite: ") + sqlite3_errmsg(db_) + " in: " + std::string(sql.substr(0, 200)));
  }

  sqlite3_stmt* prepare(std::string_view sql, const std::vector<SqlValue>& params) {
    std::string key(sql);
    auto it = statements_.find(key);
    sqlite3_stmt* statement = nullptr;
    if (it == statements_.end()) {
      if (sqlite3_prepare_v3(db_, key.c_str(), static_cast<int>(key.size()), SQLITE_PREPARE_PERSISTENT,
                             &statement, nullptr) != SQLITE_OK) {
        fail(sql);
      }
      statements_.emplace(std::move(key), statement);
    } else {
      statement = it->second;
      sqlite3_reset(statement);
      sqlite3_clear_bindings(statement);
    }
    if (static_cast<size_t>(sqlite3_bind_parameter_count(statement)) != params.size()) {
      throw SqlError(SqlError::Kind::kOther,
                     "parameter count mismatch in: " + std::string(sql.substr(0, 200)));
    }
    for (size_t i = 0; i < params.size(); ++i) {
      const int index = static_cast<int>(i + 1);
      const SqlValue& v = params[i];
      int rc = SQLITE_OK;
      if (std::holds_alternative<SqlNull>(v)) {
        rc = sqlite3_bind_null(statement, index);
      } else if (const auto* n = std::get_if<int64_t>(&v)) {
        rc = sqlite3_bind_int64(statement, index, *n);
      } else if (const auto* d = std::get_if<double>(&v)) {
        rc = sqlite3_bind_double(statement, index, *d);
      } else {
        const auto& s = std::get<std::string>(v);
        rc = sqlite3_bind_text64(statement, index, s.data(), s.size(), SQLITE_STATIC, SQLITE_UTF8);
      }
      if (rc != SQLITE_OK) fail(sql);
    }
    return statement;
  }

  int step_all(sqlite3_stmt* statement, std::vector<SqlRow>* rows, std::string_view sql) {
    while (true) {
      const int rc = sqlite3_step(statement);
      if (rc == SQLITE_DONE) {
        sqlite3_reset(statement);
        return rc;
      }
      if (rc != SQLITE_ROW) {
        sqlite3_reset(statement);
        fail(sql);
      }
      if (!rows) continue;
      const int columns = sqlite3_column_count(statement);
      std::vector<SqlValue> values;
      values.reserve(static_cast<size_t>(columns));
      for (int c = 0; c < columns; ++c) {
        switch (sqlite3_column_type(statement, c)) {
          case SQLITE_NULL:
            values.emplace_back(SqlNull{});
            break;
          case SQLITE_INTEGER:
            values.emplace_back(static_cast<int64_t>(sqlite3_column_int64(statement, c)));
            break;
          case SQLITE_FLOAT:
            values.emplace_back(sqlite3_column_double(statement, c));
            break;
          default: {
            const auto* text = reinterpret_cast<const char*>(sqlite3_column_text(statement, c));
            values.emplace_back(
                std::string(text ? text : "", static_cast<size_t>(sqlite3_column_bytes(statement, c))));
          }
        }
      }
      rows->emplace_back(std::move(values));
    }
  }

  std::string path_;
  sqlite3* db_ = nullptr;
  std::unordered_map<std::string, sqlite3_stmt*> statements_;
  bool in_transaction_ = false;
};

}  // namespace

std::unique_ptr<SqlConnection> open_sqlite(const std::string& path) {
  return std::make_unique<SqliteConnection>(path);
}

}  // namespace safeguard
