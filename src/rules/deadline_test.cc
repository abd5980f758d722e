#include "rules/deadline.h"

#include <gtest/gtest.h>

namespace safeguard {
namespace {

Date d(const char* iso) { return *Date::parse_iso(iso); }

TEST(Deadline, DueUntilTheDayThenOverdue) {
  const WorkingDayCalendar calendar;
  // Due Tuesday 9 May 2023 (the coronation Monday is not a working day).
  const Date due = d("2023-05-09");
  auto s = deadline_status(due, std::nullopt, true, d("2023-05-05"), calendar);
  EXPECT_EQ(s.state, DeadlineState::kDue);
  EXPECT_EQ(s.working_days, 1);
  EXPECT_EQ(deadline_status(due, std::nullopt, true, due, calendar).state, DeadlineState::kDue);
  s = deadline_status(due, std::nullopt, true, d("2023-05-11"), calendar);
  EXPECT_EQ(s.state, DeadlineState::kOverdue);
  EXPECT_EQ(s.working_days, 2);
}

TEST(Deadline, MetOnTimeOrLateByWorkingDays) {
  const WorkingDayCalendar calendar;
  const Date due = d("2022-09-16");  // Friday before the state funeral
  EXPECT_EQ(deadline_status(due, due, true, d("2023-01-01"), calendar).state, DeadlineState::kMetOnTime);
  const auto late = deadline_status(due, d("2022-09-20"), true, d("2023-01-01"), calendar);
  EXPECT_EQ(late.state, DeadlineState::kMetLate);
  EXPECT_EQ(late.working_days, 1);  // Monday 19th was the funeral
  EXPECT_EQ(deadline_state_name(late.state), "met late");
}

TEST(Deadline, NotApplicableWhenItNoLongerApplies) {
  const WorkingDayCalendar calendar;
  EXPECT_EQ(deadline_status(d("2024-01-10"), std::nullopt, false, d("2024-02-01"), calendar).state,
            DeadlineState::kNotApplicable);
  // A deadline met before it stopped applying keeps its result.
  EXPECT_EQ(deadline_status(d("2024-01-10"), d("2024-01-09"), false, d("2024-02-01"), calendar).state,
            DeadlineState::kMetOnTime);
}

}  // namespace
}  // namespace safeguard
