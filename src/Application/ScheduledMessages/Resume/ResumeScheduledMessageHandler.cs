using Mediator;
using NodaTime;
using ScheduledMessages.Application.Abstractions;
using ScheduledMessages.Application.Common;
using ScheduledMessages.Domain.Common;
using ScheduledMessages.Domain.ScheduledMessages;

namespace ScheduledMessages.Application.ScheduledMessages.Resume;

/// <summary>
/// Resumes a paused message of the requesting chat, in the zone it was scheduled in, and wakes
/// the worker, since it may now be due sooner than anything else.
/// </summary>
public sealed class ResumeScheduledMessageHandler : ICommandHandler<ResumeScheduledMessage, UseCaseResult<ScheduledMessageDto>>
{
    private readonly MessageChange _change;
    private readonly IClock _clock;
    private readonly IDispatchSignal _signal;

    public ResumeScheduledMessageHandler(MessageChange change, IClock clock, IDispatchSignal signal)
    {
        _change = change;
        _clock = clock;
        _signal = signal;
    }

    public async ValueTask<UseCaseResult<ScheduledMessageDto>> Handle(ResumeScheduledMessage command, CancellationToken cancellationToken)
    {
        var result = await _change.ApplyAsync(command, Resume, cancellationToken);
        if (result.IsSuccess)
        {
            _signal.Notify();
        }

        return result;
    }

    private Result Resume(ScheduledMessage message, DateTimeZone chatZone)
    {
        var zone = MessageZones.Of(message, chatZone);
        return message.Resume(_clock.GetCurrentInstant(), zone);
    }
}
