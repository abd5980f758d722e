#include "app/front_door.h"

#include <algorithm>
#include <set>

#include "app/records.h"
#include "app/settings.h"
#include "domain/child_journey.h"
#include "domain/codes.h"
#include "store/accounts.h"
#include "store/audit_log.h"
#include "store/event_log.h"
#include "store/read_models.h"

namespace safeguard {
namespace {

// One event as the list change() appends.
Result<std::vector<DomainEvent>> one(Result<DomainEvent> event) {
  if (!event) return event.error();
  return std::vector<DomainEvent>{std::move(event).value()};
}

std::vector<int64_t> people_on(const Contact& c) {
  std::vector<int64_t> out;
  for (const ContactChild& child : c.children) out.push_back(child.person_id);
  out.insert(out.end(), c.adults.begin(), c.adults.end());
  return out;
}

std::string display_name(Accounts& accounts, std::map<std::string, std::string>& cache,
                         const std::string& username) {
  if (username.empty()) return {};
  auto it = cache.find(username);
  if (it != cache.end()) return it->second;
  auto user = accounts.user_by_username(username);
  return cache[username] = user ? user->display_name : username;
}

Error with_prefix(Error e, const std::string& prefix) {
  if (!e.field.empty()) e.field = prefix + e.field;
  return e;
}

// What a page shows for a person whose read model is missing (it never should be).
PersonSummary missing_person(int64_t id) {
  PersonSummary s;
  s.id = id;
  s.full_name = "(person " + std::to_string(id) + " not found)";
  return s;
}

// Monday of the ISO week of a day.
Date week_start(Date d) { return d - (static_cast<int>(d.weekday()) - 1); }

std::string month_key(Date d) { return d.iso().substr(0, 7); }

std::string month_label(Date d) {
  static constexpr const char* kMonths[] = {"January",   "February", "March",    "April",
                                            "May",       "June",     "July",     "August",
                                            "September", "October",  "November", "December"};
  return std::string(kMonths[d.month() - 1]) + " " + std::to_string(d.year());
}

void add_count(std::vector<Dashboard::Count>& counts, const std::string& key, const std::string& label) {
  for (Dashboard::Count& c : counts) {
    if (c.key == key) {
      ++c.count;
      return;
    }
  }
  counts.push_back({key, label, 1});
}

}  // namespace

bool can_work_contacts(const User& user) {
  return !user.disabled && (user.role == Role::kFrontDoorSocialWorker || user.role == Role::kTeamManager);
}

bool can_authorise_decisions(const User& user) { return !user.disabled && user.role == Role::kTeamManager; }

bool can_see_front_door_figures(const User& user) {
  return !user.disabled && (user.role == Role::kFrontDoorSocialWorker || user.role == Role::kTeamManager ||
                            user.role == Role::kPerformanceAnalyst);
}

void FrontDoorService::log_access(const User& user, const std::vector<int64_t>& people,
                                  const std::string& action, const Channel& channel) {
  AuditLog log(db_.sql());
  const Timestamp now = clock_.now();
  for (int64_t person : people) {
    AccessLogEntry entry;
    entry.at = now;
    entry.user_id = user.id;
    entry.username = user.username;
    entry.person_id = person;
    entry.action = action;
    entry.channel = channel.name;
    entry.detail = channel.detail;
    log.record_access(entry);
  }
}

// ---- recording ----

Result<RecordContactOutcome> FrontDoorService::record(const User& user, const RecordContactInput& input,
                                                      const Channel& channel) {
  if (!can_work_contacts(user)) return Error::denied("Only the front door records contacts.");
  const Timestamp now = clock_.now();
  RecordContactOutcome outcome;
  std::string holder = input.holder.empty() ? user.username : input.holder;
  try {
    // Check the contact as a whole first, with stand-ins for the people not yet recorded, so a
    // mistake anywhere is found before anyone is created.
    ContactInput probe = input.contact;
    for (size_t i = 0; i < input.new_children.size(); ++i)
      probe.children.push_back(-1 - static_cast<int64_t>(i));
    for (size_t i = 0; i < input.new_adults.size(); ++i)
      probe.adults.push_back(-1001 - static_cast<int64_t>(i));
    if (auto checked = contact_recorded(probe, holder, now); !checked) return checked.error();
    if (holder != user.username) {
      auto holding = Accounts(db_.sql()).user_by_username(holder);
      if (!holding || !can_work_contacts(*holding)) {
        return Error::invalid("The contact can be held only by a front door worker or a manager", "holder");
      }
    }
    PeopleIndex index(db_.sql());
    for (int64_t id : input.contact.children) {
      if (!index.summary(id))
        return Error::invalid("There is no person with ID " + std::to_string(id), "children");
    }
    for (int64_t id : input.contact.adults) {
      if (!index.summary(id))
        return Error::invalid("There is no person with ID " + std::to_string(id), "adults");
    }
    PeopleService people(db_, clock_);
    for (size_t pass = 0; pass < 2; ++pass) {
      const auto& list = pass == 0 ? input.new_children : input.new_adults;
      auto& matches = pass == 0 ? outcome.child_matches : outcome.adult_matches;
      const std::string prefix = pass == 0 ? "new_children[" : "new_adults[";
      for (size_t i = 0; i < list.size(); ++i) {
        auto found = people.likely_matches(user, list[i]);
        if (!found) return with_prefix(found.error(), prefix + std::to_string(i) + "].");
        if (!input.likely_matches_seen && !found->empty()) matches[i] = std::move(*found);
      }
    }
    if (!outcome.child_matches.empty() || !outcome.adult_matches.empty()) return outcome;
  } catch (const SqlError& e) {
    return Error::storage(e.what());
  }

  Status status = db_.transact([&]() -> Status {
    PeopleService people(db_, clock_);
    ContactInput contact_input = input.contact;
    for (size_t pass = 0; pass < 2; ++pass) {
      const auto& list = pass == 0 ? input.new_children : input.new_adults;
      auto& ids = pass == 0 ? contact_input.children : contact_input.adults;
      const std::string prefix = pass == 0 ? "new_children[" : "new_adults[";
      for (size_t i = 0; i < list.size(); ++i) {
        auto created = people.create(user, list[i], true, channel);
        if (!created) return with_prefix(created.error(), prefix + std::to_string(i) + "].");
        ids.push_back(created->created->person_id);
      }
    }
    auto recorded = contact_recorded(contact_input, holder, now);
    if (!recorded) return recorded.error();
    Contact contact;
    contact.id = db_.next_id("contact");
    if (Status s = append_to_contact(db_.sql(), contact, {*recorded}, user.username, now); !s) return s;
    for (size_t pass = 0; pass < 2; ++pass) {
      for (int64_t id : pass == 0 ? contact_input.children : contact_input.adults) {
        auto person = load_person(db_.sql(), id);
        if (!person) return person.error();
        DomainEvent received =
            contact_received(contact.id, contact.received_at, contact.source, pass == 0 ? "child" : "adult");
        if (Status s = append_to_person(db_.sql(), *person, {received}, user.username, now); !s) return s;
      }
    }
    log_access(user, people_on(contact), "recorded contact " + std::to_string(contact.id), channel);
    outcome.contact_id = contact.id;
    outcome.children = contact_input.children;
    outcome.adults = contact_input.adults;
    outcome.decision_due = decision_due_date(contact.received_at, SettingsService(db_, clock_).calendar());
    return Status::success();
  });
  if (!status) return status.error();
  return outcome;
}

// ---- reading ----

Result<ContactView> FrontDoorService::open(const User& user, int64_t contact_id, const Channel& channel) {
  if (!can_work_contacts(user)) {
    return Error::denied(user.role == Role::kMashPartner
                             ? "MASH partners see only the enquiries sent to their agency."
                             : "Only the front door and managers see contacts.");
  }
  try {
    auto contact = load_contact(db_.sql(), contact_id);
    if (!contact) return contact.error();
    ContactView view;
    view.contact = std::move(*contact);
    const Contact& c = view.contact;
    SettingsService settings(db_, clock_);
    view.settings = settings.front_door();
    const WorkingDayCalendar calendar = settings.calendar();
    const Timestamp now = clock_.now();
    const Date today = london_date(now);
    view.decision_due = decision_due_date(c.received_at, calendar);
    view.deadline = contact_decision_status(c, today, calendar);
    view.time_remaining = time_remaining_text(end_of_london_day(view.decision_due), now, calendar);
    PeopleIndex index(db_.sql());
    ContactIndex contacts(db_.sql());
    std::map<int64_t, std::string> names;
    for (const ContactChild& child : c.children) {
      ChildOnContact on;
      on.person = index.summary(child.person_id).value_or(missing_person(child.person_id));
      on.on_contact = &child;
      on.deadline = child_decision_status(c, child, today, calendar);
      for (ContactChildRow& row : contacts.contacts_of_child(child.person_id)) {
        if (row.contact_id != c.id) on.previous_contacts.push_back(std::move(row));
      }
      on.episodes = index.episodes_of(child.person_id);
      const Date received_on = london_date(c.received_at);
      for (const EpisodeRow& e : on.episodes) {
        if (!e.closed_on && e.contact_id != c.id) on.has_open_episode = true;
        if (e.contact_id == c.id) continue;
        if (e.referral_date >= add_months(received_on, -12) && e.referral_date <= received_on &&
            (!on.re_referral_of || e.referral_date > *on.re_referral_of)) {
          on.re_referral_of = e.referral_date;
        }
      }
      names[child.person_id] = on.person.full_name;
      view.children.push_back(std::move(on));
    }
    for (int64_t adult : c.adults) {
      view.adults.push_back(index.summary(adult).value_or(missing_person(adult)));
      names[adult] = view.adults.back().full_name;
    }
    for (const MashEnquiry& e : c.enquiries) {
      for (const MashRequest& r : e.requests) {
        view.requests.push_back({&e, &r, mash_request_status(r.due_at, r.answered_at, now, calendar)});
      }
    }
    Accounts accounts(db_.sql());
    const auto name_of = [&](int64_t id) {
      auto it = names.find(id);
      return it == names.end() ? "person " + std::to_string(id) : it->second;
    };
    for (const DomainEvent& e :
         to_domain_events(EventLog(db_.sql()).read(stream_name(kContactStreamKind, c.id)))) {
      view.history.push_back({e.recorded_at, display_name(accounts, view.names_of_users, e.actor),
                              describe_contact_event(e, name_of)});
    }
    std::reverse(view.history.begin(), view.history.end());
    display_name(accounts, view.names_of_users, c.holder);
    for (const ContactChild& child : c.children) {
      if (!child.decision) continue;
      display_name(accounts, view.names_of_users, child.decision->decided_by);
      display_name(accounts, view.names_of_users, child.decision->authorised_by);
    }
    for (const MashEnquiry& e : c.enquiries) {
      for (const MashRequest& r : e.requests) display_name(accounts, view.names_of_users, r.answered_by);
    }
    view.can_decide = can_work_contacts(user);
    view.can_authorise = can_authorise_decisions(user);
    Status logged = db_.transact([&]() -> Status {
      log_access(user, people_on(c), "viewed contact " + std::to_string(c.id), channel);
      return Status::success();
    });
    if (!logged) return logged.error();
    return view;
  } catch (const SqlError& e) {
    return Error::storage(e.what());
  } catch (const MalformedEvent& e) {
    return Error::internal("Contact " + std::to_string(contact_id) + " cannot be read: " + e.what());
  }
}

// ---- changes ----

Result<int64_t> FrontDoorService::change(const User& user, int64_t contact_id, int64_t expected_version,
                                         const std::string& action, const Channel& channel,
                                         const MakeEvents& make_events,
                                         const std::function<Status(const Contact&)>& after) {
  int64_t version = 0;
  Status status = db_.transact([&]() -> Status {
    auto contact = load_contact(db_.sql(), contact_id);
    if (!contact) return contact.error();
    if (contact->version != expected_version) {
      return Error::conflict(
          "This contact was changed by someone else since you opened it (it is now at version " +
          std::to_string(contact->version) + ", you opened version " + std::to_string(expected_version) +
          "). Nothing was saved: look at it again.");
    }
    const Timestamp now = clock_.now();
    auto events = make_events(*contact, now);
    if (!events) return events.error();
    if (Status s = append_to_contact(db_.sql(), *contact, *events, user.username, now); !s) return s;
    if (after) {
      if (Status s = after(*contact); !s) return s;
    }
    log_access(user, people_on(*contact), action + " on contact " + std::to_string(contact_id), channel);
    version = contact->version;
    return Status::success();
  });
  if (!status) return status.error();
  return version;
}

Result<int64_t> FrontDoorService::change_urgency(const User& user, int64_t contact_id,
                                                 int64_t expected_version, const std::string& urgency,
                                                 const Channel& channel) {
  if (!can_work_contacts(user)) return Error::denied("Only the front door changes a contact's urgency.");
  return change(user, contact_id, expected_version, "changed urgency", channel,
                [&](const Contact& c, Timestamp now) { return one(urgency_changed(c, urgency, now)); });
}

Result<int64_t> FrontDoorService::change_holder(const User& user, int64_t contact_id,
                                                int64_t expected_version, const std::string& holder,
                                                const Channel& channel) {
  if (!can_work_contacts(user)) return Error::denied("Only the front door changes who holds a contact.");
  return change(user, contact_id, expected_version, "changed holder", channel,
                [&](const Contact& c, Timestamp now) -> Result<std::vector<DomainEvent>> {
                  auto holding = Accounts(db_.sql()).user_by_username(holder);
                  if (!holding || !can_work_contacts(*holding)) {
                    return Error::invalid("Choose a front door worker or a manager to hold the contact",
                                          "holder");
                  }
                  return one(holder_changed(c, holding->username, now));
                });
}

Result<FrontDoorService::OpenedEnquiry> FrontDoorService::open_enquiry(const User& user, int64_t contact_id,
                                                                       int64_t expected_version,
                                                                       const MashEnquiryInput& input,
                                                                       const Channel& channel) {
  if (!can_work_contacts(user)) return Error::denied("Only the front door opens MASH enquiries.");
  OpenedEnquiry opened;
  auto version = change(
      user, contact_id, expected_version, "opened MASH enquiry", channel,
      [&](const Contact& c, Timestamp now) {
        SettingsService settings(db_, clock_);
        const FrontDoorSettings s = settings.front_door();
        const WorkingDayCalendar calendar = settings.calendar();
        std::vector<Timestamp> due(input.agencies.size(), mash_due_at(now, c.urgency, s, calendar));
        return one(mash_enquiry_opened(c, input, due, now));
      },
      [&](const Contact& c) {
        opened.enquiry_id = c.enquiries.back().id;
        opened.requests = c.enquiries.back().requests;
        return Status::success();
      });
  if (!version) return version.error();
  opened.version = *version;
  return opened;
}

Status FrontDoorService::record_decision_on_child(const Contact& contact, int64_t person_id,
                                                  const std::string& actor) {
  const ContactChild* child = contact.child(person_id);
  if (!child || !child->decision || !child->decision->is_final()) return Status::success();
  auto person = load_person(db_.sql(), person_id);
  if (!person) return person.error();
  const auto events = decision_on_record(*person, contact.id, *child->decision, contact.source,
                                         london_date(contact.received_at));
  return append_to_person(db_.sql(), *person, events, actor, clock_.now());
}

Result<int64_t> FrontDoorService::decide(const User& user, int64_t contact_id, int64_t expected_version,
                                         int64_t person_id, const DecisionInput& input,
                                         const Channel& channel) {
  auto version = decide_all(user, contact_id, expected_version, {{person_id, input}}, channel);
  if (!version) {
    Error e = version.error();
    const std::string prefix = "decisions[0].";
    if (e.field.starts_with(prefix)) e.field = e.field.substr(prefix.size());
    return e;
  }
  return version;
}

Result<int64_t> FrontDoorService::decide_all(const User& user, int64_t contact_id, int64_t expected_version,
                                             const std::vector<DecisionFor>& decisions,
                                             const Channel& channel) {
  if (!can_work_contacts(user)) return Error::denied("Only the front door decides what happens next.");
  if (decisions.empty()) return Error::invalid("Give at least one decision", "decisions");
  return change(
      user, contact_id, expected_version, "recorded decision", channel,
      [&](const Contact& c, Timestamp now) -> Result<std::vector<DomainEvent>> {
        const FrontDoorSettings settings = SettingsService(db_, clock_).front_door();
        // Each decision is checked against the contact as the earlier ones leave it.
        Contact working = c;
        std::vector<DomainEvent> events;
        for (size_t i = 0; i < decisions.size(); ++i) {
          const DecisionFor& d = decisions[i];
          auto event =
              decision_recorded(working, d.person_id, d.input,
                                needs_authorisation(settings.authorisation, d.input.outcome, c.source), now);
          if (!event) {
            Error e = event.error();
            if (e.code == ErrorCode::kNotFound) e = Error::invalid(e.message, "child");
            e.field = "decisions[" + std::to_string(i) + "]." + (e.field.empty() ? "outcome" : e.field);
            return e;
          }
          DomainEvent applied = *event;
          applied.version = working.version + 1;
          applied.recorded_at = now;
          applied.actor = user.username;
          apply_contact_event(working, applied);
          events.push_back(std::move(event).value());
        }
        return events;
      },
      [&](const Contact& c) -> Status {
        for (const DecisionFor& d : decisions) {
          if (Status s = record_decision_on_child(c, d.person_id, user.username); !s) return s;
        }
        return Status::success();
      });
}

Result<int64_t> FrontDoorService::authorise(const User& user, int64_t contact_id, int64_t expected_version,
                                            int64_t person_id, const std::string& note,
                                            const Channel& channel) {
  if (!can_authorise_decisions(user)) return Error::denied("Only a team manager authorises decisions.");
  return change(
      user, contact_id, expected_version, "authorised decision", channel,
      [&](const Contact& c, Timestamp now) -> Result<std::vector<DomainEvent>> {
        const ContactChild* child = c.child(person_id);
        if (child && child->decision && child->decision->decided_by == user.username) {
          return Error::denied("You made this decision: another manager must authorise it.");
        }
        return one(decision_authorised(c, person_id, note, now));
      },
      [&](const Contact& c) { return record_decision_on_child(c, person_id, user.username); });
}

Result<int64_t> FrontDoorService::return_decision(const User& user, int64_t contact_id,
                                                  int64_t expected_version, int64_t person_id,
                                                  const std::string& note, const Channel& channel) {
  if (!can_authorise_decisions(user)) return Error::denied("Only a team manager returns decisions.");
  return change(
      user, contact_id, expected_version, "returned decision", channel,
      [&](const Contact& c, Timestamp now) { return one(decision_returned(c, person_id, note, now)); });
}

// ---- lists ----

Result<std::vector<QueueItem>> FrontDoorService::queue(const User& user, const QueueFilter& filter) {
  if (!can_work_contacts(user)) return Error::denied("Only the front door and managers see the queue.");
  try {
    ContactIndex contacts(db_.sql());
    PeopleIndex people(db_.sql());
    Accounts accounts(db_.sql());
    const WorkingDayCalendar calendar = SettingsService(db_, clock_).calendar();
    const Timestamp now = clock_.now();
    const Date today = london_date(now);
    std::vector<QueueItem> items;
    std::vector<int64_t> ids;
    for (ContactRow& row : contacts.open_contacts(filter)) {
      ids.push_back(row.contact_id);
      QueueItem item;
      item.contact = std::move(row);
      items.push_back(std::move(item));
    }
    std::map<int64_t, std::vector<int64_t>> children;
    std::vector<int64_t> all_children;
    for (const ContactChildRow& k : contacts.children_of(ids)) {
      children[k.contact_id].push_back(k.person_id);
      all_children.push_back(k.person_id);
    }
    std::map<int64_t, PersonSummary> summaries;
    for (PersonSummary& s : people.summaries(all_children)) summaries.emplace(s.id, std::move(s));
    std::map<std::string, std::string> names;
    for (QueueItem& item : items) {
      for (int64_t id : children[item.contact.contact_id]) {
        if (auto it = summaries.find(id); it != summaries.end()) item.children.push_back(it->second);
      }
      item.holder_name = display_name(accounts, names, item.contact.holder);
      item.decision_due = decision_due_date(item.contact.received_at, calendar);
      item.deadline = deadline_status(item.decision_due, std::nullopt, true, today, calendar);
      item.time_remaining = time_remaining_text(end_of_london_day(item.decision_due), now, calendar);
    }
    // Soonest due first; on the same day, red before amber before green.
    const auto rank = [](const std::string& urgency) {
      return urgency == "red" ? 0 : urgency == "amber" ? 1 : 2;
    };
    std::stable_sort(items.begin(), items.end(), [&](const QueueItem& a, const QueueItem& b) {
      if (a.decision_due != b.decision_due) return a.decision_due < b.decision_due;
      return rank(a.contact.urgency) < rank(b.contact.urgency);
    });
    return items;
  } catch (const SqlError& e) {
    return Error::storage(e.what());
  }
}

Result<std::vector<User>> FrontDoorService::holders(const User& user) {
  if (!can_work_contacts(user))
    return Error::denied("Only the front door and managers see who holds contacts.");
  try {
    std::vector<User> out;
    for (User& u : Accounts(db_.sql()).users()) {
      if (can_work_contacts(u)) out.push_back(std::move(u));
    }
    std::sort(out.begin(), out.end(),
              [](const User& a, const User& b) { return a.display_name < b.display_name; });
    return out;
  } catch (const SqlError& e) {
    return Error::storage(e.what());
  }
}

Result<std::vector<AuthorisationItem>> FrontDoorService::awaiting_authorisation(const User& user) {
  if (!can_work_contacts(user))
    return Error::denied("Only the front door and managers see decisions awaiting authorisation.");
  try {
    ContactIndex contacts(db_.sql());
    PeopleIndex people(db_.sql());
    Accounts accounts(db_.sql());
    std::map<std::string, std::string> names;
    std::vector<AuthorisationItem> items;
    for (ContactChildRow& row : contacts.awaiting_authorisation()) {
      AuthorisationItem item;
      item.child = people.summary(row.person_id).value_or(missing_person(row.person_id));
      item.decided_by_name = display_name(accounts, names, row.decided_by);
      item.decision = std::move(row);
      items.push_back(std::move(item));
    }
    return items;
  } catch (const SqlError& e) {
    return Error::storage(e.what());
  }
}

// ---- MASH partners ----

Result<std::vector<PartnerRequestItem>> FrontDoorService::partner_inbox(const User& user,
                                                                        bool include_answered) {
  if (user.disabled || user.role != Role::kMashPartner || user.agency.empty()) {
    return Error::denied("Only MASH partner agencies have an enquiry inbox.");
  }
  try {
    const WorkingDayCalendar calendar = SettingsService(db_, clock_).calendar();
    const Timestamp now = clock_.now();
    std::vector<PartnerRequestItem> items;
    for (MashRequestRow& row : ContactIndex(db_.sql()).requests_for_agency(user.agency, include_answered)) {
      PartnerRequestItem item;
      item.status = mash_request_status(row.due_at, row.answered_at, now, calendar);
      item.time_remaining = row.answered_at ? std::string() : time_remaining_text(row.due_at, now, calendar);
      item.request = std::move(row);
      items.push_back(std::move(item));
    }
    return items;
  } catch (const SqlError& e) {
    return Error::storage(e.what());
  }
}

Result<PartnerEnquiryView> FrontDoorService::partner_enquiry(const User& user, int64_t contact_id,
                                                             int64_t enquiry_id, const Channel& channel) {
  if (user.disabled || user.role != Role::kMashPartner || user.agency.empty()) {
    return Error::denied("Only MASH partner agencies answer enquiries.");
  }
  // An enquiry not sent to this agency is reported exactly like one that does not exist.
  const Error not_yours = Error::not_found("There is no MASH enquiry " + std::to_string(contact_id) + "/" +
                                           std::to_string(enquiry_id) + " for your agency.");
  try {
    auto contact = load_contact(db_.sql(), contact_id);
    if (!contact)
      return contact.error().code == ErrorCode::kNotFound ? Result<PartnerEnquiryView>(not_yours)
                                                          : contact.error();
    const MashEnquiry* enquiry = nullptr;
    for (const MashEnquiry& e : contact->enquiries) {
      if (e.id == enquiry_id) enquiry = &e;
    }
    if (!enquiry) return not_yours;
    const auto request = std::find_if(enquiry->requests.begin(), enquiry->requests.end(),
                                      [&](const MashRequest& r) { return r.agency == user.agency; });
    if (request == enquiry->requests.end()) return not_yours;
    PartnerEnquiryView view;
    view.contact_id = contact_id;
    view.enquiry = *enquiry;
    view.enquiry.requests = {*request};
    view.request = *request;
    view.urgency = contact->urgency;
    view.status = mash_request_status(request->due_at, request->answered_at, clock_.now(),
                                      SettingsService(db_, clock_).calendar());
    const auto shares = [&](const char* field) {
      return std::find(enquiry->shared_fields.begin(), enquiry->shared_fields.end(), field) !=
             enquiry->shared_fields.end();
    };
    if (shares("concerns")) view.concerns = contact->concerns;
    PeopleIndex people(db_.sql());
    for (int64_t id : enquiry->shared_children) {
      auto summary = people.summary(id);
      if (!summary) continue;
      PartnerEnquiryView::SharedChild child;
      child.person_id = id;
      if (shares("name")) child.name = summary->full_name;
      if (shares("date_of_birth"))
        child.date_of_birth =
            summary->date_of_birth ? summary->date_of_birth : summary->expected_date_of_birth;
      if (shares("address")) child.address = summary->address;
      view.children.push_back(std::move(child));
    }
    Status logged = db_.transact([&]() -> Status {
      log_access(user, enquiry->shared_children,
                 "viewed MASH enquiry " + std::to_string(contact_id) + "/" + std::to_string(enquiry_id) +
                     " for " + user.agency,
                 channel);
      return Status::success();
    });
    if (!logged) return logged.error();
    return view;
  } catch (const SqlError& e) {
    return Error::storage(e.what());
  }
}

Status FrontDoorService::answer_enquiry(const User& user, int64_t contact_id, int64_t enquiry_id,
                                        const std::string& answer, const Channel& channel) {
  // Checks the enquiry is this agency's, exactly as reading it does (and logs nothing twice).
  if (user.disabled || user.role != Role::kMashPartner || user.agency.empty()) {
    return Error::denied("Only MASH partner agencies answer enquiries.");
  }
  return db_.transact([&]() -> Status {
    auto contact = load_contact(db_.sql(), contact_id);
    if (!contact) {
      return Error::not_found("There is no MASH enquiry " + std::to_string(contact_id) + "/" +
                              std::to_string(enquiry_id) + " for your agency.");
    }
    const Timestamp now = clock_.now();
    auto event = mash_agency_answered(*contact, enquiry_id, user.agency, answer, now);
    if (!event) {
      if (event.error().code == ErrorCode::kDenied || event.error().code == ErrorCode::kNotFound) {
        return Error::not_found("There is no MASH enquiry " + std::to_string(contact_id) + "/" +
                                std::to_string(enquiry_id) + " for your agency.");
      }
      return event.error();
    }
    if (Status s = append_to_contact(db_.sql(), *contact, {*event}, user.username, now); !s) return s;
    std::vector<int64_t> shared;
    for (const MashEnquiry& e : contact->enquiries) {
      if (e.id == enquiry_id) shared = e.shared_children;
    }
    log_access(user, shared,
               "answered MASH enquiry " + std::to_string(contact_id) + "/" + std::to_string(enquiry_id) +
                   " for " + user.agency,
               channel);
    return Status::success();
  });
}

// ---- the dashboard ----

Result<Dashboard> FrontDoorService::dashboard(const User& user, Date from, Date to) {
  if (!can_see_front_door_figures(user))
    return Error::denied("Your role does not include the front door's figures.");
  if (to < from) return Error::invalid("The end of the period must be on or after its start", "to");
  if (to - from > 3 * 366) return Error::invalid("Choose a period of at most three years", "from");
  try {
    Dashboard d;
    d.from = from;
    d.to = to;
    ContactIndex contacts(db_.sql());
    PeopleIndex people(db_.sql());
    const WorkingDayCalendar calendar = SettingsService(db_, clock_).calendar();
    const Timestamp now = clock_.now();
    const Date last_days_from = std::max(from, to - 30);
    for (const ContactRow& c : contacts.received_between(from, to)) {
      ++d.contacts;
      const Date day = london_date(c.received_at);
      add_count(d.contacts_by_month, month_key(day), month_label(day));
      add_count(d.contacts_by_week, week_start(day).iso(), "Week of " + long_date_text(week_start(day)));
      if (day >= last_days_from) add_count(d.contacts_by_day, day.iso(), long_date_text(day));
      const auto source = code_label(CodeList::kReferralSource, c.source);
      add_count(d.contacts_by_source, c.source, source ? std::string(*source) : c.source);
    }
    std::sort(d.contacts_by_source.begin(), d.contacts_by_source.end(),
              [](const auto& a, const auto& b) { return a.count > b.count; });
    for (const ContactChildRow& k : contacts.children_received_between(from, to)) {
      ++d.children_on_contacts;
      if (k.decision_status != kDecided) continue;
      ++d.children_decided;
      const Timestamp final_at = k.authorised_at.value_or(k.decided_at.value_or(k.received_at));
      if (london_date(final_at) <= decision_due_date(k.received_at, calendar))
        ++d.decided_within_one_working_day;
      const auto label = code_label(CodeList::kFrontDoorOutcome, k.outcome);
      add_count(d.outcomes, k.outcome, label ? std::string(*label) : k.outcome);
      if (opens_episode(k.outcome)) ++d.referrals;
    }
    const auto referrals = people.referrals_between(from, to);
    std::vector<int64_t> referred;
    for (const EpisodeRow& r : referrals) referred.push_back(r.person_id);
    const auto dates = people.referral_dates_of(referred);
    for (const EpisodeRow& r : referrals) {
      ++d.cin_referrals;
      const auto it = dates.find(r.person_id);
      if (it == dates.end()) continue;
      const bool again = std::any_of(it->second.begin(), it->second.end(), [&](Date earlier) {
        return earlier < r.referral_date && earlier >= add_months(r.referral_date, -12);
      });
      if (again) ++d.re_referrals;
    }
    for (const Code& agency : codes(CodeList::kAgency))
      d.mash.push_back({std::string(agency.code), std::string(agency.label)});
    for (const MashRequestRow& m : contacts.requests_opened_between(from, to)) {
      for (Dashboard::Agency& a : d.mash) {
        if (a.agency != m.agency) continue;
        ++a.asked;
        if (m.answered_at) {
          (*m.answered_at <= m.due_at ? a.answered_on_time : a.answered_late)++;
        } else {
          (now <= m.due_at ? a.waiting : a.overdue)++;
        }
      }
    }
    std::erase_if(d.mash, [](const Dashboard::Agency& a) { return a.asked == 0; });
    return d;
  } catch (const SqlError& e) {
    return Error::storage(e.what());
  }
}

}  // namespace safeguard
