// The front door's use cases end to end on a real database: recording contacts (new and existing
// children, likely matches first), decisions and their authorisation, the Children in Need episode a
// referral opens, re-referrals, MASH enquiries and partner isolation, the queue and the dashboard.
#include "app/front_door.h"

#include <gtest/gtest.h>

#include "app/people.h"
#include "app/settings.h"
#include "store/audit_log.h"
#include "store/people_read_model.h"
#include "store/read_models.h"
#include "support/fixtures.h"
#include "support/test_databases.h"

namespace safeguard {
namespace {

using testing::add_test_user;

class FrontDoorTest : public ::testing::Test {
 protected:
  FrontDoorTest()
      : test_db_("sqlite"),
        db_(test_db_.open()),
        clock_(testing::test_now()),  // Monday 23 November 2026, 10:00
        worker_(add_test_user(*db_, Role::kFrontDoorSocialWorker, "frontdoor", "Front door")),
        other_worker_(add_test_user(*db_, Role::kFrontDoorSocialWorker, "frontdoor2", "Front door")),
        manager_(add_test_user(*db_, Role::kTeamManager, "manager", "Front door")),
        other_manager_(add_test_user(*db_, Role::kTeamManager, "manager2", "Front door")),
        police_(add_test_user(*db_, Role::kMashPartner, "police")),
        health_(make_partner("health")),
        social_worker_(add_test_user(*db_, Role::kSocialWorker, "worker")),
        service_(*db_, clock_) {}

  User make_partner(const std::string& agency) {
    User u = add_test_user(*db_, Role::kMashPartner, agency + "-partner");
    u.agency = agency;
    db_->sql().execute("UPDATE users SET agency = ? WHERE user_id = ?", {sql_text(agency), sql_int(u.id)});
    return u;
  }

  RecordContactInput contact_about(std::vector<int64_t> children, std::string source = "2A") {
    RecordContactInput in;
    in.contact.received_at = clock_.now().plus_seconds(-3600);
    in.contact.source = source;
    in.contact.referrer = {"Ms Head", "Head teacher, Park Primary", "01603 000000", "head@example.org"};
    in.contact.concerns = "Ellie came to school with bruises on her arm and said she was scared to go home.";
    in.contact.factors = {"18C"};
    in.contact.consent = "not_sought";
    in.contact.lawful_basis = "safeguarding";
    in.contact.urgency = "amber";
    in.contact.children = std::move(children);
    return in;
  }

  int64_t existing_child(const std::string& forename, const std::string& surname, const std::string& born) {
    PeopleService people(*db_, clock_);
    return testing::create_person(people, worker_, testing::new_person(forename, surname, born));
  }

  Contact contact(int64_t id) { return service_.open(worker_, id, {"test", ""})->contact; }

