#include "synth/council.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <memory>
#include <set>
#include <string>
#include <vector>

#include "app/postcodes.h"
#include "app/returns.h"
#include "app/settings.h"
#include "domain/identifiers.h"
#include "domain/user.h"
#include "returns/cin_validator.h"
#include "store/accounts.h"
#include "store/care_read_model.h"
#include "store/event_log.h"
#include "store/people_read_model.h"

namespace safeguard::synth {
namespace {

// A Monday morning, so the history's last day is a Sunday and its last working day a Friday.
const Timestamp kNow = *Timestamp::parse_iso("2026-03-02T10:00:00Z");

std::unique_ptr<Database> fresh_database() {
  auto db = open_council_database(":memory:");
  EXPECT_TRUE(db.ok()) << (db.ok() ? "" : db.error().message);
  return std::move(db).value();
}

CouncilOptions small_options(uint64_t seed) {
  CouncilOptions options;
  options.seed = seed;
  options.scale = Scale::kSmall;
  options.now = kNow;
  options.council_name = "Test Council";
  return options;
}

// Every row of a table as text, in the table's total order.
std::vector<std::string> rows_of(Database& db, const std::string& table, const std::string& order_by) {
  std::vector<std::string> out;
  for (const SqlRow& row : db.sql().query("SELECT * FROM " + table + " ORDER BY " + order_by)) {
    std::string line;
    for (const SqlValue& v : row.values()) line += sql_value_text(v) + "|";
    out.push_back(line);
  }
  return out;
}

int64_t count_of(Database& db, const std::string& sql) { return db.sql().query(sql).at(0).integer(0); }

// One small council, generated once for the tests that only read it.
class CouncilSmallTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    db_ = fresh_database().release();
    auto generated = generate_council(*db_, small_options(42), [](int64_t done, int64_t total) {
      ASSERT_LE(done, total);
      progress_calls_++;
      last_done_ = done;
    });
    ASSERT_TRUE(generated.ok()) << generated.error().message;
    report_ = new CouncilReport(*generated);
  }
  static void TearDownTestSuite() {
    delete report_;
    delete db_;
  }

  static Database* db_;
  static CouncilReport* report_;
  static int progress_calls_;
  static int64_t last_done_;
};

Database* CouncilSmallTest::db_ = nullptr;
CouncilReport* CouncilSmallTest::report_ = nullptr;
int CouncilSmallTest::progress_calls_ = 0;
int64_t CouncilSmallTest::last_done_ = 0;

TEST(CouncilScaleTest, ParsesScales) {
  EXPECT_EQ(parse_scale("small"), Scale::kSmall);
  EXPECT_EQ(parse_scale("council"), Scale::kCouncil);
  EXPECT_EQ(parse_scale("large"), Scale::kLarge);
  EXPECT_EQ(parse_scale("Small"), std::nullopt);
  EXPECT_EQ(parse_scale(""), std::nullopt);
}

TEST_F(CouncilSmallTest, ProducesPlausibleCounts) {
  ASSERT_NE(report_, nullptr);
  EXPECT_EQ(report_->households, 100);
  EXPECT_EQ(report_->people, count_of(*db_, "SELECT COUNT(*) FROM people"));
  EXPECT_EQ(report_->people, report_->children + report_->adults);
  EXPECT_GE(report_->children, 150);
  EXPECT_LE(report_->children, 300);
  EXPECT_GE(report_->adults, 80);
  EXPECT_EQ(report_->relationships, count_of(*db_, "SELECT COUNT(*) FROM person_relationships"));
  EXPECT_GE(report_->relationships, report_->children);
  EXPECT_EQ(report_->events, count_of(*db_, "SELECT SUM(version) FROM people"));
  EXPECT_GT(report_->events, report_->people + report_->relationships);
  EXPECT_EQ(last_done_, 100);
  EXPECT_GE(progress_calls_, 2);

  // Unborn children: recorded before birth, whether or not born since.
  const int64_t still_unborn =
      count_of(*db_, "SELECT COUNT(*) FROM people WHERE expected_date_of_birth IS NOT NULL");
  int64_t born_since = 0;
  EventLog log(db_->sql());
  for (const std::string& stream : log.streams(kPersonStreamKind)) {
    for (const RecordedEvent& e : log.read(stream)) born_since += e.type == "BirthRecorded";
  }
  EXPECT_GT(still_unborn + born_since, 0);
  EXPECT_EQ(
      count_of(*db_, "SELECT COUNT(*) FROM people WHERE expected_date_of_birth IS NOT NULL AND sex <> 'U'"),
      0);
}

