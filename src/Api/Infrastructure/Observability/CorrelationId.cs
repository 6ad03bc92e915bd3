using System.Diagnostics;
using Microsoft.Extensions.Primitives;

namespace TeleCmi.Api.Infrastructure.Observability;

/// <summary>
/// The id that ties one request's log lines, its problem details (<c>traceId</c>) and the client's own logs together.
/// A client may send its own in <see cref="HeaderName"/>; only a short, plain value is taken, so a header can neither
/// flood the logs nor inject anything into them.
/// </summary>
public static class CorrelationId
{
    public const string HeaderName = "X-Correlation-Id";

    /// <summary>The longest id taken from a client.</summary>
    public const int MaxLength = 64;

    /// <summary>1 to <see cref="MaxLength"/> characters of <c>[A-Za-z0-9._-]</c>.</summary>
    public static bool IsAcceptable(string? value) =>
        !string.IsNullOrEmpty(value) && value.Length <= MaxLength && value.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-');

    /// <summary>The client's id when it sent exactly one acceptable value; otherwise a new one.</summary>
    public static string Choose(StringValues header, Activity? activity) =>
        header.Count == 1 && IsAcceptable(header[0]) ? header[0]! : New(activity);

    /// <summary>The request's W3C trace id when there is one (so logs and traces share an id), else a random id; 32 hex digits either way.</summary>
    public static string New(Activity? activity) =>
        activity is { IdFormat: ActivityIdFormat.W3C } && activity.TraceId != default ? activity.TraceId.ToHexString() : Guid.NewGuid().ToString("N");
}
