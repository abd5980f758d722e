#include "returns/ssda903_document.h"

#include <algorithm>
#include <cstring>
#include <filesystem>
#include <fstream>
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

uint64_t ssda903_hash(std::string_view text) {
  // Eight bytes at a time (values are short codes, dates and ids, which often differ only in
  // their last digits), each mixed in by a multiply, then the whole mixed (splitmix64's finish).
  uint64_t h = text.size() * 0x9E3779B97F4A7C15ull;
  size_t i = 0;
  for (; i + 8 <= text.size(); i += 8) {
    uint64_t word;
    std::memcpy(&word, text.data() + i, 8);
    h = (h ^ word) * 0xBF58476D1CE4E5B9ull;
    h ^= h >> 31;
  }
  uint64_t rest = 0;
  if (i < text.size())
    std::memcpy(&rest, text.data() + i, text.size() - i);  // an empty view's data may be null
  h = (h ^ rest) * 0x94D049BB133111EBull;
  h ^= h >> 29;
  h *= 0xBF58476D1CE4E5B9ull;
  return h ^ (h >> 32);
}

void Ssda903Values::rehash() {
  size_t capacity = 64;
  while (capacity < values_.size() * 4) capacity *= 2;  // room to grow before the next
  numbers_.assign(capacity, 0);
  for (size_t n = 1; n < values_.size(); ++n) {
    size_t slot = ssda903_hash(values_[n]) & (capacity - 1);
    while (numbers_[slot] != 0) slot = (slot + 1) & (capacity - 1);
    numbers_[slot] = static_cast<uint32_t>(n);
  }
}

uint32_t Ssda903Values::number(std::string_view text) {
  if (text.empty()) return 0;
  // Kept at most half full, so that a lookup finds its slot or an empty one quickly.
  if ((values_.size() + 1) * 2 > numbers_.size()) rehash();
  const size_t mask = numbers_.size() - 1;
  size_t slot = ssda903_hash(text) & mask;
  while (numbers_[slot] != 0 && values_[numbers_[slot]] != text) slot = (slot + 1) & mask;
  if (numbers_[slot] == 0) {
    numbers_[slot] = static_cast<uint32_t>(values_.size());
    values_.emplace_back(text);
  }
  return numbers_[slot];
}

void Ssda903Values::seal() {
  std::vector<uint32_t>().swap(numbers_);  // assigning {} would keep the memory
}

void Ssda903Cells::seal() {
  if (!sealed_.empty() || columns_ == 0) return;
  std::vector<Column> sealed(columns_);
  std::vector<uint32_t> place_of;  // by number among the year's values, for the column at hand
  for (size_t c = 0; c < columns_; ++c) {
    Column& column = sealed[c];
    std::vector<uint32_t> places(rows_);
    for (size_t r = 0; r < rows_; ++r) {
      const uint32_t n = adding_[r * columns_ + c];
      if (n == 0) continue;
      if (n >= place_of.size()) place_of.resize(n + 1, 0);
      if (place_of[n] == 0) {
        place_of[n] = static_cast<uint32_t>(column.values.size());
        column.values.push_back(n);
      }
      places[r] = place_of[n];
    }
    // Clean for the next column; place 0, the blank, was never set (and a column of blanks
    // before any value leaves place_of empty).
    for (size_t p = 1; p < column.values.size(); ++p) place_of[column.values[p]] = 0;
    column.values.shrink_to_fit();
    column.width = column.values.size() <= 0x100 ? 1 : column.values.size() <= 0x10000 ? 2 : 4;
    column.places.resize(rows_ * column.width);
    for (size_t r = 0; r < rows_; ++r) {
      if (column.width == 1) {
        column.places[r] = static_cast<uint8_t>(places[r]);
      } else if (column.width == 2) {
        const auto place = static_cast<uint16_t>(places[r]);
        std::memcpy(column.places.data() + r * 2, &place, 2);
      } else {
        std::memcpy(column.places.data() + r * 4, &places[r], 4);
      }
    }
  }
  sealed_ = std::move(sealed);
  std::vector<uint32_t>().swap(adding_);
  std::vector<uint32_t>().swap(last_);
}

void Ssda903Cells::unseal() {
  std::vector<uint32_t> adding(rows_ * columns_);
  for (size_t r = 0; r < rows_; ++r) {
    for (size_t c = 0; c < columns_; ++c) adding[r * columns_ + c] = number(r, c);
  }
  adding_ = std::move(adding);
  sealed_.clear();
}

