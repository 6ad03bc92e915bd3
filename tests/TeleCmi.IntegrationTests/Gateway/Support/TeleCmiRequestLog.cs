using System.Collections.Concurrent;
using System.Text.Json.Nodes;

namespace TeleCmi.IntegrationTests.Gateway.Support;

/// <summary>The requests the service sent to TeleCMI (the stand-in), recorded below the resilience handler.</summary>
public sealed class TeleCmiRequestLog
{
    private readonly ConcurrentQueue<(string Path, string Body)> requests = new();

    /// <summary>How many requests went to <paramref name="path"/> (e.g. <c>/v2/user/login</c>).</summary>
    public int Count(string path) => requests.Count(r => r.Path == path);

    /// <summary>The JSON bodies sent to <paramref name="path"/>.</summary>
    public IReadOnlyList<JsonObject> Bodies(string path) =>
        requests.Where(r => r.Path == path).Select(r => JsonNode.Parse(r.Body)!.AsObject()).ToList();

    public sealed class Handler(TeleCmiRequestLog log) : DelegatingHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var body = request.Content is null ? "" : await request.Content.ReadAsStringAsync(cancellationToken);
            log.requests.Enqueue((request.RequestUri!.AbsolutePath, body));
            return await base.SendAsync(request, cancellationToken);
        }
    }
}
