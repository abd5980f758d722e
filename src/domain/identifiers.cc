#include "domain/identifiers.h"

#include <cstddef>
#include <utility>

namespace safeguard {
namespace {

// Character classes by hand rather than <cctype>: those depend on the C locale and are undefined
// for negative char values, and identifiers are ASCII whatever the locale.
bool is_digit(char ch) { return ch >= '0' && ch <= '9'; }
bool is_upper(char ch) { return ch >= 'A' && ch <= 'Z'; }
bool is_space(char ch) {
  return ch == ' ' || ch == '\t' || ch == '\n' || ch == '\r' || ch == '\f' || ch == '\v';
}
char to_upper(char ch) { return (ch >= 'a' && ch <= 'z') ? static_cast<char>(ch - 'a' + 'A') : ch; }

// The 23 letters UPNs use: I, O and S are left out because they read as 1, 0 and 5.
constexpr std::string_view kUpnLetters = "ABCDEFGHJKLMNPQRTUVWXYZ";

// A letter's value in the UPN alphabet, or -1 if the letter is not in it.
int upn_letter_value(char ch) {
  std::size_t at = kUpnLetters.find(ch);
  return at == std::string_view::npos ? -1 : static_cast<int>(at);
}

std::string_view trim(std::string_view text) {
  while (!text.empty() && is_space(text.front())) text.remove_prefix(1);
  while (!text.empty() && is_space(text.back())) text.remove_suffix(1);
  return text;
}

bool outward_code_is_valid(std::string_view out) {
  // Which letters may stand where: Royal Mail's postcode rules (also in BS 7666).
  constexpr std::string_view kNotFirst = "QVX";
  constexpr std::string_view kNotSecond = "IJZ";
  constexpr std::string_view kThirdOfA9A = "ABCDEFGHJKPSTUW";
  constexpr std::string_view kFourthOfAA9A = "ABEHMNPRVWXY";
  auto first_ok = [&](char ch) { return is_upper(ch) && kNotFirst.find(ch) == std::string_view::npos; };
  auto second_ok = [&](char ch) { return is_upper(ch) && kNotSecond.find(ch) == std::string_view::npos; };

  if (out.size() < 2 || out.size() > 4 || !first_ok(out[0])) return false;
  switch (out.size()) {
    case 2:  // A9
      return is_digit(out[1]);
    case 3:  // A99, AA9, A9A
      if (is_digit(out[1])) {
        return is_digit(out[2]) || (is_upper(out[2]) && kThirdOfA9A.find(out[2]) != std::string_view::npos);
      }
      return second_ok(out[1]) && is_digit(out[2]);
    default:  // AA99, AA9A
      if (!second_ok(out[1]) || !is_digit(out[2])) return false;
      return is_digit(out[3]) || (is_upper(out[3]) && kFourthOfAA9A.find(out[3]) != std::string_view::npos);
  }
}

bool inward_code_is_valid(std::string_view in) {
  constexpr std::string_view kNotInward = "CIKMOV";
  auto letter_ok = [&](char ch) { return is_upper(ch) && kNotInward.find(ch) == std::string_view::npos; };
  return in.size() == 3 && is_digit(in[0]) && letter_ok(in[1]) && letter_ok(in[2]);
}

}  // namespace

std::string normalise_upn(std::string_view text) {
  std::string out(trim(text));
  for (char& ch : out) ch = to_upper(ch);
  return out;
}

bool is_la_number(std::string_view number) {
  if (number.size() != 3 || !is_digit(number[0]) || !is_digit(number[1]) || !is_digit(number[2]))
    return false;
  const int n = (number[0] - '0') * 100 + (number[1] - '0') * 10 + (number[2] - '0');
  // Ranges and single numbers, as the DfE lists them.
  static constexpr std::pair<int, int> kNumbers[] = {
      {1, 5},     {201, 213}, {301, 320}, {330, 336}, {340, 344}, {350, 359}, {370, 373},
      {380, 384}, {390, 394}, {420, 420}, {660, 681}, {701, 708}, {800, 803}, {805, 808},
      {810, 813}, {815, 816}, {820, 823}, {825, 826}, {830, 831}, {835, 841}, {845, 846},
      {850, 852}, {855, 857}, {860, 861}, {865, 896}, {908, 909}, {916, 916}, {919, 919},
      {921, 921}, {925, 926}, {928, 929}, {931, 931}, {933, 933}, {935, 938}, {940, 943}};
  for (const auto& [from, to] : kNumbers) {
    if (n >= from && n <= to) return true;
  }
  return false;
}

std::optional<char> upn_check_letter(std::string_view last_twelve) {
  if (last_twelve.size() != 12) return std::nullopt;
  int sum = 0;
  for (std::size_t i = 0; i < 12; ++i) {
    const char ch = last_twelve[i];
    int value;
    if (is_digit(ch)) {
      value = ch - '0';
    } else if (i == 11 && upn_letter_value(ch) >= 0) {
      value = upn_letter_value(ch);  // a temporary UPN's final letter
    } else {
      return std::nullopt;
    }
    const int weight = static_cast<int>(i) + 2;  // position 2 has weight 2, ..., position 13 weight 13
    sum += weight * value;
  }
  return kUpnLetters[static_cast<std::size_t>(sum % 23)];
}

bool is_valid_upn(std::string_view upn) {
  if (upn.size() != 13) return false;
  std::optional<char> check = upn_check_letter(upn.substr(1));
  return check.has_value() && *check == upn[0];
}

std::string normalise_nhs_number(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char ch : text) {
    if (!is_space(ch) && ch != '-') out.push_back(ch);
  }
  return out;
}

