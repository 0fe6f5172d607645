using NodaTime;
using ScheduledMessages.Application.ScheduledMessages.Dispatch;

namespace ScheduledMessages.Unit.Application.Dispatch;

/// <summary>How long the worker sleeps after a round: measured on the store's clock the report carries (ADR 0804).</summary>
public sealed class DispatchReportTests
{
    private static readonly Instant StoreNow = Instant.FromUtc(2030, 1, 7, 10, 0);
    private static readonly TimeSpan Poll = TimeSpan.FromSeconds(5);

    private static DispatchReport Report(Instant? nextDue, bool full = false, int claimed = 1) =>
        new(claimed, claimed, 0, 0, 0, 0, 0, 0, full, nextDue, StoreNow);

    [Fact]
    public void The_wait_runs_until_the_next_due_time_by_the_stores_clock()
    {
        Assert.Equal(TimeSpan.FromSeconds(2), Report(StoreNow + Duration.FromSeconds(2)).WaitBeforeNextRound(Poll));
    }

    [Fact]
    public void The_wait_is_at_most_the_poll_interval_and_the_poll_interval_when_nothing_is_due()
    {
        Assert.Equal(Poll, Report(StoreNow + Duration.FromHours(1)).WaitBeforeNextRound(Poll));
        Assert.Equal(Poll, Report(null).WaitBeforeNextRound(Poll));
    }

    [Fact]
    public void No_wait_after_a_full_batch_or_when_the_next_message_is_already_due()
    {
        Assert.Equal(TimeSpan.Zero, Report(StoreNow + Duration.FromSeconds(3), full: true).WaitBeforeNextRound(Poll));
        Assert.Equal(TimeSpan.Zero, Report(StoreNow - Duration.FromSeconds(3)).WaitBeforeNextRound(Poll));
    }

    [Fact]
    public void A_round_that_claimed_nothing_of_what_is_due_waits_briefly_instead_of_spinning()
    {
        // The due messages' chats are held by another instance: a short pause, never longer than the poll interval.
        Assert.Equal(DispatchReport.HeldElsewhereWait, Report(StoreNow - Duration.FromSeconds(3), claimed: 0).WaitBeforeNextRound(Poll));
        Assert.Equal(TimeSpan.FromMilliseconds(100), Report(StoreNow, claimed: 0).WaitBeforeNextRound(TimeSpan.FromMilliseconds(100)));
    }
}
