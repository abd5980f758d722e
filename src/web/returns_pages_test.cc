// The Returns pages end to end on a small synthetic council, without a network: an analyst
// produces the Children in Need census (a choice left out is named at its field), sees what the
// validator finds grouped by rule with the same counts as the validator run on the file, and
// downloads the file exactly as kept and the findings; a team manager sees the same findings with
// each child linked to the part of their record at fault, where an analyst (who opens no records)
// sees who holds the case; the SSDA903 return comes as its eleven files and last year's, and is
// checked as the validator checks those files; the data-quality page, for either return,
// checks the year under way; a social worker sees none of it and a manager produces nothing.
#include <gtest/gtest.h>

#include "app/returns.h"
#include "returns/cin_validator.h"
#include "returns/table.h"
#include "store/audit_log.h"
#include "support/browser.h"
#include "support/test_site.h"
#include "synth/council.h"

namespace safeguard::web {
namespace {

class ReturnsPagesTest : public TestSite, public ::testing::Test {
 protected:
  ReturnsPagesTest() {
    synth::CouncilOptions options;
    options.seed = 42;
    options.scale = synth::Scale::kSmall;
    options.now = clock_.now();
    options.demo_password = kBrowserTestPassword;
    auto generated = synth::generate_council(*db_, options);
    if (!generated) throw std::runtime_error(generated.error().message);
  }

  // The validator's findings on the census the record gives for `year`.
  ValidationReport findings_of(int year) {
    auto xml = ReturnsService(*db_, clock_).cin_census("test", year);
    if (!xml) throw std::runtime_error(xml.error().message);
    return validate_cin(*read_cin_census(*xml), year);
  }

  // An analyst, signed in, produces a return through the form.
  static Response produce(Browser& analyst, const std::string& kind, const std::string& year) {
    if (analyst.sign_in("analyst").status != 303) throw std::runtime_error("the analyst cannot sign in");
    FormData f = Browser::hidden_fields(analyst.get("/returns").body);
    f.set("kind", kind);
    f.set("year", year);
    return analyst.post("/returns", f);
  }

