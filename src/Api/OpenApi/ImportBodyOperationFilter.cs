using System.Reflection;
using System.Text.Json.Nodes;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;
using TeleCmi.Api.Import;
using TeleCmi.Api.Infrastructure;

namespace TeleCmi.Api.OpenApi;

/// <summary>
/// Documents a bulk import's two body forms (<see cref="ImportBodyAttribute"/>): the JSON array with an example, and the
/// CSV file as text with its columns and an example; and its own 413 and 415.
/// </summary>
public sealed class ImportBodyOperationFilter : IOperationFilter
{
    private const string CsvExample = "id,name,phone,tmId,kind\r\nDRV-1003,Suresh Patil,9876501234,TM5003,driver\r\n"
                                      + "DRV-1004,\"Patil Transport, Pune\",+91 98765 01235,,transporter\r\n";

    public void Apply(OpenApiOperation operation, OperationFilterContext context)
    {
        if (context.MethodInfo.GetCustomAttribute<ImportBodyAttribute>() is null || operation.RequestBody is not OpenApiRequestBody { Content: { } content } body) return;
        body.Description = "Up to 10,000 drivers: a JSON array, or a CSV file (UTF-8) with a header row.";
        if (content.TryGetValue("application/json", out var json))
        {
            json.Example = new JsonArray
            {
                new JsonObject { ["id"] = "DRV-1003", ["name"] = "Suresh Patil", ["phone"] = "9876501234", ["tmId"] = "TM5003", ["kind"] = "driver" },
                new JsonObject { ["id"] = "DRV-1004", ["name"] = "Patil Transport, Pune", ["phone"] = "+91 98765 01235", ["tmId"] = null, ["kind"] = "transporter" },
            };
        }
        content[DriverImportCsvInputFormatter.MediaType] = new OpenApiMediaType
        {
            Schema = new OpenApiSchema
            {
                Type = JsonSchemaType.String,
                Description = "RFC 4180 CSV, UTF-8 (a byte-order mark is skipped; CRLF or LF line ends). The header row names the "
                              + "columns, in any order and any case: id, name, phone (required), tmId, kind (optional). A field with a "
                              + "comma, a quote or a line break is quoted, quotes doubled. Each following line is one driver.",
            },
            Example = JsonValue.Create(CsvExample),
        };
        operation.Responses ??= [];
        operation.Responses.TryAdd("415", new OpenApiResponse { Description = "The body is neither `application/json` nor `text/csv`." });
    }
}
