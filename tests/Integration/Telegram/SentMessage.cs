using System.Text.Json.Nodes;

namespace ScheduledMessages.Integration.Telegram;

/// <summary>A message the bot sent through the double (sendMessage), as received.</summary>
public sealed record SentMessage(
    int MessageId,
    long ChatId,
    string Text,
    string? ParseMode,
    string? ReplyMarkupJson,
    DateTimeOffset At)
{
    /// <summary>The inline keyboard's buttons, row by row flattened; empty when there is none.</summary>
    public IReadOnlyList<InlineButton> InlineButtons => InlineButton.From(ReplyMarkupJson);

    internal static string? Markup(JsonNode? node) => node?.ToJsonString();
}
