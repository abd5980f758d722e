// Who the synthetic council's people are: the heritages of a Norfolk-like county's families known to
// children's services, and for each the names, ethnicity code, first language and religion that
// go with it.
//
// Heritage is the generator's own idea, finer than the DfE ethnicity code, so that a child whose
// mother is Lithuanian gets a Lithuanian name and language as well as "Any other White background".
// Name lists are common forenames (British ones by decade of birth, since a 1960s mother and a
// 2010s child are not called the same things) and common surnames: synthetic people, never real ones.
//
// Thread safety: immutable data and functions of an Rng the caller owns.
#pragma once

#include <string>
#include <string_view>

#include "synth/random.h"

namespace safeguard::synth {

enum class Heritage {
  kBritish,
  kIrish,
  kIrishTraveller,
  kRomany,  // English Gypsy
  kRoma,    // Roma from central and eastern Europe
  kPolish,
  kLithuanian,
  kLatvian,
  kRomanian,
  kBulgarian,
  kPortuguese,
  kIndian,
  kPakistani,
  kBangladeshi,
  kFilipino,
  kAfghan,
  kCaribbean,
  kAfrican,
  kSomali,
  kChinese,
  kKurdish,
  kArab,
};

// The heritage of the main carer of a household known to the council.
Heritage household_heritage(Rng& rng);
// The heritage of a partner of someone of `heritage`: mostly the same, sometimes not.
Heritage partner_heritage(Rng& rng, Heritage heritage);

// The DfE ethnicity code of someone of this heritage.
std::string_view ethnicity_code(Heritage heritage);
// The ethnicity code of a child of parents of these heritages (mixed codes where they differ).
std::string child_ethnicity(Rng& rng, Heritage mother, Heritage father);

// A forename for someone born in `birth_year` of sex 'M' or 'F'.
std::string forename(Rng& rng, Heritage heritage, char sex, int birth_year);
// A middle name different from `forename`, or empty (not everyone has one).
std::string middle_names(Rng& rng, Heritage heritage, char sex, int birth_year, std::string_view forename);
// A family's surname, in the form a man of the family carries it.
std::string family_surname(Rng& rng, Heritage heritage);
// The form of a family surname carried by someone of `sex`: Polish Kowalski/Kowalska, Lithuanian
// Kazlauskas/Kazlauskienė (married) or Kazlauskaitė (unmarried), and so on. Unchanged elsewhere.
std::string surname_for(Heritage heritage, std::string_view family_surname, char sex, bool married);

// First language and religion codes as a worker would record them: often empty (not recorded).
std::string first_language(Rng& rng, Heritage heritage, bool born_in_england);
std::string religion(Rng& rng, Heritage heritage);

}  // namespace safeguard::synth
