using ScheduledMessages.Integration.Fixtures;

namespace ScheduledMessages.Integration.Persistence;

/// <summary>The <see cref="InstanceHeartbeatTests"/> contract on SQLite.</summary>
public sealed class SqliteInstanceHeartbeatTests : InstanceHeartbeatTests, IClassFixture<SqliteFixture>
{
    public SqliteInstanceHeartbeatTests(SqliteFixture db)
        : base(db)
    {
    }
}
