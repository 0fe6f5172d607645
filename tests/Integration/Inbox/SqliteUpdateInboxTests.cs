using ScheduledMessages.Integration.Fixtures;

namespace ScheduledMessages.Integration.Inbox;

/// <summary>The <see cref="UpdateInboxTests"/> contract on SQLite.</summary>
public sealed class SqliteUpdateInboxTests(SqliteFixture db) : UpdateInboxTests(db), IClassFixture<SqliteFixture>;
