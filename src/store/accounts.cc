#include "store/accounts.h"

namespace safeguard {
namespace {

constexpr const char* kUserColumns =
    "u.user_id, u.username, u.display_name, u.role, u.team_id, COALESCE(t.name, ''), u.agency, u.disabled, "
    "u.registration";

User user_from_row(const SqlRow& row) {
  User u;
  u.id = row.integer(0);
  u.username = row.text(1);
  u.display_name = row.text(2);
  const auto role = parse_role(row.text(3));
  u.role = role.value_or(Role::kInspector);
  if (!row.is_null(4)) u.team_id = row.integer(4);
  u.team_name = row.text(5);
  u.agency = row.text(6);
  // A role this build does not know fails closed: the user cannot sign in.
  u.disabled = row.integer(7) != 0 || !role;
  u.registration = row.text(8);
  return u;
}

std::optional<Timestamp> optional_timestamp(const SqlRow& row, size_t i) {
  if (row.is_null(i)) return std::nullopt;
  return Timestamp::parse_iso(row.text(i));
}

Timestamp timestamp(const SqlRow& row, size_t i) {
  return Timestamp::parse_iso(row.text(i)).value_or(Timestamp());
}

ApiTokenRecord token_from_row(const SqlRow& row) {
  ApiTokenRecord t;
  t.id = row.integer(0);
  t.user_id = row.integer(1);
  t.label = row.text(2);
  t.created_at = timestamp(row, 3);
  t.last_used_at = optional_timestamp(row, 4);
  t.revoked = !row.is_null(5);
  return t;
}

}  // namespace

std::optional<Team> Accounts::team_by_name(std::string_view name) {
  auto rows = db_.query("SELECT team_id, name FROM teams WHERE name = ?", {sql_text(name)});
  if (rows.empty()) return std::nullopt;
  return Team{rows[0].integer(0), rows[0].text(1)};
}

Team Accounts::ensure_team(std::string_view name, Timestamp now) {
  if (auto existing = team_by_name(name)) return *existing;
  auto rows = db_.query("INSERT INTO teams (name, created_at) VALUES (?, ?) RETURNING team_id",
                        {sql_text(name), sql_text(now.iso())});
  return Team{rows.at(0).integer(0), std::string(name)};
}

std::optional<User> Accounts::user_by_username(std::string_view username) {
  auto rows = db_.query(std::string("SELECT ") + kUserColumns +
                            " FROM users u LEFT JOIN teams t ON t.team_id = u.team_id WHERE u.username = ?",
                        {sql_text(username)});
  if (rows.empty()) return std::nullopt;
  return user_from_row(rows[0]);
}

std::optional<User> Accounts::user(int64_t id) {
  auto rows = db_.query(std::string("SELECT ") + kUserColumns +
                            " FROM users u LEFT JOIN teams t ON t.team_id = u.team_id WHERE u.user_id = ?",
                        {sql_int(id)});
  if (rows.empty()) return std::nullopt;
  return user_from_row(rows[0]);
}

std::optional<std::string> Accounts::password_hash(int64_t user_id) {
  auto rows = db_.query("SELECT password_hash FROM users WHERE user_id = ?", {sql_int(user_id)});
  if (rows.empty()) return std::nullopt;
  return rows[0].text(0);
}

std::vector<User> Accounts::users() {
  std::vector<User> out;
  for (const SqlRow& row :
       db_.query(std::string("SELECT ") + kUserColumns +
                 " FROM users u LEFT JOIN teams t ON t.team_id = u.team_id ORDER BY u.username")) {
    out.push_back(user_from_row(row));
  }
  return out;
}

int64_t Accounts::insert_user(const User& user, const std::string& hash, Timestamp now) {
  auto rows = db_.query(
      "INSERT INTO users (username, display_name, role, team_id, agency, password_hash, disabled, "
      "created_at, updated_at)"
      " VALUES (?, ?, ?, ?, ?, ?, 0, ?, ?) RETURNING user_id",
      {sql_text(user.username), sql_text(user.display_name), sql_text(role_code(user.role)),
       user.team_id ? SqlValue(*user.team_id) : SqlValue(SqlNull{}), sql_text(user.agency), sql_text(hash),
       sql_text(now.iso()), sql_text(now.iso())});
  return rows.at(0).integer(0);
}

void Accounts::set_disabled(int64_t user_id, bool disabled, Timestamp now) {
  db_.execute("UPDATE users SET disabled = ?, updated_at = ? WHERE user_id = ?",
              {sql_int(disabled ? 1 : 0), sql_text(now.iso()), sql_int(user_id)});
}

void Accounts::set_registration(int64_t user_id, const std::string& registration, Timestamp now) {
  db_.execute("UPDATE users SET registration = ?, updated_at = ? WHERE user_id = ?",
              {sql_text(registration), sql_text(now.iso()), sql_int(user_id)});
}

void Accounts::set_password_hash(int64_t user_id, const std::string& hash, Timestamp now) {
  db_.execute("UPDATE users SET password_hash = ?, updated_at = ? WHERE user_id = ?",
              {sql_text(hash), sql_text(now.iso()), sql_int(user_id)});
}

int64_t Accounts::insert_token(int64_t user_id, const std::string& token_hash, std::string_view label,
                               Timestamp now) {
  auto rows = db_.query(
      "INSERT INTO api_tokens (user_id, token_hash, label, created_at) VALUES (?, ?, ?, ?) RETURNING "
      "token_id",
      {sql_int(user_id), sql_text(token_hash), sql_text(label), sql_text(now.iso())});
  return rows.at(0).integer(0);
}

std::optional<ApiTokenRecord> Accounts::token_by_hash(const std::string& token_hash) {
  auto rows = db_.query(
      "SELECT token_id, user_id, label, created_at, last_used_at, revoked_at FROM api_tokens"
      " WHERE token_hash = ? AND revoked_at IS NULL",
      {sql_text(token_hash)});
  if (rows.empty()) return std::nullopt;
  return token_from_row(rows[0]);
}

void Accounts::touch_token(int64_t token_id, Timestamp now) {
  db_.execute("UPDATE api_tokens SET last_used_at = ? WHERE token_id = ?",
              {sql_text(now.iso()), sql_int(token_id)});
}

bool Accounts::revoke_token(int64_t token_id, Timestamp now) {
  return db_.execute("UPDATE api_tokens SET revoked_at = ? WHERE token_id = ? AND revoked_at IS NULL",
                     {sql_text(now.iso()), sql_int(token_id)}) > 0;
}

std::vector<ApiTokenRecord> Accounts::tokens_of(int64_t user_id) {
  std::vector<ApiTokenRecord> out;
  for (const SqlRow& row : db_.query("SELECT token_id, user_id, label, created_at, last_used_at, revoked_at "
                                     "FROM api_tokens WHERE user_id = ?"
                                     " ORDER BY token_id",
                                     {sql_int(user_id)})) {
    out.push_back(token_from_row(row));
  }
  return out;
}

void Accounts::insert_session(const SessionRecord& s) {
  db_.execute(
      "INSERT INTO sessions (session_hash, user_id, csrf_token, created_at, last_seen_at, expires_at) VALUES "
      "(?, ?, ?, ?, ?, ?)",
      {sql_text(s.session_hash), sql_int(s.user_id), sql_text(s.csrf_token), sql_text(s.created_at.iso()),
       sql_text(s.last_seen_at.iso()), sql_text(s.expires_at.iso())});
}

std::optional<SessionRecord> Accounts::session(const std::string& session_hash) {
  auto rows = db_.query(
      "SELECT session_hash, user_id, csrf_token, created_at, last_seen_at, expires_at, ended_at FROM sessions"
      " WHERE session_hash = ?",
      {sql_text(session_hash)});
  if (rows.empty()) return std::nullopt;
  const SqlRow& row = rows[0];
  SessionRecord s;
  s.session_hash = row.text(0);
  s.user_id = row.integer(1);
  s.csrf_token = row.text(2);
  s.created_at = timestamp(row, 3);
  s.last_seen_at = timestamp(row, 4);
  s.expires_at = timestamp(row, 5);
  s.ended = !row.is_null(6);
  return s;
}

void Accounts::touch_session(const std::string& session_hash, Timestamp now, Timestamp expires_at) {
  db_.execute(
      "UPDATE sessions SET last_seen_at = ?, expires_at = ? WHERE session_hash = ? AND ended_at IS NULL",
      {sql_text(now.iso()), sql_text(expires_at.iso()), sql_text(session_hash)});
}

void Accounts::end_session(const std::string& session_hash, Timestamp now) {
  db_.execute("UPDATE sessions SET ended_at = ? WHERE session_hash = ? AND ended_at IS NULL",
              {sql_text(now.iso()), sql_text(session_hash)});
}

void Accounts::end_sessions_of(int64_t user_id, Timestamp now) {
  db_.execute("UPDATE sessions SET ended_at = ? WHERE user_id = ? AND ended_at IS NULL",
              {sql_text(now.iso()), sql_int(user_id)});
}

void Accounts::record_sign_in_attempt(std::string_view username, std::string_view remote_address,
                                      Timestamp at, bool succeeded) {
  db_.execute(
      "INSERT INTO sign_in_attempts (username, remote_address, attempted_at, succeeded) VALUES (?, ?, ?, ?)",
      {sql_text(username), sql_text(remote_address), sql_text(at.iso()), sql_int(succeeded ? 1 : 0)});
}

int64_t Accounts::failed_attempts_for_username(std::string_view username, Timestamp since) {
  // Failures since the last success: a correct password resets the count.
  return db_
      .query(
          "SELECT COUNT(*) FROM sign_in_attempts WHERE username = ? AND succeeded = 0 AND attempted_at >= ?"
          " AND attempted_at > COALESCE((SELECT MAX(attempted_at) FROM sign_in_attempts WHERE username = ? "
          "AND succeeded = 1), '')",
          {sql_text(username), sql_text(since.iso()), sql_text(username)})
      .at(0)
      .integer(0);
}

int64_t Accounts::failed_attempts_from_address(std::string_view remote_address, Timestamp since) {
  return db_
      .query(
          "SELECT COUNT(*) FROM sign_in_attempts WHERE remote_address = ? AND succeeded = 0 AND attempted_at "
          ">= ?",
          {sql_text(remote_address), sql_text(since.iso())})
      .at(0)
      .integer(0);
}

int64_t Accounts::insert_grant(const AccessGrant& g, Timestamp now) {
  auto rows = db_.query(
      "INSERT INTO access_grants (user_id, person_id, valid_from, valid_until, reason, granted_by, "
      "granted_at)"
      " VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING grant_id",
      {sql_int(g.user_id), sql_int(g.person_id), sql_text(g.valid_from.iso()), sql_text(g.valid_until.iso()),
       sql_text(g.reason), sql_text(g.granted_by), sql_text(now.iso())});
  return rows.at(0).integer(0);
}

bool Accounts::has_grant(int64_t user_id, int64_t person_id, Date on) {
  return !db_.query(
                 "SELECT 1 FROM access_grants WHERE user_id = ? AND person_id = ? AND valid_from <= ? AND "
                 "valid_until >= ?",
                 {sql_int(user_id), sql_int(person_id), sql_text(on.iso()), sql_text(on.iso())})
              .empty();
}

std::vector<AccessGrant> Accounts::grants_of(int64_t user_id) {
  std::vector<AccessGrant> out;
  for (const SqlRow& row : db_.query("SELECT grant_id, user_id, person_id, valid_from, valid_until, reason, "
                                     "granted_by FROM access_grants"
                                     " WHERE user_id = ? ORDER BY grant_id",
                                     {sql_int(user_id)})) {
    AccessGrant g;
    g.id = row.integer(0);
    g.user_id = row.integer(1);
    g.person_id = row.integer(2);
    g.valid_from = Date::parse_iso(row.text(3)).value_or(Date());
    g.valid_until = Date::parse_iso(row.text(4)).value_or(Date());
    g.reason = row.text(5);
    g.granted_by = row.text(6);
    out.push_back(g);
  }
  return out;
}

}  // namespace safeguard
