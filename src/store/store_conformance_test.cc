// The storage conformance suite: every test runs against SQLite and against a real PostgreSQL 15
// server, so the two implementations behave the same for everything Safeguard relies on: the
// event log and its hash chains, optimistic concurrency, transactions and savepoints, read models
// equal to a rebuild, and fault injection (a failed write leaves the database exactly as it was).
#include <gtest/gtest.h>

#include <atomic>
#include <map>
#include <thread>

#include "app/auth.h"
#include "app/people.h"
#include "app/records.h"
#include "store/accounts.h"
#include "store/council_settings.h"
#include "store/event_log.h"
#include "store/people_read_model.h"
#include "support/fixtures.h"
#include "support/test_databases.h"

namespace safeguard {
namespace {

using testing::TestDatabase;

NewEvent event(std::string type, std::string data, const char* date = "2026-11-20", std::string reason = "") {
  return NewEvent{std::move(type), *Date::parse_iso(date), std::move(reason), std::move(data)};
}

class StoreConformance : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    test_db_ = std::make_unique<TestDatabase>(GetParam());
    SAFEGUARD_REQUIRE_BACKEND(*test_db_);
    db_ = test_db_->open();
  }

  // Appends in its own transaction.
  Result<std::vector<RecordedEvent>> append(Database& db, const std::string& stream, int64_t expected,
                                            std::vector<NewEvent> events) {
    std::optional<Result<std::vector<RecordedEvent>>> out;
    Status s = db.transact([&]() -> Status {
      out = EventLog(db.sql()).append(stream, "person", expected, events, "tester", testing::test_now());
      return out->ok() ? Status::success() : Status(out->error());
    });
    if (!s) return s.error();
    return *out;
  }

  std::unique_ptr<TestDatabase> test_db_;
  std::unique_ptr<Database> db_;
};

INSTANTIATE_TEST_SUITE_P(Backends, StoreConformance, ::testing::ValuesIn(testing::backends()),
                         [](const auto& param_info) { return param_info.param; });

TEST_P(StoreConformance, MigrationsAreAppliedOnceAndRecorded) {
  const int newest = schema_migrations().back().version;
  EXPECT_EQ(db_->schema_version(), newest);
  // Opening again applies nothing and keeps the data.
  auto again = test_db_->open();
  EXPECT_EQ(again->schema_version(), newest);
  EXPECT_EQ(again->sql().query("SELECT COUNT(*) FROM schema_migrations").at(0).integer(0), newest);
}

TEST_P(StoreConformance, ADatabaseFromANewerSafeguardIsRefused) {
  db_->sql().execute(
      "INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, 'from the future', 'x')",
      {sql_int(schema_migrations().back().version + 1)});
  auto reopened = open_council_database(test_db_->location(), test_db_->schema());
  ASSERT_FALSE(reopened.ok());
  EXPECT_NE(reopened.error().message.find("newer than this Safeguard"), std::string::npos)
      << reopened.error().message;
}

TEST_P(StoreConformance, AppendedEventsReadBackExactlyAndChain) {
  const std::string data = R"({"name":"Zoë O'Brien \u2014 \"quoted\"","n":1})";
  auto first = append(*db_, "person/1", 0,
                      {event("PersonRecorded", data), event("AddressRecorded", "{}", "2026-01-02")});
  ASSERT_TRUE(first.ok()) << first.error().message;
  ASSERT_EQ(first->size(), 2u);
  EXPECT_EQ((*first)[0].version, 1);
  EXPECT_EQ((*first)[1].version, 2);
  EXPECT_EQ((*first)[0].previous_hash, kGenesisHash);
  EXPECT_EQ((*first)[1].previous_hash, (*first)[0].hash);
  auto second = append(*db_, "person/1", 2, {event("PersonDetailsCorrected", "{}", "2026-11-21", "typo")});
  ASSERT_TRUE(second.ok());
  EXPECT_EQ((*second)[0].previous_hash, (*first)[1].hash);

  EventLog log(db_->sql());
  const auto events = log.read("person/1");
  ASSERT_EQ(events.size(), 3u);
  EXPECT_EQ(events[0].data, data);
  EXPECT_EQ(events[0].type, "PersonRecorded");
  EXPECT_EQ(events[1].occurred_on, *Date::parse_iso("2026-01-02"));
  EXPECT_EQ(events[2].reason, "typo");
  EXPECT_EQ(events[2].actor, "tester");
  EXPECT_EQ(events[2].recorded_at, testing::test_now());
  for (const RecordedEvent& e : events) EXPECT_EQ(event_hash(e), e.hash);
  EXPECT_EQ(log.version("person/1"), 3);
  EXPECT_EQ(log.version("person/2"), 0);
  EXPECT_FALSE(log.verify().has_value());
}

