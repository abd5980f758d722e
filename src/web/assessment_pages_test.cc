// Assessment pages and API end to end, without a network: a social worker starts the assessment of
// a child allocated to her, records the child seen, writes it up (a missing section stops it going
// to a manager but loses nothing), sends it; the manager returns it, then authorises it; the
// child's record shows the deadline met. The API does the same and reads the deadlines.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "app/auth.h"
#include "support/fixtures.h"
#include "support/test_site.h"

namespace safeguard::web {
namespace {

using nlohmann::json;

class AssessmentPagesTest : public TestSite, public ::testing::Test {
 protected:
  AssessmentPagesTest() {
    users_["frontdoor"] = add_site_user("frontdoor", "front_door_social_worker", "Front door");
    users_["manager"] = add_site_user("manager", "team_manager", "Assessment team north");
    users_["jess"] = add_site_user("jess", "social_worker", "Assessment team north");
    child_ = testing::refer_child(*db_, clock_, users_["frontdoor"], "Ellie");
    testing::allocate_to(*db_, clock_, users_["manager"], child_, "jess");
  }

  std::string path() const { return "/people/" + std::to_string(child_); }

  // The write-up form of `page` filled in and sent for authorisation (no analysis if it is empty).
  static FormData write_up(const std::string& page, const std::string& views, const std::string& analysis,
                           const std::vector<std::string>& factors) {
    FormData f = Browser::hidden_fields(page);
    f.set("child_views", views);
    for (const std::string& factor : factors) f.add("factors", factor);
    f.set("outcome", "cin_plan");
    if (!analysis.empty()) f.set("analysis", analysis);
    f.set("action", "submit");
    return f;
  }

  std::string assessment() const { return path() + "/assessments/1"; }

  int64_t record_version() {
    return json::parse(api("frontdoor", "GET", "/api/v1/people/" + std::to_string(child_)).body)["version"];
  }

