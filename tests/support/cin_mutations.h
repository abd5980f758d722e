// The conformance corpus for the CIN census validator: a valid census (tests/data/cin/valid.xml)
// and, for every rule, one known fault that breaks it. Each mutation changes the tables; the test
// writes the file again (cin_document_xml) so that rows are numbered as any validator reading the
// file numbers them.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "domain/identifiers.h"
#include "returns/cin_document.h"

namespace safeguard::testing {

struct CinMutation {
  std::string rule;   // the rule the fault breaks
  std::string table;  // a table the finding names ("" for the whole return)
  std::function<void(CinDocument&)> apply;
};

inline void set_date(CinDate& d, const std::string& text) {
  d.text = text;
  d.day = parse_cin_date(text);
}

// Gives child `i` a new LAchildID on every row.
inline void rename_child(CinDocument& c, size_t i, const std::string& id) {
  c.children[i].la_child_id = id;
  c.characteristics[i].la_child_id = id;
  const auto label = [&](auto& rows) {
    for (auto& r : rows) {
      if (r.child == i) r.la_child_id = id;
    }
  };
  label(c.disabilities);
  label(c.details);
  label(c.assessments);
  label(c.factors);
  label(c.plans);
  label(c.section47);
  label(c.protection_plans);
  label(c.reviews);
}

// The episode row of child `i` numbered `details_id`.
inline const CinDetailsRow& episode_of(const CinDocument& c, size_t i, int64_t details_id) {
  for (const CinDetailsRow& d : c.details) {
    if (d.child == i && d.details_id == details_id) return d;
  }
  return c.details.front();
}

inline void add_factor(CinDocument& c, size_t assessment, const std::string& factor) {
  CinAssessmentRow& a = c.assessments[assessment];
  a.factors.push_back(factor);
  CinAssessmentFactorRow f;
  f.child = a.child;
  f.la_child_id = a.la_child_id;
  f.details_id = a.details_id;
  f.assessment_id = a.assessment_id;
  f.factor = factor;
  c.factors.push_back(f);
}

inline void remove_factors(CinDocument& c, size_t assessment) {
  CinAssessmentRow& a = c.assessments[assessment];
  a.factors.clear();
  std::erase_if(c.factors, [&](const CinAssessmentFactorRow& f) {
    return f.child == a.child && f.details_id == a.details_id && f.assessment_id == a.assessment_id;
  });
}

inline void add_assessment(CinDocument& c, size_t child, int64_t details_id, const std::string& start,
                           const std::string& authorised) {
  CinAssessmentRow a;
  a.child = child;
  a.la_child_id = c.children[child].la_child_id;
  a.details_id = details_id;
  a.assessment_id = 9;
  set_date(a.start, start);
  set_date(a.authorisation, authorised);
  c.assessments.push_back(a);
}

inline void add_plan(CinDocument& c, size_t child, int64_t details_id, const std::string& start,
                     const std::string& end) {
  CinPlanDatesRow p;
  p.child = child;
  p.la_child_id = c.children[child].la_child_id;
  p.details_id = details_id;
  set_date(p.start, start);
  set_date(p.end, end);
  c.plans.push_back(p);
}

inline void add_section47(CinDocument& c, size_t child, int64_t details_id, const std::string& start,
                          const std::string& conference, const std::string& not_required) {
  CinSection47Row s;
  s.child = child;
  s.la_child_id = c.children[child].la_child_id;
  s.details_id = details_id;
  set_date(s.start, start);
  set_date(s.initial_cpc, conference);
  s.icpc_not_required = not_required;
  c.section47.push_back(s);
}

inline void add_protection_plan(CinDocument& c, size_t child, int64_t details_id, const std::string& start,
                                const std::string& end) {
  CinProtectionPlanRow p;
  p.child = child;
  p.la_child_id = c.children[child].la_child_id;
  p.details_id = details_id;
  p.plan_id = 9;
  set_date(p.start, start);
  set_date(p.end, end);
  p.initial_category = "EMO";
  p.latest_category = "EMO";
  p.previous_plans = "0";
  c.protection_plans.push_back(p);
}

// A UPN with a correct check letter for these 12 characters.
inline std::string upn_for(const std::string& last_twelve) {
  return std::string(1, upn_check_letter(last_twelve).value_or('A')) + last_twelve;
}

// Rows of valid.xml: children C1001 (0), C1002 (1, two episodes), C1003 (2, assessment and enquiry
// open), C1004 (3, unborn). Assessments 0 C1001, 1 C1002 episode 2, 2 C1003 (open), 3 C1004; plans
// 0 C1001, 1 C1002 episode 1, 2 C1004 (open); section 47: 0 C1001, 1 C1003 (open); plan 0 C1001
// with review 0; disabilities 0-2 C1001, 3-7 C1002, 8 C1003 (NONE).
inline std::vector<CinMutation> cin_mutations() {
  using D = CinDocument;
  return {
      {"100", "Header", [](D& c) { set_date(c.header.reference_date, "2026-03-30"); }},
      {"1103", "Assessments", [](D& c) { set_date(c.assessments[0].start, "2025-04-10"); }},
      {"1104", "Section47", [](D& c) { set_date(c.section47[0].initial_cpc, "2025-04-01"); }},
      {"1105", "ChildProtectionPlans", [](D& c) { set_date(c.protection_plans[0].start, "2025-04-01"); }},
      {"1510", "ChildIdentifiers", [](D& c) { c.children[0].upn = "A926000000011"; }},
      {"1520", "ChildIdentifiers",
       [](D& c) {
         c.children[1].upn = c.children[0].upn;
         c.children[1].upn_unknown.clear();
       }},
      {"1530", "ChildIdentifiers", [](D& c) { c.children[0].upn = upn_for("999000000011"); }},
      {"1540", "ChildIdentifiers", [](D& c) { c.children[0].upn = "E926AB"; }},
      {"1550", "ChildIdentifiers", [](D& c) { c.children[0].upn = "E92600000001I"; }},
      {"1560Q", "ChildIdentifiers", [](D& c) { c.children[0].former_upn = "123"; }},
      {"1570", "ChildIdentifiers", [](D& c) { rename_child(c, 0, "C1001C1001C1001C1001X"); }},
      {"1580", "ChildIdentifiers", [](D& c) { rename_child(c, 0, "C-1001"); }},
      {"2883", "", [](D& c) { set_date(c.section47[0].initial_cpc, ""); }},
      {"2884", "Section47", [](D& c) { set_date(c.details[0].initial_cpc, "2025-10-24"); }},
      {"2885", "ChildProtectionPlans", [](D& c) { set_date(c.protection_plans[0].start, "2025-10-27"); }},
      {"2886Q", "", [](D& c) { c.children[1].sex = "U"; }},
      {"2887Q", "",
       [](D& c) { std::erase_if(c.disabilities, [](const CinDisabilityRow& r) { return r.child == 1; }); }},
      {"2888Q", "",
       [](D& c) {
         std::erase_if(c.disabilities,
                       [](const CinDisabilityRow& r) { return r.child == 1 || r.disability == "COMM"; });
         std::erase_if(c.disabilities, [](const CinDisabilityRow& r) { return r.disability == "AUT"; });
       }},
      {"2889", "Section47", [](D& c) { set_date(c.section47[0].start, "2025-04-01"); }},
      {"2990", "CINdetails", [](D& c) { c.details[1].closure_reason = "RC8"; }},
      {"2991Q", "Section47",
       [](D& c) {
         remove_factors(c, 2);
         c.assessments.erase(c.assessments.begin() + 2);
       }},
      {"4000", "CINplanDates", [](D& c) { c.details[4].referral_nfa = "1"; }},
      {"4001", "ChildProtectionPlans", [](D& c) { set_date(c.plans[0].end, ""); }},
      {"4003", "Reviews", [](D& c) { set_date(c.plans[0].end, "2026-02-01"); }},
      {"4004", "CINplanDates", [](D& c) { add_plan(c, 3, 1, "2026-03-20", ""); }},
      {"4008", "CINplanDates", [](D& c) { set_date(c.children[0].death, "2025-05-01"); }},
      {"4009Q", "CINplanDates", [](D& c) { set_date(c.children[0].death, "2025-06-01"); }},
      {"4010", "CINplanDates", [](D& c) { set_date(c.plans[2].start, ""); }},
      {"4011", "CINplanDates", [](D& c) { set_date(c.plans[0].end, "2025-05-01"); }},
      {"4012Q", "CINplanDates", [](D& c) { set_date(c.plans[2].end, "2026-03-16"); }},
      {"4013", "CINplanDates", [](D& c) { set_date(c.plans[1].end, "2025-03-20"); }},
      {"4014", "CINplanDates", [](D& c) { add_plan(c, 3, 1, "2026-03-20", "2026-03-25"); }},
      {"4015", "CINplanDates", [](D& c) { set_date(c.plans[2].start, "2026-02-01"); }},
      {"4016", "CINplanDates", [](D& c) { add_plan(c, 0, 1, "2025-11-03", "2025-12-01"); }},
      {"4017", "ChildProtectionPlans", [](D& c) { set_date(c.plans[0].end, "2025-12-01"); }},
      {"4180", "ChildIdentifiers", [](D& c) { c.children[0].sex = "X"; }},
      {"4220", "ChildCharacteristics", [](D& c) { c.characteristics[0].ethnicity = "XXXX"; }},
      {"8500", "ChildIdentifiers", [](D& c) { c.children[2].la_child_id.clear(); }},
      {"8510", "ChildIdentifiers", [](D& c) { rename_child(c, 1, "C1001"); }},
      {"8520", "ChildIdentifiers", [](D& c) { set_date(c.children[2].birth, "2026-04-02"); }},
      {"8525Q", "ChildIdentifiers", [](D& c) { set_date(c.children[3].birth, "2026-03-01"); }},
      {"8530Q", "ChildIdentifiers", [](D& c) { set_date(c.children[3].expected_birth, "2027-02-01"); }},
      {"8535Q", "ChildIdentifiers", [](D& c) { set_date(c.children[0].death, "2015-01-01"); }},
      {"8540", "ChildIdentifiers",
       [](D& c) { std::erase_if(c.disabilities, [](const CinDisabilityRow& r) { return r.child == 2; }); }},
      {"8545Q", "ChildIdentifiers", [](D& c) { set_date(c.children[1].death, "2024-01-01"); }},
      {"8555Q", "CINdetails", [](D& c) { set_date(c.children[2].death, "2026-02-01"); }},
      {"8565", "CINplanDates", [](D& c) { set_date(c.plans[1].end, "2025-09-20"); }},
      {"8568", "CINdetails", [](D& c) { c.details[0].referral_nfa = "maybe"; }},
      {"8569Q", "CINdetails", [](D& c) { c.details[1].referral_nfa = "1"; }},
      {"8585Q", "CINdetails", [](D& c) { c.details[1].closure_reason = "RC2"; }},
      {"8590", "ChildIdentifiers",
       [](D& c) {
         std::erase_if(c.details, [](const CinDetailsRow& r) { return r.child == 3; });
         std::erase_if(c.assessments, [](const CinAssessmentRow& r) { return r.child == 3; });
         std::erase_if(c.factors, [](const CinAssessmentFactorRow& r) { return r.child == 3; });
         std::erase_if(c.plans, [](const CinPlanDatesRow& r) { return r.child == 3; });
       }},
      {"8600", "CINdetails", [](D& c) { set_date(c.details[0].referral_date, ""); }},
      {"8606", "CINdetails", [](D& c) { set_date(c.details[4].referral_date, "2025-08-01"); }},
      {"8608", "Assessments", [](D& c) { set_date(c.assessments[0].authorisation, "2025-04-14"); }},
      {"8610", "CINdetails", [](D& c) { c.details[0].primary_need.clear(); }},
      {"8614", "Assessments", [](D& c) { add_factor(c, 2, "4B"); }},
      {"8615", "Section47", [](D& c) { set_date(c.section47[0].start, "2025-10-30"); }},
      {"8620", "CINdetails", [](D& c) { set_date(c.details[1].closure_date, "2026-04-02"); }},
      {"8630", "CINdetails", [](D& c) { set_date(c.details[2].closure_date, "2026-01-02"); }},
      {"8640", "CINdetails", [](D& c) { c.details[1].closure_reason = "RC10"; }},
      {"8650", "CINdetails", [](D& c) { c.details[0].primary_need = "N10"; }},
      {"8670Q", "Assessments", [](D& c) { set_date(c.assessments[2].start, "2025-12-01"); }},
      {"8675Q", "Section47", [](D& c) { set_date(c.section47[1].start, "2026-01-05"); }},
      {"8696", "Assessments", [](D& c) { set_date(c.assessments[0].authorisation, "2026-04-10"); }},
      {"8715", "Section47", [](D& c) { set_date(c.section47[0].initial_cpc, "2026-04-08"); }},
      {"8720", "ChildProtectionPlans", [](D& c) { set_date(c.protection_plans[0].start, ""); }},
      {"8730", "ChildProtectionPlans", [](D& c) { c.protection_plans[0].previous_plans.clear(); }},
      {"8736", "Assessments", [](D& c) { set_date(c.assessments[2].start, "2025-03-01"); }},
      {"8740", "Section47", [](D& c) { set_date(c.section47[1].start, "2025-03-10"); }},
      {"8750", "ChildIdentifiers", [](D& c) { c.children[3].sex = "M"; }},
      {"8770Q", "ChildIdentifiers", [](D& c) { c.children[1].upn_unknown = "UN1"; }},
      {"8772", "ChildIdentifiers", [](D& c) { c.children[1].upn_unknown = "UN7"; }},
      {"8775Q", "ChildIdentifiers", [](D& c) { set_date(c.children[1].birth, "2000-01-01"); }},
      {"8790", "Disabilities",
       [](D& c) {
         CinDisabilityRow none = c.disabilities[0];
         none.disability = "NONE";
         c.disabilities.push_back(none);
       }},
      {"8794", "Disabilities", [](D& c) { c.disabilities.push_back(c.disabilities[0]); }},
      {"8805", "CINdetails", [](D& c) { c.details[1].closure_reason.clear(); }},
      {"8810", "CINdetails", [](D& c) { set_date(c.details[1].closure_date, ""); }},
      {"8815", "CINdetails",
       [](D& c) {
         for (const size_t d : {1, 2}) {
           set_date(c.details[d].closure_date, "");
           c.details[d].closure_reason.clear();
         }
       }},
      {"8816", "CINdetails",
       [](D& c) {
         set_date(c.details[1].closure_date, "");
         c.details[1].closure_reason.clear();
       }},
      {"8820", "CINdetails", [](D& c) { set_date(c.details[1].closure_date, "2026-01-20"); }},
      {"8825Q", "CINdetails", [](D& c) { c.details[1].closure_reason = "RC9"; }},
      {"8831", "CINdetails", [](D& c) { c.details[0].referral_nfa = "1"; }},
      {"8832", "ChildProtectionPlans", [](D& c) { c.details[0].referral_nfa = "true"; }},
      {"8839", "Section47", [](D& c) { add_section47(c, 2, 1, "2026-03-20", "", "0"); }},
      {"8840", "ChildProtectionPlans", [](D& c) { set_date(c.protection_plans[0].end, "2025-10-24"); }},
      {"8841", "Reviews", [](D& c) { set_date(c.reviews[0].date, "2025-10-24"); }},
      {"8842Q", "Reviews", [](D& c) { set_date(c.reviews[0].date, "not a date"); }},
      {"8863Q", "Assessments", [](D& c) { add_assessment(c, 2, 1, "2026-03-10", ""); }},
      {"8866", "CINdetails", [](D& c) { c.details[0].referral_source = "11"; }},
      {"8867", "CINdetails",
       [](D& c) {
         set_date(c.details[3].closure_date, "2026-03-20");
         c.details[3].closure_reason = "RC7";
       }},
      {"8868", "Section47",
       [](D& c) {
         set_date(c.details[3].closure_date, "2026-03-20");
         c.details[3].closure_reason = "RC7";
       }},
      {"8869", "Assessments", [](D& c) { add_factor(c, 0, "21"); }},
      {"8870Q", "Section47", [](D& c) { set_date(c.section47[0].target, "2025-10-25"); }},
      {"8873Q", "CINdetails", [](D& c) { c.details[2].closure_reason = "RC7"; }},
      {"8875", "Section47", [](D& c) { set_date(c.section47[0].initial_cpc, "2025-10-25"); }},
      {"8890", "Section47", [](D& c) { add_section47(c, 0, 1, "2025-10-10", "2025-10-23", "0"); }},
      {"8896", "Assessments", [](D& c) { add_assessment(c, 2, 1, "2026-03-04", ""); }},
      {"8897Q", "Assessments", [](D& c) { remove_factors(c, 3); }},
      {"8898", "Assessments", [](D& c) { add_factor(c, 0, "3A"); }},
      {"8905", "ChildProtectionPlans", [](D& c) { c.protection_plans[0].initial_category = "XYZ"; }},
      {"8910", "ChildProtectionPlans", [](D& c) { c.protection_plans[0].latest_category.clear(); }},
      {"8915", "ChildProtectionPlans", [](D& c) { set_date(c.children[0].death, "2025-10-01"); }},
      {"8920", "ChildProtectionPlans",
       [](D& c) {
         set_date(c.protection_plans[0].end, "2026-02-01");
         set_date(c.children[0].death, "2026-01-25");
       }},
      {"8925", "ChildProtectionPlans", [](D& c) { set_date(c.protection_plans[0].end, "2025-10-20"); }},
      {"8930", "ChildProtectionPlans", [](D& c) { set_date(c.protection_plans[0].end, "2026-04-05"); }},
      {"8935", "ChildProtectionPlans", [](D& c) { add_protection_plan(c, 0, 1, "2026-01-05", ""); }},
      {"8940", "ChildProtectionPlans",
       [](D& c) {
         set_date(c.protection_plans[0].end, "2025-12-01");
         add_protection_plan(c, 0, 1, "2025-12-01", "2026-02-01");
       }},
      {"8945Q", "Assessments", [](D& c) { add_factor(c, 0, "18A"); }},
      {"8950Q", "Assessments", [](D& c) { add_factor(c, 0, "19A"); }},
  };
}

}  // namespace safeguard::testing
