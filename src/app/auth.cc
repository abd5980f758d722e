#include "app/auth.h"

#include "core/crypto.h"
#include "core/text.h"
#include "store/audit_log.h"

namespace safeguard {
namespace {

// A hash that exists only to spend the time a real verification takes, so that an unknown
// username answers no faster than a wrong password.
const std::string& decoy_hash() {
  static const std::string hash = hash_password("decoy password that matches nothing").value_or("");
  return hash;
}

constexpr const char* kTokenPrefix = "sg_";

}  // namespace

Status AuthService::check_password_rules(std::string_view password) const {
  if (password.size() < settings_.min_password_length) {
    return Error::invalid(
        "The password must be at least " + std::to_string(settings_.min_password_length) + " characters",
        "password");
  }
  if (password.size() > 1024)
    return Error::invalid("The password must be 1024 characters or fewer", "password");
  if (!is_valid_utf8(password)) return Error::invalid("The password must be valid text", "password");
  return Status::success();
}

Result<SignedIn> AuthService::sign_in(std::string_view username_typed, std::string_view password,
                                      std::string_view remote_address) {
  const std::string username = to_lower_ascii(trim(username_typed));
  if (username.empty()) return Error::invalid("Enter your username", "username");
  if (password.empty()) return Error::invalid("Enter your password", "password");
  // Nothing that could not be a username reaches the database (or the attempts log).
  if (username.size() > 64 || password.size() > 1024 || !is_valid_utf8(username) ||
      has_control_characters(username, false)) {
    return Error::invalid("Enter a correct username and password", "username");
  }
  const Timestamp now = clock_.now();
  const Timestamp window_start = now.plus_seconds(-int64_t{settings_.lockout_minutes} * 60);
  try {
    Accounts accounts(db_.sql());
    if (accounts.failed_attempts_for_username(username, window_start) >=
            settings_.max_failures_per_username ||
        accounts.failed_attempts_from_address(remote_address, window_start) >=
            settings_.max_failures_per_address) {
      return Error::too_many_requests("Too many failed attempts to sign in. Wait " +
                                      std::to_string(settings_.lockout_minutes) +
                                      " minutes and try again, or ask an administrator to help.");
    }
    auto user = accounts.user_by_username(username);
    std::optional<std::string> hash = user ? accounts.password_hash(user->id) : std::nullopt;
    const bool password_ok =
        hash ? verify_password(password, *hash) : (verify_password(password, decoy_hash()), false);
    const bool ok = user && password_ok && !user->disabled;
    SignedIn signed_in;
    Status status = db_.transact([&]() -> Status {
      accounts.record_sign_in_attempt(username, remote_address, now, ok);
      if (!ok) return Status::success();
      SessionRecord session;
      signed_in.session_token = random_token_hex(32);
      session.session_hash = sha256_hex(signed_in.session_token);
      session.user_id = user->id;
      session.csrf_token = random_token_hex(32);
      session.created_at = now;
      session.last_seen_at = now;
      session.expires_at = now.plus_seconds(int64_t{settings_.idle_timeout_minutes} * 60);
      accounts.insert_session(session);
      signed_in.csrf_token = session.csrf_token;
      signed_in.expires_at = session.expires_at;
      signed_in.user = *user;
      return Status::success();
    });
    if (!status) return status.error();
    if (!ok) {
      if (user && password_ok && user->disabled) {
        return Error::unauthenticated("This account is disabled. Ask an administrator to help.");
      }
      return Error::unauthenticated("Enter a correct username and password");
    }
    return signed_in;
  } catch (const SqlError& e) {
    return Error::storage(e.what());
  }
}

SessionCheck AuthService::check_session(std::string_view session_token) {
  SessionCheck check;
  if (session_token.size() != 64) return check;
  try {
    Accounts accounts(db_.sql());
    const std::string hash = sha256_hex(session_token);
    auto session = accounts.session(hash);
    if (!session) return check;
    auto user = accounts.user(session->user_id);
    if (!user) return check;
    check.user = user;
    const Timestamp now = clock_.now();
    const Timestamp absolute_end =
        session->created_at.plus_seconds(int64_t{settings_.absolute_timeout_hours} * 3600);
    if (session->ended || user->disabled) {
      check.state = SessionCheck::State::kExpired;
      if (user->disabled) check.user.reset();
      return check;
    }
    if (now >= session->expires_at || now >= absolute_end) {
      check.state = SessionCheck::State::kExpired;
      return check;
    }
    check.state = SessionCheck::State::kValid;
    check.csrf_token = session->csrf_token;
    // Extend the idle expiry at most once a minute, to spare the database a write per request.
    if (now.seconds_since(session->last_seen_at) >= 60) {
      Timestamp expires = now.plus_seconds(int64_t{settings_.idle_timeout_minutes} * 60);
      if (expires > absolute_end) expires = absolute_end;
      (void)db_.transact([&]() -> Status {
        accounts.touch_session(hash, now, expires);
        return Status::success();
      });
    }
    return check;
  } catch (const SqlError&) {
    return SessionCheck{};
  }
}

void AuthService::sign_out(std::string_view session_token) {
  if (session_token.empty()) return;
  try {
    (void)db_.transact([&]() -> Status {
      Accounts(db_.sql()).end_session(sha256_hex(session_token), clock_.now());
      return Status::success();
    });
  } catch (const SqlError&) {
  }
}

Result<User> AuthService::authenticate_token(std::string_view token) {
  if (!token.starts_with(kTokenPrefix) || token.size() != 3 + 64) {
    return Error::unauthenticated("The API token is not valid");
  }
  try {
    Accounts accounts(db_.sql());
    auto record = accounts.token_by_hash(sha256_hex(token));
    if (!record) return Error::unauthenticated("The API token is not valid or has been revoked");
    auto user = accounts.user(record->user_id);
    if (!user || user->disabled) return Error::unauthenticated("The API token's user is disabled");
    const Timestamp now = clock_.now();
    if (!record->last_used_at || now.seconds_since(*record->last_used_at) >= 60) {
      (void)db_.transact([&]() -> Status {
        accounts.touch_token(record->id, now);
        return Status::success();
      });
    }
    return *user;
  } catch (const SqlError& e) {
    return Error::storage(e.what());
  }
}

Result<User> AuthService::add_user(std::string_view actor, std::string_view username_typed,
                                   std::string_view display_name, std::string_view role_code_typed,
                                   std::string_view team, std::string_view agency,
                                   std::string_view password) {
  const std::string username = to_lower_ascii(trim(username_typed));
  if (!is_valid_username(username)) {
    return Error::invalid(
        "A username is 3 to 64 characters: a-z, 0-9, '.', '-' and '_', starting with a letter or digit",
        "username");
  }
  const std::string name(trim(display_name));
  if (name.empty() || name.size() > 100 || !is_valid_utf8(name) || has_control_characters(name, false)) {
    return Error::invalid("Enter the person's name (up to 100 characters)", "name");
  }
  const auto role = parse_role(trim(role_code_typed));
  if (!role) {
    std::string codes;
    for (Role r : all_roles()) codes += (codes.empty() ? "" : ", ") + std::string(role_code(r));
    return Error::invalid(
        "\"" + std::string(role_code_typed.substr(0, 40)) + "\" is not a role. Roles: " + codes, "role");
  }
  const std::string team_name(trim(team));
  if (team_name.size() > 100 || !is_valid_utf8(team_name) || has_control_characters(team_name, false)) {
    return Error::invalid("A team name is up to 100 characters of text", "team");
  }
  const std::string agency_name = to_lower_ascii(trim(agency));
  if (*role == Role::kMashPartner && agency_name.empty()) {
    return Error::invalid(
        "A MASH partner needs an agency (police, health, education, probation, housing, other)", "agency");
  }
  if (agency_name.size() > 40) return Error::invalid("An agency is up to 40 characters", "agency");
  if (Status s = check_password_rules(password); !s) return s.error();
  auto hash = hash_password(password);
  if (!hash) return Error::internal("Could not hash the password (out of memory)");
  User user;
  user.username = username;
  user.display_name = name;
  user.role = *role;
  user.agency = agency_name;
  Status status = db_.transact([&]() -> Status {
    Accounts accounts(db_.sql());
    if (accounts.user_by_username(username))
      return Error::invalid("There is already a user called " + username, "username");
    const Timestamp now = clock_.now();
    if (!team_name.empty()) {
      const Team t = accounts.ensure_team(team_name, now);
      user.team_id = t.id;
      user.team_name = t.name;
    }
    user.id = accounts.insert_user(user, *hash, now);
    AuditLog(db_.sql()).record_administration(
        now, actor, "added user",
        username + " (" + std::string(role_code(*role)) + (team_name.empty() ? "" : ", " + team_name) + ")");
    return Status::success();
  });
  if (!status) return status.error();
  return user;
}

Result<std::vector<User>> AuthService::users() {
  try {
    return Accounts(db_.sql()).users();
  } catch (const SqlError& e) {
    return Error::storage(e.what());
  }
}

Status AuthService::set_disabled(std::string_view actor, std::string_view username, bool disabled) {
  return db_.transact([&]() -> Status {
    Accounts accounts(db_.sql());
    auto user = accounts.user_by_username(to_lower_ascii(trim(username)));
    if (!user) return Error::not_found("There is no user called " + std::string(username));
    const Timestamp now = clock_.now();
    accounts.set_disabled(user->id, disabled, now);
    if (disabled) accounts.end_sessions_of(user->id, now);
    AuditLog(db_.sql()).record_administration(now, actor, disabled ? "disabled user" : "enabled user",
                                              user->username);
    return Status::success();
  });
}

Status AuthService::set_registration(std::string_view actor, std::string_view username,
                                     std::string_view registration) {
  const std::string number = to_upper_ascii(trim(registration));
  if (!number.empty() && !is_valid_registration(number)) {
    return Error::invalid("'" + std::string(registration) +
                              "' is not a Social Work England registration number: SW and up to 8 digits",
                          "registration");
  }
  return db_.transact([&]() -> Status {
    Accounts accounts(db_.sql());
    auto user = accounts.user_by_username(to_lower_ascii(trim(username)));
    if (!user) return Error::not_found("There is no user called " + std::string(username));
    const Timestamp now = clock_.now();
    accounts.set_registration(user->id, number, now);
    AuditLog(db_.sql()).record_administration(now, actor, "set registration number",
                                              user->username + " " + (number.empty() ? "(none)" : number));
    return Status::success();
  });
}

Status AuthService::set_password(std::string_view actor, std::string_view username,
                                 std::string_view password) {
  if (Status s = check_password_rules(password); !s) return s;
  auto hash = hash_password(password);
  if (!hash) return Error::internal("Could not hash the password (out of memory)");
  return db_.transact([&]() -> Status {
    Accounts accounts(db_.sql());
    auto user = accounts.user_by_username(to_lower_ascii(trim(username)));
    if (!user) return Error::not_found("There is no user called " + std::string(username));
    const Timestamp now = clock_.now();
    accounts.set_password_hash(user->id, *hash, now);
    accounts.end_sessions_of(user->id, now);
    AuditLog(db_.sql()).record_administration(now, actor, "set password", user->username);
    return Status::success();
  });
}

Result<std::string> AuthService::create_token(std::string_view actor, std::string_view username,
                                              std::string_view label) {
  const std::string label_text(trim(label));
  if (label_text.size() > 100 || !is_valid_utf8(label_text) || has_control_characters(label_text, false)) {
    return Error::invalid("A token label is up to 100 characters of text", "label");
  }
  const std::string token = kTokenPrefix + random_token_hex(32);
  Status status = db_.transact([&]() -> Status {
    Accounts accounts(db_.sql());
    auto user = accounts.user_by_username(to_lower_ascii(trim(username)));
    if (!user) return Error::not_found("There is no user called " + std::string(username));
    if (user->disabled) return Error::invalid("User " + user->username + " is disabled", "user");
    const Timestamp now = clock_.now();
    const int64_t id = accounts.insert_token(user->id, sha256_hex(token), label_text, now);
    AuditLog(db_.sql()).record_administration(now, actor, "created API token",
                                              "token " + std::to_string(id) + " for " + user->username +
                                                  (label_text.empty() ? "" : " (" + label_text + ")"));
    return Status::success();
  });
  if (!status) return status.error();
  return token;
}

Status AuthService::revoke_token(std::string_view actor, int64_t token_id) {
  return db_.transact([&]() -> Status {
    const Timestamp now = clock_.now();
    if (!Accounts(db_.sql()).revoke_token(token_id, now)) {
      return Error::not_found("There is no live API token " + std::to_string(token_id));
    }
    AuditLog(db_.sql()).record_administration(now, actor, "revoked API token", std::to_string(token_id));
    return Status::success();
  });
}

}  // namespace safeguard
