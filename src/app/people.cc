#include "app/people.h"

#include <algorithm>
#include <map>
#include <set>

#include "app/records.h"
#include "app/settings.h"
#include "core/text.h"
#include "domain/child_journey.h"
#include "domain/codes.h"
#include "domain/identifiers.h"
#include "match/names.h"
#include "store/accounts.h"
#include "store/allocation_read_model.h"
#include "store/audit_log.h"
#include "store/care_read_model.h"
#include "store/event_log.h"

namespace safeguard {
namespace {

constexpr size_t kMaxSearchTextLength = 200;
constexpr size_t kMaxNameTokens = 6;
constexpr size_t kCandidatesPerToken = 5000;
constexpr size_t kMaxCandidates = 3000;
// A name search shows people whose name matches at least this well.
constexpr double kMinimumNameScore = 0.78;

std::vector<int64_t> intersect(const std::vector<int64_t>& a, const std::vector<int64_t>& b) {
  std::set<int64_t> sb(b.begin(), b.end());
  std::vector<int64_t> out;
  for (int64_t x : a) {
    if (sb.count(x)) out.push_back(x);
  }
  return out;
}

std::vector<int64_t> unite(std::vector<int64_t> a, const std::vector<int64_t>& b) {
  std::set<int64_t> seen(a.begin(), a.end());
  for (int64_t x : b) {
    if (seen.insert(x).second) a.push_back(x);
  }
  return a;
}

// The forms an identifier typed into search may be stored as.
std::vector<std::string> identifier_forms(std::string_view typed) {
  std::string upper = to_upper_ascii(trim(typed));
  std::vector<std::string> forms = {upper};
  std::string compact;
  for (const char c : upper) {
    if (c != ' ' && c != '-') compact += c;
  }
  if (compact != upper) forms.push_back(compact);
  return forms;
}

}  // namespace

// ---- search ----

std::vector<SearchHit> PeopleService::rank(const std::vector<int64_t>& ids, const MatchQuery& query,
                                           const std::vector<int64_t>& exact_ids, size_t limit,
                                           double minimum_score) {
  PeopleIndex index(db_.sql());
  std::vector<int64_t> all = unite(exact_ids, ids);
  if (all.size() > kMaxCandidates) all.resize(kMaxCandidates);
  const auto tokens = index.name_tokens_of(all);
  const auto postcodes = index.postcodes_of(all);
  const std::set<int64_t> exact(exact_ids.begin(), exact_ids.end());
  std::vector<SearchHit> hits;
  for (PersonSummary& summary : index.summaries(all)) {
    MatchCandidate candidate;
    if (auto it = tokens.find(summary.id); it != tokens.end()) candidate.names = it->second;
    if (auto it = postcodes.find(summary.id); it != postcodes.end()) candidate.postcodes = it->second;
    candidate.date_of_birth = summary.date_of_birth ? summary.date_of_birth : summary.expected_date_of_birth;
    SearchHit hit;
    hit.match = score_match(query, candidate);
    hit.identifier_match = exact.count(summary.id) > 0;
    if (hit.identifier_match) {
      hit.match.score = 1.0;
      hit.match.reasons.insert(hit.match.reasons.begin(), "identifier");
    } else {
      if (!query.name_tokens.empty() && hit.match.name < kMinimumNameScore) continue;
      if (hit.match.score < minimum_score) continue;
    }
    hit.person = std::move(summary);
    hits.push_back(std::move(hit));
  }
  std::stable_sort(hits.begin(), hits.end(), [](const SearchHit& a, const SearchHit& b) {
    if (a.match.score != b.match.score) return a.match.score > b.match.score;
    if (a.person.surname != b.person.surname) return a.person.surname < b.person.surname;
    return a.person.id < b.person.id;
  });
  if (hits.size() > limit) hits.resize(limit);
  return hits;
}

Result<std::vector<SearchHit>> PeopleService::search(const User& user, const PersonSearch& s, size_t limit) {
  if (!can_search_people(user)) return Error::denied("Your role does not include searching for people.");
  const std::string name(trim(s.name));
  const std::string postcode_typed(trim(s.postcode));
  const std::string identifier(trim(s.identifier));
  if (name.empty() && !s.date_of_birth && postcode_typed.empty() && identifier.empty()) {
    return Error::invalid("Enter a name, date of birth, postcode or identifier to search for", "name");
  }
  for (const auto& [text, field] :
       {std::pair{&name, "name"}, {&postcode_typed, "postcode"}, {&identifier, "identifier"}}) {
    if (!is_valid_utf8(*text) || has_control_characters(*text, false)) {
      return Error::invalid("The search contains characters that are not valid text", field);
    }
    if (text->size() > kMaxSearchTextLength)
      return Error::invalid("Search for at most 200 characters", field);
  }
  MatchQuery query;
  query.date_of_birth = s.date_of_birth;
  std::vector<std::string> tokens = name_tokens(name);
  if (tokens.size() > kMaxNameTokens) tokens.resize(kMaxNameTokens);
  query.name_tokens = tokens;
  if (!postcode_typed.empty()) {
    query.postcode = normalise_postcode(postcode_typed);
    if (!is_valid_postcode(query.postcode))
      return Error::invalid("Enter a full postcode, like NR1 4AB", "postcode");
  }
  if (!name.empty() && tokens.empty()) return Error::invalid("Enter a name with at least one letter", "name");

  try {
    PeopleIndex index(db_.sql());
    std::vector<int64_t> exact;
    if (!identifier.empty()) {
      for (const std::string& form : identifier_forms(identifier))
        exact = unite(exact, index.ids_by_identifier(form, "", 50));
      if (const auto id = std::strtoll(identifier.c_str(), nullptr, 10);
          id > 0 && std::to_string(id) == identifier) {
        if (index.summary(id)) exact = unite(exact, {id});  // the Safeguard person ID itself
      }
    }
    std::vector<int64_t> candidates;
    bool have_candidates = false;
    if (!tokens.empty()) {
      std::vector<std::vector<int64_t>> per_token;
      for (const std::string& token : tokens) {
        per_token.push_back(index.ids_by_name_token(phonetic_key(token), token, kCandidatesPerToken));
      }
      candidates = per_token[0];
      for (size_t i = 1; i < per_token.size(); ++i) candidates = intersect(candidates, per_token[i]);
      if (candidates.empty()) {
        // No one matches every word: widen to anyone matching any word and let the score decide.
        for (const auto& ids : per_token) candidates = unite(candidates, ids);
      }
      have_candidates = true;
    }
    if (s.date_of_birth) {
      auto by_birth = index.ids_by_birth_date(*s.date_of_birth, kMaxCandidates);
      if (!have_candidates) candidates = by_birth;
      have_candidates = true;
    }
    if (!query.postcode.empty()) {
      auto by_postcode = index.ids_by_postcode(query.postcode, kMaxCandidates);
      if (!have_candidates) {
        candidates = by_postcode;
      } else if (tokens.empty()) {
        candidates = intersect(candidates, by_postcode);
      }
    }
    // Without a name, a date or postcode alone must match exactly.
    const double minimum = tokens.empty() ? 0.5 : 0.0;
    return rank(candidates, query, exact, limit, minimum);
  } catch (const SqlError& e) {
    return Error::storage(e.what());
  }
}

// ---- access ----

Status PeopleService::check_can_open(const User& user, int64_t person_id) {
  auto decision = access_to(user, person_id);
  if (!decision) return Error::not_found("There is no person with ID " + std::to_string(person_id));
  if (decision->access == RecordAccess::kAllowed) return Status::success();
  Error error = Error::denied(decision->explanation);
  if (decision->access == RecordAccess::kNeedsReason) error.field = "access_reason";
  return error;
}

std::optional<AccessDecision> PeopleService::access_to(const User& user, int64_t person_id) {
  PeopleIndex index(db_.sql());
  if (!index.summary(person_id)) return std::nullopt;
  PersonAccessFacts facts;
  facts.has_grant_today = Accounts(db_.sql()).has_grant(user.id, person_id, clock_.today());
  AllocationIndex allocations(db_.sql());
  facts.in_own_work = user.role == Role::kIndependentReviewingOfficer
                          ? CareIndex(db_.sql()).is_reviewing_officer_of(person_id, user.username)
                          : allocations.in_work_of(person_id, user.username, user.team_id);
  if (user.role == Role::kTeamManager && !facts.in_own_work)
    facts.awaiting_allocation = allocations.awaiting_allocation(person_id);
  return decide_person_access(user, facts);
}

void PeopleService::log_access(const User& user, int64_t person_id, const std::string& action,
                               const Channel& channel, const std::string& reason) {
  AccessLogEntry entry;
  entry.at = clock_.now();
  entry.user_id = user.id;
  entry.username = user.username;
  entry.person_id = person_id;
  entry.action = action;
  entry.channel = channel.name;
  entry.detail = channel.detail;
  entry.reason = reason;
  AuditLog(db_.sql()).record_access(entry);
}

Status PeopleService::give_access_reason(const User& user, int64_t person_id, const std::string& reason,
                                         const Channel& channel) {
  const std::string text(trim(reason));
  if (text.size() < 10)
    return Error::invalid("Say why you need to see this record, in at least 10 characters", "access_reason");
  if (Status s = validate_reason(text, true); !s) return Error::invalid(s.error().message, "access_reason");
  auto decision = access_to(user, person_id);
  if (!decision) return Error::not_found("There is no person with ID " + std::to_string(person_id));
  if (decision->access == RecordAccess::kDenied) return Error::denied(decision->explanation);
  return db_.transact([&]() -> Status {
    AccessGrant grant;
    grant.user_id = user.id;
    grant.person_id = person_id;
    grant.valid_from = clock_.today();
    grant.valid_until = clock_.today();
    grant.reason = text;
    grant.granted_by = user.username;
    Accounts(db_.sql()).insert_grant(grant, clock_.now());
    log_access(user, person_id, "gave a reason for access", channel, text);
    return Status::success();
  });
}

// ---- reading ----

std::vector<PersonSummary> PeopleService::recently_opened(const User& user, size_t limit) {
  try {
    return PeopleIndex(db_.sql()).summaries(AuditLog(db_.sql()).recently_viewed_by(user.id, limit));
  } catch (const SqlError&) {
    return {};
  }
}

std::vector<PeopleService::Sampled> PeopleService::inspection_sample(const User& user) {
  std::vector<Sampled> sample;
  try {
    PeopleIndex index(db_.sql());
    const Date today = clock_.today();
    for (const AccessGrant& g : Accounts(db_.sql()).grants_of(user.id)) {
      // Reasons a caseworker gave for a day's access are grants too, but granted by themself.
      if (g.valid_until < today || g.granted_by == user.username) continue;
      if (auto p = index.summary(g.person_id)) sample.push_back({*p, g.valid_from, g.valid_until});
    }
  } catch (const SqlError&) {
  }
  return sample;
}

Result<PersonRecord> PeopleService::open(const User& user, int64_t person_id, const Channel& channel) {
  try {
    if (Status s = check_can_open(user, person_id); !s) return s.error();
    EventLog log(db_.sql());
    const auto recorded = log.read(stream_name(kPersonStreamKind, person_id));
    PersonRecord record;
    std::vector<DomainEvent> events;
    try {
      events = to_domain_events(recorded);
      record.person = fold_person(person_id, events);
    } catch (const MalformedEvent& e) {
      return Error::internal("The record of person " + std::to_string(person_id) +
                             " cannot be read: " + e.what());
    }
    PeopleIndex index(db_.sql());
    record.relationships = index.relationships(person_id);
    std::map<int64_t, std::string> names;
    for (const RelatedPerson& r : record.relationships) names[r.person_id] = r.summary.full_name;
    const auto name_of = [&](int64_t id) {
      if (auto it = names.find(id); it != names.end()) return it->second;
      auto summary = index.summary(id);
      return names[id] = summary ? summary->full_name : "person " + std::to_string(id);
    };
    Accounts accounts(db_.sql());
    std::map<std::string, std::string> actors;
    for (const DomainEvent& e : events) {
      auto actor = actors.find(e.actor);
      if (actor == actors.end()) {
        auto u = accounts.user_by_username(e.actor);
        actor = actors.emplace(e.actor, u ? u->display_name : e.actor).first;
      }
      record.chronology.push_back({e, describe_event(e, name_of), actor->second});
    }
    // The child's life in date order, newest first; what was recorded later comes first on a day.
    std::stable_sort(record.chronology.begin(), record.chronology.end(),
                     [](const ChronologyEntry& a, const ChronologyEntry& b) {
                       if (a.event.occurred_on != b.event.occurred_on)
                         return a.event.occurred_on > b.event.occurred_on;
                       return a.event.version > b.event.version;
                     });
    SettingsService settings(db_, clock_);
    record.deadlines =
        child_deadlines(record.person, clock_.today(), settings.calendar(), settings.timescales());
    Status logged = db_.transact([&]() -> Status {
      log_access(user, person_id, "viewed record", channel);
      return Status::success();
    });
    if (!logged) return logged.error();
    return record;
  } catch (const SqlError& e) {
    return Error::storage(e.what());
  }
}

Result<std::vector<DomainEvent>> PeopleService::events(const User& user, int64_t person_id,
                                                       const Channel& channel) {
  try {
    if (Status s = check_can_open(user, person_id); !s) return s.error();
    std::vector<DomainEvent> events;
    try {
      events = to_domain_events(EventLog(db_.sql()).read(stream_name(kPersonStreamKind, person_id)));
    } catch (const MalformedEvent& e) {
      return Error::internal("The record of person " + std::to_string(person_id) +
                             " cannot be read: " + e.what());
    }
    Status logged = db_.transact([&]() -> Status {
      log_access(user, person_id, "viewed events", channel);
      return Status::success();
    });
    if (!logged) return logged.error();
    return events;
  } catch (const SqlError& e) {
    return Error::storage(e.what());
  }
}

// ---- recording ----

Status PeopleService::check_identifier_free(const Identifier& identifier, int64_t person_id,
                                            const std::string& field) {
  if (identifier.type != "upn" && identifier.type != "nhs_number" && identifier.type != "council_child_id") {
    return Status::success();
  }
  PeopleIndex index(db_.sql());
  for (int64_t other : index.ids_by_identifier(identifier.value, identifier.type, 5)) {
    if (other == person_id) continue;
    auto summary = index.summary(other);
    const auto label = code_label(CodeList::kIdentifierType, identifier.type);
    return Error::invalid(std::string(label ? *label : identifier.type) + " " + identifier.value +
                              " is already recorded for " +
                              (summary ? summary->full_name : "another person") + " (Safeguard ID " +
                              std::to_string(other) + "): this may be the same person",
                          field);
  }
  return Status::success();
}

Result<PeopleService::PreparedPerson> PeopleService::prepare(const NewPersonInput& input, Date today) {
  PreparedPerson p;
  p.details = normalise_details(input.details);
  if (Status s = validate_details(p.details, today); !s) return s.error();
  for (size_t i = 0; i < input.identifiers.size(); ++i) {
    auto id = make_identifier(input.identifiers[i].type, input.identifiers[i].value,
                              "identifiers[" + std::to_string(i) + "]");
    if (!id) return id.error();
    p.identifiers.push_back(*id);
  }
  if (input.address) {
    const AddressInput& a = *input.address;
    auto made = make_address(a.line1, a.line2, a.town, a.postcode, a.from, today, "address");
    if (!made) return made.error();
    p.address = *made;
  }
  auto first = person_recorded(p.details, p.identifiers, today);
  if (!first) return first.error();
  p.first = *first;
  return p;
}

std::vector<SearchHit> PeopleService::likely_matches_of(const PreparedPerson& p) {
  MatchQuery query;
  for (const std::string* part : {&p.details.name.forename, &p.details.name.surname}) {
    for (std::string& t : name_tokens(*part)) query.name_tokens.push_back(std::move(t));
  }
  query.date_of_birth = p.details.date_of_birth ? p.details.date_of_birth : p.details.expected_date_of_birth;
  if (p.address) query.postcode = p.address->postcode;
  PeopleIndex index(db_.sql());
  std::vector<int64_t> candidates;
  for (const std::string& token : name_tokens(p.details.name.surname)) {
    candidates = unite(candidates, index.ids_by_name_token(phonetic_key(token), "", kCandidatesPerToken));
  }
  if (query.date_of_birth) candidates = unite(candidates, index.ids_by_birth_date(*query.date_of_birth, 500));
  std::vector<int64_t> exact;
  for (const Identifier& i : p.identifiers) exact = unite(exact, index.ids_by_identifier(i.value, i.type, 5));
  auto hits = rank(candidates, query, exact, 10, kLikelyMatchScore);
  // A surname alone (an unborn child not yet named) matches a whole family: a likely match needs a
  // date of birth that agrees, or the whole name.
  std::erase_if(hits, [&](const SearchHit& h) {
    return !h.identifier_match && !h.match.date_of_birth && !h.match.near_date_of_birth &&
           (query.name_tokens.size() < 2 || h.match.name < 0.9);
  });
  return hits;
}

Result<std::vector<SearchHit>> PeopleService::likely_matches(const User& user, const NewPersonInput& input) {
  if (!can_record_people(user)) return Error::denied("Your role does not include recording people.");
  auto prepared = prepare(input, clock_.today());
  if (!prepared) return prepared.error();
  try {
    return likely_matches_of(*prepared);
  } catch (const SqlError& e) {
    return Error::storage(e.what());
  }
}

Result<CreateOutcome> PeopleService::create(const User& user, const NewPersonInput& input,
                                            bool likely_matches_seen, const Channel& channel) {
  if (!can_record_people(user)) return Error::denied("Your role does not include recording people.");
  const Date today = clock_.today();
  auto prepared = prepare(input, today);
  if (!prepared) return prepared.error();
  const std::vector<Identifier>& identifiers = prepared->identifiers;
  const std::optional<Address>& address = prepared->address;
  const DomainEvent& first = prepared->first;
  CreateOutcome outcome;
  if (!likely_matches_seen) {
    try {
      outcome.likely_matches = likely_matches_of(*prepared);
    } catch (const SqlError& e) {
      return Error::storage(e.what());
    }
    if (!outcome.likely_matches.empty()) return outcome;
  }

  Created created;
  Status status = db_.transact([&]() -> Status {
    for (size_t i = 0; i < identifiers.size(); ++i) {
      if (Status s = check_identifier_free(identifiers[i], 0, "identifiers[" + std::to_string(i) + "].value");
          !s)
        return s;
    }
    const int64_t id = db_.next_id("person");
    Person person;
    person.id = id;
    std::vector<DomainEvent> events = {first};
    events[0].version = 1;
    apply_event(person, events[0]);
    if (address) {
      auto moved = address_recorded(person, *address, today);
      if (!moved) return moved.error();
      events.push_back(*moved);
    }
    std::vector<NewEvent> to_append;
    for (const DomainEvent& e : events) to_append.push_back(to_new_event(e));
    EventLog log(db_.sql());
    auto appended = log.append(stream_name(kPersonStreamKind, id), kPersonStreamKind, 0, to_append,
                               user.username, clock_.now());
    if (!appended) return appended.error();
    const Person folded = fold_person(id, to_domain_events(*appended));
    write_person(db_.sql(), folded);
    log_access(user, id, "recorded person", channel);
    created = {id, folded.version};
    return Status::success();
  });
  if (!status) return status.error();
  outcome.created = created;
  return outcome;
}

Result<int64_t> PeopleService::change(const User& user, int64_t person_id, int64_t expected_version,
                                      const std::string& action, const Channel& channel,
                                      const MakeEvents& make_events) {
  if (!can_record_people(user)) return Error::denied("Your role does not include changing people's records.");
  int64_t new_version = 0;
  Status status = db_.transact([&]() -> Status {
    if (Status s = check_can_open(user, person_id); !s) return s;
    auto person = load_person(db_.sql(), person_id);
    if (!person) return person.error();
    if (person->version != expected_version) {
      return Error::conflict(
          "This record was changed by someone else since you opened it (it is now at version " +
          std::to_string(person->version) + ", you opened version " + std::to_string(expected_version) +
          "). Nothing was saved: look at the record again and make your change.");
    }
    auto events = make_events(*person, clock_.today());
    if (!events) return events.error();
    if (Status s = append_to_person(db_.sql(), *person, *events, user.username, clock_.now()); !s) return s;
    log_access(user, person_id, action, channel);
    new_version = person->version;
    return Status::success();
  });
  if (!status) return status.error();
  return new_version;
}

Result<int64_t> PeopleService::correct_details(const User& user, int64_t person_id, int64_t expected_version,
                                               const PersonDetails& corrected, const std::string& reason,
                                               const Channel& channel) {
  return change(
      user, person_id, expected_version, "corrected details", channel,
      [&](const Person& p, Date today) { return one(details_corrected(p, corrected, reason, today)); });
}

Result<int64_t> PeopleService::change_name(const User& user, int64_t person_id, int64_t expected_version,
                                           const PersonName& name, Date effective_on,
                                           const Channel& channel) {
  return change(user, person_id, expected_version, "changed name", channel,
                [&](const Person& p, Date today) { return one(name_changed(p, name, effective_on, today)); });
}

Result<int64_t> PeopleService::record_birth(const User& user, int64_t person_id, int64_t expected_version,
                                            Date date_of_birth, const std::string& sex,
                                            const Channel& channel) {
  return change(
      user, person_id, expected_version, "recorded birth", channel,
      [&](const Person& p, Date today) { return one(birth_recorded(p, date_of_birth, sex, today)); });
}

Result<int64_t> PeopleService::record_death(const User& user, int64_t person_id, int64_t expected_version,
                                            Date date_of_death, const Channel& channel) {
  return change(user, person_id, expected_version, "recorded death", channel,
                [&](const Person& p, Date today) { return one(death_recorded(p, date_of_death, today)); });
}

Result<int64_t> PeopleService::close_episode(const User& user, int64_t person_id, int64_t expected_version,
                                             int64_t episode_id, Date closed_on, const std::string& reason,
                                             const Channel& channel) {
  if (!can_close_episodes(user))
    return Error::denied("Only a team manager may close a Children in Need episode.");
  return change(user, person_id, expected_version, "closed Children in Need episode", channel,
                [&](const Person& p, Date today) -> Result<std::vector<DomainEvent>> {
                  auto closed = episode_closed(p, episode_id, closed_on, reason, today);
                  if (!closed) return closed.error();
                  std::vector<DomainEvent> events{*closed};
                  // The child's social worker no longer holds the case.
                  if (auto ended = allocation_ended(p, closed_on)) events.push_back(*ended);
                  return events;
                });
}

Result<int64_t> PeopleService::propose_closure(const User& user, int64_t person_id, int64_t expected_version,
                                               int64_t episode_id, Date closing_on, const std::string& reason,
                                               const std::string& summary, const Channel& channel) {
  if (!can_assess(user))
    return Error::denied("Only a social worker or team manager may propose closing an episode.");
  return change(
      user, person_id, expected_version, "proposed closing Children in Need episode", channel,
      [&](const Person& p, Date today) {
        return one(closure_proposed(p, episode_id, closing_on, reason, summary, user.display_name, today));
      });
}

Result<int64_t> PeopleService::return_closure(const User& user, int64_t person_id, int64_t expected_version,
                                              int64_t episode_id, const std::string& note,
                                              const Channel& channel) {
  if (!can_close_episodes(user)) return Error::denied("Only a team manager may return a proposed closure.");
  return change(user, person_id, expected_version, "returned proposed closure", channel,
                [&](const Person& p, Date) { return one(closure_returned(p, episode_id, note)); });
}

Result<int64_t> PeopleService::add_case_note(const User& user, int64_t person_id, int64_t expected_version,
                                             const std::string& type, Date contact_date,
                                             const std::string& text, const Channel& channel) {
  return change(user, person_id, expected_version, "recorded case note", channel,
                [&](const Person& p, Date today) {
                  return one(case_note_recorded(p, type, contact_date, text, today));
                });
}

Result<int64_t> PeopleService::allocate(const User& user, int64_t person_id, int64_t expected_version,
                                        const std::string& worker, Date from, const std::string& reason,
                                        const Channel& channel) {
  if (!can_allocate(user))
    return Error::denied("Only a team manager may allocate a child to a social worker.");
  if (worker.empty()) return Error::invalid("Choose the social worker", "worker");
  std::optional<User> holder;
  try {
    holder = Accounts(db_.sql()).user_by_username(worker);
  } catch (const SqlError& e) {
    return Error::storage(e.what());
  }
  if (!holder) return Error::invalid("There is no user called " + worker, "worker");
  if (!can_hold_cases(*holder)) {
    return Error::invalid(
        holder->display_name +
            " cannot hold cases: choose a social worker or team manager who is in a team and "
            "whose account is active",
        "worker");
  }
  AllocationInput input{
      holder->username, holder->display_name, *holder->team_id, holder->team_name, from, reason};
  return change(user, person_id, expected_version, "allocated to a social worker", channel,
                [&](const Person& p, Date today) { return one(worker_allocated(p, input, today)); });
}

Result<int64_t> PeopleService::add_identifier(const User& user, int64_t person_id, int64_t expected_version,
                                              const IdentifierInput& input, const Channel& channel) {
  return change(user, person_id, expected_version, "recorded identifier", channel,
                [&](const Person& p, Date today) -> Result<std::vector<DomainEvent>> {
                  auto id = make_identifier(input.type, input.value, "identifier");
                  if (!id) return id.error();
                  if (Status s = check_identifier_free(*id, p.id, "identifier.value"); !s) return s.error();
                  return one(identifier_recorded(p, *id, today));
                });
}

Result<int64_t> PeopleService::remove_identifier(const User& user, int64_t person_id,
                                                 int64_t expected_version, const IdentifierInput& input,
                                                 const std::string& reason, const Channel& channel) {
  return change(user, person_id, expected_version, "removed identifier", channel,
                [&](const Person& p, Date today) -> Result<std::vector<DomainEvent>> {
                  return one(identifier_removed(p, Identifier{input.type, input.value}, reason, today));
                });
}

Result<int64_t> PeopleService::add_address(const User& user, int64_t person_id, int64_t expected_version,
                                           const AddressInput& a, const Channel& channel) {
  return change(user, person_id, expected_version, "recorded address", channel,
                [&](const Person& p, Date today) -> Result<std::vector<DomainEvent>> {
                  auto address = make_address(a.line1, a.line2, a.town, a.postcode, a.from, today, "address");
                  if (!address) return address.error();
                  return one(address_recorded(p, *address, today));
                });
}

Result<int64_t> PeopleService::end_address(const User& user, int64_t person_id, int64_t expected_version,
                                           int64_t address_id, Date last_day, const Channel& channel) {
  return change(
      user, person_id, expected_version, "ended address", channel,
      [&](const Person& p, Date today) { return one(address_ended(p, address_id, last_day, today)); });
}

Result<int64_t> PeopleService::add_relationship(const User& user, int64_t person_id, int64_t expected_version,
                                                int64_t related_person_id, const std::string& type,
                                                std::optional<Date> from, const Channel& channel) {
  return change(user, person_id, expected_version, "recorded relationship", channel,
                [&](const Person& p, Date today) -> Result<std::vector<DomainEvent>> {
                  if (related_person_id != p.id && !PeopleIndex(db_.sql()).summary(related_person_id)) {
                    return Error::invalid("There is no person with ID " + std::to_string(related_person_id),
                                          "relationship.related_person_id");
                  }
                  return one(relationship_recorded(p, related_person_id, type, from, today));
                });
}

Result<int64_t> PeopleService::end_relationship(const User& user, int64_t person_id, int64_t expected_version,
                                                int64_t relationship_id, Date last_day,
                                                const Channel& channel) {
  return change(user, person_id, expected_version, "ended relationship", channel,
                [&](const Person& p, Date today) {
                  return one(relationship_ended(p, relationship_id, last_day, today));
                });
}

}  // namespace safeguard
