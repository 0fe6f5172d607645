using Ardalis.Specification;

namespace ScheduledMessages.Architecture.Violations.Domain;

/// <summary>Breaks the domain rule: Ardalis.Specification inside the model.</summary>
public sealed class EntityQueriedByASpecification
{
    public ISpecification<string>? Query { get; init; }
}
