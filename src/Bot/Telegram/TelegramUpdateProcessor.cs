using ScheduledMessages.Bot.Conversations;
using Telegram.Bot;
using Telegram.Bot.Types;
using Telegram.Bot.Types.Enums;
using Telegram.Bot.Types.ReplyMarkups;

namespace ScheduledMessages.Bot.Telegram;

/// <summary>
/// Turns a Telegram update into a conversation turn and sends the reply. Shared by long polling
/// and the webhook; throws only for transient failures, which must not be acknowledged.
/// </summary>
public sealed partial class TelegramUpdateProcessor(
    IServiceScopeFactory scopes,
    ITelegramBotClient bot,
    ILogger<TelegramUpdateProcessor> logger)
{
    public async Task ProcessAsync(Update update, CancellationToken cancellationToken)
    {
        if (update.Message is not { Text: { } text } message)
        {
            return;
        }

        var incoming = new IncomingMessage(
            message.Chat.Id,
            message.From?.Id,
            message.Chat.Type == ChatType.Private ? ChatKind.Private : ChatKind.Group,
            text,
            message.MessageId);

        BotReply? reply;
        await using (var scope = scopes.CreateAsyncScope())
        {
            reply = await scope.ServiceProvider.GetRequiredService<ConversationHandler>().HandleAsync(incoming, cancellationToken);
        }

        if (reply is null)
        {
            return;
        }

        try
        {
            await bot.SendMessage(
                incoming.ChatId,
                reply.Text,
                replyMarkup: ToMarkup(reply),
                cancellationToken: cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The command already took effect; resending the update would do it twice.
            LogReplyFailed(logger, incoming.ChatId, e.GetType().Name);
        }
    }

    private static InlineKeyboardMarkup? ToMarkup(BotReply reply) =>
        reply.HasButtons
            ? new InlineKeyboardMarkup(reply.Buttons!.Select(row => row.Select(b => InlineKeyboardButton.WithCallbackData(b.Label, b.CallbackData))))
            : null;

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not send the reply to chat {ChatId}: {Error}")]
    private static partial void LogReplyFailed(ILogger logger, long chatId, string error);
}
