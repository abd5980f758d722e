// What a page handler is given, and the helpers every page uses to answer: the request and its
// decoded query and form, the signed-in user and their CSRF token, the thread's database, the
// clock, and the layout (navigation by role) around the page's own content.
//
// Internal to web/: pages_*.cc and site.cc include it; nothing outside web/ does.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "app/people.h"
#include "core/clock.h"
#include "domain/user.h"
#include "store/database.h"
#include "web/forms.h"
#include "web/html.h"
#include "web/http.h"
#include "web/site.h"

namespace safeguard::web {

struct PageContext {
  const Request& request;
  Database& db;
  const Clock& clock;
  const SiteOptions& options;
  FormData query;
  FormData form;
  std::optional<User> user;  // always set for pages that need sign-in
  std::string csrf_token;

  // The layout for this user, with `active` marking the current navigation item ("home",
  // "search", "new", "audit").
  Layout layout(std::string title, std::string_view active = "") const;
  Response page(const Layout& layout, std::string_view main_html, int status = 200) const;
  // A page saying something went wrong (403, 404, 409, 500...).
  Response problem(int status, std::string_view title, std::string_view message) const;
  // The page for an Error from a use case.
  Response error_page(const Error& error) const;
  Channel channel() const { return {"web", request.method + " " + request.path}; }
  // The form's draft for this path, if the worker left one (closed browser, expired session).
  std::optional<FormData> draft(std::string_view form_key) const;
  void discard_draft(std::string_view form_key) const;
};

int http_status_of(const Error& error);

// Signing in and out (pages_account.cc). The session token comes from the sg_session cookie.
std::string session_token_of(const Request& request);
Response sign_in_page(PageContext& context);
Response sign_out(PageContext& context, std::string_view session_token);

// Page handlers, by area. Each returns nullopt when the path is not theirs.
std::optional<Response> account_pages(PageContext& context);
std::optional<Response> people_pages(PageContext& context);
std::optional<Response> administration_pages(PageContext& context);
// A child's single assessment: start, child seen, write-up, authorisation (pages_assessments.cc).
std::optional<Response> assessment_pages(PageContext& context);
// Closing a Children in Need episode: what is still open, a worker's proposal, a manager's
// closing or return (pages_closure.cc).
std::optional<Response> closure_pages(PageContext& context);
// /people/{id}/protection, /strategy-discussions/new, /enquiries/{n}[/...], /plans/new, /plans/{n}[/...]
std::optional<Response> protection_pages(PageContext& context);
// /people/{id}/visits[/new], /people/{id}/supervision[/new]
std::optional<Response> visit_pages(PageContext& context);
// Children looked after (pages_looked_after.cc).
std::optional<Response> looked_after_pages(PageContext& context);
// The children-in-care dashboard, /children-in-care (pages_children_in_care.cc).
std::optional<Response> children_in_care_pages(PageContext& context);
// Missing children and exploitation (pages_missing.cc): the child's missing episodes, return
// interviews and screenings, their forms, and the missing and exploitation team's page (/missing).
std::optional<Response> missing_pages(PageContext& context);
// The health and education of a child looked after (pages_health.cc): /people/{id}/health and its
// forms, /people/{id}/health/<form> for the forms is_health_form names.
std::optional<Response> health_pages(PageContext& context);
bool is_health_form(std::string_view form);
// Leaving care (pages_leaving_care.cc): /people/{id}/leaving-care and its forms (pathway-plan,
// contact, adviser).
std::optional<Response> leaving_care_pages(PageContext& context);
std::optional<Response> adoption_pages(PageContext& context);
// "My work": due and overdue deadlines across a worker's or team's children, and a manager's
// authorisations (pages_my_work.cc).
std::optional<Response> my_work_pages(PageContext& context);
// The statutory returns and data quality, for performance analysts and team managers
// (pages_returns.cc): /returns[/...], /data-quality.
std::optional<Response> returns_pages(PageContext& context);
// Allocation and caseloads for team managers (pages_allocation.cc).
std::optional<Response> allocation_pages(PageContext& context);
// The front door: queue, contacts, decisions, authorisation, MASH enquiries, dashboard
// (pages_front_door.cc). Front-door workers' "/" is the queue, so it runs before account_pages.
std::optional<Response> front_door_pages(PageContext& context);

// The JSON API under /api/v1.
Response api(const Request& request, Database& db, const Clock& clock, const SiteOptions& options);
// The front door's part of the API (api_front_door.cc): contacts, decisions, the queue, MASH
// enquiries for partners, the dashboard. nullopt when the path is not one of its calls.
std::optional<Response> front_door_api(const Request& request, Database& db, const Clock& clock,
                                       const User& user, const Channel& channel);

// Casework after the front door (api_casework.cc): a child's deadlines and their single
// assessments. nullopt when the path is not one of its calls.
std::optional<Response> casework_api(const Request& request, Database& db, const Clock& clock,
                                     const User& user, const Channel& channel);
// Child protection and plans (api_protection.cc): strategy discussions, enquiries, conferences,
// plans, visits and supervision. nullopt when the path is not one of its calls.
// Children looked after (api_looked_after.cc): becoming looked after, changes, the end of care,
// the reviewing officer, reviews, and the child's care history.
std::optional<Response> looked_after_api(const Request& request, Database& db, const Clock& clock,
                                         const User& user, const Channel& channel);
// Missing children and exploitation (api_missing.cc): missing episodes, returns, return interviews,
// screenings, and the missing and exploitation team's overview.
std::optional<Response> missing_api(const Request& request, Database& db, const Clock& clock,
                                    const User& user, const Channel& channel);
// Health and education of children looked after (api_health.cc): health checks, immunisations,
// SDQs, substance misuse, convictions, personal education plans, and the child's record of them.
std::optional<Response> health_api(const Request& request, Database& db, const Clock& clock, const User& user,
                                   const Channel& channel);
// Care leavers (api_care_leavers.cc): pathway plans, contacts, the personal adviser, and the young
// person's leaving care record.
std::optional<Response> care_leaver_api(const Request& request, Database& db, const Clock& clock,
                                        const User& user, const Channel& channel);
// Adoption and permanence (api_adoption.cc): decisions, matches, their end, previous permanence.
std::optional<Response> adoption_api(const Request& request, Database& db, const Clock& clock,
                                     const User& user, const Channel& channel);
std::optional<Response> protection_api(const Request& request, Database& db, const Clock& clock,
                                       const User& user, const Channel& channel);
// Built-in static files (/static/safeguard.js, safeguard.css, js-enabled.js) and govuk-frontend's.
std::optional<Response> static_file(const Request& request, const SiteOptions& options);

// The worker's unfinished forms (drafts) as a table for their home page, or "" if none
// (pages_account.cc).
std::string drafts_table_html(PageContext& context);

// Form pages whose typing is kept as drafts: "/people/new", "/people/<id>/correct", ...
bool is_draft_form(std::string_view path);

}  // namespace safeguard::web
