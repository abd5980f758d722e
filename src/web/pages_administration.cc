// Audit pages: who has looked at a person's record, the administration log, and a check that
// every record's hash chain is intact.
#include "app/access_policy.h"
#include "app/administration.h"
#include "web/page_context.h"

namespace safeguard::web {
namespace {

std::string access_table(const std::vector<AccessLogEntry>& entries) {
  std::vector<std::vector<std::string>> rows;
  for (const AccessLogEntry& e : entries) {
    rows.push_back({escape(london_date_time_text(e.at)),
                    escape(e.user_display_name + " (" + e.username + ")"), escape(e.action),
                    escape(e.channel + ": " + e.detail), escape(e.reason)});
  }
  return table("", {"When", "Who", "What", "Where", "Reason given"}, rows,
               "No one has looked at this record.");
}

Response person_access_log(PageContext& c, int64_t person_id) {
  AdministrationService admin(c.db, c.clock);
  auto log = admin.access_log_for_person(*c.user, person_id);
  if (!log) return c.error_page(log.error());
  Layout l = c.layout("Who has seen this record", "audit");
  if (c.user->role != Role::kAdministrator) l.back_href = "/people/" + std::to_string(person_id);
  std::string main = "<span class=\"govuk-caption-l\">" + escape(log->person.full_name) + ", Safeguard ID " +
                     std::to_string(person_id) +
                     "</span><h1 class=\"govuk-heading-l\">Who has seen this record</h1>";
  main += "<div data-testid=\"access-log\">" + access_table(log->entries) + "</div>";
  return c.page(l, main);
}

Response audit_page(PageContext& c, const std::string& verify_result) {
  if (!can_administer(*c.user) && !can_view_access_log(*c.user)) {
    return c.problem(403, "You cannot see this",
                     "Only administrators and team managers can see audit information.");
  }
  Layout l = c.layout("Audit", "audit");
  std::string main = "<h1 class=\"govuk-heading-l\">Audit</h1>";
  main +=
      "<h2 class=\"govuk-heading-m\">Who has seen a person's record</h2><form method=\"get\" "
      "action=\"/audit/person\">";
  InputOptions o;
  o.width_class = "govuk-input--width-10";
  o.hint = "The person's Safeguard ID, shown on their record";
  main += text_input("person", "Safeguard ID", c.query.get("person"), "", o) + button("Show access log") +
          "</form>";
  if (can_administer(*c.user)) {
    AdministrationService admin(c.db, c.clock);
    main +=
        "<h2 class=\"govuk-heading-m\">Integrity of the record</h2><p class=\"govuk-body\">Every change to a "
        "record is "
        "chained to the one before it by a SHA-256 hash. Checking walks every chain.</p>";
    if (!verify_result.empty()) main += inset(escape(verify_result));
    main += "<form method=\"post\" action=\"/audit/verify\">" + csrf_field(c.csrf_token) +
            button("Check every record's chain", "govuk-button--secondary") + "</form>";
    auto log = admin.administration_log(*c.user);
    if (!log) return c.error_page(log.error());
    std::vector<std::vector<std::string>> rows;
    for (const AdministrationLogEntry& e : *log) {
      rows.push_back(
          {escape(london_date_time_text(e.at)), escape(e.actor), escape(e.action), escape(e.detail)});
    }
    main += table("Administration log", {"When", "Who", "What", "Detail"}, rows,
                  "Nothing has been administered yet.");
  }
  return c.page(l, main);
}

}  // namespace

std::optional<Response> administration_pages(PageContext& c) {
  const std::string& path = c.request.path;
  const bool get = c.request.method == "GET";
  if (path == "/audit" && get) return audit_page(c, "");
  if (path == "/audit/person" && get) {
    const auto id = parse_id(c.query.get("person"));
    if (!id) {
      Layout l = c.layout("Audit", "audit");
      l.errors = {{"person", "Enter a Safeguard ID, a number like 1042"}};
      return c.page(l,
                    "<h1 class=\"govuk-heading-l\">Audit</h1><p class=\"govuk-body\">" +
                        link("Back to audit", "/audit") + "</p>",
                    422);
    }
    return person_access_log(c, *id);
  }
  if (path == "/audit/verify" && !get) {
    if (!can_administer(*c.user))
      return c.problem(403, "You cannot do this", "Only administrators can check the record's integrity.");
    auto result = AdministrationService(c.db, c.clock).verify_chains();
    if (!result) return c.error_page(result.error());
    const std::string text = *result ? "A record has been tampered with: " + (*result)->stream + ", event " +
                                           std::to_string((*result)->version) + ": " + (*result)->problem
                                     : "Every record's chain is intact.";
    return audit_page(c, text);
  }
  if (path.starts_with("/people/") && path.ends_with("/access-log") && get) {
    const std::string middle = path.substr(8, path.size() - 8 - std::string("/access-log").size());
    if (const auto id = parse_id(middle)) return person_access_log(c, *id);
  }
  return std::nullopt;
}

}  // namespace safeguard::web
