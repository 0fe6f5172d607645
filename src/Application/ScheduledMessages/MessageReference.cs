namespace ScheduledMessages.Application.ScheduledMessages;

/// <summary>
/// How a request names one message of its chat: by its full <see cref="Id"/>, or by a
/// <see cref="Prefix"/> of its id as people type it (see <see cref="MessageIds"/>). The use case
/// resolves it in the same query that loads the message.
/// </summary>
public readonly record struct MessageReference
{
    private MessageReference(Guid? id, string? prefix)
    {
        Id = id;
        Prefix = prefix;
    }

    /// <summary>The full id, when given.</summary>
    public Guid? Id { get; }

    /// <summary>Lower-case hex digits, <see cref="MessageIds.MinPrefixLength"/> to 31 of them, hyphens left out; when no full id is given.</summary>
    public string? Prefix { get; }

    /// <summary>True for the default value, which names nothing.</summary>
    public bool IsEmpty => (Id is null || Id == Guid.Empty) && Prefix is null;

    public static MessageReference To(Guid id) => new(id, null);

    /// <summary>Reads what someone typed (a full id or a hex prefix); false when it is neither.</summary>
    public static bool TryRead(string? text, out MessageReference reference)
    {
        var read = MessageIds.TryRead(text, out var id, out var prefix);
        reference = read ? new MessageReference(id, prefix) : default;
        return read;
    }

    public static implicit operator MessageReference(Guid id) => To(id);

    public override string ToString() => Id?.ToString() ?? Prefix ?? string.Empty;
}
