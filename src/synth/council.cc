// Playing the synthetic council: demo users first, then every household's planned actions
// (household.h, front_door_plan.h) in the order of simulated time across the whole council, each
// through the same use case a worker's entry goes through (as a front door worker, a social worker,
// a manager or a MASH partner), with a FixedClock set to the action's moment. A use case that
// refuses an action is a defect of the generator, not bad luck: generation stops and returns the
// error, naming the household, person and action.
//
// A household's first contact is recorded just after its people: the worker has created each of
// them (having seen the likely matches) and then records the contact about them.
// FrontDoorService::record could create them itself (new_children, new_adults), but it searches for
// likely matches for every new person even when the worker has seen them, which costs 3-7 ms a
// person at the council scale, four minutes in all.
#include "synth/council.h"

#include <algorithm>
#include <map>
#include <span>
#include <utility>

#include "app/administration.h"
#include "app/adoption.h"
#include "app/assessments.h"
#include "app/auth.h"
#include "app/care_leavers.h"
#include "app/front_door.h"
#include "app/health.h"
#include "app/looked_after.h"
#include "app/missing.h"
#include "app/people.h"
#include "app/postcodes.h"
#include "app/protection.h"
#include "app/settings.h"
#include "app/visits.h"
#include "core/calendar.h"
#include "core/clock.h"
#include "core/text.h"
#include "domain/user.h"
#include "store/casework_read_model.h"
#include "store/contact_read_model.h"
#include "store/event_log.h"
#include "store/people_read_model.h"
#include "synth/household.h"
#include "synth/names.h"
#include "synth/random.h"

