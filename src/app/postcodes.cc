#include "app/postcodes.h"

#include <vector>

#include "app/settings.h"
#include "domain/identifiers.h"
#include "domain/postcode_file.h"
#include "store/audit_log.h"

namespace safeguard {

Result<PostcodeImport> PostcodeService::import(std::string_view actor, std::istream& in,
                                               std::string_view source) {
  const std::string where(source);
  PostcodeImport report;
  const Status status = db_.transact([&]() -> Status {
    PostcodeDirectory directory(db_.sql());
    directory.clear();
    if (Status s = read_postcode_file(
            in, source,
            [&](const DirectoryPostcode& p) {
              ++report.rows;
              if (!p.grid) {
                ++report.no_grid;  // ONSPD leaves some blank
              } else if (p.authority.empty()) {
                ++report.no_authority;
              } else {
                directory.add_postcode(p.postcode, p.district, {*p.grid, p.authority, false});
                ++report.postcodes;
              }
              return Status::success();
            });
        !s)
      return s;
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
