// The JSON API for child protection, plans, visits and supervision, so migrations and partner systems record
// what workers record in the browser (read it all back with GET /api/v1/people/{id}):
//
//   POST /api/v1/people/{id}/strategy-discussions        {expected_version, held_on, attendees: [{name,
//                                                        agency}], decision, reasons}
//   POST /api/v1/people/{id}/enquiries/{n}/conclusion    {expected_version, concluded_on, outcome, findings}
//   POST /api/v1/people/{id}/enquiries/{n}/conference    {expected_version, held_on, chair, plan, category}
//   POST /api/v1/people/{id}/plans                       {expected_version, started_on} (a child in need
//   plan) POST /api/v1/people/{id}/plans/{n}/actions           {expected_version, actions: [{id?, what, who,
//   by,
//                                                        outcome_for_child}]}
//   POST /api/v1/people/{id}/plans/{n}/authorise         {expected_version} (managers)
//   POST /api/v1/people/{id}/plans/{n}/core-groups       {expected_version, held_on}
//   POST /api/v1/people/{id}/plans/{n}/reviews           {expected_version, held_on, chair, latest_category,
//                                                        ends_plan, end_reason, progress: [{action_id,
//                                                        text}]}
//   POST /api/v1/people/{id}/plans/{n}/end               {expected_version, ended_on, reason} (managers)
//   POST /api/v1/people/{id}/visits                      {expected_version, on, seen, seen_alone,
//   who_present,
//                                                        child_said, observations}
//   POST /api/v1/people/{id}/supervisions                {expected_version, on, discussion, decisions,
//   actions,
//                                                        next_due?} (managers)
//
// Each change answers {"id", "version"}; errors name the field (api_support.h).
#include "app/protection.h"
#include "app/visits.h"
#include "core/text.h"
#include "web/api_support.h"
#include "web/page_context.h"