  std::map<std::string, User> users_;
  int64_t child_ = 0;
};

TEST_F(AssessmentPagesTest, AWorkerAssessesAndAManagerAuthorises) {
  Browser jess(*site_);
  ASSERT_EQ(jess.sign_in("jess").status, 303);
  Response r = jess.get(path());
  ASSERT_EQ(r.status, 200);
  EXPECT_TRUE(contains(r.body, "Not started"));
  EXPECT_TRUE(contains(r.body, "href=\"" + path() + "/assessments/new\""));
  // The deadline is on the record before the assessment starts.
  EXPECT_TRUE(contains(r.body, "Single assessment authorised"));
  EXPECT_TRUE(contains(r.body, "28 January 2027"));
  EXPECT_TRUE(contains(r.body, "45 working days left"));

  r = jess.get(path() + "/assessments/new");
  ASSERT_EQ(r.status, 200);
  FormData f = Browser::hidden_fields(r.body);
  f.set("started_on-day", "31");
  f.set("started_on-month", "11");
  f.set("started_on-year", "2026");
  Response bad = jess.post(path() + "/assessments/new", f);
  EXPECT_EQ(bad.status, 422);
  EXPECT_TRUE(contains(bad.body, "href=\"#started_on\""));
  f.set("started_on-day", "23");
  Response started = jess.post(path() + "/assessments/new", f);
  ASSERT_EQ(started.status, 303) << started.body;
  std::string location;
  for (const Header& h : started.headers) {
    if (h.name == "Location") location = h.value;
  }
  EXPECT_EQ(location, assessment() + "?done=started");

  r = jess.get("/my-work");
  // The assessment and the case's supervision.
  EXPECT_TRUE(contains(r.body, "2 due or overdue across 1 children allocated to you; 0 overdue."));
  EXPECT_TRUE(contains(r.body, "href=\"" + assessment() + "\">Open assessment"));

  r = jess.get(assessment() + "?done=started");
  ASSERT_EQ(r.status, 200);
  EXPECT_TRUE(contains(r.body, "Assessment started"));
  EXPECT_TRUE(contains(r.body, "The child has not been seen yet."));
  EXPECT_TRUE(contains(r.body, "data-draft-key=\"" + assessment() + "\""));
  f = Browser::hidden_fields(r.body);
  f.set("seen_on-day", "23");
  f.set("seen_on-month", "11");
  f.set("seen_on-year", "2026");
  f.set("alone", "yes");
  Response seen = jess.post(assessment() + "/seen", f);
  ASSERT_EQ(seen.status, 303) << seen.body;
  r = jess.get(assessment());
  EXPECT_TRUE(contains(r.body, "Seen alone"));

  // Written up without the analysis, and sent: refused with what is missing, but saved.
  const std::string views = "Ellie said: \"I <3 Nan's house\".";
  const std::string analysis = "Mum's mental health has declined; Ellie cares for her brother.";
  Response not_ready = jess.post(assessment(), write_up(r.body, views, "", {"4B", "3A"}));
  EXPECT_EQ(not_ready.status, 422);
  EXPECT_TRUE(contains(not_ready.body, "The assessment is not ready for a manager: Write the analysis"));
  EXPECT_TRUE(contains(not_ready.body, "Ellie said: &quot;I &lt;3 Nan&#39;s house&quot;."));
  r = jess.get(assessment());
  EXPECT_TRUE(contains(r.body, "Ellie said: &quot;I &lt;3 Nan&#39;s house&quot;."));  // saved, escaped
  Response sent = jess.post(assessment(), write_up(r.body, views, analysis, {"4B", "3A"}));
  ASSERT_EQ(sent.status, 303) << sent.body;
  r = jess.get(assessment() + "?done=submitted");
  EXPECT_TRUE(contains(r.body, "Assessment sent for authorisation"));
  EXPECT_TRUE(contains(r.body, "With a manager"));
  EXPECT_FALSE(contains(r.body, "Your decision"));  // a social worker does not authorise

  Browser manager(*site_);
  ASSERT_EQ(manager.sign_in("manager").status, 303);
  r = manager.get("/my-work");
  EXPECT_TRUE(contains(r.body, "Assessments awaiting your authorisation (1)"));
  EXPECT_TRUE(contains(r.body, "href=\"" + assessment() + "\""));
  r = manager.get(assessment());
  ASSERT_TRUE(contains(r.body, "Your decision"));
  f = Browser::hidden_fields(r.body);
  Response no_reason = manager.post(assessment() + "/return", f);
  EXPECT_EQ(no_reason.status, 422);
  EXPECT_TRUE(contains(no_reason.body, "href=\"#reason\""));
  f.set("reason", "Add the brother's views.");
  ASSERT_EQ(manager.post(assessment() + "/return", f).status, 303);
  r = jess.get(assessment());
  EXPECT_TRUE(contains(r.body, "Add the brother&#39;s views."));
  EXPECT_TRUE(contains(r.body, "In progress"));
  ASSERT_EQ(
      jess.post(assessment(), write_up(r.body, views + " Tom said he misses Dad.", analysis, {"4B"})).status,
      303);

  r = manager.get(assessment());
  f = Browser::hidden_fields(r.body);
  Response authorised = manager.post(assessment() + "/authorise", f);
  ASSERT_EQ(authorised.status, 303) << authorised.body;
  r = manager.get(assessment() + "?done=authorised");
  EXPECT_TRUE(contains(r.body, "Assessment authorised"));
  EXPECT_TRUE(contains(r.body, "on 23 November 2026 by Test manager"));
  EXPECT_FALSE(contains(r.body, "Your decision"));
  r = jess.get(path());
  EXPECT_TRUE(contains(r.body, "Authorised on 23 November 2026"));
  EXPECT_TRUE(contains(r.body, "Met on time"));
  r = jess.get(path() + "?chronology=significant");
  EXPECT_TRUE(contains(r.body, "<strong>Showing significant events</strong>"));
  EXPECT_TRUE(contains(r.body, "Assessment authorised by Test manager"));
  EXPECT_TRUE(contains(r.body, "Allocated to Test jess"));
  EXPECT_FALSE(contains(r.body, "Person recorded"));  // a detail of the record, not of the journey
  r = manager.get("/my-work");
  EXPECT_TRUE(contains(r.body, "No assessments are waiting for you."));
  EXPECT_FALSE(contains(r.body, "Single assessment authorised"));
  EXPECT_TRUE(contains(r.body, "Case supervision"));
}

TEST_F(AssessmentPagesTest, TheClosurePageSaysWhatIsOpenThenAWorkerProposesAndAManagerCloses) {
  Browser jess(*site_);
  ASSERT_EQ(jess.sign_in("jess").status, 303);
  Response r = jess.get(path() + "/assessments/new");
  FormData f = Browser::hidden_fields(r.body);
  set_date(f, "started_on", clock_.today());
  ASSERT_EQ(jess.post(path() + "/assessments/new", f).status, 303);
  r = jess.get(path());
  EXPECT_TRUE(contains(r.body, "href=\"" + path() + "/close\">Propose closing the episode"));
  r = jess.get(path() + "/close");
  ASSERT_EQ(r.status, 200);
  EXPECT_TRUE(contains(r.body, "The single assessment started on 2026-11-23 is not authorised"));
  EXPECT_FALSE(contains(r.body, "Propose closure"));  // no form until it is finished

  // The assessment done (through the API, as a migration might), the worker proposes.
  int64_t v = record_version();
  const std::string base = "/api/v1/people/" + std::to_string(child_) + "/assessments/1";
  v = json::parse(api("jess", "POST", base + "/seen",
                      {{"expected_version", v}, {"seen_on", "2026-11-23"}, {"alone", true}})
                      .body)["version"];
  v = json::parse(api("jess", "POST", base + "/write-up",
                      {{"expected_version", v},
                       {"child_views", "Fine."},
                       {"factors", {"21"}},
                       {"analysis", "None."},
                       {"outcome", "close_nfa"}})
                      .body)["version"];
  v = json::parse(api("jess", "POST", base + "/submit", {{"expected_version", v}}).body)["version"];
  ASSERT_EQ(api("manager", "POST", base + "/authorise", {{"expected_version", v}}).status, 200);

  r = jess.get(path() + "/close");
  ASSERT_TRUE(contains(r.body, "Propose closure"));
  f = Browser::hidden_fields(r.body);
  set_date(f, "closed_on", clock_.today());
  f.set("reason", "RC8");
  f.set("action", "propose");
  Response bad = jess.post(path() + "/close", f);
  EXPECT_EQ(bad.status, 422);
  EXPECT_TRUE(contains(bad.body, "href=\"#summary\""));
  f.set("summary", "Nothing more is needed; mum & school agree.");
  ASSERT_EQ(jess.post(path() + "/close", f).status, 303);
  EXPECT_TRUE(contains(jess.get(path() + "?done=closure-proposed").body, "Closure proposed"));

  Browser manager(*site_);
  ASSERT_EQ(manager.sign_in("manager").status, 303);
  r = manager.get("/my-work");
  EXPECT_TRUE(contains(r.body, "Closures awaiting your authorisation (1)"));
  r = manager.get(path() + "/close");
  EXPECT_TRUE(contains(r.body, "Nothing more is needed; mum &amp; school agree."));
  f = Browser::hidden_fields(r.body);
  set_date(f, "closed_on", clock_.today());
  f.set("reason", "RC8");
  f.set("action", "close");
  // Closed: the child is no longer anyone's work, so the manager goes back to their own.
  Response closed = manager.post(path() + "/close", f);
  ASSERT_EQ(closed.status, 303);
  r = manager.get("/my-work?done=closed");
  EXPECT_TRUE(contains(r.body, "Children in Need episode closed"));
  EXPECT_TRUE(contains(r.body, "No closures are waiting for you."));
  Browser front(*site_);
  ASSERT_EQ(front.sign_in("frontdoor").status, 303);
  EXPECT_TRUE(contains(front.get(path()).body, "Closed on 23 November 2026"));
  EXPECT_EQ(api("jess", "POST", "/api/v1/people/" + std::to_string(child_) + "/episodes/1/closure",
                {{"expected_version", record_version()}, {"closed_on", "2026-11-23"}, {"reason", "RC8"}})
                .status,
            403);
}

TEST_F(AssessmentPagesTest, TheApiAssessesAndReadsTheDeadlines) {
  const std::string base = "/api/v1/people/" + std::to_string(child_) + "/assessments";
  Response r = api("jess", "GET", "/api/v1/children/" + std::to_string(child_) + "/deadlines");
  ASSERT_EQ(r.status, 200) << r.body;
  json d = json::parse(r.body);
  EXPECT_EQ(d["today"], "2026-11-23");
  // Soonest first: the case's supervision (six weeks), then the assessment.
  ASSERT_EQ(d["deadlines"].size(), 2u);
  EXPECT_EQ(d["deadlines"][0]["kind"], "supervision");
  EXPECT_EQ(d["deadlines"][0]["due"], "2027-01-04");
  EXPECT_EQ(d["deadlines"][1]["kind"], "assessment");
  EXPECT_EQ(d["deadlines"][1]["due"], "2027-01-28");
  EXPECT_EQ(d["deadlines"][1]["state"], "due");
  EXPECT_EQ(d["deadlines"][1]["working_days"], 45);

  // Bad input: the field is named and nothing changes.
  const int64_t before = record_version();
  r = api("jess", "POST", base, {{"expected_version", before}});
  EXPECT_EQ(r.status, 422);
  EXPECT_EQ(json::parse(r.body)["error"]["field"], "started_on");
  r = api("jess", "POST", base,
          {{"expected_version", before}, {"started_on", "2026-11-23"}, {"colour", "red"}});
  EXPECT_EQ(r.status, 422);
  EXPECT_EQ(record_version(), before);
  r = api("frontdoor", "POST", base, {{"expected_version", before}, {"started_on", "2026-11-23"}});
  EXPECT_EQ(r.status, 403);

  r = api("jess", "POST", base, {{"expected_version", before}, {"started_on", "2026-11-23"}});
  ASSERT_EQ(r.status, 200) << r.body;
  int64_t v = json::parse(r.body)["version"];
  r = api("jess", "POST", base + "/1/seen", {{"expected_version", v}, {"seen_on", "2026-11-23"}});
  EXPECT_EQ(json::parse(r.body)["error"]["field"], "alone");
  r = api("jess", "POST", base + "/1/seen",
          {{"expected_version", v}, {"seen_on", "2026-11-23"}, {"alone", false}});
  ASSERT_EQ(r.status, 200) << r.body;
  v = json::parse(r.body)["version"];
  r = api("jess", "POST", base + "/1/write-up", {{"expected_version", v}, {"factors", "4B"}});
  EXPECT_EQ(json::parse(r.body)["error"]["field"], "factors");
  r = api("jess", "POST", base + "/1/write-up",
          {{"expected_version", v},
           {"child_views", "Ellie wants to stay at school."},
           {"factors", {"21"}},
           {"analysis", "No factors: the concern was a misunderstanding."},
           {"outcome", "close_nfa"}});
  ASSERT_EQ(r.status, 200) << r.body;
  v = json::parse(r.body)["version"];
  r = api("jess", "POST", base + "/1/submit", {{"expected_version", v}});
  ASSERT_EQ(r.status, 200) << r.body;
  v = json::parse(r.body)["version"];
  r = api("manager", "POST", base + "/1/authorise",
          {{"expected_version", v}, {"authorised_on", "2026-11-20"}});
  EXPECT_EQ(r.status, 422);
  EXPECT_TRUE(contains(json::parse(r.body)["error"]["message"], "cannot be authorised before it starts"));
  r = api("manager", "POST", base + "/1/authorise", {{"expected_version", v}});
  ASSERT_EQ(r.status, 200) << r.body;

  json record = json::parse(api("jess", "GET", "/api/v1/people/" + std::to_string(child_)).body);
  ASSERT_EQ(record["assessments"].size(), 1u);
  EXPECT_EQ(record["assessments"][0]["authorised_on"], "2026-11-23");
  EXPECT_EQ(record["assessments"][0]["outcome"], "close_nfa");
  EXPECT_EQ(record["assessments"][0]["seen"][0]["alone"], false);
  EXPECT_EQ(record["deadlines"][1]["kind"], "assessment");
  EXPECT_EQ(record["deadlines"][1]["state"], "met on time");
  EXPECT_EQ(record["deadlines"][1]["item_id"], 1);
  EXPECT_EQ(
      api("jess", "POST", "/api/v1/children/" + std::to_string(child_) + "/deadlines", json::object()).status,
      405);
  EXPECT_EQ(api("jess", "GET", "/api/v1/children/999999/deadlines").status, 404);
}

TEST_F(AssessmentPagesTest, TheApiGivesMyWorkAndAManagersAllocationOverview) {
  json work = json::parse(api("jess", "GET", "/api/v1/my-work").body);
  EXPECT_EQ(work["children"], 1);
  ASSERT_EQ(work["due"].size(), 2u);
  EXPECT_EQ(work["due"][0]["kind"], "supervision");
  EXPECT_EQ(work["due"][1]["kind"], "assessment");
  EXPECT_EQ(work["due"][1]["child"]["id"], child_);
  EXPECT_EQ(work["due"][1]["held_by"], "Test jess");
  EXPECT_TRUE(work["assessments_awaiting_authorisation"].empty());
  EXPECT_EQ(api("frontdoor", "GET", "/api/v1/my-work").status, 403);  // holds no cases
  EXPECT_EQ(api("jess", "POST", "/api/v1/my-work", json::object()).status, 405);

  json overview = json::parse(api("manager", "GET", "/api/v1/allocation").body);
  EXPECT_EQ(overview["open_children"], 1);
  EXPECT_TRUE(overview["unallocated"].empty());
  bool jess_listed = false;
  for (const json& w : overview["workers"])
    jess_listed |=
        w["worker"] == "jess" && w["caseload"]["children"] == 1 && w["caseload"]["weighted"] == 1.0;
  EXPECT_TRUE(jess_listed) << overview.dump();
  EXPECT_EQ(api("jess", "GET", "/api/v1/allocation").status, 403);
}

}  // namespace
}  // namespace safeguard::web
