using System.ComponentModel.DataAnnotations;

namespace TeleCmi.Api.Infrastructure;

/// <summary>Limits on what a request may send (configuration section <c>Limits</c>).</summary>
public sealed class RequestLimitsOptions
{
    public const string SectionName = "Limits";

    /// <summary>Largest request body in bytes; a larger one is refused with 413.</summary>
    [Range(typeof(long), "1024", "104857600", ErrorMessage = "Limits:MaxRequestBodyBytes (env Limits__MaxRequestBodyBytes) must be 1024 to 104857600 bytes.")]
    public long MaxRequestBodyBytes { get; set; } = RequestBodyLimit.DefaultMaxBytes;

    /// <summary>Largest body of a bulk import (<c>POST /api/drivers/import</c>); 10,000 rows of JSON take about 1.5 MB.</summary>
    [Range(typeof(long), "1024", "104857600", ErrorMessage = "Limits:MaxImportBodyBytes (env Limits__MaxImportBodyBytes) must be 1024 to 104857600 bytes.")]
    public long MaxImportBodyBytes { get; set; } = RequestBodyLimit.DefaultMaxImportBytes;
}
