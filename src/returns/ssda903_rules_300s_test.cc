// SSDA903 rules 300 to 399, each shape with a row flagged and a row passed: ages against the year,
// first episodes, ages against episodes through the Header, the placement age and length limits,
// runs of a legal status, respite and temporary placements, episodes that should continue,
// adoption, care leavers, UASC and postcodes, the mother and reviews of respite children, a blank
// CHILD joined as the reference joins it, and episodes of the same day in the reference's order.
#include <gtest/gtest.h>

#include <set>

#include "returns/ssda903_validator.h"
#include "support/ssda903_rules.h"

namespace safeguard {
namespace {

using namespace testing::ssda903_rules;

// An Episodes row.
std::string ep(const std::string& child, const std::string& decom, const std::string& rne,
               const std::string& ls, const std::string& place, const std::string& dec = "",
               const std::string& rec = "", const std::string& home = "", const std::string& pl = "") {
  return child + "," + decom + "," + rne + "," + ls + ",N1," + place + ",PR1," + dec + "," + rec + ",," +
         home + "," + pl + ",\n";
}

TEST(Ssda903Rules300sTest, BornAfterTheYearOrOver25AtItsStart) {
  const Ssda903File header{"h.csv", kHeader +
                                        "1,F,01/04/2026,WBRI,,,\n2,M,31/03/2000,WBRI,,,\n"
                                        "3,M,01/04/2000,WBRI,,,\n4,M,31/03/2026,WBRI,,,\n"};
  EXPECT_EQ(found({"301", "351"}, {header}), (Found{"301 Header 0", "351 Header 1"}));
}

TEST(Ssda903Rules300sTest, EpisodeDatesAgainstTheYearAndEachOther) {
  const Ssda903File episodes{"e.csv", kEpisodes + ep("1", "13/10/1991", "S", "C2", "U1", "01/01/1992", "E3") +
                                          ep("2", "01/04/2026", "S", "C2", "U1") +
                                          ep("3", "01/05/2025", "S", "C2", "U1", "01/05/2025", "E3") +
                                          ep("4", "01/05/2025", "S", "C2", "U1", "30/04/2025", "E3") +
                                          ep("5", "01/05/2025", "S", "C2", "U1", "01/04/2026", "E3") +
                                          ep("6", "", "S", "C2", "U1") +
                                          ep("7", "14/10/1991", "S", "C2", "U1")};
  // Two blank dates are the same text, so a row with neither lasted less than a day.
  EXPECT_EQ(found({"353", "354", "355", "356", "385"}, {episodes}),
            (Found{"353 Episodes 0", "354 Episodes 1", "355 Episodes 2", "355 Episodes 5", "356 Episodes 3",
                   "385 Episodes 4"}));
}

TEST(Ssda903Rules300sTest, FirstEpisodes) {
  const Ssda903File header{"h.csv", kHeader + "1,F,01/06/2025,WBRI,,,\n"};
  const Ssda903File episodes{
      "e.csv", kEpisodes + ep("1", "02/07/2025", "P", "C2", "U1") + ep("1", "01/05/2025", "P", "C2", "U1") +
                   ep("2", "01/05/2024", "P", "C2", "U1") + ep("3", "01/05/2025", "S", "C2", "U1") +
                   ep("3", "01/06/2025", "P", "C2", "A3") + ep("4", "01/05/2025", "S", "C2", "K1") +
                   ep("4", "01/06/2025", "P", "C2", "A4")};
  // Child 1's first episode began before birth, and in the year but not as a start of care; child 2's
  // first began before the year; child 4 went to adopters from a children's home.
  EXPECT_EQ(found({"302", "336", "357"}, {header, episodes}),
            (Found{"302 Header 0", "302 Episodes 1", "336 Episodes 6", "357 Episodes 1"}));
}

TEST(Ssda903Rules300sTest, AgesAtEpisodesThroughTheHeader) {
  const Ssda903File header{
      "h.csv", kHeader + "1,F,01/05/2007,WBRI,,,\n2,M,01/05/2016,WBRI,,,\n3,M,01/05/2012,WBRI,,,\n"};
  const Ssda903File episodes{"e.csv", kEpisodes + ep("1", "01/05/2025", "S", "C2", "K1") +
                                          ep("1", "01/06/2024", "S", "V2", "K2") +
                                          ep("2", "01/05/2025", "S", "J1", "R1", "01/06/2025", "X1") +
                                          ep("3", "01/05/2025", "S", "C2", "K1", "01/06/2025", "E5") +
                                          ep("9", "01/05/2025", "S", "C2", "K1", "01/06/2025", "E7") +
                                          ep("1", "01/06/2025", "P", "C2", "A3", "01/07/2025", "E11")};
  // Child 9 has no Header row, so is taken to be under 16.
  EXPECT_EQ(found({"352", "358", "359", "386", "387", "389"}, {header, episodes}),
            (Found{"352 Episodes 0", "358 Header 1", "358 Episodes 2", "359 Episodes 0", "386 Episodes 5",
                   "387 Episodes 3", "389 Episodes 4"}));
}

TEST(Ssda903Rules300sTest, PlacementAgeAndLengthLimitsSkipOpenEpisodes) {
  const Ssda903File header{"h.csv", kHeader + "1,F,01/01/2010,WBRI,,,\n"};
  const Ssda903File episodes{"e.csv", kEpisodes + ep("1", "01/05/2025", "S", "C2", "K3", "01/06/2025", "X1") +
                                          ep("1", "01/06/2025", "P", "C2", "K3") +
                                          ep("1", "01/07/2025", "P", "C2", "T1", "13/08/2025", "X1") +
                                          ep("1", "01/09/2025", "P", "C2", "T1", "12/10/2025", "X1")};
  EXPECT_EQ(found({"371", "372", "375", "376"}, {header, episodes}),
            (Found{"371 Episodes 0", "375 Episodes 2"}));
}

TEST(Ssda903Rules300sTest, LegalStatusesHeldTooLong) {
  const Ssda903File episodes{"e.csv", kEpisodes + ep("1", "01/05/2025", "S", "L1", "U1", "02/05/2025", "X1") +
                                          ep("1", "02/05/2025", "P", "C2", "U1", "03/05/2025", "X1") +
                                          ep("1", "03/05/2025", "P", "L1", "U1", "06/05/2025", "E3") +
                                          ep("2", "01/05/2025", "S", "L1", "U1", "04/05/2025", "E3") +
                                          ep("3", "20/05/2025", "S", "L3", "U1", "24/05/2025", "E3") +
                                          ep("3", "01/05/2025", "S", "L3", "U1", "05/05/2025", "E3") +
                                          ep("4", "01/05/2025", "S", "V3", "U1") +
                                          ep("5", "01/05/2025", "P", "V3", "U1", "05/05/2025", "E3")};
  // Child 1's police protection runs on through an episode of another status; child 3's two child
  // assessment orders are taken in row order, so as one period.
  EXPECT_EQ(found({"361", "362", "363", "364", "365", "366", "367"}, {episodes}),
            (Found{"361 Episodes 0", "361 Episodes 2", "363 Episodes 4", "363 Episodes 5", "365 Episodes 6",
                   "366 Episodes 7", "367 Episodes 6"}));
}

TEST(Ssda903Rules300sTest, RespiteAndTemporaryPlacements) {
  const std::string post = "AB1 1AA";
  const Ssda903File episodes{
      "e.csv", kEpisodes + ep("1", "01/05/2025", "S", "C2", "U1", "01/06/2025", "X1", "", post) +
                   ep("1", "01/06/2025", "P", "C2", "T3", "10/06/2025", "X1") +
                   ep("1", "10/06/2025", "P", "C2", "U1", "", "", "", post) +
                   ep("2", "01/05/2025", "S", "C2", "U1", "01/06/2025", "X1", "", post) +
                   ep("2", "01/06/2025", "P", "C2", "T3", "10/06/2025", "X1") +
                   ep("2", "10/06/2025", "P", "C2", "U3", "", "", "", post) +
                   ep("3", "01/05/2025", "S", "C2", "T0", "05/05/2025", "E3") +
                   ep("4", "01/05/2025", "S", "V3", "U1") + ep("5", "01/05/2025", "P", "V4", "T2") +
                   ep("6", "01/05/2025", "S", "V2", "P1") +
                   ep("7", "01/05/2025", "P", "C2", "T3", "", "", "", post) +
                   ep("7", "01/06/2025", "P", "C2", "T3", "", "", "", post) +
                   ep("7", "01/07/2025", "P", "C2", "T3", "", "", "", post)};
  // Child 2 came back from a holiday placement to another placement than before it.
  EXPECT_EQ(
      found({"377", "378", "380", "381", "382", "383", "384"}, {episodes}),
      (Found{"377 Episodes 10", "377 Episodes 11", "377 Episodes 12", "378 Episodes 9", "380 Episodes 6",
             "381 Episodes 6", "382 Episodes 8", "383 Episodes 5", "384 Episodes 7"}));
}

TEST(Ssda903Rules300sTest, AnEpisodeEndingInANewEpisodeIsFollowedTheSameDay) {
  const Ssda903File episodes{"e.csv", kEpisodes + ep("1", "01/05/2025", "S", "C2", "U1", "01/06/2025", "X1") +
                                          ep("1", "02/06/2025", "P", "C2", "U1") +
                                          ep("2", "01/05/2025", "S", "C2", "U1", "01/06/2025", "E3") +
                                          ep("2", "01/06/2025", "S", "C2", "U1") +
                                          ep("3", "01/05/2025", "S", "C2", "U1", "01/06/2025", "X1") +
                                          ep("4", "01/05/2025", "S", "C2", "U1", "01/06/2025", "X1") +
                                          ep("4", "01/06/2025", "P", "C2", "U1")};
  EXPECT_EQ(found({"388"}, {episodes}), (Found{"388 Episodes 0", "388 Episodes 2", "388 Episodes 4"}));
}

TEST(Ssda903Rules300sTest, AdoptionDates) {
  const Ssda903File episodes{"e.csv",
                             kEpisodes + ep("1", "01/05/2025", "S", "C2", "A3", "01/06/2025", "E11")};
  const Ssda903File ad1{
      "a.csv",
      "CHILD,DOB,DATE_INT,DATE_MATCH,FOSTER_CARE,NB_ADOPTR,SEX_ADOPTR,LS_ADOPTR\n"
      "1,01/01/2020,01/04/2025,10/05/2025,0,1,MF,L0\n2,01/01/2020,01/06/2025,01/05/2025,1,1,MF,L0\n"};
  EXPECT_EQ(found({"331", "333", "334", "335"}, {episodes, ad1}),
            (Found{"331 Episodes 0", "331 AD1 0", "333 AD1 1", "334 Episodes 0", "334 AD1 0",
                   "335 Episodes 0", "335 AD1 0"}));
}

TEST(Ssda903Rules300sTest, CareLeavers) {
  const std::string columns = "CHILD,DOB,IN_TOUCH,ACTIV,ACCOM\n";
  const Ssda903File oc3{"o.csv",
                        columns +
                            "1,01/01/2007,DIED,,\n2,01/01/2007,YES,0,B1\n3,01/01/2008,NO,F1,T\n"
                            "4,01/04/2009,YES,F1,B1\n5,01/01/2005,NO,F1,B1\n6,01/01/2007,DIED,0,0\n"};
  const Ssda903File last{"o.csv", columns + "5,01/01/2005,DIED,0,0\n"};
  EXPECT_EQ(found({"344", "345", "347", "348", "391"}, {oc3}, {last}),
            (Found{"344 OC3 0", "345 OC3 1", "347 OC3 2", "348 OC3 4", "391 OC3 3"}));
}

TEST(Ssda903Rules300sTest, UascAndPostcodes) {
  const Ssda903File uasc{"u.csv",
                         "CHILD,SEX,DOB,DUC\n1,M,01/01/2007,02/01/2025\n3,M,01/01/2008,01/01/2025\n"};
  const Ssda903File header{"h.csv", kHeader + "1,M,01/01/2007,WBRI,,,\n2,M,01/01/2010,WBRI,,,\n"};
  const Ssda903File episodes{"e.csv",
                             kEpisodes + ep("1", "01/05/2025", "S", "C2", "U1") +
                                 ep("2", "01/05/2025", "S", "C2", "U1", "", "", "NR1 1AA", "NR1 1AA") +
                                 ep("2", "01/05/2025", "S", "V3", "U1", "", "", "NR1 1AA") +
                                 ep("2", "01/05/2025", "S", "C2", "U1", "", "", "ZZ9 9ZZ", "NR1 1AA") +
                                 ep("2", "01/05/2025", "S", "C2", "U1", "", "", "nr11aa")};
  Ssda903Options options;
  options.la = "E10000020";
  options.postcodes["NR11AA"] = {617000.0, 308000.0, "E07000148"};
  options.upper_tier_of["E07000148"] = "E10000020";
  // Child 1 was UASC, so needs no postcodes.
  EXPECT_EQ(
      found({"303", "304", "392a", "392b", "392c", "392d", "398"}, {uasc, header, episodes}, {}, options),
      (Found{"304 UASC 0", "392a Episodes 3", "392a Episodes 4", "392b Episodes 4", "392c Episodes 3",
             "392d Episodes 1", "398 Episodes 2"}));
}

TEST(Ssda903Rules300sTest, MotherAndReviewsOfChildrenInRespite) {
  const Ssda903File header{"h.csv", kHeader +
                                        "1,F,01/01/2010,WBRI,,,\n2,F,01/01/2000,WBRI,,1,\n"
                                        "3,F,01/01/2010,WBRI,,,\n"};
  const Ssda903File episodes{"e.csv", kEpisodes + ep("1", "01/05/2025", "S", "C2", "U1") +
                                          ep("2", "01/05/2025", "S", "V3", "U1") +
                                          ep("3", "01/05/2025", "S", "V4", "U1")};
  const Ssda903File reviews{"r.csv",
                            "CHILD,DOB,REVIEW,REVIEW_CODE\n2,01/01/2000,,\n3,01/01/2010,01/06/2025,\n"};
  // Child 2's mother field flags its reviews too, and child 3's review its Header row.
  EXPECT_EQ(found({"393", "399"}, {header, episodes, reviews}),
            (Found{"393 Header 0", "399 Header 1", "399 Header 2", "399 Episodes 1", "399 Episodes 2",
                   "399 Reviews 0", "399 Reviews 1"}));
}

TEST(Ssda903Rules300sTest, ABlankChildIsJoinedToBlankChildren) {
  const Ssda903File header{"h.csv", kHeader + ",F,01/01/2000,WBRI,,,\n1,F,01/01/2015,WBRI,,,\n"};
  const Ssda903File episodes{"e.csv", kEpisodes + ep("", "01/05/2025", "S", "C2", "K1", "01/06/2025", "E5") +
                                          ep("1", "01/05/2025", "S", "C2", "K1", "01/06/2025", "E5") +
                                          ep("", "01/05/2025", "P", "C2", "A3") +
                                          ep("2", "", "S", "C2", "U1")};
  // The blank child's Header row makes it old enough; its placement for adoption has no episode
  // before it; child 2's only episode has no start, so it has no first one (the reference fails).
  EXPECT_EQ(found({"302", "336", "387"}, {header, episodes}), (Found{"336 Episodes 2", "387 Episodes 1"}));
}

TEST(Ssda903Rules300sTest, EpisodesOfTheSameDayComeInTheOrderOfNumpysQuicksort) {
  // Seventeen episodes, so that the quicksort partitions rather than sorting by insertion: it puts
  // row 11 before row 0, so child 1's placement for adoption follows a children's home, not foster
  // care.
  const int months[] = {2, 2, 3, 4, 0, 0, 4, 4, 1, 1, 4, 2, 1, 4, 1, 2, 3};
  std::string rows = kEpisodes;
  for (int i = 0; i < 17; ++i) {
    const std::string child = i == 0 || i == 4 || i == 11 ? "1" : std::to_string(100 + i);
    const std::string place = i == 0 ? "U1" : i == 11 ? "A3" : "K1";
    rows += ep(child, "01/0" + std::to_string(months[i] + 1) + "/2025", "P", "C2", place);
  }
  EXPECT_EQ(found({"336"}, {{"e.csv", rows}}), (Found{"336 Episodes 11"}));
}

}  // namespace
}  // namespace safeguard
