// What the front door's pages (pages_front_door*.cc) share: the markup each of them needs for
// urgencies, deadlines, code lists and forms, and the entry point of each file, which
// front_door_pages (pages_front_door.cc) calls by path.
//
// Internal to web/: only the pages_front_door*.cc files include it.
//
// Thread safety: pure functions, except the page handlers, which use the context's database.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/codes.h"
#include "rules/deadline.h"
#include "web/page_context.h"

namespace safeguard::web::front_door {

// ---- markup ----

std::vector<Choice> code_choices(CodeList list);
// The label of a code, the code itself if the list has no such code, or `none` for an empty code.
std::string code_text(CodeList list, std::string_view code, std::string_view none = "Not recorded");
std::string error_for(const std::vector<FieldError>& errors, std::string_view field);

std::string contact_href(int64_t contact_id);
std::string person_href(int64_t person_id);

// A red, amber (orange) or green tag.
std::string urgency_tag(std::string_view urgency);
// What is left of a deadline in words: "1 working day left" before the due day, the service's
// `time_remaining` ("3 hours 5 minutes left", "overdue by 2 working days") otherwise.
std::string time_left(const DeadlineStatus& status, const std::string& time_remaining);
// The same for a MASH agency's answer: "Due", "Overdue", "Answered on time", "Answered late".
std::string answer_tag(const DeadlineStatus& status);
// "Awaiting decision", "Awaiting authorisation" or "Decided" for a contact's status in the index.
std::string contact_status_tag(std::string_view status);

// Someone's own words (a caller's worry, a rationale, an agency's answer), escaped, with their
// line breaks kept.
std::string words(std::string_view text);

// "<form method=post action=...>" with the CSRF field; kept as a draft when `draft_key` is set.
std::string form_open(const PageContext& c, std::string_view action, std::string_view draft_key = "");
// The paragraph the draft script writes "Draft saved at..." into.
std::string draft_status();
// A notice that the form shows what the worker typed before (a draft), if it does.
std::string draft_notice(const FormData& values);

// A submit button that sends the form to `formaction` (a path with a fragment to land on), for the
// forms that have several buttons doing different things.
std::string submit_button(std::string_view text, std::string_view name, std::string_view value,
                          std::string_view extra_classes = "", std::string_view formaction = "");

// ---- the pages of each file; nullopt when the path is not theirs ----

// /contacts/new, /contacts/{id} and its forms (pages_front_door_contacts.cc).
std::optional<Response> contact_pages(PageContext& c);
// /mash and /mash/{contact}/{enquiry} for MASH partners (pages_front_door_mash.cc).
std::optional<Response> partner_pages(PageContext& c);
Response partner_inbox_page(PageContext& c, std::string_view active);
// /front-door/dashboard (pages_front_door_dashboard.cc).
Response dashboard_page(PageContext& c);

}  // namespace safeguard::web::front_door
