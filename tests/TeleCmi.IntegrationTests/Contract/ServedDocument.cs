using System.Text.Json.Nodes;

namespace TeleCmi.IntegrationTests.Contract;

/// <summary>Reading the OpenAPI document the service serves.</summary>
public static class ServedDocument
{
    /// <summary>Where the document is served (Development, or <c>Swagger:Enabled=true</c>).</summary>
    public const string Path = "/swagger/v1/swagger.json";

    private static readonly string[] Methods = ["get", "put", "post", "delete", "options", "head", "patch", "trace"];

    /// <summary>Every operation with its path template and upper-case method.</summary>
    public static IEnumerable<(string Method, string Path, JsonObject Operation)> Operations(JsonNode document) =>
        document["paths"]!.AsObject().SelectMany(path => path.Value!.AsObject()
            .Where(op => Methods.Contains(op.Key))
            .Select(op => (op.Key.ToUpperInvariant(), path.Key, op.Value!.AsObject())));
}
