using ScheduledMessages.Integration.Fixtures;

namespace ScheduledMessages.Integration.ScheduledMessages;

/// <summary>The <see cref="UseCaseTests"/> contract on SQLite (a temporary file).</summary>
public sealed class SqliteUseCaseTests : UseCaseTests, IClassFixture<SqliteFixture>
{
    public SqliteUseCaseTests(SqliteFixture db)
        : base(db)
    {
    }
}
