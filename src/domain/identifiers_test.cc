#include "domain/identifiers.h"

#include <gtest/gtest.h>

#include <random>
#include <string>

namespace safeguard {
namespace {

// An independent restatement of the DfE rule, written the way the guidance reads, to build
// synthetic UPNs (never real pupils'): weights 2..13, letters valued by their place in the alphabet
// without I, O and S, remainder mod 23 mapped through that alphabet.
char reference_check_letter(const std::string& last_twelve) {
  const std::string letters = "ABCDEFGHJKLMNPQRTUVWXYZ";
  int sum = 0;
  for (int position = 2; position <= 13; ++position) {
    char ch = last_twelve[position - 2];
    int value = (ch >= '0' && ch <= '9') ? ch - '0' : static_cast<int>(letters.find(ch));
    sum += position * value;
  }
  return letters[sum % 23];
}

std::string synthetic_upn(const std::string& last_twelve) {
  return reference_check_letter(last_twelve) + last_twelve;
}

// The tenth digit for nine NHS digits, or -1 when no tenth digit makes them valid.
int reference_nhs_check(const std::string& nine) {
  int sum = 0;
  for (int i = 0; i < 9; ++i) sum += (nine[i] - '0') * (10 - i);
  int check = (11 - sum % 11) % 11;
  return check == 10 ? -1 : check;
}

// ---------------------------------------------------------------- UPN

TEST(LaNumberTest, TheDfesListAndNothingElse) {
  for (const char* n : {"001", "005", "201", "213", "420", "815", "839", "840", "926", "943"})
    EXPECT_TRUE(is_la_number(n)) << n;
  for (const char* n :
       {"000", "006", "200", "214", "321", "804", "814", "897", "944", "999", "92", "9266", "9a6", ""})
    EXPECT_FALSE(is_la_number(n)) << n;
}

TEST(UpnTest, KnownGoodUpns) {
  EXPECT_TRUE(is_valid_upn("A950000178301"));  // examples in the CIN validator's rule 1510 tests
  EXPECT_TRUE(is_valid_upn("H243278544154"));
  EXPECT_TRUE(is_valid_upn("B801200005001"));  // python-stdnum's documented example
  // Worked by hand: 2*2 + 4*7 + 9*1 + 10*6 + 12*4 + 13*9 = 266, 266 mod 23 = 13, the 14th letter, P.
  EXPECT_TRUE(is_valid_upn("P207000016049"));
}

TEST(UpnTest, WrongCheckLetterIsRejected) {
  EXPECT_FALSE(is_valid_upn("R247962919251"));  // the validator's failing examples
  EXPECT_FALSE(is_valid_upn("X428558133462"));
  EXPECT_FALSE(is_valid_upn("Q207000016049"));
  // Every letter but the right one fails.
  for (char letter = 'A'; letter <= 'Z'; ++letter) {
    std::string upn = std::string(1, letter) + "950000178301";
    EXPECT_EQ(is_valid_upn(upn), letter == 'A') << upn;
  }
}

TEST(UpnTest, TemporaryUpnLetterCountsByItsPlaceInTheAlphabet) {
  // 2*2 + 1*4 + 1*8 + 2*9 + 4*10 + 1*11 + 2*12 = 109; A adds 0: 109 mod 23 = 17 -> U.
  EXPECT_EQ(upn_check_letter("20100012412A"), 'U');
  EXPECT_TRUE(is_valid_upn("U20100012412A"));
  // Z is worth 22: 109 + 22*13 = 395, 395 mod 23 = 4 -> E.
  EXPECT_EQ(upn_check_letter("20100012412Z"), 'E');
  EXPECT_TRUE(is_valid_upn("E20100012412Z"));
  // I, O and S are never used, so cannot end a temporary UPN.
  for (char bad : {'I', 'O', 'S'}) {
    std::string twelve = std::string("20100012412") + bad;
    EXPECT_FALSE(upn_check_letter(twelve).has_value()) << twelve;
  }
}

TEST(UpnTest, CheckLettersYAndZOccur) {
  // Remainders 21 and 22 map to Y and Z; a table that stops at X would wrongly reject these.
  bool saw_y = false, saw_z = false;
  for (int serial = 0; serial < 1000 && !(saw_y && saw_z); ++serial) {
    std::string digits = std::to_string(serial);
    std::string twelve = "201000124" + std::string(3 - digits.size(), '0') + digits;
    char letter = reference_check_letter(twelve);
    ASSERT_EQ(upn_check_letter(twelve), letter) << twelve;
    if (letter == 'Y' || letter == 'Z') {
      EXPECT_TRUE(is_valid_upn(letter + twelve)) << twelve;
      (letter == 'Y' ? saw_y : saw_z) = true;
    }
  }
  EXPECT_TRUE(saw_y);
  EXPECT_TRUE(saw_z);
}

TEST(UpnTest, AgreesWithTheReferenceOnRandomSyntheticNumbers) {
  std::mt19937 rng(1510);
  const std::string letters = "ABCDEFGHJKLMNPQRTUVWXYZ";
  for (int i = 0; i < 2000; ++i) {
    std::string twelve;
    for (int d = 0; d < 11; ++d) twelve.push_back(static_cast<char>('0' + rng() % 10));
    twelve.push_back(i % 2 == 0 ? static_cast<char>('0' + rng() % 10) : letters[rng() % letters.size()]);
    std::string upn = synthetic_upn(twelve);
    ASSERT_EQ(upn_check_letter(twelve), upn[0]) << upn;
    ASSERT_TRUE(is_valid_upn(upn)) << upn;
    // Changing one digit in positions 2-12 always changes the check letter: each weight is
    // below 23 and 23 is prime, so no single change can leave the sum's remainder alone.
    std::string altered = upn;
    std::size_t at = 1 + rng() % 11;
    altered[at] = static_cast<char>('0' + (altered[at] - '0' + 1 + rng() % 9) % 10);
    ASSERT_FALSE(is_valid_upn(altered)) << upn << " -> " << altered;
  }
}

TEST(UpnTest, MalformedUpnsAreRejected) {
  EXPECT_FALSE(is_valid_upn(""));
  EXPECT_FALSE(is_valid_upn("A95000017830"));    // 12 characters
  EXPECT_FALSE(is_valid_upn("A9500001783011"));  // 14
  EXPECT_FALSE(is_valid_upn("a950000178301"));   // lower case: normalise first
  EXPECT_FALSE(is_valid_upn(" A950000178301"));  // untrimmed
  EXPECT_FALSE(is_valid_upn("A95000017830 1"));
  EXPECT_FALSE(is_valid_upn("A9500001783A1"));  // a letter before position 13
  EXPECT_FALSE(is_valid_upn("A95000017830a"));  // lower-case final letter
  EXPECT_FALSE(is_valid_upn("1950000178301"));  // a digit where the check letter goes
  EXPECT_FALSE(is_valid_upn("UN1"));            // UPNunknown codes are not UPNs
  EXPECT_FALSE(is_valid_upn(std::string("A95000017830\0", 13)));
  EXPECT_FALSE(is_valid_upn("\xff\xfe\xfd\xfc\xfb\xfa\xf9\xf8\xf7\xf6\xf5\xf4\xf3"));
}

TEST(UpnTest, CheckLetterNeedsExactlyTwelveCharacters) {
  EXPECT_FALSE(upn_check_letter("").has_value());
  EXPECT_FALSE(upn_check_letter("95000017830").has_value());
  EXPECT_FALSE(upn_check_letter("9500001783011").has_value());
  EXPECT_FALSE(upn_check_letter("95000017830-").has_value());
  EXPECT_FALSE(upn_check_letter("9500001783a1").has_value());
  EXPECT_EQ(upn_check_letter("950000178301"), 'A');
  EXPECT_EQ(upn_check_letter("000000000000"), 'A');
}

TEST(UpnTest, NormaliseTrimsAndUpperCases) {
  EXPECT_EQ(normalise_upn("  a950000178301\t\n"), "A950000178301");
  EXPECT_EQ(normalise_upn("u20100012412a"), "U20100012412A");
  EXPECT_TRUE(is_valid_upn(normalise_upn(" u20100012412a ")));
  EXPECT_EQ(normalise_upn("A 950"), "A 950");  // inner spaces stay: a typo is not repaired
  EXPECT_EQ(normalise_upn(""), "");
  EXPECT_EQ(normalise_upn("   "), "");
  EXPECT_EQ(normalise_upn("\xc3\xa9"), "\xc3\xa9");  // non-ASCII bytes untouched
}

// ---------------------------------------------------------------- NHS number

TEST(NhsNumberTest, KnownTestNumbersAreValid) {
  EXPECT_TRUE(is_valid_nhs_number("9434765919"));
  EXPECT_TRUE(is_valid_nhs_number("9434765870"));  // check digit 0: the sum is a multiple of 11
}

TEST(NhsNumberTest, SyntheticNumbersFromTheReferenceAreValid) {
  std::mt19937 rng(11);
  int made = 0;
  while (made < 1000) {
    std::string nine;
    for (int i = 0; i < 9; ++i) nine.push_back(static_cast<char>('0' + rng() % 10));
    int check = reference_nhs_check(nine);
    if (check < 0) continue;
    std::string nhs = nine + static_cast<char>('0' + check);
    if (nhs.find_first_not_of(nhs[0]) == std::string::npos) continue;
    ++made;
    ASSERT_TRUE(is_valid_nhs_number(nhs)) << nhs;
    // Any single wrong digit is caught (weights 2..10 are all non-zero mod 11).
    for (int at = 0; at < 10; ++at) {
      for (char digit = '0'; digit <= '9'; ++digit) {
        if (digit == nhs[at]) continue;
        std::string altered = nhs;
        altered[at] = digit;
        ASSERT_FALSE(is_valid_nhs_number(altered)) << nhs << " -> " << altered;
      }
    }
    // Swapping two different adjacent digits is caught too.
    for (int at = 0; at < 9; ++at) {
      if (nhs[at] == nhs[at + 1]) continue;
      std::string swapped = nhs;
      std::swap(swapped[at], swapped[at + 1]);
      ASSERT_FALSE(is_valid_nhs_number(swapped)) << nhs << " -> " << swapped;
    }
  }
}

TEST(NhsNumberTest, CheckDigitTenMeansNoValidNumber) {
  // 6 * 2 = 12, 11 - 12 mod 11 = 10: no tenth digit makes these nine digits valid.
  ASSERT_EQ(reference_nhs_check("000000006"), -1);
  for (char tenth = '0'; tenth <= '9'; ++tenth) {
    EXPECT_FALSE(is_valid_nhs_number(std::string("000000006") + tenth)) << tenth;
  }
}

TEST(NhsNumberTest, RepeatedDigitPlaceholdersAreRejected) {
  for (char digit = '0'; digit <= '9'; ++digit) {
    std::string same(10, digit);
    // They satisfy the modulus-11 arithmetic...
    ASSERT_EQ(reference_nhs_check(same.substr(0, 9)), digit - '0') << same;
    // ...but are what people type when they do not know the number.
    EXPECT_FALSE(is_valid_nhs_number(same)) << same;
  }
}

TEST(NhsNumberTest, MalformedNumbersAreRejected) {
  EXPECT_FALSE(is_valid_nhs_number(""));
  EXPECT_FALSE(is_valid_nhs_number("943476591"));
  EXPECT_FALSE(is_valid_nhs_number("94347659190"));
  EXPECT_FALSE(is_valid_nhs_number("943 476 5919"));  // normalise first
  EXPECT_FALSE(is_valid_nhs_number("94347659l9"));
  EXPECT_FALSE(is_valid_nhs_number("943476591\xd9"));
  EXPECT_FALSE(is_valid_nhs_number(std::string("943476591\0", 10)));
  EXPECT_FALSE(is_valid_nhs_number("9434765918"));
}

TEST(NhsNumberTest, NormaliseStripsSpacesAndHyphensOnly) {
  EXPECT_EQ(normalise_nhs_number("943 476 5919"), "9434765919");
  EXPECT_EQ(normalise_nhs_number("943-476-5919"), "9434765919");
  EXPECT_EQ(normalise_nhs_number(" \t943 - 476 -5919\n"), "9434765919");
  EXPECT_EQ(normalise_nhs_number("943.476.5919"), "943.476.5919");
  EXPECT_EQ(normalise_nhs_number(""), "");
  EXPECT_TRUE(is_valid_nhs_number(normalise_nhs_number("943 476 5870")));
}

TEST(NhsNumberTest, FormatGroupsThreeThreeFour) {
  EXPECT_EQ(format_nhs_number("9434765919"), "943 476 5919");
  EXPECT_EQ(format_nhs_number("943-476-5919"), "943 476 5919");
  EXPECT_EQ(format_nhs_number(" 943 4765 919 "), "943 476 5919");
  EXPECT_EQ(format_nhs_number("12345"), "12345");
  EXPECT_EQ(format_nhs_number("12345 67890 1"), "12345678901");
  EXPECT_EQ(format_nhs_number("94347659x9"), "94347659x9");
  EXPECT_EQ(format_nhs_number(""), "");
}

// ---------------------------------------------------------------- postcodes

TEST(PostcodeTest, NormalisePutsOneSpaceBeforeTheInwardCode) {
  EXPECT_EQ(normalise_postcode("nr14ab"), "NR1 4AB");
  EXPECT_EQ(normalise_postcode(" NR1  4AB "), "NR1 4AB");
  EXPECT_EQ(normalise_postcode("n r 1 4 a b"), "NR1 4AB");
  EXPECT_EQ(normalise_postcode("sw1a2aa"), "SW1A 2AA");
  EXPECT_EQ(normalise_postcode("m11ae"), "M1 1AE");
  EXPECT_EQ(normalise_postcode("Ec1a\t1bb"), "EC1A 1BB");
  EXPECT_EQ(normalise_postcode("gir0aa"), "GIR 0AA");
  EXPECT_EQ(normalise_postcode("NR1 4AB"), "NR1 4AB");
  EXPECT_EQ(normalise_postcode("nr1"), "NR1");
  EXPECT_EQ(normalise_postcode("sw1a"), "SW1A");
  EXPECT_EQ(normalise_postcode(""), "");
  EXPECT_EQ(normalise_postcode("   "), "");
}

TEST(PostcodeTest, EveryFormatIsAccepted) {
  for (const char* postcode : {"M1 1AE",    // A9 9AA
                               "B33 8TH",   // A99 9AA
                               "CR2 6XH",   // AA9 9AA
                               "DN55 1PT",  // AA99 9AA
                               "W1A 0AX",   // A9A 9AA
                               "EC1A 1BB",  // AA9A 9AA
                               "NR1 4AB", "SW1A 2AA", "N1C 4AG", "E1W 1AA", "SE1P 5LX", "GIR 0AA", "ZE1 0AA",
                               "BT1 1AA", "IM1 1AA"}) {
    EXPECT_TRUE(is_valid_postcode(postcode)) << postcode;
  }
}

TEST(PostcodeTest, LetterRulesAreEnforced) {
  for (const char* postcode : {"QA1 1AA",  // Q, V, X never first
                               "V1 1AA", "XM4 5HQ",
                               "AI1 1AA",  // I, J, Z never second
                               "AJ1 1AA", "AZ1 1AA",
                               "W1I 1AA",  // third of A9A from ABCDEFGHJKPSTUW only
                               "W1L 1AA",
                               "EC1C 1BB",  // fourth of AA9A from ABEHMNPRVWXY only
                               "EC1Z 1BB",
                               "NR1 4AC",  // inward letters never C, I, K, M, O, V
                               "NR1 4IA", "NR1 4KA", "NR1 4AM", "NR1 4OA", "NR1 4AV"}) {
    EXPECT_FALSE(is_valid_postcode(postcode)) << postcode;
  }
}

TEST(PostcodeTest, MalformedPostcodesAreRejected) {
  for (const char* postcode :
       {"", "NR14AB", "nr1 4ab", "NR1  4AB", " NR1 4AB", "NR1 4AB ", "NR1 4A", "NR1 AAB", "NR1 44B",
        "1R1 4AB", "NR123 4AB", "N 4AB", "NRR1 4AB", "NR1-4AB", "GIR 0AB", "GIR0AA", "NR1 4A\xc3\x89"}) {
    EXPECT_FALSE(is_valid_postcode(postcode)) << postcode;
  }
}

TEST(PostcodeTest, NormalisedUserInputValidates) {
  EXPECT_TRUE(is_valid_postcode(normalise_postcode("nr14ab")));
  EXPECT_TRUE(is_valid_postcode(normalise_postcode(" ec1a 1bb ")));
  EXPECT_FALSE(is_valid_postcode(normalise_postcode("nr1")));
}

TEST(PostcodeTest, DistrictIsTheOutwardCode) {
  EXPECT_EQ(postcode_district("NR1 4AB"), "NR1");
  EXPECT_EQ(postcode_district("nr14ab"), "NR1");
  EXPECT_EQ(postcode_district("SW1A2AA"), "SW1A");
  EXPECT_EQ(postcode_district("dn55 1pt"), "DN55");
  EXPECT_EQ(postcode_district("GIR 0AA"), "GIR");
  EXPECT_EQ(postcode_district("nr1"), "NR1");  // an outward code on its own
  EXPECT_EQ(postcode_district(" w1a "), "W1A");
  EXPECT_EQ(postcode_district(""), "");
  EXPECT_EQ(postcode_district("hello"), "");
  EXPECT_EQ(postcode_district("QQ1 1AA"), "");
  EXPECT_EQ(postcode_district("NR1 4AC"), "");
  EXPECT_EQ(postcode_district("NR"), "");
}

TEST(IdentifiersTest, RandomBytesNeverCrash) {
  std::mt19937 rng(903);
  for (int i = 0; i < 5000; ++i) {
    std::string bytes(rng() % 20, '\0');
    for (char& ch : bytes) ch = static_cast<char>(rng() % 256);
    (void)is_valid_upn(normalise_upn(bytes));
    (void)upn_check_letter(bytes);
    (void)is_valid_nhs_number(normalise_nhs_number(bytes));
    (void)format_nhs_number(bytes);
    std::string postcode = normalise_postcode(bytes);
    if (is_valid_postcode(postcode)) {
      EXPECT_FALSE(postcode_district(postcode).empty());
    }
    (void)postcode_district(bytes);
  }
}

}  // namespace
}  // namespace safeguard