TEST_F(CouncilSmallTest, ChildrenAreProtectedPlannedVisitedAndSupervised) {
  ASSERT_NE(report_, nullptr);
  EXPECT_GT(count_of(*db_, "SELECT COUNT(*) FROM person_enquiries"), 0);
  EXPECT_GT(count_of(*db_, "SELECT COUNT(*) FROM person_enquiries WHERE conference_on IS NOT NULL"), 0);
  EXPECT_GT(count_of(*db_, "SELECT COUNT(*) FROM person_plans WHERE type = 'child_protection'"), 0);
  EXPECT_GT(count_of(*db_, "SELECT COUNT(*) FROM person_plans WHERE type = 'child_in_need'"), 0);
  EXPECT_GT(count_of(*db_, "SELECT COUNT(*) FROM person_plans WHERE finalised_on IS NOT NULL"), 0);
  EXPECT_GT(count_of(*db_, "SELECT COUNT(*) FROM person_visits"), 0);
  EXPECT_GT(count_of(*db_, "SELECT COUNT(*) FROM person_supervisions"), 0);
  // No open plan or enquiry in a closed episode: closure waited for them.
  EXPECT_EQ(
      count_of(*db_,
               "SELECT COUNT(*) FROM person_plans p JOIN cin_episodes e ON e.person_id = p.person_id AND "
               "e.episode_id = p.episode_id WHERE p.ended_on IS NULL AND e.closed_on IS NOT NULL"),
      0);
  EXPECT_EQ(report_->protection.on_protection_plans,
            count_of(*db_,
                     "SELECT COUNT(DISTINCT person_id) FROM person_plans WHERE type = 'child_protection' "
                     "AND ended_on IS NULL"));
}

TEST_F(CouncilSmallTest, ChildrenComeIntoCareAndAreReviewedAndVisited) {
  ASSERT_NE(report_, nullptr);
  const int64_t periods = count_of(*db_, "SELECT COUNT(*) FROM person_care_periods");
  EXPECT_GT(periods, 0);
  EXPECT_GT(count_of(*db_, "SELECT COUNT(*) FROM person_care_periods WHERE end_date IS NULL"), 0);
  EXPECT_GT(count_of(*db_, "SELECT COUNT(*) FROM person_care_reviews"), 0);
  // Every period has its reviewing officer; its episodes follow one another with no gap or overlap,
  // each but the last ending X1, and the reason for each new episode is S only for the first.
  EXPECT_EQ(count_of(*db_, "SELECT COUNT(*) FROM person_care_periods WHERE reviewing_officer = ''"), 0);
  EXPECT_EQ(
      count_of(*db_,
               "SELECT COUNT(*) FROM person_care_episodes a JOIN person_care_episodes b ON "
               "a.person_id = b.person_id AND a.period_id = b.period_id AND b.episode_no = a.episode_no + 1 "
               "WHERE a.end_date IS NULL OR a.end_date <> b.start_date OR a.reason_ceased <> 'X1'"),
      0);
  EXPECT_EQ(
      count_of(*db_,
               "SELECT COUNT(*) FROM person_care_episodes WHERE (episode_no = 1) <> (reason_new = 'S')"),
      0);
  EXPECT_EQ(periods, count_of(*db_, "SELECT COUNT(*) FROM person_care_episodes WHERE episode_no = 1"));
  // A closed Children in Need episode has no open period of care: care ended first.
  EXPECT_EQ(
      count_of(*db_,
               "SELECT COUNT(*) FROM person_care_periods p JOIN cin_episodes e ON e.person_id = p.person_id "
               "AND e.episode_id = p.cin_episode_id WHERE p.end_date IS NULL AND e.closed_on IS NOT NULL"),
      0);
  // Children in care are visited at their placements.
  EXPECT_GT(
      count_of(*db_,
               "SELECT COUNT(*) FROM person_visits v JOIN person_care_periods p ON p.person_id = v.person_id "
               "WHERE v.visited_on >= p.start_date AND (p.end_date IS NULL OR v.visited_on < p.end_date)"),
      0);
}

