using System.Globalization;
using System.Text;
using System.Text.Json;

namespace TeleCmi.Infrastructure.Telephony;

/// <summary>
/// TeleCMI's JSON answer (<c>{"code":200,"msg":"Call initiated","request_id":"..."}</c>), read tolerantly:
/// <c>code</c> may be a number or a string, <c>msg</c> may be called <c>message</c>, the body may not be JSON at all.
/// </summary>
/// <remarks><see cref="Token"/> (a user login's) is a credential: a reply is never logged whole.</remarks>
internal sealed record TeleCmiReply(int? Code, string? Message, string? RequestId, string? Token = null)
{
    // An error page from a proxy can be large; what we need is in the first few bytes.
    private const int MaxBytes = 16 * 1024;

    /// <summary>Reads the body; null when it is empty or not a JSON object.</summary>
    public static async Task<TeleCmiReply?> ReadAsync(HttpResponseMessage response, CancellationToken ct)
    {
        await using var stream = await response.Content.ReadAsStreamAsync(ct);
        var buffer = new byte[MaxBytes];
        var length = 0;
        int read;
        while (length < MaxBytes && (read = await stream.ReadAsync(buffer.AsMemory(length), ct)) > 0) length += read;
        return Parse(Encoding.UTF8.GetString(buffer, 0, length));
    }

    /// <summary>Parses a body; null when it is empty or not a JSON object.</summary>
    public static TeleCmiReply? Parse(string text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        try
        {
            using var doc = JsonDocument.Parse(text, new JsonDocumentOptions { MaxDepth = 16 });
            var root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Object) return null;
            return new TeleCmiReply(Integer(root, "code"), Text(root, "msg") ?? Text(root, "message"), Text(root, "request_id"), Text(root, "token"));
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string? Text(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) ? value.ValueKind switch
        {
            JsonValueKind.String => value.GetString() is { Length: > 0 } s ? s : null,
            JsonValueKind.Number => value.GetRawText(),
            _ => null,
        } : null;

    private static int? Integer(JsonElement root, string name) =>
        int.TryParse(Text(root, name), NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n : null;
}
