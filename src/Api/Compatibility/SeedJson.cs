using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Mvc;

namespace TeleCmi.Api.Compatibility;

/// <summary>The seed's JSON: snake_case names, as the PHP service wrote them, and every field written.</summary>
public static class SeedJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DictionaryKeyPolicy = null,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
        // "+919876543210", not "\u002B919876543210": the answer is JSON for an app, never embedded in HTML.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower, allowIntegerValues: false) },
    };

    /// <summary>HTTP 200 with <c>{"success": true, "message": …, "data": …}</c>: the app reads only a 200 as success.</summary>
    public static JsonResult Success(string message, object data) =>
        new(new SeedSuccess(true, message, data), Options) { StatusCode = StatusCodes.Status200OK };
}

/// <summary>The seed's success envelope.</summary>
public sealed record SeedSuccess(bool Success, string Message, object Data);
