namespace ScheduledMessages.Application.Common;

/// <summary>The worker's and the use cases' settings, bound from the "Scheduler" section.</summary>
public sealed class SchedulerOptions
{
    public const string SectionName = "Scheduler";

    /// <summary>
    /// The longest the worker sleeps between looks for due messages. Only a fallback: it wakes at the
    /// next due time, and at once when a message is scheduled (in any instance, on PostgreSQL).
    /// </summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How many due messages one claim takes.</summary>
    public int BatchSize { get; set; } = 200;

    /// <summary>
    /// The most messages of one chat a round claims: a chat with many due takes this many a round and
    /// the rest of the batch goes to other chats (chats in order of their longest-waiting due message).
    /// </summary>
    public int MaxPerChatPerRound { get; set; } = 3;

    /// <summary>How many messages of a claimed batch are sent at once (one chat's messages always one after another).</summary>
    public int SendConcurrency { get; set; } = 16;

    /// <summary>
    /// How long one chat's messages may take within a round; the rest go back for the next round,
    /// so a chat with many messages due (Telegram allows one a second) does not hold up the others.
    /// </summary>
    public TimeSpan LaneTimeBudget { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Retries of a transiently failing occurrence before it is given up.</summary>
    public int MaxAttempts { get; set; } = 3;

    /// <summary>The first retry's wait; each later retry doubles it.</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>IANA zone for chats that set none.</summary>
    public string DefaultTimeZone { get; set; } = "UTC";

    /// <summary>
    /// How long a claim holds its messages; a crashed worker's messages are sent by another after it.
    /// A live worker renews the lease of messages it has not finished every third of this.
    /// </summary>
    public TimeSpan LeaseDuration { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>The most schedules still to be sent (pending, retrying or paused) one chat may have.</summary>
    public int MaxActiveSchedulesPerChat { get; set; } = 100;

    /// <summary>
    /// In a group, the share of <see cref="MaxActiveSchedulesPerChat"/> one member may hold, in percent
    /// (1 to 100; 100 lets one member fill the group's cap). At least one schedule each.
    /// </summary>
    public int MemberSharePercent { get; set; } = 50;

    /// <summary>The most schedules still to be sent one member of a group may have: their share of the chat's cap, at least 1.</summary>
    public int MaxActiveSchedulesPerMember => Math.Max(1, MaxActiveSchedulesPerChat * MemberSharePercent / 100);

    /// <summary>How long sent and cancelled messages are kept before they are deleted; zero keeps them for ever.</summary>
    public TimeSpan RetentionPeriod { get; set; } = TimeSpan.FromDays(30);

    /// <summary>How often the pruner looks for messages past their retention.</summary>
    public TimeSpan PruneInterval { get; set; } = TimeSpan.FromHours(1);

    /// <summary>How many rows one pruning statement deletes, so that it never holds many locks for long.</summary>
    public int PruneBatchSize { get; set; } = 1000;
}
