// Drafts: what a worker has typed into a form and not yet sent, kept on the server as they type
// (and when their session ends under them), so a closed browser, a lost connection or an expired
// session never loses it. A draft belongs to one user and one form, and is discarded when the form
// is sent successfully.
//
// Thread safety: uses one Database, which belongs to one thread at a time.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/clock.h"
#include "core/result.h"
#include "domain/user.h"
#include "store/council_settings.h"
#include "store/database.h"

namespace safeguard {

inline constexpr size_t kMaxDraftBytes = 64 * 1024;

class DraftService {
 public:
  DraftService(Database& db, const Clock& clock) : db_(db), clock_(clock) {}

  // Keeps `data` (the form's fields, URL-encoded) for the user and form, replacing any earlier
  // draft. Refuses text that is not UTF-8 or is over kMaxDraftBytes.
  Status save(int64_t user_id, std::string_view form_key, std::string_view data);
  std::optional<Draft> load(int64_t user_id, std::string_view form_key);
  void discard(int64_t user_id, std::string_view form_key);
  // The user's drafts, most recently saved first (empty if they cannot be read).
  std::vector<Draft> of(int64_t user_id);

 private:
  Database& db_;
  const Clock& clock_;
};

}  // namespace safeguard
