// Adoption and permanence pages and API end to end, without a network: a four-year-old comes into
// care and the looked-after page shows her previous permanence not recorded; her social worker
// records it (a special guardianship order made in a month of 2024, arranged by this council;
// without the council it is shown at its field); records the decision that she should be placed
// for adoption; the court's placement order is a change of care; the match (one adopter's
// relationship refused for two) and the move to adopters follow, then the adoption order. The page
// and the API read the journey back with the SSDA903 codes; the read model holds the same
// decisions; the children-in-care dashboard counts the adoption; an analyst sees nothing. The API names the
// field at fault for each call.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "app/adoption.h"
#include "app/looked_after.h"
#include "store/people_read_model.h"
#include "support/fixtures.h"
#include "support/test_site.h"

namespace safeguard::web {
namespace {

using nlohmann::json;

class AdoptionPagesTest : public TestSite, public ::testing::Test {
 protected:
  AdoptionPagesTest() {
    users_["frontdoor"] = add_site_user("frontdoor", "front_door_social_worker", "Front door");
    users_["manager"] = add_site_user("manager", "team_manager", "Children in care");
    users_["jess"] = add_site_user("jess", "social_worker", "Children in care");
    users_["ana"] = add_site_user("ana", "performance_analyst", "Performance");
    child_ = testing::refer_child(*db_, clock_, users_["frontdoor"], "Maisie");
    testing::allocate_to(*db_, clock_, users_["manager"], child_, "jess");
    PeopleService people(*db_, clock_);
    PersonDetails details = people.open(users_["manager"], child_, {"test", ""})->person.details;
    details.date_of_birth = Date::from_ymd(2022, 5, 10);
    if (!people.correct_details(users_["manager"], child_, version(), details, "Birth certificate seen",
                                {"test", ""}))
      throw std::runtime_error("correcting the date of birth failed");
    StartOfCare start{clock_.today(), "C1", "N1", {"U6", "PR1", "Ann Hale", "NR2 1AA", "SC100300"}};
    if (!LookedAfterService(*db_, clock_).start(users_["jess"], child_, version(), start, {"test", ""}))
      throw std::runtime_error("starting care failed");
  }

  std::string path() const { return "/people/" + std::to_string(child_) + "/adoption"; }
  std::string api_path() const { return "/api/v1/people/" + std::to_string(child_); }

  int64_t version() {
    return PeopleService(*db_, clock_).open(users_["manager"], child_, {"test", ""})->person.version;
  }
  void go_to(Date d) { clock_.set(Timestamp::from_date_time(d, 10, 0, 0)); }
  void change_care(ChangeOfCare change) {
    auto r = LookedAfterService(*db_, clock_).change(users_["jess"], child_, version(), change, {"test", ""});
    ASSERT_TRUE(r.ok()) << r.error().message;
  }