// The council knows its own code and where its postcodes are: every placement of the children
// looked after today is located, some out of the county (children's homes and agency foster carers), and each
// child's distance from home is known.
// The Children in Need census of every complete year the history covers has no errors: what the
// generator records is what the DfE's rules accept (queries may remain, as in any council's).
TEST_F(CouncilSmallTest, EveryYearsCensusHasNoErrors) {
  ASSERT_NE(report_, nullptr);
  const FixedClock clock(small_options(42).now);
  const Date today = clock.today();
  const int last = today >= Date::from_ymd(today.year(), 4, 1) ? today.year() : today.year() - 1;
  for (int year = last - 4; year <= last; ++year) {
    auto xml = ReturnsService(*db_, clock).cin_census("test", year);
    ASSERT_TRUE(xml.ok()) << xml.error().message;
    const auto census = read_cin_census(*xml);
    ASSERT_TRUE(census.ok()) << census.error().message;
    EXPECT_GT(census->children.size(), 0u) << year;
    const ValidationReport report = validate_cin(*census);
    for (const Finding& f : report.findings) {
      if (f.severity == Severity::kError)
        ADD_FAILURE() << year << ": " << f.rule << " " << f.child << " " << f.table << " " << f.row << " "
                      << f.fields << "=" << f.value << ": " << f.message;
    }
  }
}

TEST_F(CouncilSmallTest, EveryPlacementIsLocatedAgainstHomeAndTheCounty) {
  ASSERT_NE(report_, nullptr);
  const FixedClock clock(small_options(42).now);
  EXPECT_EQ(SettingsService(*db_, clock).council_authority(), "E10000020");
  PlacementLocator locator(*db_, clock);
  int64_t episodes = 0;
  int64_t located = 0;
  int64_t with_distance = 0;
  int64_t out_of_area = 0;
  for (const int64_t id : CareIndex(db_->sql()).looked_after_between(clock.today(), clock.today())) {
    const Person child = PeopleIndex(db_->sql()).casework_of({id}).at(id);
    for (const PeriodOfCare& period : child.periods_of_care) {
      for (const CareEpisode& episode : period.episodes) {
        ++episodes;
        const PlacementLocation where = locator.locate(period, episode);
        located += where.out_of_area.has_value();
        with_distance += where.miles.has_value();
        out_of_area += where.out_of_area.value_or(false);
      }
    }
  }
  EXPECT_GT(episodes, 0);
  EXPECT_EQ(located, episodes);
  EXPECT_EQ(with_distance, episodes);
  EXPECT_GT(out_of_area, 0);
  EXPECT_LT(out_of_area, episodes);
}

// Unaccompanied asylum-seeking children arrive alone and come into care at once, accommodated
// under section 20 for absent parenting, recorded as UASC from the day care began.
TEST_F(CouncilSmallTest, UnaccompaniedChildrenComeIntoCareOnArriving) {
  ASSERT_NE(report_, nullptr);
  const auto rows = db_->sql().query(
      "SELECT r.person_id, r.on_date, p.start_date, e.legal_status, e.category_of_need FROM "
      "person_care_records r"
      " JOIN person_care_periods p ON p.person_id = r.person_id AND p.period_id = 1"
      " JOIN person_care_episodes e ON e.person_id = p.person_id AND e.period_id = 1 AND e.episode_no = 1"
      " WHERE r.kind = 'uasc'");
  ASSERT_FALSE(rows.empty());
  for (const SqlRow& row : rows) {
    EXPECT_EQ(row.text(1), row.text(2)) << row.integer(0);
    EXPECT_EQ(row.text(3), "V2");
    EXPECT_EQ(row.text(4), "N8");
    const std::string id = std::to_string(row.integer(0));
    EXPECT_EQ(count_of(*db_, "SELECT COUNT(*) FROM person_relationships WHERE person_id = " + id +
                                 " OR related_person_id = " + id),
              0);  // no family here
  }
}

