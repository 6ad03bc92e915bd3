using System.Security.Cryptography;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using TeleCmi.Application.Common.Interfaces;
using TeleCmi.Application.Common.Observability;

namespace TeleCmi.Infrastructure.Telephony;

/// <summary>Registers the TeleCMI gateway: a typed HttpClient behind a Polly resilience pipeline.</summary>
public static class TeleCmiServiceCollectionExtensions
{
    /// <summary>The HttpClient's name, for adding handlers to it (tests count attempts this way).</summary>
    public const string ClientName = "telecmi";

    /// <summary>Environments in which <see cref="TeleCmiMode.Simulated"/> is accepted: a developer's machine and test hosts.</summary>
    public static readonly IReadOnlySet<string> SimulatedModeEnvironments = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "Development", "Testing" };

    /// <summary>
    /// Binds and validates <see cref="TeleCmiOptions"/> and registers <see cref="ITeleCmiGateway"/>. Fails closed: Live is the
    /// default; Simulated outside <see cref="SimulatedModeEnvironments"/>, or Live without its credentials, stops start-up.
    /// </summary>
    /// <param name="environmentName">The host's environment (<c>ASPNETCORE_ENVIRONMENT</c>).</param>
    public static IServiceCollection AddTeleCmiGateway(this IServiceCollection services, IConfiguration configuration, string environmentName)
    {
        var simulatedAllowed = SimulatedModeEnvironments.Contains(environmentName);
        services.AddOptions<TeleCmiOptions>().Bind(configuration.GetSection(TeleCmiOptions.SectionName))
            .PostConfigure(o =>
            {
                // The stand-in calls this process's webhook URL; without a configured token it gets a random one per process.
                if (o.Mode == TeleCmiMode.Simulated && string.IsNullOrEmpty(o.WebhookToken)) o.WebhookToken = RandomToken.Value;
            })
            .ValidateDataAnnotations()
            .Validate(o => o.Mode != TeleCmiMode.Simulated || simulatedAllowed,
                $"TeleCmi:Mode (env TeleCmi__Mode) is Simulated, which only the Development environment accepts (this one is '{environmentName}'): "
                + "a fake TeleCMI would answer every call. Set it to Live with TeleCmi:AppId, TeleCmi:AppSecret and TeleCmi:WebhookToken.")
            .Validate(o => o.Mode != TeleCmiMode.Live || !string.IsNullOrWhiteSpace(o.AppId), "TeleCmi:AppId (env TeleCmi__AppId) is required in Live mode.")
            .Validate(o => o.Mode != TeleCmiMode.Live || !string.IsNullOrWhiteSpace(o.AppSecret), "TeleCmi:AppSecret (env TeleCmi__AppSecret) is required in Live mode.")
            .Validate(o => o.Mode != TeleCmiMode.Live || !string.IsNullOrWhiteSpace(o.WebhookToken), "TeleCmi:WebhookToken (env TeleCmi__WebhookToken) is required in Live mode.")
            .Validate(o => o.Mode != TeleCmiMode.Live || string.IsNullOrWhiteSpace(o.WebhookToken) || o.WebhookToken.Length >= TeleCmiOptions.MinWebhookTokenLength,
                $"TeleCmi:WebhookToken (env TeleCmi__WebhookToken) must be at least {TeleCmiOptions.MinWebhookTokenLength} characters in Live mode: it is all that authenticates a webhook (e.g. openssl rand -hex 24).")
            .Validate(o => o.Mode != TeleCmiMode.Live || string.IsNullOrEmpty(o.PreviousWebhookToken) || o.PreviousWebhookToken.Length >= TeleCmiOptions.MinWebhookTokenLength,
                $"TeleCmi:PreviousWebhookToken (env TeleCmi__PreviousWebhookToken) must be empty or at least {TeleCmiOptions.MinWebhookTokenLength} characters in Live mode.")
            .Validate(o => string.IsNullOrWhiteSpace(o.BaseUrl) || IsHttpUrl(o.BaseUrl), "TeleCmi:BaseUrl (env TeleCmi__BaseUrl) must be an absolute http(s) URL.")
            .Validate(o => o.AttemptTimeoutSeconds <= o.TotalTimeoutSeconds, "TeleCmi:AttemptTimeoutSeconds must not be larger than TeleCmi:TotalTimeoutSeconds.")
            .ValidateOnStart();
        services.AddSingleton<ITeleCmiBaseAddress, ConfiguredTeleCmiBaseAddress>();
        // The gateway records its latency; registered here too so the gateway can be built without the whole app.
        services.AddMetrics();
        services.TryAddSingleton<TeleCmiMetrics>();

        services.AddHttpClient<ITeleCmiGateway, TeleCmiHttpGateway>(ClientName, (sp, client) =>
            {
                // Resolved per client, so an address only known once the server listens (Simulated mode) is picked up.
                client.BaseAddress = sp.GetRequiredService<ITeleCmiBaseAddress>().Get();
                client.Timeout = Timeout.InfiniteTimeSpan; // the resilience pipeline owns timeouts
            })
            .AddResilienceHandler("telecmi", (pipeline, context) =>
                TeleCmiResilience.Configure(pipeline, context.ServiceProvider.GetRequiredService<IOptions<TeleCmiOptions>>().Value));
        // The call records go through the same named client, so the same base address and resilience pipeline.
        services.AddTransient<ITeleCmiCallRecords>(sp => ActivatorUtilities.CreateInstance<TeleCmiCallRecordsClient>(sp,
            sp.GetRequiredService<IHttpClientFactory>().CreateClient(ClientName)));
        return services;
    }

    private static bool IsHttpUrl(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps);

    private static class RandomToken
    {
        public static readonly string Value = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(24));
    }
}
