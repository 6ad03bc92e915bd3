using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TeleCmi.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class ReportCoveringIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_call_logs_Reports",
                table: "call_logs",
                columns: new[] { "CreatedAt", "Status", "Outcome", "TalkSeconds", "AgentDurationSeconds", "AgentId", "Provider" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_call_logs_Reports",
                table: "call_logs");
        }
    }
}