TEST_F(CouncilSmallTest, RecordsEveryKindOfRelationshipOnce) {
  std::set<std::string> types;
  for (const SqlRow& row : db_->sql().query("SELECT DISTINCT type FROM person_relationships"))
    types.insert(row.text(0));
  for (const char* type : {"parent", "sibling", "half_sibling"}) EXPECT_TRUE(types.count(type)) << type;
  // No pair is recorded twice, in either direction.
  std::set<std::pair<int64_t, int64_t>> pairs;
  for (const SqlRow& row :
       db_->sql().query("SELECT person_id, related_person_id FROM person_relationships")) {
    const int64_t a = row.integer(0);
    const int64_t b = row.integer(1);
    const std::pair<int64_t, int64_t> pair = std::minmax(a, b);
    EXPECT_TRUE(pairs.insert(pair).second) << pair.first << " and " << pair.second;
  }
}

TEST_F(CouncilSmallTest, IdentifiersAreValidAndUnique) {
  int upns = 0;
  int nhs = 0;
  for (const SqlRow& row : db_->sql().query("SELECT type, value FROM person_identifiers")) {
    const std::string type = row.text(0);
    const std::string value = row.text(1);
    if (type == "upn") {
      ++upns;
      EXPECT_TRUE(is_valid_upn(value)) << value;
      EXPECT_EQ(value.substr(1, 3), "926") << value;
    } else if (type == "nhs_number") {
      ++nhs;
      EXPECT_TRUE(is_valid_nhs_number(value)) << value;
      EXPECT_EQ(value.substr(0, 3), "999") << value;
    }
  }
  EXPECT_GT(upns, 30);
  EXPECT_GT(nhs, report_->people / 2);
  EXPECT_EQ(
      count_of(*db_, "SELECT COUNT(*) FROM person_identifiers"),
      count_of(*db_, "SELECT COUNT(*) FROM (SELECT DISTINCT type, value FROM person_identifiers) AS d"));
}

TEST_F(CouncilSmallTest, AddressesSpreadAcrossTheCounty) {
  std::set<std::string> districts;
  for (const SqlRow& row : db_->sql().query("SELECT postcode FROM person_addresses")) {
    const std::string postcode = row.text(0);
    EXPECT_TRUE(is_valid_postcode(postcode)) << postcode;
    districts.insert(postcode_district(postcode));
  }
  EXPECT_GE(districts.size(), 8u);
  // Some families moved: people with more than one address.
  EXPECT_GT(count_of(*db_, "SELECT COUNT(*) FROM person_addresses WHERE to_date IS NOT NULL"), 0);
}

TEST_F(CouncilSmallTest, LifeGoesOnAfterTheFirstContact) {
  std::map<std::string, int> types;
  EventLog log(db_->sql());
  const Date today = london_date(kNow);
  for (const std::string& stream : log.streams(kPersonStreamKind)) {
    Timestamp previous;
    for (const RecordedEvent& e : log.read(stream)) {
      ++types[e.type];
      EXPECT_LE(e.recorded_at, kNow) << stream;
      EXPECT_LE(e.occurred_on, today) << stream;
      EXPECT_GE(e.recorded_at, previous) << stream << " version " << e.version;
      EXPECT_GE(e.recorded_at, Timestamp::from_date_time(add_years(today, -6) - 1, 0, 0, 0)) << stream;
      previous = e.recorded_at;
    }
  }
  for (const char* type :
       {"PersonRecorded", "AddressRecorded", "RelationshipRecorded", "PersonDetailsCorrected"}) {
    EXPECT_GT(types[type], 0) << type;
  }
  EXPECT_GT(types["AddressRecorded"], types["PersonRecorded"] / 2);
}

