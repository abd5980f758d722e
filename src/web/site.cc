#include "web/site.h"

#include <algorithm>
#include <cstdio>

#include "app/access_policy.h"
#include "app/drafts.h"
#include "app/front_door.h"
#include "app/looked_after.h"
#include "core/crypto.h"
#include "core/text.h"
#include "web/page_context.h"

namespace safeguard::web {
namespace {

void add_security_headers(Response& r) {
  r.set_header(
      "Content-Security-Policy",
      "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; "
      "connect-src 'self'; frame-ancestors 'none'; form-action 'self'; base-uri 'none'; object-src 'none'");
  r.set_header("X-Content-Type-Options", "nosniff");
  r.set_header("X-Frame-Options", "DENY");
  r.set_header("Referrer-Policy", "same-origin");
  bool has_cache_control = false;
  for (const Header& h : r.headers) has_cache_control |= h.name == "Cache-Control";
  if (!has_cache_control) r.set_header("Cache-Control", "no-store");
}

bool is_form_post(const Request& request) {
  const auto type = request.header("Content-Type");
  return type && type->starts_with("application/x-www-form-urlencoded");
}

}  // namespace

// ---- PageContext ----

Layout PageContext::layout(std::string title, std::string_view active) const {
  Layout l;
  l.title = std::move(title);
  l.council_name = options.council_name;
  if (user) {
    l.user_name = user->display_name;
    l.user_role = std::string(role_label(user->role));
    l.csrf_token = csrf_token;
    l.navigation.push_back({"Home", "/", active == "home"});
    // A front door worker's home is the queue; a manager's home shows it too, and the front door
    // is one of several things a manager looks after.
    if (can_authorise_decisions(*user)) {
      l.navigation.push_back({"Front door", "/front-door", active == "front-door"});
      l.navigation.push_back({"Authorisations", "/authorisations", active == "authorisations"});
    }
    if (can_work_contacts(*user))
      l.navigation.push_back({"Record a contact", "/contacts/new", active == "contact-new"});
    if (user->role == Role::kMashPartner)
      l.navigation.push_back({"MASH enquiries", "/mash", active == "mash"});
    if (can_search_people(*user)) {
      l.navigation.push_back({"Find a person", "/people", active == "search"});
      l.navigation.push_back({"Record a person", "/people/new", active == "new"});
    }
    if (has_my_work(*user)) l.navigation.push_back({"My work", "/my-work", active == "my-work"});
    if (can_allocate(*user)) l.navigation.push_back({"Allocation", "/allocation", active == "allocation"});
    if (can_record_missing(*user)) l.navigation.push_back({"Missing", "/missing", active == "missing"});
    if (can_see_care_figures(*user)) {
      l.navigation.push_back({"Children in care", "/children-in-care", active == "children-in-care"});
    }
    if (can_see_front_door_figures(*user))
      l.navigation.push_back({"Dashboard", "/front-door/dashboard", active == "dashboard"});
    if (can_see_returns(*user)) l.navigation.push_back({"Returns", "/returns", active == "returns"});
    if (can_administer(*user) || can_view_access_log(*user))
      l.navigation.push_back({"Audit", "/audit", active == "audit"});
  }
  return l;
}

Response PageContext::page(const Layout& l, std::string_view main_html, int status) const {
  return Response::text(status, web::page(l, main_html), "text/html; charset=utf-8");
}

Response PageContext::problem(int status, std::string_view title, std::string_view message) const {
  return page(layout(std::string(title)),
              "<h1 class=\"govuk-heading-l\">" + escape(title) + "</h1><p class=\"govuk-body\">" +
                  escape(message) + "</p>" + "<p class=\"govuk-body\">" + link("Go to the home page", "/") +
                  "</p>",
              status);
}

int http_status_of(const Error& error) {
  switch (error.code) {
    case ErrorCode::kInvalid:
      return 422;
    case ErrorCode::kNotFound:
      return 404;
    case ErrorCode::kConflict:
      return 409;
    case ErrorCode::kDenied:
      return 403;
    case ErrorCode::kUnauthenticated:
      return 401;
    case ErrorCode::kTooManyRequests:
      return 429;
    case ErrorCode::kStorage:
      return 503;
    case ErrorCode::kInternal:
      return 500;
  }
  return 500;
}

Response PageContext::error_page(const Error& error) const {
  switch (error.code) {
    case ErrorCode::kNotFound:
      return problem(404, "Page not found", error.message);
    case ErrorCode::kDenied:
      return problem(403, "You cannot see this", error.message);
    case ErrorCode::kConflict:
      return problem(409, "Someone else changed this record", error.message);
    case ErrorCode::kStorage:
      return problem(503, "Sorry, there is a problem with the service", error.message);
    default:
      return problem(http_status_of(error), "Sorry, there is a problem", error.message);
  }
}

std::optional<FormData> PageContext::draft(std::string_view form_key) const {
  if (!user) return std::nullopt;
  try {
    auto d = DraftService(db, clock).load(user->id, form_key);
    if (!d) return std::nullopt;
    FormData data = FormData::parse(d->data);
    data.set("draft_saved_at", london_date_time_text(d->saved_at));
    return data;
  } catch (const SqlError&) {
    return std::nullopt;
  }
}

void PageContext::discard_draft(std::string_view form_key) const {
  if (!user) return;
  DraftService(db, clock).discard(user->id, form_key);
}

bool is_draft_form(std::string_view path) {
  if (path == "/people/new" || path == "/contacts/new") return true;
  // The front door's long forms: "/contacts/<id>/mash/new", "/contacts/<id>/children/<id>/decision"
  // and a partner's "/mash/<contact>/<enquiry>/answer".
  const auto parts = split(std::string(path), '/');
  const auto ids = [&](std::initializer_list<size_t> at) {
    return std::all_of(at.begin(), at.end(), [&](size_t i) { return parse_id(parts[i]).has_value(); });
  };
  if (path.starts_with("/contacts/")) {
    if (parts.size() == 5 && parts[3] == "mash" && parts[4] == "new") return ids({2});
    if (parts.size() == 6 && parts[3] == "children" && parts[5] == "decision") return ids({2, 4});
    return false;
  }
  if (path.starts_with("/mash/")) return parts.size() == 5 && parts[4] == "answer" && ids({2, 3});
  if (!path.starts_with("/people/")) return false;
  const std::string_view rest = path.substr(8);
  const size_t slash = rest.find('/');
  if (slash == std::string_view::npos || !parse_id(rest.substr(0, slash))) return false;
  const std::string_view form = rest.substr(slash);
  // A single assessment's write-up: "/assessments/<id>".
  if (form.starts_with("/assessments/") && parse_id(form.substr(13))) return true;
  // A plan's actions "/plans/<id>" and its review "/plans/<id>/review"; an enquiry's findings
  // "/enquiries/<id>/conclude".
  if (form.starts_with("/plans/")) {
    const std::string_view tail = form.substr(7);
    const size_t end = tail.find('/');
    return parse_id(tail.substr(0, end)) && (end == std::string_view::npos || tail.substr(end) == "/review");
  }
  // A return home interview "/missing/<id>/interview".
  if (form.starts_with("/missing/") && form.ends_with("/interview")) {
    return parse_id(form.substr(9, form.size() - 9 - 10)).has_value();
  }
  if (form.starts_with("/health/")) return is_health_form(form.substr(8));
  if (form == "/leaving-care/pathway-plan" || form == "/leaving-care/contact") return true;
  if (form.starts_with("/enquiries/") && form.ends_with("/conclude")) {
    return parse_id(form.substr(11, form.size() - 11 - 9)).has_value();
  }
  return form == "/correct" || form == "/name/new" || form == "/birth/new" || form == "/death/new" ||
         form == "/addresses/new" || form == "/relationships/new" || form == "/identifiers/new" ||
         form == "/notes/new" || form == "/strategy-discussions/new" || form == "/visits/new" ||
         form == "/supervision/new" || form == "/looked-after/start" || form == "/looked-after/change" ||
         form == "/looked-after/end" || form == "/looked-after/reviews/new" || form == "/missing/screening";
}

// ---- Site ----

struct Site::Impl {
  DatabasePool& pool;
  const Clock& clock;
  SiteOptions options;

