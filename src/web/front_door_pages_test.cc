// The front door's pages end to end, without a network: recording a contact through the one-page
// form (search, add, new children, likely matches, errors by field), the queue and its deadlines,
// decisions and their authorisation, the contact's history, MASH enquiries and partner isolation by
// page, the dashboard, CSRF and escaping.
#include <gtest/gtest.h>

#include "app/auth.h"
#include "app/people.h"
#include "store/contact_read_model.h"
#include "store/people_read_model.h"
#include "support/browser.h"
#include "support/fixtures.h"
#include "support/test_databases.h"
#include "web/page_context.h"
#include "web/site.h"

namespace safeguard::web {
namespace {

bool contains(const std::string& haystack, const std::string& needle) {
  return haystack.find(needle) != std::string::npos;
}

class FrontDoorPagesTest : public ::testing::Test {
 protected:
  FrontDoorPagesTest()
      : test_db_("sqlite"),
        db_(test_db_.open()),
        clock_(testing::test_now()),  // Monday 23 November 2026, 10:00 in London
        pool_(test_db_.location()) {
    SiteOptions options;
    options.assets_dir = std::string(SAFEGUARD_SOURCE_DIR) + "/node_modules/govuk-frontend/dist/govuk";
    options.secure_cookies = false;
    site_ = std::make_unique<Site>(pool_, clock_, options);
    AuthService auth(*db_, clock_);
    struct Staff {
      const char* username;
      const char* role;
      const char* team;
      const char* agency;
    };
    for (const Staff& s : {Staff{"frontdoor", "front_door_social_worker", "Front door", ""},
                           Staff{"manager", "team_manager", "Front door", ""},
                           Staff{"manager2", "team_manager", "Front door", ""},
                           Staff{"police", "mash_partner", "MASH", "police"},
                           Staff{"health", "mash_partner", "MASH", "health"},
                           Staff{"analyst", "performance_analyst", "Performance", ""}}) {
      auto added = auth.add_user("test", s.username, std::string("Test ") + s.username, s.role, s.team,
                                 s.agency, kBrowserTestPassword);
      EXPECT_TRUE(added.ok()) << added.error().message;
      if (added) users_[s.username] = *added;
    }
  }

  int64_t existing_child(const std::string& forename, const std::string& surname, const std::string& born) {
    PeopleService people(*db_, clock_);
    return testing::create_person(people, users_["frontdoor"], testing::new_person(forename, surname, born));
  }

  // What a worker types on the record-a-contact form, with the page's hidden fields (the CSRF token
  // and the people added so far) as a browser sends them.
  static FormData typed(const std::string& page) {
    FormData f = Browser::hidden_fields(page);
    f.set("referrer-name", "Ms Head");
    f.set("referrer-relationship", "Head teacher, Park Primary");
    f.set("referrer-phone", "01603 000000");
    f.set("source", "2A");
    f.set("received-day", "23");
    f.set("received-month", "11");
    f.set("received-year", "2026");
    f.set("received-time", "09:15");
    f.set("urgency", "amber");
    f.set("concerns", "Ellie came to school with bruises and said she was scared to go home.");
    f.set("consent", "not_sought");
    f.set("lawful_basis", "safeguarding");
    return f;
  }

  // Sends the form with one of its buttons pressed.
  static Response press(Browser& b, const std::string& page, const std::string& name,
                        const std::string& value, const std::function<void(FormData&)>& change = {}) {
    FormData f = typed(page);
    if (change) change(f);
    f.set(name, value);
    return b.post("/contacts/new", f);
  }

  // Records a contact about existing children through the form; returns its id.
  int64_t record_contact(Browser& b, const std::vector<int64_t>& children, const std::string& source = "2A",
                         const std::string& concerns = "") {
    Response page = b.get("/contacts/new");
    for (int64_t id : children) {
      page = press(b, page.body, "add_child", std::to_string(id));
      EXPECT_EQ(page.status, 200) << page.body;
    }
    const Response r = press(b, page.body, "action", "save", [&](FormData& f) {
      f.set("source", source);
      if (!concerns.empty()) f.set("concerns", concerns);
    });
    EXPECT_EQ(r.status, 303) << r.body;
    const std::string location = header(r, "Location");
    return std::stoll(location.substr(10, location.find('?') - 10));
  }

  // Sends a form of the contact page (its CSRF token and version) with these fields.
  Response post_on_contact(Browser& b, int64_t id, const std::string& path, const FormData& fields) {
    const Response page = b.get("/contacts/" + std::to_string(id));
    FormData f = fields;
    f.set("csrf_token", Browser::hidden_value(page.body, "csrf_token"));
    if (!f.has("version")) f.set("version", Browser::hidden_value(page.body, "version"));
    return b.post("/contacts/" + std::to_string(id) + path, f);
  }

  int64_t contacts_count() { return ContactIndex(db_->sql()).count(); }
  int64_t people_count() { return PeopleIndex(db_->sql()).count(); }

