namespace ScheduledMessages.Application.Common;

/// <summary>The worker's and the use cases' settings, bound from the "Scheduler" section.</summary>
public sealed class SchedulerOptions
{
    public const string SectionName = "Scheduler";

    /// <summary>The longest the worker sleeps between looks for due messages.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How many due messages one claim takes.</summary>
    public int BatchSize { get; set; } = 10;

    /// <summary>Retries of a transiently failing occurrence before it is given up.</summary>
    public int MaxAttempts { get; set; } = 3;

    /// <summary>The first retry's wait; each later retry doubles it.</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>IANA zone for chats that set none.</summary>
    public string DefaultTimeZone { get; set; } = "UTC";

    /// <summary>How long a claim holds its messages; a crashed worker's messages are sent by another after it.</summary>
    public TimeSpan LeaseDuration { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>The most active (pending or retrying) schedules one chat may have.</summary>
    public int MaxActiveSchedulesPerChat { get; set; } = 100;
}
