using ScheduledMessages.Application.Common;

namespace ScheduledMessages.Unit.Application;

public sealed class SchedulerOptionsValidatorTests
{
    [Fact]
    public void The_defaults_are_valid_and_match_the_design_and_issue_7()
    {
        var options = new SchedulerOptions();

        Assert.True(new SchedulerOptionsValidator().Validate(null, options).Succeeded);
        Assert.Equal(
            (TimeSpan.FromSeconds(5), 200, 16, 3, TimeSpan.FromMinutes(5), "UTC"),
            (options.PollInterval, options.BatchSize, options.SendConcurrency, options.MaxAttempts, options.RetryBaseDelay, options.DefaultTimeZone));
        Assert.Equal(
            (TimeSpan.FromDays(30), TimeSpan.FromHours(1), 1000),
            (options.RetentionPeriod, options.PruneInterval, options.PruneBatchSize));
        Assert.Equal(3, options.MaxPerChatPerRound);
    }

    [Fact]
    public void A_retention_of_zero_is_valid_and_means_keep_for_ever()
    {
        Assert.True(new SchedulerOptionsValidator().Validate(null, new SchedulerOptions { RetentionPeriod = TimeSpan.Zero }).Succeeded);
    }

    [Fact]
    public void Each_bad_value_is_named_by_its_key()
    {
        var options = new SchedulerOptions
        {
            PollInterval = TimeSpan.Zero,
            BatchSize = 0,
            MaxAttempts = -1,
            RetryBaseDelay = TimeSpan.FromSeconds(-1),
            DefaultTimeZone = "Mars/Olympus",
            LeaseDuration = TimeSpan.Zero,
            MaxActiveSchedulesPerChat = 0,
            SendConcurrency = 0,
            LaneTimeBudget = TimeSpan.Zero,
            RetentionPeriod = TimeSpan.FromSeconds(-1),
            PruneInterval = TimeSpan.Zero,
            PruneBatchSize = 0,
            MaxPerChatPerRound = 0,
        };

        var failures = new SchedulerOptionsValidator().Validate(null, options).Failures!.ToList();

        Assert.Equal(13, failures.Count);
        foreach (var key in new[] { "PollInterval", "BatchSize", "MaxAttempts", "RetryBaseDelay", "DefaultTimeZone", "LeaseDuration", "MaxActiveSchedulesPerChat", "SendConcurrency", "LaneTimeBudget", "RetentionPeriod", "PruneInterval", "PruneBatchSize", "MaxPerChatPerRound" })
        {
            Assert.Contains(failures, f => f.StartsWith($"Scheduler:{key} ", StringComparison.Ordinal));
        }
    }
}
