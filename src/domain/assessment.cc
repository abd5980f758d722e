#include "domain/assessment.h"

#include <algorithm>

#include "core/text.h"
#include "domain/child_journey.h"
#include "domain/codes.h"
#include "domain/event_fields.h"
#include "domain/person.h"

namespace safeguard {
namespace {

using nlohmann::json;

// The assessment, if it may still change (not waiting for a manager, not authorised).
Result<const Assessment*> editable(const Person& child, int64_t assessment_id, const char* field) {
  const Assessment* a = find_assessment(child, assessment_id);
  if (!a) return Error::not_found("This child has no assessment " + std::to_string(assessment_id));
  if (a->is_authorised()) {
    return Error::invalid(
        "This assessment was authorised on " + a->authorised_on->iso() + " and cannot change", field);
  }
  if (a->awaits_authorisation()) {
    return Error::invalid(
        "This assessment is waiting for a manager: it can change again only if they return it", field);
  }
  return a;
}

Assessment* find_mutable(Person& p, const DomainEvent& e) {
  const int64_t id = event_int(e, "assessment_id");
  for (Assessment& a : p.assessments) {
    if (a.id == id) return &a;
  }
  throw MalformedEvent(e.version, "refers to assessment " + std::to_string(id) + ", which never started");
}

json content_json(const AssessmentContent& c) {
  return json{{"child_views", c.child_views},
              {"factors", c.factors},
              {"analysis", c.analysis},
              {"outcome", c.outcome}};
}

}  // namespace

const Assessment* find_assessment(const Person& child, int64_t assessment_id) {
  for (const Assessment& a : child.assessments) {
    if (a.id == assessment_id) return &a;
  }
  return nullptr;
}

const Assessment* open_assessment(const Person& child, int64_t episode_id) {
  for (const Assessment& a : child.assessments) {
    if (a.episode_id == episode_id && !a.is_authorised()) return &a;
  }
  return nullptr;
}

Result<DomainEvent> assessment_started(const Person& child, Date started_on, Date today) {
  const CinEpisode* episode = open_episode(child);
  if (!episode) {
    return Error::invalid("An assessment starts in an open Children in Need episode, and this child has none",
                          "started_on");
  }
  if (episode->referral_nfa) {
    return Error::invalid("This referral was marked no further action, so it has no assessment",
                          "started_on");
  }
  if (const Assessment* current = open_assessment(child, episode->id)) {
    return Error::invalid("This child's assessment started on " + current->started_on.iso() +
                              " is still open: finish it before starting another",
                          "started_on");
  }
  if (started_on < episode->referral_date) {
    return Error::invalid(
        "An assessment cannot start before the referral (" + episode->referral_date.iso() + ")",
        "started_on");
  }
  if (started_on > today) return Error::invalid("The start date cannot be in the future", "started_on");
  DomainEvent e;
  e.type = "AssessmentStarted";
  e.occurred_on = started_on;
  e.data = json{{"assessment_id", static_cast<int64_t>(child.assessments.size()) + 1},
                {"episode_id", episode->id},
                {"started_on", started_on.iso()}};
  return e;
}

Result<DomainEvent> child_seen_for_assessment(const Person& child, int64_t assessment_id, Date on, bool alone,
                                              Date today) {
  auto a = editable(child, assessment_id, "seen_on");
  if (!a) return a.error();
  if (on < (*a)->started_on) {
    return Error::invalid("The child was seen before the assessment started (" + (*a)->started_on.iso() +
                              "): record that visit as a case note",
                          "seen_on");
  }
  if (on > today) return Error::invalid("The date the child was seen cannot be in the future", "seen_on");
  for (const ChildSeen& s : (*a)->seen) {
    if (s.on == on && s.alone == alone) {
      return Error::invalid("The child's being seen on " + on.iso() + " is already recorded", "seen_on");
    }
  }
  DomainEvent e;
  e.type = "AssessmentChildSeen";
  e.occurred_on = on;
  e.data = json{{"assessment_id", assessment_id}, {"seen_on", on.iso()}, {"alone", alone}};
  return e;
}

Result<DomainEvent> assessment_recorded(const Person& child, int64_t assessment_id,
                                        AssessmentContent content) {
  auto a = editable(child, assessment_id, "analysis");
  if (!a) return a.error();
  for (const std::string* text : {&content.child_views, &content.analysis}) {
    if (text->size() > kAssessmentTextMaxLength) {
      return Error::invalid("Too long: at most " + std::to_string(kAssessmentTextMaxLength) + " characters",
                            text == &content.analysis ? "analysis" : "child_views");
    }
  }
  std::sort(content.factors.begin(), content.factors.end());
  content.factors.erase(std::unique(content.factors.begin(), content.factors.end()), content.factors.end());
  for (const std::string& f : content.factors) {
    if (!code_label(CodeList::kAssessmentFactor, f)) {
      return Error::invalid("'" + f + "' is not an assessment factor code", "factors");
    }
  }
  if (content.factors.size() > 1 &&
      std::find(content.factors.begin(), content.factors.end(), "21") != content.factors.end()) {
    return Error::invalid("\"No factors identified\" cannot be chosen with other factors", "factors");
  }
  if (!content.outcome.empty() && !code_label(CodeList::kAssessmentOutcome, content.outcome)) {
    return Error::invalid("Choose the outcome of the assessment", "outcome");
  }
  DomainEvent e;
  e.type = "AssessmentRecorded";
  e.occurred_on = (*a)->started_on;
  e.data = content_json(content);
  e.data["assessment_id"] = assessment_id;
  return e;
}

std::vector<std::string> assessment_gaps(const Person& child, const Assessment& a) {
  std::vector<std::string> gaps;
  if (a.seen.empty() && !child.is_unborn()) gaps.push_back("Record when the child was seen");
  if (trim(a.content.child_views).empty()) gaps.push_back("Write the child's views, in their words");
  if (a.content.factors.empty()) {
    gaps.push_back("Choose the factors identified (or \"No factors identified\")");
  }
  if (trim(a.content.analysis).empty()) gaps.push_back("Write the analysis");
  if (a.content.outcome.empty()) gaps.push_back("Choose the outcome");
  return gaps;
}

Result<DomainEvent> assessment_submitted(const Person& child, int64_t assessment_id, Date on,
                                         const std::string& by, Date today) {
  auto a = editable(child, assessment_id, "assessment");
  if (!a) return a.error();
  const auto gaps = assessment_gaps(child, **a);
  if (!gaps.empty()) {
    std::string message = "The assessment is not ready for a manager: ";
    for (size_t i = 0; i < gaps.size(); ++i) message += (i ? "; " : "") + gaps[i];
    return Error::invalid(message, "assessment");
  }
  if (on < (*a)->started_on || on > today) {
    return Error::invalid("The assessment is submitted between its start and today", "submitted_on");
  }
  DomainEvent e;
  e.type = "AssessmentSubmitted";
  e.occurred_on = on;
  e.data = json{{"assessment_id", assessment_id}, {"submitted_on", on.iso()}, {"by", by}};
  return e;
}

Result<DomainEvent> assessment_returned(const Person& child, int64_t assessment_id,
                                        const std::string& reason) {
  const Assessment* a = find_assessment(child, assessment_id);
  if (!a) return Error::not_found("This child has no assessment " + std::to_string(assessment_id));
  if (!a->awaits_authorisation()) {
    return Error::invalid("Only an assessment waiting for a manager can be returned", "reason");
  }
  if (trim(reason).empty()) return Error::invalid("Say what more the assessment needs", "reason");
  if (reason.size() > kAssessmentTextMaxLength) return Error::invalid("The reason is too long", "reason");
  DomainEvent e;
  e.type = "AssessmentReturned";
  e.occurred_on = *a->submitted_on;
  e.data = json{{"assessment_id", assessment_id}, {"reason", reason}};
  return e;
}

Result<DomainEvent> assessment_authorised(const Person& child, int64_t assessment_id, Date on,
                                          const std::string& by, Date today) {
  const Assessment* a = find_assessment(child, assessment_id);
  if (!a) return Error::not_found("This child has no assessment " + std::to_string(assessment_id));
  if (a->is_authorised()) {
    return Error::invalid("This assessment was already authorised on " + a->authorised_on->iso(),
                          "authorised_on");
  }
  if (!a->awaits_authorisation()) {
    return Error::invalid("The social worker has not yet sent this assessment for authorisation",
                          "authorised_on");
  }
  if (on < a->started_on) {
    return Error::invalid("An assessment cannot be authorised before it starts (" + a->started_on.iso() + ")",
                          "authorised_on");
  }
  if (on < *a->submitted_on) {
    return Error::invalid(
        "An assessment cannot be authorised before it was submitted (" + a->submitted_on->iso() + ")",
        "authorised_on");
  }
  if (on > today) return Error::invalid("The authorisation date cannot be in the future", "authorised_on");
  DomainEvent e;
  e.type = "AssessmentAuthorised";
  e.occurred_on = on;
  e.data = json{{"assessment_id", assessment_id}, {"authorised_on", on.iso()}, {"by", by}};
  return e;
}

bool apply_assessment_event(Person& p, const DomainEvent& e) {
  if (e.type == "AssessmentStarted") {
    Assessment a;
    a.id = event_int(e, "assessment_id");
    a.episode_id = event_int(e, "episode_id");
    a.started_on = event_date(e, "started_on");
    if (!find_episode(p, a.episode_id)) {
      throw MalformedEvent(e.version, "starts an assessment in episode " + std::to_string(a.episode_id) +
                                          ", which was never opened");
    }
    p.assessments.push_back(std::move(a));
    return true;
  }
  if (e.type == "AssessmentChildSeen") {
    Assessment* a = find_mutable(p, e);
    a->seen.push_back({event_date(e, "seen_on"), event_bool(e, "alone")});
    std::stable_sort(a->seen.begin(), a->seen.end(),
                     [](const ChildSeen& x, const ChildSeen& y) { return x.on < y.on; });
    return true;
  }
  if (e.type == "AssessmentRecorded") {
    Assessment* a = find_mutable(p, e);
    a->content.child_views = event_text(e, "child_views");
    a->content.analysis = event_text(e, "analysis");
    a->content.outcome = event_text(e, "outcome");
    const json& factors = event_member(e, "factors");
    if (!factors.is_array()) throw MalformedEvent(e.version, "factors is not a list");
    a->content.factors.clear();
    for (const json& f : factors) {
      if (!f.is_string()) throw MalformedEvent(e.version, "a factor is not text");
      a->content.factors.push_back(f.get<std::string>());
    }
    return true;
  }
  if (e.type == "AssessmentSubmitted") {
    Assessment* a = find_mutable(p, e);
    a->submitted_on = event_date(e, "submitted_on");
    a->submitted_by = event_text(e, "by");
    a->returned_because.clear();
    return true;
  }
  if (e.type == "AssessmentReturned") {
    Assessment* a = find_mutable(p, e);
    a->returned_because = event_text(e, "reason");
    a->submitted_on.reset();
    a->submitted_by.clear();
    return true;
  }
  if (e.type == "AssessmentAuthorised") {
    Assessment* a = find_mutable(p, e);
    a->authorised_on = event_date(e, "authorised_on");
    a->authorised_by = event_text(e, "by");
    return true;
  }
  return false;
}

std::string describe_assessment_event(const DomainEvent& e) {
  try {
    if (e.type == "AssessmentStarted") return "Single assessment started";
    if (e.type == "AssessmentChildSeen") {
      return e.data.at("alone").get<bool>() ? "Child seen alone for the assessment"
                                            : "Child seen for the assessment";
    }
    if (e.type == "AssessmentRecorded") return "Assessment written up";
    if (e.type == "AssessmentSubmitted") {
      return "Assessment sent for authorisation by " + e.data.at("by").get<std::string>();
    }
    if (e.type == "AssessmentReturned") {
      return "Assessment returned for more work: " + e.data.at("reason").get<std::string>();
    }
    if (e.type == "AssessmentAuthorised") {
      return "Assessment authorised by " + e.data.at("by").get<std::string>();
    }
  } catch (const nlohmann::json::exception&) {
    return e.type + " (the event's details could not be read)";
  }
  return {};
}

}  // namespace safeguard
