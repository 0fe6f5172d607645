namespace ScheduledMessages.Integration.Telegram;

/// <summary>
/// The sending limits the double enforces on sendMessage (docs/architecture.md#telegram); over a limit it answers 429 with
/// retry_after. <see cref="Leeway"/> shortens each window by that fraction, the way Telegram
/// tolerates small bursts: a client keeps to a limit when it spends its permits, but a request may
/// be held up on its way (a busy machine can stall a thread for a good part of a second), so the
/// double sees the sends a little bunched. Half a window absorbs that, so a client that keeps the
/// limits at its own end is never refused, while one that ignores them is (ADR 0704).
/// </summary>
public sealed record BotApiLimits
{
    /// <summary>Telegram's limits: 1/s per chat, 20/min per group, 30/s overall.</summary>
    public static BotApiLimits Telegram { get; } = new();

    /// <summary>No limits: every send is accepted.</summary>
    public static BotApiLimits Off { get; } = new() { Enabled = false };

    public bool Enabled { get; init; } = true;

    public int PerChatLimit { get; init; } = 1;

    public TimeSpan PerChatPeriod { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Applies to chats with a negative id (groups), on top of the per-chat limit.</summary>
    public int PerGroupLimit { get; init; } = 20;

    public TimeSpan PerGroupPeriod { get; init; } = TimeSpan.FromMinutes(1);

    public int GlobalLimit { get; init; } = 30;

    public TimeSpan GlobalPeriod { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Fraction (0..1) of each window forgiven; 0.5 checks a 1 s limit over 0.5 s.</summary>
    public double Leeway { get; init; } = 0.5;

    /// <summary>The global window's own leeway, when not <see cref="Leeway"/>: 0 counts every 1 s interval in full, as Telegram may.</summary>
    public double? GlobalLeeway { get; init; }

    /// <summary>Telegram's limits with a strict global window: never more than 30 sends in any 1 s (the benchmark's check, ADR 0805).</summary>
    public static BotApiLimits StrictGlobal { get; } = new() { GlobalLeeway = 0 };
}
