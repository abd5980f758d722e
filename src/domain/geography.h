// Where a child's placement is, against where they lived when care began: the straight-line
// distance and whether the placement is inside the council's own area, as the SSDA903 return
// derives them (returns.md 2.1: PL_DISTANCE, PL_LA, PL_LOCATION) and the children-in-care dashboard
// counts them.
//
// A postcode is located by its Ordnance Survey grid reference and the upper-tier local authority it
// lies in, from the ONS postcode directory (store/postcode_directory.h). When only its district is
// known, the district's centre stands in for it.
//
// Thread safety: pure functions.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace safeguard {

// An Ordnance Survey National Grid reference, in metres.
struct GridReference {
  int64_t easting = 0;
  int64_t northing = 0;
  bool operator==(const GridReference&) const = default;
};

// The straight-line distance in miles, to one decimal, as PL_DISTANCE: metres / 1000 / 1.6093.
double miles_between(GridReference a, GridReference b);

// The DfE's measure of a placement far from home: more than 20 miles.
inline constexpr double kFarFromHomeMiles = 20.0;

struct PostcodeLocation {
  GridReference grid;
  std::string authority;       // the upper-tier authority's ONS code, or SCO, WAL, NIR (PL_LA)
  bool district_only = false;  // located by the centre of its postcode district
};

// True for an English upper-tier authority's ONS code: E06 (unitary), E08 (metropolitan district),
// E09 (London borough) or E10 (county), then six digits.
bool is_authority_code(std::string_view code);

// The upper-tier authority of a postcode from the ONS postcode directory's country (ctry), county
// (oscty) and district (oslaua) codes: SCO, WAL or NIR outside England; the county where there is
// one, otherwise the district (a unitary authority, metropolitan district or London borough).
// Empty for a code the return has no place for (the Channel Islands, the Isle of Man).
std::string upper_tier_authority(std::string_view country, std::string_view county,
                                 std::string_view district);

// Where a placement is, seen from home and from the council.
struct PlacementLocation {
  std::optional<double> miles;  // none unless both postcodes are located
  std::string authority;        // PL_LA; empty when the placement's postcode is not located
  std::optional<bool>
      out_of_area;  // PL_LOCATION OUT; none when the placement or the council's code is not known
};

PlacementLocation placement_location(const std::optional<PostcodeLocation>& home,
                                     const std::optional<PostcodeLocation>& placement,
                                     std::string_view council_authority);

}  // namespace safeguard
