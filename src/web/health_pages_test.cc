// Health and education pages and API end to end, without a network: a looked-after child's social
// worker records the initial health assessment (a missing kind is shown at its field and keeps the
// findings typed), an SDQ (a score that is not a number is refused at its field) and a personal
// education plan, and the deadlines move on; the reviewing officer reads the page but records
// nothing; an analyst sees neither. The API records each kind of record, names the field at fault
// and reads them back; the read models give the same deadlines as the record. A year on, the
// children-in-care dashboard counts the health assessments on time and the OC2 measures.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "app/health.h"
#include "app/looked_after.h"
#include "rules/child_deadlines.h"
#include "store/people_read_model.h"
#include "support/fixtures.h"
#include "support/read_model_checks.h"
#include "support/test_site.h"

namespace safeguard::web {
namespace {

using nlohmann::json;

class HealthPagesTest : public TestSite, public ::testing::Test {
 protected:
  HealthPagesTest() {
    users_["frontdoor"] = add_site_user("frontdoor", "front_door_social_worker", "Front door");
    users_["manager"] = add_site_user("manager", "team_manager", "Children in care");
    users_["jess"] = add_site_user("jess", "social_worker", "Children in care");
    users_["iris"] = add_site_user("iris", "independent_reviewing_officer", "Independent reviewing");
    users_["ana"] = add_site_user("ana", "performance_analyst", "Performance");
    child_ = testing::refer_child(*db_, clock_, users_["frontdoor"], "Ellie");  // born 30 June 2016
    testing::allocate_to(*db_, clock_, users_["manager"], child_, "jess");
    LookedAfterService care(*db_, clock_);
    StartOfCare start{clock_.today(), "C2", "N1", {"U4", "PR1", "Hale", "NR2 1AA", "SC100300"}};
    auto v = care.start(users_["jess"], child_, version(), start, {"test", ""});
    if (!v) throw std::runtime_error(v.error().message);
    if (!care.appoint_reviewing_officer(users_["manager"], child_, *v, "iris", {"test", ""}))
      throw std::runtime_error("appointing the reviewing officer failed");
  }

  std::string path() const { return "/people/" + std::to_string(child_) + "/health"; }
  std::string api_path() const { return "/api/v1/people/" + std::to_string(child_); }

  int64_t version() {
    return PeopleService(*db_, clock_).open(users_["manager"], child_, {"test", ""})->person.version;
  }

  // The child's deadlines of `kind` still to meet, as "due STATE".
  std::vector<std::string> open_of(const std::string& kind) {
    auto record = PeopleService(*db_, clock_).open(users_["manager"], child_, {"test", ""});
    std::vector<std::string> out;
    for (const ChildDeadline& d : record->deadlines) {
      if (d.kind == kind && still_to_meet(d.status.state)) {
        out.push_back(d.status.due.iso() + " " + std::string(deadline_state_name(d.status.state)));
      }
    }
    return out;
  }

  void expect_read_model_agrees() {
    auto full = PeopleService(*db_, clock_).open(users_["manager"], child_, {"test", ""});
    ASSERT_TRUE(full.ok());
    const auto casework = PeopleIndex(db_->sql()).casework_of({child_});
    testing::expect_same_deadlines(
        child_deadlines(casework.at(child_), clock_.today(), WorkingDayCalendar(), CaseworkTimescales()),
        full->deadlines);
    const HealthAndEducation& a = casework.at(child_).health;
    const HealthAndEducation& b = full->person.health;
    EXPECT_EQ(a.checks.size(), b.checks.size());
    EXPECT_EQ(a.sdqs.size(), b.sdqs.size());
    EXPECT_EQ(a.education_plans.size(), b.education_plans.size());
    EXPECT_EQ(a.substance_misuse.size(), b.substance_misuse.size());
    EXPECT_EQ(oc2_outcomes(casework.at(child_), clock_.today()).has_value(),
              oc2_outcomes(full->person, clock_.today()).has_value());
  }

