#include "app/journey_scenario.h"

#include <charconv>
#include <optional>
#include <sstream>
#include <vector>

#include "core/calendar.h"
#include "core/text.h"
#include "domain/contact.h"
#include "domain/person.h"
#include "rules/child_deadlines.h"

namespace safeguard {
namespace {

constexpr const char* kWorker = "Scenario social worker";
constexpr const char* kManager = "Scenario team manager";
constexpr const char* kReviewer = "Scenario reviewing officer";

std::vector<std::string> words_of(std::string_view text) {
  std::vector<std::string> words;
  std::istringstream in{std::string(text)};
  for (std::string w; in >> w;) words.push_back(w);
  return words;
}

std::optional<int64_t> parse_int(const std::string& text) {
  int64_t value = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc() || end != text.data() + text.size()) return std::nullopt;
  return value;
}

std::string joined(const std::vector<std::string>& words, size_t from, size_t to) {
  std::string out;
  for (size_t i = from; i < to && i < words.size(); ++i) out += (out.empty() ? "" : " ") + words[i];
  return out;
}

std::string describe(const ChildDeadline& d) {
  std::string out =
      d.kind + " due " + d.status.due.iso() + " " + std::string(deadline_state_name(d.status.state));
  if (d.status.state != DeadlineState::kMetOnTime && d.status.state != DeadlineState::kNotApplicable) {
    out += " " + std::to_string(d.status.working_days);
  }
  if (d.status.met_on) out += " on " + d.status.met_on->iso();
  return out;
}

// One scenario's child and calendar, and the lines run so far.
class Runner {
 public:
  explicit Runner(std::string name) : name_(std::move(name)) {
    child_.id = 1;
    child_.details.name = PersonName{"Scenario", "", "Child"};
    child_.details.date_of_birth = Date::from_ymd(2015, 6, 1);
  }

  // Runs one line; false (with the failure set) if it does not hold.
  bool run(int number, std::string_view raw) {
    line_ = number;
    std::string_view text = trim(raw);
    if (text.empty() || text.front() == '#') return true;
    std::string expected_refusal;
    bool expect_refused = false;
    if (const size_t at = text.find(" refused"); at != std::string_view::npos) {
      expect_refused = true;
      expected_refusal = std::string(trim(text.substr(at + 8)));
      if (expected_refusal.size() >= 2 && expected_refusal.front() == '"' && expected_refusal.back() == '"') {
        expected_refusal = expected_refusal.substr(1, expected_refusal.size() - 2);
      }
      text = trim(text.substr(0, at));
    }
    const std::vector<std::string> w = words_of(text);
    if (w[0] == "child" && w.size() == 2 && w[1] == "unborn") {
      child_.details.expected_date_of_birth = child_.details.date_of_birth;
      child_.details.date_of_birth.reset();
      ++ran_;
      return true;
    }
    if (w[0] == "child" && w.size() == 3 && w[1] == "born") {
      const auto born = Date::parse_iso(w[2]);
      if (!born) return fail("a birth line is: child born YYYY-MM-DD");
      child_.details.date_of_birth = *born;
      ++ran_;
      return true;
    }
    if (w[0] == "closure") {
      const auto day = w.size() >= 2 ? Date::parse_iso(w[1]) : std::nullopt;
      if (!day) return fail("a closure line is: closure YYYY-MM-DD reason");
      closures_.push_back({*day, joined(w, 2, w.size())});
      calendar_ = WorkingDayCalendar(closures_);
      ++ran_;
      return true;
    }
    if (w[0] == "timescale") {
      int* setting = nullptr;
      if (w.size() == 3) {
        if (w[1] == "cin_plan_review_months") setting = &timescales_.cin_plan_review_months;
        if (w[1] == "protection_visit_working_days") setting = &timescales_.protection_visit_working_days;
        if (w[1] == "child_in_need_visit_working_days")
          setting = &timescales_.child_in_need_visit_working_days;
        if (w[1] == "protection_supervision_weeks") setting = &timescales_.protection_supervision_weeks;
        if (w[1] == "supervision_weeks") setting = &timescales_.supervision_weeks;
        if (w[1] == "looked_after_first_visit_days") setting = &timescales_.looked_after_first_visit_days;
        if (w[1] == "looked_after_visit_weeks") setting = &timescales_.looked_after_visit_weeks;
        if (w[1] == "long_term_visit_months") setting = &timescales_.long_term_visit_months;
      }
      const auto value = w.size() == 3 ? parse_int(w[2]) : std::nullopt;
      if (!setting || !value || *value < 1)
        return fail("a timescale line is: timescale NAME N (see docs/scenarios.md)");
      *setting = static_cast<int>(*value);
      ++ran_;
      return true;
    }
    const auto today = Date::parse_iso(w[0]);
    if (!today || w.size() < 2) {
      return fail("a line starts with a date (YYYY-MM-DD) and then says what happens or what to expect");
    }
    today_ = *today;
    if (w[1] == "expect") {
      if (expect_refused) return fail("an expectation cannot be refused");
      return expect(w);
    }
    format_error_.clear();
    auto events = action(w);
    if (!format_error_.empty()) return fail(format_error_ + " (see docs/scenarios.md)");
    if (!events) {
      if (!expect_refused) return fail("refused: " + events.error().message);
      if (events.error().message.find(expected_refusal) == std::string::npos) {
        return fail("expected a refusal saying \"" + expected_refusal + "\", got: " + events.error().message);
      }
      ++ran_;
      return true;
    }
    if (expect_refused)
      return fail("expected a refusal saying \"" + expected_refusal + "\", but it was accepted");
    for (DomainEvent& e : *events) {
      e.version = child_.version + 1;
      apply_event(child_, e);
    }
    ++ran_;
    return true;
  }

