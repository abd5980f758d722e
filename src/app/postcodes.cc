#include "app/postcodes.h"

#include <vector>

#include "app/settings.h"
#include "core/csv.h"
#include "core/text.h"
#include "domain/identifiers.h"
#include "store/audit_log.h"

namespace safeguard {
namespace {

// The column holding one of `names`, or -1.
int column_of(const std::vector<std::string>& header, std::initializer_list<std::string_view> names) {
  for (size_t i = 0; i < header.size(); ++i) {
    const std::string name = to_lower_ascii(trim(header[i]));
    for (const std::string_view n : names) {
      if (name == n) return static_cast<int>(i);
    }
  }
  return -1;
}

// A grid reference in metres: digits only, up to 7 of them (Great Britain's grid is 700 km by
// 1,300 km); none for anything else.
std::optional<int64_t> metres(std::string_view text) {
  text = trim(text);
  if (text.empty() || text.size() > 7) return std::nullopt;
  int64_t v = 0;
  for (const char c : text) {
    if (c < '0' || c > '9') return std::nullopt;
    v = v * 10 + (c - '0');
  }
  return v;
}

}  // namespace

Result<PostcodeImport> PostcodeService::import(std::string_view actor, std::istream& in,
                                               std::string_view source) {
  const std::string where(source);
  CsvReader csv(in);
  std::vector<std::string> header;
  if (!csv.next(header)) {
    return Error::invalid(where + ": " + (csv.error().empty() ? "the file is empty" : csv.error()), "file");
  }
  const int postcode_col = column_of(header, {"pcds", "pcd"});
  const int easting_col = column_of(header, {"oseast1m"});
  const int northing_col = column_of(header, {"osnrth1m"});
  const int district_col = column_of(header, {"oslaua", "laua"});
  const int county_col = column_of(header, {"oscty", "cty"});
  const int country_col = column_of(header, {"ctry"});
  std::string missing;
  if (postcode_col < 0) missing += " pcds (or pcd),";
  if (easting_col < 0) missing += " oseast1m,";
  if (northing_col < 0) missing += " osnrth1m,";
  if (district_col < 0) missing += " oslaua (or laua),";
  if (!missing.empty()) {
    missing.pop_back();
    return Error::invalid(where + " line 1: the header has no column" + missing +
                              ". Give the ONS postcode directory's CSV file with its header row.",
                          "file");
  }
  PostcodeImport report;
  const Status status = db_.transact([&]() -> Status {
    PostcodeDirectory directory(db_.sql());
    directory.clear();
    std::vector<std::string> row;
    const auto cell = [&](int col) -> std::string_view {
      return col >= 0 && static_cast<size_t>(col) < row.size() ? trim(row[col]) : std::string_view();
    };
    while (csv.next(row)) {
      if (row.size() == 1 && row[0].empty()) continue;  // a blank line
      ++report.rows;
      const std::string line = where + " line " + std::to_string(csv.line());
      if (row.size() != header.size()) {
        return Error::invalid(line + ": " + std::to_string(row.size()) + " fields where the header has " +
                                  std::to_string(header.size()),
                              "file");
      }
      const std::string postcode = normalise_postcode(cell(postcode_col));
      const std::string district = postcode_district(postcode);
      if (district.empty()) {
        return Error::invalid(line + ": \"" + std::string(cell(postcode_col).substr(0, 12)) +
                                  "\" in column " + header[postcode_col] + " is not a postcode",
                              "file");
      }
      if (cell(easting_col).empty() || cell(northing_col).empty()) {
        ++report.no_grid;  // ONSPD leaves the grid reference blank for some postcodes
        continue;
      }
      const std::optional<int64_t> easting = metres(cell(easting_col));
      const std::optional<int64_t> northing = metres(cell(northing_col));
      if (!easting || !northing) {
        const int col = easting ? northing_col : easting_col;
        return Error::invalid(line + ": \"" + std::string(cell(col).substr(0, 12)) + "\" in column " +
                                  header[col] + " is not a grid reference in metres",
                              "file");
      }
      const std::string authority =
          upper_tier_authority(cell(country_col), cell(county_col), cell(district_col));
      if (authority.empty()) {
        ++report.no_authority;
        continue;
      }
      directory.add_postcode(postcode, district, {{*easting, *northing}, authority, false});
      ++report.postcodes;
    }
    if (!csv.error().empty()) return Error::invalid(where + ": " + csv.error(), "file");
    if (report.postcodes == 0)
      return Error::invalid(where + ": no postcode in the file has a grid reference", "file");
    directory.compute_districts();
    report.districts = directory.size().districts;
    AuditLog(db_.sql()).record_administration(clock_.now(), actor, "imported the postcode directory",
                                              where + ": " + std::to_string(report.postcodes) +
                                                  " postcodes, " + std::to_string(report.districts) +
                                                  " districts");
    return Status::success();
  });
  if (!status) return status.error();
  return report;
}

Status PostcodeService::set_district_centres(std::string_view actor,
                                             const std::vector<DistrictCentre>& districts) {
  for (const DistrictCentre& d : districts) {
    if (postcode_district(d.district) != d.district) {
      return Error::invalid("\"" + d.district.substr(0, 12) + "\" is not a postcode district", "district");
    }
  }
  return db_.transact([&]() -> Status {
    PostcodeDirectory directory(db_.sql());
    for (const DistrictCentre& d : districts) directory.set_district(d.district, d.centre);
    AuditLog(db_.sql()).record_administration(clock_.now(), actor, "set postcode district centres",
                                              std::to_string(districts.size()) + " districts");
    return Status::success();
  });
}

Result<std::optional<PostcodeLocation>> PostcodeService::locate(std::string_view postcode) {
  try {
    return PostcodeDirectory(db_.sql()).locate(postcode);
  } catch (const SqlError& e) {
    return Error::internal(std::string("The database failed while locating a postcode: ") + e.what());
  }
}

PlacementLocator::PlacementLocator(Database& db, const Clock& clock)
    : directory_(db.sql()), council_(SettingsService(db, clock).council_authority()) {}

std::optional<PostcodeLocation> PlacementLocator::find(const std::string& postcode) {
  if (postcode.empty()) return std::nullopt;
  const auto it = seen_.find(postcode);
  if (it != seen_.end()) return it->second;
  return seen_[postcode] = directory_.locate(postcode);
}

PlacementLocation PlacementLocator::locate(const PeriodOfCare& period, const CareEpisode& episode) {
  return placement_location(find(period.home_postcode), find(episode.placement.postcode), council_);
}

}  // namespace safeguard
