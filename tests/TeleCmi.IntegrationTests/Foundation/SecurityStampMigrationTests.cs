using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using NUnit.Framework;
using TeleCmi.Infrastructure.Persistence;
using TeleCmi.IntegrationTests.Support;

namespace TeleCmi.IntegrationTests.Foundation;

/// <summary>
/// Agents that existed before security stamps get one from the migration: each its own, so a stamp never matches
/// another agent's and no agent is left with an empty one.
/// </summary>
[TestFixtureSource(typeof(Engines), nameof(Engines.All))]
public sealed class SecurityStampMigrationTests(DatabaseEngine engine)
{
    private const string StampMigration = "_AgentSecurityStampAndRevokedTokens";

    [Test]
    public async Task MigratingADatabaseWithAgents_GivesEachAgentItsOwnStamp()
    {
        var database = TestDatabase.Create(engine);
        try
        {
            var builder = new DbContextOptionsBuilder<AppDbContext>();
            var provider = engine == DatabaseEngine.MySql ? DatabaseProvider.MySql : DatabaseProvider.Sqlite;
            DbContextOptionsFactory.Configure(builder, new DatabaseOptions { Provider = provider }, database.ConnectionString);
            await using var db = new AppDbContext(builder.Options);
            var migrations = db.Database.GetMigrations().ToList();
            var before = migrations[migrations.FindIndex(m => m.EndsWith(StampMigration, StringComparison.Ordinal)) - 1];
            var migrator = db.GetService<IMigrator>();
            await migrator.MigrateAsync(before);
            foreach (var name in new[] { "old-one", "old-two", "old-three" })
                await db.Database.ExecuteSqlRawAsync(
                    "INSERT INTO agents (Username, PasswordHash, DisplayName, Phone, Role, TeleCmiUserId, TeleCmiCallingAllowed, IsActive, CreatedAt, UpdatedAt) " +
                    $"VALUES ('{name}', 'hash', 'Old agent', '+919100000001', 'Telecaller', NULL, 0, 1, '2026-01-01 00:00:00', '2026-01-01 00:00:00')");

            await migrator.MigrateAsync();

            var stamps = await db.Agents.AsNoTracking().Where(a => a.Username.StartsWith("old-")).Select(a => a.SecurityStamp).ToListAsync();
            Assert.That(stamps, Has.Count.EqualTo(3));
            Assert.That(stamps, Has.All.Match("^[0-9A-F]{32}$"));
            Assert.That(stamps, Is.Unique);
        }
        finally
        {
            await database.DropAsync();
        }
    }
}
