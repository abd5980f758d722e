// How alike a recorded person is to what someone typed: the scoring behind person search and the
// "likely matches" offered before a new person is created. Pure: the store finds candidates by
// phonetic key, date of birth, postcode and identifier; this ranks them.
//
// A name matches token by token, each query token against the best of the person's name tokens
// (current and previous names, forenames, middle names and surname): exact, the same phonetic key
// (Smyth/Smith), a prefix of at least two letters (Kath/Katherine), or a close spelling by
// Jaro-Winkler. A date of birth matches exactly, or nearly (day and month swapped, one digit
// off), which still counts for something because dates are often mistyped.
//
// Thread safety: pure functions.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/date.h"

namespace safeguard {

struct NameToken {
  std::string token;  // normalised (normalise_name)
  std::string key;    // phonetic_key(token)
  char part = 'f';    // 'f' forename, 'm' middle name, 's' surname
  bool is_current = true;
};

struct MatchQuery {
  std::vector<std::string> name_tokens;  // normalised
  std::optional<Date> date_of_birth;
  std::string postcode;  // normalised, empty if not given
};

struct MatchCandidate {
  std::vector<NameToken> names;
  std::optional<Date> date_of_birth;   // or expected date of birth
  std::vector<std::string> postcodes;  // every address's postcode, normalised
};

struct MatchScore {
  double score = 0;                 // 0..1: how sure we are this is the person meant
  double name = 0;                  // 0..1, 0 when no name was asked for
  bool date_of_birth = false;       // exact
  bool near_date_of_birth = false;  // transposed or one digit off
  bool postcode = false;
  std::vector<std::string> reasons;  // "name", "date of birth", "postcode": what matched, for people
};

MatchScore score_match(const MatchQuery& query, const MatchCandidate& candidate);

// Two dates that are plausibly the same date mistyped: day and month swapped, or one digit of
// the ISO form different.
bool is_near_date(Date a, Date b);

// The score at which a person is shown as a likely match before a new record is created.
inline constexpr double kLikelyMatchScore = 0.6;

}  // namespace safeguard
