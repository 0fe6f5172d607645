using FluentValidation;
using NodaTime;
using ScheduledMessages.Domain.ScheduledMessages;

namespace ScheduledMessages.Application.ScheduledMessages.Create;

/// <summary>The rules a schedule request must meet before anything is stored.</summary>
public sealed class CreateScheduledMessageValidator : AbstractValidator<CreateScheduledMessage>
{
    /// <summary>A longer window means "no limit": leave it out instead.</summary>
    public static readonly Duration MaxDeliveryWindow = Duration.FromDays(365);

    /// <summary>Also the answer when a schedule would never be due at all.</summary>
    public const string NeedsDateAndTime = "A one-time message needs a date and time, e.g. 2030-06-01 09:00.";

    public CreateScheduledMessageValidator()
    {
        RuleFor(x => x.ChatId).NotEqual(0).WithMessage(ScheduledMessageErrors.MissingChat.Message);

        RuleFor(x => x.Content)
            .Must(content => !string.IsNullOrWhiteSpace(content))
            .WithMessage(ScheduledMessageErrors.EmptyContent.Message);

        RuleFor(x => x.Content)
            .Must(content => content is null || content.Length <= ScheduledMessage.MaxContentLength)
            .WithMessage(x => $"The message text is {x.Content.Length} characters long; Telegram allows at most {ScheduledMessage.MaxContentLength}.");

        RuleFor(x => x.Content)
            .Must(content => content is null || MessageTemplate.Validate(content) is null)
            .WithMessage(x => MessageTemplate.Validate(x.Content)?.Message ?? string.Empty);

        RuleFor(x => x.Priority)
            .InclusiveBetween(ScheduledMessage.HighestPriority, ScheduledMessage.LowestPriority)
            .WithMessage(ScheduledMessageErrors.PriorityOutOfRange.Message);

        RuleFor(x => x.DeliveryWindow)
            .Must(window => window is null || window.Value > Duration.Zero)
            .WithMessage(ScheduledMessageErrors.DeliveryWindowNotPositive.Message);

        RuleFor(x => x.DeliveryWindow)
            .Must(window => window is null || window.Value <= MaxDeliveryWindow)
            .WithMessage($"The delivery window can be at most {MaxDeliveryWindow.Days} days.");

        RuleFor(x => x.Recurrence).NotNull().WithMessage("Say how often to send it: once, daily, weekly, monthly or every N minutes.");

        RuleFor(x => x.At)
            .NotNull()
            .When(x => x.Recurrence is { IsRecurring: false })
            .WithMessage(NeedsDateAndTime);
    }
}
