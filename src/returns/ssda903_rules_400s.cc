// SSDA903 rules 400 to 529: episodes against the episode before them and against last year's open
// episode, ages at episode ends and reviews, UPNs, and adoption codes and dates
// (returns/ssda903_checks.h says how rules read the return).
#include <algorithm>
#include <cmath>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "returns/ssda903_checks.h"
#include "returns/ssda903_lookups.h"

namespace safeguard::ssda903 {

namespace {

using Dates = std::vector<std::optional<Date>>;

// Orders dates as the reference sorts them: no date after every date.
int compare_no_date_last(const std::optional<Date>& a, const std::optional<Date>& b) {
  if (a && b) return *a < *b ? -1 : (*b < *a ? 1 : 0);
  return a ? -1 : (b ? 1 : 0);
}

// A rule that judges each Episodes row with its derived placement.
Ssda903RuleDefinition each_placement(const char* code, const char* message, const char* fields,
                                     bool (*bad)(Ssda903Check&, const Row&, const Placement&)) {
  return {{code, Severity::kError, message}, fields, [=](Ssda903Check& c) {
            if (!c.uses_postcodes()) return;
            const Ssda903Rows* rows = c.table(T::kEpisodes);
            if (!rows) return;
            for (size_t i = 0; i < rows->rows.size(); ++i) {
              if (bad(c, rows->rows[i], c.placement(i))) c.flag(T::kEpisodes, i);
            }
          }};
}

// Each child's episodes in the order the reference sorts Episodes: by DECOM and then, when `dec`
// is given, by DEC, no date last, ties in file order. Episodes with a blank CHILD are nobody's.
template <class Visit>
void each_childs_episodes_in_order(Ssda903Check& c, const Dates& decom, const Dates* dec, Visit visit) {
  std::vector<size_t> order;
  for (const std::string_view child : c.children(T::kEpisodes)) {
    const RowSpan rows = c.rows_of(T::kEpisodes, child);
    order.assign(rows.begin(), rows.end());
    std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) {
      if (const int by_decom = compare_no_date_last(decom[a], decom[b])) return by_decom < 0;
      return dec && compare_no_date_last((*dec)[a], (*dec)[b]) < 0;
    });
    visit(order);
  }
}

// An episode and the one before it in that order, with the DECOM and DEC read as dates.
struct Pair {
  Row row;
  Row before;
  std::optional<Date> decom, dec, before_dec;
};
// A rule about each episode and the one before it (by DECOM, and then DEC when `by_dec_too`).
Ssda903RuleDefinition after_another(const char* code, const char* message, const char* fields,
                                    bool by_dec_too, bool (*bad)(const Pair&)) {
  return {{code, Severity::kError, message}, fields, [=](Ssda903Check& c) {
            const Ssda903Rows* rows = c.table(T::kEpisodes);
            if (!rows) return;
            const Dates decom = dates_of(*rows, episodes::DECOM);
            const Dates dec = dates_of(*rows, episodes::DEC);
            each_childs_episodes_in_order(
                c, decom, by_dec_too ? &dec : nullptr, [&](const std::vector<size_t>& order) {
                  for (size_t k = 1; k < order.size(); ++k) {
                    const size_t i = order[k], p = order[k - 1];
                    if (bad({rows->rows[i], rows->rows[p], decom[i], dec[i], dec[p]}))
                      c.flag(T::kEpisodes, i);
                  }
                });
          }};
}

// For each child in both years' Episodes: this year's first episode (earliest DECOM) and last
// year's last (latest DECOM). The reference fails outright, finding nothing, when any child of
// either year has no DECOM that is a date; here such a child is passed over.
template <class Visit>
void first_episode_and_last_years_last(Ssda903Check& c, Visit visit) {
  const Ssda903Rows* now = c.table(T::kEpisodes);
  const Ssda903Rows* before = c.last(T::kEpisodes);
  if (!now || !before) return;
  for (const std::string_view child : c.children(T::kEpisodes)) {
    const RowSpan last_rows = c.last_rows_of(T::kEpisodes, child);
    if (last_rows.empty()) continue;
    const auto first = first_or_last_episode(*now, c.rows_of(T::kEpisodes, child), false);
    const auto last = first_or_last_episode(*before, last_rows, true);
    if (first && last) visit(first->first, before->rows[last->first]);
  }
}

