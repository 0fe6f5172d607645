using Microsoft.Extensions.Options;

namespace ScheduledMessages.Bot.Telegram.Replies;

/// <summary>Checks the "Telegram:Replies" section at start; each failure names its key.</summary>
public sealed class ReplyQueueOptionsValidator : IValidateOptions<ReplyQueueOptions>
{
    public ValidateOptionsResult Validate(string? name, ReplyQueueOptions options)
    {
        var failures = new List<string>();
        if (options.MaxQueuedPerChat < 1)
        {
            failures.Add($"{ReplyQueueOptions.SectionName}:MaxQueuedPerChat must be at least 1 (got {options.MaxQueuedPerChat}).");
        }

        if (options.StaleAfter <= TimeSpan.Zero)
        {
            failures.Add($"{ReplyQueueOptions.SectionName}:StaleAfter must be positive (got {options.StaleAfter}).");
        }

        if (options.ShutdownGrace < TimeSpan.Zero)
        {
            failures.Add($"{ReplyQueueOptions.SectionName}:ShutdownGrace must not be negative (got {options.ShutdownGrace}).");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
