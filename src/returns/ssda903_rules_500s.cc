// SSDA903 rules 530 to 599: placement providers, the OC2 health and conviction items, placement for
// adoption against the episodes and last year's return, and the missing periods against each other
// and the episodes (returns/ssda903_checks.h says how rules read the return).
#include <algorithm>
#include <cstddef>
#include <unordered_map>

#include "returns/ssda903_checks.h"

namespace safeguard::ssda903 {

namespace {

using Day = std::optional<Date>;

// Comparisons as pandas makes them: any comparison with no date is false.
bool before(const Day& a, const Day& b) { return a && b && *a < *b; }
bool on_or_before(const Day& a, const Day& b) { return a && b && *a <= *b; }

// The order pandas sorts dates in: no date comes after every date.
bool sorts_before(const Day& a, const Day& b) { return a && (!b || *a < *b); }

bool adoption_placement(std::string_view place) { return one_of(place, {"A3", "A4", "A5", "A6"}); }

// Every row of a table, when the return has it.
template <typename F>
void each_row(Ssda903Check& c, T t, F&& f) {
  const Ssda903Rows* rows = c.table(t);
  if (!rows) return;
  for (size_t i = 0; i < rows->rows.size(); ++i) f(i, rows->rows[i]);
}

// An OC2 rule about a child of a given age at 31 March who has been looked after all year.
// `applies` is given the OC2 row and the child's DOB.
template <typename F>
Ssda903RuleDefinition oc2_for_looked_after(const char* code, const char* message, const char* fields,
                                           F applies) {
  return rule(code, message, fields, [=](Ssda903Check& c) {
    if (!c.table(T::kEpisodes)) return;
    each_row(c, T::kOc2, [&](size_t i, const Row& r) {
      const Day dob = date(r[oc2::DOB]);
      if (dob && applies(c, r, *dob) && continuously_looked_after(c, r[oc2::CHILD])) c.flag(T::kOc2, i);
    });
  });
}

// An OC2 item that, recorded as "1", needs the four health items (544, 547).
Ssda903RuleDefinition needs_health_items(const char* code, const char* message, const char* fields,
                                         size_t column) {
  return rule(code, message, fields, [=](Ssda903Check& c) {
    each_row(c, T::kOc2, [&](size_t i, const Row& r) {
      if (r[column] == "1" && (r[oc2::IMMUNISATIONS].empty() || r[oc2::TEETH_CHECK].empty() ||
                               r[oc2::HEALTH_ASSESSMENT].empty() || r[oc2::SUBSTANCE_MISUSE].empty()))
        c.flag(T::kOc2, i);
    });
  });
}

// Rows sorted as pandas sorts them on dates (no date last), keeping file order among equals.
template <typename Less>
RowList sorted_rows(RowSpan rows, Less less) {
  RowList out(rows.begin(), rows.end());
  std::stable_sort(out.begin(), out.end(), less);
  return out;
}

// A child's periods of care as rules 577 and 578 build them: the episodes with a start date, in
// order of it, each running on from the one before unless it starts after that one's end (an
// open or unreadable end runs on). A period ends when its last episode in that order ends.
struct PeriodOfCare {
  Date start;
  Day end;
};

std::vector<PeriodOfCare> periods_of_care(Ssda903Check& c, std::string_view child) {
  const Ssda903Rows& episodes = *c.table(T::kEpisodes);
  JoinedRows rows_of(c, T::kEpisodes);
  RowList rows;
  for (const size_t i : rows_of(child))
    if (date(episodes.rows[i][episodes::DECOM])) rows.push_back(i);
  rows = episodes_by_decom(episodes, rows);
  std::vector<PeriodOfCare> out;
  Day previous_end;
  for (const size_t i : rows) {
    const Date start = *date(episodes.rows[i][episodes::DECOM]);
    const Day end = date(episodes.rows[i][episodes::DEC]);
    // Episodes with a blank CHILD are each a period of their own (blank is no child's id).
    if (out.empty() || child.empty() || (previous_end && start > *previous_end)) out.push_back({start, end});
    out.back().end = end;
    previous_end = end;
  }
  return out;
}

// The Missing rules: each row of a child against that child's periods of care, flagged when
// `outside` holds for every period (a child with none is never flagged).
template <typename F>
Ssda903RuleDefinition missing_outside_care(const char* code, const char* message, const char* fields,
                                           F outside) {
  return rule(code, message, fields, [=](Ssda903Check& c) {
    if (!c.table(T::kEpisodes)) return;
    std::unordered_map<std::string_view, std::vector<PeriodOfCare>> periods_of;
    each_row(c, T::kMissing, [&](size_t i, const Row& m) {
      auto it = periods_of.find(m[missing::CHILD]);
      if (it == periods_of.end())
        it = periods_of.emplace(m[missing::CHILD], periods_of_care(c, m[missing::CHILD])).first;
      const std::vector<PeriodOfCare>& periods = it->second;
      const Day start = date(m[missing::MIS_START]), end = date(m[missing::MIS_END]);
      if (!periods.empty() && std::all_of(periods.begin(), periods.end(),
                                          [&](const PeriodOfCare& p) { return outside(start, end, p); }))
        c.flag(T::kMissing, i);
    });
  });
}

// Each row flagged when it follows, in a child's rows sorted by `less`, a row that is still open
// (`end` gives no date) or ends after this one starts (574, 579).
template <typename Less>
void flag_overlaps(Ssda903Check& c, T t, size_t start_column, size_t end_column, Less less) {
  const Ssda903Rows* rows = c.table(t);
  if (!rows) return;
  for (const std::string_view child : c.children(t)) {
    const RowList order = sorted_rows(c.rows_of(t, child), less);
    for (size_t k = 1; k < order.size(); ++k) {
      const Day previous_end = date(rows->rows[order[k - 1]][end_column]);
      if (!previous_end || before(date(rows->rows[order[k]][start_column]), previous_end))
        c.flag(t, order[k]);
    }
  }
}

}  // namespace

void add_ssda903_rules_500s(std::vector<Ssda903RuleDefinition>& out) {
  out.push_back(rule("530", "A placement provider code of PR4 cannot be associated with placement P1.",
                     "PLACE, PLACE_PROVIDER", [](Ssda903Check& c) {
                       each_row(c, T::kEpisodes, [&](size_t i, const Row& r) {
                         if (r[episodes::PLACE] == "P1" && r[episodes::PLACE_PROVIDER] == "PR4")
                           c.flag(T::kEpisodes, i);
                       });
                     }));
  out.push_back(rule("531", "A placement provider code of PR5 cannot be associated with placements P1.",
                     "PLACE, PLACE_PROVIDER", [](Ssda903Check& c) {
                       each_row(c, T::kEpisodes, [&](size_t i, const Row& r) {
                         if (r[episodes::PLACE] == "P1" && r[episodes::PLACE_PROVIDER] == "PR5")
                           c.flag(T::kEpisodes, i);
                       });
                     }));
  out.push_back(rule("542",
                     "A child aged under 10 at 31 March should not have conviction information completed.",
                     "CONVICTED", [](Ssda903Check& c) {
                       each_row(c, T::kOc2, [&](size_t i, const Row& r) {
                         const Day dob = date(r[oc2::DOB]);
                         if (dob && add_years(*dob, 10) > c.collection_end && !r[oc2::CONVICTED].empty())
                           c.flag(T::kOc2, i);
                       });
                     }));
  out.push_back(oc2_for_looked_after(
      "543",
      "Child is aged 10 or over at 31 March and has been looked after continuously for 12 months yet "
      "conviction information has not been completed.",
      "DOB, CONVICTED", [](Ssda903Check& c, const Row& r, Date dob) {
        // A tenth birthday on 31 March itself is neither here nor in 542, as in the reference.
        return c.collection_end > add_years(dob, 10) && r[oc2::CONVICTED].empty();
      }));
  out.push_back(needs_health_items(
      "544",
      "Any child who has conviction information completed must also have immunisation, teeth check, health "
      "assessment and substance misuse problem identified fields completed.",
      "CONVICTED, IMMUNISATIONS, TEETH_CHECK, HEALTH_ASSESSMENT, SUBSTANCE_MISUSE", oc2::CONVICTED));
  out.push_back(oc2_for_looked_after(
      "545",
      "Child is aged under 5 at 31 March and has been looked after continuously for 12 months yet health "
      "promotion information has not been completed.",
      "DOB, HEALTH_CHECK", [](Ssda903Check& c, const Row& r, Date dob) {
        return c.collection_end < add_years(dob, 5) && r[oc2::HEALTH_CHECK].empty();
      }));
  out.push_back(oc2_for_looked_after(
      "546", "Children aged 5 or over at 31 March should not have health promotion information completed.",
      "DOB, HEALTH_CHECK", [](Ssda903Check& c, const Row& r, Date dob) {
        return c.collection_end >= add_years(dob, 5) && !r[oc2::HEALTH_CHECK].empty();
      }));
  out.push_back(needs_health_items(
      "547",
      "Any child who has health promotion information completed must also have immunisation, teeth check, "
      "health assessment and substance misuse problem identified fields completed.",
      "HEALTH_CHECK, IMMUNISATIONS, TEETH_CHECK, HEALTH_ASSESSMENT, SUBSTANCE_MISUSE", oc2::HEALTH_CHECK));
  out.push_back(rule("550", "A placement provider code of PR0 can only be associated with placement P1.",
                     "PLACE, PLACE_PROVIDER", [](Ssda903Check& c) {
                       each_row(c, T::kEpisodes, [&](size_t i, const Row& r) {
                         if (r[episodes::PLACE_PROVIDER] == "PR0" && r[episodes::PLACE] != "P1")
                           c.flag(T::kEpisodes, i);
                       });
                     }));
  out.push_back(rule("551",
                     "Child has been placed for adoption but there is no date of the decision that the child "
                     "should be placed for adoption.",
                     "DATE_PLACED, PLACE", [](Ssda903Check& c) {
                       const Ssda903Rows* placed = c.table(T::kPlacedAdoption);
                       if (!placed) return;
                       JoinedRows joined(c, T::kPlacedAdoption);
                       each_row(c, T::kEpisodes, [&](size_t i, const Row& r) {
                         if (!adoption_placement(r[episodes::PLACE])) return;
                         const RowSpan decisions = joined(r[episodes::CHILD]);
                         if (decisions.empty() ||
                             std::any_of(decisions.begin(), decisions.end(), [&](size_t p) {
                               return placed->rows[p][placed_adoption::DATE_PLACED].empty();
                             }))
                           c.flag(T::kEpisodes, i);
                       });
                     }));
  out.push_back(rule(
      "552",
      "Date of Decision to place a child for adoption should be on or prior to the date that the child was "
      "placed for adoption.",
      "DATE_PLACED, DECOM", [](Ssda903Check& c) {
        const Ssda903Rows* episodes = c.table(T::kEpisodes);
        const Ssda903Rows* placed = c.table(T::kPlacedAdoption);
        if (!episodes || !placed) return;
        // The child's first adoptive placement against the latest decision to place.
        for (const std::string_view child : c.children(T::kEpisodes)) {
          RowList adoptive;
          for (const size_t i : c.rows_of(T::kEpisodes, child))
            if (adoption_placement(episodes->rows[i][episodes::PLACE])) adoptive.push_back(i);
          const auto first = first_or_last(
              adoptive, [&](size_t i) { return date(episodes->rows[i][episodes::DECOM]); }, false);
          const auto decision = first_or_last(
              c.rows_of(T::kPlacedAdoption, child),
              [&](size_t i) { return date(placed->rows[i][placed_adoption::DATE_PLACED]); }, true);
          if (!first || !decision) continue;
          if (first->second < decision->second) {
            c.flag(T::kEpisodes, first->first);
            c.flag(T::kPlacedAdoption, decision->first);
          }
        }
      }));
  out.push_back(rule(
      "553",
      "Placement order has been granted but there is no date of decision that the child should be placed for "
      "adoption.",
      "CHILD, DATE_PLACED, DATE_PLACED_CEASED, REASON_PLACED_CEASED", [](Ssda903Check& c) {
        const Ssda903Rows* placed = c.table(T::kPlacedAdoption);
        if (!placed) return;
        JoinedRows joined(c, T::kPlacedAdoption);
        each_row(c, T::kEpisodes, [&](size_t i, const Row& r) {
          if (r[episodes::LS] != "E1") return;
          const RowSpan decisions = joined(r[episodes::CHILD]);
          if (decisions.empty()) c.flag(T::kEpisodes, i);
          // Also, beyond what the message says: an open placement order with a decision that ceased.
          if (!r[episodes::DEC].empty()) return;
          for (const size_t p : decisions) {
            const Row& d = placed->rows[p];
            if (!d[placed_adoption::DATE_PLACED_CEASED].empty() ||
                !d[placed_adoption::REASON_PLACED_CEASED].empty())
              c.flag(T::kPlacedAdoption, p);
          }
        });
      }));
  out.push_back(rule(
      "554",
      "Date of decision that the child should be placed for adoption should be on or prior to the date that "
      "the placement order was granted. [NOTE: This rule may result in false positives or false negatives if "
      "relevant episodes are in previous years; please check carefully!]",
      "DATE_PLACED, DECOM, LS", [](Ssda903Check& c) {
        const Ssda903Rows* episodes = c.table(T::kEpisodes);
        const Ssda903Rows* placed = c.table(T::kPlacedAdoption);
        if (!episodes || !placed) return;
        // The child's first placement order (the reference fails outright when a child's placement
        // orders have no start date; here such a child is passed over).
        for (const std::string_view child : c.children(T::kEpisodes)) {
          RowList orders;
          for (const size_t i : c.rows_of(T::kEpisodes, child))
            if (episodes->rows[i][episodes::LS] == "E1") orders.push_back(i);
          const auto first = first_or_last(
              orders, [&](size_t i) { return date(episodes->rows[i][episodes::DECOM]); }, false);
          if (!first) continue;
          const Date granted = first->second;
          for (const size_t p : c.rows_of(T::kPlacedAdoption, child)) {
            const Day decided = date(placed->rows[p][placed_adoption::DATE_PLACED]);
            if (decided && *decided > granted) {
              c.flag(T::kEpisodes, first->first);
              c.flag(T::kPlacedAdoption, p);
            }
          }
        }
      }));
  out.push_back(rule("557",
                     "Child for whom the decision was made that they should be placed for adoption has left "
                     "care but was not adopted and information on the decision that they should no longer be "
                     "placed for adoption items has not been completed.",
                     "DATE_PLACED_CEASED, REASON_PLACED_CEASED, PLACE, LS, REC", [](Ssda903Check& c) {
                       const Ssda903Rows* placed = c.table(T::kPlacedAdoption);
                       if (!placed) return;
                       JoinedRows joined(c, T::kPlacedAdoption);
                       each_row(c, T::kEpisodes, [&](size_t i, const Row& r) {
                         const std::string& rec = r[episodes::REC];
                         if (!(adoption_placement(r[episodes::PLACE]) || r[episodes::LS] == "E1") ||
                             rec.empty() || one_of(rec, {"E11", "E12", "X1"}))
                           return;
                         const RowSpan decisions = joined(r[episodes::CHILD]);
                         if (decisions.empty()) c.flag(T::kEpisodes, i);
                         for (const size_t p : decisions) {
                           const Row& d = placed->rows[p];
                           if (d[placed_adoption::DATE_PLACED_CEASED].empty() ||
                               d[placed_adoption::REASON_PLACED_CEASED].empty()) {
                             c.flag(T::kEpisodes, i);
                             c.flag(T::kPlacedAdoption, p);
                           }
                         }
                       });
                     }));
  out.push_back(
      rule("558",
           "If a child has been adopted, then the decision to place them for adoption has not been disrupted "
           "and the date of the decision that a child should no longer be placed for adoption should be left "
           "blank.",
           "DATE_PLACED_CEASED, REC", [](Ssda903Check& c) {
             const Ssda903Rows* episodes = c.table(T::kEpisodes);
             const Ssda903Rows* placed = c.table(T::kPlacedAdoption);
             if (!episodes || !placed) return;
             // As the reference counts: adoptions times decisions, all of them ceased, more than one.
             for (const std::string_view child : c.children(T::kEpisodes)) {
               RowList adopted;
               for (const size_t i : c.rows_of(T::kEpisodes, child))
                 if (one_of(episodes->rows[i][episodes::REC], {"E11", "E12"})) adopted.push_back(i);
               const RowSpan decisions = c.rows_of(T::kPlacedAdoption, child);
               if (adopted.empty() || decisions.empty()) continue;
               if (std::any_of(decisions.begin(), decisions.end(), [&](size_t p) {
                     return placed->rows[p][placed_adoption::DATE_PLACED_CEASED].empty();
                   }))
                 continue;
               if (adopted.size() * decisions.size() > 1)
                 for (const size_t i : adopted) c.flag(T::kEpisodes, i);
             }
           }));
  out.push_back(rule(
      "559",
      "Date of decision that a child should be placed for adoption was not in the current year but the date "
      "of the decision that the child should be placed for adoption was not completed in a previous return.",
      "DATE_PLACED", [](Ssda903Check& c) {
        const Ssda903Rows* last = c.last(T::kPlacedAdoption);
        if (!last) return;
        JoinedRows joined(c, T::kPlacedAdoption, true);
        each_row(c, T::kPlacedAdoption, [&](size_t i, const Row& r) {
          if (!before(date(r[placed_adoption::DATE_PLACED]), c.collection_start)) return;
          const RowSpan before_rows = joined(r[placed_adoption::CHILD]);
          if (before_rows.empty() || std::any_of(before_rows.begin(), before_rows.end(), [&](size_t p) {
                return !date(last->rows[p][placed_adoption::DATE_PLACED]);
              }))
            c.flag(T::kPlacedAdoption, i);
        });
      }));
  out.push_back(rule(
      "560",
      "Date of decision that the child should be placed for adoption this year is different from that "
      "recorded last year but the decision to place the child for adoption did not change.",
      "DATE_PLACED, DATE_PLACED_CEASED", [](Ssda903Check& c) {
        const Ssda903Rows* last = c.last(T::kPlacedAdoption);
        if (!last) return;
        // The dates are compared as written.
        JoinedRows joined(c, T::kPlacedAdoption, true);
        each_row(c, T::kPlacedAdoption, [&](size_t i, const Row& r) {
          const std::string& now = r[placed_adoption::DATE_PLACED];
          for (const size_t p : joined(r[placed_adoption::CHILD])) {
            const Row& l = last->rows[p];
            if (!l[placed_adoption::DATE_PLACED].empty() && l[placed_adoption::DATE_PLACED_CEASED].empty() &&
                (now.empty() || now != l[placed_adoption::DATE_PLACED]))
              c.flag(T::kPlacedAdoption, i);
          }
        });
      }));
  out.push_back(
      rule("561",
           "Date of the decision that the child should be placed for adoption this year is the same as that "
           "recorded last year but records show that the decision changed, and the child should no longer be "
           "placed for adoption last year.",
           "DATE_PLACED", [](Ssda903Check& c) {
             const Ssda903Rows* last = c.last(T::kPlacedAdoption);
             if (!last) return;
             JoinedRows joined(c, T::kPlacedAdoption, true);
             each_row(c, T::kPlacedAdoption, [&](size_t i, const Row& r) {
               const std::string& now = r[placed_adoption::DATE_PLACED];
               if (now.empty()) return;
               for (const size_t p : joined(r[placed_adoption::CHILD])) {
                 const Row& l = last->rows[p];
                 if (now == l[placed_adoption::DATE_PLACED] &&
                     (!l[placed_adoption::REASON_PLACED_CEASED].empty() ||
                      !l[placed_adoption::DATE_PLACED_CEASED].empty()))
                   c.flag(T::kPlacedAdoption, i);
               }
             });
           }));
  out.push_back(rule(
      "562",
      "Episode commenced before the start of the current collection year but there is a missing continuous "
      "episode in the previous year.",
      "DECOM", [](Ssda903Check& c) {
        const Ssda903Rows* episodes = c.table(T::kEpisodes);
        const Ssda903Rows* last = c.last(T::kEpisodes);
        if (!episodes || !last) return;
        // The child's first episode, if it began before this year, should be last year's latest
        // (the reference fails outright when a child's episodes last year have no start date;
        // here such a child counts as having no episode last year).
        for (const std::string_view child : c.children(T::kEpisodes)) {
          const auto first = first_or_last(
              c.rows_of(T::kEpisodes, child),
              [&](size_t i) {
                const Day d = date(episodes->rows[i][episodes::DECOM]);
                return before(d, c.collection_start) ? d : Day();
              },
              false);
          if (!first) continue;
          const auto latest = first_or_last(
              c.last_rows_of(T::kEpisodes, child),
              [&](size_t i) { return date(last->rows[i][episodes::DECOM]); }, true);
          if (!latest || latest->second != first->second) c.flag(T::kEpisodes, first->first);
        }
      }));
  out.push_back(
      rule("563",
           "The child should no longer be placed for adoption but the date of the decision that the child "
           "should be placed for adoption is blank",
           "DATE_PLACED, REASON_PLACED_CEASED, DATE_PLACED_CEASED", [](Ssda903Check& c) {
             each_row(c, T::kPlacedAdoption, [&](size_t i, const Row& r) {
               if (!r[placed_adoption::REASON_PLACED_CEASED].empty() &&
                   !r[placed_adoption::DATE_PLACED_CEASED].empty() && r[placed_adoption::DATE_PLACED].empty())
                 c.flag(T::kPlacedAdoption, i);
             });
           }));
  out.push_back(rule("564",
                     "Child was missing or away from placement without authorisation and the date started is "
                     "blank.",
                     "MISSING, MIS_START", [](Ssda903Check& c) {
                       each_row(c, T::kMissing, [&](size_t i, const Row& r) {
                         if (one_of(r[missing::MISSING], {"M", "A"}) && r[missing::MIS_START].empty())
                           c.flag(T::kMissing, i);
                       });
                     }));
  out.push_back(
      rule("565",
           "The date that the child started to be missing or away from placement without authorisation has "
           "been completed but whether the child was missing or away from placement without authorisation "
           "has not been completed.",
           "MISSING, MIS_START", [](Ssda903Check& c) {
             each_row(c, T::kMissing, [&](size_t i, const Row& r) {
               if (!r[missing::MIS_START].empty() && r[missing::MISSING].empty()) c.flag(T::kMissing, i);
             });
           }));
  out.push_back(
      rule("566",
           "The date that the child's episode of being missing or away from placement without authorisation "
           "ended has been completed but whether the child was missing or away without authorisation has not "
           "been completed.",
           "MISSING, MIS_END", [](Ssda903Check& c) {
             each_row(c, T::kMissing, [&](size_t i, const Row& r) {
               if (r[missing::MISSING].empty() && !r[missing::MIS_END].empty()) c.flag(T::kMissing, i);
             });
           }));
  out.push_back(
      rule("567",
           "The date that the missing episode or episode that the child was away from placement without "
           "authorisation ended is before the date that it started.",
           "MIS_START, MIS_END", [](Ssda903Check& c) {
             each_row(c, T::kMissing, [&](size_t i, const Row& r) {
               if (before(date(r[missing::MIS_END]), date(r[missing::MIS_START]))) c.flag(T::kMissing, i);
             });
           }));
  out.push_back(
      rule("570",
           "The date that the child started to be missing or away from placement without authorisation is "
           "after the end of the collection year.",
           "MIS_START", [](Ssda903Check& c) {
             each_row(c, T::kMissing, [&](size_t i, const Row& r) {
               if (before(c.collection_end, date(r[missing::MIS_START]))) c.flag(T::kMissing, i);
             });
           }));
  out.push_back(
      rule("571",
           "The date that the child ceased to be missing or away from placement without authorisation is "
           "before the start or after the end of the collection year.",
           "MIS_END", [](Ssda903Check& c) {
             each_row(c, T::kMissing, [&](size_t i, const Row& r) {
               const Day end = date(r[missing::MIS_END]);
               if (end && (*end < c.collection_start || *end > c.collection_end)) c.flag(T::kMissing, i);
             });
           }));
  out.push_back(rule(
      "574",
      "A new missing/away from placement without authorisation period cannot start when the previous "
      "missing/away from placement without authorisation period is still open. Missing/away from placement "
      "without authorisation periods should also not overlap.",
      "MIS_START, MIS_END", [](Ssda903Check& c) {
        const Ssda903Rows* rows = c.table(T::kMissing);
        if (!rows) return;
        // Sorted by end (an open period by its start), then start.
        const auto start = [&](size_t i) { return date(rows->rows[i][missing::MIS_START]); };
        const auto end = [&](size_t i) {
          const Day e = date(rows->rows[i][missing::MIS_END]);
          return e ? e : start(i);
        };
        flag_overlaps(c, T::kMissing, missing::MIS_START, missing::MIS_END, [&](size_t a, size_t b) {
          const Day ea = end(a), eb = end(b);
          if (sorts_before(ea, eb)) return true;
          if (sorts_before(eb, ea)) return false;
          return sorts_before(start(a), start(b));
        });
      }));
  out.push_back(rule(
      "575",
      "If the placement from which the child goes missing/away from placement without authorisation ends, "
      "the missing/away from placement without authorisation period in the missing module must also have an "
      "end date.",
      "MIS_END", [](Ssda903Check& c) {
        const Ssda903Rows* episodes = c.table(T::kEpisodes);
        if (!episodes) return;
        JoinedRows joined(c, T::kEpisodes);
        each_row(c, T::kMissing, [&](size_t i, const Row& r) {
          if (!r[missing::MIS_END].empty()) return;
          const Day start = date(r[missing::MIS_START]);
          for (const size_t e : joined(r[missing::CHILD])) {
            const Day dec = date(episodes->rows[e][episodes::DEC]);
            if (on_or_before(date(episodes->rows[e][episodes::DECOM]), start) && on_or_before(start, dec)) {
              c.flag(T::kMissing, i);
              return;
            }
          }
        });
      }));
  out.push_back(rule(
      "576",
      "There is an open missing/away from placement without authorisation period in last year\u2019s return "
      "and there is no corresponding period recorded at the start of this year.",
      "CHILD", [](Ssda903Check& c) {
        const Ssda903Rows* rows = c.table(T::kMissing);
        const Ssda903Rows* last = c.last(T::kMissing);
        if (!rows || !last) return;
        // This year's first period (one with no start counts as starting in 2099) against each
        // period still open last year.
        const Date never = Date::from_ymd(2099, 1, 1);
        for (const std::string_view child : c.children(T::kMissing)) {
          const auto first = first_or_last(
              c.rows_of(T::kMissing, child),
              [&](size_t i) { return Day(date(rows->rows[i][missing::MIS_START]).value_or(never)); }, false);
          const Date start = first->second;
          for (const size_t p : c.last_rows_of(T::kMissing, child)) {
            const Row& l = last->rows[p];
            const Day open_start = date(l[missing::MIS_START]);
            if (l[missing::MIS_END].empty() && open_start && *open_start != start)
              c.flag(T::kMissing, first->first);
          }
        }
      }));
  out.push_back(missing_outside_care("577",
                                     "Child ceased to be looked after but there is a missing/away from "
                                     "placement without authorisation period without an end date.",
                                     "MIS_END", [](const Day& start, const Day& end, const PeriodOfCare& p) {
                                       // Also a closed missing period that ends outside every period of care,
                                       // which the message does not say.
                                       if (!start) return false;
                                       return (!end && p.end) || (!end && *start < p.start) ||
                                              before(p.end, end) || (end && *end < p.start);
                                     }));
  out.push_back(missing_outside_care(
      "578", "The date that the child started to be missing is after the child ceased to be looked after.",
      "MIS_START", [](const Day& start, const Day&, const PeriodOfCare& p) {
        // Also a start before the period of care began.
        return (start && *start < p.start) || before(p.end, start);
      }));
  out.push_back(rule(
      "579",
      "A new decision that the child should be placed for adoption this year cannot start when the previous "
      "decision is still open. Decisions to place the child for adoption should also not overlap. The date "
      "of any new decision to place the child for adoption must not be before the date placed ceased of "
      "previous decisions.",
      "DATE_PLACED, DATE_PLACED_CEASED", [](Ssda903Check& c) {
        const Ssda903Rows* rows = c.table(T::kPlacedAdoption);
        if (!rows) return;
        flag_overlaps(c, T::kPlacedAdoption, placed_adoption::DATE_PLACED,
                      placed_adoption::DATE_PLACED_CEASED, [&](size_t a, size_t b) {
                        return sorts_before(date(rows->rows[a][placed_adoption::DATE_PLACED]),
                                            date(rows->rows[b][placed_adoption::DATE_PLACED]));
                      });
      }));
  out.push_back(rule(
      "580", "Child is missing when cease being looked after but reason episode ceased not \u2018E8\u2019.",
      "REC", [](Ssda903Check& c) {
        const Ssda903Rows* missing = c.table(T::kMissing);
        if (!missing) return;
        // Only a missing period that ended on the 18th birthday, the day the episode ended.
        JoinedRows joined(c, T::kMissing);
        each_row(c, T::kEpisodes, [&](size_t i, const Row& r) {
          const Day dec = date(r[episodes::DEC]);
          if (!dec || r[episodes::REC] == "E8") return;
          for (const size_t m : joined(r[episodes::CHILD])) {
            const Day dob = date(missing->rows[m][missing::DOB]);
            if (dob && add_years(*dob, 18) == *dec && date(missing->rows[m][missing::MIS_END]) == dec) {
              c.flag(T::kEpisodes, i);
              return;
            }
          }
        });
      }));
  out.push_back(rule("581", "Child is missing but has not yet started to be looked after.", "MIS_START",
                     [](Ssda903Check& c) {
                       const Ssda903Rows* episodes = c.table(T::kEpisodes);
                       if (!episodes) return;
                       // In no episode of the child (a child with no episodes is passed over; a missing
                       // period with no start is in none).
                       JoinedRows joined(c, T::kEpisodes);
                       each_row(c, T::kMissing, [&](size_t i, const Row& r) {
                         const RowSpan rows = joined(r[missing::CHILD]);
                         if (rows.empty()) return;
                         const Day start = date(r[missing::MIS_START]);
                         const bool in_an_episode = std::any_of(rows.begin(), rows.end(), [&](size_t e) {
                           const Day dec = date(episodes->rows[e][episodes::DEC]);
                           return on_or_before(date(episodes->rows[e][episodes::DECOM]), start) &&
                                  (!dec || on_or_before(start, dec));
                         });
                         if (!in_an_episode) c.flag(T::kMissing, i);
                       });
                     }));
  out.push_back(rule("582",
                     "Child is showing as ceasing to be looked after due to adoption, but the date of "
                     "adoption is the same as the date reported for being matched with adopters. In most "
                     "circumstances we expect the date the child is matched with adopters to be before the "
                     "date of adoption.",
                     "DEC, DATE_MATCH", [](Ssda903Check& c) {
                       const Ssda903Rows* ad1 = c.table(T::kAd1);
                       if (!ad1) return;
                       // The dates are compared as written.
                       JoinedRows joined(c, T::kAd1);
                       each_row(c, T::kEpisodes, [&](size_t i, const Row& r) {
                         const std::string& dec = r[episodes::DEC];
                         if (!one_of(r[episodes::REC], {"E11", "E12"}) || dec.empty()) return;
                         for (const size_t a : joined(r[episodes::CHILD]))
                           if (ad1->rows[a][ad1::DATE_MATCH] == dec) c.flag(T::kEpisodes, i);
                       });
                     }));
  out.push_back(rule(
      "583",
      "More than one date the child should be placed for adoption has been reported, but an earlier decision "
      "has not been revoked. Check that both dates are required and add in the date the earlier decision was "
      "revoked. Note this may be in a previous year.",
      "DATE_PLACED, DATE_PLACED_CEASED", [](Ssda903Check& c) {
        const Ssda903Rows* rows = c.table(T::kPlacedAdoption);
        if (!rows) return;
        // The latest decision is the one whose date, as written, is greatest as text (so the
        // latest day of the month, whatever the year), as in the reference, which sorts the rows
        // by it, latest first and blanks last, and takes each child's first row; blank CHILDs
        // count as one child there. Rows with equal dates come in the order its sort leaves them.
        std::vector<size_t> dated, undated;
        for (size_t i = 0; i < rows->rows.size(); ++i)
          (rows->rows[i][placed_adoption::DATE_PLACED].empty() ? undated : dated).push_back(i);
        std::reverse(dated.begin(), dated.end());
        std::vector<std::string_view> dates;
        for (const size_t i : dated) dates.push_back(rows->rows[i][placed_adoption::DATE_PLACED]);
        std::vector<size_t> order;
        for (const size_t k :
             numpy_argsort(dates.size(), [&](size_t a, size_t b) { return dates[a] < dates[b]; }))
          order.push_back(dated[k]);
        std::reverse(order.begin(), order.end());
        order.insert(order.end(), undated.begin(), undated.end());
        std::unordered_map<std::string_view, size_t> latest;
        for (const size_t i : order) latest.try_emplace(rows->rows[i][placed_adoption::CHILD], i);
        for (size_t i = 0; i < rows->rows.size(); ++i) {
          const Row& r = rows->rows[i];
          if (latest.at(r[placed_adoption::CHILD]) != i && r[placed_adoption::DATE_PLACED_CEASED].empty())
            c.flag(T::kPlacedAdoption, i);
        }
      }));
  out.push_back(rule("584",
                     "Date of decision that the child should be placed for adoption this year is different "
                     "from that recorded last year, but the decision to placed the child for adoption "
                     "changed and the child should no longer be placed for adoption.",
                     "DATE_PLACED", [](Ssda903Check& c) {
                       const Ssda903Rows* rows = c.table(T::kPlacedAdoption);
                       const Ssda903Rows* last = c.last(T::kPlacedAdoption);
                       if (!rows || !last) return;
                       // Each of this year's decisions is paired with each of last year's that ceased. A pair
                       // whose date this year is blank flags this year's row. A pair whose date this year is
                       // on or before last year's (compared as text) is meant to flag it too, but the
                       // reference flags the row numbered as the pair is in its list of pairs. That list goes
                       // child by child in order of the child's first row (blank CHILDs, which pair with each
                       // other, last), each of this year's rows with each of last year's in file order.
                       // Mirrored.
                       JoinedRows now_of(c, T::kPlacedAdoption), before_of(c, T::kPlacedAdoption, true);
                       size_t pair = 0;
                       const auto pair_up = [&](std::string_view child) {
                         RowList ceased;
                         for (const size_t p : before_of(child)) {
                           const Row& l = last->rows[p];
                           if (!l[placed_adoption::DATE_PLACED_CEASED].empty() ||
                               !l[placed_adoption::REASON_PLACED_CEASED].empty())
                             ceased.push_back(p);
                         }
                         if (ceased.empty()) return;
                         for (const size_t i : now_of(child)) {
                           const std::string& now = rows->rows[i][placed_adoption::DATE_PLACED];
                           if (now.empty()) c.flag(T::kPlacedAdoption, i);
                           for (const size_t p : ceased) {
                             const std::string& then = last->rows[p][placed_adoption::DATE_PLACED];
                             if (!now.empty() && !then.empty() && now <= then && pair < rows->rows.size())
                               c.flag(T::kPlacedAdoption, pair);
                             ++pair;
                           }
                         }
                       };
                       for (const std::string_view child : c.children(T::kPlacedAdoption)) pair_up(child);
                       pair_up("");
                     }));
  out.push_back(rule("586", "Dates of missing periods are before child\u2019s date of birth.", "MIS_START",
                     [](Ssda903Check& c) {
                       // On the date of birth too, which the message does not say.
                       each_row(c, T::kMissing, [&](size_t i, const Row& r) {
                         if (on_or_before(date(r[missing::MIS_START]), date(r[missing::DOB])))
                           c.flag(T::kMissing, i);
                       });
                     }));
}

}  // namespace safeguard::ssda903
