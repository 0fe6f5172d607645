using ScheduledMessages.Integration.Telegram;

namespace ScheduledMessages.Integration.EndToEnd;

/// <summary>
/// The bot with Telegram's per-chat limit scaled up tenfold at both ends alike (10 messages/s per
/// chat at the double and in the bot's limiter), so a burst of 60 runs in seconds rather than minutes
/// while the bot must still keep to the limit the double enforces.
/// </summary>
public sealed class BurstBotFixture : BotFixture
{
    public const int PerChatLimit = 10;

    protected override BotApiLimits Limits => BotApiLimits.Telegram with { PerChatLimit = PerChatLimit };

    protected override IEnumerable<KeyValuePair<string, string?>> Settings =>
    [
        new("Telegram:Limits:PerChatLimit", PerChatLimit.ToString(System.Globalization.CultureInfo.InvariantCulture)),
    ];
}
