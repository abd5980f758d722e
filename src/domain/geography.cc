#include "domain/geography.h"

#include <cmath>

namespace safeguard {

double miles_between(GridReference a, GridReference b) {
  const double de = static_cast<double>(a.easting - b.easting);
  const double dn = static_cast<double>(a.northing - b.northing);
  const double miles = std::sqrt(de * de + dn * dn) / 1000.0 / 1.6093;
  return std::round(miles * 10.0) / 10.0;
}

bool is_authority_code(std::string_view code) {
  if (code.size() != 9) return false;
  const std::string_view prefix = code.substr(0, 3);
  if (prefix != "E06" && prefix != "E08" && prefix != "E09" && prefix != "E10") return false;
  for (size_t i = 3; i < code.size(); ++i) {
    if (code[i] < '0' || code[i] > '9') return false;
  }
  return true;
}

std::string upper_tier_authority(std::string_view country, std::string_view county,
                                 std::string_view district) {
  if (country == "S92000003") return "SCO";
  if (country == "W92000004") return "WAL";
  if (country == "N92000002") return "NIR";
  if (!country.empty() && country != "E92000001") return "";
  if (is_authority_code(county)) return std::string(county);
  if (is_authority_code(district)) return std::string(district);
  return "";
}

PlacementLocation placement_location(const std::optional<PostcodeLocation>& home,
                                     const std::optional<PostcodeLocation>& placement,
                                     std::string_view council_authority) {
  PlacementLocation out;
  if (!placement) return out;
  out.authority = placement->authority;
  if (home) out.miles = miles_between(home->grid, placement->grid);
  if (!council_authority.empty() && !out.authority.empty())
    out.out_of_area = out.authority != council_authority;
  return out;
}

}  // namespace safeguard
