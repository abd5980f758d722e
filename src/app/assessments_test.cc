// Assessments end to end on a real database (SQLite and PostgreSQL): a social worker starts a
// referred child's assessment, records the child seen and writes it up; it cannot go to a manager
// with a section missing; a manager returns it, then authorises it; the deadline reads met; the
// manager's list of assessments awaiting authorisation; roles and stale versions refused with
// nothing written; the read model matches a rebuild.
#include "app/assessments.h"

#include <gtest/gtest.h>

#include "app/my_work.h"
#include "store/read_models.h"
#include "support/fixtures.h"
#include "support/test_databases.h"

namespace safeguard {
namespace {

using testing::add_test_user;

class AssessmentsTest : public ::testing::TestWithParam<std::string> {
 protected:
  AssessmentsTest()
      : test_db_(GetParam()),
        db_(test_db_.available() ? test_db_.open() : nullptr),
        clock_(testing::test_now()) {}  // Monday 23 November 2026, 10:00

  void SetUp() override {
    SAFEGUARD_REQUIRE_BACKEND(test_db_);
    front_door_worker_ = add_test_user(*db_, Role::kFrontDoorSocialWorker, "frontdoor", "Front door");
    manager_ = add_test_user(*db_, Role::kTeamManager, "manager", "Assessment team north");
    other_manager_ = add_test_user(*db_, Role::kTeamManager, "manager2", "Assessment team south");
    jess_ = add_test_user(*db_, Role::kSocialWorker, "jess", "Assessment team north");
    people_.emplace(*db_, clock_);
    service_.emplace(*db_, clock_);
    ellie_ = testing::refer_child(*db_, clock_, front_door_worker_, "Ellie");
    auto allocated =
        people_->allocate(manager_, ellie_, version(), "jess", clock_.today(), "FCONTA", kChannel);
    ASSERT_TRUE(allocated.ok()) << allocated.error().message;
  }

  // As the front door sees it (they see every record, open or closed).
  PersonRecord record() { return *people_->open(front_door_worker_, ellie_, kChannel); }
  int64_t version() { return people_->open(manager_, ellie_, kChannel)->person.version; }
  void next_day(int days = 1) { clock_.advance_seconds(int64_t{86400} * days); }

  // A complete write-up.
  static AssessmentContent written() {
    AssessmentContent c;
    c.child_views = "Ellie said: \"I like it at Nan's because nobody shouts.\"";
    c.factors = {"4B", "3A"};
    c.analysis =
        "Mum's mental health has declined since the summer; Ellie is taking on the care of her brother.";
    c.outcome = "cin_plan";
    return c;
  }

  const Channel kChannel{"test", ""};
  testing::TestDatabase test_db_;
  std::unique_ptr<Database> db_;
  FixedClock clock_;
  User front_door_worker_, manager_, other_manager_, jess_;
  std::optional<PeopleService> people_;
  std::optional<AssessmentService> service_;
  int64_t ellie_ = 0;
};

// The assessment clocks among deadlines or work items (supervision and the others are there too).
std::vector<ChildDeadline> assessments_in(const std::vector<ChildDeadline>& all) {
  std::vector<ChildDeadline> out;
  for (const ChildDeadline& d : all) {
    if (d.kind == "assessment") out.push_back(d);
  }
  return out;
}
std::vector<WorkItem> assessments_in(const std::vector<WorkItem>& all) {
  std::vector<WorkItem> out;
  for (const WorkItem& w : all) {
    if (w.deadline.kind == "assessment") out.push_back(w);
  }
  return out;
}

TEST_P(AssessmentsTest, FromStartToAuthorisationWithAReturnOnTheWay) {
  // Referred on Monday 23 November 2026: due 45 working days later, Thursday 28 January 2027.
  auto deadlines = assessments_in(record().deadlines);
  ASSERT_EQ(deadlines.size(), 1u);
  EXPECT_EQ(deadlines[0].kind, "assessment");
  EXPECT_EQ(deadlines[0].item_id, 0);
  EXPECT_EQ(deadlines[0].status.due, Date::from_ymd(2027, 1, 28));
  EXPECT_EQ(deadlines[0].status.state, DeadlineState::kDue);

  auto v = service_->start(jess_, ellie_, version(), clock_.today(), kChannel);
  ASSERT_TRUE(v.ok()) << v.error().message;
  next_day();
  v = service_->record_seen(jess_, ellie_, *v, 1, clock_.today(), true, kChannel);
  ASSERT_TRUE(v.ok()) << v.error().message;
  AssessmentContent partial = written();
  partial.analysis.clear();
  v = service_->save(jess_, ellie_, *v, 1, partial, kChannel);
  ASSERT_TRUE(v.ok()) << v.error().message;
  // Not ready: the analysis is missing. Nothing is written.
  auto refused = service_->submit(jess_, ellie_, *v, 1, kChannel);
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error().message, "The assessment is not ready for a manager: Write the analysis");
  EXPECT_EQ(version(), *v);
  v = service_->save(jess_, ellie_, *v, 1, written(), kChannel);
  ASSERT_TRUE(v.ok());
  v = service_->submit(jess_, ellie_, *v, 1, kChannel);
  ASSERT_TRUE(v.ok()) << v.error().message;

