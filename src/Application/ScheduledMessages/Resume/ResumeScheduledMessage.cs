using Mediator;
using ScheduledMessages.Application.Common;

namespace ScheduledMessages.Application.ScheduledMessages.Resume;

/// <summary>Lets a paused message of the requesting chat be sent again (a recurring one from its next time after now).</summary>
public sealed record ResumeScheduledMessage(Guid Id, long ChatId, long? UserId) : ICommand<UseCaseResult<ScheduledMessageDto>>;
