// The one door to a database. Everything in store/ talks SQL through SqlConnection, and there are
// two real implementations behind it: SQLite (embedded, WAL, the default) and PostgreSQL 15 (over
// libpq). A third, FaultInjectingConnection, wraps either to fail the Nth write, so tests can prove
// that a failed operation leaves the record exactly as it was.
//
// SQL text is written once, in the common subset both databases accept, with `?` placeholders;
// the PostgreSQL connection renumbers them to $1, $2, ... Values are always bound, never spliced
// into SQL. Schema text may use the tokens in `expand_dialect` for the few type names that differ.
//
// Errors: connection methods throw SqlError (the store turns it into a Status at its boundary).
// Thread safety: a connection belongs to one thread at a time; use one connection per thread.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace safeguard {

enum class Dialect { kSqlite, kPostgres };

struct SqlNull {
  bool operator==(const SqlNull&) const = default;
};

// A bound parameter or a result cell.
using SqlValue = std::variant<SqlNull, int64_t, double, std::string>;

inline SqlValue sql_text(std::string_view s) { return SqlValue(std::string(s)); }
inline SqlValue sql_int(int64_t v) { return SqlValue(v); }
// Display form of a value for messages and read-model comparison ("NULL" for null).
std::string sql_value_text(const SqlValue& value);

class SqlRow {
 public:
  explicit SqlRow(std::vector<SqlValue> values) : values_(std::move(values)) {}
  size_t size() const { return values_.size(); }
  bool is_null(size_t i) const { return std::holds_alternative<SqlNull>(values_.at(i)); }
  // The cell as text ("" for null); integers are converted.
  std::string text(size_t i) const;
  std::optional<std::string> optional_text(size_t i) const;
  // The cell as an integer (0 for null); text holding digits is converted.
  int64_t integer(size_t i) const;
  const SqlValue& value(size_t i) const { return values_.at(i); }
  const std::vector<SqlValue>& values() const { return values_; }

 private:
  std::vector<SqlValue> values_;
};

// The first column of each row as an integer: the ids a query of ids returns.
std::vector<int64_t> ids_of(const std::vector<SqlRow>& rows);

class SqlError : public std::runtime_error {
 public:
  enum class Kind { kUniqueViolation, kBusy, kConnection, kOther };
  SqlError(Kind kind, const std::string& message) : std::runtime_error(message), kind_(kind) {}
  Kind kind() const { return kind_; }

 private:
  Kind kind_;
};

class SqlConnection {
 public:
  virtual ~SqlConnection() = default;

  virtual Dialect dialect() const = 0;

  // Runs one statement; returns the number of rows it changed.
  virtual int64_t execute(std::string_view sql, const std::vector<SqlValue>& params = {}) = 0;
  // Runs one statement that returns rows.
  virtual std::vector<SqlRow> query(std::string_view sql, const std::vector<SqlValue>& params = {}) = 0;
  // Runs several statements separated by semicolons, with no parameters (schema changes).
  virtual void execute_script(std::string_view sql) = 0;

  // Transactions. begin() takes the write lock at once on SQLite (BEGIN IMMEDIATE) so that two
  // writers queue rather than fail half-way.
  virtual void begin() = 0;
  virtual void commit() = 0;
  virtual void rollback() = 0;
  virtual bool in_transaction() const = 0;

  // A short description for messages: the file path, or host:port/database.
  virtual std::string describe() const = 0;
};

// Opens `location`: a PostgreSQL URL ("postgresql://user:pass@host:port/db") or a SQLite file path
// (created if missing; ":memory:" for a private in-memory database). For PostgreSQL, `schema`
// (if not empty) is created if needed and used as the search path, so tests can each have their own.
std::unique_ptr<SqlConnection> open_database(const std::string& location, const std::string& schema = "");
std::unique_ptr<SqlConnection> open_sqlite(const std::string& path);
std::unique_ptr<SqlConnection> open_postgres(const std::string& url, const std::string& schema = "");
bool is_postgres_location(std::string_view location);

// Replaces schema tokens with the dialect's own type names:
//   {id}    an auto-assigned 64-bit integer primary key
//   {int}   a 64-bit integer
//   {text}  text
//   {real}  a double
//   {strict} table options (STRICT on SQLite, nothing on PostgreSQL)
std::string expand_dialect(std::string_view sql, Dialect dialect);

// Runs `work` inside a transaction: commits if it returns normally, rolls back if it throws (and
// rethrows). Nested calls join the outer transaction.
void with_transaction(SqlConnection& db, const std::function<void()>& work);

// Wraps a connection and throws SqlError on the Nth call of execute() (counting from 1) and every
// call after it until reset; query() and begin/rollback pass through. For fault-injection tests.
class FaultInjectingConnection final : public SqlConnection {
 public:
  explicit FaultInjectingConnection(std::unique_ptr<SqlConnection> inner) : inner_(std::move(inner)) {}
  void fail_from_write(int64_t n) {
    fail_from_ = n;
    writes_ = 0;
  }
  void never_fail() {
    fail_from_ = 0;
    writes_ = 0;
  }
  int64_t writes() const { return writes_; }
  SqlConnection& inner() { return *inner_; }

  Dialect dialect() const override { return inner_->dialect(); }
  int64_t execute(std::string_view sql, const std::vector<SqlValue>& params) override;
  std::vector<SqlRow> query(std::string_view sql, const std::vector<SqlValue>& params) override;
  void execute_script(std::string_view sql) override { inner_->execute_script(sql); }
  void begin() override { inner_->begin(); }
  void commit() override;
  void rollback() override { inner_->rollback(); }
  bool in_transaction() const override { return inner_->in_transaction(); }
  std::string describe() const override { return inner_->describe(); }

 private:
  void count_write();
  std::unique_ptr<SqlConnection> inner_;
  int64_t fail_from_ = 0;
  int64_t writes_ = 0;
};

}  // namespace safeguard