TEST_P(StoreConformance, ManyStreamsReadBackWholeAndInOrder) {
  // 24 streams of three events each, appended round by round so that each stream's events are
  // spread through the log.
  for (int64_t round = 0; round < 3; ++round) {
    for (int s = 1; s <= 24; ++s) {
      const std::string data =
          "{\"round\":" + std::to_string(round) + ",\"stream\":" + std::to_string(s) + "}";
      ASSERT_TRUE(append(*db_, "person/" + std::to_string(s), round, {event("Noted", data)}).ok());
    }
  }
  EventLog log(db_->sql());
  // What read_streams hands over, by stream, and the streams in the order their first event came.
  using ByStream = std::map<std::string, std::vector<RecordedEvent>>;
  const auto read = [&](const std::vector<std::string>& streams, int64_t rows_at_once) {
    ByStream out;
    std::vector<std::string> first_seen;
    log.read_streams(
        streams,
        [&](const RecordedEvent& e) {
          if (out[e.stream].empty()) first_seen.push_back(e.stream);
          out[e.stream].push_back(e);
        },
        rows_at_once);
    return std::pair(out, first_seen);
  };
  const auto expect_whole = [&](const ByStream& got, const std::vector<std::string>& streams) {
    ASSERT_EQ(got.size(), streams.size() - 1);  // all but person/99, which is not in the log
    for (const auto& [stream, events] : got) {
      const auto whole = log.read(stream);
      ASSERT_EQ(events.size(), whole.size()) << stream;
      for (size_t i = 0; i < whole.size(); ++i) {
        EXPECT_EQ(events[i].version, static_cast<int64_t>(i + 1)) << stream;
        EXPECT_EQ(events[i].data, whole[i].data) << stream;
        EXPECT_EQ(events[i].hash, whole[i].hash) << stream;
      }
    }
  };
  // Half the log's events, in pieces of five rows: the log is read in order, so each stream's first
  // event comes before any stream's second.
  std::vector<std::string> half{"person/99"};
  for (int s = 12; s >= 1; --s) half.push_back("person/" + std::to_string(s));
  const auto [many, many_order] = read(half, 5);
  expect_whole(many, half);
  std::vector<std::string> log_order;
  for (int s = 1; s <= 12; ++s) log_order.push_back("person/" + std::to_string(s));
  EXPECT_EQ(many_order, log_order);
  EXPECT_EQ(read(half, 1000).first.size(), 12u);
  // Two streams, a twelfth of the log: read stream by stream, in the order asked.
  const std::vector<std::string> two{"person/20", "person/99", "person/3"};
  const auto [few, few_order] = read(two, 5);
  expect_whole(few, two);
  EXPECT_EQ(few_order, (std::vector<std::string>{"person/20", "person/3"}));
  EXPECT_TRUE(read({}, 5).first.empty());
}

TEST_P(StoreConformance, AStaleAppendIsRefusedAndWritesNothing) {
  ASSERT_TRUE(append(*db_, "person/7", 0, {event("PersonRecorded", "{}")}).ok());
  const auto before = testing::dump_tables(db_->sql());
  auto stale = append(*db_, "person/7", 0, {event("PersonDetailsCorrected", "{}")});
  ASSERT_FALSE(stale.ok());
  EXPECT_EQ(stale.error().code, ErrorCode::kConflict);
  EXPECT_NE(stale.error().message.find("changed by someone else"), std::string::npos);
  auto ahead = append(*db_, "person/7", 5, {event("PersonDetailsCorrected", "{}")});
  EXPECT_EQ(ahead.error().code, ErrorCode::kConflict);
  EXPECT_EQ(testing::dump_tables(db_->sql()), before);
}

