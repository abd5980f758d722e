// The statutory returns the council has produced (app/returns.h): what each was (the CIN census
// or the SSDA903 return, and its collection year), who produced it and when, what the validator
// found then, and its files exactly as produced, so that what was checked is what is downloaded
// and sent to the DfE.
//
// Thread safety: one object per connection. Methods throw SqlError.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/clock.h"
#include "store/sql.h"

namespace safeguard {

struct ProducedReturn {
  int64_t id = 0;
  std::string kind;  // "cin" or "ssda903"
  int year = 0;      // the collection year ends 31 March of it
  Timestamp produced_at;
  std::string produced_by;
  int64_t children = 0;
  std::optional<int64_t> errors, queries;  // the validator's findings then; none if not validated
};

struct ReturnFile {
  std::string name;  // "cin-2026.xml", "Episodes.csv", ...
  std::string content;
};

class ProducedReturns {
 public:
  explicit ProducedReturns(SqlConnection& db) : db_(db) {}

  // Keeps a return and its files; returns its id.
  int64_t add(const ProducedReturn& produced, const std::vector<ReturnFile>& files);
  // The latest first, at most `limit`.
  std::vector<ProducedReturn> latest(int limit);
  std::optional<ProducedReturn> find(int64_t id);
  // The names of a return's files, in the order they were kept.
  std::vector<std::string> file_names(int64_t id);
  std::optional<std::string> file(int64_t id, std::string_view name);

 private:
  SqlConnection& db_;
};

}  // namespace safeguard
