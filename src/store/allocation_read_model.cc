#include "store/allocation_read_model.h"

namespace safeguard {
namespace {

constexpr const char* kAllocationColumns =
    "person_id, allocation_id, worker, worker_name, team_id, team_name, from_date, to_date, reason";

Date date_at(const SqlRow& row, size_t i) { return Date::parse_iso(row.text(i)).value_or(Date()); }

std::optional<Date> optional_date_at(const SqlRow& row, size_t i) {
  if (row.is_null(i)) return std::nullopt;
  return Date::parse_iso(row.text(i));
}

// The allocation in columns [first, first + 9) of the row.
AllocationRow allocation_from(const SqlRow& row, size_t first) {
  AllocationRow a;
  a.person_id = row.integer(first);
  a.allocation_id = row.integer(first + 1);
  a.worker = row.text(first + 2);
  a.worker_name = row.text(first + 3);
  a.team_id = row.integer(first + 4);
  a.team_name = row.text(first + 5);
  a.from = date_at(row, first + 6);
  a.to = optional_date_at(row, first + 7);
  a.reason = row.text(first + 8);
  return a;
}

}  // namespace

std::vector<OpenChildRow> AllocationIndex::open_children(std::optional<int64_t> team_id) {
  std::string sql =
      "SELECT e.person_id, e.episode_id, e.referral_date,"
      " (SELECT MAX(p.to_date) FROM person_allocations p WHERE p.person_id = e.person_id"
      "  AND p.to_date IS NOT NULL AND p.to_date >= e.referral_date),"
      " a.person_id, a.allocation_id, a.worker, a.worker_name, a.team_id, a.team_name, a.from_date, "
      "a.to_date,"
      " a.reason"
      " FROM cin_episodes e LEFT JOIN person_allocations a ON a.person_id = e.person_id AND a.to_date IS NULL"
      " WHERE e.closed_on IS NULL";
  std::vector<SqlValue> params;
  if (team_id) {
    sql += " AND (a.team_id = ? OR a.person_id IS NULL)";
    params.push_back(sql_int(*team_id));
  }
  sql += " ORDER BY e.referral_date, e.person_id";
  std::vector<OpenChildRow> out;
  for (const SqlRow& row : db_.query(sql, params)) {
    OpenChildRow c;
    c.person_id = row.integer(0);
    c.episode_id = row.integer(1);
    c.referral_date = date_at(row, 2);
    c.last_allocated_on = optional_date_at(row, 3);
    if (!row.is_null(4)) c.allocation = allocation_from(row, 4);
    out.push_back(std::move(c));
  }
  return out;
}

std::vector<AllocationRow> AllocationIndex::allocations_of(int64_t person_id) {
  std::vector<AllocationRow> out;
  for (const SqlRow& row :
       db_.query(std::string("SELECT ") + kAllocationColumns +
                     " FROM person_allocations WHERE person_id = ? ORDER BY allocation_id",
                 {sql_int(person_id)})) {
    out.push_back(allocation_from(row, 0));
  }
  return out;
}

std::vector<AllocationRow> AllocationIndex::allocated_to(const std::string& worker) {
  std::vector<AllocationRow> out;
  for (const SqlRow& row : db_.query(
           std::string("SELECT ") + kAllocationColumns +
               " FROM person_allocations WHERE worker = ? AND to_date IS NULL ORDER BY from_date, person_id",
           {sql_text(worker)})) {
    out.push_back(allocation_from(row, 0));
  }
  return out;
}

bool AllocationIndex::in_work_of(int64_t person_id, const std::string& worker,
                                 std::optional<int64_t> team_id) {
  const auto rows = db_.query(
      "SELECT 1 FROM person_allocations WHERE person_id = ? AND to_date IS NULL AND (worker = ? OR team_id = "
      "?)",
      {sql_int(person_id), sql_text(worker), sql_int(team_id.value_or(-1))});
  return !rows.empty();
}

bool AllocationIndex::awaiting_allocation(int64_t person_id) {
  const auto rows = db_.query(
      "SELECT 1 FROM cin_episodes e WHERE e.person_id = ? AND e.closed_on IS NULL AND NOT EXISTS"
      " (SELECT 1 FROM person_allocations a WHERE a.person_id = e.person_id AND a.to_date IS NULL)",
      {sql_int(person_id)});
  return !rows.empty();
}

}  // namespace safeguard
