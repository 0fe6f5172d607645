using NodaTime;
using NodaTime.Testing;
using ScheduledMessages.Bot.Access;

namespace ScheduledMessages.Unit.Bot.Access;

public sealed class QuotaWindowsTests
{
    private static readonly Duration Minute = Duration.FromMinutes(1);
    private readonly FakeClock _clock = new(Instant.FromUtc(2030, 1, 1, 12, 0));

    private static Quota User(long id, int limit) => new(new QuotaKey(QuotaScope.User, id), limit, Minute);

    [Fact]
    public void Events_up_to_the_limit_are_admitted_and_the_next_is_refused_as_the_first_refusal()
    {
        var windows = new QuotaWindows(_clock);

        for (var i = 0; i < 3; i++)
        {
            Assert.True(windows.TryAdmit([User(1, 3)]).Admitted);
        }

        var refused = windows.TryAdmit([User(1, 3)]);
        Assert.False(refused.Admitted);
        Assert.True(refused.FirstRefusal);
        Assert.Equal(Minute, refused.RetryAfter);
    }

    [Fact]
    public void Only_the_first_refusal_of_a_window_is_marked_first_and_the_wait_shrinks_with_time()
    {
        var windows = new QuotaWindows(_clock);
        windows.TryAdmit([User(1, 1)]);
        windows.TryAdmit([User(1, 1)]);

        _clock.Advance(Duration.FromSeconds(20));
        var later = windows.TryAdmit([User(1, 1)]);

        Assert.False(later.Admitted);
        Assert.False(later.FirstRefusal);
        Assert.Equal(Duration.FromSeconds(40), later.RetryAfter);
    }

    [Fact]
    public void A_new_window_opens_when_the_period_has_passed()
    {
        var windows = new QuotaWindows(_clock);
        windows.TryAdmit([User(1, 1)]);
        Assert.False(windows.TryAdmit([User(1, 1)]).Admitted);

        _clock.Advance(Minute);

        Assert.True(windows.TryAdmit([User(1, 1)]).Admitted);
        var refusedAgain = windows.TryAdmit([User(1, 1)]);
        Assert.True(refusedAgain.FirstRefusal);
    }

    [Fact]
    public void Keys_are_counted_apart()
    {
        var windows = new QuotaWindows(_clock);
        windows.TryAdmit([User(1, 1)]);

        Assert.True(windows.TryAdmit([User(2, 1)]).Admitted);
        Assert.True(windows.TryAdmit([new Quota(new QuotaKey(QuotaScope.Chat, 1), 1, Minute)]).Admitted);
    }

    [Fact]
    public void An_event_refused_by_one_quota_is_not_counted_against_the_others()
    {
        var windows = new QuotaWindows(_clock);
        var chat = new Quota(new QuotaKey(QuotaScope.Chat, -5), 2, Minute);
        Assert.True(windows.TryAdmit([User(1, 1), chat]).Admitted);
        Assert.False(windows.TryAdmit([User(1, 1), chat]).Admitted);

        // The chat has used 1 of 2: another member still gets in, and then the chat is full.
        Assert.True(windows.TryAdmit([User(2, 1), chat]).Admitted);
        Assert.False(windows.TryAdmit([User(3, 1), chat]).Admitted);
    }

    [Fact]
    public void A_quota_of_zero_refuses_everything_and_marks_only_the_first_refusal_of_each_period()
    {
        var windows = new QuotaWindows(_clock);
        var refusal = new Quota(new QuotaKey(QuotaScope.Refusal, 9), 0, Duration.FromHours(1));

        var first = windows.TryAdmit([refusal]);
        var second = windows.TryAdmit([refusal]);
        _clock.Advance(Duration.FromHours(1));
        var nextPeriod = windows.TryAdmit([refusal]);

        Assert.Equal((false, true), (first.Admitted, first.FirstRefusal));
        Assert.Equal((false, false), (second.Admitted, second.FirstRefusal));
        Assert.Equal((false, true), (nextPeriod.Admitted, nextPeriod.FirstRefusal));
    }

    [Fact]
    public void Ended_windows_are_swept_so_memory_follows_the_active_keys()
    {
        var windows = new QuotaWindows(_clock);
        for (var id = 0; id < 5000; id++)
        {
            windows.TryAdmit([User(id, 5)]);
        }

        Assert.True(windows.Count > 4000);
        _clock.Advance(Minute + Duration.FromSeconds(1));
        for (var i = 0; i < 5000; i++)
        {
            windows.TryAdmit([User(1_000_000, 100_000)]);
        }

        Assert.Equal(1, windows.Count);
    }
}
