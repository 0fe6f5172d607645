using Telegram.Bot.Types;

namespace ScheduledMessages.Architecture.Violations.Application;

/// <summary>Breaks the application rule: Telegram's wire types instead of a port.</summary>
public sealed class UseCaseCallingTelegram
{
    public Message? Sent { get; init; }
}
