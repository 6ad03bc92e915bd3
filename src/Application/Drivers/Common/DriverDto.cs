using TeleCmi.Domain.Drivers;

namespace TeleCmi.Application.Drivers.Common;

/// <summary>A driver or transporter.</summary>
/// <param name="Id">The platform's driver id.</param>
/// <param name="Name">Name.</param>
/// <param name="Phone">Phone number in E.164 form.</param>
/// <param name="TmId">TM id, when the platform has one.</param>
/// <param name="Kind">driver or transporter.</param>
/// <param name="CreatedAt">When this service first stored the driver (UTC).</param>
/// <param name="UpdatedAt">When the driver's details last changed here (UTC); an unchanged upsert leaves it.</param>
public sealed record DriverDto(string Id, string Name, string Phone, string? TmId, DriverKind Kind, DateTime CreatedAt, DateTime UpdatedAt)
{
    public static DriverDto From(Driver d) => new(d.Id, d.Name, d.Phone, d.TmId, d.Kind, d.CreatedAt, d.UpdatedAt);
}
