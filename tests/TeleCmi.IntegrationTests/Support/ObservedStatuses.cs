using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace TeleCmi.IntegrationTests.Support;

/// <summary>
/// Every (method, route template, status) the integration tests see the service answer, across the whole run, so that
/// <c>WhenAllOtherTestsHaveRun</c> can check each one against the OpenAPI document. Recorded by a middleware that
/// <see cref="TeleCmiApiFactory"/> and the Development host put in front of the app's own pipeline.
/// </summary>
public static partial class ObservedStatuses
{
    private static readonly ConcurrentDictionary<(string Method, string Path, int Status), int> Seen = new();

    /// <summary>What has been seen so far, with how often.</summary>
    public static IReadOnlyDictionary<(string Method, string Path, int Status), int> Snapshot() => new Dictionary<(string, string, int), int>(Seen);

    /// <summary>The recording middleware, outermost.</summary>
    public sealed class Recorder : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use(async (http, nextMiddleware) =>
            {
                try
                {
                    await nextMiddleware(http);
                }
                finally
                {
                    Record(http);
                }
            });
            next(app);
        };
    }

    private static void Record(HttpContext http)
    {
        // Only answers from an operation: an unknown route has no endpoint, health and metrics are not in the document.
        if (http.GetEndpoint() is not RouteEndpoint { RoutePattern.RawText: { } template } || http.RequestAborted.IsCancellationRequested) return;
        var path = "/" + Constraint().Replace(template.TrimStart('/'), "{${name}}");
        Seen.AddOrUpdate((http.Request.Method, path, http.Response.StatusCode), 1, (_, n) => n + 1);
    }

    [GeneratedRegex(@"\{(?<name>\w+)(:[^}]*)?\}")]
    private static partial Regex Constraint();
}
