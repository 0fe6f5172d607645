using Mediator;
using Microsoft.Extensions.Options;
using NodaTime;
using NodaTime.Text;
using ScheduledMessages.Application.Abstractions;
using ScheduledMessages.Application.Chats;
using ScheduledMessages.Application.Common;
using ScheduledMessages.Application.ScheduledMessages.Specifications;
using ScheduledMessages.Domain.Common;
using ScheduledMessages.Domain.ScheduledMessages;

namespace ScheduledMessages.Application.ScheduledMessages.Create;

/// <summary>Stores a new schedule at its first occurrence in the chat's zone and wakes the worker.</summary>
public sealed class CreateScheduledMessageHandler : ICommandHandler<CreateScheduledMessage, UseCaseResult<ScheduledMessageDto>>
{
    /// <summary>Further ahead than this is surely a typo (a year 2205, say).</summary>
    public static readonly Duration MaxAhead = Duration.FromDays(3653);

    private static readonly LocalDateTimePattern TimePattern = LocalDateTimePattern.CreateWithInvariantCulture("yyyy-MM-dd HH:mm");

    private readonly IScheduledMessageRepository _repository;
    private readonly ChatTimeZones _zones;
    private readonly IClock _clock;
    private readonly IDispatchSignal _signal;
    private readonly ScheduledMessageMapper _mapper;
    private readonly IOptions<SchedulerOptions> _options;

    public CreateScheduledMessageHandler(
        IScheduledMessageRepository repository,
        ChatTimeZones zones,
        IClock clock,
        IDispatchSignal signal,
        ScheduledMessageMapper mapper,
        IOptions<SchedulerOptions> options)
    {
        _repository = repository;
        _zones = zones;
        _clock = clock;
        _signal = signal;
        _mapper = mapper;
        _options = options;
    }

    public async ValueTask<UseCaseResult<ScheduledMessageDto>> Handle(CreateScheduledMessage command, CancellationToken cancellationToken)
    {
        var (zone, _) = await _zones.ForChatAsync(command.ChatId, cancellationToken);
        var now = _clock.GetCurrentInstant();

        Instant? first;
        if (command.At is { } at)
        {
            var start = ZoneTime.Resolve(at, zone);
            if (start <= now)
            {
                return UseCaseResult<ScheduledMessageDto>.Invalid(
                    $"{TimePattern.Format(at)} ({zone.Id}) is already past; it is now {TimePattern.Format(now.InZone(zone).LocalDateTime)}. Pick a time in the future.");
            }

            // A recurring schedule starts at its first match from the given time on.
            first = command.Recurrence.IsRecurring
                ? command.Recurrence.NextAfter(start, start - Duration.Epsilon, zone)
                : start;
        }
        else
        {
            first = command.Recurrence.FirstAfter(now, zone);
        }

        if (first is not { } firstOccurrence)
        {
            return UseCaseResult<ScheduledMessageDto>.Invalid("A one-time message needs a date and time, e.g. 2030-06-01 09:00.");
        }

        if (firstOccurrence - now > MaxAhead)
        {
            return UseCaseResult<ScheduledMessageDto>.Invalid(
                $"{TimePattern.Format(firstOccurrence.InZone(zone).LocalDateTime)} is more than 10 years ahead; pick an earlier time.");
        }

        var limit = _options.Value.MaxActiveSchedulesPerChat;
        // Paused ones count too: resuming them must not take a chat past the limit.
        var open = await _repository.CountAsync(new OpenScheduledMessagesInChatSpec(command.ChatId), cancellationToken);
        if (open >= limit)
        {
            return UseCaseResult<ScheduledMessageDto>.Invalid(
                $"This chat already has {open} schedules still to be sent (paused ones included), the most allowed is {limit}. Cancel some before adding more.");
        }

        // A random id, not a time-ordered one: its first 8 hex digits are the short id people type,
        // and those of time-ordered ids made in the same minute would all be alike.
        var created = ScheduledMessage.Create(
            Guid.NewGuid(),
            command.ChatId,
            command.UserId,
            command.Content,
            command.Recurrence,
            firstOccurrence,
            now,
            command.Priority,
            command.DeliveryWindow,
            zone.Id);
        if (created.IsFailure)
        {
            return UseCaseResult<ScheduledMessageDto>.Invalid(created.Error!.Message);
        }

        _repository.Add(created.Value);
        await _repository.SaveChangesAsync(cancellationToken);
        _signal.Notify();
        return _mapper.ToDto(created.Value, zone);
    }
}
