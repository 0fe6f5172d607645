using ScheduledMessages.Bot.Telegram;

namespace ScheduledMessages.Unit.Bot.Telegram;

public sealed class InboxOptionsTests
{
    [Fact]
    public void The_defaults_are_valid()
    {
        Assert.True(new InboxOptionsValidator().Validate(null, new InboxOptions()).Succeeded);
    }

    [Fact]
    public void Retries_wait_the_base_delay_doubling_after_each_try_up_to_the_longest_wait()
    {
        var options = new InboxOptions { RetryBaseDelay = TimeSpan.FromSeconds(2), RetryMaxDelay = TimeSpan.FromSeconds(20) };

        var delays = Enumerable.Range(1, 6).Select(options.RetryDelay).Select(d => d.TotalSeconds);

        Assert.Equal([2.0, 4, 8, 16, 20, 20], delays);
        Assert.Equal(TimeSpan.FromSeconds(20), options.RetryDelay(1_000));
    }

    [Theory]
    [InlineData(nameof(InboxOptions.Concurrency))]
    [InlineData(nameof(InboxOptions.MaxAttempts))]
    [InlineData(nameof(InboxOptions.RetryMaxDelay))]
    [InlineData(nameof(InboxOptions.LeaseDuration))]
    [InlineData(nameof(InboxOptions.PollInterval))]
    [InlineData(nameof(InboxOptions.RetentionPeriod))]
    public void A_value_out_of_range_is_refused_naming_its_key(string key)
    {
        var options = new InboxOptions();
        switch (key)
        {
            case nameof(InboxOptions.Concurrency): options.Concurrency = 0; break;
            case nameof(InboxOptions.MaxAttempts): options.MaxAttempts = 0; break;
            case nameof(InboxOptions.RetryMaxDelay): options.RetryMaxDelay = options.RetryBaseDelay - TimeSpan.FromSeconds(1); break;
            case nameof(InboxOptions.LeaseDuration): options.LeaseDuration = TimeSpan.Zero; break;
            case nameof(InboxOptions.PollInterval): options.PollInterval = TimeSpan.Zero; break;
            case nameof(InboxOptions.RetentionPeriod): options.RetentionPeriod = TimeSpan.FromDays(-1); break;
        }

        var result = new InboxOptionsValidator().Validate(null, options);

        Assert.True(result.Failed);
        Assert.Contains($"Inbox:{key}", result.FailureMessage, StringComparison.Ordinal);
    }
}
