// Signing in and out, and the home page each role lands on.
#include "app/access_policy.h"
#include "app/allocation.h"
#include "app/drafts.h"
#include "app/front_door.h"
#include "app/people.h"
#include "core/crypto.h"
#include "core/text.h"
#include "web/page_context.h"

namespace safeguard::web {
namespace {

constexpr const char* kSessionCookie = "sg_session";
constexpr const char* kSignInCookie = "sg_signin";

std::string cookie(std::string_view name, std::string_view value, std::string_view path, bool secure,
                   std::optional<int> max_age) {
  std::string out = std::string(name) + "=" + std::string(value) + "; Path=" + std::string(path) +
                    "; HttpOnly; SameSite=Strict";
  if (secure) out += "; Secure";
  if (max_age) out += "; Max-Age=" + std::to_string(*max_age);
  return out;
}

// Only paths on this site: "/people/12", never "//elsewhere" or "https://...".
std::string safe_next(std::string_view next) {
  if (next.empty() || next[0] != '/' || (next.size() > 1 && (next[1] == '/' || next[1] == '\\'))) return "/";
  if (next.starts_with("/sign-in") || next.starts_with("/sign-out")) return "/";
  for (const char c : next) {
    if (static_cast<unsigned char>(c) < 0x20) return "/";
  }
  return std::string(next);
}

Response sign_in_form(PageContext& c, const std::string& username, const std::vector<FieldError>& errors,
                      int status) {
  const std::string token = random_token_hex(16);
  Layout l = c.layout("Sign in");
  l.errors = errors;
  std::string main = "<div class=\"govuk-grid-row\"><div class=\"govuk-grid-column-two-thirds\">";
  main += "<h1 class=\"govuk-heading-l\">Sign in to Safeguard</h1>";
  if (c.query.get("expired") == "1") {
    main += inset(
        "Your session ended, so you need to sign in again. Anything you were typing into a form has been "
        "kept: "
        "it will be there when you go back to the form.");
  }
  main += "<form method=\"post\" action=\"/sign-in\" novalidate>";
  main += hidden_field("signin_token", token) +
          hidden_field("next", safe_next(c.query.has("next") ? c.query.get("next") : c.form.get("next")));
  auto error_for = [&](std::string_view field) {
    for (const FieldError& e : errors) {
      if (e.field == field) return e.message;
    }
    return std::string();
  };
  InputOptions username_options;
  username_options.autocomplete = "username";
  username_options.spellcheck_off = true;
  username_options.width_class = "govuk-input--width-20";
  username_options.autofocus = true;
  main += text_input("username", "Username", username, error_for("username"), username_options);
  InputOptions password_options;
  password_options.type = "password";
  password_options.autocomplete = "current-password";
  password_options.width_class = "govuk-input--width-20";
  main += text_input("password", "Password", "", error_for("password"), password_options);
  main += button("Sign in") + "</form></div></div>";
  Response r = c.page(l, main, status);
  r.headers.push_back(
      {"Set-Cookie", cookie(kSignInCookie, token, "/sign-in", c.options.secure_cookies, 3600)});
  return r;
}

std::string person_link(const PersonSummary& p) {
  return link(p.full_name.empty() ? "Name not recorded" : p.full_name, "/people/" + std::to_string(p.id));
}

std::string born_text(const PersonSummary& p) {
  if (p.date_of_birth) return long_date_text(*p.date_of_birth);
  if (p.expected_date_of_birth) return "Unborn, expected " + long_date_text(*p.expected_date_of_birth);
  return "Not recorded";
}

// What a form kept as a draft is, in words: "Correct details (person 1042)".
std::string draft_title(std::string_view form_key) {
  static constexpr std::pair<std::string_view, std::string_view> kForms[] = {
      {"/correct", "Correct details"},
      {"/name/new", "Record a change of name"},
      {"/birth/new", "Record the birth"},
      {"/death/new", "Record a death"},
      {"/addresses/new", "Add an address"},
      {"/identifiers/new", "Add an identifier"},
      {"/relationships/new", "Add a relationship"}};
  if (form_key == "/people/new") return "Record a person";
  if (form_key == "/contacts/new") return "Record a contact";
  if (form_key.starts_with("/contacts/")) {
    // "/contacts/12/mash/new", "/contacts/12/children/40/decision"
    const auto parts = split(std::string(form_key.substr(10)), '/');
    if (parts.size() == 3 && parts[1] == "mash") return "MASH enquiry (contact " + parts[0] + ")";
    if (parts.size() == 4 && parts[1] == "children")
      return "Decision for person " + parts[2] + " (contact " + parts[0] + ")";
  }
  if (form_key.starts_with("/mash/") && form_key.ends_with("/answer")) {
    const auto parts = split(std::string(form_key.substr(6)), '/');
    if (parts.size() == 3) return "Answer to MASH enquiry " + parts[0] + "/" + parts[1];
  }
  for (const auto& [suffix, title] : kForms) {
    if (form_key.starts_with("/people/") && form_key.ends_with(suffix)) {
      const std::string_view id = form_key.substr(8, form_key.size() - 8 - suffix.size());
      return std::string(title) + " (person " + std::string(id) + ")";
    }
  }
  return std::string(form_key);
}

std::string search_box() {
  std::string out = "<form method=\"get\" action=\"/people\" class=\"sg-home-search\">";
  InputOptions o;
  o.hint = "A name, or part of one. Spelling does not need to be exact.";
  o.spellcheck_off = true;
  o.autocomplete = "off";
  o.width_class = "govuk-input--width-20";
  out += text_input("name", "Find a person by name", "", "", o);
  out += button("Search", "govuk-!-margin-bottom-2") + "</form>";
  out += "<p class=\"govuk-body\">" + link("Search by date of birth, postcode or identifier", "/people") +
         "</p>";
  return out;
}

}  // namespace

std::string drafts_table_html(PageContext& c) {
  if (!c.user) return {};
  auto drafts = DraftService(c.db, c.clock).of(c.user->id);
  if (drafts.empty()) return {};
  std::vector<std::vector<std::string>> rows;
  for (const Draft& d : drafts) {
    rows.push_back({link("Continue", d.form_key), escape(draft_title(d.form_key)),
                    escape(london_date_time_text(d.saved_at))});
  }
  return table("Forms you have not finished", {"", "Form", "Last saved"}, rows);
}

std::string session_token_of(const Request& request) {
  const auto header = request.header("Cookie");
  if (!header) return {};
  const auto cookies = parse_cookies(*header);
  const auto it = cookies.find(kSessionCookie);
  return it == cookies.end() ? std::string() : it->second;
}

Response sign_in_page(PageContext& c) {
  if (c.request.method == "GET") return sign_in_form(c, "", {}, 200);
  const auto header = c.request.header("Cookie");
  const auto cookies = parse_cookies(header ? *header : "");
  const auto expected = cookies.find(kSignInCookie);
  const std::string& username = c.form.get("username");
  if (expected == cookies.end() || !constant_time_equals(expected->second, c.form.get("signin_token"))) {
    return sign_in_form(
        c, username, {{"username", "The sign-in page had expired. Enter your username and password again."}},
        400);
  }
  AuthService auth(c.db, c.clock, c.options.auth);
  auto signed_in = auth.sign_in(username, c.form.get("password"), c.request.remote_address);
  if (!signed_in) {
    const Error& e = signed_in.error();
    const std::string field = e.field == "password" ? "password" : "username";
    return sign_in_form(c, username, {{field, e.message}}, http_status_of(e));
  }
  Response r = Response::redirect(safe_next(c.form.get("next")));
  r.headers.push_back({"Set-Cookie", cookie(kSessionCookie, signed_in->session_token, "/",
                                            c.options.secure_cookies, std::nullopt)});
  r.headers.push_back({"Set-Cookie", cookie(kSignInCookie, "", "/sign-in", c.options.secure_cookies, 0)});
  return r;
}

Response sign_out(PageContext& c, std::string_view session_token) {
  AuthService(c.db, c.clock, c.options.auth).sign_out(session_token);
  Response r = Response::redirect("/sign-in?signed_out=1");
  r.headers.push_back({"Set-Cookie", cookie(kSessionCookie, "", "/", c.options.secure_cookies, 0)});
  return r;
}

// The children allocated to the user, for their home page.
std::string held_children_table(PageContext& c) {
  auto held = AllocationService(c.db, c.clock).children_of(*c.user);
  if (!held) return {};
  std::vector<std::vector<std::string>> rows;
  for (const HeldChild& h : *held) {
    rows.push_back(
        {person_link(h.child), escape(born_text(h.child)), escape(long_date_text(h.allocated_from))});
  }
  return "<div data-testid=\"my-children\">" +
         table("Your children (" + std::to_string(rows.size()) + ")",
               {"Name", "Date of birth", "Allocated to you"}, rows, "No children are allocated to you.") +
         "</div>";
}

std::optional<Response> account_pages(PageContext& c) {
  if (c.request.path != "/" || c.request.method != "GET") return std::nullopt;
  const User& user = *c.user;
  Layout l = c.layout("Home", "home");
  std::string main = "<h1 class=\"govuk-heading-l\">" + escape(user.display_name) + "</h1>";
  main += "<p class=\"govuk-body-l\">" + escape(role_label(user.role)) +
          (user.team_name.empty() ? std::string() : ", " + escape(user.team_name)) + "</p>";
  PeopleService people(c.db, c.clock);
  if (can_search_people(user)) {
    main += "<div class=\"govuk-grid-row\"><div class=\"govuk-grid-column-two-thirds\">" + search_box() +
            "</div>";
    main +=
        "<div class=\"govuk-grid-column-one-third\"><h2 class=\"govuk-heading-s\">New worry about "
        "someone?</h2>"
        "<p class=\"govuk-body\">Search first: they may already be known.</p>" +
        link_button("Record a person", "/people/new", "govuk-button--secondary") + "</div></div>";
    if (can_hold_cases(user)) main += held_children_table(c);
    std::vector<std::vector<std::string>> rows;
    for (const PersonSummary& p : people.recently_opened(user)) {
      rows.push_back({person_link(p), escape(born_text(p)), escape(p.address)});
    }
    main += table("People you looked at recently", {"Name", "Date of birth", "Address"}, rows,
                  "You have not opened anyone's record yet.");
    main += drafts_table_html(c);
  } else if (user.role == Role::kInspector) {
    std::vector<std::vector<std::string>> rows;
    const Date today = c.clock.today();
    for (const PeopleService::Sampled& s : people.inspection_sample(user)) {
      rows.push_back({s.from <= today ? person_link(s.person) : escape(s.person.full_name),
                      escape(long_date_text(s.from)), escape(long_date_text(s.until))});
    }
    main += table("Children in your inspection sample", {"Name", "From", "Until"}, rows,
                  "No children have been shared with you for an inspection yet.");
  } else if (can_administer(user)) {
    main += "<ul class=\"govuk-list\"><li>" +
            link("Audit: who has seen a person's record, administration log, record integrity", "/audit") +
            "</li></ul><p class=\"govuk-body\">Users, teams and API tokens are managed with the "
            "<code>safeguard users</code> and "
            "<code>safeguard tokens</code> commands.</p>";
  } else if (user.role == Role::kMashPartner) {
    main += "<p class=\"govuk-body\">MASH enquiries sent to " +
            escape(user.agency.empty() ? "your agency" : user.agency) + " will appear here.</p>";
  } else if (can_see_front_door_figures(user)) {
    main += "<ul class=\"govuk-list\"><li>" +
            link("The front door's figures: contacts, decisions, referrals and MASH answers",
                 "/front-door/dashboard") +
            "</li></ul><p class=\"govuk-body\">Statutory returns will appear here.</p>";
  } else {
    main += "<p class=\"govuk-body\">Performance figures and statutory returns will appear here.</p>";
  }
  return c.page(l, main);
}

}  // namespace safeguard::web
