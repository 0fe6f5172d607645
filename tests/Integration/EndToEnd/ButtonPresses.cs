using System.Text.RegularExpressions;
using ScheduledMessages.Integration.Telegram;

namespace ScheduledMessages.Integration.EndToEnd;

/// <summary>Presses the bot's inline buttons as a Telegram client does, and reads what the press did.</summary>
public static partial class ButtonPresses
{
    /// <summary>
    /// Presses the button whose label starts with <paramref name="label"/> under message
    /// <paramref name="messageId"/>, as a user of <paramref name="pressedIn"/> (default: the chat
    /// the message is in); waits until the press is answered and returns the answer with the edit it made, if any.
    /// </summary>
    public static async Task<(AnsweredCallback Answer, MessageEdit? Edit)> PressAsync(
        BotFixture bot,
        long chatId,
        int messageId,
        IReadOnlyList<InlineButton> buttons,
        string label,
        long? pressedIn = null)
    {
        var button = buttons.FirstOrDefault(b => b.Text.StartsWith(label, StringComparison.Ordinal));
        Assert.True(button is not null, $"No button '{label}' among: {string.Join(", ", buttons.Select(b => b.Text))}");
        return await PressDataAsync(bot, pressedIn ?? chatId, messageId, button!.CallbackData!);
    }

    /// <summary>Sends a press with <paramref name="data"/> (which may be forged) and waits for its answer.</summary>
    public static async Task<(AnsweredCallback Answer, MessageEdit? Edit)> PressDataAsync(BotFixture bot, long chatId, int messageId, string data)
    {
        var editsBefore = bot.Api.Edits.Count;
        var id = bot.Api.EnqueueCallbackQuery(chatId, messageId, data);
        await bot.Api.WaitUntilAsync(d => d.AnsweredCallbacks.Any(a => a.CallbackQueryId == id), BotFixture.ReplyTimeout);
        var answer = bot.Api.AnsweredCallbacks.Single(a => a.CallbackQueryId == id);
        var edit = bot.Api.Edits.Skip(editsBefore).LastOrDefault(e => e.ChatId == chatId && e.MessageId == messageId);
        return (answer, edit);
    }

    /// <summary>Every full id a reply shows ("ID: ..."), in order.</summary>
    public static IReadOnlyList<Guid> IdsIn(string text) =>
        [.. FullId().Matches(text).Select(m => Guid.Parse(m.Groups["id"].Value))];

    [GeneratedRegex(@"ID: (?<id>[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})")]
    private static partial Regex FullId();
}
