// The cryptography Safeguard relies on, in one place: SHA-256 for the event chain and for storing
// secrets (session ids, API tokens) only as hashes; argon2id for passwords; unpredictable tokens;
// comparison in constant time. OpenSSL and libsodium stay behind this header.
//
// Thread safety: every function may be called from any thread.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace safeguard {

// Lower-case hex SHA-256 of the bytes.
std::string sha256_hex(std::string_view bytes);

// A fresh random token of `bytes` random bytes, as lower-case hex (2 * bytes characters).
std::string random_token_hex(size_t bytes = 32);

// Equal contents, in time that does not depend on where they differ.
bool constant_time_equals(std::string_view a, std::string_view b);

// An argon2id hash in the PHC string format ("$argon2id$v=19$m=...,t=...,p=1$salt$hash"), with
// libsodium's parameters tuned for a 2-core server (OWASP's minimum: 19 MiB, 2 passes).
// nullopt if the system is out of memory.
std::optional<std::string> hash_password(std::string_view password);

// True if the password matches a hash made by hash_password.
bool verify_password(std::string_view password, const std::string& hash);

}  // namespace safeguard
