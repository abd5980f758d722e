// The people read models: tables shaped for search, the person page and (later) returns, kept as
// projections of each person's event stream.
//
// project_person() is a pure function from a folded Person to the rows it contributes to each
// table; write_person() replaces a person's rows with those, inside the append's transaction. The
// same function drives `safeguard rebuild` and its check (read_models.h), so the incrementally
// maintained tables and a rebuild from the log cannot drift apart by construction.
//
// Thread safety: functions over a connection that belongs to the calling thread.
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/result.h"
#include "domain/event.h"
#include "domain/person.h"
#include "match/person_match.h"
#include "store/database.h"
#include "store/event_log.h"
#include "store/read_models.h"
#include "store/sql.h"

namespace safeguard {

inline constexpr const char* kPersonStreamKind = "person";

const std::vector<ReadModelTable>& people_read_model_tables();

// The rows a person contributes to each people read-model table.
std::vector<ReadModelRow> project_person(const Person& person);

// Replaces the person's rows in every people read-model table. Throws SqlError.
void write_person(SqlConnection& db, const Person& person);

// The projection of person streams (read_models.h): fold, then project.
std::vector<ReadModelRow> project_person_stream(int64_t person_id, const std::vector<DomainEvent>& events);

// ---- Queries for screens and search ----

struct PersonSummary {
  int64_t id = 0;
  std::string full_name;
  std::string forename;
  std::string surname;
  std::optional<Date> date_of_birth;
  std::optional<Date> expected_date_of_birth;
  std::optional<Date> date_of_death;
  std::string sex;
  std::string address;   // current address on one line, empty if none
  std::string postcode;  // current postcode
};

struct EpisodeRow {
  int64_t person_id = 0;
  int64_t episode_id = 0;
  int64_t contact_id = 0;
  Date referral_date;
  std::string referral_source;
  bool referral_nfa = false;
  std::string primary_need;
  std::optional<Date> closed_on;
  std::string closure_reason;
};

struct RelatedPerson {
  int64_t person_id = 0;           // the other person
  std::string label_code;          // relationship code
  bool recorded_on_other = false;  // true: the relationship was recorded on the other person's record
  int64_t relationship_id = 0;
  std::optional<Date> from;
  std::optional<Date> to;
  PersonSummary summary;  // of the other person
};

class PeopleIndex {
 public:
  explicit PeopleIndex(SqlConnection& db) : db_(db) {}

  std::optional<PersonSummary> summary(int64_t person_id);
  std::vector<PersonSummary> summaries(const std::vector<int64_t>& person_ids);
  // The name tokens and every address postcode (current and past) of many people at once, for
  // ranking search candidates.
  std::map<int64_t, std::vector<NameToken>> name_tokens_of(const std::vector<int64_t>& person_ids);
  std::map<int64_t, std::vector<std::string>> postcodes_of(const std::vector<int64_t>& person_ids);

  // Candidate ids: people with a name token whose phonetic key is `key` or that starts with
  // `prefix` (prefix ignored when shorter than 2 characters). At most `limit`.
  std::vector<int64_t> ids_by_name_token(std::string_view key, std::string_view prefix, size_t limit);
  std::vector<int64_t> ids_by_birth_date(Date date, size_t limit);
  // Current or past address with this postcode (normalised, spaces ignored).
  std::vector<int64_t> ids_by_postcode(std::string_view postcode, size_t limit);
  // Any identifier with this exact (normalised) value, optionally of one type.
  std::vector<int64_t> ids_by_identifier(std::string_view value, std::string_view type, size_t limit);

  // Relationships in both directions, with the other person's summary.
  std::vector<RelatedPerson> relationships(int64_t person_id);

  // Children in Need episodes: a person's, oldest first; and every referral between two days.
  std::vector<EpisodeRow> episodes_of(int64_t person_id);
  std::vector<EpisodeRow> referrals_between(Date from, Date to);
  // Everyone with a Children in Need episode open at some time from `from` to `to`, by id.
  std::vector<int64_t> in_need_between(Date from, Date to);
  // Every referral date of each of these people (for re-referral counts).
  std::map<int64_t, std::vector<Date>> referral_dates_of(const std::vector<int64_t>& person_ids);

  // What the deadline engine (rules/child_deadlines.h) reads of each of these people's records,
  // from the read models: the id, the date of birth, Children in Need episodes, assessments (ids,
  // dates, outcome), section 47 enquiries (dates, outcome), plans (type, dates, first core group,
  // review dates), visits (date, seen), supervisions (date, next due), periods of care, missing
  // episodes, exploitation screenings, and the dates and OC2 values of health and education records
  // (no notes), nothing else. For lists over many children ("My work") without
  // folding every stream; a person with no episode is absent.
  std::map<int64_t, Person> casework_of(const std::vector<int64_t>& person_ids);

  int64_t count();

 private:
  SqlConnection& db_;
};

}  // namespace safeguard
