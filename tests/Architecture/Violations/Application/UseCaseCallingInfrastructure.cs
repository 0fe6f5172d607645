using ScheduledMessages.Infrastructure.StandIns;

namespace ScheduledMessages.Architecture.Violations.Application;

/// <summary>Breaks the application rule: an outer layer (Infrastructure) used directly.</summary>
public sealed class UseCaseCallingInfrastructure
{
    public RepositoryStandIn? Repository { get; init; }
}
