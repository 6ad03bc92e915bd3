using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace TeleCmi.IntegrationTests.Contract;

/// <summary>
/// <c>docs/openapi.json</c>, the API contract as committed: read, compared and (when asked) rewritten.
/// Set <see cref="RewriteVariable"/>=1 (or run <c>bash scripts/openapi.sh regenerate</c>) to rewrite it from the served document.
/// </summary>
public static class CommittedOpenApiDocument
{
    /// <summary>Environment variable that makes the document test rewrite the committed file instead of failing.</summary>
    public const string RewriteVariable = "TELECMI_WRITE_OPENAPI";

    /// <summary>The command that regenerates the committed document, quoted in failure messages.</summary>
    public const string RegenerateCommand = "bash scripts/openapi.sh regenerate";

    private static readonly JsonSerializerOptions Indented = new()
    {
        WriteIndented = true,
        IndentSize = 2,
        // Keep <, >, & and non-ASCII readable in review.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>The repository's <c>docs/openapi.json</c>.</summary>
    public static string Path { get; } = System.IO.Path.Combine(RepositoryRoot(), "docs", "openapi.json");

    /// <summary>Whether this run should rewrite the committed file.</summary>
    public static bool RewriteRequested => Environment.GetEnvironmentVariable(RewriteVariable) is "1" or "true";

    /// <summary>The committed document, or null when there is none yet.</summary>
    public static JsonNode? Read() => File.Exists(Path) ? JsonNode.Parse(File.ReadAllText(Path)) : null;

    /// <summary>Writes <paramref name="document"/> as the committed one: indented by two, with a final newline.</summary>
    public static void Write(JsonNode document) => File.WriteAllText(Path, document.ToJsonString(Indented) + "\n");

    /// <summary>The first JSON path where the two documents differ, or null when they are equal.</summary>
    public static string? FirstDifference(JsonNode? expected, JsonNode? actual, string path = "$")
    {
        switch (expected, actual)
        {
            case (null, null):
                return null;
            case (JsonObject e, JsonObject a):
                foreach (var key in e.Select(p => p.Key).Union(a.Select(p => p.Key)))
                {
                    if (!e.ContainsKey(key) || !a.ContainsKey(key)) return $"{path}.{key} ({(e.ContainsKey(key) ? "gone from the served document" : "new in the served document")})";
                    if (FirstDifference(e[key], a[key], $"{path}.{key}") is { } inner) return inner;
                }
                return null;
            case (JsonArray e, JsonArray a):
                for (var i = 0; i < Math.Max(e.Count, a.Count); i++)
                {
                    if (i >= e.Count || i >= a.Count) return $"{path}[{i}] (length {e.Count} committed, {a.Count} served)";
                    if (FirstDifference(e[i], a[i], $"{path}[{i}]") is { } inner) return inner;
                }
                return null;
            default:
                return JsonNode.DeepEquals(expected, actual) ? null : $"{path} (committed {expected?.ToJsonString()}, served {actual?.ToJsonString()})";
        }
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "TeleCmi.sln"))) return dir.FullName;
        throw new InvalidOperationException("TeleCmi.sln not found above " + AppContext.BaseDirectory);
    }
}
