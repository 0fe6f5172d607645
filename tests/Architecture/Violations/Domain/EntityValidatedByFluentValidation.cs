using FluentValidation;

namespace ScheduledMessages.Architecture.Violations.Domain;

/// <summary>Breaks the domain rule: invariants delegated to FluentValidation.</summary>
public sealed class EntityValidatedByFluentValidation
{
    public IValidator<string>? ContentValidator { get; init; }
}
