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
//   OC2       children looked after for the whole twelve months to 31 March (domain/health.h), with
//             SDQ1 for a child 4 or 17 in the year who had no SDQ in it;
//   OC3       care leavers with a 17th to 21st birthday in the year who were not looked after on it
//             (care that ended on the birthday counts as care on it, rule 1016), with what the contact
//             nearest the birthday (3 months before to 1 month after) said, or NO, 0, 0 (not in touch) when
//             there was none;
//   AD1       children adopted in the year; PlacedAdoption: decisions to place for adoption standing
//             at some time in the year (none once the period of care it was made in has ended);
//             PrevPerm: one row a child whose period of care began in the year, for the latest;
//   SWEpisodes the social workers allocated at some time in the year (in care or not) to children
//             looked after on 31 March, the DfE's cohort for them (rules SW01, SW11, SW12, SW17);
//   Header    every child in any other table (MOTHER and MC_DOB only for those looked after in the
//             year, rule 628).
// An unaccompanied asylum-seeking child's episodes have no HOME_POST.
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
