using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using TeleCmi.Api.Infrastructure.Observability;

namespace TeleCmi.IntegrationTests.Support;

/// <summary>
/// Every (method, route template, status) the integration tests see the service answer, across the whole run, so that
/// <c>WhenAllOtherTestsHaveRun</c> can check each one against the OpenAPI document. Recorded by a middleware that
/// <see cref="TeleCmiApiFactory"/> and the Development host put in front of the app's own pipeline.
/// </summary>
public static partial class ObservedStatuses
{
    private static readonly ConcurrentDictionary<(string Method, string Path, int Status), int> Seen = new();
    private static readonly ConcurrentDictionary<(string Method, string Path, int Status), string> FirstSeenIn = new();

    /// <summary>What has been seen so far, with how often.</summary>
    public static IReadOnlyDictionary<(string Method, string Path, int Status), int> Snapshot() => new Dictionary<(string, string, int), int>(Seen);

    /// <summary>The test during which <paramref name="key"/> was first seen (to find the test that provoked a status).</summary>
    public static string TestThatFirstSaw((string Method, string Path, int Status) key) => FirstSeenIn.GetValueOrDefault(key, "?");

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
        // Only answers from a documented API operation: an unknown route has no endpoint; health and metrics are outside the
        // document (it describes /api); an aborted request's status was never sent.
        if (http.GetEndpoint() is not RouteEndpoint { RoutePattern.RawText: { } template } endpoint || http.RequestAborted.IsCancellationRequested) return;
        // An operation left out of the document on purpose (the seed's routes, ADR 0009) has its statuses tested by its own tests.
        if (endpoint.Metadata.GetMetadata<ApiExplorerSettingsAttribute>() is { IgnoreApi: true }) return;
        if (!template.TrimStart('/').StartsWith("api/", StringComparison.Ordinal)) return;
        // The metrics port refuses the API (404) before any operation runs.
        var metricsPort = http.RequestServices.GetService<IOptions<MetricsOptions>>()?.Value.Port;
        if (metricsPort is not null && http.Connection.LocalPort == metricsPort) return;
        var path = "/" + Constraint().Replace(template.TrimStart('/'), "{${name}}");
        var key = (http.Request.Method, path, http.Response.StatusCode);
        Seen.AddOrUpdate(key, 1, (_, n) => n + 1);
        // The test's execution context flows into the in-process server, so the test is known here.
        FirstSeenIn.TryAdd(key, NUnit.Framework.TestContext.CurrentContext.Test.FullName);
    }

    [GeneratedRegex(@"\{(?<name>\w+)(:[^}]*)?\}")]
    private static partial Regex Constraint();
}
