// The front door's dashboard (/front-door/dashboard): for a period (by default the last 12 months),
// contacts per month, week and day and by source; how many children were decided within one working
// day; the mix of outcomes; how many became referrals and re-referrals; and how MASH agencies
// answered. Tables first, each with a simple bar chart beside the figures (web/charts.h).
#include <algorithm>
#include <cmath>
#include <cstdio>

#include "app/front_door.h"
#include "web/api_support.h"
#include "web/charts.h"
#include "web/page_context.h"
#include "web/pages_front_door.h"

namespace safeguard::web::front_door {
namespace {

std::string period_form(const FormData& q, Date from, Date to, const std::vector<FieldError>& errors) {
  const bool typed = q.has("from-day") || q.has("to-day");
  const DateParts from_parts =
      typed ? DateParts{q.get("from-day"), q.get("from-month"), q.get("from-year")} : DateParts::of(from);
  const DateParts to_parts =
      typed ? DateParts{q.get("to-day"), q.get("to-month"), q.get("to-year")} : DateParts::of(to);
  return "<form method=\"get\" action=\"/front-door/dashboard\" novalidate class=\"sg-filters\"><div "
         "class=\"govuk-grid-row\"><div class=\"govuk-grid-column-one-third\">" +
         date_input("from", "From", from_parts, error_for(errors, "from")) +
         "</div><div class=\"govuk-grid-column-one-third\">" +
         date_input("to", "To", to_parts, error_for(errors, "to")) +
         "</div><div class=\"govuk-grid-column-one-third sg-filters__actions\">" +
         button("Show figures", "govuk-button--secondary") + "</div></div></form>";
}

}  // namespace

Response dashboard_page(PageContext& c) {
  const Date today = c.clock.today();
  Date from = add_months(today, -12) + 1;
  Date to = today;
  std::vector<FieldError> errors;
  for (const auto& [name, label, target] : {std::tuple{"from", "The start of the period", &from},
                                            std::tuple{"to", "The end of the period", &to}}) {
    auto date = read_date(c.query, name, label);
    if (!date) {
      errors.push_back({name, date.error().message});
    } else if (*date) {
      *target = **date;
    }
  }
  std::optional<Dashboard> figures;
  if (errors.empty()) {
    auto d = FrontDoorService(c.db, c.clock).dashboard(*c.user, from, to);
    if (!d) {
      if (d.error().code != ErrorCode::kInvalid) return c.error_page(d.error());
      errors.push_back({d.error().field.empty() ? "from" : d.error().field, d.error().message});
    } else {
      figures = std::move(*d);
    }
  }
  Layout l = c.layout("Front door dashboard", "dashboard");
  l.errors = errors;
  std::string main = "<span class=\"govuk-caption-l\">" +
                     escape(long_date_text(from) + " to " + long_date_text(to)) +
                     "</span><h1 class=\"govuk-heading-l\">Front door dashboard</h1>";
  main += period_form(c.query, from, to, errors);
  if (!figures) return c.page(l, main, 422);
  const Dashboard& d = *figures;
  // The same figures as JSON, for a spreadsheet or another system, with the signed-in session.
  if (c.query.get("format") == "json") return json_response(200, dashboard_json(d));

  main += "<div class=\"govuk-grid-row sg-figures\">";
  main += figure(std::to_string(d.contacts), "Contacts",
                 std::to_string(d.children_on_contacts) + " children on them", "figure-contacts");
  main += figure(percent_text(d.decided_within_one_working_day, d.children_decided),
                 "Decided within one working day",
                 std::to_string(d.decided_within_one_working_day) + " of " +
                     std::to_string(d.children_decided) + " children decided",
                 "figure-timely");
  main += figure(percent_text(d.referrals, d.children_on_contacts), "Became referrals",
                 std::to_string(d.referrals) + " of " + std::to_string(d.children_on_contacts) +
                     " children: referral or strategy discussion",
                 "figure-conversion");
  main += figure(percent_text(d.re_referrals, d.cin_referrals), "Re-referrals within 12 months",
                 std::to_string(d.re_referrals) + " of " + std::to_string(d.cin_referrals) +
                     " Children in Need referrals",
                 "figure-re-referrals");
  main += "</div>";

  main += counts_table("Contacts by month", "Month", d.contacts_by_month, false, "by-month");
  main += counts_table("Contacts by source", "Referral source", d.contacts_by_source, true, "by-source");
  main += counts_table("Decisions", "Outcome", d.outcomes, true, "outcomes");

  std::vector<std::vector<std::string>> agencies;
  for (const Dashboard::Agency& a : d.mash) {
    const int64_t answered = a.answered_on_time + a.answered_late;
    agencies.push_back({escape(a.label), std::to_string(a.asked), std::to_string(a.answered_on_time),
                        std::to_string(a.answered_late), std::to_string(a.waiting), std::to_string(a.overdue),
                        escape(percent_text(a.answered_on_time, answered)),
                        bar(a.answered_on_time, answered)});
  }
  main += "<div class=\"sg-chart-table\" data-testid=\"mash-agencies\">" +
          table("MASH answers by agency",
                {"Agency", "Asked", "On time", "Late", "Waiting", "Overdue", "Answered on time", "Chart"},
                agencies, "No MASH enquiries in this period.") +
          "</div>";

  main +=
      "<details class=\"govuk-details\"><summary class=\"govuk-details__summary\"><span "
      "class=\"govuk-details__summary-text\">Contacts by week</span></summary><div "
      "class=\"govuk-details__text\">" +
      counts_table("", "Week", d.contacts_by_week, false, "by-week") + "</div></details>";
  main +=
      "<details class=\"govuk-details\"><summary class=\"govuk-details__summary\"><span "
      "class=\"govuk-details__summary-text\">Contacts by day (the last 31 days of the "
      "period)</span></summary><div "
      "class=\"govuk-details__text\">" +
      counts_table("", "Day", d.contacts_by_day, false, "by-day") + "</div></details>";

  const std::string dates =
      "from-day=" + std::to_string(d.from.day()) + "&from-month=" + std::to_string(d.from.month()) +
      "&from-year=" + std::to_string(d.from.year()) + "&to-day=" + std::to_string(d.to.day()) +
      "&to-month=" + std::to_string(d.to.month()) + "&to-year=" + std::to_string(d.to.year());
  const std::string api = "/api/v1/frontdoor/dashboard?from=" + d.from.iso() + "&to=" + d.to.iso();
  main += "<p class=\"govuk-body\">" +
          link("Download these figures as JSON", "/front-door/dashboard?" + dates + "&format=json") +
          " (systems with an API token: <code>GET " + escape(api) + "</code>)</p>";
  return c.page(l, main);
}

}  // namespace safeguard::web::front_door