namespace safeguard::synth {

std::optional<Scale> parse_scale(std::string_view text) {
  if (text == "small") return Scale::kSmall;
  if (text == "council") return Scale::kCouncil;
  if (text == "large") return Scale::kLarge;
  return std::nullopt;
}

namespace {

// The words of protection work, plans, visits and supervision: made up, never anyone's real case.
constexpr std::string_view kOfficers[] = {"Sam Reeve", "Priya Shah", "Tom Hollis", "Ewa Nowak"};
constexpr std::string_view kNurses[] = {"Health visitor Jo Dunn", "School nurse Amy Clarke", "Dr Ravi Patel"};

struct PlanWords {
  std::string_view what, who, outcome;  // the outcome follows the child's name
};
constexpr PlanWords kPlanWords[] = {
    {"Weekly sessions with the family support worker on routines and boundaries", "Family support worker",
     " gets to school on time and has breakfast first"},
    {"Mother attends the domestic abuse recovery programme", "Mother, with the women's aid worker",
     " no longer sees or hears violence at home"},
    {"Referral to the mental health support team in school", "Designated safeguarding lead",
     " has an adult at school to talk to about how they feel"},
    {"Father completes the parenting course and drug testing", "Father, with the substance misuse service",
     " is cared for by a sober adult every evening"},
    {"Health visitor checks weight and development monthly", "Health visitor",
     " is gaining weight and meeting milestones"},
    {"Social worker sees the child alone at each visit to hear their wishes", "Allocated social worker",
     " says they feel safe and listened to"},
};

struct VisitWords {
  std::string_view present, said, saw, unseen;
};
constexpr VisitWords kVisitWords[] = {
    {"Mother", "I like it better now mum and dad don't shout.",
     "The home was warm and tidy; food in the fridge.",
     "No answer at the door; a card was left and the school was asked to confirm attendance."},
    {"Mother and her partner", "I'm worried about my little brother when I'm at school.",
     "The children's bedroom had bunk beds with clean bedding.",
     "Mother said the child was at their grandmother's; a visit is arranged for next week."},
    {"Grandmother", "School is OK. I've got a new friend called Jay.",
     "The child was relaxed and showed me their drawings.",
     "The family were not at home; the police were asked to do a welfare check."},
    {"Father", "Dad makes my tea now. I miss mum.", "The flat was cold; the meter had run out.",
     "The child was asleep and mother asked me not to wake them."},
    {"Both parents", "I don't want to talk about it today.",
     "The child was quiet and stayed close to mother.", "Mother cancelled by text an hour before."},
    {"Older sister", "Can I still go to football on Saturdays?", "There were empty bottles in the kitchen.",
     "No one at home; neighbours said the family were away for the weekend."},
};

struct SupervisionWords {
  std::string_view discussion, decisions, actions;
};
constexpr SupervisionWords kSupervisionWords[] = {
    {"Progress on the plan; the child's views from the last two visits.", "The plan continues unchanged.",
     "Social worker to see the child alone at school before the next review."},
    {"School attendance has dropped to 82%.", "Ask the core group to meet sooner.",
     "Social worker to speak to the education welfare officer this week."},
    {"Mother's new partner has moved in.", "Checks on the partner with the police and probation.",
     "Manager to chase the police check; social worker to meet the partner."},
    {"The assessment's analysis and the risks that remain.", "Step down is not yet safe.",
     "Review the plan's actions with the family."},
    {"Drift: two visits were missed this month.", "Visits to be weekly until the review.",
     "Social worker to book visits in the diary now."},
    {"The child's wish to see their father.", "Supervised contact to start at the family centre.",
     "Social worker to refer for supervised contact."},
};

// The words of a child's time in care: reviews' decisions, visits to the placement, where a missing
// child was found, what they said at the return interview, and screenings' summaries.
constexpr std::string_view kCareReviewDecisions[] = {
    "The placement meets the child's needs and continues; contact with mother stays fortnightly.",
    "Health assessment to be booked this month; the PEP to add tuition in maths.",
    "The child wants more time with their brother: sibling contact to increase to weekly.",
    "The permanence plan is confirmed; the later life letter to be started.",
    "The child's wish to stay with their carers is recorded; a long-term match to be presented to panel.",
    "Concerns about missing episodes: a safety plan with the carers and the police.",
    "The child is settled at school; the designated teacher reports good progress.",
    "The pathway plan to start at 15 and a half, with the child's personal adviser introduced."};
constexpr VisitWords kCareVisitWords[] = {
    {"Foster carer", "I like it here. Can I have a sleepover for my birthday?",
     "The child's room was personalised with photos of their family.",
     "The child was at a school trip; the carer was seen and a visit rebooked for Friday."},
    {"Key worker", "Staff are alright. I want to see my mum more.",
     "The home was calm; the child showed me their college application.",
     "The child was out with friends; the key worker confirmed they were safe."},
    {"Foster carers", "I got a merit at school this week.",
     "The child was relaxed and chatty with the carers.",
     "The carers cancelled: the child was unwell; a call was made to the child instead."},
    {"Grandmother", "Nan's house is home now.", "Good routines: homework at the table after tea.",
     "No one was at home; the grandmother rang back to rearrange."},
    {"Support worker", "I'm managing my money better.", "The flat was clean; food in the cupboards.",
     "The young person did not answer; the support worker was asked to check on them."},
    {"", "I don't want to move again.",
     "The child was worried about the review and asked who would be there.",
     "The child refused to come out of their room; the carer passed on a note."},
};
constexpr std::string_view kWhereFound[] = {"Found by the police at a friend's house in the town",
                                            "Came back by themself in the early hours",
                                            "Found at their mother's address",
                                            "Seen in the town centre by staff and brought back",
                                            "Found by the police at a railway station",
                                            "With an older boyfriend; collected by the police"};
constexpr std::string_view kInterviewFindings[] = {
    "Went to see friends and lost track of time; no concerns about who they were with.",
    "Went to mother's house because they miss her; wants more contact.",
    "Says older young people gave them a lift and cannabis; names shared with the police.",
    "Was upset after an argument with staff about phone time; agreed a plan for next time.",
    "Stayed with a boyfriend who is 19; concerns of sexual exploitation raised with the police.",
    "Was asked to carry a package to another town; a referral to the national referral mechanism."};
constexpr std::string_view kScreeningSummaries[] = {
    "Repeated missing episodes, unexplained money and a new phone; older associates in the town.",
    "Links to a county line reported by the police; found out of area twice.",
    "An older boyfriend and gifts; the child does not see it as exploitation.",
    "No indicators found: missing to see family, and the child talks openly about where they go."};
// The words of a child's health and education in care.
constexpr std::string_view kHealthFindings[] = {
    "Well and growing as expected; the health plan continues.",
    "Eczema managed with creams; the carer to book an optician's appointment.",
    "Asthma reviewed: inhaler technique good. Referred to the school nurse about sleep.",
    "Weight above the healthy range: a plan for activity and meals agreed with the carer.",
    "Speech and language referral made; hearing test booked.",
    "Anxiety at night: a referral to the children's mental health service agreed with the child."};
constexpr std::string_view kEducationPlanWords[] = {
    "Attendance 96%. Reading below age: daily reading with the carer and a tutor twice a week.",
    "Settled in class and making friends. Target: times tables to 10; pupil premium plus for a tutor.",
    "Two fixed-term exclusions this term: a support plan with the designated teacher and a mentor.",
    "On track in English and maths. Wants to join the football club: the school to fund the kit.",
    "Exam year: revision sessions after school; careers advice booked for college applications.",
    "Part-time timetable while settling after the move; full time by half term is the goal."};
constexpr std::string_view kAdoptionReasons[] = {
    "The parents cannot meet the child's needs now or within the child's timescales; no family "
    "member was assessed as able to care for the child.",
    "Assessments of the mother and of the maternal grandparents were negative; the child needs a "
    "permanent family and adoption offers the security of a lifelong one.",
    "The parents agree that the child should be adopted; the birth family will be told of the "
    "child's progress through letterbox contact.",
    "Siblings were adopted in earlier proceedings; the risks that led to that are unchanged.",
};
constexpr std::string_view kPathwayPlanWords[] = {
    "Wants to stay near college: supported lodgings at 18, then a flat. Budgeting course booked; the "
    "personal adviser to help with the bursary forms.",
    "Staying put with the foster carers until 21 while at college; driving lessons from the leaving "
    "care grant. Health: registered with a GP and dentist.",
    "Looking for an apprenticeship in catering: the adviser to go with them to the jobs fair. Contact "
    "with their sister every fortnight; counselling continues.",
    "Settled in a council flat: the setting-up-home allowance paid. Not in work: a referral to the "
    "youth employment service; the adviser visits monthly.",
    "At university from September: accommodation for the holidays agreed, the higher education "
    "bursary and the care leaver covenant discounts arranged.",
    "Pregnant: midwife and family nurse partnership involved; a tenancy with support near their "
    "grandmother; the adviser to see them every two weeks.",
};
constexpr std::string_view kContactNotes[] = {
    "Met for coffee near the flat: managing the rent, bored without work; we looked at courses.",
    "Visited at home: tidy and well stocked; college going well, worried about money at Christmas.",
    "Phoned and then met: moving in with a partner next month; talked about the tenancy and benefits.",
    "Saw them at the foster carers': still staying put, working weekends at the garden centre.",
    "Met at the jobcentre: sanctioned last month; agreed to ask for a hardship payment together.",
    "Video call from university: settled, enjoying the course, coming home for the holidays.",
};
constexpr std::string_view kSubstanceNotes[] = {
    "Cannabis most days with older friends; the young person wants to cut down.",
    "Drinking at weekends and coming home drunk; the carers worried about safety.",
    "Vaping and cannabis; linked to missing episodes.",
    "Using ketamine at parties; the young person says it is under control."};
constexpr std::string_view kOffences[] = {
    "Theft from a shop: a referral order.", "Criminal damage: a youth caution became a referral order.",
    "Possession of cannabis with intent to supply: a youth rehabilitation order.",
    "Assault: a referral order with reparation.", "Robbery: a youth rehabilitation order with supervision."};

// The LA number of the council's UPNs (Norfolk's). CouncilOptions has no field for it yet.
constexpr std::string_view kLaNumber = "926";
// Service calls share one transaction in batches of this many actions: each call's own
// transaction becomes a savepoint, so a batch costs one commit.
constexpr size_t kActionsPerTransaction = 400;
// How many children the inspector's sample holds.
constexpr size_t kInspectionSample = 20;

// The share of households that are an unaccompanied asylum-seeking child arriving alone: 360 of the
// council scale's 18,000 in six years, about 60 a year (data-and-volumes.md 4.8: UASC are about 9%
// of children looked after, and stay from 16 or 17 to 18).
constexpr double kUnaccompaniedPerHousehold = 0.02;

int64_t households_for(Scale scale) {
  // Households average about two children known to the council, some of whom grow up during the
  // six years: the council scale gives about 30,000 children and 70,000-80,000 people in all.
  switch (scale) {
    case Scale::kSmall:
      return 100;
    case Scale::kCouncil:
      return 18000;
    case Scale::kLarge:
      return 36000;
  }
  return 100;
}

struct StaffMember {
  std::string_view username;
  std::string_view display_name;
  Role role;
  std::string_view team;
  std::string_view agency;
};

// One demo user for every role (a MASH partner for each agency of the hub), with the usernames the
// README tells people to sign in with.
constexpr StaffMember kDemoStaff[] = {
    {"frontdoor", "Hannah Mercer", Role::kFrontDoorSocialWorker, "Front door (CADS)", ""},
    {"police", "Mark Ellison", Role::kMashPartner, "MASH", "police"},
    {"health", "Priya Nair", Role::kMashPartner, "MASH", "health"},
    {"education", "Tom Whitfield", Role::kMashPartner, "MASH", "education"},
    {"probation", "Karen Doyle", Role::kMashPartner, "MASH", "probation"},
    {"housing", "Imran Shah", Role::kMashPartner, "MASH", "housing"},
    {"socialworker", "Jess Hartley", Role::kSocialWorker, "Assessment team north", ""},
    {"manager", "Rachel Osei", Role::kTeamManager, "Assessment team north", ""},
    {"iro", "David Lowe", Role::kIndependentReviewingOfficer, "Independent reviewing service", ""},
    {"analyst", "Ben Cartwright", Role::kPerformanceAnalyst, "Performance", ""},
    {"complaints", "Sue Marsh", Role::kComplaintsOfficer, "Complaints", ""},
    {"fostering", "Amy Fielding", Role::kFosteringSocialWorker, "Fostering", ""},
    {"inspector", "Claire Whitmore", Role::kInspector, "Ofsted inspection", ""},
    {"admin", "Gary Lister", Role::kAdministrator, "Systems administration", ""},
};

// Further staff at each scale, with synthetic names.
struct StaffNumbers {
  int front_door;
  int social_workers;
  int managers;  // of the casework teams
  int reviewing_officers;
  int front_door_managers;  // who authorise the front door's decisions, with the demo manager
  int partners;             // more MASH partners for each of police, health and education
};

StaffNumbers further_staff(Scale scale) {
  switch (scale) {
    case Scale::kSmall:
      return {2, 3, 0, 1, 1, 0};
    case Scale::kCouncil:
      return {8, 260, 3, 17, 2, 1};  // about 60 children in care for each reviewing officer
    case Scale::kLarge:
      return {10, 520, 3, 35, 3, 2};
  }
  return {2, 3, 0, 1, 1, 0};
}

constexpr std::string_view kFrontDoorTeam = "Front door (CADS)";
constexpr std::string_view kDemoManager = "manager";

constexpr std::string_view kCaseworkTeams[] = {"Assessment team north", "Assessment team south",
                                               "Assessment team west", "Children in care team"};

struct Workforce {
  std::vector<User> front_door;
  std::vector<User> social_workers;
  std::vector<User> reviewing_officers;               // the demo reviewing officer first
  std::vector<User> managers;                         // who authorise front door decisions
  std::map<std::string, std::vector<User>> partners;  // by agency
  User analyst;                                       // who reads the front door's figures
  std::vector<DemoUser> users;                        // the demo users, one for every role
  int64_t further_staff = 0;                          // with synthetic names
};

bool is_ascii_letters(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(),
                                   [](char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); });
}

