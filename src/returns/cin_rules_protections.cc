// The CIN census rules about section 47 enquiries, initial conferences and child protection plans
// (returns/cin_checks.h). A date counts as present only when it is a date, as in the reference.
#include <algorithm>
#include <map>
#include <set>

#include "core/text.h"
#include "returns/cin_checks.h"

namespace safeguard {
namespace {

constexpr Severity kError = Severity::kError;
constexpr Severity kQuery = Severity::kQuery;

bool is_weekend(const std::optional<Date>& d) {
  return d && (d->weekday() == Weekday::kSaturday || d->weekday() == Weekday::kSunday);
}

bool in_period(const CinCheck& c, const std::optional<Date>& d) {
  return d && c.reference && *d >= *c.start && *d <= *c.reference;
}

bool before(const std::optional<Date>& a, const std::optional<Date>& b) { return a && b && *a < *b; }

bool is_category(std::string_view v) { return one_of(v, {"NEG", "PHY", "SAB", "EMO", "MUL"}); }

}  // namespace

void add_cin_protection_rules(std::vector<CinRuleDefinition>& rules) {
  const auto& s47 = [](CinCheck& c) -> const std::vector<CinSection47Row>& { return c.census.section47; };
  const auto& cpps = [](CinCheck& c) -> const std::vector<CinProtectionPlanRow>& {
    return c.census.protection_plans;
  };

  rules.push_back({{"1104", kError,
                    "The date of the initial child protection conference cannot be before the referral date"},
                   [](CinCheck& c) {
                     flag_before_referral(c, kSection47, c.census.section47, &CinSection47Row::initial_cpc,
                                          "DateOfInitialCPC");
                   }});

  rules.push_back(
      {{"1105", kError, "The child protection plan start date cannot be before the referral date"},
       [](CinCheck& c) {
         flag_before_referral(c, kChildProtectionPlans, c.census.protection_plans,
                              &CinProtectionPlanRow::start, "CPPstartDate");
       }});

  rules.push_back({{"2883", kError,
                    "There are more child protection plans starting than initial conferences taking place"},
                   [=](CinCheck& c) {
                     auto& [plans, conferences] = c.state<std::pair<size_t, size_t>>();
                     for (const CinProtectionPlanRow& p : cpps(c)) plans += in_period(c, p.start.day);
                     for (const CinDetailsRow& e : c.census.details)
                       conferences += in_period(c, e.initial_cpc.day);
                     for (const CinSection47Row& s : s47(c)) conferences += in_period(c, s.initial_cpc.day);
                     if (c.last_batch() && plans > conferences)
                       c.flag_return(
                           "CPPstartDate, DateOfInitialCPC",
                           std::to_string(plans) + " plans, " + std::to_string(conferences) + " conferences");
                   }});

  rules.push_back(
      {{"2884", kError,
        "An initial child protection conference is recorded at both the S47 and CIN Details level and "
        "it should only be recorded in one"},
       [=](CinCheck& c) {
         for (size_t i = 0; i < s47(c).size(); ++i) {
           const CinSection47Row& s = s47(c)[i];
           if (!s.initial_cpc.day) continue;
           for (const size_t d : c.details_of_child(s.la_child_id)) {
             const CinDetailsRow& e = c.census.details[d];
             if (e.initial_cpc.day != s.initial_cpc.day) continue;
             c.flag(kSection47, i, s.la_child_id, "DateOfInitialCPC", s.initial_cpc.text);
             c.flag(kCINdetails, d, e.la_child_id, "DateOfInitialCPC", e.initial_cpc.text);
           }
         }
       }});

  // Each plan starting in the year starts at an initial conference of its episode: the enquiry's
  // (those not marked as needing no conference) or, with no enquiry, the episode's own.
  rules.push_back(
      {{"2885", kError,
        "Child protection plan shown as starting a different day to the initial child protection "
        "conference."},
       [=](CinCheck& c) {
         std::map<std::pair<std::string, int64_t>, std::vector<size_t>> plans_by_episode;
         for (size_t i = 0; i < cpps(c).size(); ++i) {
           const CinProtectionPlanRow& p = cpps(c)[i];
           if (in_period(c, p.start.day)) plans_by_episode[{p.la_child_id, p.details_id}].push_back(i);
         }
         for (const auto& entry : plans_by_episode) {
           const std::pair<std::string, int64_t>& episode = entry.first;
           const std::vector<size_t>& plans = entry.second;
           std::vector<size_t> enquiries;
           for (const size_t s : c.section47_of(episode.first, episode.second)) {
             if (!is_true(s47(c)[s].icpc_not_required)) enquiries.push_back(s);
           }
           const auto starts_on = [&](const std::optional<Date>& day) {
             for (const size_t p : plans) {
               if (day && cpps(c)[p].start.day == day) return true;
             }
             return false;
           };
           if (!enquiries.empty()) {
             bool any = false;
             for (const size_t s : enquiries) any = any || starts_on(s47(c)[s].initial_cpc.day);
             for (const size_t p : plans) {
               bool matched = false;
               for (const size_t s : enquiries)
                 matched = matched || s47(c)[s].initial_cpc.day == cpps(c)[p].start.day;
               if (!matched)
                 c.flag(kChildProtectionPlans, p, episode.first, "CPPstartDate", cpps(c)[p].start.text);
             }
             if (!any) {
               for (const size_t s : enquiries)
                 c.flag(kSection47, s, episode.first, "DateOfInitialCPC", s47(c)[s].initial_cpc.text);
             }
           } else {
             const RowList details = c.details_named(episode.first, episode.second);
             for (const size_t p : plans) {
               bool matched = false;
               for (const size_t d : details)
                 matched = matched || c.census.details[d].initial_cpc.day == cpps(c)[p].start.day;
               if (!matched)
                 c.flag(kChildProtectionPlans, p, episode.first, "CPPstartDate", cpps(c)[p].start.text);
             }
             for (const size_t d : details) {
               if (!starts_on(c.census.details[d].initial_cpc.day))
                 c.flag(kCINdetails, d, episode.first, "DateOfInitialCPC",
                        c.census.details[d].initial_cpc.text);
             }
           }
         }
       }});

  rules.push_back(
      {{"2889", kError, "The S47 start date cannot be before the referral date."}, [](CinCheck& c) {
         flag_before_referral(c, kSection47, c.census.section47, &CinSection47Row::start,
                              "S47ActualStartDate");
       }});

  rules.push_back(
      {{"2991Q", kQuery,
        "Please check and either amend data or provide a reason: A Section 47 module is recorded and "
        "there is no assessment on the episode"},
       [=](CinCheck& c) {
         for (size_t i = 0; i < s47(c).size(); ++i) {
           const CinSection47Row& s = s47(c)[i];
           if (c.assessments_of(s.la_child_id, s.details_id).empty())
             c.flag(kSection47, i, s.la_child_id, "LAchildID", s.la_child_id);
         }
       }});

  // A child protection plan open with a child in need plan open in the same episode.
  rules.push_back(
      {{"4001", kError, "A CIN Plan cannot run concurrently with a Child Protection Plan"}, [=](CinCheck& c) {
         for (size_t i = 0; i < cpps(c).size(); ++i) {
           const CinProtectionPlanRow& p = cpps(c)[i];
           if (p.end.day) continue;
           for (const size_t n : c.plans_of(p.la_child_id, p.details_id)) {
             const CinPlanDatesRow& plan = c.census.plans[n];
             if (!plan.start.day || plan.end.day) continue;
             c.flag(kChildProtectionPlans, i, p.la_child_id, "CPPendDate", p.end.text);
             c.flag(kCINplanDates, n, plan.la_child_id, "CINPlanEndDate", plan.end.text);
           }
         }
       }});

  // A review conference held while a child in need plan of the same episode was open (the DfE's
  // rule; the reference joins across episodes and never sees an open plan: docs/returns-validation.md).
  rules.push_back(
      {{"4003", kError, "A CPP review date is shown as being held at the same time as an open CIN Plan."},
       [=](CinCheck& c) {
         for (size_t r = 0; r < c.census.reviews.size(); ++r) {
           const CinReviewRow& review = c.census.reviews[r];
           if (!review.date.day) continue;
           const Date on = *review.date.day;
           for (const size_t p : c.protection_plans_of(review.la_child_id, review.details_id)) {
             const CinProtectionPlanRow& plan = cpps(c)[p];
             if (plan.plan_id != review.plan_id || (plan.end.day && *plan.end.day == on)) continue;
             for (const size_t n : c.plans_of(review.la_child_id, review.details_id)) {
               const CinPlanDatesRow& cin = c.census.plans[n];
               if (!cin.start.day || on < *cin.start.day || (cin.end.day && on >= *cin.end.day)) continue;
               c.flag(kChildProtectionPlans, p, plan.la_child_id, "CPPendDate", plan.end.text);
               c.flag(kCINplanDates, n, cin.la_child_id, "CINPlanStartDate", cin.start.text);
               c.flag(kReviews, r, review.la_child_id, "CPPreviewDate", review.date.text);
             }
           }
         }
       }});

  // A child in need plan open at the same time as a child protection plan of the child (4016: the
  // child in need plan started during the protection plan; 4017: the other way round).
  rules.push_back(
      {{"4016", kError, "A CIN Plan has been reported as open at the same time as a Child Protection Plan."},
       [=](CinCheck& c) {
         for (size_t n = 0; n < c.census.plans.size(); ++n) {
           const CinPlanDatesRow& cin = c.census.plans[n];
           if (!cin.start.day) continue;
           for (const size_t p : c.protection_plans_of_child(cin.la_child_id)) {
             const CinProtectionPlanRow& plan = cpps(c)[p];
             if (!plan.start.day || *cin.start.day < *plan.start.day) continue;
             const bool during = plan.end.day ? *cin.start.day < *plan.end.day
                                              : (c.reference && *cin.start.day <= *c.reference);
             if (!during) continue;
             c.flag(kChildProtectionPlans, p, plan.la_child_id, "CPPstartDate, CPPendDate", plan.start.text);
             c.flag(kCINplanDates, n, cin.la_child_id, "CINPlanStartDate", cin.start.text);
           }
         }
       }});

  rules.push_back(
      {{"4017", kError, "A CIN Plan has been reported as open at the same time as a Child Protection Plan."},
       [=](CinCheck& c) {
         for (size_t p = 0; p < cpps(c).size(); ++p) {
           const CinProtectionPlanRow& plan = cpps(c)[p];
           if (!plan.start.day) continue;
           for (const size_t n : c.plans_of_child(plan.la_child_id)) {
             const CinPlanDatesRow& cin = c.census.plans[n];
             if (!cin.start.day || *plan.start.day < *cin.start.day) continue;
             const bool during = cin.end.day ? *plan.start.day < *cin.end.day
                                             : (c.reference && *plan.start.day <= *c.reference);
             if (!during) continue;
             c.flag(kChildProtectionPlans, p, plan.la_child_id, "CPPstartDate", plan.start.text);
             c.flag(kCINplanDates, n, cin.la_child_id, "CINPlanStartDate, CINPlanEndDate", cin.start.text);
           }
         }
       }});

  rules.push_back(
      {{"8615", kError,
        "Section 47 Enquiry Start Date must be present and cannot be later than the date of the initial "
        "Child Protection Conference"},
       [=](CinCheck& c) {
         for (size_t i = 0; i < s47(c).size(); ++i) {
           const CinSection47Row& s = s47(c)[i];
           if (before(s.initial_cpc.day, s.start.day) || (s.initial_cpc.day && !s.start.day))
             c.flag(kSection47, i, s.la_child_id, "S47ActualStartDate, DateOfInitialCPC", s.start.text);
         }
       }});

  rules.push_back(
      {{"8675Q", kQuery,
        "Please check and either amend data or provide a reason: S47 Enquiry started more than 15 "
        "working days before the end of the census year. However, there is no date of Initial Child "
        "Protection Conference."},
       [=](CinCheck& c) {
         if (!c.reference) return;
         const Date cutoff = c.working_days_before_reference(15);
         for (size_t i = 0; i < s47(c).size(); ++i) {
           const CinSection47Row& s = s47(c)[i];
           if (!s.initial_cpc.day && is_false(s.icpc_not_required) && s.start.day && *s.start.day < cutoff)
             c.flag(kSection47, i, s.la_child_id, "DateOfInitialCPC, S47ActualStartDate, ICPCnotRequired",
                    s.start.text);
         }
       }});

  rules.push_back(
      {{"8715", kError, "Date of Initial Child Protection Conference must fall within the census year"},
       [=](CinCheck& c) {
         if (!c.reference) return;
         for (size_t i = 0; i < s47(c).size(); ++i) {
           const CinSection47Row& s = s47(c)[i];
           if (s.initial_cpc.day && !in_period(c, s.initial_cpc.day))
             c.flag(kSection47, i, s.la_child_id, "DateOfInitialCPC", s.initial_cpc.text);
         }
       }});

  rules.push_back(
      {{"8720", kError, "Child Protection Plan Start Date missing or out of data collection period"},
       [=](CinCheck& c) {
         for (size_t p = 0; p < cpps(c).size(); ++p) {
           const CinProtectionPlanRow& plan = cpps(c)[p];
           if (!plan.start.day || (c.reference && *plan.start.day > *c.reference))
             c.flag(kChildProtectionPlans, p, plan.la_child_id, "CPPstartDate", plan.start.text);
         }
       }});

  // Missing, negative or not a whole number (the reference fails on the last: docs/returns-validation.md).
  rules.push_back(
      {{"8730", kError, "Total Number of previous Child Protection Plans missing"}, [=](CinCheck& c) {
         for (size_t p = 0; p < cpps(c).size(); ++p) {
           const CinProtectionPlanRow& plan = cpps(c)[p];
           std::string_view v = trim(plan.previous_plans);
           if (!v.empty() && v[0] == '+') v.remove_prefix(1);
           const bool whole = !v.empty() && v.size() <= 9 &&
                              std::all_of(v.begin(), v.end(), [](char ch) { return ch >= '0' && ch <= '9'; });
           if (!whole)
             c.flag(kChildProtectionPlans, p, plan.la_child_id, "NumberOfPreviousCPP", plan.previous_plans);
         }
       }});

  rules.push_back(
      {{"8740", kError,
        "For a Section 47 Enquiry that has not held the Initial Child Protection Conference by the end "
        "of the census year, the start date must fall within the census year"},
       [=](CinCheck& c) {
         if (!c.reference) return;
         for (size_t i = 0; i < s47(c).size(); ++i) {
           const CinSection47Row& s = s47(c)[i];
           if (!s.initial_cpc.day && is_false(s.icpc_not_required) && s.start.day &&
               !in_period(c, s.start.day))
             c.flag(kSection47, i, s.la_child_id, "S47ActualStartDate, DateOfInitialCPC, ICPCnotRequired",
                    s.start.text);
         }
       }});

  rules.push_back(
      {{"8832", kError, "Child Protection details provided for a referral with no further action."},
       [=](CinCheck& c) {
         for (size_t d = 0; d < c.census.details.size(); ++d) {
           const CinDetailsRow& e = c.census.details[d];
           if (!is_true(e.referral_nfa)) continue;
           const RowList plans = c.protection_plans_of(e.la_child_id, e.details_id);
           if (plans.empty()) continue;
           c.flag(kCINdetails, d, e.la_child_id, "ReferralNFA", e.referral_nfa);
           for (const size_t p : plans)
             c.flag(kChildProtectionPlans, p, e.la_child_id, "LAchildID", e.la_child_id);
         }
       }});

  rules.push_back({{"8839", kError, "Within one CINDetails group there are 2 or more open S47 Assessments"},
                   [=](CinCheck& c) {
                     std::set<std::pair<std::string, int64_t>> seen;
                     for (const CinSection47Row& s : s47(c)) {
                       if (!seen.insert({s.la_child_id, s.details_id}).second) continue;
                       const RowList rows = c.section47_of(s.la_child_id, s.details_id);
                       int open = 0;
                       for (const size_t r : rows)
                         open += !s47(c)[r].initial_cpc.day && !is_true(s47(c)[r].icpc_not_required);
                       if (open < 2) continue;
                       for (const size_t r : rows) {
                         if (!s47(c)[r].initial_cpc.day)
                           c.flag(kSection47, r, s.la_child_id, "DateOfInitialCPC",
                                  s47(c)[r].initial_cpc.text);
                       }
                     }
                   }});

  rules.push_back(
      {{"8840", kError, "Child Protection Plan cannot start and end on the same day"}, [=](CinCheck& c) {
         for (size_t p = 0; p < cpps(c).size(); ++p) {
           const CinProtectionPlanRow& plan = cpps(c)[p];
           if (plan.start.day && plan.start.day == plan.end.day)
             c.flag(kChildProtectionPlans, p, plan.la_child_id, "CPPstartDate, CPPendDate", plan.start.text);
         }
       }});

  rules.push_back(
      {{"8841", kError,
        "The review date cannot be on the same day or before the Child protection Plan start date."},
       [=](CinCheck& c) {
         for (size_t r = 0; r < c.census.reviews.size(); ++r) {
           const CinReviewRow& review = c.census.reviews[r];
           if (!review.date.day) continue;
           for (const size_t p : c.protection_plans_of(review.la_child_id, review.details_id)) {
             const CinProtectionPlanRow& plan = cpps(c)[p];
             if (plan.plan_id != review.plan_id || !plan.start.day || *review.date.day > *plan.start.day)
               continue;
             c.flag(kChildProtectionPlans, p, plan.la_child_id, "CPPstartDate", plan.start.text);
             c.flag(kReviews, r, review.la_child_id, "CPPreviewDate", review.date.text);
           }
         }
       }});

  rules.push_back({{"8842Q", kQuery,
                    "Please check and either amend or provide a reason: Review Record has a missing date"},
                   [=](CinCheck& c) {
                     for (size_t r = 0; r < c.census.reviews.size(); ++r) {
                       const CinReviewRow& review = c.census.reviews[r];
                       if (!review.date.day)
                         c.flag(kReviews, r, review.la_child_id, "CPPreviewDate", review.date.text);
                     }
                   }});

  rules.push_back(
      {{"8868", kError,
        "CIN episode is shown as closed, however Section 47 enquiry is not shown as completed by ICPC "
        "date or ICPC not required flag"},
       [=](CinCheck& c) {
         for (size_t d = 0; d < c.census.details.size(); ++d) {
           const CinDetailsRow& e = c.census.details[d];
           if (!e.closure_date.day) continue;
           for (const size_t s : c.section47_of(e.la_child_id, e.details_id)) {
             const CinSection47Row& row = s47(c)[s];
             const bool not_required = is_true(row.icpc_not_required);
             if (row.initial_cpc.day.has_value() != not_required) continue;
             c.flag(kSection47, s, row.la_child_id, "DateOfInitialCPC, ICPCnotRequired",
                    row.initial_cpc.text);
             c.flag(kCINdetails, d, e.la_child_id, "CINclosureDate", e.closure_date.text);
           }
         }
       }});

  rules.push_back({{"8870Q", kQuery,
                    "Please check and either amend or provide a reason: The Target Date for Initial Child "
                    "Protection Conference should not be a weekend"},
                   [=](CinCheck& c) {
                     for (size_t s = 0; s < s47(c).size(); ++s) {
                       if (is_weekend(s47(c)[s].target.day))
                         c.flag(kSection47, s, s47(c)[s].la_child_id, "InitialCPCtarget",
                                s47(c)[s].target.text);
                     }
                   }});

  rules.push_back({{"8875", kError, "The Date of Initial Child Protection Conference cannot be a weekend"},
                   [=](CinCheck& c) {
                     for (size_t s = 0; s < s47(c).size(); ++s) {
                       if (is_weekend(s47(c)[s].initial_cpc.day))
                         c.flag(kSection47, s, s47(c)[s].la_child_id, "DateOfInitialCPC",
                                s47(c)[s].initial_cpc.text);
                     }
                   }});

  // One enquiry starting while another of the episode is under way.
  rules.push_back(
      {{"8890", kError,
        "A Section 47 enquiry is shown as starting when there is another Section 47 Enquiry ongoing"},
       [=](CinCheck& c) {
         for (size_t a = 0; a < s47(c).size(); ++a) {
           const CinSection47Row& A = s47(c)[a];
           if (!A.start.day) continue;
           for (const size_t b : c.section47_of(A.la_child_id, A.details_id)) {
             const CinSection47Row& B = s47(c)[b];
             if (!B.start.day || *A.start.day < *B.start.day) continue;
             if (A.start.day == B.start.day && A.initial_cpc.day == B.initial_cpc.day) continue;
             const bool ongoing = B.initial_cpc.day ? *A.start.day <= *B.initial_cpc.day
                                                    : !is_true(B.icpc_not_required) && c.reference &&
                                                          *A.start.day <= *c.reference;
             if (!ongoing) continue;
             c.flag(kSection47, a, A.la_child_id, "S47ActualStartDate", A.start.text);
             c.flag(kSection47, b, B.la_child_id, "S47ActualStartDate, DateOfInitialCPC", B.start.text);
           }
         }
       }});

  rules.push_back(
      {{"8905", kError,
        "Initial Category of Abuse code missing or invalid (see Category of Abuse table in CIN Census "
        "code set)"},
       [=](CinCheck& c) {
         for (size_t p = 0; p < cpps(c).size(); ++p) {
           if (!is_category(cpps(c)[p].initial_category))
             c.flag(kChildProtectionPlans, p, cpps(c)[p].la_child_id, "InitialCategoryOfAbuse",
                    cpps(c)[p].initial_category);
         }
       }});

  rules.push_back(
      {{"8910", kError,
        "Latest Category of Abuse code missing or invalid (see Category of Abuse table in CIN Census "
        "code set)"},
       [=](CinCheck& c) {
         for (size_t p = 0; p < cpps(c).size(); ++p) {
           if (!is_category(cpps(c)[p].latest_category))
             c.flag(kChildProtectionPlans, p, cpps(c)[p].la_child_id, "LatestCategoryOfAbuse",
                    cpps(c)[p].latest_category);
         }
       }});

  const auto after_death = [=](const char* code, const char* message, bool end) {
    return CinRuleDefinition{{code, kError, message}, [=](CinCheck& c) {
                               for (size_t p = 0; p < cpps(c).size(); ++p) {
                                 const CinProtectionPlanRow& plan = cpps(c)[p];
                                 const CinDate& date = end ? plan.end : plan.start;
                                 if (!date.day) continue;
                                 for (const size_t i : c.children_named(plan.la_child_id)) {
                                   const CinChildRow& child = c.census.children[i];
                                   if (!child.death.day || *date.day <= *child.death.day) continue;
                                   c.flag(kChildProtectionPlans, p, plan.la_child_id,
                                          end ? "CPPendDate" : "CPPstartDate", date.text);
                                   c.flag(kChildIdentifiers, i, child.la_child_id, "PersonDeathDate",
                                          child.death.text);
                                 }
                               }
                             }};
  };
  rules.push_back(after_death(
      "8915", "Child Protection Plan shown as starting after the child\u2019s Date of Death", false));
  rules.push_back(
      after_death("8920", "Child Protection Plan cannot end after the child\u2019s Date of Death", true));

  rules.push_back(
      {{"8925", kError, "Child Protection Plan End Date earlier than Start Date"}, [=](CinCheck& c) {
         for (size_t p = 0; p < cpps(c).size(); ++p) {
           const CinProtectionPlanRow& plan = cpps(c)[p];
           if (before(plan.end.day, plan.start.day))
             c.flag(kChildProtectionPlans, p, plan.la_child_id, "CPPstartDate, CPPendDate", plan.end.text);
         }
       }});

  rules.push_back(
      {{"8930", kError, "Child Protection Plan End Date must fall within the census year"}, [=](CinCheck& c) {
         if (!c.reference) return;
         for (size_t p = 0; p < cpps(c).size(); ++p) {
           const CinProtectionPlanRow& plan = cpps(c)[p];
           if (plan.end.day && !in_period(c, plan.end.day))
             c.flag(kChildProtectionPlans, p, plan.la_child_id, "CPPendDate", plan.end.text);
         }
       }});

  // The DfE's rule: more than one plan of the child with no end (the reference groups by plan
  // number instead: docs/returns-validation.md).
  rules.push_back({{"8935", kError,
                    "This child is showing more than one open Child Protection plan, i.e. with no End Date"},
                   [=](CinCheck& c) {
                     std::set<std::string> seen;
                     for (const CinProtectionPlanRow& first : cpps(c)) {
                       if (!seen.insert(first.la_child_id).second) continue;
                       const RowList& plans = c.protection_plans_of_child(first.la_child_id);
                       int open = 0;
                       for (const size_t p : plans) open += !cpps(c)[p].end.day;
                       if (open < 2) continue;
                       for (const size_t p : plans) {
                         if (!cpps(c)[p].end.day)
                           c.flag(kChildProtectionPlans, p, first.la_child_id, "CPPendDate",
                                  cpps(c)[p].end.text);
                       }
                     }
                   }});

  // Two plans of a child overlapping, a plan starting on the day another ends included (the
  // reference compares only plans with different numbers: docs/returns-validation.md).
  rules.push_back(
      {{"8940", kError, "Child Protection Plan data contains overlapping dates"}, [=](CinCheck& c) {
         for (size_t a = 0; a < cpps(c).size(); ++a) {
           const CinProtectionPlanRow& A = cpps(c)[a];
           if (!A.start.day) continue;
           for (const size_t b : c.protection_plans_of_child(A.la_child_id)) {
             const CinProtectionPlanRow& B = cpps(c)[b];
             if (b == a || !B.start.day || *A.start.day < *B.start.day) continue;
             const bool overlaps =
                 B.end.day ? *A.start.day <= *B.end.day : c.reference && *A.start.day <= *c.reference;
             if (!overlaps) continue;
             c.flag(kChildProtectionPlans, a, A.la_child_id, "CPPstartDate", A.start.text);
             c.flag(kChildProtectionPlans, b, B.la_child_id, "CPPstartDate, CPPendDate", B.start.text);
           }
         }
       }});
}

}  // namespace safeguard
