#include "app/looked_after.h"

#include <algorithm>
#include <map>

#include "app/access_policy.h"
#include "app/settings.h"
#include "domain/codes.h"
#include "domain/health.h"
#include "rules/child_deadlines.h"
#include "store/accounts.h"
#include "store/care_read_model.h"
#include "store/missing_read_model.h"
#include "store/people_read_model.h"

namespace safeguard {

Result<int64_t> LookedAfterService::start(const User& user, int64_t person_id, int64_t expected_version,
                                          const StartOfCare& start, const Channel& channel) {
  if (!can_record_care(user)) return Error::denied("Only a social worker or team manager may record care.");
  return people_.change(
      user, person_id, expected_version, "recorded becoming looked after", channel,
      [&](const Person& p, Date today) { return PeopleService::one(looked_after_started(p, start, today)); });
}

Result<int64_t> LookedAfterService::change(const User& user, int64_t person_id, int64_t expected_version,
                                           const ChangeOfCare& change, const Channel& channel) {
  if (!can_record_care(user)) return Error::denied("Only a social worker or team manager may record care.");
  return people_.change(
      user, person_id, expected_version, "recorded a change of care", channel,
      [&](const Person& p, Date today) { return PeopleService::one(care_changed(p, change, today)); });
}

Result<int64_t> LookedAfterService::end(const User& user, int64_t person_id, int64_t expected_version,
                                        Date on, const std::string& reason, const Channel& channel) {
  if (!can_record_care(user)) return Error::denied("Only a social worker or team manager may record care.");
  return people_.change(user, person_id, expected_version, "recorded the end of care", channel,
                        [&](const Person& p, Date today) {
                          return PeopleService::one(looked_after_ended(p, on, reason, today));
                        });
}

Result<int64_t> LookedAfterService::record_uasc(const User& user, int64_t person_id, int64_t expected_version,
                                                Date from, std::optional<Date> ceased_on,
                                                const Channel& channel) {
  if (!can_record_care(user)) return Error::denied("Only a social worker or team manager may record care.");
  return people_.change(user, person_id, expected_version, "recorded unaccompanied asylum-seeking status",
                        channel, [&](const Person& p, Date today) {
                          return PeopleService::one(uasc_status_recorded(p, from, ceased_on, today));
                        });
}

std::map<std::string, std::string> LookedAfterService::registrations() {
  std::map<std::string, std::string> out;
  for (const User& u : Accounts(db_.sql()).users()) {
    if (!u.registration.empty()) out.emplace(u.username, u.registration);
  }
  return out;
}

Motherhood motherhood_of(const PersonRecord& record) {
  Motherhood m;
  if (record.person.details.sex != "F") return m;
  for (const RelatedPerson& r : record.relationships) {
    // Recorded on the other's record as "she is the parent of them": her child.
    if (!r.recorded_on_other || r.label_code != "parent" || !r.summary.date_of_birth) continue;
    // A child born before her is a relationship recorded the wrong way round (SSDA903 rule 621).
    const std::optional<Date>& born = record.person.details.date_of_birth;
    if (born && *r.summary.date_of_birth <= *born) continue;
    m.mother = true;
    if (!m.first_child_born || *r.summary.date_of_birth < *m.first_child_born) {
      m.first_child_born = r.summary.date_of_birth;
    }
  }
  return m;
}

Result<int64_t> LookedAfterService::appoint_reviewing_officer(const User& user, int64_t person_id,
                                                              int64_t expected_version,
                                                              const std::string& officer,
                                                              const Channel& channel) {
  if (!can_appoint_reviewing_officer(user)) {
    return Error::denied("Only a team manager or reviewing officer may appoint a reviewing officer.");
  }
  std::optional<User> chosen;
  try {
    chosen = Accounts(db_.sql()).user_by_username(officer);
  } catch (const SqlError& e) {
    return Error::storage(e.what());
  }
  if (!chosen || chosen->disabled || chosen->role != Role::kIndependentReviewingOfficer) {
    return Error::invalid("Choose an independent reviewing officer from the list", "reviewing_officer");
  }
  return people_.change(user, person_id, expected_version, "appointed a reviewing officer", channel,
                        [&](const Person& p, Date today) {
                          return PeopleService::one(
                              reviewing_officer_appointed(p, chosen->username, chosen->display_name, today));
                        });
}

Result<int64_t> LookedAfterService::record_review(const User& user, int64_t person_id,
                                                  int64_t expected_version, int64_t period_id,
                                                  const LookedAfterReviewInput& input,
                                                  const Channel& channel) {
  if (!can_review_care(user))
    return Error::denied("Only an independent reviewing officer may record a review.");
  return people_.change(
      user, person_id, expected_version, "recorded a looked-after review", channel,
      [&](const Person& p, Date today) {
        const int64_t period =
            period_id != 0 || p.periods_of_care.empty() ? period_id : p.periods_of_care.back().id;
        return PeopleService::one(looked_after_review_recorded(p, period, input, user.display_name, today));
      });
}

std::vector<User> LookedAfterService::reviewing_officers() {
  std::vector<User> out;
  for (User& u : Accounts(db_.sql()).users()) {
    if (u.role == Role::kIndependentReviewingOfficer && !u.disabled) out.push_back(std::move(u));
  }
  std::sort(out.begin(), out.end(),
            [](const User& a, const User& b) { return a.display_name < b.display_name; });
  return out;
}

bool can_see_care_figures(const User& user) {
  return !user.disabled && (user.role == Role::kTeamManager || user.role == Role::kPerformanceAnalyst ||
                            user.role == Role::kIndependentReviewingOfficer || user.role == Role::kInspector);
}

namespace {

// The kinds of placement the dashboard counts, from the SSDA903 placement type.
std::pair<std::string, std::string> placement_kind(std::string_view type) {
  if (type == "U1" || type == "U2" || type == "U3") return {"1", "Foster care with relatives or friends"};
  if (type == "U4" || type == "U5" || type == "U6") return {"2", "Foster care with other carers"};
  if (type.starts_with("A")) return {"3", "Placed for adoption"};
  if (type == "K2" || type == "R1") return {"4", "Children's homes"};
  if (type == "K1") return {"5", "Secure children's homes"};
  if (type == "K3") return {"6", "Supported accommodation"};
  if (type == "P1") return {"7", "Placed with parents"};
  return {"8", "Other placements"};
}

constexpr std::pair<int, std::string_view> kAgeBands[] = {
    {1, "Under 1"}, {5, "1 to 4"}, {10, "5 to 9"}, {16, "10 to 15"}, {18, "16 and 17"}};

// Adds one to the count keyed `key`, making it with `label` the first time.
void add(std::vector<LabelledCount>& counts, const std::string& key, const std::string& label) {
  for (LabelledCount& c : counts) {
    if (c.key == key) {
      ++c.count;
      return;
    }
  }
  counts.push_back({key, label, 1});
}

// Placements with different carers on days from `from` to `to`: the one the child was in when the
// range began (or the first in it), and each move to new carers (RNE S, P or B) after that.
int placements_between(const PeriodOfCare& period, Date from, Date to) {
  int placements = 0;
  for (const CareEpisode& e : period.episodes) {
    if (e.start > to || (e.end && *e.end <= from)) continue;
    const bool new_carers = e.reason_new == "S" || e.reason_new == "P" || e.reason_new == "B";
    if (placements == 0 || new_carers) ++placements;
  }
  return placements;
}

}  // namespace

Result<CareDashboard> LookedAfterService::dashboard(const User& user) {
  if (!can_see_care_figures(user)) {
    return Error::denied(
        "Team managers, performance analysts, reviewing officers and inspectors see these figures.");
  }
  return council_figures();
}

Result<CareFigures> LookedAfterService::figures() {
  auto d = council_figures();
  if (!d) return d.error();
  return d->figures;
}

Result<CareDashboard> LookedAfterService::council_figures() {
  try {
    const Date today = clock_.today();
    const Date year_ago = add_months(today, -12);
    SettingsService settings(db_, clock_);
    const WorkingDayCalendar calendar = settings.calendar();
    const CaseworkTimescales timescales = settings.timescales();
    CareDashboard d;
    d.from = year_ago + 1;
    d.to = today;
    CareFigures& f = d.figures;
    std::map<std::string, CareDashboard::Officer> officers;
    int64_t placements[3] = {0, 0, 0};
    PlacementLocator locator(db_, clock_);
    const auto people =
        PeopleIndex(db_.sql()).casework_of(CareIndex(db_.sql()).looked_after_between(d.from, today));
    for (const auto& [id, person] : people) {
      const std::vector<ChildDeadline> deadlines = child_deadlines(person, today, calendar, timescales);
      bool review_overdue = false;
      bool visit_overdue = false;
      bool health_overdue = false;
      bool education_overdue = false;
      for (const ChildDeadline& dl : deadlines) {
        const bool in_year = dl.status.met_on && *dl.status.met_on >= d.from && *dl.status.met_on <= today;
        const bool on_time = dl.status.state == DeadlineState::kMetOnTime;
        const bool overdue = dl.status.state == DeadlineState::kOverdue;
        if (dl.kind == "looked_after_review") {
          f.reviews += in_year;
          f.reviews_on_time += in_year && on_time;
          review_overdue |= overdue;
        } else if (dl.kind == "looked_after_visit") {
          d.visits += in_year;
          d.visits_on_time += in_year && on_time;
          visit_overdue |= overdue;
        } else if (dl.kind == "health_assessment") {
          f.health_assessments += in_year;
          f.health_assessments_on_time += in_year && on_time;
          health_overdue |= overdue;
        } else if (dl.kind == "education_plan") {
          education_overdue |= overdue;
        }
      }
      if (const std::optional<Oc2Outcomes> oc2 = oc2_outcomes(person, today)) {
        CareDashboard::Outcomes& o = d.outcomes;
        ++o.children;
        o.health_assessment += oc2->health_assessment;
        o.teeth_check += oc2->teeth_check;
        o.immunisations += oc2->immunisations;
        o.under_five += oc2->health_check.has_value();
        o.health_check += oc2->health_check.value_or(false);
        o.sdq_due += oc2->sdq_due;
        o.sdq_score += oc2->sdq_due && oc2->sdq_score.has_value();
        o.substance_misuse += oc2->substance_misuse;
        o.ten_or_over += oc2->convicted.has_value();
        o.convicted += oc2->convicted.value_or(false);
      }
      CareDashboard::Adoption& a = d.adoption;
      for (const AdoptionDecision& decision : person.permanence.decisions) {
        const AdoptionSteps steps = adoption_steps(person, decision);
        if (decision.ceased_on && *decision.ceased_on >= d.from && *decision.ceased_on <= today) {
          ++a.decisions_ceased;
        }
        if (steps.adopted_on && *steps.adopted_on >= d.from && *steps.adopted_on <= today &&
            steps.placed_on) {
          ++a.adopted;
          for (const PeriodOfCare& period : person.periods_of_care) {
            if (period.id == decision.period_id) a.days_to_placed += *steps.placed_on - period.start;
          }
        }
      }
      if (const PeriodOfCare* now = current_period(person)) {
        if (const AdoptionDecision* standing = standing_adoption_decision(person)) {
          ++a.to_be_placed;
          a.matched += standing->matched_on.has_value();
          const std::string& type = now->current().placement.type;
          a.placed += type == "A3" || type == "A4" || type == "A5" || type == "A6";
        }
        a.previous_not_recorded += previous_permanence_of(person, now->id) == nullptr;
      }
      int in_year = 0;
      for (const PeriodOfCare& period : person.periods_of_care) {
        if (period.start >= d.from && period.start <= today) ++f.started;
        if (period.end() && *period.end() >= d.from && *period.end() <= today) ++f.ceased;
        in_year += placements_between(period, d.from, today);
      }
      if (in_year > 0) ++placements[std::min(in_year, 3) - 1];
      if (const PeriodOfCare* now = current_period(person)) {
        ++f.looked_after;
        d.reviews_overdue += review_overdue;
        d.visits_overdue += visit_overdue;
        d.health_assessments_overdue += health_overdue;
        d.education_plans_overdue += education_overdue;
        const CareEpisode& episode = now->episodes.back();
        add(d.by_legal_status, episode.legal_status,
            std::string(
                code_label(CodeList::kLegalStatus, episode.legal_status).value_or(episode.legal_status)));
        const auto [key, label] = placement_kind(episode.placement.type);
        add(d.by_placement, key, label);
        const std::optional<Date>& born = person.details.date_of_birth;
        const int age = born ? age_in_years(*born, today) : 0;
        for (const auto& [below, band] : kAgeBands) {
          if (age < below) {
            add(d.by_age, std::to_string(below + 100), std::string(band));
            break;
          }
        }
        d.uasc += uasc_on(person, today);
        const PlacementLocation where = locator.locate(*now, episode);
        CareDashboard::Whereabouts& w = d.whereabouts;
        if (!where.out_of_area) {
          ++w.area_not_known;
        } else {
          (*where.out_of_area ? w.out_of_area : w.in_area) += 1;
        }
        if (where.miles) {
          ++w.distance_known;
          w.far_from_home += *where.miles > kFarFromHomeMiles;
          w.miles += *where.miles;
        }
        if (!now->reviewing_officer.empty()) {
          CareDashboard::Officer& o = officers[now->reviewing_officer];
          o.username = now->reviewing_officer;
          o.name = now->reviewing_officer_name;
          ++o.children;
          o.reviews_overdue += review_overdue;
        }
      }
      int64_t episodes = 0;
      for (const MissingEpisode& m : person.missing) {
        if (m.started_on >= d.from && m.started_on <= today) ++episodes;
        if (!m.ended_on || *m.ended_on < d.from || *m.ended_on > today) continue;
        ++d.returns;
        if (m.interview && m.interview->offered_on <= *m.ended_on + 3) ++d.interviews_offered_in_time;
      }
      f.missing_episodes += episodes;
      if (episodes > 0) ++f.went_missing;
    }
    f.at_risk_of_exploitation =
        static_cast<int64_t>(MissingIndex(db_.sql()).children_at_risk_of_exploitation(today).size());
    // Care leavers aged 19 to 21: born from the day after the 22nd birthday's to the 19th's.
    const auto leavers =
        PeopleIndex(db_.sql()).casework_of(CareIndex(db_.sql()).ever_looked_after_born_between(
            add_years(today, -22) + 1, add_years(today, -19)));
    for (const auto& [id, person] : leavers) {
      if (care_leaver_category(person, today) != "former_relevant") continue;
      CareDashboard::Leavers& l = d.leavers;
      ++l.aged_19_to_21;
      const CareLeaverContact* last = latest_contact(person, today);
      if (!last || last->on < d.from) continue;
      ++l.contacted;
      l.in_touch += last->in_touch == "YES";
      l.suitable += last->accommodation.size() == 2 && last->accommodation[1] == '1';
      l.education_or_work += last->activity.starts_with('F') || last->activity.starts_with('P');
    }
    const auto by_key = [](const LabelledCount& a, const LabelledCount& b) { return a.key < b.key; };
    std::sort(d.by_legal_status.begin(), d.by_legal_status.end(),
              [](const LabelledCount& a, const LabelledCount& b) {
                return a.count != b.count ? a.count > b.count : a.key < b.key;
              });
    std::sort(d.by_placement.begin(), d.by_placement.end(), by_key);
    std::sort(d.by_age.begin(), d.by_age.end(), by_key);
    d.by_placements = {{"1", "1 placement", placements[0]},
                       {"2", "2 placements", placements[1]},
                       {"3", "3 or more placements", placements[2]}};
    for (auto& [username, o] : officers) d.officers.push_back(o);
    std::sort(d.officers.begin(), d.officers.end(), [](const auto& a, const auto& b) {
      return a.children != b.children ? a.children > b.children : a.name < b.name;
    });
    return d;
  } catch (const SqlError& e) {
    return Error::storage(e.what());
  }
}

}  // namespace safeguard
