// People pages: find a person, record a person (likely matches first), a person's record, and the
// forms that correct it or add to it. Each form is kept as a draft while the worker types.
#include "web/pages_people.h"

#include <charconv>
#include <map>

#include "app/access_policy.h"
#include "app/allocation.h"
#include "app/drafts.h"
#include "app/people.h"
#include "core/text.h"
#include "domain/child_journey.h"
#include "domain/codes.h"
#include "domain/identifiers.h"
#include "web/page_context.h"

namespace safeguard::web {

// ---- shared with the casework pages (pages_people.h) ----

std::vector<Choice> choices_of(CodeList list) {
  std::vector<Choice> out;
  for (const Code& c : codes(list)) out.push_back({std::string(c.code), std::string(c.label)});
  return out;
}

std::string label_of(CodeList list, std::string_view code, std::string_view none) {
  if (code.empty()) return std::string(none);
  const auto label = code_label(list, code);
  return label ? std::string(*label) : std::string(code);
}

std::string error_for(const std::vector<FieldError>& errors, std::string_view field) {
  for (const FieldError& e : errors) {
    if (e.field == field) return e.message;
  }
  return {};
}

namespace {

// A use case's field name ("address.line1", "identifiers[0].value") as the form's field name.
std::string form_field(const std::string& field, const std::vector<std::string>& identifier_fields = {}) {
  if (field.starts_with("identifiers[")) {
    const size_t close = field.find(']');
    size_t index = 0;
    const char* begin = field.data() + 12;
    const char* end = field.data() + (close == std::string::npos ? 12 : close);
    std::from_chars(begin, end, index);
    if (index < identifier_fields.size()) return identifier_fields[index];
    return identifier_fields.empty() ? "upn" : identifier_fields.front();
  }
  std::string out = field;
  for (char& ch : out) {
    if (ch == '.') ch = '-';
  }
  return out;
}

}  // namespace

std::string person_href(int64_t id) { return "/people/" + std::to_string(id); }

std::string child_page_heading(const Person& p, std::string_view title) {
  return "<span class=\"govuk-caption-l\">" + escape(p.details.name.full()) +
         "</span><h1 class=\"govuk-heading-l\">" + escape(title) + "</h1>";
}

InputOptions casework_input(std::string hint, std::string width_class) {
  InputOptions o;
  o.hint = std::move(hint);
  o.width_class = std::move(width_class);
  o.autocomplete = "off";
  return o;
}

std::string person_name(const PersonSummary& person) {
  return person.full_name.empty() ? "Person " + std::to_string(person.id) : person.full_name;
}

std::string person_link(const PersonSummary& person) {
  return link(person_name(person), person_href(person.id));
}

namespace {

std::string query_of(std::initializer_list<std::pair<std::string, std::string>> fields) {
  FormData f;
  for (const auto& [name, value] : fields) f.add(name, value);
  return f.encode();
}

std::string age_text(const std::optional<Date>& born, Date today) {
  if (!born) return {};
  const int years = age_in_years(*born, today);
  if (years >= 1) return " (age " + std::to_string(years) + ")";
  const int days = today - *born;
  if (days < 0) return {};
  return days < 31 ? " (" + std::to_string(days) + " days old)"
                   : " (" + std::to_string(days / 30) + " months old)";
}

std::string born_cell(const PersonSummary& p, Date today) {
  if (p.date_of_birth) return escape(long_date_text(*p.date_of_birth) + age_text(p.date_of_birth, today));
  if (p.expected_date_of_birth)
    return tag("Unborn", "purple") + " " + escape("expected " + long_date_text(*p.expected_date_of_birth));
  return "Not recorded";
}

}  // namespace

std::string draft_notice(const FormData& values) {
  if (!values.has("draft_saved_at")) return {};
  return inset("We kept what you typed on " + escape(values.get("draft_saved_at")) +
               ". Check it, then send the form, or leave this page to keep it as a draft.");
}

std::string draft_status() { return "<p class=\"govuk-body-s sg-draft-status\" aria-live=\"polite\"></p>"; }

std::string form_open(const PageContext& c, std::string_view action, bool keep_drafts) {
  std::string out = "<form method=\"post\" action=\"" + escape(action) + "\" novalidate";
  if (keep_drafts) out += " data-draft-key=\"" + escape(action) + "\"";
  return out + ">" + csrf_field(c.csrf_token);
}

namespace {

// ---- the person details fields (record and correct) ----

PersonDetails read_details(const FormData& form, std::vector<FieldError>& errors) {
  PersonDetails d;
  d.name.forename = form.get("forename");
  d.name.middle_names = form.get("middle_names");
  d.name.surname = form.get("surname");
  for (const auto& [name, label, target] :
       {std::tuple{"date_of_birth", "Date of birth", &d.date_of_birth},
        std::tuple{"expected_date_of_birth", "Expected date of birth", &d.expected_date_of_birth}}) {
    auto date = read_date(form, name, label);
    if (!date) {
      errors.push_back({name, date.error().message});
    } else {
      *target = *date;
    }
  }
  d.sex = form.get("sex").empty() ? "U" : form.get("sex");
  d.ethnicity = form.get("ethnicity").empty() ? "NOBT" : form.get("ethnicity");
  d.first_language = form.get("first_language");
  d.religion = form.get("religion");
  d.disabilities = form.all("disabilities");
  return d;
}

FormData details_as_form(const PersonDetails& d) {
  FormData f;
  f.set("forename", d.name.forename);
  f.set("middle_names", d.name.middle_names);
  f.set("surname", d.name.surname);
  for (const auto& [name, date] : {std::pair{"date_of_birth", d.date_of_birth},
                                   std::pair{"expected_date_of_birth", d.expected_date_of_birth}}) {
    const DateParts parts = DateParts::of(date);
    f.set(std::string(name) + "-day", parts.day);
    f.set(std::string(name) + "-month", parts.month);
    f.set(std::string(name) + "-year", parts.year);
  }
  f.set("sex", d.sex);
  f.set("ethnicity", d.ethnicity);
  f.set("first_language", d.first_language);
  f.set("religion", d.religion);
  for (const std::string& code : d.disabilities) f.add("disabilities", code);
  return f;
}

}  // namespace

DateParts date_parts(const FormData& f, std::string_view name) {
  const std::string n(name);
  return {f.get(n + "-day"), f.get(n + "-month"), f.get(n + "-year")};
}

namespace {

std::string details_fields(const FormData& v, const std::vector<FieldError>& errors) {
  std::string out;
  InputOptions name_options;
  name_options.spellcheck_off = true;
  name_options.autocomplete = "off";
  name_options.width_class = "govuk-input--width-20";
  out += text_input("forename", "Forename", v.get("forename"), error_for(errors, "forename"), name_options);
  out += text_input("middle_names", "Middle names (optional)", v.get("middle_names"),
                    error_for(errors, "middle_names"), name_options);
  out += text_input("surname", "Surname", v.get("surname"), error_for(errors, "surname"), name_options);
  out += date_input("date_of_birth", "Date of birth", date_parts(v, "date_of_birth"),
                    error_for(errors, "date_of_birth"),
                    "For example, 27 3 2015. Leave empty if it is not known, or for an unborn child.");
  out += date_input("expected_date_of_birth", "Expected date of birth (unborn children only)",
                    date_parts(v, "expected_date_of_birth"), error_for(errors, "expected_date_of_birth"));
  out += radios("sex", "Sex", choices_of(CodeList::kSex), v.get("sex").empty() ? "U" : v.get("sex"),
                error_for(errors, "sex"), "Not known for an unborn child", true);
  out += select("ethnicity", "Ethnicity", choices_of(CodeList::kEthnicity),
                v.get("ethnicity").empty() ? "NOBT" : v.get("ethnicity"), error_for(errors, "ethnicity"));
  out += select("first_language", "First language", choices_of(CodeList::kFirstLanguage),
                v.get("first_language"), error_for(errors, "first_language"), "", "Not recorded");
  out += select("religion", "Religion", choices_of(CodeList::kReligion), v.get("religion"),
                error_for(errors, "religion"), "", "Not recorded");
  const auto chosen = v.all("disabilities");
  out += checkboxes("disabilities", "Disabilities", choices_of(CodeList::kDisability),
                    {chosen.begin(), chosen.end()}, error_for(errors, "disabilities"),
                    "Select all that apply. Leave all empty if not known.");
  return out;
}

// ---- find a person ----

std::string search_form(const FormData& q, const std::vector<FieldError>& errors) {
  std::string out = "<form method=\"get\" action=\"/people\" novalidate>";
  InputOptions name_options;
  name_options.hint =
      "Forename, surname or both. Previous names count, and spelling does not need to be exact.";
  name_options.spellcheck_off = true;
  name_options.autocomplete = "off";
  name_options.width_class = "govuk-input--width-30";
  out += text_input("name", "Name", q.get("name"), error_for(errors, "name"), name_options);
  out += date_input("dob", "Date of birth", date_parts(q, "dob"), error_for(errors, "dob"),
                    "For example, 27 3 2015");
  InputOptions short_options;
  short_options.width_class = "govuk-input--width-10";
  short_options.spellcheck_off = true;
  out += text_input("postcode", "Postcode", q.get("postcode"), error_for(errors, "postcode"), short_options);
  InputOptions id_options;
  id_options.width_class = "govuk-input--width-20";
  id_options.spellcheck_off = true;
  id_options.hint = "UPN, NHS number, council child ID or Safeguard ID";
  out += text_input("identifier", "Identifier", q.get("identifier"), error_for(errors, "identifier"),
                    id_options);
  return out + button("Search") + "</form>";
}

std::string hits_table(const std::vector<SearchHit>& hits, Date today, bool new_tab) {
  std::vector<std::vector<std::string>> rows;
  for (const SearchHit& h : hits) {
    const PersonSummary& p = h.person;
    std::string name = "<a class=\"govuk-link\" href=\"" + person_href(p.id) + "\"" +
                       (new_tab ? " target=\"_blank\" rel=\"noopener\"" : "") + ">" + escape(p.full_name) +
                       (new_tab ? " (opens in new tab)" : "") + "</a>";
    if (p.date_of_death) name += " " + tag("Died", "grey");
    std::string matched;
    for (const std::string& reason : h.match.reasons) matched += (matched.empty() ? "" : ", ") + reason;
    rows.push_back({name, escape(std::to_string(p.id)), born_cell(p, today),
                    escape(label_of(CodeList::kSex, p.sex)),
                    escape(p.address.empty() ? "No address recorded" : p.address),
                    "<span class=\"sg-match-reasons\">" + escape(matched) + "</span>"});
  }
  return table("", {"Name", "Safeguard ID", "Date of birth", "Sex", "Current address", "Matched on"}, rows);
}

Response find_page(PageContext& c) {
  std::vector<FieldError> errors;
  std::vector<SearchHit> hits;
  bool searched = false;
  PersonSearch search;
  search.name = c.query.get("name");
  search.postcode = c.query.get("postcode");
  search.identifier = c.query.get("identifier");
  auto dob = read_date(c.query, "dob", "Date of birth");
  if (!dob) {
    errors.push_back({"dob", dob.error().message});
  } else {
    search.date_of_birth = *dob;
  }
  const bool asked =
      !search.name.empty() || search.date_of_birth || !search.postcode.empty() || !search.identifier.empty();
  if (asked && errors.empty()) {
    auto result = PeopleService(c.db, c.clock).search(*c.user, search);
    if (!result) {
      if (result.error().code != ErrorCode::kInvalid) return c.error_page(result.error());
      const std::string field = result.error().field == "date_of_birth" ? "dob" : result.error().field;
      errors.push_back({field.empty() ? "name" : field, result.error().message});
    } else {
      hits = std::move(*result);
      searched = true;
    }
  }
  Layout l = c.layout("Find a person", "search");
  l.errors = errors;
  std::string main =
      "<h1 class=\"govuk-heading-l\">Find a person</h1><div class=\"govuk-grid-row\"><div "
      "class=\"govuk-grid-column-one-third\">" +
      search_form(c.query, errors) + "</div><div class=\"govuk-grid-column-two-thirds\">";
  if (searched) {
    FormData prefill;
    prefill.set("name", search.name);
    if (search.date_of_birth) {
      prefill.set("dob-day", std::to_string(search.date_of_birth->day()));
      prefill.set("dob-month", std::to_string(search.date_of_birth->month()));
      prefill.set("dob-year", std::to_string(search.date_of_birth->year()));
    }
    prefill.set("postcode", search.postcode);
    if (hits.empty()) {
      main +=
          "<h2 class=\"govuk-heading-m\">No one matches</h2><p class=\"govuk-body\">Check the spelling, or "
          "search with "
          "fewer details. If the person is not known to us, record them.</p>";
    } else {
      main += "<h2 class=\"govuk-heading-m\" data-testid=\"result-count\">" + std::to_string(hits.size()) +
              (hits.size() == 1 ? " person" : " people") + " found</h2>" +
              hits_table(hits, c.clock.today(), false);
    }
    main += link_button("Record a person", "/people/new?" + prefill.encode(), "govuk-button--secondary");
  } else {
    main += "<p class=\"govuk-body\">Search before recording anyone: the person may already be known.</p>";
  }
  main += "</div></div>";
  return c.page(l, main);
}

// ---- record a person ----

struct PersonForm {
  NewPersonInput input;
  std::vector<std::string> identifier_fields;  // form field of each input.identifiers entry
};

PersonForm read_person_form(const FormData& f, std::vector<FieldError>& errors) {
  PersonForm out;
  out.input.details = read_details(f, errors);
  for (const char* type : {"upn", "nhs_number"}) {
    if (!trim(f.get(type)).empty()) {
      out.input.identifiers.push_back({type, f.get(type)});
      out.identifier_fields.push_back(type);
    }
  }
  const bool any_address = !trim(f.get("address-line1")).empty() || !trim(f.get("address-line2")).empty() ||
                           !trim(f.get("address-town")).empty() || !trim(f.get("address-postcode")).empty();
  if (any_address) {
    AddressInput a;
    a.line1 = f.get("address-line1");
    a.line2 = f.get("address-line2");
    a.town = f.get("address-town");
    a.postcode = f.get("address-postcode");
    auto from = read_date(f, "address-from", "The date they moved in");
    if (!from) {
      errors.push_back({"address-from", from.error().message});
    } else {
      a.from = *from;
    }
    out.input.address = a;
  }
  return out;
}

std::string address_fields(const FormData& v, const std::vector<FieldError>& errors, bool with_heading) {
  std::string out;
  if (with_heading) out += "<h2 class=\"govuk-heading-m\">Address (optional)</h2>";
  InputOptions line;
  line.autocomplete = "off";
  out += text_input("address-line1", "Address line 1", v.get("address-line1"),
                    error_for(errors, "address-line1"), line);
  out += text_input("address-line2", "Address line 2 (optional)", v.get("address-line2"),
                    error_for(errors, "address-line2"), line);
  InputOptions town = line;
  town.width_class = "govuk-input--width-20";
  out += text_input("address-town", "Town or city", v.get("address-town"), error_for(errors, "address-town"),
                    town);
  InputOptions postcode = line;
  postcode.width_class = "govuk-input--width-10";
  out += text_input("address-postcode", "Postcode", v.get("address-postcode"),
                    error_for(errors, "address-postcode"), postcode);
  out += date_input("address-from", "Date they moved in (optional)", date_parts(v, "address-from"),
                    error_for(errors, "address-from"), "Leave empty if not known: today's date is used.");
  return out;
}

Response new_person_page(PageContext& c, const FormData& values, const std::vector<FieldError>& errors,
                         const std::vector<SearchHit>& matches, int status) {
  Layout l = c.layout("Record a person", "new");
  l.errors = errors;
  std::string main;
  if (!matches.empty()) {
    main +=
        "<div class=\"sg-likely-matches\" data-testid=\"likely-matches\"><h1 class=\"govuk-heading-l\">Is "
        "this one of these people?</h1>" +
        warning("Before recording a new person, check these records: the person may already be known.") +
        hits_table(matches, c.clock.today(), true) + "</div>";
    main += "<h2 class=\"govuk-heading-m\">None of these is the person</h2>";
  } else {
    main += "<h1 class=\"govuk-heading-l\">Record a person</h1>";
  }
  main += "<div class=\"govuk-grid-row\"><div class=\"govuk-grid-column-two-thirds\">" + draft_notice(values);
  main += form_open(c, "/people/new", true);
  if (!matches.empty()) main += hidden_field("likely_matches_seen", "1");
  main += details_fields(values, errors);
  main += "<h2 class=\"govuk-heading-m\">Identifiers (optional)</h2>";
  InputOptions id_options;
  id_options.width_class = "govuk-input--width-20";
  id_options.spellcheck_off = true;
  id_options.hint = "13 characters, for example A123456789012";
  main +=
      text_input("upn", "Unique pupil number (UPN)", values.get("upn"), error_for(errors, "upn"), id_options);
  id_options.hint = "10 digits, for example 943 476 5919";
  main += text_input("nhs_number", "NHS number", values.get("nhs_number"), error_for(errors, "nhs_number"),
                     id_options);
  main += address_fields(values, errors, true);
  main += button(matches.empty() ? "Record person" : "None of these: record a new person") + draft_status() +
          "</form></div></div>";
  return c.page(l, main, status);
}

Response record_person(PageContext& c) {
  if (!can_record_people(*c.user))
    return c.problem(403, "You cannot record people", "Your role does not include recording people.");
  if (c.request.method == "GET") {
    FormData values;
    if (auto draft = c.draft("/people/new")) {
      values = *draft;
    } else {
      // Arriving from a search: carry over what was searched for.
      auto tokens = split(std::string(trim(c.query.get("name"))), ' ');
      std::erase_if(tokens, [](const std::string& t) { return t.empty(); });
      if (tokens.size() >= 2) {
        values.set("forename", tokens.front());
        values.set("surname", tokens.back());
      } else if (tokens.size() == 1) {
        values.set("surname", tokens.front());
      }
      values.set("date_of_birth-day", c.query.get("dob-day"));
      values.set("date_of_birth-month", c.query.get("dob-month"));
      values.set("date_of_birth-year", c.query.get("dob-year"));
      values.set("address-postcode", c.query.get("postcode"));
    }
    return new_person_page(c, values, {}, {}, 200);
  }
  std::vector<FieldError> errors;
  PersonForm form = read_person_form(c.form, errors);
  if (!errors.empty()) return new_person_page(c, c.form, errors, {}, 422);
  auto outcome = PeopleService(c.db, c.clock)
                     .create(*c.user, form.input, c.form.get("likely_matches_seen") == "1", c.channel());
  if (!outcome) {
    if (outcome.error().code != ErrorCode::kInvalid) return c.error_page(outcome.error());
    return new_person_page(
        c, c.form, {{form_field(outcome.error().field, form.identifier_fields), outcome.error().message}}, {},
        422);
  }
  if (!outcome->created) return new_person_page(c, c.form, {}, outcome->likely_matches, 200);
  c.discard_draft("/people/new");
  return Response::redirect(person_href(outcome->created->person_id) + "?done=recorded");
}

// ---- a person's record ----

std::string done_message(std::string_view done) {
  static const std::map<std::string_view, std::string_view> kMessages = {
      {"recorded", "Person recorded"},
      {"corrected", "Details corrected"},
      {"address", "Address recorded"},
      {"relationship", "Relationship recorded"},
      {"identifier", "Identifier recorded"},
      {"name", "Change of name recorded"},
      {"birth", "Birth recorded"},
      {"address-ended", "Address ended"},
      {"relationship-ended", "Relationship ended"},
      {"identifier-removed", "Identifier removed"},
      {"death", "Death recorded"},
      {"allocated", "Social worker allocated"},
      {"note", "Case note recorded"},
      {"closure-proposed", "Closure proposed: a team manager will close the episode or return it"},
      {"closure-returned", "Closure returned to the social worker"}};
  const auto it = kMessages.find(done);
  return it == kMessages.end() ? std::string() : std::string(it->second);
}

Response access_reason_page(PageContext& c, int64_t id, const std::string& explanation,
                            const std::string& reason, const std::vector<FieldError>& errors) {
  Layout l = c.layout("Why do you need this record?");
  l.errors = errors;
  std::string main =
      "<div class=\"govuk-grid-row\"><div class=\"govuk-grid-column-two-thirds\">"
      "<h1 class=\"govuk-heading-l\">Why do you need to see this record?</h1>"
      "<p class=\"govuk-body\">" +
      escape(explanation) + "</p>";
  main += form_open(c, "/people/" + std::to_string(id) + "/access-reason", false);
  main += textarea("access_reason", "Your reason", reason, error_for(errors, "access_reason"),
                   "For example: covering for the allocated worker, who is on leave", 4);
  main += button("Continue to the record") + "</form></div></div>";
  return c.page(l, main, errors.empty() ? 403 : 422);
}

std::string relationship_label_for(const RelatedPerson& r) {
  const char sex = r.summary.sex.empty() ? 'U' : r.summary.sex[0];
  const std::string_view label = r.recorded_on_other ? inverse_relationship_label(r.label_code, sex)
                                                     : relationship_label(r.label_code, sex);
  return label.empty() ? r.label_code : std::string(label);
}

// Whether the child is missing now, how often they went missing, and their latest exploitation
// screening, for those who record missing episodes; nothing for a child never missing or screened,
// beyond the link to record it.
std::string missing_section(PageContext& c, const Person& p) {
  if (!can_record_missing(*c.user) || p.date_of_death) return {};
  // Missing episodes are children's, and those of a young person leaving care.
  const std::optional<Date>& born = p.details.date_of_birth;
  if (born && age_in_years(*born, c.clock.today()) >= 18 && p.missing.empty()) return {};
  const std::string href = person_href(p.id) + "/missing";
  if (const MissingEpisode* open = current_missing(p)) {
    return "<h2 class=\"govuk-heading-m\">Missing and exploitation</h2><div data-testid=\"missing-now\">" +
           warning(std::string(open->type == "M" ? "Missing" : "Away without authorisation") + " since " +
                   long_date_text(open->started_on) + ".") +
           "<p class=\"govuk-body\">" + link("Missing and exploitation", href) + "</p></div>";
  }
  std::vector<SummaryRow> rows;
  rows.push_back({"Missing episodes",
                  p.missing.empty() ? std::string("None recorded")
                                    : escape(std::to_string(p.missing.size()) + ", the latest from " +
                                             long_date_text(p.missing.back().started_on)),
                  link(p.missing.empty() ? "Record the child missing" : "Missing and exploitation",
                       p.missing.empty() ? href + "/new" : href)});
  if (const ExploitationScreening* s = latest_screening(p)) {
    rows.push_back(
        {"Exploitation screening",
         escape(label_of(CodeList::kExploitationRisk, s->risk) + " on " + long_date_text(s->screened_on)),
         link("Missing and exploitation", href)});
  }
  return "<h2 class=\"govuk-heading-m\">Missing and exploitation</h2><div data-testid=\"missing-summary\">" +
         summary_list(rows) + "</div>";
}

// The child's time with children's social care: the open episode and who holds the case, and
// every allocation; a team manager allocates from here. Empty for people never referred.
std::string social_care_section(PageContext& c, const PersonRecord& record) {
  const Person& p = record.person;
  if (p.episodes.empty()) return {};
  const std::string base = person_href(p.id);
  const CinEpisode* open = open_episode(p);
  const Allocation* current = current_allocation(p);
  const bool manager = can_allocate(*c.user);
  std::vector<SummaryRow> rows;
  if (open) {
    rows.push_back({"Children in Need episode",
                    escape("Open since the referral on " + long_date_text(open->referral_date)), ""});
    std::string holder = current ? escape(current->worker_name + " (" + current->team_name + "), since " +
                                          long_date_text(current->from))
                                 : tag("Not allocated", "red");
    rows.push_back({"Social worker", holder,
                    manager ? link(current ? "Change social worker" : "Allocate", base + "/allocate") : ""});
    const Assessment* latest = nullptr;
    for (const Assessment& a : p.assessments) {
      if (a.episode_id == open->id) latest = &a;
    }
    const bool assessor = can_assess(*c.user);
    if (latest) {
      const std::string state =
          latest->is_authorised()          ? "Authorised on " + long_date_text(*latest->authorised_on)
          : latest->awaits_authorisation() ? "With a manager since " + long_date_text(*latest->submitted_on)
                                           : "In progress since " + long_date_text(latest->started_on);
      std::string actions =
          assessor ? link("Open assessment", base + "/assessments/" + std::to_string(latest->id)) : "";
      if (assessor && latest->is_authorised())
        actions += " " + link("Start another", base + "/assessments/new");
      rows.push_back({"Single assessment", escape(state), actions});
    } else {
      rows.push_back({"Single assessment", tag("Not started", "grey"),
                      assessor ? link("Start an assessment", base + "/assessments/new") : ""});
    }
    if (const Section47Enquiry* s = open_section47(p, open->id)) {
      rows.push_back({"Section 47 enquiry", escape("Open since " + long_date_text(s->started_on)),
                      assessor ? link("Open enquiry", base + "/enquiries/" + std::to_string(s->id)) : ""});
    }
    const ChildPlan* plan = open_plan(p, kChildProtectionPlan);
    if (!plan) plan = open_plan(p, kChildInNeedPlan);
    std::string protection_links = assessor ? link("Child protection and plans", base + "/protection") : "";
    if (plan) {
      std::string words = plan_title(plan->type) + " since " + long_date_text(plan->started_on);
      if (plan->is_protection())
        words += " (" + label_of(CodeList::kCategoryOfAbuse, plan->latest_category) + ")";
      rows.push_back(
          {"Plan", escape(words),
           assessor ? link("Open plan", base + "/plans/" + std::to_string(plan->id)) + " " + protection_links
                    : ""});
    } else {
      rows.push_back({"Plan", tag("No plan", "grey"), protection_links});
    }
    if (const PeriodOfCare* care = current_period(p)) {
      rows.push_back({"Looked after",
                      escape("Since " + long_date_text(care->start) + ": " + care->current().placement.carer +
                             " (" + care->current().placement.type + "), " + care->current().legal_status),
                      link("Looked after", base + "/looked-after")});
    } else if (assessor) {
      rows.push_back({"Looked after",
                      p.periods_of_care.empty() ? tag("No", "grey")
                                                : escape("Until " + date_or(p.periods_of_care.back().end())),
                      p.periods_of_care.empty()
                          ? link("Record becoming looked after", base + "/looked-after/start")
                          : link("Looked after", base + "/looked-after")});
    }
    const Visit* last_visit = p.visits.empty() ? nullptr : &p.visits.back();
    rows.push_back({"Last visit",
                    last_visit
                        ? escape(long_date_text(last_visit->on) + (last_visit->seen_alone ? ": seen alone"
                                                                   : last_visit->seen     ? ": seen"
                                                                                          : ": not seen"))
                        : tag("No visits", "grey"),
                    assessor ? link("Visits", base + "/visits") : ""});
    const Supervision* last_supervision = p.supervisions.empty() ? nullptr : &p.supervisions.back();
    rows.push_back({"Case supervision",
                    last_supervision
                        ? escape(long_date_text(last_supervision->on) + " by " + last_supervision->by)
                        : tag("None yet", "grey"),
                    assessor ? link("Supervision", base + "/supervision") : ""});
    if (open->proposed_closure) {
      rows.push_back({"Closure",
                      escape("Proposed by " + open->proposed_closure->by + " to close on " +
                             long_date_text(open->proposed_closure->closing_on) + " (" +
                             open->proposed_closure->reason + ")"),
                      assessor ? link(manager ? "Close or return" : "View", base + "/close") : ""});
    } else if (assessor) {
      rows.push_back({"Closure",
                      open->closure_returned_because.empty()
                          ? std::string("Not proposed")
                          : escape("Returned by the manager: " + open->closure_returned_because),
                      link(manager ? "Close the episode" : "Propose closing the episode", base + "/close")});
    }
  } else {
    const CinEpisode& last = p.episodes.back();
    rows.push_back({"Children in Need episode",
                    escape("Closed on " + date_or(last.closed_on) + ": " +
                           label_of(CodeList::kReasonForClosure, last.closure_reason)),
                    ""});
  }
  std::string out =
      "<h2 class=\"govuk-heading-m\">Children's social care</h2><div data-testid=\"social-care\">" +
      summary_list(rows) + "</div>";
  // The latest episode's deadlines, soonest first: those still to meet, and the last met or
  // closed of each clock (a plan's many visits show once).
  std::map<std::pair<std::string, int64_t>, const ChildDeadline*> last_of_clock;
  for (const ChildDeadline& d : record.deadlines) last_of_clock[{d.kind, d.item_id}] = &d;
  std::vector<std::vector<std::string>> deadlines;
  for (const ChildDeadline& d : record.deadlines) {
    if (d.episode_id != p.episodes.back().id) continue;
    if (!still_to_meet(d.status.state) && last_of_clock[{d.kind, d.item_id}] != &d) continue;
    deadlines.push_back({escape(d.label), escape(long_date_text(d.status.due)), deadline_tag(d.status),
                         escape(deadline_words(d.status))});
  }
  if (!deadlines.empty()) {
    out += "<div data-testid=\"deadlines\">" +
           table("Deadlines", {"What", "Due", "Status", ""}, deadlines, "") + "</div>";
  }
  std::vector<std::vector<std::string>> history;
  for (auto it = p.allocations.rbegin(); it != p.allocations.rend(); ++it) {
    history.push_back({escape(it->worker_name), escape(it->team_name), escape(long_date_text(it->from)),
                       escape(date_or(it->to, "")),
                       escape(label_of(CodeList::kWorkerChangeReason, it->reason))});
  }
  if (!history.empty()) {
    out +=
        table("Allocated social workers", {"Social worker", "Team", "From", "Until", "Reason"}, history, "");
  }
  return out;
}

std::string person_page_main(PageContext& c, const PersonRecord& record) {
  const Person& p = record.person;
  const PersonDetails& d = p.details;
  const Date today = c.clock.today();
  const std::string base = person_href(p.id);
  std::string main = "<span class=\"govuk-caption-l\">Safeguard ID " + std::to_string(p.id) + "</span>";
  main += "<h1 class=\"govuk-heading-l\" data-testid=\"person-name\">" + escape(d.name.full()) +
          "</h1><p class=\"govuk-body\">";
  if (p.is_unborn()) {
    main += tag("Unborn", "purple");
  } else if (d.date_of_birth) {
    main += tag(age_in_years(*d.date_of_birth, today) < 18 ? "Child" : "Adult",
                age_in_years(*d.date_of_birth, today) < 18 ? "blue" : "grey");
  }
  if (p.date_of_death) main += " " + tag("Died " + long_date_text(*p.date_of_death), "grey");
  main += "</p>";

  std::string previous;
  for (const PreviousName& n : p.previous_names) {
    previous += (previous.empty() ? "" : "<br>") + escape(n.name.full()) +
                (n.until ? escape(" (until " + long_date_text(*n.until) + ")") : "");
  }
  std::string disabilities;
  for (const std::string& code : d.disabilities)
    disabilities += (disabilities.empty() ? "" : ", ") + label_of(CodeList::kDisability, code);
  std::vector<SummaryRow> rows = {
      {"Name", escape(d.name.full()), link("Record a change of name", base + "/name/new")},
      {"Previous names", previous.empty() ? "None recorded" : previous, ""},
  };
  if (p.is_unborn()) {
    rows.push_back({"Expected date of birth", escape(date_or(d.expected_date_of_birth)),
                    link("Record the birth", base + "/birth/new")});
  } else {
    rows.push_back(
        {"Date of birth", escape(date_or(d.date_of_birth) + age_text(d.date_of_birth, today)), ""});
  }
  rows.push_back({"Sex", escape(label_of(CodeList::kSex, d.sex)), ""});
  rows.push_back({"Ethnicity", escape(label_of(CodeList::kEthnicity, d.ethnicity)), ""});
  rows.push_back({"First language", escape(label_of(CodeList::kFirstLanguage, d.first_language)), ""});
  rows.push_back({"Religion", escape(label_of(CodeList::kReligion, d.religion)), ""});
  rows.push_back({"Disabilities", escape(disabilities.empty() ? "Not recorded" : disabilities), ""});
  rows.push_back({"Date of death", escape(date_or(p.date_of_death, "None recorded")),
                  p.date_of_death ? "" : link("Record a death", base + "/death/new")});
  main +=
      "<div class=\"govuk-grid-row\"><div class=\"govuk-grid-column-full\"><h2 "
      "class=\"govuk-heading-m\">Details</h2>" +
      summary_list(rows) + "<p class=\"govuk-body\">" +
      link_button("Correct details", base + "/correct", "govuk-button--secondary") + "</p>";

  main += social_care_section(c, record);
  main += missing_section(c, p);

  std::vector<SummaryRow> ids;
  for (const Identifier& i : p.identifiers) {
    ids.push_back(
        {label_of(CodeList::kIdentifierType, i.type),
         escape(i.type == "nhs_number" ? format_nhs_number(i.value) : i.value),
         link("Remove", base + "/identifiers/remove?" + query_of({{"type", i.type}, {"value", i.value}}))});
  }
  main += "<h2 class=\"govuk-heading-m\">Identifiers</h2>";
  main += ids.empty() ? "<p class=\"govuk-body\">None recorded.</p>" : summary_list(ids);
  main += "<p class=\"govuk-body\">" + link("Add an identifier", base + "/identifiers/new") + "</p>";

  std::vector<std::vector<std::string>> addresses;
  for (auto it = p.addresses.rbegin(); it != p.addresses.rend(); ++it) {
    addresses.push_back(
        {escape(it->one_line()) + (it->to ? "" : " " + tag("Current", "green")),
         escape(long_date_text(it->from)), escape(date_or(it->to, "")),
         it->to ? "" : link("End", base + "/addresses/end?address=" + std::to_string(it->id))});
  }
  main += table("Addresses", {"Address", "From", "Until", ""}, addresses, "No address recorded.");
  main += "<p class=\"govuk-body\">" + link("Add an address", base + "/addresses/new") + "</p>";

  std::vector<std::vector<std::string>> related;
  for (const RelatedPerson& r : record.relationships) {
    related.push_back(
        {link(r.summary.full_name.empty() ? "Person " + std::to_string(r.person_id) : r.summary.full_name,
              person_href(r.person_id)),
         escape(relationship_label_for(r)), born_cell(r.summary, today), escape(date_or(r.from, "")),
         escape(date_or(r.to, "")),
         // A relationship is ended where it was recorded.
         r.to || r.recorded_on_other
             ? ""
             : link("End", base + "/relationships/end?relationship=" + std::to_string(r.relationship_id))});
  }
  main += table("Relationships", {"Name", "Relationship", "Date of birth", "From", "Until", ""}, related,
                "No relationships recorded.");
  main += "<p class=\"govuk-body\">" + link("Add a relationship", base + "/relationships/new") + "</p>";

  // The chronology: every event on the record, newest first, with who recorded it; or only the
  // significant events of children's social care, the corrections, or the case notes.
  const std::string filter = c.query.get("chronology");
  const bool significant_only = filter == "significant";
  const bool corrections_only = filter == "corrections";
  const bool notes_only = filter == "notes";
  std::vector<std::vector<std::string>> chronology;
  for (const ChronologyEntry& e : record.chronology) {
    const bool is_correction = !e.event.reason.empty();
    if (corrections_only && !is_correction) continue;
    if (notes_only && e.event.type != "CaseNoteRecorded") continue;
    if (significant_only && !is_significant_event(e.event)) continue;
    std::string what = escape(e.description);
    if (is_correction)
      what += "<span class=\"sg-chronology-reason\">Reason: " + escape(e.event.reason) + "</span>";
    chronology.push_back({escape(long_date_text(e.event.occurred_on)), what, escape(e.recorded_by),
                          escape(london_date_time_text(e.event.recorded_at))});
  }
  const auto choice = [&](bool showing, const std::string& text, const std::string& query) {
    return showing ? "<strong>Showing " + escape(text) + "</strong>"
                   : link("Show " + text, base + query + "#chronology");
  };
  main += "<h2 class=\"govuk-heading-m\" id=\"chronology\">Chronology</h2><p class=\"govuk-body\">" +
          choice(!corrections_only && !notes_only && !significant_only, "everything", "") + " | " +
          choice(significant_only, "significant events", "?chronology=significant") + " | " +
          choice(corrections_only, "corrections only", "?chronology=corrections") + " | " +
          choice(notes_only, "case notes only", "?chronology=notes") + "</p>";
  main += "<p class=\"govuk-body\">" +
          link_button("Add a case note", base + "/notes/new", "govuk-button--secondary") + "</p>";
  main += "<div data-testid=\"chronology\">" +
          table("", {"Date", "What happened", "Recorded by", "Recorded at"}, chronology, "Nothing to show.") +
          "</div>";
  if (can_view_access_log(*c.user)) {
    main +=
        "<p class=\"govuk-body\">" + link("See who has looked at this record", base + "/access-log") + "</p>";
  }
  return main + "</div></div>";
}

Response person_page(PageContext& c, int64_t id) {
  PeopleService people(c.db, c.clock);
  auto record = people.open(*c.user, id, c.channel());
  if (!record) {
    if (record.error().field == "access_reason")
      return access_reason_page(c, id, record.error().message, "", {});
    return c.error_page(record.error());
  }
  Layout l = c.layout(record->person.details.name.full());
  l.success_message = done_message(c.query.get("done"));
  return c.page(l, person_page_main(c, *record));
}

Response give_access_reason(PageContext& c, int64_t id) {
  PeopleService people(c.db, c.clock);
  const std::string& reason = c.form.get("access_reason");
  Status status = people.give_access_reason(*c.user, id, reason, c.channel());
  if (!status) {
    if (status.error().code == ErrorCode::kInvalid) {
      auto decision = people.access_to(*c.user, id);
      return access_reason_page(c, id, decision ? decision->explanation : "", reason,
                                {{"access_reason", status.error().message}});
    }
    return c.error_page(status.error());
  }
  return Response::redirect(person_href(id));
}

}  // namespace

// ---- forms that change a record ----

Loaded load_for_form(PageContext& c, int64_t id) {
  PeopleService people(c.db, c.clock);
  auto record = people.open(*c.user, id, c.channel());
  if (!record) {
    if (record.error().field == "access_reason")
      return {std::nullopt, access_reason_page(c, id, record.error().message, "", {})};
    return {std::nullopt, c.error_page(record.error())};
  }
  return {std::move(*record), std::nullopt};
}

Response change_form_page(PageContext& c, const PersonRecord& record, const ChangeForm& f,
                          const FormData& values, const std::vector<FieldError>& errors, int status) {
  Layout l = c.layout(f.title);
  l.errors = errors;
  l.back_href = person_href(record.person.id);
  std::string main =
      "<div class=\"govuk-grid-row\"><div class=\"govuk-grid-column-two-thirds\"><span "
      "class=\"govuk-caption-l\">" +
      escape(record.person.details.name.full()) + "</span><h1 class=\"govuk-heading-l\">" + escape(f.title) +
      "</h1>";
  main += draft_notice(values) + form_open(c, f.action, is_draft_form(f.action)) +
          hidden_field("version", std::to_string(record.person.version));
  main += f.fields_html + button(f.submit) + draft_status() + "</form></div></div>";
  return c.page(l, main, status);
}

Response finish_change(
    PageContext& c, const PersonRecord& record, const ChangeForm& form, Result<int64_t> result,
    std::string_view done,
    const std::function<ChangeForm(const FormData&, const std::vector<FieldError>&)>& rebuild,
    const std::string& next) {
  if (!result) {
    const Error& e = result.error();
    if (e.code == ErrorCode::kInvalid) {
      std::vector<FieldError> errors = {{form_field(e.field.empty() ? "reason" : e.field), e.message}};
      return change_form_page(c, record, rebuild(c.form, errors), c.form, errors, 422);
    }
    if (e.code == ErrorCode::kConflict && is_draft_form(form.action)) {
      // Keep what they typed: it stays as a draft for this form, to re-apply to the new version.
      FormData kept = c.form;
      kept.remove("csrf_token");
      (void)DraftService(c.db, c.clock).save(c.user->id, form.action, kept.encode());
      return c.problem(409, "Someone else changed this record",
                       e.message + " What you typed has been kept: open the form again to see it.");
    }
    return c.error_page(e);
  }
  c.discard_draft(form.action);
  return Response::redirect((next.empty() ? person_href(record.person.id) : next) +
                            "?done=" + std::string(done));
}

int64_t form_version(const FormData& f) { return parse_id(f.get("version")).value_or(-1); }

namespace {

Response correct_details(PageContext& c, const PersonRecord& record) {
  const std::string action = person_href(record.person.id) + "/correct";
  const auto build = [&](const FormData& values, const std::vector<FieldError>& errors) {
    return ChangeForm{
        "Correct details", action,
        inset("Use this when something was recorded wrongly. For a real change of name, " +
              link("record a change of name", person_href(record.person.id) + "/name/new") + " instead.") +
            details_fields(values, errors) +
            textarea("reason", "Why are you correcting these details?", values.get("reason"),
                     error_for(errors, "reason"),
                     "For example: date of birth confirmed by the school. This is kept in the chronology.",
                     3),
        "Save correction"};
  };
  if (c.request.method == "GET") {
    FormData values = c.draft(action).value_or(details_as_form(record.person.details));
    return change_form_page(c, record, build(values, {}), values, {}, 200);
  }
  std::vector<FieldError> errors;
  PersonDetails corrected = read_details(c.form, errors);
  if (!errors.empty()) return change_form_page(c, record, build(c.form, errors), c.form, errors, 422);
  auto result = PeopleService(c.db, c.clock)
                    .correct_details(*c.user, record.person.id, form_version(c.form), corrected,
                                     c.form.get("reason"), c.channel());
  return finish_change(c, record, build(c.form, {}), result, "corrected", build);
}

Response change_name(PageContext& c, const PersonRecord& record) {
  const std::string action = person_href(record.person.id) + "/name/new";
  const auto build = [&](const FormData& v, const std::vector<FieldError>& errors) {
    InputOptions o;
    o.spellcheck_off = true;
    o.width_class = "govuk-input--width-20";
    return ChangeForm{
        "Record a change of name", action,
        inset("For a change of name by marriage, adoption or deed poll. The old name is kept as a previous "
              "name and "
              "still found by search. To fix a name typed wrongly, correct the details instead.") +
            text_input("forename", "New forename", v.get("forename"), error_for(errors, "forename"), o) +
            text_input("middle_names", "New middle names (optional)", v.get("middle_names"),
                       error_for(errors, "middle_names"), o) +
            text_input("surname", "New surname", v.get("surname"), error_for(errors, "surname"), o) +
            date_input("from", "Date of the change", date_parts(v, "from"), error_for(errors, "from")),
        "Save change of name"};
  };
  if (c.request.method == "GET") {
    FormData values = c.draft(action).value_or(FormData());
    return change_form_page(c, record, build(values, {}), values, {}, 200);
  }
  auto from = read_required_date(c.form, "from", "The date of the change", "Enter the date of the change");
  if (!from) {
    std::vector<FieldError> errors = {{"from", from.error().message}};
    return change_form_page(c, record, build(c.form, errors), c.form, errors, 422);
  }
  PersonName name{c.form.get("forename"), c.form.get("middle_names"), c.form.get("surname")};
  auto result = PeopleService(c.db, c.clock)
                    .change_name(*c.user, record.person.id, form_version(c.form), name, *from, c.channel());
  return finish_change(c, record, build(c.form, {}), result, "name", build);
}

Response record_birth(PageContext& c, const PersonRecord& record) {
  const std::string action = person_href(record.person.id) + "/birth/new";
  const auto build = [&](const FormData& v, const std::vector<FieldError>& errors) {
    return ChangeForm{"Record the birth", action,
                      date_input("date_of_birth", "Date of birth", date_parts(v, "date_of_birth"),
                                 error_for(errors, "date_of_birth")) +
                          radios("sex", "Sex", choices_of(CodeList::kSex), v.get("sex"),
                                 error_for(errors, "sex"), "", true),
                      "Save birth"};
  };
  if (c.request.method == "GET") {
    FormData values = c.draft(action).value_or(FormData());
    return change_form_page(c, record, build(values, {}), values, {}, 200);
  }
  auto born = read_required_date(c.form, "date_of_birth", "Date of birth", "Enter the date of birth");
  if (!born) {
    std::vector<FieldError> errors = {{"date_of_birth", born.error().message}};
    return change_form_page(c, record, build(c.form, errors), c.form, errors, 422);
  }
  auto result = PeopleService(c.db, c.clock)
                    .record_birth(*c.user, record.person.id, form_version(c.form), *born, c.form.get("sex"),
                                  c.channel());
  return finish_change(c, record, build(c.form, {}), result, "birth", build);
}

Response record_death(PageContext& c, const PersonRecord& record) {
  const std::string action = person_href(record.person.id) + "/death/new";
  const auto build = [&](const FormData& v, const std::vector<FieldError>& errors) {
    return ChangeForm{"Record a death", action,
                      date_input("date_of_death", "Date of death", date_parts(v, "date_of_death"),
                                 error_for(errors, "date_of_death")),
                      "Save"};
  };
  if (c.request.method == "GET") {
    FormData values = c.draft(action).value_or(FormData());
    return change_form_page(c, record, build(values, {}), values, {}, 200);
  }
  auto died = read_required_date(c.form, "date_of_death", "The date of death", "Enter the date of death");
  if (!died) {
    std::vector<FieldError> errors = {{"date_of_death", died.error().message}};
    return change_form_page(c, record, build(c.form, errors), c.form, errors, 422);
  }
  auto result = PeopleService(c.db, c.clock)
                    .record_death(*c.user, record.person.id, form_version(c.form), *died, c.channel());
  return finish_change(c, record, build(c.form, {}), result, "death", build);
}

Response allocate(PageContext& c, const PersonRecord& record) {
  if (!can_allocate(*c.user)) {
    return c.problem(403, "You cannot allocate children",
                     "Only a team manager allocates a child to a social worker.");
  }
  const std::string action = person_href(record.person.id) + "/allocate";
  auto workers = AllocationService(c.db, c.clock).workers(*c.user);
  if (!workers) return c.error_page(workers.error());
  const Allocation* current = current_allocation(record.person);
  const auto build = [&](const FormData& v, const std::vector<FieldError>& errors) {
    std::vector<Choice> people;
    for (const WorkerCaseload& w : *workers) {
      if (current && w.worker.username == current->worker) continue;
      people.push_back({w.worker.username, w.worker.display_name + " (" + w.worker.team_name + ", " +
                                               std::to_string(w.load.children) + " children)"});
    }
    std::string fields;
    if (current) {
      fields += inset(escape("Allocated now to " + current->worker_name + " (" + current->team_name +
                             ") since " + long_date_text(current->from) +
                             ". Their allocation ends the day before the new one starts."));
    }
    fields += select("worker", "Social worker", people, v.get("worker"), error_for(errors, "worker"),
                     "With the number of children each holds now.", "Choose a social worker");
    fields += date_input("from", "Allocated from", date_parts(v, "from"), error_for(errors, "from"));
    fields += select("reason", current ? "Why is the social worker changing?" : "Reason",
                     choices_of(CodeList::kWorkerChangeReason), v.get("reason"), error_for(errors, "reason"),
                     "The reason is reported to the Department for Education.", "Choose a reason");
    return ChangeForm{current ? "Change social worker" : "Allocate a social worker", action, fields,
                      "Allocate"};
  };
  if (c.request.method == "GET") {
    FormData values;
    set_date(values, "from", c.clock.today());
    if (!current) values.add("reason", "FCONTA");
    return change_form_page(c, record, build(values, {}), values, {}, 200);
  }
  auto from =
      read_required_date(c.form, "from", "The allocation date", "Enter the date the allocation starts");
  if (!from) {
    std::vector<FieldError> errors = {{"from", from.error().message}};
    return change_form_page(c, record, build(c.form, errors), c.form, errors, 422);
  }
  auto result = PeopleService(c.db, c.clock)
                    .allocate(*c.user, record.person.id, form_version(c.form), c.form.get("worker"), *from,
                              c.form.get("reason"), c.channel());
  return finish_change(c, record, build(c.form, {}), result, "allocated", build);
}

Response add_case_note(PageContext& c, const PersonRecord& record) {
  const std::string action = person_href(record.person.id) + "/notes/new";
  const auto build = [&](const FormData& v, const std::vector<FieldError>& errors) {
    return ChangeForm{
        "Add a case note", action,
        radios("type", "What does the note record?", choices_of(CodeList::kCaseNoteType), v.get("type"),
               error_for(errors, "type")) +
            date_input("contact_date", "When did it happen?", date_parts(v, "contact_date"),
                       error_for(errors, "contact_date")) +
            textarea("text", "Note", v.get("text"), error_for(errors, "text"),
                     "What was said and done, in plain words. Record the child's own words where you can.",
                     12),
        "Save note"};
  };
  if (c.request.method == "GET") {
    FormData values = c.draft(action).value_or(FormData());
    if (!values.has("contact_date-day")) set_date(values, "contact_date", c.clock.today());
    return change_form_page(c, record, build(values, {}), values, {}, 200);
  }
  auto when = read_required_date(c.form, "contact_date", "The date", "Enter the date it happened");
  if (!when) {
    std::vector<FieldError> errors = {{"contact_date", when.error().message}};
    return change_form_page(c, record, build(c.form, errors), c.form, errors, 422);
  }
  auto result = PeopleService(c.db, c.clock)
                    .add_case_note(*c.user, record.person.id, form_version(c.form), c.form.get("type"), *when,
                                   c.form.get("text"), c.channel());
  return finish_change(c, record, build(c.form, {}), result, "note", build);
}

Response add_address(PageContext& c, const PersonRecord& record) {
  const std::string action = person_href(record.person.id) + "/addresses/new";
  const auto build = [&](const FormData& v, const std::vector<FieldError>& errors) {
    return ChangeForm{"Add an address", action,
                      inset("The current address ends the day before the new one starts.") +
                          address_fields(v, errors, false),
                      "Save address"};
  };
  if (c.request.method == "GET") {
    FormData values = c.draft(action).value_or(FormData());
    return change_form_page(c, record, build(values, {}), values, {}, 200);
  }
  AddressInput a{c.form.get("address-line1"),
                 c.form.get("address-line2"),
                 c.form.get("address-town"),
                 c.form.get("address-postcode"),
                 {}};
  auto from = read_date(c.form, "address-from", "The date they moved in");
  if (!from) {
    std::vector<FieldError> errors = {{"address-from", from.error().message}};
    return change_form_page(c, record, build(c.form, errors), c.form, errors, 422);
  }
  a.from = *from;
  auto result = PeopleService(c.db, c.clock)
                    .add_address(*c.user, record.person.id, form_version(c.form), a, c.channel());
  return finish_change(c, record, build(c.form, {}), result, "address", build);
}

Response add_identifier(PageContext& c, const PersonRecord& record) {
  const std::string action = person_href(record.person.id) + "/identifiers/new";
  const auto build = [&](const FormData& v, const std::vector<FieldError>& errors) {
    InputOptions o;
    o.width_class = "govuk-input--width-20";
    o.spellcheck_off = true;
    return ChangeForm{"Add an identifier", action,
                      select("identifier-type", "Kind of identifier", choices_of(CodeList::kIdentifierType),
                             v.get("identifier-type"), error_for(errors, "identifier-type")) +
                          text_input("identifier-value", "Identifier", v.get("identifier-value"),
                                     error_for(errors, "identifier-value"), o),
                      "Save identifier"};
  };
  if (c.request.method == "GET") {
    FormData values = c.draft(action).value_or(FormData());
    return change_form_page(c, record, build(values, {}), values, {}, 200);
  }
  auto result =
      PeopleService(c.db, c.clock)
          .add_identifier(*c.user, record.person.id, form_version(c.form),
                          {c.form.get("identifier-type"), c.form.get("identifier-value")}, c.channel());
  return finish_change(c, record, build(c.form, {}), result, "identifier", build);
}

Response add_relationship(PageContext& c, const PersonRecord& record) {
  const std::string action = person_href(record.person.id) + "/relationships/new";
  const auto build = [&](const FormData& v, const std::vector<FieldError>& errors) {
    InputOptions o;
    o.width_class = "govuk-input--width-10";
    o.hint = "Find them first, then type their Safeguard ID";
    std::vector<Choice> types;
    for (const Code& code : codes(CodeList::kRelationship)) {
      types.push_back(
          {std::string(code.code), "The other person is this person's " + to_lower_ascii(code.label)});
    }
    return ChangeForm{
        "Add a relationship", action,
        text_input("relationship-related_person_id", "Safeguard ID of the other person",
                   v.get("relationship-related_person_id"),
                   error_for(errors, "relationship-related_person_id"), o) +
            select("relationship-type", "Relationship", types, v.get("relationship-type"),
                   error_for(errors, "relationship-type")) +
            date_input("relationship-from", "Since (optional)", date_parts(v, "relationship-from"),
                       error_for(errors, "relationship-from")),
        "Save relationship"};
  };
  if (c.request.method == "GET") {
    FormData values = c.draft(action).value_or(FormData());
    return change_form_page(c, record, build(values, {}), values, {}, 200);
  }
  std::vector<FieldError> errors;
  const auto other = parse_id(trim(c.form.get("relationship-related_person_id")));
  if (!other)
    errors.push_back(
        {"relationship-related_person_id", "Enter the other person's Safeguard ID, a number like 1042"});
  auto from = read_date(c.form, "relationship-from", "The date the relationship started");
  if (!from) errors.push_back({"relationship-from", from.error().message});
  if (!errors.empty()) return change_form_page(c, record, build(c.form, errors), c.form, errors, 422);
  auto result = PeopleService(c.db, c.clock)
                    .add_relationship(*c.user, record.person.id, form_version(c.form), *other,
                                      c.form.get("relationship-type"), *from, c.channel());
  return finish_change(c, record, build(c.form, {}), result, "relationship", build);
}

Response end_address(PageContext& c, const PersonRecord& record) {
  const auto address_id = parse_id(c.query.get("address"));
  const auto it = std::find_if(record.person.addresses.begin(), record.person.addresses.end(),
                               [&](const Address& a) { return address_id && a.id == *address_id; });
  if (it == record.person.addresses.end())
    return c.problem(404, "Page not found", "This person has no such address.");
  const std::string action =
      person_href(record.person.id) + "/addresses/end?address=" + std::to_string(it->id);
  const auto build = [&](const FormData& v, const std::vector<FieldError>& errors) {
    return ChangeForm{
        "End an address", action,
        inset(escape(it->one_line()) + ", from " + escape(long_date_text(it->from))) +
            date_input("to", "Last day they lived there", date_parts(v, "to"), error_for(errors, "to")),
        "Save"};
  };
  if (c.request.method == "GET") return change_form_page(c, record, build({}, {}), {}, {}, 200);
  auto last = read_required_date(c.form, "to", "The last day", "Enter the last day they lived there");
  if (!last) {
    std::vector<FieldError> errors = {{"to", last.error().message}};
    return change_form_page(c, record, build(c.form, errors), c.form, errors, 422);
  }
  auto result = PeopleService(c.db, c.clock)
                    .end_address(*c.user, record.person.id, form_version(c.form), it->id, *last, c.channel());
  return finish_change(c, record, build(c.form, {}), result, "address-ended", build);
}

Response end_relationship(PageContext& c, const PersonRecord& record) {
  const auto relationship_id = parse_id(c.query.get("relationship"));
  const auto it =
      std::find_if(record.person.relationships.begin(), record.person.relationships.end(),
                   [&](const Relationship& r) { return relationship_id && r.id == *relationship_id; });
  if (it == record.person.relationships.end()) {
    return c.problem(404, "Page not found", "This person's record has no such relationship.");
  }
  const std::string action =
      person_href(record.person.id) + "/relationships/end?relationship=" + std::to_string(it->id);
  const auto build = [&](const FormData& v, const std::vector<FieldError>& errors) {
    return ChangeForm{
        "End a relationship", action,
        date_input("to", "Last day of the relationship", date_parts(v, "to"), error_for(errors, "to"),
                   "For example, the day a partner left the household"),
        "Save"};
  };
  if (c.request.method == "GET") return change_form_page(c, record, build({}, {}), {}, {}, 200);
  auto last = read_required_date(c.form, "to", "The last day", "Enter the last day of the relationship");
  if (!last) {
    std::vector<FieldError> errors = {{"to", last.error().message}};
    return change_form_page(c, record, build(c.form, errors), c.form, errors, 422);
  }
  auto result =
      PeopleService(c.db, c.clock)
          .end_relationship(*c.user, record.person.id, form_version(c.form), it->id, *last, c.channel());
  return finish_change(c, record, build(c.form, {}), result, "relationship-ended", build);
}

Response remove_identifier(PageContext& c, const PersonRecord& record) {
  const Identifier wanted{c.query.get("type"), c.query.get("value")};
  const auto it = std::find(record.person.identifiers.begin(), record.person.identifiers.end(), wanted);
  if (it == record.person.identifiers.end())
    return c.problem(404, "Page not found", "This person has no such identifier.");
  const std::string action = person_href(record.person.id) + "/identifiers/remove?" +
                             query_of({{"type", it->type}, {"value", it->value}});
  const auto build = [&](const FormData& v, const std::vector<FieldError>& errors) {
    return ChangeForm{
        "Remove an identifier",
        action,
        inset(escape(label_of(CodeList::kIdentifierType, it->type)) + " " + escape(it->value)) +
            textarea("reason", "Why are you removing it?", v.get("reason"), error_for(errors, "reason"),
                     "For example: it belongs to a sibling. This is kept in the chronology.", 3),
        "Remove identifier",
    };
  };
  if (c.request.method == "GET") return change_form_page(c, record, build({}, {}), {}, {}, 200);
  auto result = PeopleService(c.db, c.clock)
                    .remove_identifier(*c.user, record.person.id, form_version(c.form), {it->type, it->value},
                                       c.form.get("reason"), c.channel());
  return finish_change(c, record, build(c.form, {}), result, "identifier-removed", build);
}

}  // namespace

std::optional<Response> people_pages(PageContext& c) {
  const std::string& path = c.request.path;
  const bool get = c.request.method == "GET";
  if (path == "/people" && get) return find_page(c);
  if (path == "/people/new") return record_person(c);
  if (!path.starts_with("/people/")) return std::nullopt;
  const std::string rest = path.substr(8);
  const size_t slash = rest.find('/');
  const auto id = parse_id(rest.substr(0, slash));
  if (!id) return std::nullopt;
  const std::string tail = slash == std::string::npos ? "" : rest.substr(slash);
  if (tail.empty() && get) return person_page(c, *id);
  if (tail == "/access-reason" && !get) return give_access_reason(c, *id);
  using FormPage = Response (*)(PageContext&, const PersonRecord&);
  static const std::map<std::string, FormPage> kForms = {{"/correct", correct_details},
                                                         {"/name/new", change_name},
                                                         {"/birth/new", record_birth},
                                                         {"/death/new", record_death},
                                                         {"/addresses/new", add_address},
                                                         {"/identifiers/new", add_identifier},
                                                         {"/relationships/new", add_relationship},
                                                         {"/addresses/end", end_address},
                                                         {"/relationships/end", end_relationship},
                                                         {"/identifiers/remove", remove_identifier},
                                                         {"/notes/new", add_case_note}};
  if (tail == "/allocate") {
    Loaded loaded = load_for_form(c, *id);
    if (loaded.instead) return std::move(*loaded.instead);
    return allocate(c, *loaded.record);
  }
  const auto form = kForms.find(tail);
  if (form == kForms.end()) return std::nullopt;
  if (!can_record_people(*c.user))
    return c.problem(403, "You cannot change records",
                     "Your role does not include changing people's records.");
  Loaded loaded = load_for_form(c, *id);
  if (loaded.instead) return std::move(*loaded.instead);
  return form->second(c, *loaded.record);
}

std::optional<Response> DatedForm::get() {
  if (c.request.method != "GET") return std::nullopt;
  FormData values = c.draft(action).value_or(FormData());
  if (!values.has(std::string(date_field) + "-day")) set_date(values, date_field, c.clock.today());
  return change_form_page(c, record, build(values, {}), values, {}, 200);
}

Result<Date> DatedForm::date(std::string_view missing) {
  return read_required_date(c.form, date_field, "The date", missing);
}

Response DatedForm::invalid(std::vector<FieldError> errors) {
  return change_form_page(c, record, build(c.form, errors), c.form, errors, 422);
}

Response DatedForm::finish(Result<int64_t> result, std::string_view done) {
  return finish_change(c, record, build(c.form, {}), std::move(result), done, build, next);
}

}  // namespace safeguard::web
