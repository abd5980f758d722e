#include "synth/front_door_plan.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <span>
#include <string_view>

#include "domain/child_journey.h"
#include "rules/front_door.h"
#include "synth/care_plan.h"
#include "synth/names.h"
#include "synth/office_time.h"

namespace safeguard::synth {
namespace {

// ---- the model's parameters (calibrated against data-and-volumes.md with `safeguard demo`) ----

// Contacts after the first, per household and year: kEarlyRate just after the first contact,
// decaying with kDecayYears to the background rate, times the household's frailty.
constexpr double kEarlyRate = 3.9;
constexpr double kDecayYears = 0.75;
constexpr double kBackgroundRate = 0.55;
// Frailty: most families are heard of rarely, a few very often (mean about 1).
constexpr double kFrailty[] = {0.15, 0.7, 1.8, 4.5};
constexpr double kFrailtyWeights[] = {42, 30, 20, 8};
// A child referred in the past twelve months is referred again this much less often.
constexpr double kRecentReferralFactor = 0.9;
// Brothers and sisters on the same contact share the index child's outcome this often.
constexpr double kSiblingsShareOutcome = 0.8;
// Decisions: some are late whatever happens; some wait for every partner's answer.
constexpr double kLateDecision = 0.05;
constexpr double kWaitsForAllAnswers = 0.15;
constexpr double kDecidedNextDay = 0.3;
// Managers: authorisations mostly within hours; some take days; a few decisions are returned.
constexpr double kAuthorisedSameDay = 0.9;
constexpr double kReturned = 0.06;
// The end of the history: contacts of the last working day or two mostly still wait; a few older
// ones were forgotten.
constexpr double kLiveUndecided = 0.7;
constexpr double kForgotten = 0.03;

// ---- who is on a contact ----

enum Band { kUnborn, kUnderOne, kOneToFour, kFiveToNine, kTenToFifteen, kSixteenPlus };

Band band_of(const Member& m, Date on) {
  if (m.born > on) return kUnborn;
  const int age = age_in_years(m.born, on);
  if (age < 1) return kUnderOne;
  if (age < 5) return kOneToFour;
  if (age < 10) return kFiveToNine;
  if (age < 16) return kTenToFifteen;
  return kSixteenPlus;
}

constexpr unsigned bit(Band b) { return 1u << b; }
constexpr unsigned kAllAges = 0x3f;
constexpr unsigned kBorn = kAllAges & ~bit(kUnborn);
constexpr unsigned kFromOne = bit(kOneToFour) | bit(kFiveToNine) | bit(kTenToFifteen) | bit(kSixteenPlus);
constexpr unsigned kFromFive = bit(kFiveToNine) | bit(kTenToFifteen) | bit(kSixteenPlus);
constexpr unsigned kFromTen = bit(kTenToFifteen) | bit(kSixteenPlus);

// ---- sources (DfE referral source codes), by the index child's age ----

struct SourceWeights {
  std::string_view code;
  std::array<double, 6> by_band;  // unborn, <1, 1-4, 5-9, 10-15, 16-17
};

constexpr SourceWeights kSources[] = {
    {"6", {8, 22, 30, 24, 30, 38}},  // police
    {"2A", {0, 0, 3, 38, 32, 13}},   // schools
    {"2B", {0, 0, 2, 3, 4, 3}},      // education services
    {"3A", {4, 6, 5, 3, 3, 3}},      // GP
    {"3B", {0, 20, 12, 0, 0, 0}},    // health visitor
    {"3C", {0, 0, 0, 2, 3, 2}},      // school nurse
    {"3D", {55, 6, 1, 0, 0, 0}},     // other primary health: midwives
    {"3E", {0, 5, 4, 2, 4, 6}},      // emergency department
    {"3F", {5, 3, 2, 3, 4, 4}},      // other health: mental health, hospital teams
    {"4", {1, 1, 2, 1, 1, 2}},       // housing
    {"5A", {8, 5, 4, 3, 3, 2}},      // adult social care
    {"5B", {0, 0, 0, 1, 4, 9}},      // youth justice and other internal services
    {"5C", {1, 2, 2, 2, 2, 2}},      // another local authority
    {"5D", {3, 6, 7, 7, 6, 3}},      // early help
    {"1A", {3, 5, 5, 4, 4, 3}},      // family
    {"1B", {1, 2, 3, 2, 1, 1}},      // neighbours, friends, childminders
    {"1C", {0, 0, 0, 0, 1, 3}},      // the young person
    {"1D", {1, 1, 1, 1, 1, 1}},      // others
    {"7", {5, 5, 4, 3, 3, 4}},       // probation, courts, CAFCASS
    {"8", {4, 6, 6, 4, 4, 4}},       // children's centres, voluntary sector
    {"9", {0, 2, 3, 2, 2, 1}},       // anonymous
    {"10", {1, 1, 1, 1, 1, 1}},      // unknown
};

// ---- concerns, and what the front door decides about them ----

enum Concern {
  kDomesticAbuse,
  kNeglect,
  kPhysical,
  kSexual,
  kEmotional,
  kParentMentalHealth,
  kParentSubstances,
  kChildMentalHealth,
  kMissing,
  kExploitation,
  kBehaviour,
  kDisability,
  kYoungCarer,
  kPreBirth,
  kAllegation,
  kHousing,
  kHelp,
  kOffender,
  kMovedIn,
  kUnaccompanied,  // an unaccompanied asylum-seeking child: only the arrival's contact (FrontDoorFamily)
};

constexpr std::string_view kOutcomes[] = {"nfa", "advice", "early_help", "referral", "strategy_discussion",
                                          "lado"};
enum Outcome { kNfa, kAdvice, kEarlyHelp, kReferral, kStrategy, kLado };

struct ConcernInfo {
  std::string_view name;                  // "domestic abuse", for questions and rationales
  std::string_view factors;               // DfE factor codes: the first always, each other half the time
  std::array<double, 6> outcomes;         // weights, in kOutcomes order
  double siblings;                        // the chance each brother or sister is on the contact too
  unsigned ages;                          // the index child's ages it can be about
  std::array<std::string_view, 2> words;  // what the caller says
};

constexpr ConcernInfo kConcerns[] = {
    {"domestic abuse",
     "3B 3A",
     {30, 18, 22, 20, 10, 0},
     0.9,
     kAllAges,
     {"Police were called to the family home in {town} late last night after neighbours heard shouting "
      "and something breaking. {parent} said her partner had pushed her against a wall. {child} was in "
      "the house and awake when officers arrived.",
      "Domestic incident: {parent} reports an argument with her ex-partner that turned physical on the "
      "doorstep while {child} watched. He left before police arrived. Not the first incident this "
      "year."}},
    {"neglect",
     "16A",
     {12, 15, 30, 33, 10, 0},
     0.8,
     kBorn,
     {"{child} has come in hungry most days this half term, in the same clothes, with head lice that "
      "have not been treated for weeks. Appointments keep being missed.",
      "Home visit found very poor conditions: little food in the house, dog mess on the floor, {child} "
      "sleeping on a mattress with no bedding. {parent} seemed low and overwhelmed."}},
    {"a physical injury",
     "18C",
     {10, 10, 12, 28, 40, 0},
     0.35,
     kBorn,
     {"{child} has bruising to the upper arm that looks like finger marks. When asked, {child} said "
      "that Dad grabbed them because they were naughty.",
      "{child} was brought in with an injury the explanation does not fit, and help was not sought for "
      "two days."}},
    {"possible sexual abuse",
     "19C",
     {5, 5, 5, 25, 60, 0},
     0.2,
     kFromOne,
     {"{child} told a member of staff that an adult family friend touches them when he babysits and "
      "told them to keep it a secret.",
      "Worried that {child} has been sending images to an older man met online, who has asked to "
      "meet."}},
    {"emotional harm",
     "17A",
     {18, 20, 27, 28, 7, 0},
     0.6,
     kBorn,
     {"{child} says they are scared to go home because of constant shouting and being called names. "
      "Withdrawn and anxious in class.",
      "Caller worried that {child} is shouted at and shut in their bedroom for hours as a "
      "punishment."}},
    {"a parent's mental health",
     "4B",
     {18, 25, 27, 25, 5, 0},
     0.9,
     kAllAges,
     {"{parent} has been very low and told us she has had thoughts of harming herself. She is at home "
      "alone with {child} most of the day and has no family nearby.",
      "{parent} was admitted to hospital under the Mental Health Act last night. The children are "
      "staying with a neighbour; no family support identified yet."}},
    {"a parent's drug or alcohol use",
     "2B 1B",
     {15, 20, 27, 30, 8, 0},
     0.85,
     kAllAges,
     {"{parent} appeared drunk when collecting {child} and tried to drive away. Staff called the "
      "police.",
      "Drug paraphernalia found in the home during a police visit; {parent} says she uses cannabis "
      "daily and sometimes cocaine while looking after the children."}},
    {"the child's mental health",
     "4A 15A",
     {14, 38, 28, 17, 3, 0},
     0.05,
     kFromFive,
     {"{child} took an overdose and was seen at hospital; discharged home with a mental health "
      "follow-up. Parents are struggling to keep {child} safe.",
      "{child} has been cutting and told the school nurse about thoughts of ending their life. Parents "
      "know but say they do not know how to help."}},
    {"going missing",
     "10A",
     {20, 15, 20, 35, 10, 0},
     0.0,
     kFromTen,
     {"{child} was reported missing overnight and found by police in {town} at 3am with older "
      "youths. The third missing episode in two months.",
      "{child} keeps going missing for a day or two at a time; {parent} does not know where. Return "
      "home interviews declined."}},
    {"exploitation",
     "24A 13A",
     {3, 5, 12, 35, 45, 0},
     0.05,
     kFromTen,
     {"{child} was found with a large amount of cash and two phones; police believe {child} is being "
      "used to carry drugs to {town} for an organised group.",
      "Concern that {child} is being groomed by older men: seen getting into cars, given alcohol and "
      "gifts, staying out overnight."}},
    {"the child's behaviour",
     "14A",
     {28, 30, 35, 7, 0, 0},
     0.1,
     kFromFive,
     {"{child} has been excluded for assaulting a member of staff. Behaviour at home is escalating "
      "and the parents are asking for help.",
      "{child} was dealt with by police for criminal damage in {town}. Parents say they cannot cope "
      "with {child}'s behaviour."}},
    {"the child's disability",
     "5A 6A",
     {8, 30, 22, 40, 0, 0},
     0.1,
     kBorn,
     {"{child} has complex needs and the parents are exhausted and not sleeping; they are asking for "
      "short breaks and worry they cannot keep going.",
      "Request for an assessment for {child}, who has a life-limiting condition; the family need help "
      "with care at home."}},
    {"a young carer's needs",
     "7A",
     {5, 40, 45, 10, 0, 0},
     0.5,
     kFromFive,
     {"{child} looks after {parent}, who is unwell, and the younger children. Often late and tired; "
      "says there is no one else to help.",
      ""}},
    {"an unborn baby",
     "2B 3B",
     {5, 10, 25, 50, 10, 0},
     0.3,
     bit(kUnborn),
     {"Midwife: mother has a history of drug use and a previous child was removed from her care in "
      "another area. She has missed several antenatal appointments.",
      "At booking, mother disclosed domestic abuse by the baby's father. She is frightened of him and "
      "he still visits."}},
    {"an allegation against someone who works with children",
     "",
     {8, 5, 0, 2, 3, 82},
     0.0,
     kFromOne,
     {"Allegation that a member of staff grabbed {child} by the arm and shouted at them; {child} has "
      "a bruise.",
      "{parent} reports that {child}'s sports coach has been messaging {child} privately and giving "
      "gifts."}},
    {"housing",
     "20",
     {8, 50, 30, 12, 0, 0},
     1.0,
     kAllAges,
     {"The family are being evicted from their home in {town} next week for rent arrears and have "
      "nowhere to go. Worried about the children.",
      ""}},
    {"a family asking for help",
     "21",
     {5, 40, 40, 15, 0, 0},
     0.7,
     kBorn,
     {"{parent} rang asking for help: struggling with {child}'s behaviour and with money since the "
      "separation. No safeguarding concerns heard on the call.",
      "A relative is worried that the family are not coping since the parents separated; the children "
      "are being moved between homes."}},
    {"a risk from an adult in the household",
     "20 3C",
     {25, 20, 15, 30, 10, 0},
     0.9,
     kAllAges,
     {"Probation: {parent}'s new partner has convictions for offences against children and has moved "
      "into the family home.",
      "A man recently released from prison for violent offences is staying at the family's address. "
      "{parent} may not know his history."}},
    {"a family moving in from another area",
     "16A",
     {2, 3, 5, 75, 15, 0},
     1.0,
     kAllAges,
     {"Another local authority: the family have moved into the area; the children were on child "
      "protection plans for neglect there.",
      "Transfer in: the family moved to {town} last month; the children were open to children's "
      "social care in their previous area."}},
    {"an unaccompanied asylum-seeking child",
     "9A 12A",
     {0, 0, 0, 1, 0, 0},
     0.0,
     kFromTen,
     {"{child} was found by police at a lorry park near {town} this morning with no adult, saying they "
      "are under 18 and came from abroad alone. {child} speaks little English and needs somewhere to "
      "stay tonight.",
      "National Transfer Scheme: {child}, an unaccompanied asylum-seeking child, is transferred to this "
      "council's care from the port authority where they arrived, with no family in the UK."}},
};

struct SourceConcern {
  std::string_view source;
  Concern concern;
  double weight;
};

constexpr SourceConcern kSourceConcerns[] = {
    {"6", kDomesticAbuse, 45},
    {"6", kMissing, 8},
    {"6", kExploitation, 6},
    {"6", kPhysical, 8},
    {"6", kSexual, 4},
    {"6", kBehaviour, 8},
    {"6", kParentSubstances, 6},
    {"6", kNeglect, 6},
    {"6", kOffender, 4},
    {"6", kEmotional, 2},
    {"6", kAllegation, 1},
    {"2A", kNeglect, 20},
    {"2A", kPhysical, 14},
    {"2A", kEmotional, 12},
    {"2A", kChildMentalHealth, 12},
    {"2A", kDomesticAbuse, 8},
    {"2A", kSexual, 5},
    {"2A", kBehaviour, 10},
    {"2A", kYoungCarer, 4},
    {"2A", kAllegation, 3},
    {"2A", kExploitation, 3},
    {"2A", kMissing, 2},
    {"2A", kParentMentalHealth, 4},
    {"2A", kParentSubstances, 3},
    {"2B", kDisability, 25},
    {"2B", kNeglect, 15},
    {"2B", kBehaviour, 20},
    {"2B", kChildMentalHealth, 15},
    {"2B", kEmotional, 10},
    {"2B", kYoungCarer, 5},
    {"2B", kAllegation, 10},
    {"3A", kParentMentalHealth, 30},
    {"3A", kChildMentalHealth, 20},
    {"3A", kNeglect, 15},
    {"3A", kPhysical, 10},
    {"3A", kParentSubstances, 15},
    {"3A", kDisability, 10},
    {"3A", kPreBirth, 10},
    {"3B", kNeglect, 35},
    {"3B", kParentMentalHealth, 25},
    {"3B", kDomesticAbuse, 15},
    {"3B", kPhysical, 10},
    {"3B", kParentSubstances, 10},
    {"3B", kDisability, 5},
    {"3C", kChildMentalHealth, 35},
    {"3C", kNeglect, 20},
    {"3C", kEmotional, 15},
    {"3C", kSexual, 10},
    {"3C", kPhysical, 10},
    {"3C", kYoungCarer, 10},
    {"3D", kPreBirth, 60},
    {"3D", kNeglect, 12},
    {"3D", kParentMentalHealth, 12},
    {"3D", kParentSubstances, 8},
    {"3D", kDomesticAbuse, 8},
    {"3E", kPhysical, 35},
    {"3E", kChildMentalHealth, 30},
    {"3E", kParentSubstances, 15},
    {"3E", kSexual, 5},
    {"3E", kNeglect, 15},
    {"3F", kChildMentalHealth, 40},
    {"3F", kDisability, 30},
    {"3F", kNeglect, 15},
    {"3F", kParentMentalHealth, 15},
    {"3F", kPreBirth, 20},
    {"4", kHousing, 70},
    {"4", kNeglect, 20},
    {"4", kDomesticAbuse, 10},
    {"5A", kParentMentalHealth, 40},
    {"5A", kParentSubstances, 25},
    {"5A", kYoungCarer, 15},
    {"5A", kDomesticAbuse, 10},
    {"5A", kNeglect, 10},
    {"5A", kPreBirth, 15},
    {"5B", kExploitation, 35},
    {"5B", kBehaviour, 35},
    {"5B", kMissing, 15},
    {"5B", kChildMentalHealth, 15},
    {"5C", kMovedIn, 80},
    {"5C", kDomesticAbuse, 10},
    {"5C", kNeglect, 10},
    {"5D", kNeglect, 30},
    {"5D", kDomesticAbuse, 15},
    {"5D", kBehaviour, 20},
    {"5D", kEmotional, 15},
    {"5D", kParentMentalHealth, 10},
    {"5D", kHelp, 10},
    {"1A", kNeglect, 25},
    {"1A", kDomesticAbuse, 15},
    {"1A", kEmotional, 15},
    {"1A", kHelp, 25},
    {"1A", kParentSubstances, 10},
    {"1A", kPhysical, 10},
    {"1B", kNeglect, 40},
    {"1B", kDomesticAbuse, 25},
    {"1B", kEmotional, 15},
    {"1B", kPhysical, 10},
    {"1B", kParentSubstances, 10},
    {"1C", kHelp, 30},
    {"1C", kEmotional, 25},
    {"1C", kPhysical, 15},
    {"1C", kChildMentalHealth, 15},
    {"1C", kSexual, 10},
    {"1C", kDomesticAbuse, 5},
    {"1D", kNeglect, 40},
    {"1D", kPhysical, 20},
    {"1D", kEmotional, 20},
    {"1D", kDomesticAbuse, 20},
    {"7", kOffender, 45},
    {"7", kDomesticAbuse, 25},
    {"7", kParentSubstances, 15},
    {"7", kEmotional, 15},
    {"7", kPreBirth, 10},
    {"8", kNeglect, 25},
    {"8", kParentMentalHealth, 15},
    {"8", kDomesticAbuse, 15},
    {"8", kEmotional, 15},
    {"8", kDisability, 15},
    {"8", kHelp, 15},
    {"9", kNeglect, 50},
    {"9", kEmotional, 20},
    {"9", kDomesticAbuse, 15},
    {"9", kParentSubstances, 15},
    {"10", kNeglect, 40},
    {"10", kDomesticAbuse, 30},
    {"10", kEmotional, 30},
};

std::string replaced(std::string text, std::string_view key, std::string_view value) {
  for (size_t at = text.find(key); at != std::string::npos; at = text.find(key, at + value.size()))
    text.replace(at, key.size(), value);
  return text;
}

std::vector<std::string> split_codes(std::string_view codes) {
  std::vector<std::string> out;
  size_t start = 0;
  while (start < codes.size()) {
    size_t end = codes.find(' ', start);
    if (end == std::string_view::npos) end = codes.size();
    if (end > start) out.emplace_back(codes.substr(start, end - start));
    start = end + 1;
  }
  return out;
}

bool is_ascii_name(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(),
                                   [](char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); });
}

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

