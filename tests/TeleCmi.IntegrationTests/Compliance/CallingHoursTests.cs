using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using NUnit.Framework;
using TeleCmi.Infrastructure.Persistence;
using TeleCmi.IntegrationTests.Compatibility;
using TeleCmi.IntegrationTests.Support;

namespace TeleCmi.IntegrationTests.Compliance;

/// <summary>
/// TeleCMI calls only inside the calling hours: 09:00-21:00 IST, Sunday closed, 2026-03-16 a holiday (a Monday). The
/// service's clock is fixed per test. Outside the hours a dial is a 422 with <c>nextAllowedAt</c>, nothing stored,
/// nothing sent to TeleCMI; a manual call is still logged; a follow-up outside the hours is refused.
/// </summary>
[TestFixtureSource(typeof(Engines), nameof(Engines.All))]
public sealed class CallingHoursTests(DatabaseEngine engine) : ApiFixture(engine)
{
    private readonly TestClock clock = new();
    private HttpClient agent = null!;
    private HttpClient seedAgent = null!;
    private long seedCallerId;

    protected override void ConfigureService(IWebHostBuilder builder)
    {
        builder.UseSetting("Compliance:CallingHours", "09:00-21:00");
        builder.UseSetting("Compliance:Days:Sunday", ""); // empty: closed
        builder.UseSetting("Compliance:Holidays", "2026-03-16,2026-08-15");
        builder.UseSetting("Compliance:TimeZone", "Asia/Kolkata");
        builder.ConfigureTestServices(services =>
        {
            services.RemoveAll<TimeProvider>();
            services.AddSingleton<TimeProvider>(clock);
        });
    }

    [OneTimeSetUp]
    public async Task SignInAsync()
    {
        (agent, _) = await Api.NewAgentAsync("telecaller", teleCmi: true);
        (seedAgent, seedCallerId, _, _) = await new SeedClient(Api).NewCallerAsync();
    }

    [SetUp]
    public void RealTime() => clock.Now = null;

    private static DateTimeOffset Ist(string local) => DateTimeOffset.Parse(local + "+05:30");

    [Test]
    public async Task Dial_At2105Ist_Is422WithNextAllowedAt_StoresNothing_SendsNothing()
    {
        var driver = await Api.NewDriverAsync("9876511001");
        clock.Now = Ist("2026-03-13T21:05:00"); // a Friday

        var response = await agent.PostAsJsonAsync("/api/calls", new { driverId = driver });

        var problem = await TestApi.ReadAsync(response, HttpStatusCode.UnprocessableEntity);
        Assert.Multiple(async () =>
        {
            Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"));
            Assert.That(problem["nextAllowedAt"]!.GetValue<string>(), Is.EqualTo("2026-03-14T09:00:00+05:30"), "Saturday morning");
            Assert.That(problem["detail"]!.GetValue<string>(), Does.Contain("09:00-21:00").And.Contain("Asia/Kolkata"));
            Assert.That(Factory.Gateway.Requests, Is.Empty, "nothing sent to TeleCMI");
            Assert.That(await CallRowsAsync(driver), Is.Zero, "nothing stored");
        });
    }

    [Test]
    public async Task Dial_At2055Ist_IsPlaced()
    {
        var driver = await Api.NewDriverAsync("9876511002");
        clock.Now = Ist("2026-03-13T20:55:00");

        var created = await TestApi.ReadAsync(await agent.PostAsJsonAsync("/api/calls", new { driverId = driver }), HttpStatusCode.Created);

        Assert.Multiple(() =>
        {
            Assert.That(created["status"]!.GetValue<string>(), Is.EqualTo("initiated"));
            Assert.That(Factory.Gateway.Requests, Has.Count.EqualTo(1));
        });
    }

    [Test]
    public async Task Dial_OnAHoliday_Is422_NextAllowedTheNextWorkingMorning()
    {
        var driver = await Api.NewDriverAsync("9876511003");
        clock.Now = Ist("2026-03-16T11:00:00"); // a Monday, configured as a holiday

        var problem = await TestApi.ReadAsync(await agent.PostAsJsonAsync("/api/calls", new { driverId = driver }), HttpStatusCode.UnprocessableEntity);

        Assert.Multiple(async () =>
        {
            Assert.That(problem["nextAllowedAt"]!.GetValue<string>(), Is.EqualTo("2026-03-17T09:00:00+05:30"));
            Assert.That(problem["detail"]!.GetValue<string>(), Does.Contain("no calls on that day"));
            Assert.That(Factory.Gateway.Requests, Is.Empty);
            Assert.That(await CallRowsAsync(driver), Is.Zero);
        });
    }

    [Test]
    public async Task Dial_OnSaturdayNight_NextAllowedSkipsTheClosedSundayAndTheHoliday()
    {
        var driver = await Api.NewDriverAsync("9876511004");
        clock.Now = Ist("2026-03-14T22:30:00");

        var problem = await TestApi.ReadAsync(await agent.PostAsJsonAsync("/api/calls", new { driverId = driver }), HttpStatusCode.UnprocessableEntity);

        Assert.That(problem["nextAllowedAt"]!.GetValue<string>(), Is.EqualTo("2026-03-17T09:00:00+05:30"));
    }

    [Test]
    public async Task Dial_ThroughTheSeedRoute_OutsideHours_IsRefused_SendsNothing()
    {
        var driver = await Api.NewDriverAsync("9876511005");
        clock.Now = Ist("2026-03-13T06:00:00");

        var envelope = await SeedClient.FailureAsync(
            await SeedClient.ClickToCallAsync(seedAgent, seedCallerId, driver, "919876511005"), HttpStatusCode.UnprocessableEntity);

        Assert.Multiple(async () =>
        {
            Assert.That(envelope["error"]!.GetValue<string>(), Does.Contain("outside calling hours").And.Contain("2026-03-13T09:00:00+05:30"));
            Assert.That(Factory.Gateway.Requests, Is.Empty);
            Assert.That(await CallRowsAsync(driver), Is.Zero);
        });
    }

