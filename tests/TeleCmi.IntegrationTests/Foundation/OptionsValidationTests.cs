using System.Reflection;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using NUnit.Framework;
using TeleCmi.IntegrationTests.Support;

namespace TeleCmi.IntegrationTests.Foundation;

/// <summary>
/// Every options class is validated when the service starts: a wrong value stops start-up with a message naming the
/// setting, instead of failing at the first request that reads it (or never).
/// </summary>
public sealed class OptionsValidationTests
{
    /// <summary>One wrong value per options class: "key=value;key=value", and the setting the message must name.</summary>
    private static readonly (string Settings, string Named)[] WrongValues =
    [
        ("Jwt:LifetimeMinutes=0", "Jwt:LifetimeMinutes"),
        ("TeleCmi:AttemptTimeoutSeconds=60", "TeleCmi:AttemptTimeoutSeconds"),
        ("TeleCmi:Simulator:WebhookBaseUrl=not-a-url", "TeleCmi:Simulator:WebhookBaseUrl"),
        ("Limits:MaxRequestBodyBytes=0", "Limits:MaxRequestBodyBytes"),
        ("RateLimits:SignInPerMinute=0", "RateLimits:SignInPerMinute"),
        ("Metrics:Path=metrics", "Metrics:Path"),
        ("Calls:SweepIntervalSeconds=0", "Calls:SweepIntervalSeconds"),
        ("Calls:StaleAfterMinutes=-1", "Calls:StaleAfterMinutes"),
        ("Calls:AllowedCountries:0=XX", "Calls:AllowedCountries"),
        ("Calls:AllowedCountries=IN,India", "Calls:AllowedCountries"),
        ("Calls:AllowedNumberTypes:0=Emergency", "Calls:AllowedNumberTypes"),
        ("Idempotency:RetentionHours=1", "Idempotency:RetentionHours"),
        ("Auth:BootstrapAdmin:Password=short", "Auth:BootstrapAdmin:Password"),
        ("Reporting:TimeZone=Mars/Olympus_Mons", "Reporting:TimeZone"),
        ("Database:Provider=MySql;ConnectionStrings:Default=", "ConnectionStrings:Default"),
        ("Database:CommandTimeoutSeconds=0", "Database:CommandTimeoutSeconds"),
        ("Reports:Rollup:RefreshMinutes=-1", "Reports:Rollup:RefreshMinutes"),
        ("Webhooks:MaxBatch=0", "Webhooks:MaxBatch"),
        ("Reconciliation:AfterMinutes=0", "Reconciliation:AfterMinutes"),
        ("Reconciliation:GiveUpAfterMinutes=4", "Reconciliation:GiveUpAfterMinutes"),
        ("Reconciliation:PageSize=21", "Reconciliation:PageSize"),
        ("Streaming:RetentionMinutes=5", "Streaming:RetentionMinutes"),
        ("Swagger:Enabled=maybe", "Swagger:Enabled"),
        ("Compatibility:SeedRoutesEnabled=maybe", "Compatibility:SeedRoutesEnabled"),
        ("Compliance:CallingHours=21:00-09:00", "Compliance:CallingHours"),
        ("Compliance:CallingHours=9am-9pm", "Compliance:CallingHours"),
        ("Compliance:Days:Someday=09:00-17:00", "Compliance:Days"),
        ("Compliance:Days:Sunday=10:00-25:00", "Compliance:Days"),
        ("Compliance:Holidays=2026-13-01", "Compliance:Holidays"),
        ("Compliance:Holidays:0=26/01/2026", "Compliance:Holidays"),
        ("Compliance:TimeZone=Mars/Olympus_Mons", "Compliance:TimeZone"),
        ("Compliance:CallingHours=closed", "Compliance:CallingHours"),
        ("Retention:RecordingDays=0", "Retention:RecordingDays"),
        ("Retention:RunAt=25:00", "Retention:RunAt"),
    ];

    private static IEnumerable<TestCaseData> WrongValueCases() =>
        WrongValues.Select(w => new TestCaseData(w.Settings, w.Named).SetArgDisplayNames(w.Settings));

    [TestCaseSource(nameof(WrongValueCases))]
    public async Task AWrongValue_StopsStartUp_NamingTheSetting(string settings, string named)
    {
        var database = TestDatabase.Create(DatabaseEngine.Sqlite);
        await using var factory = new TeleCmiApiFactory(database, b =>
        {
            foreach (var pair in settings.Split(';'))
                b.UseSetting(pair[..pair.IndexOf('=')], pair[(pair.IndexOf('=') + 1)..]);
        });

        var error = Assert.Catch(() => factory.CreateClient());

        Assert.That(Flatten(error), Does.Contain(named));
        await database.DropAsync();
    }

    [Test]
    public async Task EveryOptionsClass_HasAValidator_AndAWrongValueCaseAbove()
    {
        var database = TestDatabase.Create(DatabaseEngine.Sqlite);
        await using var factory = new TeleCmiApiFactory(database);
        factory.CreateClient().Dispose();
        var optionsClasses = OptionsClasses().ToList();

        Assert.Multiple(() =>
        {
            Assert.That(optionsClasses, Has.Count.GreaterThanOrEqualTo(10), "the scan finds the options classes");
            foreach (var (type, section) in optionsClasses)
            {
                var validators = factory.Services.GetServices(typeof(IValidateOptions<>).MakeGenericType(type));
                Assert.That(validators, Is.Not.Empty, $"{type.Name} (section {section}) has no validation");
                Assert.That(WrongValues.Any(w => w.Settings.Split(';').Any(s => s.StartsWith(section + ":", StringComparison.Ordinal))), Is.True,
                    $"{type.Name}: add a wrong value of section {section} to {nameof(WrongValues)}");
            }
        });
        await database.DropAsync();
    }

    /// <summary>The classes named *Options with a SectionName constant, in the service's own assemblies.</summary>
    private static IEnumerable<(Type Type, string Section)> OptionsClasses() =>
        new[] { typeof(Program).Assembly }
            .Concat(typeof(Program).Assembly.GetReferencedAssemblies()
                // The stand-in validates its own options in its own host (StandInElsewhereTests); the API never binds them.
                .Where(a => a.Name!.StartsWith("TeleCmi.", StringComparison.Ordinal) && a.Name != "TeleCmi.StandIn").Select(Assembly.Load))
            .SelectMany(a => a.GetTypes())
            .Where(t => t.Name.EndsWith("Options", StringComparison.Ordinal) && t.GetField("SectionName", BindingFlags.Public | BindingFlags.Static) is { IsLiteral: true })
            .Select(t => (t, (string)t.GetField("SectionName")!.GetRawConstantValue()!));

    private static string Flatten(Exception? e)
    {
        var text = "";
        for (; e is not null; e = e.InnerException) text += e.Message + "\n" + (e is AggregateException a ? string.Join("\n", a.InnerExceptions.Select(Flatten)) : "");
        return text;
    }
}
