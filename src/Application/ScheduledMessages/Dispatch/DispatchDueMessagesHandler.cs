using Mediator;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NodaTime;
using ScheduledMessages.Application.Abstractions;
using ScheduledMessages.Application.Chats;
using ScheduledMessages.Application.Common;
using ScheduledMessages.Domain.ScheduledMessages;

namespace ScheduledMessages.Application.ScheduledMessages.Dispatch;

/// <summary>
/// One dispatch round, composed of its parts: claims a <see cref="LeasedBatch"/>, sends it in
/// <see cref="ChatLanes"/>, and for each message settles it or sends it (only to a chat the
/// <see cref="ChatAllowList"/> allows) and applies the outcome (<see cref="DeliveryTransitions"/>);
/// the batch writes the outcomes and gives back what was not sent.
/// </summary>
public sealed partial class DispatchDueMessagesHandler : ICommandHandler<DispatchDueMessages, UseCaseResult<DispatchReport>>
{
    private const string SenderExceptionCode = "sender_exception";

    private readonly IDispatchStore _store;
    private readonly IMessageSender _sender;
    private readonly ChatAllowList _allowList;
    private readonly ChatTimeZones _zones;
    private readonly IDispatchClock _clock;
    private readonly SchedulerOptions _options;
    private readonly ILogger<DispatchDueMessagesHandler> _logger;

    public DispatchDueMessagesHandler(
        IDispatchStore store,
        IMessageSender sender,
        ChatAllowList allowList,
        ChatTimeZones zones,
        IDispatchClock clock,
        IOptions<SchedulerOptions> options,
        ILogger<DispatchDueMessagesHandler> logger)
    {
        _store = store;
        _sender = sender;
        _allowList = allowList;
        _zones = zones;
        _clock = clock;
        _options = options.Value;
        _logger = logger;
    }

    public async ValueTask<UseCaseResult<DispatchReport>> Handle(DispatchDueMessages command, CancellationToken cancellationToken)
    {
        if (cancellationToken.IsCancellationRequested)
        {
            return DispatchReport.Empty;
        }

        // The round's "now" is the store's, carried on by the monotonic timer (ADR 0804).
        var clock = await _clock.StartRoundAsync(cancellationToken);
        var lease = Duration.FromTimeSpan(_options.LeaseDuration);
        var size = RoundSize(_options.BatchSize, _sender.MessagesPerSecond);
        var batch = await LeasedBatch.ClaimAsync(_store, clock, _logger, command.WorkerId, lease, size, _options.MaxPerChatPerRound, cancellationToken);
        var tally = new Tally();
        var released = 0;
        if (batch.Messages.Count > 0)
        {
            var chatZones = await _zones.ForChatsAsync(
                [.. batch.Messages.Where(m => MessageZones.Own(m) is null).Select(m => m.ChatId).Distinct()],
                CancellationToken.None);
            var backoff = new BackoffPolicy(Duration.FromTimeSpan(_options.RetryBaseDelay), _options.MaxAttempts);
            var lanes = new ChatLanes(_options.SendConcurrency, _options.LaneTimeBudget);
            var unsent = await batch.RunAsync(
                (finished, stop) => lanes.RunAsync(
                    batch.Messages,
                    async message =>
                    {
                        var zone = MessageZones.Of(message, chatZones.GetValueOrDefault(message.ChatId) ?? _zones.Default);
                        tally.Add(await DeliverAsync(message, zone, backoff, clock));
                        finished(message);
                    },
                    stop),
                cancellationToken);
            released = await batch.ReleaseAsync(unsent);
        }

        var nextDue = await _store.NextDueTimeAsync(CancellationToken.None);
        var now = clock.GetCurrentInstant();
        return new DispatchReport(
            batch.Messages.Count,
            tally.Delivered,
            tally.Retried,
            tally.Failed,
            tally.Deferred,
            tally.Expired,
            batch.LostLeases,
            released,
            batch.Messages.Count >= size,
            nextDue,
            now);
    }

