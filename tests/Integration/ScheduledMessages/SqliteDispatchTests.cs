using ScheduledMessages.Integration.Fixtures;

namespace ScheduledMessages.Integration.ScheduledMessages;

/// <summary>The <see cref="DispatchTests"/> contract on SQLite (a temporary file).</summary>
public sealed class SqliteDispatchTests : DispatchTests, IClassFixture<SqliteFixture>
{
    public SqliteDispatchTests(SqliteFixture db)
        : base(db)
    {
    }
}
