using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TeleCmi.Migrations.Sqlite.Migrations
{
    /// <summary>
    /// The view <c>call_logs_v1</c>: the seed's <c>call_logs</c> columns and values over this schema, for the SQL the
    /// seed's users already run (README, "SQL access for the seed's queries"; docs/OPERATIONS.md). Read-only. One row per
    /// call in the reports' sense: attempts never placed (<c>NotPlaced</c>) are left out, as the seed never stored them
    /// and no report counts them as calls. The SQL is written out here, not shared: a later change of the view is a new
    /// migration, and this one keeps creating what it created.
    /// </summary>
    public partial class CallLogsV1View : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // A SQLite view is read-only. SQLite has no session time zone and date('now') is UTC, so created_at/updated_at
            // are the stored UTC times; an IST day is date(created_at, '+330 minutes') = date('now', '+330 minutes').
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
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP VIEW IF EXISTS call_logs_v1;");
        }
    }
}
