#include "core/clock.h"

#include <chrono>

namespace safeguard {

Timestamp SystemClock::now() const {
  const auto since_epoch = std::chrono::system_clock::now().time_since_epoch();
  return Timestamp::from_millis(std::chrono::duration_cast<std::chrono::milliseconds>(since_epoch).count());
}

}  // namespace safeguard
