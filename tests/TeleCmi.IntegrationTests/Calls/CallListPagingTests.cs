using System.Net;
using System.Text.Json.Nodes;
using NUnit.Framework;
using TeleCmi.Domain.Calls;
using TeleCmi.IntegrationTests.Support;
using static TeleCmi.IntegrationTests.Reports.ReportData;

namespace TeleCmi.IntegrationTests.Calls;

/// <summary>
/// Offset and cursor (keyset) paging of GET /api/calls walk the same rows in the same order, with ties on
/// CreatedAt broken by id, nothing skipped and nothing repeated; filters and visibility hold on cursor pages.
/// </summary>
[TestFixtureSource(typeof(Engines), nameof(Engines.All))]
public sealed class CallListPagingTests(DatabaseEngine engine) : ApiFixture(engine)
{
    private HttpClient agent = null!, other = null!, supervisor = null!;
    private List<string> newestFirst = [];
    private int agentId;

    [OneTimeSetUp]
    public async Task SeedAsync()
    {
        (agent, agentId) = await Api.NewAgentAsync("telecaller", teleCmi: true);
        (other, var otherId) = await Api.NewAgentAsync("telecaller", teleCmi: true);
        (supervisor, _) = await Api.NewAgentAsync("supervisor", teleCmi: false);
        var driver = Driver(await Api.NewDriverAsync("9876512345", "Paging Driver"), "Paging Driver", "9876512345");

        // 23 calls: groups of three share one CreatedAt, so the id must break ties; every fourth is missed.
        var calls = new List<CallLog>();
        for (var i = 0; i < 23; i++)
        {
            var at = Ist("2026-02-01 09:00").AddMinutes(i / 3 * 10);
            calls.Add(i % 4 == 0 ? MissedAt(agentId, driver, at) : Completed(agentId, driver, at, 30 + i));
        }
        calls.Add(Completed(otherId, driver, Ist("2026-02-01 09:05"), 40)); // another agent's, never on this agent's pages
        await SaveAsync(Factory, [.. calls]);
        newestFirst = calls.Where(c => c.AgentId == agentId)
            .OrderByDescending(c => c.CreatedAt).ThenByDescending(c => c.Id, StringComparer.Ordinal).Select(c => c.Id).ToList();
    }

    [Test]
    public async Task CursorPages_WalkEveryCall_InTheOffsetOrder_WithoutRepeats()
    {
        var byOffset = new List<string>();
        for (var offset = 0; offset < 30; offset += 5)
            byOffset.AddRange(Ids(await ListAsync(agent, $"/api/calls?limit=5&offset={offset}")));

        var byCursor = new List<string>();
        var pages = 0;
        var page = await ListAsync(agent, "/api/calls?limit=5");
        Assert.That(page["total"]!.GetValue<int>(), Is.EqualTo(23), "an offset page counts the total");
        while (true)
        {
            byCursor.AddRange(Ids(page));
            pages++;
            var next = page["nextCursor"]?.GetValue<string>();
            if (next is null) break;
            page = await ListAsync(agent, $"/api/calls?limit=5&cursor={Uri.EscapeDataString(next)}");
            Assert.That(page["total"], Is.Null, "a cursor page does not count");
        }

        Assert.That(byCursor, Is.EqualTo(newestFirst));
        Assert.That(byOffset, Is.EqualTo(newestFirst));
        Assert.That(pages, Is.EqualTo(5));
    }

    [Test]
    public async Task TheLastPage_HasNoNextCursor_AndAnExactFullPageEndsToo()
    {
        var all = await ListAsync(agent, "/api/calls?limit=23");
        Assert.That(Ids(all), Has.Count.EqualTo(23));
        Assert.That(all["nextCursor"], Is.Null, "exactly the rows there are: no next page");
        var partial = await ListAsync(agent, "/api/calls?limit=22");
        Assert.That(partial["nextCursor"], Is.Not.Null);
    }

    [Test]
    public async Task CursorPages_KeepTheFilters()
    {
        var missed = new List<string>();
        string? cursor = null;
        do
        {
            var page = await ListAsync(supervisor, $"/api/calls?agentId={agentId}&status=missed&limit=2" + (cursor is null ? "" : $"&cursor={Uri.EscapeDataString(cursor)}"));
            missed.AddRange(Ids(page));
            Assert.That(page["items"]!.AsArray().Select(i => i!["status"]!.GetValue<string>()), Has.All.EqualTo("missed"));
            cursor = page["nextCursor"]?.GetValue<string>();
        } while (cursor is not null);

        Assert.That(missed, Has.Count.EqualTo(6)); // i = 0, 4, 8, 12, 16, 20
    }

