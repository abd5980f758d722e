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

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "core/result.h"
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
// `year` whatever the header says (and rule 100 says if the header disagrees). Findings come in
// rule order, and within a rule by table (in CinTable order, the whole return first) and row.
ValidationReport validate_cin(const CinDocument& census, std::optional<int> year = std::nullopt);

// The children a batch holds when a file is validated as it is read.
inline constexpr size_t kCinBatchChildren = 100;

// Validates the census file at `path` as it is read, `batch_children` children at a time, so that
// memory follows a batch rather than the file; the findings are those validate_cin gives for the
// whole file. The reference validator joins a child's tables by LAchildID, so a file in which two
// children share an id (or have none) cannot be checked a batch at a time: it is read again and
// checked whole. An error only when the file cannot be read.
Result<ValidationReport> validate_cin_file(const std::string& path, std::optional<int> year = std::nullopt,
                                           size_t batch_children = kCinBatchChildren);

}  // namespace safeguard
