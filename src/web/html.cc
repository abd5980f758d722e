#include "web/html.h"

#include <tuple>

namespace safeguard::web {
namespace {

std::string error_message_html(std::string_view id, std::string_view error) {
  if (error.empty()) return {};
  return "<p id=\"" + escape(id) +
         "-error\" class=\"govuk-error-message\"><span class=\"govuk-visually-hidden\">Error:</span> " +
         escape(error) + "</p>";
}

std::string hint_html(std::string_view id, std::string_view hint) {
  if (hint.empty()) return {};
  return "<div id=\"" + escape(id) + "-hint\" class=\"govuk-hint\">" + escape(hint) + "</div>";
}

std::string described_by(std::string_view id, std::string_view hint, std::string_view error) {
  std::string ids;
  if (!hint.empty()) ids += std::string(id) + "-hint";
  if (!error.empty()) ids += (ids.empty() ? "" : " ") + std::string(id) + "-error";
  return ids.empty() ? "" : " aria-describedby=\"" + escape(ids) + "\"";
}

std::string group_open(std::string_view error) {
  return std::string("<div class=\"govuk-form-group") + (error.empty() ? "" : " govuk-form-group--error") +
         "\">";
}

}  // namespace

std::string escape(std::string_view text) {
  std::string out;
  out.reserve(text.size() + text.size() / 8);
  for (const char c : text) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&#39;";
        break;
      default:
        out += c;
    }
  }
  return out;
}

std::string page(const Layout& l, std::string_view main_html) {
  std::string title = l.title.empty() ? "Safeguard" : l.title + " - Safeguard";
  if (!l.errors.empty()) title = "Error: " + title;
  std::string out;
  out.reserve(main_html.size() + 4096);
  out +=
      "<!DOCTYPE html>\n<html lang=\"en\" class=\"govuk-template\">\n<head>\n<meta "
      "charset=\"utf-8\">\n<title>" +
      escape(title) +
      "</title>\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1, "
      "viewport-fit=cover\">\n"
      "<meta name=\"theme-color\" content=\"#1d70b8\">\n"
      "<link rel=\"icon\" sizes=\"48x48\" href=\"/assets/images/favicon.ico\">\n"
      "<link rel=\"stylesheet\" href=\"/static/govuk-frontend.min.css\">\n"
      "<link rel=\"stylesheet\" href=\"/static/safeguard.css\">\n</head>\n"
      "<body class=\"govuk-template__body\">\n"
      // The GOV.UK template's inline class-setting script, as a file so the Content Security
      // Policy can forbid inline scripts.
      "<script src=\"/static/js-enabled.js\"></script>\n"
      "<a href=\"#main-content\" class=\"govuk-skip-link\" data-module=\"govuk-skip-link\">Skip to main "
      "content</a>\n"
      "<header class=\"govuk-template__header\">\n"
      "<div class=\"govuk-generic-header\"><div class=\"govuk-generic-header__container "
      "govuk-width-container\">"
      "<div class=\"govuk-generic-header__logo\"><a href=\"/\" "
      "class=\"govuk-generic-header__homepage-link\">Safeguard";
  if (!l.council_name.empty())
    out += "<span class=\"sg-council-name\"> " + escape(l.council_name) + "</span>";
  out += "</a></div>";
  if (!l.user_name.empty()) {
    out += "<div class=\"sg-signed-in\"><span class=\"sg-signed-in__name\">" + escape(l.user_name) +
           "</span> <span class=\"sg-signed-in__role\">" + escape(l.user_role) +
           "</span><form method=\"post\" action=\"/sign-out\" class=\"sg-sign-out\">" +
           csrf_field(l.csrf_token) +
           "<button type=\"submit\" class=\"sg-link-button\" data-testid=\"sign-out\">Sign "
           "out</button></form></div>";
  }
  out += "</div></div>\n";
  if (!l.navigation.empty()) {
    out +=
        "<section aria-label=\"Service information\" class=\"govuk-service-navigation\" "
        "data-module=\"govuk-service-navigation\">"
        "<div class=\"govuk-width-container\"><div class=\"govuk-service-navigation__container\">"
        "<nav aria-label=\"Menu\" class=\"govuk-service-navigation__wrapper\">"
        "<button type=\"button\" class=\"govuk-service-navigation__toggle "
        "govuk-js-service-navigation-toggle\" "
        "aria-controls=\"navigation\" hidden aria-hidden=\"true\">Menu</button>"
        "<ul class=\"govuk-service-navigation__list\" id=\"navigation\">";
    for (const NavigationItem& item : l.navigation) {
      if (item.active) {
        out +=
            "<li class=\"govuk-service-navigation__item govuk-service-navigation__item--active\"><a "
            "class=\"govuk-service-navigation__link\" href=\"" +
            escape(item.href) +
            "\" aria-current=\"page\"><strong class=\"govuk-service-navigation__active-fallback\">" +
            escape(item.text) + "</strong></a></li>";
      } else {
        out +=
            "<li class=\"govuk-service-navigation__item\"><a class=\"govuk-service-navigation__link\" "
            "href=\"" +
            escape(item.href) + "\">" + escape(item.text) + "</a></li>";
      }
    }
    out += "</ul></nav></div></div></section>\n";
  }
  out += "</header>\n<div class=\"govuk-width-container\">\n";
  if (!l.back_href.empty())
    out += "<a href=\"" + escape(l.back_href) + "\" class=\"govuk-back-link\">Back</a>\n";
  out += "<main class=\"govuk-main-wrapper\" id=\"main-content\">\n";
  if (!l.errors.empty()) out += error_summary(l.errors);
  if (!l.success_message.empty()) {
    out +=
        "<div class=\"govuk-notification-banner govuk-notification-banner--success\" role=\"alert\" "
        "aria-labelledby=\"govuk-notification-banner-title\" data-module=\"govuk-notification-banner\">"
        "<div class=\"govuk-notification-banner__header\"><h2 class=\"govuk-notification-banner__title\" "
        "id=\"govuk-notification-banner-title\">Success</h2></div><div "
        "class=\"govuk-notification-banner__content\">"
        "<p class=\"govuk-notification-banner__heading\">" +
        escape(l.success_message) + "</p></div></div>\n";
  }
  out += main_html;
  out +=
      "\n</main>\n</div>\n<footer class=\"govuk-footer\"><div class=\"govuk-width-container\"><div "
      "class=\"govuk-footer__meta\">"
      "<div class=\"govuk-footer__meta-item govuk-footer__meta-item--grow\"><p "
      "class=\"govuk-body-s\">Safeguard: "
      "children's social care case management. Every view of a child's record is "
      "logged.</p></div></div></div></footer>\n"
      "<script type=\"module\" src=\"/static/safeguard.js\"></script>\n</body>\n</html>\n";
  return out;
}

