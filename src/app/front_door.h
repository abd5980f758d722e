// Front door use cases: record a contact as the conversation happens (new children and adults
// created on the way, likely matches offered first), hold and prioritise it, run MASH enquiries,
// decide for each child, and authorise decisions. Also the front door's lists (the queue, decisions
// awaiting a manager, a partner agency's inbox) and its dashboard.
//
// Who may do what: front-door social workers and team managers work contacts; only team managers
// authorise, and never their own decision; MASH partners see only the enquiries sent to their agency
// and, of those, only the children and details shared with them. Every view of a contact, and every
// partner's view of an enquiry, is logged against each child and adult it shows.
//
// Thread safety: uses one Database, which belongs to one thread at a time.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "app/figures.h"
#include "app/people.h"
#include "core/clock.h"
#include "core/result.h"
#include "domain/contact.h"
#include "domain/user.h"
#include "rules/front_door.h"
#include "store/contact_read_model.h"
#include "store/database.h"
#include "store/people_read_model.h"

namespace safeguard {

struct RecordContactInput {
  ContactInput contact;                      // children and adults already on the record, by id
  std::vector<NewPersonInput> new_children;  // children to record as they are added
  std::vector<NewPersonInput> new_adults;
  bool likely_matches_seen = false;  // the worker has seen the likely matches for the new people
  std::string holder;                // username to hold it; empty for the worker recording it
};

struct RecordContactOutcome {
  // Set when recorded.
  std::optional<int64_t> contact_id;
  std::vector<int64_t> children;
  std::vector<int64_t> adults;
  Date decision_due;
  // Otherwise, for each new child or adult (by index) that may already be known, the likely matches.
  std::map<size_t, std::vector<SearchHit>> child_matches;
  std::map<size_t, std::vector<SearchHit>> adult_matches;
};

struct ChildOnContact {
  PersonSummary person;
  const ContactChild* on_contact = nullptr;  // points into ContactView::contact
  DeadlineStatus deadline;
  std::vector<ContactChildRow> previous_contacts;  // other contacts about this child, newest first
  std::vector<EpisodeRow> episodes;                // Children in Need episodes, oldest first
  bool has_open_episode = false;
  // The previous referral that makes a referral now a re-referral (within 12 months), if any.
  std::optional<Date> re_referral_of;
};

struct ContactView {
  Contact contact;
  std::vector<ChildOnContact> children;
  std::vector<PersonSummary> adults;
  Date decision_due;
  DeadlineStatus deadline;
  std::string time_remaining;
  struct Request {
    const MashEnquiry* enquiry = nullptr;
    const MashRequest* request = nullptr;
    DeadlineStatus status;
  };
  std::vector<Request> requests;
  struct HistoryLine {
    Timestamp at;
    std::string who;
    std::string what;
  };
  std::vector<HistoryLine> history;  // newest first
  std::map<std::string, std::string> names_of_users;
  FrontDoorSettings settings;
  // Whether this user may authorise (a manager) and decide (front door or manager).
  bool can_decide = false;
  bool can_authorise = false;
};

struct QueueItem {
  ContactRow contact;
  std::vector<PersonSummary> children;
  std::string holder_name;
  Date decision_due;
  DeadlineStatus deadline;
  std::string time_remaining;
};

struct AuthorisationItem {
  ContactChildRow decision;
  PersonSummary child;
  std::string decided_by_name;
};

// A MASH request as a partner agency sees it in its inbox.
struct PartnerRequestItem {
  MashRequestRow request;
  DeadlineStatus status;
  std::string time_remaining;
};

// An enquiry as a partner agency sees it: only what was shared with it.
struct PartnerEnquiryView {
  int64_t contact_id = 0;
  MashEnquiry enquiry;  // requests of other agencies removed
  MashRequest request;  // this agency's
  DeadlineStatus status;
  struct SharedChild {
    int64_t person_id = 0;
    std::string name;                   // if names are shared
    std::optional<Date> date_of_birth;  // if shared (or expected date of birth)
    std::string address;                // if shared
  };
  std::vector<SharedChild> children;
  std::string concerns;  // if shared
  std::string urgency;
};

struct Dashboard {
  Date from;
  Date to;
  using Count = LabelledCount;
  int64_t contacts = 0;
  std::vector<Count> contacts_by_month;  // key "2026-03"
  std::vector<Count> contacts_by_week;   // key: the Monday, "2026-03-02"
  std::vector<Count> contacts_by_day;    // the last 31 days of the period
  std::vector<Count> contacts_by_source;
  int64_t children_on_contacts = 0;
  int64_t children_decided = 0;
  int64_t decided_within_one_working_day = 0;
  std::vector<Count> outcomes;
  int64_t referrals = 0;  // children whose decision was a referral or strategy discussion
  int64_t re_referrals =
      0;  // of the Children in Need referrals in the period, those within 12 months of another
  int64_t cin_referrals = 0;
  struct Agency {
    std::string agency;
    std::string label;
    int64_t asked = 0;
    int64_t answered_on_time = 0;
    int64_t answered_late = 0;
    int64_t waiting = 0;
    int64_t overdue = 0;
  };
  std::vector<Agency> mash;
  static double percent(int64_t part, int64_t whole) { return percent_of(part, whole); }
};

class FrontDoorService {
 public:
  FrontDoorService(Database& db, const Clock& clock) : db_(db), clock_(clock) {}

