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

            // call_logs_v1 (the seed's view) names the new outcome in the seed's words, as the others.
            migrationBuilder.Sql(@"
                CREATE OR REPLACE ALGORITHM = MERGE SQL SECURITY DEFINER VIEW call_logs_v1 AS
                SELECT
                    COALESCE(c.Id) AS reference_id,
                    COALESCE(a.ExternalId) AS caller_id,
                    COALESCE(c.DriverId) AS driver_id,
                    TRIM(LEADING '+' FROM c.DriverPhone) AS driver_mobile,
                    COALESCE(c.DriverName) AS driver_name,
                    COALESCE(c.DriverTmId) AS driver_tmid,
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
                        ELSE LOWER(c.Status)
                    END AS status,
                    CASE c.Provider WHEN 'TeleCmi' THEN 'telecmi' ELSE LOWER(c.Provider) END AS provider,
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
                        ELSE LOWER(c.Outcome)
                    END AS feedback,
                    COALESCE(c.Remarks) AS remarks,
                    COALESCE(c.TalkSeconds, c.AgentDurationSeconds, 0) AS call_duration,
                    c.CreatedAt + INTERVAL TIMESTAMPDIFF(SECOND, UTC_TIMESTAMP(), NOW()) SECOND AS created_at,
                    c.UpdatedAt + INTERVAL TIMESTAMPDIFF(SECOND, UTC_TIMESTAMP(), NOW()) SECOND AS updated_at
                FROM call_logs AS c
                INNER JOIN agents AS a ON a.Id = c.AgentId
                WHERE c.Status <> 'NotPlaced';
");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            // The view as CallLogsV1View created it.
            migrationBuilder.Sql(@"
                CREATE OR REPLACE ALGORITHM = MERGE SQL SECURITY DEFINER VIEW call_logs_v1 AS
                SELECT
                    COALESCE(c.Id) AS reference_id,
                    COALESCE(a.ExternalId) AS caller_id,
                    COALESCE(c.DriverId) AS driver_id,
                    TRIM(LEADING '+' FROM c.DriverPhone) AS driver_mobile,
                    COALESCE(c.DriverName) AS driver_name,
                    COALESCE(c.DriverTmId) AS driver_tmid,
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
                        ELSE LOWER(c.Status)
                    END AS status,
                    CASE c.Provider WHEN 'TeleCmi' THEN 'telecmi' ELSE LOWER(c.Provider) END AS provider,
                    CASE c.Outcome
                        WHEN 'Connected' THEN 'connected'
                        WHEN 'NotReachable' THEN 'not_reachable'
                        WHEN 'Busy' THEN 'busy'
                        WHEN 'WrongNumber' THEN 'wrong_number'
                        WHEN 'CallBackLater' THEN 'call_back_later'
                        WHEN 'Interested' THEN 'interested'
                        WHEN 'NotInterested' THEN 'not_interested'
                        WHEN 'Other' THEN 'other'
                        ELSE LOWER(c.Outcome)
                    END AS feedback,
                    COALESCE(c.Remarks) AS remarks,
                    COALESCE(c.TalkSeconds, c.AgentDurationSeconds, 0) AS call_duration,
                    c.CreatedAt + INTERVAL TIMESTAMPDIFF(SECOND, UTC_TIMESTAMP(), NOW()) SECOND AS created_at,
                    c.UpdatedAt + INTERVAL TIMESTAMPDIFF(SECOND, UTC_TIMESTAMP(), NOW()) SECOND AS updated_at
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
