// Small builders shared by tests: users of each role (inserted directly, without the cost of
// argon2), people's details, and a dump of every table for "nothing changed" comparisons.
#pragma once

#include <algorithm>
#include <map>
#include <string>
#include <vector>

#include "app/front_door.h"
#include "app/people.h"
#include "core/clock.h"
#include "domain/person.h"
#include "domain/user.h"
#include "store/accounts.h"
#include "store/database.h"

namespace safeguard::testing {

// 10:00 on Monday 23 November 2026, the day these tests are written for.
inline Timestamp test_now() { return Timestamp::from_date_time(Date::from_ymd(2026, 11, 23), 10, 0, 0); }

inline User add_test_user(Database& db, Role role, const std::string& username,
                          const std::string& team = "Test team") {
  User user;
  user.username = username;
  user.display_name = "Test " + username;
  user.role = role;
  if (role == Role::kMashPartner) user.agency = "police";
  Status s = db.transact([&]() -> Status {
    Accounts accounts(db.sql());
    const Team t = accounts.ensure_team(team, test_now());
    user.team_id = t.id;
    user.team_name = t.name;
    // Not a real argon2 hash: these users never sign in with a password.
    user.id = accounts.insert_user(user, "not-a-password-hash", test_now());
    return Status::success();
  });
  if (!s) throw std::runtime_error(s.error().message);
  return user;
}

inline PersonDetails child_details(const std::string& forename, const std::string& surname,
                                   const std::string& born, const std::string& sex = "F") {
  PersonDetails d;
  d.name.forename = forename;
  d.name.surname = surname;
  d.date_of_birth = Date::parse_iso(born);
  d.sex = sex;
  d.ethnicity = "WBRI";
  return d;
}

inline NewPersonInput new_person(const std::string& forename, const std::string& surname,
                                 const std::string& born, const std::string& postcode = "") {
  NewPersonInput input;
  input.details = child_details(forename, surname, born);
  if (!postcode.empty()) input.address = AddressInput{"1 Test Street", "", "Norwich", postcode, std::nullopt};
  return input;
}

// Creates a person, failing the test's expectations loudly if it cannot.
inline int64_t create_person(PeopleService& people, const User& user, const NewPersonInput& input) {
  auto outcome = people.create(user, input, true, Channel{"test", "create"});
  if (!outcome)
    throw std::runtime_error("create failed: " + outcome.error().message + " (" + outcome.error().field +
                             ")");
  return outcome->created->person_id;
}

// A child the front door referred an hour before the clock's now, through the front door's own
// use cases: their record then has an open Children in Need episode. Throws if the front door
// refuses (the test then fails).
inline int64_t refer_child(Database& db, const Clock& clock, const User& front_door_worker,
                           const std::string& forename) {
  PeopleService people(db, clock);
  const int64_t id = create_person(people, front_door_worker, new_person(forename, "Fielding", "2016-06-30"));
  FrontDoorService front_door(db, clock);
  RecordContactInput in;
  in.contact.received_at = clock.now().plus_seconds(-3600);
  in.contact.source = "2A";
  in.contact.referrer = {"Ms Head", "Head teacher", "", ""};
  in.contact.concerns = "Bruises on her arm.";
  in.contact.consent = "not_sought";
  in.contact.lawful_basis = "safeguarding";
  in.contact.urgency = "amber";
  in.contact.children = {id};
  const Channel channel{"test", "refer"};
  auto recorded = front_door.record(front_door_worker, in, channel);
  if (!recorded || !recorded->contact_id) throw std::runtime_error("recording the contact failed");
  auto decided = front_door.decide(front_door_worker, *recorded->contact_id, 1, id,
                                   {"referral", "Harm", "", "N1"}, channel);
  if (!decided) throw std::runtime_error("referring the child failed: " + decided.error().message);
  return id;
}

// A team manager allocates the child to the worker `username` today (reason FCONTA). Throws if the
// allocation is refused (the test then fails).
inline void allocate_to(Database& db, const Clock& clock, const User& manager, int64_t child,
                        const std::string& username) {
  PeopleService people(db, clock);
  const Channel channel{"test", ""};
  auto opened = people.open(manager, child, channel);
  if (!opened) throw std::runtime_error("opening the record failed: " + opened.error().message);
  auto allocated =
      people.allocate(manager, child, opened->person.version, username, clock.today(), "FCONTA", channel);
  if (!allocated) throw std::runtime_error("allocating the child failed: " + allocated.error().message);
}

inline const std::vector<std::string>& all_tables() {
  static const std::vector<std::string> kTables = {"schema_migrations",
                                                   "streams",
                                                   "events",
                                                   "sequences",
                                                   "people",
                                                   "person_name_tokens",
                                                   "person_identifiers",
                                                   "person_addresses",
                                                   "person_relationships",
                                                   "teams",
                                                   "users",
                                                   "api_tokens",
                                                   "sessions",
                                                   "sign_in_attempts",
                                                   "access_log",
                                                   "administration_log",
                                                   "closure_days",
                                                   "drafts",
                                                   "access_grants",
                                                   "council_settings",
                                                   "cin_episodes",
                                                   "contacts",
                                                   "contact_children",
                                                   "contact_adults",
                                                   "mash_requests",
                                                   "mash_shared_children",
                                                   "person_allocations",
                                                   "person_assessments",
                                                   "person_enquiries",
                                                   "person_plans",
                                                   "person_visits",
                                                   "person_supervisions",
                                                   "person_care_periods",
                                                   "person_care_episodes",
                                                   "person_care_reviews",
                                                   "person_missing",
                                                   "person_exploitation_screenings",
                                                   "person_care_records"};
  return kTables;
}

// Every row of every table as sorted text: equal dumps mean an identical database.
inline std::map<std::string, std::vector<std::string>> dump_tables(SqlConnection& db) {
  std::map<std::string, std::vector<std::string>> dump;
  for (const std::string& table : all_tables()) {
    std::vector<std::string>& rows = dump[table];
    for (const SqlRow& row : db.query("SELECT * FROM " + table)) {
      std::string text;
      for (const SqlValue& v : row.values()) text += sql_value_text(v) + "\x1f";
      rows.push_back(text);
    }
    std::sort(rows.begin(), rows.end());
  }
  return dump;
}

}  // namespace safeguard::testing
