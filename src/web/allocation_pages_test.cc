// The allocation pages end to end, without a network: a team manager finds a referred child on the
// unallocated list, allocates them through the form (errors by field, nothing written on a bad
// form), and the social worker then opens the child's record as their own work.
#include <gtest/gtest.h>

#include "app/auth.h"
#include "store/allocation_read_model.h"
#include "support/fixtures.h"
#include "support/test_site.h"

namespace safeguard::web {
namespace {

class AllocationPagesTest : public TestSite, public ::testing::Test {
 protected:
  AllocationPagesTest() {
    users_["frontdoor"] = add_site_user("frontdoor", "front_door_social_worker", "Front door");
    users_["manager"] = add_site_user("manager", "team_manager", "Assessment team north");
    users_["jess"] = add_site_user("jess", "social_worker", "Assessment team north");
    users_["sam"] = add_site_user("sam", "social_worker", "Assessment team south");
    child_ = testing::refer_child(*db_, clock_, users_["frontdoor"], "Ellie");
  }

  // The allocation form as a manager fills it in.
  FormData allocation_form(const std::string& page, const std::string& worker, const std::string& reason) {
    FormData f = Browser::hidden_fields(page);
    f.set("worker", worker);
    f.set("from-day", "23");
    f.set("from-month", "11");
    f.set("from-year", "2026");
    f.set("reason", reason);
    return f;
  }

  std::string person_path() const { return "/people/" + std::to_string(child_); }

  std::map<std::string, User> users_;
  int64_t child_ = 0;
};

TEST_F(AllocationPagesTest, AManagerAllocatesAnUnallocatedChildAndTheWorkerSeesThem) {
  Browser manager(*site_);
  ASSERT_EQ(manager.sign_in("manager").status, 303);
  Response r = manager.get("/allocation");
  ASSERT_EQ(r.status, 200);
  EXPECT_TRUE(contains(r.body, "href=\"/allocation\""));  // in the navigation
  EXPECT_TRUE(
      contains(r.body, "1 children are open to children's social care; 1 has no allocated social worker."));
  EXPECT_TRUE(contains(r.body, "Ellie Fielding"));
  EXPECT_TRUE(contains(r.body, "href=\"" + person_path() + "/allocate\""));

  r = manager.get(person_path() + "/allocate");
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_TRUE(contains(r.body, "Test jess (Assessment team north, 0 children)"));
  // A bad form: errors by field, and nothing written.
  Response bad = manager.post(person_path() + "/allocate", allocation_form(r.body, "jess", ""));
  EXPECT_EQ(bad.status, 422);
  EXPECT_TRUE(contains(bad.body, "href=\"#reason\""));
  EXPECT_TRUE(AllocationIndex(db_->sql()).allocations_of(child_).empty());

  Response saved = manager.post(person_path() + "/allocate", allocation_form(r.body, "jess", "FCONTA"));
  ASSERT_EQ(saved.status, 303) << saved.body;
  r = manager.get(person_path() + "?done=allocated");
  EXPECT_TRUE(contains(r.body, "Social worker allocated"));
  EXPECT_TRUE(contains(r.body, "Test jess (Assessment team north), since 23 November 2026"));
  EXPECT_TRUE(contains(r.body, "Change social worker"));
  r = manager.get("/allocation");
  EXPECT_TRUE(contains(r.body, "Every open child has an allocated social worker."));

  // Jess opens Ellie's record as her own work: no reason asked for. Sam, in another team, is asked.
  Browser jess(*site_);
  ASSERT_EQ(jess.sign_in("jess").status, 303);
  r = jess.get("/");
  EXPECT_TRUE(contains(r.body, "Your children (1)"));
  EXPECT_TRUE(contains(r.body, "href=\"" + person_path() + "\""));
  r = jess.get(person_path());
  EXPECT_EQ(r.status, 200);
  EXPECT_TRUE(contains(r.body, "data-testid=\"person-name\""));
  Browser sam(*site_);
  ASSERT_EQ(sam.sign_in("sam").status, 303);
  r = sam.get(person_path());
  EXPECT_FALSE(contains(r.body, "data-testid=\"person-name\""));
  EXPECT_TRUE(contains(r.body, "Say why you need to see their record"));
}

TEST_F(AllocationPagesTest, OnlyManagersAllocate) {
  Browser jess(*site_);
  ASSERT_EQ(jess.sign_in("jess").status, 303);
  Response r = jess.get("/allocation");
  EXPECT_EQ(r.status, 403);
  EXPECT_FALSE(contains(r.body, "href=\"/allocation\""));
  r = jess.get(person_path() + "/allocate");
  EXPECT_FALSE(contains(r.body, "Allocate a social worker"));
  EXPECT_TRUE(AllocationIndex(db_->sql()).allocations_of(child_).empty());
}

// The same through the JSON API, as a migration or another system would.
TEST_F(AllocationPagesTest, TheApiAllocatesAndShowsAllocations) {
  const std::string token = AuthService(*db_, clock_).create_token("test", "manager", "").value();
  const auto call = [&](const std::string& method, const std::string& path, const std::string& body) {
    Request r;
    r.method = method;
    r.path = path;
    r.target = path;
    r.body = body;
    r.remote_address = "127.0.0.1";
    if (!body.empty()) r.headers.push_back({"Content-Type", "application/json"});
    r.headers.push_back({"Authorization", "Bearer " + token});
    return site_->handle(r);
  };
  const std::string path = "/api/v1" + person_path();
  Response r = call("GET", path, "");
  ASSERT_EQ(r.status, 200) << r.body;
  nlohmann::json record = nlohmann::json::parse(r.body);
  ASSERT_EQ(record["episodes"].size(), 1u);
  EXPECT_TRUE(record["episodes"][0]["closed_on"].is_null());
  EXPECT_TRUE(record["allocations"].empty());
  const int64_t version = record["version"];
  const auto body = [&](const std::string& reason, const std::string& from) {
    return nlohmann::json{
        {"expected_version", version}, {"worker", "jess"}, {"from", from}, {"reason", reason}}
        .dump();
  };
  r = call("POST", path + "/allocations", body("NOTACODE", "2026-11-23"));
  EXPECT_EQ(r.status, 422);
  EXPECT_EQ(nlohmann::json::parse(r.body)["error"]["field"], "reason");
  r = call("POST", path + "/allocations", body("FCONTA", "23/11/2026"));
  EXPECT_EQ(r.status, 422);
  EXPECT_EQ(nlohmann::json::parse(r.body)["error"]["field"], "from");
  r = call("POST", path + "/allocations", body("FCONTA", "2026-11-23"));
  ASSERT_EQ(r.status, 200) << r.body;
  record = nlohmann::json::parse(call("GET", path, "").body);
  ASSERT_EQ(record["allocations"].size(), 1u);
  EXPECT_EQ(record["allocations"][0]["worker"], "jess");
  EXPECT_EQ(record["allocations"][0]["from"], "2026-11-23");
  EXPECT_EQ(record["allocations"][0]["reason"], "FCONTA");
  EXPECT_TRUE(record["allocations"][0]["to"].is_null());
}

}  // namespace
}  // namespace safeguard::web
