namespace ScheduledMessages.Bot.Console;

/// <summary>The "Console" section: who the local console chat is, as Telegram would number them.</summary>
public sealed class ConsoleChatOptions
{
    public const string SectionName = "Console";

    public long ChatId { get; set; } = 1;

    public long UserId { get; set; } = 1;
}
