// The SSDA903 validator's lookups: the ONS postcode directory read as the reference matches
// postcodes (upper case, spaces removed), each district's upper-tier authority (a county's
// district its county; Scotland, Wales and Northern Ireland by name; no authority outside them),
// and where each placement is; Ofsted's provider list with its codes, dates and each provider's
// authority; files of the wrong columns refused, naming what is missing.
#include "returns/ssda903_lookups.h"

#include <gtest/gtest.h>

#include <sstream>

#include "returns/ssda903_checks.h"

namespace safeguard {
namespace {

const char* kDirectory =
    "pcd,oseast1m,osnrth1m,laua,cty,ctry\n"
    "NR1 1AA,624000,308000,E07000148,E10000020,E92000001\n"   // Norwich, in Norfolk
    "PE1 1AA,519500,299500,E06000031,E99999999,E92000001\n"   // Peterborough, a unitary authority
    "CF10 1AA,318200,176300,W06000015,W99999999,W92000004\n"  // Cardiff
    "BT1 1AA,,,N09000003,N99999999,N92000002\n"               // Belfast: no grid reference
    "GY1 1AA,,,L99999999,L99999999,L93000001\n";              // Guernsey: no council of the return

Ssda903Options with_directory() {
  Ssda903Options options;
  options.la = "E10000020";
  std::istringstream in(kDirectory);
  EXPECT_TRUE(read_ssda903_postcodes(in, "pc.csv", options));
  return options;
}

TEST(Ssda903LookupsTest, PostcodesAreMatchedAsTheReferenceMatchesThem) {
  const Ssda903Options options = with_directory();
  EXPECT_EQ(options.postcodes.size(), 5u);
  EXPECT_EQ(ssda903_postcode_key("nr1 1aa"), "NR11AA");
  const auto la = [&](const char* postcode) {
    return upper_tier_la(options, options.postcodes.at(ssda903_postcode_key(postcode)));
  };
  EXPECT_EQ(la("NR1 1AA"), "E10000020");
  EXPECT_EQ(la("PE1 1AA"), "E06000031");
  EXPECT_EQ(la("CF10 1AA"), "WAL");
  EXPECT_EQ(la("BT1 1AA"), "NIR");
  EXPECT_EQ(la("GY1 1AA"), std::nullopt);
}

TEST(Ssda903LookupsTest, PlacementsAreWhereTheDirectoryPutsThem) {
  const Ssda903Options options = with_directory();
  auto year = read_ssda903_year(
      {{"e.csv",
        "CHILD,DECOM,RNE,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REC,REASON_PLACE_CHANGE,HOME_POST,PL_POST,URN\n"
        "1,01/05/2025,S,C2,N1,U1,PR1,,,,NR1 1AA,nr11aa,\n"       // at home: no distance, in the area
        "2,01/05/2025,S,C2,N1,U1,PR1,,,,NR1 1AA,PE1 1AA,\n"      // 65.1 miles away, out of it
        "3,01/05/2025,S,C2,N1,U1,PR1,,,,NR1 1AA,BT1 1AA,\n"      // no grid reference: no distance
        "4,01/05/2025,S,C2,N1,U1,PR1,,,,NR1 1AA,ZZ9 9ZZ,\n"}});  // not in the directory
  ASSERT_TRUE(year);
  const Ssda903Return submitted{*year, std::nullopt};
  std::vector<ssda903::Ssda903Check::Flagged> found;
  ssda903::Ssda903Check c(submitted, options, 2026, found);
  EXPECT_EQ(c.placement(0).la, "E10000020");
  EXPECT_EQ(c.placement(0).location, "IN");
  EXPECT_EQ(c.placement(0).distance, 0.0);
  EXPECT_EQ(c.placement(1).la, "E06000031");
  EXPECT_EQ(c.placement(1).location, "OUT");
  EXPECT_EQ(c.placement(1).distance, 65.1);  // sqrt(104500² + 8500²) / 1000 / 1.6093
  EXPECT_EQ(c.placement(2).la, "NIR");
  EXPECT_EQ(c.placement(2).distance, std::nullopt);
  EXPECT_EQ(c.placement(3).la, std::nullopt);
  EXPECT_EQ(c.placement(3).location, std::nullopt);
}

TEST(Ssda903LookupsTest, ProvidersCarryTheirCodesDatesAndAuthority) {
  Ssda903Options options = with_directory();
  std::istringstream in(
      "URN,Placement code,Placement provider code,Deregistration date,Setting postcode\n"
      "SC123456,K2/R1,PR1/PR2,,NR1 1AA\n"
      "sc654321,\"U1,U2\",PR4,2025-01-31,CF10 1AA\n"
      ",K2,PR1,,\n");  // no URN: left out, as the reference leaves it
  ASSERT_TRUE(read_ssda903_providers(in, "providers.csv", options));
  ASSERT_TRUE(options.providers);
  ASSERT_EQ(options.providers->size(), 2u);
  const OfstedProvider& home = (*options.providers)[0];
  EXPECT_EQ(home.urn, "SC123456");
  EXPECT_EQ(home.place_codes, (std::vector<std::string>{"K2", "R1"}));
  EXPECT_EQ(home.provider_codes, (std::vector<std::string>{"PR1", "PR2"}));
  EXPECT_FALSE(home.registration_end);
  EXPECT_EQ(home.la, "E10000020");
  const OfstedProvider& closed = (*options.providers)[1];
  EXPECT_EQ(closed.urn, "SC654321");
  EXPECT_EQ(closed.place_codes, (std::vector<std::string>{"U1", "U2"}));
  EXPECT_EQ(closed.registration_end, Date::from_ymd(2025, 1, 31));
  EXPECT_EQ(closed.la, "WAL");
}

TEST(Ssda903LookupsTest, FilesOfTheWrongColumnsOrValuesAreRefused) {
  Ssda903Options options;
  std::istringstream postcodes("postcode,east,north\nNR1 1AA,1,2\n");
  const Status p = read_ssda903_postcodes(postcodes, "pc.csv", options);
  ASSERT_FALSE(p);
  EXPECT_NE(p.error().message.find("pc.csv line 1: the header has no column pcds (or pcd), oseast1m"),
            std::string::npos)
      << p.error().message;
  EXPECT_TRUE(options.postcodes.empty());
  std::istringstream dates("URN,Placement code,Placement provider code,Closed date\nSC1,K2,PR1,someday\n");
  const Status d = read_ssda903_providers(dates, "providers.csv", options);
  ASSERT_FALSE(d);
  EXPECT_NE(d.error().message.find("providers.csv line 2: \"someday\" in column Closed date is not a date"),
            std::string::npos)
      << d.error().message;
  EXPECT_FALSE(options.providers);
}

}  // namespace
}  // namespace safeguard
