// SSDA903 rules 400 to 529, each shape with rows flagged and rows passed: codes within an episode,
// each episode against the one before it, ages at episode ends and reviews, UPNs, the first
// episode against last year's open one, placements' postcodes, and adopters' codes and dates.
#include <gtest/gtest.h>

#include <set>

#include "returns/ssda903_validator.h"
#include "support/ssda903_rules.h"

namespace safeguard {
namespace {

using namespace testing::ssda903_rules;

// An Episodes row: CHILD, DECOM, RNE, LS, CIN, PLACE, PLACE_PROVIDER, DEC, REC, then the postcodes.
std::string ep(const std::string& child, const std::string& decom, const std::string& rne,
               const std::string& ls, const std::string& cin, const std::string& place,
               const std::string& provider, const std::string& dec = "", const std::string& rec = "",
               const std::string& home = "", const std::string& pl = "") {
  return child + "," + decom + "," + rne + "," + ls + "," + cin + "," + place + "," + provider + "," + dec +
         "," + rec + ",," + home + "," + pl + ",\n";
}

// Two Norfolk postcodes 10 km (6.2 miles) apart, and one in Shetland 600 km north.
Ssda903Options with_postcodes() {
  Ssda903Options o;
  o.la = "E10000020";
  o.postcodes["NR11AA"] = {617000.0, 308000.0, "E07000148"};
  o.postcodes["NR22BB"] = {627000.0, 308000.0, "E07000148"};
  o.postcodes["ZE10AA"] = {617000.0, 908000.0, "S12000027"};
  o.upper_tier_of["E07000148"] = "E10000020";
  return o;
}

TEST(Ssda903Rules400sTest, CodesWithinAnEpisode) {
  const Ssda903File episodes{"e.csv",
                             kEpisodes + ep("1", "01/05/2025", "S", "C2", "N1", "A5", "PR1") +
                                 ep("2", "01/05/2025", "S", "E1", "N1", "A6", "PR1") +
                                 ep("3", "30/11/2005", "S", "E1", "N1", "A6", "PR1") +
                                 ep("4", "01/05/2025", "S", "C2", "N1", "K1", "PR1", "01/06/2025", "E45") +
                                 ep("5", "01/05/2025", "S", "C2", "N1", "U1", "PR1", "01/06/2025", "E46") +
                                 ep("6", "01/05/2025", "S", "C2", "N1", "Z1", "") +
                                 ep("7", "01/05/2025", "S", "C2", "N1", "Z11", "") +
                                 ep("8", "01/05/2025", "S", "C2", "N1", "R2", "PR1") +
                                 ep("9", "01/05/2025", "S", "C2", "N1", "P1", "PR2") +
                                 ep("10", "01/05/2025", "S", "C2", "N1", "K2", "PR3") +
                                 ep("11", "01/05/2025", "S", "C2", "N1", "R1", "PR3")};
  EXPECT_EQ(found({"408", "446", "516", "526", "527", "528", "529"}, {episodes}),
            (Found{"408 Episodes 0", "446 Episodes 2", "516 Episodes 3", "526 Episodes 5", "527 Episodes 7",
                   "528 Episodes 8", "529 Episodes 9"}));
}

TEST(Ssda903Rules400sTest, RespiteUnderBothV3AndV4) {
  const Ssda903File episodes{"e.csv", kEpisodes + ep("1", "01/05/2025", "S", "V3", "N1", "T0", "") +
                                          ep("1", "01/06/2025", "S", "C2", "N1", "U1", "PR1") +
                                          ep("1", "01/07/2025", "S", "V4", "N1", "T0", "") +
                                          ep("2", "01/05/2025", "S", "V3", "N1", "T0", "")};
  EXPECT_EQ(found({"426"}, {episodes}), (Found{"426 Episodes 0", "426 Episodes 2"}));
}

TEST(Ssda903Rules400sTest, EachEpisodeAgainstTheOneBefore) {
  // Rows out of order: the rules take each child's episodes by DECOM.
  const Ssda903File episodes{
      "e.csv", kEpisodes + ep("1", "10/05/2025", "S", "C2", "N2", "U1", "PR1", "01/06/2025", "X1") +
                   ep("1", "01/04/2025", "S", "C2", "N1", "U1", "PR1", "10/05/2025", "E11") +
                   ep("1", "01/06/2025", "T", "C2", "N1", "U1", "PR1", "20/06/2025", "E2") +
                   ep("1", "15/06/2025", "P", "C2", "N1", "U2", "PR1", "", "") +
                   ep("1", "", "P", "C2", "N1", "U2", "PR1")};
  // Row 0 started care on the day row 1 ended (431); row 2 continued row 0 but changed CIN (504);
  // row 3 began before row 2 ended (501, 433) and after an end of care (432); row 2 ended with E2
  // but more followed (437); row 4, with no DECOM, comes last, not continuing row 3 (433).
  EXPECT_EQ(found({"431", "432", "433", "437", "501", "504"}, {episodes}),
            (Found{"431 Episodes 0", "432 Episodes 3", "433 Episodes 3", "433 Episodes 4", "437 Episodes 2",
                   "501 Episodes 3", "504 Episodes 2"}));
}

TEST(Ssda903Rules400sTest, ReasonForNewEpisodeAgainstWhatChanged) {
  const Ssda903File episodes{
      "e.csv", kEpisodes + ep("1", "01/04/2025", "S", "C2", "N1", "U1", "PR1", "1/5/2025", "X1") +
                   ep("1", "01/05/2025", "L", "C1", "N1", "U1", "PR1", "01/06/2025", "X1") +
                   ep("1", "01/06/2025", "L", "C2", "N1", "U2", "PR1", "01/07/2025", "X1") +
                   ep("1", "01/07/2025", "U", "C1", "N1", "U2", "PR1", "01/08/2025", "X1") +
                   ep("1", "01/08/2025", "B", "C2", "N1", "U3", "PR1", "", "") +
                   "2,01/04/2025,S,C2,N1,U1,PR1,01/05/2025,X1,,NR1 1AA,NR2 2BB,SC1\n"
                   "2,01/05/2025,T,C2,N1,U1,PR1,,,,NR1 1AA,NR2 2BB,SC1\n"};
  // 1/5/2025 is not the text 01/05/2025 (433); row 2 changed placement as well as status (434);
  // row 3 changed status but not placement (436); row 4 changed both, as B says; row 6 changed
  // neither (435), which blank postcodes or URNs would have hidden.
  EXPECT_EQ(found({"433", "434", "435", "436"}, {episodes}),
            (Found{"433 Episodes 1", "434 Episodes 2", "435 Episodes 6", "436 Episodes 3"}));
}

TEST(Ssda903Rules400sTest, AgesAtEpisodeEndsAndReviews) {
  const Ssda903File header{"h.csv", kHeader + "1,F,29/02/2008,WBRI,,,\n2,M,01/01/2010,WBRI,,,\n"};
  // Born 29 February 2008: 18 on 28 February 2026, as the reference counts.
  const Ssda903File episodes{
      "e.csv", kEpisodes + ep("1", "01/04/2025", "S", "C2", "N1", "U1", "PR1", "28/02/2026", "E45") +
                   ep("1", "28/02/2026", "S", "C2", "N1", "U1", "PR1", "01/03/2026", "E46") +
                   ep("2", "01/04/2025", "S", "C2", "N1", "U1", "PR1", "01/06/2025", "E17") +
                   ep("1", "01/03/2026", "S", "C2", "N1", "U1", "PR1", "02/03/2026", "E17")};
  const Ssda903File reviews{
      "r.csv",
      "CHILD,DOB,REVIEW,REVIEW_CODE\n1,29/02/2020,29/02/2024,PN0\n1,29/02/2020,01/03/2024,PN0\n"
      "1,29/02/2020,28/02/2024,PN1\n1,29/02/2020,29/02/2024,PN1\n1,,01/01/2024,PN1\n"};
  EXPECT_EQ(found({"407", "440", "441", "460"}, {header, episodes, reviews}),
            (Found{"407 Header 0", "407 Episodes 1", "440 Reviews 1", "441 Reviews 2", "460 Episodes 2"}));
}

TEST(Ssda903Rules400sTest, UpnMissingOrRepeated) {
  const Ssda903File header{
      "h.csv", kHeader +
                   "1,F,01/01/2010,WBRI,,,\n2,F,01/01/2010,WBRI,,,\n3,F,01/01/2010,WBRI,UN1,,\n"
                   "4,F,01/01/2010,WBRI,UN1,,\n5,F,01/01/2010,WBRI,A1,,\n6,F,01/01/2010,WBRI,A1,,\n"};
  const Ssda903File episodes{"e.csv", kEpisodes + ep("1", "01/05/2025", "S", "C2", "N1", "U1", "PR1") +
                                          ep("2", "01/05/2025", "S", "V3", "N1", "T0", "")};
  // Child 2 is only in respite care, so needs no UPN; UN1 may repeat.
  EXPECT_EQ(found({"442", "444"}, {header, episodes}),
            (Found{"442 Header 0", "444 Header 4", "444 Header 5"}));
}

TEST(Ssda903Rules400sTest, FirstEpisodeAgainstLastYearsOpenOne) {
  const Ssda903File last{"e.csv",
                         kEpisodes + ep("1", "01/01/2025", "P", "C2", "N1", "U1", "PR1") +
                             ep("2", "01/01/2025", "P", "C2", "N1", "Z1", "") +
                             ep("3", "01/01/2025", "P", "C2", "N1", "U1", "PR1", "31/03/2025", "X1") +
                             ep("4", "01/01/2024", "P", "C2", "N1", "U1", "PR1") +
                             ep("4", "01/02/2024", "S", "C2", "N1", "U1", "PR1", "01/01/2025", "E11")};
  const Ssda903File now{"e.csv", kEpisodes + ep("1", "01/06/2025", "P", "C2", "N1", "U1", "PR1") +
                                     ep("1", "01/01/2025", "P", "C1", "N2", "U2", "PR2") +
                                     ep("2", "01/01/2025", "P", "C2", "N1", "Z11", "") +
                                     ep("3", "01/04/2025", "S", "V2", "N1", "U1", "PR1") +
                                     ep("4", "01/04/2025", "S", "V2", "N1", "U1", "PR1") +
                                     ep("5", "", "S", "C2", "N1", "U1", "PR1")};
  // Child 1's first episode (row 1) differs in LS, CIN, PLACE and provider; child 2's Z1 became
  // Z11, as it had to; child 3's was closed, as was child 4's last, but child 4's other open episode
  // began on another day (502); child 5 has no DECOM (the reference then fails; here it is passed over).
  EXPECT_EQ(
      found({"502", "503A", "503B", "503C", "503D", "503E", "503F"}, {now}, {last}),
      (Found{"502 Episodes 4", "503B Episodes 1", "503C Episodes 1", "503D Episodes 1", "503E Episodes 1"}));
}

TEST(Ssda903Rules400sTest, PlacementsFromPostcodes) {
  const Ssda903File header{"h.csv", kHeader + "1,F,01/01/2010,WBRI,,,\n2,F,01/01/2010,WBRI,,,\n"};
  const Ssda903File uasc{"u.csv", "CHILD,SEX,DOB,DUC\n1,F,01/01/2010,\n"};
  const Ssda903File episodes{
      "e.csv", kEpisodes + ep("1", "01/05/2025", "S", "C2", "N1", "U1", "PR1", "", "", "NR1 1AA", "NR2 2BB") +
                   ep("2", "01/05/2025", "S", "V3", "N1", "T0", "", "01/06/2025", "X1", "", "NR2 2BB") +
                   ep("2", "01/06/2025", "T", "C2", "N1", "U1", "PR1", "", "", "NR1 1AA", "ZE1 0AA") +
                   ep("2", "01/07/2025", "S", "V4", "N1", "T0", "")};
  // Child 1 is UASC, so has no distance (406); a V3 placement has an LA (420); Shetland is 372.8
  // miles from Norwich (454). 411 cannot fire.
  EXPECT_EQ(found({"406", "411", "420", "454"}, {header, uasc, episodes}, {}, with_postcodes()),
            (Found{"406 Episodes 0", "420 Episodes 1", "454 Episodes 2"}));
  // Without the postcode directory the rules are skipped.
  EXPECT_EQ(found({"406", "411", "420", "454"}, {header, uasc, episodes}), Found{});
}

TEST(Ssda903Rules400sTest, FirstPlacementAgainstLastYearsOpenOne) {
  const Ssda903File last{
      "e.csv", kEpisodes + ep("1", "01/01/2025", "P", "C2", "N1", "U1", "PR1", "", "", "NR1 1AA", "NR1 1AA") +
                   ep("2", "01/01/2025", "P", "C2", "N1", "U1", "PR1", "", "", "NR1 1AA", "NR2 2BB") +
                   ep("3", "01/01/2025", "P", "C2", "N1", "U1", "PR1", "", "", "NR1 1AA", "NR2 2BB")};
  const Ssda903File now{
      "e.csv", kEpisodes + ep("1", "01/01/2025", "P", "C2", "N1", "U1", "PR1", "", "", "NR1 1AA", "ZE1 0AA") +
                   ep("2", "01/01/2025", "P", "C2", "N1", "U1", "PR1", "", "", "NR1 1AA", "NR2 2BB") +
                   ep("3", "01/01/2025", "S", "C2", "N1", "U1", "PR1", "", "", "NR1 1AA", "")};
  // Child 1 moved to Scotland (another LA and location, and further away), with the same RNE as
  // last year (452, 453); child 2 stayed; child 3's distance is unknown, so it is not compared.
  EXPECT_EQ(found({"452", "453", "503G", "503H", "503J"}, {now}, {last}, with_postcodes()),
            (Found{"452 Episodes 0", "453 Episodes 0", "503G Episodes 0", "503H Episodes 0",
                   "503H Episodes 2", "503J Episodes 0", "503J Episodes 2"}));
}

TEST(Ssda903Rules400sTest, AdoptersCodes) {
  const Ssda903File ad1{"a.csv",
                        kAd1 +
                            "1,,01/01/2025,01/02/2025,0,2,M1,L0\n2,,01/01/2025,01/02/2025,0,1,MF,L0\n"
                            "3,,01/01/2025,01/02/2025,0,2,MM,L3\n4,,01/01/2025,01/02/2025,0,2,MF,L4\n"
                            "5,,01/01/2025,01/02/2025,0,2,,L2\n6,,01/01/2025,01/02/2025,0,2,FF,L11\n"
                            "7,,01/01/2025,01/02/2025,0,2,MF,L12\n8,,01/01/2025,01/02/2025,0,2,MM,L12\n"};
  EXPECT_EQ(
      found({"511", "514", "517", "518", "519", "520", "524"}, {ad1}),
      (Found{"511 AD1 0", "514 AD1 1", "517 AD1 2", "518 AD1 3", "519 AD1 4", "520 AD1 5", "524 AD1 6"}));
}

TEST(Ssda903Rules400sTest, AdoptionDecisionsAgainstEachOther) {
  const Ssda903File ad1{"a.csv", kAd1 + "1,,01/05/2025,,,,,\n2,,01/01/2025,,,,,\n"};
  const Ssda903File placed{"p.csv", kPlaced +
                                        "1,,01/06/2025,01/07/2025,RD1\n2,,01/01/2025,31/12/2024,RD1\n"
                                        "3,,01/01/2025,01/02/2025,RD1\n"};
  const Ssda903File episodes{"e.csv", kEpisodes + ep("1", "01/04/2025", "P", "E1", "N1", "A5", "PR1") +
                                          ep("2", "01/04/2025", "P", "E1", "N1", "A5", "PR1")};
  // Child 1: the placement came before the decision (521), which differs from the decision to place
  // (523), later reversed while AD1 has dates (525); child 2: reversed before it was made (522), and
  // child 3 has no AD1 row.
  EXPECT_EQ(found({"521", "522", "523", "525"}, {ad1, placed, episodes}),
            (Found{"521 Episodes 0", "521 AD1 0", "522 PlacedAdoption 1", "523 AD1 0", "523 PlacedAdoption 0",
                   "525 AD1 0", "525 AD1 1", "525 PlacedAdoption 0", "525 PlacedAdoption 1"}));
}

}  // namespace
}  // namespace safeguard
