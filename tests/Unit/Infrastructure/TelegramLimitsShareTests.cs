using ScheduledMessages.Infrastructure.Telegram;

namespace ScheduledMessages.Unit.Infrastructure;

/// <summary>Several instances split Telegram's global limit between them (ADR 0402).</summary>
public sealed class TelegramLimitsShareTests
{
    [Theory]
    [InlineData(30, 1, 30)]
    [InlineData(30, 2, 15)]
    [InlineData(30, 4, 7)]
    [InlineData(1000, 3, 333)]
    public void Each_instance_keeps_to_the_global_limit_divided_by_the_instances_rounded_down(int global, int instances, int share)
    {
        var options = new TelegramLimitsOptions { GlobalLimit = global, Instances = instances };

        Assert.Equal(share, options.InstanceGlobalLimit);
        Assert.True(options.InstanceGlobalLimit * instances <= global);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(31)]
    public void More_instances_than_the_global_limit_or_none_is_refused_naming_the_key(int instances)
    {
        var result = new TelegramLimitsOptionsValidator().Validate(null, new TelegramLimitsOptions { Instances = instances });

        Assert.True(result.Failed);
        Assert.Contains(result.Failures!, f => f.StartsWith("Telegram:Limits:Instances ", StringComparison.Ordinal));
    }
}
