// The JSON API for casework after the front door, so migrations and partner systems record what
// workers record in the browser:
//
//   GET  /api/v1/my-work                                       the user's due and overdue work (and a
//                                                               manager's authorisations)
//   GET  /api/v1/allocation                                    a manager's unallocated children and caseloads
//   GET  /api/v1/children/{id}/deadlines                       every deadline on the child's record today
//   POST /api/v1/people/{id}/assessments                       {expected_version, started_on}
//   POST /api/v1/people/{id}/assessments/{n}/seen              {expected_version, seen_on, alone}
//   POST /api/v1/people/{id}/assessments/{n}/write-up          {expected_version, child_views, factors,
//                                                               analysis, outcome}
//   POST /api/v1/people/{id}/assessments/{n}/submit            {expected_version}
//   POST /api/v1/people/{id}/assessments/{n}/authorise         {expected_version, authorised_on?}
//   POST /api/v1/people/{id}/assessments/{n}/return            {expected_version, reason}
//   POST /api/v1/people/{id}/episodes/{n}/closure-proposal     {expected_version, closing_on, reason,
//   summary} POST /api/v1/people/{id}/episodes/{n}/closure              {expected_version, closed_on, reason}
//   (managers) POST /api/v1/people/{id}/episodes/{n}/closure-return       {expected_version, note} (managers)
//
// Each change answers {"id", "version"}; errors name the field (api_support.h).
#include "app/allocation.h"
#include "app/assessments.h"
#include "app/my_work.h"
#include "core/text.h"
#include "web/api_support.h"
#include "web/page_context.h"

