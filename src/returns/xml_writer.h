// Writes a return's XML: elements indented by two spaces, one to a line, text escaped, LF line
// ends, an XML declaration first. The same calls give the same bytes.
//
// Thread safety: one writer per document.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "core/date.h"

namespace safeguard {

class XmlWriter {
 public:
  XmlWriter() { out_ = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"; }

  void open(std::string_view name) {
    indent();
    out_ += '<';
    out_ += name;
    out_ += ">\n";
    ++depth_;
  }
  void close(std::string_view name) {
    --depth_;
    indent();
    out_ += "</";
    out_ += name;
    out_ += ">\n";
  }
  void element(std::string_view name, std::string_view text) {
    indent();
    out_ += '<';
    out_ += name;
    out_ += '>';
    escape(text);
    out_ += "</";
    out_ += name;
    out_ += ">\n";
  }
  // Nothing written for an absent or empty value.
  void optional(std::string_view name, std::string_view text) {
    if (!text.empty()) element(name, text);
  }
  void optional(std::string_view name, const std::optional<Date>& date) {
    if (date) element(name, date->iso());
  }

  std::string take() { return std::move(out_); }

 private:
  void indent() { out_.append(static_cast<size_t>(depth_) * 2, ' '); }
  void escape(std::string_view text) {
    for (const char c : text) {
      switch (c) {
        case '&':
          out_ += "&amp;";
          break;
        case '<':
          out_ += "&lt;";
          break;
        case '>':
          out_ += "&gt;";
          break;
        case '"':
          out_ += "&quot;";
          break;
        default:
          out_ += c;
      }
    }
  }

  std::string out_;
  int depth_ = 0;
};

}  // namespace safeguard
