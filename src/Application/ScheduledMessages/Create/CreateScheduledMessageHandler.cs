using Mediator;
using Microsoft.Extensions.Options;
using NodaTime;
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

    private readonly IScheduledMessageRepository _repository;
    private readonly ChatTimeZones _zones;
    private readonly IClock _clock;
    private readonly IDispatchSignal _signal;
    private readonly IOptions<SchedulerOptions> _options;

    public CreateScheduledMessageHandler(
        IScheduledMessageRepository repository,
        ChatTimeZones zones,
        IClock clock,
        IDispatchSignal signal,
        IOptions<SchedulerOptions> options)
    {
        _repository = repository;
        _zones = zones;
        _clock = clock;
        _signal = signal;
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
                return new UseCaseFailure.TimeInPast(at, zone.Id, now.InZone(zone).LocalDateTime);
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
            return new UseCaseFailure.Invalid([CreateScheduledMessageValidator.NeedsDateAndTime]);
        }

        if (firstOccurrence - now > MaxAhead)
        {
            return new UseCaseFailure.TooFarAhead(firstOccurrence.InZone(zone).LocalDateTime);
        }

        var limit = _options.Value.MaxActiveSchedulesPerChat;
        // Paused ones count too: resuming them must not take a chat past the limit.
        var open = await _repository.CountAsync(new OpenScheduledMessagesInChatSpec(command.ChatId), cancellationToken);
        if (open >= limit)
        {
            return new UseCaseFailure.LimitReached(open, limit);
        }

        if (!command.IsPrivateChat && command.UserId is { } author)
        {
            // One member cannot fill a group's cap on their own.
            var memberLimit = _options.Value.MaxActiveSchedulesPerMember;
            var own = await _repository.CountAsync(new OpenScheduledMessagesInChatSpec(command.ChatId, author), cancellationToken);
            if (own >= memberLimit)
            {
                return new UseCaseFailure.MemberLimitReached(own, memberLimit, limit);
            }
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
            return new UseCaseFailure.Invalid([created.Error!.Message]);
        }

        _repository.Add(created.Value);
        await _repository.SaveChangesAsync(cancellationToken);
        _signal.Notify();
        return ScheduledMessageMapper.ToDto(created.Value, zone);
    }
}