std::string digits(Rng& rng, int n) {
  std::string out;
  for (int i = 0; i < n; ++i) out += static_cast<char>('0' + rng.below(10));
  return out;
}

// ---- words ----

std::string school_of(Band band, const std::string& town) {
  switch (band) {
    case kUnborn:
    case kUnderOne:
    case kOneToFour:
      return town + " Nursery";
    case kFiveToNine:
      return town + " Primary School";
    case kTenToFifteen:
      return town + " High School";
    case kSixteenPlus:
      return town + " College";
  }
  return town + " School";
}

struct Workplace {
  std::string_view relationship;
  std::string_view domain;  // for an email address
};

Workplace workplace_of(std::string_view source) {
  if (source == "6") return {"Police officer, safeguarding team", "police.example.org"};
  if (source == "2A") return {"Designated safeguarding lead", "school.example.org"};
  if (source == "2B") return {"Education welfare officer", "education.example.org"};
  if (source == "3A") return {"GP", "nhs.example.org"};
  if (source == "3B") return {"Health visitor", "nhs.example.org"};
  if (source == "3C") return {"School nurse", "nhs.example.org"};
  if (source == "3D") return {"Community midwife", "nhs.example.org"};
  if (source == "3E") return {"Nurse, emergency department", "nhs.example.org"};
  if (source == "3F") return {"Mental health practitioner", "nhs.example.org"};
  if (source == "4") return {"Housing officer", "housing.example.org"};
  if (source == "5A") return {"Social worker, adult social care", "council.example.org"};
  if (source == "5B") return {"Youth justice worker", "council.example.org"};
  if (source == "5C") return {"Social worker, another local authority", "otherla.example.org"};
  if (source == "5D") return {"Family support worker, early help", "council.example.org"};
  if (source == "7") return {"Probation officer", "probation.example.org"};
  if (source == "8") return {"Children's centre worker", "charity.example.org"};
  return {"", ""};
}

