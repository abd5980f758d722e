// Closing a child's Children in Need episode: the page says what is still open in the episode (an
// assessment not yet authorised, ...) and nothing closes until it is finished. A social worker
// proposes the closure with the DfE reason and a summary; a team manager closes the episode (their
// closing is the authorisation, proposed or not) or returns the proposal with a note.
#include "app/access_policy.h"
#include "domain/child_journey.h"
#include "web/page_context.h"
#include "web/pages_people.h"

namespace safeguard::web {
namespace {

// "the assessment ..." as a list item: "The assessment ...".
std::string sentence_case(std::string text) {
  if (!text.empty() && text[0] >= 'a' && text[0] <= 'z') text[0] = static_cast<char>(text[0] - 'a' + 'A');
  return text;
}

Response closure_page(PageContext& c, const PersonRecord& record, const CinEpisode& episode,
                      const FormData& values, const std::vector<FieldError>& errors, int status) {
  const Person& p = record.person;
  const std::string action = person_href(p.id) + "/close";
  const bool manager = can_close_episodes(*c.user);
  Layout l = c.layout("Close the Children in Need episode");
  l.errors = errors;
  l.back_href = person_href(p.id);
  std::string main =
      "<div class=\"govuk-grid-row\"><div class=\"govuk-grid-column-two-thirds\"><span "
      "class=\"govuk-caption-l\">" +
      escape(p.details.name.full()) +
      "</span><h1 class=\"govuk-heading-l\">Close the Children in Need episode</h1>";
  main += "<p class=\"govuk-body\">" +
          escape("Open since the referral on " + long_date_text(episode.referral_date) + ".") + "</p>";
  const auto blockers = closure_blockers(p, episode);
  if (!blockers.empty()) {
    std::string list = "<ul class=\"govuk-list govuk-list--bullet\" data-testid=\"closure-blockers\">";
    for (const std::string& b : blockers) list += "<li>" + escape(sentence_case(b)) + "</li>";
    main += warning("The episode cannot close while work is open. Finish this first:") + list + "</ul>";
  }
  if (const auto& proposal = episode.proposed_closure) {
    main +=
        "<div data-testid=\"closure-proposal\">" +
        summary_list(
            {{"Proposed by", escape(proposal->by), ""},
             {"Closing on", escape(long_date_text(proposal->closing_on)), ""},
             {"Reason",
              escape(proposal->reason + " " + label_of(CodeList::kReasonForClosure, proposal->reason)), ""},
             {"Summary", escape(proposal->summary), ""}}) +
        "</div>";
  } else if (!episode.closure_returned_because.empty()) {
    main += inset("Returned by the manager: " + escape(episode.closure_returned_because));
  }
  const bool waiting = episode.proposed_closure.has_value();
  if (blockers.empty() && (manager || !waiting)) {
    main +=
        form_open(c, action, false) + hidden_field("version", std::to_string(p.version)) +
        date_input("closed_on", "Closing on", date_parts(values, "closed_on"),
                   error_for(errors, "closed_on")) +
        radios("reason", "Reason for closure", choices_of(CodeList::kReasonForClosure), values.get("reason"),
               error_for(errors, "reason"), "The DfE's codes, as the Children in Need census reports them.");
    if (manager) {
      main += button("Close the episode", "", "action", "close") + "</form>";
      if (waiting) {
        main += form_open(c, action, false) + hidden_field("version", std::to_string(p.version)) +
                hidden_field("action", "return") +
                textarea("note", "Or return it to the social worker", values.get("note"),
                         error_for(errors, "note"), "Say why the episode should stay open.", 3) +
                button("Return to the social worker", "govuk-button--warning") + "</form>";
      }
    } else {
      main += textarea("summary", "Summary", values.get("summary"), error_for(errors, "summary"),
                       "Why the episode can close, and what the child and family have been told.", 6) +
              button("Propose closure", "", "action", "propose") + "</form>";
    }
  } else if (waiting) {
    main += inset("A team manager will close the episode or return the proposal.");
  }
  main += "</div></div>";
  return c.page(l, main, status);
}

}  // namespace

std::optional<Response> closure_pages(PageContext& c) {
  const std::string& path = c.request.path;
  if (!path.starts_with("/people/") || !path.ends_with("/close")) return std::nullopt;
  const auto id = parse_id(path.substr(8, path.size() - 8 - 6));
  if (!id) return std::nullopt;
  if (!can_assess(*c.user)) {
    return c.problem(403, "You cannot close episodes",
                     "Social workers propose closing an episode and team managers close it.");
  }
  Loaded loaded = load_for_form(c, *id);
  if (loaded.instead) return std::move(*loaded.instead);
  const PersonRecord& record = *loaded.record;
  const CinEpisode* episode = open_episode(record.person);
  if (!episode)
    return c.problem(404, "No open episode", "This child has no open Children in Need episode to close.");
  if (c.request.method == "GET") {
    FormData values;
    if (episode->proposed_closure) {
      set_date(values, "closed_on", episode->proposed_closure->closing_on);
      values.set("reason", episode->proposed_closure->reason);
    } else {
      set_date(values, "closed_on", c.clock.today());
    }
    return closure_page(c, record, *episode, values, {}, 200);
  }
  const std::string& what = c.form.get("action");
  if (what != "close" && what != "propose" && what != "return") {
    return closure_page(c, record, *episode, c.form,
                        {{"action", "Choose whether to close the episode, propose it, or return it"}}, 422);
  }
  PeopleService people(c.db, c.clock);
  Result<int64_t> result = int64_t{0};
  if (what == "return") {
    result = people.return_closure(*c.user, record.person.id, form_version(c.form), episode->id,
                                   c.form.get("note"), c.channel());
  } else {
    auto when =
        read_required_date(c.form, "closed_on", "The closing date", "Enter the day the episode closes");
    if (!when) return closure_page(c, record, *episode, c.form, {{"closed_on", when.error().message}}, 422);
    result = what == "close"
                 ? people.close_episode(*c.user, record.person.id, form_version(c.form), episode->id, *when,
                                        c.form.get("reason"), c.channel())
                 : people.propose_closure(*c.user, record.person.id, form_version(c.form), episode->id, *when,
                                          c.form.get("reason"), c.form.get("summary"), c.channel());
  }
  if (!result) {
    if (result.error().code != ErrorCode::kInvalid) return c.error_page(result.error());
    const std::string field = result.error().field.empty() ? "closed_on" : result.error().field;
    return closure_page(c, record, *episode, c.form, {{field, result.error().message}}, 422);
  }
  // A closed episode is no longer anyone's work: the manager goes back to theirs.
  if (what == "close") return Response::redirect("/my-work?done=closed");
  return Response::redirect(person_href(record.person.id) +
                            "?done=" + (what == "return" ? "closure-returned" : "closure-proposed"));
}

}  // namespace safeguard::web
