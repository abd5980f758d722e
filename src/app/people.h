// People use cases: search, record, open, correct and add to a person's record. Every one follows
// the same path: check permission (access_policy.h), load the record, validate (domain/person.h),
// then append events and update the read models in ONE transaction, and log the access.
//
// Pages (web/), the API (web/) and the generator (synth/) call these and nothing below them, so a
// person recorded by the synthetic council passes exactly the checks a worker's entry does.
//
// Thread safety: a PeopleService uses one Database, which belongs to one thread at a time.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "app/access_policy.h"
#include "core/clock.h"
#include "core/result.h"
#include "domain/person.h"
#include "domain/user.h"
#include "match/person_match.h"
#include "rules/child_deadlines.h"
#include "store/database.h"
#include "store/people_read_model.h"

namespace safeguard {

// Where a request came from, for the access log: "web" and "GET /people/12", "api" and
// "GET /api/v1/people/12", "cli" and the command.
struct Channel {
  std::string name;
  std::string detail;
};

struct IdentifierInput {
  std::string type;
  std::string value;
};

struct AddressInput {
  std::string line1;
  std::string line2;
  std::string town;
  std::string postcode;
  std::optional<Date> from;  // today when not given
};

struct NewPersonInput {
  PersonDetails details;
  std::vector<IdentifierInput> identifiers;
  std::optional<AddressInput> address;
};

struct PersonSearch {
  std::string name;  // any of forenames, middle names, surname, current or previous
  std::optional<Date> date_of_birth;
  std::string postcode;
  std::string identifier;  // UPN, NHS number, council child ID, legacy ID
};

struct SearchHit {
  PersonSummary person;
  MatchScore match;
  bool identifier_match = false;
};

struct ChronologyEntry {
  DomainEvent event;
  std::string description;
  std::string recorded_by;  // the user's display name
};

struct PersonRecord {
  Person person;
  std::vector<ChronologyEntry> chronology;  // by the date it happened, newest first
  std::vector<RelatedPerson> relationships;
  std::vector<ChildDeadline> deadlines;  // as they stand today, soonest due first
};

struct Created {
  int64_t person_id = 0;
  int64_t version = 0;
};

// The outcome of asking to create a person: either created, or a list of likely matches that the
// worker must look at first (create again with `likely_matches_seen` to go ahead).
struct CreateOutcome {
  std::optional<Created> created;
  std::vector<SearchHit> likely_matches;
};

class PeopleService {
 public:
  PeopleService(Database& db, const Clock& clock) : db_(db), clock_(clock) {}

  // People matching the search, best first; at least one criterion is needed.
  Result<std::vector<SearchHit>> search(const User& user, const PersonSearch& search, size_t limit = 50);

  // Records a new person. Unless `likely_matches_seen`, first looks for people who may be the same
  // person and, if there are any, returns them without creating anything. An identifier (UPN, NHS
  // number, council child ID) already on another person's record is refused outright.
  Result<CreateOutcome> create(const User& user, const NewPersonInput& input, bool likely_matches_seen,
                               const Channel& channel);

  // The people who may be the same as this new person (validating it first), without recording it.
  Result<std::vector<SearchHit>> likely_matches(const User& user, const NewPersonInput& input);

  // What the user may do with this person's record. nullopt if the person does not exist.
  std::optional<AccessDecision> access_to(const User& user, int64_t person_id);

  // Records why the user needs a record outside their own work; lets them in for today.
  Status give_access_reason(const User& user, int64_t person_id, const std::string& reason,
                            const Channel& channel);

  // People whose records the user opened most recently, newest first (for their home page).
  std::vector<PersonSummary> recently_opened(const User& user, size_t limit = 10);

  // An inspector's sample: the people granted to them whose grant has not ended, with its dates.
  struct Sampled {
    PersonSummary person;
    Date from;
    Date until;
  };
  std::vector<Sampled> inspection_sample(const User& user);

  // The whole record for the person page; logs the read.
  Result<PersonRecord> open(const User& user, int64_t person_id, const Channel& channel);
  // Every event of the record, oldest first; logs the read.
  Result<std::vector<DomainEvent>> events(const User& user, int64_t person_id, const Channel& channel);

