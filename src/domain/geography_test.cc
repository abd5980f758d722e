// Placement distance and area as SSDA903 derives them (PL_DISTANCE, PL_LA, PL_LOCATION).
#include "domain/geography.h"

#include <gtest/gtest.h>

namespace safeguard {
namespace {

TEST(Geography, MilesAreMetresOver1609Point3ToOneDecimal) {
  EXPECT_DOUBLE_EQ(miles_between({0, 0}, {16093, 0}), 10.0);
  EXPECT_DOUBLE_EQ(miles_between({0, 0}, {3000, 4000}), 3.1);  // 5,000 m is 3.107 miles
  EXPECT_DOUBLE_EQ(miles_between({623000, 308000}, {623000, 308000}), 0.0);
  EXPECT_DOUBLE_EQ(miles_between({618500, 242500}, {624000, 308000}),
                   miles_between({624000, 308000}, {618500, 242500}));
}

TEST(Geography, AuthorityCodesAreUpperTierEnglishCodes) {
  for (const char* ok : {"E10000020", "E06000031", "E08000025", "E09000027"})
    EXPECT_TRUE(is_authority_code(ok)) << ok;
  for (const char* bad :
       {"", "E07000148", "E1000002", "E100000200", "e10000020", "E10A00020", "S12000036", "926"})
    EXPECT_FALSE(is_authority_code(bad)) << bad;
}

TEST(Geography, TheUpperTierIsTheCountyWhereThereIsOne) {
  // Norwich: a district of Norfolk.
  EXPECT_EQ(upper_tier_authority("E92000001", "E10000020", "E07000148"), "E10000020");
  // Peterborough: a unitary authority, whose county code is the ONS's pseudo-code.
  EXPECT_EQ(upper_tier_authority("E92000001", "E99999999", "E06000031"), "E06000031");
  EXPECT_EQ(upper_tier_authority("", "", "E09000027"), "E09000027");
  EXPECT_EQ(upper_tier_authority("S92000003", "S99999999", "S12000036"), "SCO");
  EXPECT_EQ(upper_tier_authority("W92000004", "W99999999", "W06000015"), "WAL");
  EXPECT_EQ(upper_tier_authority("N92000002", "N99999999", "N09000003"), "NIR");
  // Jersey, Guernsey and the Isle of Man have no council the return knows.
  EXPECT_EQ(upper_tier_authority("L93000001", "", "L99999999"), "");
  EXPECT_EQ(upper_tier_authority("E92000001", "E99999999", "E07000148"), "");
}

TEST(Geography, APlacementIsOutOfAreaWhenItsAuthorityIsNotTheCouncils) {
  const PostcodeLocation home{{624000, 308000}, "E10000020", false};
  const PostcodeLocation ipswich{{618500, 242500}, "E10000029", true};
  const PostcodeLocation dereham{{599000, 313000}, "E10000020", true};

  PlacementLocation out = placement_location(home, ipswich, "E10000020");
  ASSERT_TRUE(out.miles.has_value());
  EXPECT_DOUBLE_EQ(*out.miles, 40.8);
  EXPECT_EQ(out.authority, "E10000029");
  EXPECT_EQ(out.out_of_area, std::optional<bool>(true));

  PlacementLocation in = placement_location(home, dereham, "E10000020");
  EXPECT_DOUBLE_EQ(*in.miles, 15.8);
  EXPECT_EQ(in.out_of_area, std::optional<bool>(false));

  // No home postcode: the area is known, the distance is not.
  PlacementLocation no_home = placement_location(std::nullopt, ipswich, "E10000020");
  EXPECT_FALSE(no_home.miles.has_value());
  EXPECT_EQ(no_home.out_of_area, std::optional<bool>(true));
  // The council's code not set: the distance is known, the area is not.
  PlacementLocation no_code = placement_location(home, ipswich, "");
  EXPECT_TRUE(no_code.miles.has_value());
  EXPECT_FALSE(no_code.out_of_area.has_value());
  EXPECT_EQ(no_code.authority, "E10000029");
  // The placement not located: nothing is known.
  PlacementLocation unknown = placement_location(home, std::nullopt, "E10000020");
  EXPECT_FALSE(unknown.miles.has_value());
  EXPECT_FALSE(unknown.out_of_area.has_value());
  EXPECT_EQ(unknown.authority, "");
}

}  // namespace
}  // namespace safeguard
