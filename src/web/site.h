// The Safeguard web application: every page and the JSON API behind one handler that the HTTP
// server calls. It authenticates each request (a session cookie for pages, a bearer token for the
// API), checks the CSRF token on every form, turns the request into a use case of app/, and the
// result into a GOV.UK page or JSON. It decides nothing about the record itself.
//
// Security headers go on every response: a Content-Security-Policy allowing only this origin's
// scripts and styles, no framing, no sniffing, no caching of pages holding personal data.
//
// Thread safety: handle() is called concurrently; each call uses its thread's own database.
#pragma once

#include <memory>
#include <string>

#include "app/auth.h"
#include "core/clock.h"
#include "store/database.h"
#include "web/http.h"

namespace safeguard::web {

struct SiteOptions {
  std::string assets_dir;  // govuk-frontend's dist/govuk directory (fonts, images, CSS, JS)
  std::string council_name = "Demo Council";
  bool secure_cookies = true;  // add Secure to cookies: on unless serving plain HTTP on loopback
  AuthSettings auth;
};

class Site {
 public:
  Site(DatabasePool& pool, const Clock& clock, SiteOptions options);
  ~Site();
  Response handle(const Request& request);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// Finds govuk-frontend's dist/govuk directory: `configured` if given, else node_modules beside
// the working directory or beside the executable's parent. Empty if none is found.
std::string find_assets_dir(const std::string& configured, const std::string& executable_path);

}  // namespace safeguard::web
