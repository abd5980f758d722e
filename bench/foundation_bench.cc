// Benchmarks of the foundation, printing figures (never pass/fail):
//   - appends: recording a person (two events and every read model, one transaction) and
//     correcting one (one event), per second, on SQLite (WAL) and, when SAFEGUARD_TEST_POSTGRES_URL
//     is set, on PostgreSQL;
//   - search latency over a council-sized database (SAFEGUARD_BENCH_DB, made by `safeguard demo
//     --scale council`), for names typed correctly, misspelt, by date of birth and by postcode;
//   - the person page: a signed-in GET /people/{id} through the whole web stack, without sockets;
//   - the front door: recording a contact (on a fresh database, and on a scratch copy of the
//     council's) and loading the queue over the council's open contacts;
//   - allocation: the team manager's overview of open, unallocated children and caseloads;
//   - children looked after: the children-in-care dashboard, the missing and exploitation team's
//     page and the reviewing officer's "My work" over the council.
// Run with scripts/run-benchmarks.sh (make bench), which makes the council database once.
#include <benchmark/benchmark.h>

#include <cstdlib>
#include <filesystem>
#include <random>

#include "app/allocation.h"
#include "app/auth.h"
#include "app/front_door.h"
#include "app/people.h"
#include "store/accounts.h"
#include "store/people_read_model.h"
#include "web/site.h"

