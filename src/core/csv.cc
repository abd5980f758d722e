#include "core/csv.h"

namespace safeguard {

bool CsvReader::next(std::vector<std::string>& fields) {
  fields.clear();
  error_.clear();
  record_line_ = next_line_;
  int c = in_.get();
  if (c == std::char_traits<char>::eof()) return false;
  std::string field;
  bool quoted = false;      // inside a quoted field
  bool was_quoted = false;  // the field began with a quote
  for (;; c = in_.get()) {
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
        if (in_.peek() == '"') {
          in_.get();
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
    } else if (ch == '\n' || (ch == '\r' && in_.peek() == '\n')) {
      if (ch == '\r') in_.get();
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
      while (c != std::char_traits<char>::eof() && c != '\n') c = in_.get();
      ++next_line_;
      return false;
    } else {
      field.push_back(ch);
    }
  }
}

}  // namespace safeguard
