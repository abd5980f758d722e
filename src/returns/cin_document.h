// A Children in Need census file as the validator reads it (returns.md 1.2): the XML flattened
// into the eleven tables the DfE's rules are written over (Header, ChildIdentifiers,
// ChildCharacteristics, Disabilities, CINdetails, Assessments, AssessmentFactorsList, CINplanDates,
// Section47, ChildProtectionPlans, Reviews), each row in document order, so that a finding's row
// is the 0-based row of its table as the reference validator numbers it.
//
// Reading is forgiving, as the rules are the judge of content: an element out of place is ignored,
// a value is the text of the first element of its name in its block, and an absent or empty
// element is a missing value. A date field keeps its text and the day it names, when it names one
// (YYYY-MM-DD, optionally with a time after it). Each CINdetails, Assessments and
// ChildProtectionPlans block is numbered from 1 within its parent (CINdetailsID, AssessmentID,
// CPPID), and every row carries its child's LAchildID.
//
// One difference from the reference validator, on purpose: the schema lets a Reviews block hold
// several CPPreviewDate elements, and each is a row here (the reference reads only the first).
//
// Only a file that is not well-formed XML, or has no Message/Children, cannot be read; the error
// gives the line and column. The parser streams, so memory follows the tables, not the file, and
// read in batches, memory follows a batch of children.
//
// Thread safety: values and pure functions.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <iosfwd>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/date.h"
#include "core/result.h"

namespace safeguard {

// A date field: the text as written (empty when missing) and the day, if the text is a date.
struct CinDate {
  std::string text;
  std::optional<Date> day;
};

struct CinHeaderRow {
  std::string collection, year;
  CinDate reference_date;
  std::string source_level, lea, software_code, release, serial_no;
  CinDate date_time;
};

struct CinChildRow {  // ChildIdentifiers
  std::string la_child_id, upn, former_upn, upn_unknown;
  CinDate birth, expected_birth;
  std::string gender_current, sex;
  CinDate death;
};

struct CinCharacteristicsRow {
  std::string la_child_id, ethnicity;
};

struct CinDisabilityRow {
  size_t child = 0;  // the row of its child in ChildIdentifiers
  std::string la_child_id, disability;
};

struct CinDetailsRow {
  size_t child = 0;  // the row of its child in ChildIdentifiers
  std::string la_child_id;
  int64_t details_id = 0;
  CinDate referral_date;
  std::string referral_source, primary_need;
  CinDate closure_date;
  std::string closure_reason;
  CinDate initial_cpc;
  std::string referral_nfa;
};

struct CinAssessmentRow {
  size_t child = 0;  // the row of its child in ChildIdentifiers
  std::string la_child_id;
  int64_t details_id = 0, assessment_id = 0;
  CinDate start, internal_review, authorisation;
  std::vector<std::string> factors;  // the AssessmentFactors in its FactorsIdentifiedAtAssessment block
};

struct CinAssessmentFactorRow {
  size_t child = 0;  // the row of its child in ChildIdentifiers
  std::string la_child_id;
  int64_t details_id = 0, assessment_id = 0;
  std::string factor;
};

struct CinPlanDatesRow {
  size_t child = 0;  // the row of its child in ChildIdentifiers
  std::string la_child_id;
  int64_t details_id = 0;
  CinDate start, end;
};

struct CinSection47Row {
  size_t child = 0;  // the row of its child in ChildIdentifiers
  std::string la_child_id;
  int64_t details_id = 0;
  CinDate start, target, initial_cpc;
  std::string icpc_not_required;
};

struct CinProtectionPlanRow {
  size_t child = 0;  // the row of its child in ChildIdentifiers
  std::string la_child_id;
  int64_t details_id = 0, plan_id = 0;
  CinDate start, end;
  std::string initial_category, latest_category, previous_plans;
};

struct CinReviewRow {
  size_t child = 0;  // the row of its child in ChildIdentifiers
  std::string la_child_id;
  int64_t details_id = 0, plan_id = 0;
  CinDate date;
};

// The tables in the order findings are sorted by, and the index of each in CinDocument::first_row.
enum class CinTable {
  kChildIdentifiers,
  kChildCharacteristics,
  kDisabilities,
  kCINdetails,
  kAssessments,
  kAssessmentFactorsList,
  kCINplanDates,
  kSection47,
  kChildProtectionPlans,
  kReviews,
};
inline constexpr size_t kCinTables = 10;

struct CinDocument {
  // Where each table's rows start in the file: all zero for a whole file, and for a batch of a
  // file read in batches, the rows that came before it.
  std::array<size_t, kCinTables> first_row{};
  CinHeaderRow header;
  std::vector<CinChildRow> children;
  std::vector<CinCharacteristicsRow> characteristics;
  std::vector<CinDisabilityRow> disabilities;
  std::vector<CinDetailsRow> details;
  std::vector<CinAssessmentRow> assessments;
  std::vector<CinAssessmentFactorRow> factors;
  std::vector<CinPlanDatesRow> plans;
  std::vector<CinSection47Row> section47;
  std::vector<CinProtectionPlanRow> protection_plans;
  std::vector<CinReviewRow> reviews;
};

// The day a CIN date field names: YYYY-MM-DD, or that followed by "T" and a time; else nullopt.
std::optional<Date> parse_cin_date(std::string_view text);

// The census file that reads back as these tables (fields written only when present), for
// conformance tests that change a table and write the file again.
std::string cin_document_xml(const CinDocument& census);

// Reads a census file's bytes, or streams it from `in`. `name` is the file's name for errors.
Result<CinDocument> read_cin_census(std::string_view xml, std::string_view name = "the census");
Result<CinDocument> read_cin_census(std::istream& in, std::string_view name);

// Reads a census from `in` a batch of children at a time, so that memory follows the batch rather
// than the file: `on_batch` gets each `batch_children` children with the header and first_row set,
// and a last call (`last`, perhaps with no children) at the end. Children come in batches only
// once the header has been read: a file whose Header follows its Children comes whole, in the
// last call. An error from `on_batch` stops the reading and is returned.
using CinBatchHandler = std::function<Status(const CinDocument& batch, bool last)>;
Status read_cin_census_in_batches(std::istream& in, std::string_view name, size_t batch_children,
                                  const CinBatchHandler& on_batch);

}  // namespace safeguard
