namespace ScheduledMessages.Application.Common;

/// <summary>A refused request: its kind and one or more messages a chat user understands.</summary>
public sealed record UseCaseFailure
{
    public UseCaseFailure(FailureKind kind, IReadOnlyList<string> messages)
    {
        if (messages.Count == 0)
        {
            throw new ArgumentException("A failure names at least one problem.", nameof(messages));
        }

        Kind = kind;
        Messages = messages;
    }

    public FailureKind Kind { get; }

    public IReadOnlyList<string> Messages { get; }

    /// <summary>All messages on separate lines, ready to show.</summary>
    public string Text => string.Join(Environment.NewLine, Messages);

    public bool Equals(UseCaseFailure? other) =>
        other is not null && Kind == other.Kind && Messages.SequenceEqual(other.Messages);

    public override int GetHashCode() => HashCode.Combine(Kind, Messages.Count);

    public override string ToString() => $"{Kind}: {string.Join(" | ", Messages)}";
}
