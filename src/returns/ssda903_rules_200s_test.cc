// SSDA903 rules 205A to 234: for each rule, or each group of one shape, a row flagged and a row
// not, on returns built in memory.
#include <gtest/gtest.h>

#include "returns/ssda903_validator.h"
#include "support/ssda903_rules.h"

namespace safeguard {
namespace {

using testing::ssda903_rules::Found;
using testing::ssda903_rules::kEpisodes;
using testing::ssda903_rules::kHeader;
using testing::ssda903_rules::kUasc;

// One rule's findings as "table row", on this year's files and, when given, last year's.
std::vector<std::string> found(const std::string& rule, const std::vector<Ssda903File>& now,
                               const std::vector<Ssda903File>& before = {},
                               const Ssda903Options& options = {}) {
  std::vector<std::string> out;
  for (const std::string& f : testing::ssda903_rules::found({rule}, now, before, options))
    out.push_back(f.substr(rule.size() + 1));
  return out;
}

TEST(Ssda903Rules200sTest, UascThisYearAgainstLastYear) {
  // Header UASC this year: C1, C2, C5 (all in UASC). Last year: C2 to C5 UASC, C1 not.
  const std::vector<Ssda903File> now = {
      {"header.csv", kHeader + "C1,M,01/01/2008,WBRI,,,\nC2,M,01/01/2007,WBRI,,,\nC5,M,01/01/2008,WBRI,,,\n"},
      {"uasc.csv", kUasc + "C1,M,01/01/2008,\nC2,M,01/01/2007,01/01/2025\nC3,M,01/01/2008,01/05/2025\n"
                           "C4,M,01/01/2008,\nC5,M,01/01/2008,\nC6,M,01/01/2008,01/05/2025\n"}};
  const std::vector<Ssda903File> before = {
      {"header.csv", kHeader + "C1,M,01/01/2008,WBRI,,,\nC2,M,01/01/2007,WBRI,,,\nC3,M,01/01/2008,WBRI,,,\n"
                               "C4,M,01/01/2008,WBRI,,,\nC5,M,01/01/2008,WBRI,,,\n"},
      {"uasc.csv", kUasc + "C2,M,01/01/2007,01/01/2025\nC3,M,01/01/2008,\nC4,M,01/01/2008,01/06/2024\n"
                           "C5,M,01/01/2008,\n"}};
  // C3 is no longer UASC (not in the Header) but has a DUC; C4's ceased last year.
  EXPECT_EQ(found("205A", now, before), (Found{"UASC 2"}));
  // C5 was UASC both years with no DUC last year; C2's DUC is at 18 both years.
  EXPECT_EQ(found("205B", now, before), (Found{"Header 2", "UASC 4"}));
  // C6 was never UASC but has a DUC.
  EXPECT_EQ(found("205C", now, before), (Found{"UASC 5"}));
  // C1 is UASC this year and was not last year.
  EXPECT_EQ(found("205D", now, before), (Found{"Header 0"}));
  // Without last year's UASC file there is nothing to compare.
  EXPECT_EQ(found("205D", now, {before[0]}), Found{});
}

TEST(Ssda903Rules200sTest, MotherAndUpnAgainstLastYear) {
  const std::vector<Ssda903File> now = {
      {"header.csv", kHeader + "C1,F,01/01/2008,WBRI,UN2,0,\nC2,F,01/01/2008,WBRI,A123,,\n"
                               "C3,F,01/01/2008,WBRI,UN1,1,\nC4,F,01/01/2008,WBRI,,0,\n"},
      {"episodes.csv", kEpisodes + "C1,01/05/2025,S,C2,N1,U1,PR1,,,,,,\nC2,01/05/2025,S,C2,N1,U1,PR1,,,,,,\n"
                                   "C3,01/05/2025,S,C2,N1,U1,PR1,,,,,,\n"}};
  const std::vector<Ssda903File> before = {
      {"header.csv", kHeader + "C1,F,01/01/2008,WBRI,UN1,1,\nC2,F,01/01/2008,WBRI,UN3,1,\n"
                               "C3,F,01/01/2008,WBRI,,1,\nC4,F,01/01/2008,WBRI,B456,1,\n"}};
  // C1 and C2 were mothers and are not now (C4 has no episodes); C3 still is.
  EXPECT_EQ(found("207", now, before), (Found{"Header 0", "Header 1"}));
  // UN1 to UN2 and UN3 to a UPN are allowed; blank to UN1 and a UPN to blank are not.
  EXPECT_EQ(found("208", now, before), (Found{"Header 2", "Header 3"}));
}

TEST(Ssda903Rules200sTest, HeaderOnly) {
  const std::vector<Ssda903File> now = {
      {"header.csv", kHeader +
                         "C1,U,31/08/2020,WBRI,UN1,,\nC2,M,01/09/2020,WBRI,UN1,,\nC3,F,31/03/2015,WBRI,,,\n"
                         "C4,F,01/04/2015,WBRI,,,\n"},
      {"uasc.csv", kUasc + "C3,F,31/03/2015,\nC4,F,01/04/2015,\n"}};
  EXPECT_EQ(found("209", now), (Found{"Header 0"}));  // 4 by 31 August 2024
  EXPECT_EQ(found("232", now), (Found{"Header 0"}));
  EXPECT_EQ(found("231", now), (Found{"Header 3"}));  // a UASC child under 11 on 31 March 2026
}

TEST(Ssda903Rules200sTest, Un4AtTheYearsEnd) {
  const std::vector<Ssda903File> now = {
      {"header.csv", kHeader + "C1,M,01/01/2010,WBRI,UN4,,\nC2,M,01/01/2010,WBRI,UN4,,\n"},
      {"episodes.csv",
       kEpisodes + "C1,24/03/2026,S,C2,N1,U1,PR1,,,,,,\nC2,23/03/2026,S,C2,N1,U1,PR1,,,,,,\n"}};
  EXPECT_EQ(found("210", now), (Found{"Header 0", "Episodes 0"}));
}

TEST(Ssda903Rules200sTest, EpisodeCodes) {
  const std::vector<Ssda903File> now = {
      {"episodes.csv", kEpisodes + "C1,01/05/2025,S,C2,N1,T1,PR1,01/06/2025,E11,,,,\n"             // 0: 213
                                   "C1,01/05/2025,S,C2,N1,T1,,01/06/2025,E11,,,,\n"                // 1
                                   "C2,01/05/2025,S,V3,N1,U1,PR1,01/06/2025,E11,,,,XXXXXXX\n"      // 2: 214
                                   "C2,01/05/2025,S,V2,N1,U1,PR1,01/06/2025,E11,,,,SC1\n"          // 3
                                   "C3,01/05/2025,P,C2,N1,A3,PR1,01/06/2025,E11,,,,SC1\n"          // 4: 217
                                   "C3,01/05/2025,T,C2,N1,A5,PR1,01/06/2025,E11,,,,SC1\n"          // 5
                                   "C4,01/05/2025,S,C2,N1,R1,PR1,01/06/2025,E11,,,,SC1\n"          // 6: 222
                                   "C4,01/05/2025,S,C2,N1,R1,PR1,01/06/2025,E11,,,,XXXXXXX\n"      // 7
                                   "C5,01/05/2025,S,C2,N1,U1,PR1,,,CHILD,,,SC1\n"                  // 8: 233
                                   "C5,01/05/2025,S,C2,N1,U1,PR1,01/06/2025,E11,CHILD,,,SC1\n"}};  // 9
  EXPECT_EQ(found("213", now), (Found{"Episodes 0"}));
  EXPECT_EQ(found("214", now), (Found{"Episodes 2"}));
  EXPECT_EQ(found("217", now), (Found{"Episodes 4"}));
  EXPECT_EQ(found("222", now), (Found{"Episodes 6"}));
  EXPECT_EQ(found("233", now), (Found{"Episodes 8"}));
}

TEST(Ssda903Rules200sTest, CareLeaverWithTwelveMonthData) {
  const std::vector<Ssda903File> now = {
      {"oc3.csv", "CHILD,DOB,IN_TOUCH,ACTIV,ACCOM\nC1,01/01/2006,YES,F1,B1\nC2,01/01/2006,YES,F1,B1\n"},
      {"oc2.csv",
       "CHILD,DOB,SDQ_SCORE,SDQ_REASON,CONVICTED,HEALTH_CHECK,IMMUNISATIONS,TEETH_CHECK,HEALTH_ASSESSMENT,"
       "SUBSTANCE_MISUSE,INTERVENTION_RECEIVED,INTERVENTION_OFFERED\n"
       "C1,01/01/2006,10,,,,,1,,,,\nC2,01/01/2006,10,,,,,,,,,\n"}};
  EXPECT_EQ(found("215", now), (Found{"OC2 0", "OC3 0"}));
}

TEST(Ssda903Rules200sTest, UrnRequiredInEngland) {
  Ssda903Options options;
  options.la = "E09000027";
  options.postcodes["AB11AA"] = {1.0, 1.0, "E09000027"};
  options.postcodes["CF11AA"] = {1.0, 1.0, "W06000015"};
  options.upper_tier_of["E09000027"] = "E09000027";
  const std::vector<Ssda903File> now = {
      {"episodes.csv", kEpisodes + "C1,01/05/2025,S,C2,N1,U1,PR1,,,,,AB1 1AA,\n"               // 0: flagged
                                   "C1,01/05/2024,S,C2,N1,U1,PR1,31/03/2025,E11,,,AB1 1AA,\n"  // ended
                                   "C2,01/05/2025,S,C2,N1,U1,PR1,,,,,CF1 1AA,\n"               // Wales
                                   "C3,01/05/2025,S,C2,N1,U1,PR1,,,,,ZZ1 1ZZ,\n"     // 3: unknown postcode
                                   "C4,01/05/2025,S,C2,N1,R1,PR1,,,,,AB1 1AA,\n"}};  // no URN needed
  EXPECT_EQ(found("218", now, {}, options), (Found{"Episodes 0", "Episodes 3"}));
  EXPECT_EQ(found("218", now), Found{});  // skipped without the postcode directory
}

TEST(Ssda903Rules200sTest, UrnsAgainstOfstedsLists) {
  Ssda903Options options;
  options.la = "E09000027";
  options.providers = std::vector<OfstedProvider>{
      {"SC1", {"K2"}, {"PR1"}, std::nullopt, "AB11AA", "E09000027"},
      {"SC2", {"K2", "U1"}, {"PR2", "PR3"}, Date::from_ymd(2025, 6, 1), "AB12AA", "E10000001"}};
  const std::vector<Ssda903File> now = {
      {"episodes.csv", kEpisodes + "C1,01/05/2025,S,C2,N1,K2,PR1,01/06/2025,E11,,,AB1 1AA,SC1\n"  // 0: good
                                   "C2,01/06/2025,S,C2,N1,U1,PR1,,,,,AB1 1AA,SC2\n"               // 1
                                   "C3,01/05/2025,S,C2,N1,K2,PR1,,,,,AB1 2AA,SC9\n"}};  // 2: not listed
  EXPECT_EQ(found("219", now, {}, options), (Found{"Episodes 2"}));
  EXPECT_EQ(found("221", now, {}, options), (Found{"Episodes 2"}));
  EXPECT_EQ(found("224", now, {}, options), (Found{"Episodes 1", "Episodes 2"}));
  EXPECT_EQ(found("227", now, {}, options), (Found{"Episodes 1"}));  // began when SC2 closed
  EXPECT_EQ(found("228", now, {}, options), (Found{"Episodes 1"}));  // open after SC2 closed
  EXPECT_EQ(found("229", now, {}, options), (Found{"Episodes 1", "Episodes 2"}));
  EXPECT_EQ(found("219", now), Found{});  // skipped without the lists
}

TEST(Ssda903Rules200sTest, ReasonForPlacementChange) {
  const std::vector<Ssda903File> now = {
      {"episodes.csv", kEpisodes + "C1,01/06/2025,P,C2,N1,U1,PR1,,,,,,\n"                   // 0
                                   "C1,01/05/2025,S,C2,N1,U1,PR1,01/06/2025,X1,,,,\n"       // 1: 225
                                   "C2,01/05/2025,S,C2,N1,U1,PR1,01/06/2025,X1,CARPL,,,\n"  // 2
                                   "C2,01/06/2025,P,C2,N1,T1,PR1,,,,,,\n"          // 3: 226 (previous)
                                   "C3,01/06/2025,P,C2,N1,T2,PR1,,,CHILD,,,\n"}};  // 4: 226 (own)
  EXPECT_EQ(found("225", now), (Found{"Episodes 1"}));
  EXPECT_EQ(found("226", now), (Found{"Episodes 3", "Episodes 4"}));
}

TEST(Ssda903Rules200sTest, CustodyUnderTen) {
  const std::vector<Ssda903File> now = {
      {"header.csv", kHeader + "C1,M,02/05/2015,WBRI,,,\nC2,M,01/05/2015,WBRI,,,\n"},
      {"episodes.csv", kEpisodes + "C1,2025-05-01,S,C2,N1,U1,PR1,,,CUSTOD,,,\n"
                                   "C2,01/05/2025,S,C2,N1,U1,PR1,,,CUSTOD,,,\n"}};
  EXPECT_EQ(found("234", now), (Found{"Header 0", "Episodes 0"}));
}

}  // namespace
}  // namespace safeguard