TEST_P(StoreConformance, OfManyConcurrentWritersOfOneVersionExactlyOneWins) {
  ASSERT_TRUE(append(*db_, "person/9", 0, {event("PersonRecorded", "{}")}).ok());
  constexpr int kWriters = 6;
  std::atomic<int> wins{0};
  std::atomic<int> conflicts{0};
  std::vector<std::thread> threads;
  for (int i = 0; i < kWriters; ++i) {
    threads.emplace_back([&, i] {
      auto db = test_db_->open();
      auto result = append(*db, "person/9", 1,
                           {event("PersonDetailsCorrected", "{\"writer\":" + std::to_string(i) + "}")});
      if (result.ok()) {
        ++wins;
      } else if (result.error().code == ErrorCode::kConflict) {
        ++conflicts;
      } else {
        ADD_FAILURE() << result.error().message;
      }
    });
  }
  for (auto& t : threads) t.join();
  EXPECT_EQ(wins.load(), 1);
  EXPECT_EQ(conflicts.load(), kWriters - 1);
  EXPECT_EQ(EventLog(db_->sql()).read("person/9").size(), 2u);
  EXPECT_FALSE(EventLog(db_->sql()).verify().has_value());
}

// Each way of tampering with the log, and the first event verify() must name.
struct Tampering {
  const char* name;
  const char* sql;
  int64_t expected_version;
};

TEST_P(StoreConformance, VerifyNamesTheFirstEventThatDoesNotMatch) {
  const Tampering kTamperings[] = {
      {"altered data", "UPDATE events SET data = '{\"x\":2}' WHERE stream = 'person/3' AND version = 2", 2},
      {"altered date",
       "UPDATE events SET occurred_on = '2020-01-01' WHERE stream = 'person/3' AND version = 3", 3},
      {"altered actor", "UPDATE events SET actor = 'someone else' WHERE stream = 'person/3' AND version = 1",
       1},
      {"removed middle event", "DELETE FROM events WHERE stream = 'person/3' AND version = 2", 2},
      {"truncated end", "DELETE FROM events WHERE stream = 'person/3' AND version = 4", 4},
      {"reordered", "", 2},  // swapped below, through a free version number
      {"forged head", "UPDATE streams SET head_hash = 'ab' WHERE stream = 'person/3'", 4},
  };
  for (const Tampering& t : kTamperings) {
    SCOPED_TRACE(t.name);
    TestDatabase fresh(GetParam());
    auto db = fresh.open();
    ASSERT_TRUE(append(*db, "person/2", 0, {event("PersonRecorded", "{}")}).ok());
    ASSERT_TRUE(
        append(*db, "person/3", 0,
               {event("PersonRecorded", "{\"x\":1}"), event("A", "{}"), event("B", "{}"), event("C", "{}")})
            .ok());
    ASSERT_FALSE(EventLog(db->sql()).verify().has_value());
    if (std::string(t.name) == "reordered") {
      // Swap through a free version number so the unique index never sees a duplicate.
      db->sql().execute("UPDATE events SET version = 99 WHERE stream = 'person/3' AND version = 2");
      db->sql().execute("UPDATE events SET version = 2 WHERE stream = 'person/3' AND version = 3");
      db->sql().execute("UPDATE events SET version = 3 WHERE stream = 'person/3' AND version = 99");
    } else {
      db->sql().execute(t.sql);
    }
    const auto problem = EventLog(db->sql()).verify();
    ASSERT_TRUE(problem.has_value());
    EXPECT_EQ(problem->stream, "person/3");
    EXPECT_EQ(problem->version, t.expected_version) << problem->problem;
    EXPECT_FALSE(problem->problem.empty());
  }
}

TEST_P(StoreConformance, SequencesCountFromTheirStart) {
  Status s = db_->transact([&]() -> Status {
    EXPECT_EQ(db_->next_id("person"), 1);
    EXPECT_EQ(db_->next_id("person"), 2);
    EXPECT_EQ(db_->next_id("other", 100), 100);
    return Status::success();
  });
  ASSERT_TRUE(s.ok());
  // A rolled-back transaction gives its number back.
  (void)db_->transact([&]() -> Status {
    db_->next_id("person");
    return Error::invalid("changed my mind");
  });
  (void)db_->transact([&]() -> Status {
    EXPECT_EQ(db_->next_id("person"), 3);
    return Status::success();
  });
}

