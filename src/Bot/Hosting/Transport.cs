namespace ScheduledMessages.Bot.Hosting;

/// <summary>How people talk to the bot: Telegram, or the local console chat; <see cref="StartupDecision"/> chooses.</summary>
public enum Transport
{
    Console,
    Telegram,
}
