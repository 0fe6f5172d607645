namespace ScheduledMessages.Application.ScheduledMessages;

/// <summary>Which messages a list shows by status; <see cref="Active"/> is pending plus retrying.</summary>
public enum ScheduledMessageStatusFilter
{
    Active,
    Pending,
    Rescheduled,
    Sent,
    Failed,
    Cancelled,
    All,
}
