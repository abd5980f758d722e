// The national identifiers a person's record carries, and UK postcodes: how to tidy what a worker
// types, and whether the result can be a real identifier.
//
// A check that passes says the value is well formed and its check character agrees; it cannot say
// the number was ever issued or belongs to this person. Checks are strict and work on the tidy
// form, so callers normalise first: `is_valid_upn(normalise_upn(typed))`.
//
// Unique pupil number (UPN), the DfE's identifier for a pupil in an English state school, 13
// characters: a check letter, the LA number (3 digits), the establishment number (4 digits), the
// last two digits of the year of issue and a 3-character serial. A permanent UPN's serial is 3
// digits; a temporary UPN's is 2 digits and a letter. Letters are A-Z without I, O and S. The CIN
// census checks the check letter (rule 1510), digits 2-12 (1540) and character 13 (1550); the LA
// number being a real one (1530) is is_la_number.
//
// NHS number: 10 digits, the last a modulus-11 check digit.
//
// Thread safety: pure functions; safe from any thread.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace safeguard {

// Leading and trailing whitespace removed, ASCII letters upper-cased; nothing else changes, so a
// mistyped UPN stays visibly wrong rather than being "repaired" into someone else's.
std::string normalise_upn(std::string_view text);

// True for a well-formed UPN (the exact normalised form: no spaces, upper case) whose first
// character is the check letter for characters 2-13.
bool is_valid_upn(std::string_view upn);

// The check letter for the 12 characters that follow it in a UPN: 11 digits then a digit or a
// letter (A-Z without I, O, S). nullopt if `last_twelve` is not of that form.
//
// DfE algorithm (Common Basic Data Set; CIN rule 1510): weight the characters in positions 2..13
// by 2..13, a letter at position 13 counting as its index in ABCDEFGHJKLMNPQRTUVWXYZ (A = 0,
// Z = 22); the sum modulo 23 indexes the same alphabet.
std::optional<char> upn_check_letter(std::string_view last_twelve);

// True for a DfE local authority number in use since April 1998, or one of the DfE's pseudo LA
// numbers: three digits in the list of CIN census rule 1530 (e.g. 201 City of London, 926 Norfolk).
bool is_la_number(std::string_view number);

// ASCII whitespace and hyphens removed ("943 476 5919", "943-476-5919" -> "9434765919"). Other
// characters stay, so that anything else fails validation rather than being silently dropped.
std::string normalise_nhs_number(std::string_view text);

// True for exactly 10 ASCII digits whose tenth is the modulus-11 check digit of the first nine
// (weights 10 down to 2; check = 11 - sum mod 11, where 11 means 0 and 10 means no valid number).
// Numbers of one repeated digit (0000000000, 1111111111, ...) all pass that arithmetic but are
// placeholders typed when the real number is unknown, so they are rejected.
bool is_valid_nhs_number(std::string_view nhs);

// The usual 3-3-4 display form, "943 476 5919", of a normalised 10-digit value; anything that is
// not 10 digits after normalising is returned normalised but otherwise unchanged.
std::string format_nhs_number(std::string_view text);

// Whitespace removed, ASCII letters upper-cased and one space put before the three-character
// inward code: "nr14ab" and " NR1  4AB " both give "NR1 4AB". Input of fewer than five characters
// after removing whitespace cannot be a full postcode and is returned upper-cased with no space.
std::string normalise_postcode(std::string_view text);

// True for a postcode in the Royal Mail format, in normalised form ("NR1 4AB"): an outward code
// A9, A99, AA9, AA99, A9A or AA9A, a space, and an inward code 9AA; plus the special GIR 0AA.
// The letter rules are enforced too: no Q, V or X first; no I, J or Z second in the two-letter
// areas; only ABCDEFGHJKPSTUW third in A9A and ABEHMNPRVWXY fourth in AA9A; no C, I, K, M, O or
// V in the inward code. It does not know whether the postcode has been issued.
bool is_valid_postcode(std::string_view postcode);

// The outward code (postcode district) of a postcode, normalised first: "nr1 4ab" gives "NR1".
// An outward code on its own ("nr1") gives itself. Anything else gives an empty string.
std::string postcode_district(std::string_view postcode);

}  // namespace safeguard
