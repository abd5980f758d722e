// Agreement with the reference CIN census validator (data-to-insight/csc-validator-be-cin): for the
// valid census and every fault of the conformance corpus, both validators' findings, as (rule,
// child, table, row), are the same, but for the rules where the reference is known to be wrong
// (docs/returns-validation.md). The reference is not part of Safeguard: the test runs when
// SAFEGUARD_CIN_REFERENCE names a checkout of it (with Debian's python3-pandas installed; the
// Python is SAFEGUARD_REFERENCE_PYTHON, by default /usr/bin/python3), and is skipped otherwise.
#include <gtest/gtest.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <optional>
#include <set>
#include <sstream>

#include "returns/cin_validator.h"
#include "support/cin_mutations.h"
#include "support/reference_findings.h"

namespace safeguard {
namespace {

using Key = testing::FindingKey;

// Rules where the reference is known to differ (docs/returns-validation.md, "CIN census").
const std::set<std::string> kKnownDifferences = {
    "2885", "2887Q", "2990", "4000", "4003",  "8530Q", "8540", "8565", "8569Q", "8614",  "8730",
    "8740", "8772",  "8832", "8869", "8870Q", "8897Q", "8898", "8935", "8940",  "8945Q", "8950Q"};

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), {});
}

std::set<Key> ours(const std::string& xml) {
  std::set<Key> out;
  const auto census = read_cin_census(xml);
  if (!census) return out;
  for (const Finding& f : validate_cin(*census).findings) {
    // The reference reports the header's findings, like the whole return's, without a place.
    const bool placed = f.row >= 0 && f.table != "Header";
    out.insert({std::string(f.rule), placed ? f.child : "", placed ? std::string(f.table) : "",
                placed ? std::to_string(f.row) : ""});
  }
  return out;
}

// Faults on which the reference fails on the whole file rather than reporting (a child with no
// LAchildID: its report cannot place the findings).
const std::set<std::string> kReferenceFails = {"8500"};

// The reference's findings; nullopt if it failed on the file.
std::optional<std::set<Key>> theirs(const std::string& reference, const std::string& file) {
  return testing::reference_findings(testing::reference_python() + " " + std::string(SAFEGUARD_SOURCE_DIR) +
                                     "/bench/reference/cin_reference.py --reference '" + reference + "' '" +
                                     file + "' 2>/dev/null");
}

TEST(CinAgreementTest, SameFindingsAsTheReferenceOnTheCorpus) {
  const char* reference = std::getenv("SAFEGUARD_CIN_REFERENCE");
  if (!reference || !*reference) GTEST_SKIP() << "SAFEGUARD_CIN_REFERENCE is not set";
  const std::string base_path = std::string(SAFEGUARD_SOURCE_DIR) + "/tests/data/cin/valid.xml";
  const CinDocument base = *read_cin_census(read_file(base_path));
  const std::filesystem::path dir = std::filesystem::temp_directory_path() / "safeguard-cin-agreement";
  std::filesystem::create_directories(dir);

  std::vector<std::pair<std::string, std::string>> files = {{"valid", cin_document_xml(base)}};
  for (const testing::CinMutation& m : testing::cin_mutations()) {
    CinDocument census = base;
    m.apply(census);
    files.push_back({m.rule, cin_document_xml(census)});
  }
  std::map<std::string, int> agreed, differed_known;
  int collapsed_by_reference = 0;
  for (const auto& [name, xml] : files) {
    const std::string path = (dir / (name + ".xml")).string();
    std::ofstream(path, std::ios::binary) << xml;
    const std::set<Key> a = ours(xml);
    const auto reference_findings = theirs(reference, path);
    if (!reference_findings) {
      EXPECT_TRUE(kReferenceFails.count(name)) << name << ": the reference failed on the file";
      continue;
    }
    const std::set<Key>& b = *reference_findings;
    // The reference removes duplicate findings by child, rule, field and row, across tables, so
    // of two findings in different tables at the same row it keeps one (docs/returns-validation.md).
    const auto collapsed = [](const std::set<Key>& in, const Key& k) {
      for (const Key& other : in) {
        if (std::get<0>(other) == std::get<0>(k) && std::get<1>(other) == std::get<1>(k) &&
            std::get<3>(other) == std::get<3>(k) && !std::get<3>(k).empty())
          return true;
      }
      return false;
    };
    for (const Key& k : a) {
      const std::string& rule = std::get<0>(k);
      if (b.count(k)) {
        ++agreed[rule];
      } else if (collapsed(b, k)) {
        ++collapsed_by_reference;
      } else if (kKnownDifferences.count(rule)) {
        ++differed_known[rule];
      } else {
        ADD_FAILURE() << name << ": only ours: " << rule << " " << std::get<1>(k) << " " << std::get<2>(k)
                      << " " << std::get<3>(k);
      }
    }
    for (const Key& k : b) {
      const std::string& rule = std::get<0>(k);
      if (a.count(k)) continue;
      if (kKnownDifferences.count(rule)) {
        ++differed_known[rule];
      } else {
        ADD_FAILURE() << name << ": only the reference's: " << rule << " " << std::get<1>(k) << " "
                      << std::get<2>(k) << " " << std::get<3>(k);
      }
    }
  }
  int total = 0;
  for (const auto& [rule, n] : agreed) total += n;
  std::printf(
      "%zu files: %d findings agreed across %zu rules (%d more the reference merged across tables); known "
      "differences in %zu rules\n",
      files.size(), total, agreed.size(), collapsed_by_reference, differed_known.size());
  std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace safeguard
