using ScheduledMessages.Integration.Fixtures;

namespace ScheduledMessages.Integration.ScheduledMessages;

/// <summary>The <see cref="UseCaseTests"/> contract on PostgreSQL.</summary>
public sealed class PostgreSqlUseCaseTests : UseCaseTests, IClassFixture<PostgresFixture>
{
    public PostgreSqlUseCaseTests(PostgresFixture db)
        : base(db)
    {
    }
}
