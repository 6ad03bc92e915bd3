using TeleCmi.Domain.Agents;
using TeleCmi.Domain.Calls;
using TeleCmi.Infrastructure.Persistence;
using TeleCmi.UnitTests.Support;

namespace TeleCmi.UnitTests.Infrastructure;

/// <summary>MySQL's datetime(6) keeps whole microseconds: the interceptor makes the saved entity hold what is stored.</summary>
public sealed class WholeMicrosecondsInterceptorTests
{
    private static readonly DateTime WithTicks = new DateTime(2025, 1, 15, 10, 0, 0, DateTimeKind.Utc).AddTicks(1_234_567);
    private static readonly DateTime Truncated = new DateTime(2025, 1, 15, 10, 0, 0, DateTimeKind.Utc).AddTicks(1_234_560);

    [Test]
    public async Task Saving_AnAddedCall_CutsItsTimesToWholeMicroseconds()
    {
        using var database = new SqliteTestDatabase();
        var agentId = await SeedAsync(database);
        await using var db = database.NewContext(new WholeMicrosecondsInterceptor());
        var call = CallLog.StartTeleCmiCall(agentId, CallFacts.Driver, WithTicks);
        db.CallLogs.Add(call);

        await db.SaveChangesAsync();

        Assert.Multiple(() =>
        {
            Assert.That(call.CreatedAt, Is.EqualTo(Truncated));
            Assert.That(call.UpdatedAt, Is.EqualTo(Truncated));
            Assert.That(call.CreatedAt.Kind, Is.EqualTo(DateTimeKind.Utc));
        });
    }

    [Test]
    public async Task Saving_AChangedCall_CutsTheChangedTime_AndLeavesTheOthers()
    {
        using var database = new SqliteTestDatabase();
        var agentId = await SeedAsync(database);
        await using var db = database.NewContext(new WholeMicrosecondsInterceptor());
        var call = CallLog.StartTeleCmiCall(agentId, CallFacts.Driver, Truncated);
        db.CallLogs.Add(call);
        await db.SaveChangesAsync();

        call.MarkDispatched("req-1", WithTicks.AddSeconds(1));
        await db.SaveChangesAsync();

        Assert.Multiple(() =>
        {
            Assert.That(call.UpdatedAt, Is.EqualTo(Truncated.AddSeconds(1)));
            Assert.That(call.CreatedAt, Is.EqualTo(Truncated));
            Assert.That(db.Entry(call).Property(c => c.CreatedAt).IsModified, Is.False);
        });
    }

    [Test]
    public async Task WithoutTheInterceptor_TheTicksStay_SoTheTestsAboveCanFail()
    {
        using var database = new SqliteTestDatabase();
        var agentId = await SeedAsync(database);
        await using var db = database.NewContext();
        var call = CallLog.StartTeleCmiCall(agentId, CallFacts.Driver, WithTicks);
        db.CallLogs.Add(call);

        await db.SaveChangesAsync();

        Assert.That(call.CreatedAt, Is.EqualTo(WithTicks));
    }

    private static async Task<int> SeedAsync(SqliteTestDatabase database)
    {
        await using var seed = database.NewContext();
        var agent = await seed.AddAgentAsync("asha", AgentRole.Telecaller, Truncated, TestData.TeleCmiUserId, callingAllowed: true);
        await seed.AddDriverAsync(CallFacts.Driver.DriverId, "9876543210", Truncated);
        return agent.Id;
    }
}
