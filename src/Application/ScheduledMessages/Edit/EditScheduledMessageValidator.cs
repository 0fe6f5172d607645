using FluentValidation;
using ScheduledMessages.Domain.ScheduledMessages;

namespace ScheduledMessages.Application.ScheduledMessages.Edit;

/// <summary>The new text follows the same rules as a scheduled one: not empty, within Telegram's limit, a valid template.</summary>
public sealed class EditScheduledMessageValidator : AbstractValidator<EditScheduledMessage>
{
    public EditScheduledMessageValidator()
    {
        RuleFor(x => x.Message).Must(message => !message.IsEmpty).WithMessage("Say which message to edit: give its id from the list.");
        RuleFor(x => x.ChatId).NotEqual(0).WithMessage(ScheduledMessageErrors.MissingChat.Message);

        RuleFor(x => x.Content)
            .Must(content => !string.IsNullOrWhiteSpace(content))
            .WithMessage("The new text is empty: write it after the id.");

        RuleFor(x => x.Content)
            .Must(content => content is null || content.Length <= ScheduledMessage.MaxContentLength)
            .WithMessage(x => $"The new text is {x.Content.Length} characters long; Telegram allows at most {ScheduledMessage.MaxContentLength}.");

        RuleFor(x => x.Content)
            .Must(content => string.IsNullOrWhiteSpace(content) || MessageTemplate.Validate(content) is null)
            .WithMessage(x => MessageTemplate.Validate(x.Content)?.Message ?? string.Empty);
    }
}
