using NodaTime;
using ScheduledMessages.Domain.Recurrences;
using static ScheduledMessages.Unit.Domain.Zones;

namespace ScheduledMessages.Unit.Domain;

public sealed class IntervalRecurrenceTests
{
    private static readonly Instant Anchor = Utc(2026, 5, 4, 10);

    [Fact]
    public void Every_two_hours_is_due_two_hours_after_the_anchor()
    {
        var every120 = new IntervalRecurrence(120);

        Assert.Equal(Utc(2026, 5, 4, 12), every120.NextAfter(Anchor, Anchor, Berlin));
        Assert.Equal(Utc(2026, 5, 4, 12), every120.NextAfter(Anchor, Utc(2026, 5, 4, 11, 59), Berlin));
        Assert.Equal(Utc(2026, 5, 4, 14), every120.NextAfter(Anchor, Utc(2026, 5, 4, 12), Berlin));
    }

    [Fact]
    public void Next_occurrence_is_strictly_after_by_even_a_nanosecond()
    {
        var every60 = new IntervalRecurrence(60);
        var justAfter = Utc(2026, 5, 4, 11) + Duration.FromNanoseconds(1);

        Assert.Equal(Utc(2026, 5, 4, 12), every60.NextAfter(Anchor, justAfter, Berlin));
    }

    [Fact]
    public void Before_the_anchor_the_anchor_itself_is_next()
    {
        var every60 = new IntervalRecurrence(60);

        Assert.Equal(Anchor, every60.NextAfter(Anchor, Anchor - Duration.FromMinutes(1), Berlin));
    }

    [Fact]
    public void After_a_long_outage_the_phase_of_the_anchor_is_kept_and_only_one_occurrence_comes()
    {
        // Down for 17 h 20 min: occurrences at 10:00 + k x 45 min, so 03:15 (k = 23) and 04:00 (k = 24) the next day.
        var every45 = new IntervalRecurrence(45);

        var next = every45.NextAfter(Anchor, Utc(2026, 5, 5, 3, 20), Berlin);

        Assert.Equal(Utc(2026, 5, 5, 4, 0), next);
    }

    [Fact]
    public void Every_sixty_minutes_across_the_autumn_night_is_sixty_minutes_of_elapsed_time()
    {
        // Berlin, 25 October 2026: clocks go back from 03:00 CEST to 02:00 CET, so 02:30 is shown twice.
        var hourly = new IntervalRecurrence(60);
        var start = Berlin.Local(2026, 10, 25, 1, 30);
        var clocks = new List<OffsetDateTime>();
        var occurrence = start;
        for (var i = 0; i < 3; i++)
        {
            var next = hourly.NextAfter(start, occurrence, Berlin)!.Value;
            Assert.Equal(Duration.FromMinutes(60), next - occurrence);
            clocks.Add(next.In(Berlin));
            occurrence = next;
        }

        Assert.Equal(
            [Clock(2026, 10, 25, 2, 30, Hours(2)), Clock(2026, 10, 25, 2, 30, Hours(1)), Clock(2026, 10, 25, 3, 30, Hours(1))],
            clocks);
    }

    [Fact]
    public void Every_sixty_minutes_across_the_spring_night_jumps_two_hours_on_the_clock()
    {
        // Berlin, 29 March 2026: 02:00 CET becomes 03:00 CEST; one hour after 01:30 CET the clock shows 03:30.
        var hourly = new IntervalRecurrence(60);
        var start = Berlin.Local(2026, 3, 29, 1, 30);

        var next = hourly.NextAfter(start, start, Berlin);

        Assert.Equal(start + Duration.FromHours(1), next);
        Assert.Equal(Clock(2026, 3, 29, 3, 30, Hours(2)), next.In(Berlin));
    }

    [Fact]
    public void The_zone_does_not_change_an_elapsed_time_pattern()
    {
        var every90 = new IntervalRecurrence(90);
        var after = Utc(2026, 10, 25, 1, 10);

        var answers = Zones.All.Select(zone => every90.NextAfter(Anchor, after, zone)).Distinct().ToList();

        Assert.Single(answers);
    }

    [Fact]
    public void First_occurrence_is_one_period_from_now()
    {
        var every15 = new IntervalRecurrence(15);
        var now = Utc(2026, 5, 4, 10, 7);

        Assert.Equal(Utc(2026, 5, 4, 10, 22), every15.FirstAfter(now, Chatham));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-5)]
    public void Fewer_than_one_minute_is_refused(int minutes) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new IntervalRecurrence(minutes));

    [Theory]
    [InlineData(1, "every minute")]
    [InlineData(45, "every 45 minutes")]
    [InlineData(60, "every hour")]
    [InlineData(90, "every 90 minutes")]
    [InlineData(120, "every 2 hours")]
    [InlineData(1440, "every 24 hours")]
    [InlineData(2880, "every 2 days")]
    public void Describes_itself_in_plain_words(int minutes, string expected) =>
        Assert.Equal(expected, new IntervalRecurrence(minutes).Describe());

    [Fact]
    public void Is_named_custom_on_the_wire()
    {
        var every120 = new IntervalRecurrence(120);

        Assert.Equal("custom", every120.Kind);
        Assert.True(every120.IsRecurring);
        Assert.Equal(Duration.FromHours(2), every120.Period);
    }
}
