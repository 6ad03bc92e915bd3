namespace TeleCmi.Domain.Drivers;

/// <summary>The API's names of <see cref="DoNotCallSource"/> values (<c>driver_request</c>, <c>dnd_registry</c>, ...).</summary>
public static class DoNotCallSources
{
    /// <summary>The snake_case name of a source, as the API writes it.</summary>
    public static string Name(DoNotCallSource source) => source switch
    {
        DoNotCallSource.DriverRequest => "driver_request",
        DoNotCallSource.DndRegistry => "dnd_registry",
        DoNotCallSource.WrongNumber => "wrong_number",
        _ => "other",
    };
}
