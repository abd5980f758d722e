// The web app end to end, without a network: requests in, pages and JSON out. Sign-in, CSRF,
// expired sessions keeping drafts, escaping, the person journey, and the API's errors.
#include "web/site.h"

#include <gtest/gtest.h>

#include "app/auth.h"
#include "store/audit_log.h"
#include "store/council_settings.h"
#include "store/event_log.h"
#include "store/people_read_model.h"
#include "support/browser.h"
#include "support/fixtures.h"
#include "support/test_databases.h"
#include "web/forms.h"

namespace safeguard::web {
namespace {

constexpr const char* kPassword = kBrowserTestPassword;

class SiteTest : public ::testing::Test {
 protected:
  SiteTest()
      : test_db_("sqlite"), db_(test_db_.open()), clock_(testing::test_now()), pool_(test_db_.location()) {
    SiteOptions options;
    options.assets_dir = std::string(SAFEGUARD_SOURCE_DIR) + "/node_modules/govuk-frontend/dist/govuk";
    options.secure_cookies = false;
    site_ = std::make_unique<Site>(pool_, clock_, options);
    AuthService auth(*db_, clock_);
    for (const auto& [username, role] : {std::pair{"frontdoor", "front_door_social_worker"},
                                         {"worker", "social_worker"},
                                         {"admin", "administrator"},
                                         {"police", "mash_partner"}}) {
      auto added = auth.add_user("test", username, std::string("Test ") + username, role, "Team",
                                 role == std::string("mash_partner") ? "police" : "", kPassword);
      EXPECT_TRUE(added.ok()) << added.error().message;
    }
  }

  FormData person_form(Browser& b, const std::string& forename, const std::string& surname) {
    const Response page = b.get("/people/new");
    FormData f;
    f.set("csrf_token", Browser::hidden_value(page.body, "csrf_token"));
    f.set("forename", forename);
    f.set("surname", surname);
    f.set("date_of_birth-day", "30");
    f.set("date_of_birth-month", "6");
    f.set("date_of_birth-year", "2016");
    f.set("sex", "F");
    f.set("ethnicity", "WBRI");
    return f;
  }

  int64_t people_count() { return PeopleIndex(db_->sql()).count(); }

