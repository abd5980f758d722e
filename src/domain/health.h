// The health and education of a child looked after: what the council as corporate parent records so
// that it can see each child is healthy and learning, and what the SSDA903 OC2 table returns
// (returns.md section 2):
//   - health checks: the initial health assessment when the child comes into care, review health
//     assessments, dental checks, and the development checks of children under 5;
//   - whether the child's immunisations are up to date, as at a day;
//   - the Strengths and Difficulties Questionnaire: a total score 0-40 for a child aged 4 to 16, or
//     the DfE reason there is none (SDQ1..SDQ5; SDQ1 exactly when the child is outside 4 to 16);
//   - a substance misuse problem identified, and whether an intervention was offered and received;
//   - a conviction (from 10, the age of criminal responsibility);
//   - personal education plans (PEPs), from age 3.
// The clocks are rules/child_deadlines.h's "health_assessment" (initial within 20 working days of
// coming into care, then every 6 months under 5 and every 12 from 5), "sdq" (yearly, 4 to 16) and
// "education_plan" (the first within 20 working days, then each term of school age).
//
// Each factory checks its record at entry and names the field at fault: a day not in the future,
// on which the child was looked after, and the rules of each kind above. Events go on the child's
// stream and fold into Person through apply_health_event; each list stays in date order.
//
// Thread safety: values and pure functions.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/date.h"
#include "core/result.h"
#include "domain/event.h"

namespace safeguard {

struct Person;

inline constexpr size_t kHealthTextMaxLength = 20000;
inline constexpr int kSdqMaxScore = 40;

struct HealthCheck {
  int64_t id = 0;    // within the person's record, from 1
  std::string kind;  // codes(kHealthCheck): initial_assessment, review_assessment, dental, development
  Date held_on;
  std::string notes;  // what was found and what follows
  std::string by;

  bool is_assessment() const { return kind == "initial_assessment" || kind == "review_assessment"; }
};

struct ImmunisationStatus {
  int64_t id = 0;
  Date as_at;
  bool up_to_date = false;
  std::string by;
};

// One Strengths and Difficulties Questionnaire: a score, or the reason there is none.
struct SdqRecord {
  int64_t id = 0;
  Date on;
  std::optional<int> score;  // 0..40
  std::string reason;        // codes(kSdqReason) when there is no score
  std::string by;
};

struct SubstanceMisuse {
  int64_t id = 0;
  Date identified_on;
  std::string notes;  // the substances, the worry, the plan
  bool intervention_offered = false;
  bool intervention_received = false;
  std::string by;
};

struct Conviction {
  int64_t id = 0;
  Date convicted_on;
  std::string offence;
  std::string by;
};

// A personal education plan meeting.
struct EducationPlan {
  int64_t id = 0;
  Date held_on;
  std::string school;
  std::string notes;  // progress, attendance, targets, how the pupil premium plus is spent
  std::string by;
};

struct HealthAndEducation {
  std::vector<HealthCheck> checks;  // each list in date order, ties by id
  std::vector<ImmunisationStatus> immunisations;
  std::vector<SdqRecord> sdqs;
  std::vector<SubstanceMisuse> substance_misuse;
  std::vector<Conviction> convictions;
  std::vector<EducationPlan> education_plans;
};

// How many months after a health assessment on `on` the next is due: 6 under 5, 12 from 5.
int health_review_months(Date born, Date on);
// The first day of reception for a child born on `born` (the first 1 September after their 4th
// birthday), and the last day of their
// year 11 (12 years later, 31 August): the child's school age.
Date reception_starts(Date born);
Date year_eleven_ends(Date born);
// The last day of the school term after the one `day` falls in (terms: autumn from 1 September,
// spring from 1 January, summer from 1 April to 31 August): when the next termly PEP is due.
Date end_of_next_term(Date day);

Result<DomainEvent> health_check_recorded(const Person& child, const HealthCheck& input, Date today);
Result<DomainEvent> immunisations_recorded(const Person& child, const ImmunisationStatus& input, Date today);
Result<DomainEvent> sdq_recorded(const Person& child, const SdqRecord& input, Date today);
Result<DomainEvent> substance_misuse_recorded(const Person& child, const SubstanceMisuse& input, Date today);
Result<DomainEvent> conviction_recorded(const Person& child, const Conviction& input, Date today);
Result<DomainEvent> education_plan_recorded(const Person& child, const EducationPlan& input, Date today);

// The SSDA903 OC2 outcomes of a child for the year ending `year_end` (31 March for the return; any
// day for a dashboard), for a child looked after continuously for the 12 months to it, as the
// validator's rules read that (returns.md): a period of care begun by the year's first day and not
// ended before its last, with no short break (V3, V4) in the year. The flags say what happened in
// those 12 months, with the validator's blanks as none: HEALTH_CHECK only under 5 at the end (rules
// 545, 546); CONVICTED only from 10 (542, 543); INTERVENTION_RECEIVED only with a substance misuse
// problem, and INTERVENTION_OFFERED only when it was not received (158, 159, 192, 193); an SDQ is
// expected when the child was 4 by the end and not yet 17 at the start (186, 188, 189, 197B).
struct Oc2Outcomes {
  std::optional<int> sdq_score;  // the latest SDQ in the year with a score
  std::string sdq_reason;        // else the latest reason given in the year; else empty
  bool sdq_due = false;
  std::optional<bool> convicted;
  std::optional<bool> health_check;  // development checks in the year
  bool immunisations = false;        // up to date by the latest status recorded by the year end
  bool teeth_check = false;
  bool health_assessment = false;
  bool substance_misuse = false;
  std::optional<bool> intervention_received;
  std::optional<bool> intervention_offered;
};
std::optional<Oc2Outcomes> oc2_outcomes(const Person& child, Date year_end);

bool apply_health_event(Person& person, const DomainEvent& event);
std::string describe_health_event(const DomainEvent& event);

}  // namespace safeguard