TEST_F(CouncilSmallTest, EveryRoleHasADemoUser) {
  for (const Role role : all_roles()) {
    const auto found = std::find_if(report_->users.begin(), report_->users.end(),
                                    [&](const DemoUser& u) { return u.role == role_code(role); });
    EXPECT_NE(found, report_->users.end()) << role_code(role);
  }
  std::set<std::string> usernames;
  for (const DemoUser& u : report_->users) {
    EXPECT_TRUE(usernames.insert(u.username).second) << u.username;
    EXPECT_FALSE(u.display_name.empty());
  }
  for (const char* name : {"frontdoor", "socialworker", "manager", "iro", "analyst", "complaints",
                           "fostering", "inspector", "admin", "police"}) {
    EXPECT_TRUE(usernames.count(name)) << name;
  }
}

TEST_F(CouncilSmallTest, TheInspectorSeesASampleOfChildren) {
  Accounts accounts(db_->sql());
  const auto inspector = accounts.user_by_username("inspector");
  ASSERT_TRUE(inspector.has_value());
  const Date today = london_date(kNow);
  int granted_today = 0;
  int granted_later = 0;
  for (const SqlRow& row : db_->sql().query("SELECT person_id FROM people")) {
    granted_today += accounts.has_grant(inspector->id, row.integer(0), today);
    granted_later += accounts.has_grant(inspector->id, row.integer(0), today + 29);
    EXPECT_FALSE(accounts.has_grant(inspector->id, row.integer(0), today + 30));
  }
  EXPECT_EQ(granted_today, 20);
  EXPECT_EQ(granted_later, 20);
}

TEST_F(CouncilSmallTest, ReadModelsAndChainsAreIntact) {
  auto differences = verify_read_models(*db_);
  ASSERT_TRUE(differences.ok()) << differences.error().message;
  EXPECT_TRUE(differences->empty()) << differences->front();
  EXPECT_EQ(EventLog(db_->sql()).verify(), std::nullopt);
}

