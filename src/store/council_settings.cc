#include "store/council_settings.h"

namespace safeguard {

std::vector<ClosureDay> CouncilSettings::closure_days() {
  std::vector<ClosureDay> out;
  for (const SqlRow& row : db_.query("SELECT day, reason FROM closure_days ORDER BY day")) {
    if (auto day = Date::parse_iso(row.text(0))) out.push_back({*day, row.text(1)});
  }
  return out;
}

void CouncilSettings::set_closure_day(const ClosureDay& day, std::string_view created_by, Timestamp now) {
  db_.execute(
      "INSERT INTO closure_days (day, reason, created_by, created_at) VALUES (?, ?, ?, ?)"
      " ON CONFLICT (day) DO UPDATE SET reason = excluded.reason, created_by = excluded.created_by, "
      "created_at = excluded.created_at",
      {sql_text(day.date.iso()), sql_text(day.reason), sql_text(created_by), sql_text(now.iso())});
}

bool CouncilSettings::remove_closure_day(Date day) {
  return db_.execute("DELETE FROM closure_days WHERE day = ?", {sql_text(day.iso())}) > 0;
}

WorkingDayCalendar CouncilSettings::calendar() { return WorkingDayCalendar(closure_days()); }

std::map<std::string, std::string> CouncilSettings::values() {
  std::map<std::string, std::string> out;
  for (const SqlRow& row : db_.query("SELECT name, value FROM council_settings"))
    out[row.text(0)] = row.text(1);
  return out;
}

void CouncilSettings::set_value(std::string_view name, std::string_view value, std::string_view updated_by,
                                Timestamp now) {
  db_.execute(
      "INSERT INTO council_settings (name, value, updated_by, updated_at) VALUES (?, ?, ?, ?)"
      " ON CONFLICT (name) DO UPDATE SET value = excluded.value, updated_by = excluded.updated_by,"
      " updated_at = excluded.updated_at",
      {sql_text(name), sql_text(value), sql_text(updated_by), sql_text(now.iso())});
}

void Drafts::save(int64_t user_id, const Draft& d) {
  db_.execute(
      "INSERT INTO drafts (user_id, form_key, data, saved_at) VALUES (?, ?, ?, ?)"
      " ON CONFLICT (user_id, form_key) DO UPDATE SET data = excluded.data, saved_at = excluded.saved_at",
      {sql_int(user_id), sql_text(d.form_key), sql_text(d.data), sql_text(d.saved_at.iso())});
}

std::optional<Draft> Drafts::load(int64_t user_id, std::string_view form_key) {
  auto rows = db_.query("SELECT form_key, data, saved_at FROM drafts WHERE user_id = ? AND form_key = ?",
                        {sql_int(user_id), sql_text(form_key)});
  if (rows.empty()) return std::nullopt;
  return Draft{rows[0].text(0), rows[0].text(1), Timestamp::parse_iso(rows[0].text(2)).value_or(Timestamp())};
}

void Drafts::discard(int64_t user_id, std::string_view form_key) {
  db_.execute("DELETE FROM drafts WHERE user_id = ? AND form_key = ?",
              {sql_int(user_id), sql_text(form_key)});
}

std::vector<Draft> Drafts::all_of(int64_t user_id) {
  std::vector<Draft> out;
  for (const SqlRow& row :
       db_.query("SELECT form_key, data, saved_at FROM drafts WHERE user_id = ? ORDER BY saved_at DESC",
                 {sql_int(user_id)})) {
    out.push_back({row.text(0), row.text(1), Timestamp::parse_iso(row.text(2)).value_or(Timestamp())});
  }
  return out;
}

}  // namespace safeguard