// The demo users, then further staff with synthetic names so that records are not all made by one
// person. Usernames are "forename.surname", made unique with a number.
Result<Workforce> add_workforce(AuthService& auth, const CouncilOptions& options) {
  Workforce w;
  std::map<std::string, int> taken;
  int registered = 0;
  const auto add = [&](const std::string& username, const std::string& display_name, Role role,
                       std::string_view team, std::string_view agency) -> Status {
    auto user = auth.add_user("generator", username, display_name, role_code(role), team, agency,
                              options.demo_password);
    if (!user) {
      Error e = user.error();
      e.message = "Could not add the demo user " + username + ": " + e.message;
      return e;
    }
    // Registered social workers have a (synthetic) Social Work England number.
    if (role == Role::kFrontDoorSocialWorker || role == Role::kSocialWorker || role == Role::kTeamManager ||
        role == Role::kIndependentReviewingOfficer) {
      user->registration = "SW" + std::to_string(110000 + 37 * ++registered);
      if (Status s = auth.set_registration("generator", username, user->registration); !s) return s;
    }
    if (role == Role::kFrontDoorSocialWorker) w.front_door.push_back(*user);
    if (role == Role::kSocialWorker) w.social_workers.push_back(*user);
    if (role == Role::kIndependentReviewingOfficer) w.reviewing_officers.push_back(*user);
    if (role == Role::kTeamManager && (username == kDemoManager || team == kFrontDoorTeam))
      w.managers.push_back(*user);
    if (role == Role::kMashPartner) w.partners[user->agency].push_back(*user);
    if (role == Role::kPerformanceAnalyst) w.analyst = *user;
    if (w.users.size() < std::size(kDemoStaff)) {
      w.users.push_back({user->username, user->display_name, std::string(role_code(role)), user->team_name});
    } else {
      ++w.further_staff;
    }
    taken[username] = 1;
    return Status::success();
  };
  for (const StaffMember& s : kDemoStaff) {
    if (Status st = add(std::string(s.username), std::string(s.display_name), s.role, s.team, s.agency);
        !st) {
      return st.error();
    }
  }
  Rng rng(options.seed, 0, Purpose::kWorkforce);
  const auto synthetic = [&](Role role, std::string_view team, std::string_view agency = "") -> Status {
    std::string forename_text;
    std::string surname_text;
    for (int attempt = 0; attempt < 50; ++attempt) {
      static constexpr Heritage kStaff[] = {Heritage::kBritish, Heritage::kBritish,  Heritage::kBritish,
                                            Heritage::kBritish, Heritage::kBritish,  Heritage::kBritish,
                                            Heritage::kIrish,   Heritage::kAfrican,  Heritage::kCaribbean,
                                            Heritage::kIndian,  Heritage::kPakistani};
      const Heritage heritage = rng.pick(std::span<const Heritage>(kStaff));
      const char sex = rng.chance(0.8) ? 'F' : 'M';  // most children's social workers are women
      forename_text = forename(rng, heritage, sex, rng.between(1965, 1999));
      surname_text = family_surname(rng, heritage);
      if (is_ascii_letters(forename_text) && is_ascii_letters(surname_text)) break;
    }
    std::string username = to_lower_ascii(forename_text) + "." + to_lower_ascii(surname_text);
    if (auto it = taken.find(username); it != taken.end()) username += std::to_string(++it->second);
    return add(username, forename_text + " " + surname_text, role, team, agency);
  };
  const StaffNumbers more = further_staff(options.scale);
  for (int i = 0; i < more.front_door; ++i) {
    if (Status s = synthetic(Role::kFrontDoorSocialWorker, kFrontDoorTeam); !s) return s.error();
  }
  for (int i = 0; i < more.social_workers; ++i) {
    if (Status s = synthetic(Role::kSocialWorker,
                             kCaseworkTeams[static_cast<size_t>(i) % std::size(kCaseworkTeams)]);
        !s) {
      return s.error();
    }
  }
  for (int i = 0; i < more.managers; ++i) {
    if (Status s = synthetic(Role::kTeamManager,
                             kCaseworkTeams[static_cast<size_t>(i + 1) % std::size(kCaseworkTeams)]);
        !s) {
      return s.error();
    }
  }
  for (int i = 0; i < more.reviewing_officers; ++i) {
    if (Status s = synthetic(Role::kIndependentReviewingOfficer, "Independent reviewing service"); !s)
      return s.error();
  }
  for (int i = 0; i < more.front_door_managers; ++i) {
    if (Status s = synthetic(Role::kTeamManager, kFrontDoorTeam); !s) return s.error();
  }
  for (int i = 0; i < more.partners; ++i) {
    for (const std::string_view agency : {"police", "health", "education"}) {
      if (Status s = synthetic(Role::kMashPartner, "MASH", agency); !s) return s.error();
    }
  }
  return w;
}

// What a social worker says when they open a record outside their own work to change it.
std::string access_reason(ActionKind kind) {
  switch (kind) {
    case ActionKind::kMove:
      return "Recording the family's new address, given at a home visit";
    case ActionKind::kChangeName:
      return "Recording a change of name after a marriage, told by the family";
    case ActionKind::kCorrect:
      return "Correcting the record after checking the details with a partner agency";
    case ActionKind::kAddIdentifier:
      return "Adding the child's UPN, shared by the school";
    default:
      return "Updating the record after a visit to the family";
  }
}

