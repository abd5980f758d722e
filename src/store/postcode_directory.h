// The postcode directory: each postcode's grid reference and upper-tier local authority, imported
// from the ONS postcode directory (app/postcodes.h), and each postcode district's centre for a
// postcode the directory does not hold. It locates a child's home and placement for the distance
// and the placement's area (domain/geography.h).
//
// Thread safety: one object per connection. Methods throw SqlError.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

#include "domain/geography.h"
#include "store/sql.h"

namespace safeguard {

class PostcodeDirectory {
 public:
  explicit PostcodeDirectory(SqlConnection& db) : db_(db) {}

  // Empties the directory (before a full import).
  void clear();
  // Adds or replaces a postcode (normalised, "NR1 4AB") and its district ("NR1").
  void add_postcode(std::string_view postcode, std::string_view district, const PostcodeLocation& at);
  // Sets a district's centre directly (a directory that knows districts only).
  void set_district(std::string_view district, const PostcodeLocation& centre);
  // Works out every district's centre from its postcodes: their mean grid reference and the
  // authority most of them lie in. Districts with no postcodes keep a centre set directly.
  void compute_districts();

  // The postcode's location; its district's centre (district_only) when the postcode itself is not
  // held; none when neither is, or the text is not a postcode.
  std::optional<PostcodeLocation> locate(std::string_view postcode);

  struct Size {
    int64_t postcodes = 0;
    int64_t districts = 0;
  };
  Size size();

 private:
  SqlConnection& db_;
};

}  // namespace safeguard
