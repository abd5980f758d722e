// The JSON API for the health and education of children looked after, so health partners' and the
// virtual school's systems can record what workers record in the browser, and read it back:
//
//   GET  /api/v1/people/{id}/health            the child's health checks, immunisations, SDQs,
//                                              substance misuse, convictions, education plans, their
//                                              deadlines, and the OC2 outcomes of the 12 months to today
//   POST /api/v1/people/{id}/health-checks     {expected_version, kind, held_on, notes?}
//   POST /api/v1/people/{id}/immunisations     {expected_version, as_at, up_to_date}
//   POST /api/v1/people/{id}/sdqs              {expected_version, on, score? | reason?}
//   POST /api/v1/people/{id}/substance-misuse  {expected_version, identified_on, notes,
//                                              intervention_offered, intervention_received}
//   POST /api/v1/people/{id}/convictions       {expected_version, convicted_on, offence}
//   POST /api/v1/people/{id}/education-plans   {expected_version, held_on, school, notes}
//
// Each change answers {"id", "version"}; errors name the field (api_support.h).
#include "app/access_policy.h"
#include "app/health.h"
#include "core/text.h"
#include "web/api_support.h"
#include "web/page_context.h"

namespace safeguard::web {
namespace {

json optional_flag(const std::optional<bool>& flag) { return flag ? json(*flag) : json(nullptr); }

// The OC2 outcomes; a flag the return leaves blank is null.
json outcomes_json(const std::optional<Oc2Outcomes>& o) {
  if (!o) return nullptr;
  return json{{"sdq_score", o->sdq_score ? json(*o->sdq_score) : json(nullptr)},
              {"sdq_reason", o->sdq_reason},
              {"sdq_due", o->sdq_due},
              {"convicted", optional_flag(o->convicted)},
              {"health_check", optional_flag(o->health_check)},
              {"immunisations", o->immunisations},
              {"teeth_check", o->teeth_check},
              {"health_assessment", o->health_assessment},
              {"substance_misuse", o->substance_misuse},
              {"intervention_received", optional_flag(o->intervention_received)},
              {"intervention_offered", optional_flag(o->intervention_offered)}};
}

Response history(const PersonRecord& record, const Clock& clock) {
  const Person& p = record.person;
  const HealthAndEducation& h = p.health;
  json checks = json::array();
  for (const HealthCheck& c : h.checks) {
    checks.push_back(
        {{"id", c.id}, {"kind", c.kind}, {"held_on", c.held_on.iso()}, {"notes", c.notes}, {"by", c.by}});
  }
  json immunisations = json::array();
  for (const ImmunisationStatus& i : h.immunisations) {
    immunisations.push_back(
        {{"id", i.id}, {"as_at", i.as_at.iso()}, {"up_to_date", i.up_to_date}, {"by", i.by}});
  }
  json sdqs = json::array();
  for (const SdqRecord& s : h.sdqs) {
    sdqs.push_back({{"id", s.id},
                    {"on", s.on.iso()},
                    {"score", s.score ? json(*s.score) : json(nullptr)},
                    {"reason", s.reason},
                    {"by", s.by}});
  }
  json misuse = json::array();
  for (const SubstanceMisuse& m : h.substance_misuse) {
    misuse.push_back({{"id", m.id},
                      {"identified_on", m.identified_on.iso()},
                      {"notes", m.notes},
                      {"intervention_offered", m.intervention_offered},
                      {"intervention_received", m.intervention_received},
                      {"by", m.by}});
  }
  json convictions = json::array();
  for (const Conviction& c : h.convictions) {
    convictions.push_back(
        {{"id", c.id}, {"convicted_on", c.convicted_on.iso()}, {"offence", c.offence}, {"by", c.by}});
  }
  json plans = json::array();
  for (const EducationPlan& e : h.education_plans) {
    plans.push_back(
        {{"id", e.id}, {"held_on", e.held_on.iso()}, {"school", e.school}, {"notes", e.notes}, {"by", e.by}});
  }
  json deadlines = json::array();
  for (const ChildDeadline& d : record.deadlines) {
    if (is_health_deadline(d.kind)) {
      deadlines.push_back(child_deadline_json(d));
    }
  }
  return json_response(200, json{{"person_id", p.id},
                                 {"version", p.version},
                                 {"today", clock.today().iso()},
                                 {"health_checks", checks},
                                 {"immunisations", immunisations},
                                 {"sdqs", sdqs},
                                 {"substance_misuse", misuse},
                                 {"convictions", convictions},
                                 {"education_plans", plans},
                                 {"deadlines", deadlines},
                                 {"outcomes", outcomes_json(oc2_outcomes(p, clock.today()))}});
}

// A whole number, or none when absent or null.
Result<std::optional<int>> score_of(const json& body) {
  const auto it = body.find("score");
  if (it == body.end() || it->is_null()) return std::optional<int>();
  if (!it->is_number_integer()) {
    return Error::invalid("score must be a whole number from 0 to 40, or null with a reason", "score");
  }
  const int64_t score = it->get<int64_t>();
  if (score < 0 || score > kSdqMaxScore) {
    return Error::invalid("score must be a whole number from 0 to 40 (SSDA903 rule 180)", "score");
  }
  return std::optional<int>(static_cast<int>(score));
}

// Reads the body's fields into a record and records it: `read` fills the input from the body and
// returns any error; `save` calls the service.
template <typename Input, typename Read, typename Save>
Response record(const Request& request, const std::set<std::string>& allowed, int64_t person_id, Read read,
                Save save) {
  Body body = read_body(request, allowed);
  if (body.error) return *body.error;
  auto version = version_of(body.value);
  if (!version) return api_error(version.error());
  Input input;
  if (Status ok = read(body.value, input); !ok) return api_error(ok.error());
  return changed(save(*version, input), person_id);
}

}  // namespace

std::optional<Response> health_api(const Request& request, Database& db, const Clock& clock, const User& user,
                                   const Channel& channel) {
  const std::optional<PersonCall> call = person_call(request);
  if (!call) return std::nullopt;
  const int64_t person_id = call->person_id;
  const std::string& what = call->what;
  HealthService service(db, clock);
  if (what == "health") {
    if (request.method != "GET") {
      return api_error(405, "method_not_allowed",
                       "Use GET to read the child's health and education; POST each record to its own call");
    }
    if (!can_record_care(user) && !can_review_care(user) && !can_appoint_reviewing_officer(user)) {
      return api_error(Error::denied(
          "Social workers, team managers and reviewing officers read a child's health and education."));
    }
    auto record = PeopleService(db, clock).open(user, person_id, channel);
    if (!record) return api_error(record.error());
    return history(*record, clock);
  }
  const bool known = what == "health-checks" || what == "immunisations" || what == "sdqs" ||
                     what == "substance-misuse" || what == "convictions" || what == "education-plans";
  if (!known) return std::nullopt;
  if (request.method != "POST") {
    return api_error(405, "method_not_allowed",
                     "Use POST to record this; GET /api/v1/people/{id}/health reads the records");
  }
  const int64_t id = person_id;
  if (what == "health-checks") {
    return record<HealthCheck>(
        request, {"expected_version", "kind", "held_on", "notes"}, id,
        [](const json& b, HealthCheck& in) -> Status {
          auto kind = text_of(b, "kind", true);
          if (!kind) return kind.error();
          auto on = required_date_of(b, "held_on");
          if (!on) return on.error();
          auto notes = text_of(b, "notes", false);
          if (!notes) return notes.error();
          in.kind = *kind;
          in.held_on = *on;
          in.notes = *notes;
          return {};
        },
        [&](int64_t v, const HealthCheck& in) { return service.record_check(user, id, v, in, channel); });
  }
  if (what == "immunisations") {
    return record<ImmunisationStatus>(
        request, {"expected_version", "as_at", "up_to_date"}, id,
        [](const json& b, ImmunisationStatus& in) -> Status {
          auto on = required_date_of(b, "as_at");
          if (!on) return on.error();
          auto up = flag_of(b, "up_to_date");
          if (!up) return up.error();
          in.as_at = *on;
          in.up_to_date = *up;
          return {};
        },
        [&](int64_t v, const ImmunisationStatus& in) {
          return service.record_immunisations(user, id, v, in, channel);
        });
  }
  if (what == "sdqs") {
    return record<SdqRecord>(
        request, {"expected_version", "on", "score", "reason"}, id,
        [](const json& b, SdqRecord& in) -> Status {
          auto on = required_date_of(b, "on");
          if (!on) return on.error();
          auto score = score_of(b);
          if (!score) return score.error();
          auto reason = text_of(b, "reason", false);
          if (!reason) return reason.error();
          in.on = *on;
          in.score = *score;
          in.reason = *reason;
          return {};
        },
        [&](int64_t v, const SdqRecord& in) { return service.record_sdq(user, id, v, in, channel); });
  }
  if (what == "substance-misuse") {
    return record<SubstanceMisuse>(
        request,
        {"expected_version", "identified_on", "notes", "intervention_offered", "intervention_received"}, id,
        [](const json& b, SubstanceMisuse& in) -> Status {
          auto on = required_date_of(b, "identified_on");
          if (!on) return on.error();
          auto notes = text_of(b, "notes", true);
          if (!notes) return notes.error();
          auto offered = flag_of(b, "intervention_offered");
          if (!offered) return offered.error();
          auto received = flag_of(b, "intervention_received");
          if (!received) return received.error();
          in.identified_on = *on;
          in.notes = *notes;
          in.intervention_offered = *offered;
          in.intervention_received = *received;
          return {};
        },
        [&](int64_t v, const SubstanceMisuse& in) {
          return service.record_substance_misuse(user, id, v, in, channel);
        });
  }
  if (what == "convictions") {
    return record<Conviction>(
        request, {"expected_version", "convicted_on", "offence"}, id,
        [](const json& b, Conviction& in) -> Status {
          auto on = required_date_of(b, "convicted_on");
          if (!on) return on.error();
          auto offence = text_of(b, "offence", true);
          if (!offence) return offence.error();
          in.convicted_on = *on;
          in.offence = *offence;
          return {};
        },
        [&](int64_t v, const Conviction& in) { return service.record_conviction(user, id, v, in, channel); });
  }
  return record<EducationPlan>(
      request, {"expected_version", "held_on", "school", "notes"}, id,
      [](const json& b, EducationPlan& in) -> Status {
        auto on = required_date_of(b, "held_on");
        if (!on) return on.error();
        auto school = text_of(b, "school", true);
        if (!school) return school.error();
        auto notes = text_of(b, "notes", true);
        if (!notes) return notes.error();
        in.held_on = *on;
        in.school = *school;
        in.notes = *notes;
        return {};
      },
      [&](int64_t v, const EducationPlan& in) {
        return service.record_education_plan(user, id, v, in, channel);
      });
}

}  // namespace safeguard::web
