using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TeleCmi.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class InitialCreate : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "agents",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Username = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    PasswordHash = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    DisplayName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Phone = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Role = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    TeleCmiUserId = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    TeleCmiCallingAllowed = table.Column<bool>(type: "INTEGER", nullable: false),
                    IsActive = table.Column<bool>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_agents", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "drivers",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Phone = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    TmId = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_drivers", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "webhook_deliveries",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ReceivedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Payload = table.Column<string>(type: "TEXT", nullable: false),
                    PayloadHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Type = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    Status = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    Leg = table.Column<string>(type: "TEXT", maxLength: 16, nullable: true),
                    CallId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    RequestId = table.Column<string>(type: "TEXT", maxLength: 128, nullable: true),
                    ConversationId = table.Column<string>(type: "TEXT", maxLength: 128, nullable: true),
                    LegId = table.Column<string>(type: "TEXT", maxLength: 128, nullable: true),
                    EchoedCallId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    EventAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Match = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    ProcessedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Attempts = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_webhook_deliveries", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "call_logs",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    AgentId = table.Column<int>(type: "INTEGER", nullable: false),
                    DriverId = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    DriverName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    DriverTmId = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true),
                    DriverPhone = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Provider = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Dispatch = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    AgentLeg = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    DriverLeg = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    IsStale = table.Column<bool>(type: "INTEGER", nullable: false),
                    MissedBy = table.Column<string>(type: "TEXT", maxLength: 16, nullable: true),
                    Outcome = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    Feedback = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Remarks = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    Notes = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    TalkSeconds = table.Column<int>(type: "INTEGER", nullable: true),
                    AgentDurationSeconds = table.Column<int>(type: "INTEGER", nullable: true),
                    FollowUpAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    TeleCmiRequestId = table.Column<string>(type: "TEXT", maxLength: 128, nullable: true),
                    ConversationId = table.Column<string>(type: "TEXT", maxLength: 128, nullable: true),
                    AgentLegId = table.Column<string>(type: "TEXT", maxLength: 128, nullable: true),
                    DriverLegId = table.Column<string>(type: "TEXT", maxLength: 128, nullable: true),
                    HangupReason = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    AgentHangupReason = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    RecordingFileName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    FailureReason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    AnsweredAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    EndedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_call_logs", x => x.Id);
                    table.ForeignKey(
                        name: "FK_call_logs_agents_AgentId",
                        column: x => x.AgentId,
                        principalTable: "agents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_call_logs_drivers_DriverId",
                        column: x => x.DriverId,
                        principalTable: "drivers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_agents_Username",
                table: "agents",
                column: "Username",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_call_logs_AgentId_CreatedAt",
                table: "call_logs",
                columns: new[] { "AgentId", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_call_logs_AgentLegId",
                table: "call_logs",
                column: "AgentLegId");

            migrationBuilder.CreateIndex(
                name: "IX_call_logs_ConversationId",
                table: "call_logs",
                column: "ConversationId");

            migrationBuilder.CreateIndex(
                name: "IX_call_logs_CreatedAt",
                table: "call_logs",
                column: "CreatedAt");

            migrationBuilder.CreateIndex(
                name: "IX_call_logs_DriverId_CreatedAt",
                table: "call_logs",
                columns: new[] { "DriverId", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_call_logs_DriverLegId",
                table: "call_logs",
                column: "DriverLegId");

            migrationBuilder.CreateIndex(
                name: "IX_call_logs_Status_CreatedAt",
                table: "call_logs",
                columns: new[] { "Status", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_call_logs_TeleCmiRequestId",
                table: "call_logs",
                column: "TeleCmiRequestId");

            migrationBuilder.CreateIndex(
                name: "IX_drivers_Name",
                table: "drivers",
                column: "Name");

            migrationBuilder.CreateIndex(
                name: "IX_drivers_Phone",
                table: "drivers",
                column: "Phone");

            migrationBuilder.CreateIndex(
                name: "IX_drivers_TmId",
                table: "drivers",
                column: "TmId");

            migrationBuilder.CreateIndex(
                name: "IX_webhook_deliveries_CallId",
                table: "webhook_deliveries",
                column: "CallId");

            migrationBuilder.CreateIndex(
                name: "IX_webhook_deliveries_Match_EchoedCallId",
                table: "webhook_deliveries",
                columns: new[] { "Match", "EchoedCallId" });

            migrationBuilder.CreateIndex(
                name: "IX_webhook_deliveries_Match_RequestId",
                table: "webhook_deliveries",
                columns: new[] { "Match", "RequestId" });

            migrationBuilder.CreateIndex(
                name: "IX_webhook_deliveries_PayloadHash",
                table: "webhook_deliveries",
                column: "PayloadHash");

            migrationBuilder.CreateIndex(
                name: "IX_webhook_deliveries_ReceivedAt",
                table: "webhook_deliveries",
                column: "ReceivedAt");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "call_logs");

            migrationBuilder.DropTable(
                name: "webhook_deliveries");

            migrationBuilder.DropTable(
                name: "agents");

            migrationBuilder.DropTable(
                name: "drivers");
        }
    }
}
