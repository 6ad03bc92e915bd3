using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NUnit.Framework;
using TeleCmi.Infrastructure.Persistence;
using TeleCmi.IntegrationTests.Support;

namespace TeleCmi.IntegrationTests.Calls;

/// <summary>
/// POST /api/calls rings only numbers the business means to ring (default: Indian mobiles and landlines). Every refused
/// kind, with a real number libphonenumber holds valid: 422 naming <c>phone</c>, no call row, no request to TeleCMI.
/// </summary>
[TestFixtureSource(typeof(Engines), nameof(Engines.All))]
public sealed class DestinationTests(DatabaseEngine engine) : ApiFixture(engine)
{
    private HttpClient agent = null!;
    private string driverId = "";

    [OneTimeSetUp]
    public async Task SeedAsync()
    {
        (agent, _) = await Api.NewAgentAsync("telecaller", teleCmi: true);
        driverId = await Api.NewDriverAsync("9876543210");
    }

    private static IEnumerable<TestCaseData> Refused()
    {
        TestCaseData Case(string phone, string reason, string name) => new TestCaseData(phone, reason).SetArgDisplayNames(name);
        yield return Case("+12125550123", "US", "US number");
        yield return Case("+447911123456", "GG", "UK mobile (Guernsey range)");
        yield return Case("+447400123456", "GB", "UK mobile");
        yield return Case("+449098790000", "Premium-rate", "UK premium rate");
        yield return Case("+911861123456789", "Premium-rate", "Indian premium rate");
        yield return Case("+911800123456", "Toll-free", "Indian toll-free 1800");
        yield return Case("+80012345678", "Toll-free", "international freephone +800");
        yield return Case("+9118603451234", "Shared-cost", "Indian shared cost 1860");
        yield return Case("+911409305260", "Universal access", "Indian UAN");
        yield return Case("+445612345678", "VoIP", "UK VoIP 056");
        yield return Case("+447012345678", "Personal", "UK personal number 070");
        yield return Case("+447640123456", "Pager", "UK pager 076");
        yield return Case("+88213400000", "Satellite", "satellite +882");
        yield return Case("+881612345678", "Satellite", "satellite +881");
        yield return Case("+870301234567", "Satellite", "Inmarsat +870");
        yield return Case("112", "Emergency", "emergency 112");
        yield return Case("100", "Emergency", "emergency 100 (police)");
        yield return Case("+1 911", "Emergency", "emergency +1 911");
    }

    [TestCaseSource(nameof(Refused))]
    public async Task InitiateCall_ToAnUndialableNumber_Is422NamingPhone_StoresNothing_SendsNothing(string phone, string reason)
    {
        var before = await CallRowsAsync(driverId);

        var response = await agent.PostAsJsonAsync("/api/calls", new { driverId, phone });

        var problem = await TestApi.ReadAsync(response, HttpStatusCode.UnprocessableEntity);
        Assert.Multiple(async () =>
        {
            Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"));
            Assert.That(problem["errors"]?["phone"]?[0]?.GetValue<string>(), Does.Contain(reason), problem.ToJsonString());
            Assert.That(await CallRowsAsync(driverId), Is.EqualTo(before), "no call row stored");
            Assert.That(Factory.Gateway.Requests, Is.Empty, "nothing sent to TeleCMI");
        });
    }

    [TestCase("+919812345678", TestName = "InitiateCall_ToAnIndianMobile_Dials")]
    [TestCase("9123456780", TestName = "InitiateCall_ToAnIndianMobileWithoutCountryCode_Dials")]
    [TestCase("+911140000000", TestName = "InitiateCall_ToAnIndianLandline_Dials")]
    [TestCase("011 4000 0001", TestName = "InitiateCall_ToAnIndianLandlineWithTrunkPrefix_Dials")]
    public async Task InitiateCall_ToAnIndianMobileOrLandline_Dials(string phone)
    {
        var driver = await Api.NewDriverAsync("9876500123");

        var created = await TestApi.ReadAsync(await agent.PostAsJsonAsync("/api/calls", new { driverId = driver, phone }), HttpStatusCode.Created);

        Assert.Multiple(() =>
        {
            Assert.That(created["status"]!.GetValue<string>(), Is.EqualTo("initiated"));
            Assert.That(Factory.Gateway.Requests, Has.Count.EqualTo(1));
        });
    }

