using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TeleCmi.Migrations.Sqlite.Migrations
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
                    Zone = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Day = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Provider = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Calls = table.Column<int>(type: "INTEGER", nullable: false),
                    Answered = table.Column<int>(type: "INTEGER", nullable: false),
                    Completed = table.Column<int>(type: "INTEGER", nullable: false),
                    Missed = table.Column<int>(type: "INTEGER", nullable: false),
                    Failed = table.Column<int>(type: "INTEGER", nullable: false),
                    InProgress = table.Column<int>(type: "INTEGER", nullable: false),
                    Unknown = table.Column<int>(type: "INTEGER", nullable: false),
                    TalkSeconds = table.Column<long>(type: "INTEGER", nullable: false),
                    Connected = table.Column<int>(type: "INTEGER", nullable: false),
                    NotReachable = table.Column<int>(type: "INTEGER", nullable: false),
                    Busy = table.Column<int>(type: "INTEGER", nullable: false),
                    WrongNumber = table.Column<int>(type: "INTEGER", nullable: false),
                    CallBackLater = table.Column<int>(type: "INTEGER", nullable: false),
                    Interested = table.Column<int>(type: "INTEGER", nullable: false),
                    NotInterested = table.Column<int>(type: "INTEGER", nullable: false),
                    OtherOutcome = table.Column<int>(type: "INTEGER", nullable: false),
                    NoOutcome = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_report_day_figures", x => new { x.Zone, x.Day, x.Provider });
                });

            migrationBuilder.CreateTable(
                name: "report_days",
                columns: table => new
                {
                    Zone = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Day = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    ComputedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_report_days", x => new { x.Zone, x.Day });
                });

            migrationBuilder.CreateTable(
                name: "report_stale_days",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Day = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    MarkedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_report_stale_days", x => x.Id);
                });

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
