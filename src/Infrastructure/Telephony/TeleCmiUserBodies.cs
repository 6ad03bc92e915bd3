using System.Text.Json.Serialization;

namespace TeleCmi.Infrastructure.Telephony;

/// <summary>The JSON body of <c>POST /v2/user/login</c>: the TeleCMI user id and its password.</summary>
internal sealed record TeleCmiUserLoginBody(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("password")] string Password);

/// <summary>The JSON body of <c>POST /v2/c2c/hangup</c>: a user token and the agent leg's <c>cmiuuid</c>.</summary>
internal sealed record TeleCmiHangUpBody(
    [property: JsonPropertyName("token")] string Token,
    [property: JsonPropertyName("cmiuuid")] string CmiUuid);
