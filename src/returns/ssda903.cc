#include "returns/ssda903.h"

#include <algorithm>
#include <set>

#include "core/text.h"
#include "domain/adoption.h"
#include "domain/asylum.h"
#include "domain/care.h"
#include "domain/care_leaver.h"
#include "domain/child_journey.h"
#include "domain/health.h"
#include "domain/missing.h"

namespace safeguard {
namespace {

std::string day(Date d) { return d.uk(); }
std::string day(const std::optional<Date>& d) { return d ? d->uk() : std::string(); }
std::string flag(bool b) { return b ? "1" : "0"; }
std::string flag(const std::optional<bool>& b) { return b ? flag(*b) : std::string(); }

std::string dob(const Person& p) { return day(p.details.date_of_birth); }

// The end of something that ends after the year is not this year's to return.
std::optional<Date> within(const std::optional<Date>& end, CollectionYear year) {
  if (end && *end <= year.last_day()) return end;
  return std::nullopt;
}

// An episode open at some time in the year: one that ended on 1 April was open at the end of last
// year's return, and is carried into this one with its end.
// A placement's code as the year's return has it: before the 2025-26 collection, the other
// placements Z11 to Z14 were one code, Z1 (rule 146 of that year).
std::string placement_code(const std::string& type, CollectionYear year) {
  if (year.year < 2026 && one_of(type, {"Z11", "Z12", "Z13", "Z14"})) return "Z1";
  return type;
}

bool in_year(const CareEpisode& e, CollectionYear year) {
  return e.start <= year.last_day() && (!e.end || *e.end >= year.first_day());
}

bool looked_after_in(const Person& p, CollectionYear year) {
  for (const PeriodOfCare& period : p.periods_of_care) {
    for (const CareEpisode& e : period.episodes) {
      if (in_year(e, year)) return true;
    }
  }
  return false;
}

// Looked after at the year's end: an episode open on 31 March (one that ended that day has a DEC).
bool looked_after_at_end(const Person& p, CollectionYear year) {
  for (const PeriodOfCare& period : p.periods_of_care) {
    for (const CareEpisode& e : period.episodes) {
      if (e.start <= year.last_day() && !within(e.end, year)) return true;
    }
  }
  return false;
}

// A UPN, or the DfE's reason there is none: UN1 for a child not yet of school age (under 4 on 31
// August two years before the year's end, rule 209), else UN2, never attended a state school in
// England, as far as the record knows.
std::string upn_of(const Person& p, CollectionYear year) {
  if (auto upn = p.identifier("upn")) return *upn;
  const std::optional<Date>& born = p.details.date_of_birth;
  if (born && age_in_years(*born, Date::from_ymd(year.year - 2, 8, 31)) < 4) return "UN1";
  return "UN2";
}

// The end of the child's period of care `id`, if it has ended.
std::optional<Date> period_end_of(const Person& p, int64_t id) {
  for (const PeriodOfCare& period : p.periods_of_care) {
    if (period.id == id) return period.end();
  }
  return std::nullopt;
}

// Whether one of the child's periods of care ended on `day`.
bool care_ended_on(const Person& p, Date day) {
  for (const PeriodOfCare& period : p.periods_of_care) {
    if (period.end() == day) return true;
  }
  return false;
}

// The contact nearest the birthday in its window, 3 months before to a month after; none if none.
const CareLeaverContact* birthday_contact(const Person& p, Date birthday) {
  const Date from = add_months(birthday, -3);
  const Date to = add_months(birthday, 1);
  const CareLeaverContact* best = nullptr;
  for (const CareLeaverContact& c : p.leaving_care.contacts) {
    if (c.on < from || c.on > to) continue;
    if (!best || std::abs(c.on - birthday) < std::abs(best->on - birthday)) best = &c;
  }
  return best;
}

// SDQ_REASON when no SDQ was recorded in the year although one was due: SDQ1 for a child who was
// under 4 or over 16 for part of it (4 or 17 in the year: rule 197B wants a score or a reason for
// them, and SDQ1 says the child was outside 4 to 16 when the latest one would have been done);
// blank otherwise, for the council to put right (rule 186).
std::string sdq_reason(const Person& p, const Oc2Outcomes& o, CollectionYear year) {
  if (o.sdq_score || !o.sdq_reason.empty() || !o.sdq_due) return o.sdq_reason;
  const Date born = *p.details.date_of_birth;
  if (birthday(born, 4) > year.first_day() || birthday(born, 17) <= year.last_day()) return "SDQ1";
  return "";
}

ReturnTable table(std::string name, std::vector<std::string> columns) {
  return ReturnTable{std::move(name), std::move(columns), {}};
}

}  // namespace

std::vector<ReturnTable> ssda903_tables(const std::vector<Ssda903Child>& input, CollectionYear year,
                                        const std::map<std::string, std::string>& registrations) {
  const Date first = year.first_day();
  const Date last = year.last_day();
  std::vector<const Ssda903Child*> children;
  for (const Ssda903Child& c : input) children.push_back(&c);
  std::sort(children.begin(), children.end(),
            [](const Ssda903Child* a, const Ssda903Child* b) { return a->person.id < b->person.id; });

  ReturnTable header = table("Header", {"CHILD", "SEX", "DOB", "ETHNIC", "UPN", "MOTHER", "MC_DOB"});
  ReturnTable episodes =
      table("Episodes", {"CHILD", "DECOM", "RNE", "LS", "CIN", "PLACE", "PLACE_PROVIDER", "DEC", "REC",
                         "REASON_PLACE_CHANGE", "HOME_POST", "PL_POST", "URN"});
  ReturnTable reviews = table("Reviews", {"CHILD", "DOB", "REVIEW", "REVIEW_CODE"});
  ReturnTable uasc = table("UASC", {"CHILD", "SEX", "DOB", "DUC"});
  ReturnTable oc2 = table("OC2", {"CHILD", "DOB", "SDQ_SCORE", "SDQ_REASON", "CONVICTED", "HEALTH_CHECK",
                                  "IMMUNISATIONS", "TEETH_CHECK", "HEALTH_ASSESSMENT", "SUBSTANCE_MISUSE",
                                  "INTERVENTION_RECEIVED", "INTERVENTION_OFFERED"});
  ReturnTable oc3 = table("OC3", {"CHILD", "DOB", "IN_TOUCH", "ACTIV", "ACCOM"});
  ReturnTable ad1 = table("AD1", {"CHILD", "DOB", "DATE_INT", "DATE_MATCH", "FOSTER_CARE", "NB_ADOPTR",
                                  "SEX_ADOPTR", "LS_ADOPTR"});
  ReturnTable placed =
      table("PlacedAdoption", {"CHILD", "DOB", "DATE_PLACED", "DATE_PLACED_CEASED", "REASON_PLACED_CEASED"});
  ReturnTable prev = table("PrevPerm", {"CHILD", "DOB", "PREV_PERM", "LA_PERM", "DATE_PERM"});
  ReturnTable missing = table("Missing", {"CHILD", "DOB", "MISSING", "MIS_START", "MIS_END"});
  ReturnTable workers = table("SWEpisodes", {"CHILD", "DOB", "SW_ID", "SW_DECOM", "SW_DEC", "SW_REASON"});

  for (const Ssda903Child* c : children) {
    const Person& p = c->person;
    const std::string id = std::to_string(p.id);
    const bool looked_after = looked_after_in(p, year);
    bool in_return = looked_after;
    if (looked_after) {
      // An unaccompanied asylum seeker, now or before, has no home in England to measure the
      // distance of a placement from: HOME_POST is blank (rules 406, 392a).
      const bool unaccompanied = p.uasc && p.uasc->from <= last;
      // PrevPerm has one row a child: the previous permanence before the latest period of care
      // begun in the year.
      const PeriodOfCare* begun = nullptr;
      for (const PeriodOfCare& period : p.periods_of_care) {
        for (const CareEpisode& e : period.episodes) {
          if (!in_year(e, year)) continue;
          const std::optional<Date> end = within(e.end, year);
          episodes.rows.push_back({id, day(e.start), e.reason_new, e.legal_status, e.category_of_need,
                                   placement_code(e.placement.type, year), e.placement.provider, day(end),
                                   end ? e.reason_ceased : "", end ? e.reason_place_change : "",
                                   unaccompanied ? "" : period.home_postcode, e.placement.postcode,
                                   e.placement.urn.empty() ? "XXXXXXX" : e.placement.urn});
        }
        for (const LookedAfterReview& r : period.reviews) {
          if (r.held_on >= first && r.held_on <= last)
            reviews.rows.push_back({id, dob(p), day(r.held_on), r.participation});
        }
        if (period.start >= first && period.start <= last) begun = &period;
      }
      if (begun) {
        const PreviousPermanence* before = previous_permanence_of(p, begun->id);
        prev.rows.push_back({id, dob(p), before ? before->type : "", before ? before->local_authority : "",
                             before ? before->made.ssda903() : ""});
      }
      // DUC: the day the status ceased, or for a child still an asylum seeker the 18th birthday
      // to come (rule 205B expects the birthday).
      if (p.uasc && p.uasc->from <= last) {
        std::optional<Date> ceased = uasc_ceased_on(p, last);
        if (!ceased && p.details.date_of_birth) ceased = add_years(*p.details.date_of_birth, 18);
        if (!ceased || *ceased >= first) uasc.rows.push_back({id, p.details.sex, dob(p), day(ceased)});
      }
      if (const std::optional<Oc2Outcomes> o = oc2_outcomes(p, last)) {
        oc2.rows.push_back({id, dob(p), o->sdq_score ? std::to_string(*o->sdq_score) : "",
                            sdq_reason(p, *o, year), flag(o->convicted), flag(o->health_check),
                            flag(o->immunisations), flag(o->teeth_check), flag(o->health_assessment),
                            flag(o->substance_misuse), flag(o->intervention_received),
                            flag(o->intervention_offered)});
      }
      for (const AdoptionDecision& decision : p.permanence.decisions) {
        const std::optional<Date> ceased = within(decision.ceased_on, year);
        if (decision.decided_on > last || (decision.ceased_on && *decision.ceased_on < first)) continue;
        // A decision stands no longer once the period of care it was made in has ended (in an
        // adoption, for one not ceased): a child adopted before the year who comes back into care
        // brings no decision with them (rules 559, 1003).
        if (const std::optional<Date> period_end = period_end_of(p, decision.period_id);
            period_end && *period_end < first)
          continue;
        placed.rows.push_back(
            {id, dob(p), day(decision.decided_on), day(ceased), ceased ? decision.ceased_reason : ""});
        const AdoptionSteps steps = adoption_steps(p, decision);
        if (steps.adopted_on && *steps.adopted_on >= first && *steps.adopted_on <= last) {
          ad1.rows.push_back({id, dob(p), day(decision.decided_on), day(decision.matched_on),
                              flag(steps.by_foster_carers), std::to_string(decision.adopters.number()),
                              decision.adopters.sexes, decision.adopters.legal_status()});
        }
      }
      for (const MissingEpisode& m : p.missing) {
        if (m.started_on > last || (m.ended_on && *m.ended_on < first) || !looked_after_on(p, m.started_on))
          continue;
        missing.rows.push_back({id, dob(p), m.type, day(m.started_on), day(within(m.ended_on, year))});
      }
      // The DfE asks for the social workers of children looked after on 31 March, each allocated
      // at some time in the year, in care or not (SW01, SW11, SW12, SW17): a child who left care
      // in the year has none to return (their worker's episode ended, and it is not open at 31
      // March as SW17 wants of every child in the table).
      for (const SocialWorkerEpisode& e : looked_after_at_end(p, year)
                                              ? social_worker_episodes(p, first, last)
                                              : std::vector<SocialWorkerEpisode>{}) {
        const auto number = registrations.find(e.worker);
        workers.rows.push_back({id, dob(p), number == registrations.end() ? "" : number->second, day(e.start),
                                day(e.end), e.reason});
      }
    }
    // Care leavers: each 17th to 21st birthday in the year spent out of care.
    if (const std::optional<Date>& born = p.details.date_of_birth; born && !p.periods_of_care.empty()) {
      for (int age = 17; age <= 21; ++age) {
        const Date birthday = add_years(*born, age);
        if (birthday < first || birthday > last) continue;
        const std::string category = care_leaver_category(p, birthday);
        if (category != "relevant" && category != "former_relevant") continue;
        // Care that ended on the birthday counts as care on it: the DfE wants nothing for a 17th or
        // 18th birthday spent leaving care (rule 1016), though the record's care leaver began then.
        if (care_ended_on(p, birthday)) continue;
        // No contact from 3 months before the birthday to a month after it: the council was not
        // in touch, and activity and accommodation are not applicable ("0", as the DfE guide asks).
        const CareLeaverContact* contact = birthday_contact(p, birthday);
        oc3.rows.push_back({id, dob(p), contact ? contact->in_touch : "NO", contact ? contact->activity : "0",
                            contact ? contact->accommodation : "0"});
        in_return = true;
      }
    }
    if (in_return) {
      header.rows.push_back({id, p.details.sex, dob(p), p.details.ethnicity, upn_of(p, year),
                             looked_after && p.details.sex == "F" ? flag(c->mother) : "",
                             looked_after && c->mother ? day(c->first_child_born) : ""});
    }
  }
  return {header, episodes, reviews, uasc, oc2, oc3, ad1, placed, prev, missing, workers};
}

}  // namespace safeguard
