// The front door's JSON API end to end, without a network: a partner system records contacts (new
// and existing children, likely matches first), the decision deadline over Christmas, decisions and
// their authorisation by another manager, the queue and its filters, MASH enquiries answered by a
// police system, partner isolation, bad input naming the field and writing nothing, the dashboard.
#include <gtest/gtest.h>

#include <map>
#include <nlohmann/json.hpp>
#include <random>
#include <string>
#include <vector>

#include "app/auth.h"
#include "store/contact_read_model.h"
#include "store/people_read_model.h"
#include "store/read_models.h"
#include "support/fixtures.h"
#include "support/test_databases.h"
#include "web/site.h"

namespace safeguard::web {
namespace {

using nlohmann::json;
using testing::add_test_user;

std::string header(const Response& r, const std::string& name) {
  for (const Header& h : r.headers) {
    if (h.name == name) return h.value;
  }
  return "";
}

json json_of(const Response& r) {
  try {
    return json::parse(r.body);
  } catch (const json::exception&) {
    ADD_FAILURE() << "not JSON: " << r.body;
    return json::object();
  }
}

std::string id_text(const json& id) { return std::to_string(id.get<int64_t>()); }

// A site over a fresh database of one backend, with a user (and an API token) of each role the
// front door involves.
class FrontDoorApiFixture {
 protected:
  explicit FrontDoorApiFixture(const std::string& backend)
      : test_db_(backend), clock_(testing::test_now()), pool_(test_db_.location(), test_db_.schema()) {}

  void set_up() {
    db_ = test_db_.open();
    SiteOptions options;
    options.secure_cookies = false;
    site_ = std::make_unique<Site>(pool_, clock_, options);
    add_test_user(*db_, Role::kFrontDoorSocialWorker, "frontdoor", "Front door");
    add_test_user(*db_, Role::kFrontDoorSocialWorker, "frontdoor2", "Locality");
    add_test_user(*db_, Role::kTeamManager, "manager", "Front door");
    add_test_user(*db_, Role::kTeamManager, "manager2", "Front door");
    add_test_user(*db_, Role::kMashPartner, "police");  // agency police
    const User health = add_test_user(*db_, Role::kMashPartner, "health");
    db_->sql().execute("UPDATE users SET agency = 'health' WHERE user_id = ?", {sql_int(health.id)});
    add_test_user(*db_, Role::kSocialWorker, "worker");
    AuthService auth(*db_, clock_);
    for (const char* name :
         {"frontdoor", "frontdoor2", "manager", "manager2", "police", "health", "worker"}) {
      tokens_[name] = *auth.create_token("test", name, "tests");
    }
  }

  Response call(const std::string& user, const std::string& method, const std::string& target,
                const std::string& body = "", const std::string& content_type = "application/json") {
    Request r;
    r.method = method;
    r.target = target;
    const size_t q = target.find('?');
    r.path = target.substr(0, q);
    r.query = q == std::string::npos ? "" : target.substr(q + 1);
    r.body = body;
    r.remote_address = "127.0.0.1";
    r.headers.push_back({"Authorization", "Bearer " + tokens_.at(user)});
    if (method == "POST") r.headers.push_back({"Content-Type", content_type});
    return site_->handle(r);
  }
  Response post(const std::string& user, const std::string& target, const json& body) {
    return call(user, "POST", target, body.dump());
  }
  Response post_text(const std::string& user, const std::string& target, const std::string& body) {
    return call(user, "POST", target, body);
  }
  Response get(const std::string& user, const std::string& target) { return call(user, "GET", target); }

  int64_t existing_person(const std::string& forename, const std::string& surname, const std::string& born) {
    PeopleService people(*db_, clock_);
    const User user = *AuthService(*db_, clock_).authenticate_token(tokens_.at("frontdoor"));
    return testing::create_person(people, user, testing::new_person(forename, surname, born));
  }

  // A contact from a school about `children`, received an hour ago.
  json contact_body(json children, const std::string& source = "2A") {
    return json{
        {"received_at", clock_.now().plus_seconds(-3600).iso()},
        {"source", source},
        {"referrer",
         {{"name", "Ms Head"},
          {"relationship", "Head teacher, Park Primary"},
          {"phone", "01603 000000"},
          {"email", "head@example.org"}}},
        {"children", children},
        {"concerns", "Ellie came to school with bruises on her arm and said she was scared to go home."},
        {"factors", {"18C"}},
        {"consent", "not_sought"},
        {"lawful_basis", "safeguarding"},
        {"urgency", "amber"}};
  }

  int64_t record(json body, const std::string& user = "frontdoor") {
    const Response r = post(user, "/api/v1/contacts", body);
    EXPECT_EQ(r.status, 201) << r.body;
    return json_of(r).value("id", int64_t{0});
  }

  json contact(int64_t id, const std::string& user = "frontdoor") {
    const Response r = get(user, "/api/v1/contacts/" + std::to_string(id));
    EXPECT_EQ(r.status, 200) << r.body;
    return json_of(r);
  }

  static const json& child_in(const json& contact, int64_t person_id) {
    for (const json& c : contact["children"]) {
      if (c["id"] == person_id) return c;
    }
    static const json kNone = json::object();
    ADD_FAILURE() << "child " << person_id << " is not on the contact";
    return kNone;
  }

  int64_t contacts_count() { return ContactIndex(db_->sql()).count(); }
  int64_t people_count() { return PeopleIndex(db_->sql()).count(); }

