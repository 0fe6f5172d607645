using ScheduledMessages.Integration.Fixtures;

namespace ScheduledMessages.Integration.Performance;

/// <summary>The PostgreSQL table is vacuumed at the pace of its churn, not PostgreSQL's default 20%.</summary>
public sealed class AutovacuumTests : IClassFixture<PostgresFixture>
{
    private readonly PostgresFixture _db;

    public AutovacuumTests(PostgresFixture db) => _db = db;

    [Fact]
    public async Task The_scheduled_messages_table_carries_its_own_autovacuum_settings()
    {
        var rows = await _db.QueryAsync("SELECT unnest(reloptions) AS option FROM pg_class WHERE relname = 'scheduled_messages'");

        Assert.Equal(
            ["autovacuum_analyze_scale_factor=0.02", "autovacuum_analyze_threshold=1000", "autovacuum_vacuum_scale_factor=0.01", "autovacuum_vacuum_threshold=1000"],
            rows.Select(r => (string)r["option"]!).Order());
    }
}
