using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TeleCmi.Migrations.MySql.Migrations
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
            // Every column is an expression (COALESCE of one value keeps the column's type and collation, which CAST would
            // not) and the view joins agents: MySQL/MariaDB can then neither insert, update nor delete through it.
            // created_at/updated_at are shown in the session's time zone, as the seed's TIMESTAMP columns were: the stored
            // UTC time plus the session's current UTC offset (NOW() - UTC_TIMESTAMP(); a view may not read @@time_zone).
            // With SET time_zone = '+05:30' (what the seed's config.php ran) DATE(created_at) = CURDATE() is an IST day.
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
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP VIEW IF EXISTS call_logs_v1;");
        }
    }
}