  // The manager of Jess's team sees it waiting; the other team's manager does not.
  auto waiting = service_->awaiting_authorisation(manager_);
  ASSERT_TRUE(waiting.ok()) << waiting.error().message;
  ASSERT_EQ(waiting->size(), 1u);
  EXPECT_EQ((*waiting)[0].child.id, ellie_);
  EXPECT_EQ((*waiting)[0].submitted_by, "Test jess");
  ASSERT_TRUE((*waiting)[0].deadline.has_value());
  EXPECT_EQ((*waiting)[0].deadline->due, Date::from_ymd(2027, 1, 28));
  EXPECT_TRUE(service_->awaiting_authorisation(other_manager_)->empty());
  // Social workers neither see the list nor authorise.
  EXPECT_EQ(service_->awaiting_authorisation(jess_).error().code, ErrorCode::kDenied);
  EXPECT_EQ(service_->authorise(jess_, ellie_, *v, 1, std::nullopt, kChannel).error().code,
            ErrorCode::kDenied);

  // Returned without a reason: refused. With one: back to the worker.
  EXPECT_EQ(service_->send_back(manager_, ellie_, *v, 1, "  ", kChannel).error().field, "reason");
  v = service_->send_back(manager_, ellie_, *v, 1, "Ellie's brother's views are missing.", kChannel);
  ASSERT_TRUE(v.ok()) << v.error().message;
  EXPECT_TRUE(service_->awaiting_authorisation(manager_)->empty());
  EXPECT_EQ(record().person.assessments[0].returned_because, "Ellie's brother's views are missing.");
  v = service_->submit(jess_, ellie_, *v, 1, kChannel);
  ASSERT_TRUE(v.ok());

  // A stale version changes nothing.
  EXPECT_EQ(service_->authorise(manager_, ellie_, *v - 1, 1, std::nullopt, kChannel).error().code,
            ErrorCode::kConflict);
  next_day();
  v = service_->authorise(manager_, ellie_, *v, 1, std::nullopt, kChannel);
  ASSERT_TRUE(v.ok()) << v.error().message;
  const PersonRecord r = record();
  ASSERT_EQ(r.person.assessments.size(), 1u);
  const Assessment& a = r.person.assessments[0];
  EXPECT_EQ(a.authorised_on, Date::from_ymd(2026, 11, 25));
  EXPECT_EQ(a.authorised_by, "Test manager");
  EXPECT_EQ(a.content.factors, (std::vector<std::string>{"3A", "4B"}));
  const auto clocks = assessments_in(r.deadlines);
  ASSERT_EQ(clocks.size(), 1u);
  EXPECT_EQ(clocks[0].item_id, 1);
  EXPECT_EQ(clocks[0].status.state, DeadlineState::kMetOnTime);
  // The chronology tells the story.
  std::string story;
  for (const ChronologyEntry& e : r.chronology) story += e.description + "\n";
  EXPECT_NE(story.find("Assessment authorised by Test manager"), std::string::npos) << story;
  EXPECT_NE(story.find("Assessment returned for more work: Ellie's brother's views are missing."),
            std::string::npos);
  EXPECT_NE(story.find("Child seen alone for the assessment"), std::string::npos);

