using ScheduledMessages.Integration.Fixtures;

namespace ScheduledMessages.Integration.ScheduledMessages;

/// <summary>The <see cref="ManageUseCaseTests"/> contract on SQLite (a temporary file).</summary>
public sealed class SqliteManageUseCaseTests : ManageUseCaseTests, IClassFixture<SqliteFixture>
{
    public SqliteManageUseCaseTests(SqliteFixture db)
        : base(db)
    {
    }
}
