// The DfE's validation rules for the SSDA903 return (returns.md 2.4), for the 2025-26 collection:
// the same rule codes, messages and findings as the reference validator
// (data-to-insight/csc-validator-be-903), so that a finding names the same table and row. Work in
// progress: the rules so far are listed by ssda903_rules().
//
// The collection year runs from 1 April to 31 March of `year`. Each rule sees the return as read
// (returns/ssda903_document.h); no rule changes what another sees (the reference's rule 365 fills
// blank episode ends in place, so its results depend on the order its rules run in).
//
// Thread safety: pure functions; ssda903_rules() is built once and read-only.
#pragma once

#include <optional>
#include <string>
#include <string_view>
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

// Every rule, in the order they run.
const std::vector<Ssda903Rule>& ssda903_rules();

// Runs every rule over a return for the collection year ending 31 March `year`. Findings come in
// rule order, and within a rule by table (in Ssda903Table order) and row.
ValidationReport validate_ssda903(const Ssda903Return& submitted, int year);

// A date as the reference's rules read most dates: DD/MM/YYYY, the day and month of one or two
// digits and the year of four, from 1677 to 2262; anything else (blank included) is no date.
std::optional<Date> parse_ssda903_date(std::string_view text);

}  // namespace safeguard
