#include "app/returns.h"

#include "app/looked_after.h"
#include "app/records.h"
#include "app/settings.h"
#include "store/audit_log.h"
#include "store/care_read_model.h"
#include "store/event_log.h"
#include "store/people_read_model.h"

namespace safeguard {

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
  const auto checked = collection_year(year);
  if (!checked) return checked.error();
  const CollectionYear collection = *checked;
  const Date today = clock_.today();
  try {
    const std::vector<int64_t> ids =
        CareIndex(db_.sql()).ever_looked_after_born_between(Date::from_ymd(1900, 1, 1), today);
    PeopleIndex index(db_.sql());
    std::vector<Ssda903Child> children;
    children.reserve(ids.size());
    for (const int64_t id : ids) {
      auto person = load_person(db_.sql(), id);
      if (!person) return person.error();
      PersonRecord record;
      record.person = std::move(*person);
      record.relationships = index.relationships(id);
      const Motherhood m = motherhood_of(record);
      children.push_back({std::move(record.person), m.mother, m.first_child_born});
    }
    auto tables = ssda903_tables(children, collection, LookedAfterService(db_, clock_).registrations());
    AuditLog(db_.sql()).record_administration(clock_.now(), actor, "produced the SSDA903 return",
                                              "year ending 31 March " + std::to_string(year) + ": " +
                                                  std::to_string(tables.front().rows.size()) + " children");
    return tables;
  } catch (const SqlError& e) {
    return Error::internal(std::string("The database failed while producing the return: ") + e.what());
  }
}

Result<std::string> ReturnsService::cin_census(std::string_view actor, int year) {
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
    std::vector<Person> children;
    for (const int64_t id :
         PeopleIndex(db_.sql()).in_need_between(collection->first_day(), collection->last_day())) {
      auto person = load_person(db_.sql(), id);
      if (!person) return person.error();
      children.push_back(std::move(*person));
    }
    std::string xml = cin_census_xml(children, *collection, source, settings.calendar());
    AuditLog(db_.sql()).record_administration(clock_.now(), actor, "produced the Children in Need census",
                                              "year ending 31 March " + std::to_string(year) + ": " +
                                                  std::to_string(children.size()) + " children");
    return xml;
  } catch (const SqlError& e) {
    return Error::internal(std::string("The database failed while producing the census: ") + e.what());
  }
}

}  // namespace safeguard
