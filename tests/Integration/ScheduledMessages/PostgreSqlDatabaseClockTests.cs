using ScheduledMessages.Integration.Fixtures;

namespace ScheduledMessages.Integration.ScheduledMessages;

/// <summary>The <see cref="DatabaseClockTests"/> contract on PostgreSQL.</summary>
public sealed class PostgreSqlDatabaseClockTests : DatabaseClockTests, IClassFixture<PostgresFixture>
{
    public PostgreSqlDatabaseClockTests(PostgresFixture db)
        : base(db)
    {
    }
}
