// The logs that answer "who looked at this child's record, and who changed the system": every
// read of a person's record (who, when, which record, which page or API call, and why when it was
// outside their normal access), and every administrative change (users, tokens, grants, closure
// days). Append-only, like the record.
//
// Thread safety: one AuditLog per connection. Methods throw SqlError.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/date.h"
#include "store/sql.h"

namespace safeguard {

struct AccessLogEntry {
  int64_t id = 0;
  Timestamp at;
  int64_t user_id = 0;
  std::string username;
  std::string user_display_name;  // filled by queries
  int64_t person_id = 0;
  std::string action;   // "viewed record", "viewed chronology", "corrected details", ...
  std::string channel;  // "web", "api", "cli"
  std::string detail;   // the page or API call, e.g. "GET /people/1042"
  std::string reason;   // why, when outside normal access; empty otherwise
};

struct AdministrationLogEntry {
  int64_t id = 0;
  Timestamp at;
  std::string actor;
  std::string action;
  std::string detail;
};

class AuditLog {
 public:
  explicit AuditLog(SqlConnection& db) : db_(db) {}

  void record_access(const AccessLogEntry& entry);
  // Newest first.
  std::vector<AccessLogEntry> access_to_person(int64_t person_id, size_t limit = 500);
  // People this user looked at most recently (distinct, newest first).
  std::vector<int64_t> recently_viewed_by(int64_t user_id, size_t limit);

  void record_administration(Timestamp at, std::string_view actor, std::string_view action,
                             std::string_view detail);
  std::vector<AdministrationLogEntry> administration(size_t limit = 500);

 private:
  SqlConnection& db_;
};

}  // namespace safeguard
