using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ScheduledMessages.Infrastructure.Persistence.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class DispatchAtScale : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "ix_scheduled_messages_finished",
                table: "scheduled_messages",
                column: "scheduled_time",
                filter: "status IN ('sent', 'cancelled')");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_scheduled_messages_finished",
                table: "scheduled_messages");
        }
    }
}
