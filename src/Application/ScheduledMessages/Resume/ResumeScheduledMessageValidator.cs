using FluentValidation;
using ScheduledMessages.Domain.ScheduledMessages;

namespace ScheduledMessages.Application.ScheduledMessages.Resume;

/// <summary>A resume request names a message and a chat.</summary>
public sealed class ResumeScheduledMessageValidator : AbstractValidator<ResumeScheduledMessage>
{
    public ResumeScheduledMessageValidator()
    {
        RuleFor(x => x.Message).Must(message => !message.IsEmpty).WithMessage("Say which message to resume: give its id from the list.");
        RuleFor(x => x.ChatId).NotEqual(0).WithMessage(ScheduledMessageErrors.MissingChat.Message);
    }
}
