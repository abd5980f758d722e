// The JSON API for children looked after, so migrations and partner systems record what workers
// record in the browser, and read a child's time in care back:
//
//   GET  /api/v1/children-in-care                  the children-in-care dashboard (figures only, no names)
//   GET  /api/v1/people/{id}/looked-after           every period of care with its SSDA903 episodes and
//                                                  reviews, and the care deadlines as they stand today
//   POST /api/v1/people/{id}/looked-after           {expected_version, on, legal_status, category_of_need,
//                                                  placement: {type, provider, carer, postcode, urn}}
//   POST /api/v1/people/{id}/looked-after/changes   {expected_version, on, legal_status?, placement?,
//                                                  reason_place_change?}
//   POST /api/v1/people/{id}/looked-after/end       {expected_version, on, reason}
//   POST /api/v1/people/{id}/looked-after/reviewing-officer   {expected_version, username}
//   POST /api/v1/people/{id}/looked-after/reviews   {expected_version, held_on, participation,
//                                                  permanence_plan, decisions} (reviewing officers)
//   POST /api/v1/people/{id}/looked-after/uasc      {expected_version, from, ceased_on?}
//
// The record read back also says whether the child is an unaccompanied asylum seeker (with the
// SSDA903 DUC), for a girl whether she is a mother (MOTHER, MC_DOB, derived from her relationships),
// and the social worker episodes since care began (SWEpisodes, from the allocations). Each episode
// says where its placement is (placement_location: miles from home, the authority and IN or OUT, as
// SSDA903 derives PL_DISTANCE, PL_LA and PL_LOCATION; app/postcodes.h).
//
// Each change answers {"id", "version"}; errors name the field (api_support.h). The reason for each
// new episode is derived from what changed, never sent.
#include "app/access_policy.h"
#include "app/looked_after.h"
#include "core/text.h"
#include "web/api_support.h"
#include "web/page_context.h"