TEST_P(StoreConformance, ANestedFailureUndoesOnlyItsOwnWork) {
  Status outer = db_->transact([&]() -> Status {
    CouncilSettings settings(db_->sql());
    settings.set_closure_day({*Date::parse_iso("2026-12-29"), "kept"}, "t", testing::test_now());
    Status inner = db_->transact([&]() -> Status {
      settings.set_closure_day({*Date::parse_iso("2026-12-30"), "undone"}, "t", testing::test_now());
      return Error::invalid("inner fails");
    });
    EXPECT_FALSE(inner.ok());
    return Status::success();
  });
  ASSERT_TRUE(outer.ok());
  const auto days = CouncilSettings(db_->sql()).closure_days();
  ASSERT_EQ(days.size(), 1u);
  EXPECT_EQ(days[0].reason, "kept");
}

TEST_P(StoreConformance, UpsertsReplace) {
  Status s = db_->transact([&]() -> Status {
    CouncilSettings settings(db_->sql());
    settings.set_closure_day({*Date::parse_iso("2026-12-29"), "first"}, "t", testing::test_now());
    settings.set_closure_day({*Date::parse_iso("2026-12-29"), "second"}, "t", testing::test_now());
    const User u = testing::add_test_user(*db_, Role::kSocialWorker, "drafter");
    Drafts drafts(db_->sql());
    drafts.save(u.id, {"/people/new", "surname=A", testing::test_now()});
    drafts.save(u.id, {"/people/new", "surname=B", testing::test_now()});
    EXPECT_EQ(drafts.load(u.id, "/people/new")->data, "surname=B");
    drafts.discard(u.id, "/people/new");
    EXPECT_FALSE(drafts.load(u.id, "/people/new").has_value());
    return Status::success();
  });
  ASSERT_TRUE(s.ok()) << s.error().message;
  const auto days = CouncilSettings(db_->sql()).closure_days();
  ASSERT_EQ(days.size(), 1u);
  EXPECT_EQ(days[0].reason, "second");
  EXPECT_FALSE(CouncilSettings(db_->sql()).calendar().is_working_day(*Date::parse_iso("2026-12-29")));
}

TEST_P(StoreConformance, ReadModelsEqualARebuildFromTheLog) {
  FixedClock clock(testing::test_now());
  const User worker = testing::add_test_user(*db_, Role::kFrontDoorSocialWorker, "frontdoor");
  PeopleService people(*db_, clock);
  const int64_t mother =
      testing::create_person(people, worker, testing::new_person("Amy", "Fielding", "1990-04-02", "NR1 4AB"));
  NewPersonInput child = testing::new_person("Ellie", "Fielding", "2016-06-30", "NR1 4AB");
  child.identifiers = {{"nhs_number", "9434765919"}};
  const int64_t daughter = testing::create_person(people, worker, child);
  ASSERT_TRUE(people
                  .add_relationship(worker, daughter, 2, mother, "parent", Date::parse_iso("2016-06-30"),
                                    {"test", ""})
                  .ok());
  PersonDetails corrected = testing::child_details("Ellie", "Fielding", "2016-06-29");
  ASSERT_TRUE(
      people.correct_details(worker, daughter, 3, corrected, "Birth certificate seen", {"test", ""}).ok());
  ASSERT_TRUE(people
                  .change_name(worker, mother, 2, PersonName{"Amy", "", "Carter"},
                               *Date::parse_iso("2025-05-01"), {"test", ""})
                  .ok());

  auto differences = verify_read_models(*db_);
  ASSERT_TRUE(differences.ok());
  EXPECT_TRUE(differences->empty()) << (*differences)[0];

  // A read model changed behind Safeguard's back is reported, and a rebuild puts it right.
  db_->sql().execute("UPDATE people SET surname = 'Tampered' WHERE person_id = ?", {sql_int(daughter)});
  db_->sql().execute("DELETE FROM person_identifiers WHERE person_id = ?", {sql_int(daughter)});
  differences = verify_read_models(*db_);
  ASSERT_TRUE(differences.ok());
  EXPECT_EQ(differences->size(), 3u);  // the people row missing and extra, the identifier missing
  auto rebuilt = rebuild_read_models(*db_);
  ASSERT_TRUE(rebuilt.ok());
  EXPECT_EQ(rebuilt->streams, 2);
  EXPECT_EQ(rebuilt->events, 7);
  differences = verify_read_models(*db_);
  EXPECT_TRUE(differences->empty());
  EXPECT_EQ(PeopleIndex(db_->sql()).summary(daughter)->surname, "Fielding");
  EXPECT_EQ(PeopleIndex(db_->sql()).summary(mother)->surname, "Carter");
}

