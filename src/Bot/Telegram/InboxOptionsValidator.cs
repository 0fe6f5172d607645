using Microsoft.Extensions.Options;

namespace ScheduledMessages.Bot.Telegram;

/// <summary>Checks the "Inbox" section at start; each failure names its key.</summary>
public sealed class InboxOptionsValidator : IValidateOptions<InboxOptions>
{
    public ValidateOptionsResult Validate(string? name, InboxOptions options)
    {
        var failures = new List<string>();
        Range(failures, nameof(options.Concurrency), options.Concurrency, 1, 256);
        Range(failures, nameof(options.MaxAttempts), options.MaxAttempts, 1, 100);
        Between(failures, nameof(options.RetryBaseDelay), options.RetryBaseDelay, TimeSpan.FromMilliseconds(10), TimeSpan.FromHours(1));
        Between(failures, nameof(options.RetryMaxDelay), options.RetryMaxDelay, options.RetryBaseDelay, TimeSpan.FromDays(1));
        Between(failures, nameof(options.LeaseDuration), options.LeaseDuration, TimeSpan.FromSeconds(1), TimeSpan.FromHours(1));
        Between(failures, nameof(options.PollInterval), options.PollInterval, TimeSpan.FromMilliseconds(10), TimeSpan.FromMinutes(10));
        Between(failures, nameof(options.RetentionPeriod), options.RetentionPeriod, TimeSpan.Zero, TimeSpan.FromDays(3650));
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void Range(List<string> failures, string key, int value, int min, int max)
    {
        if (value < min || value > max)
        {
            failures.Add($"{InboxOptions.SectionName}:{key} must be {min} to {max} (got {value}).");
        }
    }

    private static void Between(List<string> failures, string key, TimeSpan value, TimeSpan min, TimeSpan max)
    {
        if (value < min || value > max)
        {
            failures.Add($"{InboxOptions.SectionName}:{key} must be between {min} and {max} (got {value}).");
        }
    }
}
