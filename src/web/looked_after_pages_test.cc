// Looked-after pages and API end to end, without a network: a social worker records a child becoming
// looked after (a missing URN is shown at its field and loses nothing), a team manager appoints the
// reviewing officer, who then sees the child in their work and records the first review; the worker
// records a move to new carers (RNE P, the reason on the episode left) and the end of care. The API
// records the same steps, names the field at fault, and reads back the SSDA903 episodes; the read
// models give "my work" the same deadlines as the record.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "app/auth.h"
#include "app/looked_after.h"
#include "app/my_work.h"
#include "app/settings.h"
#include "rules/child_deadlines.h"
#include "store/people_read_model.h"
#include "store/postcode_directory.h"
#include "support/fixtures.h"
#include "support/read_model_checks.h"
#include "support/test_site.h"

namespace safeguard::web {
namespace {

using nlohmann::json;

class LookedAfterPagesTest : public TestSite, public ::testing::Test {
 protected:
  LookedAfterPagesTest() {
    users_["frontdoor"] = add_site_user("frontdoor", "front_door_social_worker", "Front door");
    users_["manager"] = add_site_user("manager", "team_manager", "Children in care");
    users_["jess"] = add_site_user("jess", "social_worker", "Children in care");
    users_["iris"] = add_site_user("iris", "independent_reviewing_officer", "Independent reviewing");
    child_ = testing::refer_child(*db_, clock_, users_["frontdoor"], "Ellie");
    testing::allocate_to(*db_, clock_, users_["manager"], child_, "jess");
  }

  std::string path() const { return "/people/" + std::to_string(child_) + "/looked-after"; }
  std::string api_path() const { return "/api/v1/people/" + std::to_string(child_) + "/looked-after"; }

  int64_t version() {
    return PeopleService(*db_, clock_).open(users_["manager"], child_, {"test", ""})->person.version;
  }

  void expect_read_model_agrees() {
    auto full = PeopleService(*db_, clock_).open(users_["manager"], child_, {"test", ""});
    ASSERT_TRUE(full.ok());
    const auto casework = PeopleIndex(db_->sql()).casework_of({child_});
    testing::expect_same_deadlines(
        child_deadlines(casework.at(child_), clock_.today(), WorkingDayCalendar(), CaseworkTimescales()),
        full->deadlines);
    ASSERT_EQ(casework.at(child_).periods_of_care.size(), full->person.periods_of_care.size());
    for (size_t i = 0; i < full->person.periods_of_care.size(); ++i) {
      const PeriodOfCare& a = casework.at(child_).periods_of_care[i];
      const PeriodOfCare& b = full->person.periods_of_care[i];
      ASSERT_EQ(a.episodes.size(), b.episodes.size());
      for (size_t j = 0; j < a.episodes.size(); ++j) {
        EXPECT_EQ(a.episodes[j].reason_new, b.episodes[j].reason_new);
        EXPECT_EQ(a.episodes[j].placement, b.episodes[j].placement);
        EXPECT_EQ(a.episodes[j].end, b.episodes[j].end);
        EXPECT_EQ(a.episodes[j].reason_place_change, b.episodes[j].reason_place_change);
      }
      EXPECT_EQ(a.reviews.size(), b.reviews.size());
      EXPECT_EQ(a.reviewing_officer, b.reviewing_officer);
    }
  }

