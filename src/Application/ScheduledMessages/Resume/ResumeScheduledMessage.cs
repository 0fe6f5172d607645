using Mediator;
using ScheduledMessages.Application.Common;

namespace ScheduledMessages.Application.ScheduledMessages.Resume;

/// <summary>Lets a paused message of the requesting chat be sent again (a recurring one from its next time after now).</summary>
public sealed record ResumeScheduledMessage(MessageReference Message, long ChatId, long? UserId, bool IsPrivateChat)
    : ICommand<UseCaseResult<ScheduledMessageDto>>, IMessageChangeRequest;
