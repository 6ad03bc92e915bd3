using Microsoft.Net.Http.Headers;

namespace TeleCmi.Api.Infrastructure;

/// <summary>
/// Refuses a <c>Range</c> that lies wholly outside a file of known length with 416 as a problem (with
/// <c>Content-Range: bytes */length</c>); the file result would answer 416 with an empty body typed as the file.
/// </summary>
public static class UnsatisfiableRange
{
    /// <summary>Throws the 416 when no range of the request's <c>Range</c> header overlaps <paramref name="length"/> bytes.</summary>
    public static void ThrowIfOutside(HttpRequest request, long length)
    {
        var range = request.GetTypedHeaders().Range;
        if (range is null || !string.Equals(range.Unit.Value, "bytes", StringComparison.OrdinalIgnoreCase) || range.Ranges.Count == 0) return;
        if (range.Ranges.Any(r => r.From is { } from ? from < length : r.To > 0 && length > 0)) return;
        request.HttpContext.Response.Headers[HeaderNames.ContentRange] = $"bytes */{length}";
        throw new BadHttpRequestException($"The range asked for is outside the {length} bytes of the recording.", StatusCodes.Status416RangeNotSatisfiable);
    }
}
