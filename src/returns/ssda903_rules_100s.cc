// SSDA903 rules 101 to 199: whether each field holds a valid code or date, whether fields that
// belong together are given together, and the first checks across tables: adoption decisions
// against the episodes, the OC2 items against whether the child was looked after continuously for
// the year, and adoptions before this one (returns/ssda903_checks.h says how rules read the return).
#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <functional>
#include <initializer_list>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <utility>

#include "returns/ssda903_checks.h"

namespace safeguard::ssda903 {

namespace {

using Day = std::optional<Date>;

// Comparisons as pandas makes them: a missing date is never before or after anything.
bool less(Day a, Day b) { return a && b && *a < *b; }
// A date some years on, as pandas adds years: a day after 11/04/2262, past what its timestamps
// hold, wraps round to 2^64 nanoseconds earlier (a day in 1677 to 1686, at 00:25, which compares
// with the collection's days as the day itself does).
Date years_on(Date d, int years) {
  const Date out = add_years(d, years);
  return out > Date::from_ymd(2262, 4, 11) ? out - 213504 : out;
}
Day plus_years(Day d, int years) { return d ? Day(years_on(*d, years)) : std::nullopt; }

bool any_blank(const Row& row, std::initializer_list<size_t> columns) {
  return std::any_of(columns.begin(), columns.end(), [&](size_t col) { return row[col].empty(); });
}

const std::initializer_list<size_t> kOc3Items = {oc3::IN_TOUCH, oc3::ACTIV, oc3::ACCOM};
const std::initializer_list<size_t> kAd1Items = {ad1::DATE_INT,  ad1::DATE_MATCH, ad1::FOSTER_CARE,
                                                 ad1::NB_ADOPTR, ad1::SEX_ADOPTR, ad1::LS_ADOPTR};
// The OC2 items for children looked after for twelve months, and the four of them that must be
// given when any is.
const std::initializer_list<size_t> kOc2Items = {
    oc2::CONVICTED,         oc2::HEALTH_CHECK,     oc2::IMMUNISATIONS,         oc2::TEETH_CHECK,
    oc2::HEALTH_ASSESSMENT, oc2::SUBSTANCE_MISUSE, oc2::INTERVENTION_RECEIVED, oc2::INTERVENTION_OFFERED};
const std::initializer_list<size_t> kOc2Required = {oc2::IMMUNISATIONS, oc2::TEETH_CHECK,
                                                    oc2::HEALTH_ASSESSMENT, oc2::SUBSTANCE_MISUSE};

// An OC2 rule that also needs the Episodes (for whether the child was looked after continuously).
Ssda903RuleDefinition oc2_with_episodes(const char* code, const char* message, const char* fields,
                                        std::function<bool(Ssda903Check&, const Row&)> faulty) {
  return rule(code, message, fields, [=](Ssda903Check& c) {
    const Ssda903Rows* rows = c.table(T::kOc2);
    if (!rows || !c.table(T::kEpisodes)) return;
    for (size_t i = 0; i < rows->rows.size(); ++i) {
      if (faulty(c, rows->rows[i])) c.flag(T::kOc2, i);
    }
  });
}

// A UPN: a letter other than I, O or S, eleven digits and a digit or letter; or UN1 to UN5. As the
// reference's pattern does, a final newline is let through.
bool valid_upn(std::string_view upn) {
  if (!upn.empty() && upn.back() == '\n') upn.remove_suffix(1);
  const auto digit = [](char ch) { return ch >= '0' && ch <= '9'; };
  const auto letter = [](char ch) { return ch >= 'A' && ch <= 'Z'; };
  if (upn.size() == 3) return upn[0] == 'U' && upn[1] == 'N' && upn[2] >= '1' && upn[2] <= '5';
  if (upn.size() != 13 || !letter(upn[0]) || one_of(upn.substr(0, 1), {"I", "O", "S"})) return false;
  for (size_t i = 1; i < 12; ++i) {
    if (!digit(upn[i])) return false;
  }
  return digit(upn[12]) || letter(upn[12]);
}

}  // namespace

void add_ssda903_rules_100s(std::vector<Ssda903RuleDefinition>& out) {
  out.push_back(not_a_code("101", "The child or young person\u2019s reported sex is not valid.", T::kHeader,
                           header::SEX, "SEX", {"M", "F", "U"}, true));
  out.push_back({{"102", Severity::kError, "Date of birth is not a valid date."}, "DOB", [](Ssda903Check& c) {
                   const Ssda903Rows* rows = c.table(T::kHeader);
                   if (!rows) return;
                   for (size_t i = 0; i < rows->rows.size(); ++i) {
                     if (!date(rows->rows[i][header::DOB])) c.flag(T::kHeader, i);
                   }
                 }});
  out.push_back(not_a_code("103", "The ethnicity code is either not valid or has not been entered.",
                           T::kHeader, header::ETHNIC, "ETHNIC",
                           {"WBRI", "WIRI", "WOTH", "WIRT", "WROM", "MWBC", "MWBA", "MWAS", "MOTH", "AIND",
                            "APKN", "ABAN", "AOTH", "BCRB", "BAFR", "BOTH", "CHNE", "OOTH", "REFU", "NOBT"},
                           true));
  out.push_back({{"104", Severity::kError,
                  "Date for Unaccompanied Asylum-Seeking Children (UASC) status ceased is not a valid date."},
                 "DUC",
                 [](Ssda903Check& c) {
                   // Also a date before the collection year, which the message does not say.
                   const Ssda903Rows* rows = c.table(T::kUasc);
                   if (!rows) return;
                   for (size_t i = 0; i < rows->rows.size(); ++i) {
                     const std::string& duc = rows->rows[i][uasc::DUC];
                     const auto day = date(duc);
                     if ((!duc.empty() && !day) || (day && *day < c.collection_start)) c.flag(T::kUasc, i);
                   }
                 }});
  // The reference checks the UASC code of XML returns only: a CSV return's is derived, so always valid.
  out.push_back(
      rule("105",
           "Data entry for Unaccompanied Asylum-Seeking Children (UASC) status of child is invalid or has "
           "not been completed.",
           "UASC", [](Ssda903Check&) {}));
  out.push_back(not_a_date("112", "Date should be placed for adoption is not a valid date.", T::kAd1,
                           ad1::DATE_INT, "DATE_INT"));
  out.push_back(not_a_date("113", "Date matching child and adopter(s) is not a valid date.", T::kAd1,
                           ad1::DATE_MATCH, "DATE_MATCH"));
  out.push_back(
      not_a_code("114", "Data entry to record the status of former carer(s) of an adopted child is invalid.",
                 T::kAd1, ad1::FOSTER_CARE, "FOSTER_CARE", {"0", "1"}));
  out.push_back(
      not_a_date("115",
                 "Date of Local Authority's (LA) decision that a child should be placed for adoption "
                 "is not a valid date.",
                 T::kPlacedAdoption, placed_adoption::DATE_PLACED, "DATE_PLACED"));
  out.push_back(
      not_a_date("116",
                 "Date of Local Authority's (LA) decision that a child should no longer be placed for "
                 "adoption is not a valid date.",
                 T::kPlacedAdoption, placed_adoption::DATE_PLACED_CEASED, "DATE_PLACED_CEASED"));
  out.push_back(rule(
      "117",
      "Date of decision that a child should/should no longer be placed for adoption is beyond the current "
      "collection year or after the child ceased to be looked after.",
      "DATE_PLACED_CEASED, DATE_PLACED, DEC, REC, DECOM", [](Ssda903Check& c) {
        const Ssda903Rows* episodes = c.table(T::kEpisodes);
        const Ssda903Rows* placed = c.table(T::kPlacedAdoption);
        if (!episodes || !placed) return;
        for (const std::string_view child : c.children(T::kPlacedAdoption)) {
          // The child's latest episode that did not end X1 (the first of equal starts).
          std::optional<size_t> latest;
          Day latest_start;
          for (const size_t i : c.rows_of(T::kEpisodes, child)) {
            const Day start = date(episodes->rows[i][episodes::DECOM]);
            if (!start || episodes->rows[i][episodes::REC] == "X1") continue;
            if (!latest || *start > *latest_start) latest = i, latest_start = start;
          }
          if (!latest) continue;
          const Day end = date(episodes->rows[*latest][episodes::DEC]);
          for (const size_t p : c.rows_of(T::kPlacedAdoption, child)) {
            const Row& row = placed->rows[p];
            const Day decided = date(row[placed_adoption::DATE_PLACED]);
            const Day ceased = date(row[placed_adoption::DATE_PLACED_CEASED]);
            if (less(c.collection_end, decided) || less(end, decided) || less(c.collection_end, ceased) ||
                less(end, ceased)) {
              c.flag(T::kEpisodes, *latest);
              c.flag(T::kPlacedAdoption, p);
            }
          }
        }
      }));
  out.push_back(rule("118",
                     "Date of decision that a child should no longer be placed for adoption is before the "
                     "current collection year or before the date the child started to be looked after.",
                     "DECOM, DECOM, LS", [](Ssda903Check& c) {
                       const Ssda903Rows* episodes = c.table(T::kEpisodes);
                       const Ssda903Rows* placed = c.table(T::kPlacedAdoption);
                       if (!episodes || !placed) return;
                       for (const std::string_view child : c.children(T::kPlacedAdoption)) {
                         // The child's earliest episode that is not respite (the first of equal starts). The
                         // reference fails when such episodes have no readable DECOM; such a child has none.
                         std::optional<size_t> earliest;
                         Day earliest_start;
                         for (const size_t i : c.rows_of(T::kEpisodes, child)) {
                           const Day start = date(episodes->rows[i][episodes::DECOM]);
                           if (!start || respite(episodes->rows[i])) continue;
                           if (!earliest || *start < *earliest_start) earliest = i, earliest_start = start;
                         }
                         if (!earliest) continue;
                         for (const size_t p : c.rows_of(T::kPlacedAdoption, child)) {
                           const Day ceased = date(placed->rows[p][placed_adoption::DATE_PLACED_CEASED]);
                           if (less(ceased, earliest_start) || less(ceased, c.collection_start)) {
                             c.flag(T::kEpisodes, *earliest);
                             c.flag(T::kPlacedAdoption, p);
                           }
                         }
                       }
                     }));
  out.push_back(all_or_none(
      "119",
      "If the decision is made that a child should no longer be placed for adoption, then "
      "the date of this decision and the reason why this decision was made must be "
      "completed.",
      T::kPlacedAdoption, {placed_adoption::DATE_PLACED_CEASED, placed_adoption::REASON_PLACED_CEASED},
      "DATE_PLACED_CEASED, REASON_PLACED_CEASED"));
  out.push_back(not_a_code("120",
                           "The reason for the reversal of the decision that the child should be placed for "
                           "adoption code is not valid.",
                           T::kPlacedAdoption, placed_adoption::REASON_PLACED_CEASED, "REASON_PLACED_CEASED",
                           {"RD1", "RD2", "RD3", "RD4"}));
  out.push_back(not_a_code("131", "Data entry for being in touch after leaving care is invalid.", T::kOc3,
                           oc3::IN_TOUCH, "IN_TOUCH", {"YES", "NO", "DIED", "REFU", "NREQ", "RHOM"}, true));
  out.push_back(not_a_code("132", "Data entry for activity after leaving care is invalid.", T::kOc3,
                           oc3::ACTIV, "ACTIV",
                           {"F1", "P1", "F2", "P2", "F4", "P4", "F5", "P5", "G4", "G5", "G6", "0"}, true));
  out.push_back(not_a_code(
      "133",
      "Data entry for accommodation after leaving care is invalid. If reporting on a childs "
      "accommodation after leaving care the data entry must be valid",
      T::kOc3, oc3::ACCOM, "ACCOM",
      {"B1", "B2", "C1", "C2", "D1", "D2", "E1", "E2", "G1", "G2", "H1", "H2", "K1", "K2", "R1", "R2",
       "S2", "T1", "T2", "U1", "U2", "V1", "V2", "W1", "W2", "X2", "Y1", "Y2", "Z1", "Z2", "0"},
      true));
  out.push_back(
      rule("134", "Data on adoption should not be entered for the OC3 cohort.",
           "IN_TOUCH, ACTIV, ACCOM, DATE_INT, DATE_MATCH, FOSTER_CARE, NB_ADOPTR, SEX_ADOPTR, LS_ADOPTR",
           [](Ssda903Check& c) {
             const Ssda903Rows* oc3 = c.table(T::kOc3);
             const Ssda903Rows* ad1 = c.table(T::kAd1);
             if (!oc3 || !ad1) return;
             for (size_t a = 0; a < ad1->rows.size(); ++a) {
               const Row& row = ad1->rows[a];
               if (!any_given(row, kAd1Items)) continue;
               for (const size_t o : c.joined_rows(T::kOc3, row[ad1::CHILD])) {
                 if (any_given(oc3->rows[o], kOc3Items)) c.flag(T::kAd1, a);
               }
             }
           }));
  out.push_back(
      not_a_date("141", "Date episode began is not a valid date.", T::kEpisodes, episodes::DECOM, "DECOM"));
  out.push_back(rule("142", "A new episode has started, but the previous episode has not ended.", "DEC, REC",
                     [](Ssda903Check& c) {
                       const Ssda903Rows* episodes = c.table(T::kEpisodes);
                       if (!episodes) return;
                       // Each child's last episode in the reference's sort by DECOM: the sort is numpy's
                       // (ties fall as they fall there), and episodes of no DECOM come after all others, in
                       // row order. The reference puts 01/01/1901 for a missing DECOM and takes it out again,
                       // so that day is none.
                       const Date placeholder = Date::from_ymd(1901, 1, 1);
                       std::vector<Day> start(episodes->rows.size());
                       std::vector<size_t> dated, undated;
                       std::vector<int64_t> keys;
                       for (size_t i = 0; i < episodes->rows.size(); ++i) {
                         start[i] = date(episodes->rows[i][episodes::DECOM]);
                         if (start[i] == placeholder) start[i].reset();
                         if (start[i]) {
                           dated.push_back(i);
                           keys.push_back(start[i]->days_since_epoch());
                         } else {
                           undated.push_back(i);
                         }
                       }
                       // Each row's place in that order.
                       std::vector<size_t> rank(episodes->rows.size());
                       const std::vector<size_t> order =
                           numpy_argsort(keys.size(), [&](size_t a, size_t b) { return keys[a] < keys[b]; });
                       for (size_t k = 0; k < order.size(); ++k) rank[dated[order[k]]] = k;
                       for (size_t k = 0; k < undated.size(); ++k) rank[undated[k]] = dated.size() + k;
                       for (size_t i = 0; i < episodes->rows.size(); ++i) {
                         const Row& e = episodes->rows[i];
                         if (e[episodes::CHILD].empty() || !start[i] ||
                             (date(e[episodes::DEC]) && !e[episodes::REC].empty()))
                           continue;
                         const RowSpan mine = c.rows_of(T::kEpisodes, e[episodes::CHILD]);
                         if (*std::max_element(mine.begin(), mine.end(),
                                               [&](size_t x, size_t y) { return rank[x] < rank[y]; }) != i)
                           c.flag(T::kEpisodes, i);
                       }
                     }));
  out.push_back(not_a_code("143", "The reason for new episode code is not a valid code.", T::kEpisodes,
                           episodes::RNE, "RNE", {"S", "P", "L", "T", "U", "B"}));
  out.push_back(not_a_code("144", "The legal status code is not a valid code.", T::kEpisodes, episodes::LS,
                           "LS",
                           {"C1", "C2", "D1", "E1", "V2", "V3", "V4", "J1", "J2", "J3", "L1", "L2", "L3"}));
  out.push_back(not_a_code("145", "Category of need code is not a valid code.", T::kEpisodes, episodes::CIN,
                           "CIN", {"N1", "N2", "N3", "N4", "N5", "N6", "N7", "N8"}));
  out.push_back(
      not_a_code("146", "Placement type code is not a valid code.", T::kEpisodes, episodes::PLACE, "PLACE",
                 {"A3", "A4", "A5", "A6", "K1", "K2", "K3", "P1", "P3", "R1", "R2",  "R3",  "R5",  "S1", "T0",
                  "T1", "T2", "T3", "T4", "U1", "U2", "U3", "U4", "U5", "U6", "Z11", "Z12", "Z13", "Z14"}));
  out.push_back(
      not_a_date("147", "Date episode ceased is not a valid date.", T::kEpisodes, episodes::DEC, "DEC"));
  out.push_back(all_or_none(
      "148", "Date episode ceased and reason episode ceased must both be coded, or both left blank.",
      T::kEpisodes, {episodes::DEC, episodes::REC}, "DEC, REC"));
  out.push_back(not_a_code("149", "Reason episode ceased code is not valid. ", T::kEpisodes, episodes::REC,
                           "REC",
                           {"E11", "E12", "E2", "E3", "E4A", "E4B", "E13", "E41", "E45", "E46", "E47",
                            "E48", "E5",  "E6", "E7", "E8",  "E9",  "E14", "E15", "E16", "E17", "X1"}));
  out.push_back(all_or_none(
      "151", "All data items relating to a childs adoption must be coded or left blank.", T::kAd1,
      {ad1::DATE_INT, ad1::DATE_MATCH, ad1::FOSTER_CARE, ad1::NB_ADOPTR, ad1::SEX_ADOPTR, ad1::LS_ADOPTR},
      "DATE_INT, DATE_MATCH, FOSTER_CARE, NB_ADOPTR, SEX_ADOPTR, LS_ADOPTR"));
  out.push_back(
      all_or_none("153",
                  "All data items relating to a child's activity or accommodation after leaving care "
                  "must be coded or left blank.",
                  T::kOc3, {oc3::IN_TOUCH, oc3::ACTIV, oc3::ACCOM}, "IN_TOUCH, ACTIV, ACCOM"));
  out.push_back(oc2_with_episodes(
      "157",
      "Child is aged 4 years or over at the beginning of the year or 16 years or under at the end of the "
      "year and Strengths and Difficulties Questionnaire (SDQ) 1 has been recorded as the reason for no "
      "Strengths and Difficulties Questionnaire (SDQ) score.",
      "SDQ_REASON, DOB", [](Ssda903Check& c, const Row& o) {
        // Both ages, though the message says either.
        const Day born = date(o[oc2::DOB]);
        return born && years_on(*born, 4) <= c.collection_start && years_on(*born, 16) >= c.collection_end &&
               o[oc2::SDQ_SCORE].empty() && o[oc2::SDQ_REASON] == "SDQ1" &&
               continuously_looked_after(c, o[oc2::CHILD]);
      }));
  out.push_back(
      each_row("158",
               "If a child has been recorded as receiving an intervention for their substance misuse "
               "problem, then the additional item on whether an intervention was offered should be left "
               "blank.",
               "INTERVENTION_RECEIVED, INTERVENTION_OFFERED", T::kOc2, [](Ssda903Check&, const Row& o) {
                 return o[oc2::INTERVENTION_RECEIVED] == "1" && !o[oc2::INTERVENTION_OFFERED].empty();
               }));
  out.push_back(
      each_row("159",
               "If a child has been recorded as not receiving an intervention for their substance misuse "
               "problem, then the additional item on whether an intervention was offered should be "
               "completed as well.",
               "SUBSTANCE_MISUSE, INTERVENTION_RECEIVED, INTERVENTION_OFFERED", T::kOc2,
               [](Ssda903Check&, const Row& o) {
                 return o[oc2::SUBSTANCE_MISUSE] == "1" && o[oc2::INTERVENTION_RECEIVED] == "0" &&
                        o[oc2::INTERVENTION_OFFERED].empty();
               }));
  // A distance is never negative, so only one over 999.9 miles is flagged; an unknown distance is
  // not, whatever the message says; and respite episodes are not passed by.
  out.push_back(
      rule("164",
           "Distance is not valid. Please check a valid postcode has been entered. [NOTE: This check will "
           "result in false positives for children formerly UASC not identified as such in loaded data]",
           "PL_DISTANCE", [](Ssda903Check& c) {
             if (!c.uses_postcodes()) return;
             const Ssda903Rows* episodes = c.table(T::kEpisodes);
             if (!episodes) return;
             const auto uasc = ever_uasc(c);
             if (!uasc) return;
             for (size_t i = 0; i < episodes->rows.size(); ++i) {
               if (uasc->count(episodes->rows[i][episodes::CHILD])) continue;
               const auto& miles = c.placement(i).distance;
               if (miles && (*miles < 0 || *miles > 999.9)) c.flag(T::kEpisodes, i);
             }
           }));
  // Of the reference's tests, those of SEX 1 (male) and 2 (female) date from before the codes became
  // M and F, so that now only a MOTHER other than 0 or 1 is found. Only children with an episode
  // that is not respite are checked.
  out.push_back(
      rule("165", "Data entry for mother status is invalid.", "MOTHER, SEX, ACTIV, ACCOM, IN_TOUCH, DECOM",
           [](Ssda903Check& c) {
             const Ssda903Rows* header = c.table(T::kHeader);
             const Ssda903Rows* episodes = c.table(T::kEpisodes);
             const Ssda903Rows* oc3 = c.table(T::kOc3);
             if (!header || !episodes || !oc3) return;
             for (size_t h = 0; h < header->rows.size(); ++h) {
               const Row& row = header->rows[h];
               const std::string_view child = row[header::CHILD];
               const std::string& mother = row[header::MOTHER];
               const std::string& sex = row[header::SEX];
               // A row that none of the tests below can find at fault.
               if (mother.empty() ? sex != "2" : one_of(mother, {"0", "1"}) && !one_of(sex, {"1", "2"}))
                 continue;
               bool checked = false;
               int in_year = 0;  // the child's episodes in the year (none counted for a blank CHILD)
               for (const size_t i : c.joined_rows(T::kEpisodes, child)) {
                 const Row& e = episodes->rows[i];
                 if (respite(e)) continue;
                 checked = true;
                 const Day start = date(e[episodes::DECOM]);
                 const Date end = date(e[episodes::DEC]).value_or(c.collection_end);
                 if (!child.empty() && end >= c.collection_start && start && *start <= c.collection_end)
                   ++in_year;
               }
               if (!checked) continue;
               const RowSpan leaving = c.joined_rows(T::kOc3, child);
               if ((!mother.empty() && !one_of(mother, {"0", "1"})) || (!mother.empty() && sex == "1") ||
                   (mother.empty() && sex == "2" && in_year > 0)) {
                 c.flag(T::kHeader, h);
                 for (const size_t o : leaving) c.flag(T::kOc3, o);
               } else if (!mother.empty() && sex == "2" && in_year == 0) {
                 for (const size_t o : leaving) {
                   if (!any_given(oc3->rows[o], kOc3Items)) continue;
                   c.flag(T::kHeader, h);
                   c.flag(T::kOc3, o);
                 }
               }
             }
           }));
  out.push_back(each_row("166", "Date of review is invalid or blank.", "REVIEW", T::kReviews,
                         [](Ssda903Check&, const Row& r) { return !date(r[reviews::REVIEW]); }));
  // A REVIEW is only looked for, not read.
  out.push_back(each_row("167", "Data entry for participation is invalid or blank.", "REVIEW_CODE",
                         T::kReviews, [](Ssda903Check&, const Row& r) {
                           const std::string& code = r[reviews::REVIEW_CODE];
                           const bool valid =
                               (!r[reviews::REVIEW].empty() &&
                                one_of(code, {"PN0", "PN1", "PN2", "PN3", "PN4", "PN5", "PN6", "PN7"})) ||
                               (r[reviews::REVIEW].empty() && code.empty());
                           return !valid;
                         }));
  out.push_back(each_row("168",
                         "Unique Pupil Number (UPN) is not valid. If unknown, default codes should be UN1, "
                         "UN2, UN3, UN4 or UN5.",
                         "UPN", T::kHeader, [](Ssda903Check&, const Row& h) {
                           return !h[header::UPN].empty() && !valid_upn(h[header::UPN]);
                         }));
  out.push_back(
      rule("169",
           "Local Authority (LA) of placement is not valid or is missing. Please check a valid postcode "
           "has been entered.",
           "PL_LA", [](Ssda903Check& c) {
             if (!c.uses_postcodes()) return;
             const Ssda903Rows* episodes = c.table(T::kEpisodes);
             if (!episodes) return;
             for (size_t i = 0; i < episodes->rows.size(); ++i) {
               if (!respite(episodes->rows[i]) && !c.placement(i).la) c.flag(T::kEpisodes, i);
             }
           }));
  out.push_back(not_a_date("171", "Date of birth of mother's child is not a valid date.", T::kHeader,
                           header::MC_DOB, "MC_DOB"));
  out.push_back(each_row(
      "174", "Mother's child date of birth is recorded but sex shows that the child is a male.",
      "SEX, MC_DOB", T::kHeader,
      [](Ssda903Check&, const Row& h) { return h[header::SEX] == "M" && !h[header::MC_DOB].empty(); }));
  out.push_back(not_a_code("175", "The number of adopter(s) code is not a valid code.", T::kAd1,
                           ad1::NB_ADOPTR, "NB_ADOPTR", {"1", "2"}));
  out.push_back(not_a_code("176",
                           "The gender of adopter(s) at the date of adoption code is not a valid code.",
                           T::kAd1, ad1::SEX_ADOPTR, "SEX_ADOPTR", {"M1", "F1", "MM", "FF", "MF"}));
  out.push_back(not_a_code("177", "The legal status of adopter(s) code is not a valid code.", T::kAd1,
                           ad1::LS_ADOPTR, "LS_ADOPTR", {"L0", "L11", "L12", "L2", "L3", "L4"}));
  out.push_back(
      each_row("178", "Placement provider code is not a valid code.", "PLACE_PROVIDER", T::kEpisodes,
               [](Ssda903Check&, const Row& e) {
                 const std::string& provider = e[episodes::PLACE_PROVIDER];
                 return !provider.empty() &&
                        (!one_of(provider, {"PR0", "PR1", "PR2", "PR3", "PR4", "PR5"}) ||
                         one_of(e[episodes::PLACE], {"T0", "T1", "T2", "T3", "Z11", "Z12", "Z13", "Z14"}));
               }));
  out.push_back(
      rule("179", "Placement location code is not a valid code.", "PL_LOCATION", [](Ssda903Check& c) {
        if (!c.uses_postcodes()) return;
        const Ssda903Rows* episodes = c.table(T::kEpisodes);
        if (!episodes) return;
        for (size_t i = 0; i < episodes->rows.size(); ++i) {
          if (!respite(episodes->rows[i]) && !c.placement(i).location) c.flag(T::kEpisodes, i);
        }
      }));
  out.push_back(
      each_row("180", "Data entry for the strengths and difficulties questionnaire (SDQ) score is invalid.",
               "SDQ_SCORE", T::kOc2, [](Ssda903Check&, const Row& o) {
                 if (o[oc2::SDQ_SCORE].empty()) return false;
                 const auto score = number(o[oc2::SDQ_SCORE]);
                 return !(score && *score >= 0 && *score <= 40 && *score == std::floor(*score));
               }));
  out.push_back(
      each_row("181",
               "Data items relating to children looked after continuously for 12 months should be "
               "completed with a 0 or 1.",
               "CONVICTED, HEALTH_CHECK, IMMUNISATIONS, TEETH_CHECK, HEALTH_ASSESSMENT, SUBSTANCE_MISUSE, "
               "INTERVENTION_RECEIVED, INTERVENTION_OFFERED",
               T::kOc2, [](Ssda903Check&, const Row& o) {
                 return std::any_of(kOc2Items.begin(), kOc2Items.end(), [&](size_t col) {
                   return !o[col].empty() && !one_of(o[col], {"0", "1"});
                 });
               }));
  out.push_back(
      each_row("182",
               "Data entries on immunisations, teeth checks, health assessments and substance misuse "
               "problem identified should be completed or all OC2 fields should be left blank.",
               "IMMUNISATIONS, TEETH_CHECK, HEALTH_ASSESSMENT, SUBSTANCE_MISUSE, CONVICTED, HEALTH_CHECK, "
               "INTERVENTION_RECEIVED, INTERVENTION_OFFERED",
               T::kOc2, [](Ssda903Check&, const Row& o) {
                 return any_blank(o, kOc2Required) &&
                        any_given(o, {oc2::CONVICTED, oc2::HEALTH_CHECK, oc2::INTERVENTION_RECEIVED,
                                      oc2::INTERVENTION_OFFERED});
               }));
  // The reference compares DATE_PLACED with PlacedAdoption's own DOB, not the Header's (which it only
  // needs to be there), and flags a readable DATE_PLACED with no readable DOB.
  out.push_back(each_row(
      "184", "Date of decision that a child should be placed for adoption is before the child was born.",
      "DATE_PLACED, DOB", T::kPlacedAdoption, [](Ssda903Check& c, const Row& p) {
        if (!c.table(T::kHeader)) return false;
        const Day decided = date(p[placed_adoption::DATE_PLACED]);
        const Day born = date(p[placed_adoption::DOB]);
        return decided && (!born || *decided < *born);
      }));
  out.push_back(
      oc2_with_episodes("185",
                        "Child has not been looked after continuously for at least 12 months at 31 March "
                        "but a Strengths and Difficulties (SDQ) score has been completed.",
                        "SDQ_SCORE", [](Ssda903Check& c, const Row& o) {
                          return !o[oc2::SDQ_SCORE].empty() && !continuously_looked_after(c, o[oc2::CHILD]);
                        }));
  out.push_back(oc2_with_episodes("186",
                                  "Children aged 4 or over at the start of the year and children aged under "
                                  "17 at the end of the year and who have been looked after for at least 12 "
                                  "months continuously should have a Strengths and Difficulties (SDQ) score "
                                  "completed.",
                                  "SDQ_SCORE", [](Ssda903Check& c, const Row& o) {
                                    const Day born = date(o[oc2::DOB]);
                                    return born && years_on(*born, 4) <= c.collection_start &&
                                           years_on(*born, 17) > c.collection_end &&
                                           o[oc2::SDQ_SCORE].empty() && o[oc2::SDQ_REASON].empty() &&
                                           continuously_looked_after(c, o[oc2::CHILD]);
                                  }));
  out.push_back(
      rule("187",
           "Child cannot be looked after continuously for 12 months at 31 March (OC2) and have any of "
           "adoption or care leavers returns completed.",
           "DATE_INT, DATE_MATCH, FOSTER_CARE, NB_ADOPTR, SEX_ADOPTR, LS_ADOPTR, IN_TOUCH, ACTIV, ACCOM",
           [](Ssda903Check& c) {
             const Ssda903Rows* oc3 = c.table(T::kOc3);
             const Ssda903Rows* ad1 = c.table(T::kAd1);
             if (!oc3 || !ad1 || !c.table(T::kEpisodes)) return;
             for (size_t i = 0; i < oc3->rows.size(); ++i) {
               const Row& o = oc3->rows[i];
               if (any_given(o, kOc3Items) && continuously_looked_after(c, o[oc3::CHILD])) c.flag(T::kOc3, i);
             }
             for (size_t i = 0; i < ad1->rows.size(); ++i) {
               const Row& a = ad1->rows[i];
               if (any_given(a, kAd1Items) && continuously_looked_after(c, a[ad1::CHILD])) c.flag(T::kAd1, i);
             }
           }));
  out.push_back(
      each_row("188",
               "Child is aged under 4 years at the end of the year, but a Strengths and Difficulties (SDQ) "
               "score or a reason for no SDQ score has been completed. ",
               "SDQ_SCORE, SDQ_REASON", T::kOc2, [](Ssda903Check& c, const Row& o) {
                 return less(c.collection_end, plus_years(date(o[oc2::DOB]), 4)) &&
                        any_given(o, {oc2::SDQ_SCORE, oc2::SDQ_REASON});
               }));
  // A 17th birthday on the year's first day is not caught: the reference's comparison is strict.
  out.push_back(
      each_row("189",
               "Child is aged 17 years or over at the beginning of the year, but an Strengths and "
               "Difficulties (SDQ) score or a reason for no Strengths and Difficulties (SDQ) score has "
               "been completed.",
               "DOB, SDQ_SCORE, SDQ_REASON", T::kOc2, [](Ssda903Check& c, const Row& o) {
                 return less(plus_years(date(o[oc2::DOB]), 17), c.collection_start) &&
                        any_given(o, {oc2::SDQ_SCORE, oc2::SDQ_REASON});
               }));
  out.push_back(
      oc2_with_episodes("190",
                        "Child has not been looked after continuously for at least 12 months at 31 March "
                        "but one or more data items relating to children looked after for 12 months have "
                        "been completed.",
                        "CONVICTED, HEALTH_CHECK, IMMUNISATIONS, TEETH_CHECK, HEALTH_ASSESSMENT, "
                        "SUBSTANCE_MISUSE, INTERVENTION_RECEIVED, INTERVENTION_OFFERED",
                        [](Ssda903Check& c, const Row& o) {
                          return any_given(o, kOc2Items) && !continuously_looked_after(c, o[oc2::CHILD]);
                        }));
  out.push_back(rule("191",
                     "Child has been looked after continuously for at least 12 months at 31 March but one or "
                     "more data items relating to children looked after for 12 months have been left blank.",
                     "IMMUNISATIONS, TEETH_CHECK, HEALTH_ASSESSMENT, SUBSTANCE_MISUSE, CHILD",
                     [](Ssda903Check& c) {
                       const Ssda903Rows* oc2 = c.table(T::kOc2);
                       const Ssda903Rows* episodes = c.table(T::kEpisodes);
                       if (!oc2 || !episodes) return;
                       for (size_t i = 0; i < oc2->rows.size(); ++i) {
                         const Row& o = oc2->rows[i];
                         if (any_blank(o, kOc2Required) && continuously_looked_after(c, o[oc2::CHILD]))
                           c.flag(T::kOc2, i);
                       }
                       // A child with no OC2 row at all: the first episode (the first of equal starts) is
                       // flagged. The reference fails when a child has no readable DECOM; such a child has no
                       // first episode.
                       for (const std::string_view child : c.children(T::kEpisodes)) {
                         if (!c.rows_of(T::kOc2, child).empty() || !continuously_looked_after(c, child))
                           continue;
                         std::optional<size_t> first;
                         Day first_start;
                         for (const size_t e : c.rows_of(T::kEpisodes, child)) {
                           const Day start = date(episodes->rows[e][episodes::DECOM]);
                           if (start && (!first || *start < *first_start)) first = e, first_start = start;
                         }
                         if (first) c.flag(T::kEpisodes, *first);
                       }
                     }));
  out.push_back(
      each_row("192",
               "Child has been identified as having a substance misuse problem but the additional item on "
               "whether an intervention was received has been left blank.",
               "SUBSTANCE_MISUSE, INTERVENTION_RECEIVED", T::kOc2, [](Ssda903Check&, const Row& o) {
                 return o[oc2::SUBSTANCE_MISUSE] == "1" && o[oc2::INTERVENTION_RECEIVED].empty();
               }));
  out.push_back(
      each_row("193",
               "Child not identified as having a substance misuse problem but at least one of the two "
               "additional items on whether an intervention were offered and received have been "
               "completed.",
               "SUBSTANCE_MISUSE, INTERVENTION_RECEIVED, INTERVENTION_OFFERED", T::kOc2,
               [](Ssda903Check&, const Row& o) {
                 return one_of(o[oc2::SUBSTANCE_MISUSE], {"", "0"}) &&
                        any_given(o, {oc2::INTERVENTION_RECEIVED, oc2::INTERVENTION_OFFERED});
               }));
  out.push_back(not_a_code("196", "Strengths and Difficulties (SDQ) reason is not a valid code.", T::kOc2,
                           oc2::SDQ_REASON, "SDQ_REASON", {"SDQ1", "SDQ2", "SDQ3", "SDQ4", "SDQ5"}));
  out.push_back(each_row(
      "197a",
      "Reason for no Strengths and Difficulties (SDQ) score is not required if Strengths and "
      "Difficulties Questionnaire score is filled in.",
      "SDQ_SCORE, SDQ_REASON", T::kOc2,
      [](Ssda903Check&, const Row& o) { return !o[oc2::SDQ_SCORE].empty() && !o[oc2::SDQ_REASON].empty(); }));
  out.push_back(oc2_with_episodes(
      "197B", "SDQ score or reason for no SDQ should be reported for 4- or 17-year-olds.", "SDQ_REASON, DOB",
      [](Ssda903Check& c, const Row& o) {
        const Day born = date(o[oc2::DOB]);
        if (!born) return false;
        const auto in_year = [&](Date d) { return d >= c.collection_start && d <= c.collection_end; };
        return (in_year(years_on(*born, 4)) || in_year(years_on(*born, 17))) && o[oc2::SDQ_SCORE].empty() &&
               o[oc2::SDQ_REASON].empty() && continuously_looked_after(c, o[oc2::CHILD]);
      }));
  out.push_back(
      oc2_with_episodes("198",
                        "Child has not been looked after continuously for at least 12 months at 31 March "
                        "but a reason for no Strengths and Difficulties (SDQ) score has been completed. ",
                        "SDQ_REASON", [](Ssda903Check& c, const Row& o) {
                          return !o[oc2::SDQ_REASON].empty() && !continuously_looked_after(c, o[oc2::CHILD]);
                        }));
  out.push_back(rule(
      "199",
      "Episode information shows child has been previously adopted from care. [NOTE: This only tests the "
      "current and previous year data loaded into the tool]",
      "CHILD", [](Ssda903Check& c) {
        const Ssda903Rows* episodes = c.table(T::kEpisodes);
        if (!episodes) return;
        const Ssda903Rows* before = c.last(T::kEpisodes);
        // This year's episodes and last year's with a readable DECOM, in order of DECOM: each
        // episode after a child's first adoption (E11, E12), and each adoption after it, is flagged.
        // Only children with an adoption can have any flagged.
        std::vector<std::string_view> adopters;
        std::unordered_set<std::string_view> seen;
        for (const Ssda903Rows* rows : {episodes, before}) {
          if (!rows) continue;
          for (const Row& e : rows->rows) {
            if (!e[episodes::CHILD].empty() && one_of(e[episodes::REC], {"E11", "E12"}) &&
                date(e[episodes::DECOM]) && seen.insert(e[episodes::CHILD]).second)
              adopters.push_back(e[episodes::CHILD]);
          }
        }
        struct Pooled {
          Date start;
          size_t row;
          bool last;  // last year's
        };
        std::vector<std::vector<Pooled>> theirs;
        bool ties = false;
        for (const std::string_view child : adopters) {
          std::vector<Pooled>& mine = theirs.emplace_back();
          for (const bool last : {false, true}) {
            if (last && !before) continue;
            const Ssda903Rows* rows = last ? before : episodes;
            for (const size_t i :
                 last ? c.last_rows_of(T::kEpisodes, child) : c.rows_of(T::kEpisodes, child)) {
              if (const Day start = date(rows->rows[i][episodes::DECOM])) mine.push_back({*start, i, last});
            }
          }
          std::sort(mine.begin(), mine.end(),
                    [](const Pooled& x, const Pooled& y) { return x.start < y.start; });
          for (size_t k = 1; k < mine.size(); ++k) ties = ties || mine[k].start == mine[k - 1].start;
        }
        if (ties) {
          // Episodes of a child that began on the same day fall as numpy's sort of the whole pool
          // (this year's rows, then last year's) puts them.
          std::vector<size_t> place_now(episodes->rows.size()), place_last(before ? before->rows.size() : 0);
          std::vector<int64_t> keys;
          for (const bool last : {false, true}) {
            const Ssda903Rows* rows = last ? before : episodes;
            if (!rows) continue;
            for (size_t i = 0; i < rows->rows.size(); ++i) {
              if (const Day start = date(rows->rows[i][episodes::DECOM])) {
                (last ? place_last : place_now)[i] = keys.size();
                keys.push_back(start->days_since_epoch());
              }
            }
          }
          std::vector<size_t> rank(keys.size());
          const std::vector<size_t> order =
              numpy_argsort(keys.size(), [&](size_t a, size_t b) { return keys[a] < keys[b]; });
          for (size_t k = 0; k < order.size(); ++k) rank[order[k]] = k;
          const auto rank_of = [&](const Pooled& p) {
            return rank[(p.last ? place_last : place_now)[p.row]];
          };
          for (auto& mine : theirs) {
            std::sort(mine.begin(), mine.end(),
                      [&](const Pooled& x, const Pooled& y) { return rank_of(x) < rank_of(y); });
          }
        }
        for (const auto& mine : theirs) {
          int so_far = 0;
          for (const Pooled& p : mine) {
            const bool adopted =
                one_of((p.last ? before : episodes)->rows[p.row][episodes::REC], {"E11", "E12"});
            so_far += adopted ? 1 : 0;
            if (!p.last && so_far > 0 && !(so_far == 1 && adopted)) c.flag(T::kEpisodes, p.row);
          }
        }
      }));
}

}  // namespace safeguard::ssda903