    [Test]
    public async Task ManualCall_OutsideHours_IsLogged()
    {
        var driver = await Api.NewDriverAsync("9876511006");
        clock.Now = Ist("2026-03-13T22:15:00");

        var created = await TestApi.ReadAsync(
            await agent.PostAsJsonAsync("/api/calls/manual", new { driverId = driver, outcome = "connected" }), HttpStatusCode.Created);

        Assert.Multiple(async () =>
        {
            Assert.That(created["provider"]!.GetValue<string>(), Is.EqualTo("manual"));
            Assert.That(Factory.Gateway.Requests, Is.Empty);
            Assert.That(await CallRowsAsync(driver), Is.EqualTo(1));
        });
    }

    [Test]
    public async Task FollowUp_OutsideHours_IsRefusedNamingFollowUpAt_InFeedbackAndManualCalls()
    {
        var driver = await Api.NewDriverAsync("9876511007");
        clock.Now = Ist("2026-03-13T12:00:00");
        var call = await TestApi.ReadAsync(await agent.PostAsJsonAsync("/api/calls", new { driverId = driver }), HttpStatusCode.Created);
        var callId = call["id"]!.GetValue<string>();

        var feedback = await agent.PutAsJsonAsync($"/api/calls/{callId}/feedback",
            new { outcome = "call_back_later", followUpAt = "2026-03-14T22:30:00+05:30" });
        var manual = await agent.PostAsJsonAsync("/api/calls/manual",
            new { driverId = driver, outcome = "call_back_later", followUpAt = "2026-03-15T10:00:00+05:30" });

        var refusedFeedback = await TestApi.ReadAsync(feedback, HttpStatusCode.UnprocessableEntity);
        var refusedManual = await TestApi.ReadAsync(manual, HttpStatusCode.UnprocessableEntity);
        Assert.Multiple(() =>
        {
            Assert.That(refusedFeedback["errors"]?["followUpAt"]?[0]?.GetValue<string>(), Does.Contain("outside calling hours"), refusedFeedback.ToJsonString());
            Assert.That(refusedFeedback["nextAllowedAt"]!.GetValue<string>(), Is.EqualTo("2026-03-17T09:00:00+05:30"));
            Assert.That(refusedManual["errors"]?["followUpAt"]?[0]?.GetValue<string>(), Does.Contain("no calls on that day"), "Sunday is closed");
            Assert.That(refusedManual["nextAllowedAt"]!.GetValue<string>(), Is.EqualTo("2026-03-17T09:00:00+05:30"));
        });
    }

    [Test]
    public async Task FollowUp_InsideHours_IsKept()
    {
        var driver = await Api.NewDriverAsync("9876511008");
        clock.Now = Ist("2026-03-13T12:00:00");

        var created = await TestApi.ReadAsync(await agent.PostAsJsonAsync("/api/calls/manual",
            new { driverId = driver, outcome = "call_back_later", followUpAt = "2026-03-14T20:59:00+05:30" }), HttpStatusCode.Created);

        Assert.That(DateTimeOffset.Parse(created["followUpAt"]!.GetValue<string>()), Is.EqualTo(Ist("2026-03-14T20:59:00")));
    }

    [Test]
    public async Task Policy_ShowsTheHours_AndWhetherCallingIsAllowedNow()
    {
        clock.Now = Ist("2026-03-13T21:05:00");
        var closed = await TestApi.ReadAsync(await agent.GetAsync("/api/policy"), HttpStatusCode.OK);
        clock.Now = Ist("2026-03-13T10:00:00");
        var open = await TestApi.ReadAsync(await agent.GetAsync("/api/policy"), HttpStatusCode.OK);

        var days = closed["callingHours"]!.AsArray().Select(d => (d!["day"]!.GetValue<string>(), d["hours"]?.GetValue<string>())).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(closed["timeZone"]!.GetValue<string>(), Is.EqualTo("Asia/Kolkata"));
            Assert.That(days, Has.Count.EqualTo(7));
            Assert.That(days[0], Is.EqualTo(("Monday", (string?)"09:00-21:00")));
            Assert.That(days[6], Is.EqualTo(("Sunday", (string?)null)));
            Assert.That(closed["holidays"]!.AsArray().Select(h => h!.GetValue<string>()), Is.EqualTo(new[] { "2026-03-16", "2026-08-15" }));
            Assert.That(closed["callingAllowedNow"]!.GetValue<bool>(), Is.False);
            Assert.That(closed["nextAllowedAt"]!.GetValue<string>(), Is.EqualTo("2026-03-14T09:00:00+05:30"));
            Assert.That(open["callingAllowedNow"]!.GetValue<bool>(), Is.True);
            Assert.That(open["nextAllowedAt"]!.GetValue<string>(), Is.EqualTo("2026-03-13T10:00:00+05:30"), "now, when calling is allowed");
        });
    }

    [Test]
    public async Task Policy_NeedsASignedInAgent() =>
        await TestApi.ReadAsync(await Api.Anonymous().GetAsync("/api/policy"), HttpStatusCode.Unauthorized);

    private async Task<int> CallRowsAsync(string driver)
    {
        using var scope = Factory.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<AppDbContext>().CallLogs.CountAsync(c => c.DriverId == driver);
    }
}
