#include "domain/postcode_file.h"

#include <cstdint>
#include <initializer_list>
#include <vector>

#include "core/csv.h"
#include "core/text.h"
#include "domain/identifiers.h"

namespace safeguard {
namespace {

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

Status read_postcode_file(std::istream& in, std::string_view source,
                          const std::function<Status(const DirectoryPostcode&)>& each) {
  const std::string where(source);
  CsvReader csv(in);
  std::vector<std::string> header;
  if (!csv.next(header)) {
    return Error::invalid(where + ": " + (csv.error().empty() ? "the file is empty" : csv.error()), "file");
  }
  const int postcode_col = csv_column(header, {"pcds", "pcd"});
  const int easting_col = csv_column(header, {"oseast1m"});
  const int northing_col = csv_column(header, {"osnrth1m"});
  const int district_col = csv_column(header, {"oslaua", "laua"});
  const int county_col = csv_column(header, {"oscty", "cty"});
  const int country_col = csv_column(header, {"ctry"});
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
  std::vector<std::string> row;
  const auto cell = [&](int col) -> std::string_view {
    return col >= 0 && static_cast<size_t>(col) < row.size() ? trim(row[col]) : std::string_view();
  };
  DirectoryPostcode p;
  while (csv.next(row)) {
    if (row.size() == 1 && row[0].empty()) continue;  // a blank line
    const std::string line = where + " line " + std::to_string(csv.line());
    if (row.size() != header.size()) {
      return Error::invalid(line + ": " + std::to_string(row.size()) + " fields where the header has " +
                                std::to_string(header.size()),
                            "file");
    }
    p.postcode = normalise_postcode(cell(postcode_col));
    p.district = postcode_district(p.postcode);
    if (p.district.empty()) {
      return Error::invalid(line + ": \"" + std::string(cell(postcode_col).substr(0, 12)) + "\" in column " +
                                header[postcode_col] + " is not a postcode",
                            "file");
    }
    p.grid.reset();
    if (!cell(easting_col).empty() || !cell(northing_col).empty()) {
      const std::optional<int64_t> easting = metres(cell(easting_col));
      const std::optional<int64_t> northing = metres(cell(northing_col));
      if (!easting || !northing) {
        const int col = easting ? northing_col : easting_col;
        return Error::invalid(line + ": \"" + std::string(cell(col).substr(0, 12)) + "\" in column " +
                                  header[col] + " is not a grid reference in metres",
                              "file");
      }
      p.grid = GridReference{*easting, *northing};
    }
    p.local_authority = std::string(cell(district_col));
    p.authority = upper_tier_authority(cell(country_col), cell(county_col), cell(district_col));
    if (Status s = each(p); !s) return s;
  }
  if (!csv.error().empty()) return Error::invalid(where + ": " + csv.error(), "file");
  return Status::success();
}

}  // namespace safeguard
