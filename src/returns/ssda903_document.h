// An SSDA903 return as the validator reads it (returns.md 2.2): the CSV tables of a collection
// year, each recognised by its set of columns (never by its file name, as the reference validator
// recognises them), with every value upper-cased and an empty cell the only blank one. Rows keep
// their order in the file, and a finding's row is the 0-based data row of its table, not counting
// blank lines. Nothing is parsed at reading: rules read dates and numbers themselves.
//
// A file whose columns are not those of a table, a file that is not CSV, or one that cannot be
// read, is an error naming the file (and the line, for a malformed record): it is not a finding.
//
// Thread safety: values and pure functions, read from any number of threads. The tables of a year
// share its values (Ssda903Values), as do copies of them: add rows to them on one thread at a time.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <deque>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"

namespace safeguard {

// The SSDA903 tables, in the order the DfE lists them (and findings are sorted by).
enum class Ssda903Table {
  kHeader,
  kEpisodes,
  kReviews,
  kUasc,
  kOc2,
  kOc3,
  kAd1,
  kPlacedAdoption,
  kPrevPerm,
  kMissing,
  kSwEpisodes,
  kDoLo,
};
inline constexpr size_t kSsda903Tables = 12;

// The table's name ("Episodes") and its columns in the DfE's order.
std::string_view ssda903_table_name(Ssda903Table table);
const std::vector<std::string_view>& ssda903_columns(Ssda903Table table);

class Ssda903Cells;

// The different values of a year's tables, each kept once and numbered from 1 (0 is blank): a
// return holds a few hundred thousand different values in millions of cells, for its codes, dates
// and children repeat within a table and across a year's tables. Values are added while a year is
// read, by one thread at a time.
class Ssda903Values {
 public:
  // The text's number, a new one when it is new; 0 for a blank.
  uint32_t number(std::string_view text);
  const std::string& operator[](uint32_t number) const { return values_[number]; }
  // Frees what adding values needs (a year read whole adds no more; one that does works as before).
  void seal();

 private:
  void rehash();

  std::deque<std::string> values_{std::string()};
  // The numbers of values_ by their text, by open addressing (0 for an empty slot): empty once
  // sealed, and filled again when a value is added.
  std::vector<uint32_t> numbers_;
};

// A row of a table: a value per column in ssda903_columns order ("" when blank). A view: it lives
// as long as its table.
class Ssda903Row {
 public:
  Ssda903Row(const Ssda903Cells* cells, size_t index) : cells_(cells), index_(index) {}
  const std::string& operator[](size_t column) const;
  size_t size() const;
  std::vector<std::string> values() const;
  // Whether any value from `column` on is given.
  bool any_given(size_t column) const;

 private:
  const Ssda903Cells* cells_;
  size_t index_;
};

// A table's rows: each cell is its value's number among the year's values. Rows are added as
// numbers, row by row; sealed, they are kept by column, each column as its different values and
// each row's place among them in one, two or four bytes, as few as the column needs (most columns
// hold a few codes or dates, and a return's 50,000 children fit in two).
class Ssda903Cells {
 public:
  // A table of values of its own, or sharing a year's (the tables of a year read together).
  Ssda903Cells() : values_(std::make_shared<Ssda903Values>()) {}
  explicit Ssda903Cells(std::shared_ptr<Ssda903Values> values) : values_(std::move(values)) {}

  size_t size() const { return rows_; }
  bool empty() const { return rows_ == 0; }
  Ssda903Row operator[](size_t row) const { return {this, row}; }
  Ssda903Row front() const { return {this, 0}; }
  Ssda903Row back() const { return {this, size() - 1}; }
  // Adds a row; every row of a table has the same number of values (the first row's).
  void push_back(const std::vector<std::string>& values);
  // A cell's value by its number among the year's values (0 for a blank), and those values: for
  // telling a value by its number rather than its text.
  uint32_t number(size_t row, size_t column) const;
  const Ssda903Values& values() const { return *values_; }
  // Makes room for this many rows of this many values, to add them without growing by doubling.
  void reserve(size_t rows, size_t columns) { adding_.reserve(rows * columns); }
  // Keeps the rows by column (a table read whole adds no more; one that does works as before).
  void seal();

