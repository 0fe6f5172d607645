namespace ScheduledMessages.Bot.Hosting;

/// <summary>How people talk to the bot: Telegram when a token is configured, else the local console.</summary>
public enum Transport
{
    Console,
    Telegram,
}
