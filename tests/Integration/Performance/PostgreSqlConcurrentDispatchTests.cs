using ScheduledMessages.Integration.Fixtures;

namespace ScheduledMessages.Integration.Performance;

/// <summary>The <see cref="ConcurrentDispatchTests"/> contract on PostgreSQL.</summary>
public sealed class PostgreSqlConcurrentDispatchTests : ConcurrentDispatchTests, IClassFixture<PostgresFixture>
{
    public PostgreSqlConcurrentDispatchTests(PostgresFixture db)
        : base(db)
    {
    }
}
