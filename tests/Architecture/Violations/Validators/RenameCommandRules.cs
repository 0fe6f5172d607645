using FluentValidation;

namespace ScheduledMessages.Architecture.Violations.Validators;

/// <summary>Breaks the validator rule: a sealed validator whose name hides what it is.</summary>
public sealed class RenameCommandRules : AbstractValidator<RenameCommand>
{
    public RenameCommandRules() => RuleFor(command => command.Name).NotNull();
}
