// Children looked after: a social worker records a child becoming looked after, each change of
// placement or legal status, and the end of care; a team manager (or a reviewing officer taking a
// child on) appoints the child's independent reviewing officer, who records the looked-after
// reviews. Each is a change to the child's record through PeopleService::change (permission,
// relationship to the child, stale-version check, one transaction, access log); the rules are the
// domain's (domain/care.h).
//
// Thread safety: one instance per request; uses the request's Database.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "app/figures.h"
#include "app/people.h"
#include "app/postcodes.h"
#include "core/clock.h"
#include "core/result.h"
#include "domain/care.h"
#include "domain/user.h"
#include "store/database.h"

namespace safeguard {

// How the council's children in care are doing (for the demo report, dashboards and analysts).
struct CareFigures {
  int64_t looked_after = 0;                // children looked after today
  int64_t started = 0;                     // periods of care started in the 12 months to today
  int64_t ceased = 0;                      // periods of care ended in the 12 months
  int64_t reviews = 0;                     // looked-after reviews held in the 12 months
  int64_t reviews_on_time = 0;             // of them, held by the day they were due
  int64_t health_assessments = 0;          // health assessments due in the 12 months and held
  int64_t health_assessments_on_time = 0;  // of them, by the day they were due
  int64_t went_missing = 0;                // children looked after in the 12 months who went missing in them
  int64_t missing_episodes = 0;            // those children's missing episodes that started in the 12 months
  int64_t at_risk_of_exploitation = 0;     // children whose latest screening found a risk
};

// The children-in-care dashboard: who is looked after today, and how the council did as corporate
// parent in the 12 months to today, with the gaps (reviews and visits overdue today) in view.
struct CareDashboard {
  Date from;  // the first day of the 12 months
  Date to;    // today
  CareFigures figures;
  std::vector<LabelledCount> by_legal_status;  // children looked after today, by SSDA903 LS code
  std::vector<LabelledCount> by_placement;     // today, by kind of placement
  std::vector<LabelledCount> by_age;           // today, by age band
  // Placement stability: the children looked after in the 12 months by how many placements with
  // different carers they had in them ("1", "2", "3 or more").
  std::vector<LabelledCount> by_placements;
  int64_t visits = 0;                      // statutory visits due in the 12 months and made
  int64_t visits_on_time = 0;              // of them, by the day they were due
  int64_t reviews_overdue = 0;             // children whose review is overdue today
  int64_t visits_overdue = 0;              // children whose statutory visit is overdue today
  int64_t health_assessments_overdue = 0;  // children whose health assessment is overdue today
  int64_t education_plans_overdue = 0;     // children whose personal education plan is overdue today
  // The SSDA903 OC2 measures for the children looked after for the whole 12 months to today
  // (domain/health.h oc2_outcomes).
  struct Outcomes {
    int64_t children = 0;           // looked after for the whole 12 months
    int64_t health_assessment = 0;  // with a health assessment in them
    int64_t teeth_check = 0;        // with a dental check in them
    int64_t immunisations = 0;      // with immunisations up to date
    int64_t under_five = 0;         // under 5 today
    int64_t health_check = 0;       // of them, with a development check in the 12 months
    int64_t sdq_due = 0;            // aged 4 to 16 today
    int64_t sdq_score = 0;          // of them, with an SDQ score in the 12 months
    int64_t substance_misuse = 0;   // with a substance misuse problem identified in them
    int64_t ten_or_over = 0;        // 10 or over today
    int64_t convicted = 0;          // of them, convicted in the 12 months          // convicted in them
  } outcomes;
  // Care leavers aged 19 to 21 today (former relevant, domain/care_leaver.h), and what their latest
  // contact in the 12 months said: the national measures.
  struct Leavers {
    int64_t aged_19_to_21 = 0;
    int64_t contacted = 0;  // with a contact in the 12 months
    int64_t in_touch = 0;
    int64_t suitable = 0;           // in accommodation recorded as suitable
    int64_t education_or_work = 0;  // in education, training or employment
  } leavers;
  // Adoption and permanence (domain/adoption.h).
  struct Adoption {
    int64_t to_be_placed = 0;  // children looked after today with a decision to place for adoption
    int64_t matched = 0;       // of them, matched with adopters
    int64_t placed = 0;        // of them, living with their adopters today (A3 to A6)
    int64_t adopted = 0;       // adopted in the 12 months
    int64_t days_to_placed =
        0;  // of them, the days from entering care to moving in with the adopters, summed
    int64_t decisions_ceased = 0;  // decisions in the 12 months that the child should no longer be placed
    int64_t previous_not_recorded = 0;  // children looked after today with no previous permanence recorded
  } adoption;
  // Where the children looked after today are placed (domain/geography.h).
  struct Whereabouts {
    int64_t in_area = 0;
    int64_t out_of_area = 0;
    // The placement's postcode not given or not in the directory, or the council's code not set.
    int64_t area_not_known = 0;
    int64_t distance_known = 0;  // home and placement both located
    int64_t far_from_home = 0;   // of them, more than 20 miles from home
    double miles = 0;            // of them, the miles summed
  } whereabouts;
  int64_t uasc = 0;     // children looked after today who are unaccompanied asylum-seeking children
  int64_t returns = 0;  // returns from missing in the 12 months, of children looked after
  int64_t interviews_offered_in_time = 0;  // of them, a return interview offered within 72 hours
  struct Officer {
    std::string username;
    std::string name;
    int64_t children = 0;         // children looked after today
    int64_t reviews_overdue = 0;  // of them, with a review overdue
  };
  std::vector<Officer> officers;  // reviewing officers, most children first
};

// Whether a looked-after girl is a mother, and when her first child was born: SSDA903 Header MOTHER
// and MC_DOB, derived from her relationships (she is recorded as the parent of a child born), never
// typed. MOTHER is returned for girls only; a boy or a girl with no child born is not a mother.
struct Motherhood {
  bool mother = false;
  std::optional<Date> first_child_born;
};
Motherhood motherhood_of(const PersonRecord& record);

// Team managers, performance analysts, reviewing officers and inspectors see the council's figures.
bool can_see_care_figures(const User& user);

class LookedAfterService {
 public:
  LookedAfterService(Database& db, const Clock& clock) : db_(db), clock_(clock), people_(db, clock) {}

