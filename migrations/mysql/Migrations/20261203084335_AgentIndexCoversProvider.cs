using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TeleCmi.Migrations.MySql.Migrations
{
    /// <inheritdoc />
    public partial class AgentIndexCoversProvider : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // The new index first: the agents foreign key needs an index on AgentId at every moment (MySQL error 1553).
            migrationBuilder.CreateIndex(
                name: "IX_call_logs_AgentId_CreatedAt_Id_Provider",
                table: "call_logs",
                columns: new[] { "AgentId", "CreatedAt", "Id", "Provider" });

            migrationBuilder.DropIndex(
                name: "IX_call_logs_AgentId_CreatedAt_Id",
                table: "call_logs");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_call_logs_AgentId_CreatedAt_Id",
                table: "call_logs",
                columns: new[] { "AgentId", "CreatedAt", "Id" });

            migrationBuilder.DropIndex(
                name: "IX_call_logs_AgentId_CreatedAt_Id_Provider",
                table: "call_logs");
        }
    }
}
