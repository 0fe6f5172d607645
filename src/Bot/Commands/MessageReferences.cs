using ScheduledMessages.Application.ScheduledMessages;
using ScheduledMessages.Grammar;

namespace ScheduledMessages.Bot.Commands;

/// <summary>Reads the message ids people type (full, or a short prefix); the use case finds the message they name in their chat.</summary>
public static class MessageReferences
{
    /// <summary>Reads <paramref name="token"/> as a reference to a message; what is wrong with it when it reads as none.</summary>
    public static string? Read(string token, out MessageReference reference) =>
        MessageReference.TryRead(token, out reference)
            ? null
            : Digits.HasOthers(token) ? Digits.Problem(ChatFormat.Preview(token))
            : $"'{ChatFormat.Preview(token)}' is not a message id. Give the short id from /scheduled (its first {MessageIds.MinPrefixLength} characters, e.g. 1a2b3c4d) or the full id.";

    /// <summary>What is wrong with <paramref name="token"/> as an id, or null when it reads as one.</summary>
    public static string? Problem(string token) => Read(token, out _);

    /// <summary>The whitespace-separated words of a command's arguments.</summary>
    public static string[] Words(string arguments) =>
        arguments.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
