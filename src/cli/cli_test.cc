// The command line: what it prints and its exit codes (0 success, 1 a failed operation or check,
// 2 bad arguments), run in-process.
#include "cli/cli.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <nlohmann/json.hpp>
#include <sstream>

#include "core/clock.h"
#include "store/event_log.h"
#include "support/test_databases.h"

namespace safeguard::cli {
namespace {

struct Outcome {
  int code;
  std::string out;
  std::string err;
};

Outcome run_cli(std::vector<std::string> args, const std::string& stdin_text = "") {
  args.insert(args.begin(), "safeguard");
  std::vector<char*> argv;
  for (std::string& a : args) argv.push_back(a.data());
  std::istringstream input(stdin_text);
  std::streambuf* old_in = std::cin.rdbuf(input.rdbuf());
  ::testing::internal::CaptureStdout();
  ::testing::internal::CaptureStderr();
  const int code = run(static_cast<int>(argv.size()), argv.data());
  Outcome o{code, ::testing::internal::GetCapturedStdout(), ::testing::internal::GetCapturedStderr()};
  std::cin.rdbuf(old_in);
  return o;
}

TEST(Cli, WorkdaysAddAndBetween) {
  EXPECT_EQ(run_cli({"workdays", "add", "2023-05-05", "1"}).out, "2023-05-09\n");  // the coronation
  EXPECT_EQ(run_cli({"workdays", "add", "2022-09-16", "1"}).out, "2022-09-20\n");  // the state funeral
  EXPECT_EQ(run_cli({"workdays", "add", "2026-11-23", "0"}).out, "2026-11-23\n");
  EXPECT_EQ(run_cli({"workdays", "add", "2026-12-29", "-1"}).out, "2026-12-24\n");
  EXPECT_EQ(run_cli({"workdays", "add", "2026-12-29", "-2"}).out, "2026-12-23\n");
  EXPECT_EQ(run_cli({"workdays", "between", "2026-12-24", "2026-12-29"}).out, "1\n");
  EXPECT_EQ(run_cli({"workdays", "between", "2026-12-29", "2026-12-24"}).out, "-1\n");
  EXPECT_EQ(run_cli({"workdays", "is-working-day", "2026-12-28"}).out, "no: Boxing Day (substitute day)\n");
}

TEST(Cli, BadArgumentsExitWithTwoAndSayWhy) {
  Outcome o = run_cli({"workdays", "add", "2023-02-29", "1"});
  EXPECT_EQ(o.code, 2);
  EXPECT_NE(o.err.find("\"2023-02-29\" is not a real date"), std::string::npos) << o.err;
  o = run_cli({"workdays", "add", "2023-02-28", "ten"});
  EXPECT_EQ(o.code, 2);
  EXPECT_NE(o.err.find("whole number"), std::string::npos);
  EXPECT_EQ(run_cli({"workdays", "between", "2023-01-01", "01/02/2023"}).code, 2);
  EXPECT_EQ(run_cli({"workdays", "add", "2023-01-01"}).code, 2);
  EXPECT_EQ(run_cli({"no-such-command"}).code, 2);
  EXPECT_EQ(run_cli({"rebuild"}).code, 2);  // --db is required
  EXPECT_EQ(run_cli({"--help"}).code, 0);
}

TEST(Cli, UsersTokensAndTheAuditTrail) {
  testing::TestDatabase db("sqlite");
  const std::string path = db.location();
  Outcome o =
      run_cli({"users", "add", "--db", path, "--username", "sam", "--name", "Sam Worker", "--role", "wizard"},
              "a long enough password\n");
  EXPECT_EQ(o.code, 2);
  EXPECT_NE(o.err.find("is not a role"), std::string::npos);
  o = run_cli({"users", "add", "--db", path, "--username", "sam", "--name", "Sam Worker", "--role",
               "social_worker", "--team", "North"},
              "a long enough password\n");
  ASSERT_EQ(o.code, 0) << o.err;
  o = run_cli({"users", "list", "--db", path});
  EXPECT_NE(o.out.find("sam"), std::string::npos);
  EXPECT_NE(o.out.find("North"), std::string::npos);
  o = run_cli({"tokens", "create", "--db", path, "--user", "sam", "--label", "partner"});
  ASSERT_EQ(o.code, 0);
  EXPECT_TRUE(o.out.starts_with("sg_"));
  EXPECT_EQ(run_cli({"tokens", "create", "--db", path, "--user", "nobody"}).code, 2);
  EXPECT_EQ(run_cli({"users", "disable", "--db", path, "--username", "sam"}).code, 0);
  o = run_cli({"users", "list", "--db", path});
  EXPECT_NE(o.out.find("disabled"), std::string::npos);
  EXPECT_EQ(
      run_cli({"calendar", "close", "--db", path, "--date", "2026-12-29", "--reason", "Council closure"})
          .code,
      0);
  EXPECT_EQ(run_cli({"workdays", "add", "2026-12-24", "1", "--db", path}).out, "2026-12-30\n");
  EXPECT_EQ(run_cli({"calendar", "close", "--db", path, "--date", "2026-12-26", "--reason", "x"}).code,
            2);  // a Saturday
  o = run_cli({"settings", "set", "--db", path, "--name", "mash.due.red_working_hours", "--value", "2"});
  EXPECT_EQ(o.code, 0) << o.err;
  EXPECT_EQ(
      run_cli({"settings", "set", "--db", path, "--name", "mash.due.red_working_hours", "--value", "0"}).code,
      2);
  EXPECT_EQ(run_cli({"settings", "set", "--db", path, "--name", "no.such", "--value", "0"}).code, 2);
  o = run_cli({"settings", "list", "--db", path});
  EXPECT_NE(o.out.find("mash.due.red_working_hours"), std::string::npos);
  EXPECT_NE(o.out.find("(set by the council)"), std::string::npos);
}

TEST(Cli, PostcodesImportTheOnsDirectoryAndLocate) {
  testing::TestDatabase db("sqlite");
  const std::string path = db.location();
  const std::string file = path + ".onspd.csv";
  {
    std::ofstream out(file);
    out << "pcds,oscty,oslaua,oseast1m,osnrth1m,ctry\n"
           "NR1 1AA,E10000020,E07000148,623400,308600,E92000001\n"
           "NR1 1AB,E10000020,E07000148,623600,308800,E92000001\n"
           "NR1 1AD,E10000020,E07000148,,,E92000001\n";
  }
  Outcome o = run_cli({"postcodes", "import", "--db", path, "--file", file});
  ASSERT_EQ(o.code, 0) << o.err;
  EXPECT_EQ(
      o.out,
      "Imported 2 postcodes in 1 districts from 3 rows (1 without a grid reference and 0 outside the UK's "
      "councils skipped).\n");
  o = run_cli({"postcodes", "locate", "--db", path, "--postcode", "nr1 1ab"});
  EXPECT_EQ(o.out, "NR1 1AB: easting 623600, northing 308800, authority E10000020\n");
  o = run_cli({"postcodes", "locate", "--db", path, "--postcode", "NR1 9ZZ"});
  EXPECT_EQ(o.out,
            "NR1 9ZZ: easting 623500, northing 308700, authority E10000020 (the centre of its district)\n");
  o = run_cli({"postcodes", "locate", "--db", path, "--postcode", "IP3 1AA"});
  EXPECT_EQ(o.code, 2);
  EXPECT_NE(o.err.find("neither the postcode IP3 1AA nor its district"), std::string::npos) << o.err;
  o = run_cli({"postcodes", "import", "--db", path, "--file", file + ".missing"});
  EXPECT_EQ(o.code, 2);
  EXPECT_NE(o.err.find("cannot open --file"), std::string::npos);
  {
    std::ofstream out(file);
    out << "pcds,oslaua,oseast1m,osnrth1m\nNR1 1AA,E07000148,623400\n";
  }
  o = run_cli({"postcodes", "import", "--db", path, "--file", file});
  EXPECT_EQ(o.code, 2);
  EXPECT_NE(o.err.find("line 2: 3 fields where the header has 4"), std::string::npos) << o.err;
  // The failed import changed nothing.
  EXPECT_EQ(run_cli({"postcodes", "locate", "--db", path, "--postcode", "NR1 1AB"}).code, 0);
  o = run_cli({"settings", "set", "--db", path, "--name", "council.authority", "--value", "E10000020"});
  EXPECT_EQ(o.code, 0) << o.err;
  std::remove(file.c_str());
}

// A census checked: exit 0 with no errors, 1 with them (CSV or JSON), 2 when it cannot be read.
TEST(Cli, ValidateCinExitsByWhatItFinds) {
  const std::string valid = std::string(SAFEGUARD_SOURCE_DIR) + "/tests/data/cin/valid.xml";
  Outcome o = run_cli({"validate", "cin", valid});
  EXPECT_EQ(o.code, 0) << o.err;
  EXPECT_EQ(o.out, "rule,type,child,table,row,fields,value,message\n");
  EXPECT_NE(o.err.find("0 errors and 0 queries from 109 rules"), std::string::npos) << o.err;

  // A fault: exit 1, the finding on the screen or in a file, as CSV or JSON.
  std::ifstream in(valid, std::ios::binary);
  std::string xml((std::istreambuf_iterator<char>(in)), {});
  const std::string source = "<ReferralSource>2A<";
  xml.replace(xml.find(source), source.size(), "<ReferralSource>11<");
  const std::string bad = ::testing::TempDir() + "cin-bad.xml";
  std::ofstream(bad, std::ios::binary) << xml;
  o = run_cli({"validate", "cin", bad});
  EXPECT_EQ(o.code, 1);
  EXPECT_NE(o.out.find("8866,error,C1001,CINdetails,0,"), std::string::npos) << o.out;
  const std::string json = ::testing::TempDir() + "cin-findings.json";
  o = run_cli({"validate", "cin", bad, "--format", "json", "-o", json});
  EXPECT_EQ(o.code, 1);
  std::ifstream findings(json);
  const auto parsed = nlohmann::json::parse(findings);
  EXPECT_EQ(parsed["errors"], 1);
  ASSERT_EQ(parsed["findings"].size(), 1u);
  EXPECT_EQ(parsed["findings"][0]["rule"], "8866");
  EXPECT_EQ(parsed["findings"][0]["row"], 0);

  // Cannot be read: exit 2 with the file, line and reason.
  const std::string broken = ::testing::TempDir() + "cin-broken.xml";
  std::ofstream(broken, std::ios::binary) << "<Message>\n<Children>\n<Child>\n</Message>\n";
  o = run_cli({"validate", "cin", broken});
  EXPECT_EQ(o.code, 2);
  EXPECT_NE(o.err.find("cin-broken.xml is not well-formed XML: line 4"), std::string::npos) << o.err;
  EXPECT_EQ(run_cli({"validate", "cin", ::testing::TempDir() + "no-such.xml"}).code, 2);
  EXPECT_EQ(run_cli({"validate", "cin", valid, "--year", "2024"}).code, 2);
  EXPECT_EQ(run_cli({"validate", "cin", valid, "--format", "xml"}).code, 2);
  // Checked as another year's census: the ReferenceDate is wrong.
  o = run_cli({"validate", "cin", valid, "--year", "2027"});
  EXPECT_EQ(o.code, 1);
  EXPECT_NE(o.out.find("100,error,,Header,0,"), std::string::npos) << o.out;
  std::filesystem::remove(bad);
  std::filesystem::remove(json);
  std::filesystem::remove(broken);
}

// An SSDA903 return's files checked: exit 0 with no errors, 1 with them, 2 for a file of no table.
TEST(Cli, Validate903ExitsByWhatItFinds) {
  const std::string dir = ::testing::TempDir() + "ssda903-validate";
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  std::ofstream(dir + "/h.csv") << "CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB\n";  // no child, no fault
  Outcome o = run_cli({"validate", "903", dir, "--year", "2026"});
  EXPECT_EQ(o.code, 0) << o.err;
  std::ofstream(dir + "/h.csv") << "CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB\n7,X,01/05/2010,WBRI,,,\n";
  o = run_cli({"validate", "903", dir, "--year", "2026"});
  EXPECT_EQ(o.code, 1) << o.err;
  EXPECT_NE(o.out.find("101,error,7,Header,0,SEX,X,"), std::string::npos) << o.out;
  // The lookups: --postcodes needs --la, which must be a council's code; a file of the wrong
  // columns is refused, naming what is missing.
  const std::string postcodes = ::testing::TempDir() + "ssda903-postcodes.csv";
  std::ofstream(postcodes)
      << "pcd,oseast1m,osnrth1m,laua,cty,ctry\nNR1 1AA,624000,308000,E07000148,E10000020,\n";
  EXPECT_EQ(run_cli({"validate", "903", dir, "--year", "2026", "--postcodes", postcodes}).code, 2);
  o = run_cli({"validate", "903", dir, "--year", "2026", "--la", "Norfolk", "--postcodes", postcodes});
  EXPECT_EQ(o.code, 2);
  EXPECT_NE(o.err.find("--la Norfolk: give the council's ONS code"), std::string::npos) << o.err;
  o = run_cli({"validate", "903", dir, "--year", "2026", "--la", "E10000020", "--postcodes", postcodes});
  EXPECT_EQ(o.code, 1) << o.err;
  EXPECT_EQ(o.err.find("needs the ONS postcode directory"), std::string::npos) << o.err;
  EXPECT_NE(o.err.find("needs the Ofsted provider lists"), std::string::npos) << o.err;
  const std::string providers = ::testing::TempDir() + "ssda903-providers.csv";
  std::ofstream(providers) << "URN,Name\nSC1,Home\n";
  o = run_cli({"validate", "903", dir, "--year", "2026", "--providers", providers});
  EXPECT_EQ(o.code, 2);
  EXPECT_NE(o.err.find("the header has no column Placement code, Placement provider code"), std::string::npos)
      << o.err;
  std::ofstream(providers) << "URN,Placement code,Placement provider code\nSC1,K2,PR1\n";
  o = run_cli({"validate", "903", dir, "--year", "2026", "--providers", providers});
  EXPECT_EQ(o.err.find("needs the Ofsted provider lists"), std::string::npos) << o.err;
  std::filesystem::remove(postcodes);
  std::filesystem::remove(providers);
  std::ofstream(dir + "/odd.csv") << "A,B\n";
  o = run_cli({"validate", "903", dir, "--year", "2026"});
  EXPECT_EQ(o.code, 2);
  EXPECT_NE(o.err.find("odd.csv: its columns (A, B)"), std::string::npos) << o.err;
  EXPECT_EQ(run_cli({"validate", "903", dir + "/none", "--year", "2026"}).code, 2);
  std::filesystem::remove_all(dir);
}

// The SSDA903 return of a small synthetic council: every table with its columns, the previous
// year beside it, the same bytes twice, and a year not begun refused.
TEST(Cli, ReturnsWriteEveryFileTheSameEachTime) {
  testing::TestDatabase db("sqlite");
  const std::string path = db.location();
  ASSERT_EQ(run_cli({"demo", "--db", path, "--scale", "small", "--seed", "3"}).code, 0);
  const Date today = SystemClock().today();
  const int year = today >= Date::from_ymd(today.year(), 4, 1) ? today.year() : today.year() - 1;
  const std::string dir = path + ".903";
  Outcome o =
      run_cli({"returns", "903", "--db", path, "--year", std::to_string(year), "-o", dir, "--previous"});
  ASSERT_EQ(o.code, 0) << o.err;
  EXPECT_NE(o.out.find("Header"), std::string::npos);
  const auto read = [](const std::string& file) {
    std::ifstream in(file, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), {});
  };
  const char* tables[] = {"Header", "Episodes",       "Reviews",  "UASC",    "OC2",       "OC3",
                          "AD1",    "PlacedAdoption", "PrevPerm", "Missing", "SWEpisodes"};
  std::map<std::string, std::string> first;
  for (const char* t : tables) {
    first[t] = read(dir + "/" + t + ".csv");
    EXPECT_FALSE(first[t].empty()) << t;
    EXPECT_FALSE(read(dir + "/previous/" + t + ".csv").empty()) << t;
  }
  EXPECT_TRUE(first["Episodes"].starts_with(
      "CHILD,DECOM,RNE,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REC,REASON_PLACE_CHANGE,HOME_POST,PL_POST,URN\n"));
  EXPECT_GT(std::count(first["Episodes"].begin(), first["Episodes"].end(), '\n'), 1);
  ASSERT_EQ(run_cli({"returns", "903", "--db", path, "--year", std::to_string(year), "-o", dir}).code, 0);
  for (const char* t : tables) EXPECT_EQ(read(dir + "/" + t + ".csv"), first[t]) << t;
  o = run_cli({"returns", "903", "--db", path, "--year", std::to_string(today.year() + 2), "-o", dir});
  EXPECT_EQ(o.code, 2);
  EXPECT_NE(o.err.find("The collection year must be"), std::string::npos) << o.err;
  std::filesystem::remove_all(dir);

