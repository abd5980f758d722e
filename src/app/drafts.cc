#include "app/drafts.h"

#include "core/text.h"

namespace safeguard {

Status DraftService::save(int64_t user_id, std::string_view form_key, std::string_view data) {
  if (data.size() > kMaxDraftBytes) return Error::invalid("The draft is too long to keep", "data");
  if (!is_valid_utf8(data) || !is_valid_utf8(form_key))
    return Error::invalid("The draft is not valid text", "data");
  return db_.transact([&]() -> Status {
    Drafts(db_.sql()).save(user_id, {std::string(form_key), std::string(data), clock_.now()});
    return Status::success();
  });
}

std::optional<Draft> DraftService::load(int64_t user_id, std::string_view form_key) {
  try {
    return Drafts(db_.sql()).load(user_id, form_key);
  } catch (const SqlError&) {
    return std::nullopt;
  }
}

void DraftService::discard(int64_t user_id, std::string_view form_key) {
  (void)db_.transact([&]() -> Status {
    Drafts(db_.sql()).discard(user_id, form_key);
    return Status::success();
  });
}

std::vector<Draft> DraftService::of(int64_t user_id) {
  try {
    return Drafts(db_.sql()).all_of(user_id);
  } catch (const SqlError&) {
    return {};
  }
}

}  // namespace safeguard