  testing::TestDatabase test_db_;
  std::unique_ptr<Database> db_;
  FixedClock clock_;
  DatabasePool pool_;
  std::unique_ptr<Site> site_;
  std::map<std::string, std::string> tokens_;
};

class FrontDoorApiTest : public FrontDoorApiFixture, public ::testing::Test {
 protected:
  FrontDoorApiTest() : FrontDoorApiFixture("sqlite") { set_up(); }
};

TEST_F(FrontDoorApiTest, RecordsAContactForAnExistingChildAndANewOne) {
  const int64_t ellie = existing_person("Ellie", "Fielding", "2016-06-30");
  json body = contact_body(
      {{{"details",
         {{"surname", "Fielding"}, {"expected_date_of_birth", (clock_.today() + 60).iso()}, {"sex", "U"}}}},
       {{"id", ellie}}});
  body["adults"] = {
      {{"details",
        {{"forename", "Amy"}, {"surname", "Fielding"}, {"date_of_birth", "1990-04-02"}, {"sex", "F"}}},
       {"address", {{"line1", "1 Mill Lane"}, {"town", "Aylsham"}, {"postcode", "NR11 6AB"}}}}};
  Response r = post("frontdoor", "/api/v1/contacts", body);
  ASSERT_EQ(r.status, 201) << r.body;
  const json created = json_of(r);
  const int64_t id = created["id"];
  EXPECT_EQ(header(r, "Location"), "/api/v1/contacts/" + std::to_string(id));
  EXPECT_EQ(created["href"], "/api/v1/contacts/" + std::to_string(id));
  EXPECT_EQ(created["version"], 1);
  EXPECT_EQ(created["decision_due"], "2026-11-24");
  // Children's IDs come back in the order they were sent: the new baby first, then Ellie.
  ASSERT_EQ(created["children"].size(), 2u);
  EXPECT_EQ(created["children"][1], ellie);
  const int64_t baby = created["children"][0];
  EXPECT_NE(baby, ellie);
  ASSERT_EQ(created["adults"].size(), 1u);

  const json c = contact(id);
  EXPECT_EQ(c["version"], 1);
  EXPECT_EQ(c["source"], "2A");
  EXPECT_EQ(c["source_label"], "Schools");
  EXPECT_EQ(c["referrer"]["name"], "Ms Head");
  EXPECT_EQ(c["factors"], json({"18C"}));
  EXPECT_EQ(c["holder"], "frontdoor");
  EXPECT_EQ(c["status"], "awaiting decision");
  EXPECT_EQ(c["decision_due"], "2026-11-24");
  EXPECT_EQ(c["deadline"]["state"], "due");
  EXPECT_EQ(c["received_at"], clock_.now().plus_seconds(-3600).iso());
  const json& e = child_in(c, ellie);
  EXPECT_EQ(e["name"], "Ellie Fielding");
  EXPECT_EQ(e["date_of_birth"], "2016-06-30");
  EXPECT_EQ(e["decision_status"], "awaiting decision");
  EXPECT_TRUE(e["decision"].is_null());
  EXPECT_EQ(e["re_referral"], false);
  EXPECT_EQ(child_in(c, baby)["expected_date_of_birth"], (clock_.today() + 60).iso());
  EXPECT_EQ(c["adults"][0]["name"], "Amy Fielding");
  EXPECT_EQ(c["adults"][0]["id"], created["adults"][0]);
  // The new people are on the record like anyone else.
  r = get("frontdoor", "/api/v1/people/" + id_text(created["adults"][0]));
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(json_of(r)["addresses"][0]["postcode"], "NR11 6AB");
  EXPECT_EQ(call("frontdoor", "GET", "/api/v1/contacts").status, 405);
}

TEST_F(FrontDoorApiTest, NewChildrenWhoMayBeKnownGetLikelyMatchesFirst) {
  const int64_t ellie = existing_person("Ellie", "Fielding", "2016-06-30");
  const int64_t katherine = existing_person("Katherine", "Smyth", "2012-03-04");
  const json catherine = {
      {"details",
       {{"forename", "Catherine"}, {"surname", "Smith"}, {"date_of_birth", "2012-03-04"}, {"sex", "F"}}}};
  json body = contact_body({{{"id", ellie}}, catherine});
  Response r = post("frontdoor", "/api/v1/contacts", body);
  ASSERT_EQ(r.status, 409) << r.body;
  const json error = json_of(r)["error"];
  EXPECT_EQ(error["code"], "likely_matches");
  EXPECT_EQ(error["field"], "children[1]");
  // Keyed by the position in the list as sent, each match with its ID to send instead.
  ASSERT_TRUE(error["children"].contains("1")) << error.dump();
  EXPECT_EQ(error["children"]["1"][0]["id"], katherine);
  EXPECT_TRUE(error["adults"].empty());
  EXPECT_EQ(contacts_count(), 0);
  EXPECT_EQ(people_count(), 2);

  // Either name the person already recorded...
  json by_id = body;
  by_id["children"][1] = {{"id", katherine}};
  r = post("frontdoor", "/api/v1/contacts", by_id);
  ASSERT_EQ(r.status, 201) << r.body;
  EXPECT_EQ(json_of(r)["children"], json({ellie, katherine}));
  EXPECT_EQ(people_count(), 2);
  // ...or say the matches were seen and record a new person.
  body["likely_matches_seen"] = true;
  r = post("frontdoor", "/api/v1/contacts", body);
  ASSERT_EQ(r.status, 201) << r.body;
  EXPECT_EQ(json_of(r)["children"][0], ellie);
  EXPECT_NE(json_of(r)["children"][1], katherine);
  EXPECT_EQ(people_count(), 3);
  EXPECT_EQ(contacts_count(), 2);
}

TEST_F(FrontDoorApiTest, TheDecisionIsDueTheFirstWorkingDayAfterReceiptOverChristmas) {
  // Thursday 24 December 2020, 15:00: Christmas Day, the weekend and the Boxing Day bank holiday
  // (Monday 28th) follow, so a contact received today is due on Tuesday 29 December.
  clock_.set(Timestamp::from_date_time(*Date::parse_iso("2020-12-24"), 15, 0, 0));
  const int64_t ellie = existing_person("Ellie", "Fielding", "2016-06-30");
  json body = contact_body({{{"id", ellie}}});
  body["received_at"] = "2020-12-24T10:15:00Z";
  Response r = post("frontdoor", "/api/v1/contacts", body);
  ASSERT_EQ(r.status, 201) << r.body;
  EXPECT_EQ(json_of(r)["decision_due"], "2020-12-29");
  const int64_t id = json_of(r)["id"];
  // The same instant with an offset.
  body["received_at"] = "2020-12-24T11:15:00+01:00";
  r = post("frontdoor", "/api/v1/contacts", body);
  ASSERT_EQ(r.status, 201) << r.body;
  EXPECT_EQ(json_of(r)["decision_due"], "2020-12-29");
  json c = contact(id);
  EXPECT_EQ(c["received_at"], "2020-12-24T10:15:00.000Z");
  EXPECT_EQ(c["deadline"]["state"], "due");
  EXPECT_EQ(c["deadline"]["due"], "2020-12-29");
  EXPECT_EQ(c["deadline"]["working_days"], 1);  // Tuesday is one working day after today

  // On Wednesday 30th it is a working day overdue, on the contact and in the queue.
  clock_.set(Timestamp::from_date_time(*Date::parse_iso("2020-12-30"), 10, 0, 0));
  c = contact(id);
  EXPECT_EQ(c["deadline"]["state"], "overdue");
  EXPECT_EQ(c["deadline"]["working_days"], 1);
  EXPECT_EQ(child_in(c, ellie)["deadline"]["state"], "overdue");
  r = get("frontdoor", "/api/v1/frontdoor/queue");
  ASSERT_EQ(r.status, 200) << r.body;
  ASSERT_EQ(json_of(r)["items"].size(), 2u);
  EXPECT_EQ(json_of(r)["items"][0]["deadline"]["state"], "overdue");
  EXPECT_EQ(json_of(r)["items"][0]["decision_due"], "2020-12-29");
}

TEST_F(FrontDoorApiTest, DecisionsAreRecordedPerChildAndAuthorisedByAnotherManager) {
  const int64_t ellie = existing_person("Ellie", "Fielding", "2016-06-30");
  const int64_t sam = existing_person("Sam", "Fielding", "2014-01-15");
  // From the police: no further action on a professional's contact waits for a manager.
  const int64_t id = record(contact_body({{{"id", ellie}}, {{"id", sam}}}, "6"));
  const std::string path = "/api/v1/contacts/" + std::to_string(id);
  Response r = post("frontdoor", path + "/decisions",
                    {{"expected_version", 1},
                     {"decisions",
                      {{{"child", ellie}, {"outcome", "nfa"}, {"rationale", "Police have dealt with it"}},
                       {{"child", sam},
                        {"outcome", "referral"},
                        {"rationale", "Sam has told his teacher he is hit at home"},
                        {"primary_need", "N1"}}}}});
  ASSERT_EQ(r.status, 200) << r.body;
  json decided = json_of(r);
  EXPECT_EQ(decided["version"], 3);
  EXPECT_EQ(decided["decisions"][0]["child"], ellie);
  EXPECT_EQ(decided["decisions"][0]["status"], "awaiting authorisation");
  EXPECT_EQ(decided["decisions"][1]["status"], "final");

  r = get("manager", "/api/v1/frontdoor/authorisations");
  ASSERT_EQ(r.status, 200) << r.body;
  ASSERT_EQ(json_of(r)["items"].size(), 1u);
  EXPECT_EQ(json_of(r)["items"][0]["child"]["id"], ellie);
  EXPECT_EQ(json_of(r)["items"][0]["outcome"], "nfa");
  EXPECT_EQ(json_of(r)["items"][0]["decided_by"], "frontdoor");

  // A worker cannot authorise; a manager returns it with a note and decides again himself...
  const json authorise = {{"expected_version", 3}, {"child", ellie}, {"action", "authorise"}};
  EXPECT_EQ(post("frontdoor", path + "/authorisations", authorise).status, 403);
  r = post("manager", path + "/authorisations",
           {{"expected_version", 3}, {"child", ellie}, {"action", "approve"}});
  EXPECT_EQ(r.status, 422);
  EXPECT_EQ(json_of(r)["error"]["field"], "action");
  r = post(
      "manager", path + "/authorisations",
      {{"expected_version", 3}, {"child", ellie}, {"action", "return"}, {"note", "Check with school first"}});
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(json_of(r)["version"], 4);
  EXPECT_EQ(json_of(r)["status"], "awaiting decision");
  r = post("manager", path + "/decisions",
           {{"expected_version", 4},
            {"decisions",
             {{{"child", ellie}, {"outcome", "nfa"}, {"rationale", "School confirms all is well"}}}}});
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(json_of(r)["decisions"][0]["status"], "awaiting authorisation");
  // ...which he may not authorise himself; another manager does.
  r = post("manager", path + "/authorisations",
           {{"expected_version", 5}, {"child", ellie}, {"action", "authorise"}});
  EXPECT_EQ(r.status, 403) << r.body;
  r = post("manager2", path + "/authorisations",
           {{"expected_version", 5}, {"child", ellie}, {"action", "authorise"}, {"note", "Agreed"}});
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(json_of(r)["version"], 6);
  EXPECT_EQ(json_of(r)["status"], "final");

  json c = contact(id);
  EXPECT_EQ(c["status"], "decided");
  EXPECT_EQ(c["version"], 6);
  EXPECT_EQ(c["deadline"]["state"], "met on time");
  EXPECT_TRUE(c["time_remaining"].is_null());
  const json& e = child_in(c, ellie);
  EXPECT_EQ(e["decision_status"], "final");
  EXPECT_EQ(e["decision"]["outcome"], "nfa");
  EXPECT_EQ(e["decision"]["decided_by"], "manager");
  EXPECT_EQ(e["decision"]["authorised_by"], "manager2");
  EXPECT_EQ(e["decision"]["authorised_by_name"], "Test manager2");
  EXPECT_EQ(e["decisions_returned"], 1);
  const json& s = child_in(c, sam);
  EXPECT_EQ(s["decision"]["primary_need"], "N1");
  ASSERT_EQ(s["episodes"].size(), 1u);
  EXPECT_EQ(s["episodes"][0]["referral_date"], "2026-11-23");
  EXPECT_TRUE(json_of(get("manager", "/api/v1/frontdoor/authorisations"))["items"].empty());

  // A new contact about Sam within 12 months of his referral would be a re-referral.
  const int64_t again = record(contact_body({{{"id", sam}}}));
  c = contact(again);
  EXPECT_EQ(c["children"][0]["re_referral"], true);
  EXPECT_EQ(c["children"][0]["re_referral_of"], "2026-11-23");
  EXPECT_EQ(c["children"][0]["has_open_episode"], true);
  ASSERT_EQ(c["children"][0]["previous_contacts"].size(), 1u);
  EXPECT_EQ(c["children"][0]["previous_contacts"][0]["contact_id"], id);
}

TEST_F(FrontDoorApiTest, TheQueueListsUndecidedContactsAndFilters) {
  const int64_t ellie = existing_person("Ellie", "Fielding", "2016-06-30");
  const int64_t sam = existing_person("Sam", "Fielding", "2014-01-15");
  json red = contact_body({{{"id", ellie}}});
  red["urgency"] = "red";
  const int64_t first = record(red);
  json green = contact_body({{{"id", sam}}});
  green["urgency"] = "green";
  green["holder"] = "frontdoor2";
  const int64_t second = record(green);
  const int64_t decided = record(contact_body({{{"id", sam}}}));
  ASSERT_EQ(post("frontdoor", "/api/v1/contacts/" + std::to_string(decided) + "/decisions",
                 {{"expected_version", 1},
                  {"decisions",
                   {{{"child", sam}, {"outcome", "advice"}, {"rationale", "Advice given to school"}}}}})
                .status,
            200);

  Response r = get("frontdoor", "/api/v1/frontdoor/queue");
  ASSERT_EQ(r.status, 200) << r.body;
  json items = json_of(r)["items"];
  ASSERT_EQ(items.size(), 2u);
  // Due the same day: red before green.
  EXPECT_EQ(items[0]["contact_id"], first);
  EXPECT_EQ(items[0]["urgency"], "red");
  EXPECT_EQ(items[0]["holder"], "frontdoor");
  EXPECT_EQ(items[0]["holder_name"], "Test frontdoor");
  EXPECT_EQ(items[0]["children"][0]["id"], ellie);
  EXPECT_EQ(items[0]["children"][0]["name"], "Ellie Fielding");
  EXPECT_EQ(items[0]["source"], "2A");
  EXPECT_EQ(items[0]["decision_due"], "2026-11-24");
  EXPECT_EQ(items[0]["deadline"]["state"], "due");
  EXPECT_FALSE(items[0]["time_remaining"].get<std::string>().empty());
  EXPECT_EQ(items[0]["received_at"], clock_.now().plus_seconds(-3600).iso());
  EXPECT_EQ(items[1]["contact_id"], second);

  const auto ids = [&](const std::string& query) {
    const Response answer = get("frontdoor", "/api/v1/frontdoor/queue?" + query);
    EXPECT_EQ(answer.status, 200) << query << ": " << answer.body;
    std::vector<int64_t> out;
    const json items_found = json_of(answer)["items"];  // a temporary's member would not outlive the loop
    for (const json& item : items_found) out.push_back(item["contact_id"]);
    return out;
  };
  EXPECT_EQ(ids("urgency=green"), std::vector<int64_t>{second});
  EXPECT_EQ(ids("holder=frontdoor2"), std::vector<int64_t>{second});
  EXPECT_EQ(ids("team=Locality"), std::vector<int64_t>{second});
  EXPECT_EQ(ids("team=Front+door&urgency=red"), std::vector<int64_t>{first});
  EXPECT_TRUE(ids("holder=frontdoor2&urgency=red").empty());
  for (const auto& [query, field] :
       {std::pair{"team=Nowhere", "team"}, {"urgency=purple", "urgency"}, {"colour=red", "colour"}}) {
    r = get("frontdoor", std::string("/api/v1/frontdoor/queue?") + query);
    EXPECT_EQ(r.status, 422) << query;
    EXPECT_EQ(json_of(r)["error"]["field"], field) << query;
  }
  EXPECT_EQ(get("manager", "/api/v1/frontdoor/queue").status, 200);
  EXPECT_EQ(get("police", "/api/v1/frontdoor/queue").status, 403);
  EXPECT_EQ(get("police", "/api/v1/frontdoor/queue?team=Locality").status, 403);
  EXPECT_EQ(get("worker", "/api/v1/frontdoor/queue").status, 403);
}

TEST_F(FrontDoorApiTest, AMashEnquiryIsOpenedAndAnsweredByAPoliceSystem) {
  const int64_t ellie = existing_person("Ellie", "Fielding", "2016-06-30");
  const int64_t sam = existing_person("Sam", "Fielding", "2014-01-15");
  const int64_t id = record(contact_body({{{"id", ellie}}, {{"id", sam}}}));
  const std::string path = "/api/v1/contacts/" + std::to_string(id);
  Response r = post("frontdoor", path + "/enquiries",
                    {{"expected_version", 1},
                     {"agencies", {"police", "health"}},
                     {"question", "Any call-outs to the family's address?"},
                     {"lawful_basis", "safeguarding"},
                     {"children", {ellie}},
                     {"fields", {"name", "date_of_birth"}}});
  ASSERT_EQ(r.status, 201) << r.body;
  EXPECT_EQ(json_of(r)["enquiry_id"], 1);
  EXPECT_EQ(json_of(r)["version"], 2);
  ASSERT_EQ(json_of(r)["requests"].size(), 2u);
  EXPECT_EQ(json_of(r)["requests"][0]["agency"], "police");
  // Amber: one working day.
  EXPECT_EQ(json_of(r)["requests"][0]["due_at"].get<std::string>().substr(0, 10), "2026-11-24");

  r = get("police", "/api/v1/mash/enquiries");
  ASSERT_EQ(r.status, 200) << r.body;
  ASSERT_EQ(json_of(r)["items"].size(), 1u);
  EXPECT_EQ(json_of(r)["items"][0]["contact_id"], id);
  EXPECT_EQ(json_of(r)["items"][0]["enquiry_id"], 1);
  EXPECT_EQ(json_of(r)["items"][0]["deadline"]["state"], "due");
  EXPECT_EQ(json_of(r)["items"][0]["href"], "/api/v1/mash/enquiries/" + std::to_string(id) + "/1");

  const std::string enquiry = "/api/v1/mash/enquiries/" + std::to_string(id) + "/1";
  r = get("police", enquiry);
  ASSERT_EQ(r.status, 200) << r.body;
  json seen = json_of(r);
  EXPECT_EQ(seen["question"], "Any call-outs to the family's address?");
  EXPECT_EQ(seen["agency"], "police");
  // Only Ellie, and only her name and date of birth: not Sam, not the address, not the concerns.
  ASSERT_EQ(seen["children"].size(), 1u);
  EXPECT_EQ(seen["children"][0]["id"], ellie);
  EXPECT_EQ(seen["children"][0]["name"], "Ellie Fielding");
  EXPECT_EQ(seen["children"][0]["date_of_birth"], "2016-06-30");
  EXPECT_FALSE(seen["children"][0].contains("address"));
  EXPECT_FALSE(seen.contains("concerns"));
  EXPECT_EQ(r.body.find("Sam"), std::string::npos);
  EXPECT_EQ(r.body.find("bruises"), std::string::npos);

  r = post("police", enquiry + "/answer", {{"answer", "Two domestic incidents at the address this year."}});
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(json_of(r)["answered"], true);
  r = post("police", enquiry + "/answer", {{"answer", "Again"}});
  EXPECT_EQ(r.status, 422);
  EXPECT_EQ(json_of(r)["error"]["field"], "answer");
  r = post("police", enquiry + "/answer", {{"reply", "x"}});
  EXPECT_EQ(json_of(r)["error"]["field"], "reply");
  EXPECT_EQ(json_of(get("police", "/api/v1/mash/enquiries"))["items"].size(), 0u);
  EXPECT_EQ(json_of(get("police", "/api/v1/mash/enquiries?include_answered=true"))["items"].size(), 1u);
  r = get("police", "/api/v1/mash/enquiries?include_answered=yes");
  EXPECT_EQ(r.status, 422);
  EXPECT_EQ(json_of(r)["error"]["field"], "include_answered");

  const json c = contact(id);
  ASSERT_EQ(c["enquiries"].size(), 1u);
  const json& requests = c["enquiries"][0]["requests"];
  ASSERT_EQ(requests.size(), 2u);
  EXPECT_EQ(requests[0]["agency"], "police");
  EXPECT_EQ(requests[0]["answer"], "Two domestic incidents at the address this year.");
  EXPECT_EQ(requests[0]["answered_by"], "police");
  EXPECT_EQ(requests[0]["on_time"], true);
  EXPECT_EQ(requests[0]["deadline"]["state"], "met on time");
  EXPECT_EQ(requests[1]["agency"], "health");
  EXPECT_TRUE(requests[1]["answered_at"].is_null());
  EXPECT_TRUE(requests[1]["on_time"].is_null());
  EXPECT_EQ(requests[1]["deadline"]["state"], "due");
  EXPECT_EQ(c["enquiries"][0]["children"], json({ellie}));
}

TEST_F(FrontDoorApiTest, PartnersSeeOnlyTheirOwnAgencysEnquiriesAndNoRecords) {
  const int64_t ellie = existing_person("Ellie", "Fielding", "2016-06-30");
  const int64_t sam = existing_person("Sam", "Fielding", "2014-01-15");
  const int64_t id = record(contact_body({{{"id", ellie}}, {{"id", sam}}}));
  const std::string path = "/api/v1/contacts/" + std::to_string(id);
  ASSERT_EQ(post("frontdoor", path + "/enquiries",
                 {{"expected_version", 1},
                  {"agencies", {"health"}},
                  {"question", "Is Ellie known to the health visitor?"},
                  {"lawful_basis", "safeguarding"},
                  {"children", {ellie}},
                  {"fields", {"name", "date_of_birth", "address", "concerns"}}})
                .status,
            201);
  const std::string health_enquiry = "/api/v1/mash/enquiries/" + std::to_string(id) + "/1";
  // The police: a health enquiry is exactly like one that does not exist.
  Response r = get("police", health_enquiry);
  EXPECT_EQ(r.status, 404) << r.body;
  EXPECT_EQ(json_of(r)["error"]["code"], "not_found");
  EXPECT_EQ(get("police", "/api/v1/mash/enquiries/" + std::to_string(id) + "/9").status, 404);
  EXPECT_EQ(get("police", "/api/v1/mash/enquiries/999/1").status, 404);
  EXPECT_EQ(post("police", health_enquiry + "/answer", {{"answer", "Nothing known"}}).status, 404);
  EXPECT_TRUE(json_of(get("police", "/api/v1/mash/enquiries"))["items"].empty());
  // No contacts, no records, no queue, no decisions.
  EXPECT_EQ(get("police", path).status, 403);
  EXPECT_EQ(get("police", "/api/v1/people/" + std::to_string(ellie)).status, 403);
  EXPECT_EQ(post("police", "/api/v1/contacts", contact_body({{{"id", ellie}}})).status, 403);
  EXPECT_EQ(post("police", path + "/decisions",
                 {{"expected_version", 2},
                  {"decisions", {{{"child", ellie}, {"outcome", "nfa"}, {"rationale", "x"}}}}})
                .status,
            403);
  EXPECT_EQ(get("police", "/api/v1/frontdoor/authorisations").status, 403);
  EXPECT_EQ(get("police", "/api/v1/frontdoor/dashboard").status, 403);
  // Health sees what was shared with it.
  r = get("health", health_enquiry);
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_TRUE(json_of(r).contains("concerns"));
  EXPECT_TRUE(json_of(r)["children"][0].contains("address"));

  // A police enquiry about Sam alone, sharing only names: the police see Sam's name and nothing else.
  ASSERT_EQ(post("frontdoor", path + "/enquiries",
                 {{"expected_version", 2},
                  {"agencies", {"police"}},
                  {"question", "Any record of Sam?"},
                  {"lawful_basis", "safeguarding"},
                  {"children", {sam}},
                  {"fields", {"name"}}})
                .status,
            201);
  r = get("police", "/api/v1/mash/enquiries/" + std::to_string(id) + "/2");
  ASSERT_EQ(r.status, 200) << r.body;
  const json seen = json_of(r);
  ASSERT_EQ(seen["children"].size(), 1u);
  EXPECT_EQ(seen["children"][0], json({{"id", sam}, {"name", "Sam Fielding"}}));
  EXPECT_FALSE(seen.contains("concerns"));
  EXPECT_EQ(r.body.find("Ellie"), std::string::npos);
  // The front door has no MASH inbox.
  EXPECT_EQ(get("frontdoor", "/api/v1/mash/enquiries").status, 403);
}

TEST_F(FrontDoorApiTest, BadInputNamesTheFieldAndWritesNothing) {
  const int64_t ellie = existing_person("Ellie", "Fielding", "2016-06-30");
  const json good = contact_body({{{"id", ellie}}});
  const json new_child = {
      {"details", {{"forename", "Sam"}, {"surname", "Fielding"}, {"date_of_birth", "2014-01-15"}}}};
  struct Case {
    std::string what;
    std::string body;
    int status;
    std::string field;
  };
  const auto with = [&](const char* key, const json& value) {
    json b = good;
    b[key] = value;
    return b.dump();
  };
  const auto without = [&](const char* key) {
    json b = good;
    b.erase(key);
    return b.dump();
  };
  json bad_referrer = good;
  bad_referrer["referrer"]["mobile"] = "07700 900000";
  json bad_postcode = new_child;
  bad_postcode["address"] = {{"line1", "1 Mill Lane"}, {"postcode", "XX"}};
  json no_forename = new_child;
  no_forename["details"].erase("forename");
  json bad_date = new_child;
  bad_date["details"]["date_of_birth"] = "2014-02-30";
  json unknown_detail = new_child;
  unknown_detail["details"]["colour"] = "red";
  const Case cases[] = {
      {"not JSON", "{not json", 400, ""},
      {"not an object", "[1, 2]", 400, ""},
      {"number too large", R"({"urgency": 1e400})", 400, ""},
      {"unknown field", with("colour", "red"), 422, "colour"},
      {"unknown referrer field", bad_referrer.dump(), 422, "referrer.mobile"},
      {"bad source", with("source", "11"), 422, "source"},
      {"no source", without("source"), 422, "source"},
      {"bad instant", with("received_at", "23/11/2026 10:15"), 422, "received_at"},
      {"no time", with("received_at", "2026-11-23"), 422, "received_at"},
      {"future", with("received_at", clock_.now().plus_seconds(7200).iso()), 422, "received_at"},
      {"no children", with("children", json::array()), 422, "children"},
      {"children missing", without("children"), 422, "children"},
      {"children not a list", with("children", ellie), 422, "children"},
      {"unknown child id", with("children", {{{"id", 999}}}), 422, "children[0].id"},
      {"unknown second child", with("children", {{{"id", ellie}}, {{"id", 998}}}), 422, "children[1].id"},
      {"child twice", with("children", {{{"id", ellie}}, {{"id", ellie}}}), 422, "children[1].id"},
      {"id not a number", with("children", {{{"id", "one"}}}), 422, "children[0].id"},
      {"id and details", with("children", {{{"id", ellie}, {"details", new_child["details"]}}}), 422,
       "children[0]"},
      {"neither", with("children", json::array({json::object()})), 422, "children[0]"},
      {"unknown item field", with("children", {{{"id", ellie}, {"name", "Ellie"}}}), 422, "children[0].name"},
      {"new child no forename", with("children", {{{"id", ellie}}, no_forename}), 422,
       "children[1].details.forename"},
      {"new child bad date", with("children", {{{"id", ellie}}, bad_date}), 422,
       "children[1].details.date_of_birth"},
      {"new child unknown detail", with("children", json::array({unknown_detail})), 422,
       "children[0].details.colour"},
      {"bad postcode", with("children", {{{"id", ellie}}, bad_postcode}), 422,
       "children[1].address.postcode"},
      {"adult is a child", with("adults", {{{"id", ellie}}}), 422, "adults[0].id"},
      {"bad factor", with("factors", {"99Z"}), 422, "factors"},
      {"factors not a list", with("factors", "18C"), 422, "factors"},
      {"no concerns", with("concerns", " "), 422, "concerns"},
      {"bad urgency", with("urgency", "purple"), 422, "urgency"},
      {"holder not front door", with("holder", "police"), 422, "holder"},
      {"no lawful basis", with("lawful_basis", ""), 422, "lawful_basis"},
      {"matches not a flag", with("likely_matches_seen", "yes"), 422, "likely_matches_seen"},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.what);
    const Response r = post_text("frontdoor", "/api/v1/contacts", c.body);
    EXPECT_EQ(r.status, c.status) << r.body;
    const json error = json_of(r)["error"];
    EXPECT_FALSE(error.value("message", "").empty()) << r.body;
    if (!c.field.empty()) {
      EXPECT_EQ(error.value("field", ""), c.field) << r.body;
    }
  }
  Response r = call("frontdoor", "POST", "/api/v1/contacts", good.dump(), "text/plain");
  EXPECT_EQ(r.status, 415);
  EXPECT_EQ(json_of(r)["error"]["code"], "unsupported_media_type");
  EXPECT_EQ(contacts_count(), 0);
  EXPECT_EQ(people_count(), 1);

