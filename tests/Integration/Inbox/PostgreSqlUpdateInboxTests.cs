using ScheduledMessages.Integration.Fixtures;

namespace ScheduledMessages.Integration.Inbox;

/// <summary>The <see cref="UpdateInboxTests"/> contract on PostgreSQL.</summary>
public sealed class PostgreSqlUpdateInboxTests(PostgresFixture db) : UpdateInboxTests(db), IClassFixture<PostgresFixture>;
