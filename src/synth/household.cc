#include "synth/household.h"

#include <algorithm>
#include <array>
#include <cstdio>
#include <cstdlib>
#include <span>

#include "domain/identifiers.h"
#include "synth/front_door_plan.h"
#include "synth/office_time.h"

namespace safeguard::synth {
namespace {

// ---- dates and times ----

Date random_date(Rng& rng, Date lo, Date hi) {
  if (hi <= lo) return lo;
  return lo + static_cast<int32_t>(rng.below(static_cast<uint64_t>(hi - lo) + 1));
}

// The instant at a wall-clock time in London on a date. Times here are in the day, far from the
// 01:00 UTC clock changes, so the offset at the same reading taken as UTC is the right one.
Timestamp london_time(Date date, int hour, int minute, int second) {
  const Timestamp as_utc = Timestamp::from_date_time(date, hour, minute, second);
  return as_utc.plus_seconds(-int64_t{london_utc_offset_minutes(as_utc)} * 60);
}

// When a worker sits down to record something on a working day.
Timestamp office_time(Rng& rng, Date date) {
  const int minutes = rng.between(8 * 60 + 40, 16 * 60 + 30);
  return london_time(date, minutes / 60, minutes % 60, rng.between(0, 59));
}

// ---- typing errors, corrected later ----

bool is_plain_ascii_name(const std::string& name) {
  if (name.size() < 3) return false;
  return std::all_of(name.begin(), name.end(),
                     [](char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); });
}

bool is_vowel(char c) { return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u'; }

std::optional<std::string> name_typo(Rng& rng, const std::string& name) {
  if (!is_plain_ascii_name(name)) return std::nullopt;
  for (int attempt = 0; attempt < 10; ++attempt) {
    std::string typed = name;
    const size_t n = name.size();
    switch (rng.below(4)) {
      case 0: {  // two letters swapped
        const size_t i = 1 + rng.below(n - 2);
        std::swap(typed[i], typed[i + 1]);
        break;
      }
      case 1: {  // a letter doubled
        const size_t i = 1 + rng.below(n - 1);
        typed.insert(i, 1, typed[i]);
        break;
      }
      case 2: {  // a letter dropped
        if (n < 4) continue;
        typed.erase(1 + rng.below(n - 1), 1);
        break;
      }
      default: {  // the wrong vowel
        const size_t i = 1 + rng.below(n - 1);
        if (!is_vowel(typed[i])) continue;
        static constexpr char kVowels[] = {'a', 'e', 'i', 'o', 'u'};
        typed[i] = kVowels[rng.below(5)];
        break;
      }
    }
    if (typed != name) return typed;
  }
  return std::nullopt;
}

std::optional<Date> date_typo(Rng& rng, Date born, Date latest) {
  for (int attempt = 0; attempt < 6; ++attempt) {
    Date typed = born;
    switch (rng.below(3)) {
      case 0:  // day and month swapped
        if (born.day() > 12 || born.day() == born.month()) continue;
        typed = Date::from_ymd(born.year(), born.day(), born.month());
        break;
      case 1:
        typed = born + (rng.chance(0.5) ? 1 : -1) * rng.between(1, 3);
        break;
      default:
        typed = add_years(born, rng.chance(0.5) ? 1 : -1);
        break;
    }
    if (typed != born && typed <= latest && typed >= Date::from_ymd(1900, 1, 2)) return typed;
  }
  return std::nullopt;
}

constexpr std::string_view kChildDateReasons[] = {
    "Date of birth confirmed by the school", "Date of birth confirmed by the health visitor",
    "Date of birth checked against the birth certificate", "Date of birth confirmed by the GP surgery"};
constexpr std::string_view kAdultDateReasons[] = {
    "Date of birth confirmed by the person at a home visit", "Date of birth checked against their passport",
    "Date of birth confirmed by police checks", "Date of birth checked against their driving licence"};
constexpr std::string_view kChildNameReasons[] = {
    "Spelling of the name confirmed by the school", "Spelling confirmed by the child's mother",
    "Name checked against the birth certificate", "Typing error when the contact was recorded"};
constexpr std::string_view kAdultNameReasons[] = {
    "Spelling of the name confirmed by the person", "Typing error when the contact was recorded",
    "Name checked against their passport", "Spelling confirmed by the GP surgery"};

std::string pick_reason(Rng& rng, std::span<const std::string_view> reasons) {
  return std::string(rng.pick(reasons));
}

// ---- the shape of a household ----

enum class Shape {
  kSingleMother,
  kSingleFather,
  kTwoParents,
  kMotherAndPartner,
  kGrandparents,
  kKinshipCarer
};

// A father's line of children: the surname the children carry and whose heritage they share.
struct FatherLine {
  Heritage heritage = Heritage::kBritish;
  std::string family;  // his family surname
  Date born;
  bool resident = false;
  bool recorded = false;
  // The children's surname: the father's, the mother's, or both joined.
  enum class ChildSurname { kFather, kMother, kDouble } child_surname = ChildSurname::kFather;
};

// A life event after the first contact, before its final day is fixed.
enum class LifeKind {
  kIndexBirth,
  kBabyUnborn,
  kBabyBirth,
  kBabyBorn,
  kMove,
  kMarriage,
  kCorrection,
  kDeath,
  kLaterUpn
};

struct LifeEvent {
  LifeKind kind;
  Date date;
  int member = -1;
  std::string field;              // corrections
  std::string value;              // corrections (names), identifiers
  std::optional<Date> true_date;  // corrections of a date of birth; the day of a death; a birth
  std::string reason;
};

LifeEvent life_event(LifeKind kind, Date date, int member = -1) {
  LifeEvent e{};
  e.kind = kind;
  e.date = date;
  e.member = member;
  return e;
}

bool fits_double_barrel(const std::string& a, const std::string& b) {
  return a != b && a.find_first_of(" -") == std::string::npos && b.find_first_of(" -") == std::string::npos;
}

}  // namespace

// ---- identifiers ----

std::string IdentifierPool::nhs_number(Rng& rng) {
  // 10^6 bodies in the test range, of which about 10/11 have a check digit: room for ~900,000 people.
  for (;;) {
    std::string digits = "999";
    for (int i = 0; i < 6; ++i) digits += static_cast<char>('0' + rng.below(10));
    int sum = 0;
    for (int i = 0; i < 9; ++i) sum += (digits[static_cast<size_t>(i)] - '0') * (10 - i);
    int check = 11 - sum % 11;
    if (check == 11) check = 0;
    if (check == 10) continue;
    digits += static_cast<char>('0' + check);
    if (!is_valid_nhs_number(digits)) continue;
    if (used_.insert(digits).second) return digits;
  }
}

std::string IdentifierPool::upn(Rng& rng, std::string_view la_number, Date born) {
  // Issued when the child started school: the September after their fourth birthday.
  const int entry_year = born.year() + 4 + (born.month() >= 9 ? 1 : 0);
  for (;;) {
    // Most children get theirs at a primary school (2xxx, 3xxx); a few arrive at secondary age.
    const int establishment = rng.chance(0.9) ? rng.between(2000, 3999) : rng.between(4000, 4999);
    char tail[16];
    std::snprintf(tail, sizeof tail, "%.3s%04d%02d%03d", std::string(la_number).c_str(), establishment,
                  entry_year % 100, static_cast<int>(rng.below(1000)));
    const auto letter = upn_check_letter(tail);
    if (!letter) continue;
    std::string value = std::string(1, *letter) + tail;
    if (is_valid_upn(value) && used_.insert(value).second) return value;
  }
}

// ---- planning ----

namespace {

// A young person who arrived in England alone and claimed asylum, found in the county by the police
// or sent by another council under the National Transfer Scheme: no family is recorded with them,
// the first contact is a referral, and they come into care at once (care_plan.cc). Mostly boys of 16
// or 17 from Afghanistan, Eritrea and Sudan, Iran and Iraq (Kurds), Syria and Somalia.
Household plan_unaccompanied(const PlanContext& context, int64_t number, IdentifierPool& identifiers,
                             Rng& rng) {
  const WorkingDayCalendar& calendar = *context.calendar;
  Household h;
  h.number = number;
  Date d0 = working_day_on_or_before(calendar, random_date(rng, context.first_day, context.last_day));
  if (d0 < context.first_day) d0 = working_day_on_or_after(calendar, context.first_day);
  const Timestamp t0 = office_time(rng, d0);

  static constexpr Heritage kOrigins[] = {Heritage::kAfghan, Heritage::kAfrican, Heritage::kKurdish,
                                          Heritage::kArab, Heritage::kSomali};
  static constexpr double kOriginWeights[] = {35, 30, 18, 10, 7};
  static constexpr int kAges[] = {17, 16, 15, 14};
  static constexpr double kAgeWeights[] = {45, 37, 12, 6};
  Member m;
  m.label = "young person";
  m.heritage = kOrigins[rng.weighted(kOriginWeights)];
  m.sex = rng.chance(0.93) ? 'M' : 'F';
  m.born = add_years(d0, -kAges[rng.weighted(kAgeWeights)]) - rng.between(1, 364);
  m.child = true;
  m.resident = true;
  m.unaccompanied = true;
  m.given_forename = forename(rng, m.heritage, m.sex, m.born.year());
  m.true_surname = family_surname(rng, m.heritage);
  PersonDetails& d = m.input.details;
  d.name = {m.given_forename, "", m.true_surname};
  d.date_of_birth = m.born;
  d.sex = std::string(1, m.sex);
  d.ethnicity = std::string(ethnicity_code(m.heritage));
  d.first_language = first_language(rng, m.heritage, false);
  d.religion = religion(rng, m.heritage);
  d.disabilities = {"NONE"};
  if (rng.chance(0.3)) m.input.identifiers.push_back({"nhs_number", identifiers.nhs_number(rng)});
  // Where they were found, or first stayed: their home postcode when care began.
  h.addresses.push_back(random_address(rng));
  const PlannedAddress& a = h.addresses[0];
  m.input.address = AddressInput{a.line1, a.line2, a.town, a.postcode, d0};
  h.members.push_back(std::move(m));
  h.fathers = {};

  Action record;
  record.kind = ActionKind::kRecord;
  record.member = 0;
  record.worker = static_cast<int>(rng.below(static_cast<uint64_t>(std::max(1, context.front_door_workers))));
  record.at = t0;
  h.actions.push_back(record);

  FrontDoorFamily family;
  family.recorded_on = {d0};
  family.dies = {false};
  family.index_child = 0;
  family.first_received_at = t0.plus_seconds(-rng.between(60, 600));
  family.first_recorded_at = t0.plus_seconds(rng.between(60, 240));
  family.first_worker = record.worker;
  family.town = a.town;
  family.unaccompanied = true;
  plan_front_door(context, h, family);
  std::stable_sort(h.actions.begin(), h.actions.end(),
                   [](const Action& x, const Action& y) { return x.at < y.at; });
  return h;
}

}  // namespace

Household plan_household(const PlanContext& context, int64_t number, IdentifierPool& identifiers) {
  const uint64_t key = static_cast<uint64_t>(number);
  // Drawn from its own stream, so that the other households are as they were without this one.
  Rng arrival(context.seed, key, Purpose::kUnaccompanied);
  if (arrival.chance(context.unaccompanied_chance))
    return plan_unaccompanied(context, number, identifiers, arrival);
  Rng shape_rng(context.seed, key, Purpose::kShape);
  Rng people(context.seed, key, Purpose::kPeople);
  Rng places(context.seed, key, Purpose::kPlaces);
  Rng ids(context.seed, key, Purpose::kIdentifiers);
  Rng life(context.seed, key, Purpose::kLife);
  Rng times(context.seed, key, Purpose::kTimes);
  const WorkingDayCalendar& calendar = *context.calendar;

  Household h;
  h.number = number;

  // ---- the first contact ----
  Date d0 = random_date(times, context.first_day, context.last_day);
  // The emergency duty team, evenings and weekends; never on the last day, so that a long evening
  // session cannot run past the end of the history.
  const bool out_of_hours = times.chance(0.04) && d0 < context.last_day;
  Timestamp t0;
  if (out_of_hours) {
    const int minutes = times.between(17 * 60 + 45, 22 * 60 + 30);
    t0 = london_time(d0, minutes / 60, minutes % 60, times.between(0, 59));
  } else {
    d0 = working_day_on_or_before(calendar, d0);
    if (d0 < context.first_day) d0 = working_day_on_or_after(calendar, context.first_day);
    t0 = office_time(times, d0);
  }

  // ---- the children: the one the contact is about, and their brothers and sisters ----
  static constexpr double kAgeBands[] = {2, 7, 16, 22, 33, 20};  // unborn, <1, 1-4, 5-9, 10-15, 16-17
  static constexpr int kBandYoungest[] = {0, 0, 1, 5, 10, 16};
  static constexpr int kBandOldest[] = {0, 0, 4, 9, 15, 17};
  const size_t band = shape_rng.weighted(kAgeBands);
  const bool index_unborn = band == 0;
  std::vector<Date> births;
  if (index_unborn) {
    births.push_back(d0 + shape_rng.between(21, 36 * 7));
  } else {
    const Date latest = add_years(d0, -kBandYoungest[band]);
    const Date earliest = add_years(d0, -(kBandOldest[band] + 1)) + 1;
    births.push_back(random_date(shape_rng, earliest, latest));
  }
  static constexpr double kChildren[] = {38, 30, 20, 12};
  const int wanted = 1 + static_cast<int>(shape_rng.weighted(kChildren));
  const Date oldest_allowed = add_years(d0, -18) + 1;
  for (int i = 1; i < wanted; ++i) {
    for (int attempt = 0; attempt < 8; ++attempt) {
      const Date anchor = births[shape_rng.below(births.size())];
      const bool twin = shape_rng.chance(0.03);
      const int gap = twin ? 0 : shape_rng.between(320, 2400);
      const bool older = index_unborn || shape_rng.chance(0.5);
      const Date born = older ? anchor - gap : anchor + gap;
      if (born < oldest_allowed || born > d0) continue;
      const bool spaced = std::all_of(births.begin(), births.end(), [&](Date other) {
        return born == other ? twin : std::abs(born - other) >= 300;
      });
      if (!spaced) continue;
      births.push_back(born);
      break;
    }
  }
  const Date index_birth = births.front();  // the child the first contact is about
  std::sort(births.begin(), births.end());
  const size_t n = births.size();

  // ---- who looks after them ----
  static constexpr double kShapes[] = {40, 5, 30, 15, 6, 4};
  Shape shape = static_cast<Shape>(shape_rng.weighted(kShapes));
  if (index_unborn &&
      (shape == Shape::kSingleFather || shape == Shape::kGrandparents || shape == Shape::kKinshipCarer)) {
    shape = Shape::kSingleMother;
  }
  const Heritage heritage = household_heritage(people);

  // The mother: 16 to about 40 at her first child's birth, under 44 at her last.
  Date mother_born = add_years(births.front(), -(16 + shape_rng.between(0, 8) + shape_rng.between(0, 8) +
                                                 shape_rng.between(0, 6))) -
                     shape_rng.between(0, 364);
  if (age_in_years(mother_born, births.back()) > 43)
    mother_born = add_years(births.back(), -43) + shape_rng.between(0, 300);
  if (age_in_years(mother_born, births.front()) < 16)
    mother_born = add_years(births.front(), -16) - shape_rng.between(0, 300);

  // Fathers: each line of children is consecutive by age.
  int groups = 1;
  switch (shape) {
    case Shape::kTwoParents:
      groups = shape_rng.chance(0.2) ? 2 : 1;
      break;
    case Shape::kMotherAndPartner:
      groups = shape_rng.chance(0.35) ? 2 : 1;
      break;
    case Shape::kSingleMother: {
      static constexpr double kLines[] = {60, 33, 7};
      groups = 1 + static_cast<int>(shape_rng.weighted(kLines));
      break;
    }
    case Shape::kSingleFather:
      groups = 1;
      break;
    case Shape::kGrandparents:
    case Shape::kKinshipCarer:
      groups = shape_rng.chance(0.35) ? 2 : 1;
      break;
  }
  std::vector<size_t> cut_points;  // where a new father's line starts
  for (size_t i = 1; i < n; ++i) {
    if (births[i] != births[i - 1]) cut_points.push_back(i);  // twins share a father
  }
  std::vector<int> line_of(n, 0);
  {
    std::vector<size_t> cuts;
    while (static_cast<int>(cuts.size()) + 1 < groups && !cut_points.empty()) {
      const size_t pick = shape_rng.below(cut_points.size());
      cuts.push_back(cut_points[pick]);
      cut_points.erase(cut_points.begin() + static_cast<std::ptrdiff_t>(pick));
    }
    std::sort(cuts.begin(), cuts.end());
    groups = static_cast<int>(cuts.size()) + 1;
    for (size_t i = 0, line = 0; i < n; ++i) {
      while (line < cuts.size() && i >= cuts[line]) ++line;
      line_of[i] = static_cast<int>(line);
    }
  }
  // The household as it is now formed: since when they have lived together at this address.
  Date household_since = d0 - shape_rng.between(30, 8 * 365);

  std::vector<FatherLine> lines(static_cast<size_t>(groups));
  for (int g = 0; g < groups; ++g) {
    FatherLine& line = lines[static_cast<size_t>(g)];
    line.heritage = partner_heritage(people, heritage);
    line.family = family_surname(people, line.heritage);
    Date first_child = births.back();
    for (size_t i = 0; i < n; ++i) {
      if (line_of[i] == g) first_child = std::min(first_child, births[i]);
    }
    line.born = mother_born + shape_rng.between(-3 * 365, 9 * 365);
    if (age_in_years(line.born, first_child) < 17)
      line.born = add_years(first_child, -17) - shape_rng.between(0, 2000);
    line.recorded = shape_rng.chance(0.55);
    const double r = shape_rng.uniform();
    line.child_surname =
        r < 0.5 ? FatherLine::ChildSurname::kFather
                : (r < 0.9 ? FatherLine::ChildSurname::kMother : FatherLine::ChildSurname::kDouble);
  }
  const int last_line = groups - 1;
  bool partner_is_father = false;  // mother and partner: the partner fathered the youngest line
  bool married = false;
  switch (shape) {
    case Shape::kTwoParents:
      lines[static_cast<size_t>(last_line)].resident = true;
      married = shape_rng.chance(0.5);
      break;
    case Shape::kSingleFather:
      lines[0].resident = true;
      lines[0].child_surname = FatherLine::ChildSurname::kFather;
      break;
    case Shape::kMotherAndPartner:
      partner_is_father = groups > 1 && shape_rng.chance(0.6);
      married = shape_rng.chance(0.35);
      if (partner_is_father) lines[static_cast<size_t>(last_line)].resident = true;
      break;
    default:
      break;
  }
  for (FatherLine& line : lines) {
    if (line.resident) {
      line.recorded = true;
      if (married) line.child_surname = FatherLine::ChildSurname::kFather;
    }
  }
  // A partner who fathered children has been part of the household since before the first of them.
  if (partner_is_father || shape == Shape::kTwoParents) {
    for (size_t i = 0; i < n; ++i) {
      if (line_of[i] == last_line && births[i] <= d0)
        household_since = std::min(household_since, births[i] - 280);
    }
  }
  const std::string mother_family = family_surname(people, heritage);

  // ---- making people ----
  const auto adult_details = [&](Member& m, const std::string& surname) {
    PersonDetails& d = m.input.details;
    d.name.forename = forename(people, m.heritage, m.sex, m.born.year());
    d.name.middle_names = middle_names(people, m.heritage, m.sex, m.born.year(), d.name.forename);
    d.name.surname = surname;
    d.date_of_birth = m.born;
    d.sex = std::string(1, m.sex);
    const double e = people.uniform();
    d.ethnicity = e < 0.08 ? "NOBT" : (e < 0.085 ? "REFU" : std::string(ethnicity_code(m.heritage)));
    const bool migrant = m.heritage != Heritage::kBritish && m.heritage != Heritage::kCaribbean &&
                         m.heritage != Heritage::kRomany && m.heritage != Heritage::kIrishTraveller;
    d.first_language = first_language(people, m.heritage, !migrant || people.chance(0.15));
    d.religion = religion(people, m.heritage);
    const double dis = people.uniform();
    if (dis < 0.02) {
      static constexpr std::string_view kAdult[] = {"MOB", "LD", "HEAR", "VIS", "DDA", "COMM"};
      d.disabilities = {std::string(people.pick(std::span<const std::string_view>(kAdult)))};
    } else {
      d.disabilities = {"NONE"};  // recorded for everyone: a young parent may be a child in need too
    }
    if (ids.chance(0.7)) m.input.identifiers.push_back({"nhs_number", identifiers.nhs_number(ids)});
  };
  const auto add_adult = [&](std::string label, Heritage who, char sex, Date born, bool resident,
                             const std::string& surname) -> int {
    Member m;
    m.label = std::move(label);
    m.heritage = who;
    m.sex = sex;
    m.born = born;
    m.resident = resident;
    m.true_surname = surname;
    adult_details(m, surname);
    h.members.push_back(std::move(m));
    return static_cast<int>(h.members.size()) - 1;
  };

  // The mother: recorded unless she lives elsewhere and the family does not name her.
  const bool mother_resident =
      shape == Shape::kSingleMother || shape == Shape::kTwoParents || shape == Shape::kMotherAndPartner;
  const bool mother_recorded = mother_resident || shape_rng.chance(0.85);
  // Her surname: her husband's if married to the man she lives with, else her own family's.
  std::string mother_surname = surname_for(heritage, mother_family, 'F', false);
  std::string partner_family;
  Heritage partner_heritage_of_household = heritage;
  Date partner_born = mother_born;
  if (shape == Shape::kMotherAndPartner && !partner_is_father) {
    partner_heritage_of_household = partner_heritage(people, heritage);
    partner_family = family_surname(people, partner_heritage_of_household);
    partner_born = mother_born + shape_rng.between(-4 * 365, 10 * 365);
  } else if (shape == Shape::kTwoParents || partner_is_father) {
    const FatherLine& line = lines[static_cast<size_t>(last_line)];
    partner_heritage_of_household = line.heritage;
    partner_family = line.family;
  }
  if (married && !partner_family.empty())
    mother_surname = surname_for(partner_heritage_of_household, partner_family, 'F', true);
  int mother = -1;
  if (mother_recorded) {
    mother = add_adult("mother", heritage, 'F', mother_born, mother_resident, mother_surname);
    h.members[static_cast<size_t>(mother)].family = mother_family;
  }
  int resident_man = -1;  // the mother's partner living with the children, whoever he is
  for (int g = 0; g < groups; ++g) {
    const FatherLine& line = lines[static_cast<size_t>(g)];
    if (!line.recorded) {
      h.fathers.push_back(-1);
      continue;
    }
    const std::string label =
        line.resident ? "father" : (groups > 1 ? "father of child line " + std::to_string(g + 1) : "father");
    const int f = add_adult(label, line.heritage, 'M', line.born, line.resident, line.family);
    h.members[static_cast<size_t>(f)].family = line.family;
    h.fathers.push_back(f);
    if (line.resident && shape != Shape::kSingleFather) resident_man = f;
  }
  if (shape == Shape::kMotherAndPartner && !partner_is_father && shape_rng.chance(0.9)) {
    resident_man =
        add_adult("mother's partner", partner_heritage_of_household, 'M', partner_born, true, partner_family);
    h.members[static_cast<size_t>(resident_man)].family = partner_family;
  }
  const bool resident_man_married = married;
  std::vector<int> grandparents;  // recorded grandparents, resident or not
  int carer = -1;                 // a kinship carer (the children's aunt)
  int carer_partner = -1;
  if (shape == Shape::kGrandparents) {
    const Date gm_born = mother_born - shape_rng.between(18 * 365, 32 * 365);
    grandparents.push_back(add_adult("grandmother", heritage, 'F', gm_born, true,
                                     surname_for(heritage, mother_family, 'F', true)));
    if (shape_rng.chance(0.5)) {
      grandparents.push_back(add_adult("grandfather", heritage, 'M',
                                       gm_born + shape_rng.between(-3 * 365, 6 * 365), true, mother_family));
    }
  } else if (shape == Shape::kKinshipCarer) {
    const Date aunt_born = mother_born + (shape_rng.chance(0.5) ? 1 : -1) * shape_rng.between(365, 8 * 365);
    const bool aunt_married = shape_rng.chance(0.5);
    const std::string aunt_family = aunt_married ? family_surname(people, heritage) : mother_family;
    carer = add_adult("aunt (kinship carer)", heritage, 'F', aunt_born, true,
                      surname_for(heritage, aunt_family, 'F', aunt_married));
    if (shape_rng.chance(0.4)) {
      carer_partner =
          add_adult("aunt's partner", heritage, 'M', aunt_born + shape_rng.between(-2 * 365, 6 * 365), true,
                    aunt_married ? aunt_family : family_surname(people, heritage));
    }
  } else if (shape_rng.chance(0.08)) {
    grandparents.push_back(add_adult("grandmother", heritage, 'F',
                                     mother_born - shape_rng.between(18 * 365, 30 * 365), false,
                                     surname_for(heritage, mother_family, 'F', true)));
  }

  // The children.
  const auto child_surname = [&](int line, char sex) {
    if (line < 0) return surname_for(heritage, mother_family, sex, false);
    const FatherLine& f = lines[static_cast<size_t>(line)];
    const std::string fathers = surname_for(f.heritage, f.family, sex, false);
    const std::string mothers = surname_for(heritage, mother_family, sex, false);
    switch (f.child_surname) {
      case FatherLine::ChildSurname::kFather:
        return fathers;
      case FatherLine::ChildSurname::kMother:
        return mothers;
      case FatherLine::ChildSurname::kDouble:
        return fits_double_barrel(mothers, fathers) ? mothers + "-" + fathers : fathers;
    }
    return fathers;
  };
  const std::string family_religion = [&] {
    for (int attempt = 0; attempt < 12; ++attempt) {
      std::string r = religion(people, heritage);
      if (!r.empty() && r != "NK" && r != "REF") return r;
    }
    return std::string("NONE");
  }();
  const std::string home_language = [&] {
    for (int attempt = 0; attempt < 12; ++attempt) {
      std::string code = first_language(people, heritage, true);
      if (!code.empty() && code != "NOT") return code;
    }
    return std::string("ENG");
  }();
  const auto child_details = [&](Member& m, int line, bool unborn_at_record, Date recorded_on) {
    const Heritage father_heritage = line >= 0 ? lines[static_cast<size_t>(line)].heritage : heritage;
    m.father_group = line;
    m.child = true;
    m.sex = people.chance(0.537) ? 'M' : 'F';
    const Heritage naming = people.chance(0.7) ? heritage : father_heritage;
    m.given_forename = forename(people, naming, m.sex, m.born.year());
    m.given_middle = middle_names(people, naming, m.sex, m.born.year(), m.given_forename);
    m.true_surname = child_surname(line, m.sex);
    PersonDetails& d = m.input.details;
    if (unborn_at_record) {
      // The expected date is what the midwife said; the birth, what happened a little before or after.
      d.expected_date_of_birth = m.born;
      m.born = m.born + people.between(-14, 10);
      d.name.surname = child_surname(line, 'U');
      d.sex = "U";
    } else {
      d.name = {m.given_forename, m.given_middle, m.true_surname};
      d.date_of_birth = m.born;
      d.sex = std::string(1, m.sex);
    }
    const double e = people.uniform();
    d.ethnicity =
        e < 0.015 ? "NOBT" : (e < 0.019 ? "REFU" : child_ethnicity(people, heritage, father_heritage));
    const bool born_here =
        heritage == Heritage::kBritish || age_in_years(m.born, recorded_on) < 8 || people.chance(0.5);
    // Brothers and sisters mostly share the language of the home; some are recorded otherwise.
    const double l = people.uniform();
    if (unborn_at_record || l < 0.05) {
      d.first_language = "";
    } else {
      d.first_language = l < 0.88 ? home_language : first_language(people, heritage, born_here);
    }
    d.religion = people.chance(0.38) ? family_religion : "";
    if (!unborn_at_record) {
      if (people.chance(0.08)) {
        static constexpr std::string_view kCodes[] = {"LD", "COMM", "BEH",  "AUT", "MOB", "HAND",
                                                      "PC", "INC",  "HEAR", "VIS", "CON", "DDA"};
        static constexpr double kWeights[] = {25, 18, 18, 20, 6, 2, 3, 2, 3, 3, 2, 5};
        d.disabilities.push_back(std::string(kCodes[people.weighted(kWeights)]));
        if (people.chance(0.3)) d.disabilities.push_back(std::string(kCodes[people.weighted(kWeights)]));
      } else {
        d.disabilities = {"NONE"};  // every child's disability is recorded (CIN census rule 8540)
      }
      if (ids.chance(0.92)) m.input.identifiers.push_back({"nhs_number", identifiers.nhs_number(ids)});
      const int age = age_in_years(m.born, recorded_on);
      if (age >= 5 && ids.chance(0.85))
        m.input.identifiers.push_back({"upn", identifiers.upn(ids, context.la_number, m.born)});
    }
  };
  std::vector<int> children;
  for (size_t i = 0; i < n; ++i) {
    Member m;
    m.label = index_unborn && births[i] > d0 ? "unborn child" : "child " + std::to_string(i + 1);
    m.born = births[i];
    m.resident = true;
    child_details(m, line_of[i], births[i] > d0, d0);
    m.recorded_unborn = births[i] > d0;
    h.members.push_back(std::move(m));
    children.push_back(static_cast<int>(h.members.size()) - 1);
  }

  // ---- the home ----
  h.addresses.push_back(random_address(places));
  std::vector<int> address_of(h.members.size(), -1);
  for (size_t i = 0; i < h.members.size(); ++i) {
    Member& m = h.members[i];
    if (m.resident) {
      address_of[i] = 0;
      const Date from = m.recorded_unborn ? d0 : std::max(household_since, m.born);
      const PlannedAddress& a = h.addresses[0];
      m.input.address = AddressInput{a.line1, a.line2, a.town, a.postcode, from};
    } else if (places.chance(0.5)) {
      h.addresses.push_back(nearby_address(places, h.addresses[0]));
      address_of[i] = static_cast<int>(h.addresses.size()) - 1;
      const PlannedAddress& a = h.addresses.back();
      // Their own home since some time before the contact, and not before they were grown up.
      const Date from = std::min(d0, std::max(add_years(m.born, 17), d0 - places.between(30, 5 * 365)));
      m.input.address = AddressInput{a.line1, a.line2, a.town, a.postcode, from};
    }
  }

  // ---- typing errors at the first contact, each corrected later ----
  std::vector<LifeEvent> events;
  for (size_t i = 0; i < h.members.size(); ++i) {
    Member& m = h.members[i];
    if (m.recorded_unborn || !life.chance(0.03)) continue;
    PersonDetails& d = m.input.details;
    LifeEvent e =
        life_event(LifeKind::kCorrection, random_date(life, d0 + 1, std::min(d0 + 400, context.last_day)),
                   static_cast<int>(i));
    const double what = life.uniform();
    if (what < 0.3) {
      // Not a teenager's: until corrected, a wrong date of birth would move the birthdays their
      // care's end depends on (staying put from 18, SSDA903 rules 387, 389, 460).
      if (m.child && age_in_years(m.born, d0) >= 13) continue;
      const auto typed = date_typo(life, m.born, d0);
      if (!typed) continue;
      d.date_of_birth = *typed;
      e.field = "date_of_birth";
      e.true_date = m.born;
      e.reason = pick_reason(life, m.child ? std::span(kChildDateReasons) : std::span(kAdultDateReasons));
    } else {
      const bool surname = what > 0.85;
      std::string& name = surname ? d.name.surname : d.name.forename;
      const auto typed = name_typo(life, name);
      if (!typed) continue;
      e.field = surname ? "surname" : "forename";
      e.value = name;
      name = *typed;
      e.reason = pick_reason(life, m.child ? std::span(kChildNameReasons) : std::span(kAdultNameReasons));
    }
    events.push_back(std::move(e));
  }

  // ---- the first contact's session: everyone recorded, then each child's relationships ----
  Timestamp at = t0;
  const int front_door = static_cast<int>(times.below(static_cast<uint64_t>(context.front_door_workers)));
  const auto push = [&](Action a) {
    a.at = at;
    at = at.plus_seconds(times.between(25, 150));
    h.actions.push_back(std::move(a));
  };
  const auto record = [&](int member, int worker) {
    Action a;
    a.kind = ActionKind::kRecord;
    a.member = member;
    a.worker = worker;
    push(std::move(a));
  };
  const auto relate = [&](int child, int other, std::string type, std::optional<Date> from, int worker) {
    Action a;
    a.kind = ActionKind::kRelate;
    a.member = child;
    a.other = other;
    a.code = std::move(type);
    a.date = from;
    a.worker = worker;
    push(std::move(a));
  };
  // The relationships of one child, recorded on the child's record. Siblings are recorded on the
  // younger one's record, so each pair appears once.
  const auto relate_child = [&](int c, const std::vector<int>& older_children, int worker) {
    const Member& child = h.members[static_cast<size_t>(c)];
    const std::optional<Date> from_birth =
        child.recorded_unborn ? std::nullopt : std::optional<Date>(child.born);
    const std::optional<Date> from_household =
        child.recorded_unborn ? std::nullopt : std::optional<Date>(std::max(household_since, child.born));
    const int father = child.father_group >= 0 ? h.fathers[static_cast<size_t>(child.father_group)] : -1;
    if (mother >= 0) relate(c, mother, "parent", from_birth, worker);
    if (father >= 0) relate(c, father, "parent", from_birth, worker);
    if (resident_man >= 0 && resident_man != father) {
      relate(c, resident_man, resident_man_married ? "step_parent" : "household_member", from_household,
             worker);
    }
    for (const int g : grandparents) relate(c, g, "grandparent", from_household, worker);
    if (carer >= 0) relate(c, carer, "carer", from_household, worker);
    if (carer_partner >= 0) relate(c, carer_partner, "household_member", from_household, worker);
    for (const int o : older_children) {
      const bool same_father =
          h.members[static_cast<size_t>(o)].father_group == child.father_group && child.father_group >= 0;
      relate(c, o, same_father ? "sibling" : "half_sibling", from_household, worker);
    }
  };
  for (size_t i = 0; i < h.members.size(); ++i) {
    if (!h.members[i].child) record(static_cast<int>(i), front_door);
  }
  for (const int c : children) record(c, front_door);
  for (size_t i = 0; i < children.size(); ++i) {
    relate_child(children[i],
                 std::vector<int>(children.begin(), children.begin() + static_cast<std::ptrdiff_t>(i)),
                 front_door);
  }

  // The first contact is recorded once its people are: after the session's records.
  const Timestamp first_contact_at = at.plus_seconds(times.between(30, 120));
  std::vector<std::optional<Date>> recorded_days(h.members.size(), london_date(t0));
  std::vector<bool> dying(h.members.size(), false);
  int index_child = children.front();
  for (size_t i = 0; i < children.size(); ++i) {
    if (births[i] == index_birth) {
      index_child = children[i];
      break;
    }
  }

  // ---- what happens afterwards ----
  if (index_unborn) {
    LifeEvent e = life_event(LifeKind::kIndexBirth,
                             h.members[static_cast<size_t>(children.back())].born + life.between(1, 14),
                             children.back());
    events.push_back(std::move(e));
  }
  // Another baby, to a mother still bringing up her children.
  int baby = -1;
  if (mother >= 0 && mother_resident && age_in_years(mother_born, d0) <= 38 && life.chance(0.10)) {
    const Date earliest = std::max(d0 + 120, births.back() + 300);
    const Date born = random_date(life, earliest, earliest + 6 * 365);
    int line = -1;  // the baby's father
    if (resident_man >= 0) {
      for (int g = 0; g < groups; ++g) {
        if (h.fathers[static_cast<size_t>(g)] == resident_man) line = g;
      }
      if (line < 0) {  // the mother's partner becomes a father
        FatherLine f;
        const Member& man = h.members[static_cast<size_t>(resident_man)];
        f.heritage = man.heritage;
        f.family = man.family;
        f.resident = f.recorded = true;
        f.child_surname = resident_man_married || life.chance(0.5) ? FatherLine::ChildSurname::kFather
                                                                   : FatherLine::ChildSurname::kMother;
        lines.push_back(f);
        h.fathers.push_back(resident_man);
        line = static_cast<int>(lines.size()) - 1;
      }
    } else {  // a father the council does not know
      FatherLine f;
      f.heritage = partner_heritage(people, heritage);
      f.family = family_surname(people, f.heritage);
      f.child_surname = FatherLine::ChildSurname::kMother;
      lines.push_back(f);
      h.fathers.push_back(-1);
      line = static_cast<int>(lines.size()) - 1;
    }
    const bool before_birth = life.chance(0.5) && born - 200 > d0 + 1;
    Member m;
    m.label = "new baby";
    m.born = born;
    m.resident = true;
    const Date recorded_on = before_birth ? born - life.between(60, 200) : born + life.between(0, 90);
    child_details(m, line, before_birth, recorded_on);
    m.recorded_unborn = before_birth;
    if (before_birth) {
      m.input.identifiers.clear();
    } else {
      m.input.identifiers.clear();
      m.input.details.disabilities = {"NONE"};
      if (ids.chance(0.95)) m.input.identifiers.push_back({"nhs_number", identifiers.nhs_number(ids)});
    }
    h.members.push_back(std::move(m));
    baby = static_cast<int>(h.members.size()) - 1;
    recorded_days.push_back(std::nullopt);  // until the day they are recorded
    dying.push_back(false);
    address_of.push_back(0);
    if (before_birth) {
      events.push_back(life_event(LifeKind::kBabyUnborn, recorded_on, baby));
      events.push_back(life_event(LifeKind::kBabyBirth, h.members.back().born + life.between(1, 14), baby));
    } else {
      events.push_back(life_event(LifeKind::kBabyBorn, recorded_on, baby));
    }
  }
  // Moves: about one household in seven.
  if (life.chance(0.15)) {
    events.push_back(life_event(LifeKind::kMove, random_date(life, d0 + 30, context.last_day)));
    if (life.chance(0.1))
      events.push_back(life_event(LifeKind::kMove, random_date(life, d0 + 30, context.last_day)));
  }
  // A marriage: the mother takes her partner's surname.
  const bool surname_corrected = std::any_of(events.begin(), events.end(), [&](const LifeEvent& e) {
    return e.member == mother && e.kind == LifeKind::kCorrection && e.field == "surname";
  });
  if (mother >= 0 && mother_resident && resident_man >= 0 && !resident_man_married && !surname_corrected &&
      life.chance(0.05)) {
    events.push_back(life_event(LifeKind::kMarriage, random_date(life, d0 + 20, context.last_day), mother));
  }
  // Deaths: grandparents mostly.
  for (size_t i = 0; i < h.members.size(); ++i) {
    const Member& m = h.members[i];
    if (m.child || static_cast<int>(i) == baby) continue;
    const bool grandparent =
        std::find(grandparents.begin(), grandparents.end(), static_cast<int>(i)) != grandparents.end();
    if (!life.chance(grandparent ? 0.08 : (m.resident ? 0.0 : 0.01))) continue;
    const Date died = random_date(life, d0 + 1, context.last_day);
    LifeEvent e = life_event(LifeKind::kDeath, died + life.between(1, 20), static_cast<int>(i));
    e.true_date = died;
    events.push_back(std::move(e));
  }
  // School: a UPN reaches the record of some children who started school after the first contact.
  for (const int c : children) {
    const Member& m = h.members[static_cast<size_t>(c)];
    if (m.recorded_unborn ||
        m.input.identifiers.end() != std::find_if(m.input.identifiers.begin(), m.input.identifiers.end(),
                                                  [](const IdentifierInput& i) { return i.type == "upn"; })) {
      continue;
    }
    if (age_in_years(m.born, d0) >= 5 || !life.chance(0.45)) continue;
    const int entry_year = m.born.year() + 4 + (m.born.month() >= 9 ? 1 : 0);
    LifeEvent e =
        life_event(LifeKind::kLaterUpn, Date::from_ymd(entry_year, 9, 1) + life.between(14, 400), c);
    e.value = identifiers.upn(ids, context.la_number, m.born);
    events.push_back(std::move(e));
  }

  // ---- fixing the days: one event a day, in order, on working days, none after the last day ----
  std::stable_sort(events.begin(), events.end(),
                   [](const LifeEvent& a, const LifeEvent& b) { return a.date < b.date; });
  std::vector<bool> created(h.members.size(), true);
  if (baby >= 0) created[static_cast<size_t>(baby)] = false;
  std::vector<bool> dead(h.members.size(), false);
  Date previous = d0;
  Date last_move_from = household_since;
  int current_address = 0;
  for (LifeEvent& e : events) {
    Date day = working_day_on_or_after(calendar, std::max(e.date, previous + 1));
    if (day > context.last_day) break;
    if (e.member >= 0 && dead[static_cast<size_t>(e.member)]) continue;
    const bool social_worker = times.chance(0.3);
    const int worker = static_cast<int>(times.below(
        static_cast<uint64_t>(social_worker ? context.social_workers : context.front_door_workers)));
    at = office_time(times, day);
    const auto later = [&](ActionKind kind, int member) {
      Action a;
      a.kind = kind;
      a.member = member;
      a.by_social_worker = social_worker;
      a.worker = worker;
      return a;
    };
    Member* m = e.member >= 0 ? &h.members[static_cast<size_t>(e.member)] : nullptr;
    switch (e.kind) {
      case LifeKind::kIndexBirth:
      case LifeKind::kBabyBirth: {
        // Births are recorded by the front door, which hears of them first.
        Action name = later(ActionKind::kNameAtBirth, e.member);
        name.by_social_worker = false;
        name.worker = front_door;
        name.name = {m->given_forename, m->given_middle, m->true_surname};
        name.reason = "Name given at birth, confirmed by the midwife";
        push(name);
        Action birth = later(ActionKind::kBirth, e.member);
        birth.by_social_worker = false;
        birth.worker = front_door;
        birth.date = m->born;
        birth.code = std::string(1, m->sex);
        push(birth);
        if (ids.chance(0.97)) {
          Action nhs = later(ActionKind::kAddIdentifier, e.member);
          nhs.by_social_worker = false;
          nhs.worker = front_door;
          nhs.code = "nhs_number";
          nhs.text = identifiers.nhs_number(ids);
          push(nhs);
        }
        break;
      }
      case LifeKind::kBabyUnborn:
      case LifeKind::kBabyBorn: {
        created[static_cast<size_t>(e.member)] = true;
        recorded_days[static_cast<size_t>(e.member)] = day;
        const PlannedAddress& a = h.addresses[static_cast<size_t>(current_address)];
        const Date from = e.kind == LifeKind::kBabyUnborn ? day : std::max(m->born, last_move_from);
        m->input.address = AddressInput{a.line1, a.line2, a.town, a.postcode, std::min(from, day)};
        address_of[static_cast<size_t>(e.member)] = current_address;
        record(e.member, front_door);
        h.actions.back().by_social_worker = false;
        std::vector<int> older;
        for (const int c : children) {
          if (!dead[static_cast<size_t>(c)]) older.push_back(c);
        }
        relate_child(e.member, older, front_door);
        break;
      }
      case LifeKind::kMove: {
        h.addresses.push_back(nearby_address(places, h.addresses[static_cast<size_t>(current_address)]));
        const int new_address = static_cast<int>(h.addresses.size()) - 1;
        const Date from = std::max(previous + 1, day - life.between(0, 14));
        for (size_t i = 0; i < h.members.size(); ++i) {
          if (!h.members[i].resident || !created[i] || dead[i] || address_of[i] != current_address) continue;
          Action move = later(ActionKind::kMove, static_cast<int>(i));
          move.address = new_address;
          move.date = from;
          push(move);
          address_of[i] = new_address;
        }
        current_address = new_address;
        last_move_from = from;
        break;
      }
      case LifeKind::kMarriage: {
        if (dead[static_cast<size_t>(resident_man)]) continue;
        const Member& man = h.members[static_cast<size_t>(resident_man)];
        Action change = later(ActionKind::kChangeName, e.member);
        change.text = surname_for(man.heritage, man.family, 'F', true);
        if (change.text == m->true_surname) continue;
        change.date = std::max(previous + 1, day - life.between(3, 60));
        push(change);
        break;
      }
      case LifeKind::kCorrection: {
        Action fix = later(ActionKind::kCorrect, e.member);
        fix.code = e.field;
        fix.text = e.value;
        fix.date = e.true_date;
        fix.reason = e.reason;
        push(fix);
        break;
      }
      case LifeKind::kDeath: {
        Action death = later(ActionKind::kDeath, e.member);
        death.by_social_worker = false;
        death.worker = front_door;
        death.date = std::min(*e.true_date, day);
        push(death);
        dead[static_cast<size_t>(e.member)] = true;
        dying[static_cast<size_t>(e.member)] = true;
        break;
      }
      case LifeKind::kLaterUpn: {
        Action upn = later(ActionKind::kAddIdentifier, e.member);
        upn.code = "upn";
        upn.text = e.value;
        push(upn);
        break;
      }
    }
    previous = day;
  }

  // ---- the front door: the first contact and every one after it ----
  FrontDoorFamily family;
  family.recorded_on = std::move(recorded_days);
  family.dies = std::move(dying);
  family.index_child = index_child;
  family.first_received_at = t0.plus_seconds(-times.between(60, 600));
  family.first_recorded_at = first_contact_at;
  family.first_worker = front_door;
  family.town = h.addresses[0].town;
  plan_front_door(context, h, family);
  std::stable_sort(h.actions.begin(), h.actions.end(),
                   [](const Action& a, const Action& b) { return a.at < b.at; });
  return h;
}

}  // namespace safeguard::synth
