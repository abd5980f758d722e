#include "domain/codes.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <set>
#include <string>
#include <vector>

namespace safeguard {
namespace {

constexpr CodeList kAllLists[] = {
    CodeList::kEthnicity,
    CodeList::kDisability,
    CodeList::kSex,
    CodeList::kFirstLanguage,
    CodeList::kReligion,
    CodeList::kRelationship,
    CodeList::kIdentifierType,
    CodeList::kReferralSource,
    CodeList::kPrimaryNeed,
    CodeList::kReasonForClosure,
    CodeList::kCategoryOfAbuse,
    CodeList::kAssessmentFactor,
    CodeList::kAssessmentOutcome,
    CodeList::kStrategyAgency,
    CodeList::kStrategyDecision,
    CodeList::kSection47Outcome,
    CodeList::kPlanEndReason,
    CodeList::kLegalStatus,
    CodeList::kCategoryOfNeed,
    CodeList::kPlacementType,
    CodeList::kPlacementProvider,
    CodeList::kReasonEpisodeCeased,
    CodeList::kReasonPlaceChange,
    CodeList::kReviewParticipation,
    CodeList::kPermanencePlan,
    CodeList::kMissingType,
    CodeList::kExploitationRisk,
    CodeList::kHealthCheck,
    CodeList::kSdqReason,
    CodeList::kInTouch,
    CodeList::kCareLeaverActivity,
    CodeList::kCareLeaverAccommodation,
    CodeList::kPreviousPermanence,
    CodeList::kAdopters,
    CodeList::kAdoptersRelationship,
    CodeList::kAdoptersLegalStatus,
    CodeList::kReasonNoLongerPlaced,
};

std::vector<std::string> code_strings(CodeList list) {
  std::vector<std::string> out;
  for (const Code& c : codes(list)) out.emplace_back(c.code);
  return out;
}

TEST(CodesTest, EveryListIsNonEmptyWithUniqueCodesAndLabels) {
  for (CodeList list : kAllLists) {
    SCOPED_TRACE(std::string(code_list_name(list)));
    ASSERT_FALSE(codes(list).empty());
    std::set<std::string_view> seen;
    for (const Code& c : codes(list)) {
      EXPECT_FALSE(c.code.empty());
      EXPECT_FALSE(c.label.empty());
      EXPECT_TRUE(seen.insert(c.code).second) << "duplicate code " << c.code;
      EXPECT_EQ(c.code.find(' '), std::string_view::npos) << "code with a space: " << c.code;
    }
  }
}

TEST(CodesTest, EveryCodeIsValidAndLabelledInItsOwnList) {
  for (CodeList list : kAllLists) {
    for (const Code& c : codes(list)) {
      EXPECT_TRUE(is_valid_code(list, c.code)) << c.code;
      ASSERT_TRUE(code_label(list, c.code).has_value()) << c.code;
      EXPECT_EQ(*code_label(list, c.code), c.label);
    }
  }
}

// The SSDA903 lists are exactly the 2025-26 return's (returns.md section 2.3): a code missing is a
// child who cannot be recorded, a code too many is a return the DfE rejects.
TEST(CodesTest, LookedAfterListsAreExactlyTheSsda903Codes) {
  using V = std::vector<std::string>;
  EXPECT_EQ(code_strings(CodeList::kLegalStatus),
            (V{"C1", "C2", "D1", "E1", "V2", "V3", "V4", "L1", "L2", "L3", "J1", "J2", "J3"}));
  auto place = code_strings(CodeList::kPlacementType);
  std::sort(place.begin(), place.end());
  EXPECT_EQ(place,
            (V{"A3", "A4", "A5", "A6", "K1", "K2", "K3", "P1", "P3", "R1", "R2",  "R3",  "R5",  "S1", "T0",
               "T1", "T2", "T3", "T4", "U1", "U2", "U3", "U4", "U5", "U6", "Z11", "Z12", "Z13", "Z14"}));
  EXPECT_EQ(code_strings(CodeList::kPlacementProvider), (V{"PR0", "PR1", "PR2", "PR3", "PR4", "PR5"}));
  auto rec = code_strings(CodeList::kReasonEpisodeCeased);
  std::sort(rec.begin(), rec.end());
  EXPECT_EQ(rec, (V{"E11", "E12", "E13", "E14", "E15", "E16", "E17", "E2", "E3", "E41", "E45",
                    "E46", "E47", "E48", "E4A", "E4B", "E5",  "E6",  "E7", "E8", "E9",  "X1"}));
  EXPECT_EQ(code_strings(CodeList::kReasonPlaceChange),
            (V{"CARPL", "CLOSE", "ALLEG", "STAND", "APPRR", "CREQB", "CREQO", "CHILD", "LAREQ", "PLACE",
               "CUSTOD", "OTHER"}));
  EXPECT_EQ(code_strings(CodeList::kReviewParticipation),
            (V{"PN0", "PN1", "PN2", "PN3", "PN4", "PN5", "PN6", "PN7"}));
  EXPECT_EQ(code_strings(CodeList::kCategoryOfNeed), (V{"N1", "N2", "N3", "N4", "N5", "N6", "N7", "N8"}));
  EXPECT_EQ(code_strings(CodeList::kMissingType), (V{"M", "A"}));
  EXPECT_EQ(code_strings(CodeList::kExploitationRisk), (V{"none", "low", "medium", "high"}));
  EXPECT_EQ(code_strings(CodeList::kSdqReason), (V{"SDQ1", "SDQ2", "SDQ3", "SDQ4", "SDQ5"}));
  EXPECT_EQ(code_strings(CodeList::kInTouch), (V{"YES", "NO", "DIED", "REFU", "NREQ", "RHOM"}));
  EXPECT_EQ(code_strings(CodeList::kCareLeaverActivity),
            (V{"F1", "P1", "F2", "P2", "F4", "P4", "F5", "P5", "G4", "G5", "G6", "0"}));
  // SSDA903 rule 133's list: S1 and X1 are not valid.
  EXPECT_EQ(code_strings(CodeList::kCareLeaverAccommodation),
            (V{"B1", "B2", "C1", "C2", "D1", "D2", "E1", "E2", "G1", "G2", "H1", "H2", "K1", "K2", "R1", "R2",
               "S2", "T1", "T2", "U1", "U2", "V1", "V2", "W1", "W2", "X2", "Y1", "Y2", "Z1", "Z2", "0"}));
  EXPECT_EQ(code_strings(CodeList::kPreviousPermanence), (V{"Z1", "P1", "P2", "P3", "P4"}));
  EXPECT_EQ(code_strings(CodeList::kAdopters), (V{"F1", "M1", "MF", "FF", "MM"}));
  EXPECT_EQ(code_strings(CodeList::kAdoptersLegalStatus), (V{"L0", "L11", "L12", "L2", "L3", "L4"}));
  EXPECT_EQ(code_strings(CodeList::kReasonNoLongerPlaced), (V{"RD1", "RD2", "RD3", "RD4"}));
}

// LA_PERM (validator rule 633): the English councils' numbers, 999, and the four outside England.
TEST(CodesTest, LocalAuthorityCodesAreTheDepartmentsNumbers) {
  for (std::string_view code : {"926", "201", "938", "999", "WAL", "SCO", "NIR", "NUK"}) {
    EXPECT_TRUE(is_local_authority_code(code)) << code;
  }
  for (std::string_view code : {"", "458", "176", "92", "9260", "wal", "ENG"}) {
    EXPECT_FALSE(is_local_authority_code(code)) << code;
  }
}

TEST(CodesTest, ListNamesAreDistinctLowerCaseWords) {
  std::set<std::string_view> names;
  for (CodeList list : kAllLists) {
    std::string_view name = code_list_name(list);
    EXPECT_TRUE(names.insert(name).second) << name;
    for (char ch : name) EXPECT_TRUE((ch >= 'a' && ch <= 'z') || ch == ' ') << name;
  }
  EXPECT_EQ(code_list_name(CodeList::kEthnicity), "ethnicity");
  EXPECT_EQ(code_list_name(CodeList::kDisability), "disability");
  EXPECT_EQ(code_list_name(CodeList::kFirstLanguage), "first language");
  EXPECT_EQ(code_list_name(CodeList::kReferralSource), "referral source");
}

TEST(CodesTest, EthnicityIsTheTwentyDfeCodesInOrder) {
  EXPECT_EQ(code_strings(CodeList::kEthnicity),
            (std::vector<std::string>{"WBRI", "WIRI", "WIRT", "WOTH", "WROM", "MWBC", "MWBA",
                                      "MWAS", "MOTH", "AIND", "APKN", "ABAN", "AOTH", "BCRB",
                                      "BAFR", "BOTH", "CHNE", "OOTH", "REFU", "NOBT"}));
  EXPECT_EQ(code_label(CodeList::kEthnicity, "WBRI"), "White British");
  EXPECT_EQ(code_label(CodeList::kEthnicity, "WIRT"), "Traveller of Irish heritage");
  EXPECT_EQ(code_label(CodeList::kEthnicity, "WROM"), "Gypsy/Roma");
  EXPECT_EQ(code_label(CodeList::kEthnicity, "REFU"), "Refused");
}

TEST(CodesTest, DisabilityIsTheThirteenDfeCodesInOrder) {
  EXPECT_EQ(code_strings(CodeList::kDisability),
            (std::vector<std::string>{"NONE", "MOB", "HAND", "PC", "INC", "COMM", "LD", "HEAR", "VIS", "BEH",
                                      "CON", "AUT", "DDA"}));
  EXPECT_EQ(code_label(CodeList::kDisability, "NONE"), "No disability");
  EXPECT_EQ(code_label(CodeList::kDisability, "HAND"), "Hand function");
}

TEST(CodesTest, SexIsMaleFemaleUnknown) {
  EXPECT_EQ(code_strings(CodeList::kSex), (std::vector<std::string>{"M", "F", "U"}));
  EXPECT_EQ(code_label(CodeList::kSex, "U"), "Not known or not stated");
  // The 2023-24 GenderCurrent codes are not Sex codes.
  for (const char* old : {"0", "1", "2", "9"}) EXPECT_FALSE(is_valid_code(CodeList::kSex, old)) << old;
}

TEST(CodesTest, FirstLanguageUsesDfeLanguageCodes) {
  auto list = codes(CodeList::kFirstLanguage);
  EXPECT_GE(list.size(), 20u);
  EXPECT_LE(list.size(), 32u);
  EXPECT_EQ(list.front().code, "ENG");
  EXPECT_EQ(code_label(CodeList::kFirstLanguage, "ENB"), "Believed to be English");
  EXPECT_EQ(code_label(CodeList::kFirstLanguage, "POL"), "Polish");
  EXPECT_EQ(code_label(CodeList::kFirstLanguage, "RMN"), "Romanian");
  EXPECT_EQ(code_label(CodeList::kFirstLanguage, "PNJ"), "Panjabi");
  EXPECT_EQ(code_label(CodeList::kFirstLanguage, "URD"), "Urdu");
  EXPECT_EQ(code_label(CodeList::kFirstLanguage, "BSL"), "British Sign Language");
  EXPECT_EQ(code_label(CodeList::kFirstLanguage, "OTH"), "Other language");
  EXPECT_EQ(code_label(CodeList::kFirstLanguage, "NOT"), "Not known");
  for (const Code& c : list) {
    EXPECT_EQ(c.code.size(), 3u) << c.code;
    for (char ch : c.code) EXPECT_TRUE(ch >= 'A' && ch <= 'Z') << c.code;
  }
}

TEST(CodesTest, ReligionUsesSafeguardCodesForCensusCategories) {
  EXPECT_EQ(code_strings(CodeList::kReligion),
            (std::vector<std::string>{"NONE", "CHR", "BUD", "HIN", "JEW", "MUS", "SIK", "OTH", "NK", "REF"}));
  EXPECT_EQ(code_label(CodeList::kReligion, "NONE"), "No religion");
  EXPECT_EQ(code_label(CodeList::kReligion, "OTH"), "Any other religion");
}

TEST(CodesTest, RelationshipAndIdentifierTypeCodes) {
  EXPECT_EQ(code_strings(CodeList::kRelationship),
            (std::vector<std::string>{"parent", "step_parent", "sibling", "half_sibling", "grandparent",
                                      "carer", "household_member", "other_relative"}));
  EXPECT_EQ(code_label(CodeList::kRelationship, "step_parent"), "Step-parent");
  EXPECT_EQ(code_strings(CodeList::kIdentifierType),
            (std::vector<std::string>{"council_child_id", "upn", "former_upn", "nhs_number", "legacy_id"}));
  EXPECT_EQ(code_label(CodeList::kIdentifierType, "upn"), "Unique pupil number (UPN)");
  EXPECT_EQ(code_label(CodeList::kIdentifierType, "nhs_number"), "NHS number");
}

TEST(CodesTest, ReferralSourceIsTheTwentyTwoCinCodes) {
  EXPECT_EQ(code_strings(CodeList::kReferralSource),
            (std::vector<std::string>{"1A", "1B", "1C", "1D", "2A", "2B", "3A", "3B", "3C", "3D", "3E",
                                      "3F", "4",  "5A", "5B", "5C", "5D", "6",  "7",  "8",  "9",  "10"}));
  EXPECT_FALSE(is_valid_code(CodeList::kReferralSource, "5"));
  EXPECT_FALSE(is_valid_code(CodeList::kReferralSource, "04"));
}

TEST(CodesTest, PrimaryNeedClosureAndAbuseCategories) {
  auto needs = code_strings(CodeList::kPrimaryNeed);
  EXPECT_EQ(needs.size(), 10u);
  for (int n = 0; n <= 9; ++n) EXPECT_TRUE(is_valid_code(CodeList::kPrimaryNeed, "N" + std::to_string(n)));
  EXPECT_FALSE(is_valid_code(CodeList::kPrimaryNeed, "N10"));
  EXPECT_EQ(code_label(CodeList::kPrimaryNeed, "N1"), "Abuse or neglect");

  EXPECT_EQ(code_strings(CodeList::kReasonForClosure),
            (std::vector<std::string>{"RC1", "RC2", "RC3", "RC4", "RC5", "RC6", "RC7", "RC8", "RC9"}));
  EXPECT_EQ(code_strings(CodeList::kCategoryOfAbuse),
            (std::vector<std::string>{"NEG", "PHY", "SAB", "EMO", "MUL"}));
}

TEST(CodesTest, AssessmentFactorsAreCurrentCodesOnly) {
  const std::vector<std::string> expected{
      "1A",  "1B",  "1C",  "2A",  "2B",  "2C",  "3A",  "3B",  "3C",  "4A", "4B", "4C",  "5A",  "5B",
      "5C",  "6A",  "6B",  "6C",  "7A",  "8B",  "8C",  "8D",  "8E",  "8F", "9A", "10A", "11A", "12A",
      "13A", "14A", "15A", "16A", "17A", "18B", "18C", "19B", "19C", "20", "21", "22A", "23A", "24A"};
  EXPECT_EQ(code_strings(CodeList::kAssessmentFactor), expected);
  EXPECT_FALSE(is_valid_code(CodeList::kAssessmentFactor, "18A"));  // retired: query 8945Q
  EXPECT_FALSE(is_valid_code(CodeList::kAssessmentFactor, "19A"));  // retired: query 8950Q
  EXPECT_FALSE(is_valid_code(CodeList::kAssessmentFactor, "8A"));
  EXPECT_EQ(code_label(CodeList::kAssessmentFactor, "21"), "No factors identified");
}

TEST(CodesTest, MatchingIsExactAndCaseSensitive) {
  EXPECT_TRUE(is_valid_code(CodeList::kEthnicity, "WBRI"));
  EXPECT_FALSE(is_valid_code(CodeList::kEthnicity, "wbri"));
  EXPECT_FALSE(is_valid_code(CodeList::kEthnicity, " WBRI"));
  EXPECT_FALSE(is_valid_code(CodeList::kEthnicity, "WBRI "));
  EXPECT_FALSE(is_valid_code(CodeList::kEthnicity, "WBR"));
  EXPECT_FALSE(is_valid_code(CodeList::kEthnicity, ""));
  EXPECT_FALSE(is_valid_code(CodeList::kSex, "m"));
  EXPECT_FALSE(is_valid_code(CodeList::kRelationship, "Parent"));
  EXPECT_FALSE(is_valid_code(CodeList::kAssessmentFactor, "1a"));
  EXPECT_FALSE(code_label(CodeList::kDisability, "none").has_value());
  // A code from one list is not valid in another just because the string matches elsewhere.
  EXPECT_TRUE(is_valid_code(CodeList::kDisability, "NONE"));
  EXPECT_TRUE(is_valid_code(CodeList::kReligion, "NONE"));
  EXPECT_FALSE(is_valid_code(CodeList::kEthnicity, "NONE"));
  EXPECT_FALSE(is_valid_code(CodeList::kEthnicity, std::string_view("WBRI\0", 5)));
}

TEST(CodesTest, OutOfRangeListHasNoCodes) {
  auto bogus = static_cast<CodeList>(99);
  EXPECT_TRUE(codes(bogus).empty());
  EXPECT_FALSE(is_valid_code(bogus, "WBRI"));
  EXPECT_FALSE(code_list_name(bogus).empty());
}

struct RelationshipCase {
  const char* code;
  const char* female;
  const char* male;
  const char* neutral;
  const char* inverse_female;
  const char* inverse_male;
  const char* inverse_neutral;
};

TEST(RelationshipLabelTest, BothDirectionsBySex) {
  const RelationshipCase cases[] = {
      {"parent", "Mother", "Father", "Parent", "Daughter", "Son", "Child"},
      {"step_parent", "Stepmother", "Stepfather", "Step-parent", "Stepdaughter", "Stepson", "Stepchild"},
      {"sibling", "Sister", "Brother", "Sibling", "Sister", "Brother", "Sibling"},
      {"half_sibling", "Half-sister", "Half-brother", "Half-sibling", "Half-sister", "Half-brother",
       "Half-sibling"},
      {"grandparent", "Grandmother", "Grandfather", "Grandparent", "Granddaughter", "Grandson", "Grandchild"},
      {"carer", "Carer", "Carer", "Carer", "Cared-for child", "Cared-for child", "Cared-for child"},
      {"household_member", "Household member", "Household member", "Household member", "Household member",
       "Household member", "Household member"},
      {"other_relative", "Other relative", "Other relative", "Other relative", "Other relative",
       "Other relative", "Other relative"},
  };
  ASSERT_EQ(std::size(cases), codes(CodeList::kRelationship).size());
  for (const RelationshipCase& c : cases) {
    SCOPED_TRACE(c.code);
    EXPECT_EQ(relationship_label(c.code, 'F'), c.female);
    EXPECT_EQ(relationship_label(c.code, 'M'), c.male);
    EXPECT_EQ(relationship_label(c.code, 'U'), c.neutral);
    EXPECT_EQ(inverse_relationship_label(c.code, 'F'), c.inverse_female);
    EXPECT_EQ(inverse_relationship_label(c.code, 'M'), c.inverse_male);
    EXPECT_EQ(inverse_relationship_label(c.code, 'U'), c.inverse_neutral);
  }
}

TEST(RelationshipLabelTest, NeutralWordMatchesTheCodeListLabel) {
  for (const Code& c : codes(CodeList::kRelationship)) {
    EXPECT_EQ(relationship_label(c.code, 'U'), c.label) << c.code;
  }
}

TEST(RelationshipLabelTest, UnknownSexGetsTheNeutralWord) {
  for (char sex : {'\0', 'u', 'm', 'f', 'X', '1'}) {
    EXPECT_EQ(relationship_label("parent", sex), "Parent") << int(sex);
    EXPECT_EQ(inverse_relationship_label("parent", sex), "Child") << int(sex);
  }
}

TEST(RelationshipLabelTest, UnknownCodeGivesEmpty) {
  EXPECT_TRUE(relationship_label("", 'F').empty());
  EXPECT_TRUE(relationship_label("Parent", 'F').empty());
  EXPECT_TRUE(relationship_label("mother", 'F').empty());
  EXPECT_TRUE(inverse_relationship_label("cousin", 'M').empty());
}

}  // namespace
}  // namespace safeguard
