// Case notes end to end, without a network: a worker adds a note through the form (kept as a draft
// while typed; errors by field with what was typed kept), it shows in the chronology and its "case
// notes only" view, with the text escaped; and the same through the JSON API.
#include <gtest/gtest.h>

#include "app/auth.h"
#include "app/people.h"
#include "support/fixtures.h"
#include "support/test_site.h"

namespace safeguard::web {
namespace {

class CaseNotesTest : public TestSite, public ::testing::Test {
 protected:
  CaseNotesTest() {
    const User frontdoor = add_site_user("frontdoor", "front_door_social_worker", "Front door");
    PeopleService people(*db_, clock_);
    child_ =
        testing::create_person(people, frontdoor, testing::new_person("Ellie", "Fielding", "2016-06-30"));
  }

  std::string path() const { return "/people/" + std::to_string(child_); }

  int64_t child_ = 0;
};

TEST_F(CaseNotesTest, AWorkerAddsANoteThatShowsInTheChronology) {
  Browser b(*site_);
  ASSERT_EQ(b.sign_in("frontdoor").status, 303);
  Response r = b.get(path());
  EXPECT_TRUE(contains(r.body, "href=\"" + path() + "/notes/new\""));
  r = b.get(path() + "/notes/new");
  ASSERT_EQ(r.status, 200);
  EXPECT_EQ(Browser::hidden_fields(r.body).has("csrf_token"), true);
  FormData f = Browser::hidden_fields(r.body);
  f.set("contact_date-day", "23");
  f.set("contact_date-month", "11");
  f.set("contact_date-year", "2026");
  f.set("text", "Ellie said <b>she</b> wants to stay with Nan.");
  // No type chosen: the error names the field and keeps the text.
  Response bad = b.post(path() + "/notes/new", f);
  EXPECT_EQ(bad.status, 422);
  EXPECT_TRUE(contains(bad.body, "href=\"#type\""));
  EXPECT_TRUE(contains(bad.body, "Ellie said &lt;b&gt;she&lt;/b&gt; wants to stay with Nan."));
  f.set("type", "phone_call");
  Response saved = b.post(path() + "/notes/new", f);
  ASSERT_EQ(saved.status, 303) << saved.body;
  EXPECT_TRUE(contains(b.get(path() + "?done=note").body, "Case note recorded"));
  r = b.get(path() + "?chronology=notes");
  EXPECT_TRUE(contains(r.body, "<strong>Showing case notes only</strong>"));
  EXPECT_TRUE(
      contains(r.body,
               "Case note (Telephone call with the child or family): Ellie said &lt;b&gt;she&lt;/b&gt; "
               "wants to stay with Nan."));
  EXPECT_FALSE(contains(r.body, "Person recorded"));  // only notes in this view
  EXPECT_TRUE(contains(b.get(path()).body, "Person recorded"));
}

TEST_F(CaseNotesTest, TheApiAddsCaseNotes) {
  const std::string token = AuthService(*db_, clock_).create_token("test", "frontdoor", "").value();
  const auto post = [&](const nlohmann::json& body) {
    Request r;
    r.method = "POST";
    r.path = "/api/v1" + path() + "/case-notes";
    r.target = r.path;
    r.body = body.dump();
    r.remote_address = "127.0.0.1";
    r.headers.push_back({"Content-Type", "application/json"});
    r.headers.push_back({"Authorization", "Bearer " + token});
    return site_->handle(r);
  };
  Response r =
      post({{"expected_version", 1}, {"type", "meeting"}, {"contact_date", "2026-11-24"}, {"text", "x"}});
  EXPECT_EQ(r.status, 422);
  EXPECT_EQ(nlohmann::json::parse(r.body)["error"]["field"], "contact_date");
  r = post({{"expected_version", 1},
            {"type", "meeting"},
            {"contact_date", "2026-11-20"},
            {"text", "Core group."}});
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(nlohmann::json::parse(r.body)["version"], 2);
  r = post(
      {{"expected_version", 1}, {"type", "meeting"}, {"contact_date", "2026-11-20"}, {"text", "Again."}});
  EXPECT_EQ(r.status, 409);
}

}  // namespace
}  // namespace safeguard::web
