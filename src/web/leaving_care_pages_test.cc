// Leaving care pages and API end to end, without a network: a 17-year-old looked after for over 13
// weeks is an eligible care leaver, with her needs assessment and pathway plan due; her social
// worker records it (an empty plan is shown at its field); care ends and she is a relevant care
// leaver; a team manager appoints her personal adviser; her worker records a contact with what
// SSDA903 OC3 returns. The API reads it all back and names the field at fault; an analyst sees
// nothing; the read models give the same deadlines as the record. At 19 the children-in-care
// dashboard counts her among the care leavers in touch.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "app/care_leavers.h"
#include "app/looked_after.h"
#include "rules/child_deadlines.h"
#include "store/people_read_model.h"
#include "support/fixtures.h"
#include "support/read_model_checks.h"
#include "support/test_site.h"

namespace safeguard::web {
namespace {

using nlohmann::json;

class LeavingCarePagesTest : public TestSite, public ::testing::Test {
 protected:
  LeavingCarePagesTest() {
    users_["frontdoor"] = add_site_user("frontdoor", "front_door_social_worker", "Front door");
    users_["manager"] = add_site_user("manager", "team_manager", "Children in care");
    users_["jess"] = add_site_user("jess", "social_worker", "Children in care");
    users_["ana"] = add_site_user("ana", "performance_analyst", "Performance");
    child_ = testing::refer_child(*db_, clock_, users_["frontdoor"], "Ellie");
    testing::allocate_to(*db_, clock_, users_["manager"], child_, "jess");
    PeopleService people(*db_, clock_);
    PersonDetails details = people.open(users_["manager"], child_, {"test", ""})->person.details;
    details.date_of_birth = Date::from_ymd(2009, 5, 10);  // 17 today
    if (!people.correct_details(users_["manager"], child_, version(), details, "Birth certificate seen",
                                {"test", ""}))
      throw std::runtime_error("correcting the date of birth failed");
    StartOfCare start{clock_.today(), "V2", "N1", {"U6", "PR1", "Hale", "NR2 1AA", "SC100300"}};
    if (!LookedAfterService(*db_, clock_).start(users_["jess"], child_, version(), start, {"test", ""}))
      throw std::runtime_error("starting care failed");
  }

  std::string path() const { return "/people/" + std::to_string(child_) + "/leaving-care"; }
  std::string api_path() const { return "/api/v1/people/" + std::to_string(child_); }

  int64_t version() {
    return PeopleService(*db_, clock_).open(users_["manager"], child_, {"test", ""})->person.version;
  }
  void go_to(Date d) { clock_.set(Timestamp::from_date_time(d, 10, 0, 0)); }

  void expect_read_model_agrees() {
    auto full = PeopleService(*db_, clock_).open(users_["manager"], child_, {"test", ""});
    ASSERT_TRUE(full.ok());
    const auto casework = PeopleIndex(db_->sql()).casework_of({child_});
    testing::expect_same_deadlines(
        child_deadlines(casework.at(child_), clock_.today(), WorkingDayCalendar(), CaseworkTimescales()),
        full->deadlines);
  }

