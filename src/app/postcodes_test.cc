// The postcode directory on SQLite and PostgreSQL: importing the ONS postcode directory (a bad file
// changes nothing and says where it is wrong), locating a postcode or its district, the council's
// code as a setting, and where a placement is against the child's home.
#include "app/postcodes.h"

#include <gtest/gtest.h>

#include <sstream>

#include "app/settings.h"
#include "store/audit_log.h"
#include "store/postcode_directory.h"
#include "support/fixtures.h"
#include "support/test_databases.h"

namespace safeguard {
namespace {

// A few rows in the ONSPD's own layout (most of its columns left out, in its order).
constexpr const char* kOnspd =
    "pcd,pcd2,pcds,dointr,doterm,oscty,ced,oslaua,osward,usertype,oseast1m,osnrth1m,osgrdind,ctry,lat,long\n"
    "NR1 1AA,NR1  1AA,NR1 "
    "1AA,198001,,E10000020,E58000001,E07000148,E05005797,0,623400,308600,1,E92000001,52.6,1.3\n"
    "NR1 1AB,NR1  1AB,NR1 "
    "1AB,198001,,E10000020,E58000001,E07000148,E05005797,0,623600,308800,1,E92000001,52.6,1.3\n"
    "NR1 1AD,NR1  1AD,NR1 1AD,198001,,E10000020,E58000001,E07000148,E05005797,0,,,9,E92000001,,\n"
    "\"PE1 1AA\",\"PE1  1AA\",\"PE1 1AA\",198001,,E99999999,E99999999,E06000031,E05010800,0,519300,298900,1,"
    "E92000001,52.5,-0.2\n"
    "EH1 1AA,EH1  1AA,EH1 "
    "1AA,198001,,S99999999,S99999999,S12000036,S13002929,0,325900,673800,1,S92000003,55.9,-3.2\n"
    "JE2 3AB,JE2  3AB,JE2 3AB,198001,,L99999999,L99999999,L99999999,L99999999,0,,,9,L93000001,,\n";

class Postcodes : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    test_db_ = std::make_unique<testing::TestDatabase>(GetParam());
    SAFEGUARD_REQUIRE_BACKEND(*test_db_);
    db_ = test_db_->open();
  }
  Result<PostcodeImport> import(const std::string& text) {
    std::istringstream in(text);
    return PostcodeService(*db_, clock_).import("admin", in, "onspd.csv");
  }

  std::unique_ptr<testing::TestDatabase> test_db_;
  std::unique_ptr<Database> db_;
  FixedClock clock_{testing::test_now()};
};

INSTANTIATE_TEST_SUITE_P(Backends, Postcodes, ::testing::ValuesIn(testing::backends()),
                         [](const auto& param_info) { return param_info.param; });

TEST_P(Postcodes, ImportsTheOnsDirectoryAndLocatesPostcodesAndDistricts) {
  auto report = import(kOnspd);
  ASSERT_TRUE(report.ok()) << report.error().message;
  EXPECT_EQ(report->rows, 6);
  EXPECT_EQ(report->postcodes, 4);
  EXPECT_EQ(report->no_grid, 2);  // NR1 1AD and the Jersey postcode have no grid reference
  EXPECT_EQ(report->districts, 3);

  PostcodeDirectory directory(db_->sql());
  const auto exact = directory.locate("nr11ab");
  ASSERT_TRUE(exact.has_value());
  EXPECT_EQ(exact->grid, (GridReference{623600, 308800}));
  EXPECT_EQ(exact->authority, "E10000020");
  EXPECT_FALSE(exact->district_only);
  // A postcode the directory lacks is placed at its district's centre.
  const auto district = directory.locate("NR1 9ZZ");
  ASSERT_TRUE(district.has_value());
  EXPECT_EQ(district->grid, (GridReference{623500, 308700}));
  EXPECT_TRUE(district->district_only);
  EXPECT_EQ(directory.locate("PE1 1AA")->authority, "E06000031");
  EXPECT_EQ(directory.locate("EH1 1AA")->authority, "SCO");
  EXPECT_FALSE(directory.locate("IP3 9AA").has_value());
  EXPECT_FALSE(directory.locate("not a postcode").has_value());

  auto log = AuditLog(db_->sql()).administration(10);
  ASSERT_FALSE(log.empty());
  EXPECT_EQ(log.front().action, "imported the postcode directory");
}

