// Decoding what browsers send: URL-encoded forms and query strings, cookies, and the three-part
// GOV.UK date input. Untrusted bytes in, plain values out; nothing here trusts sizes or encodings.
//
// Thread safety: values and pure functions.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/date.h"
#include "core/result.h"

namespace safeguard::web {

// Percent-decoding; '+' becomes a space when `plus_is_space` (form bodies and query strings).
std::string url_decode(std::string_view text, bool plus_is_space = true);
std::string url_encode(std::string_view text);

// The fields of a form or query string, in the order sent. A name may repeat (checkboxes).
class FormData {
 public:
  static constexpr size_t kMaxFields = 1000;

  // Parses "a=1&b=2"; stops after kMaxFields fields.
  static FormData parse(std::string_view encoded);

  // The first value sent for a name, or "".
  const std::string& get(std::string_view name) const;
  std::vector<std::string> all(std::string_view name) const;
  bool has(std::string_view name) const;
  void set(std::string name, std::string value);
  void add(std::string name, std::string value);
  void remove(std::string_view name);
  // Back to "a=1&b=2".
  std::string encode() const;
  const std::vector<std::pair<std::string, std::string>>& fields() const { return fields_; }

 private:
  std::vector<std::pair<std::string, std::string>> fields_;
};

// Cookie name to value, from a Cookie header.
std::map<std::string, std::string> parse_cookies(std::string_view header);

// A date typed into the inputs <name>-day, <name>-month and <name>-year. nullopt if all three are
// empty; an error naming `name` if some are filled but they do not make a real date.
Result<std::optional<Date>> read_date(const FormData& form, std::string_view name, std::string_view label);
// The same for a date that must be given: `missing` is the error when all three are empty.
Result<Date> read_required_date(const FormData& form, std::string_view name, std::string_view label,
                                std::string_view missing);
// Fills the inputs <name>-day, <name>-month and <name>-year with `date` (a form's default).
void set_date(FormData& form, std::string_view name, Date date);

// A whole positive number from text (an id in a path); nullopt for anything else.
std::optional<int64_t> parse_id(std::string_view text);

}  // namespace safeguard::web
