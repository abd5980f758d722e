// Contacts: recording one as the conversation happens (/contacts/new), the contact's page with each
// child's history and decision (/contacts/{id}), and the forms on it: urgency, holder, decisions,
// their authorisation or return, and MASH enquiries (/contacts/{id}/mash/new).
//
// Recording a contact is one form with several buttons, so that it works without JavaScript: the
// worker searches for people and adds them (or types new ones) in the same form, and every button
// sends everything typed so far back to be shown again. The people added travel in hidden fields
// until the contact is saved, and the whole form is kept as a draft as the worker types.
#include <algorithm>
#include <cctype>
#include <cstdio>
#include <map>
#include <set>

#include "app/auth.h"
#include "app/drafts.h"
#include "app/front_door.h"
#include "app/people.h"
#include "app/settings.h"
#include "core/text.h"
#include "web/page_context.h"
#include "web/pages_front_door.h"

namespace safeguard::web::front_door {
namespace {

constexpr const char* kRecordPath = "/contacts/new";

std::string born_text(const PersonSummary& p) {
  if (p.date_of_birth) return "Born " + long_date_text(*p.date_of_birth);
  if (p.expected_date_of_birth) return "Unborn, expected " + long_date_text(*p.expected_date_of_birth);
  return "Date of birth not recorded";
}

std::string name_of(const PersonSummary& p) {
  if (p.full_name.empty()) return "Person " + std::to_string(p.id);
  // An unborn child is often known only by the family's surname.
  if (p.forename.empty() && p.expected_date_of_birth && !p.date_of_birth) return p.full_name + " (unborn)";
  return p.full_name;
}

// "Ellie", "Ellie and Sam", "Ellie, Sam and Amy".
std::string names_list(const std::vector<std::string>& names) {
  std::string out;
  for (size_t i = 0; i < names.size(); ++i) {
    if (i > 0) out += i + 1 == names.size() ? " and " : ", ";
    out += names[i];
  }
  return out;
}

int64_t form_version(const FormData& f) { return parse_id(f.get("version")).value_or(-1); }

// A visually hidden end to a button's or link's text, so each of several "Remove" buttons says
// what it removes.
std::string hidden_words(std::string_view text) {
  return "<span class=\"govuk-visually-hidden\"> " + escape(text) + "</span>";
}

std::string small_button(std::string_view text, std::string_view name, std::string_view value,
                         std::string_view hidden_text, std::string_view formaction,
                         std::string_view classes = "govuk-button--secondary") {
  return "<button type=\"submit\" class=\"govuk-button " + escape(classes) +
         " sg-small-button\" data-module=\"govuk-button\" name=\"" + escape(name) + "\" value=\"" +
         escape(value) + "\" formaction=\"" + escape(formaction) + "\">" + escape(text) +
         hidden_words(hidden_text) + "</button>";
}

// A person's summary by Safeguard ID, through search (which shows summaries and logs no view).
std::optional<PersonSummary> summary_of(PageContext& c, int64_t id) {
  PersonSearch search;
  search.identifier = std::to_string(id);
  auto hits = PeopleService(c.db, c.clock).search(*c.user, search, 10);
  if (!hits) return std::nullopt;
  for (const SearchHit& h : *hits) {
    if (h.person.id == id) return h.person;
  }
  return std::nullopt;
}

// ---- recording a contact ----

// Someone not yet known, to be recorded with the contact.
struct NewPerson {
  std::string forename;
  std::string surname;
  std::optional<Date> date_of_birth;
  std::optional<Date> expected_date_of_birth;
  std::string sex;

