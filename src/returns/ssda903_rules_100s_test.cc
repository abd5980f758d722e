// SSDA903 rules 105 to 199 (returns/ssda903_rules_100s.cc): for each rule, or rules of one shape, a
// row flagged and a row not, in a return built in memory for the year ending 31 March 2026.
#include <gtest/gtest.h>

#include <algorithm>
#include <initializer_list>
#include <stdexcept>
#include <string>
#include <vector>

#include "returns/ssda903_validator.h"
#include "support/ssda903_rules.h"

namespace safeguard {
namespace {

using namespace testing::ssda903_rules;

// An Episodes row of the fields a test cares about (CIN N1, no reason for a change, no URN).
std::string episode(const std::string& child, const std::string& decom, const std::string& rne,
                    const std::string& ls, const std::string& dec = "", const std::string& rec = "",
                    const std::string& place = "U1", const std::string& provider = "PR1",
                    const std::string& home = "", const std::string& placed = "") {
  return child + "," + decom + "," + rne + "," + ls + ",N1," + place + "," + provider + "," + dec + "," +
         rec + ",," + home + "," + placed + ",\n";
}

TEST(Ssda903Rules100sTest, UascCodeIsNotCheckedInACsvReturn) {
  EXPECT_EQ(
      found({"105"}, {{"h.csv", kHeader + "1,F,01/01/2010,WBRI,,,\n"}, {"u.csv", "CHILD,SEX,DOB,DUC\n"}}),
      Found{});
}

TEST(Ssda903Rules100sTest, AdoptionDecisionsAgainstTheEpisodes) {
  // 117: child 1's latest episode not ending X1 ended 01/06/2025, before the decision ceased.
  // 118: child 2's decision ceased before the earliest episode that is not respite.
  const Ssda903File episodes{"e.csv", kEpisodes + episode("1", "01/04/2025", "S", "C2", "01/06/2025", "E3") +
                                          episode("1", "01/07/2025", "P", "C2", "01/08/2025", "X1") +
                                          episode("2", "01/01/2025", "S", "V3", "01/02/2025", "E3") +
                                          episode("2", "01/05/2025", "S", "C2") +
                                          episode("3", "01/05/2025", "S", "C2")};
  const Ssda903File placed{"p.csv", kPlaced +
                                        "1,01/01/2020,01/05/2025,02/06/2025,RD1\n"
                                        "2,01/01/2020,01/05/2025,30/04/2025,RD1\n"
                                        "3,01/01/2020,01/05/2025,01/06/2025,RD1\n"};
  EXPECT_EQ(found({"117", "118"}, {episodes, placed}),
            (Found{"117 Episodes 0", "117 PlacedAdoption 0", "118 Episodes 3", "118 PlacedAdoption 1"}));
}

TEST(Ssda903Rules100sTest, AdoptionDataForACareLeaver) {
  const Ssda903File oc3{"o.csv", kOc3 + "1,01/01/2005,YES,F1,B1\n2,01/01/2005,,,\n,01/01/2005,NO,0,0\n"};
  const Ssda903File ad1{"a.csv", kAd1 +
                                     "1,01/01/2005,,,1,,,\n2,01/01/2005,,,1,,,\n3,01/01/2005,,,1,,,\n"
                                     ",01/01/2005,,,1,,,\n"};
  // A blank CHILD joins a blank CHILD, as in pandas.
  EXPECT_EQ(found({"134"}, {oc3, ad1}), (Found{"134 AD1 0", "134 AD1 3"}));
}

TEST(Ssda903Rules100sTest, AnEpisodeBeganBeforeTheOneBeforeEnded) {
  // Child 1's first episode is open; child 2's last is; child 3's undated episode counts as its
  // last, so its open dated one is flagged; 01/01/1901 is no date to the reference.
  const Ssda903File episodes{
      "e.csv", kEpisodes + episode("1", "01/04/2025", "S", "C2") + episode("1", "01/05/2025", "P", "C2") +
                   episode("2", "01/04/2025", "S", "C2", "01/05/2025", "E3") +
                   episode("2", "01/06/2025", "S", "C2") + episode("3", "01/04/2025", "S", "C2") +
                   episode("3", "", "P", "C2") + episode("4", "01/01/1901", "S", "C2") +
                   episode("4", "01/05/2025", "P", "C2")};
  EXPECT_EQ(found({"142"}, {episodes}), (Found{"142 Episodes 0", "142 Episodes 4", "142 Episodes 7"}));
}

TEST(Ssda903Rules100sTest, EpisodesBeginningTheSameDayFallAsNumpySortsThem) {
  // Of 17 episodes, numpy's sort puts row 16 before row 13 (both child X's, on 01/04/2025), so 13
  // is X's last episode and 16 the open one before it. The others are closed, each another child's.
  const int month[17] = {7, 7, 7, 6, 7, 6, 6, 7, 6, 7, 5, 7, 7, 4, 6, 5, 4};
  std::string rows = kEpisodes;
  for (int i = 0; i < 17; ++i) {
    const std::string decom = "01/0" + std::to_string(month[i]) + "/2025";
    rows += i == 13 || i == 16 ? episode("X", decom, "S", "C2")
                               : episode(std::to_string(i), decom, "S", "C2", "01/10/2025", "E3");
  }
  EXPECT_EQ(found({"142"}, {{"e.csv", rows}}), Found{"142 Episodes 16"});
}

// Child C was looked after all year; child N came into care in it.
const std::string kLookedAfter =
    episode("C", "01/01/2024", "S", "C2") + episode("N", "01/05/2025", "S", "C2");

TEST(Ssda903Rules100sTest, SdqByAgeAndCare) {
  const Ssda903File episodes{"e.csv", kEpisodes + kLookedAfter};
  // 157: SDQ1 for a child of 4 to 16 looked after all year. 186: no score for a child of 4 to 16.
  // 188: an SDQ for a child under 4. 189: one for a child 17 at the start of the year (not on the
  // birthday itself). 197B: none for a child who turns 4 or 17 in the year.
  const Ssda903File oc2{"o.csv", kOc2 +
                                     "C,01/01/2015,,SDQ1,,,,,,,,\n"
                                     "N,01/01/2015,,SDQ1,,,,,,,,\n"
                                     "C,01/01/2015,,,,,,,,,,\n"
                                     "C,01/06/2023,5,,,,,,,,,\n"
                                     "C,31/03/2008,,SDQ2,,,,,,,,\n"
                                     "C,01/04/2008,,SDQ2,,,,,,,,\n"
                                     "C,01/06/2021,,,,,,,,,,\n"};
  EXPECT_EQ(found({"157", "186", "188", "189", "197B"}, {episodes, oc2}),
            (Found{"157 OC2 0", "186 OC2 2", "188 OC2 3", "189 OC2 4", "197B OC2 6"}));
}

TEST(Ssda903Rules100sTest, BirthdaysPastPandasTimestampsWrapRound) {
  // pandas' timestamps end on 11/04/2262: a birthday after it wraps round to 1677-1686, so a 17th
  // in 2277 is before the year began (189) and a 4th in 2264 is not after it ended (188).
  const Ssda903File oc2{"o.csv", kOc2 + "1,01/01/2260,5,,,,,,,,,\n2,01/01/2023,5,,,,,,,,,\n"};
  EXPECT_EQ(found({"188", "189"}, {oc2}), (Found{"188 OC2 1", "189 OC2 0"}));
}

TEST(Ssda903Rules100sTest, SubstanceMisuseAndInterventions) {
  const Ssda903File oc2{"o.csv", kOc2 +
                                     "1,01/01/2010,,,,,,,,1,1,0\n"    // 158
                                     "2,01/01/2010,,,,,,,,1,0,\n"     // 159
                                     "3,01/01/2010,,,,,,,,1,,\n"      // 192
                                     "4,01/01/2010,,,,,,,,0,,1\n"     // 193
                                     "5,01/01/2010,,,,,,,,1,0,1\n"};  // none
  EXPECT_EQ(found({"158", "159", "192", "193"}, {oc2}),
            (Found{"158 OC2 0", "159 OC2 1", "192 OC2 2", "193 OC2 3"}));
}

Ssda903Options postcodes() {
  Ssda903Options o;
  o.la = "E10000020";
  o.postcodes["NR11AA"] = {0.0, 0.0, "E07000148"};
  o.postcodes["NR22BB"] = {1000.0, 0.0, "E07000148"};
  o.postcodes["ZE11AA"] = {2000000.0, 0.0, "S12000027"};
  o.postcodes["GY11AA"] = {std::nullopt, std::nullopt, "L99999999"};
  o.upper_tier_of["E07000148"] = "E10000020";
  return o;
}

TEST(Ssda903Rules100sTest, PlacementDistanceAndPlace) {
  // 164: over 999.9 miles, unless the child was ever UASC. 169: no LA (Guernsey has none, and a
  // blank postcode), unless respite. 179: no location (blank or unknown postcode).
  const Ssda903File episodes{
      "e.csv", kEpisodes + episode("1", "01/04/2025", "S", "C2", "", "", "U1", "PR1", "NR1 1AA", "ZE1 1AA") +
                   episode("2", "01/04/2025", "S", "C2", "", "", "U1", "PR1", "NR1 1AA", "ZE1 1AA") +
                   episode("3", "01/04/2025", "S", "C2", "", "", "U1", "PR1", "NR1 1AA", "NR2 2BB") +
                   episode("4", "01/04/2025", "S", "C2", "", "", "U1", "PR1", "", "GY1 1AA") +
                   episode("5", "01/04/2025", "S", "C2") + episode("6", "01/04/2025", "S", "V3")};
  const Ssda903File header{"h.csv", kHeader + "1,F,01/01/2010,WBRI,,,\n2,F,01/01/2010,WBRI,,,\n"};
  const Ssda903File uasc{"u.csv", "CHILD,SEX,DOB,DUC\n2,F,01/01/2010,\n"};
  EXPECT_EQ(found({"164", "169", "179"}, {episodes, header, uasc}, {}, postcodes()),
            (Found{"164 Episodes 0", "169 Episodes 3", "169 Episodes 4", "179 Episodes 4"}));
  // Without a UASC column in either year, 164 cannot tell who was UASC and does nothing.
  EXPECT_EQ(found({"164"}, {episodes, header}, {}, postcodes()), Found{});
}

TEST(Ssda903Rules100sTest, MotherStatus) {
  // A MOTHER other than 0 or 1 (and, with the old codes, a male mother, a female of no MOTHER in
  // care in the year, a female mother out of care with OC3 data); only children with an episode.
  const Ssda903File header{"h.csv", kHeader +
                                        "1,F,01/01/2000,WBRI,,X,\n2,1,01/01/2000,WBRI,,1,\n"
                                        "3,2,01/01/2000,WBRI,,,\n4,2,01/01/2000,WBRI,,1,\n"
                                        "5,F,01/01/2000,WBRI,,X,\n6,M,01/01/2000,WBRI,,1,\n"};
  const Ssda903File episodes{
      "e.csv", kEpisodes + episode("1", "01/05/2025", "S", "C2") + episode("2", "01/05/2025", "S", "C2") +
                   episode("3", "01/05/2025", "S", "C2") +
                   episode("4", "01/01/2020", "S", "C2", "01/01/2021", "E3") +
                   episode("5", "01/05/2025", "S", "V3") + episode("6", "01/05/2025", "S", "C2")};
  const Ssda903File oc3{"o.csv", kOc3 + "4,01/01/2000,YES,F1,B1\n1,01/01/2000,,,\n"};
  EXPECT_EQ(found({"165"}, {header, episodes, oc3}), (Found{"165 Header 0", "165 Header 1", "165 Header 2",
                                                            "165 Header 3", "165 OC3 0", "165 OC3 1"}));
}

TEST(Ssda903Rules100sTest, Reviews) {
  const Ssda903File reviews{"r.csv",
                            "CHILD,DOB,REVIEW,REVIEW_CODE\n1,01/01/2010,01/05/2025,PN1\n"
                            "2,01/01/2010,,PN1\n3,01/01/2010,2025-05-01,PN1\n4,01/01/2010,,\n"
                            "5,01/01/2010,01/05/2025,PN9\n"};
  EXPECT_EQ(found({"166", "167"}, {reviews}),
            (Found{"166 Reviews 1", "166 Reviews 2", "166 Reviews 3", "167 Reviews 1", "167 Reviews 4"}));
}

TEST(Ssda903Rules100sTest, UpnAndMothersChild) {
  const Ssda903File header{"h.csv", kHeader +
                                        "1,F,01/01/2010,WBRI,A12345678901B,,\n"
                                        "2,F,01/01/2010,WBRI,I123456789012,,\n"
                                        "3,F,01/01/2010,WBRI,UN5,,\n"
                                        "4,M,01/01/2010,WBRI,UN6,,01/01/2030\n"
                                        "5,F,01/01/2010,WBRI,,,31/02/2025\n"};
  EXPECT_EQ(found({"168", "171", "174"}, {header}),
            (Found{"168 Header 1", "168 Header 3", "171 Header 4", "174 Header 3"}));
}

TEST(Ssda903Rules100sTest, AdopterCodes) {
  const Ssda903File ad1{"a.csv", kAd1 + "1,01/01/2020,,,,1,MF,L12\n2,01/01/2020,,,,1.0,M2,L1\n"};
  EXPECT_EQ(found({"175", "176", "177"}, {ad1}), (Found{"175 AD1 1", "176 AD1 1", "177 AD1 1"}));
}

TEST(Ssda903Rules100sTest, PlacementProvider) {
  const Ssda903File episodes{"e.csv", kEpisodes + episode("1", "01/04/2025", "S", "C2", "", "", "T4", "PR1") +
                                          episode("2", "01/04/2025", "S", "C2", "", "", "Z11", "PR1") +
                                          episode("3", "01/04/2025", "S", "C2", "", "", "U1", "PR9") +
                                          episode("4", "01/04/2025", "S", "C2", "", "", "T0", "")};
  EXPECT_EQ(found({"178"}, {episodes}), (Found{"178 Episodes 1", "178 Episodes 2"}));
}

TEST(Ssda903Rules100sTest, Oc2Codes) {
  // 180: a score is a whole number 0 to 40, as pandas reads numbers. 181: 0 or 1. 182: the four
  // items given when another is. 196: an SDQ reason code. 197a: a score and a reason.
  const Ssda903File oc2{"o.csv", kOc2 +
                                     "1,01/01/2010, 7,,0,1,1,1,1,0,,\n"
                                     "2,01/01/2010,1E1,,,,,,,,,\n"
                                     "3,01/01/2010,40.5,,,,,,,,,\n"
                                     "4,01/01/2010,INF,,2,,,,,,,\n"
                                     "5,01/01/2010,,SDQ6,1,,,,,,,\n"
                                     "6,01/01/2010,5,SDQ1,,,,,,,,\n"};
  EXPECT_EQ(
      found({"180", "181", "182", "196", "197a"}, {oc2}),
      (Found{"180 OC2 2", "180 OC2 3", "181 OC2 3", "182 OC2 3", "182 OC2 4", "196 OC2 4", "197a OC2 5"}));
}

TEST(Ssda903Rules100sTest, PlacedForAdoptionBeforeBirth) {
  // PlacedAdoption's own DOB is the one compared, and a decision with no readable DOB is flagged.
  const Ssda903File placed{"p.csv", kPlaced +
                                        "1,01/01/2020,01/01/2019,,\n2,01/01/2020,01/01/2021,,\n"
                                        "3,,01/01/2021,,\n4,01/01/2020,,,\n"};
  const Ssda903File header{"h.csv", kHeader + "2,F,01/01/2022,WBRI,,,\n"};
  EXPECT_EQ(found({"184"}, {placed, header}), (Found{"184 PlacedAdoption 0", "184 PlacedAdoption 2"}));
  EXPECT_EQ(found({"184"}, {placed}), Found{});  // the Header is needed
}

TEST(Ssda903Rules100sTest, ItemsAgainstContinuousCare) {
  // 185, 190 and 198: SDQ score, OC2 items, SDQ reason for a child not looked after all year.
  // 187: OC3 or AD1 data for one who was. 191: OC2 items missing for one who was, or no OC2 row.
  const Ssda903File episodes{"e.csv", kEpisodes + kLookedAfter + episode("D", "01/01/2024", "S", "C2") +
                                          episode("D", "01/02/2024", "P", "C2")};
  const Ssda903File oc2{"o.csv", kOc2 +
                                     "C,01/01/2010,5,,0,1,1,1,1,0,,\n"
                                     "N,01/01/2010,5,SDQ2,0,,,,,,,\n"
                                     "X,01/01/2010,,,,,,,,,,\n"
                                     "C,01/01/2010,,,0,,,,,,,\n"};
  const Ssda903File oc3{"o3.csv", kOc3 + "C,01/01/2005,YES,F1,B1\nN,01/01/2005,YES,F1,B1\n"};
  const Ssda903File ad1{"a.csv", kAd1 + "C,01/01/2020,,,,1,,\nN,01/01/2020,,,,1,,\n"};
  EXPECT_EQ(found({"185", "187", "190", "191", "198"}, {episodes, oc2, oc3, ad1}),
            (Found{"185 OC2 1", "187 OC3 0", "187 AD1 0", "190 OC2 1", "191 Episodes 2", "191 OC2 3",
                   "198 OC2 1"}));
}

TEST(Ssda903Rules100sTest, AdoptedBefore) {
  // Child 1 was adopted last year; child 2's second adoption this year; child 3's first adoption;
  // child 4's episodes began the same day, and (of so few) numpy's sort keeps them in row order.
  const Ssda903File now{"e.csv", kEpisodes + episode("1", "01/05/2025", "S", "C2") +
                                     episode("2", "01/05/2025", "S", "C2", "01/06/2025", "E11") +
                                     episode("2", "01/07/2025", "S", "C2", "01/08/2025", "E12") +
                                     episode("3", "01/05/2025", "S", "C2", "01/06/2025", "E11") +
                                     episode("4", "01/05/2025", "S", "C2", "01/06/2025", "E11") +
                                     episode("4", "01/05/2025", "S", "C2", "01/06/2025", "X1")};
  const Ssda903File last{"e.csv", kEpisodes + episode("1", "01/05/2024", "S", "C2", "01/06/2024", "E11")};
  EXPECT_EQ(found({"199"}, {now}, {last}), (Found{"199 Episodes 0", "199 Episodes 2", "199 Episodes 5"}));
  EXPECT_EQ(found({"199"}, {now}), (Found{"199 Episodes 2", "199 Episodes 5"}));
}

}  // namespace
}  // namespace safeguard
