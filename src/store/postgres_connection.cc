// SqlConnection over libpq: PostgreSQL 15 for councils that run a database server. SQL arrives with
// `?` placeholders and is renumbered to $1..$n; statements are prepared once per connection and per
// parameter-type signature. All parameters are sent as text with explicit types, results are read
// as text and converted by column type, so nothing here depends on libpqxx's changing API.
#include <libpq-fe.h>

#include <unordered_map>

#include "store/sql.h"

namespace safeguard {
namespace {

constexpr Oid kInt8 = 20, kInt2 = 21, kInt4 = 23, kOid = 26, kFloat4 = 700, kFloat8 = 701, kNumeric = 1700,
              kBool = 16, kText = 25;

// Replaces each ? outside quotes with $1, $2, ...
std::string number_placeholders(std::string_view sql) {
  std::string out;
  out.reserve(sql.size() + 16);
  int n = 0;
  char quote = 0;
  for (const char c : sql) {
    if (quote) {
      if (c == quote) quote = 0;
      out += c;
    } else if (c == '\'' || c == '"') {
      quote = c;
      out += c;
    } else if (c == '?') {
      out += '$';
      out += std::to_string(++n);
    } else {
      out += c;
    }
  }
  return out;
}

class PostgresConnection final : public SqlConnection {
 public:
  PostgresConnection(const std::string& url, const std::string& schema) : url_(url) {
    conn_ = PQconnectdb(url.c_str());
    if (!conn_ || PQstatus(conn_) != CONNECTION_OK) {
      const std::string message = conn_ ? PQerrorMessage(conn_) : "out of memory";
      PQfinish(conn_);
      conn_ = nullptr;
      throw SqlError(SqlError::Kind::kConnection,
                     "could not connect to PostgreSQL " + describe() + ": " + message);
    }
    execute_script("SET client_min_messages = WARNING");
    if (!schema.empty()) {
      for (const char c : schema) {
        if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_')) {
          throw SqlError(SqlError::Kind::kOther, "schema names may use only a-z, 0-9 and _: " + schema);
        }
      }
      execute_script("CREATE SCHEMA IF NOT EXISTS " + schema + "; SET search_path TO " + schema);
    }
  }

  ~PostgresConnection() override {
    if (conn_) PQfinish(conn_);
  }

  Dialect dialect() const override { return Dialect::kPostgres; }

  int64_t execute(std::string_view sql, const std::vector<SqlValue>& params) override {
    PGresult* result = run(sql, params);
    const char* tuples = PQcmdTuples(result);
    const int64_t changed = (tuples && *tuples) ? std::stoll(tuples) : 0;
    PQclear(result);
    return changed;
  }

  std::vector<SqlRow> query(std::string_view sql, const std::vector<SqlValue>& params) override {
    PGresult* result = run(sql, params);
    std::vector<SqlRow> rows;
    const int count = PQntuples(result);
    const int columns = PQnfields(result);
    rows.reserve(static_cast<size_t>(count));
    for (int r = 0; r < count; ++r) {
      std::vector<SqlValue> values;
      values.reserve(static_cast<size_t>(columns));
      for (int c = 0; c < columns; ++c) {
        if (PQgetisnull(result, r, c)) {
          values.emplace_back(SqlNull{});
          continue;
        }
        const char* text = PQgetvalue(result, r, c);
        switch (PQftype(result, c)) {
          case kInt8:
          case kInt2:
          case kInt4:
          case kOid:
            values.emplace_back(static_cast<int64_t>(std::stoll(text)));
            break;
          case kFloat4:
          case kFloat8:
          case kNumeric:
            values.emplace_back(std::stod(text));
            break;
          case kBool:
            values.emplace_back(static_cast<int64_t>(text[0] == 't' ? 1 : 0));
            break;
          default:
            values.emplace_back(std::string(text, static_cast<size_t>(PQgetlength(result, r, c))));
        }
      }
      rows.emplace_back(std::move(values));
    }
    PQclear(result);
    return rows;
  }

