using Mediator;
using ScheduledMessages.Application.Common;
using ScheduledMessages.Application.ScheduledMessages;
using ScheduledMessages.Application.ScheduledMessages.Resolve;

namespace ScheduledMessages.Bot.Commands;

/// <summary>Reads the message ids people type (full, or a short prefix) and finds the message they name in their chat.</summary>
public static class MessageReferences
{
    /// <summary>What is wrong with <paramref name="token"/> as an id, or null when it reads as one.</summary>
    public static string? Problem(string token) =>
        MessageIds.TryRead(token, out _, out _)
            ? null
            : $"'{ChatFormat.Preview(token)}' is not a message id. Give the short id from /scheduled (its first {MessageIds.MinPrefixLength} characters, e.g. 1a2b3c4d) or the full id.";

    /// <summary>The one message of the chat that <paramref name="token"/> names; not found and ambiguous prefixes are failures to show.</summary>
    public static async ValueTask<UseCaseResult<ScheduledMessageDto>> ResolveAsync(
        IMediator mediator,
        long chatId,
        string token,
        CancellationToken cancellationToken) =>
        await mediator.Send(new ResolveScheduledMessageId(chatId, token), cancellationToken);

    /// <summary>The whitespace-separated words of a command's arguments.</summary>
    public static string[] Words(string arguments) =>
        arguments.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
