// SSDA903 rules 600 and up, each shape with a row flagged and a row passed: adoption details,
// motherhood, previous permanence, care leavers against their episodes, missing episodes, providers
// and placements, the integrity checks (INT), EPI and NoE, and the social worker episodes (SW).
#include <gtest/gtest.h>

#include <set>

#include "returns/ssda903_validator.h"
#include "support/ssda903_rules.h"

namespace safeguard {
namespace {

using namespace testing::ssda903_rules;

// An Episodes row; `tail` is REASON_PLACE_CHANGE, HOME_POST, PL_POST and URN.
std::string ep(const std::string& child, const std::string& decom, const std::string& dec = "",
               const std::string& rec = "", const std::string& rne = "S", const std::string& ls = "C2",
               const std::string& place = "K2", const std::string& tail = ",,,") {
  return child + "," + decom + "," + rne + "," + ls + ",N1," + place + ",PR1," + dec + "," + rec + "," +
         tail + "\n";
}

TEST(Ssda903Rules600sUpTest, AdoptionDetailsAgainstAnAdoptionInTheYear) {
  const Ssda903File episodes{"e.csv", kEpisodes + ep("1", "01/01/2024", "01/06/2025", "E11") +
                                          ep("2", "01/01/2024", "01/06/2024", "E11") +
                                          ep("3", "01/01/2024", "01/06/2025", "E12")};
  const Ssda903File ad1{"a.csv", kAd1 +
                                     "1,01/01/2020,01/01/2025,,1,1,MF,L0\n"  // adopted, a field missing
                                     "2,01/01/2020,01/01/2025,,,,,\n"        // details, no adoption
                                     "3,01/01/2020,01/01/2025,01/02/2025,1,1,MF,L0\n"
                                     "4,01/01/2020,,,,,,\n"};
  EXPECT_EQ(found({"601", "602"}, {episodes, ad1}), (Found{"601 Episodes 0", "601 AD1 0", "602 AD1 1"}));
}

TEST(Ssda903Rules600sUpTest, Motherhood) {
  const Ssda903File header{"h.csv", kHeader +
                                        "1,F,01/01/2005,WBRI,,,\n"             // 607: left care, MOTHER blank
                                        "2,F,01/01/2005,WBRI,,1,\n"            // 611
                                        "3,F,01/01/2005,WBRI,,0,01/01/2024\n"  // 612
                                        "4,F,01/05/2014,WBRI,,1,01/01/2025\n"  // 620: under 11
                                        "5,F,01/01/2005,WBRI,,1,01/01/2005\n"  // 621: same day
                                        "6,M,,WBRI,,,01/01/2024\n"             // 621: no DOB
                                        "7,F,01/01/2005,WBRI,,1,01/01/2024\n"};
  const Ssda903File episodes{"e.csv", kEpisodes + ep("1", "01/01/2024", "01/06/2025", "E4A") +
                                          ep("7", "01/01/2024", "01/06/2025", "X1")};
  EXPECT_EQ(found({"607", "611", "612", "620", "621"}, {header, episodes}),
            (Found{"607 Header 0", "607 Episodes 0", "611 Header 1", "612 Header 2", "620 Header 3",
                   "621 Header 4", "621 Header 5"}));
}

TEST(Ssda903Rules600sUpTest, MotherhoodAgainstLastYearAndEpisodes) {
  const Ssda903File header{"h.csv", kHeader +
                                        "1,F,01/01/2005,WBRI,,1,1/1/2024\n"      // 624: as text
                                        "2,F,01/01/2005,WBRI,,1.0,01/01/2025\n"  // 626
                                        "3,F,01/01/2005,WBRI,,1,01/06/2025\n"    // 626 not: in the year
                                        "4,F,01/01/2005,WBRI,,1,01/05/2025\n"    // 625: after leaving care
                                        "5,F,01/01/2005,WBRI,,0,\n"};            // 628
  const Ssda903File last{"h.csv", kHeader +
                                      "1,F,01/01/2005,WBRI,,1,01/01/2024\n2,F,01/01/2005,WBRI,,0,\n"
                                      "3,F,01/01/2005,WBRI,,0,\n"};
  const Ssda903File episodes{"e.csv", kEpisodes + ep("4", "01/01/2024", "01/04/2025", "E4A") +
                                          ep("4", "01/01/2023", "01/06/2023", "E4A") + ep("1", "01/01/2024")};
  const Ssda903File oc3{"o.csv", kOc3 + "5,01/01/2005,YES,F1,B1\n"};
  EXPECT_EQ(found({"624", "625", "626", "628"}, {header, episodes, oc3}, {last}),
            (Found{"624 Header 0", "625 Header 3", "625 Episodes 0", "626 Header 1", "628 Header 4"}));
}

TEST(Ssda903Rules600sUpTest, PreviousPermanence) {
  const Ssda903File episodes{"e.csv", kEpisodes + ep("1", "01/05/2025") + ep("2", "01/05/2025") +
                                          ep("3", "01/05/2025") + ep("4", "01/05/2024") +
                                          ep("5", "01/05/2025")};
  const Ssda903File perm{"p.csv", kPrevPerm +
                                      "2,01/01/2015,P1,,01/01/2020\n"      // 630: no LA_PERM
                                      "3,01/01/2015,P9,0201,ZZ/05/2025\n"  // 631, 633, 632 (31/05 after)
                                      "4,01/01/2015,Z1,,\n"                // 634: before the year
                                      "5,01/01/2015,,201,ZZ/ZZ/2019\n"};   // 630, 635
  EXPECT_EQ(
      found({"630", "631", "632", "633", "634", "635"}, {episodes, perm}),
      (Found{"630 Episodes 0", "630 Episodes 1", "630 Episodes 4", "631 PrevPerm 1", "632 Episodes 2",
             "632 PrevPerm 1", "633 PrevPerm 1", "634 Episodes 3", "634 PrevPerm 2", "635 PrevPerm 3"}));
}

TEST(Ssda903Rules600sUpTest, CareLeaversAgainstTheirEpisodes) {
  const Ssda903File episodes{"e.csv", kEpisodes + ep("1", "01/01/2024", "01/06/2025", "E2") +
                                          ep("2", "01/01/2020", "01/06/2025", "E3") +
                                          ep("2", "01/01/2019", "01/06/2019", "E4A") +
                                          ep("3", "01/01/2020", "01/06/2025", "E4A")};
  const Ssda903File last{"e.csv",
                         kEpisodes + ep("4", "01/01/2020") + ep("5", "01/01/2020", "01/01/2021", "E2")};
  const Ssda903File oc3{"o.csv", kOc3 +
                                     "1,01/01/2005,,,\n"         // 1000: died in care
                                     "2,01/01/2005,YES,F1,B1\n"  // 1011: transferred
                                     "3,01/01/2005,YES,F1,B1\n"
                                     "4,01/01/2005,YES,F1,B1\n"  // 1010: open last year, none now
                                     "5,01/01/2005,,,\n"         // 1000
                                     "6,01/01/2005,,,\n"};       // 1002: no episodes
  const Ssda903File missing{"m.csv",
                            "CHILD,DOB,MISSING,MIS_START,MIS_END\n3,01/01/2005,M,01/05/2025,\n"
                            "7,01/01/2005,A,01/05/2025,\n"};  // 1012: no episodes
  EXPECT_EQ(found({"1000", "1002", "1010", "1011", "1012"}, {episodes, oc3, missing}, {last}),
            (Found{"1000 OC3 0", "1000 OC3 4", "1002 OC3 5", "1010 OC3 3", "1011 OC3 1", "1012 Missing 1"}));
}

TEST(Ssda903Rules600sUpTest, RelevantCareLeavers1001) {
  // Child 1 was in care 91 days after 14 and a day after 16; child 2 was not; child 3 was, but
  // was adopted; child 4 is 20. Last year's row 0 shares its label with this year's row 0, so
  // this year's V3 episode there drops child 1's episode of last year, as in the reference.
  const Ssda903File header{"h.csv", kHeader +
                                        "1,F,01/01/2009,WBRI,,,\n2,F,01/01/2009,WBRI,,,\n"
                                        "3,F,01/01/2009,WBRI,,,\n4,F,01/01/2006,WBRI,,,\n"
                                        "5,F,01/01/2009,WBRI,,,\n"};
  const Ssda903File episodes{
      "e.csv", kEpisodes + ep("5", "01/01/2024", "", "", "S", "V3") +
                   ep("2", "01/01/2025", "01/02/2025", "E8") + ep("3", "01/01/2023", "01/06/2025", "E11") +
                   ep("4", "01/01/2020", "01/06/2025", "E8") + ep("1", "01/01/2025", "02/01/2025", "E8")};
  const Ssda903File last{"e.csv", kEpisodes + ep("1", "01/01/2023", "01/06/2024", "E8")};
  const Ssda903File oc3{"o.csv", kOc3 + "1,,YES,F1,B1\n2,,YES,F1,B1\n3,,YES,F1,B1\n4,,YES,F1,B1\n"};
  EXPECT_EQ(found({"1001"}, {header, episodes, oc3}, {last}),
            (Found{"1001 OC3 0", "1001 OC3 1", "1001 OC3 2", "1001 OC3 3"}));
  // Without the V3 episode child 1's episode of last year counts.
  const Ssda903File others{"e.csv", kEpisodes + ep("2", "01/01/2025", "01/02/2025", "E8") +
                                        ep("3", "01/01/2023", "01/06/2025", "E11") +
                                        ep("1", "01/01/2025", "02/01/2025", "E8")};
  EXPECT_EQ(found({"1001"}, {header, others, oc3}, {last}),
            (Found{"1001 OC3 1", "1001 OC3 2", "1001 OC3 3"}));
}

TEST(Ssda903Rules600sUpTest, AdoptionDecisionAndMissingEpisodes) {
  const Ssda903File episodes{"e.csv", kEpisodes + ep("1", "01/05/2025") + ep("1", "01/05/2024", "", "", "P") +
                                          ep("2", "01/05/2025", "", "", "S", "C2", "K2", "XX,,,")};
  const Ssda903File placed{"p.csv",
                           "CHILD,DOB,DATE_PLACED,DATE_PLACED_CEASED,REASON_PLACED_CEASED\n"
                           "1,01/01/2020,01/04/2025,,\n2,01/01/2020,01/06/2025,,\n"};
  const Ssda903File missing{"m.csv",
                            "CHILD,DOB,MISSING,MIS_START,MIS_END\n1,01/01/2020,M,,\n"
                            "1,01/01/2020,X,01/05/2025,31/05\n2,01/01/2020,A,01/05/2025,02/05/2025\n"};
  EXPECT_EQ(found({"1003", "1004", "1005", "1006", "1009"}, {episodes, placed, missing}),
            (Found{"1003 Episodes 0", "1003 PlacedAdoption 0", "1004 Missing 0", "1005 Missing 1",
                   "1006 Missing 1", "1009 Episodes 2"}));
}

TEST(Ssda903Rules600sUpTest, SeventeenAndEighteenYearOlds) {
  // 1007: in care over the 17th birthday (1 October 2025) in an episode since ended; 1016: an
  // episode ending after it; 3001: 17 in the year and with former foster carers. A 29 February
  // birthday is 28 February in 2026 (the reference fails there).
  const Ssda903File header{"h.csv", kHeader +
                                        "1,M,01/10/2008,WBRI,,,\n2,M,01/04/2008,WBRI,,,\n"
                                        "3,M,01/04/2010,WBRI,,,\n"};
  const Ssda903File episodes{"e.csv", kEpisodes + ep("1", "01/01/2025", "01/12/2025", "E8") +
                                          ep("4", "01/01/2025", "01/03/2026", "E8") +
                                          ep("5", "01/01/2025", "01/03/2025", "E8")};
  const Ssda903File oc3{"o.csv", kOc3 +
                                     "1,01/10/2008,YES,F1,B1\n2,01/04/2008,YES,F1,Z1\n"
                                     "3,01/04/2010,YES,F1,Z2\n4,29/02/2008,YES,F1,B1\n"
                                     "5,01/06/2008,YES,F1,B1\n"};
  EXPECT_EQ(found({"1007", "1016", "3001"}, {header, episodes, oc3}),
            (Found{"1007 OC3 0", "1007 OC3 3", "1016 OC3 0", "1016 OC3 3", "3001 OC3 1"}));
}

TEST(Ssda903Rules600sUpTest, UascCareLeavers1014) {
  const Ssda903File episodes{"e.csv", kEpisodes + ep("1", "01/01/2020", "01/01/2025", "E8") +
                                          ep("2", "01/01/2020", "01/06/2025", "E8")};
  const Ssda903File uasc{"u.csv", "CHILD,SEX,DOB,DUC\n1,M,01/01/2007,\n2,M,01/01/2007,\n3,M,01/01/2007,\n"};
  const Ssda903File oc3{"o.csv", kOc3 + "1,01/01/2007,YES,,\n2,01/01/2007,YES,,\n3,01/01/2007,YES,,\n"};
  EXPECT_EQ(found({"1014"}, {episodes, uasc, oc3}), (Found{"1014 UASC 0", "1014 OC3 0"}));
}

TEST(Ssda903Rules600sUpTest, ProvidersAndPlacements) {
  const Ssda903File episodes{"e.csv", kEpisodes + ep("1", "01/05/2025", "", "", "S", "C2", "K2", ",,,SC1") +
                                          ep("2", "01/05/2025", "", "", "S", "C2", "K2", ",,,SC9") +
                                          ep("3", "01/05/2025", "", "", "S", "C2", "K2", ",,,XXXXXXX") +
                                          ep("4", "01/05/2025", "", "", "S", "C2", "K2", ",,NR1 1AA,") +
                                          ep("5", "01/05/2025", "", "", "S", "C2", "K2", ",,AB1 1AA,") +
                                          ep("6", "01/05/2025", "", "", "S", "C2", "U1")};
  // Without the lists and the directory, the rules are skipped.
  EXPECT_EQ(found({"1008", "1015"}, {episodes}), Found{});
  Ssda903Options options;
  options.la = "E10000020";
  OfstedProvider home;
  home.urn = "SC1";
  options.providers = std::vector<OfstedProvider>{home};
  options.postcodes["NR11AA"].district = "E07000145";
  options.postcodes["AB11AA"].district = "S12000033";
  options.upper_tier_of["E07000145"] = "E10000020";
  // 1015: own provision placed outside the council, or where the postcode is unknown.
  EXPECT_EQ(
      found({"1008", "1015"}, {episodes}, {}, options),
      (Found{"1008 Episodes 1", "1015 Episodes 0", "1015 Episodes 1", "1015 Episodes 2", "1015 Episodes 4"}));
}

TEST(Ssda903Rules600sUpTest, IntegrityChecks) {
  const Ssda903File header{"h.csv", kHeader +
                                        "1,F,01/01/2010,WBRI,,,\n2,M,01/01/2011,WBRI,,,\n"
                                        "2,M,01/01/2011,WBRI,,,\n3,F,01/01/2012,WBRI,,,\n"};
  const Ssda903File ad1{"a.csv", kAd1 +
                                     "1,1/1/2010,,,,,,\n9,01/01/2010,,,,,,\n2,02/01/2011,,,,,,\n"
                                     "2,bad,,,,,,\n"};
  const Ssda903File uasc{"u.csv", "CHILD,SEX,DOB,DUC\n1,M,01/01/2010,\n3,F,,\n"};
  const Ssda903File episodes{"e.csv", kEpisodes + ep("1", "01/05/2025")};
  EXPECT_EQ(found({"INT01", "INT09", "INT11", "INT18", "INT21", "INT31", "INT32", "INT36", "EPI"},
                  {header, ad1, uasc, episodes}),
            (Found{"EPI Header 1", "EPI Header 2", "EPI Header 3", "INT01 AD1 1", "INT11 AD1 2",
                   "INT21 UASC 0", "INT31 AD1 2", "INT31 AD1 3", "INT32 Header 1", "INT32 Header 2"}));
}

TEST(Ssda903Rules600sUpTest, EpisodesBeforeTheYearNeedLastYears) {
  const Ssda903File episodes{
      "e.csv", kEpisodes + ep("1", "01/05/2024") + ep("2", "01/05/2024") + ep("3", "01/05/2025")};
  const Ssda903File last{"e.csv", kEpisodes + ep("1", "01/05/2024")};
  EXPECT_EQ(found({"NoE"}, {episodes}, {last}), (Found{"NoE Episodes 1"}));
}

TEST(Ssda903Rules600sUpTest, SocialWorkerEpisodeFields) {
  const Ssda903File sw{"s.csv", kSw +
                                    "1,,SW1,01/05/2022,01/05/2022,\n"         // SW09: same text
                                    "2,,,01/05/2022,,\n"                      // SW01a, SW02
                                    "3,,SW1,,ZZ/13/2025,\n"                   // SW01a, SW01b, SW05
                                    "4,,X1,01/05/2025,31/12/2023,LEFTROLE\n"  // SW01b, SW02, SW07, SW13
                                    "5,,XX1,ZZ/04/2026,,MANAGE\n"    // SW04 accepts it; SW01a, SW01b do not
                                    "6,,SW1,01/05/2026,,OTHERS\n"};  // SW06
  EXPECT_EQ(found({"SW01aSTG1", "SW01bSTG1", "SW02STG1", "SW04STG1", "SW05STG1", "SW06STG2", "SW07STG2",
                   "SW09STG2", "SW13STG1"},
                  {sw}),
            (Found{"SW01aSTG1 SWEpisodes 1", "SW01aSTG1 SWEpisodes 2", "SW01aSTG1 SWEpisodes 4",
                   "SW01bSTG1 SWEpisodes 2", "SW01bSTG1 SWEpisodes 4", "SW02STG1 SWEpisodes 1",
                   "SW02STG1 SWEpisodes 3", "SW05STG1 SWEpisodes 2", "SW06STG2 SWEpisodes 5",
                   "SW07STG2 SWEpisodes 0", "SW07STG2 SWEpisodes 3", "SW09STG2 SWEpisodes 0",
                   "SW13STG1 SWEpisodes 3"}));
}

TEST(Ssda903Rules600sUpTest, SocialWorkerEpisodesInSequence) {
  const Ssda903File sw{"s.csv", kSw +
                                    "1,,SW1,01/04/2025,01/06/2025,MANAGE\n"
                                    "1,,SW2,20/06/2025,,MANAGE\n"            // SW10: 19 days after
                                    "2,,SW1,01/04/2025,,MANAGE\n"            // SW08: open, not last
                                    "2,,SW2,01/06/2025,28/03/2026,MANAGE\n"  // SW11b, SW17
                                    "3,,SW1,01/04/2025,29/03/2026,MANAGE\n"  // SW11b, SW17: only
                                    "4,,SW1,01/04/2025,30/03/2026,MANAGE\n"
                                    "4,,SW2,2025-06-01,,FCONTA\n"};  // SW17 reads it as 1 June
  EXPECT_EQ(found({"SW08STG2", "SW10STG2", "SW11bSTG2", "SW17STG2"}, {sw}),
            (Found{"SW08STG2 SWEpisodes 2", "SW10STG2 SWEpisodes 1", "SW10STG2 SWEpisodes 3",
                   "SW11bSTG2 SWEpisodes 3", "SW11bSTG2 SWEpisodes 4", "SW11bSTG2 SWEpisodes 6",
                   "SW17STG2 SWEpisodes 3", "SW17STG2 SWEpisodes 4"}));
}

TEST(Ssda903Rules600sUpTest, SocialWorkerEpisodesAroundCare12) {
  // An episode starting care needs a social worker episode from its start, one ending care one by
  // its end (an open episode ends on 31 March); an episode that did neither (P, X1) needs none. Each
  // social worker episode is tried on its own: one from before care began flags a start of care
  // that ended in a move (X1), whatever the others cover.
  const Ssda903File episodes{"e.csv", kEpisodes + ep("1", "01/05/2025") + ep("2", "01/05/2025") +
                                          ep("3", "01/05/2025", "01/06/2025", "X1", "P") +
                                          ep("4", "01/05/2025", "01/06/2025", "E8", "P") +
                                          ep("5", "01/05/2025", "01/06/2025", "X1") + ep("6", "01/05/2025")};
  const Ssda903File sw{"s.csv", kSw +
                                    "1,,SW1,01/05/2025,,MANAGE\n2,,SW1,01/04/2025,,MANAGE\n"
                                    "4,,SW1,01/04/2025,,MANAGE\n5,,SW1,01/04/2025,,MANAGE\n"
                                    "5,,SW2,01/05/2025,,MANAGE\n"};
  EXPECT_EQ(found({"SW12STG2"}, {episodes, sw}), (Found{"SW12STG2 Episodes 4", "SW12STG2 Episodes 5"}));
}

}  // namespace
}  // namespace safeguard