  // Each returns the record's new version.
  Result<int64_t> start(const User& user, int64_t person_id, int64_t expected_version,
                        const StartOfCare& start, const Channel& channel);
  Result<int64_t> change(const User& user, int64_t person_id, int64_t expected_version,
                         const ChangeOfCare& change, const Channel& channel);
  Result<int64_t> end(const User& user, int64_t person_id, int64_t expected_version, Date on,
                      const std::string& reason, const Channel& channel);
  // `officer` is the username of an active user with the reviewing officer role.
  Result<int64_t> appoint_reviewing_officer(const User& user, int64_t person_id, int64_t expected_version,
                                            const std::string& officer, const Channel& channel);
  // Reviewing officers only; the review's chair is the user. Period 0 is the child's latest.
  Result<int64_t> record_review(const User& user, int64_t person_id, int64_t expected_version,
                                int64_t period_id, const LookedAfterReviewInput& input,
                                const Channel& channel);

  // The child is an unaccompanied asylum-seeking child from `from`, until `ceased_on` if given
  // (domain/asylum.h); recording again corrects it.
  Result<int64_t> record_uasc(const User& user, int64_t person_id, int64_t expected_version, Date from,
                              std::optional<Date> ceased_on, const Channel& channel);

  // Each user's Social Work England registration number by username (those who have one): the
  // SW_ID of the SSDA903 social worker episodes.
  std::map<std::string, std::string> registrations();

  // Locates placements against the child's home and the council's area (app/postcodes.h).
  PlacementLocator placement_locator() { return PlacementLocator(db_, clock_); }

  // The active reviewing officers, by name: the choices for an appointment.
  std::vector<User> reviewing_officers();

  // The children-in-care dashboard today, from the read models and the deadline engine; for a user
  // who may see the council's figures.
  Result<CareDashboard> dashboard(const User& user);
  // The headline figures alone (the demo's report).
  Result<CareFigures> figures();

 private:
  Result<CareDashboard> council_figures();

  Database& db_;
  const Clock& clock_;
  PeopleService people_;
};

}  // namespace safeguard
