using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using NUnit.Framework;
using TeleCmi.IntegrationTests.Support;

namespace TeleCmi.IntegrationTests.Security;

/// <summary>
/// Every endpoint against every kind of caller, from one table. A new endpoint without a row (or a place in
/// <see cref="PublicEndpoints"/>) fails <see cref="EveryEndpoint_HasARow_OrIsListedAsPublic"/>.
/// </summary>
[TestFixtureSource(typeof(Engines), nameof(Engines.All))]
public sealed class AuthorizationMatrixTests(DatabaseEngine engine) : ApiFixture(engine)
{
    public enum Caller { NoToken, Owner, OtherTelecaller, Supervisor, Admin }

    /// <summary>Method, route template, then the status for: no token, the owning telecaller, another telecaller, supervisor, admin.</summary>
    /// <remarks>
    /// {id} is the owner's call (calls), a driver (drivers) or the owner's agent id (agents). The supervisor's and the
    /// admin's accounts may not place TeleCMI calls, hence their 403 on POST api/calls.
    /// </remarks>
    private static readonly Row[] Matrix =
    [
        new("POST", "api/auth/token", 200, 200, 200, 200, 200),
        // Signing out ends the caller's token, so each cell signs in afresh (see ClientFor).
        new("POST", "api/auth/logout", 401, 204, 204, 204, 204),
        new("GET", "api/agents", 401, 403, 403, 403, 200),
        new("POST", "api/agents", 401, 403, 403, 403, 201),
        new("PATCH", "api/agents/{id:int}", 401, 403, 403, 403, 200),
        new("GET", "api/drivers", 401, 200, 200, 200, 200),
        new("POST", "api/drivers", 401, 403, 403, 403, 201),
        new("GET", "api/drivers/{id}", 401, 200, 200, 200, 200),
        new("PUT", "api/drivers/{id}", 401, 403, 403, 403, 200),
        new("POST", "api/drivers/import", 401, 403, 403, 403, 200),
        // {id} is a driver of its own here, so marking it leaves the shared driver callable for POST api/calls.
        new("POST", "api/drivers/{id}/do-not-call", 401, 403, 403, 200, 200),
        new("DELETE", "api/drivers/{id}/do-not-call", 401, 403, 403, 200, 200),
        new("POST", "api/drivers/do-not-call/import", 401, 403, 403, 200, 200),
        new("GET", "api/policy", 401, 200, 200, 200, 200),
        new("GET", "api/calls", 401, 200, 200, 200, 200),
        new("POST", "api/calls", 401, 201, 201, 403, 403),
        new("POST", "api/calls/manual", 401, 201, 201, 201, 201),
        new("GET", "api/calls/{id}", 401, 200, 404, 200, 200),
        new("PUT", "api/calls/{id}/feedback", 401, 200, 404, 200, 200),
        new("GET", "api/calls/{id}/recording", 401, 200, 404, 200, 200),
        // The shared call has completed: whoever may hang it up reaches the "not live" rule (409); the other telecaller cannot see it.
        new("POST", "api/calls/{id}/hangup", 401, 409, 404, 409, 409),
        new("GET", "api/calls/export", 401, 200, 200, 200, 200),
        // Live streams: the answer's status is read from its head, then the stream is dropped (see Cell).
        new("GET", "api/calls/{id}/events", 401, 200, 404, 200, 200),
        new("GET", "api/calls/events", 401, 200, 200, 200, 200),
        new("GET", "api/follow-ups", 401, 200, 200, 200, 200),
        // A telecaller gets their own figures; asking for another agent's is 403 (see the report tests).
        new("GET", "api/reports/daily", 401, 200, 200, 200, 200),
        new("GET", "api/reports/agents", 401, 200, 200, 200, 200),
        new("GET", "api/reports/summary", 401, 200, 200, 200, 200),
        // {id:long} is a delivery of the owner's call, already applied: a replay changes nothing and says so.
        new("GET", "api/webhooks/deliveries", 401, 403, 403, 403, 200),
        new("POST", "api/webhooks/deliveries/{id:long}/replay", 401, 403, 403, 403, 200),
        new("GET", "api/calls/{id}/history", 401, 200, 404, 200, 200),
        new("GET", "api/audit", 401, 403, 403, 403, 200),
        // {id} is a driver of its own here (erasedDriverId): erasing the shared one would leave the other rows nothing to dial.
        new("POST", "api/drivers/{id}/erase", 401, 403, 403, 403, 200),
    ];

