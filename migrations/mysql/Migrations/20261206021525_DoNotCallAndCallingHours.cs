using System;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TeleCmi.Migrations.MySql.Migrations
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
                type: "int",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "DoNotCallReason",
                table: "drivers",
                type: "varchar(200)",
                maxLength: 200,
                nullable: true)
                .Annotation("MySql:CharSet", "utf8mb4");

            migrationBuilder.AddColumn<DateTime>(
                name: "DoNotCallSince",
                table: "drivers",
                type: "datetime(6)",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "DoNotCallSource",
                table: "drivers",
                type: "varchar(16)",
                maxLength: 16,
                nullable: true)
                .Annotation("MySql:CharSet", "utf8mb4");

            migrationBuilder.CreateTable(
                name: "do_not_call_records",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("MySql:ValueGenerationStrategy", MySqlValueGenerationStrategy.IdentityColumn),
                    DriverId = table.Column<string>(type: "varchar(50)", maxLength: 50, nullable: false)
                        .Annotation("MySql:CharSet", "utf8mb4"),
                    Reason = table.Column<string>(type: "varchar(200)", maxLength: 200, nullable: false)
                        .Annotation("MySql:CharSet", "utf8mb4"),
                    Source = table.Column<string>(type: "varchar(16)", maxLength: 16, nullable: false)
                        .Annotation("MySql:CharSet", "utf8mb4"),
                    SetByAgentId = table.Column<int>(type: "int", nullable: true),
                    SetAt = table.Column<DateTime>(type: "datetime(6)", nullable: false),
                    LiftedByAgentId = table.Column<int>(type: "int", nullable: true),
                    LiftedAt = table.Column<DateTime>(type: "datetime(6)", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_do_not_call_records", x => x.Id);
                })
                .Annotation("MySql:CharSet", "utf8mb4");

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
