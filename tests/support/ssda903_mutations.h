// The conformance corpus for the SSDA903 validator: a valid return (tests/data/ssda903, this year
// and last) and copies of it with faults made on purpose. A fault is one of: a field blanked, set
// to junk, set to another code of its list or its column, a date moved by a day, a month or years
// or made malformed; a row deleted, duplicated or given another child's CHILD. Every row of every
// table is at fault with the same chance, so each copy breaks many rules at once, in every table,
// and the validators must agree on all of them. The faults come from a seeded generator of our
// own, so a corpus is the same on every machine.
#pragma once

#include <cstdint>
#include <cstdio>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/date.h"
#include "returns/ssda903_document.h"
#include "returns/ssda903_validator.h"

namespace safeguard::testing {

// splitmix64: small, fast and the same everywhere (unlike the standard library's distributions).
class CorpusRandom {
 public:
  explicit CorpusRandom(uint64_t seed) : state_(seed) {}
  uint64_t next() {
    uint64_t z = (state_ += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
  }
  size_t below(size_t n) { return n == 0 ? 0 : static_cast<size_t>(next() % n); }
  double unit() { return static_cast<double>(next() >> 11) / 9007199254740992.0; }
  bool chance(double p) { return unit() < p; }
  template <typename T>
  const T& pick(const std::vector<T>& from) {
    return from[below(from.size())];
  }

 private:
  uint64_t state_;
};

// Codes a field may hold, valid or once valid, beyond those its column already holds.
inline const std::vector<std::string>& ssda903_codes_for(std::string_view field) {
  static const std::map<std::string_view, std::vector<std::string>> kCodes = {
      {"LS", {"C1", "C2", "D1", "E1", "V2", "V3", "V4", "J1", "J2", "J3", "L1", "L2", "L3"}},
      {"RNE", {"S", "P", "L", "T", "U", "B"}},
      {"CIN", {"N1", "N2", "N3", "N4", "N5", "N6", "N7", "N8"}},
      {"PLACE", {"A3", "A4", "A5", "A6", "K1", "K2", "K3", "P1", "P3", "R1", "R2",  "R3",  "R5",  "S1", "T0",
                 "T1", "T2", "T3", "T4", "U1", "U2", "U3", "U4", "U5", "U6", "Z11", "Z12", "Z13", "Z14"}},
      {"PLACE_PROVIDER", {"PR0", "PR1", "PR2", "PR3", "PR4", "PR5"}},
      {"REC", {"E11", "E12", "E2", "E3", "E4A", "E4B", "E13", "E41", "E45", "E46", "E47",
               "E48", "E5",  "E6", "E7", "E8",  "E9",  "E14", "E15", "E16", "E17", "X1"}},
      {"REASON_PLACE_CHANGE",
       {"CARPL", "CLOSE", "ALLEG", "STAND", "APPRR", "CREQB", "CREQO", "CHILD", "LAREQ", "PLACE", "CUSTOD",
        "OTHER"}},
      {"HOME_POST", {"CF10 1AA", "EH1 1AA", "BT1 1AA", "GY1 1AA", "ZZ9 9ZZ", "NR1"}},
      {"PL_POST", {"CF10 1AA", "EH1 1AA", "BT1 1AA", "GY1 1AA", "ZZ9 9ZZ", "NR1"}},
      {"URN", {"XXXXXXX", "SC123456", "1234567"}},
      {"REVIEW_CODE", {"PN0", "PN1", "PN2", "PN3", "PN4", "PN5", "PN6", "PN7"}},
      {"SEX", {"M", "F", "U", "1", "2"}},
      {"ETHNIC", {"WBRI", "ABAN", "NOBT", "REFU", "XXXX"}},
      {"UPN", {"UN1", "UN2", "UN3", "UN4", "UN5", "A123456789012"}},
      {"MOTHER", {"0", "1"}},
      {"IN_TOUCH", {"YES", "NO", "DIED", "REFU", "NREQ", "RHOM"}},
      {"ACTIV", {"F1", "P1", "F2", "P2", "F4", "P4", "F5", "P5", "G4", "G5", "G6", "0"}},
      {"ACCOM",
       {"B1", "B2", "C1", "C2", "D1", "D2", "E1", "E2", "G1", "G2", "H1", "H2", "K1", "K2", "R1", "R2",
        "S2", "T1", "T2", "U1", "U2", "V1", "V2", "W1", "W2", "X2", "Y1", "Y2", "Z1", "Z2", "0"}},
      {"PREV_PERM", {"P1", "P2", "P3", "P4", "Z1"}},
      {"LA_PERM", {"E10000020", "E06000031", "W06000015", "Z0000000"}},
      {"MISSING", {"M", "A"}},
      {"SW_REASON", {"MANAGE", "FCONTA", "LEFTROLE", "ORGRESTRUCT", "OTHERS", "UNKNOWN"}},
      {"SW_ID", {"SW1234567", "XXXXXX", "SW110518"}},
      {"REASON_PLACED_CEASED", {"RD1", "RD2", "RD3", "RD4"}},
      {"SEX_ADOPTR", {"MM", "FF", "MF"}},
      {"LS_ADOPTR", {"L0", "L11", "L12", "L2", "L3", "L4"}},
      {"FOSTER_CARE", {"0", "1"}},
      {"NB_ADOPTR", {"1", "2"}},
      {"SDQ_SCORE", {"0", "15", "40", "41"}},
      {"SDQ_REASON", {"SDQ1", "SDQ2", "SDQ3", "SDQ4", "SDQ5"}},
      {"CONVICTED", {"0", "1"}},
      {"HEALTH_CHECK", {"0", "1"}},
      {"IMMUNISATIONS", {"0", "1"}},
      {"TEETH_CHECK", {"0", "1"}},
      {"HEALTH_ASSESSMENT", {"0", "1"}},
      {"SUBSTANCE_MISUSE", {"0", "1"}},
      {"INTERVENTION_RECEIVED", {"0", "1"}},
      {"INTERVENTION_OFFERED", {"0", "1"}},
  };
  static const std::vector<std::string> kNone;
  const auto it = kCodes.find(field);
  return it == kCodes.end() ? kNone : it->second;
}

inline bool is_ssda903_date_field(std::string_view field) {
  for (const std::string_view f : {"DOB", "MC_DOB", "DECOM", "DEC", "REVIEW", "DUC", "DATE_INT", "DATE_MATCH",
                                   "DATE_PLACED", "DATE_PLACED_CEASED", "DATE_PERM", "MIS_START", "MIS_END",
                                   "SW_DECOM", "SW_DEC", "DOLO_START", "DOLO_END"}) {
    if (field == f) return true;
  }
  return false;
}

inline std::string ssda903_date_text(Date d) {
  char out[16];
  std::snprintf(out, sizeof out, "%02d/%02d/%04d", d.day(), d.month(), d.year());
  return out;
}

// A fault in one field of a row: what the field becomes.
inline std::string ssda903_fault(CorpusRandom& rng, std::string_view field, const std::string& value,
                                 const std::vector<std::string>& row,
                                 const std::vector<std::string>& column_values) {
  static const std::vector<std::string> kJunk = {"X", "99", "N/A", " ", "XX9"};
  const double r = rng.unit();
  if (r < 0.15) return "";
  if (r < 0.22) return rng.pick(kJunk);
  if (is_ssda903_date_field(field)) {
    const std::optional<Date> day = parse_ssda903_date(value);
    if (!day || r < 0.3) {
      std::vector<std::string> dates;  // another date of the same row
      for (const std::string& v : row) {
        if (parse_ssda903_date(v)) dates.push_back(v);
      }
      if (!dates.empty() && rng.chance(0.5)) return rng.pick(dates);
      static const std::vector<std::string> kOdd = {"31/02/2025", "2025-06-01", "1/4/2025",   "01/04/1900",
                                                    "01/04/2025", "31/03/2026", "15/10/2025", "01/01/2000"};
      if (rng.chance(0.8)) return rng.pick(kOdd);
      return ssda903_date_text(add_days(Date::from_ymd(2025, 4, 1), static_cast<int>(rng.below(1200)) - 800));
    }
    static const std::vector<int> kShifts = {-1,    1,    7,   -7, 30,   -30, 365,   -365, -366,
                                             -3650, 5000, -90, 90, -180, 180, -6205, 6205};
    return ssda903_date_text(add_days(*day, rng.pick(kShifts)));
  }
  std::vector<std::string> pool = column_values;
  for (const std::string& code : ssda903_codes_for(field)) pool.push_back(code);
  if (pool.empty()) return rng.pick(kJunk);
  return rng.pick(pool);
}

// A copy of one year's tables with faults at `rate` per row (see the top of this file). Gentle
// faults leave every episode's start a date (only moving it) and every Header row where it is:
// the reference fails outright on many rules when a child has no episode with a start date, or
// two Header rows, so only gentle faults put those rules to the test.
inline Ssda903Year ssda903_with_faults(const Ssda903Year& year, CorpusRandom& rng, double rate,
                                       bool gentle = false) {
  std::vector<std::string> children;
  if (const auto& header = year.table(Ssda903Table::kHeader)) {
    for (const auto& row : header->rows) children.push_back(row[0]);
  }
  Ssda903Year out;
  for (size_t t = 0; t < kSsda903Tables; ++t) {
    const auto& table = year.tables[t];
    if (!table) continue;
    const auto& columns = ssda903_columns(static_cast<Ssda903Table>(t));
    // Up to 60 of the values each column holds, in order, to draw plausible values from.
    std::vector<std::vector<std::string>> seen(columns.size());
    for (size_t c = 0; c < columns.size(); ++c) {
      std::map<std::string, bool> values;
      for (const auto& row : table->rows) {
        if (!row[c].empty()) values[row[c]] = true;
      }
      for (const auto& [v, _] : values) {
        if (seen[c].size() == 60) break;
        seen[c].push_back(v);
      }
    }
    Ssda903Rows rows;
    const bool header = static_cast<Ssda903Table>(t) == Ssda903Table::kHeader;
    for (const auto& original : table->rows) {
      std::vector<std::string> row = original.values();
      if (rng.chance(rate)) {
        const double k = gentle && header ? 1.0 : rng.unit();
        if (k < 0.04) continue;  // the row deleted
        if (k < 0.08) {
          rows.rows.push_back(row);  // the row twice
        } else if (k < 0.11 && !children.empty()) {
          row[0] = rng.pick(children);
        } else {
          const int faults = rng.chance(0.8) ? 1 : 2;
          for (int f = 0; f < faults; ++f) {
            const size_t c = 1 + rng.below(columns.size() - 1);
            const std::optional<Date> start = parse_ssda903_date(row[c]);
            if (gentle && columns[c] == "DECOM" && start) {
              row[c] = ssda903_date_text(add_days(*start, static_cast<int>(rng.below(61)) - 30));
            } else {
              row[c] = ssda903_fault(rng, columns[c], row[c], row, seen[c]);
            }
          }
        }
      }
      rows.rows.push_back(std::move(row));
    }
    out.tables[t] = std::move(rows);
  }
  return out;
}

// A year's table as a CSV file, quoting as RFC 4180 asks.
inline std::string ssda903_csv(Ssda903Table table, const Ssda903Rows& rows) {
  std::string out;
  const auto add = [&](const std::vector<std::string_view>& fields) {
    for (size_t i = 0; i < fields.size(); ++i) {
      if (i) out += ',';
      const std::string_view f = fields[i];
      if (f.find_first_of(",\"\r\n") == std::string_view::npos) {
        out += f;
        continue;
      }
      out += '"';
      for (const char c : f) {
        if (c == '"') out += '"';
        out += c;
      }
      out += '"';
    }
    out += '\n';
  };
  add(ssda903_columns(table));
  for (const auto& row : rows.rows) {
    const std::vector<std::string> values = row.values();
    add(std::vector<std::string_view>(values.begin(), values.end()));
  }
  return out;
}

}  // namespace safeguard::testing
