// One household of the synthetic council, planned before anything is recorded: who lives there and
// who else the council knows of (an absent father, a grandmother), what is known about each when the
// family first comes to the front door, and what happens to the record afterwards (a birth, a move,
// a marriage, a correction, a death), each as an action at a simulated moment. The family's contacts
// with the front door, from the first one on, and what the front door, its managers and the MASH
// partners do with each, are planned by front_door_plan.h into the same list of actions, and a
// child's time in care by care_plan.h.
//
// Planning is pure: the same seed, household number and context give the same plan, with no I/O.
// council.cc sorts every household's actions by time and records them through the app's use cases,
// so this file decides what a realistic record looks like and council.cc only plays it.
//
// Within a household, actions are in time order and life events fall on distinct days after the
// first contact, so every person's events are appended in time order and every date passes the
// domain's checks at the moment it is recorded (an unborn child's expected date within 42 weeks, a
// move starting after the current address, nothing in the future). Nothing is planned at or after
// the moment the history ends (PlanContext::now): work still in hand then is left undone.
//
// Thread safety: plan_household uses the IdentifierPool it is given; one thread at a time.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <unordered_set>
#include <vector>

#include "app/people.h"
#include "core/calendar.h"
#include "core/date.h"
#include "domain/care.h"
#include "domain/contact.h"
#include "domain/person.h"
#include "synth/names.h"
#include "synth/places.h"
#include "synth/random.h"

namespace safeguard::synth {

// Hands out NHS numbers and UPNs no one else in the council has: the service refuses a duplicate,
// and two synthetic children sharing an NHS number would be a false match for every test of it.
class IdentifierPool {
 public:
  // A valid NHS number in the range the NHS keeps for testing (999 000 0000 to 999 999 9999).
  std::string nhs_number(Rng& rng);
  // A valid UPN issued by `la_number` when a child born on `born` started school.
  std::string upn(Rng& rng, std::string_view la_number, Date born);

