#include "core/crypto.h"

#include <gtest/gtest.h>

#include "core/text.h"

namespace safeguard {
namespace {

TEST(Crypto, Sha256MatchesTheStandardVectors) {
  EXPECT_EQ(sha256_hex(""), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  EXPECT_EQ(sha256_hex("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
}

TEST(Crypto, TokensAreFreshAndHex) {
  const std::string a = random_token_hex(32);
  const std::string b = random_token_hex(32);
  EXPECT_EQ(a.size(), 64u);
  EXPECT_NE(a, b);
  EXPECT_EQ(a.find_first_not_of("0123456789abcdef"), std::string::npos);
}

TEST(Crypto, PasswordsAreArgon2idAndVerify) {
  const auto hash = hash_password("correct horse battery staple");
  ASSERT_TRUE(hash.has_value());
  EXPECT_TRUE(hash->starts_with("$argon2id$"));
  EXPECT_TRUE(verify_password("correct horse battery staple", *hash));
  EXPECT_FALSE(verify_password("correct horse battery stapl", *hash));
  EXPECT_FALSE(verify_password("anything", "not a hash"));
  EXPECT_NE(*hash, *hash_password("correct horse battery staple"));  // salted
}

TEST(Crypto, ConstantTimeEqualsComparesContents) {
  EXPECT_TRUE(constant_time_equals("abc", "abc"));
  EXPECT_FALSE(constant_time_equals("abc", "abd"));
  EXPECT_FALSE(constant_time_equals("abc", "abcd"));
}

TEST(Text, ChecksUtf8AndControlCharacters) {
  EXPECT_TRUE(is_valid_utf8("Zoë Łukasz 日本"));
  EXPECT_FALSE(is_valid_utf8("\xc3"));
  EXPECT_FALSE(is_valid_utf8("\xc0\xaf"));      // overlong
  EXPECT_FALSE(is_valid_utf8("\xed\xa0\x80"));  // surrogate
  EXPECT_TRUE(has_control_characters(std::string("a\0b", 3), true));
  EXPECT_TRUE(has_control_characters("a\nb", false));
  EXPECT_FALSE(has_control_characters("a\nb", true));
  EXPECT_EQ(trim("  x y \t"), "x y");
  EXPECT_EQ(utf8_length("Zoë"), 3u);
}

}  // namespace
}  // namespace safeguard
