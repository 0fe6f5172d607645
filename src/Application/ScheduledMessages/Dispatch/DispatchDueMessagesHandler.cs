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
/// Claims a batch of due messages under a lease, sends each and applies the outcome to the
/// aggregate, then writes it only while the lease is still this worker's.
/// </summary>
public sealed class DispatchDueMessagesHandler : ICommandHandler<DispatchDueMessages, UseCaseResult<DispatchReport>>
{
    private const string SenderExceptionCode = "sender_exception";
    private const string UnreadableMetadataCode = "metadata_unreadable";

    private readonly IScheduledMessageRepository _repository;
    private readonly IMessageSender _sender;
    private readonly ChatTimeZones _zones;
    private readonly IClock _clock;
    private readonly SchedulerOptions _options;
    private readonly ILogger<DispatchDueMessagesHandler> _logger;

    public DispatchDueMessagesHandler(
        IScheduledMessageRepository repository,
        IMessageSender sender,
        ChatTimeZones zones,
        IClock clock,
        IOptions<SchedulerOptions> options,
        ILogger<DispatchDueMessagesHandler> logger)
    {
        _repository = repository;
        _sender = sender;
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

        var owner = command.WorkerId;
        var claimed = await _repository.ClaimDueAsync(
            owner,
            _clock.GetCurrentInstant(),
            Duration.FromTimeSpan(_options.LeaseDuration),
            _options.BatchSize,
            cancellationToken);

        var backoff = new BackoffPolicy(Duration.FromTimeSpan(_options.RetryBaseDelay), _options.MaxAttempts);
        var chatZones = await _zones.ForChatsAsync(
            [.. claimed.Where(m => TimeZones.Find(m.Metadata.TimeZoneId) is null).Select(m => m.ChatId).Distinct()],
            CancellationToken.None);

        var tally = new Tally();
        var unsent = new List<Guid>();
        foreach (var message in claimed)
        {
            // Shutdown: stop sending; the rest go back to the pool at once rather than after the lease.
            if (cancellationToken.IsCancellationRequested)
            {
                unsent.Add(message.Id);
                continue;
            }

            var zone = TimeZones.Find(message.Metadata.TimeZoneId)
                ?? chatZones.GetValueOrDefault(message.ChatId)
                ?? _zones.Default;

            await ProcessAsync(message, zone, backoff, tally);

            // The send happened: its outcome is written even when shutdown began meanwhile.
            if (!await _repository.SaveClaimedAsync(message, owner, CancellationToken.None))
            {
                tally.LostLeases++;
                _logger.LogWarning(
                    "Lease on message {MessageId} was lost by {Worker} before its outcome was written; the row was left as the new owner has it.",
                    message.Id,
                    owner);
            }
        }

        var released = unsent.Count == 0 ? 0 : await _repository.ReleaseAsync(unsent, owner, CancellationToken.None);
        var nextDue = await _repository.NextDueTimeAsync(CancellationToken.None);
        return new DispatchReport(
            claimed.Count,
            tally.Delivered,
            tally.Retried,
            tally.Failed,
            tally.Deferred,
            tally.Expired,
            tally.LostLeases,
            released,
            claimed.Count >= _options.BatchSize,
            nextDue);
    }

    private async Task ProcessAsync(ScheduledMessage message, DateTimeZone zone, BackoffPolicy backoff, Tally tally)
    {
        var now = _clock.GetCurrentInstant();
        if (!message.Metadata.IsReadable)
        {
            // Its recurrence is unknown, so sending could repeat it wrongly: fail it, keeping the row's data.
            message.RecordPermanentFailure(now, UnreadableMetadataCode, $"Its metadata could not be read: {message.Metadata.Problem}");
            tally.Failed++;
            _logger.LogWarning("Message {MessageId} has unreadable metadata ({Problem}); marked failed, not sent.", message.Id, message.Metadata.Problem);
            return;
        }

        if (message.IsPastDeliveryWindow(now))
        {
            message.SkipExpired(now, zone);
            tally.Expired++;
            if (_logger.IsEnabled(LogLevel.Information))
            {
                _logger.LogInformation("Message {MessageId} missed its delivery window; not sent.", message.Id);
            }
            return;
        }

        SendOutcome outcome;
        try
        {
            // Not cancelled by shutdown: a send in flight finishes so its outcome can be recorded.
            outcome = await _sender.SendAsync(message.ChatId, message.RenderContent(zone), CancellationToken.None);
        }
        catch (Exception e)
        {
            // The port promises outcomes, not exceptions; an adapter that throws anyway is treated as a passing fault.
            _logger.LogError(e, "Sending message {MessageId} threw; treated as a transient failure.", message.Id);
            outcome = SendOutcome.Transient(SenderExceptionCode, e.Message);
        }

        now = _clock.GetCurrentInstant();
        switch (outcome)
        {
            case DeliveredOutcome:
                message.MarkDelivered(now, zone);
                tally.Delivered++;
                break;
            case RateLimitedOutcome limited:
                message.Defer(now + Duration.FromTimeSpan(limited.RetryAfter));
                tally.Deferred++;
                break;
            case TransientErrorOutcome transient:
                message.RecordTransientFailure(now, transient.Code, transient.Description, backoff, zone);
                if (message.Status == MessageStatus.Rescheduled)
                {
                    tally.Retried++;
                }
                else
                {
                    tally.Failed++;
                }

                break;
            case PermanentErrorOutcome permanent:
                message.RecordPermanentFailure(now, permanent.Code, permanent.Description);
                tally.Failed++;
                break;
            default:
                throw new InvalidOperationException($"Unknown send outcome {outcome}.");
        }
    }

    private sealed class Tally
    {
        public int Delivered { get; set; }

        public int Retried { get; set; }

        public int Failed { get; set; }

        public int Deferred { get; set; }

        public int Expired { get; set; }

        public int LostLeases { get; set; }
    }
}
