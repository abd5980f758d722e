#include "cli/cli.h"

#include <unistd.h>

#include <CLI/CLI.hpp>
#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <future>
#include <iostream>
#include <map>

#include "app/administration.h"
#include "app/auth.h"
#include "app/journey_scenario.h"
#include "app/postcodes.h"
#include "app/returns.h"
#include "app/settings.h"
#include "cli/terminal.h"
#include "core/calendar.h"
#include "core/clock.h"
#include "core/text.h"
#include "domain/geography.h"
#include "domain/identifiers.h"
#include "returns/cin_validator.h"
#include "returns/ssda903_lookups.h"
#include "returns/ssda903_validator.h"
#include "store/database.h"
#include "store/people_read_model.h"
#include "synth/council.h"
#include "synth/places.h"
#include "web/http.h"
#include "web/site.h"

namespace safeguard::cli {
namespace {

constexpr int kOk = 0;
constexpr int kFailed = 1;
constexpr int kBadInput = 2;

int fail(const std::string& message, int code = kFailed) {
  std::fprintf(stderr, "safeguard: %s\n", message.c_str());
  return code;
}

int fail(const Error& error) {
  const int code =
      error.code == ErrorCode::kInvalid || error.code == ErrorCode::kNotFound ? kBadInput : kFailed;
  return fail(error.message + (error.field.empty() ? "" : " (" + error.field + ")"), code);
}

// Who the command line acts as, in the administration log.
std::string cli_actor() {
  const char* user = std::getenv("USER");
  return std::string("cli") + (user && *user ? ":" + std::string(user) : "");
}

// The command line acts with an administrator's authority over the system, never a caseworker's.
User cli_administrator() {
  User u;
  u.username = cli_actor();
  u.display_name = "Command line";
  u.role = Role::kAdministrator;
  return u;
}

std::optional<Date> parse_date_argument(const std::string& text, const std::string& what) {
  auto date = Date::parse_iso(text);
  if (!date)
    std::fprintf(stderr, "safeguard: %s \"%s\" is not a real date in the form YYYY-MM-DD\n", what.c_str(),
                 text.c_str());
  return date;
}

Result<std::unique_ptr<Database>> open_db(const std::string& location) {
  if (location.empty())
    return Error::invalid("Give the database with --db PATH (a SQLite file or a postgresql:// URL)", "db");
  return open_council_database(location);
}

// Runs `work` on the opened database; a database that cannot be opened is a failure with its reason.
int with_database(const std::string& location, const std::function<int(Database&)>& work) {
  auto db = open_db(location);
  if (!db) return fail(db.error());
  return work(**db);
}

// The exit code of an operation that returns only a Status, printing `done` on success.
int report(const Status& status, const std::string& done) {
  if (!status) return fail(status.error());
  std::printf("%s\n", done.c_str());
  return kOk;
}

// ---- workdays ----

Result<WorkingDayCalendar> calendar_for(const std::string& db_location) {
  if (db_location.empty()) return WorkingDayCalendar();
  auto db = open_db(db_location);
  if (!db) return db.error();
  return AdministrationService(**db, SystemClock()).calendar();
}

// ---- validate ----

// Writes the findings to `out` (or the screen) and a summary to stderr; exit 0 without errors, 1
// with them.
int report_findings(const ValidationReport& report, const std::string& format, const std::string& out) {
  const auto write = [&](std::ostream& to) {
    if (format == "json") {
      write_findings_json(report, to);
    } else {
      write_findings_csv(report, to);
    }
  };
  if (out.empty()) {
    write(std::cout);
    std::cout.flush();
  } else if (Status s = write_return_file(out, write); !s) {
    return fail(s.error());
  }
  // Skipped rules, a line for each reason ("1008: needs ..." and "1015: needs ...").
  std::map<std::string, std::string> skipped_for;
  for (const std::string& skipped : report.skipped) {
    const size_t colon = skipped.find(": ");
    std::string& codes = skipped_for[colon == std::string::npos ? "" : skipped.substr(colon + 2)];
    codes += (codes.empty() ? "" : ", ") + skipped.substr(0, colon);
  }
  for (const auto& [reason, codes] : skipped_for)
    std::fprintf(stderr, "Skipped %s: %s.\n", codes.c_str(), reason.c_str());
  std::fprintf(
      stderr, "%zu errors and %zu queries from %d rules%s.\n", report.errors(), report.queries(),
      report.rules_run,
      report.skipped.empty() ? "" : (", " + std::to_string(report.skipped.size()) + " skipped").c_str());
  return report.errors() == 0 ? kOk : kFailed;
}

// What the SSDA903 validator is given besides the return.
struct Ssda903Lookups {
  std::string la, postcodes, providers;  // the council's code, and the files' paths
};

int validate_ssda903_return(const std::string& directory, const std::string& previous, int year,
                            const Ssda903Lookups& lookups, const std::string& format,
                            const std::string& out) {
  if (year < 2025) return fail("--year " + std::to_string(year) + ": give 2025 or later", kBadInput);
  Ssda903Options options;
  options.la = to_upper_ascii(lookups.la);
  if (!options.la.empty() && !is_authority_code(options.la))
    return fail("--la " + lookups.la + ": give the council's ONS code, e.g. E10000020", kBadInput);
  if (!lookups.postcodes.empty()) {
    if (options.la.empty())
      return fail(
          "--postcodes needs --la, the council's ONS code (e.g. E10000020): placements are in or out of it",
          kBadInput);
    std::ifstream in(lookups.postcodes, std::ios::binary);
    if (!in) return fail(lookups.postcodes + ": cannot be read", kBadInput);
    if (Status s = read_ssda903_postcodes(in, lookups.postcodes, options); !s)
      return fail(s.error().message, kBadInput);
  }
  if (!lookups.providers.empty()) {
    std::ifstream in(lookups.providers, std::ios::binary);
    if (!in) return fail(lookups.providers + ": cannot be read", kBadInput);
    if (Status s = read_ssda903_providers(in, lookups.providers, options); !s)
      return fail(s.error().message, kBadInput);
  }
  // The two years are read at once, on two threads.
  Ssda903Return submitted;
  std::future<Result<Ssda903Year>> last_year;
  if (!previous.empty())
    last_year = std::async(std::launch::async, [&] { return read_ssda903_directory(previous); });
  auto current = read_ssda903_directory(directory);
  if (last_year.valid()) {
    auto before = last_year.get();
    if (!current) return fail(current.error().message, kBadInput);
    if (!before) return fail(before.error().message, kBadInput);
    submitted.previous = std::move(*before);
  }
  if (!current) return fail(current.error().message, kBadInput);
  submitted.current = std::move(*current);
  return report_findings(validate_ssda903(submitted, year, options), format, out);
}

int validate_census(const std::string& file, int year, const std::string& format, const std::string& out) {
  if (year != 0 && year < 2025) {
    return fail("--year " + std::to_string(year) +
                    ": these are the rules of the 2024-25 collection and later; give 2025 or later",
                kBadInput);
  }
  const auto report = validate_cin_file(file, year ? std::optional<int>(year) : std::nullopt);
  if (!report) return fail(report.error().message, kBadInput);
  return report_findings(*report, format, out);
}

// ---- serve ----

bool is_loopback(const std::string& address) {
  return address == "127.0.0.1" || address == "::1" || address == "localhost" || address.starts_with("127.");
}

struct ServeOptions {
  std::string db;
  std::string bind = "127.0.0.1";
  int port = 8080;
  std::string assets;
  std::string council = "Demo Council";
  int workers = 8;
  bool insecure_cookies = false;
};

int serve(const ServeOptions& o, const std::string& executable) {
  auto db = open_db(o.db);  // migrates before any worker opens its own connection
  if (!db) return fail(db.error());
  if (o.port < 0 || o.port > 65535) return fail("--port must be 0 to 65535", kBadInput);
  if (o.workers < 1 || o.workers > 64) return fail("--workers must be 1 to 64", kBadInput);
  web::SiteOptions site_options;
  site_options.assets_dir = web::find_assets_dir(o.assets, executable);
  if (site_options.assets_dir.empty()) {
    return fail(
        "GOV.UK Frontend was not found: run `npm ci` in the Safeguard directory, or give --assets "
        "node_modules/govuk-frontend/dist/govuk");
  }
  site_options.council_name = o.council;
  site_options.secure_cookies = !o.insecure_cookies && !is_loopback(o.bind);
  SystemClock clock;
  DatabasePool pool(o.db);
  web::Site site(pool, clock, site_options);
  web::ServerOptions server_options;
  server_options.bind_address = o.bind;
  server_options.port = static_cast<uint16_t>(o.port);
  server_options.worker_threads = o.workers;
  auto server = web::make_http_server(
      server_options, [&site](const web::Request& r) { return site.handle(r); }, true);
  if (Status s = server->start(); !s) return fail(s.error().message);
  std::printf("Safeguard is serving %s on http://%s:%u/ (Ctrl-C to stop)\n", o.db.c_str(),
              o.bind.find(':') != std::string::npos ? ("[" + o.bind + "]").c_str() : o.bind.c_str(),
              server->port());
  std::fflush(stdout);
  server->wait();
  std::printf("Safeguard stopped.\n");
  return kOk;
}

// ---- demo ----

struct DemoOptions {
  std::string db = "demo/safeguard.db";
  uint64_t seed = 1;
  std::string scale = "council";
  bool force = false;
  bool serve = false;
  ServeOptions server;
};

void print_sign_in(const std::vector<synth::DemoUser>& users, int64_t further_staff,
                   const std::string& password, const ServeOptions& server) {
  std::printf("\nSign in at http://%s:%d/ with any of these users (password: %s):\n\n", server.bind.c_str(),
              server.port, password.c_str());
  const auto label = [](const synth::DemoUser& u) {
    const auto role = parse_role(u.role);
    return role ? std::string(role_label(*role)) : u.role;
  };
  int name_width = 8;
  int role_width = 4;
  for (const synth::DemoUser& u : users) {
    name_width = std::max(name_width, static_cast<int>(u.username.size()));
    role_width = std::max(role_width, static_cast<int>(label(u).size()));
  }
  std::printf("  %-*s  %-*s  %s\n", name_width, "username", role_width, "role", "team");
  for (const synth::DemoUser& u : users) {
    std::printf("  %-*s  %-*s  %s\n", name_width, u.username.c_str(), role_width, label(u).c_str(),
                u.team.c_str());
  }
  if (further_staff > 0) {
    std::printf(
        "\n  and %lld further staff with synthetic names and the same password (`safeguard users list --db "
        "PATH` lists them)\n",
        static_cast<long long>(further_staff));
  }
  std::printf("\n");
}

// What the generated front door looks like today: the figures a manager would check first.
void print_front_door(const synth::CouncilReport& r) {
  const Dashboard& d = r.front_door;
  int64_t asked = 0;
  int64_t on_time = 0;
  for (const Dashboard::Agency& a : d.mash) {
    asked += a.asked;
    on_time += a.answered_on_time;
  }
  std::printf(
      "The front door in the twelve months to %s: %lld contacts about %lld children; %.0f%% of decisions "
      "made within one working day; %lld Children in Need referrals, %.0f%% of them re-referrals; %lld MASH "
      "requests, %.0f%% answered on time.\n"
      "Today: %lld contacts in the queue (%lld overdue) and %lld decisions awaiting a manager.\n",
      d.to.iso().c_str(), static_cast<long long>(d.contacts), static_cast<long long>(d.children_on_contacts),
      Dashboard::percent(d.decided_within_one_working_day, d.children_decided),
      static_cast<long long>(d.cin_referrals), Dashboard::percent(d.re_referrals, d.cin_referrals),
      static_cast<long long>(asked), Dashboard::percent(on_time, asked),
      static_cast<long long>(r.awaiting_decision), static_cast<long long>(r.overdue),
      static_cast<long long>(r.awaiting_authorisation));
  const AssessmentFigures& a = r.assessments;
  std::printf(
      "Single assessments: %lld authorised in the twelve months, %.0f%% within 45 working days (median %lld "
      "working days); today %lld in progress, %lld of them overdue and %lld with a manager.\n",
      static_cast<long long>(a.authorised), Dashboard::percent(a.authorised_on_time, a.authorised),
      static_cast<long long>(a.median_working_days), static_cast<long long>(a.in_progress),
      static_cast<long long>(a.overdue), static_cast<long long>(a.awaiting_manager));
  const ProtectionFigures& p = r.protection;
  std::printf(
      "Child protection: %lld section 47 enquiries and %lld initial conferences in the twelve months (%.0f%% "
      "within 15 working days), %lld plans started (%lld of them a second or later plan); today %lld "
      "children on child protection plans and %lld on child in need plans.\n",
      static_cast<long long>(p.enquiries), static_cast<long long>(p.conferences),
      Dashboard::percent(p.conferences_on_time, p.conferences), static_cast<long long>(p.plans_started),
      static_cast<long long>(p.second_or_later), static_cast<long long>(p.on_protection_plans),
      static_cast<long long>(p.on_child_in_need_plans));
  const CareFigures& c = r.care;
  std::printf(
      "Children looked after: %lld today; %lld started and %lld ceased in the twelve months; %lld reviews "
      "held (%.0f%% on time); %lld health assessments (%.0f%% on time); %lld children in care went missing "
      "%lld times; %lld children at risk of exploitation.\n",
      static_cast<long long>(c.looked_after), static_cast<long long>(c.started),
      static_cast<long long>(c.ceased), static_cast<long long>(c.reviews),
      Dashboard::percent(c.reviews_on_time, c.reviews), static_cast<long long>(c.health_assessments),
      Dashboard::percent(c.health_assessments_on_time, c.health_assessments),
      static_cast<long long>(c.went_missing), static_cast<long long>(c.missing_episodes),
      static_cast<long long>(c.at_risk_of_exploitation));
}

int demo(DemoOptions o, const std::string& executable) {
  const auto scale = synth::parse_scale(o.scale);
  if (!scale) return fail("--scale must be small, council or large", kBadInput);
  if (is_postgres_location(o.db) && o.force)
    return fail("--force deletes the database file and works only for SQLite", kBadInput);
  if (!is_postgres_location(o.db)) {
    const std::filesystem::path path(o.db);
    if (o.force) {
      for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(path.string() + suffix);
    }
    if (path.has_parent_path()) std::filesystem::create_directories(path.parent_path());
  }
  auto db = open_db(o.db);
  if (!db) return fail(db.error());
  synth::CouncilOptions options;
  options.seed = o.seed;
  options.scale = *scale;
  options.now = SystemClock().now();
  options.council_name = o.server.council;
  std::vector<synth::DemoUser> users;
  int64_t further_staff = 0;
  const int64_t existing = PeopleIndex((*db)->sql()).count();
  if (existing > 0) {
    std::printf("The demo council in %s already exists (%lld people); use --force to make it again.\n",
                o.db.c_str(), static_cast<long long>(existing));
    auto all = AuthService(**db, SystemClock()).users();
    if (!all) return fail(all.error());
    std::sort(all->begin(), all->end(), [](const User& a, const User& b) { return a.id < b.id; });
    // The demo users were added first; the rest are staff with synthetic names.
    for (const User& u : *all) {
      if (users.size() < synth::demo_user_count()) {
        users.push_back({u.username, u.display_name, std::string(role_code(u.role)), u.team_name});
      } else {
        ++further_staff;
      }
    }
  } else {
    std::printf("Creating a synthetic council (%s scale, seed %llu) in %s ...\n", o.scale.c_str(),
                static_cast<unsigned long long>(o.seed), o.db.c_str());
    std::fflush(stdout);
    Progress progress("households");
    const auto started = std::chrono::steady_clock::now();
    auto report = synth::generate_council(**db, options,
                                          [&](int64_t done, int64_t total) { progress.update(done, total); });
    progress.finish();
    if (!report) return fail(report.error());
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    std::printf(
        "Created %lld households: %lld people (%lld children, %lld adults), %lld relationships, %lld events "
        "in %.1f s.\n",
        static_cast<long long>(report->households), static_cast<long long>(report->people),
        static_cast<long long>(report->children), static_cast<long long>(report->adults),
        static_cast<long long>(report->relationships), static_cast<long long>(report->events), seconds);
    print_front_door(*report);
    users = report->users;
    further_staff = report->further_staff;
  }
  print_sign_in(users, further_staff, options.demo_password, o.server);
  std::fflush(stdout);
  if (!o.serve) return kOk;
  db->reset();
  o.server.db = o.db;
  return serve(o.server, executable);
}

// ---- rebuild and audit ----

int rebuild(const std::string& location, bool verify) {
  auto db = open_db(location);
  if (!db) return fail(db.error());
  Progress progress(verify ? "checking" : "rebuilding");
  const auto on_progress = [&](int64_t done, int64_t total) { progress.update(done, total); };
  if (verify) {
    auto differences = verify_read_models(**db, 50, on_progress);
    progress.finish();
    if (!differences) return fail(differences.error());
    if (differences->empty()) {
      std::printf("The read models match a rebuild from the event log.\n");
      return kOk;
    }
    std::printf("The read models differ from a rebuild from the event log (%zu differences shown):\n",
                differences->size());
    for (const std::string& d : *differences) std::printf("  %s\n", d.c_str());
    return kFailed;
  }
  auto report = rebuild_read_models(**db, on_progress);
  progress.finish();
  if (!report) return fail(report.error());
  std::printf("Rebuilt the read models from %lld events in %lld records.\n",
              static_cast<long long>(report->events), static_cast<long long>(report->streams));
  return kOk;
}

int audit_verify(const std::string& location) {
  auto db = open_db(location);
  if (!db) return fail(db.error());
  Progress progress("records checked");
  auto problem = AdministrationService(**db, SystemClock()).verify_chains([&](int64_t d, int64_t t) {
    progress.update(d, t);
  });
  progress.finish();
  if (!problem) return fail(problem.error());
  if (!*problem) {
    std::printf("Every record's hash chain is intact (%lld events).\n",
                static_cast<long long>(EventLog((*db)->sql()).event_count()));
    return kOk;
  }
  const ChainProblem& p = **problem;
  std::printf("TAMPERING DETECTED in %s at event version %lld%s: %s\n", p.stream.c_str(),
              static_cast<long long>(p.version),
              p.sequence ? (" (log position " + std::to_string(p.sequence) + ")").c_str() : "",
              p.problem.c_str());
  return kFailed;
}

int audit_access_log(const std::string& location, int64_t person_id) {
  auto db = open_db(location);
  if (!db) return fail(db.error());
  auto log = AdministrationService(**db, SystemClock()).access_log_for_person(cli_administrator(), person_id);
  if (!log) return fail(log.error());
  std::printf("%-24s %-24s %-26s %-40s %s\n", "when (UTC)", "who", "what", "where", "reason");
  std::printf("%s, Safeguard ID %lld\n", log->person.full_name.c_str(), static_cast<long long>(person_id));
  for (const AccessLogEntry& e : log->entries) {
    std::printf("%-24s %-24s %-26s %-40s %s\n", e.at.iso().c_str(), e.username.c_str(), e.action.c_str(),
                (e.channel + ": " + e.detail).c_str(), e.reason.c_str());
  }
  return kOk;
}

}  // namespace

int run(int argc, char** argv) {
  CLI::App app{"Safeguard: case management for children's social care"};
  app.require_subcommand(1);
  app.set_help_all_flag("--help-all", "Show help for every command");
  int result = kOk;
  const std::string executable = argc > 0 ? argv[0] : "safeguard";

  // serve
  ServeOptions serve_options;
  auto* serve_cmd = app.add_subcommand("serve", "Serve the web app and the JSON API");
  serve_cmd->add_option("--db", serve_options.db, "SQLite file or postgresql:// URL")->required();
  serve_cmd->add_option("--port", serve_options.port, "Port (default 8080; 0 picks a free one)");
  serve_cmd->add_option("--bind", serve_options.bind, "Address to listen on (default 127.0.0.1)");
  serve_cmd->add_option("--assets", serve_options.assets, "govuk-frontend's dist/govuk directory");
  serve_cmd->add_option("--council", serve_options.council, "The council's name, shown in the header");
  serve_cmd->add_option("--workers", serve_options.workers, "Threads handling requests (default 8)");
  serve_cmd->add_flag(
      "--insecure-cookies", serve_options.insecure_cookies,
      "Send cookies without Secure even off loopback (only behind a TLS proxy that rewrites them)");
  serve_cmd->callback([&] { result = serve(serve_options, executable); });

  // init
  std::string init_db;
  auto* init_cmd = app.add_subcommand("init", "Create a council database, or bring its schema up to date");
  init_cmd->add_option("--db", init_db, "SQLite file or postgresql:// URL")->required();
  init_cmd->callback([&] {
    result = with_database(init_db, [&](Database& db) {
      std::printf("%s is ready (schema version %d).\n", init_db.c_str(), db.schema_version());
      return kOk;
    });
  });

  // demo
  DemoOptions demo_options;
  auto* demo_cmd = app.add_subcommand("demo", "Create a synthetic council and print how to sign in");
  demo_cmd->add_option("--db", demo_options.db,
                       "SQLite file or postgresql:// URL (default demo/safeguard.db)");
  demo_cmd->add_option("--seed", demo_options.seed, "Seed: the same seed makes the same council (default 1)");
  demo_cmd->add_option("--scale", demo_options.scale, "small, council (default) or large");
  demo_cmd->add_flag("--force", demo_options.force, "Delete an existing demo database first (SQLite only)");
  demo_cmd->add_flag("--serve", demo_options.serve, "Then serve the web app");
  demo_cmd->add_option("--port", demo_options.server.port, "Port when serving (default 8080)");
  demo_cmd->add_option("--bind", demo_options.server.bind, "Address when serving (default 127.0.0.1)");
  demo_cmd->add_option("--assets", demo_options.server.assets, "govuk-frontend's dist/govuk directory");
  demo_cmd->callback([&] { result = demo(demo_options, executable); });

  // scenario
  std::vector<std::string> scenario_files;
  auto* scenario_cmd = app.add_subcommand(
      "scenario",
      "Run journey scenario files (docs/scenarios.md); stop at the first line that does not hold");
  scenario_cmd->add_option("FILE", scenario_files, "Scenario files")->required();
  scenario_cmd->callback([&] {
    int lines = 0;
    for (const std::string& file : scenario_files) {
      std::ifstream in(file);
      if (!in) {
        result = fail("cannot read scenario file " + file, kBadInput);
        return;
      }
      const ScenarioOutcome outcome = run_journey_scenario(file, in);
      if (!outcome.passed) {
        result = fail(outcome.failure, kFailed);
        return;
      }
      lines += outcome.lines_run;
    }
    std::printf("%zu scenario files, %d lines: all hold\n", scenario_files.size(), lines);
  });

  // workdays
  auto* workdays = app.add_subcommand(
      "workdays", "Working-day arithmetic (England and Wales bank holidays, council closures)");
  workdays->require_subcommand(1);
  std::string workdays_db;
  std::string date_a;
  std::string date_b;
  std::string count_text;
  auto* add =
      workdays->add_subcommand("add", "Print the Nth working day after DATE (DATE itself does not count)");
  add->add_option("DATE", date_a, "YYYY-MM-DD")->required();
  add->add_option("N", count_text, "Working days, may be negative")->required();
  add->add_option("--db", workdays_db, "Also skip this council's closure days");
  add->callback([&] {
    const auto date = parse_date_argument(date_a, "DATE");
    if (!date) {
      result = kBadInput;
      return;
    }
    char* end = nullptr;
    const long n = std::strtol(count_text.c_str(), &end, 10);
    if (count_text.empty() || *end != '\0' || n < -100000 || n > 100000) {
      result = fail("N \"" + count_text + "\" must be a whole number of working days from -100000 to 100000",
                    kBadInput);
      return;
    }
    auto calendar = calendar_for(workdays_db);
    if (!calendar) {
      result = fail(calendar.error());
      return;
    }
    std::printf("%s\n", calendar->add_working_days(*date, static_cast<int>(n)).iso().c_str());
  });
  auto* between = workdays->add_subcommand(
      "between", "Print the number of working days after DATE1 up to and including DATE2");
  between->add_option("DATE1", date_a, "YYYY-MM-DD")->required();
  between->add_option("DATE2", date_b, "YYYY-MM-DD")->required();
  between->add_option("--db", workdays_db, "Also skip this council's closure days");
  between->callback([&] {
    const auto from = parse_date_argument(date_a, "DATE1");
    const auto to = parse_date_argument(date_b, "DATE2");
    if (!from || !to) {
      result = kBadInput;
      return;
    }
    auto calendar = calendar_for(workdays_db);
    if (!calendar) {
      result = fail(calendar.error());
      return;
    }
    std::printf("%d\n", calendar->working_days_between(*from, *to));
  });
  auto* is_working = workdays->add_subcommand("is-working-day", "Print yes or no, and why not");
  is_working->add_option("DATE", date_a, "YYYY-MM-DD")->required();
  is_working->add_option("--db", workdays_db, "Also consider this council's closure days");
  is_working->callback([&] {
    const auto date = parse_date_argument(date_a, "DATE");
    if (!date) {
      result = kBadInput;
      return;
    }
    auto calendar = calendar_for(workdays_db);
    if (!calendar) {
      result = fail(calendar.error());
      return;
    }
    if (calendar->is_working_day(*date)) {
      std::printf("yes\n");
    } else if (auto holiday = calendar->bank_holiday(*date)) {
      std::printf("no: %s\n", holiday->name.c_str());
    } else if (auto closure = calendar->closure_day(*date)) {
      std::printf("no: council closure: %s\n", closure->reason.c_str());
    } else {
      std::printf("no: weekend\n");
    }
  });
  int holiday_year = 0;
  auto* holidays = workdays->add_subcommand("holidays", "List the England and Wales bank holidays of a year");
  holidays->add_option("YEAR", holiday_year, "e.g. 2026")->required()->check(CLI::Range(1900, 2200));
  holidays->callback([&] {
    for (const BankHoliday& h : england_and_wales_bank_holidays(holiday_year)) {
      std::printf("%s  %s\n", h.date.iso().c_str(), h.name.c_str());
    }
  });

  // calendar closures
  auto* calendar_cmd = app.add_subcommand("calendar", "The council's closure days (not working days)");
  calendar_cmd->require_subcommand(1);
  std::string calendar_db;
  std::string closure_date;
  std::string closure_reason;
  auto* closures = calendar_cmd->add_subcommand("list", "List closure days");
  closures->add_option("--db", calendar_db)->required();
  closures->callback([&] {
    result = with_database(calendar_db, [&](Database& db) {
      auto days = AdministrationService(db, SystemClock()).closure_days();
      if (!days) return fail(days.error());
      for (const ClosureDay& d : *days) std::printf("%s  %s\n", d.date.iso().c_str(), d.reason.c_str());
      return kOk;
    });
  });
  auto* close = calendar_cmd->add_subcommand("close", "Add a closure day");
  close->add_option("--db", calendar_db)->required();
  close->add_option("--date", closure_date, "YYYY-MM-DD")->required();
  close->add_option("--reason", closure_reason, "Why the council is closed")->required();
  close->callback([&] {
    const auto date = parse_date_argument(closure_date, "--date");
    if (!date) {
      result = kBadInput;
      return;
    }
    result = with_database(calendar_db, [&](Database& db) {
      return report(
          AdministrationService(db, SystemClock()).add_closure_day(cli_actor(), *date, closure_reason),
          date->iso() + " is now a closure day.");
    });
  });
  auto* reopen = calendar_cmd->add_subcommand("reopen", "Remove a closure day");
  reopen->add_option("--db", calendar_db)->required();
  reopen->add_option("--date", closure_date, "YYYY-MM-DD")->required();
  reopen->callback([&] {
    const auto date = parse_date_argument(closure_date, "--date");
    if (!date) {
      result = kBadInput;
      return;
    }
    result = with_database(calendar_db, [&](Database& db) {
      return report(AdministrationService(db, SystemClock()).remove_closure_day(cli_actor(), *date),
                    date->iso() + " is no longer a closure day.");
    });
  });

  // rebuild
  std::string rebuild_db;
  bool rebuild_verify = false;
  auto* rebuild_cmd = app.add_subcommand("rebuild", "Rebuild every read model from the event log");
  rebuild_cmd->add_option("--db", rebuild_db)->required();
  rebuild_cmd->add_flag("--verify", rebuild_verify,
                        "Change nothing: report any difference between the read models and a rebuild");
  rebuild_cmd->callback([&] { result = rebuild(rebuild_db, rebuild_verify); });

  // audit
  auto* audit = app.add_subcommand("audit", "Check the record's integrity and read the access log");
  audit->require_subcommand(1);
  std::string audit_db;
  int64_t audit_person = 0;
  auto* verify = audit->add_subcommand(
      "verify", "Walk every hash chain; exit 1 naming the first event that does not match");
  verify->add_option("--db", audit_db)->required();
  verify->callback([&] { result = audit_verify(audit_db); });
  auto* access_log = audit->add_subcommand("access-log", "Who has looked at a person's record");
  access_log->add_option("--db", audit_db)->required();
  access_log->add_option("--person", audit_person, "Safeguard ID")->required()->check(CLI::PositiveNumber);
  access_log->callback([&] { result = audit_access_log(audit_db, audit_person); });

  // users
  auto* users = app.add_subcommand("users", "Manage users");
  users->require_subcommand(1);
  std::string users_db;
  std::string username;
  std::string display_name;
  std::string role;
  std::string team;
  std::string agency;
  auto* users_add =
      users->add_subcommand("add", "Add a user (the password is prompted for, or read from standard input)");
  users_add->add_option("--db", users_db)->required();
  users_add->add_option("--username", username)->required();
  users_add->add_option("--name", display_name, "Full name")->required();
  std::string role_help = "One of:";
  for (Role r : all_roles()) role_help += " " + std::string(role_code(r));
  users_add->add_option("--role", role, role_help)->required();
  users_add->add_option("--team", team, "Team name (created if new)");
  users_add->add_option("--agency", agency,
                        "MASH partners: police, health, education, probation, housing, other");
  users_add->callback([&] {
    result = with_database(users_db, [&](Database& db) {
      auto password = read_password("Password for " + username + ": ", true);
      if (!password) return fail("No password given (or the two did not match)", kBadInput);
      auto user = AuthService(db, SystemClock())
                      .add_user(cli_actor(), username, display_name, role, team, agency, *password);
      if (!user) return fail(user.error());
      std::printf("Added %s (%s).\n", user->username.c_str(), std::string(role_label(user->role)).c_str());
      return kOk;
    });
  });
  auto* users_list = users->add_subcommand("list", "List users");
  users_list->add_option("--db", users_db)->required();
  users_list->callback([&] {
    result = with_database(users_db, [&](Database& db) {
      auto all = AuthService(db, SystemClock()).users();
      if (!all) return fail(all.error());
      std::printf("%-20s %-30s %-30s %-28s %-10s %s\n", "username", "name", "role", "team", "status",
                  "registration");
      for (const User& u : *all) {
        std::printf("%-20s %-30s %-30s %-28s %-10s %s\n", u.username.c_str(), u.display_name.c_str(),
                    std::string(role_code(u.role)).c_str(), u.team_name.c_str(),
                    u.disabled ? "disabled" : "active", u.registration.c_str());
      }
      return kOk;
    });
  });
  for (const bool disable : {true, false}) {
    auto* cmd = users->add_subcommand(disable ? "disable" : "enable",
                                      disable ? "Disable a user and end their sessions" : "Enable a user");
    cmd->add_option("--db", users_db)->required();
    cmd->add_option("--username", username)->required();
    cmd->callback([&, disable] {
      result = with_database(users_db, [&](Database& db) {
        return report(AuthService(db, SystemClock()).set_disabled(cli_actor(), username, disable),
                      username + (disable ? " is disabled." : " is enabled."));
      });
    });
  }
  std::string registration;
  auto* set_registration = users->add_subcommand(
      "set-registration", "Set a social worker's Social Work England registration number (SSDA903 SW_ID)");
  set_registration->add_option("--db", users_db)->required();
  set_registration->add_option("--username", username)->required();
  set_registration->add_option("--number", registration, "SW and up to 8 digits; empty to clear")->required();
  set_registration->callback([&] {
    result = with_database(users_db, [&](Database& db) {
      return report(AuthService(db, SystemClock()).set_registration(cli_actor(), username, registration),
                    "Registration number set for " + username + ".");
    });
  });
  auto* set_password = users->add_subcommand("set-password", "Set a user's password and end their sessions");
  set_password->add_option("--db", users_db)->required();
  set_password->add_option("--username", username)->required();
  set_password->callback([&] {
    result = with_database(users_db, [&](Database& db) {
      auto password = read_password("New password for " + username + ": ", true);
      if (!password) return fail("No password given (or the two did not match)", kBadInput);
      return report(AuthService(db, SystemClock()).set_password(cli_actor(), username, *password),
                    "Password set for " + username + ".");
    });
  });

  // tokens
  auto* tokens = app.add_subcommand("tokens", "API tokens for partner systems");
  tokens->require_subcommand(1);
  std::string tokens_db;
  std::string token_user;
  std::string token_label;
  int64_t token_id = 0;
  auto* tokens_create = tokens->add_subcommand(
      "create", "Create a token for a user; it is printed once and only its hash is kept");
  tokens_create->add_option("--db", tokens_db)->required();
  tokens_create->add_option("--user", token_user, "Username the token acts as")->required();
  tokens_create->add_option("--label", token_label, "What the token is for, e.g. \"police system\"");
  tokens_create->callback([&] {
    result = with_database(tokens_db, [&](Database& db) {
      auto token = AuthService(db, SystemClock()).create_token(cli_actor(), token_user, token_label);
      if (!token) return fail(token.error());
      std::printf("%s\n", token->c_str());
      if (isatty(STDOUT_FILENO)) std::fprintf(stderr, "Keep this token safe: it is not shown again.\n");
      return kOk;
    });
  });
  auto* tokens_revoke = tokens->add_subcommand("revoke", "Revoke a token");
  tokens_revoke->add_option("--db", tokens_db)->required();
  tokens_revoke->add_option("--id", token_id, "Token id")->required()->check(CLI::PositiveNumber);
  tokens_revoke->callback([&] {
    result = with_database(tokens_db, [&](Database& db) {
      return report(AuthService(db, SystemClock()).revoke_token(cli_actor(), token_id),
                    "Token " + std::to_string(token_id) + " revoked.");
    });
  });

  // settings
  auto* settings_cmd = app.add_subcommand(
      "settings", "The council's settings (authorisation rules, MASH due times, office hours)");
  settings_cmd->require_subcommand(1);
  std::string settings_db;
  std::string setting_name;
  std::string setting_value;
  auto* settings_list =
      settings_cmd->add_subcommand("list", "List every setting, its value and what it does");
  settings_list->add_option("--db", settings_db)->required();
  settings_list->callback([&] {
    result = with_database(settings_db, [&](Database& db) {
      for (const Setting& s : SettingsService(db, SystemClock()).all()) {
        std::printf("%-44s %-6s %s%s\n", s.name.c_str(), s.value.c_str(), s.description.c_str(),
                    s.is_default ? "" : " (set by the council)");
      }
      return kOk;
    });
  });
  auto* settings_set = settings_cmd->add_subcommand("set", "Change a setting");
  settings_set->add_option("--db", settings_db)->required();
  settings_set->add_option("--name", setting_name, "e.g. mash.due.red_working_hours")->required();
  settings_set->add_option("--value", setting_value, "e.g. 4")->required();
  settings_set->callback([&] {
    result = with_database(settings_db, [&](Database& db) {
      return report(SettingsService(db, SystemClock()).set(cli_actor(), setting_name, setting_value),
                    setting_name + " is now " + setting_value + ".");
    });
  });

  // returns
  auto* returns_cmd = app.add_subcommand("returns", "Produce the statutory returns from the record");
  returns_cmd->require_subcommand(1);
  std::string returns_db;
  int returns_year = 0;
  std::string returns_out;
  bool returns_previous = false;
  auto* returns_903 = returns_cmd->add_subcommand(
      "903", "The SSDA903 return's CSV tables for the collection year ending 31 March --year");
  returns_903->add_option("--db", returns_db)->required();
  returns_903->add_option("--year", returns_year, "e.g. 2026 for 1 April 2025 to 31 March 2026")->required();
  returns_903->add_option("-o,--output", returns_out, "the directory for the CSV files")->required();
  returns_903->add_flag("--previous", returns_previous,
                        "also write the year before's return, to DIR/previous (many rules compare the two)");
  returns_903->callback([&] {
    result = with_database(returns_db, [&](Database& db) {
      const SystemClock clock;
      ReturnsService returns(db, clock);
      const auto write = [&](int year, const std::string& directory) {
        auto tables = returns.ssda903(cli_actor(), year);
        if (!tables) return fail(tables.error());
        if (Status s = write_tables(*tables, directory); !s) return fail(s.error());
        std::printf("Wrote the SSDA903 return for the year ending 31 March %d to %s:", year,
                    directory.c_str());
        for (const ReturnTable& t : *tables) std::printf(" %s %zu,", t.name.c_str(), t.rows.size());
        std::printf(" rows.\n");
        return kOk;
      };
      const int code = write(returns_year, returns_out);
      if (code != kOk || !returns_previous) return code;
      return write(returns_year - 1, (std::filesystem::path(returns_out) / "previous").string());
    });
  });

  std::string returns_cin_out;
  auto* returns_cin = returns_cmd->add_subcommand(
      "cin", "The Children in Need census XML for the year ending 31 March --year (the ReferenceDate)");
  returns_cin->add_option("--db", returns_db)->required();
  returns_cin->add_option("--year", returns_year, "e.g. 2026 for 1 April 2025 to 31 March 2026")->required();
  returns_cin->add_option("-o,--output", returns_cin_out, "the XML file to write")->required();
  returns_cin->callback([&] {
    result = with_database(returns_db, [&](Database& db) {
      const SystemClock clock;
      auto xml = ReturnsService(db, clock).cin_census(cli_actor(), returns_year);
      if (!xml) return fail(xml.error());
      if (Status s = write_return_file(returns_cin_out, *xml); !s) return fail(s.error());
      std::printf("Wrote the Children in Need census for the year ending 31 March %d to %s.\n", returns_year,
                  returns_cin_out.c_str());
      return kOk;
    });
  });

  // validate
  auto* validate_cmd = app.add_subcommand("validate", "Check a statutory return against the DfE's rules");
  validate_cmd->require_subcommand(1);
  std::string validate_file;
  std::string validate_format = "csv";
  std::string validate_out;
  int validate_year = 0;
  auto* validate_cin = validate_cmd->add_subcommand("cin",
                                                    "Check a Children in Need census XML file; findings as "
                                                    "CSV or JSON; exit 0 no errors, 1 errors, 2 unreadable");
  validate_cin->add_option("file", validate_file, "the census XML file")->required();
  validate_cin->add_option("--year", validate_year,
                           "the collection year whose rules apply (2025 or later; by default the file's)");
  validate_cin->add_option("--format", validate_format, "csv (the default) or json")
      ->check(CLI::IsMember({"csv", "json"}));
  validate_cin->add_option("-o,--output", validate_out, "write the findings here rather than to the screen");
  validate_cin->callback(
      [&] { result = validate_census(validate_file, validate_year, validate_format, validate_out); });
  std::string validate_previous;
  auto* validate_903 =
      validate_cmd->add_subcommand("903", "Check an SSDA903 return's CSV files; exit as for cin");
  validate_903->add_option("directory", validate_file, "the directory of the year's CSV files")->required();
  validate_903->add_option("--year", validate_year, "the collection year: it ends 31 March of it")
      ->required();
  validate_903->add_option("--previous", validate_previous, "the directory of the year before's CSV files");
  Ssda903Lookups validate_lookups;
  validate_903->add_option(
      "--la", validate_lookups.la,
      "the council's ONS code (upper tier, e.g. E10000020): whether a placement is in its area");
  validate_903->add_option(
      "--postcodes", validate_lookups.postcodes,
      "the ONS postcode directory (ONSPD or NSPL CSV): where placements are; needs --la");
  validate_903->add_option("--providers", validate_lookups.providers,
                           "Ofsted's list of children's homes and social care providers, saved as CSV");
  validate_903->add_option("--format", validate_format, "csv (the default) or json")
      ->check(CLI::IsMember({"csv", "json"}));
  validate_903->add_option("-o,--output", validate_out, "write the findings here rather than to the screen");
  validate_903->callback([&] {
    result = validate_ssda903_return(validate_file, validate_previous, validate_year, validate_lookups,
                                     validate_format, validate_out);
  });

  // postcodes
  auto* postcodes_cmd =
      app.add_subcommand("postcodes", "The postcode directory, for placements' distance from home and area");
  postcodes_cmd->require_subcommand(1);
  std::string postcodes_db;
  std::string postcodes_file;
  std::string postcode_text;
  auto* postcodes_import = postcodes_cmd->add_subcommand(
      "import", "Replace the directory with the ONS postcode directory (ONSPD) CSV file");
  postcodes_import->add_option("--db", postcodes_db)->required();
  postcodes_import->add_option("--file", postcodes_file, "e.g. ONSPD_NOV_2026_UK.csv")->required();
  postcodes_import->callback([&] {
    std::ifstream in(postcodes_file, std::ios::binary);
    if (!in) {
      result = fail("cannot open --file " + postcodes_file, kBadInput);
      return;
    }
    result = with_database(postcodes_db, [&](Database& db) {
      const auto imported = PostcodeService(db, SystemClock()).import(cli_actor(), in, postcodes_file);
      if (!imported) return fail(imported.error());
      std::printf(
          "Imported %lld postcodes in %lld districts from %lld rows (%lld without a grid reference and %lld "
          "outside the UK's councils skipped).\n",
          static_cast<long long>(imported->postcodes), static_cast<long long>(imported->districts),
          static_cast<long long>(imported->rows), static_cast<long long>(imported->no_grid),
          static_cast<long long>(imported->no_authority));
      return kOk;
    });
  });
  std::vector<std::string> synthetic_returns;
  auto* postcodes_synthetic =
      postcodes_cmd->add_subcommand("synthetic",
                                    "Write the synthetic council's postcode directory (ONS CSV columns) for "
                                    "the postcodes of SSDA903 returns, "
                                    "for validate 903 --postcodes");
  postcodes_synthetic->add_option("returns", synthetic_returns, "directories of SSDA903 CSV files")
      ->required();
  postcodes_synthetic->add_option("-o,--output", postcodes_file, "the CSV file to write")->required();
  postcodes_synthetic->callback([&] {
    std::vector<std::string> postcodes;
    for (const std::string& directory : synthetic_returns) {
      auto year = read_ssda903_directory(directory);
      if (!year) {
        result = fail(year.error().message, kBadInput);
        return;
      }
      for (std::string& postcode : ssda903_postcodes(*year)) postcodes.push_back(std::move(postcode));
    }
    const Status s = write_return_file(
        postcodes_file, [&](std::ostream& out) { synth::write_postcode_directory(postcodes, out); });
    result = report(s, "Wrote the synthetic postcode directory to " + postcodes_file + ".");
  });
  auto* postcodes_locate =
      postcodes_cmd->add_subcommand("locate", "Where the directory puts a postcode (or its district)");
  postcodes_locate->add_option("--db", postcodes_db)->required();
  postcodes_locate->add_option("--postcode", postcode_text, "e.g. \"NR1 2AB\"")->required();
  postcodes_locate->callback([&] {
    result = with_database(postcodes_db, [&](Database& db) {
      const auto located = PostcodeService(db, SystemClock()).locate(postcode_text);
      if (!located) return fail(located.error());
      const std::optional<PostcodeLocation>& at = *located;
      if (!at)
        return fail("the directory has neither the postcode " + postcode_text + " nor its district",
                    kBadInput);
      std::printf("%s: easting %lld, northing %lld, authority %s%s\n",
                  normalise_postcode(postcode_text).c_str(), static_cast<long long>(at->grid.easting),
                  static_cast<long long>(at->grid.northing), at->authority.c_str(),
                  at->district_only ? " (the centre of its district)" : "");
      return kOk;
    });
  });

  // access grants
  auto* access =
      app.add_subcommand("access", "Time-limited access to a person's record (an inspection sample)");
  access->require_subcommand(1);
  std::string access_db;
  std::string access_user;
  int64_t access_person = 0;
  std::string access_from;
  std::string access_until;
  std::string access_reason;
  auto* grant = access->add_subcommand("grant", "Let a user see one person's record between two dates");
  grant->add_option("--db", access_db)->required();
  grant->add_option("--user", access_user)->required();
  grant->add_option("--person", access_person, "Safeguard ID")->required()->check(CLI::PositiveNumber);
  grant->add_option("--from", access_from, "YYYY-MM-DD")->required();
  grant->add_option("--until", access_until, "YYYY-MM-DD")->required();
  grant->add_option("--reason", access_reason, "e.g. \"ILACS inspection November 2026\"")->required();
  grant->callback([&] {
    const auto from = parse_date_argument(access_from, "--from");
    const auto until = parse_date_argument(access_until, "--until");
    if (!from || !until) {
      result = kBadInput;
      return;
    }
    result = with_database(access_db, [&](Database& db) {
      return report(AdministrationService(db, SystemClock())
                        .grant_access(cli_actor(), access_user, access_person, *from, *until, access_reason),
                    access_user + " may see person " + std::to_string(access_person) + " from " +
                        from->iso() + " to " + until->iso() + ".");
    });
  });

  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForAllHelp& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    app.exit(e);
    return kBadInput;
  }
  return result;
}

}  // namespace safeguard::cli
