using Npgsql;

namespace ScheduledMessages.Architecture.Violations.Domain;

/// <summary>Breaks the domain rule: a database driver (Npgsql) inside the model.</summary>
public sealed class EntityOpeningANpgsqlConnection
{
    public NpgsqlConnection? Connection { get; init; }
}
