using System.ComponentModel.DataAnnotations;
using System.Net;

namespace TeleCmi.Api.Infrastructure.Observability;

/// <summary>The Prometheus scraping endpoint (configuration section <c>Metrics</c>).</summary>
public sealed class MetricsOptions : IValidatableObject
{
    public const string SectionName = "Metrics";

    /// <summary>Collect metrics and serve them at <see cref="Path"/> (where, see <see cref="ExposureIn"/>).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Where Prometheus scrapes, e.g. <c>/metrics</c>.</summary>
    [Required]
    [RegularExpression("^/[A-Za-z0-9/_.-]*$", ErrorMessage = "Metrics:Path must start with '/' and hold only letters, digits and / _ . -")]
    public string Path { get; set; } = "/metrics";

    /// <summary>
    /// The port that serves <see cref="Path"/>, and nothing else, besides the API's own; e.g. 9464. Unset: outside
    /// Development metrics are off, in Development they are on the API's port.
    /// </summary>
    [Range(1, 65535, ErrorMessage = "Metrics:Port must be a TCP port from 1 to 65535.")]
    public int? Port { get; set; }

    /// <summary>
    /// The address <see cref="Port"/> listens on: an IP address, <c>localhost</c>, or <c>*</c> for every interface.
    /// Loopback by default, so turning metrics on exposes nothing until the operator says where Prometheus is.
    /// </summary>
    public string Host { get; set; } = "127.0.0.1";

    /// <summary>Where the metrics are served in <paramref name="environment"/>.</summary>
    public MetricsExposure ExposureIn(IHostEnvironment environment) =>
        !Enabled ? MetricsExposure.Off
        : Port is not null ? MetricsExposure.OwnPort
        : environment.IsDevelopment() ? MetricsExposure.ApiPort
        : MetricsExposure.Off;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Host is not ("*" or "localhost") && !IPAddress.TryParse(Host, out _))
            yield return new ValidationResult(
                $"Metrics:Host must be an IP address (e.g. 127.0.0.1, 0.0.0.0), 'localhost' or '*'; it is '{Host}'.", [nameof(Host)]);
    }
}

/// <summary>Where <c>/metrics</c> answers.</summary>
public enum MetricsExposure
{
    /// <summary>Nowhere: 404 on every port.</summary>
    Off,

    /// <summary>On the API's own port(s), anonymously: Development only.</summary>
    ApiPort,

    /// <summary>Only on <see cref="MetricsOptions.Port"/>, which serves nothing else.</summary>
    OwnPort,
}
