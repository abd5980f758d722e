// Small text facts every input check needs: is this valid UTF-8, does it hide control characters,
// trim it, count its characters. Used by the domain's validation so that every field is checked
// the same way wherever it arrives from (form, API, import, CLI).
//
// Thread safety: pure functions.
#pragma once

#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

namespace safeguard {

bool is_valid_utf8(std::string_view text);

// True if the text has a C0 control character other than tab, line feed and carriage return, or DEL.
// `allow_newlines` false also rejects tab, line feed and carriage return (single-line fields).
bool has_control_characters(std::string_view text, bool allow_newlines);

// Without leading and trailing ASCII whitespace.
std::string_view trim(std::string_view text);

// Number of Unicode code points in valid UTF-8 text.
size_t utf8_length(std::string_view text);

std::string to_lower_ascii(std::string_view text);
std::string to_upper_ascii(std::string_view text);

// Splits on a separator character; keeps empty parts.
std::vector<std::string> split(std::string_view text, char separator);

// True if `value` is one of `codes` (exactly, case and all).
bool one_of(std::string_view value, std::initializer_list<std::string_view> codes);

}  // namespace safeguard