  testing::TestDatabase test_db_;
  std::unique_ptr<Database> db_;
  FixedClock clock_;
  DatabasePool pool_;
  std::unique_ptr<Site> site_;
};

TEST_F(SiteTest, PagesNeedSignInAndSignInSetsASafeCookie) {
  Browser b(*site_);
  Response r = b.get("/people?name=lee");
  EXPECT_EQ(r.status, 303);
  EXPECT_EQ(header(r, "Location"), "/sign-in?next=%2Fpeople%3Fname%3Dlee");
  r = b.sign_in("frontdoor", "wrong password!!");
  EXPECT_EQ(r.status, 401);
  EXPECT_NE(r.body.find("Enter a correct username and password"), std::string::npos);
  const Response page = b.get("/sign-in");
  FormData form;
  form.set("signin_token", Browser::hidden_value(page.body, "signin_token"));
  form.set("username", "frontdoor");
  form.set("password", kPassword);
  form.set("next", "//evil.example/");
  r = b.post("/sign-in", form);
  EXPECT_EQ(r.status, 303);
  EXPECT_EQ(header(r, "Location"), "/");  // never off-site
  bool saw_session = false;
  for (const Header& h : r.headers) {
    if (h.name == "Set-Cookie" && h.value.starts_with("sg_session=")) {
      saw_session = true;
      EXPECT_NE(h.value.find("HttpOnly"), std::string::npos);
      EXPECT_NE(h.value.find("SameSite=Strict"), std::string::npos);
    }
  }
  EXPECT_TRUE(saw_session);
  r = b.get("/");
  EXPECT_EQ(r.status, 200);
  EXPECT_NE(r.body.find("Test frontdoor"), std::string::npos);
  EXPECT_NE(header(r, "Content-Security-Policy").find("script-src 'self'"), std::string::npos);
  EXPECT_EQ(header(r, "Cache-Control"), "no-store");
}

TEST_F(SiteTest, ASignInFormWithoutItsCookieIsRefused) {
  Browser b(*site_);
  FormData form;
  form.set("signin_token", "made-up");
  form.set("username", "frontdoor");
  form.set("password", kPassword);
  EXPECT_EQ(b.post("/sign-in", form).status, 400);
}

TEST_F(SiteTest, FormsWithoutTheCsrfTokenWriteNothing) {
  Browser b(*site_);
  b.sign_in("frontdoor");
  FormData f = person_form(b, "Ellie", "Fielding");
  f.set("csrf_token", "forged");
  Response r = b.post("/people/new", f);
  EXPECT_EQ(r.status, 403);
  f.remove("csrf_token");
  EXPECT_EQ(b.post("/people/new", f).status, 403);
  EXPECT_EQ(people_count(), 0);
  // And a form sent as something else entirely is refused before anything is read.
  EXPECT_EQ(b.send("POST", "/people/new", "{}", "application/json").status, 415);
}

TEST_F(SiteTest, RecordingAPersonShowsErrorsByFieldAndKeepsWhatWasTyped) {
  Browser b(*site_);
  b.sign_in("frontdoor");
  FormData f = person_form(b, "Ellie", "");
  f.set("date_of_birth-day", "31");
  f.set("date_of_birth-month", "2");
  f.set("nhs_number", "1234567890");
  Response r = b.post("/people/new", f);
  EXPECT_EQ(r.status, 422);
  EXPECT_NE(r.body.find("href=\"#date_of_birth\">Date of birth must be a real date"), std::string::npos);
  EXPECT_NE(r.body.find("value=\"Ellie\""), std::string::npos);
  f.set("date_of_birth-day", "30");
  f.set("date_of_birth-month", "6");
  r = b.post("/people/new", f);
  EXPECT_EQ(r.status, 422);
  EXPECT_NE(r.body.find("href=\"#surname\""), std::string::npos);
  f.set("surname", "Fielding");
  r = b.post("/people/new", f);
  EXPECT_EQ(r.status, 422);
  EXPECT_NE(r.body.find("href=\"#nhs_number\""), std::string::npos);
  EXPECT_EQ(people_count(), 0);
  f.set("nhs_number", "943 476 5919");
  r = b.post("/people/new", f);
  ASSERT_EQ(r.status, 303) << r.body;
  EXPECT_EQ(people_count(), 1);
  r = b.get(header(r, "Location"));
  EXPECT_EQ(r.status, 200);
  EXPECT_NE(r.body.find("Person recorded"), std::string::npos);
  EXPECT_NE(r.body.find("943 476 5919"), std::string::npos);
}

TEST_F(SiteTest, OutputIsEscaped) {
  Browser b(*site_);
  b.sign_in("frontdoor");
  FormData f = person_form(b, "<script>alert(1)</script>", "O'Brien \"Bobby\"");
  Response r = b.post("/people/new", f);
  ASSERT_EQ(r.status, 303);
  r = b.get(header(r, "Location"));
  EXPECT_EQ(r.body.find("<script>alert(1)</script>"), std::string::npos);
  EXPECT_NE(r.body.find("&lt;script&gt;alert(1)&lt;/script&gt;"), std::string::npos);
  EXPECT_NE(r.body.find("O&#39;Brien &quot;Bobby&quot;"), std::string::npos);
  r = b.get("/people?name=%3Cb%3Ex");
  EXPECT_EQ(r.body.find("<b>x"), std::string::npos);
}

TEST_F(SiteTest, AnExpiredSessionKeepsTheFormAsADraft) {
  Browser b(*site_);
  b.sign_in("frontdoor");
  FormData f = person_form(b, "Ellie", "Fielding");
  f.set("middle_names", "typed before the session ended");
  clock_.advance_seconds(31 * 60);  // idle past the timeout
  Response r = b.post("/people/new", f);
  ASSERT_EQ(r.status, 303);
  EXPECT_EQ(header(r, "Location"), "/sign-in?expired=1&next=%2Fpeople%2Fnew");
  EXPECT_EQ(people_count(), 0);
  r = b.get(header(r, "Location"));
  EXPECT_NE(r.body.find("Anything you were typing"), std::string::npos);
  FormData form;
  form.set("signin_token", Browser::hidden_value(r.body, "signin_token"));
  form.set("username", "frontdoor");
  form.set("password", kPassword);
  form.set("next", Browser::hidden_value(r.body, "next"));
  r = b.post("/sign-in", form);
  EXPECT_EQ(header(r, "Location"), "/people/new");
  r = b.get("/people/new");
  EXPECT_NE(r.body.find("value=\"typed before the session ended\""), std::string::npos);
  EXPECT_NE(r.body.find("We kept what you typed"), std::string::npos);
}

TEST_F(SiteTest, DraftsAreSavedAsTheWorkerTypes) {
  Browser b(*site_);
  b.sign_in("frontdoor");
  const Response page = b.get("/people/new");
  EXPECT_NE(page.body.find("data-draft-key=\"/people/new\""), std::string::npos);
  FormData draft;
  draft.set("csrf_token", Browser::hidden_value(page.body, "csrf_token"));
  draft.set("form_key", "/people/new");
  draft.set("data", "surname=Half-typed");
  EXPECT_EQ(b.post("/drafts", draft).status, 204);
  draft.set("form_key", "/audit");
  EXPECT_EQ(b.post("/drafts", draft).status, 422);
  EXPECT_NE(b.get("/people/new").body.find("value=\"Half-typed\""), std::string::npos);
}

TEST_F(SiteTest, CorrectingAPersonNeedsAReasonAndShowsInTheChronology) {
  Browser b(*site_);
  b.sign_in("frontdoor");
  Response r = b.post("/people/new", person_form(b, "Ellie", "Fielding"));
  const std::string person = header(r, "Location").substr(0, header(r, "Location").find('?'));
  r = b.get(person + "/correct");
  ASSERT_EQ(r.status, 200);
  FormData f;
  f.set("csrf_token", Browser::hidden_value(r.body, "csrf_token"));
  f.set("version", Browser::hidden_value(r.body, "version"));
  f.set("forename", "Ellie");
  f.set("surname", "Fielding");
  f.set("date_of_birth-day", "29");
  f.set("date_of_birth-month", "6");
  f.set("date_of_birth-year", "2016");
  f.set("sex", "F");
  f.set("ethnicity", "WBRI");
  r = b.post(person + "/correct", f);
  EXPECT_EQ(r.status, 422);
  EXPECT_NE(r.body.find("href=\"#reason\""), std::string::npos);
  f.set("reason", "Birth certificate seen");
  r = b.post(person + "/correct", f);
  ASSERT_EQ(r.status, 303);
  r = b.get(person);
  EXPECT_NE(r.body.find("date of birth from 30 June 2016 to 29 June 2016"), std::string::npos);
  EXPECT_NE(r.body.find("Reason: Birth certificate seen"), std::string::npos);
  // The same form sent again is stale: nothing changes, and the typing is kept.
  r = b.post(person + "/correct", f);
  EXPECT_EQ(r.status, 409);
  EXPECT_EQ(EventLog(db_->sql()).version("person/1"), 2);
}

TEST_F(SiteTest, EveryViewOfARecordIsLogged) {
  Browser front(*site_);
  front.sign_in("frontdoor");
  Response r = front.post("/people/new", person_form(front, "Ellie", "Fielding"));
  front.get("/people/1");
  Browser worker(*site_);
  worker.sign_in("worker");
  r = worker.get("/people/1");
  EXPECT_EQ(r.status, 403);
  EXPECT_NE(r.body.find("Why do you need to see this record?"), std::string::npos);
  FormData reason;
  reason.set("csrf_token", Browser::hidden_value(r.body, "csrf_token"));
  reason.set("access_reason", "Duty cover for the allocated worker");
  r = worker.post("/people/1/access-reason", reason);
  EXPECT_EQ(header(r, "Location"), "/people/1");
  EXPECT_EQ(worker.get("/people/1").status, 200);
  Browser police(*site_);
  police.sign_in("police");
  EXPECT_EQ(police.get("/people/1").status, 403);
  Browser admin(*site_);
  admin.sign_in("admin");
  r = admin.get("/people/1/access-log");
  ASSERT_EQ(r.status, 200);
  EXPECT_NE(r.body.find("Duty cover for the allocated worker"), std::string::npos);
  const auto log = AuditLog(db_->sql()).access_to_person(1);
  std::vector<std::string> who;
  for (const AccessLogEntry& e : log) who.push_back(e.username + " " + e.action + " " + e.detail);
  EXPECT_EQ(who, (std::vector<std::string>{"worker viewed record GET /people/1",
                                           "worker gave a reason for access POST /people/1/access-reason",
                                           "frontdoor viewed record GET /people/1",
                                           "frontdoor recorded person POST /people/new"}));
}

TEST_F(SiteTest, SearchFindsPeopleDespiteSpelling) {
  Browser b(*site_);
  b.sign_in("frontdoor");
  b.post("/people/new", person_form(b, "Katherine", "Smyth"));
  Response r = b.get("/people?name=catherine+smith");
  EXPECT_EQ(r.status, 200);
  EXPECT_NE(r.body.find("1 person found"), std::string::npos);
  EXPECT_NE(r.body.find("Katherine Smyth"), std::string::npos);
  r = b.get("/people?dob-day=30&dob-month=13&dob-year=2016");
  EXPECT_NE(r.body.find("Date of birth must be a real date"), std::string::npos);
}

TEST_F(SiteTest, AddressesEndAndIdentifiersAreRemovedWithAReason) {
  Browser b(*site_);
  b.sign_in("frontdoor");
  FormData f = person_form(b, "Ellie", "Fielding");
  f.set("nhs_number", "9434765919");
  f.set("address-line1", "1 Mill Lane");
  f.set("address-postcode", "NR11 6AB");
  f.set("address-from-day", "1");
  f.set("address-from-month", "1");
  f.set("address-from-year", "2020");
  ASSERT_EQ(b.post("/people/new", f).status, 303);
  Response page = b.get("/people/1");
  ASSERT_NE(page.body.find("/people/1/addresses/end?address=1"), std::string::npos);
  page = b.get("/people/1/addresses/end?address=1");
  ASSERT_EQ(page.status, 200);
  FormData end;
  end.set("csrf_token", Browser::hidden_value(page.body, "csrf_token"));
  end.set("version", Browser::hidden_value(page.body, "version"));
  end.set("to-day", "1");
  end.set("to-month", "1");
  end.set("to-year", "2019");  // before it started
  EXPECT_EQ(b.post("/people/1/addresses/end?address=1", end).status, 422);
  end.set("to-year", "2025");
  EXPECT_EQ(b.post("/people/1/addresses/end?address=1", end).status, 303);
  EXPECT_EQ(b.get("/people/1/addresses/end?address=9").status, 404);
  page = b.get("/people/1/identifiers/remove?type=nhs_number&value=9434765919");
  ASSERT_EQ(page.status, 200);
  FormData remove;
  remove.set("csrf_token", Browser::hidden_value(page.body, "csrf_token"));
  remove.set("version", Browser::hidden_value(page.body, "version"));
  EXPECT_EQ(b.post("/people/1/identifiers/remove?type=nhs_number&value=9434765919", remove).status, 422);
  remove.set("reason", "It is her brother's number");
  EXPECT_EQ(b.post("/people/1/identifiers/remove?type=nhs_number&value=9434765919", remove).status, 303);
  page = b.get("/people/1");
  EXPECT_NE(page.body.find("Identifier removed: NHS number 943 476 5919"), std::string::npos);
  EXPECT_NE(page.body.find("Reason: It is her brother&#39;s number"), std::string::npos);
  EXPECT_NE(page.body.find("Address ended: last day 1 January 2025"), std::string::npos);
}

// ---- the JSON API ----

class ApiTest : public SiteTest {
 protected:
  ApiTest() { token_ = *AuthService(*db_, clock_).create_token("test", "frontdoor", "tests"); }
  Response call(const std::string& method, const std::string& target, const std::string& body = "",
                const std::string& token_override = "") {
    Request r;
    r.method = method;
    r.target = target;
    const size_t q = target.find('?');
    r.path = target.substr(0, q);
    r.query = q == std::string::npos ? "" : target.substr(q + 1);
    r.body = body;
    r.headers.push_back({"Authorization", "Bearer " + (token_override.empty() ? token_ : token_override)});
    if (!body.empty()) r.headers.push_back({"Content-Type", "application/json"});
    return site_->handle(r);
  }
  static nlohmann::json json_of(const Response& r) { return nlohmann::json::parse(r.body); }
  std::string token_;
};

TEST_F(ApiTest, RecordsFindsAndReadsPeople) {
  const std::string body = R"({"forename":"Ellie","surname":"Fielding","date_of_birth":"2016-06-30","sex":"F",
    "ethnicity":"WBRI","identifiers":[{"type":"nhs_number","value":"9434765919"}],
    "address":{"line1":"1 Mill Lane","town":"Aylsham","postcode":"nr11 6ab"}})";
  Response r = call("POST", "/api/v1/people", body);
  ASSERT_EQ(r.status, 201) << r.body;
  const int64_t id = json_of(r)["id"];
  EXPECT_EQ(header(r, "Location"), "/api/v1/people/" + std::to_string(id));
  // The same person again: likely matches first.
  r = call("POST", "/api/v1/people",
           R"({"forename":"Elly","surname":"Fielding","date_of_birth":"2016-06-30"})");
  EXPECT_EQ(r.status, 409);
  EXPECT_EQ(json_of(r)["error"]["code"], "likely_matches");
  EXPECT_EQ(json_of(r)["error"]["matches"][0]["id"], id);
  r = call("GET", "/api/v1/people?name=ellie+fielding&dob=2016-06-30");
  ASSERT_EQ(r.status, 200);
  EXPECT_EQ(json_of(r)["results"].size(), 1u);
  r = call("GET", "/api/v1/people/" + std::to_string(id));
  ASSERT_EQ(r.status, 200);
  EXPECT_EQ(json_of(r)["addresses"][0]["postcode"], "NR11 6AB");
  EXPECT_EQ(json_of(r)["version"], 2);
  r = call("GET", "/api/v1/people/" + std::to_string(id) + "/events");
  ASSERT_EQ(r.status, 200);
  EXPECT_EQ(json_of(r)["events"][0]["type"], "PersonRecorded");
  EXPECT_EQ(json_of(r)["events"][1]["type"], "AddressRecorded");
  r = call(
      "POST", "/api/v1/people/" + std::to_string(id) + "/corrections",
      R"({"expected_version":2,"reason":"Certificate seen","details":{"forename":"Ellie","surname":"Fielding",
               "date_of_birth":"2016-06-29","sex":"F","ethnicity":"WBRI"}})");
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(json_of(r)["version"], 3);
}

