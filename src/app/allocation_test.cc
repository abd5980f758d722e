// Allocation end to end on a real database: a team manager allocates a referred child to a social
// worker, who then sees the child's record as their own work; changes of worker, refusals, the
// unallocated list with days waiting, caseloads, and closure ending the allocation.
#include "app/allocation.h"

#include <gtest/gtest.h>

#include "app/people.h"
#include "store/allocation_read_model.h"
#include "store/read_models.h"
#include "support/fixtures.h"
#include "support/test_databases.h"

namespace safeguard {
namespace {

using testing::add_test_user;

// On both databases: the unallocated list and caseloads are SQL of their own.
class AllocationTest : public ::testing::TestWithParam<std::string> {
 protected:
  AllocationTest()
      : test_db_(GetParam()),
        db_(test_db_.available() ? test_db_.open() : nullptr),
        clock_(testing::test_now()) {}  // Monday 23 November 2026, 10:00

  void SetUp() override {
    SAFEGUARD_REQUIRE_BACKEND(test_db_);
    front_door_worker_ = add_test_user(*db_, Role::kFrontDoorSocialWorker, "frontdoor", "Front door");
    manager_ = add_test_user(*db_, Role::kTeamManager, "manager", "Assessment team north");
    jess_ = add_test_user(*db_, Role::kSocialWorker, "jess", "Assessment team north");
    sam_ = add_test_user(*db_, Role::kSocialWorker, "sam", "Assessment team south");
    analyst_ = add_test_user(*db_, Role::kPerformanceAnalyst, "analyst", "Performance");
    people_.emplace(*db_, clock_);
    services_.emplace(*db_, clock_);
  }

  int64_t referred_child(const std::string& forename) {
    return testing::refer_child(*db_, clock_, front_door_worker_, forename);
  }

  int64_t version_of(int64_t id) { return people_->open(front_door_worker_, id, kChannel)->person.version; }

