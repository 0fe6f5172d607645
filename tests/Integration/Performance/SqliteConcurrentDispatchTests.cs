using ScheduledMessages.Integration.Fixtures;

namespace ScheduledMessages.Integration.Performance;

/// <summary>The <see cref="ConcurrentDispatchTests"/> contract on SQLite.</summary>
public sealed class SqliteConcurrentDispatchTests : ConcurrentDispatchTests, IClassFixture<SqliteFixture>
{
    public SqliteConcurrentDispatchTests(SqliteFixture db)
        : base(db)
    {
    }
}