  // Decisions: every one is checked before any is recorded.
  const int64_t sam = existing_person("Sam", "Fielding", "2014-01-15");
  const int64_t id = record(contact_body({{{"id", ellie}}, {{"id", sam}}}));
  const json ok_ellie = {{"child", ellie}, {"outcome", "advice"}, {"rationale", "Advice given to school"}};
  const auto decisions = [&](const json& list, int64_t version = 1) {
    return json{{"expected_version", version}, {"decisions", list}}.dump();
  };
  json colour = ok_ellie;
  colour["colour"] = "red";
  const Case decision_cases[] = {
      {"not JSON", "{", 400, ""},
      {"no decisions", decisions(json::array()), 422, "decisions"},
      {"no version", json{{"decisions", json::array({ok_ellie})}}.dump(), 422, "expected_version"},
      {"unknown field", decisions(json::array({colour})), 422, "decisions[0].colour"},
      {"bad outcome", decisions({{{"child", ellie}, {"outcome", "maybe"}, {"rationale", "x"}}}), 422,
       "decisions[0].outcome"},
      {"missing rationale", decisions({ok_ellie, {{"child", sam}, {"outcome", "nfa"}}}), 422,
       "decisions[1].rationale"},
      {"child not on contact", decisions({{{"child", 999}, {"outcome", "nfa"}, {"rationale", "x"}}}), 422,
       "decisions[0].child"},
      {"child twice", decisions({ok_ellie, ok_ellie}), 422, "decisions[1].child"},
      {"no child", decisions({{{"outcome", "nfa"}, {"rationale", "x"}}}), 422, "decisions[0].child"},
      {"early help without a service",
       decisions({ok_ellie, {{"child", sam}, {"outcome", "early_help"}, {"rationale", "Family support"}}}),
       422, "decisions[1].early_help_service"},
      {"bad primary need",
       decisions({{{"child", sam}, {"outcome", "referral"}, {"rationale", "x"}, {"primary_need", "N99"}}}),
       422, "decisions[0].primary_need"},
      {"stale version", decisions(json::array({ok_ellie}), 7), 409, "expected_version"},
  };
  const std::string path = "/api/v1/contacts/" + std::to_string(id);
  for (const Case& c : decision_cases) {
    SCOPED_TRACE(c.what);
    const Response answer = post_text("frontdoor", path + "/decisions", c.body);
    EXPECT_EQ(answer.status, c.status) << answer.body;
    const json error = json_of(answer)["error"];
    EXPECT_FALSE(error.value("message", "").empty()) << answer.body;
    if (!c.field.empty()) {
      EXPECT_EQ(error.value("field", ""), c.field) << answer.body;
    }
  }
  EXPECT_EQ(
      call("frontdoor", "POST", "/api/v1/contacts/999/decisions", decisions(json::array({ok_ellie}))).status,
      404);
  const json c = contact(id);
  EXPECT_EQ(c["version"], 1);
  EXPECT_EQ(child_in(c, ellie)["decision_status"], "awaiting decision");
  EXPECT_EQ(child_in(c, sam)["decision_status"], "awaiting decision");
  EXPECT_EQ(contacts_count(), 1);
  EXPECT_EQ(get("frontdoor", "/api/v1/contacts/999").status, 404);
  EXPECT_EQ(get("frontdoor", "/api/v1/contacts/abc").status, 404);

