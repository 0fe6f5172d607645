using FluentValidation;
using ScheduledMessages.Domain.ScheduledMessages;

namespace ScheduledMessages.Application.ScheduledMessages.Pause;

/// <summary>A pause request names a message and a chat.</summary>
public sealed class PauseScheduledMessageValidator : AbstractValidator<PauseScheduledMessage>
{
    public PauseScheduledMessageValidator()
    {
        RuleFor(x => x.Message).Must(message => !message.IsEmpty).WithMessage("Say which message to pause: give its id from the list.");
        RuleFor(x => x.ChatId).NotEqual(0).WithMessage(ScheduledMessageErrors.MissingChat.Message);
    }
}
