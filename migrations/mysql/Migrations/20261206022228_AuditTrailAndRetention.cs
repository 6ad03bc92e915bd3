using System;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TeleCmi.Migrations.MySql.Migrations
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
                type: "datetime(6)",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "PersonalDataRemovedAt",
                table: "call_logs",
                type: "datetime(6)",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "RecordingRemovedAt",
                table: "call_logs",
                type: "datetime(6)",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "audit_entries",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("MySql:ValueGenerationStrategy", MySqlValueGenerationStrategy.IdentityColumn),
                    OccurredAt = table.Column<DateTime>(type: "datetime(6)", nullable: false),
                    ActorAgentId = table.Column<int>(type: "int", nullable: true),
                    EntityType = table.Column<string>(type: "varchar(32)", maxLength: 32, nullable: false)
                        .Annotation("MySql:CharSet", "utf8mb4"),
                    EntityId = table.Column<string>(type: "varchar(64)", maxLength: 64, nullable: false)
                        .Annotation("MySql:CharSet", "utf8mb4"),
                    Action = table.Column<string>(type: "varchar(32)", maxLength: 32, nullable: false)
                        .Annotation("MySql:CharSet", "utf8mb4"),
                    Changes = table.Column<string>(type: "longtext", nullable: false)
                        .Annotation("MySql:CharSet", "utf8mb4")
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_audit_entries", x => x.Id);
                })
                .Annotation("MySql:CharSet", "utf8mb4");

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
