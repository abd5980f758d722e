// The DfE's validation rules for the Children in Need census (returns.md 1.4), for the 2024-25
// collection and later (the rules did not change for 2025-26): the same rule codes, messages and
// findings as the reference validator (data-to-insight/csc-validator-be-cin), so that a finding
// points at the same child, table and row. Where the reference is wrong (docs/returns-validation.md
// lists each case), ours does what the DfE's rule says and the note explains.
//
// The census period comes from the header's ReferenceDate (1 April the year before to that day);
// rules that need it do not run without one, and rule 100 says why. Working days are England's
// (core/calendar.h).
//
// Thread safety: pure functions; cin_rules() is built once and read-only.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "returns/cin_document.h"
#include "returns/finding.h"

namespace safeguard {

struct CinRule {
  std::string code;
  Severity severity = Severity::kError;
  std::string message;
};

// Every rule, in the order they run.
const std::vector<CinRule>& cin_rules();

// Runs every rule over a census. With `year`, the census period is the year ending 31 March
// `year` whatever the header says (and rule 100 says if the header disagrees).
ValidationReport validate_cin(const CinDocument& census, std::optional<int> year = std::nullopt);

}  // namespace safeguard