std::optional<std::string> given(const std::string& value) {
  return value.empty() ? std::nullopt : std::optional<std::string>(value);
}

// The 503 rules: a field of this year's first episode differs from last year's last episode,
// which was open (its DEC no date). Blank equals blank. `derived` names a derived placement
// column to compare instead of the Episodes column `column`.
Ssda903RuleDefinition differs_from_last_years_open_episode(const char* code, const char* message,
                                                           const char* field, size_t column,
                                                           std::optional<std::string> Placement::*derived) {
  return {{code, Severity::kError, message}, field, [=](Ssda903Check& c) {
            if (derived && !c.uses_postcodes()) return;
            const Ssda903Rows* now = c.table(T::kEpisodes);
            first_episode_and_last_years_last(c, [&](size_t first, const Row& last) {
              if (date(last[episodes::DEC])) return;
              const auto value = derived ? c.placement(first).*derived : given(now->rows[first][column]);
              const auto before = derived ? c.last_placement(last).*derived : given(last[column]);
              if (value == before) return;
              if (!derived && column == episodes::PLACE && value && before) {
                // Placement types the DfE renamed between the two years.
                if ((c.year == 2024 || c.year == 2025) && *value == "K3" && *before == "H5") return;
                if (c.year == 2026 && one_of(*value, {"Z11", "Z12", "Z13", "Z14"}) && *before == "Z1") return;
              }
              c.flag(T::kEpisodes, first);
            });
          }};
}

// 453 and 503G: the first episode's distance differs by 0.2 miles or more from last year's open
// last episode's (compared as the reference does, without allowing for rounding: 1.3 against 1.1
// is not 0.2 apart), or only this year's is known. 453 also needs the same RNE.
Ssda903RuleDefinition distance_differs_from_last_year(const char* code, const char* message, bool same_rne) {
  return {{code, Severity::kError, message}, "PL_DISTANCE", [=](Ssda903Check& c) {
            if (!c.uses_postcodes()) return;
            const Ssda903Rows* now = c.table(T::kEpisodes);
            first_episode_and_last_years_last(c, [&](size_t first, const Row& last) {
              if (date(last[episodes::DEC])) return;
              const std::string& rne = now->rows[first][episodes::RNE];
              if (same_rne && (rne.empty() || rne != last[episodes::RNE])) return;
              const auto distance = c.placement(first).distance;
              const auto before = c.last_placement(last).distance;
              if (distance && (!before || std::abs(*distance - *before) >= 0.2)) c.flag(T::kEpisodes, first);
            });
          }};
}

// AD1 rules: when LS_ADOPTR is `status`, SEX_ADOPTR must be one of `sexes` (blank is not).
Ssda903RuleDefinition adopters_sex_for_status(const char* code, const char* message, const char* status,
                                              std::vector<std::string_view> sexes) {
  return {{code, Severity::kError, message}, "LS_ADOPTR, SEX_ADOPTR", [=](Ssda903Check& c) {
            const Ssda903Rows* rows = c.table(T::kAd1);
            if (!rows) return;
            for (size_t i = 0; i < rows->rows.size(); ++i) {
              const Row& row = rows->rows[i];
              if (row[ad1::LS_ADOPTR] == status &&
                  std::find(sexes.begin(), sexes.end(), row[ad1::SEX_ADOPTR]) == sexes.end())
                c.flag(T::kAd1, i);
            }
          }};
}

// Episodes rules: a PLACE of `places` with the PLACE_PROVIDER `provider`.
Ssda903RuleDefinition provider_for_places(const char* code, const char* message, const char* provider,
                                          std::vector<std::string_view> places) {
  return {{code, Severity::kError, message}, "PLACE, PLACE_PROVIDER", [=](Ssda903Check& c) {
            const Ssda903Rows* rows = c.table(T::kEpisodes);
            if (!rows) return;
            for (size_t i = 0; i < rows->rows.size(); ++i) {
              const Row& row = rows->rows[i];
              if (row[episodes::PLACE_PROVIDER] == provider &&
                  std::find(places.begin(), places.end(), row[episodes::PLACE]) != places.end())
                c.flag(T::kEpisodes, i);
            }
          }};
}

