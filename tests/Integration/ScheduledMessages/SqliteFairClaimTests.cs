using ScheduledMessages.Integration.Fixtures;

namespace ScheduledMessages.Integration.ScheduledMessages;

/// <summary>The <see cref="FairClaimTests"/> contract on SQLite (a temporary file).</summary>
public sealed class SqliteFairClaimTests : FairClaimTests, IClassFixture<SqliteFixture>
{
    public SqliteFairClaimTests(SqliteFixture db)
        : base(db)
    {
    }
}
