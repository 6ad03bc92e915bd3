namespace TeleCmi.Application.Drivers.Common;

/// <summary>What storing the platform's record of a driver did.</summary>
public enum DriverUpsertOutcome
{
    /// <summary>The driver was new and has been added.</summary>
    Created,
    /// <summary>The driver existed and some of its details changed.</summary>
    Updated,
    /// <summary>The driver existed with the same details; nothing was written.</summary>
    Unchanged,
    /// <summary>The row was not valid and was not applied (imports only).</summary>
    Rejected,
}
