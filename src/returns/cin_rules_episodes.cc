// The CIN census rules about Children in Need episodes (CINdetails), assessments and their
// factors, and child in need plans (returns/cin_checks.h). A date counts as present only when it
// is a date, as in the reference.
#include <algorithm>
#include <map>
#include <set>

#include "returns/cin_checks.h"

namespace safeguard {
namespace {

constexpr Severity kError = Severity::kError;
constexpr Severity kQuery = Severity::kQuery;

bool before(const std::optional<Date>& a, const std::optional<Date>& b) { return a && b && *a < *b; }

bool is_factor(std::string_view f) {
  return one_of(f, {"1A",  "1B",  "1C",  "2A",  "2B",  "2C",  "3A",  "3B",  "3C",  "4A",  "4B",
                    "4C",  "5A",  "5B",  "5C",  "6A",  "6B",  "6C",  "7A",  "8B",  "8C",  "8D",
                    "8E",  "8F",  "9A",  "10A", "11A", "12A", "13A", "14A", "15A", "16A", "17A",
                    "18A", "18B", "18C", "19A", "19B", "19C", "20",  "21",  "22A", "23A", "24A"});
}

std::string upper(std::string_view s) {
  std::string out(s);
  for (char& ch : out) {
    if (ch >= 'a' && ch <= 'z') ch = static_cast<char>(ch - 'a' + 'A');
  }
  return out;
}

std::string factor_list(const CinAssessmentRow& a) {
  std::string out;
  for (const std::string& f : a.factors) out += (out.empty() ? "" : " ") + f;
  return out;
}

// An assessment factor that should no longer be used (8945Q, 8950Q).
CinRuleDefinition retired_factor(const char* code, const char* factor, const char* message) {
  return {{code, kQuery, message}, [factor](CinCheck& c) {
            for (size_t i = 0; i < c.census.assessments.size(); ++i) {
              const CinAssessmentRow& a = c.census.assessments[i];
              if (std::any_of(a.factors.begin(), a.factors.end(),
                              [&](const std::string& f) { return upper(f) == factor; }))
                c.flag(kAssessments, i, a.la_child_id, "AssessmentFactors", factor_list(a));
            }
          }};
}

}  // namespace

void add_cin_episode_rules(std::vector<CinRuleDefinition>& rules) {
  rules.push_back(
      {{"1103", kError, "The assessment start date cannot be before the referral date"}, [](CinCheck& c) {
         flag_before_referral(c, kAssessments, c.census.assessments, &CinAssessmentRow::start,
                              "AssessmentActualStartDate");
       }});

  // Activity on an episode closed as "after assessment, no further action" or "referred to early help".
  rules.push_back(
      {{"2990", kError,
        "Activity is recorded against a case marked as \u2018Case closed after assessment, no further "
        "action\u2019 or 'case closed after assessment, referred to early help'."},
       [](CinCheck& c) {
         for (size_t d = 0; d < c.census.details.size(); ++d) {
           const CinDetailsRow& e = c.census.details[d];
           if (!one_of(e.closure_reason, {"RC8", "RC9"})) continue;
           const RowList cpps = c.protection_plans_of(e.la_child_id, e.details_id);
           const RowList plans = c.plans_of(e.la_child_id, e.details_id);
           const RowList& s47 = c.section47_of(e.la_child_id, e.details_id);
           if (!e.initial_cpc.day && cpps.empty() && plans.empty() && s47.empty()) continue;
           for (const size_t p : cpps)
             c.flag(kChildProtectionPlans, p, e.la_child_id, "LAchildID", e.la_child_id);
           c.flag(kCINdetails, d, e.la_child_id, "DateOfInitialCPC", e.initial_cpc.text);
           for (const size_t p : plans) c.flag(kCINplanDates, p, e.la_child_id, "LAchildID", e.la_child_id);
           for (const size_t s : s47) c.flag(kSection47, s, e.la_child_id, "LAchildID", e.la_child_id);
         }
       }});

  rules.push_back(
      {{"4000", kError, "CIN Plan details provided for a referral with no further action"}, [](CinCheck& c) {
         for (size_t d = 0; d < c.census.details.size(); ++d) {
           const CinDetailsRow& e = c.census.details[d];
           if (!is_true(e.referral_nfa)) continue;
           const RowList plans = c.plans_of(e.la_child_id, e.details_id);
           for (const size_t p : plans) c.flag(kCINplanDates, p, e.la_child_id, "LAchildID", e.la_child_id);
           if (!plans.empty()) c.flag(kCINdetails, d, e.la_child_id, "ReferralNFA", e.referral_nfa);
         }
       }});

  rules.push_back(
      {{"4004", kError, "This child is showing more than one open CIN Plan, i.e. with no End Date"},
       [](CinCheck& c) {
         std::set<std::pair<std::string, int64_t>> seen;
         for (const CinPlanDatesRow& first : c.census.plans) {
           if (!seen.insert({first.la_child_id, first.details_id}).second) continue;
           const RowList rows = c.plans_of(first.la_child_id, first.details_id);
           int open = 0;
           for (const size_t r : rows) open += !c.census.plans[r].end.day;
           if (open < 2) continue;
           for (const size_t r : rows)
             c.flag(kCINplanDates, r, first.la_child_id, "CINPlanEndDate", c.census.plans[r].end.text);
         }
       }});

  const auto plan_after_death = [](const char* code, Severity severity, const char* message, bool end) {
    return CinRuleDefinition{{code, severity, message}, [end](CinCheck& c) {
                               for (size_t i = 0; i < c.census.children.size(); ++i) {
                                 const CinChildRow& child = c.census.children[i];
                                 if (!child.death.day) continue;
                                 for (const size_t p : c.plans_of_child(child.la_child_id)) {
                                   const CinPlanDatesRow& plan = c.census.plans[p];
                                   const CinDate& date = end ? plan.end : plan.start;
                                   if (!date.day || *date.day <= *child.death.day) continue;
                                   c.flag(kChildIdentifiers, i, child.la_child_id, "PersonDeathDate",
                                          child.death.text);
                                   c.flag(kCINplanDates, p, plan.la_child_id,
                                          end ? "CINPlanEndDate" : "CINPlanStartDate", date.text);
                                 }
                               }
                             }};
  };
  rules.push_back(plan_after_death(
      "4008", kError, "CIN Plan shown as starting after the child\u2019s Date of Death.", false));
  rules.push_back(
      plan_after_death("4009Q", kQuery, "CIN Plan cannot end after the child\u2019s Date of Death", true));

  rules.push_back(
      {{"4010", kError, "CIN Plan start date is missing or out of data collection period"}, [](CinCheck& c) {
         for (size_t p = 0; p < c.census.plans.size(); ++p) {
           const CinPlanDatesRow& plan = c.census.plans[p];
           if (!plan.start.day || (c.reference && *plan.start.day > *c.reference))
             c.flag(kCINplanDates, p, plan.la_child_id, "CINPlanStartDate", plan.start.text);
         }
       }});

  rules.push_back({{"4011", kError, "CIN Plan End Date earlier than Start Date"}, [](CinCheck& c) {
                     for (size_t p = 0; p < c.census.plans.size(); ++p) {
                       const CinPlanDatesRow& plan = c.census.plans[p];
                       if (before(plan.end.day, plan.start.day))
                         c.flag(kCINplanDates, p, plan.la_child_id, "CINPlanEndDate, CINPlanStartDate",
                                plan.end.text);
                     }
                   }});

  rules.push_back(
      {{"4012Q", kQuery,
        "Please check and either amend or provide a reason: CIN Plan shown as starting and ending on the "
        "same day"},
       [](CinCheck& c) {
         for (size_t p = 0; p < c.census.plans.size(); ++p) {
           const CinPlanDatesRow& plan = c.census.plans[p];
           if (plan.start.day && plan.start.day == plan.end.day)
             c.flag(kCINplanDates, p, plan.la_child_id, "CINPlanStartDate, CINPlanEndDate", plan.start.text);
         }
       }});

  rules.push_back({{"4013", kError, "CIN Plan end date must fall within the census year"}, [](CinCheck& c) {
                     if (!c.reference) return;
                     for (size_t p = 0; p < c.census.plans.size(); ++p) {
                       const CinPlanDatesRow& plan = c.census.plans[p];
                       if (plan.end.day && (*plan.end.day < *c.start || *plan.end.day > *c.reference))
                         c.flag(kCINplanDates, p, plan.la_child_id, "CINPlanEndDate", plan.end.text);
                     }
                   }});

  rules.push_back({{"4014", kError, "CIN Plan data contains overlapping dates"}, [](CinCheck& c) {
                     for (size_t a = 0; a < c.census.plans.size(); ++a) {
                       const CinPlanDatesRow& A = c.census.plans[a];
                       if (!A.start.day) continue;
                       for (const size_t b : c.plans_of_child(A.la_child_id)) {
                         const CinPlanDatesRow& B = c.census.plans[b];
                         if (b == a || !B.start.day || *A.start.day < *B.start.day) continue;
                         const bool overlaps = B.end.day ? *A.start.day <= *B.end.day
                                                         : c.reference && *A.start.day <= *c.reference;
                         if (!overlaps) continue;
                         c.flag(kCINplanDates, a, A.la_child_id, "CINPlanStartDate", A.start.text);
                         c.flag(kCINplanDates, b, B.la_child_id, "CINPlanStartDate, CINPlanEndDate",
                                B.start.text);
                       }
                     }
                   }});

  rules.push_back(
      {{"4015", kError, "The CIN Plan start date cannot be before the referral date"}, [](CinCheck& c) {
         flag_before_referral(c, kCINplanDates, c.census.plans, &CinPlanDatesRow::start, "CINPlanStartDate");
       }});

  // Activity after the episode closed (the reference swaps in a test table for the plans and
  // can fail on plan dates: docs/returns-validation.md).
  rules.push_back({{"8565", kError, "Activity shown after a case has been closed"}, [](CinCheck& c) {
                     for (size_t d = 0; d < c.census.details.size(); ++d) {
                       const CinDetailsRow& e = c.census.details[d];
                       if (!e.closure_date.day) continue;
                       const Date closed = *e.closure_date.day;
                       const auto after = [&](const CinDate& date) { return date.day && closed < *date.day; };
                       bool any = after(e.initial_cpc);
                       std::vector<std::pair<std::string_view, size_t>> rows;
                       for (const size_t a : c.assessments_of(e.la_child_id, e.details_id)) {
                         const CinAssessmentRow& r = c.census.assessments[a];
                         if (after(r.start) || after(r.authorisation)) rows.push_back({kAssessments, a});
                       }
                       for (const size_t s : c.section47_of(e.la_child_id, e.details_id)) {
                         const CinSection47Row& r = c.census.section47[s];
                         if (after(r.start) || after(r.initial_cpc)) rows.push_back({kSection47, s});
                       }
                       for (const size_t p : c.protection_plans_of(e.la_child_id, e.details_id)) {
                         if (after(c.census.protection_plans[p].end))
                           rows.push_back({kChildProtectionPlans, p});
                       }
                       for (const size_t p : c.plans_of(e.la_child_id, e.details_id)) {
                         const CinPlanDatesRow& r = c.census.plans[p];
                         if (after(r.start) || after(r.end)) rows.push_back({kCINplanDates, p});
                       }
                       if (!any && rows.empty()) continue;
                       c.flag(kCINdetails, d, e.la_child_id, "CINclosureDate, DateOfInitialCPC",
                              e.closure_date.text);
                       for (const auto& [table, row] : rows) {
                         const char* fields =
                             table == kAssessments ? "AssessmentActualStartDate, AssessmentAuthorisationDate"
                             : table == kSection47 ? "S47ActualStartDate, DateOfInitialCPC"
                             : table == kChildProtectionPlans ? "CPPendDate"
                                                              : "CINPlanStartDate, CINPlanEndDate";
                         c.flag(table, row, e.la_child_id, fields, "");
                       }
                     }
                   }});

  rules.push_back({{"8568", kError, "RNFA flag is missing or invalid"}, [](CinCheck& c) {
                     for (size_t d = 0; d < c.census.details.size(); ++d) {
                       const CinDetailsRow& e = c.census.details[d];
                       if (!is_true(e.referral_nfa) && !is_false(e.referral_nfa))
                         c.flag(kCINdetails, d, e.la_child_id, "ReferralNFA", e.referral_nfa);
                     }
                   }});

  // Referred before the working day before the year began (the reference takes the year's first
  // day: docs/returns-validation.md).
  rules.push_back(
      {{"8569Q", kQuery,
        "A case with referral date before one working day prior to the collection start date must not "
        "be flagged as a no further action case"},
       [](CinCheck& c) {
         if (!c.reference) return;
         const Date cutoff = c.calendar().add_working_days(*c.start, -1);
         for (size_t d = 0; d < c.census.details.size(); ++d) {
           const CinDetailsRow& e = c.census.details[d];
           if (e.referral_date.day && *e.referral_date.day < cutoff && !is_false(e.referral_nfa))
             c.flag(kCINdetails, d, e.la_child_id, "CINreferralDate, ReferralNFA", e.referral_date.text);
         }
       }});

  rules.push_back(
      {{"8600", kError, "Child referral date missing or after data collection period"}, [](CinCheck& c) {
         for (size_t d = 0; d < c.census.details.size(); ++d) {
           const CinDetailsRow& e = c.census.details[d];
           if (!e.referral_date.day || (c.reference && *e.referral_date.day > *c.reference))
             c.flag(kCINdetails, d, e.la_child_id, "CINreferralDate", e.referral_date.text);
         }
       }});

  rules.push_back(
      {{"8608", kError, "Assessment Start Date cannot be later than its End Date"}, [](CinCheck& c) {
         for (size_t i = 0; i < c.census.assessments.size(); ++i) {
           const CinAssessmentRow& a = c.census.assessments[i];
           if (before(a.authorisation.day, a.start.day))
             c.flag(kAssessments, i, a.la_child_id, "AssessmentActualStartDate, AssessmentAuthorisationDate",
                    a.start.text);
         }
       }});

  rules.push_back(
      {{"8610", kError, "Primary Need code is missing for a referral which led to further action."},
       [](CinCheck& c) {
         for (size_t d = 0; d < c.census.details.size(); ++d) {
           const CinDetailsRow& e = c.census.details[d];
           if (one_of(e.referral_nfa, {"false", "0"}) && e.primary_need.empty())
             c.flag(kCINdetails, d, e.la_child_id, "ReferralNFA, PrimaryNeedCode", e.referral_nfa);
         }
       }});

  rules.push_back(
      {{"8614", kError,
        "Parental or child factors at assessment should only be present for a completed assessment."},
       [](CinCheck& c) {
         for (size_t i = 0; i < c.census.assessments.size(); ++i) {
           const CinAssessmentRow& a = c.census.assessments[i];
           if (!a.authorisation.day && !a.factors.empty())
             c.flag(kAssessments, i, a.la_child_id, "AssessmentAuthorisationDate, AssessmentFactors",
                    factor_list(a));
         }
       }});

  rules.push_back({{"8620", kError, "CIN Closure Date present and does not fall within the Census year"},
                   [](CinCheck& c) {
                     for (size_t d = 0; d < c.census.details.size(); ++d) {
                       const CinDetailsRow& e = c.census.details[d];
                       if (!e.closure_date.day) continue;
                       if (!c.reference || *e.closure_date.day < *c.start ||
                           *e.closure_date.day > *c.reference)
                         c.flag(kCINdetails, d, e.la_child_id, "CINclosureDate", e.closure_date.text);
                     }
                   }});

  rules.push_back({{"8630", kError, "CIN Closure Date is before CIN Referral Date for the same CIN episode"},
                   [](CinCheck& c) {
                     for (size_t d = 0; d < c.census.details.size(); ++d) {
                       const CinDetailsRow& e = c.census.details[d];
                       if (before(e.closure_date.day, e.referral_date.day))
                         c.flag(kCINdetails, d, e.la_child_id, "CINreferralDate, CINclosureDate",
                                e.referral_date.text);
                     }
                   }});

  rules.push_back(
      {{"8640", kError,
        "CIN Reason for closure code invalid (see Reason for Closure table in CIN Census code set)"},
       [](CinCheck& c) {
         for (size_t d = 0; d < c.census.details.size(); ++d) {
           const CinDetailsRow& e = c.census.details[d];
           if (!e.closure_reason.empty() &&
               !one_of(e.closure_reason, {"RC1", "RC2", "RC3", "RC4", "RC5", "RC6", "RC7", "RC8", "RC9"}))
             c.flag(kCINdetails, d, e.la_child_id, "ReasonForClosure", e.closure_reason);
         }
       }});

  rules.push_back(
      {{"8650", kError, "Primary Need Code invalid (see Primary Need table in CIN census code set)"},
       [](CinCheck& c) {
         for (size_t d = 0; d < c.census.details.size(); ++d) {
           const CinDetailsRow& e = c.census.details[d];
           if (!e.primary_need.empty() &&
               !one_of(e.primary_need, {"N0", "N1", "N2", "N3", "N4", "N5", "N6", "N7", "N8", "N9"}))
             c.flag(kCINdetails, d, e.la_child_id, "PrimaryNeedCode", e.primary_need);
         }
       }});

  rules.push_back(
      {{"8670Q", kQuery,
        "Please check and either amend data or provide a reason: Assessment started more than 45 "
        "working days before the end of the census year. However, there is no Assessment end date."},
       [](CinCheck& c) {
         if (!c.reference) return;
         const Date cutoff = c.working_days_before_reference(45);
         for (size_t i = 0; i < c.census.assessments.size(); ++i) {
           const CinAssessmentRow& a = c.census.assessments[i];
           if (!a.authorisation.day && a.start.day && *a.start.day < cutoff)
             c.flag(kAssessments, i, a.la_child_id, "AssessmentAuthorisationDate, AssessmentActualStartDate",
                    a.start.text);
         }
       }});

  rules.push_back({{"8696", kError, "Assessment end date must fall within the census year"}, [](CinCheck& c) {
                     if (!c.reference) return;
                     for (size_t i = 0; i < c.census.assessments.size(); ++i) {
                       const CinAssessmentRow& a = c.census.assessments[i];
                       const auto& d = a.authorisation.day;
                       if (d && (*d < *c.start || *d > *c.reference))
                         c.flag(kAssessments, i, a.la_child_id, "AssessmentAuthorisationDate",
                                a.authorisation.text);
                     }
                   }});

  rules.push_back(
      {{"8736", kError,
        "For an Assessment that has not been completed, the start date must fall within the census year"},
       [](CinCheck& c) {
         for (size_t i = 0; i < c.census.assessments.size(); ++i) {
           const CinAssessmentRow& a = c.census.assessments[i];
           if (a.authorisation.day) continue;
           const bool in_year =
               a.start.day && c.reference && *a.start.day >= *c.start && *a.start.day <= *c.reference;
           if (!in_year)
             c.flag(kAssessments, i, a.la_child_id, "AssessmentAuthorisationDate, AssessmentActualStartDate",
                    a.start.text);
         }
       }});

  rules.push_back({{"8805", kError, "A CIN case cannot have a CIN closure date without a Reason for Closure"},
                   [](CinCheck& c) {
                     for (size_t d = 0; d < c.census.details.size(); ++d) {
                       const CinDetailsRow& e = c.census.details[d];
                       if (e.closure_date.day && e.closure_reason.empty())
                         c.flag(kCINdetails, d, e.la_child_id, "CINclosureDate, ReasonForClosure",
                                e.closure_date.text);
                     }
                   }});

  rules.push_back({{"8810", kError, "A CIN case cannot have a Reason for Closure without a CIN Closure Date"},
                   [](CinCheck& c) {
                     for (size_t d = 0; d < c.census.details.size(); ++d) {
                       const CinDetailsRow& e = c.census.details[d];
                       if (!e.closure_reason.empty() && !e.closure_date.day)
                         c.flag(kCINdetails, d, e.la_child_id, "ReasonForClosure, CINclosureDate",
                                e.closure_reason);
                     }
                   }});

  rules.push_back(
      {{"8815", kError,
        "More than one open CIN Details episode (a module with no CIN Closure Date) has been provided "
        "for this child and case is not a referral with no further action."},
       [](CinCheck& c) {
         std::set<std::string> seen;
         for (const CinDetailsRow& first : c.census.details) {
           if (!seen.insert(first.la_child_id).second) continue;
           const RowList& rows = c.details_of_child(first.la_child_id);
           int open = 0;
           for (const size_t r : rows) {
             const CinDetailsRow& e = c.census.details[r];
             open += !e.closure_date.day && one_of(e.referral_nfa, {"false", "0"});
           }
           if (open < 2) continue;
           for (const size_t r : rows) {
             if (!c.census.details[r].closure_date.day)
               c.flag(kCINdetails, r, first.la_child_id, "CINclosureDate",
                      c.census.details[r].closure_date.text);
           }
         }
       }});

  rules.push_back(
      {{"8816", kError,
        "An open CIN episode is shown and case is not a referral with no further action, but it is not "
        "the latest episode."},
       [](CinCheck& c) {
         std::set<std::string> seen;
         for (const CinDetailsRow& first : c.census.details) {
           if (!seen.insert(first.la_child_id).second) continue;
           const RowList& rows = c.details_of_child(first.la_child_id);
           std::optional<size_t> latest;
           for (const size_t r : rows) {
             const auto& d = c.census.details[r].referral_date.day;
             if (d && (!latest || *d > *c.census.details[*latest].referral_date.day)) latest = r;
           }
           if (!latest) continue;
           for (const size_t r : rows) {
             const CinDetailsRow& e = c.census.details[r];
             if (r == *latest || !e.referral_date.day || e.closure_date.day ||
                 !one_of(e.referral_nfa, {"false", "0"}))
               continue;
             c.flag(kCINdetails, r, e.la_child_id, "CINreferralDate", e.referral_date.text);
             c.flag(kCINdetails, *latest, e.la_child_id, "CINreferralDate",
                    c.census.details[*latest].referral_date.text);
           }
         }
       }});

  rules.push_back({{"8820", kError, "The dates on the CIN episodes for this child overlap"}, [](CinCheck& c) {
                     for (size_t a = 0; a < c.census.details.size(); ++a) {
                       const CinDetailsRow& A = c.census.details[a];
                       if (!A.referral_date.day) continue;
                       for (const size_t b : c.details_of_child(A.la_child_id)) {
                         const CinDetailsRow& B = c.census.details[b];
                         if (b == a || !B.referral_date.day || *A.referral_date.day < *B.referral_date.day)
                           continue;
                         const bool overlaps = B.closure_date.day ? *A.referral_date.day < *B.closure_date.day
                                                                  : is_false(B.referral_nfa) && c.reference &&
                                                                        *A.referral_date.day < *c.reference;
                         if (!overlaps) continue;
                         c.flag(kCINdetails, a, A.la_child_id, "CINreferralDate", A.referral_date.text);
                         c.flag(kCINdetails, b, B.la_child_id, "CINreferralDate, CINclosureDate",
                                B.referral_date.text);
                       }
                     }
                   }});

  rules.push_back(
      {{"8825Q", kQuery,
        "Please check and either amend data or provide a reason: Reason for Closure code RC8 (case "
        "closed after assessment) or RC9 (case closed after assessment, referred to early help) has been "
        "returned but there is no assessment present for the episode."},
       [](CinCheck& c) {
         for (size_t d = 0; d < c.census.details.size(); ++d) {
           const CinDetailsRow& e = c.census.details[d];
           if (one_of(e.closure_reason, {"RC8", "RC9"}) &&
               c.assessments_of(e.la_child_id, e.details_id).empty())
             c.flag(kCINdetails, d, e.la_child_id, "ReasonForClosure", e.closure_reason);
         }
       }});

  rules.push_back(
      {{"8831", kError, "Activity is recorded against a case marked as a referral with no further action"},
       [](CinCheck& c) {
         for (size_t d = 0; d < c.census.details.size(); ++d) {
           const CinDetailsRow& e = c.census.details[d];
           if (!is_true(e.referral_nfa)) continue;
           for (const size_t s : c.section47_of(e.la_child_id, e.details_id)) {
             if (!e.initial_cpc.day && !c.census.section47[s].start.day) continue;
             c.flag(kCINdetails, d, e.la_child_id, "DateOfInitialCPC", e.initial_cpc.text);
             c.flag(kSection47, s, e.la_child_id, "LAchildID", e.la_child_id);
           }
           if (e.initial_cpc.day)
             c.flag(kCINdetails, d, e.la_child_id, "DateOfInitialCPC", e.initial_cpc.text);
           for (const size_t a : c.assessments_of(e.la_child_id, e.details_id)) {
             const CinAssessmentRow& row = c.census.assessments[a];
             if (!row.start.day && !row.authorisation.day) continue;
             c.flag(kCINdetails, d, e.la_child_id, "DateOfInitialCPC", e.initial_cpc.text);
             c.flag(kAssessments, a, e.la_child_id, "LAchildID", e.la_child_id);
           }
         }
       }});

  rules.push_back(
      {{"8863Q", kQuery, "An Assessment is shown as starting when there is another Assessment ongoing."},
       [](CinCheck& c) {
         for (size_t a = 0; a < c.census.assessments.size(); ++a) {
           const CinAssessmentRow& A = c.census.assessments[a];
           if (!A.start.day) continue;
           for (const size_t b : c.assessments_of(A.la_child_id, A.details_id)) {
             const CinAssessmentRow& B = c.census.assessments[b];
             if (!B.start.day || *A.start.day < *B.start.day) continue;
             if (A.start.day == B.start.day && A.authorisation.day == B.authorisation.day) continue;
             const bool ongoing = B.authorisation.day ? *A.start.day <= *B.authorisation.day
                                                      : c.reference && *A.start.day <= *c.reference;
             if (!ongoing) continue;
             c.flag(kAssessments, a, A.la_child_id, "AssessmentActualStartDate", A.start.text);
             c.flag(kAssessments, b, B.la_child_id, "AssessmentActualStartDate, AssessmentAuthorisationDate",
                    B.start.text);
           }
         }
       }});

  rules.push_back(
      {{"8866", kError, "Source of Referral is missing or an invalid code"}, [](CinCheck& c) {
         const Date since = Date::from_ymd(2013, 4, 1);
         for (size_t d = 0; d < c.census.details.size(); ++d) {
           const CinDetailsRow& e = c.census.details[d];
           if (!e.referral_date.day || *e.referral_date.day < since) continue;
           if (!one_of(e.referral_source, {"1A", "1B", "1C", "1D", "2A", "2B", "3A", "3B", "3C", "3D", "3E",
                                           "3F", "4",  "5A", "5B", "5C", "5D", "6",  "7",  "8",  "9",  "10"}))
             c.flag(kCINdetails, d, e.la_child_id, "CINreferralDate, ReferralSource", e.referral_source);
         }
       }});

  rules.push_back(
      {{"8867", kError, "CIN episode is shown as closed, however Assessment is not shown as completed"},
       [](CinCheck& c) {
         for (size_t d = 0; d < c.census.details.size(); ++d) {
           const CinDetailsRow& e = c.census.details[d];
           if (!e.closure_date.day) continue;
           for (const size_t a : c.assessments_of(e.la_child_id, e.details_id)) {
             const CinAssessmentRow& row = c.census.assessments[a];
             if (row.authorisation.day) continue;
             c.flag(kCINdetails, d, e.la_child_id, "CINclosureDate", e.closure_date.text);
             c.flag(kAssessments, a, row.la_child_id, "AssessmentAuthorisationDate", row.authorisation.text);
           }
         }
       }});

  // The DfE's rule on each assessment's list of factors (the reference compares the list as text,
  // so never fires: docs/returns-validation.md).
  rules.push_back({{"8869", kError,
                    "The assessment factors code \u201c21\u201d cannot be used in conjunction with any other "
                    "assessment factors."},
                   [](CinCheck& c) {
                     for (size_t i = 0; i < c.census.assessments.size(); ++i) {
                       const CinAssessmentRow& a = c.census.assessments[i];
                       if (a.factors.size() > 1 &&
                           std::find(a.factors.begin(), a.factors.end(), "21") != a.factors.end())
                         c.flag(kAssessments, i, a.la_child_id, "AssessmentFactors", factor_list(a));
                     }
                   }});

  rules.push_back(
      {{"8873Q", kQuery,
        "Please check and either amend data or provide a reason: When there is only one assessment on the "
        "episode and the factors code \u201c21 No factors identified\u201d has been used for the completed "
        "assessment, the reason for closure \u2018RC8\u2019 or 'RC9' should be used."},
       [](CinCheck& c) {
         for (size_t i = 0; i < c.census.assessments.size(); ++i) {
           const CinAssessmentRow& a = c.census.assessments[i];
           const RowList siblings = c.assessments_of(a.la_child_id, a.details_id);
           if (std::any_of(siblings.begin(), siblings.end(), [&](size_t s) {
                 return c.census.assessments[s].assessment_id != a.assessment_id;
               }))
             continue;
           if (std::none_of(a.factors.begin(), a.factors.end(),
                            [](const std::string& f) { return f.find("21") != std::string::npos; }))
             continue;
           const RowList details = c.details_named(a.la_child_id, a.details_id);
           bool failed = details.empty();
           for (const size_t d : details) {
             if (one_of(c.census.details[d].closure_reason, {"RC8", "RC9"})) continue;
             failed = true;
             c.flag(kCINdetails, d, a.la_child_id, "ReasonForClosure", c.census.details[d].closure_reason);
           }
           if (failed) c.flag(kAssessments, i, a.la_child_id, "AssessmentFactors", factor_list(a));
         }
       }});

  rules.push_back(
      {{"8896", kError, "Within one CINDetails group there are 2 or more open Assessments groups"},
       [](CinCheck& c) {
         std::set<std::pair<std::string, int64_t>> seen;
         for (const CinAssessmentRow& first : c.census.assessments) {
           if (!seen.insert({first.la_child_id, first.details_id}).second) continue;
           const RowList rows = c.assessments_of(first.la_child_id, first.details_id);
           int open = 0;
           for (const size_t r : rows) open += !c.census.assessments[r].authorisation.day;
           if (open < 2) continue;
           for (const size_t r : rows)
             c.flag(kAssessments, r, first.la_child_id, "AssessmentAuthorisationDate",
                    c.census.assessments[r].authorisation.text);
         }
       }});

  // The DfE's rule on each assessment's own factors (the reference joins another episode's
  // assessment of the same number, and fails on an invalid code: docs/returns-validation.md).
  rules.push_back(
      {{"8897Q", kQuery,
        "Parental or child factors at assessment information is missing from a completed assessment"},
       [](CinCheck& c) {
         if (!c.reference) return;
         for (size_t i = 0; i < c.census.assessments.size(); ++i) {
           const CinAssessmentRow& a = c.census.assessments[i];
           if (!a.authorisation.day || *a.authorisation.day < *c.start) continue;
           if (a.factors.empty() || !std::all_of(a.factors.begin(), a.factors.end(), is_factor))
             c.flag(kAssessments, i, a.la_child_id, "AssessmentAuthorisationDate, AssessmentFactors",
                    factor_list(a));
         }
       }});

  rules.push_back(
      {{"8898", kError, " The assessment has more than one parental or child factors with the same code"},
       [](CinCheck& c) {
         for (size_t i = 0; i < c.census.assessments.size(); ++i) {
           const CinAssessmentRow& a = c.census.assessments[i];
           std::set<std::string_view> distinct(a.factors.begin(), a.factors.end());
           if (distinct.size() != a.factors.size())
             c.flag(kAssessments, i, a.la_child_id, "AssessmentFactors", factor_list(a));
         }
       }});

  rules.push_back(
      retired_factor("8945Q", "18A",
                     "Please check and either amend data or provide a reason: the assessment factors code "
                     "'18A' should not be used ('18B' or '18C' should be used instead)"));
  rules.push_back(
      retired_factor("8950Q", "19A",
                     "Please check and either amend data or provide a reason: the assessment factors code "
                     "'19A' should not be used ('19B' or '19C' should be used instead)"));
}

}  // namespace safeguard
