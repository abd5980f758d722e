#include "app/records.h"

#include <unordered_map>

#include "store/contact_read_model.h"
#include "store/event_log.h"
#include "store/people_read_model.h"
#include "store/read_models.h"

namespace safeguard {
namespace {

std::vector<NewEvent> to_new_events(const std::vector<DomainEvent>& events) {
  std::vector<NewEvent> out;
  out.reserve(events.size());
  for (const DomainEvent& e : events) out.push_back(to_new_event(e));
  return out;
}

}  // namespace

Result<Person> load_person(SqlConnection& db, int64_t person_id) {
  const auto events = EventLog(db).read(stream_name(kPersonStreamKind, person_id));
  if (events.empty()) return Error::not_found("There is no person with ID " + std::to_string(person_id));
  try {
    return fold_person(person_id, to_domain_events(events));
  } catch (const MalformedEvent& e) {
    return Error::internal("The record of person " + std::to_string(person_id) +
                           " cannot be read: " + e.what());
  }
}

Result<std::vector<Person>> load_people(SqlConnection& db, const std::vector<int64_t>& ids) {
  std::vector<Person> people(ids.size());
  std::vector<std::string> streams;
  std::unordered_map<std::string, size_t> first;  // each stream's first place in `ids`
  std::vector<size_t> first_of(ids.size());       // and each place's
  for (size_t i = 0; i < ids.size(); ++i) {
    people[i].id = ids[i];
    std::string stream = stream_name(kPersonStreamKind, ids[i]);
    const auto [it, added] = first.emplace(stream, i);
    first_of[i] = it->second;
    if (added) streams.push_back(std::move(stream));
  }
  size_t at = 0;  // the person whose event is being applied
  try {
    EventLog(db).read_streams(streams, [&](const RecordedEvent& e) {
      at = first.at(e.stream);
      apply_event(people[at], to_domain_event(e));
    });
  } catch (const MalformedEvent& e) {
    return Error::internal("The record of person " + std::to_string(ids[at]) +
                           " cannot be read: " + e.what());
  }
  for (size_t i = 0; i < ids.size(); ++i) {
    if (first_of[i] != i) {
      people[i] = people[first_of[i]];  // an ID given twice
    } else if (people[i].version == 0) {
      return Error::not_found("There is no person with ID " + std::to_string(ids[i]));
    }
  }
  return people;
}

Result<Contact> load_contact(SqlConnection& db, int64_t contact_id) {
  const auto events = EventLog(db).read(stream_name(kContactStreamKind, contact_id));
  if (events.empty()) return Error::not_found("There is no contact with ID " + std::to_string(contact_id));
  try {
    return fold_contact(contact_id, to_domain_events(events));
  } catch (const MalformedEvent& e) {
    return Error::internal("Contact " + std::to_string(contact_id) + " cannot be read: " + e.what());
  }
}

Status append_to_person(SqlConnection& db, Person& person, const std::vector<DomainEvent>& events,
                        const std::string& actor, Timestamp now) {
  auto appended = EventLog(db).append(stream_name(kPersonStreamKind, person.id), kPersonStreamKind,
                                      person.version, to_new_events(events), actor, now);
  if (!appended) return appended.error();
  for (const DomainEvent& e : to_domain_events(*appended)) apply_event(person, e);
  write_person(db, person);
  return Status::success();
}

Status append_to_contact(SqlConnection& db, Contact& contact, const std::vector<DomainEvent>& events,
                         const std::string& actor, Timestamp now) {
  auto appended = EventLog(db).append(stream_name(kContactStreamKind, contact.id), kContactStreamKind,
                                      contact.version, to_new_events(events), actor, now);
  if (!appended) return appended.error();
  for (const DomainEvent& e : to_domain_events(*appended)) apply_contact_event(contact, e);
  write_contact(db, contact);
  return Status::success();
}

}  // namespace safeguard
