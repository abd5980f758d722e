// Reading the ONS postcode directory's CSV file (ONSPD or NSPL, published quarterly under the Open
// Government Licence): each postcode's grid reference, district and upper-tier local authority. The
// administrator's import (app/postcodes.h) and the SSDA903 validator's --postcodes
// (returns/ssda903_lookups.h) read it the same way.
//
// Thread safety: pure functions of their stream.
#pragma once

#include <functional>
#include <istream>
#include <optional>
#include <string>
#include <string_view>

#include "core/result.h"
#include "domain/geography.h"

namespace safeguard {

// One postcode of the file.
struct DirectoryPostcode {
  std::string postcode;               // as normalise_postcode writes it, "NR1 0RF"
  std::string district;               // its outward code, "NR1"
  std::optional<GridReference> grid;  // none where the directory leaves it blank
  std::string local_authority;        // the lower-tier authority (oslaua or laua), e.g. E07000148
  std::string authority;              // upper_tier_authority of it; empty outside the return's places
};

// Reads the file, whose header row names pcds (or pcd), oseast1m, osnrth1m, oslaua (or laua), and
// optionally oscty (or cty) and ctry, calling `each` for every postcode; stops at the first error
// `each` returns. `source` names the file in messages, which give the line and column at fault.
Status read_postcode_file(std::istream& in, std::string_view source,
                          const std::function<Status(const DirectoryPostcode&)>& each);

}  // namespace safeguard