Referrer make_referrer(Rng& words, std::string_view source, const Household& h, int index, Band band,
                       const std::string& town) {
  Referrer r;
  if (source == "9") {
    r.relationship = words.chance(0.5) ? "Would not give a name (a neighbour)" : "Would not give a name";
    return r;
  }
  if (source == "10") return r;
  if (source == "1C") {
    const PersonName& name = h.members[static_cast<size_t>(index)].input.details.name;
    r.name = name.forename + " " + name.surname;
    r.relationship = "The young person";
    if (words.chance(0.6)) r.phone = "07" + digits(words, 3) + " " + digits(words, 6);
    return r;
  }
  static constexpr Heritage kCallers[] = {Heritage::kBritish, Heritage::kBritish, Heritage::kBritish,
                                          Heritage::kBritish, Heritage::kBritish, Heritage::kBritish,
                                          Heritage::kBritish, Heritage::kIrish,   Heritage::kPolish,
                                          Heritage::kIndian,  Heritage::kAfrican, Heritage::kCaribbean};
  const Heritage heritage = words.pick(std::span<const Heritage>(kCallers));
  const char sex = words.chance(source == "6" ? 0.5 : 0.75) ? 'F' : 'M';
  const std::string forename_text = forename(words, heritage, sex, words.between(1962, 2000));
  const std::string surname_text = family_surname(words, heritage);
  r.name = forename_text + " " + surname_for(heritage, surname_text, sex, false);
  if (source.starts_with("1")) {
    static constexpr std::string_view kFamily[] = {"Grandmother", "Aunt", "Uncle", "Grandfather",
                                                   "Father (lives elsewhere)"};
    static constexpr std::string_view kKnown[] = {"Neighbour", "Family friend", "Childminder"};
    if (source == "1A") {
      r.relationship = std::string(words.pick(std::span<const std::string_view>(kFamily)));
    } else if (source == "1B") {
      r.relationship = std::string(words.pick(std::span<const std::string_view>(kKnown)));
    } else {
      r.relationship = "Member of the public";
    }
    r.phone = "07" + digits(words, 3) + " " + digits(words, 6);
    return r;
  }
  const Workplace w = workplace_of(source);
  r.relationship = std::string(w.relationship);
  if (source == "2A") r.relationship += ", " + school_of(band, town);
  if (source == "3A") r.relationship += ", " + town + " Medical Practice";
  if (source == "8") r.relationship += ", " + town;
  r.phone = "01" + digits(words, 3) + " " + digits(words, 6);
  if (words.chance(0.4) && is_ascii_name(forename_text) && is_ascii_name(surname_text))
    r.email = lower(forename_text) + "." + lower(surname_text) + "@" + std::string(w.domain);
  return r;
}

std::string early_help_service(Rng& words, Concern concern, Band band) {
  if (concern == kDomesticAbuse && words.chance(0.6)) return "Domestic abuse support for families";
  if (concern == kYoungCarer) return "Young carers' service";
  if (concern == kDisability) return "Short breaks for disabled children";
  if (band == kTenToFifteen || band == kSixteenPlus) {
    return words.chance(0.5) ? "Young people's service" : "Family support (early help hub)";
  }
  if (band == kFiveToNine) return words.chance(0.5) ? "School-based early help" : "Parenting programme";
  return words.chance(0.5) ? "Children's centre" : "Family support (early help hub)";
}

std::string primary_need(Rng& words, Concern concern, Outcome outcome) {
  if (outcome == kStrategy) return "N1";
  switch (concern) {
    case kDisability:
      return "N2";
    case kParentMentalHealth:
    case kParentSubstances:
    case kYoungCarer:
      return "N3";
    case kHelp:
      return "N4";
    case kDomesticAbuse:
      return words.chance(0.6) ? "N1" : "N5";
    case kBehaviour:
    case kChildMentalHealth:
      return "N6";
    case kHousing:
      return "N7";
    case kUnaccompanied:
      return "N8";  // absent parenting
    default:
      return "N1";
  }
}

std::string rationale(Rng& words, Outcome outcome, const ConcernInfo& concern, const std::string& child) {
  static constexpr std::string_view kNfaWords[] = {
      "No role for children's social care: the concern has been dealt with and the parents have acted "
      "protectively. Checks show nothing further.",
      "Information noted. Checks show no previous concerns and the family are supported by universal "
      "services; no further action."};
  static constexpr std::string_view kAdviceWords[] = {
      "Advice given to the caller and the family signposted to their GP and local support; needs can "
      "be met by universal services.",
      "The referrer was advised how to support the family themselves and when to call again."};
  static constexpr std::string_view kEarlyHelpWords[] = {
      "Needs are below the threshold for statutory services but the family would benefit from support; "
      "they agreed to an early help assessment.",
      "The family want help and have consented: early help can meet these needs."};
  switch (outcome) {
    case kNfa:
      return std::string(words.pick(std::span<const std::string_view>(kNfaWords)));
    case kAdvice:
      return std::string(words.pick(std::span<const std::string_view>(kAdviceWords)));
    case kEarlyHelp:
      return std::string(words.pick(std::span<const std::string_view>(kEarlyHelpWords)));
    case kReferral:
      return child + " may be a child in need: an assessment is needed to understand the impact of " +
             std::string(concern.name) + " on " + child + ".";
    case kStrategy:
      return "Reasonable cause to suspect that " + child +
             " is suffering, or is likely to suffer, significant harm: a strategy discussion with police "
             "and health is needed.";
    case kLado:
      return "An allegation against someone who works with children: referred to the LADO, and the "
             "parents told.";
  }
  return "Decided after checks.";
}

std::string answer(Rng& words, std::string_view agency) {
  static constexpr std::string_view kPolice[] = {
      "Known to police: two domestic incidents at the address in the last year; the partner has a "
      "caution for assault.",
      "No trace on police systems for the adults named.",
      "One previous incident (a verbal argument two years ago); no offences recorded.",
      "The father is subject to a non-molestation order and has bail conditions not to contact the "
      "mother."};
  static constexpr std::string_view kHealth[] = {
      "Registered with a GP; immunisations up to date. Two missed health visitor contacts this year.",
      "Mother is under the perinatal mental health team and was last seen three weeks ago.",
      "No concerns held by health; the child saw the GP last month for a minor illness.",
      "Two attendances at the emergency department in the last six months, both minor injuries."};
  static constexpr std::string_view kEducation[] = {
      "Attendance 84% this year and late most days; the school has a pastoral plan in place.",
      "No concerns at school; attendance is good.",
      "On the SEN register; the school has raised concerns about hygiene before.",
      "Not on the roll of any school in the county."};
  static constexpr std::string_view kProbation[] = {
      "On licence until next year; assessed as medium risk of serious harm to known adults.",
      "Not known to probation."};
  static constexpr std::string_view kHousing[] = {"Tenancy in rent arrears; notice served last month.",
                                                  "On the housing register; no concerns about the tenancy."};
  if (agency == "police") return std::string(words.pick(std::span<const std::string_view>(kPolice)));
  if (agency == "health") return std::string(words.pick(std::span<const std::string_view>(kHealth)));
  if (agency == "education") return std::string(words.pick(std::span<const std::string_view>(kEducation)));
  if (agency == "probation") return std::string(words.pick(std::span<const std::string_view>(kProbation)));
  return std::string(words.pick(std::span<const std::string_view>(kHousing)));
}

std::string authorisation_note(Rng& words) {
  static constexpr std::string_view kNotes[] = {"", "Agreed.", "Agreed: a proportionate decision.",
                                                "I agree with the threshold decision.",
                                                "Agreed; please make sure the referrer is told."};
  return std::string(words.pick(std::span<const std::string_view>(kNotes)));
}

std::string return_note(Rng& words, Outcome initial) {
  if (initial == kStrategy) {
    return "Please get the police information first: on what is recorded this looks like an assessment "
           "rather than a strategy discussion.";
  }
  static constexpr std::string_view kReturnWords[] = {
      "Please check what the school knows before closing: there were earlier concerns about this "
      "family.",
      "Not agreed: this is not the first contact this year. Think again about support for the family.",
      "Please record the checks you made in the rationale."};
  return std::string(words.pick(std::span<const std::string_view>(kReturnWords)));
}

// How long a Children in Need episode lasts, in days (section 4.7).
int episode_days(Rng& rng) {
  static constexpr double kWeights[] = {48, 16, 17, 10, 9};
  switch (rng.weighted(kWeights)) {
    case 0:
      return rng.between(10, 91);
    case 1:
      return rng.between(92, 182);
    case 2:
      return rng.between(183, 365);
    case 3:
      return rng.between(366, 730);
    default:
      return rng.between(731, 1460);
  }
}

int severity(Outcome o) {
  switch (o) {
    case kStrategy:
      return 5;
    case kReferral:
      return 4;
    case kLado:
      return 3;
    case kEarlyHelp:
      return 2;
    default:
      return 1;
  }
}

struct Arrival {
  Date day;
  std::optional<Timestamp> recorded_at;  // fixed for the first contact and a new baby's
  int index = -1;                        // the child it is about, if fixed
  bool first = false;
};

// A final decision to refer a child: it opens a Children in Need episode unless one is open.
struct FinalReferral {
  int child = 0;
  Timestamp final_at;
  Date until;  // the episode's modelled end
};

