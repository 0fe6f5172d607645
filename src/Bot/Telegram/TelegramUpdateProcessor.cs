using ScheduledMessages.Bot.Conversations;
using ScheduledMessages.Infrastructure.Telegram;
using Telegram.Bot;
using Telegram.Bot.Exceptions;
using Telegram.Bot.Types;
using Telegram.Bot.Types.Enums;
using Telegram.Bot.Types.ReplyMarkups;

namespace ScheduledMessages.Bot.Telegram;

/// <summary>
/// Turns a Telegram update into a conversation turn and sends the reply. Shared by long polling
/// and the webhook; throws only for transient failures, which must not be acknowledged.
/// </summary>
/// <remarks>
/// Replies count against Telegram's sending limits like scheduled messages do, so they take their
/// turn in the same limiter; a 429 that still comes is waited out and the reply resent.
/// </remarks>
public sealed partial class TelegramUpdateProcessor(
    IServiceScopeFactory scopes,
    ITelegramBotClient bot,
    TelegramSendLimiter limiter,
    BotIdentity identity,
    ILogger<TelegramUpdateProcessor> logger)
{
    /// <summary>Telegram's limit on a message's text.</summary>
    public const int MaxTextLength = 4096;

    private const int MaxReplyAttempts = 3;

    public async Task ProcessAsync(Update update, CancellationToken cancellationToken)
    {
        if (update.CallbackQuery is { } query)
        {
            await ProcessButtonAsync(query, cancellationToken);
            return;
        }

        if (update.Message is not { Text: { } text } message)
        {
            return;
        }

        var incoming = new IncomingMessage(
            message.Chat.Id,
            message.From?.Id,
            message.Chat.Type == ChatType.Private ? ChatKind.Private : ChatKind.Group,
            text,
            message.MessageId,
            message.SenderChat?.Id);

        if (identity.Username is null)
        {
            // An update can come before start-up has learnt the bot's username; without it a
            // group's "/help@OtherBot" would be taken as ours. If Telegram fails here, the update stays unacknowledged.
            identity.Username = (await bot.GetMe(cancellationToken)).Username;
        }

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
            await SendReplyAsync(incoming.ChatId, reply, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The command already took effect; resending the update would do it twice.
            LogReplyFailed(logger, incoming.ChatId, e.GetType().Name);
        }
    }

    /// <summary>
    /// A button press: carried out against the chat it was pressed in, the message it was under
    /// edited in place, and always answered (Telegram shows a spinner until then). A press is not
    /// worth a redelivery, so a transient failure is answered with "press again" and acknowledged.
    /// </summary>
    private async Task ProcessButtonAsync(CallbackQuery query, CancellationToken cancellationToken)
    {
        ButtonAnswer answer;
        if (query is not { Message: { } message, Data: { } data })
        {
            answer = ButtonAnswer.Note("This button no longer works.");
        }
        else
        {
            var incoming = new IncomingCallback(
                query.Id,
                message.Chat.Id,
                query.From.Id,
                message.Chat.Type == ChatType.Private ? ChatKind.Private : ChatKind.Group,
                message.MessageId,
                data);
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                answer = await scope.ServiceProvider.GetRequiredService<ConversationHandler>().HandleButtonAsync(incoming, cancellationToken);
            }
            catch (Exception e) when (e is not OperationCanceledException && TransientFailure.IsTransient(e))
            {
                LogButtonTransient(logger, incoming.ChatId, e.GetType().Name);
                answer = ButtonAnswer.Note("The database did not answer; nothing was changed. Please press again in a moment.");
            }

            if (answer.Edit is { } edit)
            {
                try
                {
                    await bot.EditMessageText(incoming.ChatId, message.MessageId, Fit(edit.Text), replyMarkup: ToMarkup(edit), cancellationToken: cancellationToken);
                }
                catch (ApiRequestException e)
                {
                    // "message is not modified" (pressed twice) or a message too old to edit: the press still took effect.
                    LogEditFailed(logger, incoming.ChatId, e.Message);
                }
            }
        }

        try
        {
            var notice = answer.Notice is { Length: > ButtonAnswer.MaxNoticeLength } tooLong
                ? tooLong[..(ButtonAnswer.MaxNoticeLength - 1)] + "…"
                : answer.Notice;
            await bot.AnswerCallbackQuery(query.Id, notice, cancellationToken: cancellationToken);
        }
        catch (ApiRequestException e)
        {
            // Too late to answer (Telegram waits about 15 s); nothing else to do.
            LogAnswerFailed(logger, e.Message);
        }
    }

    private static string Fit(string text) =>
        text.Length <= MaxTextLength ? text : text[..(MaxTextLength - 1)] + "…";

    private async Task SendReplyAsync(long chatId, BotReply reply, CancellationToken cancellationToken)
    {
        // Telegram refuses a longer text outright; a cut answer is better than none.
        var text = Fit(reply.Text);
        for (var attempt = 1; ; attempt++)
        {
            TimeSpan retryAfter;
            using (await limiter.WaitTurnAsync(chatId, cancellationToken))
            {
                try
                {
                    await bot.SendMessage(chatId, text, replyMarkup: ToMarkup(reply), cancellationToken: cancellationToken);
                    return;
                }
                catch (ApiRequestException e) when (e.ErrorCode == 429 && attempt < MaxReplyAttempts)
                {
                    retryAfter = TimeSpan.FromSeconds(Math.Max(1, e.Parameters?.RetryAfter ?? 1));
                }
            }

            // Waited outside the chat's turn, so scheduled messages to the chat are not held up meanwhile.
            LogReplyRateLimited(logger, chatId, retryAfter);
            await Task.Delay(retryAfter, cancellationToken);
        }
    }

    private static InlineKeyboardMarkup? ToMarkup(BotReply reply) =>
        reply.HasButtons
            ? new InlineKeyboardMarkup(reply.Buttons!.Select(row => row.Select(b => InlineKeyboardButton.WithCallbackData(b.Label, b.CallbackData))))
            : null;

    [LoggerMessage(Level = LogLevel.Warning, Message = "A button press in chat {ChatId} failed transiently ({Error}); asked to press again")]
    private static partial void LogButtonTransient(ILogger logger, long chatId, string error);

    [LoggerMessage(Level = LogLevel.Information, Message = "Could not edit the message a button was under in chat {ChatId}: {Error}")]
    private static partial void LogEditFailed(ILogger logger, long chatId, string error);

    [LoggerMessage(Level = LogLevel.Information, Message = "Could not answer a button press: {Error}")]
    private static partial void LogAnswerFailed(ILogger logger, string error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The reply to chat {ChatId} hit Telegram's rate limit; resending in {RetryAfter}")]
    private static partial void LogReplyRateLimited(ILogger logger, long chatId, TimeSpan retryAfter);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not send the reply to chat {ChatId}: {Error}")]
    private static partial void LogReplyFailed(ILogger logger, long chatId, string error);
}
