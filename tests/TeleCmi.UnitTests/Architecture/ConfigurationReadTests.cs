using System.Text.RegularExpressions;

namespace TeleCmi.UnitTests.Architecture;

/// <summary>
/// Settings reach the code as options classes (bound, validated at start), never as raw configuration keys read on the
/// side, which nothing validates. A text scan of src/*.cs: simple, and it catches the usual spellings
/// (<c>configuration["X"]</c>, <c>configuration.GetValue(...)</c>, <c>GetConnectionString</c>, a section bound with
/// <c>.Get&lt;SomeOptions&gt;()</c> before the host exists); an IConfiguration under another variable name would slip through.
/// </summary>
public sealed partial class ConfigurationReadTests
{
    /// <summary>The exceptions, each with its reason.</summary>
    private static readonly Dictionary<string, string> Allowed = new()
    {
        // Logging:Json chooses the console format while the host is being built, before options exist; and the metrics
        // switch decides what to register (this file is being reworked for Metrics:Port separately).
        ["src/Api/Infrastructure/Observability/ObservabilitySetup.cs"] = "logging set-up before the host exists",
        // The stand-in listens on its default port only when no server URL was given at all: a web-host setting, read
        // while its host is being built.
        ["src/TeleCmiStandIn/StandInHost.cs"] = "the stand-in's default port before its host exists",
    };

    [Test]
    public void NoSourceFile_ReadsRawConfigurationKeys()
    {
        var offending = SourceFiles()
            .Where(f => !Allowed.ContainsKey(f.Relative))
            .SelectMany(f => File.ReadLines(f.Full).Select((line, i) => (f.Relative, Line: i + 1, Text: line.Trim())))
            .Where(l => RawRead().IsMatch(l.Text))
            .Select(l => $"{l.Relative}:{l.Line}: {l.Text}")
            .ToList();

        Assert.That(offending, Is.Empty, "bind an options class and validate it on start instead");
    }

    // Guards the scan against passing because it read nothing or matches nothing.
    [TestCase("var x = configuration[\"Calls:SweepIntervalSeconds\"];")]
    [TestCase("var x = builder.Configuration[\"Limits:MaxRequestBodyBytes\"];")]
    [TestCase("var x = configuration.GetValue(\"Calls:SweepIntervalSeconds\", 60);")]
    [TestCase("var x = configuration.GetValue<int>(\"Limits:MaxRequestBodyBytes\");")]
    [TestCase("var x = configuration.GetConnectionString(\"Default\");")]
    [TestCase("var x = configuration.GetSection(DatabaseOptions.SectionName).Get<DatabaseOptions>();")]
    public void TheScan_RecognisesARawRead(string line) => Assert.That(RawRead().IsMatch(line), Is.True);

    [TestCase("services.AddOptions<X>().Bind(configuration.GetSection(X.SectionName)).ValidateDataAnnotations().ValidateOnStart();")]
    [TestCase("var value = context.ValueProvider.GetValue(context.ModelName);")]
    [TestCase("var error = context.Features.Get<IExceptionHandlerFeature>()?.Error;")]
    public void TheScan_LetsBindingAndOtherGetValuesPass(string line) => Assert.That(RawRead().IsMatch(line), Is.False);

    [Test]
    public void TheScan_ReadsTheSources() => Assert.That(SourceFiles().Count(), Is.GreaterThan(100));

    [GeneratedRegex(@"[Cc]onfiguration\s*\[|[Cc]onfiguration\s*\.\s*GetValue\s*[<(]|GetConnectionString\s*\(|\.Get<\w*Options>\(\)")]
    private static partial Regex RawRead();

    private static IEnumerable<(string Full, string Relative)> SourceFiles()
    {
        var root = RepositoryRoot();
        return Directory.EnumerateFiles(Path.Combine(root, "src"), "*.cs", SearchOption.AllDirectories)
            .Select(f => (Full: f, Relative: Path.GetRelativePath(root, f).Replace('\\', '/')))
            .Where(f => !f.Relative.Contains("/bin/") && !f.Relative.Contains("/obj/"));
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(TestContext.CurrentContext.TestDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "TeleCmi.sln"))) return dir.FullName;
        throw new InvalidOperationException($"TeleCmi.sln not found above {TestContext.CurrentContext.TestDirectory}.");
    }
}
