#include "store/people_read_model.h"

#include <algorithm>
#include <map>
#include <set>

#include "core/text.h"
#include "domain/identifiers.h"
#include "match/names.h"

namespace safeguard {
namespace {

SqlValue optional_date(const std::optional<Date>& d) { return d ? SqlValue(d->iso()) : SqlValue(SqlNull{}); }

std::optional<Date> date_of(const SqlRow& row, size_t i) {
  if (row.is_null(i)) return std::nullopt;
  return Date::parse_iso(row.text(i));
}

std::string postcode_key(std::string_view postcode) {
  std::string key;
  for (const char c : postcode) {
    if (c != ' ') key += static_cast<char>(c >= 'a' && c <= 'z' ? c - 'a' + 'A' : c);
  }
  return key;
}

std::string join_codes(const std::vector<std::string>& codes) {
  std::string out;
  for (const std::string& c : codes) {
    if (!out.empty()) out += ',';
    out += c;
  }
  return out;
}

void add_name_tokens(std::vector<ReadModelRow>& rows, const ReadModelTable* table, int64_t person_id,
                     const PersonName& name, bool is_current, std::set<std::string>& seen) {
  const std::pair<const std::string*, const char*> parts[] = {
      {&name.forename, "f"}, {&name.middle_names, "m"}, {&name.surname, "s"}};
  for (const auto& [text, part] : parts) {
    for (const std::string& token : name_tokens(*text)) {
      // One row per distinct (token, part, currency): previous names add only what is new.
      const std::string seen_key = token + '|' + part + '|' + (is_current ? "1" : "0");
      if (!seen.insert(seen_key).second) continue;
      rows.push_back({table,
                      {sql_int(person_id), sql_text(token), sql_text(phonetic_key(token)), sql_text(part),
                       sql_int(is_current ? 1 : 0)}});
    }
  }
}

PersonSummary summary_from_row(const SqlRow& row) {
  PersonSummary s;
  s.id = row.integer(0);
  s.full_name = row.text(1);
  s.forename = row.text(2);
  s.surname = row.text(3);
  s.date_of_birth = date_of(row, 4);
  s.expected_date_of_birth = date_of(row, 5);
  s.date_of_death = date_of(row, 6);
  s.sex = row.text(7);
  s.address = row.text(8);
  s.postcode = row.text(9);
  return s;
}

// One row of person_care_records back into the record's lists (dates and values, no notes).
void add_care_record(Person& p, const std::string& kind, int64_t id, Date on, const std::string& value) {
  HealthAndEducation& h = p.health;
  if (kind == "pathway_plan") {
    p.leaving_care.plans.push_back({id, on, value == "review", "", ""});
  } else if (kind == "care_leaver_contact") {
    const std::vector<std::string> codes = split(value, ',');
    CareLeaverContact c;
    c.id = id;
    c.on = on;
    if (codes.size() == 3) {
      c.in_touch = codes[0];
      c.activity = codes[1];
      c.accommodation = codes[2];
    }
    p.leaving_care.contacts.push_back(std::move(c));
  } else if (kind == "adoption_decision") {
    // "period,matched,ceased,reason,adopters,relationship", dates ISO or empty.
    const std::vector<std::string> f = split(value, ',');
    AdoptionDecision d;
    d.id = id;
    d.decided_on = on;
    if (f.size() == 6) {
      d.period_id = std::stoll(f[0]);
      d.matched_on = f[1].empty() ? std::nullopt : Date::parse_iso(f[1]);
      d.ceased_on = f[2].empty() ? std::nullopt : Date::parse_iso(f[2]);
      d.ceased_reason = f[3];
      d.adopters = {f[4], f[5]};
    }
    p.permanence.decisions.push_back(std::move(d));
  } else if (kind == "uasc") {
    p.uasc = UascStatus{on, value.empty() ? std::nullopt : Date::parse_iso(value)};
  } else if (kind == "previous_permanence") {
    p.permanence.previous.push_back({id, value, "", {}});
  } else if (kind == "personal_adviser") {
    p.leaving_care.advisers.push_back({value, "", on});
  } else if (kind == "immunisations") {
    h.immunisations.push_back({id, on, value == "1", ""});
  } else if (kind == "sdq") {
    SdqRecord s;
    s.id = id;
    s.on = on;
    if (!value.empty() && value[0] >= '0' && value[0] <= '9') {
      s.score = std::stoi(value);
    } else {
      s.reason = value;
    }
    h.sdqs.push_back(std::move(s));
  } else if (kind == "substance_misuse") {
    h.substance_misuse.push_back(
        {id, on, "", value == "offered" || value == "received", value == "received", ""});
  } else if (kind == "conviction") {
    h.convictions.push_back({id, on, "", ""});
  } else if (kind == "education_plan") {
    h.education_plans.push_back({id, on, "", "", ""});
  } else {
    h.checks.push_back({id, kind, on, "", ""});
  }
}

// In date order, ties by id: the fold's order.
void sort_care_records(Person& p) {
  HealthAndEducation& h = p.health;
  const auto in_order = [](auto& items, auto on) {
    std::sort(items.begin(), items.end(),
              [&](const auto& a, const auto& b) { return on(a) != on(b) ? on(a) < on(b) : a.id < b.id; });
  };
  in_order(h.checks, [](const HealthCheck& x) { return x.held_on; });
  in_order(h.immunisations, [](const ImmunisationStatus& x) { return x.as_at; });
  in_order(h.sdqs, [](const SdqRecord& x) { return x.on; });
  in_order(h.substance_misuse, [](const SubstanceMisuse& x) { return x.identified_on; });
  in_order(h.convictions, [](const Conviction& x) { return x.convicted_on; });
  in_order(h.education_plans, [](const EducationPlan& x) { return x.held_on; });
  in_order(p.leaving_care.plans, [](const PathwayPlan& x) { return x.on; });
  in_order(p.leaving_care.contacts, [](const CareLeaverContact& x) { return x.on; });
  std::sort(p.permanence.decisions.begin(), p.permanence.decisions.end(),
            [](const AdoptionDecision& a, const AdoptionDecision& b) { return a.id < b.id; });
  std::sort(
      p.permanence.previous.begin(), p.permanence.previous.end(),
      [](const PreviousPermanence& a, const PreviousPermanence& b) { return a.period_id < b.period_id; });
}

constexpr const char* kSummaryColumns =
    "person_id, full_name, forename, surname, date_of_birth, expected_date_of_birth, date_of_death, sex, "
    "address,"
    " postcode";

}  // namespace

const std::vector<ReadModelTable>& people_read_model_tables() {
  static const std::vector<ReadModelTable> kTables = {
      {"people",
       {"person_id", "version", "forename", "middle_names", "surname", "full_name", "date_of_birth",
        "expected_date_of_birth", "date_of_death", "sex", "ethnicity", "first_language", "religion",
        "disabilities", "address", "postcode", "first_recorded_at", "last_recorded_at"},
       "person_id"},
      {"person_name_tokens",
       {"person_id", "token", "token_key", "part", "is_current"},
       "person_id, token, part, is_current"},
      {"person_identifiers", {"person_id", "type", "value"}, "person_id, type, value"},
      {"person_addresses",
       {"person_id", "address_id", "line1", "line2", "town", "postcode", "postcode_key", "from_date",
        "to_date"},
       "person_id, address_id"},
      {"person_relationships",
       {"person_id", "relationship_id", "related_person_id", "type", "from_date", "to_date"},
       "person_id, relationship_id"},
      {"cin_episodes",
       {"person_id", "episode_id", "contact_id", "referral_date", "referral_source", "referral_nfa",
        "primary_need", "closed_on", "closure_reason", "closure_proposed_on"},
       "person_id, episode_id"},
      {"person_allocations",
       {"person_id", "allocation_id", "worker", "worker_name", "team_id", "team_name", "from_date", "to_date",
        "reason"},
       "person_id, allocation_id"},
      {"person_assessments",
       {"person_id", "assessment_id", "episode_id", "started_on", "submitted_on", "authorised_on", "outcome"},
       "person_id, assessment_id"},
      {"person_enquiries",
       {"person_id", "section47_id", "episode_id", "started_on", "concluded_on", "outcome", "conference_on"},
       "person_id, section47_id"},
      {"person_plans",
       {"person_id", "plan_id", "episode_id", "type", "started_on", "ended_on", "first_core_group",
        "review_dates", "finalised_on"},
       "person_id, plan_id"},
      {"person_visits", {"person_id", "visit_id", "visited_on", "seen"}, "person_id, visit_id"},
      {"person_supervisions",
       {"person_id", "supervision_id", "held_on", "next_due"},
       "person_id, supervision_id"},
      {"person_care_periods",
       {"person_id", "period_id", "cin_episode_id", "start_date", "end_date", "home_postcode",
        "reviewing_officer", "reviewing_officer_name"},
       "person_id, period_id"},
      {"person_care_episodes",
       {"person_id", "period_id", "episode_no", "start_date", "reason_new", "legal_status",
        "category_of_need", "placement_type", "provider", "carer", "placement_postcode", "urn", "end_date",
        "reason_ceased", "reason_place_change"},
       "person_id, period_id, episode_no"},
      {"person_care_reviews",
       {"person_id", "period_id", "review_id", "held_on", "participation", "permanence_plan"},
       "person_id, period_id, review_id"},
      {"person_missing",
       {"person_id", "missing_id", "type", "started_on", "ended_on", "interview_offered_on",
        "interview_held_on"},
       "person_id, missing_id"},
      {"person_exploitation_screenings",
       {"person_id", "screening_id", "screened_on", "sexual", "criminal", "risk"},
       "person_id, screening_id"},
      {"person_care_records",
       {"person_id", "kind", "record_id", "on_date", "value"},
       "person_id, kind, record_id"},
  };
  return kTables;
}

std::vector<ReadModelRow> project_person(const Person& p) {
  const auto& tables = people_read_model_tables();
  std::vector<ReadModelRow> rows;
  const Address* current = p.current_address();
  const PersonDetails& d = p.details;
  rows.push_back(
      {&tables[0],
       {sql_int(p.id), sql_int(p.version), sql_text(d.name.forename), sql_text(d.name.middle_names),
        sql_text(d.name.surname), sql_text(d.name.full()), optional_date(d.date_of_birth),
        optional_date(d.expected_date_of_birth), optional_date(p.date_of_death), sql_text(d.sex),
        sql_text(d.ethnicity), sql_text(d.first_language), sql_text(d.religion),
        sql_text(join_codes(d.disabilities)), current ? SqlValue(current->one_line()) : SqlValue(SqlNull{}),
        current ? SqlValue(current->postcode) : SqlValue(SqlNull{}), sql_text(p.first_recorded_at.iso()),
        sql_text(p.last_recorded_at.iso())}});
  std::set<std::string> seen;
  add_name_tokens(rows, &tables[1], p.id, d.name, true, seen);
  for (const PreviousName& previous : p.previous_names)
    add_name_tokens(rows, &tables[1], p.id, previous.name, false, seen);
  for (const Identifier& i : p.identifiers) {
    rows.push_back({&tables[2], {sql_int(p.id), sql_text(i.type), sql_text(i.value)}});
  }
  for (const Address& a : p.addresses) {
    rows.push_back({&tables[3],
                    {sql_int(p.id), sql_int(a.id), sql_text(a.line1), sql_text(a.line2), sql_text(a.town),
                     sql_text(a.postcode), sql_text(postcode_key(a.postcode)), sql_text(a.from.iso()),
                     optional_date(a.to)}});
  }
  for (const Relationship& r : p.relationships) {
    rows.push_back({&tables[4],
                    {sql_int(p.id), sql_int(r.id), sql_int(r.related_person_id), sql_text(r.type),
                     optional_date(r.from), optional_date(r.to)}});
  }
  for (const CinEpisode& e : p.episodes) {
    rows.push_back(
        {&tables[5],
         {sql_int(p.id), sql_int(e.id), sql_int(e.contact_id), sql_text(e.referral_date.iso()),
          sql_text(e.referral_source), sql_int(e.referral_nfa ? 1 : 0), sql_text(e.primary_need),
          optional_date(e.closed_on), sql_text(e.closure_reason),
          e.proposed_closure ? SqlValue(e.proposed_closure->closing_on.iso()) : SqlValue(SqlNull{})}});
  }
  for (const Allocation& a : p.allocations) {
    rows.push_back(
        {&tables[6],
         {sql_int(p.id), sql_int(a.id), sql_text(a.worker), sql_text(a.worker_name), sql_int(a.team_id),
          sql_text(a.team_name), sql_text(a.from.iso()), optional_date(a.to), sql_text(a.reason)}});
  }
  for (const Assessment& a : p.assessments) {
    rows.push_back(
        {&tables[7],
         {sql_int(p.id), sql_int(a.id), sql_int(a.episode_id), sql_text(a.started_on.iso()),
          optional_date(a.submitted_on), optional_date(a.authorised_on), sql_text(a.content.outcome)}});
  }
  for (const Section47Enquiry& s : p.enquiries) {
    rows.push_back({&tables[8],
                    {sql_int(p.id), sql_int(s.id), sql_int(s.episode_id), sql_text(s.started_on.iso()),
                     optional_date(s.concluded_on), sql_text(s.outcome), optional_date(s.conference_on)}});
  }
  for (const ChildPlan& plan : p.plans) {
    std::string reviews;
    for (const PlanReview& r : plan.reviews) reviews += (reviews.empty() ? "" : ",") + r.held_on.iso();
    rows.push_back(
        {&tables[9],
         {sql_int(p.id), sql_int(plan.id), sql_int(plan.episode_id), sql_text(plan.type),
          sql_text(plan.started_on.iso()), optional_date(plan.ended_on),
          plan.core_groups.empty() ? SqlValue(SqlNull{}) : SqlValue(plan.core_groups.front().iso()),
          sql_text(reviews), optional_date(plan.finalised_on)}});
  }
  for (const Visit& v : p.visits) {
    rows.push_back(
        {&tables[10], {sql_int(p.id), sql_int(v.id), sql_text(v.on.iso()), sql_int(v.seen ? 1 : 0)}});
  }
  for (const Supervision& s : p.supervisions) {
    rows.push_back(
        {&tables[11], {sql_int(p.id), sql_int(s.id), sql_text(s.on.iso()), optional_date(s.next_due)}});
  }
  for (const PeriodOfCare& period : p.periods_of_care) {
    rows.push_back(
        {&tables[12],
         {sql_int(p.id), sql_int(period.id), sql_int(period.episode_id), sql_text(period.start.iso()),
          optional_date(period.end()), sql_text(period.home_postcode), sql_text(period.reviewing_officer),
          sql_text(period.reviewing_officer_name)}});
    int64_t number = 0;
    for (const CareEpisode& e : period.episodes) {
      rows.push_back({&tables[13],
                      {sql_int(p.id), sql_int(period.id), sql_int(++number), sql_text(e.start.iso()),
                       sql_text(e.reason_new), sql_text(e.legal_status), sql_text(e.category_of_need),
                       sql_text(e.placement.type), sql_text(e.placement.provider),
                       sql_text(e.placement.carer), sql_text(e.placement.postcode), sql_text(e.placement.urn),
                       optional_date(e.end), sql_text(e.reason_ceased), sql_text(e.reason_place_change)}});
    }
    for (const LookedAfterReview& r : period.reviews) {
      rows.push_back({&tables[14],
                      {sql_int(p.id), sql_int(period.id), sql_int(r.id), sql_text(r.held_on.iso()),
                       sql_text(r.participation), sql_text(r.permanence_plan)}});
    }
  }
  for (const MissingEpisode& m : p.missing) {
    rows.push_back({&tables[15],
                    {sql_int(p.id), sql_int(m.id), sql_text(m.type), sql_text(m.started_on.iso()),
                     optional_date(m.ended_on),
                     m.interview ? SqlValue(m.interview->offered_on.iso()) : SqlValue(SqlNull{}),
                     m.interview ? optional_date(m.interview->held_on) : SqlValue(SqlNull{})}});
  }
  for (const ExploitationScreening& s : p.exploitation_screenings) {
    rows.push_back({&tables[16],
                    {sql_int(p.id), sql_int(s.id), sql_text(s.screened_on.iso()), sql_int(s.sexual ? 1 : 0),
                     sql_int(s.criminal ? 1 : 0), sql_text(s.risk)}});
  }
  // Health, education and leaving care: one row per dated record.
  const auto dated = [&](const std::string& kind, int64_t id, Date on, std::string value) {
    rows.push_back(
        {&tables[17],
         {sql_int(p.id), sql_text(kind), sql_int(id), sql_text(on.iso()), sql_text(std::move(value))}});
  };
  const HealthAndEducation& h = p.health;
  for (const HealthCheck& c : h.checks) dated(c.kind, c.id, c.held_on, "");
  for (const ImmunisationStatus& i : h.immunisations)
    dated("immunisations", i.id, i.as_at, i.up_to_date ? "1" : "0");
  for (const SdqRecord& q : h.sdqs) dated("sdq", q.id, q.on, q.score ? std::to_string(*q.score) : q.reason);
  for (const SubstanceMisuse& m : h.substance_misuse) {
    dated("substance_misuse", m.id, m.identified_on,
          m.intervention_received  ? "received"
          : m.intervention_offered ? "offered"
                                   : "");
  }
  for (const Conviction& c : h.convictions) dated("conviction", c.id, c.convicted_on, "");
  for (const EducationPlan& e : h.education_plans) dated("education_plan", e.id, e.held_on, "");
  const LeavingCare& l = p.leaving_care;
  for (const PathwayPlan& plan : l.plans)
    dated("pathway_plan", plan.id, plan.on, plan.review ? "review" : "first");
  for (const CareLeaverContact& c : l.contacts) {
    dated("care_leaver_contact", c.id, c.on, c.in_touch + "," + c.activity + "," + c.accommodation);
  }
  for (size_t i = 0; i < l.advisers.size(); ++i) {
    dated("personal_adviser", static_cast<int64_t>(i) + 1, l.advisers[i].from, l.advisers[i].username);
  }
  for (const AdoptionDecision& a : p.permanence.decisions) {
    dated("adoption_decision", a.id, a.decided_on,
          std::to_string(a.period_id) + "," + (a.matched_on ? a.matched_on->iso() : "") + "," +
              (a.ceased_on ? a.ceased_on->iso() : "") + "," + a.ceased_reason + "," + a.adopters.sexes + "," +
              a.adopters.relationship);
  }
  if (p.uasc) dated("uasc", 1, p.uasc->from, p.uasc->ceased_on ? p.uasc->ceased_on->iso() : "");
  // Previous permanence: one row per period of care recorded, on the day the period began.
  for (const PreviousPermanence& prev : p.permanence.previous) {
    for (const PeriodOfCare& period : p.periods_of_care) {
      if (period.id == prev.period_id) dated("previous_permanence", prev.period_id, period.start, prev.type);
    }
  }
  return rows;
}

void write_person(SqlConnection& db, const Person& person) {
  write_read_models(db, kPersonStreamKind, person.id, project_person(person));
}

std::vector<ReadModelRow> project_person_stream(int64_t person_id, const std::vector<DomainEvent>& events) {
  return project_person(fold_person(person_id, events));
}

// ---- queries ----

namespace {
void for_each_in_batches(SqlConnection& db, const std::string& sql_prefix, const std::vector<int64_t>& ids,
                         const std::function<void(const SqlRow&)>& each);
}  // namespace

std::optional<PersonSummary> PeopleIndex::summary(int64_t person_id) {
  auto rows = db_.query(std::string("SELECT ") + kSummaryColumns + " FROM people WHERE person_id = ?",
                        {sql_int(person_id)});
  if (rows.empty()) return std::nullopt;
  return summary_from_row(rows[0]);
}

std::vector<PersonSummary> PeopleIndex::summaries(const std::vector<int64_t>& ids) {
  std::vector<PersonSummary> out;
  out.reserve(ids.size());
  for_each_in_batches(db_, std::string("SELECT ") + kSummaryColumns + " FROM people WHERE person_id IN ", ids,
                      [&](const SqlRow& row) { out.push_back(summary_from_row(row)); });
  // Back in the order asked for.
  std::map<int64_t, size_t> position;
  for (size_t i = 0; i < ids.size(); ++i) position.emplace(ids[i], i);
  std::sort(out.begin(), out.end(),
            [&](const PersonSummary& a, const PersonSummary& b) { return position[a.id] < position[b.id]; });
  return out;
}

namespace {

// Runs `sql_prefix` + "(?, ?, ...)" over the ids in batches, calling `each` for every row.
void for_each_in_batches(SqlConnection& db, const std::string& sql_prefix, const std::vector<int64_t>& ids,
                         const std::function<void(const SqlRow&)>& each) {
  constexpr size_t kBatch = 200;
  for (size_t start = 0; start < ids.size(); start += kBatch) {
    const size_t end = std::min(ids.size(), start + kBatch);
    std::string sql = sql_prefix + "(";
    std::vector<SqlValue> params;
    params.reserve(end - start);
    for (size_t i = start; i < end; ++i) {
      sql += i == start ? "?" : ", ?";
      params.push_back(sql_int(ids[i]));
    }
    sql += ")";
    for (const SqlRow& row : db.query(sql, params)) each(row);
  }
}

}  // namespace

std::map<int64_t, std::vector<NameToken>> PeopleIndex::name_tokens_of(const std::vector<int64_t>& ids) {
  std::map<int64_t, std::vector<NameToken>> out;
  for_each_in_batches(
      db_, "SELECT person_id, token, token_key, part, is_current FROM person_name_tokens WHERE person_id IN ",
      ids, [&](const SqlRow& row) {
        const std::string part = row.text(3);
        out[row.integer(0)].push_back(
            {row.text(1), row.text(2), part.empty() ? 'f' : part[0], row.integer(4) != 0});
      });
  return out;
}

std::map<int64_t, std::vector<std::string>> PeopleIndex::postcodes_of(const std::vector<int64_t>& ids) {
  std::map<int64_t, std::vector<std::string>> out;
  for_each_in_batches(db_, "SELECT DISTINCT person_id, postcode FROM person_addresses WHERE person_id IN ",
                      ids, [&](const SqlRow& row) { out[row.integer(0)].push_back(row.text(1)); });
  return out;
}

std::vector<int64_t> PeopleIndex::ids_by_name_token(std::string_view key, std::string_view prefix,
                                                    size_t limit) {
  std::vector<SqlRow> rows;
  if (prefix.size() >= 2) {
    // Prefix as a range on the token index: [prefix, prefix + '\x7f').
    std::string upper(prefix);
    upper += '\x7f';
    rows = db_.query(
        "SELECT DISTINCT person_id FROM person_name_tokens WHERE token_key = ? OR (token >= ? AND token < ?) "
        "LIMIT ?",
        {sql_text(key), sql_text(prefix), sql_text(upper), sql_int(static_cast<int64_t>(limit))});
  } else {
    rows = db_.query("SELECT DISTINCT person_id FROM person_name_tokens WHERE token_key = ? LIMIT ?",
                     {sql_text(key), sql_int(static_cast<int64_t>(limit))});
  }
  return ids_of(rows);
}

std::vector<int64_t> PeopleIndex::ids_by_birth_date(Date date, size_t limit) {
  return ids_of(
      db_.query("SELECT person_id FROM people WHERE date_of_birth = ? OR expected_date_of_birth = ? LIMIT ?",
                {sql_text(date.iso()), sql_text(date.iso()), sql_int(static_cast<int64_t>(limit))}));
}

std::vector<int64_t> PeopleIndex::ids_by_postcode(std::string_view postcode, size_t limit) {
  return ids_of(db_.query("SELECT DISTINCT person_id FROM person_addresses WHERE postcode_key = ? LIMIT ?",
                          {sql_text(postcode_key(postcode)), sql_int(static_cast<int64_t>(limit))}));
}

std::vector<int64_t> PeopleIndex::ids_by_identifier(std::string_view value, std::string_view type,
                                                    size_t limit) {
  if (type.empty()) {
    return ids_of(db_.query("SELECT DISTINCT person_id FROM person_identifiers WHERE value = ? LIMIT ?",
                            {sql_text(value), sql_int(static_cast<int64_t>(limit))}));
  }
  return ids_of(
      db_.query("SELECT DISTINCT person_id FROM person_identifiers WHERE value = ? AND type = ? LIMIT ?",
                {sql_text(value), sql_text(type), sql_int(static_cast<int64_t>(limit))}));
}

std::vector<RelatedPerson> PeopleIndex::relationships(int64_t person_id) {
  std::vector<RelatedPerson> out;
  std::vector<int64_t> others;
  for (const SqlRow& row : db_.query("SELECT related_person_id, type, relationship_id, from_date, to_date, 0 "
                                     "FROM person_relationships WHERE person_id = ?"
                                     " UNION ALL "
                                     "SELECT person_id, type, relationship_id, from_date, to_date, 1 FROM "
                                     "person_relationships WHERE related_person_id = ?"
                                     " ORDER BY 6, 3",
                                     {sql_int(person_id), sql_int(person_id)})) {
    RelatedPerson r;
    r.person_id = row.integer(0);
    r.label_code = row.text(1);
    r.relationship_id = row.integer(2);
    r.from = date_of(row, 3);
    r.to = date_of(row, 4);
    r.recorded_on_other = row.integer(5) != 0;
    others.push_back(r.person_id);
    out.push_back(std::move(r));
  }
  std::map<int64_t, PersonSummary> by_id;
  for (PersonSummary& s : summaries(others)) by_id.emplace(s.id, std::move(s));
  for (RelatedPerson& r : out) {
    if (auto it = by_id.find(r.person_id); it != by_id.end()) r.summary = it->second;
  }
  return out;
}

namespace {

constexpr const char* kEpisodeColumns =
    "person_id, episode_id, contact_id, referral_date, referral_source, referral_nfa, primary_need, "
    "closed_on,"
    " closure_reason";

EpisodeRow episode_from_row(const SqlRow& row) {
  EpisodeRow e;
  e.person_id = row.integer(0);
  e.episode_id = row.integer(1);
  e.contact_id = row.integer(2);
  e.referral_date = Date::parse_iso(row.text(3)).value_or(Date());
  e.referral_source = row.text(4);
  e.referral_nfa = row.integer(5) != 0;
  e.primary_need = row.text(6);
  e.closed_on = date_of(row, 7);
  e.closure_reason = row.text(8);
  return e;
}

}  // namespace

std::vector<EpisodeRow> PeopleIndex::episodes_of(int64_t person_id) {
  std::vector<EpisodeRow> out;
  for (const SqlRow& row :
       db_.query(std::string("SELECT ") + kEpisodeColumns +
                     " FROM cin_episodes WHERE person_id = ? ORDER BY referral_date, episode_id",
                 {sql_int(person_id)})) {
    out.push_back(episode_from_row(row));
  }
  return out;
}

std::vector<EpisodeRow> PeopleIndex::referrals_between(Date from, Date to) {
  std::vector<EpisodeRow> out;
  for (const SqlRow& row : db_.query(std::string("SELECT ") + kEpisodeColumns +
                                         " FROM cin_episodes WHERE referral_date >= ? AND referral_date <= ?"
                                         " ORDER BY referral_date, person_id",
                                     {sql_text(from.iso()), sql_text(to.iso())})) {
    out.push_back(episode_from_row(row));
  }
  return out;
}

std::vector<int64_t> PeopleIndex::in_need_between(Date from, Date to) {
  std::vector<int64_t> out;
  for (const SqlRow& row : db_.query("SELECT DISTINCT person_id FROM cin_episodes WHERE referral_date <= ?"
                                     " AND (closed_on IS NULL OR closed_on >= ?) ORDER BY person_id",
                                     {sql_text(to.iso()), sql_text(from.iso())})) {
    out.push_back(row.integer(0));
  }
  return out;
}

std::map<int64_t, std::vector<Date>> PeopleIndex::referral_dates_of(const std::vector<int64_t>& ids) {
  std::map<int64_t, std::vector<Date>> out;
  for_each_in_batches(db_, "SELECT person_id, referral_date FROM cin_episodes WHERE person_id IN ", ids,
                      [&](const SqlRow& row) {
                        if (auto d = Date::parse_iso(row.text(1))) out[row.integer(0)].push_back(*d);
                      });
  return out;
}

std::map<int64_t, Person> PeopleIndex::casework_of(const std::vector<int64_t>& ids) {
  std::map<int64_t, Person> out;
  for_each_in_batches(db_,
                      std::string("SELECT ") + kEpisodeColumns + " FROM cin_episodes WHERE person_id IN ",
                      ids, [&](const SqlRow& row) {
                        const EpisodeRow e = episode_from_row(row);
                        Person& p = out[e.person_id];
                        p.id = e.person_id;
                        CinEpisode episode;
                        episode.id = e.episode_id;
                        episode.contact_id = e.contact_id;
                        episode.referral_date = e.referral_date;
                        episode.referral_source = e.referral_source;
                        episode.referral_nfa = e.referral_nfa;
                        episode.primary_need = e.primary_need;
                        episode.closed_on = e.closed_on;
                        episode.closure_reason = e.closure_reason;
                        p.episodes.push_back(std::move(episode));
                      });
  // The date of birth: clocks that stop at the 18th birthday, and ages on dashboards.
  for_each_in_batches(db_, "SELECT person_id, date_of_birth FROM people WHERE person_id IN ", ids,
                      [&](const SqlRow& row) {
                        const auto p = out.find(row.integer(0));
                        if (p != out.end() && !row.is_null(1))
                          p->second.details.date_of_birth = Date::parse_iso(row.text(1));
                      });
  for_each_in_batches(
      db_,
      "SELECT person_id, assessment_id, episode_id, started_on, submitted_on, authorised_on, outcome"
      " FROM person_assessments WHERE person_id IN ",
      ids, [&](const SqlRow& row) {
        const auto person = out.find(row.integer(0));
        if (person == out.end()) return;
        Assessment a;
        a.id = row.integer(1);
        a.episode_id = row.integer(2);
        a.started_on = Date::parse_iso(row.text(3)).value_or(Date());
        a.submitted_on = date_of(row, 4);
        a.authorised_on = date_of(row, 5);
        a.content.outcome = row.text(6);
        person->second.assessments.push_back(std::move(a));
      });
  for_each_in_batches(
      db_,
      "SELECT person_id, section47_id, episode_id, started_on, concluded_on, outcome, conference_on"
      " FROM person_enquiries WHERE person_id IN ",
      ids, [&](const SqlRow& row) {
        const auto person = out.find(row.integer(0));
        if (person == out.end()) return;
        Section47Enquiry s;
        s.id = row.integer(1);
        s.episode_id = row.integer(2);
        s.started_on = Date::parse_iso(row.text(3)).value_or(Date());
        s.concluded_on = date_of(row, 4);
        s.outcome = row.text(5);
        s.conference_on = date_of(row, 6);
        person->second.enquiries.push_back(std::move(s));
      });
  for_each_in_batches(
      db_,
      "SELECT person_id, plan_id, episode_id, type, started_on, ended_on, first_core_group, review_dates,"
      " finalised_on FROM person_plans WHERE person_id IN ",
      ids, [&](const SqlRow& row) {
        const auto person = out.find(row.integer(0));
        if (person == out.end()) return;
        ChildPlan plan;
        plan.id = row.integer(1);
        plan.episode_id = row.integer(2);
        plan.type = row.text(3);
        plan.started_on = Date::parse_iso(row.text(4)).value_or(Date());
        plan.ended_on = date_of(row, 5);
        if (auto first = date_of(row, 6)) plan.core_groups.push_back(*first);
        for (const std::string& day : split(row.text(7), ',')) {
          if (auto held = Date::parse_iso(day)) plan.reviews.push_back({*held, "", false, ""});
        }
        plan.finalised_on = date_of(row, 8);
        person->second.plans.push_back(std::move(plan));
      });
  for_each_in_batches(db_,
                      "SELECT person_id, visit_id, visited_on, seen FROM person_visits WHERE person_id IN ",
                      ids, [&](const SqlRow& row) {
                        const auto person = out.find(row.integer(0));
                        if (person == out.end()) return;
                        Visit v;
                        v.id = row.integer(1);
                        v.on = Date::parse_iso(row.text(2)).value_or(Date());
                        v.seen = row.integer(3) != 0;
                        person->second.visits.push_back(std::move(v));
                      });
  for_each_in_batches(db_,
                      "SELECT person_id, supervision_id, held_on, next_due FROM person_supervisions"
                      " WHERE person_id IN ",
                      ids, [&](const SqlRow& row) {
                        const auto person = out.find(row.integer(0));
                        if (person == out.end()) return;
                        Supervision s;
                        s.id = row.integer(1);
                        s.on = Date::parse_iso(row.text(2)).value_or(Date());
                        s.next_due = date_of(row, 3);
                        person->second.supervisions.push_back(std::move(s));
                      });
  for_each_in_batches(
      db_,
      "SELECT person_id, period_id, cin_episode_id, start_date, home_postcode, reviewing_officer,"
      " reviewing_officer_name FROM person_care_periods WHERE person_id IN ",
      ids, [&](const SqlRow& row) {
        const auto person = out.find(row.integer(0));
        if (person == out.end()) return;
        PeriodOfCare period;
        period.id = row.integer(1);
        period.episode_id = row.integer(2);
        period.start = Date::parse_iso(row.text(3)).value_or(Date());
        period.home_postcode = row.text(4);
        period.reviewing_officer = row.text(5);
        period.reviewing_officer_name = row.text(6);
        person->second.periods_of_care.push_back(std::move(period));
      });
  for_each_in_batches(
      db_,
      "SELECT person_id, period_id, episode_no, start_date, reason_new, legal_status, category_of_need,"
      " placement_type, provider, carer, placement_postcode, urn, end_date, reason_ceased, "
      "reason_place_change"
      " FROM person_care_episodes WHERE person_id IN ",
      ids, [&](const SqlRow& row) {
        const auto person = out.find(row.integer(0));
        if (person == out.end()) return;
        for (PeriodOfCare& period : person->second.periods_of_care) {
          if (period.id != row.integer(1)) continue;
          CareEpisode e;
          e.start = Date::parse_iso(row.text(3)).value_or(Date());
          e.reason_new = row.text(4);
          e.legal_status = row.text(5);
          e.category_of_need = row.text(6);
          e.placement = {row.text(7), row.text(8), row.text(9), row.text(10), row.text(11)};
          e.end = date_of(row, 12);
          e.reason_ceased = row.text(13);
          e.reason_place_change = row.text(14);
          // Numbered from 1 in order: the episode's place in the period.
          const size_t at = static_cast<size_t>(row.integer(2)) - 1;
          if (period.episodes.size() <= at) period.episodes.resize(at + 1);
          period.episodes[at] = std::move(e);
        }
      });
  for_each_in_batches(db_,
                      "SELECT person_id, period_id, review_id, held_on, participation, permanence_plan"
                      " FROM person_care_reviews WHERE person_id IN ",
                      ids, [&](const SqlRow& row) {
                        const auto person = out.find(row.integer(0));
                        if (person == out.end()) return;
                        for (PeriodOfCare& period : person->second.periods_of_care) {
                          if (period.id != row.integer(1)) continue;
                          LookedAfterReview r;
                          r.id = row.integer(2);
                          r.held_on = Date::parse_iso(row.text(3)).value_or(Date());
                          r.participation = row.text(4);
                          r.permanence_plan = row.text(5);
                          period.reviews.push_back(std::move(r));
                        }
                      });
  for_each_in_batches(db_,
                      "SELECT person_id, missing_id, type, started_on, ended_on, interview_offered_on,"
                      " interview_held_on FROM person_missing WHERE person_id IN ",
                      ids, [&](const SqlRow& row) {
                        const auto person = out.find(row.integer(0));
                        if (person == out.end()) return;
                        MissingEpisode m;
                        m.id = row.integer(1);
                        m.type = row.text(2);
                        m.started_on = Date::parse_iso(row.text(3)).value_or(Date());
                        m.ended_on = date_of(row, 4);
                        if (auto offered = date_of(row, 5)) {
                          ReturnInterview r;
                          r.offered_on = *offered;
                          r.held_on = date_of(row, 6);
                          r.accepted = r.held_on.has_value();
                          m.interview = std::move(r);
                        }
                        person->second.missing.push_back(std::move(m));
                      });
  for_each_in_batches(db_,
                      "SELECT person_id, screening_id, screened_on, sexual, criminal, risk"
                      " FROM person_exploitation_screenings WHERE person_id IN ",
                      ids, [&](const SqlRow& row) {
                        const auto person = out.find(row.integer(0));
                        if (person == out.end()) return;
                        ExploitationScreening s;
                        s.id = row.integer(1);
                        s.screened_on = Date::parse_iso(row.text(2)).value_or(Date());
                        s.sexual = row.integer(3) != 0;
                        s.criminal = row.integer(4) != 0;
                        s.risk = row.text(5);
                        person->second.exploitation_screenings.push_back(std::move(s));
                      });
  for_each_in_batches(
      db_, "SELECT person_id, kind, record_id, on_date, value FROM person_care_records WHERE person_id IN ",
      ids, [&](const SqlRow& row) {
        const auto person = out.find(row.integer(0));
        if (person == out.end()) return;
        add_care_record(person->second, row.text(1), row.integer(2),
                        Date::parse_iso(row.text(3)).value_or(Date()), row.text(4));
      });
  // In the order the record holds them.
  for (auto& [id, p] : out) {
    sort_care_records(p);
    std::sort(p.missing.begin(), p.missing.end(),
              [](const MissingEpisode& a, const MissingEpisode& b) { return a.id < b.id; });
    std::sort(p.exploitation_screenings.begin(), p.exploitation_screenings.end(),
              [](const ExploitationScreening& a, const ExploitationScreening& b) { return a.id < b.id; });
    std::sort(p.periods_of_care.begin(), p.periods_of_care.end(),
              [](const PeriodOfCare& a, const PeriodOfCare& b) { return a.id < b.id; });
    for (PeriodOfCare& period : p.periods_of_care) {
      std::sort(period.reviews.begin(), period.reviews.end(),
                [](const LookedAfterReview& a, const LookedAfterReview& b) {
                  return a.held_on != b.held_on ? a.held_on < b.held_on : a.id < b.id;
                });
    }
    // Visits and supervisions in date order (the fold's order), ties by id.
    std::sort(p.visits.begin(), p.visits.end(),
              [](const Visit& a, const Visit& b) { return a.on != b.on ? a.on < b.on : a.id < b.id; });
    std::sort(p.supervisions.begin(), p.supervisions.end(), [](const Supervision& a, const Supervision& b) {
      return a.on != b.on ? a.on < b.on : a.id < b.id;
    });
    std::sort(p.enquiries.begin(), p.enquiries.end(),
              [](const Section47Enquiry& a, const Section47Enquiry& b) { return a.id < b.id; });
    std::sort(p.plans.begin(), p.plans.end(),
              [](const ChildPlan& a, const ChildPlan& b) { return a.id < b.id; });
    std::sort(p.episodes.begin(), p.episodes.end(),
              [](const CinEpisode& a, const CinEpisode& b) { return a.id < b.id; });
    std::sort(p.assessments.begin(), p.assessments.end(),
              [](const Assessment& a, const Assessment& b) { return a.id < b.id; });
  }
  return out;
}

int64_t PeopleIndex::count() { return db_.query("SELECT COUNT(*) FROM people").at(0).integer(0); }

}  // namespace safeguard
