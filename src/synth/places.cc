#include "synth/places.h"

#include <array>
#include <span>
#include <string_view>

#include "domain/identifiers.h"

namespace safeguard::synth {
namespace {

struct District {
  std::string_view town;      // the postal town
  std::string_view district;  // the outward code
  double weight;              // share of the county's families, roughly
};

// Norfolk's postal towns and their districts. Norwich's urban districts carry the most families;
// Great Yarmouth, King's Lynn and Thetford have more families known to children's services than
// their size alone would give.
constexpr District kDistricts[] = {
    {"Norwich", "NR1", 4.5},
    {"Norwich", "NR2", 4.0},
    {"Norwich", "NR3", 5.5},
    {"Norwich", "NR4", 3.0},
    {"Norwich", "NR5", 4.5},
    {"Norwich", "NR6", 3.5},
    {"Norwich", "NR7", 3.5},
    {"Norwich", "NR8", 2.5},
    {"Norwich", "NR9", 1.0},
    {"Norwich", "NR10", 1.0},
    {"Norwich", "NR12", 1.2},
    {"Norwich", "NR13", 1.3},
    {"Norwich", "NR14", 1.2},
    {"Norwich", "NR15", 1.0},
    {"Norwich", "NR16", 0.6},
    {"Great Yarmouth", "NR29", 1.2},
    {"Great Yarmouth", "NR30", 6.5},
    {"Great Yarmouth", "NR31", 5.5},
    {"King's Lynn", "PE30", 7.0},
    {"King's Lynn", "PE31", 1.2},
    {"King's Lynn", "PE32", 1.0},
    {"King's Lynn", "PE33", 1.2},
    {"King's Lynn", "PE34", 1.4},
    {"Thetford", "IP24", 5.0},
    {"Thetford", "IP25", 1.5},
    {"Thetford", "IP26", 0.6},
    {"Dereham", "NR19", 3.0},
    {"Dereham", "NR20", 1.8},
    {"Wymondham", "NR18", 2.3},
    {"Attleborough", "NR17", 2.0},
    {"Cromer", "NR27", 1.4},
    {"Sheringham", "NR26", 0.8},
    {"Holt", "NR25", 0.6},
    {"Fakenham", "NR21", 1.6},
    {"Walsingham", "NR22", 0.2},
    {"Wells-next-the-Sea", "NR23", 0.3},
    {"Melton Constable", "NR24", 0.3},
    {"North Walsham", "NR28", 2.4},
    {"Aylsham", "NR11", 1.5},
    {"Diss", "IP22", 2.0},
    {"Harleston", "IP20", 0.8},
    {"Eye", "IP21", 0.2},
    {"Swaffham", "PE37", 1.6},
    {"Downham Market", "PE38", 2.0},
    {"Hunstanton", "PE36", 1.0},
};

constexpr std::string_view kStreetStems[] = {
    "Mill",        "Church",     "Station",   "Orchard",    "Chapel",   "Beech",       "Oak",
    "Willow",      "Rectory",    "Manor",     "Hall",       "Park",     "School",      "Victoria",
    "Albert",      "Nelson",     "Wherry",    "Marsh",      "Broad",    "Heath",       "Common",
    "Meadow",      "Field",      "Barley",    "Poppy",      "Lavender", "Saxon",       "Priory",
    "Abbey",       "Bishop",     "Market",    "Bridge",     "River",    "Yare",        "Wensum",
    "Bure",        "Waveney",    "Ouse",      "Nar",        "Thet",     "Hawthorn",    "Elm",
    "Ash",         "Rowan",      "Hazel",     "Chestnut",   "Sycamore", "Holly",       "Laurel",
    "Juniper",     "Kingfisher", "Heron",     "Swallow",    "Lapwing",  "Skylark",     "Wren",
    "Robin",       "Bittern",    "Avocet",    "Curlew",     "Windmill", "Granary",     "Maltings",
    "Forge",       "Tannery",    "Brewery",   "Quay",       "Harbour",  "Sandpit",     "Clay",
    "Gurney",      "Paston",     "Coke",      "Walpole",    "Howard",   "Bolingbroke", "Cavell",
    "Sewell",      "Julian",     "Boudicca",  "Greenfield", "Longacre", "Fairfield",   "Highfield",
    "Springfield", "Westfield",  "Northgate", "Southgate",  "Eastgate", "Pightle",
};

constexpr std::string_view kStreetKinds[] = {
    "Road",    "Road",     "Road",   "Lane", "Lane",  "Street", "Close", "Close", "Way",  "Drive",
    "Gardens", "Crescent", "Avenue", "Walk", "Place", "Row",    "Rise",  "Green", "Mews", "View",
};

constexpr std::string_view kBlockKinds[] = {"Court", "House", "Lodge", "Court", "Heights"};

// Letters Royal Mail uses in the inward code (never C, I, K, M, O or V).
constexpr std::string_view kInwardLetters = "ABDEFGHJLNPQRSTUWXYZ";

std::string inward_code(Rng& rng) {
  std::string code;
  code += static_cast<char>('0' + rng.below(10));
  code += kInwardLetters[rng.below(kInwardLetters.size())];
  code += kInwardLetters[rng.below(kInwardLetters.size())];
  return code;
}

std::string street(Rng& rng) {
  return std::string(rng.pick(std::span<const std::string_view>(kStreetStems))) + " " +
         std::string(rng.pick(std::span<const std::string_view>(kStreetKinds)));
}

PlannedAddress address_in(Rng& rng, const District& d) {
  PlannedAddress a;
  a.town = std::string(d.town);
  const std::string road = street(rng);
  if (rng.chance(0.22)) {
    // A flat: the block's name on the first line, the street on the second.
    const std::string block = std::string(rng.pick(std::span<const std::string_view>(kStreetStems))) + " " +
                              std::string(rng.pick(std::span<const std::string_view>(kBlockKinds)));
    a.line1 = "Flat " + std::to_string(rng.between(1, 40)) + ", " + block;
    a.line2 = road;
  } else {
    a.line1 = std::to_string(rng.between(1, rng.chance(0.8) ? 80 : 240)) + " " + road;
  }
  // Every district here is a valid outward code, and every inward code built above is valid,
  // so one draw always passes; the loop guards a future edit of the lists.
  for (int attempt = 0; attempt < 8; ++attempt) {
    a.postcode = std::string(d.district) + " " + inward_code(rng);
    if (is_valid_postcode(a.postcode)) break;
  }
  return a;
}

const District& random_district(Rng& rng) {
  std::array<double, std::size(kDistricts)> weights{};
  for (size_t i = 0; i < std::size(kDistricts); ++i) weights[i] = kDistricts[i].weight;
  return kDistricts[rng.weighted(weights)];
}

}  // namespace

PlannedAddress random_address(Rng& rng) { return address_in(rng, random_district(rng)); }

PlannedAddress nearby_address(Rng& rng, const PlannedAddress& near) {
  if (rng.chance(0.65)) {
    std::array<double, std::size(kDistricts)> weights{};
    for (size_t i = 0; i < std::size(kDistricts); ++i) {
      weights[i] = kDistricts[i].town == near.town ? kDistricts[i].weight : 0.0;
    }
    double total = 0;
    for (const double w : weights) total += w;
    if (total > 0) return address_in(rng, kDistricts[rng.weighted(weights)]);
  }
  return random_address(rng);
}

}  // namespace safeguard::synth