  // The deadline engine reads the same from the read models as from the folded record.
  const auto casework = PeopleIndex(db_->sql()).casework_of({ellie_});
  ASSERT_EQ(casework.count(ellie_), 1u);
  const auto from_read_model =
      child_deadlines(casework.at(ellie_), clock_.today(), WorkingDayCalendar(), CaseworkTimescales());
  ASSERT_EQ(from_read_model.size(), r.deadlines.size());
  for (size_t i = 0; i < r.deadlines.size(); ++i) {
    EXPECT_EQ(from_read_model[i].status.due, r.deadlines[i].status.due);
    EXPECT_EQ(from_read_model[i].status.state, r.deadlines[i].status.state);
    EXPECT_EQ(from_read_model[i].status.met_on, r.deadlines[i].status.met_on);
    EXPECT_EQ(from_read_model[i].item_id, r.deadlines[i].item_id);
  }

  // The read model is what a rebuild from the log gives.
  const auto rows = db_->sql().query(
      "SELECT assessment_id, started_on, submitted_on, authorised_on, outcome FROM person_assessments WHERE "
      "person_id = ?",
      {sql_int(ellie_)});
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(rows[0].text(3), "2026-11-25");
  EXPECT_EQ(rows[0].text(4), "cin_plan");
  auto differences = verify_read_models(*db_);
  ASSERT_TRUE(differences.ok());
  EXPECT_TRUE(differences->empty());
}

TEST_P(AssessmentsTest, WhoMayAssessAndWhatIsRefusedLeavesTheRecordAsItWas) {
  const int64_t before = version();
  // A front-door worker does not assess.
  EXPECT_EQ(service_->start(front_door_worker_, ellie_, before, clock_.today(), kChannel).error().code,
            ErrorCode::kDenied);
  // Not before the referral; not in the future.
  auto early = service_->start(jess_, ellie_, before, clock_.today() - 3, kChannel);
  ASSERT_FALSE(early.ok());
  EXPECT_EQ(early.error().field, "started_on");
  EXPECT_EQ(service_->start(jess_, ellie_, before, clock_.today() + 1, kChannel).error().field, "started_on");
  // A factor that is not the DfE's.
  auto v = service_->start(jess_, ellie_, before, clock_.today(), kChannel);
  ASSERT_TRUE(v.ok());
  AssessmentContent bad = written();
  bad.factors = {"99Z"};
  EXPECT_EQ(service_->save(jess_, ellie_, *v, 1, bad, kChannel).error().field, "factors");
  // No such assessment.
  EXPECT_EQ(service_->save(jess_, ellie_, *v, 7, written(), kChannel).error().code, ErrorCode::kNotFound);
  EXPECT_EQ(version(), *v);
}

TEST_P(AssessmentsTest, MyWorkListsDueAndOverdueAssessmentsSoonestFirst) {
  // A second child, referred a week later and never allocated.
  clock_.advance_seconds(int64_t{86400} * 7);
  const int64_t tom = testing::refer_child(*db_, clock_, front_door_worker_, "Tom");
  MyWorkService my_work(*db_, clock_);
  auto jess_work = my_work.for_user(jess_);
  ASSERT_TRUE(jess_work.ok()) << jess_work.error().message;
  EXPECT_EQ(jess_work->children, 1);
  ASSERT_EQ(assessments_in(jess_work->due).size(), 1u);
  EXPECT_EQ(assessments_in(jess_work->due)[0].child.id, ellie_);
  EXPECT_EQ(assessments_in(jess_work->due)[0].deadline.status.state, DeadlineState::kDue);
  // The manager sees their team's child and the unallocated one, soonest due first.
  auto team = my_work.for_user(manager_);
  ASSERT_TRUE(team.ok());
  EXPECT_EQ(team->children, 2);
  ASSERT_EQ(assessments_in(team->due).size(), 2u);
  EXPECT_EQ(assessments_in(team->due)[0].child.id, ellie_);
  EXPECT_EQ(assessments_in(team->due)[0].held_by, "Test jess");
  EXPECT_EQ(assessments_in(team->due)[1].child.id, tom);
  EXPECT_EQ(assessments_in(team->due)[1].held_by, "");
  // Ten weeks on, Ellie's assessment is overdue.
  clock_.advance_seconds(int64_t{86400} * 63);
  jess_work = my_work.for_user(jess_);
  ASSERT_EQ(assessments_in(jess_work->due).size(), 1u);
  EXPECT_EQ(assessments_in(jess_work->due)[0].deadline.status.state, DeadlineState::kOverdue);
  EXPECT_EQ(my_work.for_user(front_door_worker_).error().code, ErrorCode::kDenied);
}

TEST_P(AssessmentsTest, AnEpisodeClosesOnlyWhenItsAssessmentIsAuthorisedAndAManagerAgrees) {
  auto v = service_->start(jess_, ellie_, version(), clock_.today(), kChannel);
  ASSERT_TRUE(v.ok());
  const Date today = clock_.today();
  // With the assessment open, neither a proposal nor a closure goes through, and each says why.
  auto refused = people_->propose_closure(jess_, ellie_, *v, 1, today, "RC8", "No further action.", kChannel);
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error().message,
            "The episode cannot close while work is open: the single assessment started on 2026-11-23 is not "
            "authorised");
  EXPECT_FALSE(people_->close_episode(manager_, ellie_, *v, 1, today, "RC8", kChannel).ok());
  v = service_->record_seen(jess_, ellie_, *v, 1, today, true, kChannel);
  AssessmentContent nfa = written();
  nfa.factors = {"21"};
  nfa.outcome = "close_nfa";
  v = service_->save(jess_, ellie_, *v, 1, nfa, kChannel);
  v = service_->submit(jess_, ellie_, *v, 1, kChannel);
  v = service_->authorise(manager_, ellie_, *v, 1, std::nullopt, kChannel);
  ASSERT_TRUE(v.ok()) << v.error().message;