  std::map<std::string, User> users_;
  int64_t child_ = 0;
};

TEST_F(LookedAfterPagesTest, BecomeLookedAfterReviewMoveAndLeaveCare) {
  const Date today = clock_.today();  // Monday 23 November 2026
  Browser jess(*site_);
  ASSERT_EQ(jess.sign_in("jess").status, 303);
  Response r = jess.get("/people/" + std::to_string(child_));
  EXPECT_TRUE(contains(r.body, "href=\"" + path() + "/start\""));
  r = jess.get(path() + "/start");
  ASSERT_EQ(r.status, 200);
  EXPECT_TRUE(contains(r.body, "data-draft-key=\"" + path() + "/start\""));
  FormData f = Browser::hidden_fields(r.body);
  set_day(f, "on", today);
  f.set("legal_status", "C1");
  f.set("category_of_need", "N1");
  f.set("placement-type", "U6");
  f.set("placement-provider", "PR1");
  f.set("placement-carer", "Ann and Bob Hale");
  f.set("placement-postcode", "nr2 1aa");
  Response bad = jess.post(path() + "/start", f);
  ASSERT_EQ(bad.status, 422);
  EXPECT_TRUE(contains(bad.body, "href=\"#placement-urn\""));
  EXPECT_TRUE(contains(bad.body, "Ann and Bob Hale"));  // nothing lost
  f.set("placement-urn", "sc100200");
  Response started = jess.post(path() + "/start", f);
  ASSERT_EQ(started.status, 303) << started.body;
  EXPECT_EQ(location(started), path() + "?done=started");
  r = jess.get(path() + "?done=started");
  EXPECT_TRUE(contains(r.body, "Ann and Bob Hale"));
  EXPECT_TRUE(contains(r.body, "SC100200"));
  EXPECT_TRUE(contains(r.body, "Not appointed"));
  EXPECT_TRUE(contains(r.body, "21 December 2026"));  // first review: 20 working days
  EXPECT_TRUE(contains(r.body, "30 November 2026"));  // first visit: 7 days
  // The episode cannot close while the child is looked after.
  EXPECT_FALSE(jess.get("/people/" + std::to_string(child_) + "/close").body.empty());

  // The reviewing officer is not yet appointed: the child is outside her work, and she cannot review.
  Browser iris(*site_);
  ASSERT_EQ(iris.sign_in("iris").status, 303);
  auto work = MyWorkService(*db_, clock_).for_user(users_["iris"]);
  ASSERT_TRUE(work.ok());
  EXPECT_EQ(work->children, 0);
  EXPECT_EQ(jess.get(path() + "/reviews/new").status, 403);  // only reviewing officers review
  Browser manager(*site_);
  ASSERT_EQ(manager.sign_in("manager").status, 303);
  r = manager.get(path() + "/reviewing-officer");
  ASSERT_EQ(r.status, 200);
  f = Browser::hidden_fields(r.body);
  f.set("reviewing_officer", "iris");
  ASSERT_EQ(manager.post(path() + "/reviewing-officer", f).status, 303);
  work = MyWorkService(*db_, clock_).for_user(users_["iris"]);
  ASSERT_TRUE(work.ok());
  EXPECT_EQ(work->children, 1);
  ASSERT_EQ(work->due.size(), 1u);
  EXPECT_EQ(work->due[0].deadline.kind, "looked_after_review");

  clock_.advance_seconds(14 * 86400);
  ASSERT_EQ(iris.sign_in("iris").status, 303);
  r = iris.get(path() + "/reviews/new");
  ASSERT_EQ(r.status, 200);
  f = Browser::hidden_fields(r.body);
  set_day(f, "held_on", today + 14);
  f.set("participation", "PN1");
  f.set("decisions", "Ellie wants to stay with Ann and Bob; contact with mum twice a week.");
  bad = iris.post(path() + "/reviews/new", f);
  ASSERT_EQ(bad.status, 422);
  EXPECT_TRUE(contains(bad.body, "href=\"#permanence_plan\""));
  EXPECT_TRUE(contains(bad.body, "contact with mum twice a week"));
  f.set("permanence_plan", "return_home");
  ASSERT_EQ(iris.post(path() + "/reviews/new", f).status, 303);
  expect_read_model_agrees();

  // A move to new carers.
  ASSERT_EQ(jess.sign_in("jess").status, 303);
  r = jess.get(path() + "/change");
  ASSERT_EQ(r.status, 200);
  EXPECT_TRUE(contains(r.body, "value=\"Ann and Bob Hale\""));  // the current placement, to edit
  f = Browser::hidden_fields(r.body);
  set_day(f, "on", today + 14);
  f.set("moved", "yes");
  f.set("placement-type", "U6");  // a browser sends the pre-filled fields; this test sets them
  f.set("placement-provider", "PR1");
  f.set("placement-urn", "SC100200");
  f.set("placement-carer", "Cara Ngo");
  f.set("placement-postcode", "NR3 4BB");
  bad = jess.post(path() + "/change", f);
  ASSERT_EQ(bad.status, 422);
  EXPECT_TRUE(contains(bad.body, "href=\"#reason_place_change\""));
  f.set("reason_place_change", "CREQO");
  ASSERT_EQ(jess.post(path() + "/change", f).status, 303);
  json history = json::parse(api("jess", "GET", api_path()).body);
  ASSERT_EQ(history["periods"].size(), 1u);
  ASSERT_EQ(history["periods"][0]["episodes"].size(), 2u);
  EXPECT_EQ(history["periods"][0]["episodes"][0]["reason_place_change"], "CREQO");
  EXPECT_EQ(history["periods"][0]["episodes"][0]["reason_ceased"], "X1");
  EXPECT_EQ(history["periods"][0]["episodes"][1]["reason_new"], "P");
  EXPECT_EQ(history["periods"][0]["episodes"][1]["placement"]["postcode"], "NR3 4BB");
  EXPECT_EQ(history["periods"][0]["reviewing_officer"], "iris");

  r = jess.get(path() + "/end");
  f = Browser::hidden_fields(r.body);
  set_day(f, "on", today + 14);
  f.set("reason", "E4A");
  bad = jess.post(path() + "/end", f);
  ASSERT_EQ(bad.status, 422);  // the episode started that day (rule 355)
  set_day(f, "on", today + 15);
  clock_.advance_seconds(86400);
  ASSERT_EQ(jess.sign_in("jess").status, 303);
  f = Browser::hidden_fields(jess.get(path() + "/end").body);
  set_day(f, "on", today + 15);
  f.set("reason", "E4A");
  ASSERT_EQ(jess.post(path() + "/end", f).status, 303);
  r = jess.get(path());
  EXPECT_TRUE(contains(r.body, "not looked after now"));
  EXPECT_TRUE(contains(r.body, "E4A"));
  expect_read_model_agrees();
}

TEST_F(LookedAfterPagesTest, TheApiRecordsCareAndNamesTheFieldAtFault) {
  const Date today = clock_.today();
  json start{{"expected_version", version()},
             {"on", today.iso()},
             {"legal_status", "V2"},
             {"category_of_need", "N4"},
             {"placement",
              {{"type", "K3"},
               {"provider", "PR4"},
               {"carer", "Riverside"},
               {"postcode", "NR1 1AA"},
               {"urn", "SC300400"}}}};
  Response r = api("jess", "POST", api_path(), start);
  ASSERT_EQ(r.status, 422) << r.body;  // Ellie is 10: no supported accommodation
  EXPECT_EQ(json::parse(r.body)["error"]["field"], "placement.type");
  start["placement"]["type"] = "U6";
  start["placement"]["provider"] = "PR1";
  r = api("jess", "POST", api_path(), start);
  ASSERT_EQ(r.status, 200) << r.body;
  const int64_t v = json::parse(r.body)["version"];
  // An IRO cannot record care; a social worker cannot record a review.
  json change{{"expected_version", v}, {"on", (today + 1).iso()}, {"legal_status", "C1"}};
  EXPECT_EQ(api("iris", "POST", api_path() + "/changes", change).status, 403);
  json review{{"expected_version", v},
              {"held_on", today.iso()},
              {"participation", "PN1"},
              {"permanence_plan", "long_term_fostering"},
              {"decisions", "Stay."}};
  EXPECT_EQ(api("jess", "POST", api_path() + "/reviews", review).status, 403);
  json appoint{{"expected_version", v}, {"username", "jess"}};
  r = api("manager", "POST", api_path() + "/reviewing-officer", appoint);
  ASSERT_EQ(r.status, 422);
  EXPECT_EQ(json::parse(r.body)["error"]["field"], "username");
  appoint["username"] = "iris";
  ASSERT_EQ(api("manager", "POST", api_path() + "/reviewing-officer", appoint).status, 200);
  review["expected_version"] = version();
  r = api("iris", "POST", api_path() + "/reviews", review);
  ASSERT_EQ(r.status, 200) << r.body;
  json unknown{{"expected_version", version()}, {"on", today.iso()}, {"reason", "E4A"}, {"extra", 1}};
  r = api("jess", "POST", api_path() + "/end", unknown);
  EXPECT_EQ(r.status, 422);
  EXPECT_EQ(json::parse(r.body)["error"]["field"], "extra");
  json history = json::parse(api("iris", "GET", api_path()).body);
  EXPECT_TRUE(history["looked_after"].get<bool>());
  EXPECT_EQ(history["periods"][0]["episodes"][0]["reason_new"], "S");
  EXPECT_EQ(history["periods"][0]["reviews"][0]["chair"], "Test iris");
  bool review_clock = false;
  for (const json& d : history["deadlines"])
    review_clock = review_clock || d["kind"] == "looked_after_review";
  EXPECT_TRUE(review_clock);
}

// The children-in-care dashboard counts the child looked after (ten days ago, in foster care with
// relatives, under an interim care order), her overdue first visit and her reviewing officer; the
// same figures come as JSON from the page and the API; a social worker may not see them.
TEST_F(LookedAfterPagesTest, TheChildrenInCareDashboardCountsTheCouncilsChildren) {
  const Date today = clock_.today();
  LookedAfterService care(*db_, clock_);
  StartOfCare start{today, "C1", "N1", {"U3", "PR1", "Mary Fielding (grandmother)", "NR2 1AA", "SC100300"}};
  auto v = care.start(users_["jess"], child_, version(), start, {"test", ""});
  ASSERT_TRUE(v.ok()) << v.error().message;
  ASSERT_TRUE(care.appoint_reviewing_officer(users_["manager"], child_, *v, "iris", {"test", ""}).ok());
  clock_.advance_seconds(10 * 86400);

  Browser manager(*site_);
  ASSERT_EQ(manager.sign_in("manager").status, 303);
  Response r = manager.get("/children-in-care");
  ASSERT_EQ(r.status, 200);
  EXPECT_TRUE(contains(r.body, "href=\"/children-in-care\""));  // in the navigation
  EXPECT_TRUE(contains(r.body, "data-testid=\"figure-looked-after\"><p class=\"sg-figure__value\">1</p>"));
  EXPECT_TRUE(contains(r.body, "Interim care order"));
  EXPECT_TRUE(contains(r.body, "Foster care with relatives or friends"));
  EXPECT_TRUE(contains(r.body, "10 to 15"));
  EXPECT_TRUE(contains(r.body, "Test iris"));
  EXPECT_FALSE(contains(r.body, "Ellie"));  // figures only: no child is named

  r = manager.get("/children-in-care?format=json");
  ASSERT_EQ(r.status, 200);
  const json page = json::parse(r.body);
  EXPECT_EQ(page["looked_after"], 1);
  EXPECT_EQ(page["started"], 1);
  EXPECT_EQ(page["visits_overdue"], 1);   // the first visit was due within a week
  EXPECT_EQ(page["reviews_overdue"], 0);  // the first review is due within 20 working days
  EXPECT_EQ(page["by_legal_status"][0]["key"], "C1");
  EXPECT_EQ(page["by_placements_in_year"][0]["count"], 1);
  EXPECT_EQ(page["reviewing_officers"][0]["username"], "iris");
  EXPECT_EQ(page["reviewing_officers"][0]["children"], 1);
  r = api("iris", "GET", "/api/v1/children-in-care", nullptr);
  ASSERT_EQ(r.status, 200);
  EXPECT_EQ(json::parse(r.body), page);

  Browser jess(*site_);
  ASSERT_EQ(jess.sign_in("jess").status, 303);
  EXPECT_EQ(jess.get("/children-in-care").status, 403);
  EXPECT_EQ(api("jess", "GET", "/api/v1/children-in-care", nullptr).status, 403);
}

// Where the child is placed, against her home (NR2) and the council (Norfolk's code): an Ipswich
// children's home is out of the area and far from home, in red on her page, and counted so on the
// dashboard; a move to foster carers in Norwich is in the area. The API gives PL_DISTANCE, PL_LA
// and PL_LOCATION for every episode. Before the council's code is set, the area is not known.
TEST_F(LookedAfterPagesTest, PlacementsOutOfAreaAndFarFromHomeAreShownAndCounted) {
  const Date today = clock_.today();
  {
    PostcodeDirectory directory(db_->sql());
    directory.set_district("NR2", {{622000, 308500}, "E10000020", true});
    directory.set_district("IP3", {{618500, 242500}, "E10000029", true});
  }
  PeopleService people(*db_, clock_);
  ASSERT_TRUE(people
                  .add_address(users_["jess"], child_, version(),
                               {"1 Test Street", "", "Norwich", "NR2 1AA", today - 30}, {"test", ""})
                  .ok());
  LookedAfterService care(*db_, clock_);
  StartOfCare start{today, "C1", "N1", {"K2", "PR4", "Orwell House", "IP3 9QQ", "SC100301"}};
  ASSERT_TRUE(care.start(users_["jess"], child_, version(), start, {"test", ""}).ok());

  Browser manager(*site_);
  ASSERT_EQ(manager.sign_in("manager").status, 303);
  json dashboard = json::parse(manager.get("/children-in-care?format=json").body);
  EXPECT_EQ(dashboard["whereabouts"]["area_not_known"], 1);  // the council's code is not set yet
  EXPECT_EQ(dashboard["whereabouts"]["far_from_home"], 1);
  ASSERT_TRUE(SettingsService(*db_, clock_).set("admin", "council.authority", "E10000020").ok());

  Response r = manager.get(path());
  ASSERT_EQ(r.status, 200);
  EXPECT_TRUE(contains(r.body, "<strong class=\"govuk-tag govuk-tag--red\">41.1 miles from home</strong>"))
      << r.body;
  EXPECT_TRUE(contains(r.body, "out of the council&#39;s area</strong> (E10000029)"));
  dashboard = json::parse(manager.get("/children-in-care?format=json").body);
  EXPECT_EQ(dashboard["whereabouts"], json({{"in_area", 0},
                                            {"out_of_area", 1},
                                            {"area_not_known", 0},
                                            {"distance_known", 1},
                                            {"far_from_home", 1},
                                            {"average_miles", 41.1}}));
  r = manager.get("/children-in-care");
  EXPECT_TRUE(contains(r.body, "Placed out of the council&#39;s area"));
  EXPECT_TRUE(contains(r.body, "41.1 miles"));

  ChangeOfCare move{today + 1, "", Placement{"U6", "PR1", "Ann and Bob Hale", "NR2 4XY", "SC100200"},
                    "CHILD"};
  clock_.advance_seconds(86400);
  auto moved = care.change(users_["jess"], child_, version(), move, {"test", ""});
  ASSERT_TRUE(moved.ok()) << moved.error().message;
  const json history = json::parse(api("jess", "GET", api_path()).body);
  const json& episodes = history["periods"][0]["episodes"];
  EXPECT_EQ(episodes[0]["placement_location"],
            json({{"miles", 41.1}, {"authority", "E10000029"}, {"location", "OUT"}}));
  EXPECT_EQ(episodes[1]["placement_location"],
            json({{"miles", 0.0}, {"authority", "E10000020"}, {"location", "IN"}}));
  ASSERT_EQ(manager.sign_in("manager").status, 303);  // a new day: a new session
  r = manager.get(path());
  EXPECT_TRUE(contains(r.body, "0.0 miles from home; in the council&#39;s area"));
  dashboard = json::parse(manager.get("/children-in-care?format=json").body);
  EXPECT_EQ(dashboard["whereabouts"]["in_area"], 1);
  EXPECT_EQ(dashboard["whereabouts"]["far_from_home"], 0);
}

// A 16-year-old girl, an unaccompanied asylum seeker, whose baby is recorded with her as his
// mother: the looked-after page and the API say she is a mother (MOTHER 1, MC_DOB the baby's birth,
// from the relationship, never typed), and record her asylum-seeking status with its end (a day
// before it began is refused at its field; without an end it ceases on the 18th birthday); her
// allocation is her social worker episode, its SW_ID her worker's registration number once set.
TEST_F(LookedAfterPagesTest, AnUnaccompaniedAsylumSeekerWhoIsAMother) {
  const Date today = clock_.today();
  PeopleService people(*db_, clock_);
  PersonDetails details = people.open(users_["manager"], child_, {"test", ""})->person.details;
  details.date_of_birth = Date::from_ymd(2010, 3, 4);
  ASSERT_TRUE(
      people.correct_details(users_["manager"], child_, version(), details, "Age assessed", {"test", ""})
          .ok());
  const int64_t baby = testing::create_person(people, users_["frontdoor"],
                                              testing::new_person("Sami", "Fielding", "2026-09-01"));
  const int64_t baby_version = people.open(users_["frontdoor"], baby, {"test", ""})->person.version;
  ASSERT_TRUE(people
                  .add_relationship(users_["frontdoor"], baby, baby_version, child_, "parent", std::nullopt,
                                    {"test", ""})
                  .ok());
  StartOfCare start{today, "V2", "N1", {"R3", "PR1", "Oak family centre", "NR2 1AA", "SC100200"}};
  ASSERT_TRUE(
      LookedAfterService(*db_, clock_).start(users_["jess"], child_, version(), start, {"test", ""}).ok());

  Browser jess(*site_);
  ASSERT_EQ(jess.sign_in("jess").status, 303);
  Response r = jess.get(path());
  EXPECT_TRUE(contains(r.body, "Yes: her first child was born 1 September 2026"));
  EXPECT_TRUE(contains(r.body, "href=\"" + path() + "/uasc\""));
  r = jess.get(path() + "/uasc");
  ASSERT_EQ(r.status, 200);
  FormData f = Browser::hidden_fields(r.body);
  set_day(f, "from", today - 10);
  set_day(f, "ceased_on", today - 11);
  Response bad = jess.post(path() + "/uasc", f);
  ASSERT_EQ(bad.status, 422);
  EXPECT_TRUE(contains(bad.body, "href=\"#ceased_on\""));
  f.set("ceased_on-day", "");
  f.set("ceased_on-month", "");
  f.set("ceased_on-year", "");
  Response done = jess.post(path() + "/uasc", f);
  ASSERT_EQ(done.status, 303) << done.body;
  r = jess.get(path());
  EXPECT_TRUE(contains(r.body, "From " + long_date_text(today - 10)));

  r = api("jess", "GET", api_path(), nullptr);
  ASSERT_EQ(r.status, 200);
  json body = json::parse(r.body);
  EXPECT_EQ(body["mother"]["mother"], 1);
  EXPECT_EQ(body["mother"]["first_child_born"], "2026-09-01");
  EXPECT_EQ(body["uasc"]["from"], (today - 10).iso());
  EXPECT_TRUE(body["uasc"]["ceased_on"].is_null());
  r = api("jess", "POST", api_path() + "/uasc",
          {{"expected_version", version()}, {"from", (today - 10).iso()}, {"ceased_on", "2028-03-05"}});
  EXPECT_EQ(json::parse(r.body)["error"]["field"], "ceased_on");  // in the future, after the 18th birthday

  // Her social worker episode (SWEpisodes): no registration number until the administrator sets it.
  ASSERT_EQ(body["social_worker_episodes"].size(), 1u);
  EXPECT_EQ(body["social_worker_episodes"][0]["worker"], "jess");
  EXPECT_TRUE(body["social_worker_episodes"][0]["sw_id"].is_null());
  EXPECT_TRUE(body["social_worker_episodes"][0]["sw_dec"].is_null());
  EXPECT_TRUE(contains(jess.get(path()).body, "No registration number"));
  AuthService auth(*db_, clock_);
  EXPECT_FALSE(auth.set_registration("test", "jess", "AB123").ok());
  ASSERT_TRUE(auth.set_registration("test", "jess", "sw123456").ok());
  body = json::parse(api("jess", "GET", api_path(), nullptr).body);
  EXPECT_EQ(body["social_worker_episodes"][0]["sw_id"], "SW123456");

  // On her 18th birthday the status has ceased without anyone recording it (SSDA903 DUC).
  clock_.set(Timestamp::from_date_time(Date::from_ymd(2028, 3, 4), 10, 0, 0));
  body = json::parse(api("jess", "GET", api_path(), nullptr).body);
  EXPECT_EQ(body["uasc"]["ceased_on"], "2028-03-04");
  clock_.set(Timestamp::from_date_time(today, 10, 0, 0));
  Browser manager(*site_);
  ASSERT_EQ(manager.sign_in("manager").status, 303);
  EXPECT_EQ(json::parse(manager.get("/children-in-care?format=json").body)["uasc"], 1);
}

}  // namespace
}  // namespace safeguard::web
