// Agreement with the reference SSDA903 validator (data-to-insight/csc-validator-be-903): on the
// valid return (tests/data/ssda903, with last year's) and on copies of it full of faults
// (tests/support/ssda903_mutations.h), and on small hand-made returns (tests/data/ssda903/cases),
// both validators' findings, as (rule, child, table, row), are the same for every rule both run, but
// where the reference is known to differ (docs/returns-validation.md); and every rule finds
// something somewhere, but those that cannot here (kCannotFire). Both are given the same postcode
// directory: a case's own postcodes.csv, or else the synthetic council's, with a few postcodes of the
// other nations and the Channel Islands. The reference is not
// part of Safeguard: the test runs when SAFEGUARD_903_REFERENCE names a copy of it (with Debian's
// python3-pandas; the Python is SAFEGUARD_REFERENCE_PYTHON, by default /usr/bin/python3), and is
// skipped otherwise. The reference runs with --isolate: its rule 365 writes into the episodes that
// later rules read, so that its findings depend on the order its rules happen to run in (the rules
// of kAfter365 are compared with a run where 365 runs first).
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <optional>
#include <set>
#include <sstream>

#include "returns/ssda903_lookups.h"
#include "returns/ssda903_validator.h"
#include "support/reference_findings.h"
#include "support/ssda903_mutations.h"
#include "synth/places.h"