TEST_F(CouncilSmallTest, TheFrontDoorHasSixYearsOfWork) {
  const Date today = london_date(kNow);
  const int64_t contacts = count_of(*db_, "SELECT COUNT(*) FROM contacts");
  // Every household is heard of at least once; many again.
  EXPECT_GE(contacts, report_->households);
  EXPECT_LE(contacts, 6 * report_->households);
  // Every contact is about at least one child, recorded on the child's own record.
  EXPECT_EQ(count_of(*db_,
                     "SELECT COUNT(*) FROM contacts c WHERE NOT EXISTS "
                     "(SELECT 1 FROM contact_children k WHERE k.contact_id = c.contact_id)"),
            0);
  EXPECT_EQ(count_of(*db_, "SELECT SUM(children_count) FROM contacts"),
            count_of(*db_, "SELECT COUNT(*) FROM contact_children"));
  // Contacts spread over the six years, none in the future.
  EXPECT_LE(db_->sql().query("SELECT MIN(received_on) FROM contacts").at(0).text(0),
            add_years(today, -5).iso());
  EXPECT_LE(db_->sql().query("SELECT MAX(received_at) FROM contacts").at(0).text(0), kNow.iso());
  // Decisions of several kinds, most of them final; referrals open Children in Need episodes.
  std::set<std::string> outcomes;
  for (const SqlRow& row :
       db_->sql().query("SELECT DISTINCT outcome FROM contact_children WHERE decision_status = 'decided'")) {
    outcomes.insert(row.text(0));
  }
  EXPECT_GE(outcomes.size(), 4u);
  EXPECT_GT(count_of(*db_, "SELECT COUNT(*) FROM contact_children WHERE decision_status = 'decided'"),
            count_of(*db_, "SELECT COUNT(*) FROM contact_children") * 9 / 10);
  EXPECT_GT(report_->episodes_opened, 0);
  EXPECT_EQ(report_->episodes_opened, count_of(*db_, "SELECT COUNT(*) FROM cin_episodes"));
  // Managers close episodes when their modelled length has passed: most are closed, each after its
  // referral with a DfE reason, and no child has two open at once.
  EXPECT_GT(count_of(*db_, "SELECT COUNT(*) FROM cin_episodes WHERE closed_on IS NOT NULL"),
            report_->episodes_opened / 2);
  EXPECT_EQ(count_of(*db_, "SELECT COUNT(*) FROM cin_episodes WHERE closed_on < referral_date"), 0);
  EXPECT_EQ(count_of(*db_,
                     "SELECT COUNT(*) FROM cin_episodes WHERE (closed_on IS NULL) <> "
                     "(closure_reason = '') OR (closure_reason <> '' AND closure_reason NOT IN "
                     "('RC1','RC2','RC3','RC4','RC5','RC6','RC7','RC8','RC9'))"),
            0);
  EXPECT_EQ(count_of(*db_,
                     "SELECT COUNT(*) FROM (SELECT person_id FROM cin_episodes WHERE closed_on IS NULL "
                     "GROUP BY person_id HAVING COUNT(*) > 1)"),
            0);
  // Managers authorised decisions, and returned a few over the six years.
  EXPECT_GT(count_of(*db_, "SELECT COUNT(*) FROM contact_children WHERE authorised_by <> ''"), 0);
  EXPECT_EQ(report_->decisions_returned,
            count_of(*db_, "SELECT COALESCE(SUM(decisions_returned), 0) FROM contact_children"));
}

TEST_F(CouncilSmallTest, ManagersAllocateOpenChildrenToSocialWorkers) {
  // Most open children have a social worker; the rest wait on the unallocated list.
  const int64_t open = count_of(*db_, "SELECT COUNT(*) FROM cin_episodes WHERE closed_on IS NULL");
  const int64_t allocated = count_of(*db_, "SELECT COUNT(*) FROM person_allocations WHERE to_date IS NULL");
  EXPECT_GT(open, 0);
  EXPECT_GT(allocated, open * 3 / 4);
  EXPECT_LE(allocated, open);
  // Every current allocation is of a child with an open episode, to a social worker in a team.
  EXPECT_EQ(
      count_of(*db_,
               "SELECT COUNT(*) FROM person_allocations a WHERE a.to_date IS NULL AND NOT EXISTS "
               "(SELECT 1 FROM cin_episodes e WHERE e.person_id = a.person_id AND e.closed_on IS NULL)"),
      0);
  EXPECT_EQ(count_of(*db_,
                     "SELECT COUNT(*) FROM person_allocations a JOIN users u ON u.username = a.worker "
                     "WHERE u.role <> 'social_worker'"),
            0);
  // Each episode's first allocation is FCONTA; later ones give the reason for the change.
  EXPECT_GT(count_of(*db_, "SELECT COUNT(*) FROM person_allocations WHERE reason = 'FCONTA'"), 0);
  EXPECT_GT(count_of(*db_, "SELECT COUNT(*) FROM person_allocations WHERE reason <> 'FCONTA'"), 0);
  // No one holds two allocations of the same child at once.
  EXPECT_EQ(count_of(*db_,
                     "SELECT COUNT(*) FROM (SELECT person_id FROM person_allocations WHERE to_date IS NULL "
                     "GROUP BY person_id HAVING COUNT(*) > 1)"),
            0);
}

