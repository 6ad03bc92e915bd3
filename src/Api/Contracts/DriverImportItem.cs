using System.Text.Json.Serialization;

namespace TeleCmi.Api.Contracts;

/// <summary>
/// One driver in an import: the fields of <c>PUT /api/drivers/{id}</c> plus the id. Every field is checked row by
/// row; a row that fails is reported in the result and skipped. The required fields are nullable on purpose: a row
/// without one is rejected on its own rather than failing the whole body.
/// </summary>
/// <param name="Id">The platform's driver id, 1 to 50 printable characters (required).</param>
/// <param name="Name">Name, up to 100 characters (required).</param>
/// <param name="Phone">Phone number, normalised to E.164; 10 digits are read as Indian (required).</param>
/// <param name="TmId">TM id, up to 50 characters; empty or left out means none.</param>
/// <param name="Kind"><c>driver</c> or <c>transporter</c>; empty or left out means <c>driver</c>.</param>
public sealed record DriverImportItem(
    [property: RequiredInRequest] string? Id, [property: RequiredInRequest] string? Name, [property: RequiredInRequest] string? Phone,
    string? TmId, string? Kind)
{
    /// <summary>The CSV line the row came from; a JSON row is numbered by its index instead.</summary>
    [JsonIgnore]
    public int? Line { get; init; }

    /// <summary>Why a CSV line could not be read as a row, or null.</summary>
    [JsonIgnore]
    public string? Unreadable { get; init; }
}
