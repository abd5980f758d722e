#include "returns/ssda903_validator.h"

#include <algorithm>
#include <functional>
#include <initializer_list>
#include <unordered_map>

#include "core/text.h"

namespace safeguard {

std::optional<Date> parse_ssda903_date(std::string_view text) {
  int part[3] = {0, 0, 0};
  size_t digits[3] = {0, 0, 0};
  size_t p = 0;
  for (const char c : text) {
    if (c == '/') {
      if (++p > 2) return std::nullopt;
    } else if (c >= '0' && c <= '9') {
      part[p] = part[p] * 10 + (c - '0');
      if (++digits[p] > 4) return std::nullopt;
    } else {
      return std::nullopt;
    }
  }
  if (p != 2 || digits[0] < 1 || digits[0] > 2 || digits[1] < 1 || digits[1] > 2 || digits[2] != 4)
    return std::nullopt;
  // pandas, which the reference reads dates with, knows years 1677 to 2262 only.
  if (part[2] < 1677 || part[2] > 2262) return std::nullopt;
  if (part[1] < 1 || part[1] > 12 || part[0] < 1 || part[0] > days_in_month(part[2], part[1]))
    return std::nullopt;
  return Date::from_ymd(part[2], part[1], part[0]);
}

namespace {

// What a rule is given: the return, its year, and one way to report a finding.
class Check {
 public:
  Check(const Ssda903Return& r, int year, ValidationReport& report)
      : submitted(r),
        collection_start(Date::from_ymd(year - 1, 4, 1)),
        collection_end(Date::from_ymd(year, 3, 31)),
        report_(report) {}

  const Ssda903Return& submitted;
  const Date collection_start, collection_end;

  void begin(const Ssda903Rule& rule) { rule_ = &rule; }

  // Each row of a table of this year's return, with the value of its column `field`.
  void each(Ssda903Table table, std::string_view field,
            const std::function<void(size_t row, const std::vector<std::string>&, const std::string& value)>&
                f) const {
    const auto& rows = submitted.current.table(table);
    if (!rows) return;
    const size_t column = column_of(table, field);
    for (size_t i = 0; i < rows->rows.size(); ++i) f(i, rows->rows[i], rows->rows[i][column]);
  }

  void flag(Ssda903Table table, size_t row, const std::vector<std::string>& values, std::string_view field,
            const std::string& value) {
    Finding f;
    f.rule = rule_->code;
    f.severity = rule_->severity;
    f.child = values[0];  // CHILD is every table's first column
    f.table = ssda903_table_name(table);
    f.row = static_cast<int64_t>(row);
    f.fields = field;
    f.value = value;
    f.message = rule_->message;
    report_.findings.push_back(std::move(f));
  }

  static size_t column_of(Ssda903Table table, std::string_view field) {
    const auto& columns = ssda903_columns(table);
    return static_cast<size_t>(std::find(columns.begin(), columns.end(), field) - columns.begin());
  }

