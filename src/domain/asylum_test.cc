// Unaccompanied asylum-seeking children: the status's dates are checked at entry (SSDA903 rule 304:
// never past the 18th birthday), it ceases on the 18th birthday unless recorded earlier, and a
// record made again corrects the last.
#include "domain/asylum.h"

#include <gtest/gtest.h>

#include "domain/person.h"
#include "support/domain_events.h"

namespace safeguard {
namespace {

using testing::field_of;
using testing::fold;

TEST(Asylum, TheStatusCeasesByTheEighteenthBirthday) {
  const Date today = Date::from_ymd(2026, 11, 23);
  Person child;
  child.details.date_of_birth = Date::from_ymd(2009, 1, 15);  // 18 on 15 January 2027
  EXPECT_EQ(field_of(uasc_status_recorded(child, Date::from_ymd(2026, 1, 5), std::nullopt, today)), "from");
  CinEpisode episode;
  episode.id = 1;
  child.episodes.push_back(episode);
  EXPECT_EQ(field_of(uasc_status_recorded(child, today + 1, std::nullopt, today)), "from");
  EXPECT_EQ(field_of(uasc_status_recorded(child, Date::from_ymd(2008, 1, 5), std::nullopt, today)), "from");
  EXPECT_EQ(
      field_of(uasc_status_recorded(child, Date::from_ymd(2026, 1, 5), Date::from_ymd(2026, 1, 4), today)),
      "ceased_on");
  const Date later = Date::from_ymd(2027, 6, 1);
  EXPECT_EQ(
      field_of(uasc_status_recorded(child, Date::from_ymd(2026, 1, 5), Date::from_ymd(2027, 1, 16), later)),
      "ceased_on");  // rule 304
  fold(child, uasc_status_recorded(child, Date::from_ymd(2026, 1, 5), std::nullopt, today));
  EXPECT_TRUE(uasc_on(child, today));
  EXPECT_FALSE(uasc_on(child, Date::from_ymd(2026, 1, 4)));
  EXPECT_EQ(uasc_ceased_on(child, today), std::nullopt);
  EXPECT_EQ(uasc_ceased_on(child, later), Date::from_ymd(2027, 1, 15));
  EXPECT_FALSE(uasc_on(child, later));
  // An age assessment ends it early: the record is corrected.
  fold(child, uasc_status_recorded(child, Date::from_ymd(2026, 1, 5), Date::from_ymd(2026, 3, 1), today));
  EXPECT_EQ(uasc_ceased_on(child, today), Date::from_ymd(2026, 3, 1));
  EXPECT_FALSE(uasc_on(child, today));
}

}  // namespace
}  // namespace safeguard
