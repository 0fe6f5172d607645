namespace ScheduledMessages.Infrastructure.StandIns;

/// <summary>
/// Stands for an Infrastructure type (the layer has none yet): to NetArchTest a dependency is its
/// namespace, so using this is what using Infrastructure looks like. Lives only in the test assembly.
/// </summary>
public sealed class RepositoryStandIn
{
    public int Saved { get; init; }
}
