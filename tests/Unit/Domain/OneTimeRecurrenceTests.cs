using ScheduledMessages.Domain.Recurrences;
using static ScheduledMessages.Unit.Domain.Zones;

namespace ScheduledMessages.Unit.Domain;

public sealed class OneTimeRecurrenceTests
{
    [Fact]
    public void One_time_message_has_no_next_occurrence()
    {
        var anchor = Berlin.Local(2026, 5, 1, 9);

        Assert.Null(Recurrence.OneTime.NextAfter(anchor, anchor, Berlin));
        Assert.Null(Recurrence.OneTime.NextAfter(anchor, anchor - NodaTime.Duration.FromDays(1), Berlin));
        Assert.Null(Recurrence.OneTime.FirstAfter(anchor, Berlin));
    }

    [Fact]
    public void One_time_is_not_recurring()
    {
        Assert.False(Recurrence.OneTime.IsRecurring);
        Assert.Equal("once", Recurrence.OneTime.Kind);
        Assert.Equal("once", Recurrence.OneTime.Describe());
        Assert.Same(OneTimeRecurrence.Instance, Recurrence.OneTime);
    }
}
