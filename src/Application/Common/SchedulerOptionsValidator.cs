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

        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
