// Where the synthetic council's families live: Norfolk's towns with their real postcode districts,
// weighted roughly by how many of the county's children live there, and invented street names with
// random inward codes. Every postcode made passes is_valid_postcode; none is meant to be a real
// address (a street of the same name may exist, but the number, street and postcode together are
// chance).
//
// Thread safety: immutable data and functions of an Rng the caller owns.
#pragma once

#include <string>

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
// An address in the same town as `near` most of the time (people mostly move locally).
PlannedAddress nearby_address(Rng& rng, const PlannedAddress& near);

}  // namespace safeguard::synth