  testing::TestDatabase test_db_;
  std::unique_ptr<Database> db_;
  FixedClock clock_;
  DatabasePool pool_;
  std::unique_ptr<Site> site_;
  std::map<std::string, User> users_;
};

TEST_F(FrontDoorPagesTest, RecordsAContactForAnExistingAndANewChildThroughTheForm) {
  const int64_t ellie = existing_child("Ellie", "Fielding", "2016-06-30");
  Browser b(*site_);
  b.sign_in("frontdoor");
  Response r = b.get("/contacts/new");
  ASSERT_EQ(r.status, 200);
  EXPECT_TRUE(contains(r.body, "data-draft-key=\"/contacts/new\""));
  // Received defaults to now, in London.
  EXPECT_TRUE(contains(r.body, "name=\"received-time\" type=\"text\" value=\"10:00\""));
  EXPECT_TRUE(contains(r.body, "name=\"received-day\" type=\"text\" inputmode=\"numeric\" value=\"23\""));

  // Search first: the search keeps everything typed and offers to add the child.
  r = press(b, r.body, "action", "search", [](FormData& f) { f.set("find", "elie feilding"); });
  ASSERT_EQ(r.status, 200);
  EXPECT_TRUE(contains(r.body, "data-testid=\"find-results\""));
  EXPECT_TRUE(contains(r.body, "name=\"add_child\" value=\"" + std::to_string(ellie) + "\""));
  EXPECT_TRUE(contains(r.body, "value=\"Ms Head\""));
  r = press(b, r.body, "add_child", std::to_string(ellie),
            [](FormData& f) { f.set("find", "elie feilding"); });
  ASSERT_EQ(r.status, 200);
  EXPECT_TRUE(
      contains(r.body, "<input type=\"hidden\" name=\"child\" value=\"" + std::to_string(ellie) + "\">"));
  EXPECT_TRUE(contains(r.body, "Added as a child"));

  // An unborn sibling, not yet known, added as a new child; a new adult without a date of birth is
  // refused with the error on the field.
  r = press(b, r.body, "action", "add_new_child", [&](FormData& f) {
    f.set("new-surname", "Fielding");
    const Date due = clock_.today() + 60;
    f.set("new-edd-day", std::to_string(due.day()));
    f.set("new-edd-month", std::to_string(due.month()));
    f.set("new-edd-year", std::to_string(due.year()));
  });
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_TRUE(contains(r.body, "name=\"new_child\""));
  EXPECT_FALSE(
      contains(r.body, "name=\"new-surname\" type=\"text\" value=\"Fielding\""));  // cleared once added
  r = press(b, r.body, "action", "add_new_adult", [](FormData& f) {
    f.set("new-forename", "Amy");
    f.set("new-surname", "Fielding");
    f.set("new-dob-day", "31");
    f.set("new-dob-month", "2");
    f.set("new-dob-year", "1990");
  });
  EXPECT_EQ(r.status, 422);
  EXPECT_TRUE(contains(r.body, "href=\"#new-dob\""));
  EXPECT_TRUE(contains(r.body, "name=\"new-forename\" type=\"text\" value=\"Amy\""));
  r = press(b, r.body, "action", "add_new_adult", [](FormData& f) {
    f.set("new-forename", "Amy");
    f.set("new-surname", "Fielding");
    f.set("new-dob-day", "2");
    f.set("new-dob-month", "4");
    f.set("new-dob-year", "1990");
    f.set("new-sex", "F");
  });
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_TRUE(contains(r.body, "name=\"new_adult\""));
  EXPECT_EQ(contacts_count(), 0);
  EXPECT_EQ(people_count(), 1);

  r = press(b, r.body, "action", "save");
  ASSERT_EQ(r.status, 303) << r.body;
  EXPECT_EQ(header(r, "Location"), "/contacts/1?done=recorded");
  EXPECT_EQ(contacts_count(), 1);
  EXPECT_EQ(people_count(), 3);
  r = b.get("/contacts/1?done=recorded");
  ASSERT_EQ(r.status, 200);
  EXPECT_TRUE(contains(r.body, "Contact 1 recorded. The decision is due by the end of 24 November 2026."));
  EXPECT_TRUE(contains(r.body, "Ellie Fielding and Fielding (unborn)"));
  EXPECT_TRUE(contains(r.body, "Amy Fielding"));
  EXPECT_TRUE(contains(r.body, "23/11/2026 09:15"));
  EXPECT_TRUE(contains(r.body, "Head teacher, Park Primary"));
}

TEST_F(FrontDoorPagesTest, LikelyMatchesAreOfferedBeforeSavingAndNothingIsWrittenUntilThen) {
  const int64_t katherine = existing_child("Katherine", "Smyth", "2012-03-04");
  Browser b(*site_);
  b.sign_in("frontdoor");
  Response r = b.get("/contacts/new");
  const auto add_catherine = [](FormData& f) {
    f.set("new-forename", "Catherine");
    f.set("new-surname", "Smith");
    f.set("new-dob-day", "4");
    f.set("new-dob-month", "3");
    f.set("new-dob-year", "2012");
  };
  r = press(b, r.body, "action", "add_new_child", add_catherine);
  ASSERT_EQ(r.status, 200);
  const std::string with_new_child = r.body;
  r = press(b, r.body, "action", "save");
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_TRUE(contains(r.body, "data-testid=\"likely-matches\""));
  EXPECT_TRUE(contains(r.body, "Katherine Smyth"));
  EXPECT_TRUE(contains(r.body, "The contact is not saved yet"));
  EXPECT_EQ(contacts_count(), 0);
  EXPECT_EQ(people_count(), 1);

  // "Use this record instead": the existing child replaces the new one.
  r = press(b, r.body, "use_child", "0:" + std::to_string(katherine));
  ASSERT_EQ(r.status, 200);
  EXPECT_FALSE(contains(r.body, "name=\"new_child\""));
  EXPECT_TRUE(contains(r.body, "name=\"child\" value=\"" + std::to_string(katherine) + "\""));
  r = press(b, r.body, "action", "save");
  ASSERT_EQ(r.status, 303) << r.body;
  EXPECT_EQ(people_count(), 1);

  // Or "none of these": a new record after all.
  r = press(b, with_new_child, "action", "save_confirmed");
  ASSERT_EQ(r.status, 303) << r.body;
  EXPECT_EQ(people_count(), 2);
  EXPECT_EQ(contacts_count(), 2);
}

TEST_F(FrontDoorPagesTest, BadContactsShowErrorsByFieldKeepWhatWasTypedAndWriteNothing) {
  const int64_t ellie = existing_child("Ellie", "Fielding", "2016-06-30");
  Browser b(*site_);
  b.sign_in("frontdoor");
  Response page = b.get("/contacts/new");
  page = press(b, page.body, "add_child", std::to_string(ellie));
  struct Case {
    const char* what;
    std::function<void(FormData&)> change;
    const char* field;
  };
  const Case cases[] = {
      {"no concerns", [](FormData& f) { f.set("concerns", " "); }, "concerns"},
      {"bad time", [](FormData& f) { f.set("received-time", "25:00"); }, "received-time"},
      {"no time", [](FormData& f) { f.set("received-time", ""); }, "received-time"},
      {"bad date", [](FormData& f) { f.set("received-day", "31"); }, "received"},
      {"future", [](FormData& f) { f.set("received-year", "2027"); }, "received"},
      {"no source", [](FormData& f) { f.set("source", ""); }, "source"},
      {"no urgency", [](FormData& f) { f.remove("urgency"); }, "urgency"},
      {"bad email", [](FormData& f) { f.set("referrer-email", "not an email"); }, "referrer-email"},
      {"no lawful basis", [](FormData& f) { f.set("lawful_basis", ""); }, "lawful_basis"},
      {"no children", [](FormData& f) { f.remove("child"); }, "find"},
      {"typed but not added", [](FormData& f) { f.set("new-surname", "Fielding"); }, "new-surname"},
      // A new child kept in the form whose details do not pass (only a changed page could send it).
      {"bad new child",
       [](FormData& f) { f.add("new_child", "forename=Amy&surname=&born=2020-01-01&expected=&sex=F"); },
       "new_children-0"},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.what);
    const Response r = press(b, page.body, "action", "save", c.change);
    EXPECT_EQ(r.status, 422);
    EXPECT_TRUE(contains(r.body, std::string("href=\"#") + c.field + "\"")) << r.body.substr(0, 4000);
    EXPECT_TRUE(contains(r.body, "value=\"Head teacher, Park Primary\""));
  }
  const Response r = press(b, page.body, "action", "save", [](FormData& f) {
    f.add("new_child", "forename=Amy&surname=&born=2020-01-01&expected=&sex=F");
  });
  EXPECT_TRUE(contains(r.body, "New child 1 (Amy): Enter the surname"));
  EXPECT_TRUE(contains(r.body, "id=\"new_children-0\""));
  EXPECT_EQ(contacts_count(), 0);
  EXPECT_EQ(people_count(), 1);
}

TEST_F(FrontDoorPagesTest, FormsWithoutTheCsrfTokenAreRefused) {
  const int64_t ellie = existing_child("Ellie", "Fielding", "2016-06-30");
  Browser b(*site_);
  b.sign_in("frontdoor");
  Response page = b.get("/contacts/new");
  page = press(b, page.body, "add_child", std::to_string(ellie));
  FormData f = typed(page.body);
  f.remove("csrf_token");
  f.set("csrf_token", "forged");
  f.set("action", "save");
  EXPECT_EQ(b.post("/contacts/new", f).status, 403);
  EXPECT_EQ(contacts_count(), 0);
  const int64_t id = record_contact(b, {ellie});
  FormData decision;
  decision.set("version", "1");
  decision.set("decision-" + std::to_string(ellie) + "-outcome", "nfa");
  decision.set("decision-" + std::to_string(ellie) + "-rationale", "No concerns");
  EXPECT_EQ(
      b.post("/contacts/" + std::to_string(id) + "/children/" + std::to_string(ellie) + "/decision", decision)
          .status,
      403);
}

TEST_F(FrontDoorPagesTest, TheQueueShowsContactsWithTheirDeadlinesAndOverdueOnesStandOut) {
  const int64_t ellie = existing_child("Ellie", "Fielding", "2016-06-30");
  Browser b(*site_);
  b.sign_in("frontdoor");
  record_contact(b, {ellie});
  Response r = b.get("/");
  ASSERT_EQ(r.status, 200);
  EXPECT_TRUE(contains(r.body, "Front door queue"));
  EXPECT_TRUE(contains(r.body, "href=\"/contacts/1\">Contact 1</a>"));
  EXPECT_TRUE(contains(r.body, "Ellie Fielding"));
  EXPECT_TRUE(contains(r.body, "24 November 2026"));
  EXPECT_TRUE(contains(r.body, "Awaiting decision"));
  EXPECT_TRUE(contains(r.body, "govuk-tag--orange\">Amber"));
  EXPECT_TRUE(contains(r.body, "1 contact waiting"));
  EXPECT_FALSE(contains(r.body, "sg-overdue"));
  EXPECT_TRUE(contains(b.get("/?urgency=red").body, "No contacts waiting"));
  EXPECT_TRUE(contains(b.get("/?holder=manager").body, "No contacts waiting"));
  EXPECT_TRUE(contains(b.get("/front-door?holder=frontdoor").body, "1 contact waiting"));
  r = b.get("/?urgency=purple");
  EXPECT_TRUE(contains(r.body, "href=\"#urgency\">Choose red, amber or green"));
  // Two days on, the decision is overdue.
  clock_.advance_seconds(2 * 86400);
  b.sign_in("frontdoor");
  r = b.get("/");
  EXPECT_TRUE(contains(r.body, "sg-overdue"));
  EXPECT_TRUE(contains(r.body, "govuk-tag--red\">Overdue"));
  EXPECT_TRUE(contains(r.body, "1 contact waiting, 1 overdue"));
  // Other roles have no queue.
  Browser police(*site_);
  police.sign_in("police");
  EXPECT_EQ(police.get("/front-door").status, 403);
  EXPECT_EQ(police.get("/contacts/new").status, 403);
}

TEST_F(FrontDoorPagesTest, ADecisionNeedingAManagerWaitsAndIsAuthorisedByAnotherManager) {
  const int64_t ellie = existing_child("Ellie", "Fielding", "2016-06-30");
  Browser front(*site_);
  front.sign_in("frontdoor");
  const int64_t id = record_contact(front, {ellie}, "6");  // from the police: a professional
  const std::string prefix = "decision-" + std::to_string(ellie) + "-";
  Response r = front.get("/contacts/1");
  EXPECT_TRUE(contains(r.body, "No further action (needs a manager&#39;s authorisation)"));
  EXPECT_TRUE(
      contains(r.body, "data-draft-key=\"/contacts/1/children/" + std::to_string(ellie) + "/decision\""));
  FormData decision;
  decision.set(prefix + "outcome", "nfa");
  const std::string path = "/children/" + std::to_string(ellie) + "/decision";
  r = post_on_contact(front, id, path, decision);
  EXPECT_EQ(r.status, 422);
  EXPECT_TRUE(contains(r.body, "href=\"#" + prefix + "rationale\""));
  decision.set(prefix + "rationale", "Police have dealt with the incident; no ongoing risk");
  r = post_on_contact(front, id, path, decision);
  ASSERT_EQ(r.status, 303) << r.body;
  r = front.get(header(r, "Location"));
  EXPECT_TRUE(contains(r.body, "Decision recorded. It waits for a manager&#39;s authorisation."));
  EXPECT_TRUE(contains(r.body, "Waiting for a manager"));
  EXPECT_TRUE(contains(r.body, "Awaiting authorisation"));
  // The same form again is stale.
  decision.set("version", "1");
  EXPECT_EQ(post_on_contact(front, id, path, decision).status, 409);

  Browser manager(*site_);
  manager.sign_in("manager");
  r = manager.get("/");
  EXPECT_TRUE(contains(r.body, "Decisions awaiting your authorisation"));
  EXPECT_TRUE(contains(r.body, "href=\"/contacts/1#child-" + std::to_string(ellie) + "\""));
  r = manager.get("/authorisations");
  ASSERT_EQ(r.status, 200);
  EXPECT_TRUE(contains(r.body, "No further action"));
  EXPECT_TRUE(contains(r.body, "Test frontdoor"));
  // Returning needs a note.
  const std::string authorise = "/children/" + std::to_string(ellie) + "/authorise";
  const std::string give_back = "/children/" + std::to_string(ellie) + "/return";
  r = post_on_contact(manager, id, give_back, FormData());
  EXPECT_EQ(r.status, 422);
  EXPECT_TRUE(contains(r.body, "href=\"#return-" + std::to_string(ellie) + "-note\""));
  FormData note;
  note.set("authorise-" + std::to_string(ellie) + "-note", "Agreed: the police have it in hand");
  r = post_on_contact(manager, id, authorise, note);
  ASSERT_EQ(r.status, 303) << r.body;
  r = manager.get(header(r, "Location"));
  EXPECT_TRUE(contains(r.body, "Decision authorised"));
  EXPECT_TRUE(contains(r.body, "Agreed: the police have it in hand"));
  EXPECT_TRUE(contains(r.body, "govuk-tag--green\">Decided"));
  EXPECT_TRUE(contains(manager.get("/authorisations").body, "No decisions are waiting for a manager."));
  // A front door worker cannot authorise.
  EXPECT_EQ(post_on_contact(front, id, authorise, FormData()).status, 403);
}

TEST_F(FrontDoorPagesTest, AManagerCannotAuthoriseTheirOwnDecision) {
  const int64_t ellie = existing_child("Ellie", "Fielding", "2016-06-30");
  Browser manager(*site_);
  manager.sign_in("manager");
  const int64_t id = record_contact(manager, {ellie}, "6");
  FormData decision;
  decision.set("decision-" + std::to_string(ellie) + "-outcome", "strategy_discussion");
  decision.set("decision-" + std::to_string(ellie) + "-primary_need", "N1");
  decision.set("decision-" + std::to_string(ellie) + "-rationale", "Disclosure of physical abuse");
  ASSERT_EQ(post_on_contact(manager, id, "/children/" + std::to_string(ellie) + "/decision", decision).status,
            303);
  Response r = manager.get("/contacts/1");
  EXPECT_TRUE(contains(r.body, "You made this decision: another manager must authorise it."));
  EXPECT_FALSE(contains(r.body, "Authorise decision"));
  EXPECT_EQ(
      post_on_contact(manager, id, "/children/" + std::to_string(ellie) + "/authorise", FormData()).status,
      403);
  Browser other(*site_);
  other.sign_in("manager2");
  EXPECT_TRUE(contains(other.get("/contacts/1").body, "Authorise decision"));
  ASSERT_EQ(
      post_on_contact(other, id, "/children/" + std::to_string(ellie) + "/authorise", FormData()).status,
      303);
}

TEST_F(FrontDoorPagesTest, TheContactShowsEachChildsHistoryAndItsOwnEvents) {
  const int64_t ellie = existing_child("Ellie", "Fielding", "2016-06-30");
  Browser b(*site_);
  b.sign_in("frontdoor");
  const int64_t first = record_contact(b, {ellie});
  FormData decision;
  decision.set("decision-" + std::to_string(ellie) + "-outcome", "referral");
  decision.set("decision-" + std::to_string(ellie) + "-primary_need", "N1");
  decision.set("decision-" + std::to_string(ellie) + "-rationale", "Bruising and fear of going home");
  ASSERT_EQ(post_on_contact(b, first, "/children/" + std::to_string(ellie) + "/decision", decision).status,
            303);
  EXPECT_FALSE(contains(b.get("/contacts/1").body, "Change urgency"));  // decided: nothing to change
  // Urgency and holder change on the contact page.
  const int64_t second = record_contact(b, {ellie}, "1A");
  FormData urgency;
  urgency.set("urgency", "amber");
  Response r = post_on_contact(b, second, "/urgency", urgency);
  EXPECT_EQ(r.status, 422);
  EXPECT_TRUE(contains(r.body, "href=\"#urgency\">The urgency is already amber"));
  urgency.set("urgency", "red");
  EXPECT_EQ(post_on_contact(b, second, "/urgency", urgency).status, 303);
  FormData holder;
  holder.set("holder", "manager");
  r = post_on_contact(b, second, "/holder", holder);
  ASSERT_EQ(r.status, 303);
  r = b.get(header(r, "Location"));
  EXPECT_TRUE(contains(r.body, "The contact has a new holder"));
  EXPECT_TRUE(contains(r.body, "This would be a re-referral: previous referral on 23 November 2026."));
  EXPECT_TRUE(contains(r.body, "Already open to children&#39;s social care"));
  EXPECT_TRUE(contains(r.body, "href=\"/contacts/1\">Contact 1</a>"));
  EXPECT_TRUE(contains(r.body, "Referral to children&#39;s social care for assessment"));
  EXPECT_TRUE(contains(r.body, "No plans recorded."));
  const size_t history = r.body.find("data-testid=\"history\"");
  ASSERT_NE(history, std::string::npos);
  const std::string events = r.body.substr(history);
  EXPECT_TRUE(contains(events, "Now held by manager"));
  EXPECT_TRUE(contains(events, "Urgency changed from Amber to Red"));
  EXPECT_TRUE(
      contains(events, "Contact received from Individual: family member, relative or carer (Ms Head)"));
  // The child's own record shows the contacts and the decision.
  r = b.get("/people/" + std::to_string(ellie));
  EXPECT_TRUE(contains(r.body, "Contact 1 received from Schools"));
  EXPECT_TRUE(contains(r.body, "Contact 2 received from Individual"));
}

TEST_F(FrontDoorPagesTest, MashEnquiriesReachOnlyTheirAgencyAndTheAnswersComeBack) {
  const int64_t ellie = existing_child("Ellie", "Fielding", "2016-06-30");
  Browser front(*site_);
  front.sign_in("frontdoor");
  const int64_t id = record_contact(front, {ellie}, "2A", "She said <b>Dad</b> hits her & the dog");
  Response r = front.get("/contacts/1/mash/new");
  ASSERT_EQ(r.status, 200);
  EXPECT_TRUE(contains(r.body, "data-draft-key=\"/contacts/1/mash/new\""));
  FormData enquiry;
  enquiry.set("csrf_token", Browser::hidden_value(r.body, "csrf_token"));
  enquiry.set("version", Browser::hidden_value(r.body, "version"));
  enquiry.add("agencies", "health");
  enquiry.set("question", "Any A&E attendances for Ellie this year?");
  enquiry.add("children", std::to_string(ellie));
  enquiry.add("fields", "name");
  enquiry.add("fields", "date_of_birth");
  enquiry.set("lawful_basis", "safeguarding");
  FormData no_names = enquiry;
  no_names.remove("fields");
  no_names.add("fields", "date_of_birth");
  r = front.post("/contacts/1/mash/new", no_names);
  EXPECT_EQ(r.status, 422);
  EXPECT_TRUE(contains(r.body, "href=\"#fields\""));
  ASSERT_EQ(front.post("/contacts/1/mash/new", enquiry).status, 303);
  // A second enquiry, to the police, shares the concerns too.
  r = front.get("/contacts/1/mash/new");
  enquiry.set("version", Browser::hidden_value(r.body, "version"));
  enquiry.remove("agencies");
  enquiry.add("agencies", "police");
  enquiry.set("question", "Any call-outs to the family's address?");
  enquiry.add("fields", "concerns");
  r = front.post("/contacts/1/mash/new", enquiry);
  ASSERT_EQ(r.status, 303);
  EXPECT_EQ(header(r, "Location"), "/contacts/1?done=enquiry#mash");

  Browser police(*site_);
  police.sign_in("police");
  r = police.get("/");
  ASSERT_EQ(r.status, 200);
  EXPECT_TRUE(contains(r.body, "href=\"/mash/1/2\">Enquiry 1/2</a>"));
  EXPECT_FALSE(contains(r.body, "/mash/1/1\""));
  EXPECT_TRUE(contains(police.get("/mash").body, "href=\"/mash/1/2\""));
  // The health enquiry, the contact and the child's record are not the police's.
  EXPECT_EQ(police.get("/mash/1/1").status, 404);
  EXPECT_EQ(police.get("/mash/9/1").status, 404);
  EXPECT_EQ(police.get("/contacts/" + std::to_string(id)).status, 403);
  EXPECT_EQ(police.get("/people/" + std::to_string(ellie)).status, 403);
  FormData nosy;
  nosy.set("csrf_token", Browser::hidden_value(r.body, "csrf_token"));
  nosy.set("answer", "Nothing");
  EXPECT_EQ(police.post("/mash/1/1/answer", nosy).status, 404);
  r = police.get("/mash/1/2");
  ASSERT_EQ(r.status, 200);
  EXPECT_TRUE(contains(r.body, "Any call-outs to the family&#39;s address?"));
  EXPECT_TRUE(contains(r.body, "Ellie Fielding"));
  EXPECT_TRUE(contains(r.body, "She said &lt;b&gt;Dad&lt;/b&gt; hits her &amp; the dog"));
  EXPECT_FALSE(contains(r.body, "<b>Dad</b>"));
  EXPECT_FALSE(contains(r.body, "Ms Head"));              // the caller is not shared
  EXPECT_TRUE(contains(r.body, "Not shared"));            // nor the address
  EXPECT_FALSE(contains(r.body, "A&amp;E attendances"));  // nor the other agency's question
  EXPECT_TRUE(contains(r.body, "data-draft-key=\"/mash/1/2/answer\""));
  FormData answer;
  answer.set("csrf_token", Browser::hidden_value(r.body, "csrf_token"));
  r = police.post("/mash/1/2/answer", answer);
  EXPECT_EQ(r.status, 422);
  EXPECT_TRUE(contains(r.body, "href=\"#answer\""));
  answer.set("answer", "Two domestic incidents at the address, in March and August 2026.");
  r = police.post("/mash/1/2/answer", answer);
  ASSERT_EQ(r.status, 303);
  r = police.get(header(r, "Location"));
  EXPECT_TRUE(contains(r.body, "Answer sent"));
  EXPECT_TRUE(contains(r.body, "Answered on time"));
  EXPECT_FALSE(contains(r.body, "What your agency knows, and when"));  // answered once only

  // The front door sees the answer and that it was on time; health has not answered yet.
  r = front.get("/contacts/1");
  const std::string police_answers = r.body.substr(r.body.find("data-testid=\"enquiry-2\""));
  EXPECT_TRUE(contains(police_answers, "Two domestic incidents at the address"));
  EXPECT_TRUE(contains(police_answers, "Answered on time"));
  const std::string health_answers = r.body.substr(r.body.find("data-testid=\"enquiry-1\""));
  EXPECT_TRUE(contains(health_answers, "Not answered yet"));
  // Once overdue, it shows.
  clock_.advance_seconds(3 * 86400);
  front.sign_in("frontdoor");
  r = front.get("/contacts/1");
  EXPECT_TRUE(contains(r.body.substr(r.body.find("data-testid=\"enquiry-1\"")), "govuk-tag--red\">Overdue"));
  Browser health(*site_);
  health.sign_in("health");
  ASSERT_EQ(health.get("/mash/1/1").status, 200);
  r = health.get("/mash");
  EXPECT_TRUE(contains(r.body, "href=\"/mash/1/1\""));
  EXPECT_FALSE(contains(r.body, "href=\"/mash/1/2\""));
}

TEST_F(FrontDoorPagesTest, TheDashboardShowsTheFiguresForAPeriod) {
  const int64_t ellie = existing_child("Ellie", "Fielding", "2016-06-30");
  Browser b(*site_);
  b.sign_in("frontdoor");
  record_contact(b, {ellie});
  FormData decision;
  decision.set("decision-" + std::to_string(ellie) + "-outcome", "referral");
  decision.set("decision-" + std::to_string(ellie) + "-rationale", "Needs an assessment");
  ASSERT_EQ(post_on_contact(b, 1, "/children/" + std::to_string(ellie) + "/decision", decision).status, 303);
  Browser analyst(*site_);
  analyst.sign_in("analyst");
  EXPECT_TRUE(contains(analyst.get("/").body, "href=\"/front-door/dashboard\""));
  Response r = analyst.get("/front-door/dashboard");
  ASSERT_EQ(r.status, 200);
  EXPECT_TRUE(contains(r.body, "24 November 2025 to 23 November 2026"));
  EXPECT_TRUE(contains(r.body, "data-testid=\"figure-contacts\"><p class=\"sg-figure__value\">1</p>"));
  EXPECT_TRUE(contains(r.body, "data-testid=\"figure-timely\"><p class=\"sg-figure__value\">100.0%</p>"));
  EXPECT_TRUE(contains(r.body, "data-testid=\"figure-conversion\"><p class=\"sg-figure__value\">100.0%</p>"));
  EXPECT_TRUE(contains(r.body, "November 2026"));
  EXPECT_TRUE(contains(r.body, "Schools"));
  EXPECT_TRUE(contains(r.body, "sg-bar sg-bar-100"));
  EXPECT_TRUE(contains(r.body, "/api/v1/frontdoor/dashboard?from=2025-11-24&amp;to=2026-11-23"));
  EXPECT_FALSE(contains(r.body, "style="));  // the Content-Security-Policy allows no inline styles
  // The same figures as JSON, for the signed-in analyst.
  EXPECT_TRUE(contains(r.body, "format=json"));
  r = analyst.get("/front-door/dashboard?format=json");
  ASSERT_EQ(r.status, 200);
  EXPECT_EQ(nlohmann::json::parse(r.body)["contacts"], 1);
  EXPECT_EQ(nlohmann::json::parse(r.body)["percent_decided_within_one_working_day"], 100.0);
  r = analyst.get(
      "/front-door/dashboard?from-day=1&from-month=12&from-year=2026&to-day=1&to-month=1&to-year=2026");
  EXPECT_EQ(r.status, 422);
  EXPECT_TRUE(contains(r.body, "href=\"#to\""));
  r = analyst.get("/front-door/dashboard?from-day=31&from-month=2&from-year=2026");
  EXPECT_EQ(r.status, 422);
  EXPECT_TRUE(contains(r.body, "href=\"#from\""));
  Browser police(*site_);
  police.sign_in("police");
  EXPECT_EQ(police.get("/front-door/dashboard").status, 403);
}

TEST_F(FrontDoorPagesTest, TheCallersWordsAreEscapedEverywhere) {
  const int64_t ellie = existing_child("Ellie", "Fielding", "2016-06-30");
  Browser b(*site_);
  b.sign_in("frontdoor");
  Response page = b.get("/contacts/new");
  page = press(b, page.body, "add_child", std::to_string(ellie));
  Response r = press(b, page.body, "action", "save", [](FormData& f) {
    f.set("referrer-name", "<script>alert(1)</script>");
    f.set("referrer-relationship", "O'Brien \"Bobby\"");
    f.set("concerns", "<img src=x onerror=alert(2)>\nSecond line");
  });
  ASSERT_EQ(r.status, 303) << r.body;
  r = b.get("/contacts/1");
  EXPECT_FALSE(contains(r.body, "<script>alert(1)</script>"));
  EXPECT_FALSE(contains(r.body, "<img src=x"));
  EXPECT_TRUE(contains(r.body, "&lt;script&gt;alert(1)&lt;/script&gt;"));
  EXPECT_TRUE(contains(r.body, "O&#39;Brien &quot;Bobby&quot;"));
  EXPECT_TRUE(contains(r.body, "&lt;img src=x onerror=alert(2)&gt;\nSecond line"));
  // And on the form when it comes back with an error.
  r = press(b, page.body, "action", "save", [](FormData& f) {
    f.set("referrer-name", "\"><script>alert(3)</script>");
    f.set("concerns", "");
  });
  EXPECT_EQ(r.status, 422);
  EXPECT_FALSE(contains(r.body, "<script>alert(3)"));
  EXPECT_TRUE(contains(r.body, "value=\"&quot;&gt;&lt;script&gt;alert(3)&lt;/script&gt;\""));
}

TEST_F(FrontDoorPagesTest, TheContactFormIsKeptAsADraft) {
  const int64_t ellie = existing_child("Ellie", "Fielding", "2016-06-30");
  Browser b(*site_);
  b.sign_in("frontdoor");
  Response page = b.get("/contacts/new");
  page = press(b, page.body, "add_child", std::to_string(ellie));
  FormData f = typed(page.body);
  f.set("concerns", "typed before the session ended");
  f.set("action", "save");
  clock_.advance_seconds(31 * 60);  // idle past the timeout
  Response r = b.post("/contacts/new", f);
  ASSERT_EQ(r.status, 303);
  EXPECT_EQ(header(r, "Location"), "/sign-in?expired=1&next=%2Fcontacts%2Fnew");
  EXPECT_EQ(contacts_count(), 0);
  b.sign_in("frontdoor");
  r = b.get("/");
  EXPECT_TRUE(contains(r.body, "Forms you have not finished"));
  EXPECT_TRUE(contains(r.body, "<td class=\"govuk-table__cell\">Record a contact</td>"));
  r = b.get("/contacts/new");
  EXPECT_TRUE(contains(r.body, "We kept what you typed"));
  EXPECT_TRUE(contains(r.body, "typed before the session ended"));
  EXPECT_TRUE(contains(r.body, "name=\"child\" value=\"" + std::to_string(ellie) + "\""));
  EXPECT_TRUE(is_draft_form("/contacts/new"));
  EXPECT_TRUE(is_draft_form("/contacts/12/mash/new"));
  EXPECT_TRUE(is_draft_form("/contacts/12/children/40/decision"));
  EXPECT_TRUE(is_draft_form("/mash/12/1/answer"));
  EXPECT_FALSE(is_draft_form("/contacts/12/urgency"));
  EXPECT_FALSE(is_draft_form("/contacts/x/mash/new"));
  EXPECT_FALSE(is_draft_form("/mash/12/1"));
}

TEST_F(FrontDoorPagesTest, NavigationFitsEachRole) {
  const auto nav = [&](const std::string& username) {
    Browser b(*site_);
    b.sign_in(username);
    const std::string body = b.get("/").body;
    const size_t start = body.find("govuk-service-navigation__list");
    return body.substr(start, body.find("</ul>", start) - start);
  };
  const std::string front = nav("frontdoor");
  EXPECT_TRUE(contains(front, "href=\"/contacts/new\""));
  EXPECT_TRUE(contains(front, "href=\"/front-door/dashboard\""));
  EXPECT_FALSE(contains(front, "href=\"/authorisations\""));
  const std::string manager = nav("manager");
  EXPECT_TRUE(contains(manager, "href=\"/front-door\""));
  EXPECT_TRUE(contains(manager, "href=\"/authorisations\""));
  const std::string police = nav("police");
  EXPECT_TRUE(contains(police, "href=\"/mash\""));
  EXPECT_FALSE(contains(police, "href=\"/contacts/new\""));
  EXPECT_FALSE(contains(police, "href=\"/people\""));
  const std::string analyst = nav("analyst");
  EXPECT_TRUE(contains(analyst, "href=\"/front-door/dashboard\""));
  EXPECT_FALSE(contains(analyst, "href=\"/contacts/new\""));
}

}  // namespace
}  // namespace safeguard::web
