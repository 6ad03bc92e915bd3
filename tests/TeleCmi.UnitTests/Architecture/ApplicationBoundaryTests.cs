using System.Reflection;
using System.Text.RegularExpressions;
using TeleCmi.Infrastructure.Persistence;
using TeleCmi.UnitTests.Architecture.Support;

namespace TeleCmi.UnitTests.Architecture;

/// <summary>
/// Application holds use cases and ports: threads and queues, database engines and HTTP live in Infrastructure and Api.
/// Checked on the compiled Application assembly (every type its signatures and IL use), so a type used only inside a
/// method body is caught as well as one in a signature.
/// </summary>
public sealed class ApplicationBoundaryTests
{
    private static readonly Assembly Application = typeof(TeleCmi.Application.DependencyInjection).Assembly;
    private static readonly Assembly Infrastructure = typeof(AppDbContext).Assembly;

    [Test]
    public void Application_UsesNoChannels_TheyBelongToInfrastructure()
    {
        var offending = CompiledUses.ExternalTypes(Application).Where(t => t.Namespace.StartsWith("System.Threading.Channels"));

        Assert.That(offending, Is.Empty, "queues and writer tasks go behind a port implemented in Infrastructure");
    }

    private static readonly string[] ProviderAssemblies =
        ["Pomelo.", "MySqlConnector", "Microsoft.EntityFrameworkCore.Sqlite", "Microsoft.Data.Sqlite", "Microsoft.EntityFrameworkCore.Relational"];

    [Test]
    public void Application_UsesNoProviderSpecificEfApi()
    {
        // Relational is where raw SQL (FromSql, ExecuteSql, SqlQuery) and provider annotations live.
        var offending = CompiledUses.ExternalTypes(Application).Where(t => ProviderAssemblies.Any(p => t.Assembly.StartsWith(p)));

        Assert.That(offending, Is.Empty, "Application speaks EF Core's provider-neutral API only");
    }

    [Test]
    public void Application_NamesNoIndexOrSqlHint()
    {
        var sql = new Regex(@"\bIX_\w+|FORCE INDEX|USE INDEX|force-index", RegexOptions.IgnoreCase);

        var offending = CompiledUses.Strings(Application).Where(s => sql.IsMatch(s));

        Assert.That(offending, Is.Empty, "an index hint is the provider's business: Infrastructure maps a neutral query tag to it");
    }

    [Test]
    public void Application_UsesNoHttpTypes()
    {
        var offending = CompiledUses.ExternalTypes(Application).Where(IsHttp);

        Assert.That(offending, Is.Empty, "HTTP is the Api's (and the gateway's) business");
    }

    [Test]
    public void ApplicationCommon_UsesNoTypeOfAFeature()
    {
        var features = FeatureNamespaces();
        var offending =
            from type in Application.GetTypes()
            where !type.IsNested && IsIn(type, "TeleCmi.Application.Common")
            from used in CompiledUses.TypesUsedBy(type)
            where used.Assembly == Application && features.Any(f => IsIn(used, f))
            select $"{type.FullName} uses {used.FullName}";

        Assert.That(offending.Distinct(), Is.Empty, "Common is shared by the features and depends on none of them");
    }

    // Guards the rules above against passing because the scan saw nothing: the same scan must find what Infrastructure
    // uses, and a type used only in a method body.
    [Test]
    public void TheScan_FindsProviderHttpAndChannelTypesWhereTheyAreUsed()
    {
        var infrastructure = CompiledUses.ExternalTypes(Infrastructure);

        Assert.Multiple(() =>
        {
            Assert.That(infrastructure.Where(t => t.Assembly.StartsWith("Pomelo.")), Is.Not.Empty, "Pomelo");
            Assert.That(infrastructure.Where(t => t.Assembly == "Microsoft.EntityFrameworkCore.Sqlite"), Is.Not.Empty, "SQLite");
            Assert.That(infrastructure.Where(IsHttp), Is.Not.Empty, "HttpClient");
            Assert.That(infrastructure.Where(t => t.Namespace == "System.Threading.Channels"), Is.Not.Empty, "the webhook intake's channels");
            Assert.That(CompiledUses.Strings(Infrastructure), Has.Some.Contains("IX_call_logs_Status_CreatedAt_Id"), "the index hint");
        });
    }

    [Test]
    public void TheScan_FindsATypeUsedOnlyInAMethodBody()
    {
        var used = CompiledUses.TypesUsedBy(typeof(UsesInItsBodyOnly));

        Assert.Multiple(() =>
        {
            Assert.That(used, Does.Contain(typeof(System.Text.StringBuilder)), "new in a body");
            Assert.That(used, Does.Contain(typeof(Uri)), "a static call in a lambda (compiler-generated nested type)");
        });
    }

    [Test]
    public void FeatureNamespaces_AreFoundFromTheAssembly() =>
        Assert.That(FeatureNamespaces(), Is.SupersetOf(new[] { "TeleCmi.Application.Calls", "TeleCmi.Application.Reports", "TeleCmi.Application.Webhooks" }));

    private sealed class UsesInItsBodyOnly
    {
        public int Length() => new System.Text.StringBuilder("x").Length;

        public Func<string, bool> Check() => s => Uri.IsWellFormedUriString(s, UriKind.Absolute);
    }

    private static bool IsHttp(CompiledUses.ExternalType type) =>
        type.Namespace.StartsWith("System.Net.Http") || type.Namespace.StartsWith("Microsoft.AspNetCore")
        || type.Namespace.StartsWith("Microsoft.Net.Http") || type.Assembly.StartsWith("Microsoft.AspNetCore") || type.Assembly == "System.Net.Http";

    /// <summary>TeleCmi.Application.X for every top-level folder X but Common.</summary>
    private static IReadOnlyList<string> FeatureNamespaces() =>
        Application.GetTypes().Select(t => t.Namespace).OfType<string>()
            .Where(n => n.StartsWith("TeleCmi.Application."))
            .Select(n => string.Join('.', n.Split('.').Take(3)))
            .Where(n => n != "TeleCmi.Application.Common")
            .Distinct().ToList();

    private static bool IsIn(Type type, string ns) => type.Namespace is { } n && (n == ns || n.StartsWith(ns + "."));
}
