#include "store/postcode_directory.h"

#include <map>
#include <string>

#include "domain/identifiers.h"

namespace safeguard {

void PostcodeDirectory::clear() {
  db_.execute("DELETE FROM postcode_locations");
  db_.execute("DELETE FROM postcode_district_locations");
}

void PostcodeDirectory::add_postcode(std::string_view postcode, std::string_view district,
                                     const PostcodeLocation& at) {
  db_.execute(
      "INSERT INTO postcode_locations (postcode, district, authority, easting, northing) VALUES (?, ?, ?, ?, "
      "?)"
      " ON CONFLICT (postcode) DO UPDATE SET district = excluded.district, authority = excluded.authority,"
      " easting = excluded.easting, northing = excluded.northing",
      {sql_text(postcode), sql_text(district), sql_text(at.authority), sql_int(at.grid.easting),
       sql_int(at.grid.northing)});
}

void PostcodeDirectory::set_district(std::string_view district, const PostcodeLocation& centre) {
  db_.execute(
      "INSERT INTO postcode_district_locations (district, authority, easting, northing) VALUES (?, ?, ?, ?)"
      " ON CONFLICT (district) DO UPDATE SET authority = excluded.authority, easting = excluded.easting,"
      " northing = excluded.northing",
      {sql_text(district), sql_text(centre.authority), sql_int(centre.grid.easting),
       sql_int(centre.grid.northing)});
}

void PostcodeDirectory::compute_districts() {
  struct Centre {
    int64_t postcodes = 0;
    int64_t easting = 0;
    int64_t northing = 0;
    std::string authority;
    int64_t authority_postcodes = 0;  // how many of its postcodes lie in `authority`
  };
  std::map<std::string, Centre> centres;
  for (const SqlRow& row :
       db_.query("SELECT district, authority, COUNT(*), SUM(easting), SUM(northing) FROM postcode_locations"
                 " GROUP BY district, authority ORDER BY district, authority")) {
    Centre& c = centres[row.text(0)];
    const int64_t n = row.integer(2);
    c.postcodes += n;
    c.easting += row.integer(3);
    c.northing += row.integer(4);
    if (n > c.authority_postcodes) {
      c.authority = row.text(1);
      c.authority_postcodes = n;
    }
  }
  for (const auto& [district, c] : centres) {
    set_district(district, {{c.easting / c.postcodes, c.northing / c.postcodes}, c.authority, true});
  }
}

std::optional<PostcodeLocation> PostcodeDirectory::locate(std::string_view postcode) {
  const std::string normal = normalise_postcode(postcode);
  if (is_valid_postcode(normal)) {
    const auto rows = db_.query(
        "SELECT authority, easting, northing FROM postcode_locations WHERE postcode = ?", {sql_text(normal)});
    if (!rows.empty())
      return PostcodeLocation{{rows[0].integer(1), rows[0].integer(2)}, rows[0].text(0), false};
  }
  const std::string district = postcode_district(normal);
  if (district.empty()) return std::nullopt;
  const auto rows =
      db_.query("SELECT authority, easting, northing FROM postcode_district_locations WHERE district = ?",
                {sql_text(district)});
  if (rows.empty()) return std::nullopt;
  return PostcodeLocation{{rows[0].integer(1), rows[0].integer(2)}, rows[0].text(0), true};
}

PostcodeDirectory::Size PostcodeDirectory::size() {
  Size out;
  out.postcodes = db_.query("SELECT COUNT(*) FROM postcode_locations")[0].integer(0);
  out.districts = db_.query("SELECT COUNT(*) FROM postcode_district_locations")[0].integer(0);
  return out;
}

}  // namespace safeguard