void Ssda903Cells::push_back(const std::vector<std::string>& values) {
  if (!sealed_.empty()) unseal();
  if (rows_ == 0) columns_ = values.size();
  last_.resize(columns_);
  for (size_t c = 0; c < columns_; ++c) {
    const std::string_view value = c < values.size() ? std::string_view(values[c]) : std::string_view();
    // A column often holds the value of the row before (a child's rows come together).
    if (value != (*values_)[last_[c]]) last_[c] = values_->number(value);
    adding_.push_back(last_[c]);
  }
  ++rows_;
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

// The lines that are not blank: as many as the rows of a file or more (a quoted value may span
// lines), and never more than the rows of a file of blank lines.
size_t lines_with_text(std::string_view text) {
  size_t lines = 0;
  bool given = false;
  for (const char c : text) {
    if (c == '\n') {
      lines += given ? 1 : 0;
      given = false;
    } else if (c != ' ' && c != '\t' && c != '\r') {
      given = true;
    }
  }
  return lines + (given ? 1 : 0);
}

// Reads one file into its table, its values among the year's.
Status read_file(const std::string& name, std::string_view text, const std::shared_ptr<Ssda903Values>& values,
                 Ssda903Year& year) {
  if (text.starts_with("\xEF\xBB\xBF")) text.remove_prefix(3);  // a UTF-8 byte order mark
  CsvReader csv(text);
  std::vector<std::string> header;
  if (!csv.next(header)) {
    return Error::invalid(name + ": " + (csv.error().empty() ? "the file is empty" : csv.error()), "file");
  }
  const auto table = table_of(header);
  if (!table) {
    return Error::invalid(
        name + ": its columns (" + joined(header) +
            ") are not those of any SSDA903 table; the files are recognised by their columns",
        "file");
  }
  // Where each of the table's columns is in the file.
  const auto& columns = ssda903_columns(*table);
  std::vector<size_t> from(columns.size());
  for (size_t c = 0; c < columns.size(); ++c)
    from[c] = static_cast<size_t>(std::find(header.begin(), header.end(), columns[c]) - header.begin());
  Ssda903Rows rows{Ssda903Cells(values)};
  rows.rows.reserve(lines_with_text(text), columns.size());
  std::vector<std::string> fields, row(columns.size());
  while (csv.next(fields)) {
    if (fields.size() == 1 && only_spaces(fields[0])) continue;  // a blank line is not a row
    if (fields.size() > header.size()) {
      return Error::invalid(name + ", line " + std::to_string(csv.line()) + ": " +
                                std::to_string(fields.size()) + " fields where the header has " +
                                std::to_string(header.size()),
                            "file");
    }
    for (size_t c = 0; c < columns.size(); ++c) {
      row[c].clear();
      if (from[c] < fields.size()) row[c] = upper_ascii(std::move(fields[from[c]]));
    }
    rows.rows.push_back(row);
  }
  if (!csv.error().empty()) {
    return Error::invalid(name + ", line " + std::to_string(csv.line()) + ": " + csv.error(), "file");
  }
  rows.rows.seal();
  year.tables[static_cast<size_t>(*table)] = std::move(rows);
  return Status::success();
}

}  // namespace

Result<Ssda903Year> read_ssda903_year(const std::vector<Ssda903File>& files) {
  Ssda903Year year;
  const auto values = std::make_shared<Ssda903Values>();
  for (const Ssda903File& f : files) {
    if (Status s = read_file(f.name, f.text, values, year); !s) return s.error();
  }
  values->seal();
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
  const auto values = std::make_shared<Ssda903Values>();
  for (const auto& p : paths) {
    std::ifstream in(p, std::ios::binary | std::ios::ate);
    if (!in) return Error::invalid("cannot open " + p.string(), "file");
    // One file at a time, so that a return's text is never all in memory at once, read whole at
    // its size (a string grown as it is read would take twice the memory).
    const std::string name = p.string();
    std::string text(static_cast<size_t>(std::max<std::streamoff>(in.tellg(), 0)), '\0');
    in.seekg(0);
    if (!in.read(text.data(), static_cast<std::streamsize>(text.size())))
      return Error::invalid("cannot read " + name, "file");
    if (Status s = read_file(name, text, values, year); !s) return s.error();
  }
  values->seal();
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
