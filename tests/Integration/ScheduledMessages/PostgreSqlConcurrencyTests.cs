using ScheduledMessages.Integration.Fixtures;

namespace ScheduledMessages.Integration.ScheduledMessages;

/// <summary>The <see cref="ConcurrencyTests"/> contract on PostgreSQL.</summary>
public sealed class PostgreSqlConcurrencyTests : ConcurrencyTests, IClassFixture<PostgresFixture>
{
    public PostgreSqlConcurrencyTests(PostgresFixture db)
        : base(db)
    {
    }
}