  std::map<std::string, User> users_;
  int64_t child_ = 0;
};

TEST_F(LeavingCarePagesTest, APathwayPlanAnAdviserAndAContactAfterCare) {
  const Date start = clock_.today();  // Monday 23 November 2026
  go_to(start + 100);                 // 13 weeks in care were reached on the 91st day
  Browser jess(*site_);
  ASSERT_EQ(jess.sign_in("jess").status, 303);
  Response r = jess.get("/people/" + std::to_string(child_) + "/looked-after");
  EXPECT_TRUE(contains(r.body, "href=\"" + path() + "\""));
  r = jess.get(path());
  ASSERT_EQ(r.status, 200);
  EXPECT_TRUE(contains(r.body, "Eligible: 16 or 17 and looked after"));
  EXPECT_TRUE(contains(r.body, "Needs assessment and pathway plan"));
  EXPECT_FALSE(contains(r.body, path() + "/contact"));  // still looked after: a visit, not a contact

  r = jess.get(path() + "/pathway-plan");
  FormData f = Browser::hidden_fields(r.body);
  set_day(f, "on", clock_.today());
  Response bad = jess.post(path() + "/pathway-plan", f);
  ASSERT_EQ(bad.status, 422);
  EXPECT_TRUE(contains(bad.body, "href=\"#plan\""));
  f.set("plan", "Ellie wants to stay near her college; a flat with support at 18.");
  Response done = jess.post(path() + "/pathway-plan", f);
  ASSERT_EQ(done.status, 303) << done.body;
  EXPECT_EQ(location(done), path() + "?done=plan");

  ASSERT_TRUE(LookedAfterService(*db_, clock_)
                  .end(users_["jess"], child_, version(), clock_.today(), "E8", {"test", ""})
                  .ok());
  go_to(start + 110);
  Browser manager(*site_);
  ASSERT_EQ(manager.sign_in("manager").status, 303);
  r = manager.get(path() + "/adviser");
  ASSERT_EQ(r.status, 200);
  f = Browser::hidden_fields(r.body);
  f.set("personal_adviser", "jess");
  ASSERT_EQ(manager.post(path() + "/adviser", f).status, 303);

  ASSERT_EQ(jess.sign_in("jess").status, 303);           // ten days on: signed in again
  EXPECT_EQ(jess.get(path() + "/adviser").status, 403);  // a social worker does not appoint
  r = jess.get(path() + "/contact");
  ASSERT_EQ(r.status, 200);
  f = Browser::hidden_fields(r.body);
  set_day(f, "on", clock_.today());
  f.set("in_touch", "YES");
  f.set("activity", "F2");
  bad = jess.post(path() + "/contact", f);
  ASSERT_EQ(bad.status, 422);
  EXPECT_TRUE(contains(bad.body, "href=\"#accommodation\""));
  f.set("accommodation", "D1");
  ASSERT_EQ(jess.post(path() + "/contact", f).status, 303);
  r = jess.get(path());
  EXPECT_TRUE(contains(r.body, "Relevant: 16 or 17 and has left care"));
  EXPECT_TRUE(contains(r.body, "Test jess from"));
  EXPECT_TRUE(contains(r.body, "Semi-independent, transitional accommodation: suitable"));

  Browser ana(*site_);
  ASSERT_EQ(ana.sign_in("ana").status, 303);
  EXPECT_EQ(ana.get(path()).status, 403);
  expect_read_model_agrees();
}

TEST_F(LeavingCarePagesTest, TheApiRecordsPlansContactsAndTheAdviser) {
  const Date start = clock_.today();
  go_to(start + 100);
  const auto post = [&](const std::string& user, const std::string& what, json body) {
    body["expected_version"] = version();
    return api(user, "POST", api_path() + "/" + what, body);
  };
  const auto field = [](const Response& r) { return json::parse(r.body)["error"]["field"]; };
  Response r = post("jess", "pathway-plans", {{"on", clock_.today().iso()}});
  ASSERT_EQ(r.status, 422);
  EXPECT_EQ(field(r), "plan");
  ASSERT_EQ(post("jess", "pathway-plans", {{"on", clock_.today().iso()}, {"plan", "College; a flat at 18."}})
                .status,
            200);
  r = post("manager", "personal-adviser", {{"username", "nobody"}});
  ASSERT_EQ(r.status, 422);
  EXPECT_EQ(field(r), "username");
  EXPECT_EQ(post("jess", "personal-adviser", {{"username", "jess"}}).status, 403);
  ASSERT_EQ(post("manager", "personal-adviser", {{"username", "jess"}}).status, 200);
  ASSERT_TRUE(LookedAfterService(*db_, clock_)
                  .end(users_["jess"], child_, version(), clock_.today(), "E8", {"test", ""})
                  .ok());
  go_to(start + 120);
  r = post("jess", "care-leaver-contacts",
           {{"on", clock_.today().iso()}, {"in_touch", "YES"}, {"activity", "F2"}, {"accommodation", "0"}});
  ASSERT_EQ(r.status, 422);
  EXPECT_EQ(field(r), "accommodation");
  ASSERT_EQ(post("jess", "care-leaver-contacts", {{"on", clock_.today().iso()}, {"in_touch", "REFU"}}).status,
            200);

  r = api("jess", "GET", api_path() + "/leaving-care");
  ASSERT_EQ(r.status, 200) << r.body;
  const json l = json::parse(r.body);
  EXPECT_EQ(l["category"], "relevant");
  EXPECT_EQ(l["qualified_on"], (start + 90).iso());
  EXPECT_EQ(l["personal_advisers"][0]["username"], "jess");
  EXPECT_FALSE(l["pathway_plans"][0]["review"].get<bool>());
  EXPECT_EQ(l["contacts"][0]["in_touch"], "REFU");
  EXPECT_EQ(l["contacts"][0]["accommodation"], "0");
  bool review_due = false;
  for (const json& d : l["deadlines"]) review_due |= d["kind"] == "pathway_plan" && d["state"] == "due";
  EXPECT_TRUE(review_due);
  EXPECT_EQ(api("ana", "GET", api_path() + "/leaving-care").status, 403);
  expect_read_model_agrees();

  // At 19, in touch, working and in her own flat: the children-in-care dashboard counts her.
  go_to(Date::from_ymd(2028, 6, 1));
  ASSERT_EQ(
      post("jess", "care-leaver-contacts",
           {{"on", clock_.today().iso()}, {"in_touch", "YES"}, {"activity", "F5"}, {"accommodation", "U1"}})
          .status,
      200);
  Browser manager(*site_);
  ASSERT_EQ(manager.sign_in("manager").status, 303);
  r = manager.get("/children-in-care?format=json");
  ASSERT_EQ(r.status, 200);
  const json leavers = json::parse(r.body)["care_leavers"];
  EXPECT_EQ(leavers["aged_19_to_21"], 1);
  EXPECT_EQ(leavers["in_touch"], 1);
  EXPECT_EQ(leavers["suitable_accommodation"], 1);
  EXPECT_EQ(leavers["education_or_work"], 1);
  EXPECT_TRUE(contains(manager.get("/children-in-care").body, "care leavers aged 19 to 21"));
}

}  // namespace
}  // namespace safeguard::web