namespace safeguard::web {
namespace {

json placement_location_json(const PlacementLocation& where) {
  return json{{"miles", where.miles ? json(*where.miles) : json(nullptr)},
              {"authority", where.authority.empty() ? json(nullptr) : json(where.authority)},
              {"location", where.out_of_area ? json(*where.out_of_area ? "OUT" : "IN") : json(nullptr)}};
}

json episode_json(const PeriodOfCare& p, const CareEpisode& e, PlacementLocator& locator) {
  return json{{"start", e.start.iso()},
              {"reason_new", e.reason_new},
              {"legal_status", e.legal_status},
              {"category_of_need", e.category_of_need},
              {"placement", placement_to_json(e.placement)},
              {"placement_location", placement_location_json(locator.locate(p, e))},
              {"end", optional_date(e.end)},
              {"reason_ceased", e.reason_ceased},
              {"reason_place_change", e.reason_place_change}};
}

json period_json(const PeriodOfCare& p, PlacementLocator& locator) {
  json episodes = json::array();
  for (const CareEpisode& e : p.episodes) episodes.push_back(episode_json(p, e, locator));
  json reviews = json::array();
  for (const LookedAfterReview& r : p.reviews) {
    reviews.push_back(json{{"id", r.id},
                           {"held_on", r.held_on.iso()},
                           {"participation", r.participation},
                           {"permanence_plan", r.permanence_plan},
                           {"decisions", r.decisions},
                           {"chair", r.chair}});
  }
  return json{{"id", p.id},
              {"start", p.start.iso()},
              {"end", optional_date(p.end())},
              {"reason_ended", p.is_open() ? json(nullptr) : json(p.reason_ended())},
              {"home_postcode", p.home_postcode},
              {"reviewing_officer", p.reviewing_officer.empty() ? json(nullptr) : json(p.reviewing_officer)},
              {"episodes", episodes},
              {"reviews", reviews}};
}

Response history(const PersonRecord& record, LookedAfterService& service, const Clock& clock) {
  json periods = json::array();
  PlacementLocator locator = service.placement_locator();
  for (const PeriodOfCare& p : record.person.periods_of_care) periods.push_back(period_json(p, locator));
  json deadlines = json::array();
  for (const ChildDeadline& d : record.deadlines) {
    if (is_care_deadline(d.kind)) {
      deadlines.push_back(child_deadline_json(d));
    }
  }
  const Person& p = record.person;
  json uasc = nullptr;
  if (p.uasc)
    uasc = {{"from", p.uasc->from.iso()}, {"ceased_on", optional_date(uasc_ceased_on(p, clock.today()))}};
  json mother = nullptr;
  if (p.details.sex == "F") {
    const Motherhood m = motherhood_of(record);
    mother = {{"mother", m.mother ? 1 : 0}, {"first_child_born", optional_date(m.first_child_born)}};
  }
  json workers = json::array();
  if (!p.periods_of_care.empty()) {
    const std::map<std::string, std::string> registrations = service.registrations();
    for (const SocialWorkerEpisode& e :
         social_worker_episodes(p, p.periods_of_care.front().start, clock.today())) {
      const auto registration = registrations.find(e.worker);
      workers.push_back(
          {{"worker", e.worker},
           {"sw_id", registration != registrations.end() ? json(registration->second) : json(nullptr)},
           {"sw_decom", e.start.iso()},
           {"sw_dec", optional_date(e.end)},
           {"sw_reason", e.reason}});
    }
  }
  return json_response(200, json{{"person_id", record.person.id},
                                 {"version", record.person.version},
                                 {"today", clock.today().iso()},
                                 {"looked_after", current_period(record.person) != nullptr},
                                 {"uasc", uasc},
                                 {"mother", mother},
                                 {"social_worker_episodes", workers},
                                 {"periods", periods},
                                 {"deadlines", deadlines}});
}

Result<Placement> placement_in(const json& body) {
  if (!body.contains("placement")) return Error::invalid("placement is required: an object", "placement");
  return placement_from_json(body.at("placement"), "placement");
}

Response start(const Request& request, LookedAfterService& service, int64_t person_id, const User& user,
               const Channel& channel) {
  Body body = read_body(request, {"expected_version", "on", "legal_status", "category_of_need", "placement"});
  if (body.error) return *body.error;
  auto version = version_of(body.value);
  if (!version) return api_error(version.error());
  auto on = required_date_of(body.value, "on");
  if (!on) return api_error(on.error());
  auto legal_status = text_of(body.value, "legal_status", true);
  if (!legal_status) return api_error(legal_status.error());
  auto need = text_of(body.value, "category_of_need", true);
  if (!need) return api_error(need.error());
  auto placement = placement_in(body.value);
  if (!placement) return api_error(placement.error());
  return changed(service.start(user, person_id, *version, {*on, *legal_status, *need, *placement}, channel),
                 person_id);
}

Response change(const Request& request, LookedAfterService& service, int64_t person_id, const User& user,
                const Channel& channel) {
  Body body =
      read_body(request, {"expected_version", "on", "legal_status", "placement", "reason_place_change"});
  if (body.error) return *body.error;
  auto version = version_of(body.value);
  if (!version) return api_error(version.error());
  ChangeOfCare input;
  auto on = required_date_of(body.value, "on");
  if (!on) return api_error(on.error());
  input.on = *on;
  auto legal_status = text_of(body.value, "legal_status", false);
  if (!legal_status) return api_error(legal_status.error());
  input.legal_status = *legal_status;
  if (body.value.contains("placement") && !body.value.at("placement").is_null()) {
    auto placement = placement_in(body.value);
    if (!placement) return api_error(placement.error());
    input.placement = *placement;
  }
  auto reason = text_of(body.value, "reason_place_change", false);
  if (!reason) return api_error(reason.error());
  input.reason_place_change = *reason;
  return changed(service.change(user, person_id, *version, input, channel), person_id);
}

Response end(const Request& request, LookedAfterService& service, int64_t person_id, const User& user,
             const Channel& channel) {
  Body body = read_body(request, {"expected_version", "on", "reason"});
  if (body.error) return *body.error;
  auto version = version_of(body.value);
  if (!version) return api_error(version.error());
  auto on = required_date_of(body.value, "on");
  if (!on) return api_error(on.error());
  auto reason = text_of(body.value, "reason", true);
  if (!reason) return api_error(reason.error());
  return changed(service.end(user, person_id, *version, *on, *reason, channel), person_id);
}

Response review(const Request& request, LookedAfterService& service, int64_t person_id, const User& user,
                const Channel& channel) {
  Body body =
      read_body(request, {"expected_version", "held_on", "participation", "permanence_plan", "decisions"});
  if (body.error) return *body.error;
  auto version = version_of(body.value);
  if (!version) return api_error(version.error());
  LookedAfterReviewInput input;
  auto held = required_date_of(body.value, "held_on");
  if (!held) return api_error(held.error());
  input.held_on = *held;
  for (const auto& [key, target] :
       {std::pair{"participation", &input.participation},
        std::pair{"permanence_plan", &input.permanence_plan}, std::pair{"decisions", &input.decisions}}) {
    auto text = text_of(body.value, key, true);
    if (!text) return api_error(text.error());
    *target = *text;
  }
  // A review is of the child's latest period of care.
  return changed(service.record_review(user, person_id, *version, 0, input, channel), person_id);
}

Response uasc(const Request& request, LookedAfterService& service, int64_t person_id, const User& user,
              const Channel& channel) {
  Body body = read_body(request, {"expected_version", "from", "ceased_on"});
  if (body.error) return *body.error;
  auto version = version_of(body.value);
  if (!version) return api_error(version.error());
  auto from = required_date_of(body.value, "from");
  if (!from) return api_error(from.error());
  auto ceased = date_of(body.value, "ceased_on");
  if (!ceased) return api_error(ceased.error());
  return changed(service.record_uasc(user, person_id, *version, *from, *ceased, channel), person_id);
}

}  // namespace

std::optional<Response> looked_after_api(const Request& request, Database& db, const Clock& clock,
                                         const User& user, const Channel& channel) {
  if (request.path == "/api/v1/children-in-care") {
    if (request.method != "GET") return api_error(405, "method_not_allowed", "Use GET to read the figures");
    auto d = LookedAfterService(db, clock).dashboard(user);
    if (!d) return api_error(d.error());
    return json_response(200, care_dashboard_json(*d));
  }
  const auto parts = split(request.path, '/');  // "", "api", "v1", "people", id, "looked-after" [, what]
  if (parts.size() < 6 || parts.size() > 7 || parts[1] != "api" || parts[2] != "v1" || parts[3] != "people" ||
      parts[5] != "looked-after") {
    return std::nullopt;
  }
  const auto person_id = parse_id(parts[4]);
  if (!person_id) return std::nullopt;
  const std::string what = parts.size() == 7 ? parts[6] : "";
  if (!what.empty() && what != "changes" && what != "end" && what != "reviewing-officer" &&
      what != "reviews" && what != "uasc") {
    return api_error(404, "not_found", "No such API call");
  }
  LookedAfterService service(db, clock);
  if (what.empty() && request.method == "GET") {
    PeopleService people(db, clock);
    if (!can_record_care(user) && !can_review_care(user) && !can_appoint_reviewing_officer(user)) {
      return api_error(
          Error::denied("Social workers, team managers and reviewing officers read a child's care."));
    }
    auto record = people.open(user, *person_id, channel);
    if (!record) return api_error(record.error());
    return history(*record, service, clock);
  }
  if (request.method != "POST") {
    return api_error(405, "method_not_allowed",
                     what.empty() ? "Use GET to read a child's care, or POST to record becoming looked after"
                                  : "Use POST to record this");
  }
  if (what.empty()) return start(request, service, *person_id, user, channel);
  if (what == "changes") return change(request, service, *person_id, user, channel);
  if (what == "end") return end(request, service, *person_id, user, channel);
  if (what == "reviewing-officer") {
    return appoint_worker(
        request, *person_id, "reviewing_officer", [&](int64_t version, const std::string& username) {
          return service.appoint_reviewing_officer(user, *person_id, version, username, channel);
        });
  }
  if (what == "uasc") return uasc(request, service, *person_id, user, channel);
  return review(request, service, *person_id, user, channel);
}

}  // namespace safeguard::web
