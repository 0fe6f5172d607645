using ScheduledMessages.Integration.Fixtures;

namespace ScheduledMessages.Integration.ScheduledMessages;

/// <summary>The <see cref="DatabaseClockTests"/> contract on SQLite (a temporary file; its clock is this machine's, the app's is faked off it).</summary>
public sealed class SqliteDatabaseClockTests : DatabaseClockTests, IClassFixture<SqliteFixture>
{
    public SqliteDatabaseClockTests(SqliteFixture db)
        : base(db)
    {
    }
}
