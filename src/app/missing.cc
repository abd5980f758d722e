#include "app/missing.h"

#include <algorithm>
#include <map>
#include <set>

#include "app/access_policy.h"
#include "app/settings.h"
#include "domain/person.h"
#include "rules/child_deadlines.h"
#include "store/missing_read_model.h"

namespace safeguard {
namespace {

int risk_rank(const std::string& risk) {
  if (risk == "high") return 0;
  if (risk == "medium") return 1;
  return 2;
}

}  // namespace

Result<int64_t> MissingService::report(const User& user, int64_t person_id, int64_t expected_version,
                                       const std::string& type, Date started_on, const Channel& channel) {
  if (!can_record_missing(user)) return Error::denied("Only social workers and team managers record this.");
  return people_.change(user, person_id, expected_version, "recorded the child missing", channel,
                        [&](const Person& p, Date today) {
                          return PeopleService::one(missing_reported(p, type, started_on, today));
                        });
}

Result<int64_t> MissingService::returned(const User& user, int64_t person_id, int64_t expected_version,
                                         int64_t missing_id, Date ended_on, const std::string& where_found,
                                         const Channel& channel) {
  if (!can_record_missing(user)) return Error::denied("Only social workers and team managers record this.");
  return people_.change(
      user, person_id, expected_version, "recorded the child's return", channel,
      [&](const Person& p, Date today) {
        return PeopleService::one(missing_ended(p, missing_id, ended_on, where_found, today));
      });
}

Result<int64_t> MissingService::record_interview(const User& user, int64_t person_id,
                                                 int64_t expected_version, int64_t missing_id,
                                                 ReturnInterview input, const Channel& channel) {
  if (!can_record_missing(user)) return Error::denied("Only social workers and team managers record this.");
  input.by = user.display_name;
  return people_.change(user, person_id, expected_version, "recorded a return home interview", channel,
                        [&](const Person& p, Date today) {
                          return PeopleService::one(return_interview_recorded(p, missing_id, input, today));
                        });
}

Result<int64_t> MissingService::screen(const User& user, int64_t person_id, int64_t expected_version,
                                       ExploitationScreening input, const Channel& channel) {
  if (!can_screen_exploitation(user)) {
    return Error::denied("Only social workers and team managers screen a child for exploitation.");
  }
  input.by = user.display_name;
  return people_.change(user, person_id, expected_version, "screened the child for exploitation", channel,
                        [&](const Person& p, Date today) {
                          return PeopleService::one(exploitation_screened(p, input, today));
                        });
}

Result<MissingOverview> MissingService::overview(const User& user) {
  if (!can_record_missing(user)) {
    return Error::denied("Social workers and team managers see the missing and exploitation overview.");
  }
  MissingOverview out;
  out.today = clock_.today();
  out.from = out.today - kMissingOverviewDays;
  try {
    MissingIndex missing(db_.sql());
    const std::vector<int64_t> went_missing = missing.children_missing_since(out.from);
    const std::vector<int64_t> at_risk = missing.children_at_risk_of_exploitation(out.today);
    std::set<int64_t> all(went_missing.begin(), went_missing.end());
    all.insert(at_risk.begin(), at_risk.end());
    const std::vector<int64_t> ids(all.begin(), all.end());
    PeopleIndex index(db_.sql());
    const std::map<int64_t, Person> casework = index.casework_of(ids);
    std::map<int64_t, PersonSummary> summaries;
    for (PersonSummary& s : index.summaries(ids)) summaries.emplace(s.id, std::move(s));
    SettingsService settings(db_, clock_);
    const WorkingDayCalendar calendar = settings.calendar();
    const CaseworkTimescales timescales = settings.timescales();
    for (const auto& [id, person] : casework) {
      const auto summary = summaries.find(id);
      if (summary == summaries.end()) continue;
      const bool looked_after = current_period(person) != nullptr;
      MissingChild child{summary->second, looked_after, {}};
      for (const MissingEpisode& m : person.missing) {
        if (m.started_on <= out.today && (m.is_open() || *m.ended_on >= out.from)) child.recent.push_back(m);
      }
      const std::vector<ChildDeadline> deadlines = open_deadlines(person, out.today, calendar, timescales);
      for (const ChildDeadline& d : deadlines) {
        if (d.kind != "return_interview") continue;
        for (const MissingEpisode& m : person.missing) {
          if (m.id == d.item_id && m.ended_on)
            out.interviews.push_back({summary->second, m.id, *m.ended_on, d.status});
        }
      }
      if (const ExploitationScreening* latest = latest_screening(person); latest && latest->risk != "none") {
        AtRisk risk{summary->second, looked_after, *latest, std::nullopt};
        for (const ChildDeadline& d : deadlines) {
          if (d.kind == "exploitation_review" && d.item_id == latest->id) risk.review = d.status;
        }
        out.at_risk.push_back(std::move(risk));
      }
      if (child.recent.empty()) continue;
      out.episodes_in_window += static_cast<int64_t>(child.recent.size());
      if (child.recent.back().is_open()) out.missing_now.push_back(child);
      out.recent.push_back(std::move(child));
    }
  } catch (const SqlError& e) {
    return Error::storage(e.what());
  }
  std::sort(out.missing_now.begin(), out.missing_now.end(), [](const MissingChild& a, const MissingChild& b) {
    return a.recent.back().started_on < b.recent.back().started_on;
  });
  std::stable_sort(out.recent.begin(), out.recent.end(), [](const MissingChild& a, const MissingChild& b) {
    return a.recent.size() > b.recent.size();
  });
  std::stable_sort(out.interviews.begin(), out.interviews.end(),
                   [](const InterviewDue& a, const InterviewDue& b) { return a.status.due < b.status.due; });
  std::stable_sort(out.at_risk.begin(), out.at_risk.end(), [](const AtRisk& a, const AtRisk& b) {
    if (risk_rank(a.latest.risk) != risk_rank(b.latest.risk))
      return risk_rank(a.latest.risk) < risk_rank(b.latest.risk);
    const Date far = Date::from_ymd(9999, 12, 31);
    return (a.review ? a.review->due : far) < (b.review ? b.review->due : far);
  });
  return out;
}

}  // namespace safeguard
