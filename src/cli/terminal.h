// The terminal side of the command line: progress lines for long work (only when stderr is a
// terminal, so scripts and CI logs stay clean), and reading a password without echoing it.
//
// Thread safety: single-threaded use.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

namespace safeguard::cli {

class Progress {
 public:
  explicit Progress(std::string label);
  ~Progress();
  // Shows "label: done / total (percent)"; redraws at most a few times a second.
  void update(int64_t done, int64_t total);
  void finish();

 private:
  std::string label_;
  bool terminal_;
  int64_t last_drawn_ms_ = 0;
  bool drawn_ = false;
};

// Prompts on the terminal (twice, to confirm, when `confirm`) with echo off; or, when stdin is not
// a terminal, reads one line from it. nullopt at end of input or if the two entries differ.
std::optional<std::string> read_password(const std::string& prompt, bool confirm);

}  // namespace safeguard::cli
