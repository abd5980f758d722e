// The JSON API for adoption and permanence, so an adoption agency's own systems can record what
// workers record in the browser, and read it back:
//
//   GET  /api/v1/people/{id}/adoption                   previous permanence for each period of care,
//                                                        and each adoption decision with its journey
//   POST /api/v1/people/{id}/adoption-decisions          {expected_version, on, notes?}
//   POST /api/v1/people/{id}/adoption-match              {expected_version, on, adopters (SEX_ADOPTR),
//                                                        relationship}
//   POST /api/v1/people/{id}/adoption-decision-ceased    {expected_version, on, reason (RD1..RD4)}
//   POST /api/v1/people/{id}/previous-permanence         {expected_version, period_id, type (PREV_PERM),
//                                                        local_authority?, made? ("YYYY", "YYYY-MM" or
//                                                        "YYYY-MM-DD")}
//
// Each change answers {"id", "version"}; errors name the field (api_support.h).
#include "app/access_policy.h"
#include "app/adoption.h"
#include "core/text.h"
#include "web/api_support.h"
#include "web/page_context.h"

namespace safeguard::web {
namespace {

json partial_date_json(const PartialDate& d) { return d.empty() ? json(nullptr) : json(d.iso()); }

Response history(const PersonRecord& record, const Clock& clock) {
  const Person& p = record.person;
  json periods = json::array();
  for (const PeriodOfCare& period : p.periods_of_care) {
    json previous = nullptr;
    if (const PreviousPermanence* prev = previous_permanence_of(p, period.id)) {
      previous = {
          {"type", prev->type},
          {"local_authority", prev->local_authority.empty() ? json(nullptr) : json(prev->local_authority)},
          {"made", partial_date_json(prev->made)},
          {"made_ssda903", prev->made.empty() ? json(nullptr) : json(prev->made.ssda903())}};
    }
    periods.push_back({{"period_id", period.id},
                       {"start", period.start.iso()},
                       {"end", optional_date(period.end())},
                       {"reason_ended", period.end() ? json(period.reason_ended()) : json(nullptr)},
                       {"previous_permanence", previous}});
  }
  json decisions = json::array();
  for (const AdoptionDecision& d : p.permanence.decisions) {
    const AdoptionSteps steps = adoption_steps(p, d);
    json adopters = nullptr;
    if (d.matched_on) {
      adopters = {{"adopters", d.adopters.sexes},
                  {"relationship", d.adopters.relationship},
                  {"nb_adoptr", d.adopters.number()},
                  {"ls_adoptr", d.adopters.legal_status()}};
    }
    decisions.push_back({{"id", d.id},
                         {"period_id", d.period_id},
                         {"decided_on", d.decided_on.iso()},
                         {"notes", d.notes},
                         {"by", d.by},
                         {"placement_order_on", optional_date(steps.placement_order_on)},
                         {"fostering_for_adoption_on", optional_date(steps.fostering_for_adoption_on)},
                         {"matched_on", optional_date(d.matched_on)},
                         {"adopters", adopters},
                         {"placed_on", optional_date(steps.placed_on)},
                         {"by_foster_carers", steps.placed_on ? json(steps.by_foster_carers) : json(nullptr)},
                         {"adopted_on", optional_date(steps.adopted_on)},
                         {"ceased_on", optional_date(d.ceased_on)},
                         {"ceased_reason", d.ceased_on ? json(d.ceased_reason) : json(nullptr)}});
  }
  return json_response(200, json{{"person_id", p.id},
                                 {"version", p.version},
                                 {"today", clock.today().iso()},
                                 {"periods_of_care", periods},
                                 {"adoption_decisions", decisions}});
}

}  // namespace

std::optional<Response> adoption_api(const Request& request, Database& db, const Clock& clock,
                                     const User& user, const Channel& channel) {
  const std::optional<PersonCall> call = person_call(request);
  if (!call) return std::nullopt;
  const int64_t person_id = call->person_id;
  const std::string& what = call->what;
  if (what != "adoption" && what != "adoption-decisions" && what != "adoption-match" &&
      what != "adoption-decision-ceased" && what != "previous-permanence") {
    return std::nullopt;
  }
  if (what == "adoption") {
    if (request.method != "GET") {
      return api_error(405, "method_not_allowed",
                       "Use GET to read the adoption record; POST each record to its own call");
    }
    if (!can_record_care(user) && !can_review_care(user) && !can_appoint_reviewing_officer(user)) {
      return api_error(Error::denied(
          "Social workers, team managers and reviewing officers read a child's adoption record."));
    }
    auto record = PeopleService(db, clock).open(user, person_id, channel);
    if (!record) return api_error(record.error());
    return history(*record, clock);
  }
  if (request.method != "POST") {
    return api_error(405, "method_not_allowed",
                     "Use POST to record this; GET /api/v1/people/{id}/adoption reads the record");
  }
  AdoptionService service(db, clock);
  if (what == "previous-permanence") {
    Body body = read_body(request, {"expected_version", "period_id", "type", "local_authority", "made"});
    if (body.error) return *body.error;
    auto version = version_of(body.value);
    if (!version) return api_error(version.error());
    const json* period = body.value.contains("period_id") ? &body.value.at("period_id") : nullptr;
    if (!period || !period->is_number_integer()) {
      return api_error(Error::invalid("period_id must be the number of the period of care", "period_id"));
    }
    PreviousPermanence input;
    input.period_id = period->get<int64_t>();
    auto type = text_of(body.value, "type", true);
    if (!type) return api_error(type.error());
    input.type = *type;
    auto la = text_of(body.value, "local_authority", false);
    if (!la) return api_error(la.error());
    input.local_authority = *la;
    auto made = text_of(body.value, "made", false);
    if (!made) return api_error(made.error());
    auto parsed = PartialDate::parse_iso(*made);
    if (!parsed) return api_error(Error::invalid("made must be YYYY, YYYY-MM or YYYY-MM-DD", "made"));
    input.made = *parsed;
    return changed(service.record_previous_permanence(user, person_id, *version, input, channel), person_id);
  }
  const std::set<std::string> allowed =
      what == "adoption-decisions" ? std::set<std::string>{"expected_version", "on", "notes"}
      : what == "adoption-match" ? std::set<std::string>{"expected_version", "on", "adopters", "relationship"}
                                 : std::set<std::string>{"expected_version", "on", "reason"};
  Body body = read_body(request, allowed);
  if (body.error) return *body.error;
  auto version = version_of(body.value);
  if (!version) return api_error(version.error());
  auto on = required_date_of(body.value, "on");
  if (!on) return api_error(on.error());
  if (what == "adoption-decisions") {
    auto notes = text_of(body.value, "notes", false);
    if (!notes) return api_error(notes.error());
    return changed(service.decide(user, person_id, *version, *on, *notes, channel), person_id);
  }
  if (what == "adoption-match") {
    Adopters adopters;
    for (auto [key, field] :
         {std::pair{"adopters", &adopters.sexes}, std::pair{"relationship", &adopters.relationship}}) {
      auto value = text_of(body.value, key, true);
      if (!value) return api_error(value.error());
      *field = *value;
    }
    return changed(service.record_match(user, person_id, *version, *on, adopters, channel), person_id);
  }
  auto reason = text_of(body.value, "reason", true);
  if (!reason) return api_error(reason.error());
  return changed(service.cease(user, person_id, *version, *on, *reason, channel), person_id);
}

}  // namespace safeguard::web