  std::string encode() const {
    FormData f;
    f.set("forename", forename);
    f.set("surname", surname);
    f.set("born", date_of_birth ? date_of_birth->iso() : "");
    f.set("expected", expected_date_of_birth ? expected_date_of_birth->iso() : "");
    f.set("sex", sex);
    return f.encode();
  }
  static NewPerson decode(std::string_view text) {
    const FormData f = FormData::parse(text);
    NewPerson p;
    p.forename = f.get("forename");
    p.surname = f.get("surname");
    p.date_of_birth = Date::parse_iso(f.get("born"));
    p.expected_date_of_birth = Date::parse_iso(f.get("expected"));
    p.sex = f.get("sex");
    return p;
  }
  NewPersonInput input() const {
    NewPersonInput in;
    in.details.name.forename = forename;
    in.details.name.surname = surname;
    in.details.date_of_birth = date_of_birth;
    in.details.expected_date_of_birth = expected_date_of_birth;
    in.details.sex = sex.empty() ? "U" : sex;
    in.details.ethnicity = "NOBT";  // asked later, at assessment
    return in;
  }
  std::string name() const {
    const std::string full = std::string(trim(forename + " " + surname));
    return full.empty() ? "Name not given" : full;
  }
  std::string describe() const {
    if (date_of_birth) return name() + ", born " + long_date_text(*date_of_birth);
    if (expected_date_of_birth)
      return name() + ", unborn, expected " + long_date_text(*expected_date_of_birth);
    return name();
  }
};

// Everything the form holds between its buttons.
struct RecordForm {
  FormData values;  // the typed fields
  std::vector<int64_t> children;
  std::vector<int64_t> adults;
  std::vector<NewPerson> new_children;
  std::vector<NewPerson> new_adults;
  bool fresh = false;  // a new, empty form: the cursor starts on the caller's name
};

// More people than a contact may have is refused when it is saved; beyond this many, a form can
// only have been made up, and each person costs a look-up every time the form is shown.
constexpr size_t kMaxPeopleInForm = 2 * kMaxChildrenOnContact;

RecordForm read_record_form(const FormData& f) {
  RecordForm out;
  out.values = f;
  out.values.remove("csrf_token");
  for (const auto& [name, ids] : {std::pair{"child", &out.children}, std::pair{"adult", &out.adults}}) {
    for (const std::string& text : f.all(name)) {
      const auto id = parse_id(text);
      if (id && ids->size() < kMaxPeopleInForm && std::find(ids->begin(), ids->end(), *id) == ids->end())
        ids->push_back(*id);
    }
  }
  for (const auto& [name, list] :
       {std::pair{"new_child", &out.new_children}, std::pair{"new_adult", &out.new_adults}}) {
    for (const std::string& text : f.all(name)) {
      if (list->size() < kMaxPeopleInForm) list->push_back(NewPerson::decode(text));
    }
  }
  return out;
}

struct Found {
  bool searched = false;
  std::vector<SearchHit> hits;
};

const char* kNewPersonFields[] = {"new-forename", "new-surname", "new-dob-day",   "new-dob-month",
                                  "new-dob-year", "new-edd-day", "new-edd-month", "new-edd-year"};

bool new_person_typed(const FormData& v) {
  return std::any_of(std::begin(kNewPersonFields), std::end(kNewPersonFields),
                     [&](const char* name) { return !trim(v.get(name)).empty(); });
}

DateParts date_parts(const FormData& f, std::string_view name) {
  const std::string n(name);
  return {f.get(n + "-day"), f.get(n + "-month"), f.get(n + "-year")};
}

// A use case's field for the contact ("referrer.name", "new_children[0].surname") as the form's.
std::string record_form_field(const std::string& field) {
  if (field == "received_at") return "received";
  if (field.starts_with("referrer.")) return "referrer-" + field.substr(9);
  if (field == "children" || field == "adults") return "find";
  for (const char* list : {"new_children", "new_adults"}) {
    const std::string prefix = std::string(list) + "[";
    if (field.starts_with(prefix)) {
      const size_t close = field.find(']');
      return std::string(list) + "-" + field.substr(prefix.size(), close - prefix.size());
    }
  }
  if (field == "holder" || field.empty()) return "concerns";
  return field;
}

std::string person_row(const std::string& name_html, const std::string& detail,
                       const std::string& button_html, const std::string& id, const std::string& error) {
  std::string out = "<div class=\"govuk-summary-list__row" +
                    std::string(error.empty() ? "" : " sg-row-error") + "\"" +
                    (id.empty() ? "" : " id=\"" + escape(id) + "\"") +
                    "><dt class=\"govuk-summary-list__key\">" + name_html +
                    "</dt><dd "
                    "class=\"govuk-summary-list__value\">" +
                    escape(detail);
  if (!error.empty())
    out += "<p class=\"govuk-error-message\"><span class=\"govuk-visually-hidden\">Error:</span> " +
           escape(error) + "</p>";
  return out + "</dd><dd class=\"govuk-summary-list__actions\">" + button_html + "</dd></div>";
}

std::string people_on_contact(PageContext& c, const RecordForm& f, const std::vector<FieldError>& errors) {
  const std::string back = std::string(kRecordPath) + "#people-on-contact";
  std::string out = "<div id=\"people-on-contact\" data-testid=\"people-on-contact\">";
  for (int pass = 0; pass < 2; ++pass) {
    const bool children = pass == 0;
    const auto& ids = children ? f.children : f.adults;
    const auto& added = children ? f.new_children : f.new_adults;
    out += std::string("<h3 class=\"govuk-heading-s\">") +
           (children ? "Children on this contact" : "Adults involved") + "</h3>";
    if (ids.empty() && added.empty()) {
      out += std::string("<p class=\"govuk-body sg-secondary\">") +
             (children ? "No children added yet. Find them above, or add a child who is not known to us."
                       : "No adults added (optional).") +
             "</p>";
      continue;
    }
    out += "<dl class=\"govuk-summary-list\">";
    for (int64_t id : ids) {
      const auto summary = summary_of(c, id);
      const std::string name = summary ? name_of(*summary) : "Person " + std::to_string(id);
      std::string detail = summary ? born_text(*summary) : "Not found";
      if (summary && !summary->address.empty()) detail += ". " + summary->address;
      out += person_row(
          escape(name), detail,
          small_button("Remove", children ? "remove_child" : "remove_adult", std::to_string(id), name, back),
          "", "");
      out += hidden_field(children ? "child" : "adult", std::to_string(id));
    }
    for (size_t i = 0; i < added.size(); ++i) {
      const std::string id = std::string(children ? "new_children-" : "new_adults-") + std::to_string(i);
      out += person_row(escape(added[i].name()) + " " + tag("New", "purple"),
                        added[i].date_of_birth ? "Born " + long_date_text(*added[i].date_of_birth)
                        : added[i].expected_date_of_birth
                            ? "Unborn, expected " + long_date_text(*added[i].expected_date_of_birth)
                            : "",
                        small_button("Remove", children ? "remove_new_child" : "remove_new_adult",
                                     std::to_string(i), added[i].name(), back),
                        id, error_for(errors, id));
      out += hidden_field(children ? "new_child" : "new_adult", added[i].encode());
    }
    out += "</dl>";
  }
  return out + "</div>";
}

std::string search_results(const RecordForm& f, const Found& found) {
  if (!found.searched) return "<div id=\"find-results\"></div>";
  const std::string back = std::string(kRecordPath) + "#people-on-contact";
  std::string out = "<div id=\"find-results\" data-testid=\"find-results\">";
  if (found.hits.empty()) {
    out +=
        "<p class=\"govuk-body\"><strong>No one found.</strong> Check the spelling or search for less, or "
        "add "
        "them below as someone not known to us.</p>";
    return out + "</div>";
  }
  out += "<table class=\"govuk-table\"><caption class=\"govuk-table__caption govuk-table__caption--s\">" +
         std::to_string(found.hits.size()) + (found.hits.size() == 1 ? " person" : " people") +
         " found</caption><thead class=\"govuk-table__head\"><tr class=\"govuk-table__row\">"
         "<th scope=\"col\" class=\"govuk-table__header\">Name</th><th scope=\"col\" "
         "class=\"govuk-table__header\">Date of birth and address</th><th scope=\"col\" "
         "class=\"govuk-table__header\"><span class=\"govuk-visually-hidden\">Add</span></th></tr></thead>"
         "<tbody class=\"govuk-table__body\">";
  for (const SearchHit& h : found.hits) {
    const PersonSummary& p = h.person;
    const std::string name = name_of(p);
    std::string detail = escape(born_text(p));
    if (!p.address.empty()) detail += "<br>" + escape(p.address);
    if (p.date_of_death) detail += "<br>" + tag("Died", "grey");
    std::string actions;
    const bool is_child = std::find(f.children.begin(), f.children.end(), p.id) != f.children.end();
    const bool is_adult = std::find(f.adults.begin(), f.adults.end(), p.id) != f.adults.end();
    if (is_child) {
      actions = tag("Added as a child", "green");
    } else if (is_adult) {
      actions = tag("Added as an adult", "green");
    } else {
      actions = small_button("Add as a child", "add_child", std::to_string(p.id), name, back) + " " +
                small_button("Add as an adult", "add_adult", std::to_string(p.id), name, back);
    }
    out += "<tr class=\"govuk-table__row\"><td class=\"govuk-table__cell\">" + escape(name) +
           "<br><span class=\"sg-secondary\">Safeguard ID " + std::to_string(p.id) +
           "</span></td><td class=\"govuk-table__cell\">" + detail + "</td><td class=\"govuk-table__cell\">" +
           actions + "</td></tr>";
  }
  return out + "</tbody></table></div>";
}

std::string likely_matches_section(const RecordForm& f, const RecordContactOutcome& matches) {
  std::string out =
      "<div class=\"sg-likely-matches\" id=\"likely-matches\" data-testid=\"likely-matches\"><h3 "
      "class=\"govuk-heading-m\">Check whether they are already known</h3>" +
      warning(
          "Some of the new people may already have a record. Use the existing record if it is the same "
          "person.");
  const std::string back = std::string(kRecordPath) + "#people-on-contact";
  for (int pass = 0; pass < 2; ++pass) {
    const auto& found = pass == 0 ? matches.child_matches : matches.adult_matches;
    const auto& added = pass == 0 ? f.new_children : f.new_adults;
    for (const auto& [index, hits] : found) {
      if (index >= added.size()) continue;
      out +=
          "<h4 class=\"govuk-heading-s\">" +
          escape(std::string(pass == 0 ? "New child: " : "New adult: ") + added[index].describe()) +
          "</h4><table class=\"govuk-table\"><thead class=\"govuk-table__head\"><tr "
          "class=\"govuk-table__row\"><th scope=\"col\" class=\"govuk-table__header\">Known as</th><th "
          "scope=\"col\" class=\"govuk-table__header\">Date of birth and address</th><th scope=\"col\" "
          "class=\"govuk-table__header\">Matched on</th><th scope=\"col\" "
          "class=\"govuk-table__header\"><span "
          "class=\"govuk-visually-hidden\">Use</span></th></tr></thead><tbody class=\"govuk-table__body\">";
      for (const SearchHit& h : hits) {
        std::string reasons;
        for (const std::string& r : h.match.reasons) reasons += (reasons.empty() ? "" : ", ") + r;
        std::string detail = escape(born_text(h.person));
        if (!h.person.address.empty()) detail += "<br>" + escape(h.person.address);
        out +=
            "<tr class=\"govuk-table__row\"><td class=\"govuk-table__cell\"><a class=\"govuk-link\" href=\"" +
            person_href(h.person.id) + "\" target=\"_blank\" rel=\"noopener\">" + escape(name_of(h.person)) +
            " (opens in new tab)</a></td><td class=\"govuk-table__cell\">" + detail +
            "</td><td class=\"govuk-table__cell\">" + escape(reasons) +
            "</td><td class=\"govuk-table__cell\">" +
            small_button("Use this record instead", pass == 0 ? "use_child" : "use_adult",
                         std::to_string(index) + ":" + std::to_string(h.person.id), name_of(h.person), back) +
            "</td></tr>";
      }
      out += "</tbody></table>";
    }
  }
  out +=
      submit_button("None of these: save the contact", "action", "save_confirmed", "govuk-button--warning");
  return out + "</div>";
}

std::string new_person_fields(const FormData& v, const std::vector<FieldError>& errors, bool open) {
  bool has_error = false;
  for (const FieldError& e : errors) has_error |= e.field.starts_with("new-");
  std::string out =
      std::string("<details class=\"govuk-details\" id=\"new-person\"") +
      (open || has_error || new_person_typed(v) ? " open" : "") +
      "><summary class=\"govuk-details__summary\"><span class=\"govuk-details__summary-text\">Add "
      "a child or adult who is not known to us</span></summary><div class=\"govuk-details__text\">";
  InputOptions name;
  name.spellcheck_off = true;
  name.autocomplete = "off";
  name.width_class = "govuk-input--width-20";
  out +=
      text_input("new-forename", "Forename", v.get("new-forename"), error_for(errors, "new-forename"), name);
  name.hint = "For an unborn child not yet named, the family's surname";
  out += text_input("new-surname", "Surname", v.get("new-surname"), error_for(errors, "new-surname"), name);
  out += date_input("new-dob", "Date of birth", date_parts(v, "new-dob"), error_for(errors, "new-dob"),
                    "For example, 27 3 2015. Leave empty for an unborn child.");
  out += date_input("new-edd", "Expected date of birth (unborn children only)", date_parts(v, "new-edd"),
                    error_for(errors, "new-edd"));
  out += radios("new-sex", "Sex", code_choices(CodeList::kSex),
                v.get("new-sex").empty() ? "U" : v.get("new-sex"), error_for(errors, "new-sex"),
                "Not known for an unborn child", true);
  const std::string back = std::string(kRecordPath) + "#people-on-contact";
  out += "<div class=\"govuk-button-group\">" +
         submit_button("Add new child", "action", "add_new_child", "govuk-button--secondary", back) +
         submit_button("Add new adult", "action", "add_new_adult", "govuk-button--secondary", back) +
         "</div>";
  return out + "</div></details>";
}

Response record_contact_page(PageContext& c, const RecordForm& f, const std::vector<FieldError>& errors,
                             const Found& found, const RecordContactOutcome* matches, int status) {
  const FormData& v = f.values;
  Layout l = c.layout("Record a contact", "contact-new");
  l.errors = errors;
  const FrontDoorSettings settings = SettingsService(c.db, c.clock).front_door();
  std::string main = "<div class=\"govuk-grid-row\"><div class=\"govuk-grid-column-two-thirds\">";
  main += "<h1 class=\"govuk-heading-l\">Record a contact</h1>";
  if (matches) {
    main +=
        "<div class=\"govuk-notification-banner\" role=\"region\" aria-labelledby=\"matches-banner-title\" "
        "data-module=\"govuk-notification-banner\"><div class=\"govuk-notification-banner__header\"><h2 "
        "class=\"govuk-notification-banner__title\" id=\"matches-banner-title\">Important</h2></div><div "
        "class=\"govuk-notification-banner__content\"><p class=\"govuk-notification-banner__heading\">The "
        "contact is not saved yet: some of the new people may already be known. <a "
        "class=\"govuk-notification-banner__link\" href=\"#likely-matches\">Check the likely "
        "matches</a>.</p></div></div>";
  }
  main += draft_notice(v);
  main += "<form method=\"post\" action=\"" + std::string(kRecordPath) + "\" novalidate data-draft-key=\"" +
          kRecordPath + "\" id=\"contact-form\">" + csrf_field(c.csrf_token);

  main += "<h2 class=\"govuk-heading-m\">Who is calling</h2>";
  InputOptions caller;
  caller.autocomplete = "off";
  caller.spellcheck_off = true;
  caller.width_class = "govuk-input--width-20";
  caller.hint = "Leave empty for an anonymous caller";
  caller.autofocus = f.fresh;
  main +=
      text_input("referrer-name", "Name", v.get("referrer-name"), error_for(errors, "referrer-name"), caller);
  InputOptions relationship;
  relationship.autocomplete = "off";
  relationship.hint = "For example, grandmother, or Class teacher, Park Primary School";
  main +=
      text_input("referrer-relationship", "Relationship to the child, or agency and role",
                 v.get("referrer-relationship"), error_for(errors, "referrer-relationship"), relationship);
  InputOptions phone;
  phone.type = "tel";
  phone.autocomplete = "off";
  phone.width_class = "govuk-input--width-20";
  main += text_input("referrer-phone", "Phone number (optional)", v.get("referrer-phone"),
                     error_for(errors, "referrer-phone"), phone);
  InputOptions email;
  email.type = "email";
  email.autocomplete = "off";
  email.spellcheck_off = true;
  main += text_input("referrer-email", "Email address (optional)", v.get("referrer-email"),
                     error_for(errors, "referrer-email"), email);
  main += select("source", "Referral source", code_choices(CodeList::kReferralSource), v.get("source"),
                 error_for(errors, "source"), "The Department for Education's referral source codes",
                 "Choose the source");

  main += "<h2 class=\"govuk-heading-m\">When and how urgent</h2>";
  main += date_input("received", "Date received", date_parts(v, "received"), error_for(errors, "received"));
  InputOptions time;
  time.width_class = "govuk-input--width-5";
  time.autocomplete = "off";
  time.hint = "24-hour clock, for example 14:30";
  main += text_input("received-time", "Time received", v.get("received-time"),
                     error_for(errors, "received-time"), time);
  main += radios("urgency", "Urgency", code_choices(CodeList::kUrgency), v.get("urgency"),
                 error_for(errors, "urgency"),
                 "MASH agencies answer within " + std::to_string(settings.mash_red_working_hours) +
                     " working hours for red, " + std::to_string(settings.mash_amber_working_days) +
                     " working day for amber and " + std::to_string(settings.mash_green_working_days) +
                     " working days for green.",
                 true);

  main += "<h2 class=\"govuk-heading-m\" id=\"people\">Children and adults</h2>";
  main +=
      "<p class=\"govuk-body\">Search first: they may already be known. Unborn children can be added.</p>";
  InputOptions find;
  find.autocomplete = "off";
  find.spellcheck_off = true;
  find.width_class = "govuk-input--width-20";
  find.hint = "A name, or a Safeguard ID, UPN or NHS number";
  // The search button is the form's first button, so pressing Enter in any field searches (and
  // shows the form again with everything kept) rather than saving a half-typed contact.
  main += "<div class=\"sg-find\">" +
          text_input("find", "Find a person", v.get("find"), error_for(errors, "find"), find) +
          submit_button("Search", "action", "search", "govuk-button--secondary",
                        std::string(kRecordPath) + "#find-results") +
          "</div>";
  main += search_results(f, found);
  if (matches) main += likely_matches_section(f, *matches);
  main += people_on_contact(c, f, errors);
  main += new_person_fields(v, errors, found.searched && found.hits.empty());

  main += "<h2 class=\"govuk-heading-m\">The worry</h2>";
  main += textarea("concerns", "What the caller is worried about, in their own words", v.get("concerns"),
                   error_for(errors, "concerns"), "", 8);
  const auto factors = v.all("factors");
  const bool factors_open = !factors.empty() || !error_for(errors, "factors").empty();
  main += std::string("<details class=\"govuk-details\"") + (factors_open ? " open" : "") +
          "><summary class=\"govuk-details__summary\"><span class=\"govuk-details__summary-text\">Factors "
          "already apparent (optional)</span></summary><div class=\"govuk-details__text\">" +
          checkboxes("factors", "Factors already apparent", code_choices(CodeList::kAssessmentFactor),
                     {factors.begin(), factors.end()}, error_for(errors, "factors"),
                     "The Department for Education's assessment factors. Select all that apply.") +
          "</div></details>";

  main += "<h2 class=\"govuk-heading-m\">Consent to share information</h2>";
  main += radios("consent", "Did the family consent to information being shared?",
                 code_choices(CodeList::kConsent), v.get("consent"), error_for(errors, "consent"));
  main +=
      select("lawful_basis", "Lawful basis for sharing without consent", code_choices(CodeList::kLawfulBasis),
             v.get("lawful_basis"), error_for(errors, "lawful_basis"),
             "Needed when the family did not consent or was not asked", "Not needed: the family consented");
  main += submit_button("Save contact", "action", "save") + draft_status() + "</form></div></div>";
  return c.page(l, main, status);
}

// "14:30", "9:05", "14.30" or "1430" as hours and minutes.
std::optional<std::pair<int, int>> parse_time(std::string_view text) {
  const std::string t(trim(text));
  std::string hours, minutes;
  const size_t sep = t.find_first_of(":.");
  if (sep != std::string::npos) {
    hours = t.substr(0, sep);
    minutes = t.substr(sep + 1);
  } else if (t.size() == 4) {
    hours = t.substr(0, 2);
    minutes = t.substr(2);
  } else {
    return std::nullopt;
  }
  const auto digits = [](const std::string& s) {
    return !s.empty() && std::all_of(s.begin(), s.end(), [](char ch) { return ch >= '0' && ch <= '9'; });
  };
  if (!digits(hours) || !digits(minutes) || hours.size() > 2 || minutes.size() != 2) return std::nullopt;
  const int h = std::stoi(hours);
  const int m = std::stoi(minutes);
  if (h > 23 || m > 59) return std::nullopt;
  return std::pair{h, m};
}

// What the worker typed as the contact (people excepted), with the errors only the page can find.
ContactInput read_contact(const FormData& v, std::vector<FieldError>& errors) {
  ContactInput in;
  auto received = read_date(v, "received", "The date received");
  if (!received) {
    errors.push_back({"received", received.error().message});
  } else if (!*received) {
    errors.push_back({"received", "Enter the date the contact was received"});
  }
  const auto time = parse_time(v.get("received-time"));
  if (!time) {
    errors.push_back({"received-time", trim(v.get("received-time")).empty()
                                           ? "Enter the time the contact was received"
                                           : "Enter the time received on the 24-hour clock, like 14:30"});
  }
  if (received && *received && time) in.received_at = london_time(**received, time->first, time->second);
  in.source = v.get("source");
  in.referrer.name = v.get("referrer-name");
  in.referrer.relationship = v.get("referrer-relationship");
  in.referrer.phone = v.get("referrer-phone");
  in.referrer.email = v.get("referrer-email");
  in.concerns = v.get("concerns");
  in.factors = v.all("factors");
  in.consent = v.get("consent");
  in.lawful_basis = v.get("lawful_basis");
  in.urgency = v.get("urgency");
  return in;
}

// "2:40" as index 2 and person 40.
std::optional<std::pair<size_t, int64_t>> parse_use(std::string_view text) {
  const size_t colon = text.find(':');
  if (colon == std::string_view::npos) return std::nullopt;
  const std::string index(text.substr(0, colon));
  const auto id = parse_id(text.substr(colon + 1));
  if (!id || index.empty() || index.size() > 3 ||
      !std::all_of(index.begin(), index.end(), [](char ch) { return ch >= '0' && ch <= '9'; })) {
    return std::nullopt;
  }
  return std::pair{static_cast<size_t>(std::stoul(index)), *id};
}

void clear_new_person(FormData& v) {
  for (const char* name : kNewPersonFields) v.remove(name);
  v.remove("new-sex");
}

Response record_contact(PageContext& c) {
  if (!can_work_contacts(*c.user))
    return c.problem(403, "You cannot record contacts", "Only the front door and managers record contacts.");
  Found found;
  const auto run_search = [&](RecordForm& f, std::vector<FieldError>& errors) -> std::optional<Response> {
    const std::string text(trim(f.values.get("find")));
    if (text.empty()) return std::nullopt;
    PersonSearch search;
    const bool has_digit =
        std::any_of(text.begin(), text.end(), [](char ch) { return ch >= '0' && ch <= '9'; });
    (has_digit ? search.identifier : search.name) = text;
    auto hits = PeopleService(c.db, c.clock).search(*c.user, search, 20);
    if (!hits) {
      if (hits.error().code != ErrorCode::kInvalid) return c.error_page(hits.error());
      errors.push_back({"find", hits.error().message});
      return std::nullopt;
    }
    found.searched = true;
    found.hits = std::move(*hits);
    return std::nullopt;
  };

  if (c.request.method == "GET") {
    RecordForm f;
    if (auto draft = c.draft(kRecordPath)) {
      f = read_record_form(*draft);
    } else {
      // Now, in London: most contacts are recorded as the call happens.
      const Timestamp now = c.clock.now();
      const Date today = london_date(now);
      const int minute = london_minute_of_day(now);
      set_date(f.values, "received", today);
      f.fresh = true;
      const auto two_digits = [](int n) { return std::string(n < 10 ? "0" : "") + std::to_string(n); };
      f.values.set("received-time", two_digits(minute / 60) + ":" + two_digits(minute % 60));
    }
    std::vector<FieldError> errors;
    if (auto failed = run_search(f, errors)) return *failed;
    return record_contact_page(c, f, errors, found, nullptr, 200);
  }

  RecordForm f = read_record_form(c.form);
  std::vector<FieldError> errors;
  const std::string& action = c.form.get("action");
  PeopleService people(c.db, c.clock);
  const auto contains = [](const std::vector<int64_t>& ids, int64_t id) {
    return std::find(ids.begin(), ids.end(), id) != ids.end();
  };
  const auto index_of = [](const std::string& text, size_t size) -> std::optional<size_t> {
    if (text.empty() || text.size() > 3 ||
        !std::all_of(text.begin(), text.end(), [](char ch) { return ch >= '0' && ch <= '9'; }))
      return std::nullopt;
    const size_t i = std::stoul(text);
    return i < size ? std::optional<size_t>(i) : std::nullopt;
  };

  if (c.form.has("add_child") || c.form.has("add_adult")) {
    const bool as_child = c.form.has("add_child");
    const auto id = parse_id(c.form.get(as_child ? "add_child" : "add_adult"));
    const auto summary = id ? summary_of(c, *id) : std::nullopt;
    if (!summary) {
      errors.push_back({"find", "There is no person with that Safeguard ID"});
    } else if (contains(as_child ? f.adults : f.children, *id)) {
      errors.push_back({"find", name_of(*summary) + " is already on the contact as " +
                                    (as_child ? "an adult" : "a child") + ": remove them first"});
    } else if (!contains(as_child ? f.children : f.adults, *id)) {
      (as_child ? f.children : f.adults).push_back(*id);
    }
  } else if (c.form.has("remove_child") || c.form.has("remove_adult")) {
    const bool child = c.form.has("remove_child");
    const auto id = parse_id(c.form.get(child ? "remove_child" : "remove_adult"));
    if (id) std::erase(child ? f.children : f.adults, *id);
  } else if (c.form.has("remove_new_child") || c.form.has("remove_new_adult")) {
    const bool child = c.form.has("remove_new_child");
    auto& list = child ? f.new_children : f.new_adults;
    if (auto i = index_of(c.form.get(child ? "remove_new_child" : "remove_new_adult"), list.size()))
      list.erase(list.begin() + static_cast<std::ptrdiff_t>(*i));
  } else if (c.form.has("use_child") || c.form.has("use_adult")) {
    // The worker recognised a likely match: the existing record replaces the new person.
    const bool child = c.form.has("use_child");
    auto& list = child ? f.new_children : f.new_adults;
    auto& ids = child ? f.children : f.adults;
    const auto use = parse_use(c.form.get(child ? "use_child" : "use_adult"));
    if (use && use->first < list.size() && summary_of(c, use->second)) {
      list.erase(list.begin() + static_cast<std::ptrdiff_t>(use->first));
      if (!contains(ids, use->second)) ids.push_back(use->second);
    }
  } else if (action == "add_new_child" || action == "add_new_adult") {
    NewPerson p;
    p.forename = f.values.get("new-forename");
    p.surname = f.values.get("new-surname");
    p.sex = f.values.get("new-sex");
    for (const auto& [name, label, target] :
         {std::tuple{"new-dob", "Date of birth", &p.date_of_birth},
          std::tuple{"new-edd", "Expected date of birth", &p.expected_date_of_birth}}) {
      auto date = read_date(f.values, name, label);
      if (!date) {
        errors.push_back({name, date.error().message});
      } else {
        *target = *date;
      }
    }
    if (errors.empty()) {
      // Checks the details now, as PeopleService would when the contact is saved.
      auto checked = people.likely_matches(*c.user, p.input());
      if (!checked) {
        if (checked.error().code != ErrorCode::kInvalid) return c.error_page(checked.error());
        static const std::map<std::string, std::string> kFields = {{"forename", "new-forename"},
                                                                   {"surname", "new-surname"},
                                                                   {"date_of_birth", "new-dob"},
                                                                   {"expected_date_of_birth", "new-edd"},
                                                                   {"sex", "new-sex"}};
        const auto field = kFields.find(checked.error().field);
        errors.push_back({field == kFields.end() ? "new-surname" : field->second, checked.error().message});
      } else {
        (action == "add_new_child" ? f.new_children : f.new_adults).push_back(p);
        clear_new_person(f.values);
      }
    }
  } else if (action == "save" || action == "save_confirmed") {
    RecordContactInput input;
    input.contact = read_contact(f.values, errors);
    if (new_person_typed(f.values)) {
      errors.push_back(
          {"new-surname",
           "You typed a new person's details but did not add them: choose Add new child or Add new "
           "adult, or clear the details"});
    }
    if (errors.empty()) {
      input.contact.children = f.children;
      input.contact.adults = f.adults;
      for (const NewPerson& p : f.new_children) input.new_children.push_back(p.input());
      for (const NewPerson& p : f.new_adults) input.new_adults.push_back(p.input());
      input.likely_matches_seen = action == "save_confirmed";
      auto outcome = FrontDoorService(c.db, c.clock).record(*c.user, input, c.channel());
      if (!outcome) {
        if (outcome.error().code != ErrorCode::kInvalid) return c.error_page(outcome.error());
        const std::string field = record_form_field(outcome.error().field);
        std::string message = outcome.error().message;
        if (field.starts_with("new_children-") || field.starts_with("new_adults-")) {
          const bool child = field.starts_with("new_children-");
          const size_t i = std::stoul(field.substr(field.find('-') + 1));
          const auto& list = child ? f.new_children : f.new_adults;
          message = std::string(child ? "New child " : "New adult ") + std::to_string(i + 1) +
                    (i < list.size() ? " (" + list[i].name() + ")" : "") + ": " + message;
        }
        errors.push_back({field, message});
      } else if (outcome->contact_id) {
        c.discard_draft(kRecordPath);
        return Response::redirect(contact_href(*outcome->contact_id) + "?done=recorded");
      } else {
        if (auto failed = run_search(f, errors)) return *failed;
        return record_contact_page(c, f, errors, found, &*outcome, 200);
      }
    }
  }
  if (auto failed = run_search(f, errors)) return *failed;
  return record_contact_page(c, f, errors, found, nullptr, errors.empty() ? 200 : 422);
}

// ---- the contact's page ----

// The form on the contact page that errors are shown on, with what was typed into it.
struct FormState {
  std::string form;  // "decision", "authorise", "return", "urgency", "holder"
  int64_t person_id = 0;
  FormData values;
  std::vector<FieldError> errors;
};

std::string decision_action(int64_t contact_id, int64_t person_id) {
  return contact_href(contact_id) + "/children/" + std::to_string(person_id) + "/decision";
}

std::string user_name(const ContactView& view, const std::string& username) {
  const auto it = view.names_of_users.find(username);
  return it == view.names_of_users.end() || it->second.empty() ? username : it->second;
}

std::string done_message(const PageContext& c, const ContactView& view) {
  const std::string& done = c.query.get("done");
  if (done == "recorded") {
    return "Contact " + std::to_string(view.contact.id) + " recorded. The decision is due by the end of " +
           long_date_text(view.decision_due) + ".";
  }
  if (done == "decided") {
    const auto child = parse_id(c.query.get("child"));
    const ContactChild* on = child ? view.contact.child(*child) : nullptr;
    if (on && on->decision && !on->decision->is_final())
      return "Decision recorded. It waits for a manager's authorisation.";
    return "Decision recorded";
  }
  static const std::map<std::string, std::string> kMessages = {
      {"authorised", "Decision authorised"},
      {"returned", "Decision returned to the worker"},
      {"urgency", "Urgency changed"},
      {"holder", "The contact has a new holder"},
      {"enquiry", "MASH enquiry sent"}};
  const auto it = kMessages.find(done);
  return it == kMessages.end() ? std::string() : it->second;
}

std::string contact_summary(const ContactView& view) {
  const Contact& k = view.contact;
  std::string caller = escape(k.referrer.name.empty() ? "Anonymous" : k.referrer.name);
  if (!k.referrer.relationship.empty()) caller += "<br>" + escape(k.referrer.relationship);
  if (!k.referrer.phone.empty()) caller += "<br>" + escape(k.referrer.phone);
  if (!k.referrer.email.empty()) caller += "<br>" + escape(k.referrer.email);
  std::string factors;
  for (const std::string& f : k.factors)
    factors += "<li>" + escape(f + ": " + code_text(CodeList::kAssessmentFactor, f)) + "</li>";
  std::string adults;
  for (const PersonSummary& a : view.adults)
    adults += "<li>" + link(name_of(a), person_href(a.id)) + " " + escape("(" + born_text(a) + ")") + "</li>";
  std::vector<SummaryRow> rows = {
      {"Received", escape(london_date_time_text(k.received_at)), ""},
      {"Referral source", escape(code_text(CodeList::kReferralSource, k.source)), ""},
      {"Caller", caller, ""},
      {"What the caller is worried about",
       "<div class=\"sg-words\" data-testid=\"concerns\">" + escape(k.concerns) + "</div>", ""},
      {"Factors already apparent",
       factors.empty() ? "None recorded" : "<ul class=\"govuk-list\">" + factors + "</ul>", ""},
      {"Consent to share", escape(code_text(CodeList::kConsent, k.consent)), ""},
      {"Lawful basis for sharing", escape(code_text(CodeList::kLawfulBasis, k.lawful_basis, "Not needed")),
       ""},
      {"Urgency", urgency_tag(k.urgency), ""},
      {"Held by", escape(user_name(view, k.holder)), ""},
      {"Adults involved", adults.empty() ? "None recorded" : "<ul class=\"govuk-list\">" + adults + "</ul>",
       ""},
      {"Recorded", escape(london_date_time_text(k.recorded_at) + " by " + user_name(view, k.recorded_by)),
       ""},
  };
  return summary_list(rows);
}

std::string change_forms(PageContext& c, const ContactView& view, const FormState& state,
                         const std::vector<Choice>& holders) {
  const Contact& k = view.contact;
  const std::string version = hidden_field("version", std::to_string(k.version));
  const auto errors_of = [&](const char* form) {
    return state.form == form ? state.errors : std::vector<FieldError>{};
  };
  std::string out = "<div class=\"govuk-grid-row\"><div class=\"govuk-grid-column-one-half\">";
  out += form_open(c, contact_href(k.id) + "/urgency") + version +
         select("urgency", "Change the urgency", code_choices(CodeList::kUrgency),
                state.form == "urgency" ? state.values.get("urgency") : k.urgency,
                error_for(errors_of("urgency"), "urgency")) +
         button("Change urgency", "govuk-button--secondary") + "</form></div>";
  out +=
      "<div class=\"govuk-grid-column-one-half\">" + form_open(c, contact_href(k.id) + "/holder") + version +
      select("holder", "Pass it to", holders, state.form == "holder" ? state.values.get("holder") : k.holder,
             error_for(errors_of("holder"), "holder")) +
      button("Change who holds it", "govuk-button--secondary") + "</form></div></div>";
  return out;
}

// A small table under a child's "History" heading, or a line saying there is nothing.
std::string list_table(std::string_view heading, const std::vector<std::string>& headers,
                       const std::vector<std::vector<std::string>>& rows, std::string_view empty_text) {
  std::string out = "<h4 class=\"govuk-heading-s\">" + escape(heading) + "</h4>";
  if (rows.empty()) return out + "<p class=\"govuk-body\">" + escape(empty_text) + "</p>";
  return out + table("", headers, rows);
}

std::string child_history(const ChildOnContact& child) {
  std::string out;
  if (child.re_referral_of) {
    out += warning("This would be a re-referral: previous referral on " +
                   long_date_text(*child.re_referral_of) + ".");
  }
  if (child.has_open_episode)
    out += inset(escape("Already open to children's social care: a Children in Need episode is open."));
  std::vector<std::vector<std::string>> contacts;
  for (const ContactChildRow& row : child.previous_contacts) {
    std::string decision = row.outcome.empty() ? contact_status_tag(row.decision_status)
                                               : escape(code_text(CodeList::kFrontDoorOutcome, row.outcome));
    if (!row.outcome.empty() && row.decision_status == kAwaitingAuthorisation)
      decision += " " + tag("Awaiting authorisation", "purple");
    contacts.push_back({link("Contact " + std::to_string(row.contact_id), contact_href(row.contact_id)),
                        escape(london_date_time_text(row.received_at)),
                        escape(code_text(CodeList::kReferralSource, row.source)), decision});
  }
  out += "<div data-testid=\"previous-contacts\">" +
         list_table("Previous contacts", {"Contact", "Received", "Source", "Decision"}, contacts,
                    "No previous contacts.") +
         "</div>";
  std::vector<std::vector<std::string>> episodes;
  for (const EpisodeRow& e : child.episodes) {
    std::string closed = tag("Open", "blue");
    if (e.closed_on) {
      closed = escape(long_date_text(*e.closed_on));
      if (!e.closure_reason.empty())
        closed += escape(" (" + code_text(CodeList::kReasonForClosure, e.closure_reason) + ")");
    }
    episodes.push_back({escape(long_date_text(e.referral_date)),
                        escape(code_text(CodeList::kReferralSource, e.referral_source)),
                        escape(code_text(CodeList::kPrimaryNeed, e.primary_need, "Not known")), closed});
  }
  out += "<div data-testid=\"episodes\">" +
         list_table("Children in Need episodes", {"Referral", "Source", "Primary need", "Closed"}, episodes,
                    "No Children in Need episodes.") +
         "</div>";
  out += "<h4 class=\"govuk-heading-s\">Plans</h4><p class=\"govuk-body\">No plans recorded.</p>";
  return out;
}

// Which outcomes wait for a manager on this contact, as the radios' words.
std::vector<Choice> outcome_choices(const ContactView& view) {
  std::vector<Choice> out;
  for (const Code& code : codes(CodeList::kFrontDoorOutcome)) {
    std::string text(code.label);
    if (needs_authorisation(view.settings.authorisation, code.code, view.contact.source))
      text += " (needs a manager's authorisation)";
    out.push_back({std::string(code.code), text});
  }
  return out;
}

std::string decision_form(PageContext& c, const ContactView& view, const ChildOnContact& child,
                          const FormState& state) {
  const int64_t pid = child.person.id;
  const std::string action = decision_action(view.contact.id, pid);
  const std::string prefix = "decision-" + std::to_string(pid) + "-";
  const bool mine = state.form == "decision" && state.person_id == pid;
  FormData values = mine ? state.values : c.draft(action).value_or(FormData());
  const std::vector<FieldError> errors = mine ? state.errors : std::vector<FieldError>{};
  std::string waits;
  for (const Code& code : codes(CodeList::kFrontDoorOutcome)) {
    if (needs_authorisation(view.settings.authorisation, code.code, view.contact.source))
      waits += (waits.empty() ? "" : "; ") + std::string(code.label);
  }
  std::string out = draft_notice(values) + form_open(c, action, action) +
                    hidden_field("version", std::to_string(view.contact.version));
  out += radios(prefix + "outcome", "What happens next for " + name_of(child.person) + "?",
                outcome_choices(view), values.get(prefix + "outcome"), error_for(errors, prefix + "outcome"));
  InputOptions service;
  service.width_class = "govuk-input--width-30";
  service.hint = "For example, Family support, Norwich north";
  out += text_input(prefix + "early_help_service", "Early help service (for early help)",
                    values.get(prefix + "early_help_service"),
                    error_for(errors, prefix + "early_help_service"), service);
  out += select(prefix + "primary_need", "Primary need (for a referral or strategy discussion)",
                code_choices(CodeList::kPrimaryNeed), values.get(prefix + "primary_need"),
                error_for(errors, prefix + "primary_need"), "", "Not known yet");
  out += textarea(prefix + "rationale", "Reason for the decision", values.get(prefix + "rationale"),
                  error_for(errors, prefix + "rationale"), "What you know, what you weighed up, and why", 6);
  out += inset(waits.empty()
                   ? std::string("No decision on this contact needs a manager's authorisation.")
                   : "On this contact (" + escape(code_text(CodeList::kReferralSource, view.contact.source)) +
                         "), these decisions wait for a manager's authorisation: " + escape(waits) +
                         ". Other decisions are final when you record them.");
  out += button("Record decision") + draft_status() + "</form>";
  return out;
}

std::string decision_summary(const ContactView& view, const FrontDoorDecision& d) {
  std::vector<SummaryRow> rows = {
      {"Decision", escape(code_text(CodeList::kFrontDoorOutcome, d.outcome)), ""}};
  if (!d.early_help_service.empty()) rows.push_back({"Early help service", escape(d.early_help_service), ""});
  if (!d.primary_need.empty())
    rows.push_back({"Primary need", escape(code_text(CodeList::kPrimaryNeed, d.primary_need)), ""});
  rows.push_back({"Reason", "<div class=\"sg-words\">" + escape(d.rationale) + "</div>", ""});
  rows.push_back(
      {"Decided", escape(london_date_time_text(d.decided_at) + " by " + user_name(view, d.decided_by)), ""});
  if (d.needs_authorisation) {
    if (d.authorised_at) {
      std::string text =
          escape(london_date_time_text(*d.authorised_at) + " by " + user_name(view, d.authorised_by));
      if (!d.authorisation_note.empty())
        text += "<div class=\"sg-words\">" + escape(d.authorisation_note) + "</div>";
      rows.push_back({"Authorised", text, ""});
    } else {
      rows.push_back({"Authorisation", tag("Waiting for a manager", "purple"), ""});
    }
  }
  return "<div data-testid=\"decision\">" + summary_list(rows) + "</div>";
}

std::string authorisation_forms(PageContext& c, const ContactView& view, const ChildOnContact& child,
                                const FormState& state) {
  const int64_t pid = child.person.id;
  const std::string base = contact_href(view.contact.id) + "/children/" + std::to_string(pid);
  const std::string version = hidden_field("version", std::to_string(view.contact.version));
  const auto values_of = [&](const char* form) {
    return state.form == form && state.person_id == pid ? state.values : FormData();
  };
  const auto errors_of = [&](const char* form) {
    return state.form == form && state.person_id == pid ? state.errors : std::vector<FieldError>{};
  };
  const std::string authorise_note = "authorise-" + std::to_string(pid) + "-note";
  const std::string return_note = "return-" + std::to_string(pid) + "-note";
  std::string out = "<div class=\"govuk-grid-row\"><div class=\"govuk-grid-column-one-half\">";
  out += form_open(c, base + "/authorise") + version +
         textarea(authorise_note, "Note (optional)", values_of("authorise").get(authorise_note),
                  error_for(errors_of("authorise"), authorise_note), "", 3) +
         button("Authorise decision") + "</form></div>";
  out += "<div class=\"govuk-grid-column-one-half\">" + form_open(c, base + "/return") + version +
         textarea(return_note, "Why are you returning it?", values_of("return").get(return_note),
                  error_for(errors_of("return"), return_note), "The worker sees this and decides again", 3) +
         button("Return to the worker", "govuk-button--secondary") + "</form></div></div>";
  return out;
}

std::string child_section(PageContext& c, const ContactView& view, const ChildOnContact& child,
                          const FormState& state) {
  const int64_t pid = child.person.id;
  std::string out = "<section class=\"sg-child\" id=\"child-" + std::to_string(pid) +
                    "\" data-testid=\"child-" + std::to_string(pid) + "\"><h2 class=\"govuk-heading-l\">" +
                    escape(name_of(child.person)) + "</h2>";
  out += "<p class=\"govuk-body\">" + escape(born_text(child.person)) +
         (child.person.address.empty() ? std::string() : ". " + escape(child.person.address)) + ". " +
         link("Open " + name_of(child.person) + "'s record", person_href(pid)) + "</p>";
  out += "<h3 class=\"govuk-heading-m\">History</h3>" + child_history(child);
  out += "<h3 class=\"govuk-heading-m\">Decision</h3><p class=\"govuk-body\">" +
         deadline_tag(child.deadline) + " " +
         escape("Due by the end of " + long_date_text(child.deadline.due)) + "</p>";
  const ContactChild& on = *child.on_contact;
  if (on.decision) {
    out += decision_summary(view, *on.decision);
    if (!on.decision->is_final()) {
      if (view.can_authorise && on.decision->decided_by != c.user->username) {
        out += authorisation_forms(c, view, child, state);
      } else if (view.can_authorise) {
        out += inset(escape("You made this decision: another manager must authorise it."));
      } else {
        out += inset(escape("A team manager will authorise this decision or return it to you."));
      }
    }
  } else {
    if (on.decisions_returned > 0)
      out += inset(escape("A manager returned the previous decision. Their note is in the history below."));
    if (view.can_decide) out += decision_form(c, view, child, state);
  }
  return out + "</section>";
}

std::string mash_section(const ContactView& view) {
  const Contact& k = view.contact;
  std::string out =
      "<section id=\"mash\" data-testid=\"mash\"><h2 class=\"govuk-heading-l\">MASH enquiries</h2>";
  if (k.enquiries.empty()) out += "<p class=\"govuk-body\">No MASH enquiries yet.</p>";
  std::map<int64_t, std::string> names;
  for (const ChildOnContact& child : view.children) names[child.person.id] = name_of(child.person);
  for (const MashEnquiry& e : k.enquiries) {
    std::string shared_children, shared_fields;
    for (int64_t id : e.shared_children)
      shared_children += (shared_children.empty() ? "" : ", ") +
                         (names.count(id) ? names[id] : "person " + std::to_string(id));
    for (const std::string& f : e.shared_fields)
      shared_fields += (shared_fields.empty() ? "" : ", ") + code_text(CodeList::kSharedField, f);
    out += "<h3 class=\"govuk-heading-m\">Enquiry " + std::to_string(e.id) + "</h3>";
    out += summary_list(
        {{"Sent", escape(london_date_time_text(e.opened_at) + " by " + user_name(view, e.opened_by)), ""},
         {"Asked", "<div class=\"sg-words\">" + escape(e.question) + "</div>", ""},
         {"Lawful basis", escape(code_text(CodeList::kLawfulBasis, e.lawful_basis)), ""},
         {"Shared", escape(shared_children + ": " + shared_fields), ""}});
    std::vector<std::vector<std::string>> rows;
    for (const MashRequest& r : e.requests) {
      DeadlineStatus status;
      for (const ContactView::Request& req : view.requests) {
        if (req.request == &r) status = req.status;
      }
      std::string answer =
          r.answered_at
              ? "<div class=\"sg-words\">" + escape(r.answer) + "</div><span class=\"sg-secondary\">" +
                    escape(london_date_time_text(*r.answered_at) + " by " + user_name(view, r.answered_by)) +
                    "</span>"
              : std::string("Not answered yet");
      rows.push_back({escape(code_text(CodeList::kAgency, r.agency)), escape(london_date_time_text(r.due_at)),
                      answer_tag(status), answer});
    }
    out += "<div data-testid=\"enquiry-" + std::to_string(e.id) + "\">" +
           table("", {"Agency", "Due", "Status", "What they know"}, rows) + "</div>";
  }
  if (view.can_decide && !k.is_decided())
    out += link_button("Open a MASH enquiry", contact_href(k.id) + "/mash/new", "govuk-button--secondary");
  return out + "</section>";
}

Response contact_page(PageContext& c, int64_t id, const FormState& state, int status) {
  auto opened = FrontDoorService(c.db, c.clock).open(*c.user, id, c.channel());
  if (!opened) return c.error_page(opened.error());
  const ContactView& view = *opened;
  const Contact& k = view.contact;
  std::vector<std::string> names;
  for (const ChildOnContact& child : view.children) names.push_back(name_of(child.person));
  Layout l = c.layout("Contact " + std::to_string(id));
  l.errors = state.errors;
  if (state.errors.empty()) l.success_message = done_message(c, view);
  std::string main = "<span class=\"govuk-caption-l\">Contact " + std::to_string(id) +
                     "</span><h1 class=\"govuk-heading-l\" data-testid=\"contact-title\">" +
                     escape(names_list(names)) + "</h1>";
  main += "<p class=\"govuk-body\" data-testid=\"contact-status\">" + urgency_tag(k.urgency) + " " +
          (k.is_decided()             ? tag("Decided", "green")
           : k.awaits_authorisation() ? tag("Awaiting authorisation", "purple")
                                      : tag("Awaiting decision", "blue")) +
          " " + deadline_tag(view.deadline) + "</p>";
  main += "<p class=\"govuk-body\" data-testid=\"deadline\">Decision due by the end of " +
          escape(long_date_text(view.decision_due)) +
          (k.is_decided() ? std::string() : ": " + escape(time_left(view.deadline, view.time_remaining))) +
          "</p>";
  // Contents, for a long page.
  main += "<nav aria-label=\"On this page\"><ul class=\"govuk-list sg-contents\"><li>" +
          link("Details", "#details") + "</li><li>" + link("MASH enquiries", "#mash") + "</li>";
  for (const ChildOnContact& child : view.children)
    main += "<li>" + link(name_of(child.person), "#child-" + std::to_string(child.person.id)) + "</li>";
  main += "<li>" + link("History", "#history") + "</li></ul></nav>";

  main += "<h2 class=\"govuk-heading-l\" id=\"details\">Details</h2>" + contact_summary(view);
  if (view.can_decide && !k.is_decided()) {
    std::vector<Choice> holders;
    if (auto users = FrontDoorService(c.db, c.clock).holders(*c.user)) {
      for (const User& u : *users) holders.push_back({u.username, u.display_name});
    }
    main += change_forms(c, view, state, holders);
  }
  main += mash_section(view);
  for (const ChildOnContact& child : view.children) main += child_section(c, view, child, state);

  std::vector<std::vector<std::string>> history;
  for (const ContactView::HistoryLine& h : view.history)
    history.push_back({escape(london_date_time_text(h.at)), escape(h.who), escape(h.what)});
  main += "<section id=\"history\" data-testid=\"history\"><h2 class=\"govuk-heading-l\">History</h2>" +
          table("", {"When", "Who", "What happened"}, history, "Nothing yet.") + "</section>";
  return c.page(l, main, status);
}

// What a change on the contact page produced: back to the page, or the page again with the error.
Response finish(PageContext& c, int64_t id, const Result<int64_t>& result, FormState state,
                const std::string& prefix, const std::string& done, const std::string& fragment,
                const std::string& draft_key = "") {
  if (!result) {
    const Error& e = result.error();
    if (e.code == ErrorCode::kInvalid) {
      const std::string field = e.field.empty() ? (state.form == "decision" ? "outcome" : "note") : e.field;
      state.errors = {{prefix + field, e.message}};
      return contact_page(c, id, state, 422);
    }
    if (e.code == ErrorCode::kConflict && !draft_key.empty()) {
      FormData kept = c.form;
      kept.remove("csrf_token");
      (void)DraftService(c.db, c.clock).save(c.user->id, draft_key, kept.encode());
      return c.problem(409, "Someone else changed this contact",
                       e.message + " What you typed has been kept: open the contact again to see it.");
    }
    return c.error_page(e);
  }
  if (!draft_key.empty()) c.discard_draft(draft_key);
  return Response::redirect(contact_href(id) + "?done=" + done + fragment);
}

Response change_urgency(PageContext& c, int64_t id) {
  auto result = FrontDoorService(c.db, c.clock)
                    .change_urgency(*c.user, id, form_version(c.form), c.form.get("urgency"), c.channel());
  return finish(c, id, result, {"urgency", 0, c.form, {}}, "", "urgency", "");
}

Response change_holder(PageContext& c, int64_t id) {
  auto result = FrontDoorService(c.db, c.clock)
                    .change_holder(*c.user, id, form_version(c.form), c.form.get("holder"), c.channel());
  return finish(c, id, result, {"holder", 0, c.form, {}}, "", "holder", "");
}

Response decide(PageContext& c, int64_t id, int64_t pid) {
  const std::string prefix = "decision-" + std::to_string(pid) + "-";
  DecisionInput input;
  input.outcome = c.form.get(prefix + "outcome");
  input.rationale = c.form.get(prefix + "rationale");
  input.early_help_service = c.form.get(prefix + "early_help_service");
  input.primary_need = c.form.get(prefix + "primary_need");
  auto result =
      FrontDoorService(c.db, c.clock).decide(*c.user, id, form_version(c.form), pid, input, c.channel());
  return finish(c, id, result, {"decision", pid, c.form, {}}, prefix, "decided&child=" + std::to_string(pid),
                "#child-" + std::to_string(pid), decision_action(id, pid));
}

Response authorise(PageContext& c, int64_t id, int64_t pid, bool approve) {
  const std::string prefix = std::string(approve ? "authorise-" : "return-") + std::to_string(pid) + "-";
  FrontDoorService service(c.db, c.clock);
  const std::string& note = c.form.get(prefix + "note");
  auto result = approve ? service.authorise(*c.user, id, form_version(c.form), pid, note, c.channel())
                        : service.return_decision(*c.user, id, form_version(c.form), pid, note, c.channel());
  return finish(c, id, result, {approve ? "authorise" : "return", pid, c.form, {}}, prefix,
                approve ? "authorised" : "returned", "#child-" + std::to_string(pid));
}

// ---- a new MASH enquiry ----

Response enquiry_form_page(PageContext& c, const ContactView& view, const FormData& values,
                           const std::vector<FieldError>& errors, int status) {
  const Contact& k = view.contact;
  const std::string action = contact_href(k.id) + "/mash/new";
  Layout l = c.layout("Open a MASH enquiry");
  l.errors = errors;
  l.back_href = contact_href(k.id) + "#mash";
  std::string main =
      "<div class=\"govuk-grid-row\"><div class=\"govuk-grid-column-two-thirds\"><span "
      "class=\"govuk-caption-l\">Contact " +
      std::to_string(k.id) + "</span><h1 class=\"govuk-heading-l\">Open a MASH enquiry</h1>";
  if (k.is_decided()) {
    main +=
        "<p class=\"govuk-body\">Every child on this contact has a decision: there is nothing left to ask "
        "about.</p></div></div>";
    return c.page(l, main, status);
  }
  main += draft_notice(values) + form_open(c, action, action) +
          hidden_field("version", std::to_string(k.version));
  const auto agencies = values.all("agencies");
  main += checkboxes("agencies", "Which agencies are you asking?", code_choices(CodeList::kAgency),
                     {agencies.begin(), agencies.end()}, error_for(errors, "agencies"));
  main +=
      textarea("question", "What are you asking them?", values.get("question"), error_for(errors, "question"),
               "For example, any police call-outs to the family's address in the last 12 months", 5);
  std::vector<Choice> children;
  for (const ChildOnContact& child : view.children)
    children.push_back(
        {std::to_string(child.person.id), name_of(child.person) + " (" + born_text(child.person) + ")"});
  const auto chosen = values.all("children");
  main += checkboxes("children", "Which children can they see?", children, {chosen.begin(), chosen.end()},
                     error_for(errors, "children"), "Share only the children the agencies need to check");
  const auto fields = values.all("fields");
  main += checkboxes("fields", "What can they see about each child?", code_choices(CodeList::kSharedField),
                     {fields.begin(), fields.end()}, error_for(errors, "fields"),
                     "Names are needed: the agencies cannot check without them");
  main +=
      select("lawful_basis", "Lawful basis for sharing", code_choices(CodeList::kLawfulBasis),
             values.get("lawful_basis"), error_for(errors, "lawful_basis"), "", "Choose the lawful basis");
  const FrontDoorSettings& s = view.settings;
  const std::string within = k.urgency == "red" ? std::to_string(s.mash_red_working_hours) + " working hours"
                             : k.urgency == "amber"
                                 ? std::to_string(s.mash_amber_working_days) + " working day" +
                                       (s.mash_amber_working_days == 1 ? "" : "s")
                                 : std::to_string(s.mash_green_working_days) + " working day" +
                                       (s.mash_green_working_days == 1 ? "" : "s");
  main += inset("This contact's urgency is " + escape(code_text(CodeList::kUrgency, k.urgency)) +
                ": each agency must answer within " + escape(within) +
                ". Partners see only the children and "
                "details you choose here, and every look is logged.");
  main += button("Send enquiry") + draft_status() + "</form></div></div>";
  return c.page(l, main, status);
}

Response new_enquiry(PageContext& c, int64_t id) {
  FrontDoorService service(c.db, c.clock);
  auto view = service.open(*c.user, id, c.channel());
  if (!view) return c.error_page(view.error());
  const std::string action = contact_href(id) + "/mash/new";
  if (c.request.method == "GET") {
    FormData values;
    if (auto draft = c.draft(action)) {
      values = *draft;
    } else {
      for (const ChildOnContact& child : view->children)
        values.add("children", std::to_string(child.person.id));
      for (const char* field : {"name", "date_of_birth", "address"}) values.add("fields", field);
      values.set("lawful_basis", view->contact.consent == "given" ? "consent" : view->contact.lawful_basis);
    }
    return enquiry_form_page(c, *view, values, {}, 200);
  }
  MashEnquiryInput input;
  input.agencies = c.form.all("agencies");
  input.question = c.form.get("question");
  input.lawful_basis = c.form.get("lawful_basis");
  input.fields = c.form.all("fields");
  for (const std::string& text : c.form.all("children")) {
    if (auto child = parse_id(text)) input.children.push_back(*child);
  }
  auto result = service.open_enquiry(*c.user, id, form_version(c.form), input, c.channel());
  if (!result) {
    const Error& e = result.error();
    if (e.code == ErrorCode::kInvalid) {
      std::string field = e.field.starts_with("enquiry.") ? e.field.substr(8) : e.field;
      if (field.empty()) field = "agencies";
      return enquiry_form_page(c, *view, c.form, {{field, e.message}}, 422);
    }
    if (e.code == ErrorCode::kConflict) {
      FormData kept = c.form;
      kept.remove("csrf_token");
      (void)DraftService(c.db, c.clock).save(c.user->id, action, kept.encode());
      return c.problem(409, "Someone else changed this contact",
                       e.message + " What you typed has been kept: open the form again to see it.");
    }
    return c.error_page(e);
  }
  c.discard_draft(action);
  return Response::redirect(contact_href(id) + "?done=enquiry#mash");
}

}  // namespace

std::optional<Response> contact_pages(PageContext& c) {
  const std::string& path = c.request.path;
  const bool get = c.request.method == "GET";
  if (path == "/contacts")
    return get ? std::optional<Response>(Response::redirect("/front-door")) : std::nullopt;
  if (path == kRecordPath) return record_contact(c);
  const auto parts = split(path, '/');  // "", "contacts", id, ...
  if (parts.size() < 3) return std::nullopt;
  const auto id = parse_id(parts[2]);
  if (!id) return std::nullopt;
  if (parts.size() == 3 && get) return contact_page(c, *id, {}, 200);
  if (parts.size() == 4 && !get) {
    if (parts[3] == "urgency") return change_urgency(c, *id);
    if (parts[3] == "holder") return change_holder(c, *id);
  }
  if (parts.size() == 5 && parts[3] == "mash" && parts[4] == "new") return new_enquiry(c, *id);
  if (parts.size() == 6 && parts[3] == "children") {
    const auto pid = parse_id(parts[4]);
    if (!pid) return std::nullopt;
    // The decision form lives on the contact's page (a draft's "Continue" link arrives here).
    if (get && parts[5] == "decision")
      return Response::redirect(contact_href(*id) + "#child-" + std::to_string(*pid));
    if (get) return std::nullopt;
    if (parts[5] == "decision") return decide(c, *id, *pid);
    if (parts[5] == "authorise") return authorise(c, *id, *pid, true);
    if (parts[5] == "return") return authorise(c, *id, *pid, false);
  }
  return std::nullopt;
}

}  // namespace safeguard::web::front_door
