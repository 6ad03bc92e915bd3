namespace TeleCmi.Domain.Drivers;

/// <summary>Why a driver is not to be called: where the request came from.</summary>
public enum DoNotCallSource
{
    /// <summary>The driver asked not to be called (e.g. on a call: the outcome <c>do_not_call</c>).</summary>
    DriverRequest = 0,
    /// <summary>The number is on the national do-not-disturb registry (TRAI's NCPR), e.g. from a registry scrub.</summary>
    DndRegistry = 1,
    /// <summary>The number does not belong to the driver.</summary>
    WrongNumber = 2,
    /// <summary>Any other reason, given in the reason text.</summary>
    Other = 3,
}
