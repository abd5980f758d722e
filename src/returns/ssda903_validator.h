// The DfE's validation rules for the SSDA903 return (returns.md 2.4), for the 2025-26 collection:
// the same rule codes, messages and findings as the reference validator
// (data-to-insight/csc-validator-be-903), so that a finding names the same table and row: all 311,
// listed by ssda903_rules(). Where the two differ, and why, is in docs/returns-validation.md.
//
// The collection year runs from 1 April to 31 March of `year`. Each rule sees the return as read
// (returns/ssda903_document.h); no rule changes what another sees (the reference's rule 365 fills
// blank episode ends in place, so its results depend on the order its rules run in). The rules
// are in ssda903_rules_*.cc, written with returns/ssda903_checks.h.
//
// Thread safety: pure functions; ssda903_rules() is built once and read-only. validate_ssda903 runs
// the rules on threads of its own, one for each core up to four.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/date.h"
#include "returns/finding.h"
#include "returns/ssda903_document.h"

namespace safeguard {

struct Ssda903Rule {
  std::string code;
  Severity severity = Severity::kError;
  std::string message;
};

// A postcode of the ONS postcode directory (NSPL): its grid reference in metres and its
// lower-tier local authority.
struct PostcodeEntry {
  std::optional<double> easting;   // oseast1m (none in Northern Ireland)
  std::optional<double> northing;  // osnrth1m
  std::string district;            // laua, e.g. E07000223
};

// A row of Ofsted's lists of children's homes and social care providers.
struct OfstedProvider {
  std::string urn;
  std::vector<std::string> place_codes;     // the SSDA903 PLACE codes it offers, e.g. K1, K2
  std::vector<std::string> provider_codes;  // PLACE_PROVIDER codes, e.g. PR1, PR2
  std::optional<Date> registration_end;     // when its registration ended (or it closed)
  std::string postcode;                     // upper case, without spaces
  std::string la;                           // the upper-tier LA its postcode lies in, if known
};

// What the checks know besides the return, as the reference's upload gives it.
struct Ssda903Options {
  std::string la;  // the returning council's upper-tier LA code, e.g. E09000027
  // The postcode directory by postcode (upper case, without spaces), and each lower-tier LA's
  // upper-tier LA; both empty when not given, so that no placement has a place or a distance.
  std::unordered_map<std::string, PostcodeEntry> postcodes;
  std::unordered_map<std::string, std::string> upper_tier_of;
  // The Ofsted lists, when given: the rules about providers are skipped without them.
  std::optional<std::vector<OfstedProvider>> providers;
};

// Every rule, in the order they run.
const std::vector<Ssda903Rule>& ssda903_rules();

// Runs every rule over a return for the collection year ending 31 March `year`. Findings come in
// rule order, and within a rule by table (in Ssda903Table order) and row.
ValidationReport validate_ssda903(const Ssda903Return& submitted, int year,
                                  const Ssda903Options& options = {});

// A date as the reference's rules read most dates: DD/MM/YYYY, the day and month of one or two
// digits and the year of four, from 1677 to 2262; anything else (blank included) is no date.
std::optional<Date> parse_ssda903_date(std::string_view text);

}  // namespace safeguard