  ScenarioOutcome outcome() const { return {failure_.empty(), ran_, failure_}; }

 private:
  bool fail(const std::string& message) {
    failure_ = name_ + ":" + std::to_string(line_) + ": " + message;
    return false;
  }

  // A placement in the scenario's town, with the provider its type is returned with.
  static Placement placement(const std::string& type, const std::string& carer) {
    const std::string provider = placement_has_no_provider(type) ? "" : type == "P1" ? "PR0" : "PR1";
    const bool registered =
        type[0] == 'U' || type[0] == 'A' || type[0] == 'K' || type == "R3" || type == "S1";
    return {type, provider, carer, "NR2 1AA", registered ? "SC123456" : ""};
  }

  const Assessment* latest_assessment() const {
    return child_.assessments.empty() ? nullptr : &child_.assessments.back();
  }

  // A line the runner cannot read: the scenario fails there, whatever the line expects.
  Error malformed(const std::string& message) {
    format_error_ = message;
    return Error::invalid(message, "line");
  }

  // The events an action line makes, or the domain's refusal.
  Result<std::vector<DomainEvent>> action(const std::vector<std::string>& w) {
    const std::string verb = joined(w, 1, 3);
    // An action of fixed words takes nothing after them.
    const auto exactly = [&](size_t words) { return w.size() == words; };
    const auto one = [](Result<DomainEvent> e) -> Result<std::vector<DomainEvent>> {
      if (!e) return e.error();
      return std::vector<DomainEvent>{std::move(e).value()};
    };
    const auto assessment_id = [&]() -> int64_t {
      const Assessment* a = latest_assessment();
      return a ? a->id : 0;
    };
    if (w[1] == "referral") {
      std::string source = "6";
      std::string need = "N1";
      if (w.size() % 2 != 0) return malformed("a referral is: referral [source CODE] [need CODE]");
      for (size_t i = 2; i + 1 < w.size(); i += 2) {
        if (w[i] == "source") {
          source = w[i + 1];
        } else if (w[i] == "need") {
          need = w[i + 1];
        } else {
          return malformed("a referral is: referral [source CODE] [need CODE]");
        }
      }
      FrontDoorDecision decision;
      decision.outcome = "referral";
      decision.primary_need = need;
      decision.decided_at = london_time(today_, 12, 0);
      ++contacts_;
      auto events = decision_on_record(child_, contacts_, decision, source, today_);
      if (events.size() < 2) return Error::invalid("the child already has an open episode", "referral");
      return events;
    }
    if (verb == "assessment starts" && exactly(3)) return one(assessment_started(child_, today_, today_));
    if (verb == "child seen") {
      if (!exactly(3) && !(exactly(4) && w[3] == "alone")) return malformed("this is: child seen [alone]");
      const bool alone = exactly(4);
      return one(child_seen_for_assessment(child_, assessment_id(), today_, alone, today_));
    }
    if (verb == "assessment written") {
      AssessmentContent c;
      c.child_views = "I want my mum to stop shouting.";
      c.analysis = "The scenario's analysis.";
      c.outcome = "cin_plan";
      c.factors = {"21"};
      for (size_t i = 3; i < w.size(); i += 2) {
        if (i + 1 >= w.size()) return malformed("\"" + w[i] + "\" needs a value after it");
        const std::string& value = w[i + 1];
        if (w[i] == "outcome") {
          c.outcome = value;
        } else if (w[i] == "factors") {
          c.factors = split(value, ',');
        } else if (w[i] == "without" && value == "views") {
          c.child_views.clear();
        } else if (w[i] == "without" && value == "analysis") {
          c.analysis.clear();
        } else if (w[i] == "without" && value == "outcome") {
          c.outcome.clear();
        } else if (w[i] == "without" && value == "factors") {
          c.factors.clear();
        } else {
          return malformed("\"" + w[i] + " " + value + "\" is not part of an assessment write-up");
        }
      }
      return one(assessment_recorded(child_, assessment_id(), c));
    }
    if (verb == "assessment submitted" && exactly(3)) {
      return one(assessment_submitted(child_, assessment_id(), today_, kWorker, today_));
    }
    if (verb == "assessment returned" && exactly(3)) {
      return one(assessment_returned(child_, assessment_id(), "The child's views are missing."));
    }
    if (verb == "assessment authorised" && exactly(3)) {
      return one(assessment_authorised(child_, assessment_id(), today_, kManager, today_));
    }
    const auto section47_id = [&]() -> int64_t {
      return child_.enquiries.empty() ? 0 : child_.enquiries.back().id;
    };
    // The latest open plan (of a type, when given), else the latest plan.
    const auto plan_id = [&](std::string_view type = {}) -> int64_t {
      int64_t latest = 0;
      for (auto it = child_.plans.rbegin(); it != child_.plans.rend(); ++it) {
        if (!type.empty() && it->type != type) continue;
        if (it->is_open()) return it->id;
        if (latest == 0) latest = it->id;
      }
      return latest;
    };
    if (verb == "strategy discussion") {
      if (!exactly(3) && !(exactly(5) && w[3] == "no" && w[4] == "s47")) {
        return malformed("this is: strategy discussion [no s47]");
      }
      StrategyDiscussionInput input;
      input.held_on = today_;
      input.attendees = {{"Scenario social worker", "social_care"}, {"Scenario officer", "police"}};
      input.decision = exactly(3) ? "section_47" : "no_section_47";
      input.reasons = "The scenario's reasons.";
      return one(strategy_discussion_held(child_, input, kWorker, today_));
    }
    if (verb == "s47 concludes") {
      if (!exactly(4)) return malformed("this is: s47 concludes conference|child_in_need|not_substantiated");
      return one(
          section47_concluded(child_, section47_id(), today_, w[3], "The scenario's findings.", today_));
    }
    if (w[1] == "icpc") {
      ConferenceInput input;
      input.held_on = today_;
      input.chair = "Scenario chair";
      if (exactly(4) && w[2] == "plan") {
        input.plan = true;
        input.category = w[3];
      } else if (!(exactly(4) && w[2] == "no" && w[3] == "plan")) {
        return malformed("this is: icpc plan CATEGORY, or icpc no plan");
      }
      return initial_conference_held(child_, section47_id(), input, today_);
    }
    if (verb == "cin plan" && exactly(4) && w[3] == "starts") {
      return one(child_in_need_plan_started(child_, today_, today_));
    }
    if (verb == "plan actions") {
      if (!exactly(3) && !(exactly(4) && w[3] == "incomplete"))
        return malformed("this is: plan actions [incomplete]");
      PlanActionInput action;
      action.what = "Weekly sessions with the family support worker";
      if (exactly(3)) {
        action.who = "Family support worker";
        action.by = today_ + 28;
        action.outcome_for_child = "Sam gets to school on time every day";
      }
      return one(plan_actions_recorded(child_, plan_id(), {action}));
    }
    if (verb == "plan final" && exactly(3))
      return one(plan_finalised(child_, plan_id(), today_, kWorker, today_));
    if (verb == "core group" && exactly(3)) {
      return one(core_group_held(child_, plan_id(kChildProtectionPlan), today_, today_));
    }
    const bool review_conference = verb == "review conference";
    if (review_conference || (verb == "cin plan" && w.size() >= 4 && w[3] == "reviewed")) {
      // review conference [CATEGORY] [ends REASON]; cin plan reviewed [ends REASON]
      PlanReviewInput input;
      input.held_on = today_;
      input.chair = "Scenario chair";
      size_t i = review_conference ? 3 : 4;
      if (review_conference) {
        input.latest_category = "NEG";
        if (i < w.size() && w[i] != "ends") input.latest_category = w[i++];
      }
      if (i < w.size()) {
        if (w[i] != "ends" || i + 2 != w.size()) {
          return malformed(review_conference ? "this is: review conference [CATEGORY] [ends REASON]"
                                             : "this is: cin plan reviewed [ends REASON]");
        }
        input.ends_plan = true;
        input.end_reason = w[i + 1];
      }
      const std::string_view type = review_conference ? kChildProtectionPlan : kChildInNeedPlan;
      return one(plan_reviewed(child_, plan_id(type), input, today_));
    }
    if (verb == "looked after") {
      // looked after LS PLACE with CARER
      if (!exactly(7) || w[5] != "with") return malformed("this is: looked after LS PLACE with CARER");
      return one(looked_after_started(child_, {today_, w[3], "N1", placement(w[4], w[6])}, today_));
    }
    if (verb == "legal status") {
      if (!exactly(4)) return malformed("this is: legal status LS");
      return one(care_changed(child_, {today_, w[3], std::nullopt, ""}, today_));
    }
    if (w[1] == "moves") {
      // moves PLACE with CARER [REASON] [status LS]
      if (w.size() < 5 || w[3] != "with")
        return malformed("this is: moves PLACE with CARER [REASON] [status LS]");
      ChangeOfCare change{today_, "", placement(w[2], w[4]), ""};
      size_t i = 5;
      if (i < w.size() && w[i] != "status") change.reason_place_change = w[i++];
      if (i + 2 == w.size() && w[i] == "status") {
        change.legal_status = w[i + 1];
      } else if (i != w.size()) {
        return malformed("this is: moves PLACE with CARER [REASON] [status LS]");
      }
      return one(care_changed(child_, change, today_));
    }
    if (verb == "care ends") {
      if (!exactly(4)) return malformed("this is: care ends REC");
      return one(looked_after_ended(child_, today_, w[3], today_));
    }
    if (verb == "la review") {
      // la review [PNx]: how the child took part; PN0 under 4, else PN1 unless given.
      if (!exactly(3) && !exactly(4)) return malformed("this is: la review [PARTICIPATION]");
      LookedAfterReviewInput input;
      input.held_on = today_;
      input.participation =
          exactly(4)                                                                                ? w[3]
          : child_.details.date_of_birth && age_in_years(*child_.details.date_of_birth, today_) < 4 ? "PN0"
                                                                                                    : "PN1";
      input.permanence_plan = "long_term_fostering";
      input.decisions = "The care plan continues.";
      const int64_t period = child_.periods_of_care.empty() ? 0 : child_.periods_of_care.back().id;
      return one(looked_after_review_recorded(child_, period, input, kReviewer, today_));
    }
    if (verb == "goes missing" || verb == "goes away") {
      if (!exactly(3)) return malformed("this is: goes missing | goes away");
      return one(missing_reported(child_, verb == "goes missing" ? "M" : "A", today_, today_));
    }
    if (w[1] == "returns") {
      if (!exactly(2)) return malformed("this is: returns");
      const int64_t id = child_.missing.empty() ? 0 : child_.missing.back().id;
      return one(missing_ended(child_, id, today_, "Found at a friend's house in town.", today_));
    }
    if (verb == "return interview") {
      // return interview declined | held
      if (!exactly(4) || (w[3] != "declined" && w[3] != "held")) {
        return malformed("this is: return interview declined|held");
      }
      const int64_t id = child_.missing.empty() ? 0 : child_.missing.back().id;
      ReturnInterview input{today_, w[3] == "held", std::nullopt, "", kWorker};
      if (w[3] == "held") {
        input.held_on = today_;
        input.findings = "Went to see an older friend; says no one hurt her.";
      }
      return one(return_interview_recorded(child_, id, input, today_));
    }
    if (verb == "exploitation screening") {
      // exploitation screening RISK [sexual] [criminal]
      if (w.size() < 4 || w.size() > 6)
        return malformed("this is: exploitation screening RISK [sexual] [criminal]");
      ExploitationScreening input;
      input.screened_on = today_;
      input.risk = w[3];
      for (size_t i = 4; i < w.size(); ++i) {
        if (w[i] == "sexual") {
          input.sexual = true;
        } else if (w[i] == "criminal") {
          input.criminal = true;
        } else {
          return malformed("this is: exploitation screening RISK [sexual] [criminal]");
        }
      }
      input.summary = "Older friends, new phone, missing overnight.";
      input.by = kWorker;
      return one(exploitation_screened(child_, input, today_));
    }
    if (verb == "pathway plan") {
      if (!exactly(3)) return malformed("this is: pathway plan");
      return one(pathway_plan_recorded(
          child_, {0, today_, false, "Staying with her carers until 18; college in September.", kWorker}, today_));
    }
    if (verb == "care leaver") {
      // care leaver contact IN_TOUCH [ACTIV ACCOM]
      if ((!exactly(5) && !exactly(7)) || w[3] != "contact") {
        return malformed("this is: care leaver contact IN_TOUCH [ACTIV ACCOM]");
      }
      CareLeaverContact input{0, today_, w[4], exactly(7) ? w[5] : "", exactly(7) ? w[6] : "", "", kWorker};
      return one(care_leaver_contact_recorded(child_, input, today_));
    }
    if (verb == "health check") {
      // health check KIND: initial_assessment, review_assessment, dental, development
      if (!exactly(4)) return malformed("this is: health check KIND");
      return one(health_check_recorded(child_, {0, w[3], today_, "Well; growth on track.", kWorker}, today_));
    }
    if (w[1] == "sdq") {
      // sdq SCORE | sdq REASON
      if (!exactly(3)) return malformed("this is: sdq SCORE | sdq SDQn");
      SdqRecord input{0, today_, std::nullopt, "", kWorker};
      if (const auto score = parse_int(w[2])) {
        input.score = static_cast<int>(*score);
      } else {
        input.reason = w[2];
      }
      return one(sdq_recorded(child_, input, today_));
    }
    if (w[1] == "pep") {
      if (!exactly(2)) return malformed("this is: pep");
      return one(education_plan_recorded(
          child_, {0, today_, "Hillside Primary", "Reading target: a book a week with her carer.", kWorker},
          today_));
    }
    if (w[1] == "visit") {
      VisitInput input;
      input.on = today_;
      input.seen = true;
      input.child_said = "I like my new school.";
      input.observations = "The home was warm and there was food in the fridge.";
      if (exactly(3) && w[2] == "alone") {
        input.seen_alone = true;
      } else if (exactly(3) && w[2] == "unseen") {
        input.seen = false;
        input.child_said.clear();
      } else if (!exactly(2)) {
        return malformed("this is: visit [alone|unseen]");
      }
      return one(visit_recorded(child_, input, kWorker, today_));
    }
    if (w[1] == "supervision") {
      SupervisionInput input;
      input.on = today_;
      input.discussion = "The plan's progress.";
      input.decisions = "Carry on with the plan.";
      if (exactly(4) && w[2] == "next") {
        input.next_due = Date::parse_iso(w[3]);
        if (!input.next_due) return malformed("\"" + w[3] + "\" is not a date");
      } else if (!exactly(2)) {
        return malformed("this is: supervision [next YYYY-MM-DD]");
      }
      return one(supervision_recorded(child_, input, kManager,
                                      latest_next_supervision(child_, today_, timescales_), today_));
    }
    if (verb == "plan ends") {
      if (!exactly(4)) return malformed("this is: plan ends REASON");
      return one(plan_ended(child_, plan_id(), today_, w[3], today_));
    }
    // Closures are of the latest episode.
    const int64_t episode_id = child_.episodes.empty() ? 0 : child_.episodes.back().id;
    const std::string reason = w.size() > 3 ? w[3] : "";
    if (verb == "closure proposed" && exactly(4)) {
      return one(closure_proposed(child_, episode_id, today_, reason,
                                  "The family no longer needs a social worker.", kWorker, today_));
    }
    if (verb == "closure returned" && exactly(3))
      return one(closure_returned(child_, episode_id, "Keep it open."));
    if (verb == "episode closes" && exactly(4))
      return one(episode_closed(child_, episode_id, today_, reason, today_));
    return malformed("unknown action \"" + joined(w, 1, w.size()) + "\"");
  }

