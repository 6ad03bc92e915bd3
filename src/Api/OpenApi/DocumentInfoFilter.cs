using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace TeleCmi.Api.OpenApi;

/// <summary>
/// The parts of the document that do not come from the code: a server (the local development address; clients set
/// their own base URL), a contact, and schemas in a fixed order so the committed document diffs cleanly.
/// </summary>
public sealed class DocumentInfoFilter : IDocumentFilter
{
    public void Apply(OpenApiDocument document, DocumentFilterContext context)
    {
        document.Servers =
        [
            new OpenApiServer
            {
                Url = "{baseUrl}",
                Description = "Where the service runs; locally http://localhost:5080 (dotnet run --project src/Api).",
                Variables = new Dictionary<string, OpenApiServerVariable> { ["baseUrl"] = new() { Default = "http://localhost:5080" } },
            },
        ];
        document.Info.Contact = new OpenApiContact { Name = "TeleCmi API maintainers" };
        if (document.Components?.Schemas is { } schemas)
        {
            var sorted = schemas.OrderBy(s => s.Key, StringComparer.Ordinal).ToList();
            schemas.Clear();
            foreach (var (key, value) in sorted) schemas[key] = value;
        }
    }
}
