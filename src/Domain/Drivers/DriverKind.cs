namespace TeleCmi.Domain.Drivers;

/// <summary>Who the platform calls.</summary>
public enum DriverKind
{
    /// <summary>A truck driver.</summary>
    Driver = 0,
    /// <summary>A transporter (fleet owner).</summary>
    Transporter = 1,
}
