#include "app/returns.h"

#include <algorithm>

#include "app/access_policy.h"
#include "app/looked_after.h"
#include "app/postcodes.h"
#include "app/records.h"
#include "app/settings.h"
#include "returns/cin_validator.h"
#include "returns/ssda903_lookups.h"
#include "returns/ssda903_validator.h"
#include "store/allocation_read_model.h"
#include "store/audit_log.h"
#include "store/care_read_model.h"
#include "store/event_log.h"
#include "store/people_read_model.h"

namespace safeguard {
namespace {

// A produced SSDA903 return keeps last year's tables too, for the rules that compare the years,
// under these names: "previous-Episodes.csv".
constexpr std::string_view kLastYearPrefix = "previous-";

}  // namespace

Result<CollectionYear> ReturnsService::collection_year(int year) {
  const Date today = clock_.today();
  if (year < 2000 || year > today.year() + 1) {
    return Error::invalid("The collection year must be from 2000 to " + std::to_string(today.year() + 1) +
                              ", not " + std::to_string(year),
                          "year");
  }
  const CollectionYear collection{year};
  if (collection.first_day() > today) {
    return Error::invalid("The collection year ending 31 March " + std::to_string(year) + " has not begun",
                          "year");
  }
  return collection;
}

Result<std::vector<ReturnTable>> ReturnsService::ssda903(std::string_view actor, int year) {
  auto tables = build_ssda903(year);
  if (!tables) return tables;
  try {
    note_production(actor, ReturnKind::kSsda903, year, tables->front().rows.size());
  } catch (const SqlError& e) {
    return Error::internal(std::string("The database failed while producing the return: ") + e.what());
  }
  return tables;
}

Result<std::vector<ReturnTable>> ReturnsService::build_ssda903(int year) {
  if (auto checked = collection_year(year); !checked) return checked.error();  // before reading
  const auto children = ssda903_children();
  if (!children) return children.error();
  return build_ssda903(year, *children);
}

Result<std::vector<Ssda903Child>> ReturnsService::ssda903_children() {
  try {
    const std::vector<int64_t> ids =
        CareIndex(db_.sql()).ever_looked_after_born_between(Date::from_ymd(1900, 1, 1), clock_.today());
    auto people = load_people(db_.sql(), ids);
    if (!people) return people.error();
    PeopleIndex index(db_.sql());
    std::vector<Ssda903Child> children;
    children.reserve(ids.size());
    for (Person& person : *people) {
      PersonRecord record;
      record.relationships = index.relationships(person.id);
      record.person = std::move(person);
      const Motherhood m = motherhood_of(record);
      children.push_back({std::move(record.person), m.mother, m.first_child_born});
    }
    return children;
  } catch (const SqlError& e) {
    return Error::internal(std::string("The database failed while producing the return: ") + e.what());
  }
}

Result<std::vector<ReturnTable>> ReturnsService::build_ssda903(int year,
                                                               const std::vector<Ssda903Child>& children) {
  const auto collection = collection_year(year);
  if (!collection) return collection.error();
  try {
    return ssda903_tables(children, *collection, LookedAfterService(db_, clock_).registrations());
  } catch (const SqlError& e) {
    return Error::internal(std::string("The database failed while producing the return: ") + e.what());
  }
}

Result<std::vector<ReturnFile>> ReturnsService::build_ssda903_files(int year, size_t& count) {
  for (const int y : {year, year - 1}) {
    if (auto checked = collection_year(y); !checked) return checked.error();  // before reading
  }
  // Both years' tables come from the same children, read once.
  const auto children = ssda903_children();
  if (!children) return children.error();
  std::vector<ReturnFile> files;
  for (const int y : {year, year - 1}) {
    auto tables = build_ssda903(y, *children);
    if (!tables) return tables.error();
    if (y == year) count = tables->front().rows.size();
    for (const ReturnTable& t : *tables)
      files.push_back({(y == year ? "" : std::string(kLastYearPrefix)) + t.name + ".csv", to_csv(t)});
  }
  return files;
}

Result<std::string> ReturnsService::build_cin_census(int year, size_t& count) {
  const auto collection = collection_year(year);
  if (!collection) return collection.error();
  SettingsService settings(db_, clock_);
  CinCensusSource source;
  source.la_number = settings.council_la_number();
  if (source.la_number.empty()) {
    return Error::invalid(
        "The census needs the council's DfE LA number: set it with"
        " safeguard settings set --name council.la_number --value NNN",
        "council.la_number");
  }
  source.release = SAFEGUARD_VERSION;
  try {
    source.produced_at = EventLog(db_.sql()).last_recorded_at().value_or(Timestamp{});
    auto children = load_people(
        db_.sql(), PeopleIndex(db_.sql()).in_need_between(collection->first_day(), collection->last_day()));
    if (!children) return children.error();
    count = children->size();
    return cin_census_xml(*children, *collection, source, settings.calendar());
  } catch (const SqlError& e) {
    return Error::internal(std::string("The database failed while producing the census: ") + e.what());
  }
}

Result<std::string> ReturnsService::cin_census(std::string_view actor, int year) {
  size_t children = 0;
  auto xml = build_cin_census(year, children);
  if (!xml) return xml;
  try {
    note_production(actor, ReturnKind::kCinCensus, year, children);
  } catch (const SqlError& e) {
    return Error::internal(std::string("The database failed while producing the census: ") + e.what());
  }
  return xml;
}

void ReturnsService::note_production(std::string_view actor, ReturnKind kind, int year, size_t children) {
  AuditLog(db_.sql()).record_administration(
      clock_.now(), actor,
      kind == ReturnKind::kCinCensus ? "produced the Children in Need census" : "produced the SSDA903 return",
      "year ending 31 March " + std::to_string(year) + ": " + std::to_string(children) + " children");
}

// ---- Returns kept, and their findings ----

std::string_view return_kind_code(ReturnKind kind) {
  return kind == ReturnKind::kCinCensus ? "cin" : "ssda903";
}

std::optional<ReturnKind> parse_return_kind(std::string_view code) {
  if (code == "cin") return ReturnKind::kCinCensus;
  if (code == "ssda903") return ReturnKind::kSsda903;
  return std::nullopt;
}

std::string_view return_kind_label(ReturnKind kind) {
  return kind == ReturnKind::kCinCensus ? "Children in Need census" : "SSDA903 (children looked after)";
}

namespace {

// The year under way: the collection year that contains today.
int year_under_way(Date today) { return today.month() >= 4 ? today.year() + 1 : today.year(); }

// The validator's findings on a census file's text.
Result<ValidationReport> validate_census_text(const std::string& xml, int year) {
  auto census = read_cin_census(xml, "the census");
  if (!census) return census.error();
  return validate_cin(*census, year);
}

}  // namespace

Result<ValidationReport> ReturnsService::validate_ssda903_files(const std::vector<ReturnFile>& files,
                                                                int year) {
  std::vector<Ssda903File> current, last;
  for (const ReturnFile& f : files) {
    if (f.name.starts_with(kLastYearPrefix)) {
      last.push_back({f.name, f.content});
    } else {
      current.push_back({f.name, f.content});
    }
  }
  Ssda903Return submitted;
  auto read = read_ssda903_year(current);
  if (!read) return read.error();
  submitted.current = std::move(*read);
  if (!last.empty()) {
    auto before = read_ssda903_year(last);
    if (!before) return before.error();
    submitted.previous = std::move(*before);
  }
  // The council's code, and where the council's postcode directory puts each postcode of the
  // episodes (by the centre of its district where it knows only that).
  Ssda903Options options;
  options.la = SettingsService(db_, clock_).council_authority();
  PostcodeService postcodes(db_, clock_);
  for (const Ssda903Year* y : {&submitted.current, submitted.previous ? &*submitted.previous : nullptr}) {
    if (!y) continue;
    for (const std::string& postcode : ssda903_postcodes(*y)) {
      const std::string key = ssda903_postcode_key(postcode);
      if (options.postcodes.count(key)) continue;
      auto located = postcodes.locate(postcode);
      if (!located) return located.error();
      if (!*located) continue;
      const PostcodeLocation& at = **located;
      // The directory knows each postcode's upper-tier authority, which is all PL_LA needs.
      options.postcodes[key] = {static_cast<double>(at.grid.easting), static_cast<double>(at.grid.northing),
                                at.authority};
      options.upper_tier_of[at.authority] = at.authority;
    }
  }
  return validate_ssda903(submitted, year, options);
}

std::vector<int> ReturnsService::collection_years() const {
  // The CIN rules Safeguard checks are those of the 2024-25 collection and later.
  std::vector<int> years;
  for (int y = year_under_way(clock_.today()); y >= 2025 && years.size() < 6; --y) years.push_back(y);
  return years;
}

Result<int64_t> ReturnsService::produce(const User& user, ReturnKind kind, int year) {
  if (!can_produce_returns(user))
    return Error::denied("Only performance analysts produce the statutory returns.");
  const std::vector<int> years = collection_years();
  if (std::find(years.begin(), years.end(), year) == years.end()) {
    return Error::invalid("Choose one of the collection years listed", "year");
  }
  ProducedReturn produced;
  produced.kind = std::string(return_kind_code(kind));
  produced.year = year;
  produced.produced_at = clock_.now();
  produced.produced_by = user.username;
  std::vector<ReturnFile> files;
  if (kind == ReturnKind::kCinCensus) {
    size_t children = 0;
    auto xml = build_cin_census(year, children);
    if (!xml) return xml.error();
    auto findings = validate_census_text(*xml, year);
    if (!findings) return findings.error();
    produced.errors = static_cast<int64_t>(findings->errors());
    produced.queries = static_cast<int64_t>(findings->queries());
    produced.children = static_cast<int64_t>(children);
    files.push_back({"cin-census-" + std::to_string(year) + ".xml", std::move(*xml)});
  } else {
    size_t children = 0;
    auto built = build_ssda903_files(year, children);
    if (!built) return built.error();
    files = std::move(*built);
    produced.children = static_cast<int64_t>(children);
    auto findings = validate_ssda903_files(files, year);
    if (!findings) return findings.error();
    produced.errors = static_cast<int64_t>(findings->errors());
    produced.queries = static_cast<int64_t>(findings->queries());
  }
  try {
    int64_t id = 0;
    // Kept and noted in the administration log together: a return that could not be kept was
    // not produced.
    const Status kept = db_.transact([&]() -> Status {
      id = ProducedReturns(db_.sql()).add(produced, files);
      note_production(user.username, kind, year, static_cast<size_t>(produced.children));
      return Status::success();
    });
    if (!kept) return kept.error();
    return id;
  } catch (const SqlError& e) {
    return Error::internal(std::string("The database failed while keeping the return: ") + e.what());
  }
}

Result<std::vector<ProducedReturn>> ReturnsService::produced(const User& user) {
  if (!can_see_returns(user)) return Error::denied("Performance analysts and team managers see the returns.");
  try {
    return ProducedReturns(db_.sql()).latest(50);
  } catch (const SqlError& e) {
    return Error::internal(std::string("The database failed while listing the returns: ") + e.what());
  }
}

std::map<std::string, std::string> ReturnsService::holders_of(const ValidationReport& report) {
  std::map<std::string, std::string> holders;
  for (const Finding& f : report.findings) {
    if (!f.child.empty()) holders.emplace(f.child, "Closed");
  }
  if (holders.empty()) return holders;
  for (const OpenChildRow& open : AllocationIndex(db_.sql()).open_children()) {
    const auto it = holders.find(std::to_string(open.person_id));
    if (it == holders.end()) continue;
    it->second = open.allocation ? open.allocation->team_name + " (" + open.allocation->worker_name + ")"
                                 : "Open, not allocated";
  }
  return holders;
}

Result<ReturnReport> ReturnsService::report(const User& user, int64_t id) {
  if (!can_see_returns(user)) return Error::denied("Performance analysts and team managers see the returns.");
  try {
    ProducedReturns store(db_.sql());
    auto produced = store.find(id);
    if (!produced) return Error::not_found("There is no return " + std::to_string(id));
    ReturnReport out;
    out.produced = std::move(*produced);
    out.files = store.file_names(id);
    Result<ValidationReport> findings = Error::not_found("The return has no files");
    if (out.produced.kind == return_kind_code(ReturnKind::kCinCensus) && !out.files.empty()) {
      findings = validate_census_text(store.file(id, out.files.front()).value_or(""), out.produced.year);
    } else if (!out.files.empty()) {
      std::vector<ReturnFile> files;
      for (const std::string& name : out.files) files.push_back({name, store.file(id, name).value_or("")});
      findings = validate_ssda903_files(files, out.produced.year);
    }
    if (!findings) return findings.error();
    out.holders = holders_of(*findings);
    out.findings = std::move(*findings);
    return out;
  } catch (const SqlError& e) {
    return Error::internal(std::string("The database failed while reading the return: ") + e.what());
  }
}

Result<ReturnFile> ReturnsService::file(const User& user, int64_t id, std::string_view name) {
  if (!can_see_returns(user)) return Error::denied("Performance analysts and team managers see the returns.");
  try {
    auto content = ProducedReturns(db_.sql()).file(id, name);
    if (!content)
      return Error::not_found("Return " + std::to_string(id) + " has no file " + std::string(name));
    return ReturnFile{std::string(name), std::move(*content)};
  } catch (const SqlError& e) {
    return Error::internal(std::string("The database failed while reading the return: ") + e.what());
  }
}

Result<DataQuality> ReturnsService::data_quality(const User& user, ReturnKind kind) {
  if (!can_see_returns(user))
    return Error::denied("Performance analysts and team managers see data quality.");
  DataQuality out;
  out.kind = kind;
  out.year = year_under_way(clock_.today());
  Result<ValidationReport> findings = ValidationReport{};
  if (kind == ReturnKind::kCinCensus) {
    size_t children = 0;
    auto xml = build_cin_census(out.year, children);
    if (!xml) return xml.error();
    out.children = static_cast<int64_t>(children);
    findings = validate_census_text(*xml, out.year);
  } else {
    size_t children = 0;
    auto files = build_ssda903_files(out.year, children);
    if (!files) return files.error();
    out.children = static_cast<int64_t>(children);
    findings = validate_ssda903_files(*files, out.year);
  }
  if (!findings) return findings.error();
  try {
    out.holders = holders_of(*findings);
    AuditLog(db_.sql()).record_administration(
        clock_.now(), user.username,
        "checked the data quality of the " +
            std::string(kind == ReturnKind::kCinCensus ? "Children in Need census" : "SSDA903 return"),
        "year ending 31 March " + std::to_string(out.year));
  } catch (const SqlError& e) {
    return Error::internal(std::string("The database failed while checking data quality: ") + e.what());
  }
  out.findings = std::move(*findings);
  return out;
}

}  // namespace safeguard
