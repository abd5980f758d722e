// Missing and exploitation pages and API end to end, without a network: the front door records a
// child missing, and the record and the missing and exploitation team's page show it; the child's
// return (a missing "where found" is shown at its field and loses nothing) puts a return interview
// on the team's page until the social worker records it; a screening that finds a high risk puts the
// child among those at risk with the next screening due in a month. The API records the same steps,
// names the field at fault, and reads them back; the read models agree with the record.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "app/missing.h"
#include "rules/child_deadlines.h"
#include "store/missing_read_model.h"
#include "store/people_read_model.h"
#include "support/fixtures.h"
#include "support/test_site.h"

namespace safeguard::web {
namespace {

using nlohmann::json;

class MissingPagesTest : public TestSite, public ::testing::Test {
 protected:
  MissingPagesTest() {
    users_["frontdoor"] = add_site_user("frontdoor", "front_door_social_worker", "Front door");
    users_["manager"] = add_site_user("manager", "team_manager", "Children in care");
    users_["jess"] = add_site_user("jess", "social_worker", "Children in care");
    users_["iris"] = add_site_user("iris", "independent_reviewing_officer", "Independent reviewing");
    users_["ana"] = add_site_user("ana", "performance_analyst", "Performance");
    child_ = testing::refer_child(*db_, clock_, users_["frontdoor"], "Ellie");
    testing::allocate_to(*db_, clock_, users_["manager"], child_, "jess");
  }

  std::string record() const { return "/people/" + std::to_string(child_); }
  std::string path() const { return record() + "/missing"; }
  std::string api_path() const { return "/api/v1/people/" + std::to_string(child_); }

  int64_t version() {
    return PeopleService(*db_, clock_).open(users_["manager"], child_, {"test", ""})->person.version;
  }

  void expect_read_model_agrees() {
    auto full = PeopleService(*db_, clock_).open(users_["manager"], child_, {"test", ""});
    ASSERT_TRUE(full.ok());
    const Person& p = full->person;
    const auto casework = PeopleIndex(db_->sql()).casework_of({child_});
    const Person& r = casework.at(child_);
    ASSERT_EQ(r.missing.size(), p.missing.size());
    for (size_t i = 0; i < p.missing.size(); ++i) {
      EXPECT_EQ(r.missing[i].type, p.missing[i].type);
      EXPECT_EQ(r.missing[i].started_on, p.missing[i].started_on);
      EXPECT_EQ(r.missing[i].ended_on, p.missing[i].ended_on);
      EXPECT_EQ(r.missing[i].interview.has_value(), p.missing[i].interview.has_value());
    }
    ASSERT_EQ(r.exploitation_screenings.size(), p.exploitation_screenings.size());
    for (size_t i = 0; i < p.exploitation_screenings.size(); ++i) {
      EXPECT_EQ(r.exploitation_screenings[i].risk, p.exploitation_screenings[i].risk);
      EXPECT_EQ(r.exploitation_screenings[i].criminal, p.exploitation_screenings[i].criminal);
    }
    const auto deadlines = child_deadlines(r, clock_.today(), WorkingDayCalendar(), CaseworkTimescales());
    EXPECT_EQ(deadlines.size(), full->deadlines.size());
  }

  // The part of `body` inside the element with data-testid `id`.
  static std::string section(const std::string& body, const std::string& id) {
    const size_t at = body.find("data-testid=\"" + id + "\"");
    if (at == std::string::npos) return "";
    return body.substr(at, body.find("data-testid=", at + 1) - at);
  }

