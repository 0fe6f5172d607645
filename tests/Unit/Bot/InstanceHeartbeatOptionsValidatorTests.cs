using ScheduledMessages.Bot.Worker;

namespace ScheduledMessages.Unit.Bot;

public sealed class InstanceHeartbeatOptionsValidatorTests
{
    [Fact]
    public void The_defaults_are_valid() =>
        Assert.True(new InstanceHeartbeatOptionsValidator().Validate(null, new InstanceHeartbeatOptions()).Succeeded);

    [Theory]
    [InlineData(50, 1000, "Interval")]
    [InlineData(5000, 9000, "Expiry")]
    [InlineData(5000, 3_600_001, "Expiry")]
    public void An_unusable_interval_or_an_expiry_under_two_intervals_is_refused_naming_the_key(int intervalMs, int expiryMs, string key)
    {
        var result = new InstanceHeartbeatOptionsValidator().Validate(
            null,
            new InstanceHeartbeatOptions { Interval = TimeSpan.FromMilliseconds(intervalMs), Expiry = TimeSpan.FromMilliseconds(expiryMs) });

        Assert.True(result.Failed);
        Assert.Contains(result.Failures!, f => f.StartsWith($"Scheduler:Heartbeat:{key} ", StringComparison.Ordinal));
    }
}
