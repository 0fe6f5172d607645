using FluentValidation;

namespace ScheduledMessages.Architecture.Violations.Validators;

/// <summary>
/// Breaks the validator rule: a validator two levels down (InlineValidator derives from
/// AbstractValidator) and not named ...Validator.
/// </summary>
public sealed class RenameInlineChecks : InlineValidator<RenameCommand>
{
    public RenameInlineChecks() => RuleFor(command => command.Name).MinimumLength(1);
}
