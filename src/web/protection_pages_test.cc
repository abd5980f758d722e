// Child protection pages and API end to end, without a network: a social worker records a strategy
// discussion (an agency left out is shown at its row and loses nothing), concludes the enquiry, and
// records the initial conference, which starts a plan; she writes its actions (a manager cannot
// authorise them until each says who, by when and what it changes for the child); a core group and a
// review conference follow; a manager ends the plan. The API records a child in need plan the same way
// and names the field at fault; the record and the deadlines read back what was recorded.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "app/auth.h"
#include "app/drafts.h"
#include "rules/child_deadlines.h"
#include "store/people_read_model.h"
#include "support/fixtures.h"
#include "support/read_model_checks.h"
#include "support/test_site.h"

namespace safeguard::web {
namespace {

using nlohmann::json;

class ProtectionPagesTest : public TestSite, public ::testing::Test {
 protected:
  ProtectionPagesTest() {
    users_["frontdoor"] = add_site_user("frontdoor", "front_door_social_worker", "Front door");
    users_["manager"] = add_site_user("manager", "team_manager", "Assessment team north");
    users_["jess"] = add_site_user("jess", "social_worker", "Assessment team north");
    child_ = testing::refer_child(*db_, clock_, users_["frontdoor"], "Ellie");
    testing::allocate_to(*db_, clock_, users_["manager"], child_, "jess");
  }

  std::string path() const { return "/people/" + std::to_string(child_); }

  // "My work" reads the read models, not the record: it must get the same deadlines.
  void expect_read_model_agrees() {
    auto full = PeopleService(*db_, clock_).open(users_["manager"], child_, {"test", ""});
    ASSERT_TRUE(full.ok());
    const auto casework = PeopleIndex(db_->sql()).casework_of({child_});
    testing::expect_same_deadlines(
        child_deadlines(casework.at(child_), clock_.today(), WorkingDayCalendar(), CaseworkTimescales()),
        full->deadlines);
  }
  json record() { return json::parse(api("jess", "GET", "/api/v1/people/" + std::to_string(child_)).body); }

