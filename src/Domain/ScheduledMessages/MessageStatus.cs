namespace ScheduledMessages.Domain.ScheduledMessages;

/// <summary>Where a message is in its life. Stored as lower-case text in <c>status</c>.</summary>
public enum MessageStatus
{
    /// <summary>Waiting for its scheduled time.</summary>
    Pending,

    /// <summary>A one-time message that was delivered.</summary>
    Sent,

    /// <summary>Given up: permanent error, retries exhausted, or missed its delivery window.</summary>
    Failed,

    /// <summary>Cancelled by the chat.</summary>
    Cancelled,

    /// <summary>A retry waiting for its backoff delay.</summary>
    Rescheduled,

    /// <summary>Held by the chat: not sent until resumed.</summary>
    Paused,
}