  Result<RecordContactOutcome> record(const User& user, const RecordContactInput& input,
                                      const Channel& channel);
  Result<ContactView> open(const User& user, int64_t contact_id, const Channel& channel);

  // Changes; each states the contact's version the user read and returns the new one.
  Result<int64_t> change_urgency(const User& user, int64_t contact_id, int64_t expected_version,
                                 const std::string& urgency, const Channel& channel);
  Result<int64_t> change_holder(const User& user, int64_t contact_id, int64_t expected_version,
                                const std::string& holder, const Channel& channel);
  struct OpenedEnquiry {
    int64_t version = 0;
    int64_t enquiry_id = 0;
    std::vector<MashRequest> requests;  // each agency asked, with its due time
  };
  Result<OpenedEnquiry> open_enquiry(const User& user, int64_t contact_id, int64_t expected_version,
                                     const MashEnquiryInput& input, const Channel& channel);
  Result<int64_t> decide(const User& user, int64_t contact_id, int64_t expected_version, int64_t person_id,
                         const DecisionInput& input, const Channel& channel);
  // Decisions for several children in one transaction: all are recorded, or none. An error's field
  // names the decision at fault: "decisions[1].rationale".
  struct DecisionFor {
    int64_t person_id = 0;
    DecisionInput input;
  };
  Result<int64_t> decide_all(const User& user, int64_t contact_id, int64_t expected_version,
                             const std::vector<DecisionFor>& decisions, const Channel& channel);
  Result<int64_t> authorise(const User& user, int64_t contact_id, int64_t expected_version, int64_t person_id,
                            const std::string& note, const Channel& channel);
  Result<int64_t> return_decision(const User& user, int64_t contact_id, int64_t expected_version,
                                  int64_t person_id, const std::string& note, const Channel& channel);

  // The lists.
  Result<std::vector<QueueItem>> queue(const User& user, const QueueFilter& filter);
  // Who may hold a contact (front door workers and managers, not disabled), by name.
  Result<std::vector<User>> holders(const User& user);
  Result<std::vector<AuthorisationItem>> awaiting_authorisation(const User& user);

  // MASH partners.
  Result<std::vector<PartnerRequestItem>> partner_inbox(const User& user, bool include_answered);
  Result<PartnerEnquiryView> partner_enquiry(const User& user, int64_t contact_id, int64_t enquiry_id,
                                             const Channel& channel);
  Status answer_enquiry(const User& user, int64_t contact_id, int64_t enquiry_id, const std::string& answer,
                        const Channel& channel);

  // Figures for the days from `from` to `to` inclusive.
  Result<Dashboard> dashboard(const User& user, Date from, Date to);

 private:
  using MakeEvents = std::function<Result<std::vector<DomainEvent>>(const Contact&, Timestamp now)>;
  // Loads the contact, checks the version, appends the events, then `after` (if any) runs in the
  // same transaction with the contact as it now stands.
  Result<int64_t> change(const User& user, int64_t contact_id, int64_t expected_version,
                         const std::string& action, const Channel& channel, const MakeEvents& make_events,
                         const std::function<Status(const Contact&)>& after = {});
  // Puts a child's final decision on their own record (and opens an episode for a referral).
  Status record_decision_on_child(const Contact& contact, int64_t person_id, const std::string& actor);
  void log_access(const User& user, const std::vector<int64_t>& people, const std::string& action,
                  const Channel& channel);

  Database& db_;
  const Clock& clock_;
};

bool can_work_contacts(const User& user);
bool can_authorise_decisions(const User& user);
bool can_see_front_door_figures(const User& user);

}  // namespace safeguard
