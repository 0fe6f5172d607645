namespace ScheduledMessages.Integration.EndToEnd;

/// <summary>
/// The bot with Telegram's limits at both ends (1 message/s per chat, 20/min per group, 30/s
/// overall) and replies kept for five minutes instead of two, so a backlog that drains at a
/// group's pace on a slow machine is still sent whole; dropping stale replies has its own tests
/// (Unit/Bot/Replies).
/// </summary>
public sealed class ReplyIsolationBotFixture : BotFixture
{
    protected override IEnumerable<KeyValuePair<string, string?>> Settings =>
    [
        new("Telegram:Replies:StaleAfter", "00:05:00"),
    ];
}
