// Untrusted bytes at every door of the web app: random and mutated form bodies, query strings,
// cookies, JSON bodies and paths. Whatever arrives, the answer is a 2xx-4xx response, never a
// crash or a 500, and nothing is written unless a valid, authorised request asked for it. Runs
// under AddressSanitizer and UndefinedBehaviorSanitizer in `make test`.
#include <gtest/gtest.h>

#include <random>

#include "app/auth.h"
#include "store/people_read_model.h"
#include "support/fixtures.h"
#include "support/test_databases.h"
#include "web/forms.h"
#include "web/site.h"

namespace safeguard::web {
namespace {

std::string random_bytes(std::mt19937_64& random, size_t max_length) {
  const size_t length = random() % (max_length + 1);
  std::string out(length, '\0');
  for (char& c : out) c = static_cast<char>(random() % 256);
  return out;
}

// Valid-looking material with damage: the kind of input that gets past a first check.
std::string mutate(std::string text, std::mt19937_64& random) {
  static const char* kNasty[] = {"%",        "%0",         "%zz",  "%00",         "&",
                                 "=",        "\xff",       "\xc3", "'",           "\"",
                                 "<script>", "\r\n",       "+",    "-2147483648", "99999999999999999999",
                                 "1e400",    "2023-02-29", "{",    "}",           "[",
                                 "null",     "\\u0000"};
  const int edits = 1 + static_cast<int>(random() % 4);
  for (int i = 0; i < edits && !text.empty(); ++i) {
    const size_t at = random() % text.size();
    switch (random() % 3) {
      case 0:
        text.insert(at, kNasty[random() % (sizeof kNasty / sizeof *kNasty)]);
        break;
      case 1:
        text.erase(at, 1 + random() % 5);
        break;
      default:
        text[at] = static_cast<char>(random() % 256);
    }
  }
  return text;
}

TEST(HostileInput, FormDecodingNeverMisbehaves) {
  std::mt19937_64 random(1);
  for (int i = 0; i < 20000; ++i) {
    const std::string bytes = random_bytes(random, 300);
    const FormData form = FormData::parse(bytes);
    EXPECT_LE(form.fields().size(), FormData::kMaxFields);
    (void)form.encode();
    (void)parse_cookies(bytes);
    (void)url_decode(bytes);
    (void)read_date(form, "x", "Date");
  }
}

// On both databases: PostgreSQL, unlike SQLite, refuses text that is not UTF-8, so anything that
// reached it unchecked would show here as a 503.
class HostileSite : public ::testing::TestWithParam<std::string> {
 protected:
  HostileSite()
      : test_db_(GetParam()), clock_(testing::test_now()), pool_(test_db_.location(), test_db_.schema()) {}

  void SetUp() override {
    SAFEGUARD_REQUIRE_BACKEND(test_db_);
    db_ = test_db_.open();
    SiteOptions options;
    options.secure_cookies = false;
    site_ = std::make_unique<Site>(pool_, clock_, options);
    AuthService auth(*db_, clock_);
    EXPECT_TRUE(auth.add_user("test", "frontdoor", "Front Door", "front_door_social_worker", "", "",
                              "a long enough password")
                    .ok());
    session_ = auth.sign_in("frontdoor", "a long enough password", "127.0.0.1").value();
    token_ = auth.create_token("test", "frontdoor", "").value();
  }

  Response send(const std::string& method, const std::string& path, const std::string& query,
                const std::string& body, const std::string& content_type, bool with_session,
                bool with_token) {
    Request r;
    r.method = method;
    r.path = path;
    r.query = query;
    r.target = path + (query.empty() ? "" : "?" + query);
    r.body = body;
    r.remote_address = "127.0.0.1";
    if (!content_type.empty()) r.headers.push_back({"Content-Type", content_type});
    if (with_session) r.headers.push_back({"Cookie", "sg_session=" + session_.session_token});
    if (with_token) r.headers.push_back({"Authorization", "Bearer " + token_});
    return site_->handle(r);
  }

