#include "store/missing_read_model.h"

namespace safeguard {
std::vector<int64_t> MissingIndex::children_missing_since(Date from) {
  return ids_of(
      db_.query("SELECT DISTINCT person_id FROM person_missing WHERE ended_on IS NULL OR ended_on >= ?"
                " ORDER BY person_id",
                {sql_text(from.iso())}));
}

std::vector<int64_t> MissingIndex::children_at_risk_of_exploitation(Date today) {
  return ids_of(db_.query(
      "SELECT s.person_id FROM person_exploitation_screenings s JOIN people p ON p.person_id = s.person_id"
      " WHERE s.risk <> 'none' AND p.date_of_death IS NULL AND (p.date_of_birth IS NULL OR p.date_of_birth > "
      "?)"
      " AND s.screening_id ="
      " (SELECT MAX(l.screening_id) FROM person_exploitation_screenings l WHERE l.person_id = s.person_id)"
      " ORDER BY s.person_id",
      {sql_text(add_years(today, -18).iso())}));
}

}  // namespace safeguard