  // Changes. Each states the version the user read; a stale version changes nothing. Each returns
  // the record's new version.
  Result<int64_t> correct_details(const User& user, int64_t person_id, int64_t expected_version,
                                  const PersonDetails& corrected, const std::string& reason,
                                  const Channel& channel);
  Result<int64_t> change_name(const User& user, int64_t person_id, int64_t expected_version,
                              const PersonName& name, Date effective_on, const Channel& channel);
  Result<int64_t> record_birth(const User& user, int64_t person_id, int64_t expected_version,
                               Date date_of_birth, const std::string& sex, const Channel& channel);
  Result<int64_t> record_death(const User& user, int64_t person_id, int64_t expected_version,
                               Date date_of_death, const Channel& channel);
  Result<int64_t> add_identifier(const User& user, int64_t person_id, int64_t expected_version,
                                 const IdentifierInput& identifier, const Channel& channel);
  Result<int64_t> remove_identifier(const User& user, int64_t person_id, int64_t expected_version,
                                    const IdentifierInput& identifier, const std::string& reason,
                                    const Channel& channel);
  Result<int64_t> add_address(const User& user, int64_t person_id, int64_t expected_version,
                              const AddressInput& address, const Channel& channel);
  Result<int64_t> end_address(const User& user, int64_t person_id, int64_t expected_version,
                              int64_t address_id, Date last_day, const Channel& channel);
  Result<int64_t> add_relationship(const User& user, int64_t person_id, int64_t expected_version,
                                   int64_t related_person_id, const std::string& type,
                                   std::optional<Date> from, const Channel& channel);
  Result<int64_t> end_relationship(const User& user, int64_t person_id, int64_t expected_version,
                                   int64_t relationship_id, Date last_day, const Channel& channel);
  // Closes a child's Children in Need episode with the DfE reason (RC1-RC9), ending the child's
  // allocation the same day. Only a team manager closes an episode: their closing is the
  // authorisation, whether a social worker proposed it or not. Refused, saying what, while work in
  // the episode is open (closure_blockers).
  Result<int64_t> close_episode(const User& user, int64_t person_id, int64_t expected_version,
                                int64_t episode_id, Date closed_on, const std::string& reason,
                                const Channel& channel);
  // A social worker proposes closing the episode (the same checks as closing); a manager closes it
  // or returns the proposal with a note.
  Result<int64_t> propose_closure(const User& user, int64_t person_id, int64_t expected_version,
                                  int64_t episode_id, Date closing_on, const std::string& reason,
                                  const std::string& summary, const Channel& channel);
  Result<int64_t> return_closure(const User& user, int64_t person_id, int64_t expected_version,
                                 int64_t episode_id, const std::string& note, const Channel& channel);
  // A case note on the person's record, by anyone who may change records.
  Result<int64_t> add_case_note(const User& user, int64_t person_id, int64_t expected_version,
                                const std::string& type, Date contact_date, const std::string& text,
                                const Channel& channel);
  // A team manager allocates a child with an open episode to a social worker (by username), from a
  // day, with the DfE reason for the change (SW_REASON); closing the episode ends the allocation.
  Result<int64_t> allocate(const User& user, int64_t person_id, int64_t expected_version,
                           const std::string& worker, Date from, const std::string& reason,
                           const Channel& channel);

  // The one path every change to a person's record takes, for this service and the casework
  // services built on it (app/assessments.h): checks the user may change records and open this
  // one, loads it, refuses a stale `expected_version`, appends what `make_events` returns (or
  // nothing, if it fails) with the read models in one transaction, and logs `action` as an access.
  using MakeEvents = std::function<Result<std::vector<DomainEvent>>(const Person&, Date today)>;
  // One event factory's result as the list make_events returns.
  static Result<std::vector<DomainEvent>> one(Result<DomainEvent> event) {
    if (!event) return event.error();
    return std::vector<DomainEvent>{std::move(event).value()};
  }
  Result<int64_t> change(const User& user, int64_t person_id, int64_t expected_version,
                         const std::string& action, const Channel& channel, const MakeEvents& make_events);

 private:
  struct PreparedPerson {
    PersonDetails details;
    std::vector<Identifier> identifiers;
    std::optional<Address> address;
    DomainEvent first;
  };
  static Result<PreparedPerson> prepare(const NewPersonInput& input, Date today);
  std::vector<SearchHit> likely_matches_of(const PreparedPerson& person);
  Status check_identifier_free(const Identifier& identifier, int64_t person_id, const std::string& field);
  Status check_can_open(const User& user, int64_t person_id);
  std::vector<SearchHit> rank(const std::vector<int64_t>& ids, const MatchQuery& query,
                              const std::vector<int64_t>& exact_ids, size_t limit, double minimum_score);
  void log_access(const User& user, int64_t person_id, const std::string& action, const Channel& channel,
                  const std::string& reason = "");

  Database& db_;
  const Clock& clock_;
};

}  // namespace safeguard
