using ScheduledMessages.Infrastructure.StandIns;

namespace ScheduledMessages.Architecture.Violations.Grammar;

/// <summary>Breaks the grammar rule: reading words that looks something up in the store.</summary>
public sealed class ProductionLookingUpInfrastructure
{
    public RepositoryStandIn? Repository { get; init; }
}
