// Where "now" comes from. Nothing below app/ asks the operating system for the time: it is handed
// a Timestamp. The app layer and the web server hold a Clock, so tests and the synthetic council
// generator can run Safeguard at any simulated moment.
//
// Thread safety: now() may be called from any thread.
#pragma once

#include <atomic>

#include "core/date.h"

namespace safeguard {

class Clock {
 public:
  virtual ~Clock() = default;
  virtual Timestamp now() const = 0;
  // Today in England.
  Date today() const { return london_date(now()); }
};

// The operating system's clock.
class SystemClock final : public Clock {
 public:
  Timestamp now() const override;
};

// A clock that stands still until told otherwise; for tests and the generator.
class FixedClock final : public Clock {
 public:
  explicit FixedClock(Timestamp start) : millis_(start.millis()) {}
  Timestamp now() const override { return Timestamp::from_millis(millis_.load()); }
  void set(Timestamp t) { millis_.store(t.millis()); }
  void advance_seconds(int64_t seconds) { millis_.fetch_add(seconds * 1000); }

 private:
  std::atomic<int64_t> millis_;
};

}  // namespace safeguard
