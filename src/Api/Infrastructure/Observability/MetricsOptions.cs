using System.ComponentModel.DataAnnotations;

namespace TeleCmi.Api.Infrastructure.Observability;

/// <summary>The Prometheus scraping endpoint (configuration section <c>Metrics</c>).</summary>
public sealed class MetricsOptions
{
    public const string SectionName = "Metrics";

    /// <summary>Collect metrics and serve them at <see cref="Path"/>.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Where Prometheus scrapes, e.g. <c>/metrics</c>.</summary>
    [Required]
    [RegularExpression("^/[A-Za-z0-9/_.-]*$", ErrorMessage = "Metrics:Path must start with '/' and hold only letters, digits and / _ . -")]
    public string Path { get; set; } = "/metrics";
}