// Reviews rules 440 and 441: the review's date against the child's 4th birthday.
Ssda903RuleDefinition review_age(const char* code, const char* message, bool under_four) {
  return {{code, Severity::kError, message}, "DOB, REVIEW, REVIEW_CODE", [=](Ssda903Check& c) {
            const Ssda903Rows* rows = c.table(T::kReviews);
            if (!rows) return;
            for (size_t i = 0; i < rows->rows.size(); ++i) {
              const Row& row = rows->rows[i];
              const std::string& method = row[reviews::REVIEW_CODE];
              if (under_four ? method != "PN0"
                             : !one_of(method, {"PN1", "PN2", "PN3", "PN4", "PN5", "PN6", "PN7"}))
                continue;
              const auto born = date(row[reviews::DOB]);
              const auto review = date(row[reviews::REVIEW]);
              if (!born || !review) continue;
              const Date fourth = add_years(*born, 4);
              if (under_four ? *review > fourth : *review < fourth) c.flag(T::kReviews, i);
            }
          }};
}

// Rules 407 and 460: an episode's end against the child's 18th birthday (DOB + 18 years, 29
// February then 28 February), by each Header row of the child.
Ssda903RuleDefinition ended_by_age(const char* code, const char* message, const char* fields,
                                   std::initializer_list<std::string_view> reasons, bool at_18_or_over,
                                   bool flag_header) {
  const std::vector<std::string_view> recs(reasons);
  return {{code, Severity::kError, message}, fields, [=](Ssda903Check& c) {
            const Ssda903Rows* epi = c.table(T::kEpisodes);
            const Ssda903Rows* heads = c.table(T::kHeader);
            if (!epi || !heads) return;
            const JoinedRows headers(c, T::kHeader);
            for (size_t i = 0; i < epi->rows.size(); ++i) {
              const Row& row = epi->rows[i];
              if (std::find(recs.begin(), recs.end(), row[episodes::REC]) == recs.end()) continue;
              const auto ended = date(row[episodes::DEC]);
              if (!ended) continue;
              for (const size_t h : headers(row[episodes::CHILD])) {
                const auto born = date(heads->rows[h][header::DOB]);
                if (!born) continue;
                const Date eighteenth = add_years(*born, 18);
                if (at_18_or_over ? eighteenth < *ended : eighteenth > *ended) {
                  c.flag(T::kEpisodes, i);
                  if (flag_header) c.flag(T::kHeader, h);
                }
              }
            }
          }};
}

}  // namespace

