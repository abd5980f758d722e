#include "store/casework_read_model.h"

#include <set>

namespace safeguard {
namespace {

std::vector<CaseworkRef> refs_of(const std::vector<SqlRow>& rows) {
  std::vector<CaseworkRef> out;
  out.reserve(rows.size());
  for (const SqlRow& row : rows) out.push_back({row.integer(0), row.integer(1)});
  return out;
}

}  // namespace

std::vector<CaseworkRef> CaseworkIndex::assessments_awaiting_authorisation(int64_t team_id) {
  return refs_of(
      db_.query("SELECT a.person_id, a.assessment_id FROM person_assessments a"
                " LEFT JOIN person_allocations w ON w.person_id = a.person_id AND w.to_date IS NULL"
                " WHERE a.submitted_on IS NOT NULL AND a.authorised_on IS NULL"
                "   AND (w.team_id IS NULL OR w.team_id = ?)"
                " ORDER BY a.submitted_on, a.person_id",
                {sql_int(team_id)}));
}

std::vector<CaseworkRef> CaseworkIndex::closures_awaiting_authorisation(int64_t team_id) {
  return refs_of(
      db_.query("SELECT e.person_id, e.episode_id FROM cin_episodes e"
                " LEFT JOIN person_allocations w ON w.person_id = e.person_id AND w.to_date IS NULL"
                " WHERE e.closure_proposed_on IS NOT NULL AND e.closed_on IS NULL"
                "   AND (w.team_id IS NULL OR w.team_id = ?)"
                " ORDER BY e.closure_proposed_on, e.person_id",
                {sql_int(team_id)}));
}

std::vector<UnauthorisedPlan> CaseworkIndex::plans_awaiting_authorisation(int64_t team_id) {
  std::vector<UnauthorisedPlan> out;
  for (const SqlRow& row : db_.query(
           "SELECT p.person_id, p.plan_id, p.type, p.started_on FROM person_plans p"
           " LEFT JOIN person_allocations w ON w.person_id = p.person_id AND w.to_date IS NULL"
           " WHERE p.ended_on IS NULL AND p.finalised_on IS NULL AND (w.team_id IS NULL OR w.team_id = ?)"
           " ORDER BY p.started_on, p.person_id",
           {sql_int(team_id)})) {
    out.push_back(
        {row.integer(0), row.integer(1), row.text(2), Date::parse_iso(row.text(3)).value_or(Date())});
  }
  return out;
}

std::vector<int64_t> CaseworkIndex::people_with_assessments() {
  std::vector<int64_t> out;
  for (const SqlRow& row :
       db_.query("SELECT DISTINCT person_id FROM person_assessments ORDER BY person_id", {})) {
    out.push_back(row.integer(0));
  }
  return out;
}

int64_t CaseworkIndex::latest_assessment(int64_t person_id) {
  const auto rows = db_.query("SELECT MAX(assessment_id) FROM person_assessments WHERE person_id = ?",
                              {sql_int(person_id)});
  return rows.empty() || rows[0].is_null(0) ? 0 : rows[0].integer(0);
}

int64_t CaseworkIndex::latest_enquiry(int64_t person_id) {
  const auto rows =
      db_.query("SELECT MAX(section47_id) FROM person_enquiries WHERE person_id = ?", {sql_int(person_id)});
  return rows.empty() || rows[0].is_null(0) ? 0 : rows[0].integer(0);
}

int64_t CaseworkIndex::open_plan(int64_t person_id, std::string_view type) {
  const auto rows =
      db_.query("SELECT MAX(plan_id) FROM person_plans WHERE person_id = ? AND type = ? AND ended_on IS NULL",
                {sql_int(person_id), sql_text(type)});
  return rows.empty() || rows[0].is_null(0) ? 0 : rows[0].integer(0);
}

std::vector<int64_t> CaseworkIndex::people_with_enquiries_since(Date since) {
  std::vector<int64_t> out;
  for (const SqlRow& row :
       db_.query("SELECT DISTINCT person_id FROM person_enquiries WHERE started_on >= ? ORDER BY person_id",
                 {sql_text(since.iso())})) {
    out.push_back(row.integer(0));
  }
  return out;
}

int64_t CaseworkIndex::children_on_open_plans(std::string_view type) {
  return db_
      .query("SELECT COUNT(DISTINCT person_id) FROM person_plans WHERE ended_on IS NULL AND type = ?",
             {sql_text(std::string(type))})
      .at(0)
      .integer(0);
}

std::map<int64_t, std::string> CaseworkIndex::open_plan_types(const std::vector<int64_t>& person_ids) {
  std::map<int64_t, std::string> out;
  // The open plans are few (hundreds to a few thousand): read them all and keep those asked for.
  const std::set<int64_t> wanted(person_ids.begin(), person_ids.end());
  for (const SqlRow& row : db_.query("SELECT person_id, type FROM person_plans WHERE ended_on IS NULL", {})) {
    if (!wanted.count(row.integer(0))) continue;
    std::string& type = out[row.integer(0)];
    if (type.empty() || row.text(1) == "child_protection") type = row.text(1);
  }
  return out;
}

}  // namespace safeguard
