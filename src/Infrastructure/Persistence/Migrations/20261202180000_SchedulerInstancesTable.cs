using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ScheduledMessages.Infrastructure.Persistence.Migrations
{
    /// <summary>
    /// The heartbeat table of the instances alive (ADR 0805). Raw SQL, outside the EF model: only
    /// <see cref="InstanceHeartbeats"/> reads and writes it, so the model snapshot does not change.
    /// </summary>
    [DbContext(typeof(SchedulerDbContext))]
    [Migration("20261202180000_SchedulerInstancesTable")]
    public partial class SchedulerInstancesTable : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(
                """
                CREATE TABLE scheduler_instances (
                    id text NOT NULL PRIMARY KEY,
                    started_at timestamp with time zone NOT NULL,
                    last_heartbeat_at timestamp with time zone NOT NULL)
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TABLE scheduler_instances");
        }
    }
}