  // Enquiries name the API's fields.
  r = post("frontdoor", path + "/enquiries",
           {{"expected_version", 1},
            {"agencies", {"police", "army"}},
            {"question", "x"},
            {"lawful_basis", "safeguarding"},
            {"children", {ellie}},
            {"fields", {"name"}}});
  EXPECT_EQ(r.status, 422);
  EXPECT_EQ(json_of(r)["error"]["field"], "agencies");
  EXPECT_EQ(contact(id)["version"], 1);
}

TEST_F(FrontDoorApiTest, TheDashboardIsJson) {
  const int64_t ellie = existing_person("Ellie", "Fielding", "2016-06-30");
  const int64_t sam = existing_person("Sam", "Fielding", "2014-01-15");
  const int64_t first = record(contact_body({{{"id", ellie}}}));
  record(contact_body({{{"id", sam}}}, "6"));
  ASSERT_EQ(post("frontdoor", "/api/v1/contacts/" + std::to_string(first) + "/enquiries",
                 {{"expected_version", 1},
                  {"agencies", {"police"}},
                  {"question", "Anything known?"},
                  {"lawful_basis", "safeguarding"},
                  {"children", {ellie}},
                  {"fields", {"name"}}})
                .status,
            201);
  ASSERT_EQ(
      post("police", "/api/v1/mash/enquiries/" + std::to_string(first) + "/1/answer", {{"answer", "Nothing"}})
          .status,
      200);
  ASSERT_EQ(
      post("frontdoor", "/api/v1/contacts/" + std::to_string(first) + "/decisions",
           {{"expected_version", 3},
            {"decisions", {{{"child", ellie}, {"outcome", "referral"}, {"rationale", "Assessment needed"}}}}})
          .status,
      200);

  Response r = get("frontdoor", "/api/v1/frontdoor/dashboard?from=2026-11-01&to=2026-11-30");
  ASSERT_EQ(r.status, 200) << r.body;
  const json d = json_of(r);
  EXPECT_EQ(d["from"], "2026-11-01");
  EXPECT_EQ(d["to"], "2026-11-30");
  EXPECT_EQ(d["contacts"], 2);
  ASSERT_EQ(d["contacts_by_month"].size(), 1u);
  EXPECT_EQ(d["contacts_by_month"][0]["key"], "2026-11");
  EXPECT_EQ(d["contacts_by_month"][0]["count"], 2);
  EXPECT_EQ(d["contacts_by_source"].size(), 2u);
  EXPECT_EQ(d["contacts_by_source"][0]["percent"], 50.0);
  EXPECT_EQ(d["children_on_contacts"], 2);
  EXPECT_EQ(d["children_decided"], 1);
  EXPECT_EQ(d["decided_within_one_working_day"], 1);
  EXPECT_EQ(d["percent_decided_within_one_working_day"], 100.0);
  ASSERT_EQ(d["outcomes"].size(), 1u);
  EXPECT_EQ(d["outcomes"][0]["key"], "referral");
  EXPECT_EQ(d["outcomes"][0]["percent"], 100.0);
  EXPECT_EQ(d["referrals"], 1);
  EXPECT_EQ(d["percent_referred"], 100.0);
  EXPECT_EQ(d["cin_referrals"], 1);
  EXPECT_EQ(d["re_referrals"], 0);
  EXPECT_EQ(d["percent_re_referrals"], 0.0);
  ASSERT_EQ(d["mash"].size(), 1u);
  EXPECT_EQ(d["mash"][0]["agency"], "police");
  EXPECT_EQ(d["mash"][0]["answered_on_time"], 1);
  EXPECT_EQ(d["mash"][0]["percent_answered_on_time"], 100.0);

  // By default, the twelve months to today.
  r = get("frontdoor", "/api/v1/frontdoor/dashboard");
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(json_of(r)["to"], "2026-11-23");
  EXPECT_EQ(json_of(r)["from"], "2025-11-24");
  EXPECT_EQ(json_of(r)["contacts"], 2);
  for (const auto& [query, field] : {std::pair{"from=2026-11-30&to=2026-11-01", "to"},
                                     {"from=2026-13-01", "from"},
                                     {"to=tomorrow", "to"},
                                     {"period=week", "period"}}) {
    r = get("frontdoor", std::string("/api/v1/frontdoor/dashboard?") + query);
    EXPECT_EQ(r.status, 422) << query;
    EXPECT_EQ(json_of(r)["error"]["field"], field) << query;
  }
  EXPECT_EQ(get("worker", "/api/v1/frontdoor/dashboard").status, 403);
}

// Untrusted bytes at the front door's calls, on both databases (PostgreSQL refuses text that is not
// UTF-8, so anything reaching it unchecked would show as a 503): whatever arrives, the answer is
// 2xx-4xx and the read models still equal the log.
class FrontDoorApiHostileTest : public FrontDoorApiFixture, public ::testing::TestWithParam<std::string> {
 protected:
  FrontDoorApiHostileTest() : FrontDoorApiFixture(GetParam()) {}
  void SetUp() override {
    SAFEGUARD_REQUIRE_BACKEND(test_db_);
    set_up();
  }
};

INSTANTIATE_TEST_SUITE_P(FrontDoorApi, FrontDoorApiHostileTest, ::testing::ValuesIn(testing::backends()),
                         [](const auto& param_info) { return param_info.param; });

// Valid-looking material with damage.
std::string mutate(std::string text, std::mt19937_64& random) {
  static const char* kNasty[] = {
      "%",     "%ff",  "\xff", "\\u0000",    "\\ud800",    "\"",    "{", "}",
      "[",     "]",    ",",    ":",          "null",       "-1",    "0", "99999999999999999999",
      "1e400", "true", "\xc3", "2020-02-30", "T25:00:00Z", "+99:99"};
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

TEST_P(FrontDoorApiHostileTest, NoRequestCrashesOrFailsTheServer) {
  const int64_t ellie = existing_person("Ellie", "Fielding", "2016-06-30");
  const int64_t sam = existing_person("Sam", "Fielding", "2014-01-15");
  const int64_t id = record(contact_body({{{"id", ellie}}, {{"id", sam}}}));
  ASSERT_EQ(post("frontdoor", "/api/v1/contacts/" + std::to_string(id) + "/enquiries",
                 {{"expected_version", 1},
                  {"agencies", {"police", "health"}},
                  {"question", "Anything known?"},
                  {"lawful_basis", "safeguarding"},
                  {"children", {ellie}},
                  {"fields", {"name", "date_of_birth"}}})
                .status,
            201);
  json contact = contact_body(
      {{{"id", ellie}},
       {{"details", {{"forename", "Amy"}, {"surname", "Fielding"}, {"date_of_birth", "2019-02-03"}}},
        {"address", {{"line1", "1 Mill Lane"}, {"postcode", "NR11 6AB"}}},
        {"identifiers", {{{"type", "nhs_number"}, {"value", "9434765919"}}}}}});
  contact["likely_matches_seen"] = true;
  const std::vector<std::string> bases = {
      contact.dump(),
      json{{"expected_version", 2},
           {"decisions",
            {{{"child", ellie},
              {"outcome", "early_help"},
              {"rationale", "x"},
              {"early_help_service", "Family support"}},
             {{"child", sam}, {"outcome", "referral"}, {"rationale", "y"}, {"primary_need", "N1"}}}}}
          .dump(),
      json{{"expected_version", 2}, {"child", ellie}, {"action", "authorise"}, {"note", "Agreed"}}.dump(),
      json{{"expected_version", 2},
           {"agencies", {"education"}},
           {"question", "Attendance?"},
           {"lawful_basis", "safeguarding"},
           {"children", {ellie, sam}},
           {"fields", {"name", "address", "concerns"}}}
          .dump(),
      json{{"answer", "Nothing known"}}.dump()};
  const std::vector<std::string> paths = {"/api/v1/contacts",
                                          "/api/v1/contacts/1",
                                          "/api/v1/contacts/1/decisions",
                                          "/api/v1/contacts/1/authorisations",
                                          "/api/v1/contacts/1/enquiries",
                                          "/api/v1/contacts/0/decisions",
                                          "/api/v1/contacts/99999999999999999999",
                                          "/api/v1/contacts/1/nothing",
                                          "/api/v1/frontdoor/queue",
                                          "/api/v1/frontdoor/authorisations",
                                          "/api/v1/frontdoor/dashboard",
                                          "/api/v1/mash/enquiries",
                                          "/api/v1/mash/enquiries/1/1",
                                          "/api/v1/mash/enquiries/1/1/answer",
                                          "/api/v1/mash/enquiries/1",
                                          "/api/v1/mash/enquiries/1/1/answer/again",
                                          "/api/v1/mash/enquiries/\xff/1"};
  const std::vector<std::string> users = {"frontdoor", "manager", "police", "health", "worker"};
  std::mt19937_64 random(11);
  int accepted = 0;
  for (int i = 0; i < 3000; ++i) {
    const std::string& path = paths[random() % paths.size()];
    // Mostly the call's own method, sometimes the other.
    const bool reads = path.find("/frontdoor/") != std::string::npos || path == "/api/v1/contacts/1" ||
                       path == "/api/v1/mash/enquiries" || path == "/api/v1/mash/enquiries/1/1";
    const std::string method = (random() % 6 == 0) != reads ? "GET" : "POST";
    std::string body = bases[random() % bases.size()];
    if (random() % 5 != 0) body = mutate(body, random);
    const std::string query = mutate(
        "team=Front+door&holder=frontdoor&urgency=red&from=2026-11-01&to=2026-11-30&include_answered=true",
        random);
    Request r;
    r.method = method;
    r.path = path;
    r.query = random() % 2 == 0 ? query : "";
    r.target = path + (r.query.empty() ? "" : "?" + r.query);
    r.body = method == "POST" ? body : "";
    r.remote_address = "127.0.0.1";
    r.headers.push_back({"Authorization", "Bearer " + tokens_.at(users[random() % users.size()])});
    if (method == "POST") r.headers.push_back({"Content-Type", "application/json"});
    const Response answer = site_->handle(r);
    ASSERT_GE(answer.status, 200) << method << " " << r.target << " " << r.body;
    ASSERT_LT(answer.status, 500) << method << " " << r.target << " " << r.body << "\n"
                                  << answer.body.substr(0, 500);
    if (method == "POST" && answer.status / 100 == 2) ++accepted;
  }
  auto differences = verify_read_models(*db_);
  ASSERT_TRUE(differences.ok());
  EXPECT_TRUE(differences->empty()) << (*differences)[0];
  EXPECT_GT(accepted, 0);  // some mutations were still valid, so the calls were reached
}

}  // namespace
}  // namespace safeguard::web