std::string_view action_name(ActionKind kind) {
  switch (kind) {
    case ActionKind::kRecord:
      return "recording the person";
    case ActionKind::kRelate:
      return "recording a relationship";
    case ActionKind::kMove:
      return "recording a move";
    case ActionKind::kChangeName:
      return "recording a change of name";
    case ActionKind::kCorrect:
      return "correcting details";
    case ActionKind::kNameAtBirth:
      return "recording the name given at birth";
    case ActionKind::kBirth:
      return "recording the birth";
    case ActionKind::kDeath:
      return "recording the death";
    case ActionKind::kAddIdentifier:
      return "recording an identifier";
    case ActionKind::kContact:
      return "recording a contact";
    case ActionKind::kEnquiry:
      return "opening a MASH enquiry";
    case ActionKind::kAnswer:
      return "answering a MASH enquiry";
    case ActionKind::kDecide:
      return "recording a front door decision";
    case ActionKind::kAuthorise:
      return "authorising a front door decision";
    case ActionKind::kReturn:
      return "returning a front door decision";
    case ActionKind::kCloseEpisode:
      return "closing a Children in Need episode";
    case ActionKind::kAllocate:
      return "allocating a social worker";
    case ActionKind::kStartAssessment:
      return "starting an assessment";
    case ActionKind::kChildSeen:
      return "recording the child seen for an assessment";
    case ActionKind::kSubmitAssessment:
      return "sending an assessment for authorisation";
    case ActionKind::kAuthoriseAssessment:
      return "authorising an assessment";
    case ActionKind::kStrategyDiscussion:
      return "recording a strategy discussion";
    case ActionKind::kConcludeEnquiry:
      return "concluding a section 47 enquiry";
    case ActionKind::kConference:
      return "recording an initial child protection conference";
    case ActionKind::kStartChildInNeedPlan:
      return "starting a child in need plan";
    case ActionKind::kWritePlan:
      return "writing a plan's actions";
    case ActionKind::kAuthorisePlan:
      return "authorising a plan";
    case ActionKind::kCoreGroup:
      return "recording a core group";
    case ActionKind::kReviewPlan:
      return "reviewing a plan";
    case ActionKind::kEndPlan:
      return "ending a plan";
    case ActionKind::kVisit:
      return "recording a visit";
    case ActionKind::kSupervise:
      return "recording case supervision";
    case ActionKind::kStartCare:
      return "recording the child becoming looked after";
    case ActionKind::kChangeCare:
      return "recording a change of placement or legal status";
    case ActionKind::kEndCare:
      return "recording the end of care";
    case ActionKind::kAppointReviewingOfficer:
      return "appointing the reviewing officer";
    case ActionKind::kCareReview:
      return "recording a looked-after review";
    case ActionKind::kGoMissing:
      return "reporting the child missing";
    case ActionKind::kComeBack:
      return "recording the child's return";
    case ActionKind::kReturnInterview:
      return "recording the return interview";
    case ActionKind::kScreenExploitation:
      return "recording an exploitation screening";
    case ActionKind::kHealthCheck:
      return "recording a health check";
    case ActionKind::kSdq:
      return "recording an SDQ";
    case ActionKind::kEducationPlan:
      return "recording a personal education plan";
    case ActionKind::kSubstanceMisuse:
      return "recording substance misuse";
    case ActionKind::kConviction:
      return "recording a conviction";
    case ActionKind::kDecideAdoption:
      return "recording the decision to place for adoption";
    case ActionKind::kMatchAdoption:
      return "recording the adoption match";
    case ActionKind::kCeaseAdoption:
      return "recording that the child should no longer be placed for adoption";
    case ActionKind::kPreviousPermanence:
      return "recording previous permanence";
    case ActionKind::kPathwayPlan:
      return "recording a pathway plan";
    case ActionKind::kAppointAdviser:
      return "appointing the personal adviser";
    case ActionKind::kCareLeaverContact:
      return "recording a care leaver contact";
    case ActionKind::kUasc:
      return "recording unaccompanied asylum-seeking status";
  }
  return "an action";
}

struct MemberState {
  int64_t id = 0;
  int64_t version = 0;
  PersonDetails details;  // as the record now holds them
  bool died = false;
  int64_t missing = 0;          // missing episodes recorded: the latest's number
  int64_t periods_of_care = 0;  // periods of care recorded: the latest's number
};

struct HouseholdState {
  std::vector<MemberState> members;
  std::vector<int64_t> contact_ids;  // by index into Household::contacts, once recorded
  size_t played = 0;
  // Records a social worker (worker index) or a manager (-1 - index) has given a reason for, with
  // the day: the reason lets them in that day.
  std::map<std::pair<int, int64_t>, Date> reasons_given;
};

// One action of one household, in the council-wide order of time.
struct Step {
  int64_t millis;
  uint32_t household;
  uint32_t action;
  bool operator<(const Step& other) const {
    if (millis != other.millis) return millis < other.millis;
    if (household != other.household) return household < other.household;
    return action < other.action;
  }
};

class Player {
 public:
  Player(Database& db, FixedClock& clock, const Workforce& workforce, Date today)
      : db_(db),
        people_(db, clock),
        assessments_(db, clock),
        protection_(db, clock),
        visits_(db, clock),
        looked_after_(db, clock),
        missing_(db, clock),
        health_(db, clock),
        adoption_(db, clock),
        care_leavers_(db, clock),
        front_door_(db, clock),
        clock_(clock),
        workforce_(workforce),
        today_(today) {}

  // Plays one action; any refusal is returned with the household, person and action named.
  Status play(const Household& h, HouseholdState& state, const Action& a) {
    clock_.set(a.at);
    Status s = play_action(h, state, a);
    if (s) return s;
    const Member& m = h.members[static_cast<size_t>(a.member)];
    const MemberState& ms = state.members[static_cast<size_t>(a.member)];
    Error e = s.error();
    const std::string name = (ms.id ? ms.details : m.input.details).name.full();
    std::string what(action_name(a.kind));
    if (a.contact >= 0) {
      const PlannedContact& c = h.contacts[static_cast<size_t>(a.contact)];
      what += " (about " + c.concern + ", from source " + c.input.source + ")";
    }
    e.message = "The synthetic council could not be recorded (a defect in the generator): household " +
                std::to_string(h.number) + ", " + m.label + " \"" + name + "\"" +
                (ms.id ? " (person " + std::to_string(ms.id) + ")" : "") + ", " + what + " at " + a.at.iso() +
                ": " + e.message;
    return e;
  }

  // Counts a finished household's people and lets its state go.
  void finish(const Household& h, HouseholdState& state) {
    for (size_t i = 0; i < state.members.size(); ++i) {
      const MemberState& ms = state.members[i];
      if (ms.id == 0) continue;
      ++people_count;
      events += ms.version;
      const PersonDetails& d = ms.details;
      const bool unborn = !d.date_of_birth.has_value();
      const bool child = unborn || age_in_years(*d.date_of_birth, today_) < 18;
      if (child && !ms.died) {
        ++children;
        if (!unborn && h.members[i].child) sample_candidates.push_back(ms.id);
      } else {
        ++adults;
      }
    }
    state = HouseholdState{};
  }

  int64_t people_count = 0;
  int64_t children = 0;
  int64_t adults = 0;
  int64_t relationships = 0;
  int64_t events = 0;
  int64_t decisions_returned = 0;
  std::vector<int64_t> sample_candidates;

 private:
  // The member of a pool an action's index names (the plan draws indices, the pool may be smaller).
  static const User& pick(const std::vector<User>& pool, int index) {
    return pool[static_cast<size_t>(index) % pool.size()];
  }

  const User& worker(const Action& a) const {
    const bool by_manager =
        a.kind == ActionKind::kCloseEpisode || a.kind == ActionKind::kAllocate ||
        a.kind == ActionKind::kAuthoriseAssessment || a.kind == ActionKind::kAuthorisePlan ||
        a.kind == ActionKind::kEndPlan || a.kind == ActionKind::kSupervise ||
        a.kind == ActionKind::kAppointReviewingOfficer || a.kind == ActionKind::kAppointAdviser;
    const std::vector<User>& pool = by_manager           ? workforce_.managers
                                    : a.by_social_worker ? workforce_.social_workers
                                                         : workforce_.front_door;
    return pick(pool, a.worker);
  }

  // A caseworker outside their own work says why they open a record; the reason lets them in for
  // the rest of the day. `who` is a social worker's index, or -1 - index for a manager.
  Status give_reason_once_a_day(HouseholdState& state, int who, const User& user, int64_t person_id,
                                const std::string& reason) {
    const auto key = std::make_pair(who, person_id);
    const auto given = state.reasons_given.find(key);
    if (given != state.reasons_given.end() && given->second == clock_.today()) return Status::success();
    if (Status s = people_.give_access_reason(user, person_id, reason, channel_); !s) return s;
    state.reasons_given[key] = clock_.today();
    return Status::success();
  }