std::string error_summary(const std::vector<FieldError>& errors) {
  if (errors.empty()) return {};
  std::string out =
      "<div class=\"govuk-error-summary\" data-module=\"govuk-error-summary\"><div role=\"alert\">"
      "<h2 class=\"govuk-error-summary__title\">There is a problem</h2><div "
      "class=\"govuk-error-summary__body\">"
      "<ul class=\"govuk-list govuk-error-summary__list\">";
  for (const FieldError& e : errors) {
    if (e.field.empty()) {
      out += "<li>" + escape(e.message) + "</li>";
    } else {
      out += "<li><a href=\"#" + escape(e.field) + "\">" + escape(e.message) + "</a></li>";
    }
  }
  return out + "</ul></div></div></div>\n";
}

std::string csrf_field(std::string_view token) { return hidden_field("csrf_token", token); }

std::string hidden_field(std::string_view name, std::string_view value) {
  return "<input type=\"hidden\" name=\"" + escape(name) + "\" value=\"" + escape(value) + "\">";
}

std::string text_input(std::string_view name, std::string_view label, std::string_view value,
                       std::string_view error, const InputOptions& o) {
  std::string out = group_open(error);
  const std::string label_html = "<label class=\"govuk-label" +
                                 std::string(o.label_is_page_heading ? " govuk-label--l" : "") + "\" for=\"" +
                                 escape(name) + "\">" + escape(label) + "</label>";
  out += o.label_is_page_heading ? "<h1 class=\"govuk-label-wrapper\">" + label_html + "</h1>" : label_html;
  out += hint_html(name, o.hint) + error_message_html(name, error);
  out += "<input class=\"govuk-input";
  if (!o.width_class.empty()) out += " " + escape(o.width_class);
  if (!error.empty()) out += " govuk-input--error";
  out += "\" id=\"" + escape(name) + "\" name=\"" + escape(name) + "\" type=\"" + escape(o.type) +
         "\" value=\"" + escape(value) + "\"";
  if (!o.autocomplete.empty()) out += " autocomplete=\"" + escape(o.autocomplete) + "\"";
  if (o.spellcheck_off) out += " spellcheck=\"false\"";
  if (o.autofocus) out += " autofocus";
  out += described_by(name, o.hint, error) + "></div>\n";
  return out;
}

