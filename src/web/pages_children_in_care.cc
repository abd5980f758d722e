// The children-in-care dashboard (/children-in-care), for team managers, performance analysts,
// reviewing officers and inspectors: how many children the council looks after today, by legal
// status, placement and age, and how many are unaccompanied asylum seekers; how many started and stopped
// being looked after in the 12 months; placement stability; placements out of the council's area and
// far from home; whether reviews and statutory visits were on time
// and how many are overdue today; health assessments on time, and the OC2 health and education measures of
// the children looked after all year; care leavers aged 19 to 21 in touch, suitably housed and in education,
// training or work; adoption (children waiting, matched, placed, adopted, and the days from care to
// moving in with adopters) and previous permanence not recorded; children who went missing and
// whether their return interviews were offered in time; and each reviewing officer's children. Figures only:
// no child is named, so no record is opened. `?format=json` gives the same figures as GET
// /api/v1/children-in-care.
#include <cstdio>

#include "app/looked_after.h"
#include "web/api_support.h"
#include "web/charts.h"
#include "web/page_context.h"

namespace safeguard::web {
namespace {

// The SSDA903 OC2 measures, each a share of the children it applies to.
std::string outcomes_table(const CareDashboard& d) {
  const CareDashboard::Outcomes& o = d.outcomes;
  const auto row = [](std::string_view what, int64_t part, int64_t whole) {
    return std::vector<std::string>{escape(what), std::to_string(part) + " of " + std::to_string(whole),
                                    escape(percent_text(part, whole)) + " " + bar(part, whole)};
  };
  const std::vector<std::vector<std::string>> rows{
      row("Health assessment in the twelve months", o.health_assessment, o.children),
      row("Dental check in the twelve months", o.teeth_check, o.children),
      row("Immunisations up to date", o.immunisations, o.children),
      row("Development checks up to date (under 5)", o.health_check, o.under_five),
      row("SDQ score (aged 4 to 16)", o.sdq_score, o.sdq_due),
      row("Substance misuse problem identified", o.substance_misuse, o.children),
      row("Convicted in the twelve months (10 and over)", o.convicted, o.ten_or_over),
  };
  return "<div data-testid=\"health-outcomes\">" +
         table("Health and education of the " + std::to_string(o.children) +
                   " children looked after for the whole twelve months (SSDA903 OC2)",
               {"Measure", "Children", "Share"}, rows, "") +
         "<p class=\"govuk-body\">" +
         escape(std::to_string(d.education_plans_overdue) +
                " children looked after today have a personal education plan overdue.") +
         "</p></div>";
}

// Care leavers aged 19 to 21, each measure a share of them all (the national measures' way).
std::string leavers_table(const CareDashboard& d) {
  const CareDashboard::Leavers& l = d.leavers;
  const auto row = [&](std::string_view what, int64_t part) {
    return std::vector<std::string>{
        escape(what), std::to_string(part) + " of " + std::to_string(l.aged_19_to_21),
        escape(percent_text(part, l.aged_19_to_21)) + " " + bar(part, l.aged_19_to_21)};
  };
  const std::vector<std::vector<std::string>> rows{
      row("A contact in the twelve months", l.contacted),
      row("In touch at the latest contact", l.in_touch),
      row("In suitable accommodation", l.suitable),
      row("In education, training or employment", l.education_or_work),
  };
  return "<div data-testid=\"care-leavers\">" +
         table("The " + std::to_string(l.aged_19_to_21) + " care leavers aged 19 to 21",
               {"Measure", "Young people", "Share"}, rows, "") +
         "</div>";
}

// Adoption: the children waiting, how far each has come, and the adoption scorecard's average
// days from entering care to moving in with the adopters (A1) for those adopted in the year.
std::string adoption_table(const CareDashboard& d) {
  const CareDashboard::Adoption& a = d.adoption;
  const std::vector<std::vector<std::string>> rows{
      {"Looked after today with a decision to place for adoption", std::to_string(a.to_be_placed)},
      {"Of them, matched with adopters", std::to_string(a.matched)},
      {"Of them, living with their adopters", std::to_string(a.placed)},
      {"Adopted in the twelve months", std::to_string(a.adopted)},
      {"Average days from entering care to moving in with the adopters, of those adopted",
       a.adopted == 0 ? "None adopted" : std::to_string(a.days_to_placed / a.adopted)},
      {"Decisions in the twelve months that a child should no longer be placed for adoption",
       std::to_string(a.decisions_ceased)},
      {"Looked after today with no previous permanence recorded (SSDA903 PrevPerm)",
       std::to_string(a.previous_not_recorded)},
  };
  return "<div data-testid=\"adoption\">" +
         table("Adoption and permanence", {"Measure", "Children"}, rows, "") + "</div>";
}

// Where the children looked after today are placed: in or out of the council's area, and how far
// from the home they lived in when care began (the DfE counts those more than 20 miles away).
std::string whereabouts_table(const CareDashboard& d) {
  const CareDashboard::Whereabouts& w = d.whereabouts;
  const int64_t all = d.figures.looked_after;
  const auto row = [](std::string_view what, int64_t part, int64_t whole) {
    return std::vector<std::string>{escape(what), std::to_string(part) + " of " + std::to_string(whole),
                                    escape(percent_text(part, whole)) + " " + bar(part, whole)};
  };
  std::vector<std::vector<std::string>> rows{
      row("Placed in the council's area", w.in_area, all),
      row("Placed out of the council's area", w.out_of_area, all),
      row("Area not known (no postcode, a postcode not in the directory, or the council's code not set)",
          w.area_not_known, all),
      row("More than 20 miles from home, of those whose distance is known", w.far_from_home,
          w.distance_known),
  };
  char average[32] = "Not known";
  if (w.distance_known > 0) std::snprintf(average, sizeof average, "%.1f miles", w.miles / w.distance_known);
  rows.push_back({"Average distance from home", escape(average), ""});
  return "<div data-testid=\"whereabouts\">" +
         table("Where children are placed today", {"Measure", "Children", "Share"}, rows, "") + "</div>";
}

Response dashboard_page(PageContext& c) {
  auto result = LookedAfterService(c.db, c.clock).dashboard(*c.user);
  if (!result) return c.error_page(result.error());
  const CareDashboard& d = *result;
  if (c.query.get("format") == "json") return json_response(200, care_dashboard_json(d));
  const CareFigures& f = d.figures;
  Layout l = c.layout("Children in care", "children-in-care");
  std::string main = "<span class=\"govuk-caption-l\">" +
                     escape("Today, and the twelve months from " + long_date_text(d.from)) +
                     "</span><h1 class=\"govuk-heading-l\">Children in care</h1>";
  main += "<div class=\"govuk-grid-row sg-figures\">";
  main += figure(std::to_string(f.looked_after), "Looked after today",
                 std::to_string(f.started) + " started and " + std::to_string(f.ceased) +
                     " stopped in the twelve months; " + std::to_string(d.uasc) +
                     " unaccompanied asylum-seeking children today",
                 "figure-looked-after");
  main += figure(percent_text(f.reviews_on_time, f.reviews), "Reviews on time",
                 std::to_string(f.reviews) + " reviews held; " + std::to_string(d.reviews_overdue) +
                     " children overdue today",
                 "figure-reviews");
  main += figure(percent_text(d.visits_on_time, d.visits), "Statutory visits on time",
                 std::to_string(d.visits) + " visits made; " + std::to_string(d.visits_overdue) +
                     " children overdue today",
                 "figure-visits");
  main +=
      figure(percent_text(f.health_assessments_on_time, f.health_assessments), "Health assessments on time",
             std::to_string(f.health_assessments) + " held; " + std::to_string(d.health_assessments_overdue) +
                 " children overdue today",
             "figure-health");
  main += "</div><div class=\"govuk-grid-row sg-figures\">";
  main += figure(std::to_string(f.went_missing), "Children who went missing",
                 std::to_string(f.missing_episodes) + " times; " +
                     percent_text(d.interviews_offered_in_time, d.returns) +
                     " of returns offered an interview within 72 hours",
                 "figure-missing");
  main += "</div>";
  main += counts_table("Legal status today", "Legal status", d.by_legal_status, true, "by-legal-status");
  main += counts_table("Placements today", "Placement", d.by_placement, true, "by-placement");
  main += counts_table("Ages today", "Age", d.by_age, true, "by-age");
  main +=
      counts_table("Placement stability: children looked after in the twelve months by placements in them",
                   "Placements", d.by_placements, true, "by-placements");
  main += whereabouts_table(d);
  main += outcomes_table(d);
  main += leavers_table(d);
  main += adoption_table(d);
  std::vector<std::vector<std::string>> rows;
  for (const CareDashboard::Officer& o : d.officers) {
    rows.push_back({escape(o.name), std::to_string(o.children), std::to_string(o.reviews_overdue)});
  }
  main += "<div data-testid=\"reviewing-officers\">" +
          table("Independent reviewing officers", {"Reviewing officer", "Children", "Reviews overdue"}, rows,
                "No reviewing officer is appointed to a child looked after today.") +
          "</div>";
  main += "<p class=\"govuk-body-s\">" +
          escape(std::to_string(f.at_risk_of_exploitation) +
                 " children (in care or not) are at risk of exploitation by their latest screening; the "
                 "missing and exploitation team's page lists them.") +
          "</p>";
  return c.page(l, main);
}

}  // namespace

std::optional<Response> children_in_care_pages(PageContext& c) {
  if (c.request.path != "/children-in-care" || c.request.method != "GET") return std::nullopt;
  if (!can_see_care_figures(*c.user)) {
    return c.problem(403, "You cannot see this",
                     "Team managers, performance analysts, reviewing officers and inspectors see this page.");
  }
  return dashboard_page(c);
}

}  // namespace safeguard::web