    /// <summary>Endpoints outside the matrix on purpose: no bearer token applies to them.</summary>
    private static readonly string[] PublicEndpoints =
    [
        "* health/live",
        "* health/ready",
        "GET api/webhooks/telecmi", // authenticated by the URL token; see the webhook tests
        "POST api/webhooks/telecmi",
        // No TeleCMI stand-in here: it is a host of its own (src/TeleCmiStandIn), never an endpoint of the API.
    ];

    /// <summary>
    /// The seed's routes: one path whose actions differ by <c>?action=</c> and whose caller is named in the request
    /// (<c>caller_id</c>), so a method-and-template row cannot say it. Each action's answers by caller (no token 401,
    /// another agent's <c>caller_id</c> 403, another telecaller's call 404, the webhook by its URL token) are in
    /// <c>Compatibility/SeedRouteTests</c>.
    /// </summary>
    private static readonly string[] SeedEndpoints =
    [
        "POST api/telecmi_production_api.php",
        "GET api/telecmi_production_api.php",
    ];

    public sealed record Row(string Method, string Template, int NoToken, int Owner, int OtherTelecaller, int Supervisor, int Admin)
    {
        public int Expected(Caller caller) => caller switch
        {
            Caller.NoToken => NoToken,
            Caller.Owner => Owner,
            Caller.OtherTelecaller => OtherTelecaller,
            Caller.Supervisor => Supervisor,
            _ => Admin,
        };

        public override string ToString() => $"{Method} {Template}";
    }

    public static IEnumerable<TestCaseData> Cells() =>
        from row in Matrix
        from caller in Enum.GetValues<Caller>()
        select new TestCaseData(row, caller).SetName($"{row.Method} {row.Template} as {caller} is {row.Expected(caller)}");

    private readonly Dictionary<Caller, HttpClient> clients = [];
    private int ownerId;
    private string driverId = "";
    private string doNotCallDriverId = "";
    private string callId = "";
    private long deliveryId;
    private string erasedDriverId = "";

    [OneTimeSetUp]
    public async Task CreateCallersAndAnOwnedCallWithARecording()
    {
        clients[Caller.NoToken] = Api.Anonymous();
        (clients[Caller.Owner], ownerId) = await Api.NewAgentAsync("telecaller", teleCmi: true);
        (clients[Caller.OtherTelecaller], _) = await Api.NewAgentAsync("telecaller", teleCmi: true);
        (clients[Caller.Supervisor], _) = await Api.NewAgentAsync("supervisor", teleCmi: false);
        clients[Caller.Admin] = await Api.AdminAsync();
        driverId = await Api.NewDriverAsync();
        doNotCallDriverId = await Api.NewDriverAsync("9876500404");
        erasedDriverId = await Api.NewDriverAsync("9876500077");
        var call = await TestApi.ReadAsync(await clients[Caller.Owner].PostAsJsonAsync("/api/calls", new { driverId }), HttpStatusCode.Created);
        callId = call["id"]!.GetValue<string>();
        foreach (var hook in Webhooks.HappyPath(callId, call["teleCmiRequestId"]!.GetValue<string>(), "919876543210", 60, "1700000000000_5003.mp3"))
            deliveryId = (await TestApi.ReadAsync(await Api.PostWebhookAsync(hook), HttpStatusCode.OK))["deliveryId"]!.GetValue<long>();
    }