std::string textarea(std::string_view name, std::string_view label, std::string_view value,
                     std::string_view error, std::string_view hint, int rows) {
  std::string out = group_open(error);
  out += "<label class=\"govuk-label\" for=\"" + escape(name) + "\">" + escape(label) + "</label>";
  out += hint_html(name, hint) + error_message_html(name, error);
  out += "<textarea class=\"govuk-textarea" + std::string(error.empty() ? "" : " govuk-textarea--error") +
         "\" id=\"" + escape(name) + "\" name=\"" + escape(name) + "\" rows=\"" + std::to_string(rows) +
         "\"" + described_by(name, hint, error) + ">" + escape(value) + "</textarea></div>\n";
  return out;
}

DateParts DateParts::of(const std::optional<Date>& date) {
  if (!date) return {};
  return {std::to_string(date->day()), std::to_string(date->month()), std::to_string(date->year())};
}

std::string date_input(std::string_view name, std::string_view legend, const DateParts& v,
                       std::string_view error, std::string_view hint) {
  std::string out = group_open(error);
  out += "<fieldset class=\"govuk-fieldset\" role=\"group\"" + described_by(name, hint, error) +
         "><legend class=\"govuk-fieldset__legend govuk-fieldset__legend--s\">" + escape(legend) +
         "</legend>";
  out += hint_html(name, hint) + error_message_html(name, error);
  out += "<div class=\"govuk-date-input\" id=\"" + escape(name) + "\">";
  const std::tuple<const char*, const char*, const std::string*, const char*> parts[] = {
      {"day", "Day", &v.day, "govuk-input--width-2"},
      {"month", "Month", &v.month, "govuk-input--width-2"},
      {"year", "Year", &v.year, "govuk-input--width-4"}};
  for (const auto& [suffix, label, value, width] : parts) {
    const std::string id = std::string(name) + "-" + suffix;
    out +=
        "<div class=\"govuk-date-input__item\"><div class=\"govuk-form-group\"><label class=\"govuk-label "
        "govuk-date-input__label\" for=\"" +
        escape(id) + "\">" + label + "</label><input class=\"govuk-input govuk-date-input__input " + width +
        (error.empty() ? "" : " govuk-input--error") + "\" id=\"" + escape(id) + "\" name=\"" + escape(id) +
        "\" type=\"text\" inputmode=\"numeric\" value=\"" + escape(*value) + "\"></div></div>";
  }
  out += "</div></fieldset></div>\n";
  return out;
}

std::string select(std::string_view name, std::string_view label, const std::vector<Choice>& choices,
                   std::string_view selected, std::string_view error, std::string_view hint,
                   std::string_view blank_text) {
  std::string out = group_open(error);
  out += "<label class=\"govuk-label\" for=\"" + escape(name) + "\">" + escape(label) + "</label>";
  out += hint_html(name, hint) + error_message_html(name, error);
  out += "<select class=\"govuk-select" + std::string(error.empty() ? "" : " govuk-select--error") +
         "\" id=\"" + escape(name) + "\" name=\"" + escape(name) + "\"" + described_by(name, hint, error) +
         ">";
  if (!blank_text.empty()) out += "<option value=\"\">" + escape(blank_text) + "</option>";
  for (const Choice& c : choices) {
    out += "<option value=\"" + escape(c.value) + "\"" + (c.value == selected ? " selected" : "") + ">" +
           escape(c.text) + "</option>";
  }
  return out + "</select></div>\n";
}

