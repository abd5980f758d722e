#include "domain/postcode_file.h"

#include <cstdint>
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
  CsvTable file(in, source);
  if (Status s = file.read_header(); !s) return s;
  const int postcode_col = file.column({"pcds", "pcd"}, "pcds (or pcd)");
  const int easting_col = file.column({"oseast1m"}, "oseast1m");
  const int northing_col = file.column({"osnrth1m"}, "osnrth1m");
  const int district_col = file.column({"oslaua", "laua"}, "oslaua (or laua)");
  const int county_col = file.column({"oscty", "cty"});
  const int country_col = file.column({"ctry"});
  if (Status s = file.check_columns("Give the ONS postcode directory's CSV file with its header row."); !s)
    return s;
  DirectoryPostcode p;
  while (file.next()) {
    p.postcode = normalise_postcode(file.cell(postcode_col));
    p.district = postcode_district(p.postcode);
    if (p.district.empty()) return file.bad_cell(postcode_col, "is not a postcode");
    p.grid.reset();
    if (!file.cell(easting_col).empty() || !file.cell(northing_col).empty()) {
      const std::optional<int64_t> easting = metres(file.cell(easting_col));
      const std::optional<int64_t> northing = metres(file.cell(northing_col));
      if (!easting || !northing)
        return file.bad_cell(easting ? northing_col : easting_col, "is not a grid reference in metres");
      p.grid = GridReference{*easting, *northing};
    }
    p.local_authority = std::string(file.cell(district_col));
    p.authority =
        upper_tier_authority(file.cell(country_col), file.cell(county_col), file.cell(district_col));
    if (Status s = each(p); !s) return s;
  }
  return file.status();
}

}  // namespace safeguard
