using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using NUnit.Framework;
using TeleCmi.Domain.Calls;
using TeleCmi.Infrastructure.Persistence;
using TeleCmi.IntegrationTests.Support;

namespace TeleCmi.IntegrationTests.Foundation;

/// <summary>
/// Migration NotPlacedCalls on a database that already holds calls: the attempts stored as failed before not_placed
/// existed (recognised by the reason InitiateCall wrote for them) become not_placed, real refusals stay failed, and the
/// rollup is emptied so that their days are counted again.
/// </summary>
[TestFixtureSource(typeof(Engines), nameof(Engines.All))]
public sealed class NotPlacedMigrationTests(DatabaseEngine engine)
{
    private const string Before = "AgentIndexCoversProvider";

    [Test]
    public async Task NotPlacedCalls_TurnsEarlierNotPlacedFailuresIntoNotPlaced_KeepsRefusals_AndEmptiesTheRollup()
    {
        var database = TestDatabase.Create(engine);
        try
        {
            await using (var db = Context(database))
            {
                var migrator = db.GetService<IMigrator>();
                var previous = db.Database.GetMigrations().Last(m => m.EndsWith("_" + Before, StringComparison.Ordinal));
                await migrator.MigrateAsync(previous);
                // Raw SQL with the columns of that time: later migrations may add columns the current model knows.
                await db.Database.ExecuteSqlRawAsync(
                    "INSERT INTO agents (Username, PasswordHash, DisplayName, Phone, Role, TeleCmiUserId, TeleCmiCallingAllowed, IsActive, CreatedAt, UpdatedAt) " +
                    "VALUES ('asha', 'x', 'Asha', '+919812345678', 'Telecaller', '5003_1111112', 1, 1, '2026-03-01 08:00:00', '2026-03-01 08:00:00')");
                await db.Database.ExecuteSqlRawAsync(
                    "INSERT INTO drivers (Id, Name, Phone, TmId, Kind, CreatedAt, UpdatedAt) " +
                    "VALUES ('DRV-1', 'Ramesh', '+919876543210', NULL, 'Driver', '2026-03-01 08:00:00', '2026-03-01 08:00:00')");
                var agentId = await db.Database.SqlQueryRaw<int>("SELECT Id AS Value FROM agents").SingleAsync();
                await InsertCallAsync(db, "call_down", agentId, "Refused", "TeleCMI unavailable, no call was placed: TeleCMI answered HTTP 503");
                await InsertCallAsync(db, "call_refused", agentId, "Refused", "TeleCMI refused the call (code 404): Invalid number");
                await InsertCallAsync(db, "call_maybe", agentId, "Unconfirmed", "TeleCMI did not answer in time (timeout); the call may still have been placed.");
                await db.Database.ExecuteSqlRawAsync("INSERT INTO report_days (Zone, Day, ComputedAt) VALUES ('Asia/Kolkata', '2026-03-01', '2026-03-02 00:10:00')");

                await migrator.MigrateAsync();
            }

            await using (var check = Context(database))
            {
                var calls = await check.CallLogs.AsNoTracking().ToDictionaryAsync(c => c.Id);
                Assert.Multiple(async () =>
                {
                    Assert.That((calls["call_down"].Status, calls["call_down"].Dispatch), Is.EqualTo((CallStatus.NotPlaced, DispatchState.NotPlaced)));
                    Assert.That((calls["call_refused"].Status, calls["call_refused"].Dispatch), Is.EqualTo((CallStatus.Failed, DispatchState.Refused)));
                    Assert.That((calls["call_maybe"].Status, calls["call_maybe"].Dispatch), Is.EqualTo((CallStatus.Failed, DispatchState.Unconfirmed)));
                    Assert.That(await check.RollupDays.CountAsync(), Is.Zero, "the rollup is counted again");
                });
            }
        }
        finally
        {
            await database.DropAsync();
        }
    }

    private static Task InsertCallAsync(AppDbContext db, string id, int agentId, string dispatch, string reason) =>
        db.Database.ExecuteSqlRawAsync(
            "INSERT INTO call_logs (Id, AgentId, DriverId, DriverName, DriverPhone, Provider, Status, Dispatch, AgentLeg, DriverLeg, IsStale, " +
            "FailureReason, CreatedAt, UpdatedAt, Version) " +
            "VALUES ({0}, {1}, 'DRV-1', 'Ramesh', '+919876543210', 'TeleCmi', 'Failed', {2}, 'None', 'None', 0, {3}, " +
            "'2026-03-01 10:00:00', '2026-03-01 10:00:01', 2)",
            id, agentId, dispatch, reason);

    private static AppDbContext Context(TestDatabase database)
    {
        var builder = new DbContextOptionsBuilder<AppDbContext>();
        var provider = database.Engine == DatabaseEngine.MySql ? DatabaseProvider.MySql : DatabaseProvider.Sqlite;
        DbContextOptionsFactory.Configure(builder, new DatabaseOptions { Provider = provider }, database.ConnectionString);
        return new AppDbContext(builder.Options);
    }
}
