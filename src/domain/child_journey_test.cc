#include "domain/child_journey.h"

#include <gtest/gtest.h>

#include "domain/contact.h"
#include "domain/person.h"
#include "domain/plan.h"
#include "domain/protection.h"

namespace safeguard {
namespace {

const Date kReferral = *Date::parse_iso("2026-01-12");
const Date kToday = *Date::parse_iso("2026-11-23");

// Folds events into the person as the record would.
void fold_into(Person& p, const std::vector<DomainEvent>& events) {
  for (DomainEvent e : events) {
    e.version = ++p.version;
    ASSERT_TRUE(apply_journey_event(p, e)) << e.type;
  }
}

// A child referred on `on` by contact `contact_id`.
void refer(Person& child, int64_t contact_id, Date on) {
  FrontDoorDecision d;
  d.outcome = "referral";
  d.primary_need = "N1";
  d.decided_at = london_time(on, 11, 0);
  fold_into(child, decision_on_record(child, contact_id, d, "2A", on));
}

TEST(ChildJourney, AReferralOpensAnEpisodeUnlessOneIsOpen) {
  Person child;
  refer(child, 1, kReferral);
  ASSERT_EQ(child.episodes.size(), 1u);
  EXPECT_EQ(child.episodes[0].id, 1);
  EXPECT_EQ(child.episodes[0].referral_date, kReferral);
  EXPECT_EQ(child.episodes[0].primary_need, "N1");
  refer(child, 2, kReferral + 30);  // the episode is still open: no second one
  EXPECT_EQ(child.episodes.size(), 1u);
  EXPECT_EQ(open_episode(child), &child.episodes[0]);
}

TEST(ChildJourney, AContactReceivedBeforeTheLastEpisodeClosedIsAReferralFromItsClosure) {
  Person child;
  refer(child, 1, kReferral);
  auto closed = episode_closed(child, 1, kReferral + 40, "RC7", kToday);
  ASSERT_TRUE(closed.ok()) << closed.error().message;
  fold_into(child, {*closed});
  refer(child, 2, kReferral + 38);  // received while the episode was open, decided after it closed
  ASSERT_EQ(child.episodes.size(), 2u);
  EXPECT_EQ(child.episodes[1].referral_date, kReferral + 40);
  refer(child, 3, kReferral + 50);
  EXPECT_EQ(child.episodes.size(), 2u);
}

TEST(ChildJourney, ClosingAnEpisodeRecordsTheDateAndReason) {
  Person child;
  refer(child, 1, kReferral);
  auto closed = episode_closed(child, 1, kReferral + 40, "RC8", kToday);
  ASSERT_TRUE(closed.ok()) << closed.error().message;
  EXPECT_EQ(closed->type, "EpisodeClosed");
  EXPECT_EQ(closed->occurred_on, kReferral + 40);
  fold_into(child, {*closed});
  EXPECT_EQ(child.episodes[0].closed_on, kReferral + 40);
  EXPECT_EQ(child.episodes[0].closure_reason, "RC8");
  EXPECT_EQ(open_episode(child), nullptr);
  EXPECT_NE(describe_journey_event(*closed).find("no further action"), std::string::npos);
  // A referral after the closure opens a new episode, a re-referral within 12 months.
  refer(child, 2, kReferral + 100);
  ASSERT_EQ(child.episodes.size(), 2u);
  EXPECT_EQ(child.episodes[1].id, 2);
  EXPECT_EQ(previous_referral_within_12_months(child, kReferral + 100), kReferral);
}

TEST(ChildJourney, ClosureIsCheckedAgainstTheEpisode) {
  Person child;
  refer(child, 1, kReferral);
  const auto field_of = [](const Result<DomainEvent>& r) { return r.ok() ? "" : r.error().field; };
  EXPECT_EQ(episode_closed(child, 2, kReferral, "RC8", kToday).error().code, ErrorCode::kNotFound);
  EXPECT_EQ(field_of(episode_closed(child, 1, kReferral, "RC10", kToday)), "reason");
  EXPECT_EQ(field_of(episode_closed(child, 1, kReferral, "", kToday)), "reason");
  EXPECT_EQ(field_of(episode_closed(child, 1, kReferral - 1, "RC8", kToday)), "closed_on");
  EXPECT_EQ(field_of(episode_closed(child, 1, kToday + 1, "RC8", kToday)), "closed_on");
  EXPECT_TRUE(episode_closed(child, 1, kReferral, "RC9", kToday).ok());  // the same day is allowed
  fold_into(child, {*episode_closed(child, 1, kReferral + 3, "RC7", kToday)});
  const auto again = episode_closed(child, 1, kReferral + 5, "RC8", kToday);
  ASSERT_FALSE(again.ok());
  EXPECT_NE(again.error().message.find("already closed"), std::string::npos) << again.error().message;
}

TEST(ChildJourney, ClosedAfterAssessmentOnlyWhenNothingMoreWasDone) {
  Person child;
  refer(child, 1, kReferral);
  Section47Enquiry enquiry;
  enquiry.id = 1;
  enquiry.episode_id = 1;
  enquiry.started_on = kReferral + 1;
  enquiry.concluded_on = kReferral + 5;
  enquiry.outcome = "not_substantiated";
  child.enquiries.push_back(enquiry);
  for (const char* reason : {"RC8", "RC9"}) {
    const auto refused = episode_closed(child, 1, kReferral + 6, reason, kToday);
    ASSERT_FALSE(refused.ok()) << reason;
    EXPECT_EQ(refused.error().field, "reason");
    EXPECT_NE(refused.error().message.find("a section 47 enquiry from " + (kReferral + 1).iso()),
              std::string::npos)
        << refused.error().message;
  }
  EXPECT_TRUE(episode_closed(child, 1, kReferral + 6, "RC7", kToday).ok());
  child.enquiries.clear();
  ChildPlan plan;
  plan.id = 1;
  plan.episode_id = 1;
  plan.type = std::string(kChildInNeedPlan);
  plan.started_on = kReferral + 2;
  plan.ended_on = kReferral + 4;
  child.plans.push_back(plan);
  EXPECT_NE(episode_closed(child, 1, kReferral + 6, "RC8", kToday)
                .error()
                .message.find("a child in need plan from"),
            std::string::npos);
}

AllocationInput to_worker(const std::string& worker, Date from, const std::string& reason = "FCONTA") {
  return {worker, "Name of " + worker, 3, "Assessment team north", from, reason};
}

TEST(ChildJourney, AnOpenChildIsAllocatedAndAChangeEndsThePreviousAllocation) {
  Person child;
  refer(child, 1, kReferral);
  auto first = worker_allocated(child, to_worker("jess", kReferral + 2), kToday);
  ASSERT_TRUE(first.ok()) << first.error().message;
  fold_into(child, {*first});
  ASSERT_NE(current_allocation(child), nullptr);
  EXPECT_EQ(current_allocation(child)->worker, "jess");
  EXPECT_EQ(current_allocation(child)->team_id, 3);
  EXPECT_EQ(describe_journey_event(*first),
            "Allocated to Name of jess (Assessment team north): First contact or "
            "re-referral");
  auto second = worker_allocated(child, to_worker("sam", kReferral + 40, "LEFTRL"), kToday);
  ASSERT_TRUE(second.ok()) << second.error().message;
  fold_into(child, {*second});
  ASSERT_EQ(child.allocations.size(), 2u);
  EXPECT_EQ(child.allocations[0].to, kReferral + 39);  // the day before the new worker starts
  EXPECT_EQ(child.allocations[1].id, 2);
  EXPECT_EQ(current_allocation(child)->worker, "sam");
  // Closing the episode ends the allocation on the closure date.
  auto ended = allocation_ended(child, kReferral + 60);
  ASSERT_TRUE(ended.has_value());
  fold_into(child, {*ended});
  EXPECT_EQ(current_allocation(child), nullptr);
  EXPECT_EQ(child.allocations[1].to, kReferral + 60);
  EXPECT_FALSE(allocation_ended(child, kReferral + 61).has_value());
  // As SSDA903 SWEpisodes: each ends (SW_DEC) the day the next begins, the last the day after closure.
  const std::vector<SocialWorkerEpisode> episodes = social_worker_episodes(child, kReferral + 41, kToday);
  ASSERT_EQ(episodes.size(), 1u);  // jess's ended before the 41st day
  EXPECT_EQ(episodes[0].worker, "sam");
  EXPECT_EQ(episodes[0].reason, "LEFTRL");
  EXPECT_EQ(episodes[0].end, kReferral + 61);
  const std::vector<SocialWorkerEpisode> both = social_worker_episodes(child, kReferral, kToday);
  ASSERT_EQ(both.size(), 2u);
  EXPECT_EQ(both[0].end, both[1].start);  // validator SW10: no gap
  EXPECT_EQ(both[0].last_day, kReferral + 39);
  // At the end of a return year on sam's last day, the episode is still open (SW07, SW17).
  EXPECT_EQ(social_worker_episodes(child, kReferral, kReferral + 60)[1].end, std::nullopt);
}

TEST(ChildJourney, AllocationIsCheckedAgainstTheEpisodeAndTheCurrentWorker) {
  Person child;
  const auto field_of = [](const Result<DomainEvent>& r) { return r.ok() ? "" : r.error().field; };
  EXPECT_EQ(field_of(worker_allocated(child, to_worker("jess", kReferral), kToday)), "worker");  // no episode
  refer(child, 1, kReferral);
  EXPECT_EQ(field_of(worker_allocated(child, to_worker("", kReferral), kToday)), "worker");
  AllocationInput no_team = to_worker("jess", kReferral);
  no_team.team_id = 0;
  EXPECT_EQ(field_of(worker_allocated(child, no_team, kToday)), "worker");
  EXPECT_EQ(field_of(worker_allocated(child, to_worker("jess", kReferral, "XXXXXX"), kToday)), "reason");
  EXPECT_EQ(field_of(worker_allocated(child, to_worker("jess", kReferral, ""), kToday)), "reason");
  EXPECT_EQ(field_of(worker_allocated(child, to_worker("jess", kReferral - 1), kToday)), "from");
  EXPECT_EQ(field_of(worker_allocated(child, to_worker("jess", kToday + 1), kToday)), "from");
  fold_into(child, {*worker_allocated(child, to_worker("jess", kReferral + 5), kToday)});
  EXPECT_EQ(field_of(worker_allocated(child, to_worker("jess", kReferral + 9, "MANAGE"), kToday)), "worker");
  EXPECT_EQ(field_of(worker_allocated(child, to_worker("sam", kReferral + 5, "MANAGE"), kToday)), "from");
  // After the episode closes, no allocation until a new referral.
  fold_into(child, {*episode_closed(child, 1, kReferral + 20, "RC8", kToday)});
  EXPECT_EQ(field_of(worker_allocated(child, to_worker("sam", kReferral + 25, "MANAGE"), kToday)), "worker");
}

TEST(ChildJourney, CaseNotesAreCheckedAndShownInTheChronology) {
  Person child;
  auto note =
      case_note_recorded(child, "phone_call", kToday - 1, "Mum said Ellie is sleeping better.", kToday);
  ASSERT_TRUE(note.ok()) << note.error().message;
  EXPECT_EQ(note->occurred_on, kToday - 1);
  fold_into(child, {*note});
  EXPECT_EQ(describe_journey_event(*note),
            "Case note (Telephone call with the child or family): Mum said Ellie is sleeping better.");
  const auto field_of = [](const Result<DomainEvent>& r) { return r.ok() ? "" : r.error().field; };
  EXPECT_EQ(field_of(case_note_recorded(child, "visit", kToday, "x", kToday)), "type");
  EXPECT_EQ(field_of(case_note_recorded(child, "meeting", kToday + 1, "x", kToday)), "contact_date");
  EXPECT_EQ(field_of(case_note_recorded(child, "meeting", kToday, " \n\t ", kToday)), "text");
  EXPECT_EQ(field_of(case_note_recorded(child, "meeting", kToday, std::string(kCaseNoteMaxLength + 1, 'a'),
                                        kToday)),
            "text");
  EXPECT_TRUE(
      case_note_recorded(child, "meeting", kToday, std::string(kCaseNoteMaxLength, 'a'), kToday).ok());
}

TEST(ChildJourney, AStoredClosureOfAnUnknownEpisodeIsRefused) {
  Person child;
  DomainEvent e;
  e.type = "EpisodeClosed";
  e.version = 1;
  e.data = {{"episode_id", 3}, {"closed_on", "2026-02-01"}, {"reason", "RC8"}};
  EXPECT_THROW(apply_journey_event(child, e), MalformedEvent);
}

TEST(ChildJourney, AClosureProposalWaitsOnTheEpisodeUntilClosedOrReturned) {
  Person child;
  refer(child, 1, kReferral);
  auto proposed = closure_proposed(child, 1, kReferral + 20, "RC7", "No longer in need.", "Jess", kToday);
  ASSERT_TRUE(proposed.ok()) << proposed.error().message;
  EXPECT_EQ(describe_journey_event(*proposed), "Closure proposed by Jess (RC7): No longer in need.");
  fold_into(child, {*proposed});
  ASSERT_TRUE(child.episodes[0].proposed_closure.has_value());
  EXPECT_EQ(child.episodes[0].proposed_closure->closing_on, kReferral + 20);
  auto returned = closure_returned(child, 1, "Wait for the school's view.");
  ASSERT_TRUE(returned.ok());
  EXPECT_EQ(describe_journey_event(*returned),
            "Closure returned by the manager: Wait for the school's view.");
  fold_into(child, {*returned});
  EXPECT_FALSE(child.episodes[0].proposed_closure.has_value());
  EXPECT_EQ(child.episodes[0].closure_returned_because, "Wait for the school's view.");
  fold_into(child, {*closure_proposed(child, 1, kReferral + 30, "RC7", "School agrees.", "Jess", kToday)});
  fold_into(child, {*episode_closed(child, 1, kReferral + 30, "RC7", kToday)});
  EXPECT_EQ(child.episodes[0].closed_on, kReferral + 30);
  EXPECT_FALSE(child.episodes[0].proposed_closure.has_value());
}

}  // namespace
}  // namespace safeguard