  std::map<std::string, User> users_;
  int64_t child_ = 0;
};

TEST_F(MissingPagesTest, MissingReturnInterviewAndScreeningReachTheTeamsPage) {
  const Date today = clock_.today();
  Browser front(*site_);
  ASSERT_EQ(front.sign_in("frontdoor").status, 303);
  Response r = front.get(record());
  EXPECT_TRUE(contains(r.body, "href=\"" + path() + "/new\""));
  EXPECT_FALSE(contains(r.body, path() + "/screening"));  // the front door does not screen
  r = front.get(path() + "/new");
  ASSERT_EQ(r.status, 200);
  FormData f = Browser::hidden_fields(r.body);
  set_day(f, "started_on", today - 1);
  Response bad = front.post(path() + "/new", f);
  ASSERT_EQ(bad.status, 422);
  EXPECT_TRUE(contains(bad.body, "href=\"#type\""));
  f.set("type", "M");
  Response done = front.post(path() + "/new", f);
  ASSERT_EQ(done.status, 303) << done.body;
  EXPECT_EQ(location(done), path() + "?done=reported");
  r = front.get(record());
  EXPECT_TRUE(contains(section(r.body, "missing-now"), "Missing since"));
  r = front.get("/missing");
  ASSERT_EQ(r.status, 200);
  EXPECT_TRUE(contains(section(r.body, "missing-now"), "Ellie"));
  EXPECT_TRUE(contains(r.body, "href=\"" + path() + "/1/return\""));

  Browser jess(*site_);
  ASSERT_EQ(jess.sign_in("jess").status, 303);
  f = Browser::hidden_fields(jess.get(path() + "/1/return").body);
  set_day(f, "ended_on", today);
  bad = jess.post(path() + "/1/return", f);
  ASSERT_EQ(bad.status, 422);
  EXPECT_TRUE(contains(bad.body, "href=\"#where_found\""));
  set_day(f, "ended_on", today - 2);
  f.set("where_found", "Found by police at a flat in the city");
  bad = jess.post(path() + "/1/return", f);
  ASSERT_EQ(bad.status, 422);                                                // back before she went
  EXPECT_TRUE(contains(bad.body, "Found by police at a flat in the city"));  // nothing lost
  set_day(f, "ended_on", today);
  ASSERT_EQ(jess.post(path() + "/1/return", f).status, 303);
  r = jess.get("/missing");
  EXPECT_FALSE(contains(section(r.body, "missing-now"), "Ellie"));
  const std::string due = section(r.body, "interviews-due");
  EXPECT_TRUE(contains(due, "Ellie"));
  EXPECT_TRUE(contains(due, long_date_text(today + 3)));  // 72 hours
  EXPECT_TRUE(contains(section(r.body, "missing-recent"), "Ellie"));

  r = jess.get(path() + "/1/interview");
  ASSERT_EQ(r.status, 200);
  EXPECT_TRUE(contains(r.body, "data-draft-key=\"" + path() + "/1/interview\""));
  f = Browser::hidden_fields(r.body);
  set_day(f, "offered_on", today);
  set_day(f, "held_on", today);
  f.set("accepted", "yes");
  bad = jess.post(path() + "/1/interview", f);
  ASSERT_EQ(bad.status, 422);
  EXPECT_TRUE(contains(bad.body, "href=\"#findings\""));
  f.set("findings", "She went to meet a man of 24 she met online; he gave her vodka and a phone.");
  ASSERT_EQ(jess.post(path() + "/1/interview", f).status, 303);
  r = jess.get("/missing");
  EXPECT_FALSE(contains(section(r.body, "interviews-due"), "Ellie"));
  r = jess.get(path());
  EXPECT_TRUE(contains(r.body, "he gave her vodka"));

  EXPECT_EQ(front.get(path() + "/screening").status, 403);
  r = jess.get(path() + "/screening");
  ASSERT_EQ(r.status, 200);
  f = Browser::hidden_fields(r.body);
  set_day(f, "screened_on", today);
  f.set("risk", "high");
  f.set("summary", "Older man, gifts, alcohol, missing overnight.");
  bad = jess.post(path() + "/screening", f);
  ASSERT_EQ(bad.status, 422);  // which kind of exploitation?
  EXPECT_TRUE(contains(bad.body, "href=\"#kinds\""));
  f.add("kinds", "sexual");
  ASSERT_EQ(jess.post(path() + "/screening", f).status, 303);
  r = jess.get("/missing");
  const std::string at_risk = section(r.body, "at-risk");
  EXPECT_TRUE(contains(at_risk, "Ellie"));
  EXPECT_TRUE(contains(at_risk, "High risk"));
  EXPECT_TRUE(contains(at_risk, long_date_text(add_months(today, 1))));
  r = jess.get(record());
  EXPECT_TRUE(contains(section(r.body, "missing-summary"), "High risk"));
  // A child at risk stays counted until 18, not after (Ellie was born on 30 June 2016).
  MissingIndex index(db_->sql());
  EXPECT_EQ(index.children_at_risk_of_exploitation(today), std::vector<int64_t>{child_});
  EXPECT_EQ(index.children_at_risk_of_exploitation(Date::from_ymd(2034, 6, 29)),
            std::vector<int64_t>{child_});
  EXPECT_TRUE(index.children_at_risk_of_exploitation(Date::from_ymd(2034, 6, 30)).empty());

  Browser iris(*site_);
  ASSERT_EQ(iris.sign_in("iris").status, 303);
  EXPECT_EQ(iris.get("/missing").status, 403);
  Browser ana(*site_);
  ASSERT_EQ(ana.sign_in("ana").status, 303);
  EXPECT_EQ(ana.get("/missing").status, 403);
  EXPECT_EQ(ana.get(path()).status, 403);
  expect_read_model_agrees();
}

TEST_F(MissingPagesTest, TheApiRecordsMissingAndScreeningsAndNamesTheFieldAtFault) {
  const Date today = clock_.today();
  json report{{"expected_version", version()}, {"type", "X"}, {"started_on", today.iso()}};
  Response r = api("frontdoor", "POST", api_path() + "/missing", report);
  ASSERT_EQ(r.status, 422) << r.body;
  EXPECT_EQ(json::parse(r.body)["error"]["field"], "type");
  report["type"] = "A";
  r = api("frontdoor", "POST", api_path() + "/missing", report);
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(api("ana", "POST", api_path() + "/missing", report).status, 403);
  json back{{"expected_version", version()}, {"ended_on", (today + 1).iso()}, {"where_found", "Home"}};
  r = api("jess", "POST", api_path() + "/missing/1/return", back);
  ASSERT_EQ(r.status, 422);  // in the future
  EXPECT_EQ(json::parse(r.body)["error"]["field"], "ended_on");
  EXPECT_EQ(api("jess", "POST", api_path() + "/missing/9/return", back).status, 404);
  back["ended_on"] = today.iso();
  ASSERT_EQ(api("jess", "POST", api_path() + "/missing/1/return", back).status, 200);
  json interview{{"expected_version", version()},
                 {"offered_on", today.iso()},
                 {"accepted", false},
                 {"findings", "Said nothing"}};
  r = api("jess", "POST", api_path() + "/missing/1/interview", interview);
  ASSERT_EQ(r.status, 422);  // declined: no findings
  EXPECT_EQ(json::parse(r.body)["error"]["field"], "accepted");
  interview.erase("findings");
  ASSERT_EQ(api("jess", "POST", api_path() + "/missing/1/interview", interview).status, 200);

  json screening{{"expected_version", version()},
                 {"screened_on", today.iso()},
                 {"sexual", false},
                 {"criminal", false},
                 {"risk", "medium"},
                 {"summary", "Cash and a second phone."}};
  r = api("jess", "POST", api_path() + "/exploitation-screenings", screening);
  ASSERT_EQ(r.status, 422);
  EXPECT_EQ(json::parse(r.body)["error"]["field"], "sexual");
  screening["criminal"] = true;
  EXPECT_EQ(api("frontdoor", "POST", api_path() + "/exploitation-screenings", screening).status, 403);
  ASSERT_EQ(api("jess", "POST", api_path() + "/exploitation-screenings", screening).status, 200);

  json history = json::parse(api("jess", "GET", api_path() + "/missing").body);
  EXPECT_FALSE(history["missing_now"].get<bool>());
  ASSERT_EQ(history["episodes"].size(), 1u);
  EXPECT_EQ(history["episodes"][0]["type"], "A");
  EXPECT_FALSE(history["episodes"][0]["interview"]["accepted"].get<bool>());
  EXPECT_EQ(history["screenings"][0]["risk"], "medium");
  bool review = false;
  for (const json& d : history["deadlines"]) {
    if (d["kind"] == "exploitation_review") review = d["due"] == add_months(today, 3).iso();
  }
  EXPECT_TRUE(review) << history.dump();

  json overview = json::parse(api("manager", "GET", "/api/v1/missing").body);
  EXPECT_EQ(overview["episodes_in_window"], 1);
  EXPECT_EQ(overview["missing_now"].size(), 0u);
  EXPECT_EQ(overview["interviews_due"].size(), 0u);
  ASSERT_EQ(overview["at_risk"].size(), 1u);
  EXPECT_EQ(overview["at_risk"][0]["latest"]["risk"], "medium");
  EXPECT_EQ(api("ana", "GET", "/api/v1/missing").status, 403);
  expect_read_model_agrees();
}

}  // namespace
}  // namespace safeguard::web
