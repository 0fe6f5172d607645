using Microsoft.Extensions.Options;

namespace ScheduledMessages.Bot.Access;

/// <summary>Refuses "Access" settings the bot cannot run with, naming the key of each.</summary>
public sealed class AccessOptionsValidator : IValidateOptions<AccessOptions>
{
    /// <summary>Beyond this a limit protects nothing; such a value is surely a typo.</summary>
    public const int MaxPerMinute = 100_000;

    public ValidateOptionsResult Validate(string? name, AccessOptions options)
    {
        var failures = new List<string>();
        var section = AccessOptions.SectionName;
        if (options.CommandsPerMinute is < 0 or > MaxPerMinute)
        {
            failures.Add($"{section}:CommandsPerMinute must be 0 (no limit) to {MaxPerMinute} (got {options.CommandsPerMinute}).");
        }

        if (options.ChatCommandsPerMinute is < 0 or > MaxPerMinute)
        {
            failures.Add($"{section}:ChatCommandsPerMinute must be 0 (no limit) to {MaxPerMinute} (got {options.ChatCommandsPerMinute}).");
        }

        if (options.MemberSharePercent is < 1 or > 100)
        {
            failures.Add($"{section}:MemberSharePercent must be 1 to 100 (got {options.MemberSharePercent}).");
        }

        if (options.RefusalSilence < TimeSpan.FromSeconds(1) || options.RefusalSilence > TimeSpan.FromDays(7))
        {
            failures.Add($"{section}:RefusalSilence must be between 00:00:01 and 7.00:00:00 (got {options.RefusalSilence}).");
        }

        for (var i = 0; i < options.AllowedChatIds.Count; i++)
        {
            if (!AccessOptions.TryParseChatIds(options.AllowedChatIds[i], out _))
            {
                failures.Add($"{section}:AllowedChatIds:{i} '{options.AllowedChatIds[i]}' is not a list of chat ids (non-zero whole numbers, negative for groups, separated by commas).");
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
