// For domain tests: folding what a domain factory returns into a person, as the store would, and
// naming the field a refused change blames.
#pragma once

#include <gtest/gtest.h>

#include <string>

#include "core/result.h"
#include "domain/event.h"
#include "domain/person.h"

namespace safeguard::testing {

// Fails the test if the factory refused; else applies the event at the person's next version.
inline void fold(Person& p, Result<DomainEvent> event) {
  ASSERT_TRUE(event.ok()) << event.error().message << " (" << event.error().field << ")";
  DomainEvent e = std::move(event).value();
  e.version = p.version + 1;
  apply_event(p, e);
}

// The field a refusal names, or "(accepted)".
inline std::string field_of(const Result<DomainEvent>& r) { return r.ok() ? "(accepted)" : r.error().field; }

}  // namespace safeguard::testing
