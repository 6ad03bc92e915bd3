using System.Buffers;
using System.Text;
using System.Text.Json;

namespace TeleCmi.Api.Infrastructure;

/// <summary>A TeleCMI webhook's body as text: JSON or text as sent, a form as a JSON object of its fields; at most 64 KB.</summary>
public static class WebhookBody
{
    public const int MaxBytes = 64 * 1024;

    public static async Task<string> ReadAsync(HttpRequest request, CancellationToken ct)
    {
        if (request.HasFormContentType)
        {
            var form = await request.ReadFormAsync(ct);
            return JsonSerializer.Serialize(form.ToDictionary(f => f.Key, f => f.Value.ToString()));
        }
        using var reader = new StreamReader(request.Body, Encoding.UTF8);
        // A pooled buffer: a fresh 128 KB array per delivery would land on the large-object heap every time.
        var buffer = ArrayPool<char>.Shared.Rent(MaxBytes + 1);
        try
        {
            var read = await reader.ReadBlockAsync(buffer.AsMemory(0, MaxBytes + 1), ct);
            if (read > MaxBytes) throw new BadHttpRequestException("The webhook body is larger than 64 KB.", StatusCodes.Status413PayloadTooLarge);
            return new string(buffer, 0, read);
        }
        finally
        {
            ArrayPool<char>.Shared.Return(buffer);
        }
    }
}
