using ScheduledMessages.Integration.Fixtures;

namespace ScheduledMessages.Integration.Performance;

/// <summary>The <see cref="PruningTests"/> contract on PostgreSQL.</summary>
public sealed class PostgreSqlPruningTests : PruningTests, IClassFixture<PostgresFixture>
{
    public PostgreSqlPruningTests(PostgresFixture db)
        : base(db)
    {
    }
}
