using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TeleCmi.Migrations.MySql.Migrations
{
    /// <inheritdoc />
    public partial class CallListKeysetIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // New indexes first: MySQL will not drop the index a foreign key (AgentId, DriverId) uses until another serves it.
            migrationBuilder.CreateIndex(
                name: "IX_call_logs_AgentId_CreatedAt_Id",
                table: "call_logs",
                columns: new[] { "AgentId", "CreatedAt", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_call_logs_CreatedAt_Id",
                table: "call_logs",
                columns: new[] { "CreatedAt", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_call_logs_DriverId_CreatedAt_Id",
                table: "call_logs",
                columns: new[] { "DriverId", "CreatedAt", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_call_logs_Status_CreatedAt_Id",
                table: "call_logs",
                columns: new[] { "Status", "CreatedAt", "Id" });

            migrationBuilder.DropIndex(
                name: "IX_call_logs_AgentId_CreatedAt",
                table: "call_logs");

            migrationBuilder.DropIndex(
                name: "IX_call_logs_CreatedAt",
                table: "call_logs");

            migrationBuilder.DropIndex(
                name: "IX_call_logs_DriverId_CreatedAt",
                table: "call_logs");

            migrationBuilder.DropIndex(
                name: "IX_call_logs_Status_CreatedAt",
                table: "call_logs");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            // New indexes first: MySQL will not drop the index a foreign key (AgentId, DriverId) uses until another serves it.
            migrationBuilder.CreateIndex(
                name: "IX_call_logs_AgentId_CreatedAt",
                table: "call_logs",
                columns: new[] { "AgentId", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_call_logs_CreatedAt",
                table: "call_logs",
                column: "CreatedAt");

            migrationBuilder.CreateIndex(
                name: "IX_call_logs_DriverId_CreatedAt",
                table: "call_logs",
                columns: new[] { "DriverId", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_call_logs_Status_CreatedAt",
                table: "call_logs",
                columns: new[] { "Status", "CreatedAt" });

            migrationBuilder.DropIndex(
                name: "IX_call_logs_AgentId_CreatedAt_Id",
                table: "call_logs");

            migrationBuilder.DropIndex(
                name: "IX_call_logs_CreatedAt_Id",
                table: "call_logs");

            migrationBuilder.DropIndex(
                name: "IX_call_logs_DriverId_CreatedAt_Id",
                table: "call_logs");

            migrationBuilder.DropIndex(
                name: "IX_call_logs_Status_CreatedAt_Id",
                table: "call_logs");
        }
    }
}
