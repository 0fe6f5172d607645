using NodaTime;

namespace ScheduledMessages.Infrastructure.Persistence.Inbox;

/// <summary>
/// A row of <c>inbound_updates</c>: one Telegram update as received, and where its processing
/// stands. Written and read through <see cref="UpdateInbox"/>; mapped for the migrations and the schema.
/// </summary>
public sealed class InboundUpdateRecord
{
    public long UpdateId { get; set; }

    /// <summary>The chat the update belongs to; null when it has none (then it is ordered on its own).</summary>
    public long? ChatId { get; set; }

    /// <summary>The update's JSON as Telegram sent it.</summary>
    public string Payload { get; set; } = "{}";

    /// <summary><c>pending</c>, <c>done</c> or <c>failed</c> (<see cref="InboundUpdateStatus"/>).</summary>
    public string Status { get; set; } = InboundUpdateStatus.Pending;

    /// <summary>How many times the update was claimed for processing.</summary>
    public int Attempts { get; set; }

    /// <summary>Not claimed before this time (a retry's backoff).</summary>
    public Instant NextAttemptAt { get; set; }

    public string? LockedBy { get; set; }

    public Instant? LockedUntil { get; set; }

    public Instant ReceivedAt { get; set; }

    public Instant? FinishedAt { get; set; }

    public string? LastError { get; set; }
}
