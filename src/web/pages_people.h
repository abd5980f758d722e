// What the pages about a person's record share with the casework pages built on them
// (pages_assessments.cc): code-list choices and labels, field errors, the record's address, and the
// machinery of a form that changes the record (load it, show the form with its draft, finish the
// change or show the errors again).
//
// Internal to web/: only pages_people.cc and the casework pages include it.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "app/people.h"
#include "domain/codes.h"
#include "web/page_context.h"

namespace safeguard::web {

std::vector<Choice> choices_of(CodeList list);
// The label of a code, the code itself if the list has no such code, or `none` for an empty code.
std::string label_of(CodeList list, std::string_view code, std::string_view none = "Not recorded");
std::string error_for(const std::vector<FieldError>& errors, std::string_view field);
std::string person_href(int64_t id);
// The top of a page about a child: their name as the caption over the page's title.
std::string child_page_heading(const Person& p, std::string_view title);
// A text input's options on a casework form: a hint, a width, and no browser autocomplete.
InputOptions casework_input(std::string hint, std::string width_class = "");
// A person's name, or "Person 12" when none is recorded; and a link to their record with it.
std::string person_name(const PersonSummary& person);
std::string person_link(const PersonSummary& person);
// The day, month and year typed into a date_input named `name`.
DateParts date_parts(const FormData& form, std::string_view name);

// "We kept what you typed on ..." when the values came from a draft.
std::string draft_notice(const FormData& values);
// Where safeguard.js says when it last saved the draft.
std::string draft_status();
// A POST form to `action` with the CSRF token; `keep_drafts` saves it as a draft while typed.
std::string form_open(const PageContext& c, std::string_view action, bool keep_drafts);

// The record as it stands, for a form about it; or the page to show instead (not found, denied,
// the access-reason page).
struct Loaded {
  std::optional<PersonRecord> record;
  std::optional<Response> instead;
};
Loaded load_for_form(PageContext& c, int64_t id);

struct ChangeForm {
  std::string title;
  std::string action;  // the form's path
  std::string fields_html;
  std::string submit;
};

// The form page, with the record's version to change and any errors.
Response change_form_page(PageContext& c, const PersonRecord& record, const ChangeForm& f,
                          const FormData& values, const std::vector<FieldError>& errors, int status);

// What a change form's POST produced: on success the draft is discarded and the worker goes to
// `next` (the person's page when empty) with "?done=<done>"; an invalid change shows the form again
// with the error at its field; a conflict keeps what was typed as a draft.
Response finish_change(
    PageContext& c, const PersonRecord& record, const ChangeForm& form, Result<int64_t> result,
    std::string_view done,
    const std::function<ChangeForm(const FormData&, const std::vector<FieldError>&)>& rebuild,
    const std::string& next = "");

// A change form with one date that must be given (and any other fields): its GET shows the draft,
// or today's date; its POST reads the date, shows the form again with errors, or finishes the
// change and goes to `next`.
struct DatedForm {
  PageContext& c;
  const PersonRecord& record;
  std::string action;
  const char* date_field;
  std::string next;
  std::function<ChangeForm(const FormData&, const std::vector<FieldError>&)> build;

  // The form for a GET; nothing for a POST.
  std::optional<Response> get();
  // The date posted; `missing` is the error when none was typed.
  Result<Date> date(std::string_view missing);
  // The form again with `errors`, keeping what was typed.
  Response invalid(std::vector<FieldError> errors);
  Response finish(Result<int64_t> result, std::string_view done);
};

// The record version a form was filled in against (-1 if missing, which is always stale).
int64_t form_version(const FormData& form);

}  // namespace safeguard::web