TEST_F(ApiTest, BadInputGetsAClearJsonErrorNamingTheField) {
  struct Case {
    const char* method;
    const char* target;
    const char* body;
    int status;
    const char* field;
  };
  const Case cases[] = {
      {"POST", "/api/v1/people", "{not json", 400, ""},
      {"POST", "/api/v1/people", "[1,2]", 400, ""},
      {"POST", "/api/v1/people", R"({"surnme":"Typo"})", 422, "surnme"},
      {"POST", "/api/v1/people", R"({"surname":"X","date_of_birth":"30/06/2016"})", 422, "date_of_birth"},
      {"POST", "/api/v1/people",
       R"({"surname":"X","forename":"Y","date_of_birth":"2016-06-30","ethnicity":"ZZZZ"})", 422, "ethnicity"},
      {"POST", "/api/v1/people",
       R"({"surname":"X","forename":"Y","date_of_birth":"2016-06-30","identifiers":[{"type":"upn","value":"A000000000001"}]})",
       422, "identifiers[0].value"},
      {"POST", "/api/v1/people",
       R"({"surname":"X","forename":"Y","date_of_birth":"2016-06-30","address":{"line1":"1 Road","postcode":"XX"}})",
       422, "address.postcode"},
      {"GET", "/api/v1/people?dob=2016-02-30", "", 422, "dob"},
      {"GET", "/api/v1/people?colour=red", "", 422, "colour"},
      {"GET", "/api/v1/people", "", 422, "name"},
      {"GET", "/api/v1/people/999", "", 404, ""},
      {"GET", "/api/v1/people/abc", "", 404, ""},
      {"POST", "/api/v1/people/1/corrections", R"({"reason":"x","details":{}})", 422, "expected_version"},
      {"GET", "/api/v1/nothing", "", 404, ""},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(std::string(c.method) + " " + c.target + " " + c.body);
    const Response r = call(c.method, c.target, c.body);
    EXPECT_EQ(r.status, c.status) << r.body;
    const auto json = json_of(r);
    ASSERT_TRUE(json.contains("error"));
    EXPECT_FALSE(json["error"]["message"].get<std::string>().empty());
    if (*c.field) {
      EXPECT_EQ(json["error"].value("field", ""), c.field);
    }
  }
  EXPECT_EQ(people_count(), 0);
  EXPECT_EQ(call("GET", "/api/v1/people?name=x", "", "sg_" + std::string(64, '0')).status, 401);
  Request no_token;
  no_token.method = "GET";
  no_token.path = "/api/v1/people";
  EXPECT_EQ(site_->handle(no_token).status, 401);
}

TEST_F(ApiTest, AStaleVersionIsAConflict) {
  Response r =
      call("POST", "/api/v1/people", R"({"forename":"Ann","surname":"Lee","date_of_birth":"2010-01-01"})");
  ASSERT_EQ(r.status, 201);
  const std::string correction =
      R"({"expected_version":1,"reason":"Spelling","details":{"forename":"Anne","surname":"Lee","date_of_birth":"2010-01-01"}})";
  EXPECT_EQ(call("POST", "/api/v1/people/1/corrections", correction).status, 200);
  r = call("POST", "/api/v1/people/1/corrections", correction);
  EXPECT_EQ(r.status, 409);
  EXPECT_EQ(json_of(r)["error"]["code"], "conflict");
}

}  // namespace
}  // namespace safeguard::web
