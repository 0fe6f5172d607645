namespace ScheduledMessages.Application.ScheduledMessages;

/// <summary>How a list is ordered.</summary>
public enum ScheduledMessageSort
{
    /// <summary>Soonest next send first.</summary>
    NextTime,

    /// <summary>Newest first.</summary>
    Created,

    /// <summary>Highest priority (1) first, then soonest.</summary>
    Priority,
}
