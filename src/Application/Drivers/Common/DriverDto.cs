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
/// <param name="DoNotCall">Set when the driver is marked do-not-call: no TeleCMI call reaches them and no follow-up is due.</param>
public sealed record DriverDto(string Id, string Name, string Phone, string? TmId, DriverKind Kind, DateTime CreatedAt, DateTime UpdatedAt,
    DoNotCallDto? DoNotCall)
{
    public static DriverDto From(Driver d) => new(d.Id, d.Name, d.Phone, d.TmId, d.Kind, d.CreatedAt, d.UpdatedAt,
        d.DoNotCallSince is { } since ? new DoNotCallDto(d.DoNotCallReason ?? string.Empty, d.DoNotCallSource ?? DoNotCallSource.Other, since) : null);
}

/// <summary>A driver's do-not-call mark.</summary>
/// <param name="Reason">Why, as given when it was set.</param>
/// <param name="Source">Where the request came from.</param>
/// <param name="Since">When it was set (UTC).</param>
public sealed record DoNotCallDto(string Reason, DoNotCallSource Source, DateTime Since);
