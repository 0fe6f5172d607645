using NodaTime;

namespace ScheduledMessages.Application.ScheduledMessages.Dispatch;

/// <summary>What one dispatch round did, and when the worker should look again.</summary>
/// <param name="Claimed">Messages leased by this round.</param>
/// <param name="Delivered">Sent successfully.</param>
/// <param name="Retried">Failed transiently and wait for a retry.</param>
/// <param name="Failed">Failed permanently, or gave up after the last retry.</param>
/// <param name="Deferred">Held back by the platform's rate limit (no attempt counted).</param>
/// <param name="Expired">Too late for their delivery window: not sent.</param>
/// <param name="LostLeases">Outcomes not written because the lease had passed to another worker (or the message was cancelled meanwhile).</param>
/// <param name="Released">Claimed but not sent, because the round was cancelled or their chat's lane used up its time; their leases were ended.</param>
/// <param name="BatchWasFull">The claim got a whole batch: more may be due, so claim again at once.</param>
/// <param name="NextDueTime">When the earliest remaining message becomes claimable, or null when none.</param>
/// <param name="Now">The store's time when <paramref name="NextDueTime"/> was read (ADR 0804): the wait is measured from it, not from this process's clock.</param>
public sealed record DispatchReport(
    int Claimed,
    int Delivered,
    int Retried,
    int Failed,
    int Deferred,
    int Expired,
    int LostLeases,
    int Released,
    bool BatchWasFull,
    Instant? NextDueTime,
    Instant Now)
{
    /// <summary>
    /// The pause after a round that claimed nothing although messages are due: another instance is
    /// claiming them this instant, or their chats are held by other instances (ADR 0803), which are
    /// sending them; looking again at once would only spin. Short, because a message of another chat
    /// may fall due meanwhile, and this instance should not sleep through it: a tenth of a second is
    /// ten cheap claims a second at most while a busy chat is held elsewhere.
    /// </summary>
    public static readonly TimeSpan HeldElsewhereWait = TimeSpan.FromMilliseconds(100);

    public static readonly DispatchReport Empty = new(0, 0, 0, 0, 0, 0, 0, 0, false, null, default);

    /// <summary>
    /// How long the worker may sleep before the next round: none after a full batch, else until the
    /// next message becomes claimable by the store's clock, at most <paramref name="pollInterval"/>;
    /// <see cref="HeldElsewhereWait"/> when this round claimed nothing of what is already due.
    /// </summary>
    public TimeSpan WaitBeforeNextRound(TimeSpan pollInterval)
    {
        if (BatchWasFull)
        {
            return TimeSpan.Zero;
        }

        if (NextDueTime is not { } next)
        {
            return pollInterval;
        }

        var untilDue = (next - Now).ToTimeSpan();
        if (untilDue <= TimeSpan.Zero)
        {
            return Claimed > 0 ? TimeSpan.Zero : Min(HeldElsewhereWait, pollInterval);
        }

        return Min(untilDue, pollInterval);
    }

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;
}
