namespace ScheduledMessages.Unit;

public sealed class SmokeTests
{
    [Fact]
    public void Default_backoff_waits_five_minutes_first() =>
        Assert.Equal(NodaTime.Duration.FromMinutes(5), Domain.ScheduledMessages.BackoffPolicy.Default.RetryDelay(1));
}