namespace safeguard {
namespace {

Timestamp bench_now() { return Timestamp::from_date_time(Date::from_ymd(2026, 11, 23), 10, 0, 0); }

User bench_user(Database& db, const std::string& username, Role role) {
  Accounts accounts(db.sql());
  if (auto existing = accounts.user_by_username(username)) return *existing;
  User u;
  u.username = username;
  u.display_name = "Benchmark " + username;
  u.role = role;
  (void)db.transact([&]() -> Status {
    u.id = Accounts(db.sql()).insert_user(u, "not-a-password-hash", bench_now());
    return Status::success();
  });
  return u;
}

std::unique_ptr<Database> fresh_database(const std::string& backend) {
  if (backend == "postgres") {
    const char* url = std::getenv("SAFEGUARD_TEST_POSTGRES_URL");
    if (!url) return nullptr;
    const std::string schema = "bench_" + std::to_string(std::random_device{}() % 1000000);
    auto db = open_council_database(url, schema);
    return db ? std::move(db).value() : nullptr;
  }
  const auto dir =
      std::filesystem::temp_directory_path() / ("safeguard_bench_" + std::to_string(std::random_device{}()));
  std::filesystem::create_directories(dir);
  auto db = open_council_database((dir / "bench.db").string());
  return db ? std::move(db).value() : nullptr;
}

NewPersonInput person(int64_t i) {
  NewPersonInput input;
  static const char* kForenames[] = {"Amelia", "Oliver", "Isla", "George", "Ava", "Noah", "Mia", "Leo"};
  static const char* kSurnames[] = {"Smith",  "Jones", "Taylor", "Brown",
                                    "Wilson", "Evans", "Thomas", "Walker"};
  input.details.name.forename = kForenames[i % 8];
  input.details.name.surname = std::string(kSurnames[(i / 8) % 8]) + std::to_string(i);
  input.details.date_of_birth = Date::from_ymd(2010 + static_cast<int>(i % 15), 1 + static_cast<int>(i % 12),
                                               1 + static_cast<int>(i % 28));
  input.details.sex = i % 2 ? "M" : "F";
  input.details.ethnicity = "WBRI";
  input.address = AddressInput{std::to_string(1 + i % 200) + " Mill Lane", "", "Norwich", "NR3 1AA",
                               Date::from_ymd(2020, 1, 1)};
  return input;
}

void record_people(benchmark::State& state, const std::string& backend) {
  auto db = fresh_database(backend);
  if (!db) {
    state.SkipWithError("no database (for PostgreSQL set SAFEGUARD_TEST_POSTGRES_URL)");
    return;
  }
  FixedClock clock(bench_now());
  PeopleService people(*db, clock);
  const User worker = bench_user(*db, "frontdoor", Role::kFrontDoorSocialWorker);
  int64_t i = 0;
  for (auto _ : state) {
    auto outcome = people.create(worker, person(i++), true, {"bench", ""});
    if (!outcome) state.SkipWithError(outcome.error().message.c_str());
  }
  state.SetItemsProcessed(state.iterations());
  state.counters["events_per_s"] =
      benchmark::Counter(static_cast<double>(state.iterations() * 2), benchmark::Counter::kIsRate);
}

void correct_people(benchmark::State& state, const std::string& backend) {
  auto db = fresh_database(backend);
  if (!db) {
    state.SkipWithError("no database (for PostgreSQL set SAFEGUARD_TEST_POSTGRES_URL)");
    return;
  }
  FixedClock clock(bench_now());
  PeopleService people(*db, clock);
  const User worker = bench_user(*db, "frontdoor", Role::kFrontDoorSocialWorker);
  constexpr int kPeople = 200;
  std::vector<int64_t> versions(kPeople + 1, 2);
  for (int i = 0; i < kPeople; ++i) (void)people.create(worker, person(i), true, {"bench", ""});
  int64_t n = 0;
  for (auto _ : state) {
    const int64_t id = 1 + n % kPeople;
    NewPersonInput changed = person(id - 1);
    changed.details.name.middle_names = "M" + std::to_string(n);
    auto result = people.correct_details(worker, id, versions[static_cast<size_t>(id)], changed.details,
                                         "Benchmark", {"bench", ""});
    if (!result) state.SkipWithError(result.error().message.c_str());
    versions[static_cast<size_t>(id)] = result ? *result : 0;
    ++n;
  }
  state.SetItemsProcessed(state.iterations());
}

// Recording a contact about an existing child (the common case at the front door): the contact's
// event, the child's event, both sets of read models and the access log, in one transaction.
void record_contacts(benchmark::State& state, const std::string& backend) {
  auto db = fresh_database(backend);
  if (!db) {
    state.SkipWithError("no database (for PostgreSQL set SAFEGUARD_TEST_POSTGRES_URL)");
    return;
  }
  FixedClock clock(bench_now());
  PeopleService people(*db, clock);
  FrontDoorService front_door(*db, clock);
  const User worker = bench_user(*db, "frontdoor", Role::kFrontDoorSocialWorker);
  constexpr int kChildren = 200;
  for (int i = 0; i < kChildren; ++i) (void)people.create(worker, person(i), true, {"bench", ""});
  int64_t n = 0;
  for (auto _ : state) {
    RecordContactInput in;
    in.contact.received_at = bench_now().plus_seconds(-60);
    in.contact.source = "2A";
    in.contact.referrer = {"Ms Head", "Head teacher", "", ""};
    in.contact.concerns = "The child said she was frightened to go home after school.";
    in.contact.consent = "not_sought";
    in.contact.lawful_basis = "safeguarding";
    in.contact.urgency = "amber";
    in.contact.children = {1 + n % kChildren};
    auto outcome = front_door.record(worker, in, {"bench", ""});
    if (!outcome) state.SkipWithError(outcome.error().message.c_str());
    ++n;
  }
  state.SetItemsProcessed(state.iterations());
}

BENCHMARK_CAPTURE(record_contacts, sqlite, std::string("sqlite"))->Unit(benchmark::kMicrosecond);
BENCHMARK_CAPTURE(record_contacts, postgres, std::string("postgres"))->Unit(benchmark::kMicrosecond);
BENCHMARK_CAPTURE(record_people, sqlite, std::string("sqlite"))->Unit(benchmark::kMicrosecond);
BENCHMARK_CAPTURE(record_people, postgres, std::string("postgres"))->Unit(benchmark::kMicrosecond);
BENCHMARK_CAPTURE(correct_people, sqlite, std::string("sqlite"))->Unit(benchmark::kMicrosecond);
BENCHMARK_CAPTURE(correct_people, postgres, std::string("postgres"))->Unit(benchmark::kMicrosecond);

// ---- over the council-sized database ----

struct Council {
  std::unique_ptr<Database> db;
  std::vector<PersonSummary> sample;  // people to look for
  int64_t people = 0;
};

Council* council() {
  static Council* loaded = [] {
    const char* path = std::getenv("SAFEGUARD_BENCH_DB");
    if (!path || !std::filesystem::exists(path)) return static_cast<Council*>(nullptr);
    auto db = open_council_database(path);
    if (!db) return static_cast<Council*>(nullptr);
    auto* c = new Council{std::move(db).value(), {}, 0};
    PeopleIndex index(c->db->sql());
    c->people = index.count();
    std::vector<int64_t> ids;
    std::mt19937_64 random(42);
    for (int i = 0; i < 500; ++i)
      ids.push_back(1 + static_cast<int64_t>(random() % static_cast<uint64_t>(c->people)));
    c->sample = index.summaries(ids);
    return c;
  }();
  return loaded;
}

// A one-letter slip in the surname, as a worker on the phone might type it.
std::string misspelt(const std::string& name) {
  if (name.size() < 4) return name;
  std::string out = name;
  std::swap(out[out.size() - 2], out[out.size() - 3]);
  return out;
}

void search(benchmark::State& state, int kind) {
  Council* c = council();
  if (!c) {
    state.SkipWithError("set SAFEGUARD_BENCH_DB to a council-scale database (make bench does)");
    return;
  }
  FixedClock clock(bench_now());
  PeopleService people(*c->db, clock);
  const User worker = bench_user(*c->db, "bench-frontdoor", Role::kFrontDoorSocialWorker);
  size_t i = 0;
  int64_t found = 0;
  for (auto _ : state) {
    const PersonSummary& p = c->sample[i++ % c->sample.size()];
    PersonSearch s;
    switch (kind) {
      case 0:
        s.name = p.forename + " " + p.surname;
        break;
      case 1:
        s.name = p.forename + " " + misspelt(p.surname);
        break;
      case 2:
        s.date_of_birth = p.date_of_birth ? p.date_of_birth : p.expected_date_of_birth;
        break;
      default:
        s.postcode = p.postcode.empty() ? "NR3 1AA" : p.postcode;
    }
    auto hits = people.search(worker, s);
    if (hits) {
      for (const SearchHit& h : *hits) found += h.person.id == p.id ? 1 : 0;
    }
  }
  state.counters["people_in_db"] = static_cast<double>(c->people);
  state.counters["found_rate"] = static_cast<double>(found) / static_cast<double>(state.iterations());
}

BENCHMARK_CAPTURE(search, name, 0)->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(search, misspelt_surname, 1)->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(search, date_of_birth, 2)->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(search, postcode, 3)->Unit(benchmark::kMillisecond);

void person_page(benchmark::State& state) {
  Council* c = council();
  if (!c) {
    state.SkipWithError("set SAFEGUARD_BENCH_DB to a council-scale database (make bench does)");
    return;
  }
  FixedClock clock(bench_now());
  AuthService auth(*c->db, clock);
  if (!Accounts(c->db->sql()).user_by_username("bench-page")) {
    (void)auth.add_user("bench", "bench-page", "Benchmark Page", "front_door_social_worker", "", "",
                        "benchmark password");
  }
  auto signed_in = auth.sign_in("bench-page", "benchmark password", "127.0.0.1");
  if (!signed_in) {
    state.SkipWithError(signed_in.error().message.c_str());
    return;
  }
  DatabasePool pool(std::getenv("SAFEGUARD_BENCH_DB"));
  web::SiteOptions options;
  options.secure_cookies = false;
  web::Site site(pool, clock, options);
  size_t i = 0;
  size_t bytes = 0;
  for (auto _ : state) {
    web::Request r;
    r.method = "GET";
    r.path = "/people/" + std::to_string(c->sample[i++ % c->sample.size()].id);
    r.target = r.path;
    r.headers.push_back({"Cookie", "sg_session=" + signed_in->session_token});
    const web::Response response = site.handle(r);
    if (response.status != 200) state.SkipWithError(("status " + std::to_string(response.status)).c_str());
    bytes += response.body.size();
  }
  state.counters["bytes_per_page"] = static_cast<double>(bytes) / static_cast<double>(state.iterations());
}

BENCHMARK(person_page)->Unit(benchmark::kMillisecond);

// A page as a signed-in user's browser loads it, `username` signing in with the demo password.
void bench_page(benchmark::State& state, const std::string& username, const std::string& path) {
  FixedClock clock(SystemClock().now());
  DatabasePool pool(std::getenv("SAFEGUARD_BENCH_DB"));
  auto signed_in =
      AuthService(pool.for_this_thread(), clock).sign_in(username, "demo-password-2026", "127.0.0.1");
  if (!signed_in) {
    state.SkipWithError(signed_in.error().message.c_str());
    return;
  }
  web::SiteOptions options;
  options.secure_cookies = false;
  web::Site site(pool, clock, options);
  size_t bytes = 0;
  for (auto _ : state) {
    web::Request r;
    r.method = "GET";
    r.target = path;
    r.path = path.substr(0, path.find('?'));
    if (r.path.size() < path.size()) r.query = path.substr(r.path.size() + 1);
    r.headers.push_back({"Cookie", "sg_session=" + signed_in->session_token});
    const web::Response response = site.handle(r);
    if (response.status != 200) {
      state.SkipWithError(("status " + std::to_string(response.status)).c_str());
      break;
    }
    bytes += response.body.size();
  }
  state.counters["bytes_per_page"] =
      static_cast<double>(bytes) / static_cast<double>(std::max<int64_t>(1, state.iterations()));
}

// "My work" for the social worker holding the most children, and for the team manager of the
// team holding the most: every held child's record folded and its deadlines computed.
void my_work_page(benchmark::State& state, bool manager) {
  Council* c = council();
  if (!c) {
    state.SkipWithError("set SAFEGUARD_BENCH_DB to a council-scale database (make bench does)");
    return;
  }
  const auto busiest = c->db->sql().query(
      "SELECT worker, team_id, COUNT(*) FROM person_allocations WHERE to_date IS NULL GROUP BY worker, "
      "team_id "
      "ORDER BY COUNT(*) DESC, worker LIMIT 1",
      {});
  if (busiest.empty()) {
    state.SkipWithError("no one holds cases");
    return;
  }
  std::string username = busiest[0].text(0);
  if (manager) {
    const auto managers = c->db->sql().query(
        "SELECT u.username FROM users u JOIN person_allocations a ON a.team_id = u.team_id AND a.to_date IS "
        "NULL"
        " WHERE u.role = 'team_manager' GROUP BY u.username ORDER BY COUNT(*) DESC, u.username LIMIT 1",
        {});
    if (managers.empty()) {
      state.SkipWithError("no team manager has a team holding cases");
      return;
    }
    username = managers[0].text(0);
  }
  state.SetLabel(username);
  bench_page(state, username, "/my-work");
}

BENCHMARK_CAPTURE(my_work_page, busiest_social_worker, false)->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(my_work_page, busiest_team_manager, true)->Unit(benchmark::kMillisecond);

// The record page of the referred child with the longest chronology in the council, as the front
// door opens it (front-door workers see every record; each view is logged).
void long_record_page(benchmark::State& state) {
  Council* c = council();
  if (!c) {
    state.SkipWithError("set SAFEGUARD_BENCH_DB to a council-scale database (make bench does)");
    return;
  }
  const auto longest = c->db->sql().query(
      "SELECT p.person_id, p.version FROM people p JOIN cin_episodes e ON e.person_id = p.person_id"
      " ORDER BY p.version DESC, p.person_id LIMIT 1",
      {});
  if (longest.empty()) {
    state.SkipWithError("no child has been referred");
    return;
  }
  state.counters["events_on_record"] = static_cast<double>(longest[0].integer(1));
  bench_page(state, "frontdoor", "/people/" + std::to_string(longest[0].integer(0)));
}

BENCHMARK(long_record_page)->Unit(benchmark::kMillisecond);

// The front-door queue over the council's open contacts, as its home page loads it.
void front_door_queue(benchmark::State& state) {
  Council* c = council();
  if (!c) {
    state.SkipWithError("set SAFEGUARD_BENCH_DB to a council-scale database (make bench does)");
    return;
  }
  FixedClock clock(SystemClock().now());
  FrontDoorService front_door(*c->db, clock);
  const User worker = bench_user(*c->db, "bench-queue", Role::kFrontDoorSocialWorker);
  size_t items = 0;
  for (auto _ : state) {
    auto queue = front_door.queue(worker, {});
    if (!queue) state.SkipWithError(queue.error().message.c_str());
    items = queue ? queue->size() : 0;
  }
  state.counters["contacts_in_queue"] = static_cast<double>(items);
  state.counters["contacts_in_db"] = static_cast<double>(ContactIndex(c->db->sql()).count());
}

BENCHMARK(front_door_queue)->Unit(benchmark::kMillisecond);

// The team manager's allocation page data over the council: every open child, the unallocated
// list with names, and every worker's caseload.
void allocation_overview(benchmark::State& state) {
  Council* c = council();
  if (!c) {
    state.SkipWithError("set SAFEGUARD_BENCH_DB to a council-scale database (make bench does)");
    return;
  }
  FixedClock clock(SystemClock().now());
  AllocationService allocation(*c->db, clock);
  const User manager = bench_user(*c->db, "bench-manager", Role::kTeamManager);
  AllocationOverview last;
  for (auto _ : state) {
    auto o = allocation.overview(manager);
    if (!o) {
      state.SkipWithError(o.error().message.c_str());
      break;
    }
    last = std::move(*o);
  }
  state.counters["open_children"] = static_cast<double>(last.open_children);
  state.counters["unallocated"] = static_cast<double>(last.unallocated.size());
  state.counters["workers"] = static_cast<double>(last.workers.size());
}

BENCHMARK(allocation_overview)->Unit(benchmark::kMillisecond);

// Whole-council pages, as their users load them: the children-in-care dashboard (every child
// looked after in the year folded from the read models, clocks computed), the missing and
// exploitation team's page, the demo reviewing officer's "My work" and the data-quality pages.
void council_page(benchmark::State& state, const std::string& username, const std::string& path) {
  if (!council()) {
    state.SkipWithError("set SAFEGUARD_BENCH_DB to a council-scale database (make bench does)");
    return;
  }
  state.SetLabel(path);
  bench_page(state, username, path);
}

BENCHMARK_CAPTURE(council_page, children_in_care, std::string("analyst"), std::string("/children-in-care"))
    ->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(council_page, missing_and_exploitation, std::string("manager"), std::string("/missing"))
    ->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(council_page, reviewing_officer_my_work, std::string("iro"), std::string("/my-work"))
    ->Unit(benchmark::kMillisecond);
// The analyst's data-quality pages: the year's census or SSDA903 return (with last year's) made
// from the record and validated.
BENCHMARK_CAPTURE(council_page, census_data_quality, std::string("analyst"), std::string("/data-quality"))
    ->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(council_page, ssda903_data_quality, std::string("analyst"),
                  std::string("/data-quality?return=ssda903"))
    ->Unit(benchmark::kMillisecond);

// Recording a contact about an existing child of the council, on a scratch copy of the council's
// database (so the benchmark database stays as generated): six years of contacts already there.
void record_contacts_in_council(benchmark::State& state) {
  const char* path = std::getenv("SAFEGUARD_BENCH_DB");
  Council* c = council();
  if (!c || !path) {
    state.SkipWithError("set SAFEGUARD_BENCH_DB to a council-scale database (make bench does)");
    return;
  }
  const auto scratch = std::filesystem::temp_directory_path() / "safeguard_bench_council_scratch.db";
  for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(scratch.string() + suffix);
  std::filesystem::copy_file(path, scratch);
  if (std::filesystem::exists(std::string(path) + "-wal"))
    std::filesystem::copy_file(std::string(path) + "-wal", scratch.string() + "-wal");
  {
    auto db = open_council_database(scratch.string());
    if (!db) {
      state.SkipWithError(db.error().message.c_str());
      return;
    }
    const Timestamp now = SystemClock().now();
    FixedClock clock(now);
    FrontDoorService front_door(**db, clock);
    const User worker = bench_user(**db, "bench-contacts", Role::kFrontDoorSocialWorker);
    std::vector<int64_t> children;
    for (const PersonSummary& p : c->sample) {
      if (p.date_of_birth && age_in_years(*p.date_of_birth, london_date(now)) < 17 && !p.date_of_death)
        children.push_back(p.id);
    }
    size_t n = 0;
    for (auto _ : state) {
      RecordContactInput in;
      in.contact.received_at = now.plus_seconds(-60);
      in.contact.source = "6";
      in.contact.referrer = {"PC Lane", "Norfolk Police", "", ""};
      in.contact.concerns = "Police attended a domestic incident at the home; the child was present.";
      in.contact.consent = "not_sought";
      in.contact.lawful_basis = "safeguarding";
      in.contact.urgency = "amber";
      in.contact.children = {children[n++ % children.size()]};
      auto outcome = front_door.record(worker, in, {"bench", ""});
      if (!outcome) state.SkipWithError(outcome.error().message.c_str());
    }
    state.SetItemsProcessed(state.iterations());
    state.counters["contacts_in_db"] = static_cast<double>(ContactIndex((*db)->sql()).count());
  }
  for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(scratch.string() + suffix);
}

BENCHMARK(record_contacts_in_council)->Unit(benchmark::kMicrosecond);

}  // namespace
}  // namespace safeguard

BENCHMARK_MAIN();
