using TeleCmi.Domain.Drivers;

namespace TeleCmi.Application.Drivers.Common;

/// <summary>A driver or transporter.</summary>
public sealed record DriverDto(string Id, string Name, string Phone, string? TmId, DriverKind Kind, DateTime CreatedAt)
{
    public static DriverDto From(Driver d) => new(d.Id, d.Name, d.Phone, d.TmId, d.Kind, d.CreatedAt);
}
