// The building blocks of the dashboards' pages (the front door's and the children-in-care one): a
// headline figure, a share as text, and a table of counts with a bar chart beside the figures.
//
// The bars are <span>s sized by a class (sg-bar-0 ... sg-bar-100 in steps of 5, safeguard.css):
// the Content-Security-Policy allows no inline styles, and tables read out well without them.
//
// Thread safety: pure functions.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "app/figures.h"

namespace safeguard::web {

// "42.5%", or "No data" when `whole` is 0.
std::string percent_text(int64_t part, int64_t whole);
// A bar as wide as `part` is of `whole`, to the nearest 5%; a sliver for anything above nothing.
std::string bar(int64_t part, int64_t whole);
// A table of counts (`what` heads the labels), each with a bar against the largest; with a column of
// shares of the total when `with_share`.
std::string counts_table(std::string_view caption, std::string_view what,
                         const std::vector<LabelledCount>& counts, bool with_share, std::string_view testid);
// A headline figure in a quarter of the row: the value, what it is, and a line of detail.
std::string figure(std::string_view value, std::string_view label, std::string_view detail,
                   std::string_view testid);

}  // namespace safeguard::web
