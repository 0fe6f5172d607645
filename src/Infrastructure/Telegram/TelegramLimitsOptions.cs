namespace ScheduledMessages.Infrastructure.Telegram;

/// <summary>
/// Telegram's sending limits the sender keeps to proactively ("Telegram:Limits"): by default
/// 1 message/s per chat, 20/min per group (chat id &lt; 0) and 30/s overall.
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

    /// <summary>How many bot instances share <see cref="GlobalLimit"/>; each keeps to its share of it.</summary>
    public int Instances { get; set; } = 1;

    /// <summary>This instance's share of the global limit: <see cref="GlobalLimit"/> / <see cref="Instances"/>, rounded down.</summary>
    public int InstanceGlobalLimit => Math.Max(1, GlobalLimit / Math.Max(1, Instances));
}
