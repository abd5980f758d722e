// What the council's dashboards count with: a labelled count (a row of a dashboard's table) and a
// share as a percentage. Shared by the front door's dashboard (app/front_door.h) and the
// children-in-care dashboard (app/looked_after.h).
//
// Thread safety: values and pure functions.
#pragma once

#include <cstdint>
#include <string>

namespace safeguard {

struct LabelledCount {
  std::string key;  // a code or a sortable key ("2026-03", "C2")
  std::string label;
  int64_t count = 0;
};

// `part` as a percentage of `whole`; 0 when `whole` is 0.
inline double percent_of(int64_t part, int64_t whole) {
  return whole ? 100.0 * static_cast<double>(part) / static_cast<double>(whole) : 0;
}

}  // namespace safeguard
