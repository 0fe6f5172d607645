using NpgsqlTypes;

namespace ScheduledMessages.Architecture.Violations.Domain;

/// <summary>Breaks the domain rule through Npgsql's second namespace root, NpgsqlTypes.</summary>
public sealed class EntityTypedByNpgsqlDbType
{
    public NpgsqlDbType ColumnType { get; init; }
}