  // A social worker proposes; only a manager returns or closes.
  EXPECT_EQ(
      people_->propose_closure(front_door_worker_, ellie_, *v, 1, today, "RC8", "x", kChannel).error().code,
      ErrorCode::kDenied);
  EXPECT_EQ(people_->propose_closure(jess_, ellie_, *v, 1, today, "RC8", " ", kChannel).error().field,
            "summary");
  v = people_->propose_closure(jess_, ellie_, *v, 1, today, "RC8", "Nothing more is needed; mum agrees.",
                               kChannel);
  ASSERT_TRUE(v.ok()) << v.error().message;
  MyWorkService my_work(*db_, clock_);
  auto work = my_work.for_user(manager_);
  ASSERT_EQ(work->closures.size(), 1u);
  EXPECT_EQ(work->closures[0].child.id, ellie_);
  EXPECT_EQ(work->closures[0].proposal.reason, "RC8");
  EXPECT_EQ(work->closures[0].proposal.by, "Test jess");
  EXPECT_TRUE(my_work.for_user(other_manager_)->closures.empty());
  EXPECT_EQ(people_->return_closure(jess_, ellie_, *v, 1, "No.", kChannel).error().code, ErrorCode::kDenied);
  v = people_->return_closure(manager_, ellie_, *v, 1, "Check school first.", kChannel);
  ASSERT_TRUE(v.ok());
  EXPECT_TRUE(my_work.for_user(manager_)->closures.empty());
  v = people_->propose_closure(jess_, ellie_, *v, 1, today, "RC8", "School agrees.", kChannel);
  v = people_->close_episode(manager_, ellie_, *v, 1, today, "RC8", kChannel);
  ASSERT_TRUE(v.ok()) << v.error().message;
  const PersonRecord r = record();
  EXPECT_EQ(r.person.episodes[0].closed_on, today);
  EXPECT_FALSE(r.person.episodes[0].proposed_closure.has_value());
  EXPECT_TRUE(my_work.for_user(manager_)->closures.empty());
  auto differences = verify_read_models(*db_);
  ASSERT_TRUE(differences.ok());
  EXPECT_TRUE(differences->empty());
}

INSTANTIATE_TEST_SUITE_P(Backends, AssessmentsTest, ::testing::Values("sqlite", "postgres"),
                         [](const auto& param_info) { return param_info.param; });

}  // namespace
}  // namespace safeguard
