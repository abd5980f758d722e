// A Site over a fresh SQLite database, as the page tests drive it through a Browser: the database,
// a fixed clock at test_now(), the pool the site answers from, and users added through AuthService
// who sign in with kBrowserTestPassword. Page test fixtures derive from it.
#pragma once

#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <stdexcept>
#include <string>

#include "app/auth.h"
#include "support/browser.h"
#include "support/fixtures.h"
#include "support/test_databases.h"
#include "web/site.h"

namespace safeguard::web {

inline bool contains(const std::string& haystack, const std::string& needle) {
  return haystack.find(needle) != std::string::npos;
}

class TestSite {
 protected:
  TestSite()
      : test_db_("sqlite"), db_(test_db_.open()), clock_(testing::test_now()), pool_(test_db_.location()) {
    SiteOptions options;
    options.assets_dir = std::string(SAFEGUARD_SOURCE_DIR) + "/node_modules/govuk-frontend/dist/govuk";
    options.secure_cookies = false;
    site_ = std::make_unique<Site>(pool_, clock_, options);
  }

  // A user of `role` ("social_worker", "team_manager", ...) in `team`; throws if refused.
  User add_site_user(const std::string& username, const std::string& role, const std::string& team,
                     const std::string& agency = "") {
    auto added =
        AuthService(*db_, clock_)
            .add_user("test", username, "Test " + username, role, team, agency, kBrowserTestPassword);
    if (!added) throw std::runtime_error("add_user " + username + ": " + added.error().message);
    return *added;
  }

  // Types `d` into the date inputs <name>-day, -month and -year.
  static void set_day(FormData& f, const std::string& name, Date d) {
    f.set(name + "-day", std::to_string(d.day()));
    f.set(name + "-month", std::to_string(d.month()));
    f.set(name + "-year", std::to_string(d.year()));
  }

  // Where a redirect goes; empty if it is not one.
  static std::string location(const Response& r) {
    for (const Header& h : r.headers) {
      if (h.name == "Location") return h.value;
    }
    return {};
  }

  // A JSON API call as `user` (a token is made for them on first use); `body` is sent for a POST.
  Response api(const std::string& user, const std::string& method, const std::string& target,
               const nlohmann::json& body = nullptr) {
    if (!tokens_.count(user))
      tokens_[user] = AuthService(*db_, clock_).create_token("test", user, "").value();
    Request r;
    r.method = method;
    r.target = target;
    r.path = target;
    r.remote_address = "127.0.0.1";
    r.headers.push_back({"Authorization", "Bearer " + tokens_[user]});
    if (method == "POST") {
      r.headers.push_back({"Content-Type", "application/json"});
      r.body = body.dump();
    }
    return site_->handle(r);
  }

  testing::TestDatabase test_db_;
  std::unique_ptr<Database> db_;
  FixedClock clock_;
  DatabasePool pool_;
  std::unique_ptr<Site> site_;
  std::map<std::string, std::string> tokens_;  // API tokens by username
};

}  // namespace safeguard::web
