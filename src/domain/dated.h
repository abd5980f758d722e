// Lists a record keeps in date order (health checks, pathway plans, contacts): inserting a record
// typed late in its place, after any of the same day, so the fold's order never depends on the
// order things were typed in.
//
// Thread safety: pure functions.
#pragma once

#include <algorithm>
#include <utility>
#include <vector>

namespace safeguard {

// Inserts `item` into `items`, kept in the order of `on(item)` (a Date), after those of the same day.
template <typename T, typename On>
void insert_in_date_order(std::vector<T>& items, T item, On on) {
  const auto at = std::upper_bound(items.begin(), items.end(), item,
                                   [&](const T& a, const T& b) { return on(a) < on(b); });
  items.insert(at, std::move(item));
}

}  // namespace safeguard