 private:
  ValidationReport& report_;
  const Ssda903Rule* rule_ = nullptr;
};

struct RuleEntry {
  Ssda903Rule rule;
  std::function<void(Check&)> run;
};

const std::vector<RuleEntry>& entries() {
  static const std::vector<RuleEntry> kEntries = [] {
    std::vector<RuleEntry> out;
    using T = Ssda903Table;
    out.push_back({{"101", Severity::kError, "The child or young person\u2019s reported sex is not valid."},
                   [](Check& c) {
                     c.each(T::kHeader, "SEX", [&](size_t i, const auto& row, const std::string& sex) {
                       if (!one_of(sex, {"M", "F", "U"})) c.flag(T::kHeader, i, row, "SEX", sex);
                     });
                   }});
    out.push_back({{"102", Severity::kError, "Date of birth is not a valid date."}, [](Check& c) {
                     c.each(T::kHeader, "DOB", [&](size_t i, const auto& row, const std::string& dob) {
                       if (!parse_ssda903_date(dob)) c.flag(T::kHeader, i, row, "DOB", dob);
                     });
                   }});
    out.push_back(
        {{"103", Severity::kError, "The ethnicity code is either not valid or has not been entered."},
         [](Check& c) {
           c.each(T::kHeader, "ETHNIC", [&](size_t i, const auto& row, const std::string& ethnic) {
             if (!one_of(ethnic,
                         {"WBRI", "WIRI", "WOTH", "WIRT", "WROM", "MWBC", "MWBA", "MWAS", "MOTH", "AIND",
                          "APKN", "ABAN", "AOTH", "BCRB", "BAFR", "BOTH", "CHNE", "OOTH", "REFU", "NOBT"}))
               c.flag(T::kHeader, i, row, "ETHNIC", ethnic);
           });
         }});
    // A date field that is given but is no date.
    const auto not_a_date = [](const char* code, const char* message, T table, const char* field) {
      return RuleEntry{{code, Severity::kError, message}, [=](Check& c) {
                         c.each(table, field, [&](size_t i, const auto& row, const std::string& v) {
                           if (!v.empty() && !parse_ssda903_date(v)) c.flag(table, i, row, field, v);
                         });
                       }};
    };
    // A coded field that holds no code of its list; blank too when `blank_is_a_fault`.
    const auto not_a_code = [](const char* code, const char* message, T table, const char* field,
                               std::initializer_list<std::string_view> codes, bool blank_is_a_fault = false) {
      const std::vector<std::string_view> list(codes);
      return RuleEntry{
          {code, Severity::kError, message}, [=](Check& c) {
            c.each(table, field, [&](size_t i, const auto& row, const std::string& v) {
              if ((blank_is_a_fault || !v.empty()) && std::find(list.begin(), list.end(), v) == list.end())
                c.flag(table, i, row, field, v);
            });
          }};
    };
    // Fields that must all be given or all be blank (only presence is checked).
    const auto all_or_none = [](const char* code, const char* message, T table,
                                std::initializer_list<const char*> fields, const char* named) {
      std::vector<size_t> columns;
      for (const char* f : fields) columns.push_back(Check::column_of(table, f));
      return RuleEntry{{code, Severity::kError, message}, [=](Check& c) {
                         c.each(table, "CHILD", [&](size_t i, const auto& row, const std::string&) {
                           size_t given = 0;
                           for (const size_t col : columns) given += !row[col].empty();
                           if (given > 0 && given < columns.size())
                             c.flag(table, i, row, named, row[columns[0]]);
                         });
                       }};
    };
    out.push_back(
        {{"104", Severity::kError,
          "Date for Unaccompanied Asylum-Seeking Children (UASC) status ceased is not a valid date."},
         [](Check& c) {
           // Also a date before the collection year, which the message does not say.
           c.each(T::kUasc, "DUC", [&](size_t i, const auto& row, const std::string& duc) {
             const auto day = parse_ssda903_date(duc);
             if ((!duc.empty() && !day) || (day && *day < c.collection_start))
               c.flag(T::kUasc, i, row, "DUC", duc);
           });
         }});
    out.push_back(
        not_a_date("112", "Date should be placed for adoption is not a valid date.", T::kAd1, "DATE_INT"));
    out.push_back(
        not_a_date("113", "Date matching child and adopter(s) is not a valid date.", T::kAd1, "DATE_MATCH"));
    out.push_back(not_a_code(
        "114", "Data entry to record the status of former carer(s) of an adopted child is invalid.", T::kAd1,
        "FOSTER_CARE", {"0", "1"}));
    out.push_back(not_a_date("115",
                             "Date of Local Authority's (LA) decision that a child should be placed for "
                             "adoption is not a valid date.",
                             T::kPlacedAdoption, "DATE_PLACED"));
    out.push_back(
        not_a_date("116",
                   "Date of Local Authority's (LA) decision that a child should no longer be placed for "
                   "adoption is not a valid date.",
                   T::kPlacedAdoption, "DATE_PLACED_CEASED"));
    out.push_back(
        all_or_none("119",
                    "If the decision is made that a child should no longer be placed for adoption, then the "
                    "date of this decision and the reason why this decision was made must be completed.",
                    T::kPlacedAdoption, {"DATE_PLACED_CEASED", "REASON_PLACED_CEASED"},
                    "DATE_PLACED_CEASED, REASON_PLACED_CEASED"));
    out.push_back(not_a_code("120",
                             "The reason for the reversal of the decision that the child should be placed "
                             "for adoption code is not valid.",
                             T::kPlacedAdoption, "REASON_PLACED_CEASED", {"RD1", "RD2", "RD3", "RD4"}));
    out.push_back(not_a_code("131", "Data entry for being in touch after leaving care is invalid.", T::kOc3,
                             "IN_TOUCH", {"YES", "NO", "DIED", "REFU", "NREQ", "RHOM"}, true));
    out.push_back(not_a_code("132", "Data entry for activity after leaving care is invalid.", T::kOc3,
                             "ACTIV", {"F1", "P1", "F2", "P2", "F4", "P4", "F5", "P5", "G4", "G5", "G6", "0"},
                             true));
    out.push_back(not_a_code(
        "133",
        "Data entry for accommodation after leaving care is invalid. If reporting on a childs "
        "accommodation after leaving care the data entry must be valid",
        T::kOc3, "ACCOM",
        {"B1", "B2", "C1", "C2", "D1", "D2", "E1", "E2", "G1", "G2", "H1", "H2", "K1", "K2", "R1", "R2",
         "S2", "T1", "T2", "U1", "U2", "V1", "V2", "W1", "W2", "X2", "Y1", "Y2", "Z1", "Z2", "0"},
        true));
    out.push_back(not_a_date("141", "Date episode began is not a valid date.", T::kEpisodes, "DECOM"));
    out.push_back(not_a_code("143", "The reason for new episode code is not a valid code.", T::kEpisodes,
                             "RNE", {"S", "P", "L", "T", "U", "B"}));
    out.push_back(not_a_code("144", "The legal status code is not a valid code.", T::kEpisodes, "LS",
                             {"C1", "C2", "D1", "E1", "V2", "V3", "V4", "J1", "J2", "J3", "L1", "L2", "L3"}));
    out.push_back(not_a_code("145", "Category of need code is not a valid code.", T::kEpisodes, "CIN",
                             {"N1", "N2", "N3", "N4", "N5", "N6", "N7", "N8"}));
    out.push_back(not_a_code(
        "146", "Placement type code is not a valid code.", T::kEpisodes, "PLACE",
        {"A3", "A4", "A5", "A6", "K1", "K2", "K3", "P1", "P3", "R1", "R2",  "R3",  "R5",  "S1", "T0",
         "T1", "T2", "T3", "T4", "U1", "U2", "U3", "U4", "U5", "U6", "Z11", "Z12", "Z13", "Z14"}));
    out.push_back(not_a_date("147", "Date episode ceased is not a valid date.", T::kEpisodes, "DEC"));
    out.push_back(all_or_none(
        "148", "Date episode ceased and reason episode ceased must both be coded, or both left blank.",
        T::kEpisodes, {"DEC", "REC"}, "DEC, REC"));
    out.push_back(not_a_code("149", "Reason episode ceased code is not valid. ", T::kEpisodes, "REC",
                             {"E11", "E12", "E2", "E3", "E4A", "E4B", "E13", "E41", "E45", "E46", "E47",
                              "E48", "E5",  "E6", "E7", "E8",  "E9",  "E14", "E15", "E16", "E17", "X1"}));
    out.push_back(all_or_none(
        "151", "All data items relating to a childs adoption must be coded or left blank.", T::kAd1,
        {"DATE_INT", "DATE_MATCH", "FOSTER_CARE", "NB_ADOPTR", "SEX_ADOPTR", "LS_ADOPTR"},
        "DATE_INT, DATE_MATCH, FOSTER_CARE, NB_ADOPTR, SEX_ADOPTR, LS_ADOPTR"));
    out.push_back(
        all_or_none("153",
                    "All data items relating to a child's activity or accommodation after leaving care "
                    "must be coded or left blank.",
                    T::kOc3, {"IN_TOUCH", "ACTIV", "ACCOM"}, "IN_TOUCH, ACTIV, ACCOM"));
    // A Header field that differs from last year's for the same child (`same` compares them).
    const auto changed_since_last_year = [](const char* code, const char* message, const char* field,
                                            bool (*same)(const std::string&, const std::string&)) {
      return RuleEntry{{code, Severity::kError, message}, [=](Check& c) {
                         if (!c.submitted.previous) return;
                         const auto& last = c.submitted.previous->table(T::kHeader);
                         if (!last) return;
                         const size_t column = Check::column_of(T::kHeader, field);
                         std::unordered_map<std::string, std::vector<const std::string*>> last_year;
                         for (const auto& row : last->rows) last_year[row[0]].push_back(&row[column]);
                         c.each(T::kHeader, field, [&](size_t i, const auto& row, const std::string& v) {
                           const auto it = last_year.find(row[0]);
                           if (it == last_year.end()) return;
                           for (const std::string* before : it->second) {
                             if (!same(v, *before)) {
                               c.flag(T::kHeader, i, row, field, v);
                               return;
                             }
                           }
                         });
                       }};
    };
    out.push_back(changed_since_last_year(
        "202", "The gender code conflicts with the gender already recorded for this child.", "SEX",
        [](const std::string& a, const std::string& b) { return a == b; }));
    out.push_back(changed_since_last_year(
        "203", "Date of birth disagrees with the date of birth already recorded for this child.", "DOB",
        [](const std::string& a, const std::string& b) {
          return parse_ssda903_date(a) == parse_ssda903_date(b);
        }));
    out.push_back(changed_since_last_year(
        "204", "Ethnic origin code disagrees with the ethnic origin already recorded for this child.",
        "ETHNIC", [](const std::string& a, const std::string& b) { return a == b; }));
    return out;
  }();
  return kEntries;
}

}  // namespace

const std::vector<Ssda903Rule>& ssda903_rules() {
  static const std::vector<Ssda903Rule> kRules = [] {
    std::vector<Ssda903Rule> out;
    for (const RuleEntry& e : entries()) out.push_back(e.rule);
    return out;
  }();
  return kRules;
}

ValidationReport validate_ssda903(const Ssda903Return& submitted, int year) {
  ValidationReport report;
  Check check(submitted, year, report);
  for (const RuleEntry& e : entries()) {
    check.begin(e.rule);
    e.run(check);
    ++report.rules_run;
  }
  static const std::vector<std::string_view> kCodes = [] {
    std::vector<std::string_view> out;
    for (const Ssda903Rule& r : ssda903_rules()) out.push_back(r.code);
    return out;
  }();
  sort_findings(report.findings, kCodes, [](std::string_view table) {
    for (size_t t = 0; t < kSsda903Tables; ++t) {
      if (ssda903_table_name(static_cast<Ssda903Table>(t)) == table) return static_cast<int>(t);
    }
    return static_cast<int>(kSsda903Tables);
  });
  return report;
}

}  // namespace safeguard
