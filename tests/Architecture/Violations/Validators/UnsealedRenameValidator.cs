using FluentValidation;

namespace ScheduledMessages.Architecture.Violations.Validators;

/// <summary>Breaks the validator rule: well named, but open for inheritance.</summary>
public class UnsealedRenameValidator : AbstractValidator<RenameCommand>
{
    public UnsealedRenameValidator() => RuleFor(command => command.Name).MaximumLength(64);
}