bool is_valid_nhs_number(std::string_view nhs) {
  if (nhs.size() != 10) return false;
  for (char ch : nhs) {
    if (!is_digit(ch)) return false;
  }
  if (nhs.find_first_not_of(nhs[0]) == std::string_view::npos) return false;  // a placeholder
  int sum = 0;
  for (std::size_t i = 0; i < 9; ++i) sum += (nhs[i] - '0') * static_cast<int>(10 - i);
  int check = 11 - sum % 11;
  if (check == 11) check = 0;
  if (check == 10) return false;  // no number is issued with these nine digits
  return check == nhs[9] - '0';
}

std::string format_nhs_number(std::string_view text) {
  std::string digits = normalise_nhs_number(text);
  if (digits.size() != 10) return digits;
  for (char ch : digits) {
    if (!is_digit(ch)) return digits;
  }
  return digits.substr(0, 3) + ' ' + digits.substr(3, 3) + ' ' + digits.substr(6);
}

std::string normalise_postcode(std::string_view text) {
  std::string compact;
  compact.reserve(text.size() + 1);
  for (char ch : text) {
    if (!is_space(ch)) compact.push_back(to_upper(ch));
  }
  // Every postcode's inward code is its last three characters, whatever the outward code's length.
  if (compact.size() >= 5) compact.insert(compact.size() - 3, 1, ' ');
  return compact;
}

bool is_valid_postcode(std::string_view postcode) {
  if (postcode == "GIR 0AA") return true;  // Girobank's, from before the current rules
  if (postcode.size() < 6 || postcode.size() > 8) return false;
  const std::size_t space = postcode.size() - 4;
  if (postcode[space] != ' ') return false;
  return outward_code_is_valid(postcode.substr(0, space)) && inward_code_is_valid(postcode.substr(space + 1));
}

std::string postcode_district(std::string_view postcode) {
  std::string normal = normalise_postcode(postcode);
  if (is_valid_postcode(normal)) return normal.substr(0, normal.find(' '));
  if (normal == "GIR" || outward_code_is_valid(normal)) return normal;
  return {};
}

}  // namespace safeguard
