using FluentValidation;
using ScheduledMessages.Domain.ScheduledMessages;

namespace ScheduledMessages.Application.ScheduledMessages.CancelAll;

/// <summary>A cancel-all request names its chat, and only its chat's messages are touched.</summary>
public sealed class CancelAllScheduledMessagesValidator : AbstractValidator<CancelAllScheduledMessages>
{
    public CancelAllScheduledMessagesValidator() =>
        RuleFor(x => x.ChatId).NotEqual(0).WithMessage(ScheduledMessageErrors.MissingChat.Message);
}
