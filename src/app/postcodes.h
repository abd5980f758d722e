// The postcode directory as an administrator keeps it: importing the ONS postcode directory (ONSPD,
// the CSV file the ONS publishes each quarter under the Open Government Licence) so that placements
// can be located, and where a child's placement is against their home and the council's area.
//
// An import replaces the whole directory in one transaction: a file that cannot be read leaves the
// directory as it was. Every import is in the administration log.
//
// Thread safety: uses one Database, which belongs to one thread at a time.
#pragma once

#include <cstdint>
#include <istream>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/clock.h"
#include "core/result.h"
#include "domain/care.h"
#include "domain/geography.h"
#include "store/database.h"
#include "store/postcode_directory.h"

namespace safeguard {

struct PostcodeImport {
  int64_t rows = 0;          // data rows read
  int64_t postcodes = 0;     // located and now in the directory
  int64_t no_grid = 0;       // without a grid reference (ONSPD leaves some blank): skipped
  int64_t no_authority = 0;  // outside the UK's councils (Channel Islands, Isle of Man): skipped
  int64_t districts = 0;     // districts with a centre after the import
};

class PostcodeService {
 public:
  PostcodeService(Database& db, const Clock& clock) : db_(db), clock_(clock) {}

  // Imports an ONSPD-style CSV: a header row naming pcds (or pcd), oseast1m, osnrth1m, oslaua (or
  // laua), and optionally oscty (or cty) and ctry. `source` names the file for messages. Errors name
  // the line and column at fault.
  Result<PostcodeImport> import(std::string_view actor, std::istream& in, std::string_view source);

  // Sets districts' centres directly, for a directory that knows districts only (the synthetic
  // council's), in one transaction, logged.
  struct DistrictCentre {
    std::string district;  // an outward code, "NR1"
    PostcodeLocation centre;
  };
  Status set_district_centres(std::string_view actor, const std::vector<DistrictCentre>& districts);

  // Where the directory puts a postcode (or its district's centre); none if it knows neither.
  Result<std::optional<PostcodeLocation>> locate(std::string_view postcode);

 private:
  Database& db_;
  const Clock& clock_;
};

// Where placements are, from the period's home postcode, the directory and the council's code (the
// setting council.authority). It remembers each postcode it has looked up, so one locator serves a
// page or a dashboard. Throws SqlError if the database fails.
class PlacementLocator {
 public:
  PlacementLocator(Database& db, const Clock& clock);
  PlacementLocation locate(const PeriodOfCare& period, const CareEpisode& episode);

 private:
  std::optional<PostcodeLocation> find(const std::string& postcode);

  PostcodeDirectory directory_;
  std::string council_;
  std::map<std::string, std::optional<PostcodeLocation>> seen_;
};

}  // namespace safeguard
