using NpgsqlTypes;

namespace ScheduledMessages.Architecture.Violations.Application;

/// <summary>Breaks the application rule through Npgsql's second namespace root, NpgsqlTypes.</summary>
public sealed class UseCaseTypedByNpgsqlDbType
{
    public NpgsqlDbType ColumnType { get; init; }
}
