// Reading comma-separated files as RFC 4180 writes them: fields may be quoted, a quoted field may
// hold commas, line breaks and doubled quotes, and lines end in LF or CRLF. Used by every file
// import (the SSDA903 return's tables, the ONS postcode directory, Ofsted's provider list), so that
// a file is read the same way wherever it comes from.
//
// Thread safety: one reader per stream, on one thread.
#pragma once

#include <cstdint>
#include <initializer_list>
#include <istream>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"

namespace safeguard {

class CsvReader {
 public:
  explicit CsvReader(std::istream& in) : in_(&in) {}
  // Reads text in memory, which must outlive the reader; much faster than a stream.
  explicit CsvReader(std::string_view text) : text_(text) {}

  // Reads the next record into `fields`; false at the end of the file or on a malformed record
  // (then error() says what is wrong). A blank line is a record with one empty field.
  bool next(std::vector<std::string>& fields);
  // The line the last record began on, from 1.
  int64_t line() const { return record_line_; }
  // Empty unless the last next() failed on a malformed record.
  const std::string& error() const { return error_; }

 private:
  static constexpr int kEnd = std::char_traits<char>::eof();
  int get() {
    if (in_) return in_->get();
    return pos_ < text_.size() ? static_cast<unsigned char>(text_[pos_++]) : kEnd;
  }
  int peek() {
    if (in_) return in_->peek();
    return pos_ < text_.size() ? static_cast<unsigned char>(text_[pos_]) : kEnd;
  }

  std::istream* in_ = nullptr;
  std::string_view text_;
  size_t pos_ = 0;
  int64_t next_line_ = 1;
  int64_t record_line_ = 0;
  std::string error_;
};

// The column of a header row named one of `names` (compared trimmed and in lower case), or -1.
int csv_column(const std::vector<std::string>& header, std::initializer_list<std::string_view> names);

// A file of records under a header row, as the imports of other bodies' files read them (the ONS
// postcode directory, Ofsted's provider list): columns found by name, blank lines passed over,
// every record as wide as the header, and each error naming the file, the line and the column.
class CsvTable {
 public:
  CsvTable(std::istream& in, std::string_view source) : csv_(in), source_(source) {}

  // Reads the header row; an empty or malformed file is an error.
  Status read_header();
  // The column named one of `names`, or -1. A missing column that has a `required` name is listed,
  // by that name, by check_columns().
  int column(std::initializer_list<std::string_view> names, std::string_view required = {});
  // An error naming the required columns the header lacks, ending with `advice`.
  Status check_columns(std::string_view advice) const;

  // Reads the next record; false at the end of the file or on an error, which status() then gives.
  bool next();
  Status status() const { return status_; }
  // A cell of the record, trimmed; empty for column -1.
  std::string_view cell(int column) const;
  // An error about a cell: "FILE line N: "VALUE" in column NAME `is_not`", the value cut short.
  Status bad_cell(int column, std::string_view is_not) const;

 private:
  std::string line() const { return source_ + " line " + std::to_string(csv_.line()); }

  CsvReader csv_;
  std::string source_;
  std::vector<std::string> header_, row_;
  std::string missing_;  // the required columns not found, separated by ", "
  Status status_ = Status::success();
};

}  // namespace safeguard