void add_ssda903_rules_400s(std::vector<Ssda903RuleDefinition>& out) {
  out.push_back(
      {{"406", Severity::kError,
        "Child is Unaccompanied Asylum-Seeking Child (UASC) or was formerly UASC. Distance should be "
        "blank. [NOTE: This check will result in false negatives for children formerly UASC not "
        "identified as such in loaded data]"},
       "PL_DISTANCE",
       [](Ssda903Check& c) {
         if (!c.uses_postcodes()) return;
         const Ssda903Rows* epi = c.table(T::kEpisodes);
         if (!epi) return;
         // Who is or was UASC: by each year's Header (which knows only when that year's UASC
         // file was given), or without a Header by that year's UASC rows that hold anything.
         std::unordered_set<std::string_view> uasc_children;
         bool known = false;
         for (const bool last : {false, true}) {
           const Ssda903Rows* heads = last ? c.last(T::kHeader) : c.table(T::kHeader);
           const Ssda903Rows* table = last ? c.last(T::kUasc) : c.table(T::kUasc);
           if (heads) {
             if (!table) continue;
             known = true;
             for (size_t i = 0; i < heads->rows.size(); ++i) {
               const auto is_uasc = last ? c.last_header_uasc(i) : c.header_uasc(i);
               if (is_uasc && *is_uasc == "1") uasc_children.insert(heads->rows[i][header::CHILD]);
             }
           } else if (table) {
             known = true;
             for (const Row& row : table->rows) {
               if (row.any_given(uasc::SEX)) uasc_children.insert(row[uasc::CHILD]);
             }
           }
         }
         if (!known) return;
         for (size_t i = 0; i < epi->rows.size(); ++i) {
           if (uasc_children.count(epi->rows[i][episodes::CHILD]) && c.placement(i).distance)
             c.flag(T::kEpisodes, i);
         }
       }});
  out.push_back(ended_by_age(
      "407", "Reason episode ceased is Special Guardianship Order, but child has reached age 18.",
      "DEC, DOB, REC", {"E45", "E46", "E47", "E48"}, true, true));
  out.push_back(
      each_row("408",
               "Child is placed for adoption with a placement order, but no placement order has been "
               "recorded.",
               "PLACE, LS", T::kEpisodes, [](const Row& r) {
                 return one_of(r[episodes::PLACE], {"A5", "A6"}) && r[episodes::LS] != "E1";
               }));
  // Cannot fire: PL_LOCATION is IN only when PL_LA is the council's.
  out.push_back(each_placement("411", "Placement location code disagrees with LA of placement.",
                               "PL_LOCATION", [](Ssda903Check& c, const Row&, const Placement& p) {
                                 return p.location == "IN" && p.la != c.options.la;
                               }));
  out.push_back(each_placement(
      "420", "LA of placement completed but child is looked after under legal status V3 or V4.", "PL_LA",
      [](Ssda903Check&, const Row& r, const Placement& p) { return respite(r) && p.la.has_value(); }));
  out.push_back(
      {{"426", Severity::kError,
        "A child receiving respite care cannot be recorded under a legal status of V3 and V4 in the "
        "same year."},
       "LS",
       [](Ssda903Check& c) {
         const Ssda903Rows* rows = c.table(T::kEpisodes);
         if (!rows) return;
         // A blank CHILD counts as one child here, as the reference's join makes it.
         std::unordered_set<std::string_view> v3, v4;
         for (const Row& row : rows->rows) {
           if (row[episodes::LS] == "V3") v3.insert(row[episodes::CHILD]);
           if (row[episodes::LS] == "V4") v4.insert(row[episodes::CHILD]);
         }
         for (size_t i = 0; i < rows->rows.size(); ++i) {
           const Row& row = rows->rows[i];
           if (respite(row) && v3.count(row[episodes::CHILD]) && v4.count(row[episodes::CHILD]))
             c.flag(T::kEpisodes, i);
         }
       }});
  // Also a start before the previous episode's end, which the message does not say.
  out.push_back(after_another("431",
                              "The reason for new episode is started to be looked after, but the previous "
                              "episode ended on the same day.",
                              "RNE, DECOM", false, [](const Pair& p) {
                                return p.row[episodes::RNE] == "S" && p.decom && p.before_dec &&
                                       *p.decom <= *p.before_dec;
                              }));
  out.push_back(after_another(
      "432",
      "The child ceased to be looked after at the end of the previous episode but the "
      "reason for the new episode is not started to be looked after.",
      "RNE", false, [](const Pair& p) {
        return one_of(p.before[episodes::REC],
                      {"E2",  "E3",  "E4A", "E4B", "E5",  "E6",  "E7",  "E8",  "E9",  "E11", "E12",
                       "E13", "E14", "E15", "E16", "E17", "E41", "E45", "E46", "E47", "E48"}) &&
               p.row[episodes::RNE] != "S";
      }));
  // The dates are compared as text, as the reference does: 1/4/2025 is not 01/04/2025.
  out.push_back(
      after_another("433",
                    "The reason for new episode suggests that this is a continuation episode, but the "
                    "episode does not start on the same day as the last episode finished.",
                    "RNE, DECOM", true, [](const Pair& p) {
                      const std::string& decom = p.row[episodes::DECOM];
                      const std::string& before = p.before[episodes::DEC];
                      return one_of(p.row[episodes::RNE], {"P", "L", "T", "U", "B"}) &&
                             (decom.empty() || before.empty() || decom != before);
                    }));
  // 434, 435 and 436 treat blanks differently from each other, as the reference does.
  out.push_back(after_another("434",
                              "Reason for new episode is that child's legal status has changed but not the "
                              "placement, but this is not reflected in the episode data.",
                              "RNE, LS, PLACE, PL_POST, URN, PLACE_PROVIDER", false, [](const Pair& p) {
                                if (p.row[episodes::RNE] != "L") return false;
                                const std::string& ls = p.row[episodes::LS];
                                if (!ls.empty() && ls == p.before[episodes::LS]) return true;
                                for (const size_t col : {episodes::PLACE, episodes::PL_POST, episodes::URN,
                                                         episodes::PLACE_PROVIDER}) {
                                  if (p.row[col] != p.before[col]) return true;
                                }
                                return false;
                              }));
  out.push_back(
      after_another("435",
                    "Reason for new episode is that child\u2019s placement has changed but not the legal "
                    "status, but this is not reflected in the episode data recorded.",
                    "LS, PLACE, PL_POST, URN, PLACE_PROVIDER", false, [](const Pair& p) {
                      if (!one_of(p.row[episodes::RNE], {"P", "T"})) return false;
                      const std::string& ls = p.row[episodes::LS];
                      if (ls.empty() || ls != p.before[episodes::LS]) return true;
                      for (const size_t col :
                           {episodes::PLACE, episodes::PL_POST, episodes::URN, episodes::PLACE_PROVIDER}) {
                        if (p.row[col].empty() || p.row[col] != p.before[col]) return false;
                      }
                      return true;
                    }));
  out.push_back(
      after_another("436",
                    "Reason for new episode is that both child\u2019s placement and legal status have "
                    "changed, but this is not reflected in the episode data.",
                    "RNE, LS, PLACE, PL_POST, URN, PLACE_PROVIDER", false, [](const Pair& p) {
                      if (!one_of(p.row[episodes::RNE], {"U", "B"})) return false;
                      // The reference fills blanks with "*" before comparing.
                      const auto same = [&](size_t col) {
                        const auto or_star = [](const std::string& v) {
                          return v.empty() ? std::string_view("*") : std::string_view(v);
                        };
                        const std::string_view a = or_star(p.row[col]), b = or_star(p.before[col]);
                        return a == b;
                      };
                      return same(episodes::LS) || (same(episodes::PLACE) && same(episodes::PL_POST) &&
                                                    same(episodes::URN) && same(episodes::PLACE_PROVIDER));
                    }));
  out.push_back(
      {{"437", Severity::kError,
        "Reason episode ceased is child has died or is aged 18 or over but there are further episodes."},
       "REC",
       [](Ssda903Check& c) {
         const Ssda903Rows* rows = c.table(T::kEpisodes);
         if (!rows) return;
         const Dates decom = dates_of(*rows, episodes::DECOM);
         // Any episode after it in order counts, even one with no DECOM.
         each_childs_episodes_in_order(c, decom, nullptr, [&](const std::vector<size_t>& order) {
           for (size_t k = 0; k + 1 < order.size(); ++k) {
             const size_t i = order[k];
             if (decom[i] && one_of(rows->rows[i][episodes::REC], {"E2", "E15"})) c.flag(T::kEpisodes, i);
           }
         });
       }});
  out.push_back(
      review_age("440",
                 "Participation method indicates child was under 4 years old at the time of the review, "
                 "but date of birth and review date indicates the child was 4 years old or over.",
                 true));
  out.push_back(
      review_age("441",
                 "Participation method indicates child was 4 years old or over at the time of the review, "
                 "but the date of birth and review date indicates the child was under 4 years old.",
                 false));
  out.push_back({{"442", Severity::kError, "Unique Pupil Number (UPN) field is not completed."},
                 "UPN",
                 [](Ssda903Check& c) {
                   const Ssda903Rows* heads = c.table(T::kHeader);
                   const Ssda903Rows* epi = c.table(T::kEpisodes);
                   if (!heads || !epi) return;
                   const JoinedRows episodes_of(c, T::kEpisodes);
                   for (size_t i = 0; i < heads->rows.size(); ++i) {
                     const Row& row = heads->rows[i];
                     if (!row[header::UPN].empty()) continue;
                     for (const size_t e : episodes_of(row[header::CHILD])) {
                       if (!respite(epi->rows[e])) {
                         c.flag(T::kHeader, i);
                         break;
                       }
                     }
                   }
                 }});
  out.push_back({{"444", Severity::kError, "Duplicate UPN has been reported"}, "UPN", [](Ssda903Check& c) {
                   const Ssda903Rows* rows = c.table(T::kHeader);
                   if (!rows) return;
                   const auto counted = [](const std::string& upn) {
                     return !upn.empty() && !one_of(upn, {"UN1", "UN2", "UN3", "UN4", "UN5"});
                   };
                   std::unordered_map<std::string_view, size_t> times;
                   for (const Row& row : rows->rows) {
                     if (counted(row[header::UPN])) ++times[row[header::UPN]];
                   }
                   for (size_t i = 0; i < rows->rows.size(); ++i) {
                     const std::string& upn = rows->rows[i][header::UPN];
                     if (counted(upn) && times[upn] > 1) c.flag(T::kHeader, i);
                   }
                 }});
  out.push_back(each_row("446", "E1 is not a valid code for episodes starting before December 2005.",
                         "LS, DECOM", T::kEpisodes, [](const Row& r) {
                           const auto decom = date(r[episodes::DECOM]);
                           return r[episodes::LS] == "E1" && decom && *decom < Date::from_ymd(2005, 12, 1);
                         }));
  out.push_back(
      {{"452", Severity::kError,
        "Contradiction between local authority of placement code in the last episode of the previous "
        "year and in the first episode of the current year."},
       "PL_LA",
       [](Ssda903Check& c) {
         if (!c.uses_postcodes()) return;
         const Ssda903Rows* now = c.table(T::kEpisodes);
         // Last year's episode counts as open when its DEC is blank, a DEC that is no date
         // as closed; blank PL_LAs are equal.
         first_episode_and_last_years_last(c, [&](size_t first, const Row& last) {
           const std::string& rne = now->rows[first][episodes::RNE];
           if (rne.empty() || rne != last[episodes::RNE] || !last[episodes::DEC].empty()) return;
           if (c.placement(first).la != c.last_placement(last).la) c.flag(T::kEpisodes, first);
         });
       }});
  out.push_back(
      distance_differs_from_last_year("453",
                                      "Contradiction between placement distance in the last episode of the "
                                      "previous year and in the first episode of the current year.",
                                      true));
  // Whatever the message says, UASC children are not exempt.
  out.push_back(
      each_placement("454",
                     "Placement distance from home is over 350 miles. [NOTE: This check will result in "
                     "false positives for children formerly UASC not identified as such in loaded data]",
                     "PL_DISTANCE", [](Ssda903Check&, const Row&, const Placement& p) {
                       return p.distance && *p.distance > 350 && *p.distance != 999.9;
                     }));
  // The reference fails when an E17 child has more than one Header row; here each is compared.
  out.push_back(
      ended_by_age("460",
                   "Reason episode ceased is that child stayed with current carers at age 18 (or above), "
                   "but child is aged under 18.",
                   "DEC, REC", {"E17"}, false, false));
  out.push_back(after_another(
      "501", "A new episode has started before the end date of the previous episode.", "DECOM, DEC", false,
      [](const Pair& p) { return p.decom && p.before_dec && *p.decom < *p.before_dec; }));
  out.push_back(
      {{"502", Severity::kError,
        "Last year's record ended with an open episode. The date on which that episode started does not "
        "match the start date of the first episode on this year\u2019s record."},
       "DECOM",
       [](Ssda903Check& c) {
         const Ssda903Rows* now = c.table(T::kEpisodes);
         const Ssda903Rows* before = c.last(T::kEpisodes);
         if (!now || !before) return;
         // Every episode of last year's with a blank DEC counts, and one with no DECOM differs.
         for (const std::string_view child : c.children(T::kEpisodes)) {
           const RowSpan last_rows = c.last_rows_of(T::kEpisodes, child);
           if (last_rows.empty()) continue;
           const auto first = first_or_last_episode(*now, c.rows_of(T::kEpisodes, child), false);
           if (!first) continue;
           const std::optional<Date> start = first->second;
           for (const size_t l : last_rows) {
             const Row& last = before->rows[l];
             if (last[episodes::DEC].empty() && date(last[episodes::DECOM]) != start) {
               c.flag(T::kEpisodes, first->first);
               break;
             }
           }
         }
       }});
  const auto column_503 = [&](const char* code, const char* message, const char* field, size_t column) {
    out.push_back(differs_from_last_years_open_episode(code, message, field, column, nullptr));
  };
  column_503(
      "503A",
      "The reason for new episode in the first episode does not match open episode at end of last year.",
      "RNE", episodes::RNE);
  column_503("503B", "The legal status in the first episode does not match open episode at end of last year.",
             "LS", episodes::LS);
  column_503("503C",
             "The category of need in the first episode does not match open episode at end of last year.",
             "CIN", episodes::CIN);
  column_503("503D",
             "The placement type in the first episode does not match open episode at end of last year",
             "PLACE", episodes::PLACE);
  column_503("503E",
             "The placement provider in the first episode does not match open episode at end of last year.",
             "PLACE_PROVIDER", episodes::PLACE_PROVIDER);
  column_503("503F", "The Ofsted URN in the  first episode does not match open episode at end of last year.",
             "URN", episodes::URN);
  out.push_back(distance_differs_from_last_year(
      "503G", "The distance in first episode does not match open episode at end of last year.", false));
  out.push_back(differs_from_last_years_open_episode(
      "503H", "The placement LA in first episode does not match open episode at end of last year.", "PL_LA",
      0, &Placement::la));
  out.push_back(differs_from_last_years_open_episode(
      "503J", "The placement location in first episode does not match open episode at end of last year.",
      "PL_LOCATION", 0, &Placement::location));
  // Only against the episode just before, when that one continued into this one.
  out.push_back(after_another(
      "504",
      "The category of need code differs from that reported at start of current period of "
      "being looked after",
      "CIN", false, [](const Pair& p) {
        return p.before[episodes::REC] == "X1" && p.before_dec && p.decom && *p.before_dec == *p.decom &&
               (p.row[episodes::CIN].empty() || p.row[episodes::CIN] != p.before[episodes::CIN]);
      }));
  out.push_back(
      each_row("511",
               "If reporting that the number of person(s) adopting the looked after child is two adopters "
               "then the code should only be MM, FF or MF. MM = the adopting couple are both males; FF = "
               "the adopting couple are both females; MF = The adopting couple are male and female.",
               "NB_ADOPTR, SEX_ADOPTR", T::kAd1, [](const Row& r) {
                 return r[ad1::NB_ADOPTR] == "2" && one_of(r[ad1::SEX_ADOPTR], {"M1", "F1"});
               }));
  out.push_back(
      adopters_sex_for_status("514",
                              "Data entry on the legal status of adopters shows a single adopter but data "
                              "entry for the numbers of adopters shows it as a couple.",
                              "L0", {"M1", "F1"}));
  out.push_back(
      each_row("516",
               "The episode data submitted for this child does not show that he/she was with their former "
               "foster carer(s) during the year.If the code in the reason episode ceased is E45 or E46 the "
               "child must have a placement code of U1 to U6.",
               "REC, PLACE", T::kEpisodes, [](const Row& r) {
                 return one_of(r[episodes::REC], {"E45", "E46"}) &&
                        !one_of(r[episodes::PLACE], {"U1", "U2", "U3", "U4", "U5", "U6"});
               }));
  out.push_back(
      adopters_sex_for_status("517",
                              "If reporting legal status of adopters is L3 then the genders of adopters "
                              "should be coded as MF. MF = the adopting couple are male and female.",
                              "L3", {"MF"}));
  out.push_back(
      adopters_sex_for_status("518",
                              "If reporting legal status of adopters is L4 then the genders of adopters "
                              "should be coded as MM or FF. MM = the adopting couple are both males. FF = "
                              "the adopting couple are both females.",
                              "L4", {"MM", "FF"}));
  out.push_back(
      adopters_sex_for_status("519",
                              "Data entered on the legal status of adopters shows civil partnership couple, "
                              "but data entered on genders of adopters does not show it as a couple.",
                              "L2", {"MM", "FF", "MF"}));
  out.push_back(adopters_sex_for_status(
      "520",
      "Data entry on the legal status of adopters shows different gender married "
      "couple but data entry on genders of adopters shows it as a same gender couple.",
      "L11", {"MF"}));
  out.push_back(
      {{"521", Severity::kError,
        "Date of local authority's decision (LA) that adoption is in the best interests of the child (date "
        "should be placed) must be on or prior to the date the child is placed for adoption."},
       "PLACE, DECOM, DATE_INT",
       [](Ssda903Check& c) {
         const Ssda903Rows* epi = c.table(T::kEpisodes);
         const Ssda903Rows* ad = c.table(T::kAd1);
         if (!epi || !ad) return;
         const JoinedRows adoptions(c, T::kAd1);
         for (size_t i = 0; i < epi->rows.size(); ++i) {
           const Row& row = epi->rows[i];
           if (!one_of(row[episodes::PLACE], {"A3", "A4", "A5", "A6"})) continue;
           const auto decom = date(row[episodes::DECOM]);
           if (!decom) continue;
           for (const size_t a : adoptions(row[episodes::CHILD])) {
             const auto decided = date(ad->rows[a][ad1::DATE_INT]);
             if (decided && *decided > *decom) {
               c.flag(T::kEpisodes, i);
               c.flag(T::kAd1, a);
             }
           }
         }
       }});
  out.push_back(
      each_row("522",
               "Date of decision that the child should be placed for adoption must be on or before the date "
               "that a child should no longer be placed for adoption.",
               "DATE_PLACED, DATE_PLACED_CEASED", T::kPlacedAdoption, [](const Row& r) {
                 const auto ceased = date(r[placed_adoption::DATE_PLACED_CEASED]);
                 const auto placed = date(r[placed_adoption::DATE_PLACED]);
                 return ceased && placed && *ceased < *placed;
               }));
  out.push_back(
      {{"523", Severity::kError,
        "Date of decision that the child should be placed for adoption should be the same date as the "
        "decision that adoption is in the best interest (date should be placed)."},
       "DATE_PLACED, DATE_INT",
       [](Ssda903Check& c) {
         const Ssda903Rows* placed = c.table(T::kPlacedAdoption);
         const Ssda903Rows* ad = c.table(T::kAd1);
         if (!placed || !ad) return;
         const JoinedRows adoptions(c, T::kAd1);
         for (size_t i = 0; i < placed->rows.size(); ++i) {
           const auto when = date(placed->rows[i][placed_adoption::DATE_PLACED]);
           if (!when) continue;
           for (const size_t a : adoptions(placed->rows[i][placed_adoption::CHILD])) {
             const auto decided = date(ad->rows[a][ad1::DATE_INT]);
             if (decided && *decided != *when) {
               c.flag(T::kPlacedAdoption, i);
               c.flag(T::kAd1, a);
             }
           }
         }
       }});
  out.push_back(
      adopters_sex_for_status("524",
                              "If reporting legal status of adopters is L12 then the genders of adopters "
                              "should be coded as MM or FF. MM = the adopting couple are both males. FF = "
                              "the adopting couple are both females",
                              "L12", {"MM", "FF"}));
  out.push_back(
      {{"525", Severity::kError,
        "A child for whom the decision to be placed for adoption has been reversed cannot be adopted "
        "during the year."},
       "DATE_PLACED_CEASED, DATE_INT, DATE_MATCH, FOSTER_CARE, NB_ADOPTR, SEX_ADOPTR, LS_ADOPTR",
       [](Ssda903Check& c) {
         const Ssda903Rows* placed = c.table(T::kPlacedAdoption);
         const Ssda903Rows* ad = c.table(T::kAd1);
         if (!placed || !ad) return;
         const JoinedRows adoptions(c, T::kAd1);
         for (size_t i = 0; i < placed->rows.size(); ++i) {
           const Row& row = placed->rows[i];
           if (row[placed_adoption::DATE_PLACED_CEASED].empty()) continue;
           for (const size_t a : adoptions(row[placed_adoption::CHILD])) {
             const Row& adoption = ad->rows[a];
             if (adoption.any_given(ad1::DATE_INT)) {
               c.flag(T::kPlacedAdoption, i);
               c.flag(T::kAd1, a);
             }
           }
         }
       }});
  out.push_back(each_row("526", "Child is missing a placement provider code for at least one episode.",
                         "PLACE, PLACE_PROVIDER", T::kEpisodes, [](const Row& r) {
                           return r[episodes::PLACE_PROVIDER].empty() &&
                                  !one_of(r[episodes::PLACE],
                                          {"T0", "T1", "T2", "T3", "T4", "Z11", "Z12", "Z13", "Z14"});
                         }));
  out.push_back(provider_for_places(
      "527", "A placement provider code of PR1 cannot be associated with placements P1, R2 or R5.", "PR1",
      {"P1", "R2", "R5"}));
  out.push_back(provider_for_places(
      "528", "A placement provider code of PR2 cannot be associated with placements P1, R2 or R5.", "PR2",
      {"P1", "R2", "R5"}));
  out.push_back(provider_for_places(
      "529",
      "Placement provider code of PR3 cannot be associated with placements P1, A3 to A6, "
      "K1, K2 and U1 to U6 as these placements cannot be provided by other public "
      "organisations.",
      "PR3", {"A3", "A4", "A5", "A6", "K1", "K2", "P1", "U1", "U2", "U3", "U4", "U5", "U6"}));
}

}  // namespace safeguard::ssda903