  std::map<std::string, User> users_;
  int64_t child_ = 0;
};

TEST_F(AdoptionPagesTest, TheWholeJourneyFromDecisionToAdoptionOrder) {
  const Date start = clock_.today();
  Browser jess(*site_);
  ASSERT_EQ(jess.sign_in("jess").status, 303);
  Response r = jess.get("/people/" + std::to_string(child_) + "/looked-after");
  EXPECT_TRUE(contains(r.body, "Previous permanence"));
  EXPECT_TRUE(contains(r.body, "href=\"" + path() + "/previous-permanence/1\""));
  EXPECT_TRUE(contains(r.body, "href=\"" + path() + "\""));

  // Previous permanence: the council is needed for an order.
  r = jess.get(path() + "/previous-permanence/1");
  ASSERT_EQ(r.status, 200);
  FormData f = Browser::hidden_fields(r.body);
  f.set("type", "P2");
  f.set("made-month", "6");
  f.set("made-year", "2024");
  Response bad = jess.post(path() + "/previous-permanence/1", f);
  ASSERT_EQ(bad.status, 422);
  EXPECT_TRUE(contains(bad.body, "href=\"#local_authority\""));
  f.set("local_authority", "926");
  Response done = jess.post(path() + "/previous-permanence/1", f);
  ASSERT_EQ(done.status, 303) << done.body;
  EXPECT_EQ(location(done), path() + "?done=previous");
  r = jess.get(path());
  EXPECT_TRUE(contains(r.body, "Special guardianship order, arranged by council 926, made June 2024"));
  EXPECT_EQ(jess.get(path() + "/previous-permanence/2").status, 404);

  // The decision, then the placement order.
  go_to(start + 30);
  ASSERT_EQ(jess.sign_in("jess").status, 303);
  r = jess.get(path() + "/decision");
  ASSERT_EQ(r.status, 200);
  f = Browser::hidden_fields(r.body);
  f.set("notes", "No family member can care for Maisie; she needs a permanent family.");
  set_day(f, "on", clock_.today() + 1);
  bad = jess.post(path() + "/decision", f);
  ASSERT_EQ(bad.status, 422);
  EXPECT_TRUE(contains(bad.body, "href=\"#on\""));
  set_day(f, "on", clock_.today());
  ASSERT_EQ(jess.post(path() + "/decision", f).status, 303);
  go_to(start + 60);
  change_care({clock_.today(), "E1", std::nullopt, ""});

  // The match: two adopters are a couple.
  go_to(start + 90);
  ASSERT_EQ(jess.sign_in("jess").status, 303);
  r = jess.get(path() + "/match");
  ASSERT_EQ(r.status, 200);
  f = Browser::hidden_fields(r.body);
  set_day(f, "on", clock_.today());
  f.set("adopters", "MF");
  f.set("relationship", "single");
  bad = jess.post(path() + "/match", f);
  ASSERT_EQ(bad.status, 422);
  EXPECT_TRUE(contains(bad.body, "href=\"#relationship\""));
  f.set("relationship", "married");
  ASSERT_EQ(jess.post(path() + "/match", f).status, 303);
  go_to(start + 100);
  change_care({clock_.today(), "", Placement{"A6", "PR1", "Cole", "NR3 1AB", "SC200400"}, "CARPL"});
  go_to(start + 250);
  ASSERT_TRUE(LookedAfterService(*db_, clock_)
                  .end(users_["jess"], child_, version(), clock_.today(), "E12", {"test", ""})
                  .ok());

  ASSERT_EQ(jess.sign_in("jess").status, 303);
  r = jess.get(path());
  ASSERT_EQ(r.status, 200);
  EXPECT_TRUE(contains(r.body, "A woman and a man, married (L11)"));
  EXPECT_TRUE(contains(r.body, "Days from entering care to moving in with the adopters"));
  EXPECT_TRUE(contains(r.body, long_date_text(start + 250)));  // the adoption order
  EXPECT_FALSE(contains(r.body, path() + "/match\""));         // adopted: nothing more to record

  r = api("jess", "GET", api_path() + "/adoption");
  ASSERT_EQ(r.status, 200);
  const json body = json::parse(r.body);
  const json& decision = body["adoption_decisions"][0];
  EXPECT_EQ(decision["decided_on"], (start + 30).iso());
  EXPECT_EQ(decision["placement_order_on"], (start + 60).iso());
  EXPECT_EQ(decision["matched_on"], (start + 90).iso());
  EXPECT_EQ(decision["adopters"]["nb_adoptr"], 2);
  EXPECT_EQ(decision["adopters"]["ls_adoptr"], "L11");
  EXPECT_EQ(decision["placed_on"], (start + 100).iso());
  EXPECT_EQ(decision["by_foster_carers"], false);
  EXPECT_EQ(decision["adopted_on"], (start + 250).iso());
  EXPECT_EQ(body["periods_of_care"][0]["previous_permanence"]["made_ssda903"], "ZZ/06/2024");
  EXPECT_EQ(body["periods_of_care"][0]["reason_ended"], "E12");

  // The read model keeps the same decision and previous permanence.
  const auto casework = PeopleIndex(db_->sql()).casework_of({child_});
  const Permanence& kept = casework.at(child_).permanence;
  ASSERT_EQ(kept.decisions.size(), 1u);
  EXPECT_EQ(kept.decisions[0].decided_on, start + 30);
  EXPECT_EQ(kept.decisions[0].matched_on, start + 90);
  EXPECT_EQ(kept.decisions[0].adopters.legal_status(), "L11");
  ASSERT_EQ(kept.previous.size(), 1u);
  EXPECT_EQ(kept.previous[0].type, "P2");

  // The children-in-care dashboard counts the adoption: 100 days from care to the adopters.
  Browser manager(*site_);
  ASSERT_EQ(manager.sign_in("manager").status, 303);
  r = manager.get("/children-in-care?format=json");
  ASSERT_EQ(r.status, 200);
  const json adoption = json::parse(r.body)["adoption"];
  EXPECT_EQ(adoption["adopted"], 1);
  EXPECT_EQ(adoption["days_to_placed"], 100);
  EXPECT_EQ(adoption["to_be_placed"], 0);

  Browser ana(*site_);
  ASSERT_EQ(ana.sign_in("ana").status, 303);
  EXPECT_EQ(ana.get(path()).status, 403);
  EXPECT_EQ(api("ana", "GET", api_path() + "/adoption").status, 403);
}

TEST_F(AdoptionPagesTest, TheApiNamesTheFieldAtFault) {
  const Date start = clock_.today();
  go_to(start + 20);
  const auto post = [&](const std::string& what, json body) {
    body["expected_version"] = version();
    return api("jess", "POST", api_path() + "/" + what, body);
  };
  const auto field = [](const Response& r) { return json::parse(r.body)["error"]["field"]; };
  Response r = post("previous-permanence", {{"period_id", "1"}, {"type", "Z1"}});
  ASSERT_EQ(r.status, 422);
  EXPECT_EQ(field(r), "period_id");
  r = post("previous-permanence",
           {{"period_id", 1}, {"type", "P1"}, {"local_authority", "926"}, {"made", "2023-13"}});
  EXPECT_EQ(field(r), "made");
  r = post("previous-permanence",
           {{"period_id", 1}, {"type", "P1"}, {"local_authority", "926"}, {"made", "2023"}});
  ASSERT_EQ(r.status, 200) << r.body;
  r = post("adoption-match", {{"on", clock_.today().iso()}, {"adopters", "FF"}, {"relationship", "married"}});
  EXPECT_EQ(field(r), "on");  // no decision yet
  r = post("adoption-decisions", {{"on", "tomorrow"}});
  EXPECT_EQ(field(r), "on");
  r = post("adoption-decisions", {{"on", clock_.today().iso()}, {"colour", "red"}});
  EXPECT_EQ(r.status, 422);
  EXPECT_EQ(field(r), "colour");
  r = post("adoption-decisions", {{"on", clock_.today().iso()}});
  ASSERT_EQ(r.status, 200) << r.body;
  r = post("adoption-match", {{"on", clock_.today().iso()}, {"adopters", "XY"}, {"relationship", "married"}});
  EXPECT_EQ(field(r), "adopters");
  r = post("adoption-decision-ceased", {{"on", clock_.today().iso()}, {"reason", "RD9"}});
  EXPECT_EQ(field(r), "reason");
  r = post("adoption-decision-ceased", {{"on", clock_.today().iso()}, {"reason", "RD3"}});
  ASSERT_EQ(r.status, 200) << r.body;
  r = api("jess", "GET", api_path() + "/adoption");
  const json body = json::parse(r.body);
  EXPECT_EQ(body["adoption_decisions"][0]["ceased_reason"], "RD3");
  EXPECT_EQ(body["periods_of_care"][0]["previous_permanence"]["made_ssda903"], "ZZ/ZZ/2023");
  EXPECT_EQ(api("jess", "DELETE", api_path() + "/adoption").status, 405);
  EXPECT_EQ(api("jess", "GET", api_path() + "/adoption-match").status, 405);
}

}  // namespace
}  // namespace safeguard::web
