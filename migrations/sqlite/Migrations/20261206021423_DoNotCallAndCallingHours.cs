using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TeleCmi.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class DoNotCallAndCallingHours : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "DoNotCallOutcome",
                table: "report_day_figures",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "DoNotCallReason",
                table: "drivers",
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "DoNotCallSince",
                table: "drivers",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "DoNotCallSource",
                table: "drivers",
                type: "TEXT",
                maxLength: 16,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "do_not_call_records",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    DriverId = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Source = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    SetByAgentId = table.Column<int>(type: "INTEGER", nullable: true),
                    SetAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    LiftedByAgentId = table.Column<int>(type: "INTEGER", nullable: true),
                    LiftedAt = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_do_not_call_records", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_do_not_call_records_DriverId_LiftedAt",
                table: "do_not_call_records",
                columns: new[] { "DriverId", "LiftedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "do_not_call_records");

            migrationBuilder.DropColumn(
                name: "DoNotCallOutcome",
                table: "report_day_figures");

            migrationBuilder.DropColumn(
                name: "DoNotCallReason",
                table: "drivers");

            migrationBuilder.DropColumn(
                name: "DoNotCallSince",
                table: "drivers");

            migrationBuilder.DropColumn(
                name: "DoNotCallSource",
                table: "drivers");
        }
    }
}
