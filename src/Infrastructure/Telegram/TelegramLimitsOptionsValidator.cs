using Microsoft.Extensions.Options;

namespace ScheduledMessages.Infrastructure.Telegram;

/// <summary>Checks the "Telegram:Limits" section at start; each failure names its key.</summary>
public sealed class TelegramLimitsOptionsValidator : IValidateOptions<TelegramLimitsOptions>
{
    public ValidateOptionsResult Validate(string? name, TelegramLimitsOptions options)
    {
        var failures = new List<string>();
        Check(failures, nameof(options.PerChatLimit), options.PerChatLimit, nameof(options.PerChatPeriod), options.PerChatPeriod);
        Check(failures, nameof(options.PerGroupLimit), options.PerGroupLimit, nameof(options.PerGroupPeriod), options.PerGroupPeriod);
        Check(failures, nameof(options.GlobalLimit), options.GlobalLimit, nameof(options.GlobalPeriod), options.GlobalPeriod);
        if (options.Margin < TimeSpan.Zero || options.Margin > TimeSpan.FromSeconds(1))
        {
            failures.Add($"{TelegramLimitsOptions.SectionName}:{nameof(options.Margin)} must be between 00:00:00 and 00:00:01 (got {options.Margin}).");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void Check(List<string> failures, string limitKey, int limit, string periodKey, TimeSpan period)
    {
        if (limit < 1)
        {
            failures.Add($"{TelegramLimitsOptions.SectionName}:{limitKey} must be at least 1 (got {limit}).");
        }

        if (period < TimeSpan.FromMilliseconds(10) || period > TimeSpan.FromHours(1))
        {
            failures.Add($"{TelegramLimitsOptions.SectionName}:{periodKey} must be between 00:00:00.010 and 01:00:00 (got {period}).");
        }
    }
}