namespace safeguard {
namespace {

using Key = testing::FindingKey;
namespace fs = std::filesystem;

constexpr int kYear = 2026;
constexpr const char* kCouncil = "E10000020";  // the synthetic council's code

// Rules where the reference is known to differ (docs/returns-validation.md, "SSDA903").
const std::set<std::string> kKnownDifferences = {};

// Rules that read open episodes as closed on 31 March, as the reference's do when its rule 365
// happens to run before them (docs/returns-validation.md): compared with a run of the reference
// that runs 365 first.
const std::vector<std::string> kAfter365 = {"SW12STG2"};

struct Corpus {
  std::string name;
  Ssda903Return files;
};

void write_year(const Ssda903Year& year, const fs::path& dir) {
  fs::create_directories(dir);
  for (size_t t = 0; t < kSsda903Tables; ++t) {
    const auto table = static_cast<Ssda903Table>(t);
    if (!year.tables[t]) continue;
    std::ofstream(dir / (std::string(ssda903_table_name(table)) + ".csv"), std::ios::binary)
        << testing::ssda903_csv(table, *year.tables[t]);
  }
}

// The synthetic directory for every postcode of the corpus, and postcodes beyond England.
std::string postcode_directory(const std::vector<Corpus>& corpora) {
  std::vector<std::string> postcodes;
  for (const Corpus& c : corpora) {
    for (const Ssda903Year* year : {&c.files.current, c.files.previous ? &*c.files.previous : nullptr}) {
      if (!year) continue;
      for (std::string& postcode : ssda903_postcodes(*year)) postcodes.push_back(std::move(postcode));
    }
  }
  std::ostringstream out;
  synth::write_postcode_directory(postcodes, out);
  out << "CF10 1AA,318200,176300,W06000015,W99999999,W92000004\n"  // Cardiff
      << "EH1 1AA,325800,673900,S12000036,S99999999,S92000003\n"   // Edinburgh
      << "BT1 1AA,,,N09000003,N99999999,N92000002\n"               // Belfast: no grid reference
      << "GY1 1AA,,,L99999999,L99999999,L93000001\n";              // Guernsey: no council
  return out.str();
}

std::set<Key> ours(const Ssda903Return& files, const Ssda903Options& options) {
  std::set<Key> out;
  for (const Finding& f : validate_ssda903(files, kYear, options).findings)
    out.insert({std::string(f.rule), f.child, std::string(f.table), std::to_string(f.row)});
  return out;
}

struct Theirs {
  std::set<Key> findings;
  std::set<std::string> failed;  // rules that crashed
};

// The reference's findings on the files in `dir`, run with `options` (--isolate, or --after-365
// and the rules to run).
std::optional<Theirs> theirs(const std::string& reference, const fs::path& dir, const fs::path& postcodes,
                             const std::string& options = "--isolate") {
  const fs::path errors = dir / "reference-errors.txt";
  auto findings = testing::reference_findings(
      testing::reference_python() + " " + std::string(SAFEGUARD_SOURCE_DIR) +
      "/bench/reference/ssda903_reference.py --reference '" + reference + "' --year " +
      std::to_string(kYear) + " --la " + kCouncil + " " + options + " --postcodes '" + postcodes.string() +
      "' --prev '" + (dir / "previous").string() + "' '" + dir.string() + "' 2>'" + errors.string() + "'");
  if (!findings) return std::nullopt;
  Theirs out;
  out.findings = std::move(*findings);
  std::ifstream err(errors);
  for (std::string line; std::getline(err, line);) {
    if (line.rfind("#fail ", 0) == 0) out.failed.insert(line.substr(6));
  }
  return out;
}

// What the comparisons found, by rule, over every return compared.
struct Tally {
  std::map<std::string, int> agreed, fired_ours, fired_theirs, differed_known, reference_failed;
};

// Compares both validators on the return in `dir` (and dir/previous, when there is one), as read
// from its files, with the postcode directory `postcodes` (read into `options`).
void compare(const std::string& reference, const std::string& name, const fs::path& dir,
             const fs::path& postcodes, const Ssda903Options& options, Tally& tally) {
  auto current = read_ssda903_directory(dir.string());
  ASSERT_TRUE(current) << name << ": cannot read " << dir;
  Ssda903Return files{*current, std::nullopt};
  if (fs::is_directory(dir / "previous")) {
    auto previous = read_ssda903_directory((dir / "previous").string());
    ASSERT_TRUE(previous) << name << ": cannot read " << (dir / "previous");
    files.previous = *previous;
  }
  const std::set<Key> a = ours(files, options);
  auto b = theirs(reference, dir, postcodes);
  ASSERT_TRUE(b) << name << ": the reference failed on the files (see " << (dir / "reference-errors.txt")
                 << ")";
  std::string after_365 = "--after-365 --rules 365";
  for (const std::string& rule : kAfter365) after_365 += "," + rule;
  const auto b365 = theirs(reference, dir, postcodes, after_365);
  ASSERT_TRUE(b365) << name << ": the reference failed on the files with 365 first";
  for (const std::string& rule : kAfter365) {
    std::erase_if(b->findings, [&](const Key& k) { return std::get<0>(k) == rule; });
    b->failed.erase(rule);
    if (b365->failed.count(rule)) b->failed.insert(rule);
  }
  for (const Key& k : b365->findings) {
    if (std::find(kAfter365.begin(), kAfter365.end(), std::get<0>(k)) != kAfter365.end())
      b->findings.insert(k);
  }
  for (const std::string& rule : b->failed) ++tally.reference_failed[rule];
  const auto compared = [&](const std::string& rule) {
    return !b->failed.count(rule) && !kKnownDifferences.count(rule);
  };
  std::map<std::string, int> only_ours, only_theirs;
  for (const Key& k : a) {
    const std::string& rule = std::get<0>(k);
    ++tally.fired_ours[rule];
    if (b->findings.count(k)) {
      ++tally.agreed[rule];
    } else if (!compared(rule)) {
      ++tally.differed_known[rule];
    } else if (++only_ours[rule] <= 3) {
      ADD_FAILURE() << name << ": only ours: " << rule << " child " << std::get<1>(k) << " " << std::get<2>(k)
                    << " row " << std::get<3>(k);
    }
  }
  for (const Key& k : b->findings) {
    const std::string& rule = std::get<0>(k);
    ++tally.fired_theirs[rule];
    if (a.count(k)) continue;
    if (!compared(rule)) {
      ++tally.differed_known[rule];
    } else if (++only_theirs[rule] <= 3) {
      ADD_FAILURE() << name << ": only the reference's: " << rule << " child " << std::get<1>(k) << " "
                    << std::get<2>(k) << " row " << std::get<3>(k);
    }
  }
  for (const auto& [rule, n] : only_ours) {
    if (n > 3) ADD_FAILURE() << name << ": " << rule << ": " << n << " findings only ours in all";
  }
  for (const auto& [rule, n] : only_theirs) {
    if (n > 3) ADD_FAILURE() << name << ": " << rule << ": " << n << " findings only the reference's in all";
  }
}

// Copies a case's CSV files of the return (not its postcodes.csv), and of previous/, to `to`, so
// that the reference's error file is written there rather than into the source tree.
void copy_case(const fs::path& from, const fs::path& to) {
  for (const auto& [sub, skip] :
       {std::pair<const char*, const char*>{"", "postcodes.csv"}, {"previous", ""}}) {
    if (!fs::is_directory(from / sub)) continue;
    fs::create_directories(to / sub);
    for (const auto& entry : fs::directory_iterator(from / sub)) {
      const std::string file = entry.path().filename().string();
      if (entry.is_regular_file() && entry.path().extension() == ".csv" && file != skip)
        fs::copy_file(entry.path(), to / sub / file);
    }
  }
}

TEST(Ssda903AgreementTest, SameFindingsAsTheReferenceOnTheCorpus) {
  const char* reference = std::getenv("SAFEGUARD_903_REFERENCE");
  if (!reference || !*reference) GTEST_SKIP() << "SAFEGUARD_903_REFERENCE is not set";
  const std::string data = std::string(SAFEGUARD_SOURCE_DIR) + "/tests/data/ssda903";
  Ssda903Return base{*read_ssda903_directory(data), *read_ssda903_directory(data + "/previous")};

  // The valid return, and copies with faults: some light, some heavy, some gentle (see
  // ssda903_with_faults), one without three tables.
  std::vector<Corpus> corpora = {{"valid", base}};
  struct Faults {
    uint64_t seed;
    double rate;
    bool gentle;
  };
  const std::vector<Faults> kFaults = {{1, 0.05, false}, {2, 0.15, false}, {3, 0.3, false}, {4, 0.15, false},
                                       {5, 0.5, false},  {6, 0.15, true},  {7, 0.3, true},  {8, 0.5, true},
                                       {9, 0.2, false},  {10, 0.4, false}, {11, 0.2, true}, {12, 0.4, true}};
  for (const auto& [seed, rate, gentle] : kFaults) {
    testing::CorpusRandom rng(seed);
    Corpus c{"faults-" + std::to_string(seed),
             {testing::ssda903_with_faults(base.current, rng, rate, gentle),
              testing::ssda903_with_faults(*base.previous, rng, rate / 3, gentle)}};
    if (seed == 4) {
      for (const Ssda903Table dropped : {Ssda903Table::kUasc, Ssda903Table::kOc3, Ssda903Table::kReviews})
        c.files.current.tables[static_cast<size_t>(dropped)].reset();
    }
    corpora.push_back(std::move(c));
  }

  const fs::path root = fs::temp_directory_path() / "safeguard-903-agreement";
  fs::remove_all(root);
  fs::create_directories(root);
  const fs::path postcodes = root / "postcodes.csv";
  std::ofstream(postcodes, std::ios::binary) << postcode_directory(corpora);
  Ssda903Options options;
  options.la = kCouncil;
  {
    std::ifstream in(postcodes, std::ios::binary);
    ASSERT_TRUE(read_ssda903_postcodes(in, postcodes.string(), options));
  }

  Tally tally;
  for (const Corpus& c : corpora) {
    const fs::path dir = root / c.name;
    // Written, then read back, so that both validators see the files exactly as written.
    write_year(c.files.current, dir);
    write_year(*c.files.previous, dir / "previous");
    compare(reference, c.name, dir, postcodes, options, tally);
  }

  // Small hand-made returns (tests/data/ssda903/cases/NAME, with previous/ when last year matters)
  // holding what the corpora above never reach, so that every rule finds something. A case with its
  // own postcodes.csv is compared with that postcode directory, the others with the corpora's.
  std::vector<fs::path> cases;
  for (const auto& entry : fs::directory_iterator(data + "/cases")) {
    if (entry.is_directory()) cases.push_back(entry.path());
  }
  std::sort(cases.begin(), cases.end());
  for (const fs::path& from : cases) {
    const std::string name = "case-" + from.filename().string();
    const fs::path dir = root / name;
    copy_case(from, dir);
    if (fs::exists(from / "postcodes.csv")) {
      Ssda903Options own;
      own.la = kCouncil;
      std::ifstream in(from / "postcodes.csv", std::ios::binary);
      ASSERT_TRUE(read_ssda903_postcodes(in, (from / "postcodes.csv").string(), own)) << name;
      compare(reference, name, dir, from / "postcodes.csv", own, tally);
    } else {
      compare(reference, name, dir, postcodes, options, tally);
    }
  }

  std::string summary;
  for (const auto& [rule, n] : tally.agreed) summary += " " + rule + ":" + std::to_string(n);
  std::printf("Agreed findings by rule:%s\n", summary.c_str());
  if (!tally.reference_failed.empty()) {
    std::string failed;
    for (const auto& [rule, n] : tally.reference_failed) failed += " " + rule + "(" + std::to_string(n) + ")";
    std::printf("Rules the reference crashed on (returns):%s\n", failed.c_str());
  }

  // Every rule we run must have been put to the test: found something, on one side or the other,
  // on the corpus or a case. But for these, which cannot find anything here:
  const std::map<std::string, std::string> kCannotFire = {
      // The reference checks the UASC code only in XML returns; from CSV files it derives it (0 or
      // 1) and skips the rule.
      {"105", "XML returns only"},
      // PL_LOCATION is derived as IN only when PL_LA is the council, so "IN" but another PL_LA
      // never happens.
      {"411", "contradicts how PL_LOCATION is derived"},
      // The rules about Ofsted's provider lists: neither validator is given the lists here.
      {"219", "no provider list"},
      {"221", "no provider list"},
      {"224", "no provider list"},
      {"227", "no provider list"},
      {"228", "no provider list"},
      {"229", "no provider list"},
      {"1008", "no provider list"},
  };
  std::string never;
  for (const Ssda903Rule& r : ssda903_rules()) {
    if (tally.fired_ours.count(r.code) || tally.fired_theirs.count(r.code)) continue;
    never += " " + r.code;
    EXPECT_TRUE(kCannotFire.count(r.code))
        << "rule " << r.code << " found nothing on the corpus or the cases: add a case that it flags";
  }
  std::printf("Rules that found nothing on the corpus:%s\n", never.empty() ? " none" : never.c_str());
}

}  // namespace
}  // namespace safeguard
