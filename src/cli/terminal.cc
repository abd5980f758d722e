#include "cli/terminal.h"

#include <termios.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <iostream>

namespace safeguard::cli {
namespace {

int64_t now_ms() {
  return std::chrono::duration_cast<std::chrono::milliseconds>(
             std::chrono::steady_clock::now().time_since_epoch())
      .count();
}

std::optional<std::string> read_hidden_line(const std::string& prompt) {
  std::fprintf(stderr, "%s", prompt.c_str());
  std::fflush(stderr);
  termios old_settings{};
  const bool is_tty = tcgetattr(STDIN_FILENO, &old_settings) == 0;
  if (is_tty) {
    termios quiet = old_settings;
    quiet.c_lflag &= static_cast<tcflag_t>(~ECHO);
    tcsetattr(STDIN_FILENO, TCSAFLUSH, &quiet);
  }
  std::string line;
  const bool got = static_cast<bool>(std::getline(std::cin, line));
  if (is_tty) {
    tcsetattr(STDIN_FILENO, TCSAFLUSH, &old_settings);
    std::fprintf(stderr, "\n");
  }
  if (!got) return std::nullopt;
  if (!line.empty() && line.back() == '\r') line.pop_back();
  return line;
}

}  // namespace

Progress::Progress(std::string label) : label_(std::move(label)), terminal_(isatty(STDERR_FILENO) != 0) {}

Progress::~Progress() { finish(); }

void Progress::update(int64_t done, int64_t total) {
  if (!terminal_) return;
  const int64_t now = now_ms();
  if (done != total && now - last_drawn_ms_ < 200) return;
  last_drawn_ms_ = now;
  const int percent = total > 0 ? static_cast<int>(done * 100 / total) : 0;
  std::fprintf(stderr, "\r  %s: %lld / %lld (%d%%)   ", label_.c_str(), static_cast<long long>(done),
               static_cast<long long>(total), percent);
  std::fflush(stderr);
  drawn_ = true;
}

void Progress::finish() {
  if (terminal_ && drawn_) std::fprintf(stderr, "\n");
  drawn_ = false;
}

std::optional<std::string> read_password(const std::string& prompt, bool confirm) {
  if (!isatty(STDIN_FILENO)) {
    std::string line;
    if (!std::getline(std::cin, line)) return std::nullopt;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    return line;
  }
  auto first = read_hidden_line(prompt);
  if (!first || !confirm) return first;
  auto second = read_hidden_line("Type it again: ");
  if (!second || *second != *first) return std::nullopt;
  return first;
}

}  // namespace safeguard::cli
