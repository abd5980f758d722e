// MASH partners' pages: their agency's inbox of enquiries (/mash, and their home page), and one
// enquiry as their agency sees it, with the form for their answer (/mash/{contact}/{enquiry}).
//
// A partner sees only what FrontDoorService::partner_enquiry gives them: the question, the lawful
// basis, the urgency and due time, and of the children and details shared, only those. An enquiry
// not sent to their agency is "not found", exactly as one that does not exist.
#include "app/front_door.h"
#include "core/text.h"
#include "web/page_context.h"
#include "web/pages_front_door.h"

namespace safeguard::web::front_door {
namespace {

std::string enquiry_href(int64_t contact_id, int64_t enquiry_id) {
  return "/mash/" + std::to_string(contact_id) + "/" + std::to_string(enquiry_id);
}

std::string inbox_table(const std::vector<PartnerRequestItem>& items, bool answered, std::string_view caption,
                        std::string_view empty_text, std::string_view testid) {
  std::vector<std::vector<std::string>> rows;
  for (const PartnerRequestItem& item : items) {
    const MashRequestRow& r = item.request;
    if (r.answered_at.has_value() != answered) continue;
    std::vector<std::string> row = {
        link("Enquiry " + std::to_string(r.contact_id) + "/" + std::to_string(r.enquiry_id),
             enquiry_href(r.contact_id, r.enquiry_id)),
        escape(london_date_time_text(r.opened_at)), urgency_tag(r.urgency),
        escape(london_date_time_text(r.due_at)), answer_tag(item.status)};
    row.push_back(answered ? escape(london_date_time_text(*r.answered_at)) : escape(item.time_remaining));
    rows.push_back(std::move(row));
  }
  return "<div data-testid=\"" + escape(testid) + "\">" +
         table(caption,
               {"Enquiry", "Sent", "Urgency", "Due by", "Status", answered ? "Answered" : "Time left"}, rows,
               empty_text) +
         "</div>";
}

Response enquiry_page(PageContext& c, int64_t contact_id, int64_t enquiry_id, const FormData& values,
                      const std::vector<FieldError>& errors, int status) {
  auto view = FrontDoorService(c.db, c.clock).partner_enquiry(*c.user, contact_id, enquiry_id, c.channel());
  if (!view) return c.error_page(view.error());
  const MashEnquiry& e = view->enquiry;
  const MashRequest& r = view->request;
  const std::string title = "MASH enquiry " + std::to_string(contact_id) + "/" + std::to_string(enquiry_id);
  Layout l = c.layout(title, "mash");
  l.errors = errors;
  l.back_href = "/mash";
  if (errors.empty() && c.query.get("done") == "answered") l.success_message = "Answer sent";
  std::string main =
      "<div class=\"govuk-grid-row\"><div class=\"govuk-grid-column-two-thirds\"><span "
      "class=\"govuk-caption-l\">" +
      escape(code_text(CodeList::kAgency, r.agency)) + "</span><h1 class=\"govuk-heading-l\">" +
      escape(title) + "</h1>";
  std::vector<SummaryRow> rows = {
      {"What the front door asks",
       "<div class=\"sg-words\" data-testid=\"question\">" + escape(e.question) + "</div>", ""},
      {"Lawful basis for sharing", escape(code_text(CodeList::kLawfulBasis, e.lawful_basis)), ""},
      {"Urgency", urgency_tag(view->urgency), ""},
      {"Sent", escape(london_date_time_text(e.opened_at)), ""},
      {"Answer due by", escape(london_date_time_text(r.due_at)) + " " + answer_tag(view->status), ""},
  };
  main += summary_list(rows);
  std::vector<std::vector<std::string>> children;
  int number = 0;
  for (const PartnerEnquiryView::SharedChild& child : view->children) {
    ++number;
    children.push_back(
        {escape(child.name.empty() ? "Child " + std::to_string(number) + " (name not shared)" : child.name),
         escape(child.date_of_birth ? long_date_text(*child.date_of_birth) : "Not shared"),
         escape(child.address.empty() ? "Not shared" : child.address)});
  }
  main += "<div data-testid=\"shared-children\">" +
          table("Children shared with you", {"Name", "Date of birth", "Address"}, children,
                "No children are shared with you on this enquiry.") +
          "</div>";
  if (!view->concerns.empty()) {
    main += "<h2 class=\"govuk-heading-m\">The concerns as reported</h2><div data-testid=\"concerns\">" +
            words(view->concerns) + "</div>";
  }
  main += "<h2 class=\"govuk-heading-m\">Your agency's answer</h2>";
  if (r.answered_at) {
    main += "<div data-testid=\"answer\">" + words(r.answer) +
            "</div><p class=\"govuk-body sg-secondary\">Sent " +
            escape(london_date_time_text(*r.answered_at)) + "</p>";
  } else {
    const std::string action = enquiry_href(contact_id, enquiry_id) + "/answer";
    main += draft_notice(values) + form_open(c, action, action);
    main += textarea(
        "answer", "What your agency knows, and when", values.get("answer"), error_for(errors, "answer"),
        "Say what your records show, the dates, and how sure you are. Say so if your agency knows "
        "nothing.",
        10);
    main += button("Send answer") + draft_status() + "</form>";
  }
  main += "</div></div>";
  return c.page(l, main, status);
}

Response answer(PageContext& c, int64_t contact_id, int64_t enquiry_id) {
  const std::string action = enquiry_href(contact_id, enquiry_id) + "/answer";
  Status answered = FrontDoorService(c.db, c.clock)
                        .answer_enquiry(*c.user, contact_id, enquiry_id, c.form.get("answer"), c.channel());
  if (!answered) {
    if (answered.error().code == ErrorCode::kInvalid)
      return enquiry_page(c, contact_id, enquiry_id, c.form, {{"answer", answered.error().message}}, 422);
    return c.error_page(answered.error());
  }
  c.discard_draft(action);
  return Response::redirect(enquiry_href(contact_id, enquiry_id) + "?done=answered");
}

}  // namespace

Response partner_inbox_page(PageContext& c, std::string_view active) {
  auto items = FrontDoorService(c.db, c.clock).partner_inbox(*c.user, true);
  if (!items) return c.error_page(items.error());
  const User& user = *c.user;
  const std::string agency = code_text(CodeList::kAgency, user.agency);
  Layout l = c.layout("MASH enquiries", active);
  std::string main = "<span class=\"govuk-caption-l\">" + escape(user.display_name + ", " + agency) +
                     "</span><h1 class=\"govuk-heading-l\">MASH enquiries</h1>";
  main += "<p class=\"govuk-body\">Enquiries the front door has sent to " + escape(agency) +
          ". You see only the children and details shared with your agency, and every look is logged.</p>";
  main += inbox_table(*items, false, "Waiting for your answer", "No enquiries are waiting for your agency.",
                      "waiting");
  main +=
      inbox_table(*items, true, "Answered", "Your agency has not answered any enquiries yet.", "answered");
  main += drafts_table_html(c);
  return c.page(l, main);
}

std::optional<Response> partner_pages(PageContext& c) {
  const std::string& path = c.request.path;
  const bool get = c.request.method == "GET";
  if (path == "/mash") return get ? std::optional<Response>(partner_inbox_page(c, "mash")) : std::nullopt;
  const auto parts = split(path, '/');  // "", "mash", contact, enquiry, ...
  if (parts.size() < 4 || parts.size() > 5) return std::nullopt;
  const auto contact_id = parse_id(parts[2]);
  const auto enquiry_id = parse_id(parts[3]);
  if (!contact_id || !enquiry_id) return std::nullopt;
  if (parts.size() == 4)
    return get ? std::optional<Response>(enquiry_page(
                     c, *contact_id, *enquiry_id, c.draft(path + "/answer").value_or(FormData()), {}, 200))
               : std::nullopt;
  if (parts[4] != "answer") return std::nullopt;
  // A draft's "Continue" link arrives here: the form is on the enquiry's page.
  if (get) return Response::redirect(enquiry_href(*contact_id, *enquiry_id));
  return answer(c, *contact_id, *enquiry_id);
}

}  // namespace safeguard::web::front_door