namespace safeguard::web {
namespace {

Response deadlines(int64_t person_id, Database& db, const Clock& clock, const User& user,
                   const Channel& channel) {
  auto record = PeopleService(db, clock).open(user, person_id, channel);
  if (!record) return api_error(record.error());
  json out = json::array();
  for (const ChildDeadline& d : record->deadlines) out.push_back(child_deadline_json(d));
  return json_response(200,
                       json{{"person_id", person_id}, {"today", clock.today().iso()}, {"deadlines", out}});
}

Response my_work(Database& db, const Clock& clock, const User& user) {
  auto work = MyWorkService(db, clock).for_user(user);
  if (!work) return api_error(work.error());
  json due = json::array();
  for (const WorkItem& item : work->due) {
    json d = child_deadline_json(item.deadline);
    d["child"] = summary_json(item.child);
    d["held_by"] = item.held_by;
    due.push_back(d);
  }
  json awaiting = json::array();
  for (const AssessmentAwaiting& a : work->awaiting) {
    awaiting.push_back({{"child", summary_json(a.child)},
                        {"assessment_id", a.assessment_id},
                        {"started_on", a.started_on.iso()},
                        {"submitted_on", a.submitted_on.iso()},
                        {"submitted_by", a.submitted_by},
                        {"deadline", a.deadline ? deadline_json(*a.deadline) : json(nullptr)}});
  }
  json closures = json::array();
  for (const ClosureAwaiting& c : work->closures) {
    closures.push_back({{"child", summary_json(c.child)},
                        {"episode_id", c.episode_id},
                        {"closing_on", c.proposal.closing_on.iso()},
                        {"reason", c.proposal.reason},
                        {"summary", c.proposal.summary},
                        {"proposed_by", c.proposal.by}});
  }
  json plans = json::array();
  for (const PlanAwaiting& p : work->plans) {
    plans.push_back({{"child", summary_json(p.child)},
                     {"plan_id", p.plan_id},
                     {"type", p.type},
                     {"started_on", p.started_on.iso()}});
  }
  return json_response(200, json{{"today", clock.today().iso()},
                                 {"children", work->children},
                                 {"due", due},
                                 {"assessments_awaiting_authorisation", awaiting},
                                 {"closures_awaiting_authorisation", closures},
                                 {"plans_awaiting_authorisation", plans}});
}

json caseload_json(const Caseload& load) {
  return json{{"children", load.children},
              {"on_protection_plans", load.on_protection_plans},
              {"on_child_in_need_plans", load.on_child_in_need_plans},
              {"weighted", static_cast<double>(load.weighted_tenths) / 10.0}};
}

Response allocation(Database& db, const Clock& clock, const User& user) {
  auto o = AllocationService(db, clock).overview(user);
  if (!o) return api_error(o.error());
  json unallocated = json::array();
  for (const UnallocatedChild& u : o->unallocated) {
    unallocated.push_back({{"child", summary_json(u.child)},
                           {"referral_date", u.referral_date.iso()},
                           {"waiting_since", u.waiting_since.iso()},
                           {"days_unallocated", u.days_unallocated}});
  }
  json workers = json::array();
  for (const WorkerCaseload& w : o->workers) {
    workers.push_back({{"worker", w.worker.username},
                       {"name", w.worker.display_name},
                       {"team", w.worker.team_name},
                       {"caseload", caseload_json(w.load)}});
  }
  json teams = json::array();
  for (const TeamCaseload& t : o->teams) {
    teams.push_back({{"team", t.team_name}, {"workers", t.workers}, {"caseload", caseload_json(t.load)}});
  }
  return json_response(200, json{{"open_children", o->open_children},
                                 {"unallocated", unallocated},
                                 {"workers", workers},
                                 {"teams", teams}});
}

Result<AssessmentContent> content_of(const json& body) {
  AssessmentContent c;
  for (const auto& [key, target] : {std::pair{"child_views", &c.child_views},
                                    std::pair{"analysis", &c.analysis}, std::pair{"outcome", &c.outcome}}) {
    auto text = text_of(body, key, false);
    if (!text) return text.error();
    *target = *text;
  }
  if (body.contains("factors") && !body.at("factors").is_null()) {
    if (!body.at("factors").is_array())
      return Error::invalid("factors must be a list of factor codes", "factors");
    for (const json& f : body.at("factors")) {
      if (!f.is_string()) return Error::invalid("factors must be a list of factor codes", "factors");
      c.factors.push_back(f.get<std::string>());
    }
  }
  return c;
}

Response assessment_change(const Request& request, int64_t person_id, const std::string& tail, Database& db,
                           const Clock& clock, const User& user, const Channel& channel) {
  AssessmentService service(db, clock);
  const auto parts = split(tail, '/');  // "assessments" [, n, action]
  if (parts.size() == 1) {
    Body body = read_body(request, {"expected_version", "started_on"});
    if (body.error) return *body.error;
    auto version = version_of(body.value);
    if (!version) return api_error(version.error());
    auto started = required_date_of(body.value, "started_on", ": the day it started");
    if (!started) return api_error(started.error());
    return changed(service.start(user, person_id, *version, *started, channel), person_id);
  }
  const auto assessment_id = parts.size() == 3 ? parse_id(parts[1]) : std::nullopt;
  if (!assessment_id) return api_error(404, "not_found", "No such API call");
  const std::string& action = parts[2];
  if (action == "seen") {
    Body body = read_body(request, {"expected_version", "seen_on", "alone"});
    if (body.error) return *body.error;
    auto version = version_of(body.value);
    if (!version) return api_error(version.error());
    auto seen_on = required_date_of(body.value, "seen_on", ": the day the child was seen");
    if (!seen_on) return api_error(seen_on.error());
    auto alone = flag_of(body.value, "alone", ": true if the child was seen alone");
    if (!alone) return api_error(alone.error());
    return changed(service.record_seen(user, person_id, *version, *assessment_id, *seen_on, *alone, channel),
                   person_id);
  }
  if (action == "write-up") {
    Body body = read_body(request, {"expected_version", "child_views", "factors", "analysis", "outcome"});
    if (body.error) return *body.error;
    auto version = version_of(body.value);
    if (!version) return api_error(version.error());
    auto content = content_of(body.value);
    if (!content) return api_error(content.error());
    return changed(service.save(user, person_id, *version, *assessment_id, *content, channel), person_id);
  }
  if (action == "submit") {
    Body body = read_body(request, {"expected_version"});
    if (body.error) return *body.error;
    auto version = version_of(body.value);
    if (!version) return api_error(version.error());
    return changed(service.submit(user, person_id, *version, *assessment_id, channel), person_id);
  }
  if (action == "authorise") {
    Body body = read_body(request, {"expected_version", "authorised_on"});
    if (body.error) return *body.error;
    auto version = version_of(body.value);
    if (!version) return api_error(version.error());
    auto on = date_of(body.value, "authorised_on");
    if (!on) return api_error(on.error());
    return changed(service.authorise(user, person_id, *version, *assessment_id, *on, channel), person_id);
  }
  if (action == "return") {
    Body body = read_body(request, {"expected_version", "reason"});
    if (body.error) return *body.error;
    auto version = version_of(body.value);
    if (!version) return api_error(version.error());
    auto reason = text_of(body.value, "reason", true);
    if (!reason) return api_error(reason.error());
    return changed(service.send_back(user, person_id, *version, *assessment_id, *reason, channel), person_id);
  }
  return api_error(404, "not_found", "No such API call");
}

Response episode_change(const Request& request, int64_t person_id, int64_t episode_id,
                        const std::string& action, Database& db, const Clock& clock, const User& user,
                        const Channel& channel) {
  PeopleService people(db, clock);
  if (action == "closure-return") {
    Body body = read_body(request, {"expected_version", "note"});
    if (body.error) return *body.error;
    auto version = version_of(body.value);
    if (!version) return api_error(version.error());
    auto note = text_of(body.value, "note", true);
    if (!note) return api_error(note.error());
    return changed(people.return_closure(user, person_id, *version, episode_id, *note, channel), person_id);
  }
  const bool proposal = action == "closure-proposal";
  if (!proposal && action != "closure") return api_error(404, "not_found", "No such API call");
  const char* date_field = proposal ? "closing_on" : "closed_on";
  Body body = read_body(
      request, proposal ? std::set<std::string>{"expected_version", "closing_on", "reason", "summary"}
                        : std::set<std::string>{"expected_version", "closed_on", "reason"});
  if (body.error) return *body.error;
  auto version = version_of(body.value);
  if (!version) return api_error(version.error());
  auto on = required_date_of(body.value, date_field, "");
  if (!on) return api_error(on.error());
  auto reason = text_of(body.value, "reason", true);
  if (!reason) return api_error(reason.error());
  if (!proposal) {
    return changed(people.close_episode(user, person_id, *version, episode_id, *on, *reason, channel),
                   person_id);
  }
  auto summary = text_of(body.value, "summary", true);
  if (!summary) return api_error(summary.error());
  return changed(
      people.propose_closure(user, person_id, *version, episode_id, *on, *reason, *summary, channel),
      person_id);
}

}  // namespace

std::optional<Response> casework_api(const Request& request, Database& db, const Clock& clock,
                                     const User& user, const Channel& channel) {
  const std::string& path = request.path;
  if (path == "/api/v1/my-work" || path == "/api/v1/allocation") {
    if (request.method != "GET") return api_error(405, "method_not_allowed", "Use GET");
    return path == "/api/v1/my-work" ? my_work(db, clock, user) : allocation(db, clock, user);
  }
  const auto parts = split(path, '/');  // "", "api", "v1", "children"|"people", id, ...
  if (parts.size() < 6 || parts[1] != "api" || parts[2] != "v1") return std::nullopt;
  const auto id = parse_id(parts[4]);
  if (!id) return std::nullopt;
  if (parts[3] == "children" && parts.size() == 6 && parts[5] == "deadlines") {
    if (request.method != "GET")
      return api_error(405, "method_not_allowed", "Use GET to read a child's deadlines");
    return deadlines(*id, db, clock, user, channel);
  }
  if (parts[3] == "people" && parts[5] == "episodes") {
    const auto episode_id = parts.size() == 8 ? parse_id(parts[6]) : std::nullopt;
    if (!episode_id) return api_error(404, "not_found", "No such API call");
    if (request.method != "POST") return api_error(405, "method_not_allowed", "Use POST to close an episode");
    return episode_change(request, *id, *episode_id, parts[7], db, clock, user, channel);
  }
  if (parts[3] == "people" && parts[5] == "assessments") {
    if (request.method != "POST") {
      return api_error(405, "method_not_allowed",
                       "Use POST to record an assessment; read it with GET /api/v1/people/{id}");
    }
    const size_t tail_start = path.find("/assessments") + 1;
    return assessment_change(request, *id, path.substr(tail_start), db, clock, user, channel);
  }
  return std::nullopt;
}

}  // namespace safeguard::web