  static std::string header(const Response& r, const std::string& name) {
    for (const Header& h : r.headers) {
      if (h.name == name) return h.value;
    }
    return {};
  }
};

const Finding* first_about_a_child(const ValidationReport& r) {
  for (const Finding& f : r.findings) {
    if (!f.child.empty()) return &f;
  }
  return nullptr;
}

std::string counts(const ValidationReport& r) {
  const auto n = [](size_t k, const char* one, const char* many) {
    return std::to_string(k) + " " + (k == 1 ? one : many);
  };
  return n(r.errors(), "error", "errors") + " and " + n(r.queries(), "query", "queries");
}

TEST_F(ReturnsPagesTest, AnAnalystProducesTheCensusAndDownloadsWhatWasChecked) {
  Browser analyst(*site_);
  ASSERT_EQ(analyst.sign_in("analyst").status, 303);
  Response r = analyst.get("/returns");
  ASSERT_EQ(r.status, 200);
  EXPECT_TRUE(contains(r.body, "No return has been produced yet."));
  EXPECT_TRUE(contains(r.body, "href=\"/returns\""));  // the navigation

  // No year chosen: the field is named, nothing is produced.
  FormData f = Browser::hidden_fields(r.body);
  f.set("kind", "cin");
  Response bad = analyst.post("/returns", f);
  ASSERT_EQ(bad.status, 422);
  EXPECT_TRUE(contains(bad.body, "href=\"#year\""));
  EXPECT_TRUE(contains(bad.body, "No return has been produced yet."));
  f.set("year", "2019");
  bad = analyst.post("/returns", f);
  ASSERT_EQ(bad.status, 422);
  EXPECT_TRUE(contains(bad.body, "Choose one of the collection years listed"));

  f.set("year", "2026");
  Response done = analyst.post("/returns", f);
  ASSERT_EQ(done.status, 303) << done.body;
  const std::string at = location(done);
  ASSERT_EQ(at, "/returns/1");

  const ValidationReport expected = findings_of(2026);
  r = analyst.get(at);
  ASSERT_EQ(r.status, 200);
  EXPECT_TRUE(contains(r.body, "<span data-testid=\"finding-counts\">" + counts(expected) + "</span>"))
      << r.body;
  EXPECT_EQ(expected.errors(), 0u);
  // Each rule found is listed with its count, and its findings in a details block.
  std::map<std::string, size_t> by_rule;
  for (const Finding& finding : expected.findings) ++by_rule[std::string(finding.rule)];
  for (const auto& [rule, n] : by_rule) {
    EXPECT_TRUE(contains(r.body, "href=\"#rule-" + rule + "\"")) << rule;
    EXPECT_TRUE(contains(r.body, rule + ": " + std::to_string(n) + (n == 1 ? " finding" : " findings")))
        << rule;
  }
  // An analyst opens no records: the child is named with who holds the case, not linked.
  const Finding* about_a_child = first_about_a_child(expected);
  ASSERT_NE(about_a_child, nullptr);
  EXPECT_FALSE(contains(r.body, "href=\"/people/"));
  EXPECT_TRUE(contains(r.body, "<td class=\"govuk-table__cell\">" + about_a_child->child + "</td>"))
      << r.body;

  // The file as kept is the census the record gives, and it is the file that was checked.
  r = analyst.get(at + "/files/cin-census-2026.xml");
  ASSERT_EQ(r.status, 200);
  EXPECT_EQ(header(r, "Content-Disposition"), "attachment; filename=\"cin-census-2026.xml\"");
  EXPECT_EQ(r.body, ReturnsService(*db_, clock_).cin_census("test", 2026).value());
  EXPECT_EQ(analyst.get(at + "/files/other.xml").status, 404);
  r = analyst.get(at + "/findings.csv");
  ASSERT_EQ(r.status, 200);
  EXPECT_EQ(r.body, findings_csv(expected));

  r = analyst.get("/returns");
  EXPECT_TRUE(contains(r.body, "href=\"/returns/1\""));
  EXPECT_FALSE(contains(r.body, "No return has been produced yet."));
}

TEST_F(ReturnsPagesTest, AManagerSeesEachChildLinkedToTheFieldAtFault) {
  Browser analyst(*site_);
  ASSERT_EQ(produce(analyst, "cin", "2025").status, 303);

  const ValidationReport expected = findings_of(2025);
  Browser manager(*site_);
  ASSERT_EQ(manager.sign_in("manager").status, 303);
  Response r = manager.get("/returns/1");
  ASSERT_EQ(r.status, 200);
  EXPECT_TRUE(contains(r.body, counts(expected)));
  EXPECT_FALSE(contains(r.body, "Produce the return"));
  const Finding* finding = first_about_a_child(expected);
  ASSERT_NE(finding, nullptr);
  const std::string record = "/people/" + finding->child;
  const std::string href =
      finding->table == "ChildIdentifiers" || finding->table == "Disabilities"    ? record + "/correct"
      : finding->table == "Section47" || finding->table == "ChildProtectionPlans" ? record + "/protection"
                                                                                  : record;
  EXPECT_TRUE(contains(r.body, "href=\"" + href + "\"")) << finding->rule << " " << href;
  // A manager does not produce returns.
  FormData produce = Browser::hidden_fields(r.body);
  produce.set("kind", "cin");
  produce.set("year", "2025");
  EXPECT_EQ(manager.post("/returns", produce).status, 403);
}

TEST_F(ReturnsPagesTest, TheSsda903ReturnComesAsItsElevenFilesWithLastYearsAndIsChecked) {
  Browser analyst(*site_);
  ASSERT_EQ(produce(analyst, "ssda903", "2026").status, 303);
  // Noted once, by whom, when it was kept (last year's tables are not a production of their own).
  const auto log = AuditLog(db_->sql()).administration(5);
  ASSERT_FALSE(log.empty());
  EXPECT_EQ(log.front().action, "produced the SSDA903 return");
  EXPECT_EQ(log.front().actor, "analyst");
  EXPECT_TRUE(log.front().detail.starts_with("year ending 31 March 2026: ")) << log.front().detail;
  EXPECT_TRUE(log.size() < 2 || log[1].action != "produced the SSDA903 return");
  Response r = analyst.get("/returns/1");
  ASSERT_EQ(r.status, 200);
  for (const char* table : {"Header", "Episodes", "Reviews", "UASC", "OC2", "OC3", "AD1", "PlacedAdoption",
                            "PrevPerm", "Missing", "SWEpisodes"}) {
    EXPECT_TRUE(contains(r.body, "href=\"/returns/1/files/" + std::string(table) + ".csv\"")) << table;
    EXPECT_TRUE(contains(r.body, "href=\"/returns/1/files/previous-" + std::string(table) + ".csv\""))
        << table;
  }
  r = analyst.get("/returns/1/files/Episodes.csv");
  ASSERT_EQ(r.status, 200);
  EXPECT_TRUE(r.body.starts_with(
      "CHILD,DECOM,RNE,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REC,REASON_PLACE_CHANGE,HOME_POST,PL_POST"))
      << r.body.substr(0, 200);

  // The page's findings are the validator's on the files as kept, with last year's, placed by the
  // council's postcode directory: the same counts, and the rules needing Ofsted's lists skipped.
  ReturnsService returns(*db_, clock_);
  std::vector<ReturnFile> files;
  for (const int year : {2026, 2025}) {
    auto tables = returns.build_ssda903(year);
    ASSERT_TRUE(tables);
    for (const ReturnTable& t : *tables)
      files.push_back({(year == 2025 ? "previous-" : "") + t.name + ".csv", to_csv(t)});
  }
  const auto expected = returns.validate_ssda903_files(files, 2026);
  ASSERT_TRUE(expected);
  r = analyst.get("/returns/1");
  EXPECT_TRUE(contains(r.body, "<span data-testid=\"finding-counts\">" + counts(*expected) + "</span>"))
      << r.body;
  EXPECT_TRUE(contains(r.body, "1008: needs the Ofsted provider lists"));
  EXPECT_FALSE(contains(r.body, "needs the ONS postcode directory"));  // the council has one
  const Response csv = analyst.get("/returns/1/findings.csv");
  ASSERT_EQ(csv.status, 200);
  EXPECT_EQ(std::count(csv.body.begin(), csv.body.end(), '\n'),
            static_cast<std::ptrdiff_t>(expected->findings.size() + 1));

  // A team manager's links go to the part of the record holding the table's fields.
  const Finding* f = first_about_a_child(*expected);
  ASSERT_NE(f, nullptr);
  Browser manager(*site_);
  ASSERT_EQ(manager.sign_in("manager").status, 303);
  const std::string section = f->table == "Header"                                  ? "/correct"
                              : f->table == "OC3"                                   ? "/leaving-care"
                              : f->table == "OC2"                                   ? "/health"
                              : f->table == "Missing"                               ? "/missing"
                              : (f->table == "AD1" || f->table == "PlacedAdoption") ? "/adoption"
                                                                                    : "/looked-after";
  EXPECT_TRUE(contains(manager.get("/returns/1").body, "href=\"/people/" + f->child + section + "\""))
      << f->table;
}

TEST_F(ReturnsPagesTest, DataQualityChecksTheYearUnderWay) {
  Browser analyst(*site_);
  ASSERT_EQ(analyst.sign_in("analyst").status, 303);
  const ValidationReport expected = findings_of(2027);
  Response r = analyst.get("/data-quality");
  ASSERT_EQ(r.status, 200);
  EXPECT_TRUE(contains(r.body, "2026 to 2027 (ending 31 March 2027)"));
  EXPECT_TRUE(contains(r.body, "<span data-testid=\"finding-counts\">" + counts(expected) + "</span>"))
      << r.body;
}

// The SSDA903 return of the year under way, with last year's, checked as a produced one is.
TEST_F(ReturnsPagesTest, DataQualityChecksTheSsda903ReturnToo) {
  Browser manager(*site_);
  ASSERT_EQ(manager.sign_in("manager").status, 303);
  EXPECT_TRUE(contains(manager.get("/data-quality").body, "href=\"/data-quality?return=ssda903\""));
  ReturnsService returns(*db_, clock_);
  std::vector<ReturnFile> files;
  for (const int year : {2027, 2026}) {
    auto tables = returns.build_ssda903(year);
    ASSERT_TRUE(tables);
    for (const ReturnTable& t : *tables)
      files.push_back({(year == 2026 ? "previous-" : "") + t.name + ".csv", to_csv(t)});
  }
  const auto expected = returns.validate_ssda903_files(files, 2027);
  ASSERT_TRUE(expected);
  const Response r = manager.get("/data-quality?return=ssda903");
  ASSERT_EQ(r.status, 200);
  EXPECT_TRUE(contains(r.body, "Data quality: the SSDA903 return"));
  EXPECT_TRUE(contains(r.body, "<span data-testid=\"finding-counts\">" + counts(*expected) + "</span>"))
      << r.body;
  EXPECT_EQ(manager.get("/data-quality?return=census").status, 404);
}

TEST_F(ReturnsPagesTest, OnlyAnalystsAndManagersSeeReturns) {
  Browser worker(*site_);
  ASSERT_EQ(worker.sign_in("socialworker").status, 303);
  EXPECT_EQ(worker.get("/returns").status, 403);
  EXPECT_EQ(worker.get("/data-quality").status, 403);
  EXPECT_EQ(worker.get("/returns/1").status, 403);
  EXPECT_FALSE(contains(worker.get("/").body, "href=\"/returns\""));
  Browser analyst(*site_);
  ASSERT_EQ(analyst.sign_in("analyst").status, 303);
  EXPECT_EQ(analyst.get("/returns/99").status, 404);
}

}  // namespace
}  // namespace safeguard::web
