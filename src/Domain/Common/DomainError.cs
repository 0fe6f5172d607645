namespace ScheduledMessages.Domain.Common;

/// <summary>A rule of the domain that an operation would break, with words a chat user understands.</summary>
public sealed record DomainError(string Code, string Message)
{
    public override string ToString() => $"{Code}: {Message}";
}
