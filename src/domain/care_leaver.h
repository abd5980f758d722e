// Care leavers: the council's duties to a young person after care (Children (Leaving Care) Act 2000,
// domain.md), and what the SSDA903 OC3 table returns of them (returns.md section 2).
//
// Who is a care leaver is derived from the child's care history, never typed. A young person
// qualifies when they were looked after for at least 13 weeks (91 days) in all from their 14th
// birthday, some of it on or after their 16th; then, on a day:
//   "eligible"         16 or 17 and looked after;
//   "relevant"         16 or 17 and no longer looked after;
//   "former_relevant"  18 to 25 (support to 21, and to 25 for those who ask for it);
// and "qualifying" for someone looked after on or after their 16th birthday who does not qualify,
// aged 16 to 25. Short breaks (legal status V3/V4) do not count towards the 13 weeks, and a young
// person adopted from care (REC E11, E12), who died in care (E2) or moved into another council's
// care (E3) is not this council's care leaver (SSDA903 rules 1000, 1001, 1011).
//
// What workers record:
//   - the needs assessment and pathway plan, then each review of it (rules/child_deadlines.h
//     "pathway_plan": the first within 3 months of the young person qualifying, each review within
//     6 months of the last, until 21);
//   - the personal adviser (a worker of the council);
//   - contacts with the young person, and at the ones around each birthday from 17 to 21 what
//     OC3 returns: whether the council is in touch (IN_TOUCH), their main activity (ACTIV) and
//     their accommodation with whether it is suitable (ACCOM, a letter and 1 suitable or 2 not).
//     rules/child_deadlines.h "care_leaver_contact": for a young person who has left care, a
//     contact from 3 months before each birthday from 17 to 21 to a month after it.
//
// Each factory checks its record at entry and names the field at fault. Events go on the young
// person's stream and fold into Person through apply_care_leaver_event.
//
// Thread safety: values and pure functions.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/date.h"
#include "core/result.h"
#include "domain/event.h"

namespace safeguard {

struct Person;

inline constexpr size_t kCareLeaverTextMaxLength = 20000;
inline constexpr int kQualifyingDays = 91;  // 13 weeks

struct PathwayPlan {
  int64_t id = 0;  // within the person's record, from 1
  Date on;
  bool review = false;  // set at entry: false for the needs assessment and first plan, true after
  std::string plan;     // needs, the young person's wishes, and what each person will do
  std::string by;
};

struct PersonalAdviser {
  std::string username;
  std::string name;
  Date from;
};

// A contact with a care leaver; the OC3 fields describe them as at that day.
struct CareLeaverContact {
  int64_t id = 0;
  Date on;
  std::string in_touch;       // codes(kInTouch): YES, NO, DIED, REFU, NREQ, RHOM
  std::string activity;       // codes(kCareLeaverActivity): not "0" when in touch (rule 345), "0"
                              // after a death or a return home (344), as known otherwise
  std::string accommodation;  // codes(kCareLeaverAccommodation), the same; Z1/Z2 only from 18 (3001)
  std::string notes;
  std::string by;
};

struct LeavingCare {
  std::vector<PathwayPlan> plans;           // in date order
  std::vector<PersonalAdviser> advisers;    // in order appointed; the last is current
  std::vector<CareLeaverContact> contacts;  // in date order
};

// The day a young person first qualified (see the header comment), by their care up to `on`; none
// if they had not by then.
std::optional<Date> qualified_on(const Person& person, Date on);
// "eligible", "relevant", "former_relevant", "qualifying", or "" for none, on `on`.
std::string care_leaver_category(const Person& person, Date on);

// The first plan recorded is the needs assessment and pathway plan; each later one reviews it.
Result<DomainEvent> pathway_plan_recorded(const Person& person, const PathwayPlan& input, Date today);
Result<DomainEvent> personal_adviser_appointed(const Person& person, const std::string& username,
                                               const std::string& name, Date today);
Result<DomainEvent> care_leaver_contact_recorded(const Person& person, const CareLeaverContact& input,
                                                 Date today);

// The young person's latest contact on or before `on`, if any.
const CareLeaverContact* latest_contact(const Person& person, Date on);

bool apply_care_leaver_event(Person& person, const DomainEvent& event);
std::string describe_care_leaver_event(const DomainEvent& event);

}  // namespace safeguard
