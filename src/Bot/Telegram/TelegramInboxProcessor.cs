using System.Text.Json;
using Microsoft.Extensions.Options;
using ScheduledMessages.Application.Abstractions;
using ScheduledMessages.Bot.Conversations;
using ScheduledMessages.Infrastructure.Persistence.Inbox;
using Telegram.Bot.Types;

namespace ScheduledMessages.Bot.Telegram;

/// <summary>
/// Processes the inbox (ADR 0801): claims the oldest pending update of up to
/// <c>Inbox:Concurrency</c> chats, handles each in one transaction together with marking it done,
/// and sends its reply after the commit (the lease is held until then). A chat's updates go one
/// after another, in order; chats go concurrently. A transient failure retries the update after a growing wait (the chat's later
/// updates wait behind it, other chats do not); after <c>Inbox:MaxAttempts</c> tries, or at once
/// for a failure that is not transient, it is marked failed with the error kept. Any number of
/// instances may process one inbox. Woken when an update is stored here; polls otherwise.
/// </summary>
public sealed partial class TelegramInboxProcessor(
    IServiceScopeFactory scopes,
    TelegramInbox inbox,
    TelegramUpdateProcessor processor,
    IDispatchSignal dispatch,
    SecretRedactor redactor,
    IOptionsMonitor<InboxOptions> options,
    ILogger<TelegramInboxProcessor> logger) : BackgroundService
{
    private const int MaxErrorLength = 2000;

    /// <summary>Names this process's leases.</summary>
    public string ProcessorId { get; } = $"{Environment.MachineName}/{Environment.ProcessId}/inbox/{Guid.NewGuid():N}";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var running = new List<Task>();
        var failures = 0;
        while (!stoppingToken.IsCancellationRequested)
        {
            var settings = options.CurrentValue;
            var wait = settings.PollInterval;
            running.RemoveAll(t => t.IsCompleted);
            var free = settings.Concurrency - running.Count;
            if (free > 0)
            {
                try
                {
                    IReadOnlyList<ClaimedUpdate> claimed;
                    await using (var scope = scopes.CreateAsyncScope())
                    {
                        claimed = await scope.ServiceProvider.GetRequiredService<UpdateInbox>()
                            .ClaimAsync(ProcessorId, settings.LeaseDuration, free, stoppingToken);
                    }

                    failures = 0;
                    running.AddRange(claimed.Select(update => Task.Run(() => RunAsync(update, stoppingToken), CancellationToken.None)));
                }
                catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
                {
                    break;
                }
                catch (Exception e)
                {
                    failures++;
                    var pause = TimeSpan.FromSeconds(Math.Pow(2, Math.Min(failures, 6) - 1));
                    wait = pause < settings.RetryMaxDelay ? pause : settings.RetryMaxDelay;
                    LogClaimFailed(logger, failures, e.GetType().Name, redactor.Redact(e.Message), wait);
                }
            }

            try
            {
                // Woken by a stored update or a finished one (its chat's next may be waiting).
                await inbox.WaitAsync(wait, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }

        await Task.WhenAll(running);
    }

    private async Task RunAsync(ClaimedUpdate claimed, CancellationToken stoppingToken)
    {
        try
        {
            await ProcessAsync(claimed, stoppingToken);
        }
        catch (Exception) when (stoppingToken.IsCancellationRequested)
        {
            await ReleaseAsync(claimed);
        }
        catch (Exception e)
        {
            // Recording the outcome failed too (database down): the lease runs out and the update is taken up again.
            LogRecordFailed(logger, claimed.UpdateId, e.GetType().Name, redactor.Redact(e.Message));
        }
        finally
        {
            inbox.WakeUp();
        }
    }

    private async Task ProcessAsync(ClaimedUpdate claimed, CancellationToken stoppingToken)
    {
        var settings = options.CurrentValue;
        Update? update;
        try
        {
            update = TelegramInbox.Read(claimed.Payload);
        }
        catch (JsonException e)
        {
            update = null;
            LogUnreadable(logger, claimed.UpdateId, e.Message);
        }

        if (update is null)
        {
            await RecordAsync((inbox, ct) => inbox.FailAsync(claimed.UpdateId, ProcessorId, "The stored update is not a Telegram update.", ct), stoppingToken);
            return;
        }

        if (claimed.Attempts > settings.MaxAttempts)
        {
            // Claimed again and again without an outcome: the processor died each time (a crash, a kill).
            LogAbandoned(logger, claimed.UpdateId, claimed.Attempts - 1);
            await RecordAsync(
                (inbox, ct) => inbox.FailAsync(claimed.UpdateId, ProcessorId, $"Processing was interrupted {claimed.Attempts - 1} times.", ct),
                stoppingToken);
            return;
        }

        UpdateOutcome? outcome;
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var store = scope.ServiceProvider.GetRequiredService<UpdateInbox>();
            await using var transaction = await store.BeginAsync(stoppingToken);

            // First, so that the row stays locked while the update is handled (PostgreSQL).
            if (!await store.CompleteAsync(claimed.UpdateId, ProcessorId, stoppingToken))
            {
                LogLeaseLost(logger, claimed.UpdateId);
                return;
            }

            outcome = await processor.HandleAsync(update, scope.ServiceProvider, stoppingToken);
            await transaction.CommitAsync(stoppingToken);
        }
        catch (Exception e) when (!stoppingToken.IsCancellationRequested && (e is OperationCanceledException || TransientFailure.IsTransient(e)))
        {
            // A timeout of a call the command made counts as passing, like a database that did not answer.
            await FailedTransientlyAsync(claimed, update, e, stoppingToken);
            return;
        }
        catch (Exception e) when (!stoppingToken.IsCancellationRequested)
        {
            LogPermanent(logger, e, claimed.UpdateId, claimed.ChatId);
            await RecordAsync((inbox, ct) => inbox.FailAsync(claimed.UpdateId, ProcessorId, Describe(e), ct), stoppingToken);
            return;
        }

        try
        {
            if (outcome is not null)
            {
                // What the command stored is committed now: let the worker see it at once.
                dispatch.Notify();
                await processor.DeliverAsync(outcome, stoppingToken);
            }
        }
        finally
        {
            // Only now may the chat's next update be claimed, so its replies keep their order.
            await RecordAsync((inbox, ct) => inbox.EndLeaseAsync(claimed.UpdateId, ProcessorId, ct), CancellationToken.None);
        }
    }

    private async Task FailedTransientlyAsync(ClaimedUpdate claimed, Update update, Exception e, CancellationToken stoppingToken)
    {
        var error = Describe(e);
        if (TelegramUpdateProcessor.PressAgain(update) is { } pressAgain)
        {
            LogButtonTransient(logger, claimed.UpdateId, claimed.ChatId, e.GetType().Name);
            await RecordAsync((inbox, ct) => inbox.FailAsync(claimed.UpdateId, ProcessorId, error, ct), stoppingToken);
            await processor.DeliverAsync(pressAgain, stoppingToken);
            return;
        }

        var settings = options.CurrentValue;
        if (claimed.Attempts >= settings.MaxAttempts)
        {
            LogGivenUp(logger, claimed.UpdateId, claimed.ChatId, claimed.Attempts, e.GetType().Name);
            await RecordAsync((inbox, ct) => inbox.FailAsync(claimed.UpdateId, ProcessorId, error, ct), stoppingToken);
            return;
        }

        var delay = settings.RetryDelay(claimed.Attempts);
        LogRetry(logger, claimed.UpdateId, claimed.ChatId, claimed.Attempts, e.GetType().Name, delay);
        await RecordAsync((inbox, ct) => inbox.RetryLaterAsync(claimed.UpdateId, ProcessorId, delay, error, ct), stoppingToken);
    }

    private async Task RecordAsync(Func<UpdateInbox, CancellationToken, Task<bool>> record, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        await record(scope.ServiceProvider.GetRequiredService<UpdateInbox>(), cancellationToken);
    }

    private async Task ReleaseAsync(ClaimedUpdate claimed)
    {
        try
        {
            // Stopping: give the update back for another instance (or the next start) without counting the try.
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
            await RecordAsync((inbox, ct) => inbox.ReleaseAsync(claimed.UpdateId, ProcessorId, ct), timeout.Token);
        }
        catch (Exception e)
        {
            LogRecordFailed(logger, claimed.UpdateId, e.GetType().Name, redactor.Redact(e.Message));
        }
    }

    private string Describe(Exception e)
    {
        var text = redactor.Redact($"{e.GetType().Name}: {e.Message}");
        for (var inner = e.InnerException; inner is not null; inner = inner.InnerException)
        {
            text += redactor.Redact($" <- {inner.GetType().Name}: {inner.Message}");
        }

        return text.Length <= MaxErrorLength ? text : text[..MaxErrorLength];
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Claiming inbox updates failed ({Failures} in a row, {Error}: {Detail}); trying again in {Wait}")]
    private static partial void LogClaimFailed(ILogger logger, int failures, string error, string detail, TimeSpan wait);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not record the outcome of update {UpdateId} ({Error}: {Detail}); it is taken up again when its lease ends")]
    private static partial void LogRecordFailed(ILogger logger, long updateId, string error, string detail);

    [LoggerMessage(Level = LogLevel.Error, Message = "Update {UpdateId} in the inbox is not a Telegram update ({Error}); marked failed")]
    private static partial void LogUnreadable(ILogger logger, long updateId, string error);

    [LoggerMessage(Level = LogLevel.Error, Message = "Update {UpdateId} was interrupted {Times} times without an outcome; marked failed")]
    private static partial void LogAbandoned(ILogger logger, long updateId, int times);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Update {UpdateId} is no longer leased to this processor; left to its new holder")]
    private static partial void LogLeaseLost(ILogger logger, long updateId);

    [LoggerMessage(Level = LogLevel.Error, Message = "Update {UpdateId} of chat {ChatId} failed; marked failed")]
    private static partial void LogPermanent(ILogger logger, Exception exception, long updateId, long? chatId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "A button press (update {UpdateId}, chat {ChatId}) failed transiently ({Error}); asked to press again")]
    private static partial void LogButtonTransient(ILogger logger, long updateId, long? chatId, string error);

    [LoggerMessage(Level = LogLevel.Error, Message = "Update {UpdateId} of chat {ChatId} failed {Tries} times ({Error}); marked failed")]
    private static partial void LogGivenUp(ILogger logger, long updateId, long? chatId, int tries, string error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Update {UpdateId} of chat {ChatId} failed transiently (try {Tries}, {Error}); trying again in {Delay}")]
    private static partial void LogRetry(ILogger logger, long updateId, long? chatId, int tries, string error, TimeSpan delay);
}
