// Unaccompanied asylum-seeking children (UASC): a child who has applied for asylum in their own
// right and is separated from both parents and from anyone with parental responsibility, whom the
// council looks after. SSDA903 returns them in its UASC table with the date their UASC status
// ceased (DUC), and flags them in the Header (returns.md section 2).
//
// Workers record that a child is an unaccompanied asylum-seeking child from a day, and, if it ends
// before the 18th birthday (an age assessment, or the child is no longer unaccompanied), the day
// it ceased. Otherwise the status ceases on the 18th birthday (validator rule 304: DUC is never
// after it), so nobody has to remember to record that. A record made again corrects the last.
//
// Events go on the child's stream and fold into Person through apply_asylum_event.
//
// Thread safety: values and pure functions.
#pragma once

#include <optional>
#include <string>

#include "core/date.h"
#include "core/result.h"
#include "domain/event.h"

namespace safeguard {

struct Person;

struct UascStatus {
  Date from;
  std::optional<Date> ceased_on;  // as recorded; see uasc_ceased_on for DUC
};

// The day the child's UASC status ceased (DUC) by `today`: as recorded, or the 18th birthday once
// it has come; none while it continues, or if the child was never an unaccompanied asylum seeker.
std::optional<Date> uasc_ceased_on(const Person& child, Date today);
// True if the child was an unaccompanied asylum-seeking child on `day`.
bool uasc_on(const Person& child, Date day);

// The child's status from `from`, ending on `ceased_on` if given. The child needs a Children in
// Need episode or a period of care; `from` is on or after birth and before the 18th birthday;
// `ceased_on` on or after `from` and by the 18th birthday; neither in the future.
Result<DomainEvent> uasc_status_recorded(const Person& child, Date from, std::optional<Date> ceased_on,
                                         Date today);

bool apply_asylum_event(Person& person, const DomainEvent& event);
std::string describe_asylum_event(const DomainEvent& event);

}  // namespace safeguard
