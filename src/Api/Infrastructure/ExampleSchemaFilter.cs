using System.Text.Json.Nodes;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;
using TeleCmi.Api.Contracts;
using TeleCmi.Application.Auth.IssueToken;
using TeleCmi.Application.Calls.Common;

namespace TeleCmi.Api.Infrastructure;

/// <summary>Request and response examples for the main operations, shown in Swagger UI.</summary>
public sealed class ExampleSchemaFilter : ISchemaFilter
{
    private static readonly Dictionary<Type, Func<JsonNode>> Examples = new()
    {
        [typeof(SignInRequest)] = () => new JsonObject { ["username"] = "asha", ["password"] = "asha-demo-pass" },
        [typeof(TokenResponse)] = () => new JsonObject { ["accessToken"] = "eyJhbGciOiJIUzI1NiIs...", ["tokenType"] = "Bearer", ["expiresIn"] = 43200 },
        [typeof(InitiateCallRequest)] = () => new JsonObject { ["driverId"] = "DRV-1001" },
        [typeof(LogManualCallRequest)] = () => new JsonObject
        {
            ["driverId"] = "DRV-1002", ["outcome"] = "call_back_later", ["durationSeconds"] = 45,
            ["feedback"] = "Asked to call after lunch", ["followUpAt"] = DaysAheadInIst(1, 14, 0),
        },
        [typeof(UpdateFeedbackRequest)] = () => new JsonObject
        {
            ["outcome"] = "interested", ["feedback"] = "Has 2 trucks free next week", ["remarks"] = "Route Pune-Nagpur",
            ["followUpAt"] = DaysAheadInIst(7, 10, 30),
        },
        [typeof(CallLogDto)] = () => new JsonObject
        {
            ["id"] = "call_0195f3c2a1b47c3d9e8f00112233aabb", ["agentId"] = 2, ["driverId"] = "DRV-1001", ["driverName"] = "Ramesh Yadav",
            ["driverTmId"] = "TM5001", ["driverPhone"] = "+919876543210", ["provider"] = "telecmi", ["status"] = "completed", ["final"] = true,
            ["missedBy"] = null, ["outcome"] = "interested", ["feedback"] = "Has 2 trucks free next week", ["remarks"] = null, ["notes"] = null,
            ["durationSeconds"] = 95, ["followUpAt"] = null, ["teleCmiRequestId"] = "ab12cd34",
            ["conversationId"] = "c0ffee00-0000-4000-8000-000000000002", ["agentLegId"] = "a1b2c3d4-0000-4000-8000-000000000001",
            ["driverLegId"] = "a1b2c3d4-0000-4000-8000-000000000003", ["hangupReason"] = "recv_bye",
            ["recordingFileName"] = "1700000000000_5003.mp3", ["hasRecording"] = true, ["failureReason"] = null,
            ["createdAt"] = "2026-11-25T09:30:00Z", ["updatedAt"] = "2026-11-25T09:32:10Z",
            ["answeredAt"] = "2026-11-25T09:30:20Z", ["endedAt"] = "2026-11-25T09:31:55Z",
        },
        [typeof(CreateAgentRequest)] = () => new JsonObject
        {
            ["username"] = "priya", ["password"] = "priya-strong-pass", ["displayName"] = "Priya Sharma", ["phone"] = "+919812345678",
            ["role"] = "telecaller", ["teleCmiUserId"] = "5004_1111112", ["teleCmiCallingAllowed"] = true, ["externalId"] = "42",
            ["teleCmiPassword"] = "priya-telecmi-pass",
        },
        [typeof(UpdateAgentRequest)] = () => new JsonObject { ["displayName"] = "Priya S.", ["teleCmiCallingAllowed"] = false },
        [typeof(CreateDriverRequest)] = () => new JsonObject
        {
            ["id"] = "DRV-1003", ["name"] = "Suresh Patil", ["phone"] = "9876501234", ["tmId"] = "TM5003", ["kind"] = "driver",
        },
        [typeof(UpsertDriverRequest)] = () => new JsonObject
        {
            ["name"] = "Suresh Patil", ["phone"] = "9876501234", ["tmId"] = "TM5003", ["kind"] = "driver",
        },
        [typeof(MarkDoNotCallRequest)] = () => new JsonObject { ["reason"] = "Asked on the phone not to be called again", ["source"] = "driver_request" },
    };

    /// <summary>A follow-up time relative to today (IST), so the example stays inside the 366-day window whenever it is tried.</summary>
    private static string DaysAheadInIst(int days, int hour, int minute)
    {
        var ist = TimeSpan.FromMinutes(330);
        var day = DateTimeOffset.UtcNow.ToOffset(ist).Date.AddDays(days);
        return new DateTimeOffset(day.AddHours(hour).AddMinutes(minute), ist).ToString("yyyy-MM-dd'T'HH:mm:sszzz", System.Globalization.CultureInfo.InvariantCulture);
    }

    public void Apply(IOpenApiSchema schema, SchemaFilterContext context)
    {
        if (schema is OpenApiSchema concrete && Examples.TryGetValue(context.Type, out var example)) concrete.Example = example();
    }
}
