using ScheduledMessages.Infrastructure.StandIns;

namespace ScheduledMessages.Architecture.Violations.Domain;

/// <summary>Breaks the domain rule: the model reaching into Infrastructure.</summary>
public sealed class EntitySavedByInfrastructure
{
    public RepositoryStandIn? Repository { get; init; }
}
