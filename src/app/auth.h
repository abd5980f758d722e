// Signing in and staying signed in: passwords (argon2id), web sessions with idle and absolute
// expiry, CSRF tokens, throttling of failed sign-ins, and bearer tokens for partner systems. Also
// the administration of users and tokens, each change written to the administration log.
//
// Secrets are never stored: a session id and an API token are random 256-bit values handed to the
// client once; only their SHA-256 hashes are kept, so a copy of the database signs no one in.
//
// Thread safety: an AuthService uses one Database, which belongs to one thread at a time.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/clock.h"
#include "core/result.h"
#include "domain/user.h"
#include "store/accounts.h"
#include "store/database.h"

namespace safeguard {

struct AuthSettings {
  int idle_timeout_minutes = 30;      // a session left alone this long expires
  int absolute_timeout_hours = 10;    // and no session outlives a working day
  int max_failures_per_username = 5;  // then that username is locked...
  int lockout_minutes = 15;           // ...for this long
  int max_failures_per_address = 30;  // failures from one address in the lockout window
  size_t min_password_length = 12;
};

struct SignedIn {
  std::string session_token;  // for the cookie; shown once, never stored
  std::string csrf_token;
  User user;
  Timestamp expires_at;
};

struct SessionCheck {
  enum class State { kValid, kExpired, kUnknown };
  State state = State::kUnknown;
  std::optional<User> user;  // set for valid and for expired sessions (to keep a draft for them)
  std::string csrf_token;    // valid sessions only
};

class AuthService {
 public:
  AuthService(Database& db, const Clock& clock, AuthSettings settings = {})
      : db_(db), clock_(clock), settings_(settings) {}

  // Checks the password and starts a session. Wrong username or password give the same message;
  // too many failures give a throttling error without checking the password.
  Result<SignedIn> sign_in(std::string_view username, std::string_view password,
                           std::string_view remote_address);

  // Looks up a session from its cookie value, extending its idle expiry when valid.
  SessionCheck check_session(std::string_view session_token);
  void sign_out(std::string_view session_token);

  // The user a bearer token belongs to; unauthenticated if unknown, revoked or the user disabled.
  Result<User> authenticate_token(std::string_view token);

  // ---- administration; `actor` is who is doing it, for the log ("cli:root", a username) ----
  Result<User> add_user(std::string_view actor, std::string_view username, std::string_view display_name,
                        std::string_view role, std::string_view team, std::string_view agency,
                        std::string_view password);
  Result<std::vector<User>> users();
  Status set_disabled(std::string_view actor, std::string_view username, bool disabled);
  Status set_password(std::string_view actor, std::string_view username, std::string_view password);
  // A social worker's Social Work England registration number (is_valid_registration), or empty to
  // clear it.
  Status set_registration(std::string_view actor, std::string_view username, std::string_view registration);
  // Creates a token for a user and returns it (the only time it is shown).
  Result<std::string> create_token(std::string_view actor, std::string_view username, std::string_view label);
  Status revoke_token(std::string_view actor, int64_t token_id);

  const AuthSettings& settings() const { return settings_; }

 private:
  Status check_password_rules(std::string_view password) const;
  Database& db_;
  const Clock& clock_;
  AuthSettings settings_;
};

}  // namespace safeguard