std::string radios(std::string_view name, std::string_view legend, const std::vector<Choice>& choices,
                   std::string_view selected, std::string_view error, std::string_view hint, bool inline_) {
  std::string out = group_open(error);
  out += "<fieldset class=\"govuk-fieldset\"" + described_by(name, hint, error) +
         "><legend class=\"govuk-fieldset__legend govuk-fieldset__legend--s\">" + escape(legend) +
         "</legend>";
  out += hint_html(name, hint) + error_message_html(name, error);
  out += std::string("<div class=\"govuk-radios") + (inline_ ? " govuk-radios--inline" : "") +
         "\" data-module=\"govuk-radios\">";
  for (size_t i = 0; i < choices.size(); ++i) {
    // The first input takes the field's own id, so the error summary's link lands on it.
    const std::string id = i == 0 ? std::string(name) : std::string(name) + "-" + std::to_string(i + 1);
    out += "<div class=\"govuk-radios__item\"><input class=\"govuk-radios__input\" id=\"" + escape(id) +
           "\" name=\"" + escape(name) + "\" type=\"radio\" value=\"" + escape(choices[i].value) + "\"" +
           (choices[i].value == selected ? " checked" : "") +
           "><label class=\"govuk-label govuk-radios__label\" for=\"" + escape(id) + "\">" +
           escape(choices[i].text) + "</label></div>";
  }
  return out + "</div></fieldset></div>\n";
}

std::string checkboxes(std::string_view name, std::string_view legend, const std::vector<Choice>& choices,
                       const std::set<std::string>& selected, std::string_view error, std::string_view hint) {
  std::string out = group_open(error);
  out += "<fieldset class=\"govuk-fieldset\"" + described_by(name, hint, error) +
         "><legend class=\"govuk-fieldset__legend govuk-fieldset__legend--s\">" + escape(legend) +
         "</legend>";
  out += hint_html(name, hint) + error_message_html(name, error);
  out += "<div class=\"govuk-checkboxes govuk-checkboxes--small\" data-module=\"govuk-checkboxes\">";
  for (size_t i = 0; i < choices.size(); ++i) {
    const std::string id = i == 0 ? std::string(name) : std::string(name) + "-" + std::to_string(i + 1);
    out += "<div class=\"govuk-checkboxes__item\"><input class=\"govuk-checkboxes__input\" id=\"" +
           escape(id) + "\" name=\"" + escape(name) + "\" type=\"checkbox\" value=\"" +
           escape(choices[i].value) + "\"" + (selected.count(choices[i].value) ? " checked" : "") +
           "><label class=\"govuk-label govuk-checkboxes__label\" for=\"" + escape(id) + "\">" +
           escape(choices[i].text) + "</label></div>";
  }
  return out + "</div></fieldset></div>\n";
}

std::string button(std::string_view text, std::string_view extra_classes, std::string_view name,
                   std::string_view value) {
  std::string out = "<button type=\"submit\" class=\"govuk-button";
  if (!extra_classes.empty()) out += " " + escape(extra_classes);
  out += "\" data-module=\"govuk-button\"";
  if (!name.empty()) out += " name=\"" + escape(name) + "\" value=\"" + escape(value) + "\"";
  return out + ">" + escape(text) + "</button>";
}

std::string link_button(std::string_view text, std::string_view href, std::string_view extra_classes) {
  std::string out =
      "<a href=\"" + escape(href) + "\" role=\"button\" draggable=\"false\" class=\"govuk-button";
  if (!extra_classes.empty()) out += " " + escape(extra_classes);
  return out + "\" data-module=\"govuk-button\">" + escape(text) + "</a>";
}

std::string summary_list(const std::vector<SummaryRow>& rows) {
  std::string out = "<dl class=\"govuk-summary-list\">";
  for (const SummaryRow& r : rows) {
    out += std::string("<div class=\"govuk-summary-list__row") +
           (r.action_html.empty() ? " govuk-summary-list__row--no-actions" : "") +
           "\"><dt class=\"govuk-summary-list__key\">" + escape(r.key) +
           "</dt><dd class=\"govuk-summary-list__value\">" + r.value_html + "</dd>";
    if (!r.action_html.empty()) out += "<dd class=\"govuk-summary-list__actions\">" + r.action_html + "</dd>";
    out += "</div>";
  }
  return out + "</dl>\n";
}