// Reasons for closure (CIN census ReasonForClosure), roughly in the national proportions: most
// episodes end after assessment or when services cease; few by an order, adoption or a transfer.
constexpr std::string_view kClosureReasons[] = {"RC8", "RC7", "RC9", "RC5", "RC3", "RC4", "RC1", "RC6"};
constexpr double kClosureWeights[] = {36, 37, 16, 5, 2, 2, 1, 1};

// Reasons for a change of social worker during an episode (SW_REASON), most often that the worker
// left or caseloads were rebalanced, or a transfer to a longer-term team.
constexpr std::string_view kChangeReasons[] = {"LEFTRL", "MANAGE", "TSPROC", "ABSENC",
                                               "ORGRST", "PCCHAN", "CHCHAN"};
constexpr double kChangeWeights[] = {35, 30, 20, 5, 5, 3, 2};
// Working days from the referral to the first allocation: mostly within two, some much longer.
constexpr double kAllocationDelayWeights[] = {70, 20, 8, 2};
// Episodes longer than this many days change social worker this often.
constexpr int kLongEpisodeDays = 120;
constexpr double kChangeOfWorker = 0.3;

// How long single assessments take, start to authorisation, in working days (data-and-volumes.md
// 4.5, CIN census 2025): same day, 1-10, 11-20, 21-30, 31-40, 41-45, 46-50, 51-60, 61 and more.
constexpr int kAssessmentBands[][2] = {{0, 0},   {1, 10},  {11, 20}, {21, 30}, {31, 40},
                                       {41, 45}, {46, 50}, {51, 60}, {61, 100}};
constexpr double kAssessmentBandWeights[] = {1.8, 11.7, 17.3, 15.8, 20.2, 18.9, 5.8, 4.3, 4.2};
// Factors identified at assessment (DfE codes), weighted: parental mental health and domestic
// abuse in about a quarter of assessments each.
constexpr std::string_view kFactors[] = {"4B",  "3A",  "3B", "16A", "2B", "1B",
                                         "17A", "14A", "4A", "5B",  "6B", "20"};
constexpr double kFactorWeights[] = {25, 15, 12, 14, 8, 6, 9, 4, 4, 2, 3, 3};
constexpr std::string_view kChildViews[] = {
    "I like school because my friends are there. At home it is loud at night.",
    "I want mum to be happy again. I look after my little brother when she is in bed.",
    "Nothing is wrong. I just want to go to football.",
    "I don't like it when dad shouts. I go to my room and put my headphones on.",
    "I want to live with nan. She makes tea and helps with my homework.",
    "Seen with mum: settled, smiling, reaching for her when the visitor spoke."};
constexpr std::string_view kAnalyses[] = {
    "The parent's mental health has declined and the child is taking on caring tasks; support is needed "
    "for the family to meet the child's needs.",
    "Incidents of domestic abuse have affected the child's sleep and school attendance; the non-abusing "
    "parent is protective and engaging.",
    "The concerns were not substantiated; the family has support from school and extended family.",
    "Neglect of the child's basic care is persistent and has not improved with early help."};

// The single assessment of an episode allocated at holders.front().from: started by the allocated
// social worker within a few working days, the child seen (once born), written up and sent to a
// manager, and authorised after a duration drawn from the national distribution, but before the
// working day the episode closes (`closes_at`); an episode too short for one has none. Steps at or
// after `context.now` are not played, so today has assessments in progress.
// What plan_assessment planned: the write-up's action (its outcome may change with what follows)
// and when the manager authorises it.
struct AssessmentPlanned {
  std::optional<size_t> submit;  // index into h.actions
  std::optional<Timestamp> authorised;
};

AssessmentPlanned plan_assessment(const PlanContext& context, Household& h, int child,
                                  const std::vector<HeldBy>& holders, std::string_view closure_reason,
                                  Timestamp closes_at, Rng& rng) {
  AssessmentPlanned planned;
  const WorkingDayCalendar& calendar = *context.calendar;
  const Member& member = h.members[static_cast<size_t>(child)];
  const auto holder_at = [&](Timestamp t) {
    int holder = holders.front().holder;
    for (const HeldBy& b : holders) {
      if (b.from <= t) holder = b.holder;
    }
    return holder;
  };
  const auto step = [&](ActionKind kind, Timestamp at) -> Action& {
    Action a;
    a.kind = kind;
    a.at = at;
    a.member = child;
    a.holder = holder_at(at);
    a.date = london_date(at);
    h.actions.push_back(std::move(a));
    return h.actions.back();
  };
  const Timestamp stop = std::min(closes_at, context.now);
  const Date allocated_on = london_date(holders.front().from);
  Timestamp start = office_moment(rng, calendar.add_working_days(allocated_on, rng.between(0, 3)));
  if (start <= holders.front().from) start = holders.front().from.plus_seconds(rng.between(600, 3600));
  const Date started_on = london_date(start);
  const auto& band = kAssessmentBands[rng.weighted(kAssessmentBandWeights)];
  Date authorised_on = calendar.add_working_days(started_on, rng.between(band[0], band[1]));
  if (closes_at < context.now) {
    const Date last = calendar.add_working_days(london_date(closes_at), -1);
    if (last < started_on) return planned;  // the episode closes before an assessment could be done
    authorised_on = std::min(authorised_on, last);
  }
  if (start >= stop) return planned;
  step(ActionKind::kStartAssessment, start);
  const Date submitted_on =
      std::max(started_on, calendar.add_working_days(authorised_on, -rng.between(0, 3)));
  Timestamp sent = office_moment(rng, submitted_on);
  if (sent <= start.plus_seconds(3600)) sent = start.plus_seconds(rng.between(3600, 7200));
  // Seen once to three times before it is sent, on days the child has been born.
  const Date first_seeable = std::max(started_on, member.born);
  if (first_seeable <= submitted_on) {
    const int span = submitted_on - first_seeable;
    const int visits = 1 + static_cast<int>(rng.below(3));
    std::vector<Date> days;
    for (int i = 0; i < visits; ++i) {
      const Date day =
          working_day_on_or_after(calendar, first_seeable + static_cast<int32_t>(rng.between(0, span)));
      if (day > submitted_on || std::find(days.begin(), days.end(), day) != days.end()) continue;
      Timestamp at = office_moment(rng, day);
      if (at <= start) at = start.plus_seconds(rng.between(600, 3600));
      if (at >= sent) continue;
      if (at >= stop) break;
      step(ActionKind::kChildSeen, at).code = rng.chance(0.7) ? "alone" : "";
      days.push_back(day);
    }
    if (days.empty()) {  // at least once, just before it is written up
      const Timestamp at = sent.plus_seconds(-60);
      if (at >= stop) return planned;
      step(ActionKind::kChildSeen, at).code = "alone";
    }
  }
  // Written up and sent, then authorised by a manager.
  if (sent >= stop) return planned;
  planned.submit = h.actions.size();
  Action& submit = step(ActionKind::kSubmitAssessment, sent);
  const bool closes_after = closure_reason == "RC8" || closure_reason == "RC9";
  submit.code = closure_reason == "RC8"   ? "close_nfa"
                : closure_reason == "RC9" ? "close_early_help"
                : rng.chance(0.25)        ? "strategy_discussion"
                                          : "cin_plan";
  if (closes_after && rng.chance(0.5)) {
    submit.text = "21";
  } else {
    std::vector<std::string> factors;
    const int count = 1 + static_cast<int>(rng.below(3));
    for (int i = 0; i < count; ++i) {
      const std::string f(kFactors[rng.weighted(kFactorWeights)]);
      if (std::find(factors.begin(), factors.end(), f) == factors.end()) factors.push_back(f);
    }
    for (const std::string& f : factors) submit.text += (submit.text.empty() ? "" : ",") + f;
  }
  submit.reason = std::string(member.born > submitted_on ? kChildViews[5] : kChildViews[rng.below(5)]) + "|" +
                  std::string(kAnalyses[rng.below(std::size(kAnalyses))]);
  Timestamp authorised = office_moment(rng, authorised_on);
  if (authorised <= sent) authorised = sent.plus_seconds(rng.between(600, 3600));
  if (authorised >= stop) return planned;
  step(ActionKind::kAuthoriseAssessment, authorised).worker =
      static_cast<int>(rng.below(static_cast<uint64_t>(context.managers)));
  planned.authorised = authorised;
  return planned;
}

// ---- child protection, plans, visits and supervision ----

// Initial conference: working days after the strategy discussion (C4 2025: 81% within 15, median 14).
constexpr int kConferenceBands[][2] = {{8, 12}, {13, 15}, {16, 20}, {21, 30}};
constexpr double kConferenceBandWeights[] = {12, 70, 13, 5};
// Categories of abuse of plans starting (D1 2024-25, rounded).
constexpr std::string_view kCategories[] = {"NEG", "EMO", "PHY", "SAB", "MUL"};
constexpr double kCategoryWeights[] = {50, 38, 7, 3, 2};
// How long child protection plans last, in days (D1: ended plans by duration, rounded).
constexpr int kPlanLengths[][2] = {{30, 90}, {91, 182}, {183, 365}, {366, 730}, {731, 1000}};
constexpr double kPlanLengthWeights[] = {12, 25, 38, 21, 4};
constexpr std::string_view kChairs[] = {"Dana Whitlock", "Imran Qureshi", "Helen Marsh", "Tomasz Nowak",
                                        "Grace Okafor"};
// Visits, supervision and reviews are modelled in full for plans and episodes open in the last half
// year of the history (older ones show their other clocks only: they keep the council small to build).
constexpr int kCaseworkWindowDays = 183;

// A child in need or child protection plan as planned: its days, for visits.
struct PlannedPlan {
  bool protection = false;
  Date start;
  std::optional<Date> end;  // none while open at the end of the history
};

