using System.Text.Json.Nodes;

namespace ScheduledMessages.Integration.Telegram;

/// <summary>One button of an inline keyboard the bot attached to a message.</summary>
public sealed record InlineButton(string Text, string? CallbackData, string? Url)
{
    internal static IReadOnlyList<InlineButton> From(string? replyMarkupJson)
    {
        if (replyMarkupJson is null || JsonNode.Parse(replyMarkupJson)?["inline_keyboard"] is not JsonArray rows)
        {
            return [];
        }

        return [.. rows.OfType<JsonArray>()
            .SelectMany(row => row.OfType<JsonObject>())
            .Select(b => new InlineButton(
                b["text"]?.GetValue<string>() ?? string.Empty,
                b["callback_data"]?.GetValue<string>(),
                b["url"]?.GetValue<string>()))];
    }
}
