// The Children in Need census, built from the record (returns.md section 1): the DfE XML file for
// the census year that ends on 31 March of `year` (the ReferenceDate), with every child who was in
// need at some time in the year.
//
// Who and what is in it:
//   Child         every child with a Children in Need episode open at some time in the year,
//                 including referrals that led to no further action (ReferralNFA 1). A child not
//                 yet born on 31 March is returned unborn (ExpectedPersonBirthDate, Sex U, UN6), and
//                 a death after it is not returned;
//   CINdetails    each of those episodes; a closure after 31 March is not this year's (blank date
//                 and reason);
//   Assessments   those authorised in the year, and those not authorised by 31 March (rules 8696,
//                 8736); factors only once authorised;
//   CINPlanDates, ChildProtectionPlans  plans open at some time in the year, an end after 31 March
//                 left blank (4013, 8930); a plan's category of abuse is the latest by 31 March, and
//                 its Reviews are the review conferences held in the year;
//   Section47     enquiries whose initial conference, or conclusion that none is needed, fell in the
//                 year, and those still waiting on 31 March (8715, 8740); InitialCPCtarget is 15
//                 working days after the strategy discussion.
// Booleans are written 1 and 0, which every validator reads. LAchildID is the Safeguard id. When a
// child has no UPN, UPNunknown says why as far as the record knows: UN6 unborn, UN7 only referrals
// with no further action in the year, UN1 under 6 (born after 31 August six years before the
// ReferenceDate, rule 8770Q), otherwise UN2.
// Children come in id order and everything else in date order, so the same record and header give
// the same bytes.
//
// Thread safety: pure functions.
#pragma once

#include <string>
#include <vector>

#include "core/calendar.h"
#include "core/date.h"
#include "domain/person.h"
#include "returns/collection_year.h"

namespace safeguard {

// The census Header's Source: who sent it and when.
struct CinCensusSource {
  std::string la_number;                    // the DfE LA number (LEA), three digits
  std::string software_code = "Safeguard";  // SoftwareCode
  std::string release;                      // Release: the software's version
  std::string serial_number = "001";        // SerialNo
  Timestamp produced_at;                    // DateTime, written in UTC to the second
};

// The census XML. `calendar` counts the working days to InitialCPCtarget.
std::string cin_census_xml(const std::vector<Person>& children, CollectionYear year,
                           const CinCensusSource& source, const WorkingDayCalendar& calendar);

}  // namespace safeguard
