using Mapster;

namespace ScheduledMessages.Architecture.Violations.Domain;

/// <summary>Breaks the domain rule: DTO mapping configuration inside the model.</summary>
public sealed class EntityMappedByMapster
{
    public TypeAdapterConfig? Mapping { get; init; }
}
