namespace ScheduledMessages.Bot.Conversations;

/// <summary>The bot's own username, learnt at start, so "/cmd@OtherBot" in groups is ignored.</summary>
public sealed class BotIdentity
{
    public string? Username { get; set; }
}