  std::map<std::string, User> users_;
  int64_t child_ = 0;
};

TEST_F(HealthPagesTest, TheSocialWorkerRecordsHealthAndEducationInTheBrowser) {
  const Date today = clock_.today();  // Monday 23 November 2026, the day the child came into care
  Browser jess(*site_);
  ASSERT_EQ(jess.sign_in("jess").status, 303);
  Response r = jess.get("/people/" + std::to_string(child_) + "/looked-after");
  EXPECT_TRUE(contains(r.body, "href=\"" + path() + "\""));
  EXPECT_TRUE(contains(r.body, "Initial health assessment"));  // among the care deadlines
  r = jess.get(path());
  ASSERT_EQ(r.status, 200);
  EXPECT_TRUE(contains(r.body, "Initial health assessment"));
  EXPECT_TRUE(contains(r.body, "Personal education plan"));
  EXPECT_TRUE(contains(r.body, "Not looked after for the whole twelve months"));

  r = jess.get(path() + "/check");
  ASSERT_EQ(r.status, 200);
  FormData f = Browser::hidden_fields(r.body);
  set_day(f, "held_on", today);
  f.set("notes", "Eczema: cream prescribed. Referred to CAMHS for sleep.");
  Response bad = jess.post(path() + "/check", f);
  ASSERT_EQ(bad.status, 422);
  EXPECT_TRUE(contains(bad.body, "href=\"#kind\""));
  EXPECT_TRUE(contains(bad.body, "Referred to CAMHS for sleep."));  // nothing typed is lost
  f.set("kind", "initial_assessment");
  Response done = jess.post(path() + "/check", f);
  ASSERT_EQ(done.status, 303) << done.body;
  EXPECT_EQ(location(done), path() + "?done=check");
  EXPECT_EQ(open_of("health_assessment"), (std::vector<std::string>{add_months(today, 12).iso() + " due"}));

  r = jess.get(path() + "/sdq");
  f = Browser::hidden_fields(r.body);
  set_day(f, "on", today);
  f.set("score", "twelve");
  bad = jess.post(path() + "/sdq", f);
  ASSERT_EQ(bad.status, 422);
  EXPECT_TRUE(contains(bad.body, "href=\"#score\""));
  f.set("score", "12");
  ASSERT_EQ(jess.post(path() + "/sdq", f).status, 303);

  r = jess.get(path() + "/education-plan");
  f = Browser::hidden_fields(r.body);
  set_day(f, "held_on", today);
  f.set("notes", "Reading age 8: daily reading with her carer; a tutor twice a week.");
  bad = jess.post(path() + "/education-plan", f);
  ASSERT_EQ(bad.status, 422);
  EXPECT_TRUE(contains(bad.body, "href=\"#school\""));
  f.set("school", "Hillside Primary");
  ASSERT_EQ(jess.post(path() + "/education-plan", f).status, 303);
  // Held in the autumn term: the next is due by the end of the spring term.
  EXPECT_EQ(open_of("education_plan"), (std::vector<std::string>{"2027-03-31 due"}));

  r = jess.get(path());
  EXPECT_TRUE(contains(r.body, "Referred to CAMHS for sleep."));
  EXPECT_TRUE(contains(r.body, "Score 12"));
  EXPECT_TRUE(contains(r.body, "Hillside Primary"));
  EXPECT_TRUE(contains(r.body, "Review health assessment"));

  Browser iris(*site_);
  ASSERT_EQ(iris.sign_in("iris").status, 303);
  EXPECT_EQ(iris.get(path()).status, 200);
  EXPECT_EQ(iris.get(path() + "/check").status, 403);
  Browser ana(*site_);
  ASSERT_EQ(ana.sign_in("ana").status, 303);
  EXPECT_EQ(ana.get(path()).status, 403);
  expect_read_model_agrees();
}

TEST_F(HealthPagesTest, TheApiRecordsEachKindOfRecordAndNamesTheFieldAtFault) {
  const Date today = clock_.today();
  const auto post = [&](const std::string& user, const std::string& what, json body) {
    body["expected_version"] = version();
    return api(user, "POST", api_path() + "/" + what, body);
  };
  const auto field = [](const Response& r) { return json::parse(r.body)["error"]["field"]; };
  Response r = post("jess", "health-checks", {{"kind", "eyes"}, {"held_on", today.iso()}});
  ASSERT_EQ(r.status, 422);
  EXPECT_EQ(field(r), "kind");
  EXPECT_EQ(post("frontdoor", "health-checks", {{"kind", "dental"}, {"held_on", today.iso()}}).status, 403);
  ASSERT_EQ(post("jess", "health-checks", {{"kind", "dental"}, {"held_on", today.iso()}}).status, 200);

  r = post("jess", "immunisations", {{"as_at", today.iso()}});
  ASSERT_EQ(r.status, 422);
  EXPECT_EQ(field(r), "up_to_date");
  ASSERT_EQ(post("jess", "immunisations", {{"as_at", today.iso()}, {"up_to_date", true}}).status, 200);

  r = post("jess", "sdqs", {{"on", today.iso()}, {"score", 50}});
  ASSERT_EQ(r.status, 422);
  EXPECT_EQ(field(r), "score");
  r = post("jess", "sdqs", {{"on", today.iso()}, {"score", nullptr}, {"reason", "SDQ1"}});
  ASSERT_EQ(r.status, 422);  // she is 10
  EXPECT_EQ(field(r), "reason");
  ASSERT_EQ(post("jess", "sdqs", {{"on", today.iso()}, {"reason", "SDQ2"}}).status, 200);

  json misuse{{"identified_on", today.iso()},
              {"notes", "Vaping and alcohol at weekends."},
              {"intervention_offered", false},
              {"intervention_received", true}};
  r = post("jess", "substance-misuse", misuse);
  ASSERT_EQ(r.status, 422);
  EXPECT_EQ(field(r), "intervention_offered");
  misuse["intervention_offered"] = true;
  ASSERT_EQ(post("jess", "substance-misuse", misuse).status, 200);

  r = post("jess", "convictions", {{"convicted_on", today.iso()}});
  ASSERT_EQ(r.status, 422);
  EXPECT_EQ(field(r), "offence");
  ASSERT_EQ(
      post("jess", "convictions", {{"convicted_on", today.iso()}, {"offence", "Theft from a shop"}}).status,
      200);
  r = post("jess", "education-plans",
           {{"held_on", today.iso()}, {"school", "Hillside"}, {"notes", "x"}, {"x", 1}});
  EXPECT_EQ(r.status, 422);  // an unknown field
  ASSERT_EQ(post("jess", "education-plans",
                 {{"held_on", today.iso()}, {"school", "Hillside"}, {"notes", "Phonics"}})
                .status,
            200);

  r = api("iris", "GET", api_path() + "/health");
  ASSERT_EQ(r.status, 200) << r.body;
  const json h = json::parse(r.body);
  ASSERT_EQ(h["health_checks"].size(), 1u);
  EXPECT_EQ(h["health_checks"][0]["kind"], "dental");
  EXPECT_EQ(h["health_checks"][0]["by"], "Test jess");
  EXPECT_TRUE(h["immunisations"][0]["up_to_date"].get<bool>());
  EXPECT_TRUE(h["sdqs"][0]["score"].is_null());
  EXPECT_EQ(h["sdqs"][0]["reason"], "SDQ2");
  EXPECT_TRUE(h["substance_misuse"][0]["intervention_received"].get<bool>());
  EXPECT_EQ(h["convictions"][0]["offence"], "Theft from a shop");
  EXPECT_EQ(h["education_plans"][0]["school"], "Hillside");
  EXPECT_TRUE(h["outcomes"].is_null());  // not yet looked after for a year
  bool initial_due = false;
  for (const json& d : h["deadlines"]) initial_due |= d["kind"] == "health_assessment" && d["state"] == "due";
  EXPECT_TRUE(initial_due);
  EXPECT_EQ(api("ana", "GET", api_path() + "/health").status, 403);
  EXPECT_EQ(api("jess", "GET", api_path() + "/sdqs").status, 405);
  expect_read_model_agrees();
}

// A year on: the initial assessment (on time, but before the twelve months) is out of the window,
// the review a day late is in it; the dental check, immunisations and the SDQ score count for the
// child looked after the whole year.
TEST_F(HealthPagesTest, TheDashboardCountsHealthAssessmentsAndTheYearsOutcomes) {
  HealthService health(*db_, clock_);
  const Channel channel{"test", ""};
  const Date start = clock_.today();
  const auto day = [&](int n) { clock_.set(Timestamp::from_date_time(start + n, 10, 0, 0)); };
  day(10);
  ASSERT_TRUE(health.record_check(users_["jess"], child_, version(),
                                  {0, "initial_assessment", start + 10, "", ""}, channel));
  day(40);
  ASSERT_TRUE(
      health.record_check(users_["jess"], child_, version(), {0, "dental", start + 40, "", ""}, channel));
  ASSERT_TRUE(
      health.record_immunisations(users_["jess"], child_, version(), {0, start + 40, true, ""}, channel));
  ASSERT_TRUE(health.record_sdq(users_["jess"], child_, version(), {0, start + 40, 9, "", ""}, channel));
  const Date review = add_months(start + 10, 12) + 1;  // a day late
  day(review - start);
  ASSERT_TRUE(health.record_check(users_["jess"], child_, version(), {0, "review_assessment", review, "", ""},
                                  channel));
  Browser manager(*site_);
  ASSERT_EQ(manager.sign_in("manager").status, 303);
  Response r = manager.get("/children-in-care?format=json");
  ASSERT_EQ(r.status, 200);
  const json d = json::parse(r.body);
  EXPECT_EQ(d["health_assessments"], 1);
  EXPECT_EQ(d["health_assessments_on_time"], 0);
  EXPECT_EQ(d["health_assessments_overdue"], 0);
  EXPECT_EQ(d["outcomes"]["children"], 1);
  EXPECT_EQ(d["outcomes"]["health_assessment"], 1);
  EXPECT_EQ(d["outcomes"]["teeth_check"], 1);
  EXPECT_EQ(d["outcomes"]["immunisations"], 1);
  EXPECT_EQ(d["outcomes"]["sdq_due"], 1);
  EXPECT_EQ(d["outcomes"]["sdq_score"], 1);
  EXPECT_EQ(d["outcomes"]["under_five"], 0);
  r = manager.get("/children-in-care");
  EXPECT_TRUE(contains(r.body, "Health assessments on time"));
  EXPECT_TRUE(contains(r.body, "Dental check in the twelve months"));
  expect_read_model_agrees();
}

}  // namespace
}  // namespace safeguard::web
