using KestrelServerOptions = Microsoft.AspNetCore.Server.Kestrel.Core.KestrelServerOptions;

namespace TeleCmi.Api.Infrastructure;

/// <summary>
/// Refuses an over-long request target (414) or over-large headers (431) as problem details. Kestrel refuses them
/// itself before the app runs, with an empty body; so Kestrel's own limits are set to twice the app's, and the app
/// refuses first, at Kestrel's default sizes (8 KB target, 32 KB of headers). Beyond twice, Kestrel still answers bare.
/// </summary>
public static class RequestHeadLimits
{
    /// <summary>Longest request target (path and query) the app accepts, in bytes: Kestrel's default request line.</summary>
    public const int MaxTargetBytes = 8 * 1024;

    /// <summary>Largest total of header names and values the app accepts, in bytes: Kestrel's default.</summary>
    public const int MaxHeaderBytes = 32 * 1024;

    public static IServiceCollection AddRequestHeadLimits(this IServiceCollection services) =>
        services.Configure<KestrelServerOptions>(kestrel =>
        {
            kestrel.Limits.MaxRequestLineSize = 2 * MaxTargetBytes;
            kestrel.Limits.MaxRequestHeadersTotalSize = 2 * MaxHeaderBytes;
        });

    /// <summary>After the exception handler, so that the refusal is written as a problem.</summary>
    public static IApplicationBuilder UseRequestHeadLimits(this IApplicationBuilder app) => app.Use((http, next) =>
    {
        var target = http.Request.Path.Value?.Length + http.Request.QueryString.Value?.Length ?? 0;
        if (target > MaxTargetBytes)
            throw new BadHttpRequestException($"The request target is longer than {MaxTargetBytes} bytes.", StatusCodes.Status414UriTooLong);
        var headers = 0L;
        foreach (var (name, values) in http.Request.Headers) headers += name.Length + values.Sum(v => v?.Length ?? 0);
        if (headers > MaxHeaderBytes)
            throw new BadHttpRequestException($"The request headers are larger than {MaxHeaderBytes} bytes.", StatusCodes.Status431RequestHeaderFieldsTooLarge);
        return next(http);
    });
}
