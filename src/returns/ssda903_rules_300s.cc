// SSDA903 rules 300 to 399: the child's age and the collection year against the episodes' and other
// tables' dates, each episode against the child's others, adoption, care leavers, respite and
// temporary placements, and postcodes (returns/ssda903_checks.h says how rules read the return).
#include <algorithm>
#include <functional>
#include <tuple>
#include <unordered_set>

#include "returns/ssda903_checks.h"

namespace safeguard::ssda903 {

namespace {

using Day = std::optional<Date>;

const std::initializer_list<std::string_view> kTemporary = {"T0", "T1", "T2", "T3", "T4"};

// Comparisons as pandas makes them: a missing date is never before, after or equal to anything.
bool less(Day a, Day b) { return a && b && *a < *b; }
bool equal(Day a, Day b) { return a && b && *a == *b; }
Day plus_years(Day d, int years) { return d ? Day(add_years(*d, years)) : std::nullopt; }

// A rule that joins each episode that `applies` to the child's Header rows and flags it when
// `faulty` holds for any of them. Joined on the left, a child with no Header row is one with no DOB;
// joined on the inside, such a child's episodes are never flagged.
Ssda903RuleDefinition episode_and_dob(const char* code, const char* message, const char* fields, bool inner,
                                      std::function<bool(const Row&)> applies,
                                      std::function<bool(Ssda903Check&, const Row&, Day dob)> faulty) {
  return rule(code, message, fields, [=](Ssda903Check& c) {
    const Ssda903Rows* episodes = c.table(T::kEpisodes);
    const Ssda903Rows* header = c.table(T::kHeader);
    if (!episodes || !header) return;
    for (size_t i = 0; i < episodes->rows.size(); ++i) {
      const Row& e = episodes->rows[i];
      if (!applies(e)) continue;
      const RowSpan mine = c.joined_rows(T::kHeader, e[episodes::CHILD]);
      bool found = mine.empty() && !inner && faulty(c, e, std::nullopt);
      for (const size_t h : mine) found = found || faulty(c, e, date(header->rows[h][header::DOB]));
      if (found) c.flag(T::kEpisodes, i);
    }
  });
}

// Rules 371 to 374: an episode of this placement that began before the child was this old. Only
// episodes with a start, an end and the child's DOB are checked, as in the reference.
Ssda903RuleDefinition placed_too_young(const char* code, const char* message, std::string_view place,
                                       int years) {
  return episode_and_dob(
      code, message, "DECOM, PLACE", true, [=](const Row& e) { return e[episodes::PLACE] == place; },
      [=](Ssda903Check&, const Row& e, Day dob) {
        const Day start = date(e[episodes::DECOM]);
        return start && date(e[episodes::DEC]) && dob && *start < add_years(*dob, years);
      });
}

// Rules 375, 376 and 379: an episode of this placement that lasted more than so many days (with
// the same conditions as placed_too_young).
Ssda903RuleDefinition placed_too_long(const char* code, const char* message, std::string_view place,
                                      int days) {
  return episode_and_dob(
      code, message, "DECOM, PLACE", true, [=](const Row& e) { return e[episodes::PLACE] == place; },
      [=](Ssda903Check&, const Row& e, Day dob) {
        const Day start = date(e[episodes::DECOM]), end = date(e[episodes::DEC]);
        return start && end && dob && *end > *start + days;
      });
}

// Calls `each` once with the rows of every child with an episode that `wanted` (a child's episodes
// are found once, and only for the children that matter).
template <class Wanted, class Each>
void children_with(Ssda903Check& c, const Ssda903Rows& episodes, Wanted wanted, Each each) {
  std::vector<bool> done(episodes.rows.size());
  for (size_t i = 0; i < episodes.rows.size(); ++i) {
    const Row& e = episodes.rows[i];
    if (e[episodes::CHILD].empty() || !wanted(e)) continue;
    const RowSpan rows = c.rows_of(T::kEpisodes, e[episodes::CHILD]);
    if (done[rows.front()]) continue;
    done[rows.front()] = true;
    each(rows);
  }
}

// A child's episodes with their DECOMs (read by `read`), by DECOM, a missing one last, ties in row
// order: each child's part of the reference's stable sort by CHILD and DECOM. `out` is reused.
using Dated = DatedRows;
template <class Read = Day (*)(std::string_view)>
void by_decom(const Ssda903Rows& episodes, RowSpan rows, Dated& out, Read read = date) {
  sort_by_day(
      rows, [&](size_t i) { return read(episodes.rows[i][episodes::DECOM]); }, out);
}

// Rules 361 and 362: a legal status held for longer than so many days, over a run of episodes.
// Each child's episodes in DECOM order (an open or unreadable end is the year's end); an episode of
// the status carries on the run of the previous one of the status when that one ended the day its
// own next episode (whatever its status) began. A run lasts from its earliest start to its latest
// end, and all its episodes are flagged.
Ssda903RuleDefinition status_run_too_long(const char* code, const char* message, std::string_view status,
                                          int days) {
  return rule(code, message, "DECOM, LS, DEC", [=](Ssda903Check& c) {
    const Ssda903Rows* episodes = c.table(T::kEpisodes);
    if (!episodes) return;
    auto end_of = [&](size_t i) { return date(episodes->rows[i][episodes::DEC]).value_or(c.collection_end); };
    Dated order;
    RowList run;
    children_with(
        c, *episodes, [=](const Row& e) { return e[episodes::LS] == status; },
        [&](RowSpan rows) {
          by_decom(*episodes, rows, order);
          Day run_start;
          Date run_end;
          auto close = [&] {
            if (!run.empty() && run_start && run_end - *run_start > days) {
              for (const size_t i : run) c.flag(T::kEpisodes, i);
            }
            run.clear();
            run_start.reset();
          };
          bool carries_on = false;  // whether the last episode of the status flowed into its next one
          for (size_t k = 0; k < order.size(); ++k) {
            const auto& [start, i] = order[k];
            if (episodes->rows[i][episodes::LS] != status) continue;
            if (!carries_on) close();
            if (start && (!run_start || *start < *run_start)) run_start = start;
            run_end = run.empty() ? end_of(i) : std::max(run_end, end_of(i));
            run.push_back(i);
            carries_on = k + 1 < order.size() && equal(end_of(i), order[k + 1].first);
          }
          close();
        });
  });
}

// Rules 363 and 364: a legal status held for longer than so many days, over periods of episodes
// taken in row order (the reference means to sort them but does not): an episode of the status
// with a readable DECOM carries on the period of the one before it unless it is another child's or
// began after that one ended. A period's length is the sum of its episodes' (an open episode ends
// at the year's end; an unreadable end adds nothing).
Ssda903RuleDefinition status_period_too_long(const char* code, const char* message, std::string_view status,
                                             int days) {
  return rule(code, message, "LS, DECOM, DEC", [=](Ssda903Check& c) {
    const Ssda903Rows* episodes = c.table(T::kEpisodes);
    if (!episodes) return;
    RowList period;
    int64_t total = 0;
    auto close = [&] {
      if (total > days) {
        for (const size_t i : period) c.flag(T::kEpisodes, i);
      }
      period.clear();
      total = 0;
    };
    std::optional<size_t> previous;
    Day previous_end;
    for (size_t i = 0; i < episodes->rows.size(); ++i) {
      const Row& e = episodes->rows[i];
      const Day start = date(e[episodes::DECOM]);
      if (e[episodes::LS] != status || !start) continue;
      const Day end = e[episodes::DEC].empty() ? Day(c.collection_end) : date(e[episodes::DEC]);
      // A blank CHILD is no child's, so never the same as the one before.
      if (!previous || e[episodes::CHILD].empty() ||
          e[episodes::CHILD] != episodes->rows[*previous][episodes::CHILD] || less(previous_end, start))
        close();
      period.push_back(i);
      if (end) total += *end - *start;
      previous = i;
      previous_end = end;
    }
    close();
  });
}

}  // namespace

void add_ssda903_rules_300s(std::vector<Ssda903RuleDefinition>& out) {
  out.push_back(
      each_row("301", "Date of birth falls after the year ended.", "DOB", T::kHeader,
               [](Ssda903Check& c, const Row& h) { return less(c.collection_end, date(h[header::DOB])); }));
  out.push_back(rule("302", "First episode starts before child was born.", "DECOM, DOB", [](Ssda903Check& c) {
    const Ssda903Rows* episodes = c.table(T::kEpisodes);
    const Ssda903Rows* header = c.table(T::kHeader);
    if (!episodes || !header) return;
    for (size_t h = 0; h < header->rows.size(); ++h) {
      const std::string& child = header->rows[h][header::CHILD];
      if (child.empty()) continue;
      // The reference fails on a child with no readable DECOM; such a child has no first episode.
      const auto first = first_or_last_episode(*episodes, c.rows_of(T::kEpisodes, child), false);
      if (first && less(first->second, date(header->rows[h][header::DOB]))) {
        c.flag(T::kHeader, h);
        c.flag(T::kEpisodes, first->first);
      }
    }
  }));
  out.push_back(
      rule("303",
           "If date Unaccompanied Asylum-Seeking Child (UASC) status ceased is not null, UASC status "
           "must be coded 1.",
           "DUC, UASC", [](Ssda903Check& c) {
             const Ssda903Rows* uasc = c.table(T::kUasc);
             const Ssda903Rows* header = c.table(T::kHeader);
             if (!uasc || !header) return;
             for (size_t h = 0; h < header->rows.size(); ++h) {
               const auto coded = c.header_uasc(h);
               if (!coded) return;
               if (*coded == "1") continue;
               for (const size_t u : c.joined_rows(T::kUasc, header->rows[h][header::CHILD])) {
                 if (uasc->rows[u][uasc::DUC].empty()) continue;
                 c.flag(T::kHeader, h);
                 c.flag(T::kUasc, u);
               }
             }
           }));
  out.push_back(
      each_row("304",
               "Date unaccompanied asylum-seeking child (UASC) status ceased must be on or before the "
               "18th birthday of a child.",
               "DUC", T::kUasc, [](Ssda903Check&, const Row& u) {
                 return less(plus_years(date(u[uasc::DOB]), 18), date(u[uasc::DUC]));
               }));
  out.push_back(rule(
      "331",
      "Date of matching child and adopter(s) should be the same as, or prior to, the date of "
      "placement of adoption.",
      "DATE_MATCH, DECOM, REC", [](Ssda903Check& c) {
        const Ssda903Rows* ad1 = c.table(T::kAd1);
        const Ssda903Rows* episodes = c.table(T::kEpisodes);
        if (!ad1 || !episodes) return;
        for (size_t a = 0; a < ad1->rows.size(); ++a) {
          const Day matched = date(ad1->rows[a][ad1::DATE_MATCH]);
          for (const size_t e : c.joined_rows(T::kEpisodes, ad1->rows[a][ad1::CHILD])) {
            const Row& row = episodes->rows[e];
            if (one_of(row[episodes::REC], {"E11", "E12"}) && less(date(row[episodes::DECOM]), matched)) {
              c.flag(T::kAd1, a);
              c.flag(T::kEpisodes, e);
            }
          }
        }
      }));
  out.push_back(each_row(
      "333",
      "Date should be placed for adoption must be on or prior to the date of matching child with adopter(s).",
      "DATE_INT", T::kAd1, [](Ssda903Check&, const Row& a) {
        const Day matched = date(a[ad1::DATE_MATCH]), decided = date(a[ad1::DATE_INT]);
        return matched && (!decided || *decided > *matched);
      }));
  out.push_back(
      rule("334",
           "Date child started to be looked after in latest period of care must be on or prior to the "
           "date should be placed for adoption. ",
           "DATE_INT, DECOM, RNE", [](Ssda903Check& c) {
             const Ssda903Rows* episodes = c.table(T::kEpisodes);
             const Ssda903Rows* ad1 = c.table(T::kAd1);
             if (!episodes || !ad1) return;
             // Each AD1 row against its child's latest start of care; the reference fails on a
             // child whose starts of care have no readable DECOM, and such a child has none.
             for (size_t a = 0; a < ad1->rows.size(); ++a) {
               const std::string& child = ad1->rows[a][ad1::CHILD];
               if (child.empty()) continue;
               const auto latest = first_or_last(
                   c.rows_of(T::kEpisodes, child),
                   [&](size_t i) {
                     const Row e = episodes->rows[i];
                     return e[episodes::RNE] == "S" ? date(e[episodes::DECOM]) : Day();
                   },
                   true);
               if (latest && less(date(ad1->rows[a][ad1::DATE_INT]), latest->second)) {
                 c.flag(T::kEpisodes, latest->first);
                 c.flag(T::kAd1, a);
               }
             }
           }));
  out.push_back(
      rule("335",
           "The current foster value (0) suggests that child is not adopted by current foster carer, "
           "but last placement is A2, A3, or A5. Or the current foster value (1) suggests that child is "
           "adopted by current foster carer, but last placement is A1, A4 or A6.",
           "PLACE, FOSTER_CARE", [](Ssda903Check& c) {
             const Ssda903Rows* episodes = c.table(T::kEpisodes);
             const Ssda903Rows* ad1 = c.table(T::kAd1);
             if (!episodes || !ad1) return;
             for (size_t e = 0; e < episodes->rows.size(); ++e) {
               const Row& row = episodes->rows[e];
               if (!one_of(row[episodes::REC], {"E1", "E11", "E12"})) continue;
               const std::string_view place = row[episodes::PLACE];
               const char* wrong = one_of(place, {"A2", "A3", "A5"})   ? "0"
                                   : one_of(place, {"A1", "A4", "A6"}) ? "1"
                                                                       : nullptr;
               if (!wrong) continue;
               for (const size_t a : c.joined_rows(T::kAd1, row[episodes::CHILD])) {
                 if (ad1->rows[a][ad1::FOSTER_CARE] == wrong) {
                   c.flag(T::kEpisodes, e);
                   c.flag(T::kAd1, a);
                 }
               }
             }
           }));
  out.push_back(
      rule("336", "Child does not have a foster placement immediately prior to being placed for adoption.",
           "PLACE", [](Ssda903Check& c) {
             const Ssda903Rows* episodes = c.table(T::kEpisodes);
             if (!episodes) return;
             // An episode with a blank CHILD has no episode before it in the reference, so no
             // foster one.
             for (size_t i = 0; i < episodes->rows.size(); ++i) {
               const Row& e = episodes->rows[i];
               if (e[episodes::CHILD].empty() && one_of(e[episodes::PLACE], {"A3", "A4"}))
                 c.flag(T::kEpisodes, i);
             }
             // Each episode's place in the reference's order of all episodes: by DECOM with
             // numpy's quicksort, those with no readable DECOM last in row order.
             std::vector<size_t> place_of(episodes->rows.size());
             {
               std::vector<int32_t> keys;
               RowList dated;
               for (size_t i = 0; i < episodes->rows.size(); ++i) {
                 if (const Day start = date(episodes->rows[i][episodes::DECOM])) {
                   keys.push_back(start->days_since_epoch());
                   dated.push_back(i);
                 }
               }
               size_t next = 0;
               const auto order =
                   numpy_argsort(keys.size(), [&](size_t a, size_t b) { return keys[a] < keys[b]; });
               for (const size_t k : order) place_of[dated[k]] = next++;
               for (size_t i = 0; i < episodes->rows.size(); ++i) {
                 if (!date(episodes->rows[i][episodes::DECOM])) place_of[i] = next++;
               }
             }
             RowList order;
             children_with(
                 c, *episodes,
                 [](const Row& e) {
                   return one_of(e[episodes::PLACE], {"A3", "A4"});
                 },
                 [&](RowSpan rows) {
                   order.assign(rows.begin(), rows.end());
                   std::sort(order.begin(), order.end(),
                             [&](size_t a, size_t b) { return place_of[a] < place_of[b]; });
                   // The reference fails on a child with no readable DECOM; such a child has
                   // no first episode. The first is the first in order.
                   if (!date(episodes->rows[order.front()][episodes::DECOM])) return;
                   for (size_t k = 1; k < order.size(); ++k) {
                     const Row& e = episodes->rows[order[k]];
                     if (one_of(e[episodes::PLACE], {"A3", "A4"}) &&
                         !one_of(episodes->rows[order[k - 1]][episodes::PLACE],
                                 {"A3", "A4", "A5", "A6", "U1", "U2", "U3", "U4", "U5", "U6"}))
                       c.flag(T::kEpisodes, order[k]);
                   }
                 });
           }));
  // A blank ACTIV or ACCOM is not 0, so is at fault too.
  out.push_back(each_row(
      "344",
      "The record shows the young person has died or returned home to live with parent(s) or "
      "someone with parental responsibility for a continuous period of 6 months or more, but "
      "activity and/or accommodation on leaving care have been completed.",
      "IN_TOUCH, ACTIV, ACCOM", T::kOc3, [](Ssda903Check&, const Row& o) {
        return one_of(o[oc3::IN_TOUCH], {"DIED", "RHOM"}) && (o[oc3::ACTIV] != "0" || o[oc3::ACCOM] != "0");
      }));
  out.push_back(each_row("345",
                         "The data collection record shows the local authority is in touch with this young "
                         "person, but activity and/or accommodation data items are zero.",
                         "IN_TOUCH, ACTIV, ACCOM", T::kOc3, [](Ssda903Check&, const Row& o) {
                           return o[oc3::IN_TOUCH] == "YES" && (o[oc3::ACTIV] == "0" || o[oc3::ACCOM] == "0");
                         }));
  // Under 18 is under 18 years of 365.2425 days at the start of the year, so 6574 days or fewer.
  // The reference fails on any OC3 DOB that is given and is no date; here such a row is passed by.
  out.push_back(each_row("347", "Care leavers aged under 18 years, can not be accommodated in a Foyer.",
                         "PLACE, DEC, URN", T::kOc3, [](Ssda903Check& c, const Row& o) {
                           const Day born = date(o[oc3::DOB]);
                           return o[oc3::ACCOM] == "T" && born && c.collection_start - *born <= 6574;
                         }));
  out.push_back(rule("348", "Care leaver has previously been reported as having died. ", "IN_TOUCH",
                     [](Ssda903Check& c) {
                       const Ssda903Rows* now = c.table(T::kOc3);
                       const Ssda903Rows* last = c.last(T::kOc3);
                       if (!now || !last) return;
                       for (size_t i = 0; i < now->rows.size(); ++i) {
                         if (now->rows[i][oc3::IN_TOUCH] == "DIED") continue;
                         for (const size_t l : c.last_joined_rows(T::kOc3, now->rows[i][oc3::CHILD])) {
                           if (last->rows[l][oc3::IN_TOUCH] == "DIED") c.flag(T::kOc3, i);
                         }
                       }
                     }));
  out.push_back(each_row("351", "Child was over 25 at the start of the current collection year.", "DOB",
                         T::kHeader, [](Ssda903Check& c, const Row& h) {
                           return less(plus_years(date(h[header::DOB]), 25), c.collection_start);
                         }));
  out.push_back(episode_and_dob(
      "352", "Child who started to be looked after was aged 18 or over.", "DECOM, RNE", false,
      [](const Row& e) { return e[episodes::RNE] == "S"; },
      [](Ssda903Check&, const Row& e, Day dob) {
        const Day start = date(e[episodes::DECOM]), adult = plus_years(dob, 18);
        return adult && start && *adult <= *start;
      }));
  out.push_back(each_row("353", "No episode submitted can start before 14 October 1991.", "DECOM",
                         T::kEpisodes, [](Ssda903Check&, const Row& e) {
                           return less(date(e[episodes::DECOM]), Date::from_ymd(1991, 10, 14));
                         }));
  // The message is about the episode's end; the reference checks its start.
  out.push_back(each_row(
      "354", "Date episode ceased must be on or before the end of the current collection year.", "DECOM",
      T::kEpisodes,
      [](Ssda903Check& c, const Row& e) { return less(c.collection_end, date(e[episodes::DECOM])); }));
  // The same text in both, two blanks included.
  out.push_back(each_row("355", "Episode appears to have lasted for less than 24 hours", "DECOM, DEC",
                         T::kEpisodes,
                         [](Ssda903Check&, const Row& e) { return e[episodes::DECOM] == e[episodes::DEC]; }));
  out.push_back(each_row("356", "The date the episode ceased is before the date the same episode started.",
                         "DECOM", T::kEpisodes, [](Ssda903Check&, const Row& e) {
                           return less(date(e[episodes::DEC]), date(e[episodes::DECOM]));
                         }));
  out.push_back(
      rule("357",
           "If this is the first episode ever for this child, reason for new episode must be S.  Check "
           "whether there is an episode immediately preceding this one, which has been left out.  If "
           "not the reason for new episode code must be amended to S.",
           "RNE", [](Ssda903Check& c) {
             const Ssda903Rows* episodes = c.table(T::kEpisodes);
             if (!episodes) return;
             // Only a child with an episode that is no start of care can have a first episode that is not.
             children_with(
                 c, *episodes, [](const Row& e) { return e[episodes::RNE] != "S"; },
                 [&](RowSpan rows) {
                   const auto first = first_or_last_episode(*episodes, rows, false);
                   if (first && first->second >= c.collection_start &&
                       episodes->rows[first->first][episodes::RNE] != "S")
                     c.flag(T::kEpisodes, first->first);
                 });
           }));
  out.push_back(rule("358", "Child with this legal status should not be under 10.", "DECOM, DOB, LS",
                     [](Ssda903Check& c) {
                       const Ssda903Rows* episodes = c.table(T::kEpisodes);
                       const Ssda903Rows* header = c.table(T::kHeader);
                       if (!episodes || !header) return;
                       for (size_t e = 0; e < episodes->rows.size(); ++e) {
                         const Row& row = episodes->rows[e];
                         if (!one_of(row[episodes::LS], {"J1", "J2", "J3"})) continue;
                         const Day start = date(row[episodes::DECOM]);
                         for (const size_t h : c.joined_rows(T::kHeader, row[episodes::CHILD])) {
                           const Day ten = plus_years(date(header->rows[h][header::DOB]), 10);
                           if (ten && start && *ten >= *start) {
                             c.flag(T::kEpisodes, e);
                             c.flag(T::kHeader, h);
                           }
                         }
                       }
                     }));
  out.push_back(episode_and_dob(
      "359",
      "Child being looked after following 18th birthday must be accommodated under section 20(5) of the "
      "Children Act 1989 in a community home.",
      "DEC, LS, PLACE", false,
      // Only a blank DEC is open here: an unreadable one is not.
      [](const Row& e) {
        return e[episodes::DEC].empty() && !(e[episodes::LS] == "V2" && e[episodes::PLACE] == "K2");
      },
      [](Ssda903Check& c, const Row&, Day dob) { return less(plus_years(dob, 18), c.collection_end); }));
  out.push_back(status_run_too_long(
      "361",
      "Police protection legal status lasted longer than maximum 72 hours allowed in the Children Act 1989.",
      "L1", 3));
  out.push_back(
      status_run_too_long("362", "Emergency protection order (EPO) lasted longer than 21 days", "L2", 21));
  out.push_back(status_period_too_long(
      "363", "Child assessment order (CAO) lasted longer than 7 days allowed in the Children Act 1989.", "L3",
      7));
  out.push_back(
      status_period_too_long("364",
                             "Sections 41-46 of Police and Criminal Evidence (PACE; 1984) severely limits "
                             "the time a child can be detained in custody in Local Authority (LA) "
                             "accommodation.",
                             "J2", 21));
  // An open respite episode runs to the year's end; one with an unreadable end is passed by.
  out.push_back(each_row("365", "Any individual short- term respite placement must not exceed 17 days.",
                         "LS, DECOM, DEC", T::kEpisodes, [](Ssda903Check& c, const Row& e) {
                           const Day start = date(e[episodes::DECOM]);
                           const Day end =
                               e[episodes::DEC].empty() ? Day(c.collection_end) : date(e[episodes::DEC]);
                           return e[episodes::LS] == "V3" && start && end && *end > *start + 17;
                         }));
  out.push_back(each_row(
      "366", "A child cannot change placement during the course of an individual short-term respite break.",
      "RNE", T::kEpisodes,
      [](Ssda903Check&, const Row& e) { return e[episodes::LS] == "V3" && e[episodes::RNE] != "S"; }));
  out.push_back(rule("367", "The maximum amount of respite care allowable is 75 days in any 12-month period.",
                     "LS, DECOM, DEC", [](Ssda903Check& c) {
                       const Ssda903Rows* episodes = c.table(T::kEpisodes);
                       if (!episodes) return;
                       // Each child's respite days within the year; an episode with an unreadable date, or
                       // none of its days in the year, counts for nothing and is not flagged.
                       RowList counted;
                       children_with(
                           c, *episodes, [](const Row& e) { return e[episodes::LS] == "V3"; },
                           [&](RowSpan rows) {
                             counted.clear();
                             int total = 0;
                             for (const size_t i : rows) {
                               const Row& e = episodes->rows[i];
                               if (e[episodes::LS] != "V3") continue;
                               Day start = date(e[episodes::DECOM]);
                               Day end = date(e[episodes::DEC]);
                               if (e[episodes::DEC].empty() || less(c.collection_end, end))
                                 end = c.collection_end;
                               if (less(start, c.collection_start)) start = c.collection_start;
                               if (start && end && *end - *start > 0) {
                                 total += *end - *start;
                                 counted.push_back(i);
                               }
                             }
                             if (total > 75) {
                               for (const size_t i : counted) c.flag(T::kEpisodes, i);
                             }
                           });
                     }));
  out.push_back(placed_too_young("371",
                                 "Child in supported accomodation not subject to children\u2019s homes "
                                 "regulations should be at least 16.",
                                 "K3", 16));
  out.push_back(placed_too_young("372", "Child in youth custody or prison should be at least 10.", "R5", 10));
  out.push_back(placed_too_young("373", "Child placed in a school should be at least 4 years old.", "S1", 4));
  out.push_back(
      placed_too_young("374", "Child in residential employment should be at least 14 years old.", "P3", 14));
  out.push_back(
      placed_too_long("375", "Hospitalisation coded as a temporary placement exceeds six weeks.", "T1", 42));
  out.push_back(placed_too_long("376",
                                "Temporary placements coded as being due to holiday of usual foster carer(s) "
                                "cannot exceed three weeks.",
                                "T3", 21));
  // All the child's holiday placements count, whenever they were.
  out.push_back(
      rule("377",
           "Only two temporary placements coded as being due to holiday of usual foster carer(s) are "
           "allowed in any 12- month period.",
           "PLACE", [](Ssda903Check& c) {
             const Ssda903Rows* episodes = c.table(T::kEpisodes);
             if (!episodes) return;
             auto holiday = [&](size_t i) { return episodes->rows[i][episodes::PLACE] == "T3"; };
             children_with(
                 c, *episodes, [](const Row& e) { return e[episodes::PLACE] == "T3"; },
                 [&](RowSpan rows) {
                   if (std::count_if(rows.begin(), rows.end(), holiday) <= 2) return;
                   for (const size_t i : rows) {
                     if (holiday(i)) c.flag(T::kEpisodes, i);
                   }
                 });
           }));
  out.push_back(each_row(
      "378",
      "A child who is placed with parent(s) cannot be looked after under a single period of "
      "accommodation under Section 20 of the Children Act 1989.",
      "PLACE, LS", T::kEpisodes,
      [](Ssda903Check&, const Row& e) { return e[episodes::PLACE] == "P1" && e[episodes::LS] == "V2"; }));
  out.push_back(placed_too_long(
      "379", "Temporary placements for unspecified reason (placement code T4) cannot exceed seven days.",
      "T4", 7));
  out.push_back(
      each_row("380", "A period of care cannot start with a temporary placement.", "PLACE, RNE", T::kEpisodes,
               [](Ssda903Check&, const Row& e) {
                 return one_of(e[episodes::PLACE], kTemporary) && !one_of(e[episodes::RNE], {"P", "B"});
               }));
  out.push_back(each_row("381", "A period of care cannot end with a temporary placement.", "PLACE, REC",
                         T::kEpisodes, [](Ssda903Check&, const Row& e) {
                           return one_of(e[episodes::PLACE], kTemporary) && !e[episodes::REC].empty() &&
                                  e[episodes::REC] != "X1";
                         }));
  out.push_back(each_row(
      "382", "A child receiving respite care cannot be in a temporary placement.", "LS, PLACE", T::kEpisodes,
      [](Ssda903Check&, const Row& e) { return respite(e) && one_of(e[episodes::PLACE], kTemporary); }));
  out.push_back(rule(
      "383", "A child in a temporary placement must subsequently return to his/her normal placement.",
      "PLACE, RNE, PL_POST", [](Ssda903Check& c) {
        const Ssda903Rows* episodes = c.table(T::kEpisodes);
        if (!episodes) return;
        // Blank values differ from everything, blank ones included.
        auto differ = [](const std::string& a, const std::string& b) {
          return a.empty() || b.empty() || a != b;
        };
        Dated order;
        children_with(
            c, *episodes, [](const Row& e) { return one_of(e[episodes::PLACE], kTemporary); },
            [&](RowSpan rows) {
              by_decom(*episodes, rows, order,
                       [&](std::string_view text) { return lenient_date(text, c.year); });
              for (size_t k = 2; k < order.size(); ++k) {
                const Row& now = episodes->rows[order[k].second];
                const Row& temporary = episodes->rows[order[k - 1].second];
                const Row& before = episodes->rows[order[k - 2].second];
                if (one_of(temporary[episodes::PLACE], kTemporary) &&
                    (now[episodes::RNE] != "P" || differ(now[episodes::PLACE], before[episodes::PLACE]) ||
                     differ(now[episodes::PL_POST], before[episodes::PL_POST])))
                  c.flag(T::kEpisodes, order[k].second);
              }
            });
      }));
  out.push_back(each_row("384", "A child receiving respite care cannot be in a long-term foster placement ",
                         "PLACE, LS", T::kEpisodes, [](Ssda903Check&, const Row& e) {
                           return respite(e) && one_of(e[episodes::PLACE], {"U1", "U4"});
                         }));
  out.push_back(
      each_row("385", "Date episode ceased must be on or before the end of the current collection year.",
               "DEC", T::kEpisodes,
               [](Ssda903Check& c, const Row& e) { return less(c.collection_end, date(e[episodes::DEC])); }));
  out.push_back(episode_and_dob(
      "386", "Reason episode ceased is adopted but child has reached age 18.", "REC", false,
      [](const Row& e) {
        return one_of(e[episodes::REC], {"E11", "E12"});
      },
      [](Ssda903Check&, const Row& e, Day dob) {
        const Day end = date(e[episodes::DEC]), adult = plus_years(dob, 18);
        return end && adult && *end >= *adult;
      }));
  // A child with no DOB (or no Header row) counts as under 14.
  out.push_back(episode_and_dob(
      "387",
      "Reason episode ceased is child moved into independent living arrangement, but the child is aged under "
      "14.",
      "REC", false,
      [](const Row& e) {
        return one_of(e[episodes::REC], {"E5", "E6"});
      },
      [](Ssda903Check&, const Row& e, Day dob) {
        const Day end = date(e[episodes::DEC]);
        return end && !(dob && add_years(*dob, 14) <= *end);
      }));
  out.push_back(
      rule("388", "Reason episode ceased is coded new episode begins, but there is no continuation episode.",
           "REC", [](Ssda903Check& c) {
             const Ssda903Rows* episodes = c.table(T::kEpisodes);
             if (!episodes) return;
             // An unreadable DECOM sorts as 1 January 1901, as the reference fills it.
             auto read = [](std::string_view text) {
               return Day(date(text).value_or(Date::from_ymd(1901, 1, 1)));
             };
             Dated order;
             // Only an episode that ended can be at fault.
             children_with(
                 c, *episodes, [](const Row& e) { return !e[episodes::DEC].empty(); },
                 [&](RowSpan rows) {
                   by_decom(*episodes, rows, order, read);
                   for (size_t k = 0; k < order.size(); ++k) {
                     const Row& e = episodes->rows[order[k].second];
                     const Day end = date(e[episodes::DEC]);
                     const std::string& rec = e[episodes::REC];
                     if (!end) continue;
                     const bool last = k + 1 == order.size();
                     const bool continued = !last && *end == *order[k + 1].first;
                     if (rec == "X1" ? last || !continued : !last && !rec.empty() && continued)
                       c.flag(T::kEpisodes, order[k].second);
                   }
                 });
           }));
  // A child with no DOB or an episode with no readable end counts as under 16.
  out.push_back(episode_and_dob(
      "389",
      "Reason episode ceased is that child transferred to care of adult social care "
      "services, but child is aged under 16.",
      "REC", false, [](const Row& e) { return e[episodes::REC] == "E7"; },
      [](Ssda903Check&, const Row& e, Day dob) {
        const Day end = date(e[episodes::DEC]);
        return !(dob && end && add_years(*dob, 16) <= *end);
      }));
  out.push_back(each_row(
      "390", "Reason episode ceased is adopted but child has not been previously placed for adoption.",
      "PLACE, REC", T::kEpisodes, [](Ssda903Check&, const Row& e) {
        return one_of(e[episodes::REC], {"E11", "E12"}) &&
               !one_of(e[episodes::PLACE], {"A3", "A4", "A5", "A6"});
      }));
  // Only the young side is checked, whatever the message says.
  out.push_back(
      each_row("391", "Young person was not 17, 18, 19, 20 or 21 during the current collection year. ",
               "DOB, IN_TOUCH, ACTIV, ACCOM", T::kOc3, [](Ssda903Check& c, const Row& o) {
                 return less(c.collection_end, plus_years(date(o[oc3::DOB]), 17)) &&
                        (!o[oc3::IN_TOUCH].empty() || !o[oc3::ACTIV].empty() || !o[oc3::ACCOM].empty());
               }));
  out.push_back(
      rule("392a",
           "Child is looked after but no distance is recorded. [NOTE: This check may result in false "
           "positives for children formerly UASC]",
           "PL_DISTANCE", [](Ssda903Check& c) {
             if (!c.uses_postcodes()) return;
             const Ssda903Rows* episodes = c.table(T::kEpisodes);
             if (!episodes) return;
             const auto uasc = ever_uasc(c);
             if (!uasc) return;
             for (size_t i = 0; i < episodes->rows.size(); ++i) {
               const Row& e = episodes->rows[i];
               if (!respite(e) && !uasc->contains(e[episodes::CHILD]) && !c.placement(i).distance)
                 c.flag(T::kEpisodes, i);
             }
           }));
  // One postcode missing is enough, whatever the message says; without a UASC column to look at,
  // no child is taken for UASC.
  out.push_back(
      rule("392b",
           "Child is looked after but no postcodes are recorded. [NOTE: This check may result in false "
           "positives for children formerly UASC, particularly if current & prior year UASC data not "
           "loaded]",
           "HOME_POST, PL_POST", [](Ssda903Check& c) {
             const Ssda903Rows* episodes = c.table(T::kEpisodes);
             if (!episodes) return;
             const auto uasc = ever_uasc(c);
             for (size_t i = 0; i < episodes->rows.size(); ++i) {
               const Row& e = episodes->rows[i];
               if (!respite(e) && !(uasc && uasc->contains(e[episodes::CHILD])) &&
                   (e[episodes::HOME_POST].empty() || e[episodes::PL_POST].empty()))
                 c.flag(T::kEpisodes, i);
             }
           }));
  out.push_back(rule("392c", "Postcode(s) provided are invalid.", "HOME_POST, PL_POST", [](Ssda903Check& c) {
    if (!c.uses_postcodes()) return;
    const Ssda903Rows* rows = c.table(T::kEpisodes);
    if (!rows) return;
    for (size_t i = 0; i < rows->rows.size(); ++i) {
      const Row& e = rows->rows[i];
      for (const size_t column : {episodes::HOME_POST, episodes::PL_POST}) {
        if (!e[column].empty() && !c.postcode(e[column])) {
          c.flag(T::kEpisodes, i);
          break;
        }
      }
    }
  }));
  out.push_back(each_row("392d",
                         "Home and placement postcodes should not be same unless the placement type is P1.",
                         "HOME_POST, PL_POST, PLACE", T::kEpisodes, [](Ssda903Check&, const Row& e) {
                           return e[episodes::PLACE] != "P1" && !e[episodes::HOME_POST].empty() &&
                                  e[episodes::HOME_POST] == e[episodes::PL_POST];
                         }));
  out.push_back(
      rule("393", "Child is looked after but mother field is not completed.", "MOTHER", [](Ssda903Check& c) {
        const Ssda903Rows* header = c.table(T::kHeader);
        const Ssda903Rows* episodes = c.table(T::kEpisodes);
        if (!header || !episodes) return;
        for (size_t h = 0; h < header->rows.size(); ++h) {
          const Row& row = header->rows[h];
          if (row[header::SEX] != "F" || !row[header::MOTHER].empty()) continue;
          for (const size_t e : c.joined_rows(T::kEpisodes, row[header::CHILD])) {
            if (!respite(episodes->rows[e])) {
              c.flag(T::kHeader, h);
              break;
            }
          }
        }
      }));
  out.push_back(
      each_row("398", "Distance field completed but child looked after under legal status V3 or V4.",
               "LS, HOME_POST, PL_POST", T::kEpisodes, [](Ssda903Check&, const Row& e) {
                 return respite(e) && (!e[episodes::HOME_POST].empty() || !e[episodes::PL_POST].empty());
               }));
  out.push_back(rule(
      "399",
      "Mother field, review field or participation field are completed but child is looked after under legal "
      "status V3 or V4.",
      "MOTHER, LS, REVIEW, REVIEW_CODE", [](Ssda903Check& c) {
        const Ssda903Rows* episodes = c.table(T::kEpisodes);
        const Ssda903Rows* header = c.table(T::kHeader);
        const Ssda903Rows* reviews = c.table(T::kReviews);
        if (!episodes || !header || !reviews) return;
        // For a child all of whose episodes are respite, the reference pairs each episode with each
        // Header row and each review: a pair is at fault when its Header row has MOTHER or its review
        // has REVIEW or REVIEW_CODE, and then all three rows of it are flagged.
        children_with(c, *episodes, respite, [&](RowSpan mine) {
          if (!std::all_of(mine.begin(), mine.end(), [&](size_t e) { return respite(episodes->rows[e]); }))
            return;
          const std::string_view child = episodes->rows[mine.front()][episodes::CHILD];
          const RowSpan headers = c.rows_of(T::kHeader, child);
          const RowSpan reviewed = c.rows_of(T::kReviews, child);
          auto has_mother = [&](size_t h) { return !header->rows[h][header::MOTHER].empty(); };
          auto has_review = [&](size_t r) {
            return !reviews->rows[r][reviews::REVIEW].empty() ||
                   !reviews->rows[r][reviews::REVIEW_CODE].empty();
          };
          const bool any_mother = std::any_of(headers.begin(), headers.end(), has_mother);
          const bool any_review = std::any_of(reviewed.begin(), reviewed.end(), has_review);
          if (!any_mother && !any_review) return;
          for (const size_t e : mine) c.flag(T::kEpisodes, e);
          for (const size_t h : headers) {
            if (any_review || has_mother(h)) c.flag(T::kHeader, h);
          }
          for (const size_t r : reviewed) {
            if (any_mother || has_review(r)) c.flag(T::kReviews, r);
          }
        });
      }));
}

}  // namespace safeguard::ssda903
