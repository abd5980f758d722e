// The statutory returns as the council produces them from its record, folded from the event log:
// the Children in Need census (returns/cin_census.h) for every child in need in the year, and the
// SSDA903 return for children looked after (returns/ssda903.h) for every child ever looked after.
// Producing a return reads many records at once; it is one entry in the administration log rather
// than an access to each child. Returns produced through the pages are kept with their files
// (store/produced_returns.h) and checked by the validator (returns/cin_validator.h), and the
// data-quality check runs the validator over the year under way.
//
// Thread safety: uses one Database, which belongs to one thread at a time.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/clock.h"
#include "core/result.h"
#include "domain/user.h"
#include "returns/cin_census.h"
#include "returns/finding.h"
#include "returns/ssda903.h"
#include "store/database.h"
#include "store/produced_returns.h"

namespace safeguard {

enum class ReturnKind { kCinCensus, kSsda903 };
// "cin" and "ssda903", as produced_returns keeps them and forms send them.
std::string_view return_kind_code(ReturnKind kind);
std::optional<ReturnKind> parse_return_kind(std::string_view code);
// "Children in Need census", "SSDA903 (children looked after)".
std::string_view return_kind_label(ReturnKind kind);

// A produced return as the pages show it: the record of it, its files, and the validator's findings
// on those files (an SSDA903 return's files include last year's tables, "previous-Header.csv", which
// its rules compare with).
struct ReturnReport {
  ProducedReturn produced;
  std::vector<std::string> files;
  ValidationReport findings;
  // Who holds the case of each child (by LAchildID) named in a finding, so an analyst knows whom
  // to ask: "Assessment team north (Jess Smith)", "Open, not allocated" or "Closed".
  std::map<std::string, std::string> holders;
};

// The data-quality page: a return of the collection year under way (the census, or the SSDA903
// return with last year's), from the record as it is today, and what the validator finds in it,
// so errors are put right during the year.
struct DataQuality {
  ReturnKind kind = ReturnKind::kCinCensus;
  int year = 0;
  int64_t children = 0;
  ValidationReport findings;
  std::map<std::string, std::string> holders;
};

class ReturnsService {
 public:
  ReturnsService(Database& db, const Clock& clock) : db_(db), clock_(clock) {}

  // The collection years a return may be produced for, the latest (the one under way) first.
  std::vector<int> collection_years() const;

  // Produces a return for `user` (a performance analyst), validates it, and keeps it with its
  // findings' counts; returns its id.
  Result<int64_t> produce(const User& user, ReturnKind kind, int year);
  // The returns produced, the latest first (analysts and team managers).
  Result<std::vector<ProducedReturn>> produced(const User& user);
  Result<ReturnReport> report(const User& user, int64_t id);
  Result<ReturnFile> file(const User& user, int64_t id, std::string_view name);
  Result<DataQuality> data_quality(const User& user, ReturnKind kind = ReturnKind::kCinCensus);

  // The SSDA903 tables for the collection year ending 31 March `year` (2000 to the year after
  // today's; the record must already have reached the year's start). `actor` names who produced it.
  Result<std::vector<ReturnTable>> ssda903(std::string_view actor, int year);
  // The same, without noting in the administration log that it was produced.
  Result<std::vector<ReturnTable>> build_ssda903(int year);
  // A year's SSDA903 files as a produced return keeps them: this year's tables, then last year's
  // with kLastYearPrefix; `children` is this year's count.
  Result<std::vector<ReturnFile>> build_ssda903_files(int year, size_t& children);
  // The SSDA903 validator's findings on a return's files (last year's named "previous-..."), as the
  // council's code (setting council.authority) and its postcode directory place each episode.
  Result<ValidationReport> validate_ssda903_files(const std::vector<ReturnFile>& files, int year);

  // The Children in Need census XML for the year ending 31 March `year` (the same years as
  // ssda903). It needs the council's DfE LA number (setting council.la_number). Its DateTime is
  // when the record was last changed, so the same record gives the same bytes.
  Result<std::string> cin_census(std::string_view actor, int year);

 private:
  // The year, if a return may be produced for it.
  Result<CollectionYear> collection_year(int year);
  // Notes in the administration log that `actor` produced a return of `children` children.
  void note_production(std::string_view actor, ReturnKind kind, int year, size_t children);
  // Everyone ever looked after, as the SSDA903 tables of any year take them.
  Result<std::vector<Ssda903Child>> ssda903_children();
  // The year's SSDA903 tables from those children.
  Result<std::vector<ReturnTable>> build_ssda903(int year, const std::vector<Ssda903Child>& children);
  // The census and how many children it holds, without logging it.
  Result<std::string> build_cin_census(int year, size_t& children);
  // Who holds each open child's case, by LAchildID, for the children `report` names.
  std::map<std::string, std::string> holders_of(const ValidationReport& report);

  Database& db_;
  const Clock& clock_;
};

}  // namespace safeguard
