using ScheduledMessages.Infrastructure.Telegram;

namespace ScheduledMessages.Unit.Infrastructure;

/// <summary>The instances alive split Telegram's global limit between them (ADR 0805).</summary>
public sealed class TelegramLimitsShareTests
{
    [Theory]
    [InlineData(30, 1, 30)]
    [InlineData(30, 2, 15)]
    [InlineData(30, 4, 7)]
    [InlineData(30, 31, 1)]
    [InlineData(30, 0, 30)]
    [InlineData(1000, 3, 333)]
    public void Each_instance_keeps_to_the_global_limit_divided_by_the_instances_alive_rounded_down_at_least_one(int global, int instances, int share)
    {
        var options = new TelegramLimitsOptions { GlobalLimit = global };

        Assert.Equal(share, options.ShareAmong(instances));
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(1001)]
    public void A_margin_below_zero_or_above_one_second_is_refused_naming_the_key(int milliseconds)
    {
        var result = new TelegramLimitsOptionsValidator().Validate(null, new TelegramLimitsOptions { Margin = TimeSpan.FromMilliseconds(milliseconds) });

        Assert.True(result.Failed);
        Assert.Contains(result.Failures!, f => f.StartsWith("Telegram:Limits:Margin ", StringComparison.Ordinal));
    }

    [Fact]
    public void The_default_limits_are_valid()
    {
        Assert.True(new TelegramLimitsOptionsValidator().Validate(null, new TelegramLimitsOptions()).Succeeded);
    }
}
