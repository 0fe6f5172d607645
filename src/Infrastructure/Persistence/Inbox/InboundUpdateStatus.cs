namespace ScheduledMessages.Infrastructure.Persistence.Inbox;

/// <summary>The values of <c>inbound_updates.status</c>.</summary>
public static class InboundUpdateStatus
{
    /// <summary>Waiting to be processed (or for its retry's backoff to pass).</summary>
    public const string Pending = "pending";

    /// <summary>Processed: its effects were committed with this status.</summary>
    public const string Done = "done";

    /// <summary>Given up (a permanent error, or too many tries); <c>last_error</c> says why.</summary>
    public const string Failed = "failed";
}
