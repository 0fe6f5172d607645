using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ScheduledMessages.Infrastructure.Persistence.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class InitialSchema : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "chat_settings",
                columns: table => new
                {
                    chat_id = table.Column<long>(type: "INTEGER", nullable: false),
                    time_zone_id = table.Column<string>(type: "TEXT", nullable: false),
                    updated_at = table.Column<string>(type: "TEXT", nullable: false, defaultValueSql: "strftime('%Y-%m-%dT%H:%M:%f0000Z', 'now')")
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_chat_settings", x => x.chat_id);
                });

            migrationBuilder.CreateTable(
                name: "scheduled_messages",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false, collation: "NOCASE"),
                    patient_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    chat_id = table.Column<long>(type: "INTEGER", nullable: false),
                    created_by = table.Column<long>(type: "INTEGER", nullable: true),
                    message_content = table.Column<string>(type: "TEXT", nullable: false),
                    status = table.Column<string>(type: "TEXT", nullable: false),
                    scheduled_time = table.Column<string>(type: "TEXT", nullable: false),
                    created_at = table.Column<string>(type: "TEXT", nullable: false, defaultValueSql: "strftime('%Y-%m-%dT%H:%M:%f0000Z', 'now')"),
                    attempts = table.Column<int>(type: "INTEGER", nullable: false, defaultValueSql: "0"),
                    last_attempt_time = table.Column<string>(type: "TEXT", nullable: true),
                    priority = table.Column<int>(type: "INTEGER", nullable: false, defaultValueSql: "3"),
                    delivery_window_seconds = table.Column<int>(type: "INTEGER", nullable: true),
                    platform = table.Column<string>(type: "TEXT", nullable: false, defaultValueSql: "'telegram'"),
                    metadata = table.Column<string>(type: "TEXT", nullable: true),
                    locked_by = table.Column<string>(type: "TEXT", nullable: true),
                    locked_until = table.Column<string>(type: "TEXT", nullable: true),
                    recurrence_kind = table.Column<string>(type: "TEXT", nullable: true, computedColumnSql: "COALESCE(lower(trim(json_extract(metadata, '$.recurrence.type'))), 'once')", stored: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_scheduled_messages", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_scheduled_messages_chat_id_status",
                table: "scheduled_messages",
                columns: new[] { "chat_id", "status" });

            migrationBuilder.CreateIndex(
                name: "ix_scheduled_messages_due",
                table: "scheduled_messages",
                columns: new[] { "priority", "scheduled_time" },
                filter: "status IN ('pending', 'rescheduled')");

            migrationBuilder.CreateIndex(
                name: "ix_scheduled_messages_leased",
                table: "scheduled_messages",
                column: "locked_until",
                filter: "locked_until IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_scheduled_messages_next_due",
                table: "scheduled_messages",
                column: "scheduled_time",
                filter: "status IN ('pending', 'rescheduled')");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "chat_settings");

            migrationBuilder.DropTable(
                name: "scheduled_messages");
        }
    }
}
