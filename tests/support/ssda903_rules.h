// What the SSDA903 rule tests (src/returns/ssda903_rules_*_test.cc) build returns with: each
// table's CSV header row, reading a year's files, and the findings of some rules on a return for
// the year ending 31 March 2026.
#pragma once

#include <functional>
#include <optional>
#include <set>
#include <stdexcept>
#include <string>
#include <vector>

#include "returns/ssda903_validator.h"

namespace safeguard::testing::ssda903_rules {

// Each table's header row, for a test to add its rows to.
inline const std::string kHeader = "CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB\n";
inline const std::string kEpisodes =
    "CHILD,DECOM,RNE,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REC,REASON_PLACE_CHANGE,HOME_POST,PL_POST,URN\n";
inline const std::string kUasc = "CHILD,SEX,DOB,DUC\n";
inline const std::string kOc2 =
    "CHILD,DOB,SDQ_SCORE,SDQ_REASON,CONVICTED,HEALTH_CHECK,IMMUNISATIONS,TEETH_CHECK,HEALTH_ASSESSMENT,"
    "SUBSTANCE_MISUSE,INTERVENTION_RECEIVED,INTERVENTION_OFFERED\n";
inline const std::string kOc3 = "CHILD,DOB,IN_TOUCH,ACTIV,ACCOM\n";
inline const std::string kAd1 = "CHILD,DOB,DATE_INT,DATE_MATCH,FOSTER_CARE,NB_ADOPTR,SEX_ADOPTR,LS_ADOPTR\n";
inline const std::string kPlaced = "CHILD,DOB,DATE_PLACED,DATE_PLACED_CEASED,REASON_PLACED_CEASED\n";
inline const std::string kPrevPerm = "CHILD,DOB,PREV_PERM,LA_PERM,DATE_PERM\n";
inline const std::string kMissing = "CHILD,DOB,MISSING,MIS_START,MIS_END\n";
inline const std::string kSw = "CHILD,DOB,SW_ID,SW_DECOM,SW_DEC,SW_REASON\n";

// A year's files read as the validator reads them; a file it cannot read fails the test.
inline Ssda903Year year_of(const std::vector<Ssda903File>& files) {
  auto read = read_ssda903_year(files);
  if (!read) throw std::runtime_error(read.error().message);
  return *read;
}

using Found = std::vector<std::string>;

// The findings of these rules on a return of this year's files and, when given, last year's, as
// "rule table row", in the validator's order.
inline Found found(const std::set<std::string, std::less<>>& rules, const std::vector<Ssda903File>& now,
                   const std::vector<Ssda903File>& last = {}, const Ssda903Options& options = {}) {
  Ssda903Return r{year_of(now), std::nullopt};
  if (!last.empty()) r.previous = year_of(last);
  Found out;
  for (const Finding& f : validate_ssda903(r, 2026, options).findings) {
    if (rules.contains(f.rule))
      out.push_back(std::string(f.rule) + " " + std::string(f.table) + " " + std::to_string(f.row));
  }
  return out;
}

}  // namespace safeguard::testing::ssda903_rules