  // A manager closes the child's open episode, having said why they open the record.
  Status close_episode(HouseholdState& state, MemberState& ms, const Action& a) {
    const User& manager = worker(a);
    if (Status s = give_reason_once_a_day(state, -1 - a.worker, manager, ms.id,
                                          "Closing the Children in Need episode after the assessment");
        !s) {
      return s;
    }
    int64_t episode_id = 0;
    for (const EpisodeRow& e : PeopleIndex(db_.sql()).episodes_of(ms.id)) {
      if (!e.closed_on) episode_id = e.episode_id;
    }
    if (episode_id == 0) return Error::internal("the child has no open episode to close");
    auto version = people_.close_episode(manager, ms.id, ms.version, episode_id, *a.date, a.code, channel_);
    if (!version) return version.error();
    ms.version = *version;
    return Status::success();
  }

  // A manager allocates the child to a social worker; to change worker they open a record that is
  // another team's work, and say why.
  Status allocate(HouseholdState& state, MemberState& ms, const Action& a) {
    const User& manager = worker(a);
    if (a.code != "FCONTA") {
      if (Status s = give_reason_once_a_day(state, -1 - a.worker, manager, ms.id,
                                            "Allocating a new social worker to the child");
          !s) {
        return s;
      }
    }
    const User& holder = pick(workforce_.social_workers, a.holder);
    auto version = people_.allocate(manager, ms.id, ms.version, holder.username, *a.date, a.code, channel_);
    if (!version) return version.error();
    ms.version = *version;
    return Status::success();
  }

  // The child's social worker assesses (the child is their own work); a manager, perhaps of another
  // team, authorises, saying why they open the record.
  Status assess(HouseholdState& state, MemberState& ms, const Action& a) {
    // The assessment in hand: the child's latest.
    const auto latest = [&] { return CaseworkIndex(db_.sql()).latest_assessment(ms.id); };
    const User& holder = pick(workforce_.social_workers, a.holder);
    Result<int64_t> version = Error::internal("unknown assessment action");
    switch (a.kind) {
      case ActionKind::kStartAssessment:
        version = assessments_.start(holder, ms.id, ms.version, *a.date, channel_);
        break;
      case ActionKind::kChildSeen:
        version = assessments_.record_seen(holder, ms.id, ms.version, latest(), *a.date, a.code == "alone",
                                           channel_);
        break;
      case ActionKind::kSubmitAssessment: {
        AssessmentContent content;
        const size_t bar = a.reason.find('|');
        content.child_views = a.reason.substr(0, bar);
        content.analysis = bar == std::string::npos ? "" : a.reason.substr(bar + 1);
        content.factors = split(a.text, ',');
        content.outcome = a.code;
        const int64_t id = latest();
        version = assessments_.save(holder, ms.id, ms.version, id, content, channel_);
        if (version) version = assessments_.submit(holder, ms.id, *version, id, channel_);
        break;
      }
      case ActionKind::kAuthoriseAssessment: {
        const User& manager = worker(a);
        if (Status s =
                give_reason_once_a_day(state, -1 - a.worker, manager, ms.id, "Authorising the assessment");
            !s) {
          return s;
        }
        version = assessments_.authorise(manager, ms.id, ms.version, latest(), *a.date, channel_);
        break;
      }
      default:
        break;
    }
    if (!version) return version.error();
    ms.version = *version;
    return Status::success();
  }

  // The child's social worker records protection work, plans and visits (the child is their own
  // work); a manager, perhaps of another team, authorises or ends a plan and supervises the case,
  // saying why they open the record.
  Status protect(HouseholdState& state, MemberState& ms, const Action& a) {
    const User& holder = pick(workforce_.social_workers, a.holder);
    CaseworkIndex casework(db_.sql());
    const auto type_of = [&] { return a.code.substr(0, a.code.find(':')); };
    const auto plan = [&] { return casework.open_plan(ms.id, type_of()); };
    const auto as_manager = [&](const char* why) -> Result<const User*> {
      const User& manager = worker(a);
      if (Status s = give_reason_once_a_day(state, -1 - a.worker, manager, ms.id, why); !s) return s.error();
      return &manager;
    };
    Result<int64_t> version = Error::internal("unknown protection action");
    const Date on = *a.date;
    switch (a.kind) {
      case ActionKind::kStrategyDiscussion: {
        StrategyDiscussionInput input;
        input.held_on = on;
        input.attendees = {{holder.display_name, "social_care"},
                           {"DC " + std::string(kOfficers[ms.id % std::size(kOfficers)]), "police"},
                           {std::string(kNurses[ms.id % std::size(kNurses)]), "health"}};
        input.decision = a.code;
        input.reasons = a.text;
        version = protection_.hold_strategy_discussion(holder, ms.id, ms.version, input, channel_);
        break;
      }
      case ActionKind::kConcludeEnquiry:
        version = protection_.conclude_enquiry(holder, ms.id, ms.version, casework.latest_enquiry(ms.id), on,
                                               a.code, a.text, channel_);
        break;
      case ActionKind::kConference:
        version =
            protection_.hold_initial_conference(holder, ms.id, ms.version, casework.latest_enquiry(ms.id),
                                                {on, a.text, !a.code.empty(), a.code}, channel_);
        break;
      case ActionKind::kStartChildInNeedPlan:
        version = protection_.start_child_in_need_plan(holder, ms.id, ms.version, on, channel_);
        break;
      case ActionKind::kWritePlan: {
        std::vector<PlanActionInput> actions;
        for (const std::string& index : split(a.text, ',')) {
          const PlanWords& words = kPlanWords[static_cast<size_t>(std::stoi(index)) % std::size(kPlanWords)];
          actions.push_back({0, std::string(words.what), std::string(words.who), a.date,
                             a.reason + std::string(words.outcome)});
        }
        // The due date of every action is the one planned; the plan's start is the event's day.
        version = protection_.save_actions(holder, ms.id, ms.version, plan(), actions, channel_);
        break;
      }
      case ActionKind::kAuthorisePlan: {
        auto manager = as_manager("Authorising the child's plan");
        if (!manager) return manager.error();
        version = protection_.authorise_plan(**manager, ms.id, ms.version, plan(), channel_);
        break;
      }
      case ActionKind::kCoreGroup:
        version = protection_.record_core_group(
            holder, ms.id, ms.version, casework.open_plan(ms.id, kChildProtectionPlan), on, channel_);
        break;
      case ActionKind::kReviewPlan: {
        PlanReviewInput input;
        input.held_on = on;
        input.chair = a.text == "The allocated social worker" ? holder.display_name : a.text;
        input.latest_category = a.code.substr(a.code.find(':') + 1);
        input.ends_plan = !a.reason.empty();
        input.end_reason = a.reason;
        version = protection_.review_plan(holder, ms.id, ms.version, plan(), input, channel_);
        break;
      }
      case ActionKind::kEndPlan: {
        auto manager = as_manager("Ending the child's plan");
        if (!manager) return manager.error();
        version = protection_.end_plan(**manager, ms.id, ms.version, plan(), on, a.reason, channel_);
        break;
      }
      case ActionKind::kVisit: {
        const std::span<const VisitWords> pool = a.reason == "care"
                                                     ? std::span<const VisitWords>(kCareVisitWords)
                                                     : std::span<const VisitWords>(kVisitWords);
        const VisitWords& words = pool[static_cast<size_t>(std::stoi(a.text)) % pool.size()];
        VisitInput input;
        input.on = on;
        input.seen = a.code != "unseen";
        input.seen_alone = a.code == "alone";
        input.who_present = input.seen_alone ? "" : std::string(words.present);
        input.child_said = input.seen ? std::string(words.said) : "";
        input.observations = std::string(input.seen ? words.saw : words.unseen);
        version = visits_.record_visit(holder, ms.id, ms.version, input, channel_);
        break;
      }
      case ActionKind::kSupervise: {
        auto manager = as_manager("Supervising the child's case");
        if (!manager) return manager.error();
        const SupervisionWords& words =
            kSupervisionWords[static_cast<size_t>(std::stoi(a.text)) % std::size(kSupervisionWords)];
        SupervisionInput input{on, std::string(words.discussion), std::string(words.decisions),
                               std::string(words.actions), std::nullopt};
        version = visits_.record_supervision(**manager, ms.id, ms.version, input, channel_);
        break;
      }
      default:
        break;
    }
    if (!version) return version.error();
    ms.version = *version;
    return Status::success();
  }