TEST_P(StoreConformance, PeopleLoadTogetherAsEachLoadsAlone) {
  FixedClock clock(testing::test_now());
  const User worker = testing::add_test_user(*db_, Role::kFrontDoorSocialWorker, "frontdoor");
  PeopleService people(*db_, clock);
  std::vector<int64_t> ids;
  for (const char* forename : {"Ava", "Ben", "Cara", "Dan", "Eve", "Finn"}) {
    ids.push_back(testing::create_person(people, worker,
                                         testing::new_person(forename, "Fielding", "2016-06-30", "NR1 4AB")));
  }
  ASSERT_TRUE(people
                  .change_name(worker, ids[2], load_person(db_->sql(), ids[2])->version,
                               PersonName{"Cara", "", "Carter"}, *Date::parse_iso("2025-05-01"), {"test", ""})
                  .ok());
  // Asked for out of order and with one twice: each as load_person gives it, in the order asked.
  const std::vector<int64_t> asked{ids[4], ids[2], ids[0], ids[2], ids[5], ids[1], ids[3]};
  const auto loaded = load_people(db_->sql(), asked);
  ASSERT_TRUE(loaded.ok()) << loaded.error().message;
  ASSERT_EQ(loaded->size(), asked.size());
  for (size_t i = 0; i < asked.size(); ++i) {
    const auto alone = load_person(db_->sql(), asked[i]);
    ASSERT_TRUE(alone.ok());
    EXPECT_EQ((*loaded)[i].id, asked[i]);
    EXPECT_EQ((*loaded)[i].version, alone->version);
    EXPECT_EQ((*loaded)[i].details.name.full(), alone->details.name.full());
  }
  EXPECT_EQ((*loaded)[1].details.name.surname, "Carter");
  EXPECT_EQ((*loaded)[3].details.name.surname, "Carter");
  EXPECT_TRUE(load_people(db_->sql(), {})->empty());
  // Someone who is not there is named.
  const auto missing = load_people(db_->sql(), {ids[0], 9999});
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.error().code, ErrorCode::kNotFound);
  EXPECT_NE(missing.error().message.find("9999"), std::string::npos);
}

TEST_P(StoreConformance, SearchToleratesSpellingOnBothDatabases) {
  FixedClock clock(testing::test_now());
  const User worker = testing::add_test_user(*db_, Role::kFrontDoorSocialWorker, "frontdoor");
  PeopleService people(*db_, clock);
  const int64_t katherine = testing::create_person(
      people, worker, testing::new_person("Katherine", "Smyth", "2012-03-04", "NR2 3DE"));
  testing::create_person(people, worker, testing::new_person("Kevin", "Jones", "2012-03-04", "NR2 3DE"));
  for (const char* typed : {"Catherine Smith", "kathryn smyth", "KATH SMYTHE", "Smyth"}) {
    auto hits = people.search(worker, PersonSearch{typed, std::nullopt, "", ""});
    ASSERT_TRUE(hits.ok()) << typed;
    ASSERT_FALSE(hits->empty()) << typed;
    EXPECT_EQ(hits->front().person.id, katherine) << typed;
  }
  auto by_birth = people.search(worker, PersonSearch{"", Date::parse_iso("2012-03-04"), "", ""});
  ASSERT_TRUE(by_birth.ok());
  EXPECT_EQ(by_birth->size(), 2u);
  auto by_postcode = people.search(worker, PersonSearch{"", std::nullopt, "nr23de", ""});
  ASSERT_TRUE(by_postcode.ok());
  EXPECT_EQ(by_postcode->size(), 2u);
}

