using ScheduledMessages.Integration.Fixtures;

namespace ScheduledMessages.Integration.ScheduledMessages;

/// <summary>The <see cref="ManageUseCaseTests"/> contract on PostgreSQL.</summary>
public sealed class PostgreSqlManageUseCaseTests : ManageUseCaseTests, IClassFixture<PostgresFixture>
{
    public PostgreSqlManageUseCaseTests(PostgresFixture db)
        : base(db)
    {
    }
}
