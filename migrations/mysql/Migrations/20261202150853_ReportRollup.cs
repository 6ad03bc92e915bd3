using System;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TeleCmi.Migrations.MySql.Migrations
{
    /// <inheritdoc />
    public partial class ReportRollup : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "report_day_figures",
                columns: table => new
                {
                    Zone = table.Column<string>(type: "varchar(64)", maxLength: 64, nullable: false)
                        .Annotation("MySql:CharSet", "utf8mb4"),
                    Day = table.Column<DateOnly>(type: "date", nullable: false),
                    Provider = table.Column<string>(type: "varchar(16)", maxLength: 16, nullable: false)
                        .Annotation("MySql:CharSet", "utf8mb4"),
                    Calls = table.Column<int>(type: "int", nullable: false),
                    Answered = table.Column<int>(type: "int", nullable: false),
                    Completed = table.Column<int>(type: "int", nullable: false),
                    Missed = table.Column<int>(type: "int", nullable: false),
                    Failed = table.Column<int>(type: "int", nullable: false),
                    InProgress = table.Column<int>(type: "int", nullable: false),
                    Unknown = table.Column<int>(type: "int", nullable: false),
                    TalkSeconds = table.Column<long>(type: "bigint", nullable: false),
                    Connected = table.Column<int>(type: "int", nullable: false),
                    NotReachable = table.Column<int>(type: "int", nullable: false),
                    Busy = table.Column<int>(type: "int", nullable: false),
                    WrongNumber = table.Column<int>(type: "int", nullable: false),
                    CallBackLater = table.Column<int>(type: "int", nullable: false),
                    Interested = table.Column<int>(type: "int", nullable: false),
                    NotInterested = table.Column<int>(type: "int", nullable: false),
                    OtherOutcome = table.Column<int>(type: "int", nullable: false),
                    NoOutcome = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_report_day_figures", x => new { x.Zone, x.Day, x.Provider });
                })
                .Annotation("MySql:CharSet", "utf8mb4");

            migrationBuilder.CreateTable(
                name: "report_days",
                columns: table => new
                {
                    Zone = table.Column<string>(type: "varchar(64)", maxLength: 64, nullable: false)
                        .Annotation("MySql:CharSet", "utf8mb4"),
                    Day = table.Column<DateOnly>(type: "date", nullable: false),
                    ComputedAt = table.Column<DateTime>(type: "datetime(6)", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_report_days", x => new { x.Zone, x.Day });
                })
                .Annotation("MySql:CharSet", "utf8mb4");

            migrationBuilder.CreateTable(
                name: "report_stale_days",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("MySql:ValueGenerationStrategy", MySqlValueGenerationStrategy.IdentityColumn),
                    Day = table.Column<DateOnly>(type: "date", nullable: false),
                    MarkedAt = table.Column<DateTime>(type: "datetime(6)", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_report_stale_days", x => x.Id);
                })
                .Annotation("MySql:CharSet", "utf8mb4");

            migrationBuilder.CreateIndex(
                name: "IX_report_stale_days_Day",
                table: "report_stale_days",
                column: "Day");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "report_day_figures");

            migrationBuilder.DropTable(
                name: "report_days");

            migrationBuilder.DropTable(
                name: "report_stale_days");
        }
    }
}
