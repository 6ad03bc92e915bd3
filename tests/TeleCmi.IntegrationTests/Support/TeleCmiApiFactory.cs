using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using TeleCmi.Application.Common.Interfaces;

namespace TeleCmi.IntegrationTests.Support;

/// <summary>
/// The whole service in-process against a real database engine, with the TeleCMI port replaced by
/// <see cref="FakeTeleCmiGateway"/> (the HTTP gateway itself is tested against a local stand-in elsewhere).
/// </summary>
public sealed class TeleCmiApiFactory(TestDatabase database, Action<IWebHostBuilder>? configure = null) : WebApplicationFactory<Program>
{
    public const string WebhookToken = "test-webhook-token-0123456789";
    public const string AppSecret = "test-app-secret-must-never-leak";
    public const string AdminUsername = "root-admin";
    public const string AdminPassword = "root-admin-password";

    public FakeTeleCmiGateway Gateway { get; } = new();
    public TestDatabase Database { get; } = database;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("Database:Provider", Database.Engine.ToString());
        builder.UseSetting("ConnectionStrings:Default", Database.ConnectionString);
        builder.UseSetting("Jwt:SigningKey", "integration-tests-signing-key-0123456789abcdef");
        builder.UseSetting("Auth:BootstrapAdmin:Username", AdminUsername);
        builder.UseSetting("Auth:BootstrapAdmin:Password", AdminPassword);
        builder.UseSetting("TeleCmi:Mode", "Simulated");
        builder.UseSetting("TeleCmi:AppId", "1111112");
        builder.UseSetting("TeleCmi:AppSecret", AppSecret);
        builder.UseSetting("TeleCmi:WebhookToken", WebhookToken);
        // Every test client shares one (absent) remote address and a few agents: only the rate-limit tests lower these.
        builder.UseSetting("RateLimits:SignInPerMinute", "100000");
        builder.UseSetting("RateLimits:TeleCmiCallsPerMinute", "100000");
        builder.UseSetting("RateLimits:WebhooksPerSecond", "100000");
        // Reports fill the rollup on demand; the background refresh would only race the tests' own data.
        builder.UseSetting("Reports:Rollup:RefreshMinutes", "0");
        // Reconciliation would ask the absent stand-in about calls the tests backdate; its own tests turn it on.
        builder.UseSetting("Reconciliation:Enabled", "false");
        // Tests dial at whatever time they run: calling hours are open all day unless a fixture sets them (CallingHoursTests).
        builder.UseSetting("Compliance:CallingHours", "00:00-24:00");
        builder.ConfigureTestServices(services =>
        {
            services.RemoveAll<ITeleCmiGateway>();
            services.AddSingleton<ITeleCmiGateway>(Gateway);
            services.AddSingleton<IStartupFilter, ObservedStatuses.Recorder>();
        });
        configure?.Invoke(builder);
    }
}
