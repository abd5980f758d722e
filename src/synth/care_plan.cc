#include "synth/care_plan.h"

#include <algorithm>
#include <cmath>
#include <span>
#include <string_view>

#include "domain/care_leaver.h"
#include "domain/health.h"
#include "synth/names.h"
#include "synth/office_time.h"

namespace safeguard::synth {
namespace {

// ---- the model's parameters (calibrated against data-and-volumes.md 4.8 with `safeguard demo`) ----

// The chance that an allocated episode brings the child into care, by age band when allocated (an
// unborn child counts as under 1): under 1, 1-4, 5-9, 10-15, 16-17. The bands weigh the national age
// mix of entries (16%, 15%, 15%, 26%, 29%) against the age mix of referrals, a little over the rate
// that gives the national flow, for the children who came into care before the history began.
constexpr double kCareChance[] = {0.118, 0.061, 0.034, 0.057, 0.17};

int age_band(int age) { return age < 1 ? 0 : age < 5 ? 1 : age < 10 ? 2 : age < 16 ? 3 : 4; }

// Days from the allocation to coming into care: at once (an emergency), within months, or later.
constexpr int kEntryDelays[][2] = {{0, 5}, {20, 120}, {121, 365}};
constexpr double kEntryDelayWeights[] = {40, 35, 25};

// The way out of care, chosen at entry by age band.
enum Path : size_t { kHome, kSpecialGuardianship, kChildArrangements, kAdoption, kUntilAdult };
constexpr double kPathWeights[][5] = {
    // home, special guardianship, child arrangements, adoption, until 18
    {18, 18, 2, 48, 14},  // under 1
    {25, 20, 3, 34, 18},  // 1-4
    {33, 16, 4, 2, 45},   // 5-9
    {36, 7, 2, 0, 55},    // 10-15
    {30, 0, 0, 0, 70},    // 16-17
};

// Category of need (SSDA903 CIN) on entry: abuse or neglect for most.
constexpr std::string_view kNeeds[] = {"N1", "N2", "N3", "N4", "N5", "N6", "N8"};
constexpr double kNeedWeights[] = {64, 3, 3, 14, 8, 3, 5};

// Placement types by age band (the FOI mix of 2024, conditioned on age: supported accommodation
// only from 16, children's homes mostly for 10-17).
constexpr std::string_view kTypes[] = {"U6", "U3", "U4", "R3", "K2", "K3", "S1", "K1"};
constexpr double kTypeWeights[][8] = {
    {62, 25, 3, 10, 0, 0, 0, 0},   // under 1
    {64, 26, 10, 0, 0, 0, 0, 0},   // 1-4
    {56, 24, 12, 0, 6, 0, 2, 0},   // 5-9
    {40, 16, 10, 0, 29, 0, 4, 1},  // 10-15
    {22, 10, 6, 0, 24, 38, 0, 0},  // 16-17
};

// Why placements end (REASON_PLACE_CHANGE, 2024 national mix of moves that were not a change of
// status only).
constexpr std::string_view kMoveReasons[] = {"CARPL", "OTHER", "CREQB", "CREQO", "CHILD",
                                             "LAREQ", "STAND", "CLOSE", "ALLEG", "APPRR"};
constexpr double kMoveReasonWeights[] = {31, 22, 8, 6, 3, 1, 1, 1, 1, 0.5};

// Review participation (REVIEW_CODE) for children of 4 and over.
constexpr std::string_view kParticipation[] = {"PN1", "PN2", "PN3", "PN4", "PN5", "PN6", "PN7"};
constexpr double kParticipationWeights[] = {55, 10, 5, 5, 10, 10, 5};

// Invented names for establishments and carers' surnames (no real provision is named).
constexpr std::string_view kHomes[] = {"Oak Lodge",       "Willow House", "The Limes",    "Beacon View",
                                       "Riverside House", "Hazel Court",  "Fern Cottage", "Kestrel House"};
constexpr std::string_view kSupported[] = {"Harbour Lodge supported housing", "Quayside Foyer",
                                           "Elm Street supported lodgings", "Northgate young people's flats"};
constexpr std::string_view kKin[] = {"grandmother",    "grandparents",  "aunt",
                                     "uncle and aunt", "family friend", "older sister"};
// Invented schools (no real school is named).
constexpr std::string_view kPrimarySchools[] = {"Riverside Primary School",      "Oakfield Junior School",
                                                "St Edmund's CE Primary School", "Meadow Lane Infant School",
                                                "Brook Valley Primary Academy",  "Hillside Primary School"};
constexpr std::string_view kSecondarySchools[] = {"Northgate High School", "Marshland Academy",
                                                  "Broadland Free School", "Hillcrest Academy"};

// Missing: the share of children of 11 and over in care who go missing, and how often a year those
// who do (about 8 a year in care all year; nationally 6 to 7 for each child who went missing, some
// in care for part of the year); how many days an incident lasts (90% two or fewer).
constexpr double kMissingProne = 0.3;
constexpr double kMissingRates[] = {3, 6, 12, 24};
constexpr double kMissingRateWeights[] = {35, 35, 20, 10};
constexpr int kMissingDays[][2] = {{0, 0}, {1, 1}, {2, 2}, {3, 10}};
constexpr double kMissingDayWeights[] = {50, 25, 15, 10};
// Statutory visits are modelled in the last half year, like other casework; missing episodes and
// screenings over the whole history, so every year's SSDA903 Missing table has them.
constexpr int kVisitWindowDays = 183;

constexpr std::string_view kRisks[] = {"high", "medium", "low", "none"};
constexpr double kRiskWeights[] = {25, 35, 30, 10};

// Care leavers' contacts around their birthdays (data-and-volumes.md: about 9 in 10 in touch, 88% of
// them in suitable accommodation, about 55% in education, training or work at 19 to 21).
constexpr std::string_view kInTouch[] = {"YES", "NO", "REFU", "NREQ"};
constexpr double kInTouchWeights[] = {94, 3, 2, 1};
constexpr std::string_view kActivities[] = {"F1", "P1", "F2", "P2", "F4", "P4", "F5", "P5", "G4", "G5", "G6"};
constexpr double kActivityWeights[] = {6, 1, 16, 3, 4, 1, 22, 6, 9, 24, 10};
constexpr std::string_view kAccommodation[] = {"U1", "D1", "B1", "Z1", "E1", "K1", "C1", "T1", "Y1",
                                               "G1", "X2", "S2", "V2", "W2", "U2", "B2", "Y2"};
constexpr double kAccommodationWeights[] = {25, 12, 14, 8, 8, 6, 4, 3, 4, 1, 1, 1, 1, 1, 1, 1, 1};

// Councils that arranged a previous permanence order elsewhere (LA_PERM), and the adopters.
constexpr std::string_view kOtherCouncils[] = {"935", "873", "925", "882", "881", "WAL", "SCO"};
constexpr std::string_view kAdopterSexes[] = {"MF", "FF", "MM", "F1", "M1"};
constexpr double kAdopterSexWeights[] = {80, 7, 5, 7, 1};
constexpr std::string_view kNoLongerPlaced[] = {"RD1", "RD2", "RD3", "RD4"};
constexpr double kNoLongerPlacedWeights[] = {30, 15, 35, 20};

Date later(Date a, Date b) { return a < b ? b : a; }

// Days drawn from an exponential distribution with the mean given (at least `least`).
int exponential_days(Rng& rng, double mean, int least) {
  const double u = std::max(rng.uniform(), 1e-9);
  return std::max(least, static_cast<int>(-mean * std::log(u)));
}

// How long a placement of the type lasts on average before a move, in days (moves are likeliest in
// children's homes and short-term foster care).
double mean_stay(std::string_view type) {
  if (type == "K2" || type == "K1") return 260;
  if (type == "K3") return 330;
  if (type == "U6") return 420;
  if (type == "R3") return 90;
  if (type == "U4" || type == "U1") return 1100;
  if (type == "U3") return 900;
  return 600;
}

std::string urn(Rng& rng) {
  std::string out = "SC";
  for (int i = 0; i < 6; ++i) out += static_cast<char>('0' + rng.below(10));
  return out;
}

struct Family {
  const Household* h;
  std::string surname;  // the child's surname, for relatives who care for them
  Heritage heritage;
};

// A placement of `type` for a child in the family, with a provider, carers or establishment, a
// postcode and an Ofsted URN where the return wants one.
Placement placement_of(Rng& rng, std::string_view type, const Family& f, Date on) {
  Placement p;
  p.type = std::string(type);
  const PlannedAddress& home = f.h->addresses.front();
  const auto provider = [&](std::initializer_list<std::pair<std::string_view, double>> choices) {
    std::vector<double> weights;
    for (const auto& c : choices) weights.push_back(c.second);
    return std::string((choices.begin() + rng.weighted(weights))->first);
  };
  const auto foster_name = [&] {
    const std::string surname = family_surname(rng, rng.chance(0.85) ? Heritage::kBritish : f.heritage);
    return rng.chance(0.7) ? "Mr and Mrs " + surname : rng.chance(0.8) ? "Ms " + surname : "Mr " + surname;
  };
  if (type == "U1" || type == "U2" || type == "U3") {
    p.provider = provider({{"PR1", 90}, {"PR4", 10}});
    const std::string_view kin = kKin[rng.below(std::size(kKin))];
    const std::string name = kin == "family friend"
                                 ? foster_name()
                                 : forename(rng, f.heritage, 'F', on.year() - 55) + " " + f.surname;
    p.carer = name + " (" + std::string(kin) + ")";
    p.postcode = nearby_address(rng, home).postcode;
  } else if (type == "U4" || type == "U5" || type == "U6") {
    p.provider = provider({{"PR1", 55}, {"PR4", 45}});
    p.carer = foster_name();
    // Foster carers mostly near the child's home; an independent fostering agency's out of the
    // county for some children.
    p.postcode = p.provider == "PR4" && rng.chance(0.45) ? out_of_area_postcode(rng)
                 : rng.chance(0.8)                       ? nearby_address(rng, home).postcode
                                                         : random_address(rng).postcode;
  } else if (type == "A5" || type == "A6") {
    p.provider = provider({{"PR1", 50}, {"PR2", 20}, {"PR5", 30}});
    p.carer = foster_name() + " (adopters)";
    p.postcode = rng.chance(0.5) ? random_address(rng).postcode : out_of_area_postcode(rng);
  } else if (type == "K2") {
    // The council's own homes are in the county (rule 1015); private and voluntary ones anywhere.
    p.provider = provider({{"PR4", 80}, {"PR1", 15}, {"PR5", 5}});
    p.carer = std::string(kHomes[rng.below(std::size(kHomes))]) + " children's home";
    p.postcode =
        p.provider != "PR1" && rng.chance(0.65) ? out_of_area_postcode(rng) : random_address(rng).postcode;
  } else if (type == "K3") {
    p.provider = provider({{"PR4", 60}, {"PR5", 30}, {"PR1", 10}});
    p.carer = std::string(kSupported[rng.below(std::size(kSupported))]);
    p.postcode =
        p.provider != "PR1" && rng.chance(0.2) ? out_of_area_postcode(rng) : random_address(rng).postcode;
  } else if (type == "K1") {
    // The county runs no secure children's home: another council's, or a voluntary one.
    p.provider = provider({{"PR2", 70}, {"PR5", 30}});
    p.carer = "Ashdown secure children's home";
    p.postcode = out_of_area_postcode(rng);
  } else if (type == "R3") {
    p.provider = provider({{"PR4", 60}, {"PR5", 40}});
    p.carer = "Meadowview family centre (with mother)";
    p.postcode = random_address(rng).postcode;
  } else if (type == "S1") {
    p.provider = provider({{"PR4", 70}, {"PR5", 30}});
    p.carer = "Hillcrest residential school";
    p.postcode = out_of_area_postcode(rng);
  } else if (type == "P1") {
    p.provider = "PR0";
    p.carer = rng.chance(0.7) ? "Mother" : "Parents";
    p.postcode = home.postcode;
  }
  if (type != "P1") p.urn = urn(rng);
  return p;
}

// A placement for an unaccompanied asylum-seeking child: foster care for the younger ones; from 16
// mostly supported accommodation, some foster care and a few children's homes.
std::string_view unaccompanied_type(Rng& rng, int age) {
  if (age < 16) return rng.chance(0.88) ? "U6" : "K2";
  const double u = rng.uniform();
  return u < 0.55 ? "K3" : u < 0.9 ? "U6" : "K2";
}

// A placement type for a child of `age` (U5 for fostering for adoption on the adoption path).
std::string_view type_for(Rng& rng, int age, bool adoption) {
  const std::string_view type = kTypes[rng.weighted(kTypeWeights[age_band(age)])];
  if (adoption && age < 5 && type == "U6" && rng.chance(0.35)) return "U5";
  return type;
}

// The permanence plan a review confirms for the path (the first is often not yet decided).
std::string permanence_for(Path path, std::string_view placement, int age, bool first, Rng& rng) {
  if (first && rng.chance(0.4)) return "not_yet_decided";
  switch (path) {
    case kHome:
      return "return_home";
    case kSpecialGuardianship:
      return "special_guardianship";
    case kChildArrangements:
      return "child_arrangements";
    case kAdoption:
      return "adoption";
    case kUntilAdult:
      break;
  }
  if (age >= 16) return "independent_living";
  if (placement == "K2" || placement == "K1") return "residential";
  return "long_term_fostering";
}

// A change of the period of care as planned: a new legal status and/or placement.
struct Change {
  Date on;
  std::string legal_status;  // empty: unchanged
  std::optional<Placement> placement;
  std::string reason;  // why the old placement ended
};

// Previous permanence and the adoption journey (domain/adoption.h), for a period of care from
// `start` whose changes are `kept`, ending on `end` (after `today`: still looked after):
// - previous permanence recorded within days of care starting, for 5% weeks or months later (the
//   looked-after page lists those not yet recorded, and they are put right before the return): none
//   (Z1) for most; an order that broke down for a few (adoption P1, special guardianship P2, child
//   arrangements P3, of a type not known P4), most arranged by this council, some dated only to the
//   month or year; for a child this council placed for adoption before (`adopted_before`, the day
//   of the adoption), that adoption;
// - on the adoption path, the agency decision maker's decision weeks before the placement order,
//   the match weeks before the move to the adopters (mostly a woman and a man, married), and where
//   the child was never placed for adoption the decision ceasing before care ends;
// - for 15% of the young children for whom adoption is `adoption_considered` but who leave care
//   another way, a decision that ceases months later.
template <typename Add>
void plan_permanence(const PlanContext& context, Date born, Date start, bool adoption_path,
                     bool adoption_considered, const std::vector<Change>& kept, Date end, Date today,
                     std::optional<Date> adopted_before, Rng& rng, Add add) {
  Date recorded = start + static_cast<int32_t>(rng.between(0, 10));
  if (rng.chance(0.05)) recorded = start + static_cast<int32_t>(rng.between(30, 120));
  if (recorded >= end) recorded = std::max(start, end - 1);  // while the period is open
  if (adopted_before) {
    Action& a = add(ActionKind::kPreviousPermanence, recorded);
    a.code = "P1";
    a.text = context.la_number;
    a.reason = adopted_before->iso();
  } else {
    Action& a = add(ActionKind::kPreviousPermanence, recorded);
    const double u = rng.uniform();
    a.code = u < 0.88 ? "Z1" : u < 0.90 ? "P1" : u < 0.95 ? "P2" : u < 0.99 ? "P3" : "P4";
    if (a.code != "Z1" && start - born < 120) a.code = "Z1";  // too young to have had an order
    if (a.code != "Z1") {
      a.text = rng.chance(0.7) ? context.la_number
                               : std::string(kOtherCouncils[rng.below(std::size(kOtherCouncils))]);
      const Date made =
          born + static_cast<int32_t>(rng.between(60, static_cast<uint64_t>(start - born) - 30));
      const std::string iso = made.iso();
      const double precision = rng.uniform();
      // A month or year only where its last day is still before care began.
      if (precision < 0.07 && made.year() < start.year()) {
        a.reason = iso.substr(0, 4);
      } else if (precision < 0.25 && add_months(made, 1) <= start &&
                 (made.year() != start.year() || made.month() != start.month())) {
        a.reason = iso.substr(0, 7);
      } else {
        a.reason = iso;
      }
    }
  }
  if (!adoption_path) {
    // A young child for whom adoption was decided but who stays with family or in foster care: the
    // court makes no placement order, no adopters are found, or the child's needs change.
    if (!adoption_considered || !rng.chance(0.15)) return;
    const Date decided = start + static_cast<int32_t>(rng.between(120, 300));
    const Date ceased = decided + static_cast<int32_t>(rng.between(60, 300));
    if (ceased + 10 >= end) return;  // care ends first: no decision was made
    add(ActionKind::kDecideAdoption, decided).text = std::to_string(rng.below(4));
    add(ActionKind::kCeaseAdoption, ceased).code =
        std::string(kNoLongerPlaced[rng.weighted(kNoLongerPlacedWeights)]);
    return;
  }
  std::optional<Date> first_step;  // the placement order or placement for adoption, whichever first
  std::optional<Date> placed_on;
  for (const Change& c : kept) {
    const bool adopters = c.placement && c.placement->type.size() == 2 && c.placement->type[0] == 'A';
    if ((c.legal_status == "E1" || adopters) && !first_step) first_step = c.on;
    if (adopters && !placed_on) placed_on = c.on;
  }
  if (!first_step) return;
  Date decided = *first_step - static_cast<int32_t>(rng.between(20, 90));
  if (decided <= start) decided = start + 1;
  add(ActionKind::kDecideAdoption, decided).text = std::to_string(rng.below(4));
  if (placed_on) {
    Date matched = *placed_on - static_cast<int32_t>(rng.between(10, 45));
    if (matched < decided) matched = decided;
    Action& a = add(ActionKind::kMatchAdoption, matched);
    a.code = std::string(kAdopterSexes[rng.weighted(kAdopterSexWeights)]);
    const double u = rng.uniform();
    a.reason = a.code.size() == 2 && a.code[1] == '1' ? "single"
               : a.code == "MF"                       ? (u < 0.75   ? "married"
                                                         : u < 0.95 ? "unmarried"
                                                                    : "civil_partners")
                                                      : (u < 0.5   ? "married"
                                                         : u < 0.9 ? "civil_partners"
                                                                   : "unmarried");
  } else if (end < today && end > decided) {
    Date ceased = end - static_cast<int32_t>(rng.between(5, 40));
    if (ceased < decided) ceased = decided;
    add(ActionKind::kCeaseAdoption, ceased).code =
        std::string(kNoLongerPlaced[rng.weighted(kNoLongerPlacedWeights)]);
  }
}

// Leaving care (domain/care_leaver.h) for a young person born `born`, looked after from `start` to
// `end` (after `today`: still looked after), who qualifies as a care leaver in this period (13 weeks
// in care from 14, some of it from 16): the needs assessment and pathway plan within about 3 months
// of qualifying (some late), reviews about every 6 months until 21; a personal adviser appointed by
// a manager when they leave care; and the contacts around each birthday from 17 to 21 after care
// (most made, most in touch; kInTouch, kActivities, kAccommodation). Nothing after `today`.
template <typename Add>
void plan_leaving_care(const PlanContext& context, Date born, Date start, Date end, Date today, Rng& rng,
                       Add add) {
  const Date fourteenth = birthday(born, 14);
  const Date sixteenth = birthday(born, 16);
  const Date twenty_first = add_years(born, 21);
  // The day of qualifying, as domain/care_leaver.cc counts it: the 91st day in care from 14, and a
  // day in care from 16 (the last day in care is the day before care ended).
  const Date qualified =
      std::max(std::max(start, fourteenth) + (kQualifyingDays - 1), std::max(start, sixteenth));
  if (qualified > end - 1 || qualified > today) return;
  Date plan = qualified + static_cast<int32_t>(rng.chance(0.85) ? rng.between(20, 85) : rng.between(95, 150));
  while (plan < twenty_first && plan < today) {
    add(ActionKind::kPathwayPlan, plan).text = std::to_string(rng.below(6));
    plan = plan + static_cast<int32_t>(rng.chance(0.85) ? rng.between(150, 182) : rng.between(183, 240));
  }
  if (end >= today) return;  // still looked after: no adviser or contacts yet
  const Date appointed = end + static_cast<int32_t>(rng.between(0, 20));
  if (appointed < today) {
    Action& a = add(ActionKind::kAppointAdviser, appointed);
    a.worker = static_cast<int>(rng.below(static_cast<uint64_t>(std::max(1, context.managers))));
    a.officer = static_cast<int>(rng.below(static_cast<uint64_t>(std::max(1, context.social_workers))));
  }
  for (int age = 17; age <= 21; ++age) {
    const Date birthday = add_years(born, age);
    if (birthday <= end || !rng.chance(0.97)) continue;  // looked after on the birthday; or missed
    Date on = birthday + static_cast<int32_t>(rng.between(0, 80)) - 60;
    if (on <= end) on = end + 1;
    if (on >= today) break;
    Action& a = add(ActionKind::kCareLeaverContact, on);
    a.code = std::string(kInTouch[rng.weighted(kInTouchWeights)]);
    a.text = std::to_string(rng.below(6));
    if (a.code != "YES") {
      a.reason = "0,0";
      continue;
    }
    std::string accommodation(kAccommodation[rng.weighted(kAccommodationWeights)]);
    if (accommodation == "Z1" && on < safeguard::birthday(born, 18))
      accommodation = "D1";  // staying put from 18
    a.reason = std::string(kActivities[rng.weighted(kActivityWeights)]) + "," + accommodation;
  }
}

// Health and education in care (domain/health.h), on days from `start` to before `last` (national
// shares for children in care all year, data-and-volumes.md 4.8: about 89% with a health assessment
// in the year, 80% a dental check, 85% immunisations up to date, 88% of under-5s development checks,
// 78% an SDQ score; a few per cent with a substance misuse problem or a conviction):
// - the initial health assessment, 75% within 20 working days; reviews every 6 months under 5 and
//   yearly from 5, 80% on time and some months late, with the immunisations noted at each;
// - dental checks from age 1 about yearly; development checks about yearly under 5;
// - an SDQ a year from 4 to 16 (never more than a year apart, so one in each year in care), a
//   score for 82%, else the carer or young person refused or another reason;
// - personal education plans each school term (a few terms missed), the first within about 20
//   working days of coming into care or starting school;
// - from 12, each year in care a 5% chance of a substance misuse problem identified (most offered an
//   intervention, most of them taking it) and a 3% chance of a conviction.
template <typename Add>
void plan_health(Date born, Date start, Date last, const WorkingDayCalendar& calendar, Rng& rng, Add add) {
  const auto findings = [&](Action& a) { a.text = std::to_string(rng.below(6)); };
  Date check = calendar.add_working_days(start, rng.chance(0.75) ? rng.between(5, 20) : rng.between(21, 50));
  for (bool initial = true; check < last; initial = false) {
    Action& a = add(ActionKind::kHealthCheck, check);
    a.code = initial ? "initial_assessment" : "review_assessment";
    a.reason = rng.chance(0.86) ? "yes" : "no";
    findings(a);
    const Date due = add_months(check, health_review_months(born, check));
    const double when = rng.uniform();
    check = when < 0.8    ? due - static_cast<int32_t>(rng.between(1, 40))
            : when < 0.92 ? due + static_cast<int32_t>(rng.between(1, 60))
                          : due + static_cast<int32_t>(rng.between(61, 200));
  }
  for (Date dental = later(start, add_years(born, 1)) + static_cast<int32_t>(rng.between(20, 200));
       dental < last; dental = dental + static_cast<int32_t>(rng.between(180, 450))) {
    if (rng.chance(0.85)) {
      Action& a = add(ActionKind::kHealthCheck, dental);
      a.code = "dental";
      findings(a);
    }
  }
  const Date fifth = add_years(born, 5);
  for (Date development = later(start + 30, born + 180); development < last && development < fifth;
       development = development + static_cast<int32_t>(rng.between(300, 380))) {
    if (rng.chance(0.9)) {
      Action& a = add(ActionKind::kHealthCheck, development);
      a.code = "development";
      findings(a);
    }
  }
  const Date seventeenth = birthday(born, 17);
  for (Date sdq = later(start, add_years(born, 4)) + static_cast<int32_t>(rng.between(60, 330));
       sdq < last && sdq < seventeenth;
       sdq = add_months(sdq, 12) - static_cast<int32_t>(rng.between(1, 30))) {
    Action& a = add(ActionKind::kSdq, sdq);
    if (rng.chance(0.82)) {
      const double score = 14 + 6.5 * (rng.uniform() + rng.uniform() + rng.uniform() - 1.5) * 2;
      a.code = std::to_string(std::clamp(static_cast<int>(std::lround(score)), 0, 40));
    } else {
      const bool teenager = age_in_years(born, sdq) >= 11;
      a.code = teenager && rng.chance(0.5) ? "SDQ5" : rng.chance(0.6) ? "SDQ2" : "SDQ4";
    }
  }
  const Date school_from = later(start, reception_starts(born));
  const Date school_to = std::min(last, year_eleven_ends(born));
  const std::string_view primary = kPrimarySchools[rng.below(std::size(kPrimarySchools))];
  const std::string_view secondary = kSecondarySchools[rng.below(std::size(kSecondarySchools))];
  Date pep =
      calendar.add_working_days(school_from, rng.chance(0.8) ? rng.between(5, 20) : rng.between(21, 45));
  while (pep < school_to) {
    if (rng.chance(0.93)) {
      Action& a = add(ActionKind::kEducationPlan, pep);
      a.text = std::to_string(rng.below(6));
      a.reason = std::string(age_in_years(born, pep) < 11 ? primary : secondary);
    }
    // Early in the next term: autumn from September, spring from January, summer from April.
    const Date term_end = end_of_next_term(pep);
    const Date next_term_start = term_end.month() == 3   ? Date::from_ymd(term_end.year(), 1, 4)
                                 : term_end.month() == 8 ? Date::from_ymd(term_end.year(), 4, 15)
                                                         : Date::from_ymd(term_end.year(), 9, 8);
    pep = working_day_on_or_after(calendar, next_term_start + static_cast<int32_t>(rng.between(0, 60)));
  }
  for (Date year = later(start, add_years(born, 12)); year < last; year = add_years(year, 1)) {
    if (rng.chance(0.05)) {
      const Date on = year + static_cast<int32_t>(rng.between(0, 364));
      if (on < last) {
        Action& a = add(ActionKind::kSubstanceMisuse, on);
        a.text = std::to_string(rng.below(4));
        a.code = rng.chance(0.75) ? (rng.chance(0.6) ? "received" : "offered") : "";
      }
    }
    if (rng.chance(0.03)) {
      const Date on = year + static_cast<int32_t>(rng.between(0, 364));
      if (on < last && age_in_years(born, on) >= 10)
        add(ActionKind::kConviction, on).text = std::to_string(rng.below(5));
    }
  }
}

}  // namespace

std::optional<PlannedCare> plan_care(const PlanContext& context, Household& h, int child,
                                     const std::vector<HeldBy>& holders, Rng& rng) {
  const WorkingDayCalendar& calendar = *context.calendar;
  const Member& m = h.members[static_cast<size_t>(child)];
  const Date today = london_date(context.now);
  Timestamp earliest = holders.front().from;
  for (const Action& a : h.actions) {
    if (a.member != child) continue;
    if (a.kind == ActionKind::kDeath) return std::nullopt;
    if (a.kind == ActionKind::kBirth) earliest = std::max(earliest, a.at);
  }
  if (m.recorded_unborn && earliest == holders.front().from && m.born > london_date(earliest)) {
    return std::nullopt;  // not born (or the birth not recorded) in the history
  }
  // The rules by age read the date of birth on the record: a child first recorded with a mistyped
  // one is not planned into care (a simplification that loses very few).
  const std::optional<Date>& recorded_birth = m.input.details.date_of_birth;
  if (recorded_birth && *recorded_birth != m.born) return std::nullopt;
  const Date allocated_on = london_date(holders.front().from);
  const int age_then = m.born > allocated_on ? 0 : age_in_years(m.born, allocated_on);
  // An unaccompanied asylum-seeking child comes into care on arriving.
  if (!m.unaccompanied && !rng.chance(kCareChance[age_band(age_then)])) return std::nullopt;

  // ---- coming into care ----
  const bool emergency_band = rng.weighted(kEntryDelayWeights) == 0;
  Date start;
  if (m.born >= allocated_on) {
    start = later(m.born, london_date(earliest)) + static_cast<int32_t>(rng.between(0, 3));
  } else {
    const auto& delay = kEntryDelays[emergency_band ? 0 : 1 + rng.below(2)];
    start = allocated_on + static_cast<int32_t>(rng.between(delay[0], delay[1]));
  }
  if (m.unaccompanied) start = allocated_on + static_cast<int32_t>(rng.between(0, 1));
  start = later(start, london_date(earliest));
  const Date eighteenth = birthday(m.born, 18);
  if (start + 60 >= eighteenth || start >= today) return std::nullopt;
  const int age = age_in_years(m.born, start);
  const bool emergency = emergency_band || m.born >= allocated_on;
  Path path = m.unaccompanied ? kUntilAdult : static_cast<Path>(rng.weighted(kPathWeights[age_band(age)]));

  // ---- legal status ----
  std::vector<Change> changes;
  std::string status;
  if (path == kAdoption) {
    status = "C1";
  } else if (m.unaccompanied) {
    status = "V2";  // accommodated under section 20: no one with parental responsibility is here
  } else if (age >= 16) {
    status = rng.chance(0.65) ? "V2" : "C1";
  } else if (age >= 10) {
    status = rng.chance(0.3) ? "V2" : "C1";
  } else {
    status = path == kHome && rng.chance(0.35) ? "V2" : "C1";
  }
  if (emergency && age < 10 && status == "C1" && rng.chance(0.3)) {
    status = rng.chance(0.6) ? "L2" : "L1";
    // Police protection lasts at most 72 hours (rule 361), an emergency protection order 8 days.
    changes.push_back({start + static_cast<int32_t>(status == "L1" ? rng.between(1, 3) : rng.between(2, 8)),
                       "C1", std::nullopt, ""});
  }
  const std::string first_status = status;

  // ---- the way out ----
  Date end = start;  // the day care ends (after `today`: still looked after)
  std::string rec;
  Date adoption_status_on;  // E1 (the adoption path)
  Date adoption_placed_on;  // placed for adoption
  switch (path) {
    case kHome:
      end = start + static_cast<int32_t>(rng.chance(0.55) ? rng.between(14, 180) : rng.between(181, 900));
      rec = rng.chance(0.85) ? "E4A" : rng.chance(0.67) ? "E4B" : "E13";
      break;
    case kSpecialGuardianship:
      end = start + static_cast<int32_t>(rng.between(365, 900));
      break;
    case kChildArrangements:
      end = start + static_cast<int32_t>(rng.between(200, 600));
      rec = "E41";
      break;
    case kAdoption:
      adoption_status_on = start + static_cast<int32_t>(rng.between(250, 420));
      adoption_placed_on = adoption_status_on + static_cast<int32_t>(rng.between(60, 300));
      end = adoption_placed_on + static_cast<int32_t>(rng.between(150, 300));
      rec = rng.chance(0.3) ? "E11" : "E12";
      break;
    case kUntilAdult:
      end = eighteenth;
      break;
  }
  if (end >= eighteenth) {
    end = eighteenth;
    if (path != kUntilAdult) {
      path = kUntilAdult;
      rec.clear();
    }
  }
  // Care orders: an interim order becomes a full one at the final hearing; some accommodated
  // children come under an order later.
  const Date care_last = std::min(end, today);  // care's last day in the history
  const Date order_on = start + static_cast<int32_t>(rng.between(120, 300));
  const bool interim = first_status == "C1" || first_status == "L1" || first_status == "L2";
  if (interim && rng.chance(0.9) && (path != kAdoption || order_on < adoption_status_on)) {
    changes.push_back({order_on, "C2", std::nullopt, ""});
  } else if (first_status == "V2" && path != kHome && !m.unaccompanied && rng.chance(0.2)) {
    changes.push_back({start + static_cast<int32_t>(rng.between(30, 200)), "C1", std::nullopt, ""});
  }
  if (path == kAdoption) changes.push_back({adoption_status_on, "E1", std::nullopt, ""});

  // ---- placements and moves ----
  const Family family{&h, m.true_surname.empty() ? m.input.details.name.surname : m.true_surname, m.heritage};
  Placement current = placement_of(
      rng, m.unaccompanied ? unaccompanied_type(rng, age) : type_for(rng, age, path == kAdoption), family,
      start);
  const Placement first_placement = current;
  // The forced last move of each path: to adopters, to relatives who will be special guardians,
  // home to parents before care ends.
  std::optional<Change> last_move;
  if (path == kAdoption) {
    Placement adopters = current;
    if (current.type == "U5" && rng.chance(0.8)) {
      adopters.type = "A5";  // the foster carers who are also approved adopters adopt
    } else {
      adopters = placement_of(rng, "A6", family, adoption_placed_on);
    }
    last_move = Change{adoption_placed_on, "", adopters, "CARPL"};
  } else if (path == kSpecialGuardianship && rng.chance(0.5)) {
    last_move = Change{end - static_cast<int32_t>(rng.between(120, 250)), "",
                       placement_of(rng, "U3", family, end), "CARPL"};
  } else if (path == kHome && end - start > 150 && rng.chance(0.8)) {
    // Home under a care order: placed with parents for months before the order is discharged.
    last_move = Change{end - static_cast<int32_t>(rng.between(40, std::min(600, (end - start) - 30))), "",
                       placement_of(rng, "P1", family, end), "CARPL"};
  }
  const Date moves_until = std::min(last_move ? last_move->on : end, care_last);
  Date placed = start;
  for (int moves = 0; moves < 12; ++moves) {
    const Date next = placed + static_cast<int32_t>(exponential_days(rng, mean_stay(current.type), 7));
    // A short-term foster or relative placement that lasts becomes long-term with the same carers.
    if ((current.type == "U6" || current.type == "U3") && path == kUntilAdult && next - placed > 400 &&
        rng.chance(0.6)) {
      const Date becomes = placed + static_cast<int32_t>(rng.between(300, 400));
      if (becomes < moves_until) {
        Placement long_term = current;
        long_term.type = current.type == "U6" ? "U4" : "U1";
        changes.push_back({becomes, "", long_term, "PLACE"});
        current = long_term;
        placed = becomes;
        continue;
      }
    }
    if (next >= moves_until) break;
    const int age_now = age_in_years(m.born, next);
    std::string_view type =
        m.unaccompanied ? unaccompanied_type(rng, age_now) : type_for(rng, age_now, false);
    if (current.type == "R3") type = rng.chance(0.5) ? "U6" : "U3";  // after the assessment with mother
    Placement moved = placement_of(rng, type, family, next);
    changes.push_back({next, "", moved, std::string(kMoveReasons[rng.weighted(kMoveReasonWeights)])});
    current = moved;
    placed = next;
  }
  if (last_move) {
    // A move home needs a legal status other than section 20 (rule 378).
    bool v2 = first_status == "V2";
    for (const Change& c : changes) {
      if (!c.legal_status.empty() && c.on < last_move->on) v2 = c.legal_status == "V2";
    }
    if (!(last_move->placement->type == "P1" && v2)) {
      if (last_move->placement->type == "A5" && current.type != "U5") {
        last_move->placement = placement_of(rng, "A6", family, last_move->on);
      }
      changes.push_back(*last_move);
      current = *last_move->placement;
    }
  }
  std::stable_sort(changes.begin(), changes.end(),
                   [](const Change& a, const Change& b) { return a.on < b.on; });
  // One change a day, each after the one before and before the end.
  std::vector<Change> kept;
  Date previous = start;
  for (Change c : changes) {
    if (c.on <= previous) c.on = previous + 1;
    if (c.on >= end) continue;
    previous = c.on;
    kept.push_back(std::move(c));
  }
  // The placement care ends in decides the reason where the path did not.
  std::string end_type = first_placement.type;
  for (const Change& c : kept) {
    if (c.placement) end_type = c.placement->type;
  }
  const bool foster = end_type.size() == 2 && end_type[0] == 'U';
  if (path == kAdoption && end_type != "A5" && end_type != "A6") {
    rec = "E8";
  } else if (path == kSpecialGuardianship) {
    rec = !foster ? (rng.chance(0.7) ? "E47" : "E48") : end_type <= "U3" ? "E45" : "E46";
  } else if (path == kUntilAdult) {
    rec = end_type == "K3" ? (rng.chance(0.7) ? "E5" : "E6")
          : foster         ? (rng.chance(0.55)  ? "E17"
                              : rng.chance(0.6) ? "E5"
                                                : "E8")
                           : (rng.chance(0.5) ? "E5" : "E8");
  }

  // ---- the actions, in date order ----
  struct Item {
    Date on;
    int order;  // within a day: changes, then reviews, visits, missing, screenings, health
    Action action;
    Rng* stream = nullptr;    // the stream it was drawn from, its time too; none: the care stream
    bool after_care = false;  // leaving care: the Children in Need episode need not stay open for it
  };
  std::vector<Item> items;
  const auto item = [&](ActionKind kind, Date on, int order) -> Action& {
    Action a;
    a.kind = kind;
    a.member = child;
    a.date = on;
    items.push_back({on, order, std::move(a)});
    return items.back().action;
  };
  {
    Action& a = item(ActionKind::kStartCare, start, 0);
    a.code = first_status;
    a.reason = m.unaccompanied ? "N8" : std::string(kNeeds[rng.weighted(kNeedWeights)]);
    a.placement = first_placement;
  }
  if (m.unaccompanied) item(ActionKind::kUasc, start, 1);
  for (const Change& c : kept) {
    Action& a = item(ActionKind::kChangeCare, c.on, 1);
    a.code = c.legal_status;
    a.placement = c.placement;
    a.reason = c.placement ? c.reason : "";
  }
  if (end < today) item(ActionKind::kEndCare, end, 9).code = rec;
  {
    Action& a =
        item(ActionKind::kAppointReviewingOfficer, calendar.add_working_days(start, rng.between(1, 5)), 2);
    a.worker = static_cast<int>(rng.below(static_cast<uint64_t>(std::max(1, context.managers))));
    a.officer = static_cast<int>(rng.below(static_cast<uint64_t>(std::max(1, context.reviewing_officers))));
  }
  // Reviews: within 20 working days, then 3 months, then every 6 months; most on time.
  Date review = calendar.add_working_days(start, rng.chance(0.88) ? rng.between(8, 20) : rng.between(21, 35));
  const auto officer_of = [&] {
    for (const Item& i : items) {
      if (i.action.kind == ActionKind::kAppointReviewingOfficer) return i.action.officer;
    }
    return 0;
  };
  const int officer = officer_of();
  for (int n = 0; review < care_last; ++n) {
    Action& a = item(ActionKind::kCareReview, review, 3);
    a.officer = officer;
    const int age_at = age_in_years(m.born, review);
    a.code = age_at < 4 ? "PN0" : std::string(kParticipation[rng.weighted(kParticipationWeights)]);
    std::string placement_then = first_placement.type;
    for (const Change& c : kept) {
      if (c.on <= review && c.placement) placement_then = c.placement->type;
    }
    a.reason = permanence_for(path, placement_then, age_at, n == 0, rng);
    a.text = std::to_string(rng.below(8));
    const Date due = add_months(review, n == 0 ? 3 : 6);
    review =
        working_day_on_or_after(calendar, rng.chance(0.88) ? due - static_cast<int32_t>(rng.between(1, 20))
                                                           : due + static_cast<int32_t>(rng.between(1, 30)));
  }
  // Statutory visits in the last half year: within a week of each placement starting, then about
  // every six weeks (three months in a long-term placement after its first year).
  const Date visit_window = today - kVisitWindowDays;
  std::vector<std::pair<Date, std::string>> placements{{start, first_placement.type}};
  for (const Change& c : kept) {
    if (c.placement) placements.emplace_back(c.on, c.placement->type);
  }
  for (size_t i = 0; i < placements.size(); ++i) {
    const Date from = placements[i].first;
    const Date until = i + 1 < placements.size() ? placements[i + 1].first : care_last;
    if (until < visit_window) continue;
    const bool long_term = placements[i].second == "U1" || placements[i].second == "U4";
    Date visit = from + static_cast<int32_t>(rng.chance(0.88) ? rng.between(1, 7) : rng.between(8, 14));
    while (visit < until) {
      if (visit >= visit_window) {
        Action& a = item(ActionKind::kVisit, visit, 4);
        const bool alone_age = age_in_years(m.born, visit) >= 4;
        a.code = rng.chance(0.04) ? "unseen" : alone_age && rng.chance(0.7) ? "alone" : "seen";
        a.text = std::to_string(rng.below(6));
        a.reason = "care";
      }
      const bool settled = long_term && visit - from > 365;
      const int gap = settled            ? rng.between(60, 92)
                      : rng.chance(0.85) ? rng.between(28, 42)
                                         : rng.between(43, 70);
      visit = visit + static_cast<int32_t>(gap);
    }
  }
  // Missing episodes and exploitation screenings, for children of 11 and over.
  const Date missing_window = context.first_day;
  const bool prone = age_in_years(m.born, care_last) >= 11 && rng.chance(kMissingProne);
  std::optional<Date> first_missing;
  if (prone) {
    const double rate = kMissingRates[rng.weighted(kMissingRateWeights)];
    Date day = later(start, missing_window);
    while (true) {
      day = day + static_cast<int32_t>(exponential_days(rng, 365.0 / rate, 1));
      if (day >= care_last || age_in_years(m.born, day) < 11) {
        if (day >= care_last) break;
        continue;
      }
      const auto& length = kMissingDays[rng.weighted(kMissingDayWeights)];
      // Back before care ends: care does not end while the child is missing (rules 577, 580).
      const Date until = end < today ? end - 1 : care_last;
      const Date back = std::min(until, day + static_cast<int32_t>(rng.between(length[0], length[1])));
      item(ActionKind::kGoMissing, day, 5).code = rng.chance(0.7) ? "M" : "A";
      if (!first_missing) first_missing = day;
      if (back >= today) break;  // still missing when the history ends
      item(ActionKind::kComeBack, back, 6).text = std::to_string(rng.below(6));
      const Date offered =
          back + static_cast<int32_t>(rng.chance(0.85) ? rng.between(0, 3) : rng.between(4, 10));
      const Date held = offered + static_cast<int32_t>(rng.between(0, 2));
      const bool accepted = rng.chance(0.6) && held < today;
      if (offered < today) {
        // Recorded once held (the day it was offered when the child declined).
        Action& interview = item(ActionKind::kReturnInterview, accepted ? held : offered, 7);
        interview.date = offered;
        interview.code = accepted ? "accepted" : "declined";
        if (accepted) {
          interview.held_on = held;
          interview.text = std::to_string(rng.below(6));
        }
      }
      day = std::max(back, accepted ? held : offered) + 1;
    }
  }
  // Screenings: after a child's first missing episode (then as often as the risk asks), and once for
  // some other teenagers in care.
  std::optional<Date> screen;
  if (first_missing) {
    screen = *first_missing + static_cast<int32_t>(rng.between(1, 14));
  } else if (age_in_years(m.born, care_last) >= 12 && rng.chance(0.15)) {
    screen = later(later(start, missing_window), add_years(m.born, 12)) +
             static_cast<int32_t>(rng.between(30, 120));
  }
  size_t risk = rng.weighted(kRiskWeights);
  if (!first_missing && risk < 2) risk = 2;
  while (screen && *screen < care_last && *screen < eighteenth && *screen >= missing_window) {
    Action& a = item(ActionKind::kScreenExploitation, *screen, 8);
    a.code = std::string(kRisks[risk]);
    const double kind = rng.uniform();
    a.text = risk == 3 ? "" : kind < 0.35 ? "sexual" : kind < 0.75 ? "criminal" : "sexual,criminal";
    a.reason = std::to_string(rng.below(4));
    if (risk == 3 || !first_missing) break;
    const int months = risk == 0 ? 1 : risk == 1 ? 3 : 6;
    screen = add_months(*screen, months) +
             static_cast<int32_t>(rng.chance(0.85) ? -rng.between(0, 10) : rng.between(1, 30));
    if (rng.chance(0.3)) risk = std::min<size_t>(3, risk + 1);  // the risk eases for some
  }

  // Health and education, from their own stream so the rest of the council stays as it was.
  Rng health(context.seed,
             mix64(static_cast<uint64_t>(h.number)) ^ (static_cast<uint64_t>(child) << 40) ^
                 static_cast<uint64_t>(start.days_since_epoch()),
             Purpose::kHealth);
  plan_health(m.born, start, care_last, calendar, health, [&](ActionKind kind, Date on) -> Action& {
    Action& a = item(kind, on, 10);
    items.back().stream = &health;
    return a;
  });

  // Adoption and permanence, from their own stream for the same reason.
  Rng permanence(context.seed,
                 mix64(static_cast<uint64_t>(h.number)) ^ (static_cast<uint64_t>(child) << 40) ^
                     static_cast<uint64_t>(start.days_since_epoch()),
                 Purpose::kPermanence);
  // Adoption is considered for some young children who leave care another way.
  const bool considered =
      age < 5 && (path == kUntilAdult || path == kSpecialGuardianship || path == kChildArrangements);
  // A child adopted from this council's care before, whose adoption broke down.
  std::optional<Date> adopted_before;
  for (const Action& a : h.actions) {
    if (a.member == child && a.kind == ActionKind::kEndCare && (a.code == "E11" || a.code == "E12")) {
      adopted_before = a.date;
    }
  }
  plan_permanence(context, m.born, start, path == kAdoption, considered, kept, end, today, adopted_before,
                  permanence, [&](ActionKind kind, Date on) -> Action& {
                    Action& a = item(kind, on, 1);
                    items.back().stream = &permanence;
                    return a;
                  });

  // Leaving care, from its own stream too; not for a child adopted, who died or moved to another
  // council's care, now or before (they are not this council's care leavers), and the personal
  // adviser only once.
  bool not_a_care_leaver = rec == "E11" || rec == "E12" || rec == "E2" || rec == "E3";
  bool adviser_before = false;
  for (const Action& a : h.actions) {
    if (a.member != child) continue;
    not_a_care_leaver |= a.kind == ActionKind::kEndCare &&
                         (a.code == "E11" || a.code == "E12" || a.code == "E2" || a.code == "E3");
    adviser_before |= a.kind == ActionKind::kAppointAdviser;
  }
  Rng leaving(context.seed,
              mix64(static_cast<uint64_t>(h.number)) ^ (static_cast<uint64_t>(child) << 40) ^
                  static_cast<uint64_t>(start.days_since_epoch()),
              Purpose::kLeavingCare);
  if (!not_a_care_leaver) {
    plan_leaving_care(context, m.born, start, end, today, leaving, [&](ActionKind kind, Date on) -> Action& {
      Action& a = item(kind, on, 11);
      items.back().stream = &leaving;
      items.back().after_care = true;
      return a;
    });
  }
  if (adviser_before) {
    std::erase_if(items, [](const Item& i) { return i.action.kind == ActionKind::kAppointAdviser; });
  }

  std::stable_sort(items.begin(), items.end(), [](const Item& a, const Item& b) {
    return a.on != b.on ? a.on < b.on : a.order < b.order;
  });
  // Recorded in office hours on or after the day, each after the one before; nothing at or after now.
  const auto holder_at = [&](Timestamp t) {
    int holder = holders.front().holder;
    for (const HeldBy& b : holders) {
      if (b.from <= t) holder = b.holder;
    }
    return holder;
  };
  Timestamp last_at = earliest;
  Timestamp last_in_care_at = earliest;  // the last action the episode stays open for
  PlannedCare planned;
  bool started = false;
  for (Item& i : items) {
    Rng& times = i.stream ? *i.stream : rng;
    Timestamp at = office_moment(times, working_day_on_or_after(calendar, i.on));
    if (at <= last_at) at = last_at.plus_seconds(times.between(60, 900));
    if (at >= context.now) break;
    last_at = at;
    if (!i.after_care) last_in_care_at = at;
    i.action.at = at;
    i.action.holder = holder_at(at);
    if (i.action.kind == ActionKind::kStartCare) {
      planned.starts_at = at;
      started = true;
    }
    if (i.action.kind == ActionKind::kEndCare) planned.ends = i.on;
    h.actions.push_back(std::move(i.action));
  }
  if (!started) return std::nullopt;
  // A care leaver who comes back into care has no leaving-care contacts while looked after again:
  // drop those an earlier period planned for days in this one.
  std::erase_if(h.actions, [&](const Action& a) {
    return a.member == child && a.kind == ActionKind::kCareLeaverContact && a.date && *a.date >= start &&
           (!planned.ends || *a.date < *planned.ends);
  });
  planned.last_at = last_in_care_at;
  // Adopted (RC1), a special guardianship (RC4) or child arrangements order (RC3), transferred to
  // adult social care (RC6) for a few who leave at 18, services ceased (RC7) for the rest.
  const bool special_guardianship = rec == "E45" || rec == "E46" || rec == "E47" || rec == "E48";
  planned.closure_reason = !planned.ends                            ? "RC7"
                           : rec == "E11" || rec == "E12"           ? "RC1"
                           : special_guardianship                   ? "RC4"
                           : rec == "E41"                           ? "RC3"
                           : path == kUntilAdult && rng.chance(0.1) ? "RC6"
                                                                    : "RC7";
  return planned;
}

}  // namespace safeguard::synth
