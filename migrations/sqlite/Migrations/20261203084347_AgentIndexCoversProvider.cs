using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TeleCmi.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class AgentIndexCoversProvider : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_call_logs_AgentId_CreatedAt_Id",
                table: "call_logs");

            migrationBuilder.CreateIndex(
                name: "IX_call_logs_AgentId_CreatedAt_Id_Provider",
                table: "call_logs",
                columns: new[] { "AgentId", "CreatedAt", "Id", "Provider" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_call_logs_AgentId_CreatedAt_Id_Provider",
                table: "call_logs");

            migrationBuilder.CreateIndex(
                name: "IX_call_logs_AgentId_CreatedAt_Id",
                table: "call_logs",
                columns: new[] { "AgentId", "CreatedAt", "Id" });
        }
    }
}
