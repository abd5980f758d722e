#include "store/produced_returns.h"

namespace safeguard {
namespace {

SqlValue optional_int(const std::optional<int64_t>& v) { return v ? sql_int(*v) : SqlValue(SqlNull{}); }

ProducedReturn produced_of(const SqlRow& row) {
  ProducedReturn r;
  r.id = row.integer(0);
  r.kind = row.text(1);
  r.year = static_cast<int>(row.integer(2));
  r.produced_at = Timestamp::parse_iso(row.text(3)).value_or(Timestamp{});
  r.produced_by = row.text(4);
  r.children = row.integer(5);
  if (!row.is_null(6)) r.errors = row.integer(6);
  if (!row.is_null(7)) r.queries = row.integer(7);
  return r;
}

constexpr const char* kColumns = "return_id, kind, year, produced_at, produced_by, children, errors, queries";

}  // namespace

int64_t ProducedReturns::add(const ProducedReturn& p, const std::vector<ReturnFile>& files) {
  const auto rows = db_.query(
      "INSERT INTO produced_returns (kind, year, produced_at, produced_by, children, errors, queries)"
      " VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING return_id",
      {sql_text(p.kind), sql_int(p.year), sql_text(p.produced_at.iso()), sql_text(p.produced_by),
       sql_int(p.children), optional_int(p.errors), optional_int(p.queries)});
  const int64_t id = rows.at(0).integer(0);
  int64_t position = 0;
  for (const ReturnFile& f : files) {
    db_.execute("INSERT INTO produced_return_files (return_id, position, name, content) VALUES (?, ?, ?, ?)",
                {sql_int(id), sql_int(++position), sql_text(f.name), sql_text(f.content)});
  }
  return id;
}

std::vector<ProducedReturn> ProducedReturns::latest(int limit) {
  std::vector<ProducedReturn> out;
  for (const SqlRow& row :
       db_.query(std::string("SELECT ") + kColumns + " FROM produced_returns ORDER BY return_id DESC LIMIT ?",
                 {sql_int(limit)}))
    out.push_back(produced_of(row));
  return out;
}

std::optional<ProducedReturn> ProducedReturns::find(int64_t id) {
  const auto rows = db_.query(
      std::string("SELECT ") + kColumns + " FROM produced_returns WHERE return_id = ?", {sql_int(id)});
  if (rows.empty()) return std::nullopt;
  return produced_of(rows[0]);
}

std::vector<std::string> ProducedReturns::file_names(int64_t id) {
  std::vector<std::string> out;
  for (const SqlRow& row : db_.query(
           "SELECT name FROM produced_return_files WHERE return_id = ? ORDER BY position", {sql_int(id)}))
    out.push_back(row.text(0));
  return out;
}

std::optional<std::string> ProducedReturns::file(int64_t id, std::string_view name) {
  const auto rows = db_.query("SELECT content FROM produced_return_files WHERE return_id = ? AND name = ?",
                              {sql_int(id), sql_text(name)});
  if (rows.empty()) return std::nullopt;
  return rows[0].text(0);
}

}  // namespace safeguard
