// The front door's read models: contacts and their children's decisions (the queue, the
// authorisation list, a child's contact history), MASH requests (a partner agency's inbox,
// timeliness), and the queries over them that pages, the API and the dashboard use. Projections of
// the contact streams (read_models.h).
//
// Thread safety: functions over a connection that belongs to the calling thread.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "domain/contact.h"
#include "store/read_models.h"
#include "store/sql.h"

namespace safeguard {

inline constexpr const char* kContactStreamKind = "contact";

const std::vector<ReadModelTable>& contact_read_model_tables();
std::vector<ReadModelRow> project_contact(const Contact& contact);
std::vector<ReadModelRow> project_contact_stream(int64_t contact_id, const std::vector<DomainEvent>& events);
void write_contact(SqlConnection& db, const Contact& contact);

// A contact's status in the read model.
inline constexpr const char* kAwaitingDecision = "awaiting_decision";
inline constexpr const char* kAwaitingAuthorisation = "awaiting_authorisation";
inline constexpr const char* kDecided = "decided";

struct ContactRow {
  int64_t contact_id = 0;
  int64_t version = 0;
  Timestamp received_at;
  std::string source;
  std::string referrer_name;
  std::string urgency;
  std::string holder;
  std::string status;
  std::optional<Timestamp> decided_at;
  int64_t children_count = 0;
};

struct ContactChildRow {
  int64_t contact_id = 0;
  int64_t person_id = 0;
  Timestamp received_at;  // the contact's
  std::string source;     // the contact's
  std::string outcome;    // empty until decided
  std::string decision_status;
  std::optional<Timestamp> decided_at;
  std::string decided_by;
  bool needs_authorisation = false;
  std::optional<Timestamp> authorised_at;
  std::string authorised_by;
};

struct MashRequestRow {
  int64_t contact_id = 0;
  int64_t enquiry_id = 0;
  std::string agency;
  Timestamp opened_at;
  std::string opened_by;
  Timestamp due_at;
  std::optional<Timestamp> answered_at;
  std::string answered_by;
  std::string urgency;  // the contact's, now
};

struct QueueFilter {
  std::string holder;              // a username, or empty for all
  std::optional<int64_t> team_id;  // holders in this team
  std::string urgency;             // red, amber, green or empty
};

class ContactIndex {
 public:
  explicit ContactIndex(SqlConnection& db) : db_(db) {}

  std::optional<ContactRow> contact(int64_t contact_id);
  // Contacts not yet fully decided (awaiting a decision or an authorisation), oldest first.
  std::vector<ContactRow> open_contacts(const QueueFilter& filter, size_t limit = 1000);
  std::vector<ContactChildRow> children_of(const std::vector<int64_t>& contact_ids);
  // Every contact a person is on as a child, newest first.
  std::vector<ContactChildRow> contacts_of_child(int64_t person_id);
  // Contacts a person is named on as an adult, newest first.
  std::vector<ContactRow> contacts_of_adult(int64_t person_id);
  // Children's decisions waiting for a manager, oldest first.
  std::vector<ContactChildRow> awaiting_authorisation(size_t limit = 500);
  // Requests sent to an agency, newest first; `answered` false for only those not yet answered.
  std::vector<MashRequestRow> requests_for_agency(std::string_view agency, bool include_answered,
                                                  size_t limit = 500);
  std::vector<MashRequestRow> requests_of_contact(int64_t contact_id);
  // The children an enquiry shares with partners.
  std::vector<int64_t> shared_children(int64_t contact_id, int64_t enquiry_id);

  // For the dashboard: contacts received, children's decisions on them, and MASH requests opened,
  // between two days inclusive.
  std::vector<ContactRow> received_between(Date from, Date to);
  std::vector<ContactChildRow> children_received_between(Date from, Date to);
  std::vector<MashRequestRow> requests_opened_between(Date from, Date to);
  int64_t count();

 private:
  SqlConnection& db_;
};

}  // namespace safeguard
