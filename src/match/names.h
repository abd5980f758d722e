// Names as person search and duplicate detection see them.
//
// Before a worker creates a record they search for the person, and the same child must not exist
// twice; but names arrive typed differently each time: "O'Brien" and "OBrien", "Zoë" and "Zoe",
// "Mohammed" and "Muhammad". This module turns names into forms that compare well: a normalised
// ASCII form (case, accents, apostrophes and punctuation folded away), a phonetic key that is the
// same for common variant spellings (for finding candidates), and a similarity score (for ranking
// them). Nothing here decides that two records are the same person; it only finds and orders
// candidates for a person to judge.
//
// Input is UTF-8 from outside and is never trusted: any bytes are accepted, invalid sequences are
// dropped, and every function is total.
//
// Thread safety: pure functions; safe from any thread.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace safeguard {

// Lower-case ASCII letters and digits in single-space-separated words, trimmed:
//  - Latin letters with diacritics (Latin-1 Supplement, Latin Extended-A, and the Romanian comma
//    letters) fold to their base letters: "Zoë" -> "zoe", "Łukasz" -> "lukasz", "Müller" ->
//    "muller", "ß" -> "ss", "æ" -> "ae", "ø" -> "o"; combining accents (decomposed input) are
//    dropped, so "Zoe" + U+0308 gives "zoe" too;
//  - apostrophes (', `, ’, ‘, ʼ, ´) are removed so "O'Brien" -> "obrien";
//  - hyphens, other punctuation, symbols and whitespace separate words: "Smith-Jones" ->
//    "smith jones";
//  - invalid UTF-8 bytes and invisible characters (zero-width spaces, soft hyphens) are dropped;
//  - letters of other scripts (Greek, Cyrillic, Arabic, ...) separate words like punctuation: the
//    record holds names in Latin script, and other scripts take no part in matching.
std::string normalise_name(std::string_view text);

// The words of normalise_name(text): "Mary-Jane  O'Neil" -> {"mary", "jane", "oneil"}.
std::vector<std::string> name_tokens(std::string_view text);

// A phonetic key for one name (a single word; normalised or not, spaces are ignored): the same key
// for spellings that sound alike, such as Smith/Smyth, Catherine/Kathryn, Sean/Shaun/Shawn,
// Mohammed/Muhammad, Jeffrey/Geoffrey, Thompson/Thomson and McDonald/MacDonald. Up to 8 letters
// A-Z; empty for an empty name.
//
// Safeguard's own metaphone-like scheme, tuned for names common in England. It keeps consonant
// sounds and drops vowels after the first letter (an initial vowel is written A), so names that
// differ only in their vowels share a key: John, Joan and Jane are all JN, Ann and Anna are both
// AN. That is deliberate: the key finds candidates and name_similarity ranks them, and missing a
// duplicate costs more than showing an extra candidate. TH is written Q (Q is otherwise unused)
// and SH/CH as X. A few Irish names whose spelling does not follow English sounds (Sean, Siobhan,
// Niamh, Aoife, ...) are respelled first.
std::string phonetic_key(std::string_view token);

// How alike two names are, from 0 (nothing in common) to 1 (the same after normalise_name): the
// Jaro-Winkler similarity of the normalised forms (prefix scale 0.1 over at most 4 characters,
// applied when the Jaro similarity exceeds 0.7). Empty against non-empty is 0; two names that
// both normalise to empty are equal, so 1.
double name_similarity(std::string_view a, std::string_view b);

}  // namespace safeguard
