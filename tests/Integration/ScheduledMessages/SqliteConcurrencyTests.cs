using ScheduledMessages.Integration.Fixtures;

namespace ScheduledMessages.Integration.ScheduledMessages;

/// <summary>The <see cref="ConcurrencyTests"/> contract on SQLite (a temporary file).</summary>
public sealed class SqliteConcurrencyTests : ConcurrencyTests, IClassFixture<SqliteFixture>
{
    public SqliteConcurrencyTests(SqliteFixture db)
        : base(db)
    {
    }
}
