// The SSDA903 validator's shapes of rule: dates as the reference reads them, a valid Header has no
// findings, each Header fault is found by the rule it breaks, at its row, naming the child; fields'
// dates and codes; the Header against last year's. (The rules by subject are tested in
// ssda903_rules_*_test.cc.)
#include "returns/ssda903_validator.h"

#include <gtest/gtest.h>

#include <cstdlib>

#include "core/text.h"

namespace safeguard {
namespace {

Ssda903Return header(const std::string& rows) {
  auto year = read_ssda903_year({{"header.csv", "CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB\n" + rows}});
  if (!year) throw std::runtime_error(year.error().message);
  return {*year, std::nullopt};
}

TEST(Ssda903ValidatorTest, DatesAreDayMonthAndFourDigitYear) {
  EXPECT_EQ(parse_ssda903_date("01/04/2025"), Date::from_ymd(2025, 4, 1));
  EXPECT_EQ(parse_ssda903_date("1/4/2025"), Date::from_ymd(2025, 4, 1));
  for (const char* bad : {"", "01/04/25", "2025-04-01", "01-04-2025", " 01/04/2025", "31/02/2025",
                          "29/02/2025", "01/13/2025", "001/04/2025", "01/04/2025 00:00"})
    EXPECT_FALSE(parse_ssda903_date(bad).has_value()) << bad;
  EXPECT_EQ(parse_ssda903_date("29/02/2024"), Date::from_ymd(2024, 2, 29));
  EXPECT_FALSE(parse_ssda903_date("01/01/1600").has_value());  // outside the years pandas knows
  EXPECT_FALSE(parse_ssda903_date("01/01/2263").has_value());
}

// Every rule runs, but for those needing a postcode directory or Ofsted's lists, which are skipped.
TEST(Ssda903ValidatorTest, AValidHeaderHasNoFindings) {
  const ValidationReport r =
      validate_ssda903(header("C1,F,01/05/2010,WBRI,,,\nC2,M,2/6/2011,AIND,,,\n"), 2026);
  for (const Finding& f : r.findings) EXPECT_EQ(f.rule, "EPI") << f.rule;  // no episodes
  EXPECT_EQ(r.rules_run + r.skipped.size(), ssda903_rules().size());
}

// The rules that need the postcode directory or Ofsted's lists say so whatever the return holds:
// even a return of no files skips them.
TEST(Ssda903ValidatorTest, RulesNeedingALookupAreSkippedWithoutIt) {
  std::vector<std::string> skipped;
  for (const std::string& s : validate_ssda903({}, 2026).skipped) skipped.push_back(s.substr(0, s.find(':')));
  EXPECT_EQ(skipped, (std::vector<std::string>{"164", "169", "179",  "218",  "219",  "221",  "224", "227",
                                               "228", "229", "392a", "392c", "406",  "411",  "420", "452",
                                               "453", "454", "503G", "503H", "503J", "1008", "1015"}));
  Ssda903Options options;
  options.la = "E10000020";
  options.postcodes["NR11AA"] = {624000.0, 308000.0, "E07000148"};
  options.providers.emplace();
  EXPECT_TRUE(validate_ssda903({}, 2026, options).skipped.empty());
}

TEST(Ssda903ValidatorTest, EachHeaderFaultIsFoundAtItsRow) {
  const ValidationReport r =
      validate_ssda903(header("C1,F,01/05/2010,WBRI,,,\nC2,1,31/02/2011,xx,,,\nC3,,,,,,\n"), 2026);
  std::vector<std::string> found;
  for (const Finding& f : r.findings) {
    if (f.rule == "EPI") continue;  // no episodes
    found.push_back(std::string(f.rule) + " " + f.child + " " + std::string(f.table) + " " +
                    std::to_string(f.row) + " " + f.value);
  }
  EXPECT_EQ(found,
            (std::vector<std::string>{"101 C2 Header 1 1", "101 C3 Header 2 ", "102 C2 Header 1 31/02/2011",
                                      "102 C3 Header 2 ", "103 C2 Header 1 XX", "103 C3 Header 2 "}));
}

// The findings of the rules 101 to 153 and 202 to 204 on a return of these files, as "rule table row value".
std::vector<std::string> findings_of(const std::vector<Ssda903File>& files, int year = 2026) {
  auto read = read_ssda903_year(files);
  if (!read) throw std::runtime_error(read.error().message);
  std::vector<std::string> out;
  for (const Finding& f : validate_ssda903({*read, std::nullopt}, year).findings) {
    const int code = std::atoi(std::string(f.rule).c_str());
    if (code < 101 || (code > 153 && code < 202) || code > 204) continue;
    out.push_back(std::string(f.rule) + " " + std::string(f.table) + " " + std::to_string(f.row) + " " +
                  f.value);
  }
  return out;
}

TEST(Ssda903ValidatorTest, AdoptionDatesAndCodes) {
  const Ssda903File ad1{"ad1.csv",
                        "CHILD,DOB,DATE_INT,DATE_MATCH,FOSTER_CARE,NB_ADOPTR,SEX_ADOPTR,LS_ADOPTR\n"
                        "1,01/01/2020,01/05/2025,01/06/2025,1,1,M1,L0\n"
                        "2,01/01/2020,,2025-06-01,2,1,M1,L0\n"
                        "3,01/01/2020,31/13/2025,,,1,M1,L0\n"};
  EXPECT_EQ(findings_of({ad1}),
            (std::vector<std::string>{"112 AD1 2 31/13/2025", "113 AD1 1 2025-06-01", "114 AD1 1 2",
                                      "151 AD1 1 ", "151 AD1 2 31/13/2025"}));
  const Ssda903File placed{"placed.csv",
                           "CHILD,DOB,DATE_PLACED,DATE_PLACED_CEASED,REASON_PLACED_CEASED\n"
                           "1,01/01/2020,01/05/2025,,\n"
                           "2,01/01/2020,1/5/25,01/06/2025,\n"
                           "3,01/01/2020,01/05/2025,32/06/2025,RD9\n"};
  EXPECT_EQ(findings_of({placed}),
            (std::vector<std::string>{"115 PlacedAdoption 1 1/5/25", "116 PlacedAdoption 2 32/06/2025",
                                      "119 PlacedAdoption 1 01/06/2025", "120 PlacedAdoption 2 RD9"}));
}

TEST(Ssda903ValidatorTest, EpisodeCodesAndDates) {
  const Ssda903File episodes{
      "episodes.csv",
      "CHILD,DECOM,RNE,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REC,REASON_PLACE_CHANGE,HOME_POST,"
      "PL_POST,URN\n"
      "1,01/04/2025,S,C2,N1,U1,PR1,01/05/2025,E11,,NR1 1AA,NR2 2BB,SC1\n"
      "2,1/4/2025,Q,C3,N9,Z1,PR1,31/04/2025,,,,,\n"
      "3,2025-04-01,S,C2,N1,Z11,PR1,,E99,,,,\n"};
  EXPECT_EQ(findings_of({episodes}),
            (std::vector<std::string>{"141 Episodes 2 2025-04-01", "143 Episodes 1 Q", "144 Episodes 1 C3",
                                      "145 Episodes 1 N9", "146 Episodes 1 Z1", "147 Episodes 1 31/04/2025",
                                      "148 Episodes 1 31/04/2025", "148 Episodes 2 ", "149 Episodes 2 E99"}));
}

TEST(Ssda903ValidatorTest, CareLeaverCodesAreGivenAndAllOrNone) {
  const Ssda903File oc3{"oc3.csv",
                        "CHILD,DOB,IN_TOUCH,ACTIV,ACCOM\n1,01/01/2005,YES,F1,S2\n2,01/01/2005,,,\n"
                        "3,01/01/2005,MAYBE,F1,X1\n"};
  EXPECT_EQ(findings_of({oc3}), (std::vector<std::string>{"131 OC3 1 ", "131 OC3 2 MAYBE", "132 OC3 1 ",
                                                          "133 OC3 1 ", "133 OC3 2 X1"}));
}

TEST(Ssda903ValidatorTest, HeaderAgainstLastYear) {
  const std::string columns = "CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB\n";
  auto now = read_ssda903_year({{"h.csv", columns + "1,F,01/05/2010,WBRI,,,\n2,M,1/6/2011,AIND,,,\n"
                                                    "3,M,02/06/2011,WBRI,,,\n4,F,bad,WBRI,,,\n"}});
  auto before = read_ssda903_year({{"h.csv", columns + "1,M,01/05/2010,WBRI,,,\n2,M,01/06/2011,WIRI,,,\n"
                                                       "3,M,01/06/2011,WBRI,,,\n4,F,,WBRI,,,\n"}});
  ASSERT_TRUE(now.ok() && before.ok());
  std::vector<std::string> found;
  const auto same_child = [](const ValidationReport& r) {
    std::vector<std::string> out;
    for (const Finding& f : r.findings) {
      if (one_of(f.rule, {"202", "203", "204"})) out.push_back(std::string(f.rule) + " " + f.child);
    }
    return out;
  };
  // 1/6/2011 and 01/06/2011 are the same day; an unreadable DOB and a blank one are both no date.
  EXPECT_EQ(same_child(validate_ssda903({*now, *before}, 2026)),
            (std::vector<std::string>{"202 1", "203 3", "204 2"}));
  // Without last year's Header, nothing to compare.
  EXPECT_TRUE(same_child(validate_ssda903({*now, std::nullopt}, 2026)).empty());
}

TEST(Ssda903ValidatorTest, UascCeasedIsADateInOrAfterTheYear) {
  const Ssda903File uasc{"uasc.csv",
                         "CHILD,SEX,DOB,DUC\n1,M,01/01/2008,01/01/2026\n2,M,01/01/2008,\n"
                         "3,F,01/01/2008,31/03/2025\n4,F,01/01/2008,soon\n"};
  EXPECT_EQ(findings_of({uasc}), (std::vector<std::string>{"104 UASC 2 31/03/2025", "104 UASC 3 SOON"}));
}

}  // namespace
}  // namespace safeguard
