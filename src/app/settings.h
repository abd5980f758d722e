// The council's own settings: which front door decisions wait for a manager, how long MASH
// agencies have to answer at each urgency, the office hours that "working hours" count, the
// casework timescales that are local policy, and the council's ONS code and DfE LA number. Each
// has a default from the issue that introduced it; a council changes them with `safeguard settings
// set`, and every change is in the administration log.
//
// Thread safety: uses one Database, which belongs to one thread at a time.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/clock.h"
#include "core/result.h"
#include "rules/child_deadlines.h"
#include "rules/front_door.h"
#include "store/database.h"

namespace safeguard {

struct Setting {
  std::string name;
  std::string value;        // as stored, or the default
  std::string description;  // what it changes, and the values it takes
  bool is_default = true;
};

class SettingsService {
 public:
  SettingsService(Database& db, const Clock& clock) : db_(db), clock_(clock) {}

  // The front door settings in force (stored values over the defaults).
  FrontDoorSettings front_door();
  // The casework timescales in force (stored values over the defaults).
  CaseworkTimescales timescales();
  // The council's ONS code (setting council.authority; domain/geography.h), empty until set.
  std::string council_authority();
  // The council's DfE LA number (setting council.la_number), empty until set.
  std::string council_la_number();
  // The working-day calendar in force (bank holidays and the council's closure days).
  WorkingDayCalendar calendar();
  std::vector<Setting> all();
  // Changes a setting; the value is checked against what the setting takes.
  Status set(std::string_view actor, std::string_view name, std::string_view value);

 private:
  Database& db_;
  const Clock& clock_;
};

}  // namespace safeguard