std::string table(std::string_view caption, const std::vector<std::string>& headers,
                  const std::vector<std::vector<std::string>>& rows, std::string_view empty_text) {
  if (rows.empty() && !empty_text.empty()) {
    return (caption.empty() ? std::string() : "<h2 class=\"govuk-heading-m\">" + escape(caption) + "</h2>") +
           "<p class=\"govuk-body\">" + escape(empty_text) + "</p>\n";
  }
  std::string out = "<table class=\"govuk-table\">";
  if (!caption.empty())
    out +=
        "<caption class=\"govuk-table__caption govuk-table__caption--m\">" + escape(caption) + "</caption>";
  out += "<thead class=\"govuk-table__head\"><tr class=\"govuk-table__row\">";
  for (const std::string& h : headers)
    out += "<th scope=\"col\" class=\"govuk-table__header\">" + escape(h) + "</th>";
  out += "</tr></thead><tbody class=\"govuk-table__body\">";
  for (const auto& row : rows) {
    out += "<tr class=\"govuk-table__row\">";
    for (const std::string& cell : row) out += "<td class=\"govuk-table__cell\">" + cell + "</td>";
    out += "</tr>";
  }
  return out + "</tbody></table>\n";
}

std::string tag(std::string_view text, std::string_view colour) {
  return "<strong class=\"govuk-tag" + (colour.empty() ? std::string() : " govuk-tag--" + escape(colour)) +
         "\">" + escape(text) + "</strong>";
}

std::string link(std::string_view text, std::string_view href, std::string_view extra_classes) {
  return "<a class=\"govuk-link" + (extra_classes.empty() ? std::string() : " " + escape(extra_classes)) +
         "\" href=\"" + escape(href) + "\">" + escape(text) + "</a>";
}

std::string link_in_context(std::string_view text, std::string_view context, std::string_view href) {
  return "<a class=\"govuk-link\" href=\"" + escape(href) + "\">" + escape(text) +
         "<span class=\"govuk-visually-hidden\">" + escape(context) + "</span></a>";
}

std::string inset(std::string_view html) {
  return "<div class=\"govuk-inset-text\">" + std::string(html) + "</div>\n";
}

std::string warning(std::string_view text) {
  return "<div class=\"govuk-warning-text\"><span class=\"govuk-warning-text__icon\" "
         "aria-hidden=\"true\">!</span>"
         "<strong class=\"govuk-warning-text__text\"><span class=\"govuk-visually-hidden\">Warning</span>" +
         escape(text) + "</strong></div>\n";
}

std::string date_or(const std::optional<Date>& date, std::string_view placeholder) {
  return date ? long_date_text(*date) : std::string(placeholder);
}

std::string working_days_text(int days) {
  return std::to_string(days) + " working day" + (days == 1 ? "" : "s");
}

std::string deadline_tag(const DeadlineStatus& s) {
  switch (s.state) {
    case DeadlineState::kDue:
      return tag("Due", "blue");
    case DeadlineState::kOverdue:
      return tag("Overdue", "red");
    case DeadlineState::kMetOnTime:
      return tag("Met on time", "green");
    case DeadlineState::kMetLate:
      return tag("Met late by " + working_days_text(s.working_days), "orange");
    case DeadlineState::kNotApplicable:
      return tag("Not applicable", "grey");
  }
  return {};
}

std::string deadline_words(const DeadlineStatus& s) {
  switch (s.state) {
    case DeadlineState::kDue:
      return s.working_days == 0 ? "Due today" : working_days_text(s.working_days) + " left";
    case DeadlineState::kOverdue:
      return "Overdue by " + working_days_text(s.working_days);
    case DeadlineState::kMetOnTime:
    case DeadlineState::kMetLate:
      return s.met_on ? "Met on " + long_date_text(*s.met_on) : "Met";
    case DeadlineState::kNotApplicable:
      return "Not applicable";
  }
  return {};
}

}  // namespace safeguard::web
