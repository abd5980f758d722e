#include "synth/places.h"

#include <array>
#include <map>
#include <ostream>
#include <set>
#include <span>
#include <string_view>
#include <vector>

#include "core/text.h"
#include "domain/identifiers.h"

namespace safeguard::synth {
namespace {

struct District {
  std::string_view town;      // the postal town
  std::string_view district;  // the outward code
  double weight;              // share of the county's families, roughly
  GridReference centre;       // roughly the district's middle, from the map
};

// Norfolk's postal towns and their districts. Norwich's urban districts carry the most families;
// Great Yarmouth, King's Lynn and Thetford have more families known to children's services than
// their size alone would give.
constexpr District kDistricts[] = {
    {"Norwich", "NR1", 4.5, {624000, 308000}},
    {"Norwich", "NR2", 4.0, {622000, 308500}},
    {"Norwich", "NR3", 5.5, {622500, 310500}},
    {"Norwich", "NR4", 3.0, {620500, 306000}},
    {"Norwich", "NR5", 4.5, {618500, 309500}},
    {"Norwich", "NR6", 3.5, {622000, 312000}},
    {"Norwich", "NR7", 3.5, {626000, 310500}},
    {"Norwich", "NR8", 2.5, {617500, 313000}},
    {"Norwich", "NR9", 1.0, {610000, 310000}},
    {"Norwich", "NR10", 1.0, {618000, 320000}},
    {"Norwich", "NR12", 1.2, {630000, 318000}},
    {"Norwich", "NR13", 1.3, {633000, 310000}},
    {"Norwich", "NR14", 1.2, {630000, 302000}},
    {"Norwich", "NR15", 1.0, {622000, 295000}},
    {"Norwich", "NR16", 0.6, {603000, 290000}},
    {"Great Yarmouth", "NR29", 1.2, {645000, 317000}},
    {"Great Yarmouth", "NR30", 6.5, {652500, 308000}},
    {"Great Yarmouth", "NR31", 5.5, {651500, 304500}},
    {"King's Lynn", "PE30", 7.0, {563000, 320000}},
    {"King's Lynn", "PE31", 1.2, {575000, 330000}},
    {"King's Lynn", "PE32", 1.0, {575000, 317000}},
    {"King's Lynn", "PE33", 1.2, {565000, 305000}},
    {"King's Lynn", "PE34", 1.4, {555000, 316000}},
    {"Thetford", "IP24", 5.0, {587000, 283000}},
    {"Thetford", "IP25", 1.5, {593000, 302000}},
    {"Thetford", "IP26", 0.6, {578000, 298000}},
    {"Dereham", "NR19", 3.0, {599000, 313000}},
    {"Dereham", "NR20", 1.8, {603000, 320000}},
    {"Wymondham", "NR18", 2.3, {611000, 301500}},
    {"Attleborough", "NR17", 2.0, {604500, 295500}},
    {"Cromer", "NR27", 1.4, {621900, 342000}},
    {"Sheringham", "NR26", 0.8, {615500, 343000}},
    {"Holt", "NR25", 0.6, {608000, 339000}},
    {"Fakenham", "NR21", 1.6, {592000, 329500}},
    {"Walsingham", "NR22", 0.2, {593500, 336500}},
    {"Wells-next-the-Sea", "NR23", 0.3, {591500, 343500}},
    {"Melton Constable", "NR24", 0.3, {604000, 332500}},
    {"North Walsham", "NR28", 2.4, {628000, 330000}},
    {"Aylsham", "NR11", 1.5, {619000, 327000}},
    {"Diss", "IP22", 2.0, {611500, 280000}},
    {"Harleston", "IP20", 0.8, {624500, 283000}},
    {"Eye", "IP21", 0.2, {614500, 276500}},
    {"Swaffham", "PE37", 1.6, {581800, 308900}},
    {"Downham Market", "PE38", 2.0, {561000, 303000}},
    {"Hunstanton", "PE36", 1.0, {567500, 340800}},
};

// Where children are placed outside the county: nearby cities with children's homes and
// independent fostering agencies, each district's upper-tier authority and rough middle.
struct OutOfArea {
  std::string_view district;
  std::string_view authority;        // upper tier
  std::string_view local_authority;  // lower tier: the same for a unitary authority
  GridReference centre;
};
constexpr OutOfArea kOutOfArea[] = {
    {"PE1", "E06000031", "E06000031", {519500, 299500}},  // Peterborough
    {"CB4", "E10000003", "E07000008", {545500, 260500}},  // Cambridgeshire
    {"IP3", "E10000029", "E07000202", {618500, 242500}},  // Suffolk
    {"LN6", "E10000019", "E07000138", {495000, 369000}},  // Lincolnshire
    {"LE4", "E06000016", "E06000016", {459000, 307500}},  // Leicester
    {"NG7", "E06000018", "E06000018", {455500, 339500}},  // Nottingham
    {"MK9", "E06000042", "E06000042", {485500, 238500}},  // Milton Keynes
    {"CO4", "E10000012", "E07000071", {600500, 227000}},  // Essex
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

std::string out_of_area_postcode(Rng& rng) {
  std::string out(kOutOfArea[rng.below(std::size(kOutOfArea))].district);
  out += ' ';
  out += static_cast<char>('1' + rng.below(9));
  static constexpr std::string_view kLetters = "ABDEFGHJLNPQRSTUWXY";
  out += kLetters[rng.below(kLetters.size())];
  out += kLetters[rng.below(kLetters.size())];
  return out;
}

// The Norfolk district council (lower-tier authority) a synthetic district lies in, roughly.
std::string_view norfolk_district_council(std::string_view town, std::string_view district) {
  if (town == "Norwich") {
    if (one_of(district, {"NR8", "NR10", "NR12", "NR13"})) return "E07000144";  // Broadland
    if (one_of(district, {"NR9", "NR14", "NR15", "NR16"})) return "E07000149";  // South Norfolk
    return "E07000148";                                                         // Norwich
  }
  if (town == "Great Yarmouth") return "E07000145";
  if (one_of(town, {"King's Lynn", "Downham Market", "Hunstanton"})) return "E07000146";
  if (one_of(town, {"Thetford", "Dereham", "Attleborough", "Swaffham"})) return "E07000143";  // Breckland
  if (one_of(town, {"Wymondham", "Diss", "Harleston", "Eye"})) return "E07000149";            // South Norfolk
  if (town == "Aylsham") return "E07000144";                                                  // Broadland
  return "E07000147";                                                                         // North Norfolk
}

std::vector<SyntheticDistrict> postcode_districts() {
  std::vector<SyntheticDistrict> out;
  for (const District& d : kDistricts) {
    out.push_back({std::string(d.district), std::string(kCounty),
                   std::string(norfolk_district_council(d.town, d.district)), d.centre});
  }
  for (const OutOfArea& d : kOutOfArea) {
    out.push_back(
        {std::string(d.district), std::string(d.authority), std::string(d.local_authority), d.centre});
  }
  return out;
}

void write_postcode_directory(const std::vector<std::string>& postcodes, std::ostream& out) {
  std::map<std::string, SyntheticDistrict> by_district;
  for (SyntheticDistrict& d : postcode_districts()) by_district.emplace(d.district, std::move(d));
  std::set<std::string> written;
  out << "pcd,oseast1m,osnrth1m,laua,cty,ctry\n";
  for (const std::string& text : postcodes) {
    const std::string postcode = normalise_postcode(text);
    const auto it = by_district.find(postcode_district(postcode));
    if (it == by_district.end() || !written.insert(postcode).second) continue;
    const SyntheticDistrict& d = it->second;
    const bool county = d.authority.starts_with("E10");
    out << postcode << ',' << d.centre.easting << ',' << d.centre.northing << ',' << d.local_authority << ','
        << (county ? d.authority : "E99999999") << ",E92000001\n";
  }
}

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