TEST_P(Postcodes, ABadFileSaysWhereAndLeavesTheDirectoryAsItWas) {
  ASSERT_TRUE(import(kOnspd).ok());
  const auto before = PostcodeDirectory(db_->sql()).size();

  auto no_columns = import("postcode,lat,long\nNR1 1AA,52.6,1.3\n");
  ASSERT_FALSE(no_columns.ok());
  EXPECT_EQ(no_columns.error().message,
            "onspd.csv line 1: the header has no column pcds (or pcd), oseast1m, osnrth1m, oslaua (or laua). "
            "Give the ONS postcode directory's CSV file with its header row.");

  // A fault on the third row undoes the two before it.
  auto bad_postcode = import(
      "pcds,oslaua,oseast1m,osnrth1m\nIP3 1AA,E07000200,618000,242000\n"
      "IP3 1AB,E07000200,618100,242100\nIP3-1AB,E07000200,1,1\n");
  ASSERT_FALSE(bad_postcode.ok());
  EXPECT_EQ(bad_postcode.error().message, "onspd.csv line 4: \"IP3-1AB\" in column pcds is not a postcode");
  auto short_row = import("pcds,oslaua,oseast1m,osnrth1m\nIP3 1AA,E06000031,618000\n");
  ASSERT_FALSE(short_row.ok());
  EXPECT_EQ(short_row.error().message, "onspd.csv line 2: 3 fields where the header has 4");
  auto unclosed = import("pcds,oslaua,oseast1m,osnrth1m\n\"IP3 1AA,E06000031,618000,1\n");
  ASSERT_FALSE(unclosed.ok());
  EXPECT_EQ(unclosed.error().message, "onspd.csv: a quoted field that begins on line 2 never ends");
  auto bad_grid = import("pcds,oslaua,oseast1m,osnrth1m\nIP3 1AA,E06000031,618000,24x000\n");
  ASSERT_FALSE(bad_grid.ok());
  EXPECT_EQ(bad_grid.error().message,
            "onspd.csv line 2: \"24x000\" in column osnrth1m is not a grid reference in metres");
  auto bad_district = PostcodeService(*db_, clock_).set_district_centres("admin", {{"NR1 1AA", {}}});
  ASSERT_FALSE(bad_district.ok());
  EXPECT_EQ(bad_district.error().field, "district");
  auto empty = import("");
  ASSERT_FALSE(empty.ok());
  EXPECT_EQ(empty.error().message, "onspd.csv: the file is empty");

  const auto after = PostcodeDirectory(db_->sql()).size();
  EXPECT_EQ(after.postcodes, before.postcodes);
  EXPECT_EQ(after.districts, before.districts);
  EXPECT_FALSE(PostcodeDirectory(db_->sql()).locate("IP3 1AA").has_value());
  EXPECT_TRUE(PostcodeDirectory(db_->sql()).locate("NR1 1AA").has_value());
}

TEST_P(Postcodes, APlacementIsLocatedAgainstHomeAndTheCouncilsCode) {
  ASSERT_TRUE(import(kOnspd).ok());
  PeriodOfCare period;
  period.home_postcode = "NR1 1AA";
  CareEpisode episode;
  episode.placement.postcode = "PE1 1AA";

  // Until the council's code is set, the area is not known.
  PlacementLocation where = PlacementLocator(*db_, clock_).locate(period, episode);
  ASSERT_TRUE(where.miles.has_value());
  EXPECT_DOUBLE_EQ(*where.miles, 65.0);
  EXPECT_EQ(where.authority, "E06000031");
  EXPECT_FALSE(where.out_of_area.has_value());

  SettingsService settings(*db_, clock_);
  auto refused = settings.set("admin", "council.authority", "E07000148");
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error().field, "value");
  ASSERT_TRUE(settings.set("admin", "council.authority", "E10000020").ok());
  EXPECT_EQ(settings.council_authority(), "E10000020");
  where = PlacementLocator(*db_, clock_).locate(period, episode);
  EXPECT_EQ(where.out_of_area, std::optional<bool>(true));
  episode.placement.postcode = "NR1 1AB";
  where = PlacementLocator(*db_, clock_).locate(period, episode);
  EXPECT_EQ(where.out_of_area, std::optional<bool>(false));
  EXPECT_DOUBLE_EQ(*where.miles, 0.2);
}

}  // namespace
}  // namespace safeguard
