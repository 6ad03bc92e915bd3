using Microsoft.AspNetCore.Http.Features;
using KestrelServerOptions = Microsoft.AspNetCore.Server.Kestrel.Core.KestrelServerOptions;
using Microsoft.Extensions.Options;

namespace TeleCmi.Api.Infrastructure;

/// <summary>
/// Refuses a request body over <c>Limits:MaxRequestBodyBytes</c> with 413 whatever the server: Kestrel enforces its
/// own limit, but other hosts (the test server, IIS in-process with other settings) may not. An action marked
/// <see cref="ImportBodyAttribute"/> has <c>Limits:MaxImportBodyBytes</c> instead.
/// </summary>
public static class RequestBodyLimit
{
    public const int DefaultMaxBytes = 64 * 1024;
    public const int DefaultMaxImportBytes = 8 * 1024 * 1024;

    /// <summary>Binds and validates <see cref="RequestLimitsOptions"/> and gives Kestrel the same limit.</summary>
    public static IServiceCollection AddRequestBodyLimit(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<RequestLimitsOptions>().Bind(configuration.GetSection(RequestLimitsOptions.SectionName))
            .ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<KestrelServerOptions>().Configure<IOptions<RequestLimitsOptions>>((kestrel, limits) =>
            kestrel.Limits.MaxRequestBodySize = limits.Value.MaxRequestBodyBytes);
        return services;
    }

    public static IApplicationBuilder UseRequestBodyLimit(this IApplicationBuilder app)
    {
        var limits = app.ApplicationServices.GetRequiredService<IOptions<RequestLimitsOptions>>().Value;
        // Routing has run (WebApplication routes first), so the endpoint says whether it takes an import.
        return app.Use((http, next) => Limit(http, next,
            http.GetEndpoint()?.Metadata.GetMetadata<ImportBodyAttribute>() is null ? limits.MaxRequestBodyBytes : limits.MaxImportBodyBytes));
    }

    private static Task Limit(HttpContext http, RequestDelegate next, long maxBytes)
    {
        if (http.Request.ContentLength > maxBytes) throw TooLarge(maxBytes);
        var feature = http.Features.Get<IHttpMaxRequestBodySizeFeature>();
        if (feature is { IsReadOnly: false }) feature.MaxRequestBodySize = maxBytes;
        // A body without Content-Length (chunked) is counted as it is read.
        if (http.Request.ContentLength is null && feature?.MaxRequestBodySize is null) http.Request.Body = new LimitedStream(http.Request.Body, maxBytes);
        return next(http);
    }

    internal static BadHttpRequestException TooLarge(long maxBytes) =>
        new($"The request body is larger than {maxBytes} bytes.", StatusCodes.Status413PayloadTooLarge);

    private sealed class LimitedStream(Stream inner, long maxBytes) : Stream
    {
        private long read;

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => read; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count) => Count(inner.Read(buffer, offset, count));

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            Count(await inner.ReadAsync(buffer, cancellationToken));

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        private int Count(int n)
        {
            read += n;
            if (read > maxBytes) throw TooLarge(maxBytes);
            return n;
        }

        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
