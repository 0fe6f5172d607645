using System.Net;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ScheduledMessages.Application.Abstractions;
using Telegram.Bot;
using Telegram.Bot.Exceptions;

namespace ScheduledMessages.Infrastructure.Telegram;

/// <summary>
/// Sends a message as plain text with Telegram.Bot and says how it went, within Telegram's limits.
/// The client never retries on its own (RetryThreshold = 0): the dispatcher owns retries.
/// </summary>
public sealed partial class TelegramMessageSender : IMessageSender
{
    private readonly ITelegramBotClient _client;
    private readonly TelegramSendLimiter _limiter;
    private readonly TelegramOptions _options;
    private readonly ILogger<TelegramMessageSender> _logger;

    public TelegramMessageSender(
        ITelegramBotClient client,
        TelegramSendLimiter limiter,
        IOptions<TelegramOptions> options,
        ILogger<TelegramMessageSender> logger)
    {
        _client = client;
        _limiter = limiter;
        _options = options.Value;
        _logger = logger;
    }

    public int? MessagesPerSecond => _limiter.MessagesPerSecond;

    public async ValueTask<SendOutcome> SendAsync(long chatId, string text, CancellationToken cancellationToken)
    {
        using var turn = await _limiter.WaitTurnAsync(chatId, cancellationToken);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(_options.RequestTimeout);
        SendOutcome outcome;
        try
        {
            // No parse mode: the user's text is sent exactly as written.
            await _client.SendMessage(chatId, text, cancellationToken: timeout.Token);
            outcome = SendOutcome.Delivered;
        }
        catch (ApiRequestException e)
        {
            outcome = FromApiError(e.ErrorCode, Redact(e.Message), e.Parameters?.RetryAfter);
        }
        catch (RequestException e) when (!cancellationToken.IsCancellationRequested)
        {
            // No Bot API answer: a timeout, a network failure or a body that is not the Bot API's.
            outcome = IsTimeout(e)
                ? SendOutcome.Transient("timeout", "Telegram did not answer in time.")
                : SendOutcome.Transient(
                    e.HttpStatusCode is { } status ? $"http_{(int)status}" : "network",
                    Redact(Describe(e)));
        }
        catch (HttpRequestException e) when (!cancellationToken.IsCancellationRequested)
        {
            outcome = SendOutcome.Transient("network", Redact(e.Message));
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            outcome = SendOutcome.Transient("timeout", $"Telegram did not answer within {_options.RequestTimeout}.");
        }

        if (outcome is not DeliveredOutcome)
        {
            LogNotDelivered(_logger, chatId, outcome);
        }

        return outcome;
    }

    /// <summary>Maps a Bot API error answer to what the dispatcher should do about it.</summary>
    public static SendOutcome FromApiError(int errorCode, string description, int? retryAfterSeconds) => errorCode switch
    {
        429 => SendOutcome.RateLimited(TimeSpan.FromSeconds(Math.Max(1, retryAfterSeconds ?? 1))),
        403 => SendOutcome.Permanent("blocked", description),
        400 when description.Contains("chat not found", StringComparison.OrdinalIgnoreCase) =>
            SendOutcome.Permanent("chat_not_found", description),
        400 => SendOutcome.Permanent("bad_request", description),

        // A wrong token or server is the deployment's fault, not the message's: worth retrying later.
        401 => SendOutcome.Transient("unauthorized", description),
        404 => SendOutcome.Transient("not_found", description),
        >= 500 => SendOutcome.Transient($"http_{errorCode}", description),
        >= 400 and < 500 => SendOutcome.Permanent($"http_{errorCode}", description),
        _ => SendOutcome.Transient($"http_{errorCode}", description),
    };

    private static bool IsTimeout(RequestException e) =>
        e.HttpStatusCode == HttpStatusCode.RequestTimeout ||
        e.InnerException is TimeoutException or TaskCanceledException { InnerException: TimeoutException };

    private static string Describe(Exception e) =>
        e.InnerException is { } inner ? $"{e.Message}: {inner.Message}" : e.Message;

    /// <summary>Descriptions are stored and logged; the token must never be among them.</summary>
    private string Redact(string text) =>
        _options.BotToken is { Length: > 0 } token ? text.Replace(token, "***", StringComparison.Ordinal) : text;

    [LoggerMessage(Level = LogLevel.Warning, Message = "Sending to chat {ChatId} did not succeed: {Outcome}")]
    private static partial void LogNotDelivered(ILogger logger, long chatId, SendOutcome outcome);
}
