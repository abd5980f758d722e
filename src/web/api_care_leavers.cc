// The JSON API for care leavers, so a leaving care service's own systems can record what personal
// advisers record in the browser, and read it back:
//
//   GET  /api/v1/people/{id}/leaving-care           the category, the day they qualified, personal
//                                                   advisers, pathway plans, contacts and deadlines
//   POST /api/v1/people/{id}/pathway-plans          {expected_version, on, plan}
//   POST /api/v1/people/{id}/care-leaver-contacts   {expected_version, on, in_touch, activity?,
//                                                   accommodation?, notes?}
//   POST /api/v1/people/{id}/personal-adviser       {expected_version, username}
//
// Each change answers {"id", "version"}; errors name the field (api_support.h).
#include "app/access_policy.h"
#include "app/care_leavers.h"
#include "core/text.h"
#include "web/api_support.h"
#include "web/page_context.h"

namespace safeguard::web {
namespace {

Response history(const PersonRecord& record, const Clock& clock) {
  const Person& p = record.person;
  const Date today = clock.today();
  json advisers = json::array();
  for (const PersonalAdviser& a : p.leaving_care.advisers) {
    advisers.push_back({{"username", a.username}, {"name", a.name}, {"from", a.from.iso()}});
  }
  json plans = json::array();
  for (const PathwayPlan& x : p.leaving_care.plans) {
    plans.push_back({{"id", x.id}, {"on", x.on.iso()}, {"review", x.review}, {"plan", x.plan}, {"by", x.by}});
  }
  json contacts = json::array();
  for (const CareLeaverContact& x : p.leaving_care.contacts) {
    contacts.push_back({{"id", x.id},
                        {"on", x.on.iso()},
                        {"in_touch", x.in_touch},
                        {"activity", x.activity},
                        {"accommodation", x.accommodation},
                        {"notes", x.notes},
                        {"by", x.by}});
  }
  json deadlines = json::array();
  for (const ChildDeadline& d : record.deadlines) {
    if (is_care_leaver_deadline(d.kind)) deadlines.push_back(child_deadline_json(d));
  }
  const std::string category = care_leaver_category(p, today);
  return json_response(200, json{{"person_id", p.id},
                                 {"version", p.version},
                                 {"today", today.iso()},
                                 {"category", category.empty() ? json(nullptr) : json(category)},
                                 {"qualified_on", optional_date(qualified_on(p, today))},
                                 {"personal_advisers", advisers},
                                 {"pathway_plans", plans},
                                 {"contacts", contacts},
                                 {"deadlines", deadlines}});
}

}  // namespace

std::optional<Response> care_leaver_api(const Request& request, Database& db, const Clock& clock,
                                        const User& user, const Channel& channel) {
  const std::optional<PersonCall> call = person_call(request);
  if (!call) return std::nullopt;
  const int64_t person_id = call->person_id;
  const std::string& what = call->what;
  if (what != "leaving-care" && what != "pathway-plans" && what != "care-leaver-contacts" &&
      what != "personal-adviser") {
    return std::nullopt;
  }
  if (what == "leaving-care") {
    if (request.method != "GET") {
      return api_error(405, "method_not_allowed",
                       "Use GET to read the leaving care record; POST each record to its own call");
    }
    if (!can_record_care(user) && !can_review_care(user) && !can_appoint_reviewing_officer(user)) {
      return api_error(
          Error::denied("Social workers, team managers and reviewing officers read a care leaver's record."));
    }
    auto record = PeopleService(db, clock).open(user, person_id, channel);
    if (!record) return api_error(record.error());
    return history(*record, clock);
  }
  if (request.method != "POST") {
    return api_error(405, "method_not_allowed",
                     "Use POST to record this; GET /api/v1/people/{id}/leaving-care reads the record");
  }
  CareLeaverService service(db, clock);
  if (what == "personal-adviser") {
    return appoint_worker(request, person_id, "personal_adviser",
                          [&](int64_t version, const std::string& username) {
                            return service.appoint_adviser(user, person_id, version, username, channel);
                          });
  }
  if (what == "pathway-plans") {
    Body body = read_body(request, {"expected_version", "on", "plan"});
    if (body.error) return *body.error;
    auto version = version_of(body.value);
    if (!version) return api_error(version.error());
    auto on = required_date_of(body.value, "on");
    if (!on) return api_error(on.error());
    auto plan = text_of(body.value, "plan", true);
    if (!plan) return api_error(plan.error());
    return changed(service.record_plan(user, person_id, *version, {0, *on, false, *plan, ""}, channel),
                   person_id);
  }
  Body body =
      read_body(request, {"expected_version", "on", "in_touch", "activity", "accommodation", "notes"});
  if (body.error) return *body.error;
  auto version = version_of(body.value);
  if (!version) return api_error(version.error());
  auto on = required_date_of(body.value, "on");
  if (!on) return api_error(on.error());
  CareLeaverContact input;
  input.on = *on;
  for (auto [key, field] :
       {std::pair{"in_touch", &input.in_touch}, std::pair{"activity", &input.activity},
        std::pair{"accommodation", &input.accommodation}, std::pair{"notes", &input.notes}}) {
    auto value = text_of(body.value, key, std::string_view(key) == "in_touch");
    if (!value) return api_error(value.error());
    *field = *value;
  }
  return changed(service.record_contact(user, person_id, *version, input, channel), person_id);
}

}  // namespace safeguard::web
