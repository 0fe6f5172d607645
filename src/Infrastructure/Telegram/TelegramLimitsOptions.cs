namespace ScheduledMessages.Infrastructure.Telegram;

/// <summary>
/// Telegram's sending limits the sender keeps to proactively ("Telegram:Limits"): by default
/// 1 message/s per chat, 20/min per group (chat id &lt; 0) and 30/s overall, shared by the
/// instances alive now (ADR 0805).
/// </summary>
public sealed class TelegramLimitsOptions
{
    public const string SectionName = "Telegram:Limits";

    public bool Enabled { get; set; } = true;

    public int PerChatLimit { get; set; } = 1;

    public TimeSpan PerChatPeriod { get; set; } = TimeSpan.FromSeconds(1);

    public int PerGroupLimit { get; set; } = 20;

    public TimeSpan PerGroupPeriod { get; set; } = TimeSpan.FromMinutes(1);

    public int GlobalLimit { get; set; } = 30;

    public TimeSpan GlobalPeriod { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// Added to every period. A send counts against a limit from its start until the period plus
    /// the margin after its end; the margin is slack for how Telegram itself counts. Each limit's
    /// rate is at most limit / (period + margin + a request's duration).
    /// </summary>
    public TimeSpan Margin { get; set; } = TimeSpan.FromMilliseconds(10);

    /// <summary>One instance's share of <see cref="GlobalLimit"/> when <paramref name="instances"/> are alive: divided, rounded down, at least 1.</summary>
    public int ShareAmong(int instances) => Math.Max(1, GlobalLimit / Math.Max(1, instances));
}
