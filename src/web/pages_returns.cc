// The statutory returns for performance analysts and team managers (pages_returns.cc):
//
//   GET  /returns                          produce a return (analysts) and the returns produced
//   POST /returns                          produce one: kind (cin, ssda903) and year
//   GET  /returns/{id}                     what the validator found, grouped by rule with counts,
//                                          each finding with its child, who holds the case, the
//                                          table, row and field at fault; the files
//   GET  /returns/{id}/files/{name}        download a file exactly as produced
//   GET  /returns/{id}/findings.csv        download the findings
//   GET  /data-quality                     the rules the record would fail today: the census of
//                                          the year under way, checked now
//
// A finding's child links to the part of their record that holds the field, for those who may
// open records (a team manager); analysts see aggregates and returns, not records
// (access_policy.h), so for them the case holder says whom to ask. Every change goes through
// ReturnsService.
#include <map>

#include "app/access_policy.h"
#include "app/returns.h"
#include "core/text.h"
#include "web/page_context.h"
#include "web/pages_people.h"

namespace safeguard::web {
namespace {

// The most findings of one rule a page lists; the findings file has them all.
constexpr size_t kFindingsShownPerRule = 100;

std::string count_text(int64_t n, std::string_view one, std::string_view many) {
  return std::to_string(n) + " " + std::string(n == 1 ? one : many);
}

// The part of a child's record that holds the fields of a table of a return ("cin" or "ssda903").
std::string record_href(int64_t person_id, std::string_view kind, std::string_view table) {
  const std::string record = person_href(person_id);
  if (kind == "ssda903") {
    if (table == "Header") return record + "/correct";
    if (table == "OC2") return record + "/health";
    if (table == "OC3") return record + "/leaving-care";
    if (table == "AD1" || table == "PlacedAdoption") return record + "/adoption";
    if (table == "Missing") return record + "/missing";
    return record + "/looked-after";  // episodes, reviews, UASC, social workers, permanence
  }
  if (table == "ChildIdentifiers" || table == "ChildCharacteristics" || table == "Disabilities")
    return record + "/correct";
  if (table == "CINplanDates" || table == "Section47" || table == "ChildProtectionPlans" ||
      table == "Reviews")
    return record + "/protection";
  return record;
}

// A finding's child: a link to the record for those who may open records, else the id.
std::string child_cell(const PageContext& c, std::string_view kind, const Finding& f) {
  if (f.child.empty()) return "";
  const auto id = parse_id(f.child);
  if (!id || !can_search_people(*c.user)) return escape(f.child);
  return link_in_context(f.child, " the record of child " + f.child + ", at " + std::string(f.fields),
                         record_href(*id, kind, f.table));
}

// The findings grouped by rule, in the order the rules run: a summary table, then each rule's
// findings in a details block.
std::string findings_html(const PageContext& c, std::string_view kind, const ValidationReport& report,
                          const std::map<std::string, std::string>& holders) {
  if (report.findings.empty()) {
    return "<p class=\"govuk-body\" data-testid=\"no-findings\">The validator found no errors and no queries "
           "in " +
           std::to_string(report.rules_run) + " rules.</p>";
  }
  struct Group {
    std::string_view rule, message;
    Severity severity;
    std::vector<const Finding*> findings;
  };
  std::vector<Group> groups;
  for (const Finding& f : report.findings) {
    if (groups.empty() || groups.back().rule != f.rule) groups.push_back({f.rule, f.message, f.severity, {}});
    groups.back().findings.push_back(&f);
  }
  const auto type_tag = [](Severity s) {
    return s == Severity::kError ? tag("Error", "red") : tag("Query", "yellow");
  };
  std::vector<std::vector<std::string>> summary;
  for (const Group& g : groups) {
    summary.push_back({link(std::string(g.rule), "#rule-" + std::string(g.rule)), type_tag(g.severity),
                       escape(g.message), std::to_string(g.findings.size())});
  }
  std::string out = "<div data-testid=\"findings-by-rule\">" +
                    table("Findings by rule", {"Rule", "Type", "What the rule says", "Findings"}, summary) +
                    "</div>";
  for (const Group& g : groups) {
    std::vector<std::vector<std::string>> rows;
    for (size_t i = 0; i < g.findings.size() && i < kFindingsShownPerRule; ++i) {
      const Finding& f = *g.findings[i];
      const auto holder = holders.find(f.child);
      rows.push_back({child_cell(c, kind, f), escape(holder == holders.end() ? "" : holder->second),
                      escape(f.table), f.row < 0 ? "Whole return" : std::to_string(f.row), escape(f.fields),
                      escape(f.value)});
    }
    std::string more;
    if (g.findings.size() > kFindingsShownPerRule) {
      more = "<p class=\"govuk-body\">And " + std::to_string(g.findings.size() - kFindingsShownPerRule) +
             " more: the findings file has them all.</p>";
    }
    out += "<details class=\"govuk-details\" id=\"rule-" + escape(g.rule) + "\" data-testid=\"rule-" +
           escape(g.rule) +
           "\"><summary class=\"govuk-details__summary\"><span class=\"govuk-details__summary-text\">" +
           escape(std::string(g.rule) + ": " +
                  count_text(static_cast<int64_t>(g.findings.size()), "finding", "findings")) +
           "</span></summary><div class=\"govuk-details__text\">" +
           table(std::string(g.message), {"Child", "Case held by", "Table", "Row", "Fields", "Value"}, rows) +
           more + "</div></details>";
  }
  return out;
}

std::string counts_text(const ValidationReport& report) {
  return count_text(static_cast<int64_t>(report.errors()), "error", "errors") + " and " +
         count_text(static_cast<int64_t>(report.queries()), "query", "queries");
}

std::string kind_label(std::string_view code) {
  const auto kind = parse_return_kind(code);
  return kind ? std::string(return_kind_label(*kind)) : std::string(code);
}

std::string year_text(int year) {
  return std::to_string(year - 1) + " to " + std::to_string(year) + " (ending 31 March " +
         std::to_string(year) + ")";
}

std::string return_href(int64_t id) { return "/returns/" + std::to_string(id); }

Response returns_page(PageContext& c, const std::vector<FieldError>& errors = {}, int status = 200) {
  ReturnsService returns(c.db, c.clock);
  auto produced = returns.produced(*c.user);
  if (!produced) return c.error_page(produced.error());
  Layout l = c.layout("Statutory returns", "returns");
  l.errors = errors;
  const auto error_of = [&](std::string_view field) {
    for (const FieldError& e : errors) {
      if (e.field == field) return e.message;
    }
    return std::string();
  };
  std::string main = "<h1 class=\"govuk-heading-l\">Statutory returns</h1>";
  main += "<p class=\"govuk-body\">" + link("See which rules the record would fail today", "/data-quality") +
          ", so errors are put right during the year rather than in March.</p>";
  if (can_produce_returns(*c.user)) {
    std::vector<Choice> years;
    for (const int y : returns.collection_years()) years.push_back({std::to_string(y), year_text(y)});
    main += "<form method=\"post\" action=\"/returns\" novalidate>" + csrf_field(c.csrf_token) +
            radios("kind", "Return",
                   {{"cin", std::string(return_kind_label(ReturnKind::kCinCensus))},
                    {"ssda903", std::string(return_kind_label(ReturnKind::kSsda903))}},
                   c.form.get("kind").empty() ? "cin" : c.form.get("kind"), error_of("kind")) +
            select("year", "Collection year", years, c.form.get("year"), error_of("year"),
                   "The census of the year under way shows the record as it is today.", "Choose a year") +
            button("Produce the return") + "</form>";
  }
  std::vector<std::vector<std::string>> rows;
  for (const ProducedReturn& r : *produced) {
    rows.push_back({link_in_context("View", " the " + kind_label(r.kind) + " " + std::to_string(r.year),
                                    return_href(r.id)),
                    escape(kind_label(r.kind)), std::to_string(r.year),
                    escape(london_date_time_text(r.produced_at)), escape(r.produced_by),
                    std::to_string(r.children), r.errors ? std::to_string(*r.errors) : "Not checked",
                    r.queries ? std::to_string(*r.queries) : "Not checked"});
  }
  main += "<div data-testid=\"produced-returns\">" +
          table("Returns produced",
                {"", "Return", "Year ending March", "Produced", "By", "Children", "Errors", "Queries"}, rows,
                "No return has been produced yet.") +
          "</div>";
  return c.page(l, main, status);
}

Response produce(PageContext& c) {
  if (!can_produce_returns(*c.user))
    return c.problem(403, "You cannot do this", "Only performance analysts produce the statutory returns.");
  std::vector<FieldError> errors;
  const auto kind = parse_return_kind(c.form.get("kind"));
  if (!kind) errors.push_back({"kind", "Choose the return to produce"});
  const auto year = parse_id(c.form.get("year"));
  if (!year) errors.push_back({"year", "Choose the collection year"});
  if (!errors.empty()) return returns_page(c, errors, 422);
  auto id = ReturnsService(c.db, c.clock).produce(*c.user, *kind, static_cast<int>(*year));
  if (!id) {
    if (id.error().code != ErrorCode::kInvalid) return c.error_page(id.error());
    return returns_page(c, {{id.error().field.empty() ? "year" : id.error().field, id.error().message}}, 422);
  }
  return Response::redirect(return_href(*id));
}

Response report_page(PageContext& c, int64_t id) {
  auto report = ReturnsService(c.db, c.clock).report(*c.user, id);
  if (!report) return c.error_page(report.error());
  const ProducedReturn& r = report->produced;
  Layout l = c.layout(kind_label(r.kind) + " " + std::to_string(r.year), "returns");
  l.back_href = "/returns";
  std::string main = "<span class=\"govuk-caption-l\">" + escape(year_text(r.year)) + "</span>" +
                     "<h1 class=\"govuk-heading-l\">" + escape(kind_label(r.kind)) + "</h1>";
  std::vector<SummaryRow> summary{
      {"Produced", escape(london_date_time_text(r.produced_at) + " by " + r.produced_by), ""},
      {"Children", std::to_string(r.children), ""},
  };
  summary.push_back(
      {"Findings now",
       "<span data-testid=\"finding-counts\">" + escape(counts_text(report->findings)) + "</span>", ""});
  main += summary_list(summary);
  std::string files;
  for (const std::string& name : report->files)
    files += "<li>" + link(name, return_href(id) + "/files/" + name) + "</li>";
  files += "<li>" + link("findings.csv (every finding)", return_href(id) + "/findings.csv") + "</li>";
  main += "<h2 class=\"govuk-heading-m\">Files</h2><ul class=\"govuk-list\" data-testid=\"files\">" + files +
          "</ul>";
  main += "<h2 class=\"govuk-heading-m\">What the validator found</h2>";
  if (!report->findings.skipped.empty()) {
    std::string skipped;
    for (const std::string& s : report->findings.skipped) skipped += "<li>" + escape(s) + "</li>";
    main +=
        "<p class=\"govuk-body\">Rules not run:</p><ul class=\"govuk-list govuk-list--bullet\" "
        "data-testid=\"skipped-rules\">" +
        skipped + "</ul>";
  }
  main += findings_html(c, r.kind, report->findings, report->holders);
  return c.page(l, main);
}

Response download(std::string name, std::string content, std::string_view type) {
  Response r = Response::text(200, std::move(content), std::string(type));
  r.set_header("Content-Disposition", "attachment; filename=\"" + name + "\"");
  return r;
}

Response file_download(PageContext& c, int64_t id, const std::string& name) {
  auto file = ReturnsService(c.db, c.clock).file(*c.user, id, name);
  if (!file) return c.error_page(file.error());
  const bool xml = name.ends_with(".xml");
  return download(file->name, std::move(file->content), xml ? "application/xml" : "text/csv; charset=utf-8");
}

Response findings_download(PageContext& c, int64_t id) {
  auto report = ReturnsService(c.db, c.clock).report(*c.user, id);
  if (!report) return c.error_page(report.error());
  return download(report->produced.kind + "-" + std::to_string(report->produced.year) + "-findings.csv",
                  findings_csv(report->findings), "text/csv; charset=utf-8");
}

// /data-quality (the census) and /data-quality?return=ssda903.
Response data_quality_page(PageContext& c) {
  const auto kind = parse_return_kind(FormData::parse(c.request.query).get("return"));
  if (!kind && !c.request.query.empty()) return c.problem(404, "Page not found", "There is no such return.");
  auto quality = ReturnsService(c.db, c.clock).data_quality(*c.user, kind.value_or(ReturnKind::kCinCensus));
  if (!quality) return c.error_page(quality.error());
  const bool census = quality->kind == ReturnKind::kCinCensus;
  Layout l = c.layout("Data quality", "returns");
  l.back_href = "/returns";
  std::string main = "<span class=\"govuk-caption-l\">" + escape(year_text(quality->year)) + "</span>" +
                     "<h1 class=\"govuk-heading-l\">Data quality: the " +
                     escape(census ? "Children in Need census" : "SSDA903 return") + "</h1>";
  if (census) {
    main +=
        "<p class=\"govuk-body\">The census of the year under way, made from the record as it is "
        "now and checked against the DfE's rules: put each finding right in the child's record, "
        "and it is gone the next time this page is opened. Rules about work still open (an "
        "assessment or enquiry taking too long) judge it as at 31 March, as the census will.</p>"
        "<p class=\"govuk-body\">" +
        link("See the SSDA903 return's data quality", "/data-quality?return=ssda903") + ".</p>";
  } else {
    main +=
        "<p class=\"govuk-body\">The SSDA903 return of the year under way, with last year's, made "
        "from the record as it is now and checked against the DfE's rules: put each finding right "
        "in the child's record, and it is gone the next time this page is opened.</p>"
        "<p class=\"govuk-body\">" +
        link("See the Children in Need census's data quality", "/data-quality") + ".</p>";
  }
  main += summary_list(
              {{census ? "Children in need this year" : "Children in the return",
                std::to_string(quality->children), ""},
               {"Findings",
                "<span data-testid=\"finding-counts\">" + escape(counts_text(quality->findings)) + "</span>",
                ""}}) +
          findings_html(c, return_kind_code(quality->kind), quality->findings, quality->holders);
  return c.page(l, main);
}

}  // namespace

std::optional<Response> returns_pages(PageContext& c) {
  const std::string& path = c.request.path;
  if (path != "/returns" && path != "/data-quality" && !path.starts_with("/returns/")) return std::nullopt;
  if (!can_see_returns(*c.user)) {
    return c.problem(403, "You cannot see this",
                     "Performance analysts and team managers see the statutory returns.");
  }
  if (path == "/data-quality")
    return c.request.method == "GET" ? std::optional(data_quality_page(c)) : std::nullopt;
  if (path == "/returns") {
    if (c.request.method == "POST") return produce(c);
    return returns_page(c);
  }
  if (c.request.method != "GET") return std::nullopt;
  // "", "returns", id [, "files", name | "findings.csv"]
  const auto parts = split(path, '/');
  const auto id = parts.size() >= 3 ? parse_id(parts[2]) : std::nullopt;
  if (!id) return std::nullopt;
  if (parts.size() == 3) return report_page(c, *id);
  if (parts.size() == 4 && parts[3] == "findings.csv") return findings_download(c, *id);
  if (parts.size() == 5 && parts[3] == "files") return file_download(c, *id, parts[4]);
  return std::nullopt;
}

}  // namespace safeguard::web
