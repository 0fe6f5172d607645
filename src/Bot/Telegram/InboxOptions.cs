namespace ScheduledMessages.Bot.Telegram;

/// <summary>The "Inbox" section: how stored Telegram updates are processed, retried and kept (ADR 0801).</summary>
public sealed class InboxOptions
{
    public const string SectionName = "Inbox";

    /// <summary>How many chats this instance processes updates for at once (one update per chat at a time).</summary>
    public int Concurrency { get; set; } = 8;

    /// <summary>How many times an update is tried before it is marked failed.</summary>
    public int MaxAttempts { get; set; } = 10;

    /// <summary>The wait after the first transient failure; it doubles after each further one.</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>The longest wait between two tries.</summary>
    public TimeSpan RetryMaxDelay { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How long a claimed update is held; a crashed instance's update is taken up again after it.</summary>
    public TimeSpan LeaseDuration { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>How often the inbox is checked when nothing woke the processor (updates stored by other instances, retries falling due).</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Done and failed updates older than this are deleted by the pruner; zero keeps them.</summary>
    public TimeSpan RetentionPeriod { get; set; } = TimeSpan.FromDays(7);

    /// <summary>The wait before the next try after <paramref name="attempts"/> failed tries: base x 2^(attempts-1), at most <see cref="RetryMaxDelay"/>.</summary>
    public TimeSpan RetryDelay(int attempts)
    {
        var factor = Math.Pow(2, Math.Clamp(attempts - 1, 0, 30));
        var delay = TimeSpan.FromTicks((long)Math.Min(RetryBaseDelay.Ticks * factor, RetryMaxDelay.Ticks));
        return delay < RetryMaxDelay ? delay : RetryMaxDelay;
    }
}
