#include "store/care_read_model.h"

namespace safeguard {
bool CareIndex::is_reviewing_officer_of(int64_t person_id, std::string_view username) {
  return !db_.query(
                 "SELECT 1 FROM person_care_periods WHERE person_id = ? AND reviewing_officer = ?"
                 " AND end_date IS NULL",
                 {sql_int(person_id), sql_text(username)})
              .empty();
}

std::vector<int64_t> CareIndex::children_of_reviewing_officer(std::string_view username) {
  return ids_of(
      db_.query("SELECT DISTINCT person_id FROM person_care_periods WHERE reviewing_officer = ?"
                " AND end_date IS NULL ORDER BY person_id",
                {sql_text(username)}));
}

std::vector<int64_t> CareIndex::looked_after_between(Date from, Date to) {
  return ids_of(
      db_.query("SELECT DISTINCT person_id FROM person_care_periods WHERE start_date <= ?"
                " AND (end_date IS NULL OR end_date >= ?) ORDER BY person_id",
                {sql_text(to.iso()), sql_text(from.iso())}));
}

std::vector<int64_t> CareIndex::ever_looked_after_born_between(Date from, Date to) {
  return ids_of(db_.query(
      "SELECT DISTINCT c.person_id FROM person_care_periods c JOIN people p ON p.person_id = c.person_id"
      " WHERE p.date_of_birth >= ? AND p.date_of_birth <= ? ORDER BY c.person_id",
      {sql_text(from.iso()), sql_text(to.iso())}));
}

}  // namespace safeguard
