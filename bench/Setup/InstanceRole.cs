namespace ScheduledMessages.Bench.Setup;

/// <summary>What a bot instance in the benchmark does.</summary>
public enum InstanceRole
{
    /// <summary>Runs the dispatch worker (and the LISTEN/NOTIFY link, and the pruner), as every bot instance does.</summary>
    Dispatcher,

    /// <summary>Only schedules (and notifies): an instance whose worker is elsewhere, to show the cross-instance wake-up.</summary>
    Scheduler,
}
