using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ScheduledMessages.Infrastructure.Persistence.Sqlite.Migrations
{
    /// <summary>
    /// The heartbeat table of the instances alive (ADR 0805), on SQLite (instants as InstantText).
    /// Raw SQL, outside the EF model: the model snapshot does not change.
    /// </summary>
    [DbContext(typeof(SqliteSchedulerDbContext))]
    [Migration("20261202180001_SchedulerInstancesTable")]
    public partial class SchedulerInstancesTable : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(
                """
                CREATE TABLE scheduler_instances (
                    id TEXT NOT NULL PRIMARY KEY,
                    started_at TEXT NOT NULL,
                    last_heartbeat_at TEXT NOT NULL)
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TABLE scheduler_instances");
        }
    }
}
