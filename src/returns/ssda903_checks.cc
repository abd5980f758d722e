#include "returns/ssda903_checks.h"

#include <algorithm>
#include <cmath>
#include <cstdlib>

#include "returns/ssda903_lookups.h"

namespace safeguard::ssda903 {

size_t column_of(T table, std::string_view field) {
  const auto& columns = ssda903_columns(table);
  const auto it = std::find(columns.begin(), columns.end(), field);
  if (it == columns.end()) std::abort();  // a rule names a column its table does not have
  return static_cast<size_t>(it - columns.begin());
}

std::optional<double> number(std::string_view text) {
  const auto space = [](char ch) { return ch == ' ' || (ch >= '\t' && ch <= '\r'); };
  while (!text.empty() && space(text.front())) text.remove_prefix(1);
  while (!text.empty() && space(text.back())) text.remove_suffix(1);
  size_t i = 0, digits = 0;
  if (i < text.size() && (text[i] == '+' || text[i] == '-')) ++i;
  for (; i < text.size() && text[i] >= '0' && text[i] <= '9'; ++i) ++digits;
  if (i < text.size() && text[i] == '.') {
    for (++i; i < text.size() && text[i] >= '0' && text[i] <= '9'; ++i) ++digits;
  }
  if (digits == 0) return std::nullopt;
  if (i < text.size() && (text[i] == 'E' || text[i] == 'e')) {
    ++i;
    if (i < text.size() && (text[i] == '+' || text[i] == '-')) ++i;
    size_t exponent = 0;
    for (; i < text.size() && text[i] >= '0' && text[i] <= '9'; ++i) ++exponent;
    if (exponent == 0) return std::nullopt;
  }
  if (i != text.size()) return std::nullopt;
  return std::strtod(std::string(text).c_str(), nullptr);
}

std::vector<std::optional<Date>> dates_of(const Ssda903Rows& rows, size_t column) {
  std::vector<std::optional<Date>> out;
  out.reserve(rows.rows.size());
  for (const Row& row : rows.rows) out.push_back(date(row[column]));
  return out;
}

namespace {

// Whether a text is a time of day as dateutil reads one after a date.
bool a_time(std::string_view text) {
  const auto digits = [](std::string_view t) {
    return !t.empty() && std::all_of(t.begin(), t.end(), [](char ch) { return ch >= '0' && ch <= '9'; });
  };
  const auto number = [](std::string_view t) {
    int n = 0;
    for (const char ch : t) n = std::min(n * 10 + (ch - '0'), 1000);
    return n;
  };
  if (digits(text)) {  // HH, HHMM or HHMMSS
    if (text.size() != 2 && text.size() != 4 && text.size() != 6) return false;
    return number(text.substr(0, 2)) < 24 && (text.size() < 4 || number(text.substr(2, 2)) < 60) &&
           (text.size() < 6 || number(text.substr(4, 2)) < 60);
  }
  // H:M or H:M:S, the last perhaps with a fraction after a point.
  std::vector<std::string_view> parts;
  for (size_t start = 0;;) {
    const size_t colon = text.find(':', start);
    parts.push_back(text.substr(start, colon == std::string_view::npos ? colon : colon - start));
    if (colon == std::string_view::npos) break;
    start = colon + 1;
  }
  if (parts.size() < 2 || parts.size() > 3) return false;
  std::string_view& last = parts.back();
  if (const size_t point = last.find('.'); point != std::string_view::npos) {
    const std::string_view fraction = last.substr(point + 1);
    if (!fraction.empty() && !digits(fraction)) return false;
    last = last.substr(0, point);
  }
  for (size_t i = 0; i < parts.size(); ++i) {
    if (!digits(parts[i]) || number(parts[i]) >= (i == 0 ? 24 : 60)) return false;
  }
  return true;
}

}  // namespace

std::optional<Date> lenient_date(std::string_view text, int year) {
  text = trim(text);
  if (const size_t space = text.find(' '); space != std::string_view::npos) {
    if (!a_time(trim(text.substr(space)))) return std::nullopt;
    text = text.substr(0, space);
  }
  std::string_view parts[3];
  size_t count = 0;
  char sep = 0;
  for (size_t start = 0, i = 0; i <= text.size(); ++i) {
    if (i == text.size() || text[i] == '/' || text[i] == '-' || text[i] == '.') {
      if (i < text.size()) {
        if (sep && text[i] != sep) return std::nullopt;
        sep = text[i];
      }
      if (count == 3) return std::nullopt;
      parts[count++] = text.substr(start, i - start);
      start = i + 1;
    }
  }
  if (count != 3) return std::nullopt;
  int n[3];
  for (int i = 0; i < 3; ++i) {
    if (parts[i].empty() || parts[i].size() > 4) return std::nullopt;
    n[i] = 0;
    for (const char ch : parts[i]) {
      if (ch < '0' || ch > '9') return std::nullopt;
      n[i] = n[i] * 10 + (ch - '0');
    }
  }
  int y, month, day;
  if (parts[0].size() == 4) {
    y = n[0], month = n[1], day = n[2];
    if (parts[1].size() > 2 || parts[2].size() > 2) return std::nullopt;
  } else {
    if (parts[0].size() > 2 || parts[1].size() > 2) return std::nullopt;
    if (parts[2].size() != 4 && parts[2].size() != 2) return std::nullopt;
    day = n[0], month = n[1], y = n[2];
    if (parts[2].size() == 2) {
      y += year / 100 * 100;
      if (y >= year + 50) y -= 100;
      if (y < year - 50) y += 100;
    }
  }
  if (month > 12 && day <= 12) std::swap(month, day);
  if (y < 1677 || y > 2262 || !Date::is_valid_ymd(y, month, day)) return std::nullopt;
  return Date::from_ymd(y, month, day);
}

Ssda903Check::Ssda903Check(const Ssda903Return& r, const Ssda903Options& o, int y,
                           std::vector<Flagged>& found)
    : Ssda903Check(r, o, y, found, *new Shared) {
  own_.reset(&shared_);
}

Ssda903Check::Ssda903Check(const Ssda903Return& r, const Ssda903Options& o, int y,
                           std::vector<Flagged>& found, Shared& shared)
    : submitted(r),
      options(o),
      year(y),
      collection_start(Date::from_ymd(y - 1, 4, 1)),
      collection_end(Date::from_ymd(y, 3, 31)),
      shared_(shared),
      found_(found),
      flagged_(kSsda903Tables) {}

Ssda903Check::~Ssda903Check() = default;

const Ssda903Rows* Ssda903Check::table(T t) const {
  const auto& rows = submitted.current.table(t);
  return rows ? &*rows : nullptr;
}

const Ssda903Rows* Ssda903Check::last(T t) const {
  if (!submitted.previous) return nullptr;
  const auto& rows = submitted.previous->table(t);
  return rows ? &*rows : nullptr;
}

void Ssda903Check::Index::make_room(size_t children) {
  if (children * 2 <= slots_.size()) return;
  size_t capacity = slots_.size() * 2;
  while (capacity < children * 2) capacity *= 2;
  std::vector<Slot>(capacity).swap(slots_);
  const size_t mask = capacity - 1;
  for (size_t c = 0; c < children_.size(); ++c) {
    const uint64_t h = ssda903_hash(child(c));
    size_t s = h & mask;
    while (slots_[s].child != 0) s = (s + 1) & mask;
    slots_[s] = {static_cast<uint32_t>(h >> 32), static_cast<uint32_t>(c + 1)};
  }
}

Ssda903Check::Index::Index(const Ssda903Rows* rows) : table_(rows) {
  slots_.resize(16);
  if (!rows) return;
  // Each row's child (1 + its number; 0 for a blank CHILD), then the rows by child.
  std::vector<uint32_t> child_of(rows->rows.size());
  std::vector<uint32_t> counts;
  for (size_t i = 0; i < rows->rows.size(); ++i) {
    const uint32_t text = rows->rows.number(i, 0);
    if (text == 0) continue;  // a blank CHILD
    make_room(children_.size() + 1);
    const size_t mask = slots_.size() - 1;
    const uint64_t h = ssda903_hash(rows->rows.values()[text]);
    const auto tag = static_cast<uint32_t>(h >> 32);
    size_t s = h & mask;
    // A year's tables share their values, so the same text is the same number.
    while (slots_[s].child != 0 && !(slots_[s].hash == tag && children_[slots_[s].child - 1].text == text))
      s = (s + 1) & mask;
    if (slots_[s].child == 0) {
      children_.push_back({text, 0});
      counts.push_back(0);
      slots_[s] = {tag, static_cast<uint32_t>(children_.size())};
    }
    child_of[i] = slots_[s].child;
    ++counts[slots_[s].child - 1];
  }
  uint32_t start = 0;
  for (size_t c = 0; c < children_.size(); ++c) {
    children_[c].start = start;
    start += counts[c];
  }
  children_.push_back({0, start});
  children_.shrink_to_fit();
  rows_.resize(start);
  std::vector<uint32_t> next(children_.size() - 1);
  for (size_t c = 0; c < next.size(); ++c) next[c] = children_[c].start;
  for (size_t i = 0; i < child_of.size(); ++i) {
    if (child_of[i] != 0) rows_[next[child_of[i] - 1]++] = static_cast<uint32_t>(i);
  }
}

RowSpan Ssda903Check::Index::find(std::string_view child) const {
  const size_t mask = slots_.size() - 1;
  const uint64_t h = ssda903_hash(child);
  const auto tag = static_cast<uint32_t>(h >> 32);
  for (size_t s = h & mask; slots_[s].child != 0; s = (s + 1) & mask) {
    const uint32_t c = slots_[s].child - 1;
    if (slots_[s].hash == tag && this->child(c) == child)
      return RowSpan(rows_.data() + children_[c].start, children_[c + 1].start - children_[c].start);
  }
  return {};
}

uint32_t ChildNumbers::number(std::string_view child) {
  if ((children_.size() + 1) * 2 > slots_.size()) {  // kept at most half full
    std::vector<uint32_t>(std::max<size_t>(slots_.size() * 2, 64)).swap(slots_);
    const size_t mask = slots_.size() - 1;
    for (size_t n = 0; n < children_.size(); ++n) {
      size_t s = ssda903_hash(children_[n]) & mask;
      while (slots_[s] != 0) s = (s + 1) & mask;
      slots_[s] = static_cast<uint32_t>(n + 1);
    }
  }
  const size_t mask = slots_.size() - 1;
  size_t s = ssda903_hash(child) & mask;
  for (; slots_[s] != 0; s = (s + 1) & mask) {
    if (children_[slots_[s] - 1] == child) return slots_[s] - 1;
  }
  children_.push_back(child);
  slots_[s] = static_cast<uint32_t>(children_.size());
  return slots_[s] - 1;
}

std::optional<uint32_t> ChildNumbers::find(std::string_view child) const {
  if (slots_.empty()) return std::nullopt;
  const size_t mask = slots_.size() - 1;
  for (size_t s = ssda903_hash(child) & mask; slots_[s] != 0; s = (s + 1) & mask) {
    if (children_[slots_[s] - 1] == child) return slots_[s] - 1;
  }
  return std::nullopt;
}

const Ssda903Check::Index& Ssda903Check::index(const Ssda903Rows* rows, Shared::Lazy<Index>& lazy) {
  return once(lazy, [&] { return Index(rows); });
}

RowSpan Ssda903Check::rows_of(T t, std::string_view child) {
  return index(table(t), shared_.index[static_cast<size_t>(t)]).find(child);
}

RowSpan Ssda903Check::last_rows_of(T t, std::string_view child) {
  return index(last(t), shared_.last_index[static_cast<size_t>(t)]).find(child);
}

Ssda903Check::Children Ssda903Check::children(T t) {
  return Children(index(table(t), shared_.index[static_cast<size_t>(t)]));
}

const RowList& Ssda903Check::blank_child_rows(const Ssda903Rows* rows, Shared::Lazy<RowList>& lazy) {
  return once(lazy, [&] {
    RowList blank;
    for (size_t i = 0; rows && i < rows->rows.size(); ++i) {
      if (rows->rows[i][0].empty()) blank.push_back(i);
    }
    return blank;
  });
}

RowSpan Ssda903Check::joined_rows(T t, std::string_view child) {
  if (!child.empty()) return rows_of(t, child);
  return blank_child_rows(table(t), shared_.blank_rows[static_cast<size_t>(t)]);
}

RowSpan Ssda903Check::last_joined_rows(T t, std::string_view child) {
  if (!child.empty()) return last_rows_of(t, child);
  return blank_child_rows(last(t), shared_.last_blank_rows[static_cast<size_t>(t)]);
}

std::optional<std::string_view> Ssda903Check::uasc_of(const Ssda903Rows* header, const Ssda903Rows* uasc,
                                                      size_t row, Shared::Lazy<std::vector<bool>>& lazy) {
  if (!header || !uasc) return std::nullopt;
  const std::vector<bool>& column = once(lazy, [&] {
    // The join of the Header to the UASC table by CHILD (a blank CHILD joins a blank one): one row
    // for each UASC row of the child, or one row when there is none. The reference sets the
    // Header's row i from the join's row i.
    std::unordered_map<std::string_view, size_t> uasc_rows;
    for (const Row& r : uasc->rows) ++uasc_rows[r[uasc::CHILD]];
    std::vector<bool> out;
    out.reserve(header->rows.size());
    for (const Row& r : header->rows) {
      const auto it = uasc_rows.find(r[header::CHILD]);
      const size_t joined = it == uasc_rows.end() ? 1 : it->second;
      for (size_t i = 0; i < joined && out.size() < header->rows.size(); ++i)
        out.push_back(it != uasc_rows.end());
      if (out.size() == header->rows.size()) break;
    }
    return out;
  });
  return column[row] ? "1" : "0";
}

std::optional<std::string_view> Ssda903Check::header_uasc(size_t header_row) {
  return uasc_of(table(T::kHeader), table(T::kUasc), header_row, shared_.uasc_column[0]);
}

std::optional<std::string_view> Ssda903Check::last_header_uasc(size_t header_row) {
  return uasc_of(last(T::kHeader), last(T::kUasc), header_row, shared_.uasc_column[1]);
}

const PostcodeEntry* Ssda903Check::postcode(std::string_view text) {
  used_postcodes_ = true;
  if (options.postcodes.empty() || text.empty()) return nullptr;
  const auto it = options.postcodes.find(ssda903_postcode_key(text));
  return it == options.postcodes.end() ? nullptr : &it->second;
}

Placement Ssda903Check::placement_of(const Row& row) {
  Placement p;
  const PostcodeEntry* placed = postcode(row[episodes::PL_POST]);
  if (placed) {
    p.la = upper_tier_la(options, *placed);
    p.location = p.la && *p.la == options.la ? "IN" : "OUT";
  }
  const PostcodeEntry* home = postcode(row[episodes::HOME_POST]);
  if (placed && home && placed->easting && placed->northing && home->easting && home->northing) {
    const double metres = std::hypot(*placed->easting - *home->easting, *placed->northing - *home->northing);
    // Rounded half to even, as numpy rounds.
    p.distance = std::nearbyint(metres / 1000 / 1.6093 * 10) / 10;
  }
  return p;
}

Placement Ssda903Check::placement(size_t episode_row) {
  using Kept = Shared::KeptPlacement;
  used_postcodes_ = true;
  const Shared::Placements& all = once(shared_.placements, [&] {
    Shared::Placements out;
    const Ssda903Rows* rows = table(T::kEpisodes);
    if (!rows) return out;
    out.episodes.reserve(rows->rows.size());
    std::unordered_map<std::string, uint16_t> la_numbers;
    for (const Row& row : rows->rows) {
      const Placement p = placement_of(row);
      Kept kept;
      if (p.la) {
        auto [it, added] = la_numbers.try_emplace(*p.la, static_cast<uint16_t>(out.las.size() + 1));
        if (added) out.las.push_back(*p.la);
        kept.la = it->second;
      }
      if (p.location) kept.location = *p.location == "IN" ? 1 : 2;
      if (p.distance) kept.tenths = static_cast<int32_t>(std::lround(*p.distance * 10));
      out.episodes.push_back(kept);
    }
    return out;
  });
  const Kept& kept = all.episodes[episode_row];
  Placement p;
  if (kept.la != 0) p.la = all.las[kept.la - 1];
  if (kept.location != 0) p.location = kept.location == 1 ? "IN" : "OUT";
  if (kept.tenths != Kept::kNoDistance) p.distance = kept.tenths / 10.0;
  return p;
}

Placement Ssda903Check::last_placement(const Row& last_episode) { return placement_of(last_episode); }

const std::vector<const OfstedProvider*>& Ssda903Check::providers_with_urn(std::string_view urn) {
  static const std::vector<const OfstedProvider*> kNone;
  used_providers_ = true;
  const auto& by_urn = once(shared_.providers, [&] {
    std::unordered_map<std::string_view, std::vector<const OfstedProvider*>> out;
    if (options.providers) {
      for (const OfstedProvider& p : *options.providers) out[p.urn].push_back(&p);
    }
    return out;
  });
  const auto it = by_urn.find(urn);
  return it == by_urn.end() ? kNone : it->second;
}

void Ssda903Check::begin(const Ssda903RuleDefinition& rule, size_t number) {
  rule_ = &rule;
  rule_number_ = static_cast<uint16_t>(number);
  for (auto& rows : flagged_) rows.clear();
  used_postcodes_ = used_providers_ = false;
}

void Ssda903Check::flag(T t, size_t row) {
  std::vector<bool>& flagged = flagged_[static_cast<size_t>(t)];
  if (flagged.empty()) flagged.resize(table(t)->rows.size());
  if (flagged[row]) return;
  flagged[row] = true;
  found_.push_back({static_cast<uint32_t>(row), rule_number_, static_cast<uint8_t>(t)});
}

Finding ssda903_finding(const Ssda903Return& submitted, const Ssda903RuleDefinition& rule, T t, size_t row) {
  const Row values = submitted.current.table(t)->rows[row];
  Finding f;
  f.rule = rule.rule.code;
  f.severity = rule.rule.severity;
  f.child = values[0];  // CHILD is every table's first column
  f.table = ssda903_table_name(t);
  f.row = static_cast<int64_t>(row);
  f.fields = rule.fields;
  f.message = rule.rule.message;
  // The value of the first of the rule's fields that the table has.
  const auto& columns = ssda903_columns(t);
  for (std::string_view rest = rule.fields; !rest.empty();) {
    const size_t comma = rest.find(", ");
    const std::string_view field = rest.substr(0, comma);
    const auto it = std::find(columns.begin(), columns.end(), field);
    if (it != columns.end()) {
      f.value = values[static_cast<size_t>(it - columns.begin())];
      break;
    }
    rest = comma == std::string_view::npos ? std::string_view() : rest.substr(comma + 2);
  }
  return f;
}

std::optional<std::unordered_set<std::string_view>> ever_uasc(Ssda903Check& c) {
  bool any_column = false;
  std::unordered_set<std::string_view> out;
  for (const bool last : {false, true}) {
    const Ssda903Rows* header = last ? c.last(T::kHeader) : c.table(T::kHeader);
    const Ssda903Rows* uasc = last ? c.last(T::kUasc) : c.table(T::kUasc);
    if (header) {
      if (!uasc) continue;
      any_column = true;
      for (size_t i = 0; i < header->rows.size(); ++i) {
        if ((last ? c.last_header_uasc(i) : c.header_uasc(i)) == "1")
          out.insert(header->rows[i][header::CHILD]);
      }
    } else if (uasc) {
      any_column = true;
      for (const Row& u : uasc->rows) {
        if (any_given(u, {uasc::SEX, uasc::DOB, uasc::DUC})) out.insert(u[uasc::CHILD]);
      }
    }
  }
  if (!any_column) return std::nullopt;
  return out;
}

bool continuously_looked_after(Ssda903Check& c, std::string_view child) {
  if (child.empty()) return false;
  const Ssda903Rows* episodes = c.table(T::kEpisodes);
  bool during = false;
  for (const size_t i : c.rows_of(T::kEpisodes, child)) {
    const Row e = episodes->rows[i];
    const std::optional<Date> start = date(e[episodes::DECOM]), end = date(e[episodes::DEC]);
    const bool in_year = start && *start <= c.collection_end && (!end || *end >= c.collection_start);
    const bool enters =
        e[episodes::RNE] == "S" && start && *start > c.collection_start && *start <= c.collection_end;
    const bool leaves =
        e[episodes::REC] != "X1" && end && *end >= c.collection_start && *end < c.collection_end;
    if (enters || leaves || (respite(e) && in_year)) return false;
    during = during || in_year;
  }
  return during;
}

std::optional<std::pair<size_t, Date>> first_or_last_episode(const Ssda903Rows& episodes, RowSpan rows,
                                                             bool latest) {
  return first_or_last(
      rows, [&](size_t i) { return date(episodes.rows[i][episodes::DECOM]); }, latest);
}

RowList episodes_by_decom(const Ssda903Rows& episodes, RowSpan rows) {
  DatedRows dated;
  sort_by_day(
      rows, [&](size_t i) { return date(episodes.rows[i][episodes::DECOM]); }, dated);
  RowList out;
  out.reserve(dated.size());
  for (const auto& d : dated) out.push_back(d.second);
  return out;
}

Ssda903RuleDefinition rule(const char* code, const char* message, const char* fields,
                           std::function<void(Ssda903Check&)> run) {
  return {{code, Severity::kError, message}, fields, std::move(run)};
}

Ssda903RuleDefinition each_row(const char* code, const char* message, const char* fields, T table,
                               std::function<bool(Ssda903Check&, const Row&)> faulty) {
  return rule(code, message, fields, [=](Ssda903Check& c) {
    const Ssda903Rows* rows = c.table(table);
    if (!rows) return;
    for (size_t i = 0; i < rows->rows.size(); ++i) {
      if (faulty(c, rows->rows[i])) c.flag(table, i);
    }
  });
}

Ssda903RuleDefinition each_row(const char* code, const char* message, const char* fields, T table,
                               std::function<bool(const Row&)> faulty) {
  return rule(code, message, fields, [=](Ssda903Check& c) {
    const Ssda903Rows* rows = c.table(table);
    if (!rows) return;
    for (size_t i = 0; i < rows->rows.size(); ++i) {
      if (faulty(rows->rows[i])) c.flag(table, i);
    }
  });
}

Ssda903RuleDefinition not_a_date(const char* code, const char* message, T table, size_t column,
                                 const char* field) {
  return {{code, Severity::kError, message}, field, [=](Ssda903Check& c) {
            const Ssda903Rows* rows = c.table(table);
            if (!rows) return;
            for (size_t i = 0; i < rows->rows.size(); ++i) {
              const std::string& v = rows->rows[i][column];
              if (!v.empty() && !date(v)) c.flag(table, i);
            }
          }};
}

Ssda903RuleDefinition not_a_code(const char* code, const char* message, T table, size_t column,
                                 const char* field, std::vector<std::string_view> codes,
                                 bool blank_is_a_fault) {
  return {{code, Severity::kError, message}, field, [=](Ssda903Check& c) {
            const Ssda903Rows* rows = c.table(table);
            if (!rows) return;
            for (size_t i = 0; i < rows->rows.size(); ++i) {
              const std::string& v = rows->rows[i][column];
              if ((blank_is_a_fault || !v.empty()) && std::find(codes.begin(), codes.end(), v) == codes.end())
                c.flag(table, i);
            }
          }};
}

Ssda903RuleDefinition all_or_none(const char* code, const char* message, T table, std::vector<size_t> columns,
                                  const char* fields) {
  return {{code, Severity::kError, message}, fields, [=](Ssda903Check& c) {
            const Ssda903Rows* rows = c.table(table);
            if (!rows) return;
            for (size_t i = 0; i < rows->rows.size(); ++i) {
              size_t given = 0;
              for (const size_t col : columns) given += !rows->rows[i][col].empty();
              if (given > 0 && given < columns.size()) c.flag(table, i);
            }
          }};
}

}  // namespace safeguard::ssda903
