#include "web/api_support.h"

#include <cmath>

#include "core/text.h"
#include "domain/child_journey.h"
#include "domain/codes.h"
#include "web/page_context.h"

namespace safeguard::web {

Response json_response(int status, const json& body) {
  // Messages may quote what was sent, cut short; never let a cut character fail the answer.
  return Response::text(status, body.dump(-1, ' ', false, json::error_handler_t::replace),
                        "application/json; charset=utf-8");
}

Response api_error(int status, std::string_view code, std::string_view message, std::string_view field) {
  json error = {{"code", code}, {"message", message}};
  if (!field.empty()) error["field"] = field;
  return json_response(status, json{{"error", error}});
}

Response api_error(const Error& e) {
  return api_error(http_status_of(e), error_code_name(e.code), e.message, e.field);
}

json optional_date(const std::optional<Date>& d) { return d ? json(d->iso()) : json(nullptr); }

json optional_instant(const std::optional<Timestamp>& t) { return t ? json(t->iso()) : json(nullptr); }

json deadline_json(const DeadlineStatus& s) {
  return json{{"state", deadline_state_name(s.state)},
              {"due", s.due.iso()},
              {"met_on", optional_date(s.met_on)},
              {"working_days", s.working_days}};
}

json child_deadline_json(const ChildDeadline& d) {
  json out = deadline_json(d.status);
  out["kind"] = d.kind;
  out["label"] = d.label;
  out["episode_id"] = d.episode_id;
  out["item_id"] = d.item_id;
  return out;
}

json assessment_json(const Assessment& a) {
  json seen = json::array();
  for (const ChildSeen& s : a.seen) seen.push_back({{"seen_on", s.on.iso()}, {"alone", s.alone}});
  return json{{"assessment_id", a.id},
              {"episode_id", a.episode_id},
              {"started_on", a.started_on.iso()},
              {"seen", seen},
              {"child_views", a.content.child_views},
              {"factors", a.content.factors},
              {"analysis", a.content.analysis},
              {"outcome", a.content.outcome},
              {"submitted_on", optional_date(a.submitted_on)},
              {"submitted_by", a.submitted_by},
              {"authorised_on", optional_date(a.authorised_on)},
              {"authorised_by", a.authorised_by},
              {"returned_because", a.returned_because}};
}

std::optional<PersonCall> person_call(const Request& request) {
  const auto parts = split(request.path, '/');  // "", "api", "v1", "people", id, what
  if (parts.size() != 6 || parts[1] != "api" || parts[2] != "v1" || parts[3] != "people") return std::nullopt;
  const auto person_id = parse_id(parts[4]);
  if (!person_id) return std::nullopt;
  return PersonCall{*person_id, parts[5]};
}

Response changed(Result<int64_t> result, int64_t person_id) {
  if (!result) return api_error(result.error());
  return json_response(200, json{{"id", person_id}, {"version", *result}});
}

Response appoint_worker(const Request& request, int64_t person_id, std::string_view service_field,
                        const std::function<Result<int64_t>(int64_t, const std::string&)>& appoint) {
  Body body = read_body(request, {"expected_version", "username"});
  if (body.error) return *body.error;
  auto version = version_of(body.value);
  if (!version) return api_error(version.error());
  auto username = text_of(body.value, "username", true);
  if (!username) return api_error(username.error());
  auto result = appoint(*version, *username);
  if (!result && result.error().field == service_field) {
    return api_error(Error::invalid(result.error().message, "username"));
  }
  return changed(std::move(result), person_id);
}

json summary_json(const PersonSummary& p) {
  return json{{"id", p.id},
              {"full_name", p.full_name},
              {"forename", p.forename},
              {"surname", p.surname},
              {"date_of_birth", optional_date(p.date_of_birth)},
              {"expected_date_of_birth", optional_date(p.expected_date_of_birth)},
              {"date_of_death", optional_date(p.date_of_death)},
              {"sex", p.sex},
              {"address", p.address},
              {"postcode", p.postcode}};
}

json hit_json(const SearchHit& h) {
  json out = summary_json(h.person);
  out["score"] = static_cast<double>(static_cast<int>(h.match.score * 1000)) / 1000.0;
  out["matched_on"] = h.match.reasons;
  return out;
}

json record_json(const PersonRecord& record) {
  const Person& p = record.person;
  json out = details_to_json(p.details);
  out["id"] = p.id;
  out["version"] = p.version;
  out["date_of_death"] = optional_date(p.date_of_death);
  json previous = json::array();
  for (const PreviousName& n : p.previous_names) {
    previous.push_back({{"forename", n.name.forename},
                        {"middle_names", n.name.middle_names},
                        {"surname", n.name.surname},
                        {"until", optional_date(n.until)}});
  }
  out["previous_names"] = previous;
  json identifiers = json::array();
  for (const Identifier& i : p.identifiers) identifiers.push_back({{"type", i.type}, {"value", i.value}});
  out["identifiers"] = identifiers;
  json addresses = json::array();
  for (const Address& a : p.addresses) {
    addresses.push_back({{"id", a.id},
                         {"line1", a.line1},
                         {"line2", a.line2},
                         {"town", a.town},
                         {"postcode", a.postcode},
                         {"from", a.from.iso()},
                         {"to", optional_date(a.to)}});
  }
  out["addresses"] = addresses;
  json related = json::array();
  for (const RelatedPerson& r : record.relationships) {
    const char sex = r.summary.sex.empty() ? 'U' : r.summary.sex[0];
    related.push_back({{"person_id", r.person_id},
                       {"name", r.summary.full_name},
                       {"type", r.label_code},
                       {"label", r.recorded_on_other ? inverse_relationship_label(r.label_code, sex)
                                                     : relationship_label(r.label_code, sex)},
                       {"recorded_on", r.recorded_on_other ? "other person" : "this person"},
                       {"from", optional_date(r.from)},
                       {"to", optional_date(r.to)}});
  }
  out["relationships"] = related;
  // Children's social care: Children in Need episodes (CIN census fields) and allocated workers.
  json episodes = json::array();
  for (const CinEpisode& e : p.episodes) {
    episodes.push_back(episode_json({p.id, e.id, e.contact_id, e.referral_date, e.referral_source,
                                     e.referral_nfa, e.primary_need, e.closed_on, e.closure_reason}));
  }
  out["episodes"] = episodes;
  json allocations = json::array();
  for (const Allocation& a : p.allocations) {
    allocations.push_back({{"id", a.id},
                           {"worker", a.worker},
                           {"worker_name", a.worker_name},
                           {"team", a.team_name},
                           {"from", a.from.iso()},
                           {"to", optional_date(a.to)},
                           {"reason", a.reason}});
  }
  out["allocations"] = allocations;
  json assessments = json::array();
  for (const Assessment& a : p.assessments) assessments.push_back(assessment_json(a));
  out["assessments"] = assessments;
  json discussions = json::array();
  for (const StrategyDiscussion& d : p.strategy_discussions) {
    json attendees = json::array();
    for (const StrategyAttendee& a : d.attendees)
      attendees.push_back({{"name", a.name}, {"agency", a.agency}});
    discussions.push_back({{"strategy_id", d.id},
                           {"episode_id", d.episode_id},
                           {"held_on", d.held_on.iso()},
                           {"attendees", attendees},
                           {"decision", d.decision},
                           {"reasons", d.reasons},
                           {"recorded_by", d.recorded_by},
                           {"section47_id", d.section47_id}});
  }
  out["strategy_discussions"] = discussions;
  json enquiries = json::array();
  for (const Section47Enquiry& s : p.enquiries) {
    enquiries.push_back({{"section47_id", s.id},
                         {"episode_id", s.episode_id},
                         {"started_on", s.started_on.iso()},
                         {"concluded_on", optional_date(s.concluded_on)},
                         {"outcome", s.outcome},
                         {"findings", s.findings},
                         {"icpc_not_required", s.conference_not_required()},
                         {"conference_on", optional_date(s.conference_on)},
                         {"conference_chair", s.conference_chair},
                         {"plan_id", s.plan_id}});
  }
  out["enquiries"] = enquiries;
  json plans = json::array();
  for (const ChildPlan& plan : p.plans) {
    json actions = json::array();
    for (const PlanAction& a : plan.actions) {
      json progress = json::array();
      for (const ActionProgress& pr : a.progress)
        progress.push_back({{"on", pr.on.iso()}, {"text", pr.text}});
      actions.push_back({{"id", a.id},
                         {"what", a.what},
                         {"who", a.who},
                         {"by", optional_date(a.by)},
                         {"outcome_for_child", a.outcome_for_child},
                         {"progress", progress}});
    }
    json reviews = json::array();
    for (const PlanReview& r : plan.reviews) {
      reviews.push_back({{"held_on", r.held_on.iso()},
                         {"chair", r.chair},
                         {"ends_plan", r.ends_plan},
                         {"latest_category", r.latest_category}});
    }
    json core_groups = json::array();
    for (const Date& d : plan.core_groups) core_groups.push_back(d.iso());
    plans.push_back({{"plan_id", plan.id},
                     {"episode_id", plan.episode_id},
                     {"type", plan.type},
                     {"started_on", plan.started_on.iso()},
                     {"ended_on", optional_date(plan.ended_on)},
                     {"end_reason", plan.end_reason},
                     {"initial_category", plan.initial_category},
                     {"latest_category", plan.latest_category},
                     {"previous_plans", plan.previous_plans},
                     {"core_groups", core_groups},
                     {"reviews", reviews},
                     {"actions", actions},
                     {"finalised_on", optional_date(plan.finalised_on)},
                     {"finalised_by", plan.finalised_by}});
  }
  out["plans"] = plans;
  json visits = json::array();
  for (const Visit& v : p.visits) {
    visits.push_back({{"visit_id", v.id},
                      {"on", v.on.iso()},
                      {"seen", v.seen},
                      {"seen_alone", v.seen_alone},
                      {"who_present", v.who_present},
                      {"child_said", v.child_said},
                      {"observations", v.observations},
                      {"recorded_by", v.recorded_by}});
  }
  out["visits"] = visits;
  json supervisions = json::array();
  for (const Supervision& s : p.supervisions) {
    supervisions.push_back({{"supervision_id", s.id},
                            {"on", s.on.iso()},
                            {"discussion", s.discussion},
                            {"decisions", s.decisions},
                            {"actions", s.actions},
                            {"next_due", optional_date(s.next_due)},
                            {"by", s.by}});
  }
  out["supervisions"] = supervisions;
  json deadlines = json::array();
  for (const ChildDeadline& d : record.deadlines) deadlines.push_back(child_deadline_json(d));
  out["deadlines"] = deadlines;
  return out;
}

json episode_json(const EpisodeRow& e) {
  return json{{"episode_id", e.episode_id},
              {"contact_id", e.contact_id},
              {"referral_date", e.referral_date.iso()},
              {"referral_source", e.referral_source},
              {"referral_nfa", e.referral_nfa},
              {"primary_need", e.primary_need},
              {"closed_on", optional_date(e.closed_on)},
              {"closure_reason", e.closure_reason}};
}

json event_json(const DomainEvent& e) {
  return json{{"version", e.version},
              {"type", e.type},
              {"occurred_on", e.occurred_on.iso()},
              {"recorded_at", e.recorded_at.iso()},
              {"recorded_by", e.actor},
              {"reason", e.reason},
              {"data", e.data}};
}

Body read_body(const Request& request, const std::set<std::string>& allowed) {
  const auto type = request.header("Content-Type");
  if (!type || !type->starts_with("application/json")) {
    return {{},
            api_error(415, "unsupported_media_type",
                      "Send the body as JSON with Content-Type: application/json")};
  }
  json body;
  try {
    body = json::parse(request.body);
  } catch (const json::exception& e) {
    // Not only parse errors: a number too large for a double ("1e400") is out_of_range.
    return {{}, api_error(400, "malformed_json", std::string("The body is not valid JSON: ") + e.what())};
  }
  if (!body.is_object()) return {{}, api_error(400, "malformed_json", "The body must be a JSON object")};
  for (const auto& [key, value] : body.items()) {
    if (!allowed.count(key))
      return {{},
              api_error(422, "invalid", "Unknown field \"" + key.substr(0, 60) + "\"", key.substr(0, 60))};
  }
  return {std::move(body), std::nullopt};
}

// A text member, or an error naming it.
Result<std::string> text_of(const json& body, const char* key, bool required) {
  if (!body.contains(key) || body.at(key).is_null()) {
    if (required) return Error::invalid(std::string(key) + " is required", key);
    return std::string();
  }
  if (!body.at(key).is_string()) return Error::invalid(std::string(key) + " must be text", key);
  return body.at(key).get<std::string>();
}

Result<std::optional<Date>> date_of(const json& body, const char* key) {
  auto text = text_of(body, key, false);
  if (!text) return text.error();
  if (text->empty()) return std::optional<Date>();
  auto date = Date::parse_iso(*text);
  if (!date)
    return Error::invalid("\"" + text->substr(0, 40) + "\" is not a real date in the form YYYY-MM-DD", key);
  return std::optional<Date>(*date);
}

Result<Date> required_date_of(const json& body, const char* key, std::string_view what) {
  auto date = date_of(body, key);
  if (!date) return date.error();
  if (!*date) return Error::invalid(std::string(key) + " is required" + std::string(what), key);
  return **date;
}

Result<bool> flag_of(const json& body, const char* key, std::string_view what) {
  if (!body.contains(key) || !body.at(key).is_boolean()) {
    return Error::invalid(std::string(key) + " is required" + std::string(what), key);
  }
  return body.at(key).get<bool>();
}

Result<int64_t> version_of(const json& body) {
  if (!body.contains("expected_version") || !body.at("expected_version").is_number_integer()) {
    return Error::invalid("expected_version is required: the version of the record you read",
                          "expected_version");
  }
  return body.at("expected_version").get<int64_t>();
}

const std::set<std::string> kAddressKeys = {"line1", "line2", "town", "postcode", "from"};

// An address's fields from a JSON object; errors name the field with `prefix` ("address." or "").
Result<AddressInput> address_of(const json& object, const std::string& prefix) {
  AddressInput address;
  for (const auto& [key, target] : {std::pair{"line1", &address.line1},
                                    {"line2", &address.line2},
                                    {"town", &address.town},
                                    {"postcode", &address.postcode}}) {
    auto text = text_of(object, key, false);
    if (!text) return Error::invalid(text.error().message, prefix + key);
    *target = *text;
  }
  auto from = date_of(object, "from");
  if (!from) return Error::invalid(from.error().message, prefix + "from");
  address.from = *from;
  return address;
}

const std::set<std::string> kDetailKeys = {
    "forename", "middle_names", "surname",        "date_of_birth", "expected_date_of_birth",
    "sex",      "ethnicity",    "first_language", "religion",      "disabilities"};

double rounded_percent(int64_t part, int64_t whole) {
  return std::round(Dashboard::percent(part, whole) * 10.0) / 10.0;
}

namespace {

json counts_json(const std::vector<LabelledCount>& counts, int64_t whole = -1) {
  json out = json::array();
  for (const LabelledCount& c : counts) {
    json item = {{"key", c.key}, {"label", c.label}, {"count", c.count}};
    if (whole >= 0) item["percent"] = rounded_percent(c.count, whole);
    out.push_back(item);
  }
  return out;
}

}  // namespace

json care_dashboard_json(const CareDashboard& d) {
  const CareFigures& f = d.figures;
  const CareDashboard::Outcomes& year = d.outcomes;
  json officers = json::array();
  for (const CareDashboard::Officer& o : d.officers) {
    officers.push_back({{"username", o.username},
                        {"name", o.name},
                        {"children", o.children},
                        {"reviews_overdue", o.reviews_overdue}});
  }
  return json{{"from", d.from.iso()},
              {"to", d.to.iso()},
              {"looked_after", f.looked_after},
              {"started", f.started},
              {"ceased", f.ceased},
              {"reviews", f.reviews},
              {"reviews_on_time", f.reviews_on_time},
              {"reviews_on_time_percent", rounded_percent(f.reviews_on_time, f.reviews)},
              {"reviews_overdue", d.reviews_overdue},
              {"visits", d.visits},
              {"visits_on_time", d.visits_on_time},
              {"visits_on_time_percent", rounded_percent(d.visits_on_time, d.visits)},
              {"visits_overdue", d.visits_overdue},
              {"health_assessments", f.health_assessments},
              {"health_assessments_on_time", f.health_assessments_on_time},
              {"health_assessments_on_time_percent",
               rounded_percent(f.health_assessments_on_time, f.health_assessments)},
              {"health_assessments_overdue", d.health_assessments_overdue},
              {"education_plans_overdue", d.education_plans_overdue},
              {"outcomes",
               {{"children", year.children},
                {"health_assessment", year.health_assessment},
                {"teeth_check", year.teeth_check},
                {"immunisations", year.immunisations},
                {"under_five", year.under_five},
                {"health_check", year.health_check},
                {"sdq_due", year.sdq_due},
                {"sdq_score", year.sdq_score},
                {"substance_misuse", year.substance_misuse},
                {"ten_or_over", year.ten_or_over},
                {"convicted", year.convicted}}},
              {"care_leavers",
               {{"aged_19_to_21", d.leavers.aged_19_to_21},
                {"contacted", d.leavers.contacted},
                {"in_touch", d.leavers.in_touch},
                {"suitable_accommodation", d.leavers.suitable},
                {"education_or_work", d.leavers.education_or_work}}},
              {"uasc", d.uasc},
              {"whereabouts",
               {{"in_area", d.whereabouts.in_area},
                {"out_of_area", d.whereabouts.out_of_area},
                {"area_not_known", d.whereabouts.area_not_known},
                {"distance_known", d.whereabouts.distance_known},
                {"far_from_home", d.whereabouts.far_from_home},
                {"average_miles",
                 d.whereabouts.distance_known == 0
                     ? json(nullptr)
                     : json(std::round(d.whereabouts.miles / d.whereabouts.distance_known * 10) / 10)}}},
              {"adoption",
               {{"to_be_placed", d.adoption.to_be_placed},
                {"matched", d.adoption.matched},
                {"placed", d.adoption.placed},
                {"adopted", d.adoption.adopted},
                {"days_to_placed", d.adoption.days_to_placed},
                {"decisions_ceased", d.adoption.decisions_ceased},
                {"previous_not_recorded", d.adoption.previous_not_recorded}}},
              {"went_missing", f.went_missing},
              {"missing_episodes", f.missing_episodes},
              {"returns", d.returns},
              {"interviews_offered_in_time", d.interviews_offered_in_time},
              {"at_risk_of_exploitation", f.at_risk_of_exploitation},
              {"by_legal_status", counts_json(d.by_legal_status, f.looked_after)},
              {"by_placement", counts_json(d.by_placement, f.looked_after)},
              {"by_age", counts_json(d.by_age, f.looked_after)},
              {"by_placements_in_year", counts_json(d.by_placements)},
              {"reviewing_officers", officers}};
}

json dashboard_json(const Dashboard& d) {
  json mash = json::array();
  for (const Dashboard::Agency& a : d.mash) {
    mash.push_back({{"agency", a.agency},
                    {"label", a.label},
                    {"asked", a.asked},
                    {"answered_on_time", a.answered_on_time},
                    {"answered_late", a.answered_late},
                    {"waiting", a.waiting},
                    {"overdue", a.overdue},
                    {"percent_answered_on_time",
                     rounded_percent(a.answered_on_time, a.answered_on_time + a.answered_late)}});
  }
  // Percentages to one decimal place; each says what it is a share of.
  return json{{"from", d.from.iso()},
              {"to", d.to.iso()},
              {"contacts", d.contacts},
              {"contacts_by_month", counts_json(d.contacts_by_month)},
              {"contacts_by_week", counts_json(d.contacts_by_week)},
              {"contacts_by_day", counts_json(d.contacts_by_day)},
              {"contacts_by_source", counts_json(d.contacts_by_source, d.contacts)},
              {"children_on_contacts", d.children_on_contacts},
              {"children_decided", d.children_decided},
              {"decided_within_one_working_day", d.decided_within_one_working_day},
              {"percent_decided_within_one_working_day",  // of children decided
               rounded_percent(d.decided_within_one_working_day, d.children_decided)},
              {"outcomes", counts_json(d.outcomes, d.children_decided)},
              {"referrals", d.referrals},
              {"percent_referred", rounded_percent(d.referrals, d.children_decided)},  // conversion
              {"cin_referrals", d.cin_referrals},
              {"re_referrals", d.re_referrals},
              {"percent_re_referrals", rounded_percent(d.re_referrals, d.cin_referrals)},
              {"mash", mash}};
}

}  // namespace safeguard::web
