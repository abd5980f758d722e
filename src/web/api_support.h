// What every JSON API handler shares: answers and errors as JSON, reading a request body strictly
// (declared JSON, an object, no unknown fields), typed members with errors naming the field, and the
// JSON shapes of people. Internal to web/.
//
// Errors: {"error": {"code": "invalid", "message": "...", "field": "date_of_birth"}} with 400 for a
// body that is not JSON, 415 for one not declared as JSON, 422 for values that break a rule.
#pragma once

#include <functional>
#include <nlohmann/json.hpp>
#include <optional>
#include <set>
#include <string>
#include <string_view>

#include "app/front_door.h"
#include "app/looked_after.h"
#include "app/people.h"
#include "core/result.h"
#include "rules/deadline.h"
#include "store/people_read_model.h"
#include "web/http.h"

namespace safeguard::web {

using json = nlohmann::json;

Response json_response(int status, const json& body);
Response api_error(int status, std::string_view code, std::string_view message, std::string_view field = "");
// The status for the error's code (page_context.h's http_status_of) and its JSON.
Response api_error(const Error& error);

json optional_date(const std::optional<Date>& date);
// A Children in Need episode with its CIN census fields, as every API answer shows it.
json episode_json(const EpisodeRow& episode);
// An instant as ISO 8601 in UTC ("2026-11-23T10:15:00.000Z"), or null.
json optional_instant(const std::optional<Timestamp>& instant);
// A statutory deadline's state, the same words everywhere (rules/deadline.h):
// {"state": "met late", "due": "2026-11-24", "met_on": "2026-11-26", "working_days": 2}.
json deadline_json(const DeadlineStatus& status);
// One of a child's deadlines (rules/child_deadlines.h): {"kind": "assessment", "label": ...,
// "episode_id": 1, "item_id": 1, "due": ..., "state": ..., "met_on": ..., "working_days": ...}.
json child_deadline_json(const ChildDeadline& deadline);
json assessment_json(const Assessment& assessment);
json summary_json(const PersonSummary& person);
json hit_json(const SearchHit& hit);
json record_json(const PersonRecord& record);
json event_json(const DomainEvent& event);

// A call on one record of a person, /api/v1/people/{id}/{what}: the id and `what`, or none for any
// other path.
struct PersonCall {
  int64_t person_id = 0;
  std::string what;
};
std::optional<PersonCall> person_call(const Request& request);

// The answer to a change of a person's record: {"id": ..., "version": <the new version>}, or the error.
Response changed(Result<int64_t> result, int64_t person_id);

// The body as a JSON object, or the error response to send.
struct Body {
  json value;
  std::optional<Response> error;
};
Body read_body(const Request& request, const std::set<std::string>& allowed);

// POST {expected_version, username}: appoints a worker to a person (a reviewing officer, a personal
// adviser) through `appoint`; an error the service names `service_field` is reported at "username".
Response appoint_worker(
    const Request& request, int64_t person_id, std::string_view service_field,
    const std::function<Result<int64_t>(int64_t version, const std::string& username)>& appoint);

// Members of a JSON object, with errors naming the member.
Result<std::string> text_of(const json& object, const char* key, bool required);
Result<std::optional<Date>> date_of(const json& object, const char* key);
// A date that must be given; when missing, the error is "KEY is required" followed by `what`.
Result<Date> required_date_of(const json& object, const char* key, std::string_view what = " (YYYY-MM-DD)");
// true or false, which must be given; when missing or not a boolean, "KEY is required" and `what`.
Result<bool> flag_of(const json& object, const char* key, std::string_view what = ": true or false");
Result<int64_t> version_of(const json& object);  // "expected_version"
// An address's fields; errors name the field with `prefix` ("address." or "").
Result<AddressInput> address_of(const json& object, const std::string& prefix);

// A percentage to one decimal place (0 when the whole is 0).
double rounded_percent(int64_t part, int64_t whole);
// The front door's figures, for the API and the dashboard page's JSON.
json dashboard_json(const Dashboard& dashboard);
// The children-in-care dashboard, for the API and the page's JSON.
json care_dashboard_json(const CareDashboard& dashboard);

extern const std::set<std::string> kAddressKeys;
extern const std::set<std::string> kDetailKeys;

}  // namespace safeguard::web
