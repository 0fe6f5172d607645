namespace ScheduledMessages.Integration.EndToEnd;

/// <summary>
/// The bot in long-polling mode (the default) with chats in a zone other than UTC and without
/// daylight saving time, so times shown "in the chat's zone" are told apart from UTC ones.
/// </summary>
public sealed class PollingBotFixture : BotFixture
{
    public const string ZoneId = "Asia/Kolkata";

    protected override IEnumerable<KeyValuePair<string, string?>> Settings =>
    [
        new("Scheduler:DefaultTimeZone", ZoneId),
    ];
}
