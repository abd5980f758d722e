#include "domain/person.h"

#include <gtest/gtest.h>

namespace safeguard {
namespace {

const Date kToday = *Date::parse_iso("2026-11-23");

Date d(const char* iso) { return *Date::parse_iso(iso); }

PersonDetails child() {
  PersonDetails p;
  p.name = {"Ellie", "May", "Fielding"};
  p.date_of_birth = d("2016-06-30");
  p.sex = "F";
  p.ethnicity = "WBRI";
  p.first_language = "ENG";
  p.disabilities = {"NONE"};
  return p;
}

// Records an event as the store would: version and time stamped.
void record(Person& person, DomainEvent event) {
  event.version = person.version + 1;
  event.recorded_at = Timestamp::from_date_time(kToday, 9, 0, 0);
  event.actor = "tester";
  apply_event(person, event);
}

Person recorded_child() {
  Person p;
  p.id = 42;
  auto e = person_recorded(child(), {{"nhs_number", "9434765919"}}, kToday);
  EXPECT_TRUE(e.ok());
  record(p, *e);
  return p;
}

std::string field_of(const Status& s) { return s.ok() ? "(ok)" : s.error().field; }

TEST(PersonDetails, AValidChildPasses) { EXPECT_TRUE(validate_details(child(), kToday).ok()); }

TEST(PersonDetails, ADateOfBirthMayBeUnknown) {
  // Callers to the front door often do not know an adult's date of birth, or even a child's.
  PersonDetails p = child();
  p.date_of_birth.reset();
  EXPECT_TRUE(validate_details(p, kToday).ok());
}

TEST(PersonDetails, EachBadValueNamesItsField) {
  struct Case {
    const char* what;
    std::function<void(PersonDetails&)> change;
    const char* field;
  };
  const Case cases[] = {
      {"no surname", [](PersonDetails& p) { p.name.surname = "  "; }, "surname"},
      {"no forename", [](PersonDetails& p) { p.name.forename = ""; }, "forename"},
      {"surname too long", [](PersonDetails& p) { p.name.surname = std::string(101, 'a'); }, "surname"},
      {"control character", [](PersonDetails& p) { p.name.middle_names = "a\tb"; }, "middle_names"},
      {"invalid UTF-8", [](PersonDetails& p) { p.name.forename = "\xff"; }, "forename"},
      {"born tomorrow", [](PersonDetails& p) { p.date_of_birth = kToday + 1; }, "date_of_birth"},
      {"born 1899", [](PersonDetails& p) { p.date_of_birth = d("1899-12-31"); }, "date_of_birth"},
      {"both dates", [](PersonDetails& p) { p.expected_date_of_birth = kToday + 30; },
       "expected_date_of_birth"},
      {"sex X", [](PersonDetails& p) { p.sex = "X"; }, "sex"},
      {"ethnicity lower case", [](PersonDetails& p) { p.ethnicity = "wbri"; }, "ethnicity"},
      {"unknown language", [](PersonDetails& p) { p.first_language = "KLINGON"; }, "first_language"},
      {"unknown religion", [](PersonDetails& p) { p.religion = "JEDI"; }, "religion"},
      {"unknown disability", [](PersonDetails& p) { p.disabilities = {"XYZ"}; }, "disabilities"},
      {"NONE with another",
       [](PersonDetails& p) {
         p.disabilities = {"AUT", "NONE"};
       },
       "disabilities"},
  };
  for (const Case& c : cases) {
    PersonDetails p = child();
    c.change(p);
    EXPECT_EQ(field_of(validate_details(p, kToday)), c.field) << c.what;
  }
}

TEST(PersonDetails, UnbornChildrenHaveAnExpectedDateWithinReasonAndSexNotKnown) {
  PersonDetails unborn;
  unborn.name.surname = "Fielding";
  unborn.expected_date_of_birth = kToday + 100;
  EXPECT_TRUE(validate_details(unborn, kToday).ok());  // no forename needed yet
  unborn.sex = "F";
  EXPECT_EQ(field_of(validate_details(unborn, kToday)), "sex");
  unborn.sex = "U";
  unborn.expected_date_of_birth = kToday + 42 * 7 + 1;
  EXPECT_EQ(field_of(validate_details(unborn, kToday)), "expected_date_of_birth");
  unborn.expected_date_of_birth = kToday - 43;
  EXPECT_EQ(field_of(validate_details(unborn, kToday)), "expected_date_of_birth");
}

TEST(PersonDetails, NormalisingTrimsAndUpperCasesCodes) {
  PersonDetails p = child();
  p.name.surname = "  Fielding ";
  p.ethnicity = " wbri";
  p.disabilities = {"aut", "", "AUT", "mob"};
  p = normalise_details(p);
  EXPECT_EQ(p.name.surname, "Fielding");
  EXPECT_EQ(p.ethnicity, "WBRI");
  EXPECT_EQ(p.disabilities, (std::vector<std::string>{"AUT", "MOB"}));
}

TEST(Identifiers, AreValidatedAndNormalised) {
  auto nhs = make_identifier("nhs_number", "943 476 5919", "identifiers[0]");
  ASSERT_TRUE(nhs.ok());
  EXPECT_EQ(nhs->value, "9434765919");
  auto bad_nhs = make_identifier("nhs_number", "9434765918", "identifiers[0]");
  ASSERT_FALSE(bad_nhs.ok());
  EXPECT_EQ(bad_nhs.error().field, "identifiers[0].value");
  auto bad_upn = make_identifier("upn", "Z000000000000", "identifier");
  EXPECT_FALSE(bad_upn.ok());
  auto good_upn = make_identifier("upn", "p207000016049", "identifier");
  ASSERT_TRUE(good_upn.ok()) << good_upn.error().message;
  EXPECT_EQ(good_upn->value, "P207000016049");
  auto bad_type = make_identifier("passport", "123", "identifier");
  ASSERT_FALSE(bad_type.ok());
  EXPECT_EQ(bad_type.error().field, "identifier.type");
  EXPECT_FALSE(make_identifier("council_child_id", "has spaces", "identifier").ok());
}

TEST(Person, FoldsTheRecordingEvent) {
  const Person p = recorded_child();
  EXPECT_EQ(p.version, 1);
  EXPECT_EQ(p.details, child());
  EXPECT_EQ(p.identifier("nhs_number"), "9434765919");
}

TEST(Person, CorrectionsHoldOldAndNewValuesAndNeedAReason) {
  Person p = recorded_child();
  PersonDetails fixed = child();
  fixed.date_of_birth = d("2016-06-29");
  fixed.name.surname = "Fielding-Carter";
  EXPECT_EQ(details_corrected(p, fixed, " ", kToday).error().field, "reason");
  EXPECT_EQ(details_corrected(p, child(), "no change", kToday).error().message.find("Nothing has changed"),
            0u);
  auto e = details_corrected(p, fixed, "Birth certificate seen", kToday);
  ASSERT_TRUE(e.ok());
  EXPECT_EQ(e->reason, "Birth certificate seen");
  EXPECT_EQ(e->data["changes"]["date_of_birth"]["from"], "2016-06-30");
  EXPECT_EQ(e->data["changes"]["date_of_birth"]["to"], "2016-06-29");
  EXPECT_FALSE(e->data["changes"].contains("sex"));
  record(p, *e);
  EXPECT_EQ(p.details, fixed);
  EXPECT_EQ(describe_event(*e, {}),
            "Details corrected: surname from \u201cFielding\u201d to \u201cFielding-Carter\u201d; date of "
            "birth from 30 June 2016 "
            "to 29 June 2016");
}

TEST(Person, ANewAddressEndsTheCurrentOneTheDayBefore) {
  Person p = recorded_child();
  auto first = make_address("1 Mill Lane", "", "Aylsham", "nr11 6ab", d("2020-01-01"), kToday);
  ASSERT_TRUE(first.ok());
  EXPECT_EQ(first->postcode, "NR11 6AB");
  record(p, *address_recorded(p, *first, kToday));
  auto second = make_address("2 Church Road", "", "Cromer", "NR27 9AA", d("2024-05-01"), kToday);
  record(p, *address_recorded(p, *second, kToday));
  ASSERT_EQ(p.addresses.size(), 2u);
  EXPECT_EQ(p.addresses[0].to, d("2024-04-30"));
  EXPECT_EQ(p.current_address()->line1, "2 Church Road");
  // A move cannot start before the current address did.
  auto earlier = make_address("3 Old Road", "", "", "NR27 9AB", d("2023-01-01"), kToday);
  EXPECT_EQ(address_recorded(p, *earlier, kToday).error().field, "address.from");
  EXPECT_EQ(make_address("1 Road", "", "", "NOT A CODE", std::nullopt, kToday).error().field,
            "address.postcode");
  EXPECT_EQ(make_address("", "", "", "NR1 1AA", std::nullopt, kToday).error().field, "address.line1");
  EXPECT_EQ(make_address("1 Road", "", "", "NR1 1AA", kToday + 1, kToday).error().field, "address.from");
}

TEST(Person, ChangesOfNameKeepThePreviousName) {
  Person p = recorded_child();
  auto e = name_changed(p, PersonName{"Ellie", "May", "Carter"}, d("2025-09-01"), kToday);
  ASSERT_TRUE(e.ok());
  record(p, *e);
  EXPECT_EQ(p.details.name.surname, "Carter");
  ASSERT_EQ(p.previous_names.size(), 1u);
  EXPECT_EQ(p.previous_names[0].name.surname, "Fielding");
  EXPECT_EQ(p.previous_names[0].until, d("2025-08-31"));
  EXPECT_FALSE(name_changed(p, p.details.name, d("2025-10-01"), kToday).ok());
}

TEST(Person, UnbornChildrenAreBorn) {
  PersonDetails unborn;
  unborn.name.surname = "Fielding";
  unborn.expected_date_of_birth = kToday + 30;
  Person p;
  p.id = 7;
  record(p, *person_recorded(unborn, {}, kToday));
  EXPECT_TRUE(p.is_unborn());
  EXPECT_EQ(birth_recorded(p, kToday, "M", kToday).error().field, "forename");
  PersonDetails named = unborn;
  named.name.forename = "Baby";
  record(p, *details_corrected(p, named, "Named at birth", kToday));
  auto born = birth_recorded(p, kToday, "M", kToday);
  ASSERT_TRUE(born.ok()) << born.error().message;
  record(p, *born);
  EXPECT_FALSE(p.is_unborn());
  EXPECT_EQ(p.details.sex, "M");
  EXPECT_EQ(p.details.date_of_birth, kToday);
}

TEST(Person, RelationshipsAndIdentifiersCheckWhatTheyCan) {
  Person p = recorded_child();
  EXPECT_EQ(relationship_recorded(p, 42, "parent", std::nullopt, kToday).error().field,
            "relationship.related_person_id");
  EXPECT_EQ(relationship_recorded(p, 9, "aunt", std::nullopt, kToday).error().field, "relationship.type");
  auto r = relationship_recorded(p, 9, "parent", d("2016-06-30"), kToday);
  ASSERT_TRUE(r.ok());
  record(p, *r);
  EXPECT_FALSE(relationship_recorded(p, 9, "parent", std::nullopt, kToday).ok());
  record(p, *relationship_ended(p, 1, d("2025-01-01"), kToday));
  EXPECT_EQ(p.relationships[0].to, d("2025-01-01"));
  // A new NHS number replaces the old one; the same one again is refused.
  EXPECT_FALSE(identifier_recorded(p, Identifier{"nhs_number", "9434765919"}, kToday).ok());
  record(p, *identifier_recorded(p, Identifier{"nhs_number", "9434765870"}, kToday));
  EXPECT_EQ(p.identifier("nhs_number"), "9434765870");
  EXPECT_EQ(p.identifiers.size(), 1u);
}

TEST(Person, MalformedStoredEventsAreRefusedNotGuessed) {
  Person p;
  DomainEvent e;
  e.type = "PersonRecorded";
  e.version = 1;
  e.data = nlohmann::json{{"details", "not an object"}};
  EXPECT_THROW(apply_event(p, e), MalformedEvent);
  e.type = "SomethingNew";
  EXPECT_THROW(apply_event(p, e), MalformedEvent);
}

TEST(Person, DetailsRoundTripThroughJson) {
  const PersonDetails p = child();
  auto back = details_from_json(details_to_json(p));
  ASSERT_TRUE(back.ok());
  EXPECT_EQ(*back, p);
  auto bad = details_from_json(nlohmann::json{{"date_of_birth", "30/06/2016"}});
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.error().field, "date_of_birth");
  EXPECT_EQ(details_from_json(nlohmann::json{{"disabilities", "AUT"}}).error().field, "disabilities");
  EXPECT_EQ(details_from_json(nlohmann::json{{"surname", 5}}).error().field, "surname");
}

}  // namespace
}  // namespace safeguard