    [TestCaseSource(nameof(Cells))]
    public async Task Cell(Row row, Caller caller)
    {
        var request = new HttpRequestMessage(new HttpMethod(row.Method), "/" + Resolve(row.Template));
        var body = BodyFor(row);
        if (body is not null) request.Content = body as HttpContent ?? JsonContent.Create(body);

        // A live stream's body never ends: its head is all there is to read.
        using var response = await (await ClientFor(row, caller)).SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        var isStream = response.Content.Headers.ContentType?.MediaType == "text/event-stream";

        Assert.That((int)response.StatusCode, Is.EqualTo(row.Expected(caller)), isStream ? "an event stream" : await response.Content.ReadAsStringAsync());
    }

    /// <summary>The shared caller, except for signing out, which would end the shared token for the other cells.</summary>
    private async Task<HttpClient> ClientFor(Row row, Caller caller)
    {
        if (row.ToString() != "POST api/auth/logout") return clients[caller];
        return caller switch
        {
            Caller.NoToken => Api.Anonymous(),
            Caller.Admin => await Api.AdminAsync(),
            Caller.Supervisor => (await Api.NewAgentAsync("supervisor", teleCmi: false)).Client,
            _ => (await Api.NewAgentAsync("telecaller", teleCmi: true)).Client,
        };
    }

    [Test]
    public void EveryEndpoint_HasARow_OrIsListedAsPublic()
    {
        var endpoints = Factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .SelectMany(e => (e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? ["*"])
                .Select(method => $"{method} {e.RoutePattern.RawText!.Trim('/')}"))
            .ToHashSet();
        var listed = Matrix.Select(r => r.ToString()).Concat(PublicEndpoints).Concat(SeedEndpoints).ToList();

        Assert.That(endpoints.Except(listed), Is.Empty, "Endpoints missing from the authorization matrix (add a row, or list them as public)");
        Assert.That(listed.Except(endpoints), Is.Empty, "Rows for endpoints that no longer exist");
        Assert.That(listed, Is.Unique);
    }

    private string Resolve(string template) => template
        .Replace("{id:int}", ownerId.ToString())
        .Replace("{id:long}", deliveryId.ToString())
        .Replace("drivers/{id}/erase", $"drivers/{erasedDriverId}/erase")
        .Replace("calls/{id}", $"calls/{callId}")
        .Replace("drivers/{id}/do-not-call", $"drivers/{doNotCallDriverId}/do-not-call")
        .Replace("drivers/{id}", $"drivers/{driverId}");

    private object? BodyFor(Row row)
    {
        var unique = Guid.NewGuid().ToString("N")[..10];
        return row.ToString() switch
        {
            "POST api/auth/token" => new { username = TeleCmiApiFactory.AdminUsername, password = TeleCmiApiFactory.AdminPassword },
            "POST api/agents" => new { username = $"m{unique}", password = "secret-pass-1", displayName = "Matrix agent", phone = "+919100099999", role = "telecaller" },
            "PATCH api/agents/{id:int}" => new { displayName = "Owner renamed" },
            "POST api/drivers" => new { id = $"DRV-{unique}", name = "Matrix driver", phone = "9876543210" },
            "PUT api/drivers/{id}" => new { name = "Matrix driver", phone = "9876543210" },
            "POST api/drivers/import" => new object[] { new { id = $"DRV-{unique}", name = "Matrix driver", phone = "9876543210" } },
            "POST api/calls" => new { driverId },
            "POST api/calls/manual" => new { driverId, outcome = "connected" },
            "PUT api/calls/{id}/feedback" => new { outcome = "interested" },
            "POST api/drivers/{id}/do-not-call" => new { reason = "Matrix mark", source = "other" },
            // A number no driver has: the shared driver stays callable.
            "POST api/drivers/do-not-call/import" => new StringContent("phone\n9000000001\n", System.Text.Encoding.UTF8, "text/csv"),
            _ => null,
        };
    }
}
