#include "match/names.h"

#include <algorithm>
#include <array>
#include <cstddef>
#include <cstdint>

namespace safeguard {
namespace {

// ---------------------------------------------------------------- UTF-8 and folding

constexpr int32_t kInvalid = -1;

// The code point starting at text[pos], setting `length` to its byte count; kInvalid (length 1)
// for a byte that does not start a well-formed sequence (overlong forms and surrogates included),
// so the caller drops that one byte and resynchronises on the next.
int32_t decode_utf8(std::string_view text, std::size_t pos, std::size_t& length) {
  const auto lead = static_cast<unsigned char>(text[pos]);
  length = 1;
  if (lead < 0x80) return lead;
  std::size_t extra;
  int32_t cp;
  int32_t smallest;
  if (lead >= 0xC2 && lead <= 0xDF) {
    extra = 1, cp = lead & 0x1F, smallest = 0x80;
  } else if (lead >= 0xE0 && lead <= 0xEF) {
    extra = 2, cp = lead & 0x0F, smallest = 0x800;
  } else if (lead >= 0xF0 && lead <= 0xF4) {
    extra = 3, cp = lead & 0x07, smallest = 0x10000;
  } else {
    return kInvalid;
  }
  if (text.size() - pos <= extra) return kInvalid;
  for (std::size_t k = 1; k <= extra; ++k) {
    const auto next = static_cast<unsigned char>(text[pos + k]);
    if ((next & 0xC0) != 0x80) return kInvalid;
    cp = (cp << 6) | (next & 0x3F);
  }
  if (cp < smallest || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return kInvalid;
  length = extra + 1;
  return cp;
}

struct Fold {
  int32_t first, last;
  std::string_view ascii;
};

// Latin letters with diacritics to their base letters, upper and lower case alike (the output is
// lower-cased anyway). Letters that English spells with two (æ, œ, ß, þ, ĳ) keep two.
constexpr std::array kFolds{
    // Latin-1 Supplement
    Fold{0xC0, 0xC5, "a"},
    Fold{0xC6, 0xC6, "ae"},
    Fold{0xC7, 0xC7, "c"},
    Fold{0xC8, 0xCB, "e"},
    Fold{0xCC, 0xCF, "i"},
    Fold{0xD0, 0xD0, "d"},
    Fold{0xD1, 0xD1, "n"},
    Fold{0xD2, 0xD6, "o"},
    Fold{0xD8, 0xD8, "o"},
    Fold{0xD9, 0xDC, "u"},
    Fold{0xDD, 0xDD, "y"},
    Fold{0xDE, 0xDE, "th"},
    Fold{0xDF, 0xDF, "ss"},
    Fold{0xE0, 0xE5, "a"},
    Fold{0xE6, 0xE6, "ae"},
    Fold{0xE7, 0xE7, "c"},
    Fold{0xE8, 0xEB, "e"},
    Fold{0xEC, 0xEF, "i"},
    Fold{0xF0, 0xF0, "d"},
    Fold{0xF1, 0xF1, "n"},
    Fold{0xF2, 0xF6, "o"},
    Fold{0xF8, 0xF8, "o"},
    Fold{0xF9, 0xFC, "u"},
    Fold{0xFD, 0xFD, "y"},
    Fold{0xFE, 0xFE, "th"},
    Fold{0xFF, 0xFF, "y"},
    // Latin Extended-A: upper/lower pairs in alphabetical runs
    Fold{0x100, 0x105, "a"},
    Fold{0x106, 0x10D, "c"},
    Fold{0x10E, 0x111, "d"},
    Fold{0x112, 0x11B, "e"},
    Fold{0x11C, 0x123, "g"},
    Fold{0x124, 0x127, "h"},
    Fold{0x128, 0x131, "i"},
    Fold{0x132, 0x133, "ij"},
    Fold{0x134, 0x135, "j"},
    Fold{0x136, 0x138, "k"},
    Fold{0x139, 0x142, "l"},
    Fold{0x143, 0x14B, "n"},
    Fold{0x14C, 0x151, "o"},
    Fold{0x152, 0x153, "oe"},
    Fold{0x154, 0x159, "r"},
    Fold{0x15A, 0x161, "s"},
    Fold{0x162, 0x167, "t"},
    Fold{0x168, 0x173, "u"},
    Fold{0x174, 0x175, "w"},
    Fold{0x176, 0x178, "y"},
    Fold{0x179, 0x17E, "z"},
    Fold{0x17F, 0x17F, "s"},
    // Latin Extended-B: Romanian's comma-below letters (ș, ț), often typed instead of ş, ţ
    Fold{0x218, 0x219, "s"},
    Fold{0x21A, 0x21B, "t"},
};

std::string_view fold_letter(int32_t cp) {
  if (cp < kFolds.front().first || cp > kFolds.back().last) return {};
  for (const Fold& fold : kFolds) {
    if (cp >= fold.first && cp <= fold.last) return fold.ascii;
  }
  return {};
}

// Marks written inside a name rather than between its words: O'Brien is one word.
bool is_apostrophe(int32_t cp) {
  return cp == '\'' || cp == '`' || cp == 0xB4 || cp == 0x2BB || cp == 0x2BC || cp == 0x2018 ||
         cp == 0x2019 || cp == 0x201B || cp == 0x2032;
}

// Characters with no visible width, and combining accents (decomposed "e" + U+0301).
bool is_invisible(int32_t cp) {
  return cp == 0xAD || (cp >= 0x300 && cp <= 0x36F) || (cp >= 0x200B && cp <= 0x200D) || cp == 0x2060 ||
         cp == 0xFEFF;
}

// ---------------------------------------------------------------- phonetic key

bool is_vowel(char ch) { return ch == 'a' || ch == 'e' || ch == 'i' || ch == 'o' || ch == 'u'; }
bool is_vowel_or_y(char ch) { return is_vowel(ch) || ch == 'y'; }
bool is_front_vowel(char ch) { return ch == 'e' || ch == 'i' || ch == 'y'; }

struct Respelling {
  std::string_view from, to;
};

// Irish (and one Welsh) names whose letters do not say their sound in English: written as they
// sound before the general rules run, so Sean meets Shaun and Eoin meets Owen.
constexpr std::array kWholeNames{
    Respelling{"sean", "shaun"},      Respelling{"seamus", "shaymus"},  Respelling{"sian", "shan"},
    Respelling{"siobhan", "shivaun"}, Respelling{"sinead", "shinade"},  Respelling{"niamh", "neev"},
    Respelling{"aoife", "eefa"},      Respelling{"saoirse", "seersha"}, Respelling{"eoin", "owen"},
    Respelling{"tadhg", "taig"},
};

// Beginnings that are spelled one way and said another. Only the first that matches applies.
constexpr std::array kPrefixes{
    Respelling{"mc", "mac"},        // McDonald = MacDonald
    Respelling{"thom", "tom"},      // Thomas, Thompson: the h is silent
    Respelling{"nichol", "nikol"},  // Nichola, Nichole, Nicholas: ch says k
    Respelling{"micha", "mika"},    // Michael, Michaela
    Respelling{"chr", "kr"},        // Christopher, Christine
    Respelling{"chl", "kl"},        // Chloe
    Respelling{"ciar", "kiar"},     // Ciara, Ciaran (Irish c is hard)
    Respelling{"wr", "r"},         Respelling{"wh", "w"}, Respelling{"kn", "n"}, Respelling{"gn", "n"},
    Respelling{"ps", "s"},         Respelling{"pn", "n"}, Respelling{"x", "s"},  // Xavier
};

constexpr std::size_t kMaxKeyLength = 8;

// Spelling with the respellings applied and double letters made single (Matthew = Mathew).
std::string respell(std::string letters) {
  for (const Respelling& whole : kWholeNames) {
    if (letters == whole.from) {
      letters = std::string(whole.to);
      break;
    }
  }
  for (const Respelling& prefix : kPrefixes) {
    if (letters.starts_with(prefix.from)) {
      letters.replace(0, prefix.from.size(), prefix.to);
      break;
    }
  }
  letters.erase(std::unique(letters.begin(), letters.end()), letters.end());
  return letters;
}

// The sound codes for `word` (a-z only, respelled): one letter per consonant sound.
std::string sound_codes(const std::string& word) {
  std::string key;
  auto at = [&](std::size_t i) { return i < word.size() ? word[i] : '\0'; };
  auto emit = [&](std::string_view codes) {
    for (char code : codes) {
      // Two letters giving one sound (Dickson = Dixon) must not give it twice.
      if (key.empty() || key.back() != code) key.push_back(code);
    }
  };

  for (std::size_t i = 0; i < word.size(); ++i) {
    const char prev = i > 0 ? word[i - 1] : '\0';
    const char ch = word[i];
    const char next = at(i + 1);
    const char after = at(i + 2);

    if (i == 0 && (is_vowel(ch) || (ch == 'y' && !is_vowel(next)))) {
      emit("A");  // every initial vowel alike: Isabel and Isobel, Ellie and Allie
      continue;
    }
    switch (ch) {
      case 'a':
      case 'e':
      case 'i':
      case 'o':
      case 'u':
        break;
      case 'y':
        // A consonant only at the start (Yusuf, Yasmin); elsewhere a vowel (Bryan = Brian).
        if (i == 0) emit("Y");
        break;
      case 'b':
        if (!(prev == 'm' && next == '\0')) emit("B");  // Lamb
        break;
      case 'c':
        if (next == 'h') {
          emit("X"), ++i;  // Rachel
        } else if (next == 'z') {
          emit("X"), ++i;  // Polish cz
        } else if (next == 'k') {
          emit("K"), ++i;
        } else if (is_front_vowel(next)) {
          if (prev != 's') emit("S");  // Cerys; the c of "sce"/"sci" is silent
        } else {
          emit("K");
        }
        break;
      case 'd':
        if (next == 'g' && is_front_vowel(after)) {
          emit("J"), ++i;  // Hodge
        } else {
          emit("D");
        }
        break;
      case 'g':
        if (next == 'h') {
          // Said at the start and before a vowel (Ghulam, Meghan); silent otherwise (Leigh, Hugh).
          if (i == 0 || is_vowel_or_y(after)) emit("G");
          ++i;
        } else if (is_front_vowel(next)) {
          emit("J");  // Geoffrey = Jeffrey, Gemma = Jemma
        } else {
          emit("G");
        }
        break;
      case 'h':
        // Said before a vowel at the start or between vowels (Mohammed); silent otherwise (John).
        if (is_vowel_or_y(next) && (i == 0 || is_vowel(prev))) emit("H");
        break;
      case 'p':
        if (next == 'h') {
          emit("F"), ++i;  // Stephen = Steven, Philip = Filip
        } else if (prev == 'm' && (next == 's' || next == 't')) {
          // Thompson = Thomson, Sampson = Samson: the p is barely said.
        } else {
          emit("P");
        }
        break;
      case 'q':
        if (next == 'u') {
          emit("KW"), ++i;
        } else {
          emit("K");
        }
        break;
      case 's':
        if (next == 'h') {
          emit("X"), ++i;
        } else if (next == 'c' && after == 'h') {
          emit("SK"), i += 2;  // Schofield
        } else if (next == 'z') {
          emit("S"), ++i;  // Polish sz: Łukasz = Lukas, Tomasz = Tomas
        } else {
          emit("S");
        }
        break;
      case 't':
        if (next == 'h') {
          emit("Q"), ++i;  // Q stands for TH: Smith = Smyth, Catherine = Kathryn
        } else if (next == 'c' && after == 'h') {
          // Mitchell: the t is swallowed by the ch that follows.
        } else {
          emit("T");
        }
        break;
      case 'v':
        emit("F");
        break;
      case 'w':
        if (is_vowel_or_y(next)) emit("W");  // silent after a vowel: Shawn = Shaun, Matthew
        break;
      case 'x':
        emit("KS");  // Jaxon = Jackson
        break;
      case 'z':
        emit("S");  // Zoe
        break;
      default: {  // f j k l m n r: said as written
        const char upper = static_cast<char>(ch - 'a' + 'A');
        emit(std::string_view(&upper, 1));
        break;
      }
    }
  }
  if (key.size() > kMaxKeyLength) key.resize(kMaxKeyLength);
  return key;
}

// ---------------------------------------------------------------- Jaro-Winkler

double jaro(std::string_view a, std::string_view b) {
  if (a.empty() || b.empty()) return a.empty() && b.empty() ? 1.0 : 0.0;
  // Characters count as matching only this close to each other's position (Jaro's rule).
  const std::size_t half = std::max(a.size(), b.size()) / 2;
  const std::size_t window = half > 0 ? half - 1 : 0;
  std::vector<bool> a_matched(a.size(), false), b_matched(b.size(), false);
  std::size_t matches = 0;
  for (std::size_t i = 0; i < a.size(); ++i) {
    const std::size_t from = i > window ? i - window : 0;
    const std::size_t to = std::min(b.size(), i + window + 1);
    for (std::size_t j = from; j < to; ++j) {
      if (!b_matched[j] && a[i] == b[j]) {
        a_matched[i] = b_matched[j] = true;
        ++matches;
        break;
      }
    }
  }
  if (matches == 0) return 0.0;
  std::size_t out_of_order = 0;
  for (std::size_t i = 0, j = 0; i < a.size(); ++i) {
    if (!a_matched[i]) continue;
    while (!b_matched[j]) ++j;
    if (a[i] != b[j]) ++out_of_order;
    ++j;
  }
  const double m = static_cast<double>(matches);
  const double transpositions = static_cast<double>(out_of_order) / 2.0;
  return (m / static_cast<double>(a.size()) + m / static_cast<double>(b.size()) + (m - transpositions) / m) /
         3.0;
}

}  // namespace

std::string normalise_name(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  bool gap = false;  // a word break is owed before the next letter
  auto put = [&](std::string_view letters) {
    if (gap && !out.empty()) out.push_back(' ');
    gap = false;
    out.append(letters);
  };

  for (std::size_t pos = 0; pos < text.size();) {
    std::size_t length = 1;
    const int32_t cp = decode_utf8(text, pos, length);
    pos += length;
    if (cp == kInvalid || is_apostrophe(cp) || is_invisible(cp)) continue;
    if (cp >= 'A' && cp <= 'Z') {
      const char lower = static_cast<char>(cp - 'A' + 'a');
      put(std::string_view(&lower, 1));
    } else if ((cp >= 'a' && cp <= 'z') || (cp >= '0' && cp <= '9')) {
      const char same = static_cast<char>(cp);
      put(std::string_view(&same, 1));
    } else if (std::string_view folded = fold_letter(cp); !folded.empty()) {
      put(folded);
    } else {
      gap = true;  // whitespace, punctuation, symbols, other scripts
    }
  }
  return out;
}

std::vector<std::string> name_tokens(std::string_view text) {
  const std::string normal = normalise_name(text);
  std::vector<std::string> tokens;
  std::size_t start = 0;
  while (start < normal.size()) {
    std::size_t end = normal.find(' ', start);
    if (end == std::string::npos) end = normal.size();
    tokens.emplace_back(normal, start, end - start);
    start = end + 1;
  }
  return tokens;
}

std::string phonetic_key(std::string_view token) {
  std::string letters;
  for (char ch : normalise_name(token)) {
    if (ch >= 'a' && ch <= 'z') letters.push_back(ch);  // digits and word breaks carry no sound
  }
  if (letters.empty()) return {};
  return sound_codes(respell(std::move(letters)));
}

double name_similarity(std::string_view a, std::string_view b) {
  const std::string left = normalise_name(a);
  const std::string right = normalise_name(b);
  if (left == right) return 1.0;
  const double similarity = jaro(left, right);
  // Winkler's boost: agreeing at the start matters more in names, where typos tend to come later.
  if (similarity <= 0.7) return similarity;
  std::size_t prefix = 0;
  const std::size_t longest_prefix = std::min<std::size_t>({4, left.size(), right.size()});
  while (prefix < longest_prefix && left[prefix] == right[prefix]) ++prefix;
  return similarity + static_cast<double>(prefix) * 0.1 * (1.0 - similarity);
}

}  // namespace safeguard