// Fault injection, as SQLite tests itself: run an operation failing its 1st, 2nd, ... Nth write,
// and after each failure the database must be exactly as before the operation.
TEST_P(StoreConformance, AFailedWriteLeavesTheRecordExactlyAsItWas) {
  auto faulty = std::make_unique<FaultInjectingConnection>(test_db_->connect());
  FaultInjectingConnection* faults = faulty.get();
  Database db(std::move(faulty));
  ASSERT_TRUE(db.migrate().ok());
  FixedClock clock(testing::test_now());
  const User worker = testing::add_test_user(db, Role::kFrontDoorSocialWorker, "frontdoor");
  PeopleService people(db, clock);
  NewPersonInput sam = testing::new_person("Sam", "Archer", "2015-01-01", "NR3 1AA");
  sam.address->from = Date::parse_iso("2020-01-01");
  const int64_t existing = testing::create_person(people, worker, sam);

  struct Operation {
    const char* name;
    std::function<bool()> run;  // true when it succeeded
  };
  const Operation operations[] = {
      {"create a person with an address",
       [&] {
         NewPersonInput input = testing::new_person("Lee", "Brown", "2014-02-02", "NR4 7TJ");
         input.identifiers = {{"nhs_number", "9434765870"}};
         return people.create(worker, input, true, {"test", ""}).ok();
       }},
      {"correct details",
       [&] {
         const int64_t version = EventLog(db.sql()).version("person/" + std::to_string(existing));
         return people
             .correct_details(worker, existing, version,
                              testing::child_details("Sam", "Archer", "2015-01-02"), "Seen the red book",
                              {"test", ""})
             .ok();
       }},
      {"add an address",
       [&] {
         const int64_t version = EventLog(db.sql()).version("person/" + std::to_string(existing));
         return people
             .add_address(worker, existing, version, {"2 New Road", "", "Norwich", "NR5 8AB", std::nullopt},
                          {"test", ""})
             .ok();
       }},
  };
  for (const Operation& op : operations) {
    SCOPED_TRACE(op.name);
    bool succeeded = false;
    for (int64_t n = 1; n < 200 && !succeeded; ++n) {
      const auto before = testing::dump_tables(db.sql());
      faults->fail_from_write(n);
      succeeded = op.run();
      faults->never_fail();
      if (!succeeded) {
        EXPECT_EQ(testing::dump_tables(db.sql()), before) << "failing write " << n << " left a change behind";
      }
    }
    EXPECT_TRUE(succeeded) << "the operation never succeeded";
  }
  EXPECT_FALSE(EventLog(db.sql()).verify().has_value());
  auto differences = verify_read_models(db);
  ASSERT_TRUE(differences.ok());
  EXPECT_TRUE(differences->empty());
}

TEST_P(StoreConformance, AccountsSessionsAndTokensRoundTrip) {
  FixedClock clock(testing::test_now());
  AuthService auth(*db_, clock);
  auto user =
      auth.add_user("test", "Jo.Bloggs", "Jo Bloggs", "social_worker", "Team A", "", "correct horse battery");
  ASSERT_TRUE(user.ok()) << user.error().message;
  EXPECT_EQ(user->username, "jo.bloggs");
  auto signed_in = auth.sign_in("jo.bloggs", "correct horse battery", "127.0.0.1");
  ASSERT_TRUE(signed_in.ok()) << signed_in.error().message;
  EXPECT_EQ(auth.check_session(signed_in->session_token).state, SessionCheck::State::kValid);
  auto token = auth.create_token("test", "jo.bloggs", "partner");
  ASSERT_TRUE(token.ok());
  auto who = auth.authenticate_token(*token);
  ASSERT_TRUE(who.ok());
  EXPECT_EQ(who->username, "jo.bloggs");
  // Only hashes are stored.
  EXPECT_TRUE(db_->sql().query("SELECT 1 FROM api_tokens WHERE token_hash = ?", {sql_text(*token)}).empty());
  EXPECT_TRUE(
      db_->sql()
          .query("SELECT 1 FROM sessions WHERE session_hash = ?", {sql_text(signed_in->session_token)})
          .empty());
}

}  // namespace
}  // namespace safeguard
