// The JSON API for missing children and exploitation, so the police's and partners' systems can
// report what workers record in the browser, and read it back:
//
//   GET  /api/v1/missing                               the missing and exploitation team's overview
//   GET  /api/v1/people/{id}/missing                   the child's missing episodes, return interviews,
//                                                      exploitation screenings and their deadlines
//   POST /api/v1/people/{id}/missing                   {expected_version, type, started_on}
//   POST /api/v1/people/{id}/missing/{n}/return        {expected_version, ended_on, where_found}
//   POST /api/v1/people/{id}/missing/{n}/interview     {expected_version, offered_on, accepted,
//                                                      held_on?, findings?}
//   POST /api/v1/people/{id}/exploitation-screenings   {expected_version, screened_on, sexual, criminal,
//                                                      risk, summary}
//
// Each change answers {"id", "version"}; errors name the field (api_support.h).
#include "app/access_policy.h"
#include "app/missing.h"
#include "core/text.h"
#include "web/api_support.h"
#include "web/page_context.h"

namespace safeguard::web {
namespace {

json missing_json(const MissingEpisode& m) {
  json interview = nullptr;
  if (m.interview) {
    interview = json{{"offered_on", m.interview->offered_on.iso()},
                     {"accepted", m.interview->accepted},
                     {"held_on", optional_date(m.interview->held_on)},
                     {"findings", m.interview->findings},
                     {"by", m.interview->by}};
  }
  return json{{"id", m.id},
              {"type", m.type},
              {"started_on", m.started_on.iso()},
              {"ended_on", optional_date(m.ended_on)},
              {"where_found", m.where_found},
              {"interview", interview}};
}

json screening_json(const ExploitationScreening& s) {
  return json{{"id", s.id},         {"screened_on", s.screened_on.iso()},
              {"sexual", s.sexual}, {"criminal", s.criminal},
              {"risk", s.risk},     {"summary", s.summary},
              {"by", s.by}};
}

Response history(const PersonRecord& record, const Clock& clock) {
  const Person& p = record.person;
  json episodes = json::array();
  for (const MissingEpisode& m : p.missing) episodes.push_back(missing_json(m));
  json screenings = json::array();
  for (const ExploitationScreening& s : p.exploitation_screenings) screenings.push_back(screening_json(s));
  json deadlines = json::array();
  for (const ChildDeadline& d : record.deadlines) {
    if (is_missing_deadline(d.kind)) {
      deadlines.push_back(child_deadline_json(d));
    }
  }
  return json_response(200, json{{"person_id", p.id},
                                 {"version", p.version},
                                 {"today", clock.today().iso()},
                                 {"missing_now", current_missing(p) != nullptr},
                                 {"episodes", episodes},
                                 {"screenings", screenings},
                                 {"deadlines", deadlines}});
}

Response overview(MissingService& service, const User& user) {
  auto o = service.overview(user);
  if (!o) return api_error(o.error());
  const auto child = [](const MissingChild& m) {
    json episodes = json::array();
    for (const MissingEpisode& e : m.recent) episodes.push_back(missing_json(e));
    return json{{"child", summary_json(m.child)}, {"looked_after", m.looked_after}, {"episodes", episodes}};
  };
  json now = json::array();
  for (const MissingChild& m : o->missing_now) now.push_back(child(m));
  json recent = json::array();
  for (const MissingChild& m : o->recent) recent.push_back(child(m));
  json interviews = json::array();
  for (const InterviewDue& i : o->interviews) {
    interviews.push_back(json{{"child", summary_json(i.child)},
                              {"missing_id", i.missing_id},
                              {"returned_on", i.returned_on.iso()},
                              {"status", deadline_json(i.status)}});
  }
  json at_risk = json::array();
  for (const AtRisk& r : o->at_risk) {
    at_risk.push_back(json{{"child", summary_json(r.child)},
                           {"looked_after", r.looked_after},
                           {"latest", screening_json(r.latest)},
                           {"review", r.review ? deadline_json(*r.review) : json(nullptr)}});
  }
  return json_response(200, json{{"from", o->from.iso()},
                                 {"today", o->today.iso()},
                                 {"episodes_in_window", o->episodes_in_window},
                                 {"missing_now", now},
                                 {"recent", recent},
                                 {"interviews_due", interviews},
                                 {"at_risk", at_risk}});
}

Response report(const Request& request, MissingService& service, int64_t person_id, const User& user,
                const Channel& channel) {
  Body body = read_body(request, {"expected_version", "type", "started_on"});
  if (body.error) return *body.error;
  auto version = version_of(body.value);
  if (!version) return api_error(version.error());
  auto type = text_of(body.value, "type", true);
  if (!type) return api_error(type.error());
  auto started = required_date_of(body.value, "started_on");
  if (!started) return api_error(started.error());
  return changed(service.report(user, person_id, *version, *type, *started, channel), person_id);
}

Response returned(const Request& request, MissingService& service, int64_t person_id, int64_t missing_id,
                  const User& user, const Channel& channel) {
  Body body = read_body(request, {"expected_version", "ended_on", "where_found"});
  if (body.error) return *body.error;
  auto version = version_of(body.value);
  if (!version) return api_error(version.error());
  auto ended = required_date_of(body.value, "ended_on");
  if (!ended) return api_error(ended.error());
  auto where = text_of(body.value, "where_found", true);
  if (!where) return api_error(where.error());
  return changed(service.returned(user, person_id, *version, missing_id, *ended, *where, channel), person_id);
}

Response interview(const Request& request, MissingService& service, int64_t person_id, int64_t missing_id,
                   const User& user, const Channel& channel) {
  Body body = read_body(request, {"expected_version", "offered_on", "accepted", "held_on", "findings"});
  if (body.error) return *body.error;
  auto version = version_of(body.value);
  if (!version) return api_error(version.error());
  auto offered = required_date_of(body.value, "offered_on");
  if (!offered) return api_error(offered.error());
  auto accepted = flag_of(body.value, "accepted");
  if (!accepted) return api_error(accepted.error());
  auto held = date_of(body.value, "held_on");
  if (!held) return api_error(held.error());
  auto findings = text_of(body.value, "findings", false);
  if (!findings) return api_error(findings.error());
  ReturnInterview input{*offered, *accepted, *held, *findings, ""};
  return changed(service.record_interview(user, person_id, *version, missing_id, input, channel), person_id);
}

Response screen(const Request& request, MissingService& service, int64_t person_id, const User& user,
                const Channel& channel) {
  Body body =
      read_body(request, {"expected_version", "screened_on", "sexual", "criminal", "risk", "summary"});
  if (body.error) return *body.error;
  auto version = version_of(body.value);
  if (!version) return api_error(version.error());
  ExploitationScreening input;
  auto on = required_date_of(body.value, "screened_on");
  if (!on) return api_error(on.error());
  input.screened_on = *on;
  auto sexual = flag_of(body.value, "sexual");
  if (!sexual) return api_error(sexual.error());
  auto criminal = flag_of(body.value, "criminal");
  if (!criminal) return api_error(criminal.error());
  input.sexual = *sexual;
  input.criminal = *criminal;
  auto risk = text_of(body.value, "risk", true);
  if (!risk) return api_error(risk.error());
  input.risk = *risk;
  auto summary = text_of(body.value, "summary", true);
  if (!summary) return api_error(summary.error());
  input.summary = *summary;
  auto result = service.screen(user, person_id, *version, input, channel);
  if (!result && result.error().field == "kinds") {
    return api_error(Error::invalid(result.error().message, "sexual"));
  }
  return changed(std::move(result), person_id);
}

}  // namespace

std::optional<Response> missing_api(const Request& request, Database& db, const Clock& clock,
                                    const User& user, const Channel& channel) {
  MissingService service(db, clock);
  if (request.path == "/api/v1/missing") {
    if (request.method != "GET") return api_error(405, "method_not_allowed", "Use GET to read the overview");
    return overview(service, user);
  }
  // "", "api", "v1", "people", id, "missing" [, n, "return"|"interview"] | "exploitation-screenings"
  const auto parts = split(request.path, '/');
  if (parts.size() < 6 || parts[1] != "api" || parts[2] != "v1" || parts[3] != "people") return std::nullopt;
  const auto person_id = parse_id(parts[4]);
  if (!person_id) return std::nullopt;
  if (parts[5] == "exploitation-screenings" && parts.size() == 6) {
    if (request.method != "POST") {
      return api_error(405, "method_not_allowed",
                       "Use POST to record a screening; GET /api/v1/people/{id}/missing reads them");
    }
    return screen(request, service, *person_id, user, channel);
  }
  if (parts[5] != "missing") return std::nullopt;
  if (parts.size() == 6) {
    if (request.method == "GET") {
      if (!can_record_missing(user)) {
        return api_error(Error::denied("Social workers and team managers read a child's missing episodes."));
      }
      auto record = PeopleService(db, clock).open(user, *person_id, channel);
      if (!record) return api_error(record.error());
      return history(*record, clock);
    }
    if (request.method != "POST") {
      return api_error(405, "method_not_allowed",
                       "Use GET to read a child's missing episodes, or POST to report the child missing");
    }
    return report(request, service, *person_id, user, channel);
  }
  const auto missing_id = parse_id(parts[6]);
  if (parts.size() != 8 || !missing_id || (parts[7] != "return" && parts[7] != "interview")) {
    return api_error(404, "not_found", "No such API call");
  }
  if (request.method != "POST") return api_error(405, "method_not_allowed", "Use POST to record this");
  if (parts[7] == "return") return returned(request, service, *person_id, *missing_id, user, channel);
  return interview(request, service, *person_id, *missing_id, user, channel);
}

}  // namespace safeguard::web
