using FluentValidation;

namespace ScheduledMessages.Architecture.Violations.Validators;

/// <summary>Keeps the validator rule: sealed and named ...Validator.</summary>
public sealed class RenameCommandValidator : AbstractValidator<RenameCommand>
{
    public RenameCommandValidator() => RuleFor(command => command.Name).NotEmpty();
}
