#include "web/charts.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "web/html.h"

namespace safeguard::web {

std::string percent_text(int64_t part, int64_t whole) {
  if (whole == 0) return "No data";
  char text[16];
  std::snprintf(text, sizeof text, "%.1f%%", percent_of(part, whole));
  return text;
}

std::string bar(int64_t part, int64_t whole) {
  if (whole <= 0 || part <= 0) return "<span class=\"sg-bar sg-bar-0\" aria-hidden=\"true\"></span>";
  int width = static_cast<int>(std::lround(percent_of(part, whole) / 5.0)) * 5;
  width = std::clamp(width, 0, 100);
  return "<span class=\"sg-bar sg-bar-" + std::to_string(width == 0 ? 1 : width) +
         "\" aria-hidden=\"true\"></span>";
}

std::string counts_table(std::string_view caption, std::string_view what,
                         const std::vector<LabelledCount>& counts, bool with_share, std::string_view testid) {
  int64_t total = 0;
  int64_t most = 0;
  for (const LabelledCount& c : counts) {
    total += c.count;
    most = std::max(most, c.count);
  }
  std::vector<std::string> headers = {std::string(what), "Number"};
  if (with_share) headers.push_back("Share");
  headers.push_back("Chart");
  std::vector<std::vector<std::string>> rows;
  for (const LabelledCount& c : counts) {
    std::vector<std::string> row = {escape(c.label), std::to_string(c.count)};
    if (with_share) row.push_back(escape(percent_text(c.count, total)));
    row.push_back(bar(c.count, most));
    rows.push_back(std::move(row));
  }
  return "<div class=\"sg-chart-table\" data-testid=\"" + escape(testid) + "\">" +
         table(caption, headers, rows, "None in this period.") + "</div>";
}

std::string figure(std::string_view value, std::string_view label, std::string_view detail,
                   std::string_view testid) {
  return "<div class=\"govuk-grid-column-one-quarter\"><div class=\"sg-figure\" data-testid=\"" +
         escape(testid) + "\"><p class=\"sg-figure__value\">" + escape(value) +
         "</p><p class=\"sg-figure__label\">" + escape(label) +
         "</p><p class=\"govuk-body-s sg-secondary\">" + escape(detail) + "</p></div></div>";
}

}  // namespace safeguard::web
