using Microsoft.Extensions.Options;
using NodaTime;

namespace ScheduledMessages.Application.Common;

/// <summary>Refuses settings the worker cannot run with, naming the configuration key of each.</summary>
public sealed class SchedulerOptionsValidator : IValidateOptions<SchedulerOptions>
{
    public ValidateOptionsResult Validate(string? name, SchedulerOptions options)
    {
        var problems = new List<string>();
        var section = SchedulerOptions.SectionName;
        if (options.PollInterval <= TimeSpan.Zero)
        {
            problems.Add($"{section}:PollInterval must be longer than zero (e.g. 00:00:30).");
        }

        if (options.BatchSize is < 1 or > 1000)
        {
            problems.Add($"{section}:BatchSize must be 1 to 1000.");
        }

        if (options.MaxPerChatPerRound is < 1 or > 1000)
        {
            problems.Add($"{section}:MaxPerChatPerRound must be 1 to 1000.");
        }

        if (options.SendConcurrency is < 1 or > 256)
        {
            problems.Add($"{section}:SendConcurrency must be 1 to 256.");
        }

        if (options.LaneTimeBudget <= TimeSpan.Zero)
        {
            problems.Add($"{section}:LaneTimeBudget must be longer than zero, e.g. 00:00:02.");
        }

        if (options.MaxAttempts is < 0 or > 30)
        {
            problems.Add($"{section}:MaxAttempts must be 0 to 30.");
        }

        if (options.RetryBaseDelay <= TimeSpan.Zero)
        {
            problems.Add($"{section}:RetryBaseDelay must be longer than zero (e.g. 00:05:00).");
        }

        if (DateTimeZoneProviders.Tzdb.GetZoneOrNull(options.DefaultTimeZone ?? string.Empty) is null)
        {
            problems.Add($"{section}:DefaultTimeZone '{options.DefaultTimeZone}' is not an IANA time zone id (e.g. UTC, Europe/Berlin).");
        }

        if (options.LeaseDuration <= TimeSpan.Zero)
        {
            problems.Add($"{section}:LeaseDuration must be longer than zero (e.g. 00:02:00).");
        }

        if (options.MaxActiveSchedulesPerChat < 1)
        {
            problems.Add($"{section}:MaxActiveSchedulesPerChat must be at least 1.");
        }

        if (options.MemberSharePercent is < 1 or > 100)
        {
            problems.Add($"{section}:MemberSharePercent must be 1 to 100 (got {options.MemberSharePercent}).");
        }

        if (options.RetentionPeriod < TimeSpan.Zero)
        {
            problems.Add($"{section}:RetentionPeriod must not be negative (e.g. 30.00:00:00; 00:00:00 keeps finished messages for ever).");
        }

        if (options.PruneInterval <= TimeSpan.Zero)
        {
            problems.Add($"{section}:PruneInterval must be longer than zero (e.g. 01:00:00).");
        }

        if (options.PruneBatchSize is < 1 or > 100_000)
        {
            problems.Add($"{section}:PruneBatchSize must be 1 to 100000.");
        }

        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
