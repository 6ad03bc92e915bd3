using System.Globalization;
using Microsoft.Extensions.Options;
using TeleCmi.Infrastructure.Telephony;
using TeleCmi.StandIn;

namespace TeleCmi.Api.Development;

/// <summary>
/// Starts the TeleCMI stand-in inside this process in Simulated mode (and does nothing in Live mode), with this
/// service's TeleCMI app settings and effective webhook token, posting its webhooks to this service's own address.
/// </summary>
public sealed class InProcessStandIn(
    IOptions<TeleCmiOptions> teleCmi, IConfiguration configuration, ServiceSelfAddress self, ILoggerFactory logs, ILogger<InProcessStandIn> logger)
    : IHostedService, IAsyncDisposable
{
    private WebApplication? standIn;
    private Uri? address;

    /// <summary>The stand-in's base URL, ending in <c>/</c>; throws unless it was started.</summary>
    public Uri Address => address ?? throw new InvalidOperationException(
        "The in-process TeleCMI stand-in is not running (TeleCmi:Mode is not Simulated, or the host has not started); set TeleCmi:BaseUrl.");

    /// <inheritdoc />
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var options = teleCmi.Value;
        if (options.Mode != TeleCmiMode.Simulated) return;
        standIn = StandInHost.CreateEmbedded(Settings(options), logs, self.Get);
        await standIn.StartAsync(cancellationToken);
        address = StandInHost.AddressOf(standIn);
        logger.LogInformation("TeleCMI stand-in (Simulated mode) started in this process on {StandInAddress}", address);
    }

    /// <inheritdoc />
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (standIn is not null) await standIn.StopAsync(cancellationToken);
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (standIn is not null) await standIn.DisposeAsync();
    }

    // The same keys the stand-in reads when it runs alone; the token is the effective one (made up when none is set).
    private IEnumerable<KeyValuePair<string, string?>> Settings(TeleCmiOptions options) =>
        configuration.GetSection(StandInOptions.SectionName).AsEnumerable().Where(kv => kv.Value is not null).Concat(
        [
            new("TeleCmi:AppId", options.AppId),
            new("TeleCmi:AppSecret", options.AppSecret),
            new("TeleCmi:WebhookToken", options.WebhookToken),
            new("TeleCmi:AttemptTimeoutSeconds", options.AttemptTimeoutSeconds.ToString(CultureInfo.InvariantCulture)),
        ]);
}