// The child's protection, plans, visits and supervision in an episode allocated at holders.front():
// a strategy discussion for nearly half of episodes (a third of referrals nationally; short ones have none),
// its enquiry's conclusion, for some an initial conference and a child protection plan (core groups, a plan
// written and authorised, review conferences, an end that may step down to a child in need plan); a child in
// need plan after an assessment that recommends one; visits at about the council's frequency and case
// supervision, some late. Everything ends before the episode closes; nothing is planned at or after `now`.
void plan_protection(const PlanContext& context, Household& h, int child, const std::vector<HeldBy>& holders,
                     std::string_view closure_reason, Timestamp opened_at, Timestamp closes_at,
                     const AssessmentPlanned& assessment, Rng& rng) {
  const WorkingDayCalendar& calendar = *context.calendar;
  const Member& member = h.members[static_cast<size_t>(child)];
  const std::string forename =
      member.given_forename.empty() ? member.input.details.name.forename : member.given_forename;
  const Timestamp stop = std::min(closes_at, context.now);
  const bool closes = closes_at < context.now;
  const Date close_day = london_date(closes_at);
  // The last day work may happen and still end before the closure.
  const Date last_day = closes ? calendar.add_working_days(close_day, -1) : london_date(context.now);
  const auto manager = [&] { return static_cast<int>(rng.below(static_cast<uint64_t>(context.managers))); };
  const auto holder_at = [&](Timestamp t) {
    int holder = holders.front().holder;
    for (const HeldBy& b : holders) {
      if (b.from <= t) holder = b.holder;
    }
    return holder;
  };
  // An action at a moment in office hours on `day`, after the last one this function planned; nullptr if
  // that moment falls on another day or at or after `stop`.
  Timestamp last_at = holders.front().from;
  const auto step = [&](ActionKind kind, Date day) -> Action* {
    Timestamp at = office_moment(rng, day);
    if (at <= last_at) at = last_at.plus_seconds(rng.between(60, 600));
    if (at >= stop || london_date(at) != day) return nullptr;
    last_at = at;
    Action a;
    a.kind = kind;
    a.at = at;
    a.member = child;
    a.holder = holder_at(at);
    a.date = day;
    h.actions.push_back(std::move(a));
    return &h.actions.back();
  };
  const Date allocated_on = london_date(holders.front().from);
  const bool ends_quietly = closure_reason == "RC8" || closure_reason == "RC9";
  std::vector<PlannedPlan> plans;

  // ---- strategy discussion, enquiry and conference ----
  bool protection_plan = false;
  Date plan_start;
  std::string category;  // the plan's latest category of abuse
  // An episode closed after assessment with no further action, or referred to early help, had no
  // enquiry or plan (CIN census rule 2990); of the others, three in five had a strategy discussion
  // (a third of all referrals, as nationally).
  if (!ends_quietly && rng.chance(0.6)) {
    const Date held = calendar.add_working_days(allocated_on, rng.between(0, 3));
    if (held + 45 <= last_day || !closes) {
      const bool enquiry = rng.chance(0.93);
      Action* sd = step(ActionKind::kStrategyDiscussion, held);
      if (sd) {
        sd->code = enquiry ? "section_47" : "no_section_47";
        sd->text = enquiry
                       ? "Reasonable cause to suspect significant harm: the injury and the account of it "
                         "do not match, and the police hold previous reports about the household."
                       : "The concerns do not meet the threshold for a section 47 enquiry: the assessment "
                         "continues, with the school and health visitor sharing what they see.";
      }
      if (sd && enquiry) {
        std::string outcome = rng.chance(0.7)   ? "conference"
                              : rng.chance(0.5) ? "child_in_need"
                                                : "not_substantiated";
        const auto& band = kConferenceBands[rng.weighted(kConferenceBandWeights)];
        const int conference_days = rng.between(band[0], band[1]);
        const Date conference_day = calendar.add_working_days(held, conference_days);
        if (outcome == "conference" && closes && conference_day + 30 > last_day) outcome = "child_in_need";
        const Date concluded = calendar.add_working_days(
            held, outcome == "conference" ? rng.between(3, conference_days - 1) : rng.between(5, 20));
        const Date concluded_by = closes ? std::max(held, std::min(concluded, last_day)) : concluded;
        if (Action* c = step(ActionKind::kConcludeEnquiry, concluded_by)) {
          c->code = outcome;
          c->text = outcome == "conference" ? "The enquiry found " + forename +
                                                  " has suffered significant harm; a conference is needed."
                    : outcome == "child_in_need"
                        ? "Concerns substantiated but " + forename + " is safe with a plan of support."
                        : "The concerns were not substantiated: the explanation was consistent and " +
                              forename + " said they feel safe at home.";
          if (outcome == "conference") {
            if (Action* icpc = step(ActionKind::kConference, conference_day)) {
              icpc->text = std::string(kChairs[rng.below(std::size(kChairs))]);
              if (rng.chance(0.86)) {
                icpc->code = std::string(kCategories[rng.weighted(kCategoryWeights)]);
                category = icpc->code;
                protection_plan = true;
                plan_start = conference_day;
              }
            }
          }
        }
      }
    }
  }
  // The assessment's outcome follows what happened.
  if (assessment.submit) {
    Action& submit = h.actions[*assessment.submit];
    if (protection_plan) submit.code = "strategy_discussion";
  }

  const auto write_and_authorise = [&](std::string_view type, Date start, Date end) {
    const Date written = calendar.add_working_days(start, rng.between(1, 8));
    if (written >= end) return;
    if (Action* w = step(ActionKind::kWritePlan, written)) {
      w->code = std::string(type);
      const size_t first = rng.below(6);
      w->text = std::to_string(first) + "," + std::to_string((first + 1 + rng.below(5)) % 6);
      w->reason = forename;
      w->date = std::min(end, start + static_cast<int32_t>(rng.between(40, 120)));
      const Date authorised = calendar.add_working_days(written, rng.between(1, 5));
      if (authorised < end && rng.chance(0.92)) {
        if (Action* a = step(ActionKind::kAuthorisePlan, authorised)) {
          a->code = std::string(type);
          a->worker = manager();
        }
      }
    }
  };

  // ---- a child protection plan ----
  if (protection_plan) {
    const auto& length = kPlanLengths[rng.weighted(kPlanLengthWeights)];
    const Date wanted_end = plan_start + static_cast<int32_t>(rng.between(length[0], length[1]));
    // Review conferences: within 3 months, then 6; most on time, some late. The plan ends at the
    // first review on or after the end it was going to have, or outside a review when the episode
    // closes first or the plan is short.
    std::vector<Date> reviews;
    Date previous = plan_start;
    for (int months = 3; reviews.size() < 8; months = 6) {
      const Date due = add_months(previous, months);
      const Date held =
          working_day_on_or_after(calendar, rng.chance(0.9) ? due - static_cast<int32_t>(rng.between(1, 20))
                                                            : due + rng.between(1, 20));
      if (held <= previous) break;
      reviews.push_back(held);
      previous = held;
      if (held >= wanted_end) break;
    }
    std::optional<Date> end;
    bool ends_at_review = false;
    for (const Date r : reviews) {
      if (closes && r > last_day) break;
      if (r >= wanted_end) {
        end = r;
        ends_at_review = true;
        break;
      }
    }
    if (!end && (reviews.empty() || wanted_end < reviews.front() || closes)) {
      end = working_day_on_or_after(calendar, wanted_end);
      if (closes) end = std::min(*end, last_day);
    }
    const Date plan_last = end.value_or(london_date(context.now));
    write_and_authorise(kChildProtectionPlan, plan_start, plan_last);
    // Core groups: the first within 10 working days (most), then every four to six weeks.
    Date meeting =
        calendar.add_working_days(plan_start, rng.chance(0.85) ? rng.between(3, 10) : rng.between(11, 20));
    std::vector<std::pair<Date, ActionKind>> meetings;
    while (meeting < plan_last) {
      meetings.emplace_back(meeting, ActionKind::kCoreGroup);
      meeting = working_day_on_or_after(calendar, meeting + static_cast<int32_t>(rng.between(28, 42)));
    }
    for (const Date r : reviews) {
      if (r > plan_last || (end && r == *end && !ends_at_review)) break;
      if (r < plan_last || ends_at_review) meetings.emplace_back(r, ActionKind::kReviewPlan);
    }
    std::stable_sort(meetings.begin(), meetings.end());
    bool ended = false;
    std::string end_reason;
    for (const auto& [day, kind] : meetings) {
      if (day == plan_start) continue;
      Action* a = step(kind, day);
      if (!a) break;
      if (kind == ActionKind::kReviewPlan) {
        if (rng.chance(0.1)) category = std::string(kCategories[rng.weighted(kCategoryWeights)]);
        a->code = std::string(kChildProtectionPlan) + ":" + category;
        a->text = std::string(kChairs[rng.below(std::size(kChairs))]);
        if (end && day == *end && ends_at_review) {
          a->reason = rng.chance(0.6) ? "stepped_down" : rng.chance(0.88) ? "no_longer_needed" : "moved_away";
          end_reason = a->reason;
          ended = true;
        }
      }
    }
    if (end && !ended) {
      if (Action* a = step(ActionKind::kEndPlan, *end)) {
        a->code = std::string(kChildProtectionPlan);
        a->reason = "no_longer_needed";
        a->worker = manager();
        ended = true;
      }
    }
    plans.push_back({true, plan_start, ended ? end : std::nullopt});
    // Stepped down: a child in need plan from the day the protection plan ended.
    if (ended && end_reason == "stepped_down" && (!closes || *end + 20 < last_day)) {
      if (step(ActionKind::kStartChildInNeedPlan, *end)) plans.push_back({false, *end, std::nullopt});
    }
  } else if (assessment.authorised && assessment.submit && h.actions[*assessment.submit].code == "cin_plan") {
    // ---- a child in need plan after the assessment ----
    const Date start = calendar.add_working_days(london_date(*assessment.authorised), rng.between(0, 10));
    if (!closes || start + 20 < last_day) {
      if (step(ActionKind::kStartChildInNeedPlan, start)) plans.push_back({false, start, std::nullopt});
    }
  }
  // A child in need plan: written, reviewed every three months or so, ended when the episode closes.
  if (!plans.empty() && !plans.back().protection) {
    PlannedPlan& plan = plans.back();
    const Date plan_last = closes ? last_day : london_date(context.now);
    write_and_authorise(kChildInNeedPlan, plan.start, plan_last);
    Date previous = plan.start;
    while (true) {
      const Date due = add_months(previous, 3);
      const Date held =
          working_day_on_or_after(calendar, rng.chance(0.85) ? due - static_cast<int32_t>(rng.between(1, 14))
                                                             : due + rng.between(1, 25));
      if (held >= plan_last || held <= previous) break;
      Action* a = step(ActionKind::kReviewPlan, held);
      if (!a) break;
      a->code = std::string(kChildInNeedPlan) + ":";
      a->text = "The allocated social worker";
      previous = held;
    }
    if (closes) {
      if (Action* a = step(ActionKind::kEndPlan, last_day)) {
        a->code = std::string(kChildInNeedPlan);
        a->reason = "no_longer_needed";
        a->worker = manager();
        plan.end = last_day;
      }
    }
  }
  // ---- visits and supervision, for work open in the last half year ----
  const Date window = london_date(context.now) - kCaseworkWindowDays;
  if (closes && close_day < window) return;
  std::vector<std::pair<Date, ActionKind>> contacts;
  for (const PlannedPlan& plan : plans) {
    const Date plan_last = plan.end.value_or(london_date(context.now));
    const int every = plan.protection ? 10 : 20;
    Date day = plan.start;
    while (true) {
      const int gap = rng.chance(plan.protection ? 0.8 : 0.75) ? rng.between(every / 2, every)
                                                               : rng.between(every + 1, every * 2);
      day = calendar.add_working_days(day, gap);
      if (day > plan_last || (closes && day > last_day)) break;
      contacts.emplace_back(day, ActionKind::kVisit);
    }
  }
  const Date opened_on = london_date(opened_at);
  Date supervised = opened_on;
  while (true) {
    bool protected_then = false;
    for (const PlannedPlan& plan : plans) {
      protected_then |= plan.protection && plan.start <= supervised && (!plan.end || *plan.end > supervised);
    }
    const int interval = protected_then ? 28 : 42;
    const int gap = rng.chance(0.85) ? interval - rng.between(0, 10) : interval + rng.between(1, 20);
    supervised = working_day_on_or_after(calendar, supervised + gap);
    if (supervised > last_day || supervised >= london_date(stop)) break;
    if (supervised > allocated_on) contacts.emplace_back(supervised, ActionKind::kSupervise);
  }
  std::stable_sort(contacts.begin(), contacts.end());
  // These come after the plan's own steps in the household's list; the list is sorted by time later,
  // so each is placed by its own moment, not after `last_at`.
  for (const auto& [day, kind] : contacts) {
    Timestamp at = office_moment(rng, day);
    if (at >= stop || at <= holders.front().from) continue;
    Action a;
    a.kind = kind;
    a.at = at;
    a.member = child;
    a.holder = holder_at(at);
    a.date = day;
    a.text = std::to_string(rng.below(6));
    if (kind == ActionKind::kVisit) {
      const bool born = member.born <= day;
      a.code = !born || rng.chance(0.07)                                 ? "unseen"
               : age_in_years(member.born, day) >= 4 && rng.chance(0.65) ? "alone"
                                                                         : "seen";
    } else {
      a.worker = manager();
    }
    h.actions.push_back(std::move(a));
  }
}

