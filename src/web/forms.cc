#include "web/forms.h"

#include <charconv>

#include "core/text.h"

namespace safeguard::web {
namespace {

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

const std::string kEmpty;

}  // namespace

std::string url_decode(std::string_view text, bool plus_is_space) {
  std::string out;
  out.reserve(text.size());
  for (size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c == '%') {
      const int hi = i + 1 < text.size() ? hex_value(text[i + 1]) : -1;
      const int lo = i + 2 < text.size() ? hex_value(text[i + 2]) : -1;
      if (hi >= 0 && lo >= 0) {
        out += static_cast<char>(hi * 16 + lo);
        i += 2;
        continue;
      }
      out += c;
    } else if (c == '+' && plus_is_space) {
      out += ' ';
    } else {
      out += c;
    }
  }
  return out;
}

std::string url_encode(std::string_view text) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  out.reserve(text.size() * 3 / 2);
  for (const char ch : text) {
    const auto c = static_cast<unsigned char>(ch);
    if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_' ||
        c == '.' || c == '~') {
      out += ch;
    } else {
      out += '%';
      out += kHex[c >> 4];
      out += kHex[c & 15];
    }
  }
  return out;
}

FormData FormData::parse(std::string_view encoded) {
  FormData form;
  size_t start = 0;
  while (start <= encoded.size() && form.fields_.size() < kMaxFields) {
    size_t end = encoded.find('&', start);
    if (end == std::string_view::npos) end = encoded.size();
    const std::string_view pair = encoded.substr(start, end - start);
    if (!pair.empty()) {
      const size_t eq = pair.find('=');
      if (eq == std::string_view::npos) {
        form.fields_.emplace_back(url_decode(pair), "");
      } else {
        form.fields_.emplace_back(url_decode(pair.substr(0, eq)), url_decode(pair.substr(eq + 1)));
      }
    }
    start = end + 1;
  }
  return form;
}

const std::string& FormData::get(std::string_view name) const {
  for (const auto& [key, value] : fields_) {
    if (key == name) return value;
  }
  return kEmpty;
}

std::vector<std::string> FormData::all(std::string_view name) const {
  std::vector<std::string> out;
  for (const auto& [key, value] : fields_) {
    if (key == name) out.push_back(value);
  }
  return out;
}

bool FormData::has(std::string_view name) const {
  for (const auto& [key, value] : fields_) {
    if (key == name) return true;
  }
  return false;
}

void FormData::set(std::string name, std::string value) {
  remove(name);
  fields_.emplace_back(std::move(name), std::move(value));
}

void FormData::add(std::string name, std::string value) {
  fields_.emplace_back(std::move(name), std::move(value));
}

void FormData::remove(std::string_view name) {
  std::erase_if(fields_, [&](const auto& field) { return field.first == name; });
}

std::string FormData::encode() const {
  std::string out;
  for (const auto& [key, value] : fields_) {
    if (!out.empty()) out += '&';
    out += url_encode(key) + "=" + url_encode(value);
  }
  return out;
}

std::map<std::string, std::string> parse_cookies(std::string_view header) {
  std::map<std::string, std::string> cookies;
  for (const std::string& part : split(header, ';')) {
    const std::string_view item = trim(part);
    const size_t eq = item.find('=');
    if (eq == std::string_view::npos || eq == 0) continue;
    cookies.emplace(std::string(trim(item.substr(0, eq))), std::string(trim(item.substr(eq + 1))));
    if (cookies.size() >= 50) break;
  }
  return cookies;
}

Result<Date> read_required_date(const FormData& form, std::string_view name, std::string_view label,
                                std::string_view missing) {
  auto date = read_date(form, name, label);
  if (!date) return date.error();
  if (!*date) return Error::invalid(std::string(missing), std::string(name));
  return **date;
}

void set_date(FormData& form, std::string_view name, Date date) {
  const std::string prefix(name);
  form.set(prefix + "-day", std::to_string(date.day()));
  form.set(prefix + "-month", std::to_string(date.month()));
  form.set(prefix + "-year", std::to_string(date.year()));
}

Result<std::optional<Date>> read_date(const FormData& form, std::string_view name, std::string_view label) {
  const std::string n(name);
  const std::string day(trim(form.get(n + "-day")));
  const std::string month(trim(form.get(n + "-month")));
  const std::string year(trim(form.get(n + "-year")));
  if (day.empty() && month.empty() && year.empty()) return std::optional<Date>();
  const std::string what(label);
  if (day.empty()) return Error::invalid(what + " must include a day", n);
  if (month.empty()) return Error::invalid(what + " must include a month", n);
  if (year.empty()) return Error::invalid(what + " must include a year", n);
  const auto number = [](const std::string& s) -> int {
    if (s.empty() || s.size() > 4) return -1;
    int v = 0;
    for (const char c : s) {
      if (c < '0' || c > '9') return -1;
      v = v * 10 + (c - '0');
    }
    return v;
  };
  const int d = number(day);
  const int m = number(month);
  const int y = number(year);
  if (year.size() != 4) return Error::invalid(what + " must have a 4-digit year, like 2015", n);
  if (d < 0 || m < 0 || y < 0 || !Date::is_valid_ymd(y, m, d))
    return Error::invalid(what + " must be a real date", n);
  return std::optional<Date>(Date::from_ymd(y, m, d));
}

std::optional<int64_t> parse_id(std::string_view text) {
  if (text.empty() || text.size() > 18) return std::nullopt;
  int64_t value = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc() || end != text.data() + text.size() || value <= 0) return std::nullopt;
  return value;
}

}  // namespace safeguard::web
