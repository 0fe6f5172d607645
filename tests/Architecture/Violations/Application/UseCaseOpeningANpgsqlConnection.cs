using Npgsql;

namespace ScheduledMessages.Architecture.Violations.Application;

/// <summary>Breaks the application rule: the PostgreSQL driver instead of a port.</summary>
public sealed class UseCaseOpeningANpgsqlConnection
{
    public NpgsqlDataSource? DataSource { get; init; }
}
