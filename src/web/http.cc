// The plain request and response values of web/http.h. Kept apart from http_server.cc so that code
// building responses (pages, the API, tests) never compiles Beast.
#include "web/http.h"

#include <algorithm>

namespace safeguard::web {
namespace {

// Header names are ASCII tokens (RFC 9110 5.1), so an ASCII fold is the whole of case-insensitivity;
// std::tolower would consult the locale for no benefit.
char fold(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }

bool equals_ignoring_case(std::string_view a, std::string_view b) {
  return a.size() == b.size() &&
         std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) { return fold(x) == fold(y); });
}

}  // namespace

std::optional<std::string_view> Request::header(std::string_view name) const {
  for (const Header& candidate : headers) {
    if (equals_ignoring_case(candidate.name, name)) return std::string_view(candidate.value);
  }
  return std::nullopt;
}

// Replaces every header of this name, so that a response never carries two values for a field that
// allows only one (Content-Type, Location). Fields that may repeat (Set-Cookie) are appended to
// `headers` directly.
void Response::set_header(std::string name, std::string value) {
  auto same_name = [&](const Header& h) { return equals_ignoring_case(h.name, name); };
  auto first = std::find_if(headers.begin(), headers.end(), same_name);
  if (first == headers.end()) {
    headers.push_back({std::move(name), std::move(value)});
    return;
  }
  first->value = std::move(value);
  headers.erase(std::remove_if(std::next(first), headers.end(), same_name), headers.end());
}

Response Response::text(int status, std::string body, std::string content_type) {
  Response response;
  response.status = status;
  response.set_header("Content-Type", std::move(content_type));
  response.body = std::move(body);
  return response;
}

Response Response::redirect(std::string location, int status) {
  Response response;
  response.status = status;
  response.set_header("Location", std::move(location));
  return response;
}

}  // namespace safeguard::web
