using ScheduledMessages.Integration.Fixtures;

namespace ScheduledMessages.Integration.Persistence;

/// <summary>The <see cref="InstanceHeartbeatTests"/> contract on PostgreSQL.</summary>
public sealed class PostgreSqlInstanceHeartbeatTests : InstanceHeartbeatTests, IClassFixture<PostgresFixture>
{
    public PostgreSqlInstanceHeartbeatTests(PostgresFixture db)
        : base(db)
    {
    }
}
