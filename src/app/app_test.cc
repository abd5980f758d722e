// Use cases: who may do what, signing in (throttling, expiry, disabled users), and recording people
// (likely matches first, identifiers unique, access reasons, the access log).
#include <gtest/gtest.h>

#include "app/access_policy.h"
#include "app/administration.h"
#include "app/auth.h"
#include "app/people.h"
#include "store/audit_log.h"
#include "store/event_log.h"
#include "support/fixtures.h"
#include "support/test_databases.h"

namespace safeguard {
namespace {

using testing::add_test_user;
using testing::create_person;
using testing::new_person;

class AppTest : public ::testing::Test {
 protected:
  AppTest() : test_db_("sqlite"), db_(test_db_.open()), clock_(testing::test_now()) {}
  testing::TestDatabase test_db_;
  std::unique_ptr<Database> db_;
  FixedClock clock_;
};

TEST(AccessPolicy, FollowsRoleAndRelationship) {
  User user;
  for (Role role : all_roles()) {
    user.role = role;
    const auto plain = decide_person_access(user, {}).access;
    const auto granted = decide_person_access(user, {true, false}).access;
    switch (role) {
      case Role::kFrontDoorSocialWorker:
        EXPECT_EQ(plain, RecordAccess::kAllowed);
        break;
      case Role::kSocialWorker:
      case Role::kTeamManager:
      case Role::kIndependentReviewingOfficer:
      case Role::kComplaintsOfficer:
      case Role::kFosteringSocialWorker:
        EXPECT_EQ(plain, RecordAccess::kNeedsReason) << role_code(role);
        EXPECT_EQ(granted, RecordAccess::kAllowed) << role_code(role);
        EXPECT_EQ(decide_person_access(user, {false, true}).access, RecordAccess::kAllowed)
            << role_code(role);
        break;
      case Role::kInspector:
        EXPECT_EQ(plain, RecordAccess::kDenied);
        EXPECT_EQ(granted, RecordAccess::kAllowed);
        break;
      default:
        EXPECT_EQ(plain, RecordAccess::kDenied) << role_code(role);
        EXPECT_EQ(granted, RecordAccess::kDenied) << role_code(role);
    }
  }
  user.role = Role::kFrontDoorSocialWorker;
  user.disabled = true;
  EXPECT_EQ(decide_person_access(user, {}).access, RecordAccess::kDenied);
}

TEST_F(AppTest, SignInThrottlesRepeatedFailures) {
  AuthService auth(*db_, clock_);
  ASSERT_TRUE(
      auth.add_user("test", "sam", "Sam Worker", "social_worker", "", "", "a long enough password").ok());
  for (int i = 0; i < 5; ++i) {
    auto wrong = auth.sign_in("sam", "wrong password!", "10.0.0.1");
    ASSERT_FALSE(wrong.ok());
    EXPECT_EQ(wrong.error().code, ErrorCode::kUnauthenticated);
  }
  // Locked: even the right password is refused, without checking it.
  auto locked = auth.sign_in("sam", "a long enough password", "10.0.0.1");
  ASSERT_FALSE(locked.ok());
  EXPECT_EQ(locked.error().code, ErrorCode::kTooManyRequests);
  clock_.advance_seconds(16 * 60);
  EXPECT_TRUE(auth.sign_in("SAM", "a long enough password", "10.0.0.1").ok());
  // An unknown user gets the same answer as a wrong password.
  EXPECT_EQ(auth.sign_in("nobody", "whatever it is", "10.0.0.1").error().message,
            auth.sign_in("sam", "wrong password!", "10.0.0.1").error().message);
}

TEST_F(AppTest, SessionsExpireWhenIdleAndAtTheEndOfTheDay) {
  AuthService auth(*db_, clock_);
  ASSERT_TRUE(
      auth.add_user("test", "sam", "Sam Worker", "social_worker", "", "", "a long enough password").ok());
  auto session = auth.sign_in("sam", "a long enough password", "10.0.0.1");
  ASSERT_TRUE(session.ok());
  // Used every 20 minutes, it lives until the absolute limit of 10 hours.
  for (int i = 0; i < 29; ++i) {
    clock_.advance_seconds(20 * 60);
    ASSERT_EQ(auth.check_session(session->session_token).state, SessionCheck::State::kValid) << i;
  }
  clock_.advance_seconds(20 * 60);
  const SessionCheck ended = auth.check_session(session->session_token);
  EXPECT_EQ(ended.state, SessionCheck::State::kExpired);
  ASSERT_TRUE(ended.user.has_value());  // known, so a draft can be kept for them
  EXPECT_EQ(ended.user->username, "sam");
  // Left alone for 31 minutes, a new one expires.
  auto idle = auth.sign_in("sam", "a long enough password", "10.0.0.1");
  clock_.advance_seconds(31 * 60);
  EXPECT_EQ(auth.check_session(idle->session_token).state, SessionCheck::State::kExpired);
  EXPECT_EQ(auth.check_session("not a token").state, SessionCheck::State::kUnknown);
}

TEST_F(AppTest, DisablingAUserEndsTheirSessionsAndTokens) {
  AuthService auth(*db_, clock_);
  ASSERT_TRUE(
      auth.add_user("test", "sam", "Sam Worker", "social_worker", "", "", "a long enough password").ok());
  auto session = auth.sign_in("sam", "a long enough password", "10.0.0.1");
  auto token = auth.create_token("test", "sam", "");
  ASSERT_TRUE(auth.set_disabled("admin", "sam", true).ok());
  EXPECT_NE(auth.check_session(session->session_token).state, SessionCheck::State::kValid);
  EXPECT_FALSE(auth.authenticate_token(*token).ok());
  EXPECT_EQ(auth.sign_in("sam", "a long enough password", "10.0.0.2").error().message.find("disabled") !=
                std::string::npos,
            true);
  auto log = AuditLog(db_->sql()).administration();
  ASSERT_GE(log.size(), 3u);
  EXPECT_EQ(log.front().action, "disabled user");
}

TEST_F(AppTest, AddingUsersChecksEveryArgument) {
  AuthService auth(*db_, clock_);
  EXPECT_EQ(auth.add_user("t", "x", "Name", "social_worker", "", "", "a long enough password").error().field,
            "username");
  EXPECT_EQ(auth.add_user("t", "sam", "", "social_worker", "", "", "a long enough password").error().field,
            "name");
  EXPECT_EQ(auth.add_user("t", "sam", "Sam", "wizard", "", "", "a long enough password").error().field,
            "role");
  EXPECT_EQ(auth.add_user("t", "sam", "Sam", "mash_partner", "", "", "a long enough password").error().field,
            "agency");
  EXPECT_EQ(auth.add_user("t", "sam", "Sam", "social_worker", "", "", "short").error().field, "password");
  ASSERT_TRUE(auth.add_user("t", "sam", "Sam", "social_worker", "Team A", "", "a long enough password").ok());
  EXPECT_EQ(auth.add_user("t", "sam", "Sam", "social_worker", "", "", "a long enough password").error().field,
            "username");
  EXPECT_EQ(auth.users()->size(), 1u);
}

TEST_F(AppTest, CreatingAPersonOffersLikelyMatchesFirst) {
  const User worker = add_test_user(*db_, Role::kFrontDoorSocialWorker, "frontdoor");
  PeopleService people(*db_, clock_);
  const int64_t existing =
      create_person(people, worker, new_person("Katherine", "Smyth", "2012-03-04", "NR2 3DE"));
  auto outcome = people.create(worker, new_person("Catherine", "Smith", "2012-03-04"), false, {"test", ""});
  ASSERT_TRUE(outcome.ok());
  EXPECT_FALSE(outcome->created.has_value());
  ASSERT_EQ(outcome->likely_matches.size(), 1u);
  EXPECT_EQ(outcome->likely_matches[0].person.id, existing);
  EXPECT_EQ(PeopleIndex(db_->sql()).count(), 1);
  // Having looked, the worker goes ahead.
  outcome = people.create(worker, new_person("Catherine", "Smith", "2012-03-04"), true, {"test", ""});
  ASSERT_TRUE(outcome.ok());
  EXPECT_TRUE(outcome->created.has_value());
  // Someone quite different is created at once.
  outcome = people.create(worker, new_person("Oliver", "Okafor", "2019-09-09"), false, {"test", ""});
  ASSERT_TRUE(outcome.ok());
  EXPECT_TRUE(outcome->created.has_value());
}

TEST_F(AppTest, AnIdentifierBelongsToOnePerson) {
  const User worker = add_test_user(*db_, Role::kFrontDoorSocialWorker, "frontdoor");
  PeopleService people(*db_, clock_);
  NewPersonInput first = new_person("Ann", "Lee", "2010-01-01");
  first.identifiers = {{"nhs_number", "943 476 5919"}};
  create_person(people, worker, first);
  NewPersonInput second = new_person("Bea", "Moss", "2011-01-01");
  second.identifiers = {{"upn", "P207000016049"}, {"nhs_number", "9434765919"}};
  auto outcome = people.create(worker, second, true, {"test", ""});
  ASSERT_FALSE(outcome.ok());
  EXPECT_EQ(outcome.error().field, "identifiers[1].value");
  EXPECT_NE(outcome.error().message.find("Ann Lee"), std::string::npos);
  EXPECT_EQ(PeopleIndex(db_->sql()).count(), 1);
  // Found by the identifier in any spacing.
  auto hits = people.search(worker, PersonSearch{"", std::nullopt, "", "943-476-5919"});
  ASSERT_TRUE(hits.ok());
  ASSERT_EQ(hits->size(), 1u);
  EXPECT_TRUE(hits->front().identifier_match);
}

TEST_F(AppTest, CaseworkersGiveAReasonOutsideTheirWorkAndItIsLogged) {
  const User front_door = add_test_user(*db_, Role::kFrontDoorSocialWorker, "frontdoor");
  const User worker = add_test_user(*db_, Role::kSocialWorker, "worker");
  const User analyst = add_test_user(*db_, Role::kPerformanceAnalyst, "analyst");
  PeopleService people(*db_, clock_);
  const int64_t id = create_person(people, front_door, new_person("Ann", "Lee", "2010-01-01"));
  auto denied = people.open(worker, id, {"web", "GET /people/1"});
  ASSERT_FALSE(denied.ok());
  EXPECT_EQ(denied.error().field, "access_reason");
  EXPECT_EQ(people.give_access_reason(worker, id, "short", {"web", ""}).error().field, "access_reason");
  ASSERT_TRUE(
      people.give_access_reason(worker, id, "Covering for the allocated worker on leave", {"web", ""}).ok());
  ASSERT_TRUE(people.open(worker, id, {"web", "GET /people/1"}).ok());
  EXPECT_TRUE(people.inspection_sample(worker).empty());  // a reason given is not an inspection grant
  ASSERT_EQ(people.recently_opened(worker).size(), 1u);
  EXPECT_EQ(people.recently_opened(worker)[0].id, id);
  // The grant lasts for today only.
  clock_.advance_seconds(24 * 3600);
  EXPECT_FALSE(people.open(worker, id, {"web", "GET /people/1"}).ok());
  EXPECT_EQ(people.open(analyst, id, {"web", ""}).error().code, ErrorCode::kDenied);
  EXPECT_EQ(people.search(analyst, PersonSearch{"Lee", std::nullopt, "", ""}).error().code,
            ErrorCode::kDenied);

  const User admin = add_test_user(*db_, Role::kAdministrator, "admin");
  auto log = AdministrationService(*db_, clock_).access_log_for_person(admin, id);
  ASSERT_TRUE(log.ok());
  std::vector<std::string> actions;
  EXPECT_EQ(log->person.full_name, "Ann Lee");
  for (const AccessLogEntry& e : log->entries) actions.push_back(e.username + ":" + e.action);
  EXPECT_EQ(actions, (std::vector<std::string>{"worker:viewed record", "worker:gave a reason for access",
                                               "frontdoor:recorded person"}));
  EXPECT_EQ(log->entries[1].reason, "Covering for the allocated worker on leave");
  EXPECT_EQ(people.open(admin, id, {"web", ""}).error().code, ErrorCode::kDenied);
}

TEST_F(AppTest, AStaleVersionChangesNothing) {
  const User worker = add_test_user(*db_, Role::kFrontDoorSocialWorker, "frontdoor");
  PeopleService people(*db_, clock_);
  const int64_t id = create_person(people, worker, new_person("Ann", "Lee", "2010-01-01"));
  ASSERT_TRUE(people
                  .correct_details(worker, id, 1, testing::child_details("Anne", "Lee", "2010-01-01"),
                                   "Spelling", {"t", ""})
                  .ok());
  auto stale = people.correct_details(worker, id, 1, testing::child_details("Annie", "Lee", "2010-01-01"),
                                      "Spelling", {"t", ""});
  ASSERT_FALSE(stale.ok());
  EXPECT_EQ(stale.error().code, ErrorCode::kConflict);
  EXPECT_EQ(PeopleIndex(db_->sql()).summary(id)->forename, "Anne");
  EXPECT_EQ(EventLog(db_->sql()).version("person/" + std::to_string(id)), 2);
}

TEST_F(AppTest, InspectorsSeeOnlyTheirSampleOnItsDates) {
  const User worker = add_test_user(*db_, Role::kFrontDoorSocialWorker, "frontdoor");
  const User inspector = add_test_user(*db_, Role::kInspector, "inspector");
  PeopleService people(*db_, clock_);
  const int64_t sampled = create_person(people, worker, new_person("Ann", "Lee", "2010-01-01"));
  const int64_t other = create_person(people, worker, new_person("Bea", "Moss", "2011-01-01"));
  AdministrationService admin(*db_, clock_);
  const Date today = clock_.today();
  EXPECT_EQ(admin.grant_access("cli", "inspector", sampled, today, today - 1, "ILACS").error().field,
            "until");
  ASSERT_TRUE(admin.grant_access("cli", "inspector", sampled, today, today + 5, "ILACS November").ok());
  EXPECT_TRUE(people.open(inspector, sampled, {"web", ""}).ok());
  const auto sample = people.inspection_sample(inspector);
  ASSERT_EQ(sample.size(), 1u);
  EXPECT_EQ(sample[0].person.id, sampled);
  EXPECT_EQ(sample[0].until, today + 5);
  EXPECT_EQ(people.recently_opened(inspector).size(), 1u);
  EXPECT_EQ(people.open(inspector, other, {"web", ""}).error().code, ErrorCode::kDenied);
  clock_.advance_seconds(6 * 24 * 3600);
  EXPECT_EQ(people.open(inspector, sampled, {"web", ""}).error().code, ErrorCode::kDenied);
}

TEST_F(AppTest, ClosureDaysAreNotWorkingDays) {
  AdministrationService admin(*db_, clock_);
  const Date christmas_eve = *Date::parse_iso("2026-12-24");
  ASSERT_TRUE(admin.add_closure_day("cli", christmas_eve, "Council closure").ok());
  EXPECT_EQ(admin.add_closure_day("cli", *Date::parse_iso("2026-12-25"), "x").error().field, "date");
  EXPECT_EQ(admin.add_closure_day("cli", *Date::parse_iso("2026-12-26"), "x").error().field, "date");
  EXPECT_EQ(admin.add_closure_day("cli", *Date::parse_iso("2026-12-29"), " ").error().field, "reason");
  auto calendar = admin.calendar();
  ASSERT_TRUE(calendar.ok());
  // Wednesday 23 December 2026 + 1 working day skips the closure, Christmas and Boxing Day (substitute Monday
  // 28th).
  EXPECT_EQ(calendar->add_working_days(*Date::parse_iso("2026-12-23"), 1), *Date::parse_iso("2026-12-29"));
  ASSERT_TRUE(admin.remove_closure_day("cli", christmas_eve).ok());
  EXPECT_EQ(admin.remove_closure_day("cli", christmas_eve).error().code, ErrorCode::kNotFound);
}

}  // namespace
}  // namespace safeguard
