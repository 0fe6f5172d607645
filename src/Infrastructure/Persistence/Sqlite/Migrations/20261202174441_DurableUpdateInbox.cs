using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ScheduledMessages.Infrastructure.Persistence.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class DurableUpdateInbox : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "inbound_updates",
                columns: table => new
                {
                    update_id = table.Column<long>(type: "INTEGER", nullable: false),
                    chat_id = table.Column<long>(type: "INTEGER", nullable: true),
                    payload = table.Column<string>(type: "TEXT", nullable: false),
                    status = table.Column<string>(type: "TEXT", nullable: false, defaultValueSql: "'pending'"),
                    attempts = table.Column<int>(type: "INTEGER", nullable: false, defaultValueSql: "0"),
                    next_attempt_at = table.Column<string>(type: "TEXT", nullable: false, defaultValueSql: "strftime('%Y-%m-%dT%H:%M:%f0000Z', 'now')"),
                    locked_by = table.Column<string>(type: "TEXT", nullable: true),
                    locked_until = table.Column<string>(type: "TEXT", nullable: true),
                    received_at = table.Column<string>(type: "TEXT", nullable: false, defaultValueSql: "strftime('%Y-%m-%dT%H:%M:%f0000Z', 'now')"),
                    finished_at = table.Column<string>(type: "TEXT", nullable: true),
                    last_error = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_inbound_updates", x => x.update_id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_inbound_updates_finished",
                table: "inbound_updates",
                column: "finished_at",
                filter: "status IN ('done', 'failed')");

            migrationBuilder.CreateIndex(
                name: "ix_inbound_updates_leased",
                table: "inbound_updates",
                column: "chat_id",
                filter: "locked_until IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_inbound_updates_pending",
                table: "inbound_updates",
                columns: new[] { "chat_id", "update_id" },
                filter: "status = 'pending'");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "inbound_updates");
        }
    }
}
