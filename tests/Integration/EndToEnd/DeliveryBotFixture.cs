namespace ScheduledMessages.Integration.EndToEnd;

/// <summary>The bot with a short retry backoff (2 s, doubling), so retries happen within a test; chats in UTC.</summary>
public sealed class DeliveryBotFixture : BotFixture
{
    public static readonly TimeSpan RetryBaseDelay = TimeSpan.FromSeconds(2);

    protected override IEnumerable<KeyValuePair<string, string?>> Settings =>
    [
        new("Scheduler:RetryBaseDelay", RetryBaseDelay.ToString("c")),
    ];
}
