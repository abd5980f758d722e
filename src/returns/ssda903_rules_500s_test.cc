// SSDA903 rules 530 to 599, each shape with rows flagged and rows passed: placement providers, the
// OC2 conviction and health items (and who was looked after all year), placement for adoption
// against the episodes and last year's return, episodes against last year's, the decisions to place
// against each other, and the missing periods against each other, last year's and the episodes.
#include <gtest/gtest.h>

#include <set>

#include "returns/ssda903_validator.h"
#include "support/ssda903_rules.h"

namespace safeguard {
namespace {

using namespace testing::ssda903_rules;

// An Episodes row.
std::string ep(const std::string& child, const std::string& decom, const std::string& ls,
               const std::string& place, const std::string& dec = "", const std::string& rec = "",
               const std::string& provider = "PR1", const std::string& rne = "S") {
  return child + "," + decom + "," + rne + "," + ls + ",N1," + place + "," + provider + "," + dec + "," +
         rec + ",,,,\n";
}

TEST(Ssda903Rules500sTest, ProviderCodesAgainstThePlacement) {
  const Ssda903File episodes{"e.csv", kEpisodes + ep("1", "01/04/2025", "C2", "P1", "", "", "PR4") +
                                          ep("1", "01/04/2025", "C2", "P1", "", "", "PR5") +
                                          ep("2", "01/04/2025", "C2", "P1", "", "", "PR0") +
                                          ep("2", "01/04/2025", "C2", "U1", "", "", "PR0") +
                                          ep("3", "01/04/2025", "C2", "", "", "", "PR0") +
                                          ep("3", "01/04/2025", "C2", "U1", "", "", "PR4")};
  EXPECT_EQ(found({"530", "531", "550"}, {episodes}),
            (Found{"530 Episodes 0", "531 Episodes 1", "550 Episodes 3", "550 Episodes 4"}));
}

TEST(Ssda903Rules500sTest, ConvictionAndHealthItems) {
  // A tenth birthday on 1 April 2026 is under 10 at 31 March; on 31 March, 10.
  const Ssda903File oc2{"o.csv", kOc2 +
                                     "1,01/04/2016,,,0,,,,,,,\n2,31/03/2016,,,0,,,,,,,\n"
                                     "3,01/01/2010,,,1,,,1,1,1,,\n4,01/01/2022,,,,1,1,1,1,1,,\n"
                                     "5,01/01/2022,,,,1,1,,1,1,,\n"};
  EXPECT_EQ(found({"542", "544", "547"}, {oc2}), (Found{"542 OC2 0", "544 OC2 2", "547 OC2 4"}));
}

TEST(Ssda903Rules500sTest, ConvictionAndHealthOfChildrenLookedAfterAllYear) {
  // A in care all year; B came into care in the year; C is in respite (V3); D has no episodes.
  const Ssda903File episodes{"e.csv", kEpisodes + ep("A", "01/01/2024", "C2", "U1") +
                                          ep("B", "01/06/2025", "C2", "U1") +
                                          ep("C", "01/01/2024", "V3", "U1")};
  const Ssda903File oc2{"o.csv",
                        kOc2 +
                            "A,01/01/2010,,,,,,,,,,\nB,01/01/2010,,,,,,,,,,\nA,01/06/2022,,,,,,,,,,\n"
                            "A,31/03/2021,,,,1,1,1,1,1,,\nD,01/01/2010,,,,,,,,,,\nC,01/06/2022,,,,,,,,,,\n"};
  EXPECT_EQ(found({"543", "545", "546"}, {episodes, oc2}), (Found{"543 OC2 0", "545 OC2 2", "546 OC2 3"}));
  EXPECT_EQ(found({"543", "545", "546"}, {oc2}), Found{});  // without episodes, nothing
}

TEST(Ssda903Rules500sTest, PlacedForAdoptionAgainstTheEpisodes) {
  const Ssda903File episodes{
      "e.csv", kEpisodes + ep("1", "01/05/2025", "C2", "A4") + ep("2", "01/05/2025", "C2", "A5") +
                   ep("3", "01/04/2025", "E1", "U1") + ep("4", "01/04/2025", "E1", "U1") +
                   ep("5", "01/02/2025", "C2", "A3", "01/08/2025", "E4A") +
                   ep("6", "01/04/2025", "C2", "A3", "01/05/2025", "E11") +
                   ep("6", "01/05/2025", "C2", "A3", "01/06/2025", "E12") +
                   ep("7", "01/04/2025", "C2", "A3", "01/09/2025", "E11")};
  const Ssda903File placed{"p.csv", kPlaced +
                                        "1,01/01/2020,01/06/2025,,\n3,01/01/2020,01/05/2025,01/06/2025,RD1\n"
                                        "5,01/01/2020,01/01/2025,,\n6,01/01/2020,01/01/2024,01/01/2025,RD1\n"
                                        "7,01/01/2020,01/01/2024,01/01/2025,RD1\n"};
  // 582 compares the dates as written: 1/5/2025 is not 01/05/2025.
  const Ssda903File ad1{"a.csv", kAd1 +
                                     "7,01/01/2020,01/01/2024,01/09/2025,0,1,M1,L0\n"
                                     "6,01/01/2020,01/01/2024,1/5/2025,0,1,M1,L0\n"};
  EXPECT_EQ(found({"551", "552", "553", "554", "557", "558", "582"}, {episodes, placed, ad1}),
            (Found{"551 Episodes 1", "552 Episodes 0", "552 PlacedAdoption 0", "553 Episodes 3",
                   "553 PlacedAdoption 1", "554 Episodes 2", "554 PlacedAdoption 1", "557 Episodes 4",
                   "557 PlacedAdoption 2", "558 Episodes 5", "558 Episodes 6", "582 Episodes 7"}));
}

TEST(Ssda903Rules500sTest, PlacedForAdoptionAgainstLastYear) {
  const Ssda903File now{"p.csv", kPlaced +
                                     "1,01/01/2020,01/01/2025,,\n2,01/01/2020,01/02/2025,,\n"
                                     "3,01/01/2020,01/05/2024,,\n4,01/01/2020,02/05/2024,,\n"
                                     "5,01/01/2020,01/06/2024,,\n6,01/01/2020,,,\n"};
  const Ssda903File before{"p.csv",
                           kPlaced +
                               "1,01/01/2020,,,\n3,01/01/2020,01/05/2024,,\n4,01/01/2020,01/05/2024,,\n"
                               "5,01/01/2020,01/06/2024,01/09/2024,RD1\n"
                               "6,01/01/2020,01/01/2024,01/03/2024,RD2\n"};
  // 584 flags row 0 for child 5's row 4, as the reference does (see the rule).
  EXPECT_EQ(found({"559", "560", "561", "584"}, {now}, {before}),
            (Found{"559 PlacedAdoption 0", "559 PlacedAdoption 1", "560 PlacedAdoption 3",
                   "561 PlacedAdoption 4", "584 PlacedAdoption 0", "584 PlacedAdoption 5"}));
  EXPECT_EQ(found({"559", "560", "561", "584"}, {now}), Found{});
}

TEST(Ssda903Rules500sTest, EpisodesBeforeTheYearContinueLastYearsLatest) {
  const Ssda903File now{"e.csv", kEpisodes + ep("1", "01/01/2025", "C2", "U1", "01/05/2025", "X1") +
                                     ep("1", "01/05/2025", "C2", "U1", "", "", "PR1", "P") +
                                     ep("2", "01/02/2025", "C2", "U1") + ep("3", "01/03/2025", "C2", "U1") +
                                     ep("4", "01/05/2025", "C2", "U1") + ep("5", "1/2/2025", "C2", "U1")};
  const Ssda903File before{"e.csv", kEpisodes + ep("1", "01/06/2024", "C2", "U1", "01/01/2025", "X1") +
                                        ep("1", "01/01/2025", "C2", "U1", "", "", "PR1", "P") +
                                        ep("2", "01/01/2025", "C2", "U1") +
                                        ep("5", "01/02/2025", "C2", "U1")};
  EXPECT_EQ(found({"562"}, {now}, {before}), (Found{"562 Episodes 2", "562 Episodes 3"}));
}

TEST(Ssda903Rules500sTest, DecisionsToPlaceForAdoption) {
  const Ssda903File placed{"p.csv", kPlaced +
                                        "1,01/01/2020,,01/01/2025,RD1\n2,01/01/2018,31/01/2020,,\n"
                                        "2,01/01/2018,01/12/2023,,\n3,01/01/2018,01/01/2024,01/06/2024,RD1\n"
                                        "3,01/01/2018,01/05/2024,,\n4,01/01/2018,01/01/2024,01/02/2024,RD1\n"
                                        "4,01/01/2018,01/03/2024,,\n"};
  // 583 takes 31/01/2020 for child 2's latest decision: it compares the dates as text.
  EXPECT_EQ(found({"563", "579", "583"}, {placed}), (Found{"563 PlacedAdoption 0", "579 PlacedAdoption 2",
                                                           "579 PlacedAdoption 4", "583 PlacedAdoption 2"}));
}

TEST(Ssda903Rules500sTest, EqualDecisionDatesComeInTheOrderNumpySortsThem) {
  // Two equal dates among 18 rows: the reference's sort leaves the second first, so the first is
  // the earlier decision that was not revoked.
  std::string rows = kPlaced + "X,01/01/2020,10/06/2024,,\nX,01/01/2020,10/06/2024,,\n";
  for (int i = 0; i < 16; ++i)
    rows += std::to_string(i) + ",01/01/2020," + (i < 9 ? "0" : "") + std::to_string(i + 1) + "/01/2024,,\n";
  EXPECT_EQ(found({"583"}, {{"p.csv", rows}}), (Found{"583 PlacedAdoption 0"}));
  // Among few rows the sort keeps file order.
  EXPECT_EQ(found({"583"}, {{"p.csv", kPlaced + "X,01/01/2020,10/06/2024,,\nX,01/01/2020,10/06/2024,,\n"}}),
            (Found{"583 PlacedAdoption 1"}));
}

TEST(Ssda903Rules500sTest, MissingPeriodsFieldsAndOverlaps) {
  const Ssda903File missing{"m.csv",
                            kMissing +
                                "1,01/01/2010,M,,\n1,01/01/2010,,01/05/2025,\n1,01/01/2010,,,01/06/2025\n"
                                "2,01/01/2010,A,01/06/2025,01/05/2025\n2,01/01/2010,M,01/04/2026,\n"
                                "3,01/01/2010,M,01/03/2025,31/03/2025\n3,01/01/2010,M,01/05/2025,01/04/2026\n"
                                "4,01/05/2010,M,01/05/2010,02/05/2010\n5,01/01/2010,M,01/06/2025,01/07/2025\n"
                                "5,01/01/2010,M,15/06/2025,20/06/2025\n"};
  EXPECT_EQ(found({"564", "565", "566", "567", "570", "571", "574", "586"}, {missing}),
            (Found{"564 Missing 0", "565 Missing 1", "566 Missing 2", "567 Missing 3", "570 Missing 4",
                   "571 Missing 5", "571 Missing 6", "571 Missing 7", "574 Missing 2", "574 Missing 8",
                   "586 Missing 7"}));
}

TEST(Ssda903Rules500sTest, MissingPeriodsOpenLastYear) {
  const Ssda903File now{"m.csv",
                        kMissing +
                            "1,01/01/2010,M,01/05/2025,01/06/2025\n1,01/01/2010,M,01/04/2025,02/04/2025\n"
                            "2,01/01/2010,M,01/03/2025,01/05/2025\n3,01/01/2010,M,,\n"};
  const Ssda903File before{"m.csv", kMissing +
                                        "1,01/01/2010,M,01/03/2025,\n2,01/01/2010,M,01/03/2025,\n"
                                        "3,01/01/2010,M,01/01/2025,\n4,01/01/2010,M,01/01/2025,\n"};
  EXPECT_EQ(found({"576"}, {now}, {before}), (Found{"576 Missing 1", "576 Missing 3"}));
}

TEST(Ssda903Rules500sTest, MissingPeriodsAgainstTheEpisodes) {
  // Child 1 was in care from April to June and again from September.
  const Ssda903File episodes{"e.csv", kEpisodes + ep("1", "01/04/2025", "C2", "U1", "01/06/2025", "E3") +
                                          ep("1", "01/09/2025", "C2", "U1") +
                                          ep("2", "01/05/2025", "C2", "U1", "01/08/2025", "E4A") +
                                          ep("3", "01/05/2025", "C2", "U1", "01/08/2025", "E8")};
  const Ssda903File missing{"m.csv", kMissing +
                                         "1,01/01/2010,M,01/05/2025,\n1,01/01/2010,M,01/07/2025,01/08/2025\n"
                                         "1,01/01/2010,M,01/10/2025,\n2,01/08/2007,M,01/07/2025,01/08/2025\n"
                                         "3,01/08/2007,M,01/07/2025,01/08/2025\n1,01/01/2010,M,,01/05/2025\n"
                                         "9,01/01/2010,M,01/05/2025,\n"};
  EXPECT_EQ(found({"575", "577", "578", "580", "581"}, {episodes, missing}),
            (Found{"575 Missing 0", "577 Missing 0", "577 Missing 1", "578 Missing 1", "580 Episodes 2",
                   "581 Missing 1", "581 Missing 5"}));
}

}  // namespace
}  // namespace safeguard
