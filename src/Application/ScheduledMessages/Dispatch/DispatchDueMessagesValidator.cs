using FluentValidation;

namespace ScheduledMessages.Application.ScheduledMessages.Dispatch;

/// <summary>A dispatch round names the worker that will hold the leases.</summary>
public sealed class DispatchDueMessagesValidator : AbstractValidator<DispatchDueMessages>
{
    public const int MaxWorkerIdLength = 200;

    public DispatchDueMessagesValidator()
    {
        RuleFor(x => x.WorkerId)
            .Must(id => !string.IsNullOrWhiteSpace(id))
            .WithMessage("The worker id is empty.");
        RuleFor(x => x.WorkerId)
            .Must(id => id is null || id.Length <= MaxWorkerIdLength)
            .WithMessage($"The worker id is longer than {MaxWorkerIdLength} characters.");
    }
}
