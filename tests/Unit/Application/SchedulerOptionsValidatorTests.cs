using ScheduledMessages.Application.Common;

namespace ScheduledMessages.Unit.Application;

public sealed class SchedulerOptionsValidatorTests
{
    [Fact]
    public void The_defaults_are_valid_and_match_the_design()
    {
        var options = new SchedulerOptions();

        Assert.True(new SchedulerOptionsValidator().Validate(null, options).Succeeded);
        Assert.Equal(
            (TimeSpan.FromSeconds(30), 10, 3, TimeSpan.FromMinutes(5), "UTC"),
            (options.PollInterval, options.BatchSize, options.MaxAttempts, options.RetryBaseDelay, options.DefaultTimeZone));
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
        };

        var failures = new SchedulerOptionsValidator().Validate(null, options).Failures!.ToList();

        Assert.Equal(7, failures.Count);
        foreach (var key in new[] { "PollInterval", "BatchSize", "MaxAttempts", "RetryBaseDelay", "DefaultTimeZone", "LeaseDuration", "MaxActiveSchedulesPerChat" })
        {
            Assert.Contains(failures, f => f.StartsWith($"Scheduler:{key} ", StringComparison.Ordinal));
        }
    }
}
