using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TeleCmi.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class AuditTrailAndRetention : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTime>(
                name: "ErasedAt",
                table: "drivers",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "PersonalDataRemovedAt",
                table: "call_logs",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "RecordingRemovedAt",
                table: "call_logs",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "audit_entries",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    OccurredAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ActorAgentId = table.Column<int>(type: "INTEGER", nullable: true),
                    EntityType = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    EntityId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Action = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Changes = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_audit_entries", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_call_logs_PersonalDataRemovedAt_CreatedAt",
                table: "call_logs",
                columns: new[] { "PersonalDataRemovedAt", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_call_logs_RecordingRemovedAt_CreatedAt",
                table: "call_logs",
                columns: new[] { "RecordingRemovedAt", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_audit_entries_EntityType_EntityId_Id",
                table: "audit_entries",
                columns: new[] { "EntityType", "EntityId", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_audit_entries_OccurredAt",
                table: "audit_entries",
                column: "OccurredAt");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "audit_entries");

            migrationBuilder.DropIndex(
                name: "IX_call_logs_PersonalDataRemovedAt_CreatedAt",
                table: "call_logs");

            migrationBuilder.DropIndex(
                name: "IX_call_logs_RecordingRemovedAt_CreatedAt",
                table: "call_logs");

            migrationBuilder.DropColumn(
                name: "ErasedAt",
                table: "drivers");

            migrationBuilder.DropColumn(
                name: "PersonalDataRemovedAt",
                table: "call_logs");

            migrationBuilder.DropColumn(
                name: "RecordingRemovedAt",
                table: "call_logs");
        }
    }
}