  class const_iterator {
   public:
    using value_type = Ssda903Row;
    using difference_type = std::ptrdiff_t;
    const_iterator(const Ssda903Cells* cells, size_t row) : cells_(cells), row_(row) {}
    Ssda903Row operator*() const { return {cells_, row_}; }
    const_iterator& operator++() {
      ++row_;
      return *this;
    }
    bool operator==(const const_iterator& other) const { return row_ == other.row_; }

   private:
    const Ssda903Cells* cells_;
    size_t row_;
  };
  const_iterator begin() const { return {this, 0}; }
  const_iterator end() const { return {this, size()}; }

 private:
  friend class Ssda903Row;
  // A sealed column.
  struct Column {
    std::vector<uint32_t> values{0};  // its different values' numbers; place 0 is blank
    std::vector<uint8_t> places;      // each row's place in values, `width` bytes each
    uint8_t width = 1;
  };
  // Back to rows of numbers, to add more.
  void unseal();

  size_t columns_ = 0, rows_ = 0;
  std::vector<uint32_t> adding_;  // unsealed: by row, then column
  std::vector<uint32_t> last_;    // unsealed: each column's value in the last row added
  std::vector<Column> sealed_;    // sealed: by column
  std::shared_ptr<Ssda903Values> values_;
};

inline uint32_t Ssda903Cells::number(size_t row, size_t column) const {
  if (sealed_.empty()) return adding_[row * columns_ + column];
  const Column& c = sealed_[column];
  if (c.width == 1) return c.values[c.places[row]];
  if (c.width == 2) {
    uint16_t place;
    std::memcpy(&place, c.places.data() + row * 2, 2);
    return c.values[place];
  }
  uint32_t place;
  std::memcpy(&place, c.places.data() + row * 4, 4);
  return c.values[place];
}

inline const std::string& Ssda903Row::operator[](size_t column) const {
  return (*cells_->values_)[cells_->number(index_, column)];
}
inline size_t Ssda903Row::size() const { return cells_->columns_; }
inline bool Ssda903Row::any_given(size_t column) const {
  for (size_t c = column; c < size(); ++c) {
    if (cells_->number(index_, c) != 0) return true;
  }
  return false;
}

// One table of one year, or nullopt when the return has no file for it.
struct Ssda903Rows {
  Ssda903Cells rows;
};

// One collection year's files.
struct Ssda903Year {
  std::array<std::optional<Ssda903Rows>, kSsda903Tables> tables;

  const std::optional<Ssda903Rows>& table(Ssda903Table t) const { return tables[static_cast<size_t>(t)]; }
};

struct Ssda903Return {
  Ssda903Year current;
  std::optional<Ssda903Year> previous;  // the year before, when given (the reference's "_last")
};

// A file's name and text.
struct Ssda903File {
  std::string name;
  std::string text;
};

// A hash of a value's text, for the tables of values and of children that find a value by its text.
uint64_t ssda903_hash(std::string_view text);

// Reads a year's files: each must be CSV whose header row is exactly one table's columns, in any
// order. A later file for the same table replaces an earlier one, as in the reference.
Result<Ssda903Year> read_ssda903_year(const std::vector<Ssda903File>& files);

// Reads every *.csv file of a directory (in name order) as a year.
Result<Ssda903Year> read_ssda903_directory(const std::string& directory);

// The postcodes a year's episodes name, HOME_POST and PL_POST of each row in turn, blanks left out:
// what a postcode directory must place for the year.
std::vector<std::string> ssda903_postcodes(const Ssda903Year& year);

}  // namespace safeguard