 private:
  std::unordered_set<std::string> used_;
};

struct Member {
  std::string label;  // what the person is in the household, for messages: "mother", "child 2"
  Heritage heritage = Heritage::kBritish;
  char sex = 'F';  // their real sex, recorded at birth for an unborn child
  Date born;       // their real date of birth (in the future for a child not yet born)
  bool child = false;
  bool resident = false;
  bool recorded_unborn = false;  // recorded before birth (given a name and sex when born)
  bool unaccompanied = false;    // an unaccompanied asylum-seeking child, looked after from arriving
  int father_group = -1;         // children: who their father is (see Household::fathers); -1 unknown
  std::string family;            // adults: their family's surname, in its masculine form where it has one
  std::string given_forename;    // children recorded unborn: the names they are given at birth
  std::string given_middle;
  std::string true_surname;  // the surname they really carry (a typo may be recorded at first)
  NewPersonInput input;      // as first recorded, typing errors and all
};

enum class ActionKind {
  kRecord,         // create the member
  kRelate,         // on the member's record, `other` is their `code` from `date`
  kMove,           // the member moved to addresses[address] on `date`
  kChangeName,     // the member's surname changed to `text` on `date` (marriage)
  kCorrect,        // the member's `code` field ("forename", "surname", "date_of_birth") was wrong
  kNameAtBirth,    // an unborn child's `name`, given at birth (a correction of the record)
  kBirth,          // an unborn child was born on `date`, sex `code`
  kDeath,          // the member died on `date`
  kAddIdentifier,  // identifier `code` with value `text` became known
  // The front door's work on contacts[contact] (front_door_plan.h):
  kContact,    // recorded by front door worker `worker`, who holds it
  kEnquiry,    // the MASH enquiry opened by `worker`
  kAnswer,     // agency `code` answers `text`, as that agency's partner user `worker`
  kDecide,     // `worker` decides `decision` for the child `member`
  kAuthorise,  // manager `worker` authorises the decision for `member`, with the note `text`
  kReturn,     // manager `worker` returns the decision for `member` to the worker, with the note `text`
  // The end of the member's open Children in Need episode on `date`, reason `code` (RC1-RC9), by
  // manager `worker` (front_door_plan.h models how long episodes last).
  kCloseEpisode,
  // Manager `worker` allocates the member (with an open episode) to social worker `holder` from
  // `date`, reason `code` (SW_REASON: FCONTA for the first allocation of an episode).
  kAllocate,
  kStartAssessment,      // the holder starts the member's single assessment on `date`
  kChildSeen,            // the holder saw the member for it on `date` (`code` "alone" if alone)
  kSubmitAssessment,     // the holder writes it up (outcome `code`, factors `text` comma-separated,
                         // reason: the child's views and the analysis, split by '|') and sends it
  kAuthoriseAssessment,  // manager `worker` authorises it on `date`
  // Child protection and plans (front_door_plan.h), by the holder unless it says a manager:
  kStrategyDiscussion,    // held on `date`, decision `code`, reasons `text`
  kConcludeEnquiry,       // the latest enquiry concluded on `date` with outcome `code`, findings `text`
  kConference,            // its initial conference on `date`, chaired by `text`; a plan of category `code`
                          // (empty: no plan)
  kStartChildInNeedPlan,  // a child in need plan from `date`
  kWritePlan,      // the open plan of type `code` gets actions `text` (indices, comma-separated), due `date`
  kAuthorisePlan,  // manager `worker` authorises the open plan of type `code`
  kCoreGroup,      // the child protection plan's core group meets on `date`
  kReviewPlan,     // the open plan of type `code` reviewed on `date`, chaired by `text`; ends with
                   // reason `reason` if not empty
  kEndPlan,        // manager `worker` ends the open plan of type `code` on `date`, reason `reason`
  kVisit,          // a visit on `date`: `code` "alone", "seen" or "unseen"; words `text` (an index)
  kSupervise,      // manager `worker` supervises the case on `date`; words `text` (an index)
  // Children looked after (care_plan.h), by the holder unless it says otherwise:
  kStartCare,   // the member becomes looked after on `date`: legal status `code`, category of need
                // `reason`, in `placement`
  kChangeCare,  // on `date`: legal status `code` (empty: unchanged) and/or `placement`; the old
                // placement ended for `reason` (REASON_PLACE_CHANGE)
  kEndCare,     // care ends on `date` for `code` (REC)
  kAppointReviewingOfficer,  // manager `worker` appoints reviewing officer `officer`
  kCareReview,               // reviewing officer `officer` holds a review on `date`: participation `code`,
                             // permanence plan `reason`, decisions `text` (an index)
  kGoMissing,                // the member went missing (`code` M) or away (A) on `date`
  kComeBack,            // the member's latest missing episode ended on `date`; where found `text` (an index)
  kReturnInterview,     // offered on `date`; `code` "accepted" (held on `held_on`, findings `text`, an
                        // index) or "declined"
  kScreenExploitation,  // on `date`: risk `code`, kinds `text` ("sexual", "criminal", both
                        // comma-separated, or empty), summary `reason` (an index)
  kHealthCheck,         // a health check of kind `code` on `date`, findings `text` (an index); when
                        // `reason` is "yes" or "no", immunisations up to date or not as at that day
  kSdq,                 // an SDQ on `date`: `code` the score, or the reason there is none (SDQ2..SDQ5)
  kEducationPlan,       // a personal education plan meeting on `date`, the plan `text` (an index)
  kSubstanceMisuse,     // identified on `date`, `text` (an index); intervention `code` "", "offered",
                        // "received"
  kConviction,          // on `date`, offence `text` (an index)
  // Adoption and permanence (care_plan.h), by the holder:
  kDecideAdoption,      // the decision on `date` that the child should be placed for adoption, reasons
                        // `text` (an index)
  kMatchAdoption,       // matched on `date` with adopters `code` (SEX_ADOPTR), relationship `reason`
  kCeaseAdoption,       // on `date` the child should no longer be placed for adoption, reason `code`
  kPreviousPermanence,  // for the period of care just begun: PREV_PERM `code`, LA_PERM `text`, DATE_PERM
                        // `reason` (an ISO date of which the day, or the day and month, may be missing)
  // Leaving care (care_plan.h), by the holder, who says why they open the record once the episode
  // has closed:
  kPathwayPlan,        // the needs assessment and pathway plan, or a review, on `date`: the plan `text`
                       // (an index)
  kAppointAdviser,     // manager `worker` appoints social worker `officer` as the personal adviser
  kCareLeaverContact,  // a contact on `date`: IN_TOUCH `code`, ACTIV and ACCOM `reason` ("F2,U1"), notes
                       // `text` (an index)
  kUasc,               // the member is an unaccompanied asylum-seeking child from `date` (care_plan.h)
};

struct Action {
  ActionKind kind = ActionKind::kRecord;
  Timestamp at;
  int member = 0;
  int other = -1;
  int address = -1;
  std::string code;
  std::string text;
  std::string reason;
  std::optional<Date> date;
  PersonName name;
  // Who records it: a front door worker, or a social worker who first says why they need the record.
  // Front door actions: a front door worker, a manager or a partner of the agency, by kind.
  bool by_social_worker = false;
  int worker = 0;                      // index into that pool
  int contact = -1;                    // front door actions: index into Household::contacts
  int holder = -1;                     // kAllocate: index into the social workers
  DecisionInput decision;              // kDecide
  int officer = -1;                    // care: index into the reviewing officers
  std::optional<Placement> placement;  // kStartCare, kChangeCare
  std::optional<Date> held_on;         // kReturnInterview
};

// A MASH partner agency's part in a contact's enquiry.
struct PlannedRequest {
  std::string agency;
  Timestamp due_at;
  std::optional<Timestamp> answered_at;  // none: not answered before the history ends
};

// A child's final decision on a contact (after any return to the worker).
struct PlannedDecision {
  std::string outcome;
  Timestamp decided_at;               // when the final decision was made
  std::optional<Timestamp> final_at;  // when it became final; none: not before the history ends
  bool returned = false;              // a manager returned an earlier decision
};

// A contact as the front door hears it, and what becomes of it.
struct PlannedContact {
  ContactInput input;         // children and adults empty: `children` and `adults` name the members
  std::vector<int> children;  // members
  std::vector<int> adults;    // members
  std::string concern;        // what it is about, for messages ("domestic abuse")
  Timestamp recorded_at;
  bool enquiry = false;
  MashEnquiryInput enquiry_input;  // children empty: all the contact's children are shared
  Timestamp enquiry_at;
  std::vector<PlannedRequest> requests;
  std::vector<PlannedDecision> decisions;  // one per child; empty when none is made in the history
};

struct Household {
  int64_t number = 0;
  std::vector<Member> members;
  std::vector<int> fathers;  // father group -> member index, -1 when the father is not recorded
  std::vector<PlannedAddress> addresses;
  std::vector<PlannedContact> contacts;  // in the order they were received
  std::vector<Action> actions;           // in time order
};

struct PlanContext {
  uint64_t seed = 1;
  Date first_day;  // the first day of the generated history
  Date last_day;   // the last day anything is recorded on (the day before "now")
  const WorkingDayCalendar* calendar = nullptr;
  std::string la_number = "926";
  Timestamp now;  // the moment the history ends: nothing is planned at or after it
  int front_door_workers = 1;
  int social_workers = 1;       // who hold children's cases
  int reviewing_officers = 1;   // independent reviewing officers of children looked after
  int managers = 1;             // team managers who authorise front door decisions
  int partners_per_agency = 1;  // MASH partner users of each agency
  // The chance that a household also has a contact in the last few working days before `now`, so
  // that even a small council has live work in the front door's queue.
  double recent_contact_chance = 0;
  // The chance that a household is an unaccompanied asylum-seeking child arriving alone (about 9%
  // of children looked after nationally, almost all 16 or 17, most of them boys).
  double unaccompanied_chance = 0;
};

Household plan_household(const PlanContext& context, int64_t number, IdentifierPool& identifiers);

}  // namespace safeguard::synth