  Response dispatch(const Request& original);
  Response pages(PageContext& context, const Request& request);
};

Site::Site(DatabasePool& pool, const Clock& clock, SiteOptions options)
    : impl_(std::make_unique<Impl>(Impl{pool, clock, std::move(options)})) {}

Site::~Site() = default;

Response Site::handle(const Request& request) {
  Response response;
  try {
    response = impl_->dispatch(request);
  } catch (const std::exception& e) {
    std::fprintf(stderr, "safeguard: %s %s failed: %s\n", request.method.c_str(), request.path.c_str(),
                 e.what());
    response = Response::text(500, "Sorry, there is a problem with the service. Nothing was changed.");
  }
  add_security_headers(response);
  return response;
}

Response Site::Impl::dispatch(const Request& original) {
  Request request = original;
  if (request.method == "HEAD") request.method = "GET";
  if (request.method == "GET") {
    if (auto file = static_file(request, options)) return *file;
  }
  Database& db = pool.for_this_thread();
  if (request.path == "/api" || request.path.starts_with("/api/")) return api(request, db, clock, options);

  PageContext context{request, db, clock, options, FormData::parse(request.query), {}, std::nullopt, {}};
  if (request.method == "POST") {
    if (!is_form_post(request))
      return Response::text(415, "Forms must be sent as application/x-www-form-urlencoded");
    context.form = FormData::parse(request.body);
  } else if (request.method != "GET") {
    Response r = Response::text(405, "Method not allowed");
    r.set_header("Allow", "GET, HEAD, POST");
    return r;
  }
  if (request.path == "/sign-in") return sign_in_page(context);
  return pages(context, request);
}

Response Site::Impl::pages(PageContext& context, const Request& request) {
  AuthService auth(context.db, clock, options.auth);
  const std::string token = session_token_of(request);
  const SessionCheck session = auth.check_session(token);
  if (session.state != SessionCheck::State::kValid) {
    if (request.method == "POST") {
      // The session ended while the worker was typing: keep what they sent as a draft, so it is
      // there when they sign in again.
      if (session.user && is_draft_form(request.path) && request.body.size() <= kMaxDraftBytes) {
        FormData kept = context.form;
        kept.remove("csrf_token");
        (void)DraftService(context.db, clock).save(session.user->id, request.path, kept.encode());
        return Response::redirect("/sign-in?expired=1&next=" + url_encode(request.path));
      }
      return Response::redirect("/sign-in?expired=1");
    }
    if (request.path == "/") return Response::redirect("/sign-in");
    return Response::redirect("/sign-in?next=" + url_encode(request.target) +
                              (session.state == SessionCheck::State::kExpired ? "&expired=1" : ""));
  }
  context.user = session.user;
  context.csrf_token = session.csrf_token;
  if (request.method == "POST" && !constant_time_equals(context.form.get("csrf_token"), session.csrf_token)) {
    return context.problem(
        403, "This form has expired",
        "The page you sent the form from was not issued in this session. Go back, reload the page and "
        "send it again.");
  }
  if (request.method == "POST" && request.path == "/sign-out") return sign_out(context, token);
  if (request.method == "POST" && request.path == "/drafts") {
    const std::string& key = context.form.get("form_key");
    const std::string& data = context.form.get("data");
    if (!is_draft_form(key)) return Response::text(422, "Not a form that keeps drafts");
    Status saved = DraftService(context.db, clock).save(context.user->id, key, data);
    if (saved) return Response::text(204, "");
    return Response::text(http_status_of(saved.error()), saved.error().message);
  }
  if (auto r = front_door_pages(context)) return *r;
  if (auto r = account_pages(context)) return *r;
  if (auto r = assessment_pages(context)) return *r;
  if (auto r = closure_pages(context)) return *r;
  if (auto r = protection_pages(context)) return *r;
  if (auto r = visit_pages(context)) return *r;
  if (auto r = looked_after_pages(context)) return *r;
  if (auto r = children_in_care_pages(context)) return *r;
  if (auto r = missing_pages(context)) return *r;
  if (auto r = health_pages(context)) return *r;
  if (auto r = leaving_care_pages(context)) return *r;
  if (auto r = adoption_pages(context)) return *r;
  if (auto r = people_pages(context)) return *r;
  if (auto r = administration_pages(context)) return *r;
  if (auto r = allocation_pages(context)) return *r;
  if (auto r = returns_pages(context)) return *r;
  if (auto r = my_work_pages(context)) return *r;
  return context.problem(404, "Page not found", "If you typed the web address, check it is correct.");
}

}  // namespace safeguard::web
