using ScheduledMessages.Integration.Fixtures;

namespace ScheduledMessages.Integration.ScheduledMessages;

/// <summary>The <see cref="DispatchTests"/> contract on PostgreSQL.</summary>
public sealed class PostgreSqlDispatchTests : DispatchTests, IClassFixture<PostgresFixture>
{
    public PostgreSqlDispatchTests(PostgresFixture db)
        : base(db)
    {
    }
}