namespace safeguard::web {
namespace {

// A list member: each element an object; errors name "key[i]".
Result<const json*> list_of(const json& body, const char* key) {
  if (!body.contains(key) || !body.at(key).is_array()) {
    return Error::invalid(std::string(key) + " is required: a list", key);
  }
  const json& list = body.at(key);
  for (size_t i = 0; i < list.size(); ++i) {
    if (!list[i].is_object()) {
      return Error::invalid("each item must be an object", std::string(key) + "[" + std::to_string(i) + "]");
    }
  }
  return &list;
}

Response strategy_discussion(const Request& request, int64_t person_id, ProtectionService& service,
                             const User& user, const Channel& channel) {
  Body body = read_body(request, {"expected_version", "held_on", "attendees", "decision", "reasons"});
  if (body.error) return *body.error;
  auto version = version_of(body.value);
  if (!version) return api_error(version.error());
  StrategyDiscussionInput input;
  auto held = required_date_of(body.value, "held_on");
  if (!held) return api_error(held.error());
  input.held_on = *held;
  auto attendees = list_of(body.value, "attendees");
  if (!attendees) return api_error(attendees.error());
  for (size_t i = 0; i < (*attendees)->size(); ++i) {
    const json& a = (**attendees)[i];
    auto name = text_of(a, "name", true);
    auto agency = text_of(a, "agency", true);
    if (!name || !agency) {
      const Error& e = !name ? name.error() : agency.error();
      return api_error(Error::invalid(e.message, "attendees[" + std::to_string(i) + "]." + e.field));
    }
    input.attendees.push_back({*name, *agency});
  }
  auto decision = text_of(body.value, "decision", true);
  if (!decision) return api_error(decision.error());
  auto reasons = text_of(body.value, "reasons", true);
  if (!reasons) return api_error(reasons.error());
  input.decision = *decision;
  input.reasons = *reasons;
  return changed(service.hold_strategy_discussion(user, person_id, *version, input, channel), person_id);
}

Response enquiry_change(const Request& request, int64_t person_id, int64_t section47_id,
                        const std::string& action, ProtectionService& service, const User& user,
                        const Channel& channel) {
  if (action == "conclusion") {
    Body body = read_body(request, {"expected_version", "concluded_on", "outcome", "findings"});
    if (body.error) return *body.error;
    auto version = version_of(body.value);
    if (!version) return api_error(version.error());
    auto on = required_date_of(body.value, "concluded_on");
    if (!on) return api_error(on.error());
    auto outcome = text_of(body.value, "outcome", true);
    if (!outcome) return api_error(outcome.error());
    auto findings = text_of(body.value, "findings", true);
    if (!findings) return api_error(findings.error());
    return changed(
        service.conclude_enquiry(user, person_id, *version, section47_id, *on, *outcome, *findings, channel),
        person_id);
  }
  if (action == "conference") {
    Body body = read_body(request, {"expected_version", "held_on", "chair", "plan", "category"});
    if (body.error) return *body.error;
    auto version = version_of(body.value);
    if (!version) return api_error(version.error());
    auto on = required_date_of(body.value, "held_on");
    if (!on) return api_error(on.error());
    auto chair = text_of(body.value, "chair", true);
    if (!chair) return api_error(chair.error());
    auto plan = flag_of(body.value, "plan");
    if (!plan) return api_error(plan.error());
    auto category = text_of(body.value, "category", *plan);
    if (!category) return api_error(category.error());
    return changed(service.hold_initial_conference(user, person_id, *version, section47_id,
                                                   {*on, *chair, *plan, *category}, channel),
                   person_id);
  }
  return api_error(404, "not_found", "No such API call");
}

Response plan_change(const Request& request, int64_t person_id, int64_t plan_id, const std::string& action,
                     ProtectionService& service, const User& user, const Channel& channel) {
  if (action == "actions") {
    Body body = read_body(request, {"expected_version", "actions"});
    if (body.error) return *body.error;
    auto version = version_of(body.value);
    if (!version) return api_error(version.error());
    auto list = list_of(body.value, "actions");
    if (!list) return api_error(list.error());
    std::vector<PlanActionInput> actions;
    for (size_t i = 0; i < (*list)->size(); ++i) {
      const json& a = (**list)[i];
      const std::string field = "actions[" + std::to_string(i) + "].";
      PlanActionInput input;
      if (a.contains("id") && !a.at("id").is_null()) {
        if (!a.at("id").is_number_integer())
          return api_error(Error::invalid("id must be a number", field + "id"));
        input.id = a.at("id").get<int64_t>();
      }
      for (const auto& [key, target] : {std::pair{"what", &input.what}, std::pair{"who", &input.who},
                                        std::pair{"outcome_for_child", &input.outcome_for_child}}) {
        auto text = text_of(a, key, false);
        if (!text) return api_error(Error::invalid(text.error().message, field + key));
        *target = *text;
      }
      auto by = date_of(a, "by");
      if (!by) return api_error(Error::invalid(by.error().message, field + "by"));
      input.by = *by;
      actions.push_back(std::move(input));
    }
    return changed(service.save_actions(user, person_id, *version, plan_id, actions, channel), person_id);
  }
  if (action == "authorise") {
    Body body = read_body(request, {"expected_version"});
    if (body.error) return *body.error;
    auto version = version_of(body.value);
    if (!version) return api_error(version.error());
    return changed(service.authorise_plan(user, person_id, *version, plan_id, channel), person_id);
  }
  if (action == "core-groups") {
    Body body = read_body(request, {"expected_version", "held_on"});
    if (body.error) return *body.error;
    auto version = version_of(body.value);
    if (!version) return api_error(version.error());
    auto on = required_date_of(body.value, "held_on");
    if (!on) return api_error(on.error());
    return changed(service.record_core_group(user, person_id, *version, plan_id, *on, channel), person_id);
  }
  if (action == "reviews") {
    Body body = read_body(request, {"expected_version", "held_on", "chair", "latest_category", "ends_plan",
                                    "end_reason", "progress"});
    if (body.error) return *body.error;
    auto version = version_of(body.value);
    if (!version) return api_error(version.error());
    PlanReviewInput input;
    auto on = required_date_of(body.value, "held_on");
    if (!on) return api_error(on.error());
    input.held_on = *on;
    auto chair = text_of(body.value, "chair", true);
    if (!chair) return api_error(chair.error());
    input.chair = *chair;
    auto category = text_of(body.value, "latest_category", false);
    if (!category) return api_error(category.error());
    input.latest_category = *category;
    auto ends = flag_of(body.value, "ends_plan");
    if (!ends) return api_error(ends.error());
    input.ends_plan = *ends;
    auto reason = text_of(body.value, "end_reason", *ends);
    if (!reason) return api_error(reason.error());
    input.end_reason = *reason;
    if (body.value.contains("progress")) {
      auto list = list_of(body.value, "progress");
      if (!list) return api_error(list.error());
      for (size_t i = 0; i < (*list)->size(); ++i) {
        const json& item = (**list)[i];
        const std::string field = "progress[" + std::to_string(i) + "]";
        if (!item.contains("action_id") || !item.at("action_id").is_number_integer()) {
          return api_error(Error::invalid("action_id is required: the action's id", field + ".action_id"));
        }
        auto text = text_of(item, "text", true);
        if (!text) return api_error(Error::invalid(text.error().message, field + ".text"));
        input.progress.emplace_back(item.at("action_id").get<int64_t>(), *text);
      }
    }
    return changed(service.review_plan(user, person_id, *version, plan_id, input, channel), person_id);
  }
  if (action == "end") {
    Body body = read_body(request, {"expected_version", "ended_on", "reason"});
    if (body.error) return *body.error;
    auto version = version_of(body.value);
    if (!version) return api_error(version.error());
    auto on = required_date_of(body.value, "ended_on");
    if (!on) return api_error(on.error());
    auto reason = text_of(body.value, "reason", true);
    if (!reason) return api_error(reason.error());
    return changed(service.end_plan(user, person_id, *version, plan_id, *on, *reason, channel), person_id);
  }
  return api_error(404, "not_found", "No such API call");
}

Response visit(const Request& request, Database& db, const Clock& clock, int64_t person_id, const User& user,
               const Channel& channel) {
  Body body = read_body(
      request, {"expected_version", "on", "seen", "seen_alone", "who_present", "child_said", "observations"});
  if (body.error) return *body.error;
  auto version = version_of(body.value);
  if (!version) return api_error(version.error());
  VisitInput input;
  auto on = required_date_of(body.value, "on");
  if (!on) return api_error(on.error());
  input.on = *on;
  auto seen = flag_of(body.value, "seen");
  if (!seen) return api_error(seen.error());
  input.seen = *seen;
  auto alone = flag_of(body.value, "seen_alone");
  if (!alone) return api_error(alone.error());
  input.seen_alone = *alone;
  for (const auto& [key, target] :
       {std::pair{"who_present", &input.who_present}, std::pair{"child_said", &input.child_said},
        std::pair{"observations", &input.observations}}) {
    auto text = text_of(body.value, key, false);
    if (!text) return api_error(text.error());
    *target = *text;
  }
  return changed(VisitService(db, clock).record_visit(user, person_id, *version, input, channel), person_id);
}

Response supervision(const Request& request, Database& db, const Clock& clock, int64_t person_id,
                     const User& user, const Channel& channel) {
  Body body =
      read_body(request, {"expected_version", "on", "discussion", "decisions", "actions", "next_due"});
  if (body.error) return *body.error;
  auto version = version_of(body.value);
  if (!version) return api_error(version.error());
  SupervisionInput input;
  auto on = required_date_of(body.value, "on");
  if (!on) return api_error(on.error());
  input.on = *on;
  for (const auto& [key, target] :
       {std::pair{"discussion", &input.discussion}, std::pair{"decisions", &input.decisions},
        std::pair{"actions", &input.actions}}) {
    auto text = text_of(body.value, key, false);
    if (!text) return api_error(text.error());
    *target = *text;
  }
  auto next = date_of(body.value, "next_due");
  if (!next) return api_error(next.error());
  input.next_due = *next;
  return changed(VisitService(db, clock).record_supervision(user, person_id, *version, input, channel),
                 person_id);
}

}  // namespace

std::optional<Response> protection_api(const Request& request, Database& db, const Clock& clock,
                                       const User& user, const Channel& channel) {
  const auto parts = split(request.path, '/');  // "", "api", "v1", "people", id, what [, n, action]
  if (parts.size() < 6 || parts[1] != "api" || parts[2] != "v1" || parts[3] != "people") return std::nullopt;
  const std::string& what = parts[5];
  if (what != "strategy-discussions" && what != "enquiries" && what != "plans" && what != "visits" &&
      what != "supervisions") {
    return std::nullopt;
  }
  const auto person_id = parse_id(parts[4]);
  if (!person_id) return std::nullopt;
  if (request.method != "POST") {
    return api_error(405, "method_not_allowed",
                     "Use POST to record this; read it with GET /api/v1/people/{id}");
  }
  if (what == "visits" || what == "supervisions") {
    if (parts.size() != 6) return api_error(404, "not_found", "No such API call");
    return what == "visits" ? visit(request, db, clock, *person_id, user, channel)
                            : supervision(request, db, clock, *person_id, user, channel);
  }
  ProtectionService service(db, clock);
  if (parts.size() == 6 && what == "strategy-discussions") {
    return strategy_discussion(request, *person_id, service, user, channel);
  }
  if (parts.size() == 6 && what == "plans") {
    Body body = read_body(request, {"expected_version", "started_on"});
    if (body.error) return *body.error;
    auto version = version_of(body.value);
    if (!version) return api_error(version.error());
    auto on = required_date_of(body.value, "started_on");
    if (!on) return api_error(on.error());
    return changed(service.start_child_in_need_plan(user, *person_id, *version, *on, channel), *person_id);
  }
  const auto item = parts.size() == 8 ? parse_id(parts[6]) : std::nullopt;
  if (!item || what == "strategy-discussions") return api_error(404, "not_found", "No such API call");
  if (what == "enquiries")
    return enquiry_change(request, *person_id, *item, parts[7], service, user, channel);
  return plan_change(request, *person_id, *item, parts[7], service, user, channel);
}

}  // namespace safeguard::web
