using ScheduledMessages.Integration.EndToEnd;
using ScheduledMessages.Integration.Telegram;

namespace ScheduledMessages.Integration.Reliability;

/// <summary>
/// The real host (in process, PostgreSQL, the Bot API double) with an allow-list, a low command
/// rate and a low cap on active schedules, so that every guard can be met within a test. No
/// sending limits, so that answers come at once.
/// </summary>
public sealed class GuardedBotFixture : BotFixture
{
    public const int CommandsPerMinute = 8;
    public const int ChatCommandsPerMinute = 10;
    public const int MaxActiveSchedules = 3;

    /// <summary>Private chats the allow-list lets in: <see cref="AllowedPrivateFrom"/> .. +49.</summary>
    public const long AllowedPrivateFrom = 8_600_000;

    public const long AllowedGroup = -8_600_100;

    private static long _nextAllowed = AllowedPrivateFrom;
    private static long _nextRefused = 8_690_000;

    protected override BotApiLimits Limits => BotApiLimits.Off;

    protected override IEnumerable<KeyValuePair<string, string?>> Settings =>
    [
        new("Telegram:Limits:Enabled", "false"),
        new("Access:AllowedChatIds", string.Join(",", Enumerable.Range(0, 50).Select(i => AllowedPrivateFrom + i).Append(AllowedGroup))),
        new("Access:CommandsPerMinute", CommandsPerMinute.ToString()),
        new("Access:ChatCommandsPerMinute", ChatCommandsPerMinute.ToString()),
        new("Scheduler:MaxActiveSchedulesPerChat", MaxActiveSchedules.ToString()),
        new("Scheduler:DefaultTimeZone", "UTC"),
    ];

    /// <summary>A private chat on the allow-list, new to the bot.</summary>
    public static long NextAllowed()
    {
        var chat = Interlocked.Increment(ref _nextAllowed);
        return chat < AllowedPrivateFrom + 50 ? chat : throw new InvalidOperationException("Out of allowed chats; widen the allow-list.");
    }

    /// <summary>A private chat outside the allow-list.</summary>
    public static long NextRefused() => Interlocked.Increment(ref _nextRefused);
}
