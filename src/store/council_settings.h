// Settings a council keeps in its own database: for now, the days its offices are closed (which
// the working-day calendar skips as well as weekends and bank holidays), and drafts of forms being
// typed, so nothing a worker types is lost to a closed browser or an expired session.
//
// Thread safety: one object per connection. Methods throw SqlError.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/calendar.h"
#include "store/sql.h"

namespace safeguard {

class CouncilSettings {
 public:
  explicit CouncilSettings(SqlConnection& db) : db_(db) {}

  std::vector<ClosureDay> closure_days();
  // Adds or replaces the reason for a closure day.
  void set_closure_day(const ClosureDay& day, std::string_view created_by, Timestamp now);
  // Returns false if there was no such closure day.
  bool remove_closure_day(Date day);

  // The council's working-day calendar: bank holidays plus its closure days.
  WorkingDayCalendar calendar();

  // Named settings (see app/settings.h for what each means): every stored value by name.
  std::map<std::string, std::string> values();
  void set_value(std::string_view name, std::string_view value, std::string_view updated_by, Timestamp now);

 private:
  SqlConnection& db_;
};

struct Draft {
  std::string form_key;  // e.g. "person/new" or "person/1042/correct"
  std::string data;      // the form's fields, URL-encoded as the browser sent them
  Timestamp saved_at;
};

class Drafts {
 public:
  explicit Drafts(SqlConnection& db) : db_(db) {}
  void save(int64_t user_id, const Draft& draft);
  std::optional<Draft> load(int64_t user_id, std::string_view form_key);
  void discard(int64_t user_id, std::string_view form_key);
  std::vector<Draft> all_of(int64_t user_id);

 private:
  SqlConnection& db_;
};

}  // namespace safeguard
