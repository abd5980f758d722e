// The SSDA903 return for children looked after, built from the record (returns.md section 2): the
// eleven CSV tables the DfE receives (Header, Episodes, Reviews, UASC, OC2, OC3, AD1,
// PlacedAdoption, PrevPerm, Missing, SWEpisodes) with their exact columns and DD/MM/YYYY dates, for
// the collection year that ends on 31 March of `year`.
//
// Who is in each table:
//   Episodes, Missing  those open at some time in the year (a missing episode only if it began
//                      while the child was looked after); one still going at the year's end has no
//                      end (and no reason) in this year's return;
//   Reviews   reviews held in the year;
//   UASC      children looked after in the year who were unaccompanied asylum seekers in it;
//   OC2       children looked after for the whole twelve months to 31 March (domain/health.h);
//   OC3       care leavers with a 17th to 21st birthday in the year who were not looked after on it,
//             with what the contact nearest the birthday (3 months before to 1 month after) said;
//   AD1       children adopted in the year; PlacedAdoption: decisions to place for adoption standing
//             at some time in the year; PrevPerm: each period of care that began in the year;
//   SWEpisodes the allocated social workers of the year, for children looked after in it;
//   Header    every child in any other table (MOTHER and MC_DOB only for those looked after in the
//             year, rule 628).
// Rows come in child order (the Safeguard id, the return's CHILD) and then date order, so the same
// record gives the same bytes.
//
// Thread safety: pure functions.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/date.h"
#include "domain/person.h"
#include "returns/collection_year.h"
#include "returns/table.h"

namespace safeguard {

// One child (or care leaver) as the return needs them: the record, and the Header's MOTHER and
// MC_DOB, which come from relationships (app/looked_after.h motherhood_of).
struct Ssda903Child {
  Person person;
  bool mother = false;
  std::optional<Date> first_child_born;
};

// The eleven tables, in the order above. `registrations` maps a worker's username to their Social
// Work England number (SW_ID).
std::vector<ReturnTable> ssda903_tables(const std::vector<Ssda903Child>& children, CollectionYear year,
                                        const std::map<std::string, std::string>& registrations);

}  // namespace safeguard
