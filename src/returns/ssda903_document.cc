#include "returns/ssda903_document.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <set>

#include "core/csv.h"

namespace safeguard {

std::string_view ssda903_table_name(Ssda903Table table) {
  static constexpr std::array<std::string_view, kSsda903Tables> kNames{
      "Header", "Episodes",       "Reviews",  "UASC",    "OC2",        "OC3",
      "AD1",    "PlacedAdoption", "PrevPerm", "Missing", "SWEpisodes", "DoLo"};
  return kNames[static_cast<size_t>(table)];
}

const std::vector<std::string_view>& ssda903_columns(Ssda903Table table) {
  static const std::array<std::vector<std::string_view>, kSsda903Tables> kColumns{{
      {"CHILD", "SEX", "DOB", "ETHNIC", "UPN", "MOTHER", "MC_DOB"},
      {"CHILD", "DECOM", "RNE", "LS", "CIN", "PLACE", "PLACE_PROVIDER", "DEC", "REC", "REASON_PLACE_CHANGE",
       "HOME_POST", "PL_POST", "URN"},
      {"CHILD", "DOB", "REVIEW", "REVIEW_CODE"},
      {"CHILD", "SEX", "DOB", "DUC"},
      {"CHILD", "DOB", "SDQ_SCORE", "SDQ_REASON", "CONVICTED", "HEALTH_CHECK", "IMMUNISATIONS", "TEETH_CHECK",
       "HEALTH_ASSESSMENT", "SUBSTANCE_MISUSE", "INTERVENTION_RECEIVED", "INTERVENTION_OFFERED"},
      {"CHILD", "DOB", "IN_TOUCH", "ACTIV", "ACCOM"},
      {"CHILD", "DOB", "DATE_INT", "DATE_MATCH", "FOSTER_CARE", "NB_ADOPTR", "SEX_ADOPTR", "LS_ADOPTR"},
      {"CHILD", "DOB", "DATE_PLACED", "DATE_PLACED_CEASED", "REASON_PLACED_CEASED"},
      {"CHILD", "DOB", "PREV_PERM", "LA_PERM", "DATE_PERM"},
      {"CHILD", "DOB", "MISSING", "MIS_START", "MIS_END"},
      {"CHILD", "DOB", "SW_ID", "SW_DECOM", "SW_DEC", "SW_REASON"},
      {"CHILD", "DOB", "DOLO_START", "DOLO_END"},
  }};
  return kColumns[static_cast<size_t>(table)];
}

std::vector<std::string> Ssda903Row::values() const {
  std::vector<std::string> out;
  out.reserve(size());
  for (size_t c = 0; c < size(); ++c) out.push_back((*this)[c]);
  return out;
}

Ssda903Cells::Ssda903Cells(const Ssda903Cells& other)
    : columns_(other.columns_), cells_(other.cells_), values_(other.values_) {}

Ssda903Cells& Ssda903Cells::operator=(const Ssda903Cells& other) {
  if (this != &other) {
    columns_ = other.columns_;
    cells_ = other.cells_;
    values_ = other.values_;
    std::vector<uint32_t>().swap(numbers_);
  }
  return *this;
}

namespace {

// FNV-1a: values are short codes, dates and ids.
uint64_t hash_of(std::string_view text) {
  uint64_t h = 14695981039346656037ull;
  for (const char c : text) h = (h ^ static_cast<unsigned char>(c)) * 1099511628211ull;
  return h ^ (h >> 31);
}

}  // namespace

void Ssda903Cells::intern_all() {
  size_t capacity = 64;
  while (capacity < (values_.size() + columns_) * 4) capacity *= 2;  // room to grow before the next
  numbers_.assign(capacity, 0);
  for (size_t n = 1; n < values_.size(); ++n) {
    size_t slot = hash_of(values_[n]) & (capacity - 1);
    while (numbers_[slot] != 0) slot = (slot + 1) & (capacity - 1);
    numbers_[slot] = static_cast<uint32_t>(n);
  }
}

void Ssda903Cells::seal() {
  cells_.shrink_to_fit();
  std::vector<uint32_t>().swap(numbers_);  // assigning {} would keep the memory
}

void Ssda903Cells::push_back(const std::vector<std::string>& values) {
  if (cells_.empty()) columns_ = values.size();
  // Kept at most half full, so that a lookup finds its slot or an empty one quickly.
  if (numbers_.empty() || (values_.size() + columns_) * 2 > numbers_.size()) intern_all();
  const size_t mask = numbers_.size() - 1;
  for (size_t c = 0; c < columns_; ++c) {
    const std::string& v = c < values.size() ? values[c] : values_[0];
    if (v.empty()) {
      cells_.push_back(0);
      continue;
    }
    size_t slot = hash_of(v) & mask;
    while (numbers_[slot] != 0 && values_[numbers_[slot]] != v) slot = (slot + 1) & mask;
    if (numbers_[slot] == 0) {
      numbers_[slot] = static_cast<uint32_t>(values_.size());
      values_.push_back(v);
    }
    cells_.push_back(numbers_[slot]);
  }
}

namespace {

std::string upper_ascii(std::string s) {
  for (char& c : s) {
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
  }
  return s;
}

bool only_spaces(std::string_view s) {
  return std::all_of(s.begin(), s.end(), [](char c) { return c == ' ' || c == '\t' || c == '\r'; });
}

std::string joined(const std::vector<std::string>& names) {
  std::string out;
  for (const std::string& n : names) out += (out.empty() ? "" : ", ") + n;
  return out;
}

// The table whose columns are exactly `header`, in any order.
std::optional<Ssda903Table> table_of(const std::vector<std::string>& header) {
  const std::set<std::string_view> given(header.begin(), header.end());
  if (given.size() != header.size()) return std::nullopt;  // a column named twice
  for (size_t t = 0; t < kSsda903Tables; ++t) {
    const auto& columns = ssda903_columns(static_cast<Ssda903Table>(t));
    if (std::set<std::string_view>(columns.begin(), columns.end()) == given)
      return static_cast<Ssda903Table>(t);
  }
  return std::nullopt;
}

// Reads one file into its table.
Status read_file(const Ssda903File& file, Ssda903Year& year) {
  std::string_view text = file.text;
  if (text.starts_with("\xEF\xBB\xBF")) text.remove_prefix(3);  // a UTF-8 byte order mark
  CsvReader csv(text);
  std::vector<std::string> header;
  if (!csv.next(header)) {
    return Error::invalid(file.name + ": " + (csv.error().empty() ? "the file is empty" : csv.error()),
                          "file");
  }
  const auto table = table_of(header);
  if (!table) {
    return Error::invalid(
        file.name + ": its columns (" + joined(header) +
            ") are not those of any SSDA903 table; the files are recognised by their columns",
        "file");
  }
  // Where each of the table's columns is in the file.
  const auto& columns = ssda903_columns(*table);
  std::vector<size_t> from(columns.size());
  for (size_t c = 0; c < columns.size(); ++c)
    from[c] = static_cast<size_t>(std::find(header.begin(), header.end(), columns[c]) - header.begin());
  Ssda903Rows rows;
  std::vector<std::string> fields;
  while (csv.next(fields)) {
    if (fields.size() == 1 && only_spaces(fields[0])) continue;  // a blank line is not a row
    if (fields.size() > header.size()) {
      return Error::invalid(file.name + ", line " + std::to_string(csv.line()) + ": " +
                                std::to_string(fields.size()) + " fields where the header has " +
                                std::to_string(header.size()),
                            "file");
    }
    std::vector<std::string> row(columns.size());
    for (size_t c = 0; c < columns.size(); ++c) {
      if (from[c] < fields.size()) row[c] = upper_ascii(std::move(fields[from[c]]));
    }
    rows.rows.push_back(std::move(row));
  }
  if (!csv.error().empty()) {
    return Error::invalid(file.name + ", line " + std::to_string(csv.line()) + ": " + csv.error(), "file");
  }
  rows.rows.seal();
  year.tables[static_cast<size_t>(*table)] = std::move(rows);
  return Status::success();
}

}  // namespace

Result<Ssda903Year> read_ssda903_year(const std::vector<Ssda903File>& files) {
  Ssda903Year year;
  for (const Ssda903File& f : files) {
    if (Status s = read_file(f, year); !s) return s.error();
  }
  return year;
}

Result<Ssda903Year> read_ssda903_directory(const std::string& directory) {
  std::error_code ec;
  std::vector<std::filesystem::path> paths;
  for (const auto& entry : std::filesystem::directory_iterator(directory, ec)) {
    if (entry.is_regular_file() && upper_ascii(entry.path().extension().string()) == ".CSV")
      paths.push_back(entry.path());
  }
  if (ec) return Error::invalid("cannot read the directory " + directory + ": " + ec.message(), "directory");
  if (paths.empty()) return Error::invalid(directory + " holds no .csv files", "directory");
  std::sort(paths.begin(), paths.end());
  Ssda903Year year;
  for (const auto& p : paths) {
    std::ifstream in(p, std::ios::binary);
    if (!in) return Error::invalid("cannot open " + p.string(), "file");
    // One file at a time, so that a return's text is never all in memory at once.
    if (Status s = read_file({p.string(), std::string(std::istreambuf_iterator<char>(in), {})}, year); !s)
      return s.error();
  }
  return year;
}

std::vector<std::string> ssda903_postcodes(const Ssda903Year& year) {
  std::vector<std::string> out;
  const auto& episodes = year.table(Ssda903Table::kEpisodes);
  if (!episodes) return out;
  const auto& columns = ssda903_columns(Ssda903Table::kEpisodes);
  const auto column = [&](std::string_view name) {
    return static_cast<size_t>(std::find(columns.begin(), columns.end(), name) - columns.begin());
  };
  const size_t home = column("HOME_POST"), placed = column("PL_POST");
  for (const Ssda903Row row : episodes->rows) {
    for (const size_t c : {home, placed}) {
      if (!row[c].empty()) out.push_back(row[c]);
    }
  }
  return out;
}

}  // namespace safeguard