  // "expect KIND due DATE STATE [N] [on DATE]" or "expect no KIND".
  bool expect(const std::vector<std::string>& w) {
    const auto deadlines = child_deadlines(child_, today_, calendar_, timescales_);
    if (w.size() == 4 && w[2] == "no") {
      for (const ChildDeadline& d : deadlines) {
        if (d.kind == w[3]) return fail("expected no " + w[3] + " deadline, found " + describe(d));
      }
      ++ran_;
      return true;
    }
    if (w.size() < 6 || w[3] != "due") {
      return fail("an expectation is: DATE expect KIND due YYYY-MM-DD STATE [N] [on YYYY-MM-DD]");
    }
    const std::string kind = w[2];
    const auto due = Date::parse_iso(w[4]);
    if (!due) return fail("\"" + w[4] + "\" is not a date");
    const std::string wanted = joined(w, 2, w.size());
    std::string found;
    for (const ChildDeadline& d : deadlines) {
      if (d.kind != kind) continue;
      const std::string actual = describe(d);
      if (d.status.due == *due) {
        // The working days and the met date are checked only when the line gives them.
        const std::string rest = joined(w, 5, w.size());
        std::string with_days(deadline_state_name(d.status.state));
        const std::string state = with_days;
        if (d.status.state != DeadlineState::kMetOnTime && d.status.state != DeadlineState::kNotApplicable) {
          with_days += " " + std::to_string(d.status.working_days);
        }
        const std::string on = d.status.met_on ? " on " + d.status.met_on->iso() : "";
        if (rest != state && rest != with_days && rest != with_days + on && rest != state + on) {
          return fail("expected " + wanted + ", got " + actual);
        }
        ++ran_;
        return true;
      }
      found += (found.empty() ? "" : "; ") + actual;
    }
    return fail(
        "expected " + wanted + ", but " +
        (found.empty() ? "there is no " + kind + " deadline" : "the " + kind + " deadlines are: " + found));
  }

  std::string name_;
  Person child_;
  std::vector<ClosureDay> closures_;
  WorkingDayCalendar calendar_;
  CaseworkTimescales timescales_;
  Date today_;
  int64_t contacts_ = 0;
  std::string format_error_;  // set when the current line cannot be read
  int line_ = 0;
  int ran_ = 0;
  std::string failure_;
};

}  // namespace

ScenarioOutcome run_journey_scenario(const std::string& name, std::istream& in) {
  Runner runner(name);
  int number = 0;
  for (std::string line; std::getline(in, line);) {
    ++number;
    if (!runner.run(number, line)) break;
  }
  return runner.outcome();
}

}  // namespace safeguard
