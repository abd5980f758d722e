// Randomness for the synthetic council: a counter-based generator, so that every household draws
// from its own stream keyed by (seed, household number, purpose) and nothing else. The same seed
// gives the same council on any machine, whatever was generated before or beside it, and changing
// how one purpose draws (say, names) leaves every other purpose's draws as they were.
//
// SplitMix64 (Steele, Lea and Flood, 2014) is small, fast and passes BigCrush; it is not for
// secrets, and nothing here needs it to be. Never seeded from the operating system or the time.
//
// Thread safety: an Rng is a value; give each thread its own.
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>

namespace safeguard::synth {

// One step of SplitMix64's output function: a bijective mix of 64 bits.
constexpr uint64_t mix64(uint64_t x) {
  x += 0x9e3779b97f4a7c15ULL;
  x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ULL;
  x = (x ^ (x >> 27)) * 0x94d049bb133111ebULL;
  return x ^ (x >> 31);
}

// What a stream of numbers is for. Values are part of the council's identity: renumbering one
// changes every council generated with any seed.
enum class Purpose : uint64_t {
  kShape = 1,            // who lives in the household
  kPeople = 2,           // names, dates of birth, characteristics
  kPlaces = 3,           // addresses
  kIdentifiers = 4,      // NHS numbers and UPNs
  kLife = 5,             // moves, marriages, births, deaths, corrections
  kTimes = 6,            // when things were recorded, and by whom
  kWorkforce = 7,        // the demo users
  kSample = 8,           // the inspection sample
  kFrontDoor = 9,        // when contacts come, from whom, about what, and what the front door decides
  kFrontDoorText = 10,   // the words: callers' concerns, rationales, partners' answers, referrers
  kFrontDoorTimes = 11,  // when the front door, managers and partners act on a contact
  kEpisodes = 12,        // when Children in Need episodes close, and why
  kAssessments = 13,     // how single assessments run: when seen, how long, what they find
  kProtection = 14,      // strategy discussions, enquiries, conferences, plans, visits and supervision
  kCare = 15,            // who comes into care, placements, moves, reviews, visits, missing, exploitation
  kHealth = 16,          // health checks, SDQs, education plans, substance misuse and convictions in care
  kPermanence = 17,      // adoption decisions and matches, previous permanence
  kLeavingCare = 18,     // pathway plans, personal advisers and care leavers' contacts
  kUnaccompanied = 19,   // which households are an unaccompanied asylum-seeking child, and who they are
};

class Rng {
 public:
  Rng(uint64_t seed, uint64_t key, Purpose purpose)
      : state_(mix64(mix64(mix64(seed) ^ key) ^ static_cast<uint64_t>(purpose))) {}

  uint64_t next() {
    state_ += 0x9e3779b97f4a7c15ULL;
    uint64_t z = state_;
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
  }

  // Uniform in [0, n); n > 0. The modulo bias is below 2^-40 for every n used here.
  uint64_t below(uint64_t n) { return next() % n; }

  // Uniform in [lo, hi], both included; lo <= hi.
  int between(int lo, int hi) { return lo + static_cast<int>(below(static_cast<uint64_t>(hi - lo) + 1)); }

  // Uniform in [0, 1).
  double uniform() { return static_cast<double>(next() >> 11) * (1.0 / 9007199254740992.0); }

  bool chance(double p) { return uniform() < p; }

  // The index of one weight, chosen in proportion to the weights (which need not sum to 1).
  size_t weighted(std::span<const double> weights) {
    double total = 0;
    for (const double w : weights) total += w;
    double x = uniform() * total;
    for (size_t i = 0; i < weights.size(); ++i) {
      if (x < weights[i]) return i;
      x -= weights[i];
    }
    return weights.size() - 1;
  }

  template <class T>
  const T& pick(std::span<const T> items) {
    return items[below(items.size())];
  }

 private:
  uint64_t state_;
};

}  // namespace safeguard::synth
