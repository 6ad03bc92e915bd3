using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using Polly;
using TeleCmi.Application.Common.Interfaces;

namespace TeleCmi.Infrastructure.Telephony;

/// <summary>Registers the TeleCMI gateway: a typed HttpClient behind a Polly resilience pipeline.</summary>
public static class TeleCmiServiceCollectionExtensions
{
    public static IServiceCollection AddTeleCmiGateway(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<TeleCmiOptions>().Bind(configuration.GetSection(TeleCmiOptions.SectionName))
            .ValidateDataAnnotations()
            .Validate(o => o.Mode != TeleCmiMode.Live || !string.IsNullOrWhiteSpace(o.AppId), "TeleCmi:AppId (env TeleCmi__AppId) is required in Live mode.")
            .Validate(o => o.Mode != TeleCmiMode.Live || !string.IsNullOrWhiteSpace(o.AppSecret), "TeleCmi:AppSecret (env TeleCmi__AppSecret) is required in Live mode.")
            .Validate(o => o.Mode != TeleCmiMode.Live || !string.IsNullOrWhiteSpace(o.WebhookToken), "TeleCmi:WebhookToken (env TeleCmi__WebhookToken) is required in Live mode.")
            .Validate(o => o.Mode != TeleCmiMode.Live || Uri.TryCreate(o.BaseUrl, UriKind.Absolute, out _), "TeleCmi:BaseUrl (env TeleCmi__BaseUrl) must be an absolute URL in Live mode.")
            .ValidateOnStart();
        services.AddSingleton<ITeleCmiBaseAddress, ConfiguredTeleCmiBaseAddress>();

        services.AddHttpClient<ITeleCmiGateway, TeleCmiHttpGateway>((sp, client) =>
            {
                client.BaseAddress = sp.GetRequiredService<ITeleCmiBaseAddress>().Get();
                client.Timeout = Timeout.InfiniteTimeSpan; // the resilience pipeline owns timeouts
            })
            .AddResilienceHandler("telecmi", (pipeline, context) =>
            {
                var o = context.ServiceProvider.GetRequiredService<IOptions<TeleCmiOptions>>().Value;
                TeleCmiResilience.Configure(pipeline, o);
            });
        return services;
    }
}
