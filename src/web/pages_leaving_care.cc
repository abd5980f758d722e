// The leaving care page of a young person (/people/{id}/leaving-care): whether they are a care
// leaver and in which category (derived from their care, never typed), from when they qualified,
// their personal adviser, their latest contact with what SSDA903 OC3 returns, the pathway plan and
// birthday contact deadlines, every pathway plan and contact; and the forms that record them (the
// plan and the contact's notes keep drafts while typed). Anyone who may open a looked-after child's
// care sees the page; social workers and team managers record, team managers appoint the adviser.
#include "app/access_policy.h"
#include "app/care_leavers.h"
#include "core/text.h"
#include "web/page_context.h"
#include "web/pages_people.h"

namespace safeguard::web {
namespace {

constexpr std::pair<std::string_view, std::string_view> kCategories[] = {
    {"eligible", "Eligible: 16 or 17 and looked after"},
    {"relevant", "Relevant: 16 or 17 and has left care"},
    {"former_relevant", "Former relevant: 18 to 25"},
    {"qualifying", "Qualifying: looked after from 16, under 13 weeks from 14"}};

std::string leaving_href(int64_t id) { return person_href(id) + "/leaving-care"; }

std::string category_words(const std::string& category) {
  for (const auto& [code, words] : kCategories) {
    if (code == category) return std::string(words);
  }
  return "Not a care leaver";
}

std::string contact_words(const CareLeaverContact& c) {
  std::string out = label_of(CodeList::kInTouch, c.in_touch);
  if (c.activity != "0") out += "; " + label_of(CodeList::kCareLeaverActivity, c.activity);
  if (c.accommodation != "0") out += "; " + label_of(CodeList::kCareLeaverAccommodation, c.accommodation);
  return out;
}

Response leaving_page(PageContext& c, const PersonRecord& record) {
  const Person& p = record.person;
  const Date today = c.clock.today();
  Layout l = c.layout("Leaving care");
  l.back_href = person_href(p.id) + "/looked-after";
  const std::string done = c.query.get("done");
  if (done == "plan") l.success_message = "Pathway plan recorded";
  if (done == "contact") l.success_message = "Contact recorded";
  if (done == "adviser") l.success_message = "Personal adviser appointed";
  std::string main = child_page_heading(p, "Leaving care");
  const std::string base = leaving_href(p.id);
  const std::string category = care_leaver_category(p, today);
  const std::optional<Date> qualified = qualified_on(p, today);
  const std::vector<PersonalAdviser>& advisers = p.leaving_care.advisers;
  const bool needs_adviser = category == "relevant" || category == "former_relevant";
  std::vector<SummaryRow> rows{
      {"Care leaver", escape(category_words(category)), ""},
      {"Qualified on", qualified ? escape(long_date_text(*qualified)) : escape("Not qualified"), ""},
      {"Personal adviser",
       !advisers.empty() ? escape(advisers.back().name + " from " + long_date_text(advisers.back().from))
       : needs_adviser   ? tag("Not appointed", "red")
                         : escape("None"),
       can_allocate(*c.user) && !category.empty()
           ? link(advisers.empty() ? "Appoint" : "Change", base + "/adviser")
           : ""},
  };
  if (const CareLeaverContact* last = latest_contact(p, today)) {
    rows.push_back({"Latest contact", escape(long_date_text(last->on) + ": " + contact_words(*last)), ""});
  }
  main += "<div data-testid=\"leaving-summary\">" + summary_list(rows) + "</div>";
  if (can_record_care(*c.user) && !category.empty()) {
    main +=
        "<div class=\"govuk-button-group\">" +
        link_button(p.leaving_care.plans.empty() ? "Record the pathway plan" : "Record a pathway plan review",
                    base + "/pathway-plan") +
        (looked_after_on(p, today)
             ? ""
             : link_button("Record a contact", base + "/contact", "govuk-button--secondary")) +
        "</div>";
  }
  std::vector<std::vector<std::string>> deadlines;
  for (const ChildDeadline& d : record.deadlines) {
    if (!is_care_leaver_deadline(d.kind) || !still_to_meet(d.status.state)) continue;
    deadlines.push_back({escape(d.label), escape(long_date_text(d.status.due)), deadline_tag(d.status),
                         escape(deadline_words(d.status))});
  }
  main += "<div data-testid=\"leaving-deadlines\">" +
          table("Deadlines", {"What", "Due", "Status", ""}, deadlines, "Nothing due.") + "</div>";
  std::vector<std::vector<std::string>> plans;
  for (auto x = p.leaving_care.plans.rbegin(); x != p.leaving_care.plans.rend(); ++x) {
    plans.push_back({escape(long_date_text(x->on)),
                     escape(x->review ? "Review" : "Needs assessment and pathway plan"), escape(x->plan),
                     escape(x->by)});
  }
  main += "<div data-testid=\"pathway-plans\">" +
          table("Pathway plans", {"Date", "What", "The plan", "By"}, plans, "None recorded.") + "</div>";
  std::vector<std::vector<std::string>> contacts;
  for (auto x = p.leaving_care.contacts.rbegin(); x != p.leaving_care.contacts.rend(); ++x) {
    contacts.push_back({escape(long_date_text(x->on)), escape(label_of(CodeList::kInTouch, x->in_touch)),
                        escape(label_of(CodeList::kCareLeaverActivity, x->activity)),
                        escape(label_of(CodeList::kCareLeaverAccommodation, x->accommodation)),
                        escape(x->notes), escape(x->by)});
  }
  main += "<div data-testid=\"care-leaver-contacts\">" +
          table("Contacts", {"Date", "In touch", "Main activity", "Accommodation", "Notes", "By"}, contacts,
                "None recorded.") +
          "</div>";
  return c.page(l, main, 200);
}

Response record_plan(PageContext& c, const PersonRecord& record) {
  const int64_t id = record.person.id;
  const bool review = !record.person.leaving_care.plans.empty();
  DatedForm f{c, record, leaving_href(id) + "/pathway-plan", "on", leaving_href(id), nullptr};
  f.build = [&](const FormData& v, const std::vector<FieldError>& errors) {
    return ChangeForm{
        review ? "Record a pathway plan review" : "Record the needs assessment and pathway plan", f.action,
        date_input(
            "on", "Date", date_parts(v, "on"), error_for(errors, "on"),
            "Reviewed at least every 6 months, and whenever the young person's circumstances change.") +
            textarea("plan", "The plan", v.get("plan"), error_for(errors, "plan"),
                     "The young person's needs and wishes, and what each person will do: accommodation, "
                     "education, training or work, health, money, family and friends.",
                     10),
        "Record plan"};
  };
  if (auto page = f.get()) return std::move(*page);
  auto on = f.date("Enter the date of the plan");
  if (!on) return f.invalid({{"on", on.error().message}});
  PathwayPlan input{0, *on, false, c.form.get("plan"), ""};
  return f.finish(
      CareLeaverService(c.db, c.clock).record_plan(*c.user, id, form_version(c.form), input, c.channel()),
      "plan");
}

Response record_contact(PageContext& c, const PersonRecord& record) {
  const int64_t id = record.person.id;
  DatedForm f{c, record, leaving_href(id) + "/contact", "on", leaving_href(id), nullptr};
  f.build = [&](const FormData& v, const std::vector<FieldError>& errors) {
    return ChangeForm{
        "Record a contact with the young person", f.action,
        date_input("on", "Date", date_parts(v, "on"), error_for(errors, "on"),
                   "From 3 months before each birthday from 17 to 21, by a month after it.") +
            radios("in_touch", "Is the council in touch with the young person?",
                   choices_of(CodeList::kInTouch), v.get("in_touch"), error_for(errors, "in_touch")) +
            select("activity", "Main activity", choices_of(CodeList::kCareLeaverActivity), v.get("activity"),
                   error_for(errors, "activity"), "Leave blank when not in touch.", "Not known") +
            select("accommodation", "Accommodation, and whether it is suitable",
                   choices_of(CodeList::kCareLeaverAccommodation), v.get("accommodation"),
                   error_for(errors, "accommodation"), "Leave blank when not in touch.", "Not known") +
            textarea("notes", "Notes", v.get("notes"), error_for(errors, "notes"),
                     "How they are, what they asked for, and what you will do.", 6),
        "Record contact"};
  };
  if (auto page = f.get()) return std::move(*page);
  auto on = f.date("Enter the date of the contact");
  if (!on) return f.invalid({{"on", on.error().message}});
  CareLeaverContact input{0,
                          *on,
                          c.form.get("in_touch"),
                          c.form.get("activity"),
                          c.form.get("accommodation"),
                          c.form.get("notes"),
                          ""};
  return f.finish(
      CareLeaverService(c.db, c.clock).record_contact(*c.user, id, form_version(c.form), input, c.channel()),
      "contact");
}

Response appoint_adviser(PageContext& c, const PersonRecord& record) {
  const Person& p = record.person;
  const std::string action = leaving_href(p.id) + "/adviser";
  CareLeaverService service(c.db, c.clock);
  std::vector<Choice> choices;
  for (const User& u : service.advisers()) choices.push_back({u.username, u.display_name});
  const auto build = [&](const FormData& v, const std::vector<FieldError>& errors) {
    return ChangeForm{"Appoint the personal adviser", action,
                      select("personal_adviser", "Personal adviser", choices, v.get("personal_adviser"),
                             error_for(errors, "personal_adviser"), "", "Choose"),
                      "Appoint"};
  };
  if (c.request.method == "GET") return change_form_page(c, record, build({}, {}), {}, {}, 200);
  auto result = service.appoint_adviser(*c.user, p.id, form_version(c.form), c.form.get("personal_adviser"),
                                        c.channel());
  return finish_change(c, record, build(c.form, {}), result, "adviser", build, leaving_href(p.id));
}

}  // namespace

std::optional<Response> leaving_care_pages(PageContext& c) {
  const std::string& path = c.request.path;
  if (!path.starts_with("/people/")) return std::nullopt;
  // "", "people", id, "leaving-care" [, "pathway-plan" | "contact" | "adviser"]
  const auto parts = split(path, '/');
  if (parts.size() < 4 || parts.size() > 5 || parts[3] != "leaving-care") return std::nullopt;
  const auto person_id = parse_id(parts[2]);
  if (!person_id) return std::nullopt;
  const std::string form = parts.size() == 5 ? parts[4] : "";
  if (!form.empty() && form != "pathway-plan" && form != "contact" && form != "adviser") return std::nullopt;
  if (form.empty() && c.request.method != "GET") return std::nullopt;
  if (!can_record_care(*c.user) && !can_review_care(*c.user) && !can_appoint_reviewing_officer(*c.user)) {
    return c.problem(403, "You cannot see this",
                     "Social workers, team managers and reviewing officers see a care leaver's record.");
  }
  if (form == "adviser" ? !can_allocate(*c.user) : !form.empty() && !can_record_care(*c.user)) {
    return c.problem(403, "You cannot record this",
                     form == "adviser"
                         ? "Team managers appoint a personal adviser."
                         : "Social workers and team managers record pathway plans and contacts.");
  }
  Loaded loaded = load_for_form(c, *person_id);
  if (loaded.instead) return std::move(*loaded.instead);
  const PersonRecord& record = *loaded.record;
  if (form == "pathway-plan") return record_plan(c, record);
  if (form == "contact") return record_contact(c, record);
  if (form == "adviser") return appoint_adviser(c, record);
  return leaving_page(c, record);
}

}  // namespace safeguard::web
