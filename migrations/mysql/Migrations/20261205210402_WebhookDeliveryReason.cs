using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TeleCmi.Migrations.MySql.Migrations
{
    /// <inheritdoc />
    public partial class WebhookDeliveryReason : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_webhook_deliveries_CallId",
                table: "webhook_deliveries");

            migrationBuilder.AddColumn<string>(
                name: "Reason",
                table: "webhook_deliveries",
                type: "varchar(300)",
                maxLength: 300,
                nullable: true)
                .Annotation("MySql:CharSet", "utf8mb4");

            // Deliveries stored before reasons were kept: say so rather than show none.
            migrationBuilder.Sql("UPDATE webhook_deliveries SET Reason = 'Stored before reasons were kept; replay it to learn why.' " +
                                 "WHERE `Match` IN ('Unmatched', 'Ignored', 'NoChange');");

            migrationBuilder.CreateIndex(
                name: "IX_webhook_deliveries_CallId_ReceivedAt",
                table: "webhook_deliveries",
                columns: new[] { "CallId", "ReceivedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_webhook_deliveries_CallId_ReceivedAt",
                table: "webhook_deliveries");

            migrationBuilder.DropColumn(
                name: "Reason",
                table: "webhook_deliveries");

            migrationBuilder.CreateIndex(
                name: "IX_webhook_deliveries_CallId",
                table: "webhook_deliveries",
                column: "CallId");
        }
    }
}
