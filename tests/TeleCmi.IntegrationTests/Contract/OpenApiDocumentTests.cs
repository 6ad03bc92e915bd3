using System.Net;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Hosting;
using NUnit.Framework;
using TeleCmi.IntegrationTests.Support;

namespace TeleCmi.IntegrationTests.Contract;

/// <summary>
/// The served OpenAPI document is the committed <c>docs/openapi.json</c>, so every change to the API contract shows up
/// in review; and the document keeps the promises the app team builds on (operation ids, problem+json, no lock on
/// anonymous operations, examples).
/// </summary>
public sealed class OpenApiDocumentTests() : ApiFixture(DatabaseEngine.Sqlite)
{
    private JsonObject served = null!;

    protected override void ConfigureService(IWebHostBuilder builder) => builder.UseSetting("Swagger:Enabled", "true");

    [OneTimeSetUp]
    public async Task FetchDocumentAsync()
    {
        var response = await Api.Anonymous().GetAsync(ServedDocument.Path);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        served = JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();
    }

    [Test]
    public void ServedDocument_EqualsTheCommittedOne()
    {
        if (CommittedOpenApiDocument.RewriteRequested)
        {
            CommittedOpenApiDocument.Write(served);
            Assert.Pass($"Rewrote {CommittedOpenApiDocument.Path}.");
        }
        var difference = CommittedOpenApiDocument.FirstDifference(WithoutDatedExamples(CommittedOpenApiDocument.Read()!), WithoutDatedExamples(served));
        Assert.That(difference, Is.Null,
            $"docs/openapi.json differs from the served document at {difference}. If the API change is intended, regenerate it " +
            $"with `{CommittedOpenApiDocument.RegenerateCommand}` (or {CommittedOpenApiDocument.RewriteVariable}=1 dotnet test " +
            "tests/TeleCmi.IntegrationTests --filter FullyQualifiedName~OpenApiDocumentTests), lint it, and commit it.");
    }

    /// <summary>
    /// A copy with the follow-up examples blanked: Swagger UI shows follow-ups relative to today (a fixed date would fall
    /// outside the 366-day window one day), so they differ from the committed ones every day without any API change.
    /// </summary>
    private static JsonNode WithoutDatedExamples(JsonNode document)
    {
        var copy = document.DeepClone();
        Blank(copy, insideExample: false);
        return copy;

        static void Blank(JsonNode? node, bool insideExample)
        {
            switch (node)
            {
                case JsonObject obj:
                    foreach (var (key, value) in obj.ToList())
                    {
                        if (insideExample && key == "followUpAt" && value is JsonValue) obj[key] = "(relative to today)";
                        else Blank(value, insideExample || key is "example" or "examples");
                    }
                    break;
                case JsonArray array:
                    foreach (var item in array) Blank(item, insideExample);
                    break;
            }
        }
    }

    [Test]
    public void EveryOperation_HasAUniqueCamelCaseOperationId()
    {
        var ids = ServedDocument.Operations(served).Select(o => o.Operation["operationId"]?.GetValue<string>()).ToList();
        Assert.That(ids, Has.None.Null);
        Assert.That(ids, Is.Unique);
        Assert.That(ids, Has.All.Matches("^[a-z][A-Za-z0-9]*$"));
    }

    [TestCase("signIn")]
    [TestCase("initiateCall")]
    [TestCase("logManualCall")]
    [TestCase("updateFeedback")]
    [TestCase("getCallLogs")]
    [TestCase("getCall")]
    [TestCase("getCallRecording")]
    [TestCase("exportCallLogs")]
    [TestCase("handleTeleCmiWebhook")]
    public void TheAppsOperations_HaveTheirAgreedIds(string operationId) =>
        Assert.That(ServedDocument.Operations(served).Select(o => o.Operation["operationId"]?.GetValue<string>()), Has.Member(operationId));

