// SSDA903 rules 200 to 299: the child's details against last year's return, UASC, and the
// episodes' codes against each other and against Ofsted's provider lists
// (returns/ssda903_checks.h says how rules read the return).
#include <algorithm>

#include "returns/ssda903_checks.h"

namespace safeguard::ssda903 {

namespace {

constexpr std::string_view kNoUrn = "XXXXXXX";  // "URN not applicable"

// A Header field that differs from last year's for the same child (`same` compares them).
Ssda903RuleDefinition changed_since_last_year(const char* code, const char* message, size_t column,
                                              const char* field,
                                              bool (*same)(const std::string&, const std::string&)) {
  return {{code, Severity::kError, message}, field, [=](Ssda903Check& c) {
            const Ssda903Rows* rows = c.table(T::kHeader);
            const Ssda903Rows* last = c.last(T::kHeader);
            if (!rows || !last) return;
            for (size_t i = 0; i < rows->rows.size(); ++i) {
              const Row& row = rows->rows[i];
              for (const size_t before : c.last_rows_of(T::kHeader, row[header::CHILD])) {
                if (!same(row[column], last->rows[before][column])) {
                  c.flag(T::kHeader, i);
                  break;
                }
              }
            }
          }};
}

// A child's UASC flag as rules 205A-D read it, one per row that gives it: the Header's derived
// UASC column, or, for a year with no Header file, one made from each of the child's UASC rows
// ("1" when SEX or DUC is given). nullopt when the Header has no UASC column.
struct UascFlag {
  std::optional<size_t> header_row;  // the Header row, when the flag comes from a Header
  std::optional<std::string_view> uasc;
};

std::vector<UascFlag> uasc_flags(Ssda903Check& c, std::string_view child, bool last_year) {
  std::vector<UascFlag> out;
  if (last_year ? c.last(T::kHeader) : c.table(T::kHeader)) {
    for (const size_t r : last_year ? c.last_rows_of(T::kHeader, child) : c.rows_of(T::kHeader, child))
      out.push_back({r, last_year ? c.last_header_uasc(r) : c.header_uasc(r)});
  } else if (const Ssda903Rows* u = last_year ? c.last(T::kUasc) : c.table(T::kUasc)) {
    for (const size_t r : last_year ? c.last_rows_of(T::kUasc, child) : c.rows_of(T::kUasc, child)) {
      const Row& row = u->rows[r];
      out.push_back({std::nullopt, !row[uasc::SEX].empty() || !row[uasc::DUC].empty() ? "1" : "0"});
    }
  }
  return out;
}

// One way a UASC row of this year is seen by 205A-C: with one of the child's UASC flags this year
// and one of last year's UASC rows with its flag. A child missing from a table gives blanks.
struct UascYears {
  Row now;                                    // this year's UASC row
  std::optional<std::string_view> uasc;       // this year's flag
  std::optional<Row> before;                  // last year's UASC row, if any
  std::optional<std::string_view> uasc_last;  // last year's flag
};

// Rules 205A-C: each of this year's UASC rows in every combination with the child's flags this
// year and last year's UASC rows with their flags; a row of a combination that `fails` is flagged,
// with its Header row when the flag came from a Header.
Ssda903RuleDefinition uasc_both_years(const char* code, const char* message, const char* fields,
                                      bool (*fails)(const Ssda903Check&, const UascYears&)) {
  return {{code, Severity::kError, message}, fields, [=](Ssda903Check& c) {
            const Ssda903Rows* rows = c.table(T::kUasc);
            const Ssda903Rows* last = c.last(T::kUasc);
            if (!rows || !last) return;
            for (size_t i = 0; i < rows->rows.size(); ++i) {
              const Row& row = rows->rows[i];
              const std::string& child = row[uasc::CHILD];
              std::vector<UascFlag> now = uasc_flags(c, child, false);
              if (now.empty()) now.push_back({});
              // Last year's UASC rows, each with each of last year's flags for the child.
              std::vector<std::pair<std::optional<Row>, std::optional<std::string_view>>> before;
              std::vector<UascFlag> flags_last = uasc_flags(c, child, true);
              if (flags_last.empty()) flags_last.push_back({});
              for (const size_t r : c.last_rows_of(T::kUasc, child)) {
                for (const UascFlag& f : flags_last) before.emplace_back(last->rows[r], f.uasc);
              }
              if (before.empty()) before.emplace_back(std::nullopt, std::nullopt);
              for (const UascFlag& n : now) {
                for (const auto& [b, uasc_last] : before) {
                  if (!fails(c, {row, n.uasc, b, uasc_last})) continue;
                  c.flag(T::kUasc, i);
                  if (n.header_row) c.flag(T::kHeader, *n.header_row);
                }
              }
            }
          }};
}

bool is(const std::optional<std::string_view>& value, std::string_view text) {
  return value && *value == text;
}

std::optional<Date> date_of(const std::optional<Row>& row, size_t column) {
  return row ? date((*row)[column]) : std::nullopt;
}

// Rules against Ofsted's lists: each episode with a URN (other than XXXXXXX) that `keep` accepts,
// with each provider row of its URN (nullptr when the URN is not listed, as the reference's left
// join gives blanks); flagged when `fails` for any of them.
Ssda903RuleDefinition against_providers(const char* code, const char* message, const char* fields,
                                        bool (*keep)(const Row&),
                                        bool (*fails)(const Ssda903Check&, const Row&,
                                                      const OfstedProvider*)) {
  return {{code, Severity::kError, message}, fields, [=](Ssda903Check& c) {
            const Ssda903Rows* rows = c.table(T::kEpisodes);
            if (!c.providers_given() || !rows) return;
            for (size_t i = 0; i < rows->rows.size(); ++i) {
              const Row& row = rows->rows[i];
              const std::string& urn = row[episodes::URN];
              if (urn.empty() || urn == kNoUrn || !keep(row)) continue;
              const auto& providers = c.providers_with_urn(urn);
              bool failed = providers.empty() && fails(c, row, nullptr);
              for (const OfstedProvider* p : providers) failed = failed || fails(c, row, p);
              if (failed) c.flag(T::kEpisodes, i);
            }
          }};
}

bool any_episode(const Row&) { return true; }

bool listed(const std::vector<std::string>& codes, const std::string& code) {
  return !code.empty() && std::find(codes.begin(), codes.end(), code) != codes.end();
}

// Episodes whose columns alone decide (`fails`).
Ssda903RuleDefinition episode_rule(const char* code, const char* message, const char* fields,
                                   bool (*fails)(const Row&)) {
  return {{code, Severity::kError, message}, fields, [=](Ssda903Check& c) {
            const Ssda903Rows* rows = c.table(T::kEpisodes);
            if (!rows) return;
            for (size_t i = 0; i < rows->rows.size(); ++i) {
              if (fails(rows->rows[i])) c.flag(T::kEpisodes, i);
            }
          }};
}

bool temporary(std::string_view place) { return one_of(place, {"T0", "T1", "T2", "T3", "T4"}); }

// Placements that need no URN (218) and may not have one (222).
bool urn_not_needed(std::string_view place) {
  return one_of(place,
                {"P1", "P3", "R1", "R2", "R5", "T0", "T1", "T2", "T3", "T4", "Z11", "Z12", "Z13", "Z14"});
}

}  // namespace

void add_ssda903_rules_200s(std::vector<Ssda903RuleDefinition>& out) {
  out.push_back(changed_since_last_year(
      "202", "The gender code conflicts with the gender already recorded for this child.", header::SEX, "SEX",
      [](const std::string& a, const std::string& b) { return a == b; }));
  out.push_back(changed_since_last_year(
      "203", "Date of birth disagrees with the date of birth already recorded for this child.", header::DOB,
      "DOB", [](const std::string& a, const std::string& b) { return date(a) == date(b); }));
  out.push_back(changed_since_last_year(
      "204", "Ethnic origin code disagrees with the ethnic origin already recorded for this child.",
      header::ETHNIC, "ETHNIC", [](const std::string& a, const std::string& b) { return a == b; }));

  // 205A-C start from this year's UASC rows. With a Header file, such a child's UASC is "1"
  // whenever it is in the Header, so 205A and 205C (UASC not "1") find only children missing
  // from it.
  out.push_back(uasc_both_years(
      "205A",
      "Child identified as UASC last year is no longer UASC this year, but date UASC ceased in both years "
      "does not support this.",
      "CHILD, UASC", [](const Ssda903Check& c, const UascYears& u) {
        if (is(u.uasc, "1") || !is(u.uasc_last, "1")) return false;
        // Any DUC text this year counts, even one that is no date.
        const auto before = date_of(u.before, uasc::DUC);
        const bool ceased_last_year = before && *before >= add_years(c.collection_start, -1) &&
                                      *before <= add_years(c.collection_end, -1);
        return !u.now[uasc::DUC].empty() || !ceased_last_year;
      }));
  out.push_back(uasc_both_years(
      "205B",
      "Child previously identified as UASC is also UASC this year, but date UASC ceased in both years does "
      "not support this.",
      "DUC, UASC", [](const Ssda903Check& c, const UascYears& u) {
        if (!is(u.uasc, "1") || !is(u.uasc_last, "1")) return false;
        const auto now = date(u.now[uasc::DUC]);
        const auto before = date_of(u.before, uasc::DUC);
        const auto born = date_of(u.before, uasc::DOB);
        const bool now_in_year = now && *now >= c.collection_start && *now <= c.collection_end;
        const bool same_as_before = now && before && *now == *before;
        const bool before_at_18 = before && born && *before == add_years(*born, 18);
        return (!now_in_year && !same_as_before) || !before_at_18;
      }));
  out.push_back(uasc_both_years(
      "205C",
      "Child not identified as UASC either this year or last year but date UASC ceased has been provided.",
      "DUC, UASC", [](const Ssda903Check&, const UascYears& u) {
        const auto never = [](const std::optional<std::string_view>& v) { return !v || *v == "0"; };
        return never(u.uasc) && never(u.uasc_last) &&
               (date(u.now[uasc::DUC]) || date_of(u.before, uasc::DUC));
      }));
  out.push_back(
      {{"205D", Severity::kError,
        "Child identified as UASC this year but not identified as UASC status provided for the child "
        "last year."},
       "UASC, CHILD",
       [](Ssda903Check& c) {
         // This year's side is the Header, or else the UASC table; last year's likewise.
         // Either way each year needs its UASC file: a Header without one has no UASC column.
         if (!c.table(T::kUasc) || !c.last(T::kUasc)) return;
         const T side = c.table(T::kHeader) ? T::kHeader : T::kUasc;
         for (const std::string_view child : c.children(side)) {
           bool before_not_uasc = false;
           for (const UascFlag& f : uasc_flags(c, child, true)) before_not_uasc |= !is(f.uasc, "1");
           if (!before_not_uasc) continue;
           const std::vector<UascFlag> now = uasc_flags(c, child, false);
           const RowSpan rows = c.rows_of(side, child);
           for (size_t k = 0; k < rows.size(); ++k) {
             if (is(now[k].uasc, "1")) c.flag(side, rows[k]);
           }
         }
       }});
  out.push_back({{"207", Severity::kError,
                  "Mother status for the current year disagrees with the mother status already recorded for "
                  "this child."},
                 "MOTHER",
                 [](Ssda903Check& c) {
                   const Ssda903Rows* rows = c.table(T::kHeader);
                   const Ssda903Rows* last = c.last(T::kHeader);
                   if (!rows || !last || !c.table(T::kEpisodes)) return;
                   for (size_t i = 0; i < rows->rows.size(); ++i) {
                     const Row& row = rows->rows[i];
                     if (row[header::MOTHER] == "1" || c.rows_of(T::kEpisodes, row[header::CHILD]).empty())
                       continue;
                     for (const size_t before : c.last_rows_of(T::kHeader, row[header::CHILD])) {
                       if (last->rows[before][header::MOTHER] == "1") c.flag(T::kHeader, i);
                     }
                   }
                 }});
  out.push_back(
      {{"208", Severity::kError,
        "Unique Pupil Number (UPN) for the current year disagrees with the Unique Pupil Number (UPN) "
        "already recorded for this child."},
       "UPN",
       [](Ssda903Check& c) {
         // The reference crashes when last year's Header has a child twice; this flags the
         // row when any of last year's rows disagrees, as the rule means.
         const Ssda903Rows* rows = c.table(T::kHeader);
         const Ssda903Rows* last = c.last(T::kHeader);
         if (!rows || !last) return;
         const auto unknown = [](std::string_view upn) {
           return one_of(upn, {"UN1", "UN2", "UN3", "UN4", "UN5"});
         };
         for (size_t i = 0; i < rows->rows.size(); ++i) {
           const std::string& now = rows->rows[i][header::UPN];
           for (const size_t b : c.last_rows_of(T::kHeader, rows->rows[i][header::CHILD])) {
             const std::string& before = last->rows[b][header::UPN];
             // A blank is compared as the text "NAN", as the reference's does.
             const std::string_view now_text = now.empty() ? std::string_view("NAN") : std::string_view(now);
             const std::string_view before_text =
                 before.empty() ? std::string_view("NAN") : std::string_view(before);
             const bool different = now_text != before_text && !(now.empty() && before.empty());
             const bool unknown_changed =
                 (before == "UN1" || before.empty()) && one_of(now, {"UN2", "UN3", "UN4", "UN5"});
             const bool now_known = (unknown(before) || before.empty()) && !(unknown(now) || now.empty());
             if (different && !unknown_changed && !now_known) c.flag(T::kHeader, i);
           }
         }
       }});
  out.push_back({{"209", Severity::kError,
                  "Child looked after is of school age and should not have an unknown Unique Pupil Number "
                  "(UPN) code of UN1."},
                 "UPN, DOB",
                 [](Ssda903Check& c) {
                   const Ssda903Rows* rows = c.table(T::kHeader);
                   if (!rows) return;
                   // 31 August of the year before the collection year began.
                   const Date reference = Date::from_ymd(c.collection_start.year() - 1, 8, 31);
                   for (size_t i = 0; i < rows->rows.size(); ++i) {
                     const auto born = date(rows->rows[i][header::DOB]);
                     if (rows->rows[i][header::UPN] == "UN1" && born && add_years(*born, 4) <= reference)
                       c.flag(T::kHeader, i);
                   }
                 }});
  out.push_back({{"210", Severity::kError,
                  "Children looked after for more than a week at 31 March should not have an unknown Unique "
                  "Pupil Number (UPN) code of UN4."},
                 "UPN, DECOM",
                 [](Ssda903Check& c) {
                   // As the reference does, despite the message: episodes beginning in the last week
                   // of the year are flagged, with the child's UN4 Header rows.
                   const Ssda903Rows* rows = c.table(T::kEpisodes);
                   const Ssda903Rows* headers = c.table(T::kHeader);
                   if (!rows || !headers) return;
                   const Date reference = Date::from_ymd(c.collection_end.year(), 3, 24);
                   for (size_t i = 0; i < rows->rows.size(); ++i) {
                     const auto began = date(rows->rows[i][episodes::DECOM]);
                     if (!began || *began < reference) continue;
                     for (const size_t h : c.rows_of(T::kHeader, rows->rows[i][episodes::CHILD])) {
                       if (headers->rows[h][header::UPN] != "UN4") continue;
                       c.flag(T::kEpisodes, i);
                       c.flag(T::kHeader, h);
                     }
                   }
                 }});
  out.push_back(
      episode_rule("213", "Placement provider information not required.", "PLACE_PROVIDER", [](const Row& e) {
        return one_of(e[episodes::PLACE], {"T0", "T1", "T2", "T3", "T4", "Z11", "Z12", "Z13", "Z14"}) &&
               !e[episodes::PLACE_PROVIDER].empty();
      }));
  out.push_back(
      episode_rule("214", "Placement location information not required.", "PL_POST, URN", [](const Row& e) {
        return respite(e) && (!e[episodes::PL_POST].empty() || !e[episodes::URN].empty());
      }));
  out.push_back(
      {{"215", Severity::kError,
        "Child has care leaver information but one or more data items relating to children looked "
        "after for 12 months have been completed."},
       "IN_TOUCH, ACTIV, ACCOM, CONVICTED, HEALTH_CHECK, IMMUNISATIONS, TEETH_CHECK, HEALTH_ASSESSMENT, "
       "SUBSTANCE_MISUSE, INTERVENTION_RECEIVED, INTERVENTION_OFFERED",
       [](Ssda903Check& c) {
         const Ssda903Rows* oc3s = c.table(T::kOc3);
         const Ssda903Rows* oc2s = c.table(T::kOc2);
         if (!oc3s || !oc2s) return;
         for (size_t i = 0; i < oc3s->rows.size(); ++i) {
           const Row& o3 = oc3s->rows[i];
           if (o3[oc3::IN_TOUCH].empty() && o3[oc3::ACTIV].empty() && o3[oc3::ACCOM].empty()) continue;
           for (const size_t j : c.rows_of(T::kOc2, o3[oc3::CHILD])) {
             const Row& o2 = oc2s->rows[j];
             bool given = false;
             for (size_t col = oc2::CONVICTED; col <= oc2::INTERVENTION_OFFERED; ++col)
               given = given || !o2[col].empty();
             if (!given) continue;
             c.flag(T::kOc3, i);
             c.flag(T::kOc2, j);
           }
         }
       }});
  out.push_back(episode_rule(
      "217",
      "Children who are placed for adoption with current foster carers (placement types A3 "
      "or A5) must have a reason for new episode of S, T or U.",
      "PLACE, DECOM, RNE", [](const Row& e) {
        const auto began = date(e[episodes::DECOM]);
        return one_of(e[episodes::PLACE], {"A3", "A5"}) && began && *began >= Date::from_ymd(2015, 4, 1) &&
               !one_of(e[episodes::RNE], {"S", "T", "U"});
      }));
  out.push_back({{"218", Severity::kError, "Ofsted Unique reference number (URN) is required."},
                 "URN",
                 [](Ssda903Check& c) {
                   if (!c.uses_postcodes()) return;
                   // A placement with no known postcode counts as in England.
                   const Ssda903Rows* rows = c.table(T::kEpisodes);
                   if (!rows) return;
                   for (size_t i = 0; i < rows->rows.size(); ++i) {
                     const Row& e = rows->rows[i];
                     // Asked first, so that without the postcode directory the rule is skipped.
                     const auto& la = c.placement(i).la;
                     if (la && one_of(*la, {"CON", "NIR", "SCO", "WAL", "NUK"})) continue;
                     const auto ended = date(e[episodes::DEC]);
                     const bool open_this_year =
                         e[episodes::DEC].empty() || (ended && *ended >= c.collection_start);
                     if (!open_this_year || !e[episodes::URN].empty() || urn_not_needed(e[episodes::PLACE]))
                       continue;
                     c.flag(T::kEpisodes, i);
                   }
                 }});
  out.push_back(against_providers(
      "219",
      "The Ofsted Unique reference number (URN) provided for the child's placement does "
      "not match the placement type recorded.",
      "URN, PLACE", any_episode, [](const Ssda903Check&, const Row& e, const OfstedProvider* p) {
        return !p || !listed(p->place_codes, e[episodes::PLACE]);
      }));
  out.push_back(against_providers(
      "221",
      "The Ofsted Unique reference number (URN) provided for the child's placement does not match the "
      "placement postcode provided.",
      "PL_POST",
      [](const Row& e) {
        return !respite(e) && one_of(e[episodes::PLACE], {"K1", "K2", "K3", "R3", "S1"}) &&
               !e[episodes::PL_POST].empty();
      },
      [](const Ssda903Check&, const Row& e, const OfstedProvider* p) {
        std::string postcode = e[episodes::PL_POST];
        std::erase(postcode, ' ');
        return !p || p->postcode.empty() || postcode != p->postcode;
      }));
  out.push_back(episode_rule(
      "222", "Ofsted Unique reference number (URN) should not be recorded for this placement type.", "URN",
      [](const Row& e) {
        return urn_not_needed(e[episodes::PLACE]) && !e[episodes::URN].empty() && e[episodes::URN] != kNoUrn;
      }));
  out.push_back(against_providers(
      "224",
      "The Ofsted Unique reference number (URN) provided for the child's placement does "
      "not match the placement provider recorded.",
      "PLACE_PROVIDER", any_episode, [](const Ssda903Check&, const Row& e, const OfstedProvider* p) {
        return !p || !listed(p->provider_codes, e[episodes::PLACE_PROVIDER]);
      }));
  out.push_back({{"225", Severity::kError, "Reason for placement change must be recorded."},
                 "REASON_PLACE_CHANGE",
                 [](Ssda903Check& c) {
                   const Ssda903Rows* rows = c.table(T::kEpisodes);
                   if (!rows) return;
                   for (const std::string_view child : c.children(T::kEpisodes)) {
                     const RowList order = episodes_by_decom(*rows, c.rows_of(T::kEpisodes, child));
                     for (size_t k = 0; k + 1 < order.size(); ++k) {
                       const Row& e = rows->rows[order[k]];
                       const Row& next = rows->rows[order[k + 1]];
                       if (e[episodes::REC] == "X1" && e[episodes::REASON_PLACE_CHANGE].empty() &&
                           !temporary(e[episodes::PLACE]) &&
                           one_of(next[episodes::RNE], {"P", "B", "T", "U"}) &&
                           !temporary(next[episodes::PLACE]))
                         c.flag(T::kEpisodes, order[k]);
                     }
                   }
                 }});
  out.push_back(
      {{"226", Severity::kError, "Reason for placement change is not required for temporary placements."},
       "REASON_PLACE_CHANGE, PLACE",
       [](Ssda903Check& c) {
         // A temporary placement with a reason, or whose previous episode has one.
         const Ssda903Rows* rows = c.table(T::kEpisodes);
         if (!rows) return;
         for (size_t i = 0; i < rows->rows.size(); ++i) {
           const Row& e = rows->rows[i];
           if (e[episodes::CHILD].empty() && temporary(e[episodes::PLACE]) &&
               !e[episodes::REASON_PLACE_CHANGE].empty())
             c.flag(T::kEpisodes, i);
         }
         for (const std::string_view child : c.children(T::kEpisodes)) {
           const RowList order = episodes_by_decom(*rows, c.rows_of(T::kEpisodes, child));
           for (size_t k = 0; k < order.size(); ++k) {
             const Row& e = rows->rows[order[k]];
             const bool reason = !e[episodes::REASON_PLACE_CHANGE].empty() ||
                                 (k > 0 && !rows->rows[order[k - 1]][episodes::REASON_PLACE_CHANGE].empty());
             if (temporary(e[episodes::PLACE]) && reason) c.flag(T::kEpisodes, order[k]);
           }
         }
       }});
  out.push_back(against_providers(
      "227", "Ofsted Unique reference number (URN) is not valid for the episode start date.", "URN, DECOM",
      any_episode, [](const Ssda903Check&, const Row& e, const OfstedProvider* p) {
        const auto began = date(e[episodes::DECOM]);
        return p && p->registration_end && began && *began >= *p->registration_end;
      }));
  out.push_back(against_providers(
      "228",
      "Ofsted Unique reference number (URN) is not valid for the episode end date [NOTE: may give false "
      "positives on open episodes at providers who close during the year]",
      "URN, DEC", any_episode, [](const Ssda903Check& c, const Row& e, const OfstedProvider* p) {
        if (!p || !p->registration_end) return false;
        // A DEC that is no date counts as an open episode.
        const auto ended = date(e[episodes::DEC]);
        return ended ? *ended > *p->registration_end : c.collection_end > *p->registration_end;
      }));
  out.push_back(against_providers(
      "229",
      "Placement provider does not match between the placing authority and the local authority code of the "
      "provider. [NOTE: The provider's LA code is inferred from the its postcode, and may be inaccurate in "
      "some "
      "cases.]",
      "URN, PLACE_PROVIDER", any_episode, [](const Ssda903Check& c, const Row& e, const OfstedProvider* p) {
        // A provider not listed, or whose LA is not known, is not in the council.
        const bool in_council = p && !p->la.empty() && p->la == c.options.la;
        return (e[episodes::PLACE_PROVIDER] == "PR1" && !in_council) ||
               (e[episodes::PLACE_PROVIDER] == "PR2" && in_council);
      }));
  out.push_back({{"231", Severity::kError,
                  "We expect that unaccompanied asylum seeking children are generally older young people. "
                  "Please check the date of birth is correct. If the date of birth is correct then please "
                  "provide details in a bypass request."},
                 "DOB, UASC_STATUS",
                 [](Ssda903Check& c) {
                   // The reference always crashes here (it reads a column no Header has); this does
                   // what the rule means: a UASC child under 11 at the end of the year.
                   const Ssda903Rows* rows = c.table(T::kHeader);
                   if (!rows) return;
                   const Date eleven_years_before = add_years(c.collection_end, -11);
                   for (size_t i = 0; i < rows->rows.size(); ++i) {
                     const auto born = date(rows->rows[i][header::DOB]);
                     if (born && *born > eleven_years_before && c.header_uasc(i) == "1")
                       c.flag(T::kHeader, i);
                   }
                 }});
  out.push_back({{"232", Severity::kError, "Sex of the child/young person has been reported as unknown."},
                 "SEX",
                 [](Ssda903Check& c) {
                   const Ssda903Rows* rows = c.table(T::kHeader);
                   if (!rows) return;
                   for (size_t i = 0; i < rows->rows.size(); ++i) {
                     if (rows->rows[i][header::SEX] == "U") c.flag(T::kHeader, i);
                   }
                 }});
  // The reference always crashes here (it reads a column Episodes does not have); this does what
  // the rule means: an episode with no DEC has no reason for a placement change.
  out.push_back(episode_rule(
      "233", "Reason for placement change is not required when the episode has not ceased.",
      "REASON_PLACE_CHANGE, REASON_PLACE_CHANGE",
      [](const Row& e) { return e[episodes::DEC].empty() && !e[episodes::REASON_PLACE_CHANGE].empty(); }));
  out.push_back({{"234", Severity::kError,
                  "A child aged under 10 can not change placement due to being admitted to custody"},
                 "REASON_PLACE_CHANGE, DOB",
                 [](Ssda903Check& c) {
                   // The episode's own reason and start, though the rule speaks of the previous
                   // episode's reason, as the reference does.
                   const Ssda903Rows* rows = c.table(T::kEpisodes);
                   const Ssda903Rows* headers = c.table(T::kHeader);
                   if (!rows || !headers) return;
                   for (size_t i = 0; i < rows->rows.size(); ++i) {
                     const Row& e = rows->rows[i];
                     if (e[episodes::REASON_PLACE_CHANGE] != "CUSTOD") continue;
                     const auto began = lenient_date(e[episodes::DECOM], c.year);
                     if (!began) continue;
                     for (const size_t h : c.rows_of(T::kHeader, e[episodes::CHILD])) {
                       const auto born = lenient_date(headers->rows[h][header::DOB], c.year);
                       if (!born || add_years(*born, 10) <= *began) continue;
                       c.flag(T::kEpisodes, i);
                       c.flag(T::kHeader, h);
                     }
                   }
                 }});
}

}  // namespace safeguard::ssda903
