// Loading a record and appending to it, the two steps every change to a person or a contact takes:
// fold the stream, then append the new events at the version read and refresh the read models in
// the same transaction. Shared by the use cases in app/ so each writes them once.
//
// Must be called inside Database::transact. Throws SqlError on database failure.
// Thread safety: uses the caller's connection.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/result.h"
#include "domain/contact.h"
#include "domain/person.h"
#include "store/sql.h"

namespace safeguard {

// The person as their stream stands; not found if there is none, internal if it cannot be read.
Result<Person> load_person(SqlConnection& db, int64_t person_id);
Result<Contact> load_contact(SqlConnection& db, int64_t contact_id);
// Many people at once, in the order of `ids` (a return's children): as load_person gives each, but
// with the log read once for them all (EventLog::read_streams).
Result<std::vector<Person>> load_people(SqlConnection& db, const std::vector<int64_t>& ids);

// Appends events to a record at `person.version` (a conflict if it has moved on), folds them into
// `person`, and rewrites the person's read models.
Status append_to_person(SqlConnection& db, Person& person, const std::vector<DomainEvent>& events,
                        const std::string& actor, Timestamp now);
// The same for a contact; a new contact has version 0.
Status append_to_contact(SqlConnection& db, Contact& contact, const std::vector<DomainEvent>& events,
                         const std::string& actor, Timestamp now);

}  // namespace safeguard
