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

            // call_logs_v1 (the seed's view) names the new outcome in the seed's words, as the others.
            migrationBuilder.Sql("DROP VIEW IF EXISTS call_logs_v1;");
            migrationBuilder.Sql(@"
                CREATE VIEW call_logs_v1 AS
                SELECT
                    c.Id AS reference_id,
                    a.ExternalId AS caller_id,
                    c.DriverId AS driver_id,
                    ltrim(c.DriverPhone, '+') AS driver_mobile,
                    c.DriverName AS driver_name,
                    c.DriverTmId AS driver_tmid,
                    CASE c.Provider WHEN 'TeleCmi' THEN 'ivr' ELSE 'manual' END AS call_type,
                    CASE c.Status
                        WHEN 'Initiating' THEN 'initiating'
                        WHEN 'Initiated' THEN 'initiated'
                        WHEN 'Ringing' THEN 'ringing'
                        WHEN 'Answered' THEN 'answered'
                        WHEN 'Completed' THEN 'completed'
                        WHEN 'Missed' THEN 'missed'
                        WHEN 'Failed' THEN 'failed'
                        WHEN 'Unknown' THEN 'unknown'
                        ELSE lower(c.Status)
                    END AS status,
                    CASE c.Provider WHEN 'TeleCmi' THEN 'telecmi' ELSE lower(c.Provider) END AS provider,
                    CASE c.Outcome
                        WHEN 'Connected' THEN 'connected'
                        WHEN 'NotReachable' THEN 'not_reachable'
                        WHEN 'Busy' THEN 'busy'
                        WHEN 'WrongNumber' THEN 'wrong_number'
                        WHEN 'CallBackLater' THEN 'call_back_later'
                        WHEN 'Interested' THEN 'interested'
                        WHEN 'NotInterested' THEN 'not_interested'
                        WHEN 'Other' THEN 'other'
                        WHEN 'DoNotCall' THEN 'do_not_call'
                        ELSE lower(c.Outcome)
                    END AS feedback,
                    c.Remarks AS remarks,
                    COALESCE(c.TalkSeconds, c.AgentDurationSeconds, 0) AS call_duration,
                    c.CreatedAt AS created_at,
                    c.UpdatedAt AS updated_at
                FROM call_logs AS c
                INNER JOIN agents AS a ON a.Id = c.AgentId
                WHERE c.Status <> 'NotPlaced';
");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            // The view as CallLogsV1View created it.
            migrationBuilder.Sql("DROP VIEW IF EXISTS call_logs_v1;");
            migrationBuilder.Sql(@"
                CREATE VIEW call_logs_v1 AS
                SELECT
                    c.Id AS reference_id,
                    a.ExternalId AS caller_id,
                    c.DriverId AS driver_id,
                    ltrim(c.DriverPhone, '+') AS driver_mobile,
                    c.DriverName AS driver_name,
                    c.DriverTmId AS driver_tmid,
                    CASE c.Provider WHEN 'TeleCmi' THEN 'ivr' ELSE 'manual' END AS call_type,
                    CASE c.Status
                        WHEN 'Initiating' THEN 'initiating'
                        WHEN 'Initiated' THEN 'initiated'
                        WHEN 'Ringing' THEN 'ringing'
                        WHEN 'Answered' THEN 'answered'
                        WHEN 'Completed' THEN 'completed'
                        WHEN 'Missed' THEN 'missed'
                        WHEN 'Failed' THEN 'failed'
                        WHEN 'Unknown' THEN 'unknown'
                        ELSE lower(c.Status)
                    END AS status,
                    CASE c.Provider WHEN 'TeleCmi' THEN 'telecmi' ELSE lower(c.Provider) END AS provider,
                    CASE c.Outcome
                        WHEN 'Connected' THEN 'connected'
                        WHEN 'NotReachable' THEN 'not_reachable'
                        WHEN 'Busy' THEN 'busy'
                        WHEN 'WrongNumber' THEN 'wrong_number'
                        WHEN 'CallBackLater' THEN 'call_back_later'
                        WHEN 'Interested' THEN 'interested'
                        WHEN 'NotInterested' THEN 'not_interested'
                        WHEN 'Other' THEN 'other'
                        ELSE lower(c.Outcome)
                    END AS feedback,
                    c.Remarks AS remarks,
                    COALESCE(c.TalkSeconds, c.AgentDurationSeconds, 0) AS call_duration,
                    c.CreatedAt AS created_at,
                    c.UpdatedAt AS updated_at
                FROM call_logs AS c
                INNER JOIN agents AS a ON a.Id = c.AgentId
                WHERE c.Status <> 'NotPlaced';
");

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