    /// <summary>
    /// How many messages a round claims: <paramref name="batchSize"/>, or about one second's worth
    /// when the sender is rate-limited to fewer. A round lasts as long as its slowest lane, so a
    /// short round lets a message that falls due meanwhile (or a busy chat's next one) be claimed
    /// within about a second instead of behind a batch that takes many seconds to send.
    /// </summary>
    public static int RoundSize(int batchSize, int? messagesPerSecond) =>
        messagesPerSecond is { } rate ? Math.Clamp(rate, 1, batchSize) : batchSize;

    /// <summary>Settles the message, or sends it and applies how it went.</summary>
    private async Task<DeliveryResult> DeliverAsync(ScheduledMessage message, DateTimeZone zone, BackoffPolicy backoff, IClock clock)
    {
        if (DeliveryTransitions.SettleUnsendable(message, clock.GetCurrentInstant(), zone) is { } settled)
        {
            if (settled == DeliveryResult.Unreadable)
            {
                LogUnreadable(_logger, message.Id, message.UnreadableReason);
            }
            else
            {
                LogExpired(_logger, message.Id);
            }

            return settled;
        }

        // Nothing is ever sent to a chat outside the allow-list, whoever wrote its row: it fails without an attempt at the platform.
        var outcome = _allowList.Allows(message.ChatId)
            ? await SendAsync(message, zone)
            : SendOutcome.Permanent(ChatAllowList.NotAllowedCode, $"Chat {message.ChatId} is not in {ChatAllowList.ConfigurationKey}.");
        return DeliveryTransitions.Apply(message, outcome, clock.GetCurrentInstant(), backoff, zone);
    }

    private async Task<SendOutcome> SendAsync(ScheduledMessage message, DateTimeZone zone)
    {
        try
        {
            // Not cancelled by shutdown: a send in flight finishes so its outcome can be recorded.
            return await _sender.SendAsync(message.ChatId, message.RenderContent(zone), CancellationToken.None);
        }
        catch (Exception e)
        {
            // The port promises outcomes, not exceptions; an adapter that throws anyway is treated as a passing fault.
            LogSenderThrew(_logger, e, message.Id);
            return SendOutcome.Transient(SenderExceptionCode, e.Message);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Message {MessageId} has unreadable metadata ({Problem}); marked failed, not sent.")]
    private static partial void LogUnreadable(ILogger logger, Guid messageId, string? problem);

    [LoggerMessage(Level = LogLevel.Information, Message = "Message {MessageId} missed its delivery window; not sent.")]
    private static partial void LogExpired(ILogger logger, Guid messageId);

    [LoggerMessage(Level = LogLevel.Error, Message = "Sending message {MessageId} threw; treated as a transient failure.")]
    private static partial void LogSenderThrew(ILogger logger, Exception exception, Guid messageId);

    /// <summary>Counts of one round; lanes add to it at once.</summary>
    private sealed class Tally
    {
        private int _delivered;
        private int _retried;
        private int _failed;
        private int _deferred;
        private int _expired;

        public int Delivered => _delivered;

        public int Retried => _retried;

        public int Failed => _failed;

        public int Deferred => _deferred;

        public int Expired => _expired;

        public void Add(DeliveryResult result)
        {
            switch (result)
            {
                case DeliveryResult.Delivered:
                    Interlocked.Increment(ref _delivered);
                    break;
                case DeliveryResult.Retried:
                    Interlocked.Increment(ref _retried);
                    break;
                case DeliveryResult.Deferred:
                    Interlocked.Increment(ref _deferred);
                    break;
                case DeliveryResult.Expired:
                    Interlocked.Increment(ref _expired);
                    break;
                case DeliveryResult.Failed or DeliveryResult.Unreadable:
                    Interlocked.Increment(ref _failed);
                    break;
                default:
                    throw new ArgumentOutOfRangeException(nameof(result), result, "Unknown delivery result.");
            }
        }
    }
}
