using ScheduledMessages.Integration.Fixtures;

namespace ScheduledMessages.Integration.Performance;

/// <summary>The <see cref="PruningTests"/> contract on SQLite.</summary>
public sealed class SqlitePruningTests : PruningTests, IClassFixture<SqliteFixture>
{
    public SqlitePruningTests(SqliteFixture db)
        : base(db)
    {
    }
}