// Episodes as the app opens and closes them, each allocated to a social worker by a manager a few
// working days after the referral (some wait much longer; a few changes of worker in long ones),
// and closed when its modelled length has passed: a referral while an episode is open opens none
// (the CIN census allows no overlap) but keeps it open at least as long as the new referral's
// modelled length. Managers work on working days; nothing happens at or after `now`, so the end of
// the history has open episodes, some of them not yet allocated.
void plan_episodes(const PlanContext& context, Household& h, std::vector<FinalReferral> referrals) {
  Rng rng(context.seed, static_cast<uint64_t>(h.number), Purpose::kEpisodes);
  const WorkingDayCalendar& calendar = *context.calendar;
  std::stable_sort(referrals.begin(), referrals.end(),
                   [](const FinalReferral& a, const FinalReferral& b) { return a.final_at < b.final_at; });
  struct Open {
    Timestamp opened_at;
    Timestamp close_at;
    Date until;
  };
  std::vector<std::optional<Open>> open(h.members.size());
  const auto closing = [&](Date until) {
    return office_moment(rng, working_day_on_or_after(calendar, until));
  };
  const auto manager = [&] { return static_cast<int>(rng.below(static_cast<uint64_t>(context.managers))); };
  const auto allocate = [&](int child, Timestamp at, int holder, std::string_view reason) {
    Action a;
    a.kind = ActionKind::kAllocate;
    a.at = at;
    a.member = child;
    a.worker = manager();
    a.holder = holder;
    a.code = std::string(reason);
    a.date = london_date(at);
    h.actions.push_back(std::move(a));
  };
  Rng assessing(context.seed, static_cast<uint64_t>(h.number), Purpose::kAssessments);
  Rng protecting(context.seed, static_cast<uint64_t>(h.number), Purpose::kProtection);
  Rng caring(context.seed, static_cast<uint64_t>(h.number), Purpose::kCare);
  // Closes the episode (planning all that happens in it); returns when it closes, or `now` if it
  // is still open when the history ends.
  const auto close = [&](int child, Open o) -> Timestamp {
    std::string reason(kClosureReasons[rng.weighted(kClosureWeights)]);
    const Timestamp end = std::min(o.close_at, context.now);
    // The first allocation.
    static constexpr int kDelays[][2] = {{0, 2}, {3, 7}, {8, 20}, {21, 60}};
    const auto& delay = kDelays[rng.weighted(kAllocationDelayWeights)];
    const Date opened_on = london_date(o.opened_at);
    Timestamp at = office_moment(rng, calendar.add_working_days(opened_on, rng.between(delay[0], delay[1])));
    if (at <= o.opened_at) at = o.opened_at.plus_seconds(rng.between(600, 3600));
    const int workers = std::max(1, context.social_workers);
    int holder = static_cast<int>(rng.below(static_cast<uint64_t>(workers)));
    std::vector<HeldBy> holders;
    if (at < end) {
      allocate(child, at, holder, "FCONTA");
      holders.push_back({at, holder});
      // A change of worker in a long episode (not one that closes soon after its assessment).
      const Date ends_on = london_date(end);
      const bool after_assessment = reason == "RC8" || reason == "RC9";
      if (workers > 1 && !after_assessment && ends_on - london_date(at) > kLongEpisodeDays &&
          rng.chance(kChangeOfWorker)) {
        const Date day =
            london_date(at) + static_cast<int32_t>(rng.between(30, (ends_on - london_date(at)) - 30));
        const Timestamp change = office_moment(rng, working_day_on_or_after(calendar, day));
        if (change < end && london_date(change) > london_date(at)) {
          holder = (holder + 1 + static_cast<int>(rng.below(static_cast<uint64_t>(workers - 1)))) % workers;
          allocate(child, change, holder, kChangeReasons[rng.weighted(kChangeWeights)]);
          holders.push_back({change, holder});
        }
      }
      // A child who comes into care keeps the episode open at least until some weeks after care
      // ends; the protection work before care ends when care starts.
      Timestamp protection_until = o.close_at;
      if (std::optional<PlannedCare> care = plan_care(context, h, child, holders, caring)) {
        reason = care->closure_reason;
        protection_until = care->starts_at;
        if (care->ends) {
          const Date after = calendar.add_working_days(*care->ends, rng.between(5, 30));
          o.close_at = std::max({o.close_at, office_moment(rng, after), care->last_at.plus_seconds(3600)});
        } else {
          o.close_at = std::max(o.close_at, context.now);
        }
      }
      const AssessmentPlanned assessed =
          plan_assessment(context, h, child, holders, reason, o.close_at, assessing);
      // An episode closed after assessment (RC8, RC9) closes within a fortnight of its authorisation.
      if ((reason == "RC8" || reason == "RC9") && assessed.authorised) {
        const Date after = calendar.add_working_days(london_date(*assessed.authorised), rng.between(1, 10));
        const Timestamp sooner = std::max(office_moment(rng, after), assessed.authorised->plus_seconds(3600));
        if (sooner < o.close_at) {
          o.close_at = sooner;
          protection_until = std::min(protection_until, sooner);
        }
      }
      plan_protection(context, h, child, holders, reason, o.opened_at, protection_until, assessed,
                      protecting);
    }
    if (o.close_at >= context.now) return context.now;
    Action a;
    a.kind = ActionKind::kCloseEpisode;
    a.at = o.close_at;
    a.member = child;
    a.worker = static_cast<int>(rng.below(static_cast<uint64_t>(context.managers)));
    a.code = std::string(reason);
    a.date = london_date(o.close_at);
    h.actions.push_back(std::move(a));
    return o.close_at;
  };
  // When each child's last closed episode closed: a referral before then (the episode stayed open
  // while the child was in care) opens none.
  std::vector<Timestamp> closed_at(h.members.size());
  for (const FinalReferral& r : referrals) {
    std::optional<Open>& o = open[static_cast<size_t>(r.child)];
    if (o && o->close_at > r.final_at) {
      if (r.until > o->until) o = Open{o->opened_at, closing(r.until), r.until};
      continue;
    }
    if (o) {
      closed_at[static_cast<size_t>(r.child)] = close(r.child, *o);
      o.reset();
    }
    if (r.final_at <= closed_at[static_cast<size_t>(r.child)]) continue;
    o = Open{r.final_at, closing(r.until), r.until};
  }
  for (size_t child = 0; child < open.size(); ++child) {
    if (open[child]) close(static_cast<int>(child), *open[child]);
  }
}

struct ChildState {
  std::optional<Date> open_until;     // a modelled Children in Need episode
  std::optional<Date> last_referral;  // the day of the last referral
};

}  // namespace