    [Test]
    public void EveryErrorResponse_IsProblemJson()
    {
        var offenders = ServedDocument.Operations(served)
            .SelectMany(o => o.Operation["responses"]!.AsObject().Where(r => int.Parse(r.Key) >= 400)
                .Where(r => r.Value!["content"]?.AsObject() is not { Count: 1 } content || !content.ContainsKey("application/problem+json")
                            || content["application/problem+json"]!["schema"]!["$ref"]?.GetValue<string>() is not
                                ("#/components/schemas/ProblemDetails" or "#/components/schemas/ValidationProblemDetails"))
                .Select(r => $"{o.Method} {o.Path} {r.Key}"))
            .ToList();
        Assert.That(offenders, Is.Empty);
    }

    [TestCase("signIn")]
    [TestCase("handleTeleCmiWebhook")]
    [TestCase("handleTeleCmiWebhookQuery")]
    public void AnonymousOperations_CarryNoSecurityRequirement(string operationId)
    {
        var operation = ServedDocument.Operations(served).Single(o => o.Operation["operationId"]?.GetValue<string>() == operationId).Operation;
        // `security: []` is OpenAPI's "no authentication" (both linters want every operation to say something).
        Assert.That(operation["security"]?.AsArray(), Is.Null.Or.Empty);
        Assert.That(served["security"], Is.Null, "no document-wide requirement either");
    }

    [Test]
    public void OperationsThatNeedAToken_CarryTheBearerRequirement()
    {
        var unlocked = ServedDocument.Operations(served)
            .Where(o => o.Path.StartsWith("/api/", StringComparison.Ordinal) && !o.Path.StartsWith("/api/webhooks/", StringComparison.Ordinal) && o.Path != "/api/auth/token")
            .Where(o => o.Operation["security"]?.ToJsonString().Contains("Bearer") != true)
            .Select(o => $"{o.Method} {o.Path}");
        Assert.That(unlocked, Is.Empty);
    }

    [Test]
    public void EveryRequestBody_HasAnExample()
    {
        var schemas = served["components"]!["schemas"]!.AsObject();
        var missing = ServedDocument.Operations(served)
            .Where(o => o.Operation["requestBody"] is not null)
            .Where(o => o.Operation["requestBody"]!["content"]!.AsObject().Any(media =>
                media.Key.Contains("json") && media.Value!["example"] is null
                && (media.Value["schema"]!["$ref"] is not { } reference || schemas[reference.GetValue<string>().Split('/')[^1]]!["example"] is null)))
            .Select(o => $"{o.Method} {o.Path}");
        Assert.That(missing, Is.Empty);
    }

    [Test]
    public void SchemaNames_AreReadable()
    {
        var names = served["components"]!["schemas"]!.AsObject().Select(s => s.Key);
        Assert.That(names, Has.All.Matches("^[A-Z][A-Za-z0-9]*$"));
        Assert.That(names, Has.Member("DriverPage").And.Member("FollowUpPage"));
    }

    [TestCase("CallLogDto", "missedBy")]
    [TestCase("CallLogDto", "outcome")]
    [TestCase("CallLogDto", "answeredAt")]
    public void FieldsThatCanBeNull_AreNullable(string schema, string property)
    {
        var field = served["components"]!["schemas"]![schema]!["properties"]![property]!;
        Assert.That(field["nullable"]?.GetValue<bool>(), Is.True, field.ToJsonString());
    }

    [TestCase("CallLogDto", "id")]
    [TestCase("CallLogDto", "missedBy")]
    [TestCase("CallLogPage", "items")]
    [TestCase("DriverPage", "total")]
    [TestCase("InitiateCallRequest", "driverId")]
    [TestCase("SignInRequest", "password")]
    public void AlwaysPresentFields_AreRequired(string schema, string property) =>
        Assert.That(served["components"]!["schemas"]![schema]!["required"]?.AsArray().Select(n => n!.GetValue<string>()), Has.Member(property));
}