  const Channel kChannel{"test", ""};
  testing::TestDatabase test_db_;
  std::unique_ptr<Database> db_;
  FixedClock clock_;
  User front_door_worker_, manager_, jess_, sam_, analyst_;
  std::optional<PeopleService> people_;
  std::optional<AllocationService> services_;
};

TEST_P(AllocationTest, AManagerAllocatesAndTheWorkerThenSeesTheChildAsTheirOwnWork) {
  const int64_t ellie = referred_child("Ellie");
  // Before allocation the child is outside the social worker's work, but in every manager's.
  EXPECT_EQ(people_->access_to(jess_, ellie)->access, RecordAccess::kNeedsReason);
  EXPECT_EQ(people_->access_to(manager_, ellie)->access, RecordAccess::kAllowed);
  auto allocated =
      people_->allocate(manager_, ellie, version_of(ellie), "jess", clock_.today(), "FCONTA", kChannel);
  ASSERT_TRUE(allocated.ok()) << allocated.error().message;
  EXPECT_EQ(people_->access_to(jess_, ellie)->access, RecordAccess::kAllowed);
  // Sam is in another team: still outside his work.
  EXPECT_EQ(people_->access_to(sam_, ellie)->access, RecordAccess::kNeedsReason);
  const auto rows = AllocationIndex(db_->sql()).allocations_of(ellie);
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(rows[0].worker, "jess");
  EXPECT_EQ(rows[0].team_name, "Assessment team north");
  EXPECT_EQ(rows[0].reason, "FCONTA");
  // The read model matches a rebuild from the log.
  auto differences = verify_read_models(*db_);
  ASSERT_TRUE(differences.ok());
  EXPECT_TRUE(differences->empty()) << differences->front();
}

TEST_P(AllocationTest, BadAllocationsAreRefusedAndChangeNothing) {
  const int64_t ellie = referred_child("Ellie");
  const int64_t version = version_of(ellie);
  const Date today = clock_.today();
  EXPECT_EQ(people_->allocate(jess_, ellie, version, "jess", today, "FCONTA", kChannel).error().code,
            ErrorCode::kDenied);
  EXPECT_EQ(people_->allocate(manager_, ellie, version, "", today, "FCONTA", kChannel).error().message,
            "Choose the social worker");
  EXPECT_EQ(people_->allocate(manager_, ellie, version, "nobody", today, "FCONTA", kChannel).error().field,
            "worker");
  EXPECT_EQ(people_->allocate(manager_, ellie, version, "analyst", today, "FCONTA", kChannel).error().field,
            "worker");
  EXPECT_EQ(people_->allocate(manager_, ellie, version, "jess", today, "", kChannel).error().field, "reason");
  EXPECT_EQ(people_->allocate(manager_, ellie, version, "jess", today + 1, "FCONTA", kChannel).error().field,
            "from");
  EXPECT_EQ(people_->allocate(manager_, ellie, version - 1, "jess", today, "FCONTA", kChannel).error().code,
            ErrorCode::kConflict);
  EXPECT_EQ(version_of(ellie), version);
  EXPECT_TRUE(AllocationIndex(db_->sql()).allocations_of(ellie).empty());
}

TEST_P(AllocationTest, TheUnallocatedListAndCaseloads) {
  const int64_t ellie = referred_child("Ellie");
  const int64_t bea = referred_child("Bea");
  clock_.set(clock_.now().plus_seconds(3 * 86400));  // Thursday
  ASSERT_TRUE(
      people_->allocate(manager_, ellie, version_of(ellie), "jess", clock_.today(), "FCONTA", kChannel).ok());
  auto o = services_->overview(manager_);
  ASSERT_TRUE(o.ok()) << o.error().message;
  EXPECT_EQ(o->open_children, 2);
  ASSERT_EQ(o->unallocated.size(), 1u);
  EXPECT_EQ(o->unallocated[0].child.id, bea);
  EXPECT_EQ(o->unallocated[0].child.forename, "Bea");
  EXPECT_EQ(o->unallocated[0].days_unallocated, 3);
  // Jess holds one child, Sam none, the manager (who can hold cases too) none.
  ASSERT_EQ(o->workers.size(), 3u);
  for (const WorkerCaseload& w : o->workers) EXPECT_EQ(w.load.children, w.worker.username == "jess" ? 1 : 0);
  ASSERT_EQ(o->teams.size(), 2u);
  EXPECT_EQ(o->teams[0].team_name, "Assessment team north");
  EXPECT_EQ(o->teams[0].workers, 2);
  EXPECT_EQ(o->teams[0].load.children, 1);
  EXPECT_EQ(o->teams[0].load.weighted_tenths, kChildWeightTenths);
  EXPECT_EQ(services_->overview(jess_).error().code, ErrorCode::kDenied);
  EXPECT_EQ(services_->overview(analyst_).error().code, ErrorCode::kDenied);
}

TEST_P(AllocationTest, AChangeOfWorkerAndClosureEndAllocations) {
  const int64_t ellie = referred_child("Ellie");
  ASSERT_TRUE(
      people_->allocate(manager_, ellie, version_of(ellie), "jess", clock_.today(), "FCONTA", kChannel).ok());
  clock_.set(clock_.now().plus_seconds(14 * 86400));
  ASSERT_TRUE(
      people_->allocate(manager_, ellie, version_of(ellie), "sam", clock_.today(), "LEFTRL", kChannel).ok());
  auto rows = AllocationIndex(db_->sql()).allocations_of(ellie);
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_EQ(rows[0].to, clock_.today() - 1);
  EXPECT_FALSE(rows[1].to.has_value());
  EXPECT_EQ(people_->access_to(jess_, ellie)->access, RecordAccess::kNeedsReason);
  EXPECT_EQ(people_->access_to(sam_, ellie)->access, RecordAccess::kAllowed);
  clock_.set(clock_.now().plus_seconds(30 * 86400));
  ASSERT_TRUE(people_->give_access_reason(manager_, ellie, "Closing the episode", kChannel));
  ASSERT_TRUE(
      people_->close_episode(manager_, ellie, version_of(ellie), 1, clock_.today(), "RC8", kChannel).ok());
  rows = AllocationIndex(db_->sql()).allocations_of(ellie);
  EXPECT_EQ(rows[1].to, clock_.today());
  EXPECT_EQ(services_->overview(manager_)->open_children, 0);
  EXPECT_EQ(people_->access_to(sam_, ellie)->access, RecordAccess::kNeedsReason);
}

INSTANTIATE_TEST_SUITE_P(Backends, AllocationTest, ::testing::ValuesIn(testing::backends()),
                         [](const auto& param_info) { return param_info.param; });

}  // namespace
}  // namespace safeguard
