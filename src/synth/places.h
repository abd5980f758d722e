// Where the synthetic council's families live: Norfolk's towns with their real postcode districts,
// weighted roughly by how many of the county's children live there, and invented street names with
// random inward codes; where children are placed out of the county; and a postcode directory of
// those districts' rough centres, so distances and areas can be worked out. Every postcode made passes
// is_valid_postcode; none is meant to be a real address (a street of the same name may exist, but the number,
// street and postcode together are chance).
//
// Thread safety: immutable data and functions of an Rng the caller owns.
#pragma once

#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "domain/geography.h"
#include "synth/random.h"

namespace safeguard::synth {

struct PlannedAddress {
  std::string line1;
  std::string line2;
  std::string town;
  std::string postcode;
};

// An address anywhere in the county.
PlannedAddress random_address(Rng& rng);
// A postcode in a city outside the county where children are placed.
std::string out_of_area_postcode(Rng& rng);

// The synthetic council's own ONS code (Norfolk's, whose postcode districts it uses).
inline constexpr std::string_view kCounty = "E10000020";

// The postcode directory the synthetic council comes with: every district its addresses and
// placements use, with its authority and rough centre (every postcode made is located by its
// district).
struct SyntheticDistrict {
  std::string district;
  std::string authority;        // upper tier (PL_LA)
  std::string local_authority;  // lower tier (the directory's laua)
  GridReference centre;
};
std::vector<SyntheticDistrict> postcode_districts();

// The synthetic council's postcode directory as the ONS postcode directory's CSV file (the columns
// pcd, oseast1m, osnrth1m, laua, cty and ctry), for these postcodes, each at its district's centre.
// A postcode of a district the council does not use is left out, as the real directory leaves out
// postcodes that do not exist. For checking a synthetic SSDA903 return (validate 903 --postcodes).
void write_postcode_directory(const std::vector<std::string>& postcodes, std::ostream& out);
// An address in the same town as `near` most of the time (people mostly move locally).
PlannedAddress nearby_address(Rng& rng, const PlannedAddress& near);

}  // namespace safeguard::synth
