using NodaTime;
using ScheduledMessages.Application.ScheduledMessages;
using ScheduledMessages.Domain.ScheduledMessages;

namespace ScheduledMessages.Application.Common;

/// <summary>
/// Why a use case refused a request: one of a small closed set of facts, not a sentence. The chat
/// words each of them (the Bot's FailureText); only <see cref="Invalid"/> carries words, those of
/// the rule the request broke (a validator's or the domain's), since that rule knows them best.
/// </summary>
public abstract record UseCaseFailure
{
    // Only the records below derive from it, so a switch over them is complete.
    private UseCaseFailure()
    {
    }

    /// <summary>The request itself is malformed; each message names one problem, ready to show.</summary>
    public sealed record Invalid : UseCaseFailure
    {
        public Invalid(IReadOnlyList<string> messages)
        {
            if (messages.Count == 0)
            {
                throw new ArgumentException("A failure names at least one problem.", nameof(messages));
            }

            Messages = messages;
        }

        public IReadOnlyList<string> Messages { get; }

        public bool Equals(Invalid? other) => other is not null && Messages.SequenceEqual(other.Messages);

        public override int GetHashCode() => Messages.Count;

        public override string ToString() => $"{nameof(Invalid)}: {string.Join(" | ", Messages)}";
    }

    /// <summary>The chat has no message the reference names (another chat's message reads the same, so ids reveal nothing across chats).</summary>
    public sealed record NotFound : UseCaseFailure;

    /// <summary>
    /// Several messages of the chat have ids starting with <paramref name="Prefix"/>: the first few,
    /// each with the short id that tells it apart; <paramref name="HasMore"/> when there are others too.
    /// </summary>
    public sealed record Ambiguous(string Prefix, IReadOnlyList<MessageCandidate> Candidates, bool HasMore) : UseCaseFailure;

    /// <summary>The requester may not change this message (in a group: neither its author nor an administrator).</summary>
    public sealed record NotAllowed : UseCaseFailure;

    /// <summary>The message's <paramref name="Status"/> does not allow <paramref name="Change"/> (e.g. cancelling a sent one).</summary>
    public sealed record WrongState(MessageStatus Status, IMessageChangeRequest Change) : UseCaseFailure;

    /// <summary>A paused one-time message whose time passed meanwhile cannot be resumed; <paramref name="Message"/> as it stays.</summary>
    public sealed record MissedWhilePaused(ScheduledMessageDto Message) : UseCaseFailure;

    /// <summary>The requested <paramref name="Time"/> (wall clock of <paramref name="ZoneId"/>) is not after <paramref name="Now"/>.</summary>
    public sealed record TimeInPast(LocalDateTime Time, string ZoneId, LocalDateTime Now) : UseCaseFailure;

    /// <summary>The first send <paramref name="Time"/> (chat's wall clock) is further ahead than anyone means.</summary>
    public sealed record TooFarAhead(LocalDateTime Time) : UseCaseFailure;

    /// <summary>The chat already has <paramref name="Open"/> schedules still to be sent, and <paramref name="Limit"/> is the most allowed.</summary>
    public sealed record LimitReached(int Open, int Limit) : UseCaseFailure;

    /// <summary>
    /// In a group, the requester already has <paramref name="Open"/> schedules still to be sent and
    /// <paramref name="Limit"/> is one member's share of the group's <paramref name="ChatLimit"/>.
    /// </summary>
    public sealed record MemberLimitReached(int Open, int Limit, int ChatLimit) : UseCaseFailure;

    /// <summary>In a group, only an administrator may make this change (the chat's time zone).</summary>
    public sealed record AdministratorsOnly : UseCaseFailure;
}