  testing::TestDatabase test_db_;
  std::unique_ptr<Database> db_;
  FixedClock clock_;
  DatabasePool pool_;
  std::unique_ptr<Site> site_;
  SignedIn session_;
  std::string token_;
};

INSTANTIATE_TEST_SUITE_P(Backends, HostileSite, ::testing::ValuesIn(testing::backends()),
                         [](const auto& param_info) { return param_info.param; });

TEST_P(HostileSite, NoRequestCrashesOrFailsTheServer) {
  std::mt19937_64 random(7);
  const std::string form_base = "csrf_token=" + session_.csrf_token +
                                "&forename=Ellie&surname=Fielding&date_of_birth-day=30&date_of_birth-month=6&"
                                "date_of_birth-year=2016&sex=F"
                                "&ethnicity=WBRI&disabilities=NONE&upn=&nhs_number=9434765919&address-line1="
                                "1+Mill+Lane&address-postcode=NR11+6AB"
                                "&version=1&reason=typo&likely_matches_seen=1";
  const std::string json_base =
      R"({"forename":"Ellie","surname":"Fielding","date_of_birth":"2016-06-30","sex":"F","ethnicity":"WBRI",)"
      R"("identifiers":[{"type":"upn","value":"P207000016049"}],"address":{"line1":"1 Mill Lane","postcode":"NR11 6AB"},)"
      R"("expected_version":1,"reason":"x","details":{"surname":"F"}})";
  const std::vector<std::string> page_paths = {"/",
                                               "/people",
                                               "/people/new",
                                               "/people/1",
                                               "/people/1/correct",
                                               "/people/1/addresses/new",
                                               "/people/1/relationships/new",
                                               "/people/1/identifiers/new",
                                               "/people/1/name/new",
                                               "/people/1/birth/new",
                                               "/people/1/death/new",
                                               "/people/1/access-reason",
                                               "/people/1/allocate",
                                               "/people/1/notes/new",
                                               "/people/1/assessments/new",
                                               "/people/1/assessments/1",
                                               "/people/1/assessments/1/seen",
                                               "/people/1/assessments/1/authorise",
                                               "/people/1/assessments/1/return",
                                               "/people/1/assessments/%00/seen",
                                               "/my-work",
                                               "/people/1/close",
                                               "/people/1/protection",
                                               "/people/1/strategy-discussions/new",
                                               "/people/1/enquiries/1",
                                               "/people/1/enquiries/1/conclude",
                                               "/people/1/enquiries/1/conference",
                                               "/people/1/plans/new",
                                               "/people/1/plans/1",
                                               "/people/1/plans/1/authorise",
                                               "/people/1/plans/1/core-group",
                                               "/people/1/plans/1/review",
                                               "/people/1/plans/1/end",
                                               "/people/1/plans/%00/review",
                                               "/people/1/visits",
                                               "/people/1/visits/new",
                                               "/people/1/supervision",
                                               "/people/1/supervision/new",
                                               "/allocation",
                                               "/drafts",
                                               "/audit",
                                               "/audit/person",
                                               "/sign-in",
                                               "/people/%ff",
                                               "/people/0/correct"};
  const std::vector<std::string> api_paths = {"/api/v1/people",
                                              "/api/v1/people/1",
                                              "/api/v1/people/1/events",
                                              "/api/v1/people/1/corrections",
                                              "/api/v1/people/1/addresses",
                                              "/api/v1/people/1/identifiers",
                                              "/api/v1/people/1/relationships",
                                              "/api/v1/people/1/allocations",
                                              "/api/v1/people/1/case-notes",
                                              "/api/v1/children/1/deadlines",
                                              "/api/v1/my-work",
                                              "/api/v1/allocation",
                                              "/api/v1/people/1/assessments",
                                              "/api/v1/people/1/assessments/1/seen",
                                              "/api/v1/people/1/assessments/1/write-up",
                                              "/api/v1/people/1/assessments/1/submit",
                                              "/api/v1/people/1/assessments/1/authorise",
                                              "/api/v1/people/1/assessments/1/return",
                                              "/api/v1/people/1/assessments//",
                                              "/api/v1/people/1/episodes/1/closure-proposal",
                                              "/api/v1/people/1/episodes/1/closure",
                                              "/api/v1/people/1/episodes/1/closure-return",
                                              "/api/v1/people/1/strategy-discussions",
                                              "/api/v1/people/1/enquiries/1/conclusion",
                                              "/api/v1/people/1/enquiries/1/conference",
                                              "/api/v1/people/1/plans",
                                              "/api/v1/people/1/plans/1/actions",
                                              "/api/v1/people/1/plans/1/authorise",
                                              "/api/v1/people/1/plans/1/core-groups",
                                              "/api/v1/people/1/plans/1/reviews",
                                              "/api/v1/people/1/plans/1/end",
                                              "/api/v1/people/1/visits",
                                              "/api/v1/people/1/supervisions"};
  int created_or_changed = 0;
  for (int i = 0; i < 3000; ++i) {
    const bool api = random() % 2 == 0;
    const std::string& path =
        api ? api_paths[random() % api_paths.size()] : page_paths[random() % page_paths.size()];
    const std::string method = random() % 3 == 0 ? "GET" : "POST";
    const std::string body =
        random() % 4 == 0 ? random_bytes(random, 400) : mutate(api ? json_base : form_base, random);
    const std::string query =
        random() % 2 == 0
            ? mutate("name=ellie&dob-day=30&dob-month=6&dob-year=2016&postcode=nr11+6ab", random)
            : random_bytes(random, 60);
    const Response r =
        send(method, path, query, body, api ? "application/json" : "application/x-www-form-urlencoded",
             random() % 8 != 0, random() % 8 != 0);
    ASSERT_GE(r.status, 200) << method << " " << path << " " << body;
    ASSERT_LT(r.status, 500) << method << " " << path << " " << body << "\n" << r.body.substr(0, 500);
    if (r.status == 201 || (r.status == 303 && method == "POST")) ++created_or_changed;
  }
  // The read models still equal the log: nothing half-written.
  auto differences = verify_read_models(*db_);
  ASSERT_TRUE(differences.ok());
  EXPECT_TRUE(differences->empty()) << (*differences)[0];
  EXPECT_GT(created_or_changed, 0);  // some mutations were still valid, so the paths were reached
}

}  // namespace
}  // namespace safeguard::web
