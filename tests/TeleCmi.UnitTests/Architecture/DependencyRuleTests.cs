using System.Reflection;
using System.Xml.Linq;
using TeleCmi.Domain.Calls;
using TeleCmi.Infrastructure.Persistence;

namespace TeleCmi.UnitTests.Architecture;

/// <summary>
/// Dependencies point inwards only: Api -> Application/Infrastructure -> Domain; the TeleCMI stand-in depends on none of
/// them, and none of them but the Api on it (see <see cref="StandInBoundaryTests"/>). Checked twice: on the compiled
/// assemblies (what the code really uses) and on the project files (so a package added but not used yet fails too).
/// </summary>
public sealed class DependencyRuleTests
{
    public sealed record Layer(string Name, Assembly Assembly, string ProjectFile)
    {
        public override string ToString() => Name;
    }

    private static readonly Layer Domain = new("Domain", typeof(CallLog).Assembly, "src/Domain/TeleCmi.Domain.csproj");
    private static readonly Layer Application = new("Application", typeof(TeleCmi.Application.DependencyInjection).Assembly, "src/Application/TeleCmi.Application.csproj");
    private static readonly Layer Infrastructure = new("Infrastructure", typeof(AppDbContext).Assembly, "src/Infrastructure/TeleCmi.Infrastructure.csproj");
    private static readonly Layer StandIn = new("StandIn", typeof(TeleCmi.StandIn.StandInHost).Assembly, "src/TeleCmiStandIn/TeleCmi.StandIn.csproj");

    private static readonly (Layer Layer, string[] Forbidden)[] Rules =
    [
        (Domain, ["Microsoft.EntityFrameworkCore*", "Microsoft.AspNetCore*", "System.Net.Http*", "Mediator*", "FluentValidation*",
                  "TeleCmi.Application", "TeleCmi.Infrastructure", "TeleCmi.Api", "TeleCmi.StandIn"]),
        (Application, ["TeleCmi.Infrastructure", "TeleCmi.Api", "Microsoft.AspNetCore*", "Pomelo*", "Microsoft.Data.Sqlite*",
                       "Microsoft.EntityFrameworkCore.Sqlite*", "System.Net.Http*", "TeleCmi.StandIn"]),
        (Infrastructure, ["TeleCmi.Api", "TeleCmi.StandIn"]),
        // The stand-in plays TeleCMI from the outside: it talks to the service over HTTP only and shares none of its code.
        (StandIn, ["TeleCmi.Domain", "TeleCmi.Application", "TeleCmi.Infrastructure", "TeleCmi.Api", "Microsoft.EntityFrameworkCore*"]),
    ];

    private static IEnumerable<TestCaseData> ForbiddenReferences() =>
        Rules.SelectMany(r => r.Forbidden.Select(f => new TestCaseData(r.Layer, f).SetArgDisplayNames(r.Layer.Name, f)));

    [TestCaseSource(nameof(ForbiddenReferences))]
    public void CompiledAssembly_DoesNotReference(Layer layer, string forbidden)
    {
        var offending = layer.Assembly.GetReferencedAssemblies().Select(a => a.Name!).Where(n => Matches(n, forbidden));

        Assert.That(offending, Is.Empty, $"{layer.Name} must not depend on {forbidden}");
    }

    [TestCaseSource(nameof(ForbiddenReferences))]
    public void ProjectFile_DoesNotReference(Layer layer, string forbidden)
    {
        var offending = ProjectReferences(layer).Where(n => Matches(n, forbidden));

        Assert.That(offending, Is.Empty, $"{layer.ProjectFile} (or a Directory.Build file above it) must not reference {forbidden}");
    }

    [Test]
    public void Application_ReferencesDomain_InTheAssemblyAndTheProjectFile()
    {
        Assert.Multiple(() =>
        {
            Assert.That(Application.Assembly.GetReferencedAssemblies().Select(a => a.Name), Does.Contain("TeleCmi.Domain"));
            Assert.That(ProjectReferences(Application), Does.Contain("TeleCmi.Domain"));
        });
    }

    // Guards the checks above against passing because the project files were not read at all.
    [Test]
    public void ProjectReferences_ReadsPackageProjectAndFrameworkReferences()
    {
        Assert.Multiple(() =>
        {
            Assert.That(ProjectReferences(Domain), Does.Contain("libphonenumber-csharp"));
            Assert.That(ProjectReferences(Application), Does.Contain("Mediator.Abstractions").And.Contain("TeleCmi.Domain"));
            Assert.That(ProjectReferences(Infrastructure), Does.Contain("Microsoft.AspNetCore.App").And.Contain("Pomelo.EntityFrameworkCore.MySql")
                .And.Contain("TeleCmi.Application"));
        });
    }

    [Test]
    public void ProjectReferences_TreatsTheWebSdkAsAnAspNetCoreReference()
    {
        var api = Path.Combine(RepositoryRoot(), "src", "Api", "TeleCmi.Api.csproj");

        Assert.That(ReferencesIn(api), Does.Contain("Microsoft.AspNetCore.App"));
    }

    private static bool Matches(string name, string pattern) =>
        pattern.EndsWith('*')
            ? name.StartsWith(pattern[..^1], StringComparison.OrdinalIgnoreCase)
            : name.Equals(pattern, StringComparison.OrdinalIgnoreCase);

    private static IReadOnlyList<string> ProjectReferences(Layer layer)
    {
        var root = RepositoryRoot();
        var project = Path.GetFullPath(Path.Combine(root, layer.ProjectFile));
        Assert.That(project, Does.Exist, "project file");
        var references = ReferencesIn(project).ToList();
        // Directory.Build.props/targets between the project and the repository root are imported into it as well.
        for (var dir = Path.GetDirectoryName(project); dir is not null && dir.Length >= root.Length; dir = Path.GetDirectoryName(dir))
            foreach (var name in new[] { "Directory.Build.props", "Directory.Build.targets" })
                if (File.Exists(Path.Combine(dir, name))) references.AddRange(ReferencesIn(Path.Combine(dir, name)));
        return references;
    }

    private static IEnumerable<string> ReferencesIn(string msbuildFile)
    {
        var xml = XDocument.Load(msbuildFile);
        var sdk = xml.Root?.Attribute("Sdk")?.Value ?? string.Empty;
        if (sdk.StartsWith("Microsoft.NET.Sdk.Web", StringComparison.OrdinalIgnoreCase)) yield return "Microsoft.AspNetCore.App";
        foreach (var item in xml.Descendants().Where(e => e.Name.LocalName is "PackageReference" or "FrameworkReference" or "ProjectReference"))
        {
            var include = item.Attribute("Include")?.Value;
            if (string.IsNullOrWhiteSpace(include)) continue;
            yield return item.Name.LocalName == "ProjectReference"
                ? Path.GetFileNameWithoutExtension(include.Replace('\\', Path.DirectorySeparatorChar))
                : include;
        }
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(TestContext.CurrentContext.TestDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "TeleCmi.sln"))) return dir.FullName;
        throw new InvalidOperationException($"TeleCmi.sln not found above {TestContext.CurrentContext.TestDirectory}.");
    }
}