void plan_front_door(const PlanContext& context, Household& h, const FrontDoorFamily& family) {
  const uint64_t key = static_cast<uint64_t>(h.number);
  Rng rng(context.seed, key, Purpose::kFrontDoor);
  Rng words(context.seed, key, Purpose::kFrontDoorText);
  Rng times(context.seed, key, Purpose::kFrontDoorTimes);
  const WorkingDayCalendar& calendar = *context.calendar;
  const FrontDoorSettings settings;
  const AuthorisationRules rules;
  const Date today = london_date(context.now);
  const Date d0 = london_date(family.first_received_at);
  const size_t members = h.members.size();

  // ---- when contacts come ----
  std::vector<Arrival> arrivals;
  {
    Arrival first;
    first.day = d0;
    first.recorded_at = family.first_recorded_at;
    first.index = family.index_child;
    first.first = true;
    arrivals.push_back(first);
  }
  // A baby recorded later: the front door heard of them (from the midwife or health visitor).
  for (size_t i = 0; i < members; ++i) {
    if (!h.members[i].child || !family.recorded_on[i] || *family.recorded_on[i] <= d0) continue;
    std::optional<Timestamp> last;
    for (const Action& a : h.actions) {
      if (a.member == static_cast<int>(i) &&
          (a.kind == ActionKind::kRecord || a.kind == ActionKind::kRelate) &&
          london_date(a.at) == *family.recorded_on[i]) {
        if (!last || a.at > *last) last = a.at;
      }
    }
    if (!last) continue;
    Arrival baby;
    baby.day = *family.recorded_on[i];
    baby.recorded_at = last->plus_seconds(times.between(60, 240));
    baby.index = static_cast<int>(i);
    arrivals.push_back(baby);
  }
  // Later contacts: a Poisson process, by thinning. An unaccompanied child's care is the council's
  // from the arrival, so the model of a family's later contacts does not apply.
  const double frailty = kFrailty[rng.weighted(kFrailtyWeights)];
  const double top_rate = frailty * (kEarlyRate + kBackgroundRate);
  for (double t = 0; !family.unaccompanied;) {
    t += -std::log(1.0 - rng.uniform()) / top_rate;
    const Date day = d0 + static_cast<int32_t>(t * 365.25);
    if (day > today) break;
    const double rate = frailty * (kEarlyRate * std::exp(-t / kDecayYears) + kBackgroundRate);
    if (rng.uniform() * top_rate >= rate || day <= d0) continue;
    Arrival later;
    later.day = day;
    arrivals.push_back(later);
  }
  // Live work for a small council's queue.
  if (rng.chance(context.recent_contact_chance) && !family.unaccompanied) {
    Arrival recent;
    recent.day = calendar.add_working_days(today, -rng.between(0, 5));
    if (recent.day > d0) arrivals.push_back(recent);
  }
  std::stable_sort(arrivals.begin(), arrivals.end(), [](const Arrival& a, const Arrival& b) {
    if (a.day != b.day) return a.day < b.day;
    return a.recorded_at.has_value() && !b.recorded_at.has_value();
  });

  // ---- each contact in turn ----
  std::vector<ChildState> state(members);
  std::string parent_name = "The parent";
  for (const Member& m : h.members) {
    if (!m.child && m.resident && m.sex == 'F') {
      parent_name = m.input.details.name.forename;
      break;
    }
  }
  const Date live_from = calendar.add_working_days(today, -1);
  std::vector<FinalReferral> referrals;
  for (const Arrival& arrival : arrivals) {
    const Date day = arrival.day;
    std::vector<int> eligible;
    for (size_t i = 0; i < members; ++i) {
      const Member& m = h.members[i];
      if (!m.child || !family.recorded_on[i] || *family.recorded_on[i] > day) continue;
      if (arrival.first) {
        if (*family.recorded_on[i] == d0) eligible.push_back(static_cast<int>(i));
        continue;
      }
      // Someone recorded on the day is on that day's contacts only if recorded before them.
      if (*family.recorded_on[i] == day && static_cast<int>(i) != arrival.index) continue;
      if (m.born <= day && age_in_years(m.born, day) >= 18) continue;
      if (state[i].open_until && *state[i].open_until > day && static_cast<int>(i) != arrival.index) continue;
      eligible.push_back(static_cast<int>(i));
    }
    if (eligible.empty()) continue;
    int index = arrival.index;
    if (std::find(eligible.begin(), eligible.end(), index) == eligible.end())
      index = eligible[rng.below(eligible.size())];
    const Member& index_member = h.members[static_cast<size_t>(index)];
    const Band band = band_of(index_member, day);

    // Who rang, and why.
    std::string source;
    Concern concern = band == kUnborn ? kPreBirth : kNeglect;
    for (int attempt = 0; attempt < 10; ++attempt) {
      std::array<double, std::size(kSources)> weights{};
      for (size_t s = 0; s < std::size(kSources); ++s) weights[s] = kSources[s].by_band[band];
      source = std::string(kSources[rng.weighted(weights)].code);
      std::vector<double> concern_weights;
      std::vector<Concern> concerns;
      for (const SourceConcern& sc : kSourceConcerns) {
        if (sc.source != source || !(kConcerns[sc.concern].ages & bit(band))) continue;
        concerns.push_back(sc.concern);
        concern_weights.push_back(sc.weight);
      }
      if (concerns.empty()) continue;
      concern = concerns[rng.weighted(concern_weights)];
      break;
    }
    if (source.empty()) source = "10";
    if (family.unaccompanied) {
      // Found by the police, or sent by another council under the National Transfer Scheme.
      source = rng.chance(0.55) ? "6" : "5C";
      concern = kUnaccompanied;
    }
    const ConcernInfo& info = kConcerns[concern];

    PlannedContact c;
    c.concern = std::string(info.name);
    c.children.push_back(index);
    for (const int i : eligible) {
      if (i != index && (arrival.first || rng.chance(info.siblings))) c.children.push_back(i);
    }
    std::sort(c.children.begin(), c.children.end());
    for (size_t i = 0; i < members; ++i) {
      const Member& m = h.members[i];
      if (m.child || !family.recorded_on[i] || *family.recorded_on[i] > day) continue;
      if (arrival.first) {
        c.adults.push_back(static_cast<int>(i));
      } else if (!family.dies[i] && (m.resident || ((concern == kDomesticAbuse || concern == kOffender) &&
                                                    m.sex == 'M' && rng.chance(0.3)))) {
        c.adults.push_back(static_cast<int>(i));
      }
    }

    // What the front door will decide for each child.
    std::vector<Outcome> outcomes;
    const auto draw = [&](int child) {
      std::array<double, 6> w = info.outcomes;
      const ChildState& s = state[static_cast<size_t>(child)];
      if (s.last_referral && *s.last_referral >= add_months(day, -12)) {
        w[kReferral] *= kRecentReferralFactor;
        w[kStrategy] *= kRecentReferralFactor;
      }
      return static_cast<Outcome>(rng.weighted(w));
    };
    const Outcome index_outcome = draw(index);
    for (const int child : c.children) {
      Outcome o = child == index                      ? index_outcome
                  : rng.chance(kSiblingsShareOutcome) ? index_outcome
                                                      : draw(child);
      if (o == kLado && child != index) o = kAdvice;  // the allegation concerns one child
      outcomes.push_back(o);
    }
    const Outcome worst = *std::max_element(outcomes.begin(), outcomes.end(),
                                            [](Outcome a, Outcome b) { return severity(a) < severity(b); });

    // When.
    Timestamp received_at;
    Timestamp recorded_at;
    if (arrival.first) {
      received_at = family.first_received_at;
      recorded_at = *arrival.recorded_at;
    } else if (arrival.recorded_at) {
      recorded_at = *arrival.recorded_at;
      received_at = recorded_at.plus_seconds(-times.between(120, 900));
    } else if (source == "6" && times.chance(0.4)) {
      // A police notification of an incident in the night, read in the morning.
      const int minute = times.between(19 * 60, 24 * 60 + 7 * 60 + 30);
      received_at = local_moment(minute < 24 * 60 ? day - 1 : day, minute % (24 * 60), times.between(0, 59));
      recorded_at = add_office_minutes(calendar, received_at, times.between(5, 120));
    } else {
      const Date working = working_day_on_or_after(calendar, day);
      received_at = office_moment(times, working);
      recorded_at = received_at.plus_seconds(times.between(120, 900));
    }
    if (recorded_at >= context.now) continue;
    if (!arrival.first &&
        (received_at <= family.first_received_at || recorded_at <= family.first_recorded_at))
      continue;

    // What the worker types.
    ContactInput& in = c.input;
    in.received_at = received_at;
    in.source = source;
    in.referrer = make_referrer(words, source, h, index, band, family.town);
    std::string child_name = index_member.input.details.name.forename;
    if (band == kUnborn || child_name.empty()) child_name = "the baby";
    std::string text(info.words[info.words[1].empty() ? 0 : words.below(2)]);
    text = replaced(text, "{child}", child_name);
    text = replaced(text, "{parent}", parent_name);
    text = replaced(text, "{town}", family.town);
    if (!text.empty() && text[0] >= 'a' && text[0] <= 'z') text[0] = static_cast<char>(text[0] - 'a' + 'A');
    in.concerns = text;
    const std::vector<std::string> factors = split_codes(info.factors);
    for (size_t f = 0; f < factors.size(); ++f) {
      if (f == 0 || words.chance(0.5)) in.factors.push_back(factors[f]);
    }
    const bool individual = source.starts_with("1") && source.size() == 2;
    const bool professional = is_professional_source(source);
    const double consent = rng.uniform();
    if (worst == kStrategy) {
      in.consent = consent < 0.2 ? "given" : (consent < 0.8 ? "not_sought" : "refused");
    } else if (individual) {
      in.consent = consent < 0.6 ? "given" : "not_sought";
    } else if (professional) {
      in.consent = consent < 0.45 ? "given" : (consent < 0.8 ? "not_sought" : "refused");
    } else {
      in.consent = "not_sought";
    }
    if (in.consent != "given") {
      const double basis = rng.uniform();
      in.lawful_basis =
          basis < 0.65 ? "safeguarding" : (source == "6" && basis < 0.8 ? "crime" : "statutory_duty");
    }
    const double urgency = rng.uniform();
    double red = 0.02;
    double amber = 0.28;
    if (worst == kStrategy) {
      red = 0.35;
      amber = 0.5;
    } else if (worst == kReferral || worst == kLado) {
      red = 0.08;
      amber = 0.52;
    }
    in.urgency = urgency < red ? "red" : (urgency < red + amber ? "amber" : "green");
    c.recorded_at = recorded_at;
    const int worker = arrival.first || arrival.recorded_at
                           ? family.first_worker
                           : static_cast<int>(rng.below(static_cast<uint64_t>(context.front_door_workers)));

    const size_t contact_index = h.contacts.size();
    const auto push = [&](Action a) {
      if (a.at >= context.now) return false;
      a.contact = static_cast<int>(contact_index);
      h.actions.push_back(std::move(a));
      return true;
    };
    {
      Action a;
      a.kind = ActionKind::kContact;
      a.at = recorded_at;
      a.member = index;
      a.worker = worker;
      push(std::move(a));
    }

    // Left waiting at the end of the history?
    const Date received_on = london_date(received_at);
    bool undecided = false;
    if (received_on >= live_from) {
      undecided = times.chance(kLiveUndecided);
    } else if (received_on >= today - 14) {
      undecided = times.chance(kForgotten);
    }

    // The MASH enquiry.
    const double mash = worst == kStrategy    ? 0.75
                        : worst == kReferral  ? 0.4
                        : worst == kLado      ? 0.3
                        : worst == kEarlyHelp ? 0.2
                                              : 0.12;
    const Date due_day = decision_due_date(received_at, calendar);
    const Timestamp cap = local_moment(due_day, kCloses - 10, 0);
    Timestamp ready = add_office_minutes(calendar, recorded_at, times.between(10, 120));
    if (times.chance(kDecidedNextDay)) {
      ready = std::max(ready, office_moment(times, calendar.add_working_days(london_date(recorded_at), 1)));
    }
    if (rng.chance(mash)) {
      c.enquiry = true;
      c.enquiry_at =
          add_office_minutes(calendar, recorded_at, times.between(5, 60)).plus_seconds(times.between(0, 59));
      MashEnquiryInput& e = c.enquiry_input;
      const bool police_matter = concern == kDomesticAbuse || concern == kMissing ||
                                 concern == kExploitation || concern == kOffender || concern == kPhysical ||
                                 concern == kSexual || concern == kParentSubstances;
      const bool health_matter = band <= kOneToFour || concern == kParentMentalHealth ||
                                 concern == kChildMentalHealth || concern == kDisability ||
                                 concern == kNeglect;
      if (rng.chance(police_matter ? 0.95 : 0.5)) e.agencies.push_back("police");
      if (rng.chance(health_matter ? 0.8 : 0.35)) e.agencies.push_back("health");
      if (band >= kFiveToNine && rng.chance(0.6)) e.agencies.push_back("education");
      if (rng.chance(concern == kOffender ? 0.8 : (concern == kDomesticAbuse ? 0.15 : 0.02)))
        e.agencies.push_back("probation");
      if (rng.chance(concern == kHousing ? 0.9 : 0.03)) e.agencies.push_back("housing");
      if (e.agencies.empty()) e.agencies.push_back("police");
      while (e.agencies.size() > 3)
        e.agencies.erase(e.agencies.begin() + static_cast<std::ptrdiff_t>(rng.below(e.agencies.size())));
      e.question =
          "Please share what your agency knows about the children and the adults in the household. "
          "The contact is about " +
          std::string(info.name) + ".";
      const double basis = rng.uniform();
      if (in.consent == "given") {
        e.lawful_basis = basis < 0.6 ? "consent" : "safeguarding";
      } else {
        const bool police_asked =
            std::find(e.agencies.begin(), e.agencies.end(), "police") != e.agencies.end();
        e.lawful_basis =
            basis < 0.6 ? "safeguarding" : (basis < 0.85 || !police_asked ? "statutory_duty" : "crime");
      }
      e.fields.push_back("name");
      if (rng.chance(0.9)) e.fields.push_back("date_of_birth");
      if (rng.chance(0.7)) e.fields.push_back("address");
      if (rng.chance(0.6)) e.fields.push_back("concerns");
      // The decision comes after the enquiry.
      ready = std::max(ready, add_office_minutes(calendar, c.enquiry_at, times.between(10, 60)));
      Action open;
      open.kind = ActionKind::kEnquiry;
      open.at = c.enquiry_at;
      open.member = index;
      open.worker = worker;
      if (!push(std::move(open))) c.enquiry = false;
      const bool waits = times.chance(kWaitsForAllAnswers);
      for (size_t k = 0; c.enquiry && k < e.agencies.size(); ++k) {
        PlannedRequest request;
        request.agency = e.agencies[k];
        request.due_at = mash_due_at(c.enquiry_at, in.urgency, settings, calendar);
        const double on_time =
            request.agency == "police" ? 0.85 : (request.agency == "education" ? 0.8 : 0.75);
        const double u = times.uniform();
        std::optional<Timestamp> answered;
        if (u < on_time) {
          const Timestamp from = c.enquiry_at.plus_seconds(600);
          const int64_t span = office_minutes_between(calendar, from, request.due_at);
          Timestamp at = span > 1 ? add_office_minutes(calendar, from,
                                                       static_cast<int64_t>(std::pow(times.uniform(), 1.7) *
                                                                            static_cast<double>(span)))
                                  : from;
          at = at.plus_seconds(times.between(0, 59));
          if (at > request.due_at) at = request.due_at.plus_seconds(-30);
          if (at > c.enquiry_at) answered = at;
        } else if (u < on_time + (1 - on_time) * 0.7) {  // late; the rest never answer
          answered = add_office_minutes(calendar, request.due_at, times.between(30, 3 * 540))
                         .plus_seconds(times.between(0, 59));
        }
        if (answered && (*answered <= request.due_at) && (waits || *answered <= cap))
          ready = std::max(ready, add_office_minutes(calendar, *answered, times.between(5, 45)));
        if (answered && *answered < context.now) {
          request.answered_at = answered;
          Action a;
          a.kind = ActionKind::kAnswer;
          a.at = *answered;
          a.member = index;
          a.code = request.agency;
          a.text = answer(words, request.agency);
          a.worker = static_cast<int>(times.below(static_cast<uint64_t>(context.partners_per_agency)));
          push(std::move(a));
        }
        c.requests.push_back(std::move(request));
      }
    }

    // The decisions, child by child, and their authorisation.
    if (!undecided) {
      Timestamp decided = ready;
      if (times.chance(kLateDecision)) {
        decided = office_moment(times, calendar.add_working_days(due_day, times.between(1, 3)));
        if (decided < ready) decided = ready;
      }
      const auto manager = [&] {
        return static_cast<int>(times.below(static_cast<uint64_t>(context.managers)));
      };
      const auto authorised_after = [&](Timestamp t) {
        if (times.chance(kAuthorisedSameDay)) return add_office_minutes(calendar, t, times.between(10, 240));
        return office_moment(times, calendar.add_working_days(london_date(t), times.between(1, 3)));
      };
      for (size_t k = 0; k < c.children.size(); ++k) {
        const int child = c.children[k];
        const Outcome final_outcome = outcomes[k];
        const std::string child_first = h.members[static_cast<size_t>(child)].input.details.name.forename;
        const std::string child_words =
            h.members[static_cast<size_t>(child)].born > day || child_first.empty() ? "the unborn baby"
                                                                                    : child_first;
        const auto decision_of = [&](Outcome o) {
          DecisionInput d;
          d.outcome = std::string(kOutcomes[o]);
          d.rationale = rationale(words, o, info, child_words);
          if (o == kEarlyHelp)
            d.early_help_service =
                early_help_service(words, concern, band_of(h.members[static_cast<size_t>(child)], day));
          if (o == kReferral || o == kStrategy) d.primary_need = primary_need(words, concern, o);
          return d;
        };
        const auto waits_for_manager = [&](Outcome o) {
          return needs_authorisation(rules, kOutcomes[o], source);
        };
        // A manager may return the first decision: an NFA that should have been more, a strategy
        // discussion that should have been an assessment, or a rationale that needs the checks made.
        Outcome initial = final_outcome;
        bool returned = false;
        if (waits_for_manager(final_outcome) && times.chance(kReturned)) {
          returned = true;
        } else if (professional && (final_outcome == kAdvice || final_outcome == kEarlyHelp) &&
                   times.chance(kReturned / 2)) {
          initial = kNfa;
          returned = true;
        } else if (final_outcome == kReferral && times.chance(kReturned / 3)) {
          initial = kStrategy;
          returned = true;
        }
        Timestamp at = decided.plus_seconds(static_cast<int64_t>(k) * times.between(60, 300));
        PlannedDecision planned;
        planned.outcome = std::string(kOutcomes[final_outcome]);
        planned.returned = returned;
        Action first_decision;
        first_decision.kind = ActionKind::kDecide;
        first_decision.at = at;
        first_decision.member = child;
        first_decision.worker = worker;
        first_decision.decision = decision_of(initial);
        push(std::move(first_decision));
        if (returned) {
          Action back;
          back.kind = ActionKind::kReturn;
          back.at =
              add_office_minutes(calendar, at, times.between(20, 300)).plus_seconds(times.between(0, 59));
          back.member = child;
          back.worker = manager();
          back.text = return_note(words, initial);
          at = add_office_minutes(calendar, back.at, times.between(15, 240))
                   .plus_seconds(times.between(0, 59));
          push(std::move(back));
          Action again;
          again.kind = ActionKind::kDecide;
          again.at = at;
          again.member = child;
          again.worker = worker;
          again.decision = decision_of(final_outcome);
          if (initial == final_outcome) again.decision.rationale += " Checks made with the partner agencies.";
          push(std::move(again));
        }
        planned.decided_at = at;
        Timestamp final_at = at;
        if (waits_for_manager(final_outcome)) {
          Action authorise;
          authorise.kind = ActionKind::kAuthorise;
          authorise.at = authorised_after(at).plus_seconds(times.between(0, 59));
          authorise.member = child;
          authorise.worker = manager();
          authorise.text = authorisation_note(words);
          final_at = authorise.at;
          push(std::move(authorise));
        }
        if (final_at < context.now) planned.final_at = final_at;
        if (opens_episode(kOutcomes[final_outcome])) {
          ChildState& s = state[static_cast<size_t>(child)];
          s.last_referral = received_on;
          const Date until = london_date(final_at) + episode_days(rng);
          s.open_until =
              s.open_until && *s.open_until > london_date(final_at) ? std::max(*s.open_until, until) : until;
          if (final_at < context.now) referrals.push_back({child, final_at, until});
        }
        c.decisions.push_back(std::move(planned));
      }
    }
    h.contacts.push_back(std::move(c));
  }
  plan_episodes(context, h, referrals);
}

}  // namespace safeguard::synth
