#include "returns/cin_census.h"

#include <algorithm>

#include "domain/assessment.h"
#include "domain/child_journey.h"
#include "domain/identifiers.h"
#include "domain/plan.h"
#include "domain/protection.h"
#include "returns/xml_writer.h"
#include "rules/child_deadlines.h"

namespace safeguard {
namespace {

const char* flag(bool b) { return b ? "1" : "0"; }

// A day that falls after the census year is not this year's to return.
std::optional<Date> by_year_end(const std::optional<Date>& d, CollectionYear year) {
  if (d && *d <= year.last_day()) return d;
  return std::nullopt;
}

// Something that runs from `start` to `end` (none while open) was open at some time in the year.
bool open_in(Date start, const std::optional<Date>& end, CollectionYear year) {
  return start <= year.last_day() && (!end || *end >= year.first_day());
}

bool unborn_on(const Person& p, Date day) {
  return !p.details.date_of_birth || *p.details.date_of_birth > day;
}

std::vector<const CinEpisode*> episodes_in(const Person& p, CollectionYear year) {
  std::vector<const CinEpisode*> out;
  for (const CinEpisode& e : p.episodes) {
    if (open_in(e.referral_date, e.closed_on, year)) out.push_back(&e);
  }
  return out;
}

std::string upn_unknown_reason(const Person& p, const std::vector<const CinEpisode*>& episodes,
                               CollectionYear year) {
  if (unborn_on(p, year.last_day())) return "UN6";
  if (std::all_of(episodes.begin(), episodes.end(), [](const CinEpisode* e) { return e->referral_nfa; }))
    return "UN7";
  if (*p.details.date_of_birth > Date::from_ymd(year.year - 6, 8, 31)) return "UN1";
  return "UN2";
}

void write_identifiers(XmlWriter& xml, const Person& p, const std::vector<const CinEpisode*>& episodes,
                       CollectionYear year) {
  const Date reference = year.last_day();
  const bool unborn = unborn_on(p, reference);
  xml.open("ChildIdentifiers");
  xml.element("LAchildID", std::to_string(p.id));
  const std::optional<std::string> upn = p.identifier("upn");
  if (upn && is_valid_upn(*upn)) {
    xml.element("UPN", *upn);
  } else {
    xml.element("UPNunknown", upn_unknown_reason(p, episodes, year));
  }
  if (unborn) {
    // Born since the ReferenceDate: the day the child was expected then, or failing that the day
    // they arrived.
    xml.optional("ExpectedPersonBirthDate", p.details.expected_date_of_birth
                                                ? p.details.expected_date_of_birth
                                                : p.details.date_of_birth);
    xml.element("Sex", "U");
  } else {
    xml.element("PersonBirthDate", p.details.date_of_birth->iso());
    xml.element("Sex", p.details.sex);
  }
  xml.optional("PersonDeathDate", by_year_end(p.date_of_death, year));
  xml.close("ChildIdentifiers");
}

void write_characteristics(XmlWriter& xml, const Person& p) {
  xml.open("ChildCharacteristics");
  xml.element("Ethnicity", p.details.ethnicity);
  if (!p.details.disabilities.empty()) {
    xml.open("Disabilities");
    for (const std::string& d : p.details.disabilities) xml.element("Disability", d);
    xml.close("Disabilities");
  }
  xml.close("ChildCharacteristics");
}

void write_assessments(XmlWriter& xml, const Person& p, const CinEpisode& e, CollectionYear year) {
  for (const Assessment& a : p.assessments) {
    if (a.episode_id != e.id || !open_in(a.started_on, a.authorised_on, year)) continue;
    const std::optional<Date> authorised = by_year_end(a.authorised_on, year);
    xml.open("Assessments");
    xml.element("AssessmentActualStartDate", a.started_on.iso());
    xml.optional("AssessmentAuthorisationDate", authorised);
    if (authorised && !a.content.factors.empty()) {
      xml.open("FactorsIdentifiedAtAssessment");
      for (const std::string& f : a.content.factors) xml.element("AssessmentFactors", f);
      xml.close("FactorsIdentifiedAtAssessment");
    }
    xml.close("Assessments");
  }
}

void write_child_in_need_plans(XmlWriter& xml, const Person& p, const CinEpisode& e, CollectionYear year) {
  for (const ChildPlan& plan : p.plans) {
    if (plan.episode_id != e.id || plan.is_protection() || !open_in(plan.started_on, plan.ended_on, year))
      continue;
    xml.open("CINPlanDates");
    xml.element("CINPlanStartDate", plan.started_on.iso());
    xml.optional("CINPlanEndDate", by_year_end(plan.ended_on, year));
    xml.close("CINPlanDates");
  }
}

// An enquiry belongs to the year of its initial conference, or of its conclusion that none is
// needed; one still waiting on 31 March belongs to this year.
void write_enquiries(XmlWriter& xml, const Person& p, const CinEpisode& e, CollectionYear year,
                     const WorkingDayCalendar& calendar) {
  for (const Section47Enquiry& s : p.enquiries) {
    if (s.episode_id != e.id || s.started_on > year.last_day()) continue;
    const std::optional<Date> conference = by_year_end(s.conference_on, year);
    const bool not_required =
        !conference && s.conference_not_required() && *s.concluded_on <= year.last_day();
    if (conference && *conference < year.first_day()) continue;
    if (not_required && *s.concluded_on < year.first_day()) continue;
    xml.open("Section47");
    xml.element("S47ActualStartDate", s.started_on.iso());
    xml.element("InitialCPCtarget",
                calendar.add_working_days(s.started_on, kInitialConferenceWorkingDays).iso());
    xml.optional("DateOfInitialCPC", conference);
    xml.element("ICPCnotRequired", flag(not_required));
    xml.close("Section47");
  }
}

void write_protection_plans(XmlWriter& xml, const Person& p, const CinEpisode& e, CollectionYear year) {
  for (const ChildPlan& plan : p.plans) {
    if (plan.episode_id != e.id || !plan.is_protection() || !open_in(plan.started_on, plan.ended_on, year))
      continue;
    std::string latest = plan.initial_category;
    std::vector<Date> reviews;
    for (const PlanReview& r : plan.reviews) {
      if (r.held_on > year.last_day()) break;
      if (!r.latest_category.empty()) latest = r.latest_category;
      if (r.held_on >= year.first_day()) reviews.push_back(r.held_on);
    }
    xml.open("ChildProtectionPlans");
    xml.element("CPPstartDate", plan.started_on.iso());
    xml.optional("CPPendDate", by_year_end(plan.ended_on, year));
    xml.element("InitialCategoryOfAbuse", plan.initial_category);
    xml.element("LatestCategoryOfAbuse", latest);
    xml.element("NumberOfPreviousCPP", std::to_string(plan.previous_plans));
    if (!reviews.empty()) {
      xml.open("Reviews");
      for (const Date d : reviews) xml.element("CPPreviewDate", d.iso());
      xml.close("Reviews");
    }
    xml.close("ChildProtectionPlans");
  }
}

void write_episode(XmlWriter& xml, const Person& p, const CinEpisode& e, CollectionYear year,
                   const WorkingDayCalendar& calendar) {
  const std::optional<Date> closed = by_year_end(e.closed_on, year);
  xml.open("CINdetails");
  xml.element("CINreferralDate", e.referral_date.iso());
  xml.element("ReferralSource", e.referral_source);
  xml.optional("PrimaryNeedCode", e.primary_need);
  if (closed) {
    xml.element("CINclosureDate", closed->iso());
    xml.optional("ReasonForClosure", e.closure_reason);
  }
  write_assessments(xml, p, e, year);
  write_child_in_need_plans(xml, p, e, year);
  write_enquiries(xml, p, e, year, calendar);
  xml.element("ReferralNFA", flag(e.referral_nfa));
  write_protection_plans(xml, p, e, year);
  xml.close("CINdetails");
}

}  // namespace

std::string cin_census_xml(const std::vector<Person>& input, CollectionYear year,
                           const CinCensusSource& source, const WorkingDayCalendar& calendar) {
  std::vector<const Person*> children;
  for (const Person& p : input) children.push_back(&p);
  std::sort(children.begin(), children.end(), [](const Person* a, const Person* b) { return a->id < b->id; });

  XmlWriter xml;
  xml.open("Message");
  xml.open("Header");
  xml.open("CollectionDetails");
  xml.element("Collection", "CIN");
  xml.element("Year", std::to_string(year.year));
  xml.element("ReferenceDate", year.last_day().iso());
  xml.close("CollectionDetails");
  xml.open("Source");
  xml.element("SourceLevel", "L");
  xml.element("LEA", source.la_number);
  xml.element("SoftwareCode", source.software_code);
  xml.element("Release", source.release);
  xml.element("SerialNo", source.serial_number);
  xml.element("DateTime", source.produced_at.iso().substr(0, 19));
  xml.close("Source");
  xml.close("Header");
  xml.open("Children");
  for (const Person* p : children) {
    const std::vector<const CinEpisode*> episodes = episodes_in(*p, year);
    if (episodes.empty()) continue;
    xml.open("Child");
    write_identifiers(xml, *p, episodes, year);
    write_characteristics(xml, *p);
    for (const CinEpisode* e : episodes) write_episode(xml, *p, *e, year, calendar);
    xml.close("Child");
  }
  xml.close("Children");
  xml.close("Message");
  return xml.take();
}

}  // namespace safeguard