  testing::TestDatabase test_db_;
  std::unique_ptr<Database> db_;
  FixedClock clock_;
  User worker_, other_worker_, manager_, other_manager_, police_, health_, social_worker_;
  FrontDoorService service_;
};

TEST_F(FrontDoorTest, RecordsAContactForExistingAndNewChildren) {
  const int64_t ellie = existing_child("Ellie", "Fielding", "2016-06-30");
  RecordContactInput in = contact_about({ellie});
  NewPersonInput baby;
  baby.details.name.surname = "Fielding";
  baby.details.expected_date_of_birth = clock_.today() + 60;
  in.new_children.push_back(baby);
  NewPersonInput mother = testing::new_person("Amy", "Fielding", "1990-04-02");
  in.new_adults.push_back(mother);
  auto outcome = service_.record(worker_, in, {"test", "record"});
  ASSERT_TRUE(outcome.ok()) << outcome.error().message << " " << outcome.error().field;
  ASSERT_TRUE(outcome->contact_id.has_value());
  EXPECT_EQ(outcome->children.size(), 2u);
  EXPECT_EQ(outcome->adults.size(), 1u);
  EXPECT_EQ(outcome->decision_due, *Date::parse_iso("2026-11-24"));
  const Contact c = contact(*outcome->contact_id);
  EXPECT_EQ(c.children.size(), 2u);
  EXPECT_EQ(c.holder, "frontdoor");
  // Each person's own record shows the contact.
  auto ellie_record = PeopleService(*db_, clock_).open(worker_, ellie, {"test", ""});
  ASSERT_TRUE(ellie_record.ok());
  ASSERT_EQ(ellie_record->person.contacts.size(), 1u);
  EXPECT_EQ(ellie_record->person.contacts[0].role, "child");
  EXPECT_EQ(ellie_record->chronology.front().description, "Contact 1 received from Schools");
  auto verify = verify_read_models(*db_);
  ASSERT_TRUE(verify.ok());
  EXPECT_TRUE(verify->empty()) << verify->front();
}

TEST_F(FrontDoorTest, NewChildrenWhoMayBeKnownAreOfferedFirstAndNothingIsWritten) {
  existing_child("Katherine", "Smyth", "2012-03-04");
  RecordContactInput in = contact_about({});
  in.new_children.push_back(testing::new_person("Catherine", "Smith", "2012-03-04"));
  auto outcome = service_.record(worker_, in, {"test", ""});
  ASSERT_TRUE(outcome.ok());
  EXPECT_FALSE(outcome->contact_id.has_value());
  ASSERT_EQ(outcome->child_matches.count(0), 1u);
  EXPECT_EQ(PeopleIndex(db_->sql()).count(), 1);
  EXPECT_EQ(ContactIndex(db_->sql()).count(), 0);
  in.likely_matches_seen = true;
  outcome = service_.record(worker_, in, {"test", ""});
  ASSERT_TRUE(outcome.ok());
  EXPECT_TRUE(outcome->contact_id.has_value());
}

TEST_F(FrontDoorTest, BadContactsAreRefusedNamingTheFieldAndWriteNothing) {
  const int64_t ellie = existing_child("Ellie", "Fielding", "2016-06-30");
  struct Case {
    const char* what;
    std::function<void(RecordContactInput&)> change;
    const char* field;
  };
  const Case cases[] = {
      {"no children", [](RecordContactInput& in) { in.contact.children.clear(); }, "children"},
      {"unknown child", [](RecordContactInput& in) { in.contact.children.push_back(999); }, "children"},
      {"child twice", [&](RecordContactInput& in) { in.contact.children.push_back(ellie); }, "children"},
      {"bad source", [](RecordContactInput& in) { in.contact.source = "11"; }, "source"},
      {"no concerns", [](RecordContactInput& in) { in.contact.concerns = "  "; }, "concerns"},
      {"future", [&](RecordContactInput& in) { in.contact.received_at = clock_.now().plus_seconds(3600); },
       "received_at"},
      {"no lawful basis", [](RecordContactInput& in) { in.contact.lawful_basis.clear(); }, "lawful_basis"},
      {"bad factor", [](RecordContactInput& in) { in.contact.factors = {"99Z"}; }, "factors"},
      {"no caller", [](RecordContactInput& in) { in.contact.referrer.name.clear(); }, "referrer.name"},
      {"bad urgency", [](RecordContactInput& in) { in.contact.urgency = "purple"; }, "urgency"},
      {"bad new child",
       [](RecordContactInput& in) { in.new_children.push_back(testing::new_person("", "X", "2020-01-01")); },
       "new_children[0].forename"},
  };
  for (const Case& c : cases) {
    RecordContactInput in = contact_about({ellie});
    c.change(in);
    auto outcome = service_.record(worker_, in, {"test", ""});
    ASSERT_FALSE(outcome.ok()) << c.what;
    EXPECT_EQ(outcome.error().field, c.field) << c.what << ": " << outcome.error().message;
  }
  EXPECT_EQ(ContactIndex(db_->sql()).count(), 0);
  EXPECT_EQ(service_.record(social_worker_, contact_about({ellie}), {"test", ""}).error().code,
            ErrorCode::kDenied);
  EXPECT_EQ(service_.record(police_, contact_about({ellie}), {"test", ""}).error().code, ErrorCode::kDenied);
}

TEST_F(FrontDoorTest, AReferralOpensAnEpisodeOnTheChildsRecord) {
  const int64_t ellie = existing_child("Ellie", "Fielding", "2016-06-30");
  const int64_t id = *service_.record(worker_, contact_about({ellie}), {"test", ""})->contact_id;
  auto decided = service_.decide(worker_, id, 1, ellie,
                                 {"referral", "Bruising and fear of going home", "", "N1"}, {"test", ""});
  ASSERT_TRUE(decided.ok()) << decided.error().message;
  const Contact c = contact(id);
  EXPECT_TRUE(c.is_decided());  // a referral needs no authorisation by default
  const auto episodes = PeopleIndex(db_->sql()).episodes_of(ellie);
  ASSERT_EQ(episodes.size(), 1u);
  EXPECT_EQ(episodes[0].referral_date, *Date::parse_iso("2026-11-23"));
  EXPECT_EQ(episodes[0].referral_source, "2A");
  EXPECT_FALSE(episodes[0].referral_nfa);
  EXPECT_EQ(episodes[0].primary_need, "N1");
  // A second decision for the same child is refused.
  EXPECT_EQ(service_.decide(worker_, id, 2, ellie, {"nfa", "x", "", ""}, {"test", ""}).error().field,
            "outcome");
}

TEST_F(FrontDoorTest, DecisionsThatNeedAManagerWaitAndAreAuthorisedByAnother) {
  const int64_t ellie = existing_child("Ellie", "Fielding", "2016-06-30");
  const int64_t id = *service_.record(worker_, contact_about({ellie}, "6"), {"test", ""})->contact_id;
  // No further action on a contact from a professional (the police) waits for a manager.
  ASSERT_TRUE(
      service_.decide(worker_, id, 1, ellie, {"nfa", "Police have dealt with it", "", ""}, {"test", ""})
          .ok());
  Contact c = contact(id);
  EXPECT_TRUE(c.awaits_authorisation());
  EXPECT_FALSE(c.is_decided());
  auto waiting = service_.awaiting_authorisation(manager_);
  ASSERT_EQ(waiting->size(), 1u);
  EXPECT_EQ((*waiting)[0].child.id, ellie);
  // A worker cannot authorise; a manager returns it with a note; the worker decides again.
  EXPECT_EQ(service_.authorise(worker_, id, 2, ellie, "", {"test", ""}).error().code, ErrorCode::kDenied);
  EXPECT_EQ(service_.return_decision(manager_, id, 2, ellie, " ", {"test", ""}).error().field, "note");
  ASSERT_TRUE(service_.return_decision(manager_, id, 2, ellie, "Check with school first", {"test", ""}).ok());
  EXPECT_FALSE(contact(id).child(ellie)->decision.has_value());
  ASSERT_TRUE(
      service_.decide(manager_, id, 3, ellie, {"nfa", "School confirms all is well", "", ""}, {"test", ""})
          .ok());
  // The manager who decided cannot authorise their own decision.
  EXPECT_EQ(service_.authorise(manager_, id, 4, ellie, "", {"test", ""}).error().code, ErrorCode::kDenied);
  ASSERT_TRUE(service_.authorise(other_manager_, id, 4, ellie, "Agreed", {"test", ""}).ok());
  c = contact(id);
  EXPECT_TRUE(c.is_decided());
  EXPECT_EQ(c.child(ellie)->decision->authorised_by, "manager2");
  EXPECT_EQ(c.child(ellie)->decisions_returned, 1);
  EXPECT_TRUE(PeopleIndex(db_->sql()).episodes_of(ellie).empty());
  // NFA from an individual needs no manager.
  const int64_t second = *service_.record(worker_, contact_about({ellie}, "1A"), {"test", ""})->contact_id;
  ASSERT_TRUE(
      service_.decide(worker_, second, 1, ellie, {"nfa", "Neighbour dispute", "", ""}, {"test", ""}).ok());
  EXPECT_TRUE(contact(second).is_decided());
}

TEST_F(FrontDoorTest, EveryStrategyDiscussionWaitsForAManagerAndTheRulesAreConfigurable) {
  const int64_t ellie = existing_child("Ellie", "Fielding", "2016-06-30");
  const int64_t id = *service_.record(worker_, contact_about({ellie}, "1A"), {"test", ""})->contact_id;
  ASSERT_TRUE(
      service_
          .decide(worker_, id, 1, ellie, {"strategy_discussion", "Disclosure of harm", "", ""}, {"test", ""})
          .ok());
  EXPECT_TRUE(contact(id).awaits_authorisation());
  EXPECT_TRUE(PeopleIndex(db_->sql()).episodes_of(ellie).empty());  // not until authorised
  ASSERT_TRUE(service_.authorise(manager_, id, 2, ellie, "", {"test", ""}).ok());
  EXPECT_EQ(PeopleIndex(db_->sql()).episodes_of(ellie).size(), 1u);

  SettingsService settings(*db_, clock_);
  EXPECT_EQ(settings.set("cli", "front_door.authorise.strategy_discussion", "maybe").error().field, "value");
  EXPECT_EQ(settings.set("cli", "no.such.setting", "yes").error().field, "name");
  ASSERT_TRUE(settings.set("cli", "front_door.authorise.strategy_discussion", "no").ok());
  const int64_t bea = existing_child("Bea", "Moss", "2015-01-01");
  const int64_t next = *service_.record(worker_, contact_about({bea}, "1A"), {"test", ""})->contact_id;
  ASSERT_TRUE(
      service_.decide(worker_, next, 1, bea, {"strategy_discussion", "Disclosure", "", ""}, {"test", ""})
          .ok());
  EXPECT_TRUE(contact(next).is_decided());
}

TEST_F(FrontDoorTest, ReReferralsAreThoseWithin12MonthsOfAnother) {
  const int64_t ellie = existing_child("Ellie", "Fielding", "2016-06-30");
  const int64_t first = *service_.record(worker_, contact_about({ellie}), {"test", ""})->contact_id;
  ASSERT_TRUE(
      service_.decide(worker_, first, 1, ellie, {"referral", "Bruising", "", "N1"}, {"test", ""}).ok());
  // A manager closes the episode after the assessment; a front door worker may not.
  clock_.set(Timestamp::from_date_time(*Date::parse_iso("2026-12-21"), 11, 0, 0));
  PeopleService people(*db_, clock_);
  const int64_t version = people.open(worker_, ellie, {"test", ""})->person.version;
  const Date closed_on = *Date::parse_iso("2026-12-18");
  EXPECT_EQ(people.close_episode(worker_, ellie, version, 1, closed_on, "RC8", {"test", ""}).error().code,
            ErrorCode::kDenied);
  ASSERT_TRUE(
      people.give_access_reason(manager_, ellie, "Closing the episode after the assessment", {"test", ""}));
  ASSERT_TRUE(people.close_episode(manager_, ellie, version, 1, closed_on, "RC8", {"test", ""}).ok());
  EXPECT_EQ(PeopleIndex(db_->sql()).episodes_of(ellie)[0].closed_on, closed_on);
  EXPECT_EQ(PeopleIndex(db_->sql()).episodes_of(ellie)[0].closure_reason, "RC8");
  // A referral within 12 months of the first is a re-referral, and opens a new episode.
  clock_.set(Timestamp::from_date_time(*Date::parse_iso("2027-06-01"), 11, 0, 0));
  const int64_t again = *service_.record(worker_, contact_about({ellie}), {"test", ""})->contact_id;
  auto view = service_.open(worker_, again, {"test", ""});
  ASSERT_TRUE(view.ok());
  EXPECT_EQ(view->children[0].re_referral_of, *Date::parse_iso("2026-11-23"));
  EXPECT_EQ(view->children[0].previous_contacts.size(), 1u);
  EXPECT_FALSE(view->children[0].has_open_episode);
  ASSERT_TRUE(
      service_.decide(worker_, again, 1, ellie, {"referral", "Bruising again", "", "N1"}, {"test", ""}).ok());
  EXPECT_EQ(PeopleIndex(db_->sql()).episodes_of(ellie).size(), 2u);
  auto d = service_.dashboard(manager_, *Date::parse_iso("2027-06-01"), *Date::parse_iso("2027-06-30"));
  ASSERT_TRUE(d.ok());
  EXPECT_EQ(d->cin_referrals, 1);
  EXPECT_EQ(d->re_referrals, 1);
  // More than 12 months after the latest referral is not a re-referral.
  clock_.set(Timestamp::from_date_time(*Date::parse_iso("2028-06-02"), 11, 0, 0));
  const int64_t later = *service_.record(worker_, contact_about({ellie}), {"test", ""})->contact_id;
  EXPECT_FALSE(service_.open(worker_, later, {"test", ""})->children[0].re_referral_of.has_value());
}

TEST_F(FrontDoorTest, PartnersSeeOnlyWhatIsSharedWithTheirAgency) {
  const int64_t ellie = existing_child("Ellie", "Fielding", "2016-06-30");
  const int64_t sam = existing_child("Sam", "Fielding", "2012-02-02");
  const int64_t id = *service_.record(worker_, contact_about({ellie, sam}), {"test", ""})->contact_id;
  MashEnquiryInput enquiry{
      {"police"}, "Any call-outs to the address?", "safeguarding", {ellie}, {"name", "date_of_birth"}};
  ASSERT_TRUE(service_.open_enquiry(worker_, id, 1, enquiry, {"test", ""}).ok());
  MashEnquiryInput to_health{
      {"health"}, "Known to the health visitor?", "safeguarding", {sam}, {"name", "concerns"}};
  ASSERT_TRUE(service_.open_enquiry(worker_, id, 2, to_health, {"test", ""}).ok());
  // The police inbox has only its own request; its view only Ellie's name and birth date.
  auto inbox = service_.partner_inbox(police_, false);
  ASSERT_EQ(inbox->size(), 1u);
  EXPECT_EQ((*inbox)[0].request.enquiry_id, 1);
  auto view = service_.partner_enquiry(police_, id, 1, {"web", "GET /mash/1/1"});
  ASSERT_TRUE(view.ok());
  ASSERT_EQ(view->children.size(), 1u);
  EXPECT_EQ(view->children[0].name, "Ellie Fielding");
  EXPECT_TRUE(view->children[0].address.empty());
  EXPECT_TRUE(view->concerns.empty());
  EXPECT_EQ(view->enquiry.requests.size(), 1u);
  // The health enquiry does not exist as far as the police can tell, and they cannot answer it.
  EXPECT_EQ(service_.partner_enquiry(police_, id, 2, {"web", ""}).error().code, ErrorCode::kNotFound);
  EXPECT_EQ(service_.answer_enquiry(police_, id, 2, "nothing", {"web", ""}).error().code,
            ErrorCode::kNotFound);
  EXPECT_EQ(service_.open(police_, id, {"web", ""}).error().code, ErrorCode::kDenied);
  EXPECT_EQ(PeopleService(*db_, clock_).open(police_, ellie, {"web", ""}).error().code, ErrorCode::kDenied);
  // Health sees the concerns it was given, about Sam only.
  auto health_view = service_.partner_enquiry(health_, id, 2, {"web", ""});
  ASSERT_TRUE(health_view.ok());
  EXPECT_EQ(health_view->children[0].person_id, sam);
  EXPECT_FALSE(health_view->concerns.empty());
  EXPECT_FALSE(health_view->children[0].date_of_birth.has_value());
  // Answers, once; on time at 11:00 for an amber enquiry due by the end of the next working day.
  EXPECT_EQ(service_.answer_enquiry(police_, id, 1, " ", {"web", ""}).error().field, "answer");
  clock_.advance_seconds(3600);
  ASSERT_TRUE(
      service_.answer_enquiry(police_, id, 1, "Two call-outs in October for shouting.", {"web", ""}).ok());
  EXPECT_EQ(service_.answer_enquiry(police_, id, 1, "Again", {"web", ""}).error().field, "answer");
  auto front = service_.open(worker_, id, {"test", ""});
  ASSERT_EQ(front->requests.size(), 2u);
  EXPECT_EQ(front->requests[0].status.state, DeadlineState::kMetOnTime);
  EXPECT_EQ(front->requests[0].request->answer, "Two call-outs in October for shouting.");
  EXPECT_EQ(front->requests[1].status.state, DeadlineState::kDue);
  // Every partner view is in the access log of the children shown, and only theirs.
  bool police_saw_ellie = false;
  for (const AccessLogEntry& e : AuditLog(db_->sql()).access_to_person(ellie, 100)) {
    police_saw_ellie |= e.username == "police" && e.action.starts_with("viewed MASH enquiry");
  }
  EXPECT_TRUE(police_saw_ellie);
  for (const AccessLogEntry& e : AuditLog(db_->sql()).access_to_person(sam, 100))
    EXPECT_NE(e.username, "police");
}

TEST_F(FrontDoorTest, MashAnswersAreDueByUrgency) {
  const int64_t ellie = existing_child("Ellie", "Fielding", "2016-06-30");
  RecordContactInput in = contact_about({ellie});
  in.contact.urgency = "red";
  const int64_t id = *service_.record(worker_, in, {"test", ""})->contact_id;
  // Red: 4 working hours from 10:00 on a Monday is 14:00 the same day.
  ASSERT_TRUE(service_
                  .open_enquiry(worker_, id, 1,
                                {{"police", "education"}, "Known?", "safeguarding", {ellie}, {"name"}},
                                {"test", ""})
                  .ok());
  const Contact c = contact(id);
  EXPECT_EQ(c.enquiries[0].requests[0].due_at, *Timestamp::parse_iso("2026-11-23T14:00:00Z"));
  clock_.advance_seconds(5 * 3600);  // 15:00: overdue
  auto view = service_.open(worker_, id, {"test", ""});
  EXPECT_EQ(view->requests[0].status.state, DeadlineState::kOverdue);
}

TEST_F(FrontDoorTest, TheQueueShowsWhatIsWaitingSoonestFirst) {
  const int64_t ellie = existing_child("Ellie", "Fielding", "2016-06-30");
  RecordContactInput older = contact_about({ellie});
  older.contact.received_at = clock_.now().plus_seconds(-4 * 86400);  // Thursday: overdue now
  older.contact.urgency = "green";
  const int64_t late = *service_.record(worker_, older, {"test", ""})->contact_id;
  RecordContactInput red = contact_about({ellie});
  red.contact.urgency = "red";
  red.holder = "frontdoor2";
  const int64_t fresh = *service_.record(worker_, red, {"test", ""})->contact_id;
  auto queue = service_.queue(worker_, {});
  ASSERT_EQ(queue->size(), 2u);
  EXPECT_EQ((*queue)[0].contact.contact_id, late);
  EXPECT_EQ((*queue)[0].deadline.state, DeadlineState::kOverdue);
  EXPECT_EQ((*queue)[1].contact.contact_id, fresh);
  EXPECT_EQ((*queue)[1].children[0].full_name, "Ellie Fielding");
  EXPECT_EQ(service_.queue(worker_, {"frontdoor2", std::nullopt, ""})->size(), 1u);
  EXPECT_EQ(service_.queue(worker_, {"", std::nullopt, "red"})->size(), 1u);
  EXPECT_EQ(service_.queue(worker_, {"", worker_.team_id, ""})->size(), 2u);
  ASSERT_TRUE(
      service_
          .decide(worker_, late, 1, ellie, {"advice", "Signposted to the school nurse", "", ""}, {"test", ""})
          .ok());
  EXPECT_EQ(service_.queue(worker_, {})->size(), 1u);
  EXPECT_EQ(service_.queue(police_, {}).error().code, ErrorCode::kDenied);
}

TEST_F(FrontDoorTest, TheDashboardCountsWhatHappened) {
  const int64_t ellie = existing_child("Ellie", "Fielding", "2016-06-30");
  const int64_t bea = existing_child("Bea", "Moss", "2015-01-01");
  const int64_t a = *service_.record(worker_, contact_about({ellie, bea}), {"test", ""})->contact_id;
  ASSERT_TRUE(service_.decide(worker_, a, 1, ellie, {"referral", "Harm", "", "N1"}, {"test", ""}).ok());
  ASSERT_TRUE(service_
                  .decide(worker_, a, 2, bea, {"early_help", "Worried sibling", "Family support team", ""},
                          {"test", ""})
                  .ok());
  const int64_t b = *service_.record(worker_, contact_about({bea}, "6"), {"test", ""})->contact_id;
  ASSERT_TRUE(
      service_
          .open_enquiry(worker_, b, 1, {{"police"}, "Known?", "safeguarding", {bea}, {"name"}}, {"test", ""})
          .ok());
  auto d = service_.dashboard(manager_, *Date::parse_iso("2026-11-01"), *Date::parse_iso("2026-11-30"));
  ASSERT_TRUE(d.ok());
  EXPECT_EQ(d->contacts, 2);
  EXPECT_EQ(d->children_on_contacts, 3);
  EXPECT_EQ(d->children_decided, 2);
  EXPECT_EQ(d->decided_within_one_working_day, 2);
  EXPECT_EQ(d->referrals, 1);
  EXPECT_EQ(d->cin_referrals, 1);
  EXPECT_EQ(d->re_referrals, 0);
  ASSERT_EQ(d->mash.size(), 1u);
  EXPECT_EQ(d->mash[0].agency, "police");
  EXPECT_EQ(d->mash[0].waiting, 1);
  EXPECT_EQ(d->contacts_by_source.size(), 2u);
  EXPECT_EQ(service_.dashboard(police_, clock_.today(), clock_.today()).error().code, ErrorCode::kDenied);
  EXPECT_EQ(service_.dashboard(manager_, clock_.today(), clock_.today() - 1).error().field, "to");
}

}  // namespace
}  // namespace safeguard
