namespace ScheduledMessages.Application.Common;

/// <summary>Why a use case refused a request; the bot words its answer by it.</summary>
public enum FailureKind
{
    /// <summary>The request itself is wrong (bad text, bad time, unknown zone, ...).</summary>
    Invalid,

    /// <summary>What the request names does not exist in this chat.</summary>
    NotFound,

    /// <summary>The request clashes with the current state (e.g. cancelling a sent message).</summary>
    Conflict,

    /// <summary>The requester may not do this.</summary>
    Forbidden,
}
