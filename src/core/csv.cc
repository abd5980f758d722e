#include "core/csv.h"

#include "core/text.h"

namespace safeguard {

bool CsvReader::next(std::vector<std::string>& fields) {
  fields.clear();
  error_.clear();
  record_line_ = next_line_;
  int c = get();
  if (c == std::char_traits<char>::eof()) return false;
  std::string field;
  bool quoted = false;      // inside a quoted field
  bool was_quoted = false;  // the field began with a quote
  for (;; c = get()) {
    if (c == std::char_traits<char>::eof()) {
      if (quoted) {
        error_ = "a quoted field that begins on line " + std::to_string(record_line_) + " never ends";
        return false;
      }
      fields.push_back(std::move(field));
      return true;
    }
    const char ch = static_cast<char>(c);
    if (quoted) {
      if (ch == '"') {
        if (peek() == '"') {
          get();
          field.push_back('"');
        } else {
          quoted = false;
        }
      } else {
        if (ch == '\n') ++next_line_;
        field.push_back(ch);
      }
      continue;
    }
    if (ch == ',') {
      fields.push_back(std::move(field));
      field.clear();
      was_quoted = false;
    } else if (ch == '\n' || (ch == '\r' && peek() == '\n')) {
      if (ch == '\r') get();
      ++next_line_;
      fields.push_back(std::move(field));
      return true;
    } else if (ch == '"' && field.empty() && !was_quoted) {
      quoted = true;
      was_quoted = true;
    } else if (was_quoted) {
      error_ = "line " + std::to_string(next_line_) + ": text after the closing quote of field " +
               std::to_string(fields.size() + 1);
      // Skip to the end of the line so that a caller may go on to the next record.
      while (c != std::char_traits<char>::eof() && c != '\n') c = get();
      ++next_line_;
      return false;
    } else {
      field.push_back(ch);
      if (!in_) {  // text in memory: the rest of a run of plain characters at once
        size_t end = pos_;
        while (end < text_.size() && text_[end] != ',' && text_[end] != '\n' && text_[end] != '\r' &&
               text_[end] != '"')
          ++end;
        field.append(text_, pos_, end - pos_);
        pos_ = end;
      }
    }
  }
}

int csv_column(const std::vector<std::string>& header, std::initializer_list<std::string_view> names) {
  for (size_t i = 0; i < header.size(); ++i) {
    const std::string name = to_lower_ascii(trim(header[i]));
    for (const std::string_view n : names) {
      if (name == n) return static_cast<int>(i);
    }
  }
  return -1;
}

Status CsvTable::read_header() {
  if (csv_.next(header_)) return Status::success();
  return Error::invalid(source_ + ": " + (csv_.error().empty() ? "the file is empty" : csv_.error()), "file");
}

int CsvTable::column(std::initializer_list<std::string_view> names, std::string_view required) {
  const int found = csv_column(header_, names);
  if (found < 0 && !required.empty()) missing_ += (missing_.empty() ? "" : ", ") + std::string(required);
  return found;
}

Status CsvTable::check_columns(std::string_view advice) const {
  if (missing_.empty()) return Status::success();
  return Error::invalid(
      source_ + " line 1: the header has no column " + missing_ + ". " + std::string(advice), "file");
}

bool CsvTable::next() {
  while (csv_.next(row_)) {
    if (row_.size() == 1 && row_[0].empty()) continue;  // a blank line
    if (row_.size() != header_.size()) {
      status_ = Error::invalid(line() + ": " + std::to_string(row_.size()) + " fields where the header has " +
                                   std::to_string(header_.size()),
                               "file");
      return false;
    }
    return true;
  }
  if (!csv_.error().empty()) status_ = Error::invalid(source_ + ": " + csv_.error(), "file");
  return false;
}

std::string_view CsvTable::cell(int column) const {
  return column >= 0 && static_cast<size_t>(column) < row_.size() ? trim(row_[column]) : std::string_view();
}

Status CsvTable::bad_cell(int column, std::string_view is_not) const {
  return Error::invalid(line() + ": \"" + std::string(cell(column).substr(0, 12)) + "\" in column " +
                            header_[column] + " " + std::string(is_not),
                        "file");
}

}  // namespace safeguard
