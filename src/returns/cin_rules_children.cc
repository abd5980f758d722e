// The CIN census rules about the header and each child's identifiers and characteristics
// (returns/cin_checks.h). A date counts as present only when it is a date, as in the reference.
#include <algorithm>
#include <map>
#include <set>
#include <unordered_map>

#include "core/text.h"
#include "domain/identifiers.h"
#include "returns/cin_checks.h"

namespace safeguard {
namespace {

constexpr Severity kError = Severity::kError;
constexpr Severity kQuery = Severity::kQuery;

bool all_digits(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}
bool is_letter(char c) { return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'); }
bool is_alphanumeric(std::string_view s) {
  return !s.empty() &&
         std::all_of(s.begin(), s.end(), [](char c) { return is_letter(c) || (c >= '0' && c <= '9'); });
}

bool is_disability(std::string_view d) {
  return one_of(
      d, {"NONE", "MOB", "HAND", "PC", "INC", "COMM", "LD", "HEAR", "VIS", "BEH", "CON", "AUT", "DDA"});
}

// Each child row, with its index.
template <typename F>
void each_child(CinCheck& c, F f) {
  for (size_t i = 0; i < c.census.children.size(); ++i) f(i, c.census.children[i]);
}

}  // namespace

void add_cin_child_rules(std::vector<CinRuleDefinition>& rules) {
  rules.push_back({{"100", kError, "Reference Date is incorrect"}, [](CinCheck& c) {
                     // 31 March of the header's Year, or of the year the census is checked as.
                     if (!c.last_batch()) return;  // the header comes with every batch
                     const CinHeaderRow& h = c.census.header;
                     std::optional<Date> year;
                     if (c.year_given) {
                       year = c.reference;
                     } else if (all_digits(h.year) && h.year.size() == 4) {
                       year = Date::from_ymd(std::stoi(h.year), 3, 31);
                     }
                     if (!h.reference_date.day || !year || *h.reference_date.day != *year)
                       c.flag(kHeader, 0, "", "ReferenceDate", h.reference_date.text);
                   }});

  rules.push_back({{"1510", kError, "UPN invalid (wrong check letter at character 1)"}, [](CinCheck& c) {
                     each_child(c, [&](size_t i, const CinChildRow& r) {
                       if (r.upn.size() != 13 || !all_digits(std::string_view(r.upn).substr(1))) return;
                       const auto letter = upn_check_letter(std::string_view(r.upn).substr(1));
                       if (!letter || *letter != r.upn[0])
                         c.flag(kChildIdentifiers, i, r.la_child_id, "UPN", r.upn);
                     });
                   }});

  rules.push_back({{"1520", kError, "More than one record with the same UPN."}, [](CinCheck& c) {
                     // The first child with each UPN, in the whole file: a later one flags both.
                     struct First {
                       size_t row;
                       std::string child;
                       bool flagged = false;
                     };
                     auto& first = c.state<std::unordered_map<std::string, First>>();
                     each_child(c, [&](size_t i, const CinChildRow& r) {
                       if (r.upn.empty()) return;
                       const size_t row = c.file_row(kChildIdentifiers, i);
                       const auto [it, added] = first.try_emplace(r.upn, First{row, r.la_child_id});
                       if (added) return;
                       if (!it->second.flagged) {
                         c.flag_file_row(kChildIdentifiers, it->second.row, it->second.child, "UPN", r.upn);
                         it->second.flagged = true;
                       }
                       c.flag(kChildIdentifiers, i, r.la_child_id, "UPN", r.upn);
                     });
                   }});

  rules.push_back(
      {{"1530", kError, "UPN invalid (characters 2-4 not a recognised LA code)"}, [](CinCheck& c) {
         each_child(c, [&](size_t i, const CinChildRow& r) {
           if (r.upn.size() == 13 && !is_la_number(std::string_view(r.upn).substr(1, 3)))
             c.flag(kChildIdentifiers, i, r.la_child_id, "UPN", r.upn);
         });
       }});

  rules.push_back({{"1540", kError, "UPN invalid (characters 5-12 not all numeric)"}, [](CinCheck& c) {
                     each_child(c, [&](size_t i, const CinChildRow& r) {
                       if (r.upn.empty()) return;
                       const std::string_view middle =
                           r.upn.size() > 4 ? std::string_view(r.upn).substr(4, 8) : std::string_view();
                       if (!all_digits(middle)) c.flag(kChildIdentifiers, i, r.la_child_id, "UPN", r.upn);
                     });
                   }});

  rules.push_back({{"1550", kError, "UPN invalid (character 13 not a recognised value)"}, [](CinCheck& c) {
                     constexpr std::string_view kValid = "ABCDEFGHJKLMNPQRTUVWXYZ0123456789";
                     each_child(c, [&](size_t i, const CinChildRow& r) {
                       if (r.upn.size() == 13 && kValid.find(r.upn[12]) == std::string_view::npos)
                         c.flag(kChildIdentifiers, i, r.la_child_id, "UPN", r.upn);
                     });
                   }});

  rules.push_back(
      {{"1560Q", kQuery, "Please check and either amend or provide a reason: Former UPN wrongly formatted"},
       [](CinCheck& c) {
         each_child(c, [&](size_t i, const CinChildRow& r) {
           if (r.former_upn.empty()) return;
           if (r.former_upn.size() != 13 || !all_digits(std::string_view(r.former_upn).substr(1)) ||
               !is_letter(r.former_upn[0]))
             c.flag(kChildIdentifiers, i, r.la_child_id, "FormerUPN", r.former_upn);
         });
       }});

  rules.push_back({{"1570", kError, "LA Child ID must not be longer than 20 characters"}, [](CinCheck& c) {
                     each_child(c, [&](size_t i, const CinChildRow& r) {
                       if (utf8_length(r.la_child_id) > 20)
                         c.flag(kChildIdentifiers, i, r.la_child_id, "LAchildID", r.la_child_id);
                     });
                   }});

  rules.push_back(
      {{"1580", kError, "LA Child ID must not contain any non-alphanumeric characters"}, [](CinCheck& c) {
         each_child(c, [&](size_t i, const CinChildRow& r) {
           if (!r.la_child_id.empty() && !is_alphanumeric(r.la_child_id))
             c.flag(kChildIdentifiers, i, r.la_child_id, "LAchildID", r.la_child_id);
         });
       }});

  rules.push_back({{"4180", kError, "Sex must be provided and equal M, F, or U"}, [](CinCheck& c) {
                     each_child(c, [&](size_t i, const CinChildRow& r) {
                       if (!one_of(r.sex, {"M", "F", "U"}))
                         c.flag(kChildIdentifiers, i, r.la_child_id, "Sex", r.sex);
                     });
                   }});

  rules.push_back({{"8500", kError, "LA Child ID missing"}, [](CinCheck& c) {
                     each_child(c, [&](size_t i, const CinChildRow& r) {
                       if (r.la_child_id.empty()) c.flag(kChildIdentifiers, i, "", "LAchildID", "");
                     });
                   }});

  rules.push_back({{"8510", kError, "More than one child record with the same LA Child ID"}, [](CinCheck& c) {
                     // Missing ids count as the same id, as in the reference.
                     std::unordered_map<std::string_view, int> count;
                     for (const CinChildRow& r : c.census.children) ++count[r.la_child_id];
                     each_child(c, [&](size_t i, const CinChildRow& r) {
                       if (count[r.la_child_id] > 1)
                         c.flag(kChildIdentifiers, i, r.la_child_id, "LAchildID", r.la_child_id);
                     });
                   }});

  rules.push_back(
      {{"8520", kError,
        "Date of Birth is after data collection period (must be on or before the end of the census "
        "period)"},
       [](CinCheck& c) {
         if (!c.reference) return;
         each_child(c, [&](size_t i, const CinChildRow& r) {
           if (r.birth.day && *r.birth.day > *c.reference)
             c.flag(kChildIdentifiers, i, r.la_child_id, "PersonBirthDate", r.birth.text);
         });
       }});

  rules.push_back(
      {{"8525Q", kQuery, "Either Date of Birth or Expected Date of Birth must be provided (but not both)"},
       [](CinCheck& c) {
         each_child(c, [&](size_t i, const CinChildRow& r) {
           if (r.birth.day.has_value() == r.expected_birth.day.has_value())
             c.flag(kChildIdentifiers, i, r.la_child_id, "PersonBirthDate, ExpectedPersonBirthDate",
                    r.birth.text);
         });
       }});

  // Between 30 days before and 9 months after the ReferenceDate, both included (the reference
  // excludes both ends: docs/returns-validation.md).
  rules.push_back(
      {{"8530Q", kQuery,
        "Please check and either amend data or provide a reason: Expected Date of Birth is outside the "
        "expected range for this census (March to December of the Census Year end)"},
       [](CinCheck& c) {
         if (!c.reference) return;
         const Date earliest = *c.reference - 30;
         const Date latest = add_months(*c.reference, 9);
         each_child(c, [&](size_t i, const CinChildRow& r) {
           const auto& d = r.expected_birth.day;
           if (d && (*d > latest || *d < earliest))
             c.flag(kChildIdentifiers, i, r.la_child_id, "ExpectedPersonBirthDate", r.expected_birth.text);
         });
       }});

  rules.push_back(
      {{"8535Q", kQuery,
        "Please check and either amend data or provide a reason: Child\u2019s date of death should not be "
        "prior to the date of birth"},
       [](CinCheck& c) {
         each_child(c, [&](size_t i, const CinChildRow& r) {
           if (!r.death.day) return;
           if (!r.birth.day || *r.birth.day > *r.death.day)
             c.flag(kChildIdentifiers, i, r.la_child_id, "PersonDeathDate, PersonBirthDate", r.death.text);
         });
       }});

  rules.push_back(
      {{"8545Q", kQuery,
        "Please check and either amend data or provide a reason: Child's date of death should be within "
        "the census year"},
       [](CinCheck& c) {
         each_child(c, [&](size_t i, const CinChildRow& r) {
           if (!r.death.day) return;
           // Without a census period every comparison is false, so every death is flagged.
           if (!c.reference || *r.death.day < *c.start || *r.death.day > *c.reference)
             c.flag(kChildIdentifiers, i, r.la_child_id, "PersonDeathDate", r.death.text);
         });
       }});

  rules.push_back(
      {{"4220", kError, "Ethnicity is missing or invalid (see Ethnicity table)"}, [](CinCheck& c) {
         for (size_t i = 0; i < c.census.characteristics.size(); ++i) {
           const CinCharacteristicsRow& r = c.census.characteristics[i];
           if (!one_of(r.ethnicity,
                       {"ABAN", "AIND", "AOTH", "APKN", "BAFR", "BCRB", "BOTH", "CHNE", "MOTH", "MWAS",
                        "MWBA", "MWBC", "NOBT", "OOTH", "REFU", "WBRI", "WIRI", "WIRT", "WOTH", "WROM"}))
             c.flag(kChildCharacteristics, i, r.la_child_id, "Ethnicity", r.ethnicity);
         }
       }});

  rules.push_back(
      {{"8790", kError, "Disability information includes both None and other values"}, [](CinCheck& c) {
         std::set<std::string_view> with_none;
         const auto upper = [](std::string_view v) { return to_upper_ascii(v); };
         for (const CinDisabilityRow& r : c.census.disabilities) {
           if (upper(r.disability) == "NONE") with_none.insert(r.la_child_id);
         }
         for (size_t i = 0; i < c.census.disabilities.size(); ++i) {
           const CinDisabilityRow& r = c.census.disabilities[i];
           if (with_none.count(r.la_child_id) && upper(r.disability) != "NONE")
             c.flag(kDisabilities, i, r.la_child_id, "Disability", r.disability);
         }
       }});

  rules.push_back(
      {{"8794", kError, "Child has two or more disabilities with the same code"}, [](CinCheck& c) {
         std::map<std::pair<std::string_view, std::string_view>, int> count;
         for (const CinDisabilityRow& r : c.census.disabilities) {
           if (!r.disability.empty()) ++count[{r.la_child_id, r.disability}];
         }
         for (size_t i = 0; i < c.census.disabilities.size(); ++i) {
           const CinDisabilityRow& r = c.census.disabilities[i];
           if (!r.disability.empty() && count[{r.la_child_id, r.disability}] > 1)
             c.flag(kDisabilities, i, r.la_child_id, "Disability", r.disability);
         }
       }});

  // The DfE's rule (the reference's version never reports: docs/returns-validation.md).
  rules.push_back(
      {{"8540", kError, "Child\u2019s disability is missing or invalid (see Disability table)"},
       [](CinCheck& c) {
         each_child(c, [&](size_t i, const CinChildRow& r) {
           if (!r.birth.day) return;
           std::vector<size_t> further;
           for (const size_t d : c.details_of_child(r.la_child_id)) {
             if (one_of(c.census.details[d].referral_nfa, {"false", "0"})) further.push_back(d);
           }
           if (further.empty()) return;
           const RowList& disabilities = c.disabilities_of(r.la_child_id);
           std::vector<size_t> invalid;
           for (const size_t d : disabilities) {
             if (!is_disability(c.census.disabilities[d].disability)) invalid.push_back(d);
           }
           if (!disabilities.empty() && invalid.empty()) return;
           c.flag(kChildIdentifiers, i, r.la_child_id, "PersonBirthDate", r.birth.text);
           for (const size_t d : invalid)
             c.flag(kDisabilities, d, r.la_child_id, "Disability", c.census.disabilities[d].disability);
           for (const size_t d : further)
             c.flag(kCINdetails, d, r.la_child_id, "ReferralNFA", c.census.details[d].referral_nfa);
         });
       }});

  rules.push_back(
      {{"8555Q", kQuery, "Child cannot be referred after its recorded date of death"}, [](CinCheck& c) {
         for (size_t d = 0; d < c.census.details.size(); ++d) {
           const CinDetailsRow& e = c.census.details[d];
           if (!e.referral_date.day) continue;
           for (const size_t i : c.children_named(e.la_child_id)) {
             const CinChildRow& r = c.census.children[i];
             if (!r.death.day || *r.death.day >= *e.referral_date.day) continue;
             c.flag(kCINdetails, d, e.la_child_id, "CINreferralDate", e.referral_date.text);
             c.flag(kChildIdentifiers, i, r.la_child_id, "PersonDeathDate", r.death.text);
           }
         }
       }});

  rules.push_back(
      {{"8585Q", kQuery,
        "Please check and either amend or provide a reason: CIN episode shows Died as the Closure "
        "Reason, however child has no recorded Date of Death"},
       [](CinCheck& c) {
         each_child(c, [&](size_t i, const CinChildRow& r) {
           if (r.death.day) return;
           for (const size_t d : c.details_of_child(r.la_child_id)) {
             if (c.census.details[d].closure_reason != "RC2") continue;
             c.flag(kChildIdentifiers, i, r.la_child_id, "PersonDeathDate", r.death.text);
             c.flag(kCINdetails, d, r.la_child_id, "ReasonForClosure", "RC2");
           }
         });
       }});

  rules.push_back({{"8590", kError, "Child does not have a recorded CIN episode."}, [](CinCheck& c) {
                     each_child(c, [&](size_t i, const CinChildRow& r) {
                       if (c.details_of_child(r.la_child_id).empty())
                         c.flag(kChildIdentifiers, i, r.la_child_id, "LAchildID", r.la_child_id);
                     });
                   }});

  rules.push_back({{"8606", kError, "Child referral date is more than 40 weeks before DOB or expected DOB"},
                   [](CinCheck& c) {
                     for (size_t d = 0; d < c.census.details.size(); ++d) {
                       const CinDetailsRow& e = c.census.details[d];
                       if (!e.referral_date.day) continue;
                       for (const size_t i : c.children_named(e.la_child_id)) {
                         const CinChildRow& r = c.census.children[i];
                         const bool early =
                             (r.birth.day && *e.referral_date.day < *r.birth.day - 280) ||
                             (r.expected_birth.day && *e.referral_date.day < *r.expected_birth.day - 280);
                         if (!early) continue;
                         c.flag(kCINdetails, d, e.la_child_id, "CINreferralDate", e.referral_date.text);
                         c.flag(kChildIdentifiers, i, r.la_child_id,
                                "PersonBirthDate, ExpectedPersonBirthDate", r.birth.text);
                       }
                     }
                   }});

  rules.push_back({{"8750", kError, "Sex must equal U for an unborn child"}, [](CinCheck& c) {
                     each_child(c, [&](size_t i, const CinChildRow& r) {
                       if (!r.birth.day && r.expected_birth.day && r.sex != "U")
                         c.flag(kChildIdentifiers, i, r.la_child_id,
                                "Sex, PersonBirthDate, ExpectedPersonBirthDate", r.sex);
                     });
                   }});

  // School age: born on or before 31 August six years before the ReferenceDate's year (for a
  // ReferenceDate of 31 March).
  rules.push_back({{"8770Q", kQuery,
                    "Please check and either amend data or provide a reason: UPN is missing or reason UPN is "
                    "missing or is UN1 for a child who is of school age."},
                   [](CinCheck& c) {
                     if (!c.reference) return;
                     const Date cutoff = add_months(add_months(*c.reference, 4) + 31, -72);
                     each_child(c, [&](size_t i, const CinChildRow& r) {
                       if (!r.birth.day || *r.birth.day > cutoff || !r.upn.empty()) return;
                       if (one_of(to_upper_ascii(r.upn_unknown), {"UN2", "UN3", "UN4", "UN5", "UN6", "UN7"}))
                         return;
                       const RowList& details = c.details_of_child(r.la_child_id);
                       if (std::none_of(details.begin(), details.end(),
                                        [&](size_t d) { return is_false(c.census.details[d].referral_nfa); }))
                         return;
                       c.flag(kChildIdentifiers, i, r.la_child_id, "UPN, UPNunknown", r.upn_unknown);
                     });
                   }});

  rules.push_back(
      {{"8772", kError,
        "UPN unknown reason is UN7 (Referral with no further action) but at least one CIN details is a "
        "referral going on to further action"},
       [](CinCheck& c) {
         each_child(c, [&](size_t i, const CinChildRow& r) {
           if (r.upn_unknown != "UN7") return;
           for (const size_t d : c.details_of_child(r.la_child_id)) {
             if (is_true(c.census.details[d].referral_nfa)) continue;
             c.flag(kChildIdentifiers, i, r.la_child_id, "UPNunknown", r.upn_unknown);
             c.flag(kCINdetails, d, r.la_child_id, "ReferralNFA", c.census.details[d].referral_nfa);
           }
         });
       }});

  rules.push_back({{"8775Q", kQuery,
                    "Please check and either amend data or provide a reason: Child is over 25 years old"},
                   [](CinCheck& c) {
                     if (!c.reference) return;
                     const Date born_before = add_months(*c.reference, -300);
                     each_child(c, [&](size_t i, const CinChildRow& r) {
                       if (!r.birth.day || *r.birth.day >= born_before) return;
                       const Date twenty_fifth = add_months(*r.birth.day, 300);
                       for (const size_t d : c.details_of_child(r.la_child_id)) {
                         const CinDetailsRow& e = c.census.details[d];
                         if (e.closure_date.day && *e.closure_date.day <= twenty_fifth) continue;
                         c.flag(kChildIdentifiers, i, r.la_child_id, "PersonBirthDate", r.birth.text);
                         c.flag(kCINdetails, d, r.la_child_id, "CINclosureDate", e.closure_date.text);
                       }
                     });
                   }});

  rules.push_back(
      {{"2886Q", kQuery,
        "Please check and either amend or provide a reason: Percentage of children with no sex recorded "
        "is more than 2% (excluding unborns)"},
       [](CinCheck& c) {
         auto& [n, unknown] = c.state<std::pair<size_t, size_t>>();
         n += c.census.children.size();
         for (const CinChildRow& r : c.census.children) {
           if ((r.sex.empty() || r.sex == "U") && !r.expected_birth.day) ++unknown;
         }
         if (c.last_batch() && n > 0 && static_cast<double>(unknown) / static_cast<double>(n) > 0.02)
           c.flag_return("Sex", std::to_string(unknown) + " of " + std::to_string(n));
       }});

  // The DfE's rule: fewer than 8 different disability codes (other than NONE) in the whole return.
  // The reference counts NONE rows instead (docs/returns-validation.md).
  rules.push_back(
      {{"2887Q", kQuery,
        "Please check and either amend or provide a reason: Less than 8 disability codes have been used "
        "in your return"},
       [](CinCheck& c) {
         auto& codes = c.state<std::set<std::string>>();
         for (const CinDisabilityRow& r : c.census.disabilities) {
           if (!r.disability.empty() && r.disability != "NONE") codes.insert(r.disability);
         }
         if (c.last_batch() && codes.size() <= 7) c.flag_return("Disability", std::to_string(codes.size()));
       }});

  rules.push_back(
      {{"2888Q", kQuery,
        "Please check and either amend or provide a reason: Only one disability code is recorded per "
        "child and multiple disabilities should be recorded where possible."},
       [](CinCheck& c) {
         // Across batches: whether any child has a disability, and the most any child has.
         auto& [any, most] = c.state<std::pair<bool, int>>();
         std::unordered_map<std::string_view, int> per_child;
         for (const CinDisabilityRow& r : c.census.disabilities) {
           if (r.disability.empty() || r.disability == "NONE" || r.la_child_id.empty()) continue;
           ++per_child[r.la_child_id];
         }
         for (const auto& [child, n] : per_child) most = std::max(most, n);
         any = any || !per_child.empty();
         if (c.last_batch() && any && most <= 1) c.flag_return("Disability");
       }});
}

}  // namespace safeguard
