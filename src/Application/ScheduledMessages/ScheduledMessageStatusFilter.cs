namespace ScheduledMessages.Application.ScheduledMessages;

/// <summary>
/// Which messages a list shows by status; <see cref="Active"/> is pending plus retrying,
/// <see cref="Open"/> is those plus paused (everything that may still be sent).
/// </summary>
public enum ScheduledMessageStatusFilter
{
    Active,
    Pending,
    Rescheduled,
    Sent,
    Failed,
    Cancelled,
    All,
    Paused,
    Open,
}
