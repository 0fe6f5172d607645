namespace ScheduledMessages.Application.ScheduledMessages.Dispatch;

/// <summary>What became of one claimed message in a round; <see cref="DispatchReport"/> counts them.</summary>
public enum DeliveryResult
{
    /// <summary>Sent: a one-time message is done, a recurring one moved on.</summary>
    Delivered,

    /// <summary>Failed transiently; due again after the backoff.</summary>
    Retried,

    /// <summary>Failed permanently, or gave up after the last retry.</summary>
    Failed,

    /// <summary>Held back by the platform's rate limit; due again when it allows, no attempt counted.</summary>
    Deferred,

    /// <summary>Too late for its delivery window; not sent.</summary>
    Expired,

    /// <summary>Its stored schedule could not be read; failed without being sent (counted as failed).</summary>
    Unreadable,
}
