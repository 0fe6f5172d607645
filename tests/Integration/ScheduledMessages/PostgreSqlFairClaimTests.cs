using ScheduledMessages.Integration.Fixtures;

namespace ScheduledMessages.Integration.ScheduledMessages;

/// <summary>The <see cref="FairClaimTests"/> contract on PostgreSQL.</summary>
public sealed class PostgreSqlFairClaimTests : FairClaimTests, IClassFixture<PostgresFixture>
{
    public PostgreSqlFairClaimTests(PostgresFixture db)
        : base(db)
    {
    }
}
