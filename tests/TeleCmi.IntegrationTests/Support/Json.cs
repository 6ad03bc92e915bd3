using System.Text.Json;
using System.Text.Json.Serialization;

namespace TeleCmi.IntegrationTests.Support;

/// <summary>The API's JSON conventions: camelCase names, snake_case enum strings.</summary>
public static class Json
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower) },
    };
}