  // A child's time in care: the social worker who holds the case records care starting, changing
  // and ending, and the child going missing and coming back, the return interview and screenings; a
  // manager appoints the reviewing officer (saying why they open the record), who records reviews.
  Status care(HouseholdState& state, MemberState& ms, const Action& a) {
    const User& holder = pick(workforce_.social_workers, a.holder);
    const auto text = [&](std::span<const std::string_view> words, const std::string& index) {
      return std::string(words[static_cast<size_t>(std::stoi(index)) % words.size()]);
    };
    Result<int64_t> version = Error::internal("unknown care action");
    const Date on = *a.date;
    switch (a.kind) {
      case ActionKind::kStartCare:
        version = looked_after_.start(holder, ms.id, ms.version,
                                      StartOfCare{on, a.code, a.reason, *a.placement}, channel_);
        if (version) ++ms.periods_of_care;
        break;
      case ActionKind::kUasc:
        version = looked_after_.record_uasc(holder, ms.id, ms.version, on, std::nullopt, channel_);
        break;
      case ActionKind::kChangeCare: {
        ChangeOfCare change;
        change.on = on;
        change.legal_status = a.code;
        change.placement = a.placement;
        change.reason_place_change = a.reason;
        version = looked_after_.change(holder, ms.id, ms.version, change, channel_);
        break;
      }
      case ActionKind::kEndCare:
        version = looked_after_.end(holder, ms.id, ms.version, on, a.code, channel_);
        break;
      case ActionKind::kAppointReviewingOfficer: {
        const User& manager = worker(a);
        if (Status s = give_reason_once_a_day(state, -1 - a.worker, manager, ms.id,
                                              "Appointing the child's independent reviewing officer");
            !s) {
          return s;
        }
        version = looked_after_.appoint_reviewing_officer(
            manager, ms.id, ms.version, pick(workforce_.reviewing_officers, a.officer).username, channel_);
        break;
      }
      case ActionKind::kCareReview: {
        const User& officer = pick(workforce_.reviewing_officers, a.officer);
        LookedAfterReviewInput input{on, a.code, a.reason, text(kCareReviewDecisions, a.text)};
        version = looked_after_.record_review(officer, ms.id, ms.version, 0, input, channel_);
        break;
      }
      case ActionKind::kGoMissing:
        version = missing_.report(holder, ms.id, ms.version, a.code, on, channel_);
        if (version) ++ms.missing;
        break;
      case ActionKind::kComeBack:
        version =
            missing_.returned(holder, ms.id, ms.version, ms.missing, on, text(kWhereFound, a.text), channel_);
        break;
      case ActionKind::kReturnInterview: {
        const bool accepted = a.code == "accepted";
        ReturnInterview input{on, accepted, accepted ? a.held_on : std::nullopt,
                              accepted ? text(kInterviewFindings, a.text) : "", ""};
        version = missing_.record_interview(holder, ms.id, ms.version, ms.missing, input, channel_);
        break;
      }
      case ActionKind::kScreenExploitation: {
        ExploitationScreening input;
        input.screened_on = on;
        input.risk = a.code;
        input.sexual = a.text.find("sexual") != std::string::npos;
        input.criminal = a.text.find("criminal") != std::string::npos;
        input.summary = text(kScreeningSummaries, a.reason);
        version = missing_.screen(holder, ms.id, ms.version, input, channel_);
        break;
      }
      case ActionKind::kHealthCheck: {
        HealthCheck input{0, a.code, on, text(kHealthFindings, a.text), ""};
        version = health_.record_check(holder, ms.id, ms.version, input, channel_);
        if (version && !a.reason.empty()) {
          ms.version = *version;
          version = health_.record_immunisations(holder, ms.id, ms.version, {0, on, a.reason == "yes", ""},
                                                 channel_);
        }
        break;
      }
      case ActionKind::kSdq: {
        SdqRecord input{0, on, std::nullopt, "", ""};
        if (a.code.starts_with("SDQ")) {
          input.reason = a.code;
        } else {
          input.score = std::stoi(a.code);
        }
        version = health_.record_sdq(holder, ms.id, ms.version, input, channel_);
        break;
      }
      case ActionKind::kEducationPlan:
        version = health_.record_education_plan(
            holder, ms.id, ms.version, {0, on, a.reason, text(kEducationPlanWords, a.text), ""}, channel_);
        break;
      case ActionKind::kSubstanceMisuse:
        version = health_.record_substance_misuse(
            holder, ms.id, ms.version,
            {0, on, text(kSubstanceNotes, a.text), !a.code.empty(), a.code == "received", ""}, channel_);
        break;
      case ActionKind::kConviction:
        version = health_.record_conviction(holder, ms.id, ms.version, {0, on, text(kOffences, a.text), ""},
                                            channel_);
        break;
      case ActionKind::kDecideAdoption:
        version = adoption_.decide(holder, ms.id, ms.version, on, text(kAdoptionReasons, a.text), channel_);
        break;
      case ActionKind::kMatchAdoption:
        version = adoption_.record_match(holder, ms.id, ms.version, on, {a.code, a.reason}, channel_);
        break;
      case ActionKind::kCeaseAdoption:
        version = adoption_.cease(holder, ms.id, ms.version, on, a.code, channel_);
        break;
      case ActionKind::kPathwayPlan:
      case ActionKind::kCareLeaverContact: {
        // After the episode closed the worker is no longer allocated: they say why.
        if (Status s = give_reason_once_a_day(state, a.holder, holder, ms.id,
                                              "Leaving care: the pathway plan and keeping in touch");
            !s) {
          return s;
        }
        if (a.kind == ActionKind::kPathwayPlan) {
          version = care_leavers_.record_plan(holder, ms.id, ms.version,
                                              {0, on, false, text(kPathwayPlanWords, a.text), ""}, channel_);
          break;
        }
        const std::vector<std::string> codes = split(a.reason, ',');
        CareLeaverContact input;
        input.on = on;
        input.in_touch = a.code;
        input.activity = codes.at(0);
        input.accommodation = codes.at(1);
        input.notes = a.code == "YES" ? text(kContactNotes, a.text) : "";
        version = care_leavers_.record_contact(holder, ms.id, ms.version, input, channel_);
        break;
      }
      case ActionKind::kAppointAdviser: {
        const User& manager = worker(a);
        if (Status s = give_reason_once_a_day(state, -1 - a.worker, manager, ms.id,
                                              "Appointing the young person's personal adviser");
            !s) {
          return s;
        }
        version = care_leavers_.appoint_adviser(
            manager, ms.id, ms.version, pick(workforce_.social_workers, a.officer).username, channel_);
        break;
      }
      case ActionKind::kPreviousPermanence: {
        const int64_t period_id = ms.periods_of_care;
        PreviousPermanence input{period_id, a.code, a.text,
                                 PartialDate::parse_iso(a.reason).value_or(PartialDate{})};
        version = adoption_.record_previous_permanence(holder, ms.id, ms.version, input, channel_);
        break;
      }
      default:
        break;
    }
    if (!version) return version.error();
    ms.version = *version;
    return Status::success();
  }

