using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TeleCmi.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class NotPlacedCalls : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // The new index first: the agents foreign key needs an index on AgentId at every moment (MySQL error 1553).
            migrationBuilder.CreateIndex(
                name: "IX_call_logs_AgentId_CreatedAt_Id_Provider_Status",
                table: "call_logs",
                columns: new[] { "AgentId", "CreatedAt", "Id", "Provider", "Status" });

            migrationBuilder.DropIndex(
                name: "IX_call_logs_AgentId_CreatedAt_Id_Provider",
                table: "call_logs");

            migrationBuilder.AddColumn<int>(
                name: "NotPlaced",
                table: "report_day_figures",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            // Attempts stored as failed before not_placed existed, recognised by the reason InitiateCall wrote for them,
            // become what they were; the rollup, a cache of call_logs, is emptied so that their days are counted again.
            migrationBuilder.Sql(
                "UPDATE call_logs SET Status = 'NotPlaced', Dispatch = 'NotPlaced' " +
                "WHERE Provider = 'TeleCmi' AND Status = 'Failed' AND Dispatch = 'Refused' " +
                "AND FailureReason LIKE 'TeleCMI unavailable, no call was placed:%';");
            migrationBuilder.Sql("DELETE FROM report_day_figures;");
            migrationBuilder.Sql("DELETE FROM report_days;");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(
                "UPDATE call_logs SET Status = 'Failed', Dispatch = 'Refused' WHERE Status = 'NotPlaced';");
            migrationBuilder.Sql("DELETE FROM report_day_figures;");
            migrationBuilder.Sql("DELETE FROM report_days;");

            migrationBuilder.DropColumn(
                name: "NotPlaced",
                table: "report_day_figures");

            migrationBuilder.CreateIndex(
                name: "IX_call_logs_AgentId_CreatedAt_Id_Provider",
                table: "call_logs",
                columns: new[] { "AgentId", "CreatedAt", "Id", "Provider" });

            migrationBuilder.DropIndex(
                name: "IX_call_logs_AgentId_CreatedAt_Id_Provider_Status",
                table: "call_logs");
        }
    }
}