    [Test]
    public async Task AllAgentsByStatusAndDates_UsesTheIndexHint_AndPagesTheSame()
    {
        // Status + date range across all agents is the query MySQL gets FORCE INDEX for (IndexHint): same rows,
        // same order, by offset and by cursor, on both engines.
        var window = "from=2026-02-01T03:25:00Z&to=2026-02-01T05:00:00Z&status=missed";
        var all = Ids(await ListAsync(supervisor, $"/api/calls?{window}&limit=200"));
        var byCursor = new List<string>();
        string? cursor = null;
        do
        {
            var page = await ListAsync(supervisor, $"/api/calls?{window}&limit=2" + (cursor is null ? "" : $"&cursor={Uri.EscapeDataString(cursor)}"));
            Assert.That(page["items"]!.AsArray().Select(i => i!["status"]!.GetValue<string>()), Has.All.EqualTo("missed"));
            byCursor.AddRange(Ids(page));
            cursor = page["nextCursor"]?.GetValue<string>();
        } while (cursor is not null);

        var ourMissed = all.Intersect(newestFirst).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(ourMissed, Has.Count.EqualTo(6), "this agent's six missed calls are all in the window");
            Assert.That(ourMissed, Is.EqualTo(newestFirst.Where(ourMissed.Contains)), "newest first");
            Assert.That(byCursor, Is.EqualTo(all));
        });
    }

    [Test]
    public async Task OffsetPages_ReadTheSkippedRowsByKey_AndKeepOrderFiltersAndTheEnd()
    {
        // Offset pages after the first read the page's ids first, then the rows (a deferred join): the order, the
        // filters, the index hint and the end of the list must be what one statement would give.
        var window = "from=2026-02-01T03:25:00Z&to=2026-02-01T05:00:00Z&status=missed";
        var all = Ids(await ListAsync(supervisor, $"/api/calls?{window}&limit=200"));
        var byOffset = new List<string>();
        for (var offset = 0; offset < all.Count + 4; offset += 3)
            byOffset.AddRange(Ids(await ListAsync(supervisor, $"/api/calls?{window}&limit=3&offset={offset}")));
        var lastFull = await ListAsync(agent, "/api/calls?limit=5&offset=15");
        var lastPartial = await ListAsync(agent, "/api/calls?limit=5&offset=20");
        var beyond = await ListAsync(agent, "/api/calls?limit=5&offset=100");

        Assert.Multiple(() =>
        {
            Assert.That(all, Has.Count.GreaterThanOrEqualTo(6));
            Assert.That(byOffset, Is.EqualTo(all));
            Assert.That(Ids(lastFull), Is.EqualTo(newestFirst.Skip(15).Take(5)));
            Assert.That(lastFull["nextCursor"], Is.Not.Null, "three more calls follow");
            Assert.That(Ids(lastPartial), Is.EqualTo(newestFirst.Skip(20)));
            Assert.That(lastPartial["nextCursor"], Is.Null);
            Assert.That(lastPartial["total"]!.GetValue<int>(), Is.EqualTo(23));
            Assert.That(Ids(beyond), Is.Empty);
            Assert.That(beyond["total"]!.GetValue<int>(), Is.EqualTo(23));
            Assert.That(beyond["offset"]!.GetValue<int>(), Is.EqualTo(100));
        });
    }

    [Test]
    public async Task ACursor_GivesATelecallerOnlyTheirOwnCalls()
    {
        var first = await ListAsync(agent, "/api/calls?limit=3");
        var cursor = Uri.EscapeDataString(first["nextCursor"]!.GetValue<string>());

        var page = await ListAsync(other, $"/api/calls?limit=50&cursor={cursor}");

        Assert.That(Ids(page), Has.Count.EqualTo(1), "only the other telecaller's own call, which is older than the cursor");
        Assert.That(Ids(page).Intersect(newestFirst), Is.Empty);
    }

    [Test]
    public async Task IncludeTotalFalse_SkipsTheCount_ButPagesTheSame()
    {
        var counted = await ListAsync(agent, "/api/calls?limit=5");
        var uncounted = await ListAsync(agent, "/api/calls?limit=5&includeTotal=false");

        Assert.That(uncounted["total"], Is.Null);
        Assert.That(Ids(uncounted), Is.EqualTo(Ids(counted)));
        Assert.That(uncounted["nextCursor"]!.GetValue<string>(), Is.EqualTo(counted["nextCursor"]!.GetValue<string>()));
    }

    [TestCase("cursor=not-a-cursor")]
    [TestCase("cursor=MTIz")]                         // "123": no id part
    [TestCase("cursor=LTEuY2FsbF94")]                 // "-1.call_x": negative ticks
    [TestCase("offset=5&cursor=NjM4OTAwMDAwMDAwMDAwMDAwLmNhbGxfeA")] // offset and cursor together
    public async Task ABadCursor_Is400_WithTheFieldNamed(string query)
    {
        var response = await agent.GetAsync("/api/calls?" + query);

        var problem = await TestApi.ReadAsync(response, HttpStatusCode.BadRequest);
        Assert.That(problem["errors"]!.AsObject().Select(e => e.Key.ToLowerInvariant()), Has.Some.Matches<string>(k => k is "cursor" or "offset"));
    }

    private static CallLog MissedAt(int agent, CallParty driver, DateTimeOffset at)
    {
        var call = CallLog.StartTeleCmiCall(agent, driver, at.UtcDateTime);
        call.MarkDispatched("req-" + Guid.NewGuid().ToString("N")[..12], at.UtcDateTime.AddSeconds(1));
        call.Apply(new ProviderSignal(SignalKind.Cdr, CallLeg.Driver, "missed", at.UtcDateTime.AddSeconds(40)), at.UtcDateTime.AddSeconds(41));
        return call;
    }

    private static async Task<JsonObject> ListAsync(HttpClient client, string url) => await TestApi.ReadAsync(await client.GetAsync(url), HttpStatusCode.OK);

    private static List<string> Ids(JsonObject page) => page["items"]!.AsArray().Select(i => i!["id"]!.GetValue<string>()).ToList();
}
