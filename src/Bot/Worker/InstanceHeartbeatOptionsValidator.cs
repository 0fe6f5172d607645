using Microsoft.Extensions.Options;

namespace ScheduledMessages.Bot.Worker;

/// <summary>Checks the "Scheduler:Heartbeat" section at start; each failure names its key.</summary>
public sealed class InstanceHeartbeatOptionsValidator : IValidateOptions<InstanceHeartbeatOptions>
{
    public ValidateOptionsResult Validate(string? name, InstanceHeartbeatOptions options)
    {
        var failures = new List<string>();
        if (options.Interval < TimeSpan.FromMilliseconds(100) || options.Interval > TimeSpan.FromMinutes(5))
        {
            failures.Add($"{InstanceHeartbeatOptions.SectionName}:{nameof(options.Interval)} must be between 00:00:00.100 and 00:05:00 (got {options.Interval}).");
        }

        if (options.Expiry < options.Interval * 2 || options.Expiry > TimeSpan.FromHours(1))
        {
            failures.Add($"{InstanceHeartbeatOptions.SectionName}:{nameof(options.Expiry)} must be at least twice the Interval ({options.Interval * 2}) and at most 01:00:00 (got {options.Expiry}).");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
