using System.Text.Json.Nodes;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;
using TeleCmi.Api.Controllers;

namespace TeleCmi.Api.OpenApi;

/// <summary>
/// Documents the webhook's body, which the action reads itself (TeleCMI sends JSON, a form or text; the body is stored
/// as received): any JSON object of TeleCMI's event or CDR fields, with an example of a CDR.
/// </summary>
public sealed class WebhookBodyOperationFilter : IOperationFilter
{
    public void Apply(OpenApiOperation operation, OperationFilterContext context)
    {
        if (context.MethodInfo.DeclaringType != typeof(WebhooksController) || context.ApiDescription.HttpMethod != "POST") return;
        var schema = new OpenApiSchema
        {
            Type = JsonSchemaType.Object,
            Description = "TeleCMI's event or CDR fields, as TeleCMI sends them (snake_case); up to 64 KB.",
            AdditionalProperties = new OpenApiSchema(),
        };
        var example = new JsonObject
        {
            ["type"] = "cdr", ["status"] = "answered", ["leg"] = "b", ["cmiuuid"] = "a1b2c3d4-0000-4000-8000-000000000001",
            ["conversation_uuid"] = "c0ffee00-0000-4000-8000-000000000002", ["request_id"] = "ab12cd34", ["to"] = "919876543210",
            ["from"] = "5003_1111112", ["time"] = 1764063115000, ["answeredsec"] = 95, ["hangup_reason"] = "recv_bye",
            ["filename"] = "1700000000000_5003.mp3",
            ["extra_params"] = new JsonObject { ["call_id"] = "call_0195f3c2a1b47c3d9e8f00112233aabb" },
        };
        operation.RequestBody = new OpenApiRequestBody
        {
            Required = true,
            Content = new Dictionary<string, OpenApiMediaType>
            {
                ["application/json"] = new() { Schema = schema, Example = example },
                ["application/x-www-form-urlencoded"] = new() { Schema = new OpenApiSchema { Type = JsonSchemaType.Object, AdditionalProperties = new OpenApiSchema { Type = JsonSchemaType.String } } },
                ["text/plain"] = new() { Schema = new OpenApiSchema { Type = JsonSchemaType.String }, Example = JsonValue.Create(example.ToJsonString()) },
            },
        };
    }
}
