using Telegram.Bot;
using Telegram.Bot.Args;
using Telegram.Bot.Exceptions;
using Telegram.Bot.Requests;
using Telegram.Bot.Requests.Abstractions;
using Telegram.Bot.Types;

namespace ScheduledMessages.Infrastructure.Telegram;

/// <summary>
/// The bot client every part of the bot uses: each Bot API call other than a send or a long poll
/// (getMe, getChatMember, answerCallbackQuery, editMessageText, setMyCommands, ...) gets
/// <see cref="TelegramOptions.ApiCallTimeout"/>, so a Telegram that hangs never stalls the bot; a
/// call that runs out of it throws <see cref="TimeoutException"/>, a transient failure.
/// </summary>
/// <remarks>
/// A send is bounded by its caller (<see cref="TelegramOptions.RequestTimeout"/>), and getUpdates by
/// the poll's own timeout; both are passed through unchanged. Cancellation by the caller stays an
/// <see cref="OperationCanceledException"/>.
/// </remarks>
public sealed class TimeBoundBotClient(ITelegramBotClient inner, TimeSpan apiCallTimeout) : ITelegramBotClient
{
    public bool LocalBotServer => inner.LocalBotServer;

    public long BotId => inner.BotId;

    public TimeSpan Timeout
    {
        get => inner.Timeout;
        set => inner.Timeout = value;
    }

    public IExceptionParser ExceptionsParser
    {
        get => inner.ExceptionsParser;
        set => inner.ExceptionsParser = value;
    }

    public event AsyncEventHandler<ApiRequestEventArgs>? OnMakingApiRequest
    {
        add => inner.OnMakingApiRequest += value;
        remove => inner.OnMakingApiRequest -= value;
    }

    public event AsyncEventHandler<ApiResponseEventArgs>? OnApiResponseReceived
    {
        add => inner.OnApiResponseReceived += value;
        remove => inner.OnApiResponseReceived -= value;
    }

    public async Task<TResponse> SendRequest<TResponse>(IRequest<TResponse> request, CancellationToken cancellationToken = default)
    {
        if (request is SendMessageRequest or GetUpdatesRequest)
        {
            return await inner.SendRequest(request, cancellationToken);
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(apiCallTimeout);
        try
        {
            return await inner.SendRequest(request, timeout.Token);
        }
        catch (OperationCanceledException e) when (!cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException($"Telegram did not answer {request.MethodName} within {apiCallTimeout}.", e);
        }
    }

    public Task<bool> TestApi(CancellationToken cancellationToken = default) => inner.TestApi(cancellationToken);

    public Task DownloadFile(string filePath, Stream destination, CancellationToken cancellationToken = default) =>
        inner.DownloadFile(filePath, destination, cancellationToken);

    public Task DownloadFile(TGFile file, Stream destination, CancellationToken cancellationToken = default) =>
        inner.DownloadFile(file, destination, cancellationToken);
}
