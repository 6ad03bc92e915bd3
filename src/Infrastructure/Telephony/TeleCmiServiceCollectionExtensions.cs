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

    /// <summary>Binds and validates <see cref="TeleCmiOptions"/> and registers <see cref="ITeleCmiGateway"/>.</summary>
    public static IServiceCollection AddTeleCmiGateway(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<TeleCmiOptions>().Bind(configuration.GetSection(TeleCmiOptions.SectionName))
            .PostConfigure(o =>
            {
                // The stand-in calls this process's webhook URL; without a configured token it gets a random one per process.
                if (o.Mode == TeleCmiMode.Simulated && string.IsNullOrEmpty(o.WebhookToken)) o.WebhookToken = RandomToken.Value;
            })
            .ValidateDataAnnotations()
            .Validate(o => o.Mode != TeleCmiMode.Live || !string.IsNullOrWhiteSpace(o.AppId), "TeleCmi:AppId (env TeleCmi__AppId) is required in Live mode.")
            .Validate(o => o.Mode != TeleCmiMode.Live || !string.IsNullOrWhiteSpace(o.AppSecret), "TeleCmi:AppSecret (env TeleCmi__AppSecret) is required in Live mode.")
            .Validate(o => o.Mode != TeleCmiMode.Live || !string.IsNullOrWhiteSpace(o.WebhookToken), "TeleCmi:WebhookToken (env TeleCmi__WebhookToken) is required in Live mode.")
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
        return services;
    }

    private static bool IsHttpUrl(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps);

    private static class RandomToken
    {
        public static readonly string Value = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(24));
    }
}