  // The Children in Need census: the generator set the council's LA number.
  const std::string xml = path + ".cin.xml";
  o = run_cli({"returns", "cin", "--db", path, "--year", std::to_string(year), "-o", xml});
  ASSERT_EQ(o.code, 0) << o.err;
  const std::string census = read(xml);
  EXPECT_NE(census.find("<ReferenceDate>" + std::to_string(year) + "-03-31</ReferenceDate>"),
            std::string::npos);
  EXPECT_NE(census.find("<LEA>926</LEA>"), std::string::npos);
  EXPECT_NE(census.find("<CINdetails>"), std::string::npos);
  ASSERT_EQ(run_cli({"returns", "cin", "--db", path, "--year", std::to_string(year), "-o", xml}).code, 0);
  EXPECT_EQ(read(xml), census);
  // Without it, the census cannot be made, and the file is left as it was.
  ASSERT_EQ(run_cli({"settings", "set", "--db", path, "--name", "council.la_number", "--value", ""}).code, 0);
  o = run_cli({"returns", "cin", "--db", path, "--year", std::to_string(year), "-o", xml});
  EXPECT_EQ(o.code, 2);
  EXPECT_NE(o.err.find("council.la_number"), std::string::npos) << o.err;
  EXPECT_EQ(read(xml), census);
  o = run_cli({"settings", "set", "--db", path, "--name", "council.la_number", "--value", "999"});
  EXPECT_EQ(o.code, 2) << o.out;
  std::filesystem::remove(xml);
}

TEST(Cli, AuditVerifyAndRebuildReportWhatTheyFind) {
  testing::TestDatabase db("sqlite");
  const std::string path = db.location();
  Outcome o = run_cli({"demo", "--db", path, "--scale", "small", "--seed", "3"});
  ASSERT_EQ(o.code, 0) << o.err;
  EXPECT_NE(o.out.find("frontdoor"), std::string::npos);
  o = run_cli({"audit", "verify", "--db", path});
  EXPECT_EQ(o.code, 0) << o.out << o.err;
  EXPECT_NE(o.out.find("intact"), std::string::npos);
  o = run_cli({"rebuild", "--db", path, "--verify"});
  EXPECT_EQ(o.code, 0) << o.out;
  // Tamper with the log and with a read model, behind Safeguard's back.
  {
    auto connection = db.connect();
    connection->execute("UPDATE events SET data = '{}' WHERE stream = 'person/5' AND version = 1");
    connection->execute("UPDATE people SET surname = 'Tampered' WHERE person_id = 7");
  }
  o = run_cli({"audit", "verify", "--db", path});
  EXPECT_EQ(o.code, 1);
  EXPECT_NE(o.out.find("TAMPERING DETECTED in person/5 at event version 1"), std::string::npos) << o.out;
  {
    auto connection = db.connect();
    connection->execute(
        "UPDATE events SET data = (SELECT data FROM events WHERE stream = 'person/6' AND version = 1) "
        "WHERE stream = 'person/5' AND version = 1");
  }
  o = run_cli({"rebuild", "--db", path, "--verify"});
  EXPECT_EQ(o.code, 1);
  EXPECT_NE(o.out.find("Tampered"), std::string::npos) << o.out;
  EXPECT_EQ(run_cli({"audit", "access-log", "--db", path, "--person", "7"}).code, 0);
  EXPECT_EQ(run_cli({"audit", "access-log", "--db", path, "--person", "999999"}).code, 2);
}

}  // namespace
}  // namespace safeguard::cli