  std::map<std::string, User> users_;
  int64_t child_ = 0;
};

TEST_F(ProtectionPagesTest, StrategyDiscussionToConferenceToPlan) {
  const Date today = clock_.today();  // Monday 23 November 2026
  Browser jess(*site_);
  ASSERT_EQ(jess.sign_in("jess").status, 303);
  Response r = jess.get(path());
  EXPECT_TRUE(contains(r.body, "href=\"" + path() + "/protection\""));
  r = jess.get(path() + "/strategy-discussions/new");
  ASSERT_EQ(r.status, 200);
  EXPECT_TRUE(contains(r.body, "data-draft-key=\"" + path() + "/strategy-discussions/new\""));
  FormData f = Browser::hidden_fields(r.body);
  set_day(f, "held_on", today);
  f.set("attendee_name_1", "Jess Social");
  f.set("attendee_agency_1", "social_care");
  f.set("attendee_name_3", "DC Amir Khan");  // row 2 left empty; row 3 has no agency
  f.set("decision", "section_47");
  f.set("reasons", "Bruises to the face seen at school; the explanation does not fit.");
  Response bad = jess.post(path() + "/strategy-discussions/new", f);
  ASSERT_EQ(bad.status, 422);
  EXPECT_TRUE(contains(bad.body, "href=\"#attendee_agency_3\""));
  EXPECT_TRUE(contains(bad.body, "Bruises to the face seen at school"));  // nothing lost
  f.set("attendee_agency_3", "police");
  Response held = jess.post(path() + "/strategy-discussions/new", f);
  ASSERT_EQ(held.status, 303) << held.body;
  EXPECT_EQ(location(held), path() + "/enquiries/1?done=discussion");

  r = jess.get(path() + "/enquiries/1");
  ASSERT_EQ(r.status, 200);
  EXPECT_TRUE(contains(r.body, "Initial child protection conference"));
  EXPECT_TRUE(contains(r.body, "14 December 2026"));  // 15 working days after the discussion
  f = Browser::hidden_fields(r.body);
  set_day(f, "concluded_on", today);
  f.set("outcome", "conference");
  f.set("findings", "Injuries consistent with a blow; a conference is needed.");
  ASSERT_EQ(jess.post(path() + "/enquiries/1/conclude", f).status, 303);

  // A week later, the conference.
  clock_.advance_seconds(7 * 86400);
  ASSERT_EQ(jess.sign_in("jess").status, 303);
  r = jess.get(path() + "/enquiries/1");
  f = Browser::hidden_fields(r.body);
  set_day(f, "held_on", today + 7);
  f.set("chair", "Chris Chair");
  f.set("plan", "yes");
  bad = jess.post(path() + "/enquiries/1/conference", f);
  ASSERT_EQ(bad.status, 422);
  EXPECT_TRUE(contains(bad.body, "Choose the category of abuse"));
  f.set("category", "PHY");
  Response conference = jess.post(path() + "/enquiries/1/conference", f);
  ASSERT_EQ(conference.status, 303) << conference.body;
  EXPECT_EQ(location(conference), path() + "/plans/1?done=conference");

  // The plan: actions written as a draft; the first attempt leaves out who and by when.
  r = jess.get(path() + "/plans/1");
  ASSERT_EQ(r.status, 200);
  EXPECT_TRUE(contains(r.body, "First core group meeting"));
  EXPECT_TRUE(contains(r.body, "14 December 2026"));  // 10 working days after the conference
  EXPECT_TRUE(contains(r.body, "Physical abuse"));
  f = Browser::hidden_fields(r.body);
  f.set("action_what_1", "Ellie sees the school nurse each week");
  f.set("action_outcome_for_child_1", "Ellie has someone safe to tell at school");
  Response saved = jess.post(path() + "/plans/1", f);
  ASSERT_EQ(saved.status, 303) << saved.body.substr(saved.body.find("govuk-error-summary"), 600);

  Browser manager(*site_);
  ASSERT_EQ(manager.sign_in("manager").status, 303);
  r = manager.get("/my-work");
  EXPECT_TRUE(contains(r.body, "Plans awaiting your authorisation (1)"));
  EXPECT_TRUE(contains(r.body, "href=\"" + path() + "/plans/1\""));
  r = manager.get(path() + "/plans/1");
  EXPECT_TRUE(contains(r.body, "Action 1: say who is responsible"));
  f = Browser::hidden_fields(r.body);
  bad = manager.post(path() + "/plans/1/authorise", f);
  EXPECT_EQ(bad.status, 422);
  EXPECT_TRUE(contains(bad.body, "The plan cannot be made final yet"));

  r = jess.get(path() + "/plans/1");
  f = Browser::hidden_fields(r.body);
  f.set("action_what_1", "Ellie sees the school nurse each week");
  f.set("action_outcome_for_child_1", "Ellie has someone safe to tell at school");
  f.set("action_who_1", "School nurse");
  set_day(f, "action_by_1", today + 60);
  f.set("action_what_2", "Parenting assessment");
  f.set("action_who_2", "Family support");
  f.set("action_by_2-day", "31");
  f.set("action_by_2-month", "2");
  f.set("action_by_2-year", "2027");
  bad = jess.post(path() + "/plans/1", f);
  ASSERT_EQ(bad.status, 422);
  EXPECT_TRUE(contains(bad.body, "Parenting assessment"));  // kept
  set_day(f, "action_by_2", today + 30);
  f.set("action_outcome_for_child_2", "Ellie's parents manage her behaviour without hitting");
  ASSERT_EQ(jess.post(path() + "/plans/1", f).status, 303);
  r = manager.get(path() + "/plans/1");
  f = Browser::hidden_fields(r.body);
  ASSERT_EQ(manager.post(path() + "/plans/1/authorise", f).status, 303);
  r = manager.get(path() + "/plans/1");
  EXPECT_TRUE(contains(r.body, "authorised by"));
  EXPECT_TRUE(
      json::parse(api("manager", "GET", "/api/v1/my-work").body)["plans_awaiting_authorisation"].empty());
  // Jess's caseload: one child, on a child protection plan, weighted one and a half.
  const json overview = json::parse(api("manager", "GET", "/api/v1/allocation").body);
  for (const json& w : overview["workers"]) {
    if (w["worker"] == "jess") {
      EXPECT_EQ(w["caseload"]["on_protection_plans"], 1);
      EXPECT_EQ(w["caseload"]["weighted"], 1.5);
    }
  }
  EXPECT_TRUE(contains(manager.get("/allocation").body, "<td class=\"govuk-table__cell\">1.5</td>"));

  // The core group meets; a review conference three months on ends the plan.
  r = jess.get(path() + "/plans/1");
  f = Browser::hidden_fields(r.body);
  set_day(f, "core_group_on", today + 7);
  // Actions she is still typing (a draft) outlive the core group recorded from the same page.
  DraftService drafts(*db_, clock_);
  ASSERT_TRUE(drafts.save(users_["jess"].id, path() + "/plans/1", "action_what_3=Half-typed").ok());
  ASSERT_EQ(jess.post(path() + "/plans/1/core-group", f).status, 303);
  EXPECT_TRUE(drafts.load(users_["jess"].id, path() + "/plans/1").has_value());
  drafts.discard(users_["jess"].id, path() + "/plans/1");
  json deadlines = json::parse(
      api("jess", "GET", "/api/v1/children/" + std::to_string(child_) + "/deadlines").body)["deadlines"];
  std::map<std::string, std::string> states;
  for (const json& d : deadlines) states[d["kind"]] = d["state"];
  EXPECT_EQ(states["icpc"], "met on time");
  EXPECT_EQ(states["core_group"], "met on time");
  EXPECT_EQ(states["review_conference"], "due");

  clock_.advance_seconds(84 * 86400);  // Monday 22 February 2027
  ASSERT_EQ(jess.sign_in("jess").status, 303);
  r = jess.get(path() + "/plans/1");
  f = Browser::hidden_fields(r.body);
  set_day(f, "held_on", today + 91);
  f.set("chair", "Chris Chair");
  f.set("latest_category", "EMO");
  f.set("progress_1", "Ellie sees the nurse and has talked to her.");
  f.set("ends_plan", "yes");
  f.set("end_reason", "stepped_down");
  ASSERT_EQ(jess.post(path() + "/plans/1/review", f).status, 303);
  const json plan = record()["plans"][0];
  EXPECT_EQ(plan["type"], "child_protection");
  EXPECT_EQ(plan["initial_category"], "PHY");
  EXPECT_EQ(plan["latest_category"], "EMO");
  EXPECT_EQ(plan["ended_on"], (today + 91).iso());
  EXPECT_EQ(plan["actions"][0]["progress"][0]["text"], "Ellie sees the nurse and has talked to her.");
  EXPECT_EQ(plan["finalised_by"], "Test manager");
  r = jess.get(path() + "/protection");
  EXPECT_TRUE(contains(r.body, "Stepped down to a child in need plan"));
  expect_read_model_agrees();
}

TEST_F(ProtectionPagesTest, TheApiRecordsAChildInNeedPlanAndNamesTheFieldAtFault) {
  const std::string base = "/api/v1/people/" + std::to_string(child_);
  const Date today = clock_.today();
  int64_t version = record()["version"];
  Response r =
      api("jess", "POST", base + "/plans", {{"expected_version", version}, {"started_on", "2026-13-01"}});
  EXPECT_EQ(r.status, 422);
  EXPECT_EQ(json::parse(r.body)["error"]["field"], "started_on");
  r = api("jess", "POST", base + "/plans", {{"expected_version", version}, {"started_on", today.iso()}});
  ASSERT_EQ(r.status, 200) << r.body;
  version = json::parse(r.body)["version"];
  const json actions = {{{"what", "Attend the young carers group"},
                         {"who", "Young carers service"},
                         {"by", (today + 30).iso()},
                         {"outcome_for_child", "Ellie has time with friends her age"}},
                        {{"what", ""}}};
  r = api("jess", "POST", base + "/plans/1/actions", {{"expected_version", version}, {"actions", actions}});
  EXPECT_EQ(r.status, 422);
  EXPECT_EQ(json::parse(r.body)["error"]["field"], "actions[1].what");
  EXPECT_EQ(record()["version"], version);  // nothing changed
  r = api("jess", "POST", base + "/plans/1/actions",
          {{"expected_version", version}, {"actions", json::array({actions[0]})}});
  ASSERT_EQ(r.status, 200) << r.body;
  version = json::parse(r.body)["version"];
  r = api("jess", "POST", base + "/plans/1/authorise", {{"expected_version", version}});
  EXPECT_EQ(r.status, 403);
  r = api("manager", "POST", base + "/plans/1/authorise", {{"expected_version", version}});
  ASSERT_EQ(r.status, 200) << r.body;
  version = json::parse(r.body)["version"];
  r = api("jess", "POST", base + "/plans/1/core-groups",
          {{"expected_version", version}, {"held_on", today.iso()}});
  EXPECT_EQ(r.status, 422);
  EXPECT_TRUE(
      contains(json::parse(r.body)["error"]["message"], "Core groups meet for a child protection plan"));
  r = api("jess", "POST", base + "/strategy-discussions",
          {{"expected_version", version},
           {"held_on", today.iso()},
           {"attendees", {{{"name", "Jess"}, {"agency", "social_care"}}, {{"name", "DC Khan"}}}},
           {"decision", "section_47"},
           {"reasons", "A disclosure at school."}});
  EXPECT_EQ(r.status, 422);
  EXPECT_EQ(json::parse(r.body)["error"]["field"], "attendees[1].agency");
  const json plan = record()["plans"][0];
  EXPECT_EQ(plan["type"], "child_in_need");
  EXPECT_EQ(plan["finalised_by"], "Test manager");
  std::string review_due;
  const json now = record();
  for (const json& d : now["deadlines"]) {
    if (d["kind"] == "cin_plan_review") review_due = d["due"].get<std::string>();
  }
  EXPECT_EQ(review_due, add_months(today, 3).iso());
}

TEST_F(ProtectionPagesTest, VisitsAndSupervisionAreRecordedAndTheirClocksMove) {
  const Date today = clock_.today();
  const std::string base = "/api/v1/people/" + std::to_string(child_);
  int64_t version = record()["version"];
  ASSERT_EQ(api("jess", "POST", base + "/plans", {{"expected_version", version}, {"started_on", today.iso()}})
                .status,
            200);
  Browser jess(*site_);
  ASSERT_EQ(jess.sign_in("jess").status, 303);
  Response r = jess.get("/my-work");
  EXPECT_TRUE(contains(r.body, "href=\"" + path() + "/visits/new\""));
  r = jess.get(path() + "/visits/new");
  ASSERT_EQ(r.status, 200);
  EXPECT_TRUE(contains(r.body, "data-draft-key=\"" + path() + "/visits/new\""));
  FormData f = Browser::hidden_fields(r.body);
  set_day(f, "on", today);
  f.set("seen", "alone");
  f.set("observations", "Ellie showed me her room; it was tidy and warm.");
  Response bad = jess.post(path() + "/visits/new", f);
  ASSERT_EQ(bad.status, 422);
  EXPECT_TRUE(contains(bad.body, "href=\"#child_said\""));
  EXPECT_TRUE(contains(bad.body, "it was tidy and warm"));
  f.set("child_said", "I want to stay at this school.");
  ASSERT_EQ(jess.post(path() + "/visits/new", f).status, 303);
  r = jess.get(path() + "/visits");
  EXPECT_TRUE(contains(r.body, "I want to stay at this school."));
  EXPECT_TRUE(contains(r.body, "Seen alone"));
  // The next visit is due 20 working days after this one (a child in need plan).
  const Date next_visit = WorkingDayCalendar().add_working_days(today, 20);
  EXPECT_TRUE(contains(r.body, long_date_text(next_visit)));

  // Supervision is for managers; its next due date may not be later than the council's interval.
  EXPECT_EQ(jess.get(path() + "/supervision/new").status, 403);
  version = record()["version"];
  r = api("manager", "POST", base + "/supervisions",
          {{"expected_version", version},
           {"on", today.iso()},
           {"discussion", "Progress at school."},
           {"decisions", "Continue the plan."},
           {"next_due", (today + 50).iso()}});
  EXPECT_EQ(r.status, 422);
  EXPECT_EQ(json::parse(r.body)["error"]["field"], "next_due");
  Browser manager(*site_);
  ASSERT_EQ(manager.sign_in("manager").status, 303);
  r = manager.get(path() + "/supervision/new");
  ASSERT_EQ(r.status, 200);
  f = Browser::hidden_fields(r.body);
  set_day(f, "on", today);
  f.set("discussion", "Progress at school; Ellie's views on contact.");
  f.set("decisions", "Continue the plan.");
  ASSERT_EQ(manager.post(path() + "/supervision/new", f).status, 303);
  const json now = record();
  EXPECT_EQ(now["supervisions"][0]["by"], "Test manager");
  EXPECT_EQ(now["visits"][0]["child_said"], "I want to stay at this school.");
  std::map<std::string, std::string> due;
  for (const json& d : now["deadlines"]) {
    if (d["state"] == "due") due[d["kind"].get<std::string>()] = d["due"].get<std::string>();
  }
  EXPECT_EQ(due["visit"], next_visit.iso());
  EXPECT_EQ(due["supervision"], (today + 42).iso());  // six weeks
  expect_read_model_agrees();
}

}  // namespace
}  // namespace safeguard::web
