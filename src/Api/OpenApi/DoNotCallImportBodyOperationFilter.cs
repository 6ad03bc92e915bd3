using System.Text.Json.Nodes;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace TeleCmi.Api.OpenApi;

/// <summary>
/// Documents the body of <c>importDoNotCall</c>, which the action reads itself (a plain list of numbers has no model to
/// bind): a <c>text/csv</c> file with an example.
/// </summary>
public sealed class DoNotCallImportBodyOperationFilter : IOperationFilter
{
    /// <summary>The body's media type.</summary>
    public const string MediaType = "text/csv";

    private const string OperationId = "importDoNotCall";

    public void Apply(OpenApiOperation operation, OperationFilterContext context)
    {
        if (operation.OperationId != OperationId) return;
        operation.RequestBody = new OpenApiRequestBody
        {
            Required = true,
            Description = "Up to 100,000 phone numbers: one per line, or a CSV file (UTF-8) whose header row names a `phone` column.",
            Content = new Dictionary<string, OpenApiMediaType>
            {
                [MediaType] = new()
                {
                    Schema = new OpenApiSchema
                    {
                        Type = JsonSchemaType.String,
                        Description = "UTF-8 text, CRLF or LF line ends, a byte-order mark skipped. Either one number per line in any common "
                                      + "format (9876543210, +91 98765 43210, 09876543210), or RFC 4180 CSV with a header row naming a "
                                      + "`phone` column (any case; other columns are ignored). Blank lines are skipped.",
                    },
                    Example = JsonValue.Create("phone\r\n+919876543210\r\n98765 01234\r\n"),
                },
            },
        };
    }
}