  void execute_script(std::string_view sql) override {
    const std::string text(sql);
    PGresult* result = PQexec(conn_, text.c_str());
    check(result, sql);
    PQclear(result);
  }

  void begin() override {
    execute_script("BEGIN");
    in_transaction_ = true;
  }
  void commit() override {
    in_transaction_ = false;
    execute_script("COMMIT");
  }
  void rollback() override {
    in_transaction_ = false;
    execute_script("ROLLBACK");
  }
  bool in_transaction() const override { return in_transaction_; }

  std::string describe() const override {
    // Never show the password.
    std::string shown = url_;
    const size_t scheme = shown.find("://");
    const size_t at = shown.find('@');
    if (scheme != std::string::npos && at != std::string::npos && at > scheme) {
      const size_t colon = shown.find(':', scheme + 3);
      if (colon != std::string::npos && colon < at) shown.replace(colon + 1, at - colon - 1, "***");
    }
    return shown;
  }

 private:
  PGresult* run(std::string_view sql, const std::vector<SqlValue>& params) {
    std::vector<Oid> types;
    std::vector<std::string> texts;
    std::vector<const char*> values;
    types.reserve(params.size());
    texts.reserve(params.size());
    values.reserve(params.size());
    std::string key(sql);
    key += '|';
    for (const SqlValue& v : params) {
      if (std::holds_alternative<SqlNull>(v)) {
        types.push_back(0);
        texts.emplace_back();
      } else if (std::holds_alternative<int64_t>(v)) {
        types.push_back(kInt8);
        texts.push_back(std::to_string(std::get<int64_t>(v)));
      } else if (std::holds_alternative<double>(v)) {
        types.push_back(kFloat8);
        texts.push_back(sql_value_text(v));
      } else {
        types.push_back(kText);
        texts.push_back(std::get<std::string>(v));
      }
      key += std::to_string(types.back());
      key += ',';
    }
    for (size_t i = 0; i < params.size(); ++i) {
      values.push_back(std::holds_alternative<SqlNull>(params[i]) ? nullptr : texts[i].c_str());
    }
    auto it = prepared_.find(key);
    if (it == prepared_.end()) {
      const std::string name = "sg_" + std::to_string(prepared_.size() + 1);
      const std::string numbered = number_placeholders(sql);
      PGresult* prepared =
          PQprepare(conn_, name.c_str(), numbered.c_str(), static_cast<int>(types.size()), types.data());
      check(prepared, sql);
      PQclear(prepared);
      it = prepared_.emplace(std::move(key), name).first;
    }
    PGresult* result = PQexecPrepared(conn_, it->second.c_str(), static_cast<int>(values.size()),
                                      values.data(), nullptr, nullptr, 0);
    check(result, sql);
    return result;
  }

  void check(PGresult* result, std::string_view sql) {
    const ExecStatusType status = result ? PQresultStatus(result) : PGRES_FATAL_ERROR;
    if (status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK) return;
    std::string message = result ? PQresultErrorMessage(result) : PQerrorMessage(conn_);
    const char* state = result ? PQresultErrorField(result, PG_DIAG_SQLSTATE) : nullptr;
    SqlError::Kind kind = SqlError::Kind::kOther;
    if (state && std::string_view(state) == "23505") kind = SqlError::Kind::kUniqueViolation;
    if (state && (std::string_view(state) == "40001" || std::string_view(state) == "40P01")) {
      kind = SqlError::Kind::kBusy;
    }
    if (PQstatus(conn_) != CONNECTION_OK) kind = SqlError::Kind::kConnection;
    if (result) PQclear(result);
    while (!message.empty() && (message.back() == '\n' || message.back() == ' ')) message.pop_back();
    throw SqlError(kind, "PostgreSQL: " + message + " in: " + std::string(sql.substr(0, 200)));
  }

  std::string url_;
  PGconn* conn_ = nullptr;
  std::unordered_map<std::string, std::string> prepared_;
  bool in_transaction_ = false;
};

}  // namespace

std::unique_ptr<SqlConnection> open_postgres(const std::string& url, const std::string& schema) {
  return std::make_unique<PostgresConnection>(url, schema);
}

}  // namespace safeguard
