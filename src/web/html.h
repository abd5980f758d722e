// HTML for pages: escaping, the page layout, and the GOV.UK Design System components Safeguard uses,
// written out as the markup govuk-frontend's own templates produce (its dist/ ships them as
// fixtures), so the govuk-frontend CSS and JavaScript apply unchanged.
//
// Every piece of text that is not markup goes through escape(): component functions escape the
// text they are given, and take already-built HTML only in parameters whose names end in `_html`.
//
// Thread safety: pure functions.
#pragma once

#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/date.h"
#include "rules/deadline.h"

namespace safeguard::web {

std::string escape(std::string_view text);

// A problem with one field of a form. `field` is the form field's name; the error summary links
// to the element with that id (dates link to their day input).
struct FieldError {
  std::string field;
  std::string message;
};

struct NavigationItem {
  std::string text;
  std::string href;
  bool active = false;
};

struct Layout {
  std::string title;         // the page's h1 subject; "<title> - Safeguard" in the tab
  std::string council_name;  // shown beside the service name
  std::string user_name;     // empty when signed out
  std::string user_role;
  std::string csrf_token;  // for the sign-out form
  std::vector<NavigationItem> navigation;
  std::vector<FieldError> errors;  // shown as the error summary, and "Error: " in the tab title
  std::string success_message;     // a green notification banner
  std::string back_href;           // a back link above the content
};

// The whole page around already-built main content.
std::string page(const Layout& layout, std::string_view main_html);

// Form components. `error` is the message for this field, if any.
struct Choice {
  std::string value;
  std::string text;
};

std::string error_summary(const std::vector<FieldError>& errors);
std::string csrf_field(std::string_view token);
std::string hidden_field(std::string_view name, std::string_view value);

struct InputOptions {
  std::string hint;
  std::string width_class;  // e.g. "govuk-input--width-10"
  std::string type = "text";
  std::string autocomplete;  // e.g. "off", "username"
  bool spellcheck_off = false;
  bool label_is_page_heading = false;
  bool autofocus = false;
};
std::string text_input(std::string_view name, std::string_view label, std::string_view value,
                       std::string_view error, const InputOptions& options = {});
std::string textarea(std::string_view name, std::string_view label, std::string_view value,
                     std::string_view error, std::string_view hint = "", int rows = 5);

// Three inputs named <name>-day, <name>-month, <name>-year.
struct DateParts {
  std::string day;
  std::string month;
  std::string year;
  static DateParts of(const std::optional<Date>& date);
};
std::string date_input(std::string_view name, std::string_view legend, const DateParts& value,
                       std::string_view error, std::string_view hint = "");

std::string select(std::string_view name, std::string_view label, const std::vector<Choice>& choices,
                   std::string_view selected, std::string_view error, std::string_view hint = "",
                   std::string_view blank_text = "");
std::string radios(std::string_view name, std::string_view legend, const std::vector<Choice>& choices,
                   std::string_view selected, std::string_view error, std::string_view hint = "",
                   bool inline_ = false);
std::string checkboxes(std::string_view name, std::string_view legend, const std::vector<Choice>& choices,
                       const std::set<std::string>& selected, std::string_view error,
                       std::string_view hint = "");

std::string button(std::string_view text, std::string_view extra_classes = "", std::string_view name = "",
                   std::string_view value = "");
std::string link_button(std::string_view text, std::string_view href, std::string_view extra_classes = "");

// Display components.
struct SummaryRow {
  std::string key;
  std::string value_html;
  std::string action_html;  // optional link(s)
};
std::string summary_list(const std::vector<SummaryRow>& rows);

std::string table(std::string_view caption, const std::vector<std::string>& headers,
                  const std::vector<std::vector<std::string>>& rows_html, std::string_view empty_text = "");
std::string tag(std::string_view text, std::string_view colour = "");  // colour: "grey", "red", "green", ...
std::string link(std::string_view text, std::string_view href, std::string_view extra_classes = "");
// A link that makes sense read alone by a screen reader: the visible `text` ("Open") followed by
// `context` hidden from sight (" the assessment of Ellie Fielding").
std::string link_in_context(std::string_view text, std::string_view context, std::string_view href);
std::string inset(std::string_view html);
std::string warning(std::string_view text);

// "1 working day", "3 working days".
std::string working_days_text(int days);
// A deadline's state as a coloured tag: "Due", "Overdue", "Met on time", "Met late by 2 working
// days", "Not applicable".
std::string deadline_tag(const DeadlineStatus& status);
// What is left of a deadline in words: "3 working days left", "Due today", "Overdue by 2 working
// days", "Met on 12 January 2026", "Not applicable".
std::string deadline_words(const DeadlineStatus& status);

// "1 May 2015" or the placeholder.
std::string date_or(const std::optional<Date>& date, std::string_view placeholder = "Not recorded");

}  // namespace safeguard::web
