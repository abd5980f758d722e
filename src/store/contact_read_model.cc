#include "store/contact_read_model.h"

#include <algorithm>

namespace safeguard {
namespace {

SqlValue optional_instant(const std::optional<Timestamp>& t) {
  return t ? SqlValue(t->iso()) : SqlValue(SqlNull{});
}

std::optional<Timestamp> instant_of(const SqlRow& row, size_t i) {
  if (row.is_null(i)) return std::nullopt;
  return Timestamp::parse_iso(row.text(i));
}

std::string status_of(const ContactChild& child) {
  if (!child.decision) return kAwaitingDecision;
  return child.decision->is_final() ? kDecided : kAwaitingAuthorisation;
}

constexpr const char* kContactColumns =
    "c.contact_id, c.version, c.received_at, c.source, c.referrer_name, c.urgency, c.holder, c.status, "
    "c.decided_at,"
    " c.children_count";

ContactRow contact_from_row(const SqlRow& row) {
  ContactRow c;
  c.contact_id = row.integer(0);
  c.version = row.integer(1);
  c.received_at = Timestamp::parse_iso(row.text(2)).value_or(Timestamp());
  c.source = row.text(3);
  c.referrer_name = row.text(4);
  c.urgency = row.text(5);
  c.holder = row.text(6);
  c.status = row.text(7);
  c.decided_at = instant_of(row, 8);
  c.children_count = row.integer(9);
  return c;
}

constexpr const char* kChildColumns =
    "k.contact_id, k.person_id, c.received_at, c.source, k.outcome, k.decision_status, k.decided_at, "
    "k.decided_by,"
    " k.needs_authorisation, k.authorised_at, k.authorised_by";

ContactChildRow child_from_row(const SqlRow& row) {
  ContactChildRow k;
  k.contact_id = row.integer(0);
  k.person_id = row.integer(1);
  k.received_at = Timestamp::parse_iso(row.text(2)).value_or(Timestamp());
  k.source = row.text(3);
  k.outcome = row.text(4);
  k.decision_status = row.text(5);
  k.decided_at = instant_of(row, 6);
  k.decided_by = row.text(7);
  k.needs_authorisation = row.integer(8) != 0;
  k.authorised_at = instant_of(row, 9);
  k.authorised_by = row.text(10);
  return k;
}

constexpr const char* kRequestColumns =
    "m.contact_id, m.enquiry_id, m.agency, m.opened_at, m.opened_by, m.due_at, m.answered_at, m.answered_by, "
    "c.urgency";

MashRequestRow request_from_row(const SqlRow& row) {
  MashRequestRow m;
  m.contact_id = row.integer(0);
  m.enquiry_id = row.integer(1);
  m.agency = row.text(2);
  m.opened_at = Timestamp::parse_iso(row.text(3)).value_or(Timestamp());
  m.opened_by = row.text(4);
  m.due_at = Timestamp::parse_iso(row.text(5)).value_or(Timestamp());
  m.answered_at = instant_of(row, 6);
  m.answered_by = row.text(7);
  m.urgency = row.text(8);
  return m;
}

template <class T, class F>
std::vector<T> rows_of(const std::vector<SqlRow>& rows, F convert) {
  std::vector<T> out;
  out.reserve(rows.size());
  for (const SqlRow& row : rows) out.push_back(convert(row));
  return out;
}

SqlValue day_start(Date d) { return sql_text(d.iso()); }
// The day after `to`, as text: ISO instants on `to` sort before it.
SqlValue day_after(Date d) { return sql_text((d + 1).iso()); }

}  // namespace

const std::vector<ReadModelTable>& contact_read_model_tables() {
  static const std::vector<ReadModelTable> kTables = {
      {"contacts",
       {"contact_id", "version", "received_at", "received_on", "source", "referrer_name", "urgency", "holder",
        "status", "decided_at", "children_count", "recorded_by"},
       "contact_id"},
      {"contact_children",
       {"contact_id", "person_id", "outcome", "decision_status", "decided_at", "decided_by",
        "needs_authorisation", "authorised_at", "authorised_by", "decisions_returned"},
       "contact_id, person_id"},
      {"contact_adults", {"contact_id", "person_id"}, "contact_id, person_id"},
      {"mash_requests",
       {"contact_id", "enquiry_id", "agency", "opened_at", "opened_by", "due_at", "answered_at",
        "answered_by"},
       "contact_id, enquiry_id, agency"},
      {"mash_shared_children",
       {"contact_id", "enquiry_id", "person_id"},
       "contact_id, enquiry_id, person_id"},
  };
  return kTables;
}

std::vector<ReadModelRow> project_contact(const Contact& c) {
  const auto& tables = contact_read_model_tables();
  std::vector<ReadModelRow> rows;
  std::string status = kDecided;
  std::optional<Timestamp> decided_at;
  for (const ContactChild& child : c.children) {
    const std::string child_status = status_of(child);
    if (child_status == kAwaitingDecision) status = kAwaitingDecision;
    if (child_status == kAwaitingAuthorisation && status != kAwaitingDecision)
      status = kAwaitingAuthorisation;
    if (child.decision && (!decided_at || child.decision->decided_at > *decided_at)) {
      decided_at = child.decision->decided_at;
    }
  }
  if (status != kDecided) decided_at.reset();
  rows.push_back({&tables[0],
                  {sql_int(c.id), sql_int(c.version), sql_text(c.received_at.iso()),
                   sql_text(london_date(c.received_at).iso()), sql_text(c.source), sql_text(c.referrer.name),
                   sql_text(c.urgency), sql_text(c.holder), sql_text(status), optional_instant(decided_at),
                   sql_int(static_cast<int64_t>(c.children.size())), sql_text(c.recorded_by)}});
  for (const ContactChild& child : c.children) {
    const FrontDoorDecision* d = child.decision ? &*child.decision : nullptr;
    rows.push_back({&tables[1],
                    {sql_int(c.id), sql_int(child.person_id), sql_text(d ? d->outcome : ""),
                     sql_text(status_of(child)), d ? SqlValue(d->decided_at.iso()) : SqlValue(SqlNull{}),
                     sql_text(d ? d->decided_by : ""), sql_int(d && d->needs_authorisation ? 1 : 0),
                     d ? optional_instant(d->authorised_at) : SqlValue(SqlNull{}),
                     sql_text(d ? d->authorised_by : ""), sql_int(child.decisions_returned)}});
  }
  for (int64_t adult : c.adults) rows.push_back({&tables[2], {sql_int(c.id), sql_int(adult)}});
  for (const MashEnquiry& e : c.enquiries) {
    for (const MashRequest& r : e.requests) {
      rows.push_back({&tables[3],
                      {sql_int(c.id), sql_int(e.id), sql_text(r.agency), sql_text(e.opened_at.iso()),
                       sql_text(e.opened_by), sql_text(r.due_at.iso()), optional_instant(r.answered_at),
                       sql_text(r.answered_by)}});
    }
    for (int64_t child : e.shared_children)
      rows.push_back({&tables[4], {sql_int(c.id), sql_int(e.id), sql_int(child)}});
  }
  return rows;
}

std::vector<ReadModelRow> project_contact_stream(int64_t contact_id, const std::vector<DomainEvent>& events) {
  return project_contact(fold_contact(contact_id, events));
}

void write_contact(SqlConnection& db, const Contact& contact) {
  write_read_models(db, kContactStreamKind, contact.id, project_contact(contact));
}

std::optional<ContactRow> ContactIndex::contact(int64_t contact_id) {
  auto rows = db_.query(std::string("SELECT ") + kContactColumns + " FROM contacts c WHERE c.contact_id = ?",
                        {sql_int(contact_id)});
  if (rows.empty()) return std::nullopt;
  return contact_from_row(rows[0]);
}

std::vector<ContactRow> ContactIndex::open_contacts(const QueueFilter& f, size_t limit) {
  std::string sql = std::string("SELECT ") + kContactColumns + " FROM contacts c";
  std::vector<SqlValue> params;
  if (f.team_id) sql += " JOIN users u ON u.username = c.holder";
  sql += " WHERE c.status <> ?";
  params.push_back(sql_text(kDecided));
  if (!f.holder.empty()) {
    sql += " AND c.holder = ?";
    params.push_back(sql_text(f.holder));
  }
  if (f.team_id) {
    sql += " AND u.team_id = ?";
    params.push_back(sql_int(*f.team_id));
  }
  if (!f.urgency.empty()) {
    sql += " AND c.urgency = ?";
    params.push_back(sql_text(f.urgency));
  }
  sql += " ORDER BY c.received_at, c.contact_id LIMIT ?";
  params.push_back(sql_int(static_cast<int64_t>(limit)));
  return rows_of<ContactRow>(db_.query(sql, params), contact_from_row);
}

std::vector<ContactChildRow> ContactIndex::children_of(const std::vector<int64_t>& contact_ids) {
  std::vector<ContactChildRow> out;
  constexpr size_t kBatch = 200;
  for (size_t start = 0; start < contact_ids.size(); start += kBatch) {
    const size_t end = std::min(contact_ids.size(), start + kBatch);
    std::string sql =
        std::string("SELECT ") + kChildColumns +
        " FROM contact_children k JOIN contacts c ON c.contact_id = k.contact_id WHERE k.contact_id IN (";
    std::vector<SqlValue> params;
    for (size_t i = start; i < end; ++i) {
      sql += i == start ? "?" : ", ?";
      params.push_back(sql_int(contact_ids[i]));
    }
    sql += ") ORDER BY k.contact_id, k.person_id";
    for (ContactChildRow& row : rows_of<ContactChildRow>(db_.query(sql, params), child_from_row))
      out.push_back(std::move(row));
  }
  return out;
}

std::vector<ContactChildRow> ContactIndex::contacts_of_child(int64_t person_id) {
  return rows_of<ContactChildRow>(
      db_.query(
          std::string("SELECT ") + kChildColumns +
              " FROM contact_children k JOIN contacts c ON c.contact_id = k.contact_id WHERE k.person_id = ?"
              " ORDER BY c.received_at DESC, k.contact_id DESC",
          {sql_int(person_id)}),
      child_from_row);
}

std::vector<ContactRow> ContactIndex::contacts_of_adult(int64_t person_id) {
  return rows_of<ContactRow>(
      db_.query(
          std::string("SELECT ") + kContactColumns +
              " FROM contact_adults a JOIN contacts c ON c.contact_id = a.contact_id WHERE a.person_id = ?"
              " ORDER BY c.received_at DESC, c.contact_id DESC",
          {sql_int(person_id)}),
      contact_from_row);
}

std::vector<ContactChildRow> ContactIndex::awaiting_authorisation(size_t limit) {
  return rows_of<ContactChildRow>(
      db_.query(std::string("SELECT ") + kChildColumns +
                    " FROM contact_children k JOIN contacts c ON c.contact_id = k.contact_id"
                    " WHERE k.decision_status = ? ORDER BY k.decided_at, k.contact_id, k.person_id LIMIT ?",
                {sql_text(kAwaitingAuthorisation), sql_int(static_cast<int64_t>(limit))}),
      child_from_row);
}

std::vector<MashRequestRow> ContactIndex::requests_for_agency(std::string_view agency, bool include_answered,
                                                              size_t limit) {
  std::string sql = std::string("SELECT ") + kRequestColumns +
                    " FROM mash_requests m JOIN contacts c ON c.contact_id = m.contact_id WHERE m.agency = ?";
  if (!include_answered) sql += " AND m.answered_at IS NULL";
  sql += " ORDER BY m.due_at DESC, m.contact_id DESC LIMIT ?";
  return rows_of<MashRequestRow>(db_.query(sql, {sql_text(agency), sql_int(static_cast<int64_t>(limit))}),
                                 request_from_row);
}

std::vector<MashRequestRow> ContactIndex::requests_of_contact(int64_t contact_id) {
  return rows_of<MashRequestRow>(
      db_.query(
          std::string("SELECT ") + kRequestColumns +
              " FROM mash_requests m JOIN contacts c ON c.contact_id = m.contact_id WHERE m.contact_id = ?"
              " ORDER BY m.enquiry_id, m.agency",
          {sql_int(contact_id)}),
      request_from_row);
}

std::vector<int64_t> ContactIndex::shared_children(int64_t contact_id, int64_t enquiry_id) {
  std::vector<int64_t> out;
  for (const SqlRow& row : db_.query("SELECT person_id FROM mash_shared_children WHERE contact_id = ? AND "
                                     "enquiry_id = ? ORDER BY person_id",
                                     {sql_int(contact_id), sql_int(enquiry_id)})) {
    out.push_back(row.integer(0));
  }
  return out;
}

std::vector<ContactRow> ContactIndex::received_between(Date from, Date to) {
  return rows_of<ContactRow>(
      db_.query(std::string("SELECT ") + kContactColumns +
                    " FROM contacts c WHERE c.received_on >= ? AND c.received_on < ? ORDER BY c.received_at",
                {day_start(from), day_after(to)}),
      contact_from_row);
}

std::vector<ContactChildRow> ContactIndex::children_received_between(Date from, Date to) {
  return rows_of<ContactChildRow>(
      db_.query(std::string("SELECT ") + kChildColumns +
                    " FROM contact_children k JOIN contacts c ON c.contact_id = k.contact_id"
                    " WHERE c.received_on >= ? AND c.received_on < ? ORDER BY c.received_at, k.person_id",
                {day_start(from), day_after(to)}),
      child_from_row);
}

std::vector<MashRequestRow> ContactIndex::requests_opened_between(Date from, Date to) {
  // opened_at is an instant in UTC; a day's bounds in London differ by at most an hour, which a
  // dashboard of months does not notice.
  return rows_of<MashRequestRow>(
      db_.query(std::string("SELECT ") + kRequestColumns +
                    " FROM mash_requests m JOIN contacts c ON c.contact_id = m.contact_id"
                    " WHERE m.opened_at >= ? AND m.opened_at < ? ORDER BY m.opened_at",
                {day_start(from), day_after(to)}),
      request_from_row);
}

int64_t ContactIndex::count() { return db_.query("SELECT COUNT(*) FROM contacts").at(0).integer(0); }

}  // namespace safeguard