TEST_F(CouncilSmallTest, MashPartnersAnswerTheirOwnAgencysRequests) {
  Accounts accounts(db_->sql());
  int64_t answered = 0;
  for (const SqlRow& row :
       db_->sql().query("SELECT agency, answered_by FROM mash_requests WHERE answered_at IS NOT NULL")) {
    const auto partner = accounts.user_by_username(row.text(1));
    ASSERT_TRUE(partner.has_value()) << row.text(1);
    EXPECT_EQ(partner->role, Role::kMashPartner);
    EXPECT_EQ(partner->agency, row.text(0));
    ++answered;
  }
  EXPECT_GT(answered, 0);
  // Most requests are answered by their due time.
  EXPECT_GT(count_of(*db_, "SELECT COUNT(*) FROM mash_requests WHERE answered_at <= due_at"), answered / 2);
}

TEST_F(CouncilSmallTest, TheReportIsWhatTheFrontDoorsUsersSee) {
  const Dashboard& d = report_->front_door;
  EXPECT_EQ(d.to, london_date(kNow));
  EXPECT_GT(d.contacts, 0);
  EXPECT_GE(d.children_on_contacts, d.contacts);
  EXPECT_GT(d.decided_within_one_working_day, 0);
  EXPECT_GT(d.re_referrals, 0);
  EXPECT_LT(d.re_referrals, d.cin_referrals / 2);
  EXPECT_LT(d.decided_within_one_working_day, d.children_decided);  // some decisions are late
  // The queue: contacts not yet fully decided, some of them overdue.
  EXPECT_EQ(report_->awaiting_decision,
            count_of(*db_, "SELECT COUNT(*) FROM contacts WHERE status <> 'decided'"));
  EXPECT_GT(report_->awaiting_decision, 0);
  EXPECT_LE(report_->overdue, report_->awaiting_decision);
  EXPECT_EQ(report_->awaiting_authorisation,
            count_of(*db_,
                     "SELECT COUNT(*) FROM contact_children WHERE decision_status = "
                     "'awaiting_authorisation'"));
}

TEST_F(CouncilSmallTest, RefusesADatabaseThatAlreadyHasPeople) {
  auto again = generate_council(*db_, small_options(42));
  ASSERT_FALSE(again.ok());
  EXPECT_EQ(again.error().code, ErrorCode::kConflict);
  EXPECT_NE(again.error().message.find("already records"), std::string::npos) << again.error().message;
}

TEST(CouncilOptionsTest, RefusesAHistoryWithNoEnd) {
  auto db = fresh_database();
  CouncilOptions options;  // `now` left at 1970
  auto generated = generate_council(*db, options);
  ASSERT_FALSE(generated.ok());
  EXPECT_EQ(generated.error().field, "now");
  EXPECT_EQ(PeopleIndex(db->sql()).count(), 0);
}

TEST(CouncilDeterminismTest, SameSeedSameCouncilOtherSeedOtherCouncil) {
  auto first = fresh_database();
  auto second = fresh_database();
  auto third = fresh_database();
  ASSERT_TRUE(generate_council(*first, small_options(7)).ok());
  ASSERT_TRUE(generate_council(*second, small_options(7)).ok());
  ASSERT_TRUE(generate_council(*third, small_options(8)).ok());
  const std::pair<const char*, const char*> tables[] = {
      {"people", "person_id"},
      {"person_addresses", "person_id, address_id"},
      {"person_relationships", "person_id, relationship_id"},
      {"person_identifiers", "person_id, type, value"},
      {"person_name_tokens", "person_id, token, part, is_current"},
      {"contacts", "contact_id"},
      {"contact_children", "contact_id, person_id"},
      {"mash_requests", "contact_id, enquiry_id, agency"},
      {"cin_episodes", "person_id, episode_id"},
      {"person_allocations", "person_id, allocation_id"},
  };
  for (const auto& [table, order] : tables) {
    const auto a = rows_of(*first, table, order);
    EXPECT_FALSE(a.empty()) << table;
    EXPECT_EQ(a, rows_of(*second, table, order)) << table;
  }
  EXPECT_NE(rows_of(*first, "people", "person_id"), rows_of(*third, "people", "person_id"));
}

}  // namespace
}  // namespace safeguard::synth
