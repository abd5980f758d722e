// Checks that a child's read models say what the record says: the deadlines computed from the
// person the read models rebuild (PeopleIndex::casework_of, what lists and dashboards use) are the
// record's own, kind by kind, item by item, due date, state and the day met.
#pragma once

#include <gtest/gtest.h>

#include <vector>

#include "rules/child_deadlines.h"

namespace safeguard::testing {

inline void expect_same_deadlines(const std::vector<ChildDeadline>& from_read_model,
                                  const std::vector<ChildDeadline>& from_record) {
  ASSERT_EQ(from_read_model.size(), from_record.size());
  for (size_t i = 0; i < from_record.size(); ++i) {
    EXPECT_EQ(from_read_model[i].kind, from_record[i].kind);
    EXPECT_EQ(from_read_model[i].item_id, from_record[i].item_id);
    EXPECT_EQ(from_read_model[i].status.due, from_record[i].status.due);
    EXPECT_EQ(from_read_model[i].status.state, from_record[i].status.state);
    EXPECT_EQ(from_read_model[i].status.met_on, from_record[i].status.met_on);
  }
}

}  // namespace safeguard::testing
