// The single (continuous) assessment of a child in need: started within a Children in Need
// episode, the child seen (and seen alone), the child's own views in their words, the factors
// identified (DfE AssessmentFactors), the social worker's analysis and the recommended outcome;
// then submitted and authorised by a team manager (CIN census AssessmentActualStartDate and
// AssessmentAuthorisationDate), or returned for more work. Authorisation is due 45 working days
// after the referral (rules/child_deadlines.h).
//
// Each factory checks the CIN census rules that apply at entry time and says which field is wrong:
// an assessment starts on or after its episode's referral date (1103) and not on a referral marked
// no further action (8831); one assessment at a time in an episode; it is authorised on or after
// its start (8608); factor 21 "no factors identified" stands alone (8869).
//
// Events go on the child's stream and fold into Person (person.h) through apply_assessment_event.
//
// Thread safety: values and pure functions.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/date.h"
#include "core/result.h"
#include "domain/event.h"

namespace safeguard {

struct Person;

inline constexpr size_t kAssessmentTextMaxLength = 50000;

// A time the child was seen during the assessment.
struct ChildSeen {
  Date on;
  bool alone = false;
};

// What the worker has written: saved as often as they like until it goes for authorisation.
struct AssessmentContent {
  std::string child_views;           // the child's own words, or for a baby what was observed
  std::vector<std::string> factors;  // codes(kAssessmentFactor), sorted, no duplicates
  std::string analysis;
  std::string outcome;  // codes(kAssessmentOutcome); empty until decided
};

struct Assessment {
  int64_t id = 0;  // within the person's record, from 1
  int64_t episode_id = 0;
  Date started_on;
  std::vector<ChildSeen> seen;  // in date order
  AssessmentContent content;
  std::optional<Date> submitted_on;  // waiting for a manager from this day; cleared when returned
  std::string submitted_by;
  std::optional<Date> authorised_on;  // the CIN census AssessmentAuthorisationDate
  std::string authorised_by;
  std::string returned_because;  // the manager's reason, when last returned

  bool is_authorised() const { return authorised_on.has_value(); }
  bool awaits_authorisation() const { return submitted_on.has_value() && !authorised_on; }
};

// The assessment with this id, or nullptr.
const Assessment* find_assessment(const Person& child, int64_t assessment_id);
// The episode's assessment not yet authorised, if any (one at a time).
const Assessment* open_assessment(const Person& child, int64_t episode_id);

// Starts an assessment in the child's open episode on `started_on` (not before the referral, not
// in the future).
Result<DomainEvent> assessment_started(const Person& child, Date started_on, Date today);

// The child seen on `on` (on or after the start, not in the future), alone or not.
Result<DomainEvent> child_seen_for_assessment(const Person& child, int64_t assessment_id, Date on, bool alone,
                                              Date today);

// Saves the assessment's content; refused once it is waiting for a manager or authorised. Factors
// are checked and normalised (sorted, duplicates dropped).
Result<DomainEvent> assessment_recorded(const Person& child, int64_t assessment_id,
                                        AssessmentContent content);

// What is missing before an assessment can go for authorisation, one line each (empty when none):
// the child seen (unless unborn), their views, the factors, the analysis and the outcome.
std::vector<std::string> assessment_gaps(const Person& child, const Assessment& assessment);

// Sends a complete assessment to a manager on `on`.
Result<DomainEvent> assessment_submitted(const Person& child, int64_t assessment_id, Date on,
                                         const std::string& by, Date today);

// A manager returns a submitted assessment for more work, saying why.
Result<DomainEvent> assessment_returned(const Person& child, int64_t assessment_id,
                                        const std::string& reason);

// A manager authorises a submitted assessment on `on` (on or after its start and its submission,
// not in the future). This is the assessment's completion in the CIN census.
Result<DomainEvent> assessment_authorised(const Person& child, int64_t assessment_id, Date on,
                                          const std::string& by, Date today);

// Folds an assessment event into a person; false if the event is not one.
bool apply_assessment_event(Person& person, const DomainEvent& event);

// The chronology line for an assessment event; empty if it is not one.
std::string describe_assessment_event(const DomainEvent& event);

}  // namespace safeguard
