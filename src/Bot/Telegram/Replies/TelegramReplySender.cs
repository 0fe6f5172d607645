using Microsoft.Extensions.Options;
using ScheduledMessages.Infrastructure.Telegram;
using Telegram.Bot;
using Telegram.Bot.Exceptions;

namespace ScheduledMessages.Bot.Telegram.Replies;

/// <summary>
/// Sends a reply with sendMessage after taking the chat's turn in <see cref="TelegramSendLimiter"/>,
/// the same limits scheduled messages keep; the send itself is bounded by
/// <see cref="TelegramOptions.RequestTimeout"/>. A 429 is returned with its retry_after, to be waited
/// out outside the chat's turn, so scheduled messages to the chat are not held up meanwhile.
/// </summary>
public sealed class TelegramReplySender(
    ITelegramBotClient bot,
    TelegramSendLimiter limiter,
    IOptions<TelegramOptions> options,
    SecretRedactor redactor) : IReplySender
{
    public async Task<ReplySendResult> SendAsync(OutgoingReply reply, CancellationToken cancellationToken)
    {
        using var turn = await limiter.WaitTurnAsync(reply.ChatId, cancellationToken);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(options.Value.RequestTimeout);
        try
        {
            await bot.SendMessage(reply.ChatId, reply.Text, replyMarkup: reply.Markup, cancellationToken: timeout.Token);
            return ReplySendResult.Sent;
        }
        catch (ApiRequestException e) when (e.ErrorCode == 429)
        {
            return ReplySendResult.RateLimited(TimeSpan.FromSeconds(Math.Max(1, e.Parameters?.RetryAfter ?? 1)));
        }
        catch (ApiRequestException e)
        {
            return ReplySendResult.Failed($"{e.ErrorCode} {redactor.Redact(e.Message)}");
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return ReplySendResult.Failed($"Telegram did not answer within {options.Value.RequestTimeout}");
        }
        catch (Exception e) when (e is RequestException or HttpRequestException)
        {
            return ReplySendResult.Failed($"{e.GetType().Name}: {redactor.Redact(e.Message)}");
        }
    }
}
