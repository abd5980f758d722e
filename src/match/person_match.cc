#include "match/person_match.h"

#include <algorithm>

#include "match/names.h"

namespace safeguard {
namespace {

// How well one typed token matches one recorded token. A shared phonetic key alone is weak evidence
// (the key ignores most vowels: Moore and Marie share one), so it counts for more the closer the
// spellings are; a middle name is a less likely thing to search by than a forename or surname.
double token_score(const std::string& typed, const std::string& typed_key, const NameToken& recorded) {
  double score = 0;
  if (typed == recorded.token) {
    score = 1.0;
  } else if (typed.size() >= 2 && recorded.token.starts_with(typed)) {
    score = 0.88;
  } else {
    const double similarity = name_similarity(typed, recorded.token);
    if (!typed_key.empty() && typed_key == recorded.key) {
      score = 0.7 + 0.25 * similarity;
    } else if (similarity >= 0.85) {
      score = similarity * 0.9;
    }
  }
  return recorded.part == 'm' ? score * 0.85 : score;
}

}  // namespace

bool is_near_date(Date a, Date b) {
  if (a == b) return false;
  if (a.year() == b.year() && a.month() == b.day() && a.day() == b.month()) return true;
  const std::string x = a.iso();
  const std::string y = b.iso();
  int differences = 0;
  for (size_t i = 0; i < x.size(); ++i) differences += x[i] != y[i] ? 1 : 0;
  return differences == 1;
}

MatchScore score_match(const MatchQuery& query, const MatchCandidate& candidate) {
  MatchScore result;
  double total = 0;
  double weight = 0;
  if (!query.name_tokens.empty()) {
    double sum = 0;
    for (const std::string& typed : query.name_tokens) {
      const std::string key = phonetic_key(typed);
      double best = 0;
      for (const NameToken& recorded : candidate.names) {
        // A previous name is still the person, but weighs a little less than the current one.
        const double s = token_score(typed, key, recorded) * (recorded.is_current ? 1.0 : 0.95);
        best = std::max(best, s);
      }
      sum += best;
    }
    result.name = sum / static_cast<double>(query.name_tokens.size());
    total += result.name * 0.6;
    weight += 0.6;
    if (result.name >= 0.8) result.reasons.emplace_back("name");
  }
  if (query.date_of_birth) {
    double s = 0;
    if (candidate.date_of_birth && *candidate.date_of_birth == *query.date_of_birth) {
      s = 1.0;
      result.date_of_birth = true;
      result.reasons.emplace_back("date of birth");
    } else if (candidate.date_of_birth && is_near_date(*candidate.date_of_birth, *query.date_of_birth)) {
      s = 0.5;
      result.near_date_of_birth = true;
      result.reasons.emplace_back("similar date of birth");
    }
    total += s * 0.3;
    weight += 0.3;
  }
  if (!query.postcode.empty()) {
    double s = 0;
    if (std::find(candidate.postcodes.begin(), candidate.postcodes.end(), query.postcode) !=
        candidate.postcodes.end()) {
      s = 1.0;
      result.postcode = true;
      result.reasons.emplace_back("postcode");
    }
    total += s * 0.1;
    weight += 0.1;
  }
  result.score = weight > 0 ? total / weight : 0;
  return result;
}

}  // namespace safeguard
