namespace ScheduledMessages.Bot.Worker;

/// <summary>
/// How often an instance says it is alive ("Scheduler:Heartbeat"): every <see cref="Interval"/>,
/// and it counts as alive while its last heartbeat is younger than <see cref="Expiry"/> (ADR 0805).
/// </summary>
public sealed class InstanceHeartbeatOptions
{
    public const string SectionName = "Scheduler:Heartbeat";

    public TimeSpan Interval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>At least twice <see cref="Interval"/>, so one late heartbeat does not drop a live instance.</summary>
    public TimeSpan Expiry { get; set; } = TimeSpan.FromSeconds(15);
}
