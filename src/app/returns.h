// The statutory returns as the council produces them from its record, folded from the event log:
// the Children in Need census (returns/cin_census.h) for every child in need in the year, and the
// SSDA903 return for children looked after (returns/ssda903.h) for every child ever looked after.
// Producing a return reads many records at once; it is one entry in the administration log rather
// than an access to each child.
//
// Thread safety: uses one Database, which belongs to one thread at a time.
#pragma once

#include <string_view>
#include <vector>

#include "core/clock.h"
#include "core/result.h"
#include "returns/cin_census.h"
#include "returns/ssda903.h"
#include "store/database.h"

namespace safeguard {

class ReturnsService {
 public:
  ReturnsService(Database& db, const Clock& clock) : db_(db), clock_(clock) {}

  // The SSDA903 tables for the collection year ending 31 March `year` (2000 to the year after
  // today's; the record must already have reached the year's start). `actor` names who produced it.
  Result<std::vector<ReturnTable>> ssda903(std::string_view actor, int year);

  // The Children in Need census XML for the year ending 31 March `year` (the same years as
  // ssda903). It needs the council's DfE LA number (setting council.la_number). Its DateTime is
  // when the record was last changed, so the same record gives the same bytes.
  Result<std::string> cin_census(std::string_view actor, int year);

 private:
  // The year, if a return may be produced for it.
  Result<CollectionYear> collection_year(int year);

  Database& db_;
  const Clock& clock_;
};

}  // namespace safeguard
