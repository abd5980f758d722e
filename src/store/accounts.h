// Who may use Safeguard and how they prove it: teams, users (with argon2id password hashes), API
// tokens for partner systems (only a SHA-256 hash of each token is kept), web sessions (only a
// hash of the session id is kept), sign-in attempts for throttling, and time-limited access grants
// (an inspector's sample of children).
//
// These are operational tables, not event streams: changes to them are recorded in the
// administration log (audit_log.h) by the app layer.
//
// Thread safety: one Accounts per connection; not shared between threads. Methods throw SqlError.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/date.h"
#include "domain/user.h"
#include "store/sql.h"

namespace safeguard {

struct Team {
  int64_t id = 0;
  std::string name;
};

struct SessionRecord {
  std::string session_hash;
  int64_t user_id = 0;
  std::string csrf_token;
  Timestamp created_at;
  Timestamp last_seen_at;
  Timestamp expires_at;
  bool ended = false;
};

struct ApiTokenRecord {
  int64_t id = 0;
  int64_t user_id = 0;
  std::string label;
  Timestamp created_at;
  std::optional<Timestamp> last_used_at;
  bool revoked = false;
};

struct AccessGrant {
  int64_t id = 0;
  int64_t user_id = 0;
  int64_t person_id = 0;
  Date valid_from;
  Date valid_until;
  std::string reason;
  std::string granted_by;
};

class Accounts {
 public:
  explicit Accounts(SqlConnection& db) : db_(db) {}

  // Teams
  std::optional<Team> team_by_name(std::string_view name);
  Team ensure_team(std::string_view name, Timestamp now);

  // Users
  std::optional<User> user_by_username(std::string_view username);
  std::optional<User> user(int64_t id);
  std::optional<std::string> password_hash(int64_t user_id);
  std::vector<User> users();
  // Inserts a user; returns its id. Throws SqlError(kUniqueViolation) if the username exists.
  int64_t insert_user(const User& user, const std::string& password_hash, Timestamp now);
  void set_disabled(int64_t user_id, bool disabled, Timestamp now);
  void set_registration(int64_t user_id, const std::string& registration, Timestamp now);
  void set_password_hash(int64_t user_id, const std::string& hash, Timestamp now);

  // API tokens
  int64_t insert_token(int64_t user_id, const std::string& token_hash, std::string_view label, Timestamp now);
  // The live (not revoked) token with this hash, and its user.
  std::optional<ApiTokenRecord> token_by_hash(const std::string& token_hash);
  void touch_token(int64_t token_id, Timestamp now);
  // False if there is no live token with this id.
  bool revoke_token(int64_t token_id, Timestamp now);
  std::vector<ApiTokenRecord> tokens_of(int64_t user_id);

  // Sessions
  void insert_session(const SessionRecord& session);
  std::optional<SessionRecord> session(const std::string& session_hash);
  void touch_session(const std::string& session_hash, Timestamp now, Timestamp expires_at);
  void end_session(const std::string& session_hash, Timestamp now);
  void end_sessions_of(int64_t user_id, Timestamp now);

  // Sign-in attempts
  void record_sign_in_attempt(std::string_view username, std::string_view remote_address, Timestamp at,
                              bool succeeded);
  // Failed attempts since `since` for a username / from an address.
  int64_t failed_attempts_for_username(std::string_view username, Timestamp since);
  int64_t failed_attempts_from_address(std::string_view remote_address, Timestamp since);

  // Access grants
  int64_t insert_grant(const AccessGrant& grant, Timestamp now);
  // Grants covering `on` for this user and person.
  bool has_grant(int64_t user_id, int64_t person_id, Date on);
  std::vector<AccessGrant> grants_of(int64_t user_id);

 private:
  SqlConnection& db_;
};

}  // namespace safeguard
