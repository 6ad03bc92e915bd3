using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using NUnit.Framework;
using TeleCmi.Infrastructure.Persistence;

namespace TeleCmi.IntegrationTests.Foundation;

/// <summary>Migrations and the DBA's script stay in step with the model.</summary>
public sealed class SchemaTests
{
    private static AppDbContext Context(DatabaseProvider provider)
    {
        var builder = new DbContextOptionsBuilder<AppDbContext>();
        var connection = provider == DatabaseProvider.MySql ? "Server=localhost;Database=telecmi;User=x;Password=x;" : "Data Source=:memory:";
        DbContextOptionsFactory.Configure(builder, new DatabaseOptions { Provider = provider }, connection);
        return new AppDbContext(builder.Options);
    }

    [TestCase(DatabaseProvider.Sqlite)]
    [TestCase(DatabaseProvider.MySql)]
    public void Migrations_CoverTheWholeModel(DatabaseProvider provider)
    {
        using var db = Context(provider);

        Assert.That(db.Database.HasPendingModelChanges(), Is.False,
            $"The model changed without a {provider} migration. Run: dotnet ef migrations add <Name> --project migrations/{provider.ToString().ToLowerInvariant()}");
    }

    [Test]
    public void MySqlSchemaScript_IsTheIdempotentScriptOfTheCurrentMigrations()
    {
        using var db = Context(DatabaseProvider.MySql);
        var expected = db.GetService<IMigrator>().GenerateScript(options: MigrationsSqlGenerationOptions.Idempotent);
        var path = Path.Combine(RepoRoot(), "migrations", "mysql", "schema.sql");

        var actual = File.ReadAllText(path).TrimStart('\uFEFF');

        Assert.That(Normalise(actual), Is.EqualTo(Normalise(expected)),
            "migrations/mysql/schema.sql is out of date. Regenerate it: cd migrations/mysql && dotnet ef migrations script --idempotent -o schema.sql");
    }

    private static string Normalise(string sql) => sql.Replace("\r\n", "\n").Trim();

    internal static string RepoRoot()
    {
        var dir = new DirectoryInfo(TestContext.CurrentContext.TestDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "TeleCmi.sln"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("TeleCmi.sln not found above the test directory.");
    }
}
