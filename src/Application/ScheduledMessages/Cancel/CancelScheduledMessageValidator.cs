using FluentValidation;
using ScheduledMessages.Domain.ScheduledMessages;

namespace ScheduledMessages.Application.ScheduledMessages.Cancel;

/// <summary>A cancel request names a message and a chat.</summary>
public sealed class CancelScheduledMessageValidator : AbstractValidator<CancelScheduledMessage>
{
    public CancelScheduledMessageValidator()
    {
        RuleFor(x => x.Message).Must(message => !message.IsEmpty).WithMessage("Say which message to cancel: give its id from the list.");
        RuleFor(x => x.ChatId).NotEqual(0).WithMessage(ScheduledMessageErrors.MissingChat.Message);
    }
}