    [Test]
    public async Task ADriverWithAForeignNumber_IsStored_ButNotDialled()
    {
        var foreign = await Api.NewDriverAsync("+12125550123", "Visiting Driver");

        var problem = await TestApi.ReadAsync(await agent.PostAsJsonAsync("/api/calls", new { driverId = foreign }), HttpStatusCode.UnprocessableEntity);

        Assert.Multiple(async () =>
        {
            Assert.That(problem["errors"]?["phone"]?[0]?.GetValue<string>(), Does.Contain("number on record is not dialable"));
            Assert.That(problem["detail"]!.GetValue<string>(), Does.Not.Contain("2125550123"), "the number is masked");
            Assert.That(await CallRowsAsync(foreign), Is.Zero);
            Assert.That(Factory.Gateway.Requests, Is.Empty);
        });
    }

    [Test]
    public async Task ADriverWithAForeignNumber_CanBeDialledOnAnIndianNumberPassedAsPhone()
    {
        var foreign = await Api.NewDriverAsync("+447400123456", "Driver on a UK SIM");

        await TestApi.ReadAsync(await agent.PostAsJsonAsync("/api/calls", new { driverId = foreign, phone = "9876500777" }), HttpStatusCode.Created);

        Assert.That(Factory.Gateway.Requests.Single().ToDigits, Is.EqualTo("919876500777"));
    }

    [Test]
    public async Task LogManualCall_ToAForeignNumber_IsRecorded_BecauseItDialsNothing()
    {
        var foreign = await Api.NewDriverAsync("+12125550123", "Visiting Driver");

        await TestApi.ReadAsync(await agent.PostAsJsonAsync("/api/calls/manual", new { driverId = foreign, outcome = "connected" }), HttpStatusCode.Created);

        Assert.That(Factory.Gateway.Requests, Is.Empty);
    }

    [Test]
    public async Task AnInvalidNumber_IsStillA400_NotA422() =>
        await TestApi.ReadAsync(await agent.PostAsJsonAsync("/api/calls", new { driverId, phone = "12345" }), HttpStatusCode.BadRequest);

    private async Task<int> CallRowsAsync(string driver)
    {
        using var scope = Factory.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<AppDbContext>().CallLogs.CountAsync(c => c.DriverId == driver);
    }
}

/// <summary><c>Calls:AllowedCountries</c> widens the countries; the kinds of line stay as configured.</summary>
[TestFixtureSource(typeof(Engines), nameof(Engines.All))]
public sealed class ConfiguredDestinationTests(DatabaseEngine engine) : ApiFixture(engine)
{
    protected override void ConfigureService(IWebHostBuilder builder) => builder.UseSetting("Calls:AllowedCountries", "IN,GB");

    [Test]
    public async Task AnAllowedSecondCountry_ItsMobilesAreDialled_ItsPremiumRateNumbersAreNot()
    {
        var (agent, _) = await Api.NewAgentAsync("telecaller", teleCmi: true);
        var driverId = await Api.NewDriverAsync("+447400123456", "Driver on a UK SIM");

        await TestApi.ReadAsync(await agent.PostAsJsonAsync("/api/calls", new { driverId }), HttpStatusCode.Created);
        var refused = await TestApi.ReadAsync(await agent.PostAsJsonAsync("/api/calls", new { driverId = await Api.NewDriverAsync(), phone = "+449098790000" }),
            HttpStatusCode.UnprocessableEntity);

        Assert.Multiple(() =>
        {
            Assert.That(Factory.Gateway.Requests.Single().ToDigits, Is.EqualTo("447400123456"));
            Assert.That(refused["errors"]?["phone"]?[0]?.GetValue<string>(), Does.Contain("Premium-rate"));
        });
    }
}
