#include "store/audit_log.h"

namespace safeguard {
namespace {

AccessLogEntry access_from_row(const SqlRow& row) {
  AccessLogEntry e;
  e.id = row.integer(0);
  e.at = Timestamp::parse_iso(row.text(1)).value_or(Timestamp());
  e.user_id = row.integer(2);
  e.username = row.text(3);
  e.user_display_name = row.text(4);
  e.person_id = row.integer(5);
  e.action = row.text(6);
  e.channel = row.text(7);
  e.detail = row.text(8);
  e.reason = row.text(9);
  return e;
}

constexpr const char* kAccessSelect =
    "SELECT a.entry_id, a.at, a.user_id, a.username, COALESCE(u.display_name, a.username), a.person_id, "
    "a.action,"
    " a.channel, a.detail, a.reason FROM access_log a LEFT JOIN users u ON u.user_id = a.user_id ";

}  // namespace

void AuditLog::record_access(const AccessLogEntry& e) {
  db_.execute(
      "INSERT INTO access_log (at, user_id, username, person_id, action, channel, detail, reason) VALUES (?, "
      "?, ?, ?, ?, ?, ?, ?)",
      {sql_text(e.at.iso()), sql_int(e.user_id), sql_text(e.username), sql_int(e.person_id),
       sql_text(e.action), sql_text(e.channel), sql_text(e.detail), sql_text(e.reason)});
}

std::vector<AccessLogEntry> AuditLog::access_to_person(int64_t person_id, size_t limit) {
  std::vector<AccessLogEntry> out;
  for (const SqlRow& row : db_.query(
           std::string(kAccessSelect) + "WHERE a.person_id = ? ORDER BY a.at DESC, a.entry_id DESC LIMIT ?",
           {sql_int(person_id), sql_int(static_cast<int64_t>(limit))})) {
    out.push_back(access_from_row(row));
  }
  return out;
}

std::vector<int64_t> AuditLog::recently_viewed_by(int64_t user_id, size_t limit) {
  std::vector<int64_t> out;
  for (const SqlRow& row : db_.query("SELECT person_id, MAX(entry_id) AS last FROM access_log WHERE user_id "
                                     "= ? GROUP BY person_id ORDER BY last DESC LIMIT ?",
                                     {sql_int(user_id), sql_int(static_cast<int64_t>(limit))})) {
    out.push_back(row.integer(0));
  }
  return out;
}

void AuditLog::record_administration(Timestamp at, std::string_view actor, std::string_view action,
                                     std::string_view detail) {
  db_.execute("INSERT INTO administration_log (at, actor, action, detail) VALUES (?, ?, ?, ?)",
              {sql_text(at.iso()), sql_text(actor), sql_text(action), sql_text(detail)});
}

std::vector<AdministrationLogEntry> AuditLog::administration(size_t limit) {
  std::vector<AdministrationLogEntry> out;
  for (const SqlRow& row : db_.query("SELECT entry_id, at, actor, action, detail FROM administration_log "
                                     "ORDER BY entry_id DESC LIMIT ?",
                                     {sql_int(static_cast<int64_t>(limit))})) {
    out.push_back({row.integer(0), Timestamp::parse_iso(row.text(1)).value_or(Timestamp()), row.text(2),
                   row.text(3), row.text(4)});
  }
  return out;
}

}  // namespace safeguard
