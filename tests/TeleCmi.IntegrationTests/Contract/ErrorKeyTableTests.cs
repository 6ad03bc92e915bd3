using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using NUnit.Framework;
using TeleCmi.IntegrationTests.Support;

namespace TeleCmi.IntegrationTests.Contract;

/// <summary>
/// The error-key table: for every query parameter and every body field of every operation in docs/openapi.json, an
/// invalid value (or the parameter in another spelling, or a required field left out) is a 400 whose <c>errors</c> are
/// keyed by the field's JSON name as the document spells it — one error shape, whichever layer refused the value.
/// Binding does not depend on the database engine, so this runs on SQLite only.
/// </summary>
public sealed partial class ErrorKeyTableTests() : ApiFixture(DatabaseEngine.Sqlite)
{
    private HttpClient admin = null!;
    private HttpClient telecaller = null!;

    [OneTimeSetUp]
    public async Task SignInAsync()
    {
        admin = await Api.AdminAsync();
        (telecaller, _) = await Api.NewAgentAsync("telecaller", teleCmi: true);
    }

    /// <summary>One row: a request and the error key it must produce.</summary>
    public sealed record Row(string Method, string Path, string? Query, string? Body, string Key, string? MessageContains);

    private static IEnumerable<TestCaseData> Table()
    {
        var document = CommittedOpenApiDocument.Read()!;
        var schemas = document["components"]!["schemas"]!.AsObject();
        foreach (var (method, path, operation) in ServedDocument.Operations(document))
        {
            if (path.StartsWith("/api/webhooks/telecmi", StringComparison.Ordinal)) continue; // TeleCMI's raw fields, not ours
            var id = operation["operationId"]!.GetValue<string>();
            foreach (var parameter in (operation["parameters"]?.AsArray() ?? []).Where(p => p!["in"]!.GetValue<string>() == "query"))
            {
                var name = parameter!["name"]!.GetValue<string>();
                var schema = Resolve(parameter["schema"]!, schemas);
                if (InvalidQueryValue(schema) is { } bad)
                    yield return Case(id, new Row(method, path, $"{name}={Uri.EscapeDataString(bad)}", null, name, FirstEnumValue(schema)), $"query {name}={bad}");
                var snake = SnakeCase(name);
                if (snake != name)
                    yield return Case(id, new Row(method, path, $"{snake}=1", null, name, name), $"query {snake}");
            }
            if (operation["requestBody"]?["content"]?["application/json"]?["schema"] is not { } bodySchema) continue;
            var body = Resolve(bodySchema, schemas);
            // A body that is an array (an import): its rows are keyed from the root ("[0].phone"). A row without a
            // required field is rejected in the 200's per-row result, not with a 400 (see the import tests).
            var isArray = Type(body) == "array";
            if (isArray)
            {
                yield return Case(id, new Row(method, path, null, "{}", "body", "JSON array"), "body not an array");
                body = Resolve(body["items"]!, schemas);
            }
            foreach (var (field, fieldSchema) in body["properties"]!.AsObject())
            {
                var resolved = Resolve(fieldSchema!, schemas);
                var json = $"{{\"{field}\":{InvalidJsonValue(resolved)}}}";
                yield return Case(id, new Row(method, path, null, isArray ? $"[{json}]" : json, isArray ? $"[0].{field}" : field, FirstEnumValue(resolved)), $"body {field}");
            }
            if (isArray) continue;
            foreach (var required in body["required"]?.AsArray().Select(r => r!.GetValue<string>()) ?? [])
                yield return Case(id, new Row(method, path, null, "{}", required, null), $"body without {required}");
        }
    }

    [TestCaseSource(nameof(Table))]
    public async Task InvalidValue_Is400_KeyedByTheFieldsJsonName(Row row)
    {
        var url = PathWithIds().Replace(row.Path, "1") + (row.Query is null ? "" : "?" + row.Query);
        var request = new HttpRequestMessage(new HttpMethod(row.Method), url);
        if (row.Body is not null) request.Content = new StringContent(row.Body, Encoding.UTF8, "application/json");
        var client = row.Path.StartsWith("/api/calls", StringComparison.Ordinal) || row.Path.StartsWith("/api/follow-ups", StringComparison.Ordinal) ? telecaller : admin;

        var response = await client.SendAsync(request);
        var problem = await TestApi.ReadAsync(response, HttpStatusCode.BadRequest);

        var errors = problem["errors"]!.AsObject();
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"));
        Assert.That(errors.Select(e => e.Key), Has.Member(row.Key), problem.ToJsonString());
        if (row.MessageContains is not null)
            Assert.That(string.Join(" ", errors[row.Key]!.AsArray().Select(m => m!.GetValue<string>())), Does.Contain(row.MessageContains));
        if (row.Body is not null && row.Body != "{}") Assert.That(errors.Count, Is.EqualTo(1), "one error for one unreadable field: " + problem.ToJsonString());
    }

    private static TestCaseData Case(string operationId, Row row, string what) => new TestCaseData(row).SetName($"{operationId}: {what}");

    private static JsonNode Resolve(JsonNode schema, JsonObject schemas)
    {
        if (schema["$ref"] is { } reference) return schemas[reference.GetValue<string>().Split('/')[^1]]!;
        if (schema["allOf"] is JsonArray { Count: 1 } allOf) return Resolve(allOf[0]!, schemas);
        return schema;
    }

    private static string? InvalidQueryValue(JsonNode schema) => (Type(schema), schema["format"]?.GetValue<string>(), schema["enum"]) switch
    {
        (_, _, JsonArray) => "no_such_value",
        ("integer" or "number", _, _) => "abc",
        ("boolean", _, _) => "maybe",
        ("string", "date-time", _) => "yesterday",
        ("string", "date", _) => "2026-13-45",
        _ => null, // a free string has no invalid value; its spelling is checked instead
    };

    private static string InvalidJsonValue(JsonNode schema) => (Type(schema), schema["format"]?.GetValue<string>(), schema["enum"]) switch
    {
        (_, _, JsonArray) => "\"no_such_value\"",
        ("integer" or "number", _, _) => "\"abc\"",
        ("boolean", _, _) => "\"maybe\"",
        ("string", "date-time", _) => "\"yesterday\"",
        ("string", "date", _) => "\"2026-13-45\"",
        ("string", _, _) => "12345",
        _ => "\"not an object\"",
    };

    private static string? Type(JsonNode schema) => schema["type"]?.GetValue<string>();

    private static string? FirstEnumValue(JsonNode schema) => schema["enum"]?.AsArray().FirstOrDefault(v => v is not null)?.GetValue<string>();

    private static string SnakeCase(string name) => Upper().Replace(name, m => "_" + char.ToLowerInvariant(m.Value[0]));

    [GeneratedRegex("[A-Z]")]
    private static partial Regex Upper();

    [GeneratedRegex(@"\{[^}]+\}")]
    private static partial Regex PathWithIds();
}