  static bool is_front_door(ActionKind kind) {
    return kind == ActionKind::kContact || kind == ActionKind::kEnquiry || kind == ActionKind::kAnswer ||
           kind == ActionKind::kDecide || kind == ActionKind::kAuthorise || kind == ActionKind::kReturn;
  }

  // The front door's work on a contact, by a front door worker, a manager or a MASH partner.
  Status play_front_door(const Household& h, HouseholdState& state, const Action& a) {
    const PlannedContact& planned = h.contacts[static_cast<size_t>(a.contact)];
    if (state.contact_ids.empty()) state.contact_ids.resize(h.contacts.size());
    int64_t& contact_id = state.contact_ids[static_cast<size_t>(a.contact)];
    const auto id_of = [&](int member) { return state.members[static_cast<size_t>(member)].id; };
    const User& worker = pick(workforce_.front_door, a.worker);
    EventLog log(db_.sql());
    // What the worker sees when they open the contact: its version as it now stands.
    const auto version = [&] { return log.version(stream_name(kContactStreamKind, contact_id)); };
    Result<int64_t> changed = int64_t{0};
    switch (a.kind) {
      case ActionKind::kContact: {
        RecordContactInput input;
        input.contact = planned.input;
        for (const int c : planned.children) input.contact.children.push_back(id_of(c));
        for (const int adult : planned.adults) input.contact.adults.push_back(id_of(adult));
        input.likely_matches_seen = true;
        auto recorded = front_door_.record(worker, input, channel_);
        if (!recorded) return recorded.error();
        if (!recorded->contact_id)
          return Error::internal("the front door asked to look at likely matches first");
        contact_id = *recorded->contact_id;
        break;
      }
      case ActionKind::kEnquiry: {
        MashEnquiryInput input = planned.enquiry_input;
        for (const int c : planned.children) input.children.push_back(id_of(c));
        auto opened = front_door_.open_enquiry(worker, contact_id, version(), input, channel_);
        changed = opened ? Result<int64_t>(opened->version) : Result<int64_t>(opened.error());
        break;
      }
      case ActionKind::kAnswer: {
        const auto pool = workforce_.partners.find(a.code);
        if (pool == workforce_.partners.end() || pool->second.empty())
          return Error::internal("there is no MASH partner user for " + a.code);
        if (Status s =
                front_door_.answer_enquiry(pick(pool->second, a.worker), contact_id, 1, a.text, channel_);
            !s) {
          return s;
        }
        break;
      }
      case ActionKind::kDecide:
        changed = front_door_.decide(worker, contact_id, version(), id_of(a.member), a.decision, channel_);
        break;
      case ActionKind::kAuthorise:
        changed = front_door_.authorise(pick(workforce_.managers, a.worker), contact_id, version(),
                                        id_of(a.member), a.text, channel_);
        break;
      case ActionKind::kReturn:
        changed = front_door_.return_decision(pick(workforce_.managers, a.worker), contact_id, version(),
                                              id_of(a.member), a.text, channel_);
        if (changed) ++decisions_returned;
        break;
      default:
        return Error::internal("not a front door action");
    }
    if (!changed) return changed.error();
    // Recording a contact and a final decision add events to the people's own records.
    const auto refresh = [&](int member) {
      MemberState& ms = state.members[static_cast<size_t>(member)];
      ms.version = log.version(stream_name(kPersonStreamKind, ms.id));
    };
    if (a.kind == ActionKind::kContact) {
      for (const int c : planned.children) refresh(c);
      for (const int adult : planned.adults) refresh(adult);
    } else if (a.kind == ActionKind::kDecide || a.kind == ActionKind::kAuthorise) {
      refresh(a.member);
    }
    return Status::success();
  }

  Status play_action(const Household& h, HouseholdState& state, const Action& a) {
    if (is_front_door(a.kind)) return play_front_door(h, state, a);
    const Member& m = h.members[static_cast<size_t>(a.member)];
    MemberState& ms = state.members[static_cast<size_t>(a.member)];
    const User& user = worker(a);
    if (a.kind == ActionKind::kRecord) {
      auto outcome = people_.create(user, m.input, true, channel_);
      if (!outcome) return outcome.error();
      if (!outcome->created) return Error::internal("the service asked to look at likely matches first");
      ms.id = outcome->created->person_id;
      ms.version = outcome->created->version;
      ms.details = normalise_details(m.input.details);
      return Status::success();
    }
    if (ms.id == 0) return Error::internal("the person has not been recorded yet");
    if (a.kind == ActionKind::kCloseEpisode) return close_episode(state, ms, a);
    if (a.kind == ActionKind::kAllocate) return allocate(state, ms, a);
    if (a.kind == ActionKind::kStartAssessment || a.kind == ActionKind::kChildSeen ||
        a.kind == ActionKind::kSubmitAssessment || a.kind == ActionKind::kAuthoriseAssessment) {
      return assess(state, ms, a);
    }
    if (a.kind >= ActionKind::kStartCare) return care(state, ms, a);
    if (a.kind >= ActionKind::kStrategyDiscussion) return protect(state, ms, a);
    if (a.by_social_worker) {
      if (Status s = give_reason_once_a_day(state, a.worker, user, ms.id, access_reason(a.kind)); !s)
        return s;
    }
    Result<int64_t> version = Error::internal("unknown action");
    PersonDetails details = ms.details;
    switch (a.kind) {
      case ActionKind::kRecord:
        break;
      case ActionKind::kRelate: {
        const MemberState& other = state.members[static_cast<size_t>(a.other)];
        version = people_.add_relationship(user, ms.id, ms.version, other.id, a.code, a.date, channel_);
        if (version) ++relationships;
        break;
      }
      case ActionKind::kMove: {
        const PlannedAddress& p = h.addresses[static_cast<size_t>(a.address)];
        version = people_.add_address(user, ms.id, ms.version,
                                      AddressInput{p.line1, p.line2, p.town, p.postcode, a.date}, channel_);
        break;
      }
      case ActionKind::kChangeName:
        details.name.surname = a.text;
        version = people_.change_name(user, ms.id, ms.version, details.name, *a.date, channel_);
        break;
      case ActionKind::kCorrect:
        if (a.code == "forename") details.name.forename = a.text;
        if (a.code == "surname") details.name.surname = a.text;
        if (a.code == "date_of_birth") details.date_of_birth = a.date;
        version = people_.correct_details(user, ms.id, ms.version, details, a.reason, channel_);
        break;
      case ActionKind::kNameAtBirth:
        details.name = a.name;
        if (details.disabilities.empty()) details.disabilities = {"NONE"};  // none known at birth
        version = people_.correct_details(user, ms.id, ms.version, details, a.reason, channel_);
        break;
      case ActionKind::kBirth:
        details.date_of_birth = a.date;
        details.expected_date_of_birth.reset();
        details.sex = a.code;
        version = people_.record_birth(user, ms.id, ms.version, *a.date, a.code, channel_);
        break;
      case ActionKind::kDeath:
        version = people_.record_death(user, ms.id, ms.version, *a.date, channel_);
        if (version) ms.died = true;
        break;
      case ActionKind::kAddIdentifier:
        version = people_.add_identifier(user, ms.id, ms.version, IdentifierInput{a.code, a.text}, channel_);
        break;
      default:
        break;
    }
    if (!version) return version.error();
    ms.version = *version;
    ms.details = details;
    return Status::success();
  }

  Database& db_;
  PeopleService people_;
  AssessmentService assessments_;
  ProtectionService protection_;
  VisitService visits_;
  LookedAfterService looked_after_;
  MissingService missing_;
  HealthService health_;
  AdoptionService adoption_;
  CareLeaverService care_leavers_;
  FrontDoorService front_door_;
  FixedClock& clock_;
  const Workforce& workforce_;
  Date today_;
  const Channel channel_{"synth", "synthetic council generator"};
};

}  // namespace

size_t demo_user_count() { return std::size(kDemoStaff); }

Result<CouncilReport> generate_council(Database& db, const CouncilOptions& options,
                                       const std::function<void(int64_t, int64_t)>& progress) {
  try {
    if (const int64_t existing = PeopleIndex(db.sql()).count(); existing > 0) {
      return Error::conflict("This database already records " + std::to_string(existing) +
                             " people: a synthetic council is generated only into an empty database.");
    }
  } catch (const SqlError& e) {
    return Error::storage(e.what());
  }
  // The name lists and the people's ages assume a history in this century.
  if (options.now < Timestamp::from_date_time(Date::from_ymd(2010, 1, 1), 0, 0, 0)) {
    return Error::invalid(
        "Give the moment the synthetic history ends (now): 2010 or later, not " + options.now.iso(), "now");
  }
  const Date today = london_date(options.now);
  const Date first_day = add_years(today, -6);
  const WorkingDayCalendar calendar;

  // The staff exist before the history starts.
  FixedClock clock(Timestamp::from_date_time(first_day - 14, 9, 0, 0));
  AuthService auth(db, clock);
  if (auto existing = auth.users(); existing) {
    for (const User& u : *existing) {
      for (const StaffMember& s : kDemoStaff) {
        if (u.username == s.username) {
          return Error::conflict("This database already has a user called " + u.username +
                                 ": the synthetic council's demo users need an empty database.");
        }
      }
    }
  } else {
    return existing.error();
  }
  auto workforce = add_workforce(auth, options);
  if (!workforce) return workforce.error();
  // The council's codes, and a postcode directory of the districts it uses, so placements have a
  // distance from home and an area.
  if (Status s = SettingsService(db, clock).set("generator", "council.authority", kCounty); !s)
    return s.error();
  if (Status s = SettingsService(db, clock).set("generator", "council.la_number", kLaNumber); !s)
    return s.error();
  std::vector<PostcodeService::DistrictCentre> districts;
  for (const SyntheticDistrict& d : postcode_districts()) {
    districts.push_back({d.district, {d.centre, d.authority, true}});
  }
  if (Status s = PostcodeService(db, clock).set_district_centres("generator", districts); !s)
    return s.error();

  // Plan every household, then play their actions in the order of time across the council, so
  // the log's order is the order things happened.
  const int64_t total = households_for(options.scale);
  PlanContext context;
  context.seed = options.seed;
  context.first_day = first_day;
  context.last_day = today - 1;
  context.calendar = &calendar;
  context.la_number = std::string(kLaNumber);
  context.now = options.now;
  context.front_door_workers = static_cast<int>(workforce->front_door.size());
  context.social_workers = static_cast<int>(workforce->social_workers.size());
  context.reviewing_officers = static_cast<int>(workforce->reviewing_officers.size());
  context.managers = static_cast<int>(workforce->managers.size());
  context.partners_per_agency = 1 + further_staff(options.scale).partners;
  // A small council hears of too few families a day for a live queue of its own.
  context.recent_contact_chance = options.scale == Scale::kSmall ? 0.1 : 0;
  // About 60 arrivals a year in the county, in proportion for the other scales.
  context.unaccompanied_chance = kUnaccompaniedPerHousehold;
  IdentifierPool identifiers;
  std::vector<Household> households;
  households.reserve(static_cast<size_t>(total));
  std::vector<Step> steps;
  for (int64_t i = 0; i < total; ++i) {
    households.push_back(plan_household(context, i + 1, identifiers));
    const Household& h = households.back();
    for (size_t a = 0; a < h.actions.size(); ++a) {
      steps.push_back({h.actions[a].at.millis(), static_cast<uint32_t>(i), static_cast<uint32_t>(a)});
    }
  }
  std::sort(steps.begin(), steps.end());

  std::vector<HouseholdState> states(households.size());
  Player player(db, clock, *workforce, today);
  int64_t done = 0;
  if (progress) progress(0, total);
  for (size_t start = 0; start < steps.size(); start += kActionsPerTransaction) {
    const size_t end = std::min(steps.size(), start + kActionsPerTransaction);
    Status batch = db.transact([&]() -> Status {
      for (size_t i = start; i < end; ++i) {
        const Household& h = households[steps[i].household];
        HouseholdState& state = states[steps[i].household];
        if (state.members.empty()) state.members.resize(h.members.size());
        if (Status s = player.play(h, state, h.actions[steps[i].action]); !s) return s;
      }
      return Status::success();
    });
    if (!batch) return batch.error();
    // Only now, with the batch committed, is each household finished for good.
    for (size_t i = start; i < end; ++i) {
      const Household& h = households[steps[i].household];
      HouseholdState& state = states[steps[i].household];
      if (++state.played == h.actions.size()) {
        player.finish(h, state);
        ++done;
      }
    }
    if (progress) progress(done, total);
  }

  // The inspection: a sample of children, for thirty days from today.
  clock.set(options.now);
  AdministrationService administration(db, clock);
  Rng sample(options.seed, 0, Purpose::kSample);
  std::vector<int64_t>& candidates = player.sample_candidates;
  const size_t chosen = std::min(kInspectionSample, candidates.size());
  for (size_t i = 0; i < chosen; ++i) {
    std::swap(candidates[i], candidates[i + sample.below(candidates.size() - i)]);
    const Status granted = administration.grant_access(
        "admin", "inspector", candidates[i], today, today + 29,
        "Ofsted inspection of " + options.council_name + " children's services: sample of children");
    if (!granted) return granted.error();
  }

  CouncilReport report;
  report.households = total;
  report.people = player.people_count;
  report.children = player.children;
  report.adults = player.adults;
  report.relationships = player.relationships;
  report.events = player.events;
  report.users = std::move(workforce->users);
  report.further_staff = workforce->further_staff;
  report.decisions_returned = player.decisions_returned;
  // The front door as the analyst, a front door worker and a manager see it today.
  FrontDoorService front_door(db, clock);
  auto dashboard = front_door.dashboard(workforce->analyst, add_years(today, -1) + 1, today);
  if (!dashboard) return dashboard.error();
  report.front_door = std::move(*dashboard);
  auto queue = front_door.queue(workforce->front_door.front(), QueueFilter{});
  if (!queue) return queue.error();
  report.awaiting_decision = static_cast<int64_t>(queue->size());
  for (const QueueItem& item : *queue) report.overdue += item.deadline.state == DeadlineState::kOverdue;
  auto awaiting = front_door.awaiting_authorisation(workforce->managers.front());
  if (!awaiting) return awaiting.error();
  report.awaiting_authorisation = static_cast<int64_t>(awaiting->size());
  auto assessments = AssessmentService(db, clock).figures();
  if (!assessments) return assessments.error();
  report.assessments = *assessments;
  auto protection = ProtectionService(db, clock).figures();
  if (!protection) return protection.error();
  report.protection = *protection;
  auto care = LookedAfterService(db, clock).figures();
  if (!care) return care.error();
  report.care = *care;
  try {
    report.episodes_opened =
        static_cast<int64_t>(PeopleIndex(db.sql()).referrals_between(first_day - 1, today).size());
  } catch (const SqlError& e) {
    return Error::storage(e.what());
  }
  return report;
}

}  // namespace safeguard::synth
