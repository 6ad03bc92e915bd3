namespace TeleCmi.Domain.Calls;

/// <summary>The most TeleCMI calls one agent may place in one business day.</summary>
/// <param name="Limit">Calls per day; 0 allows none.</param>
public readonly record struct DailyCallCap(int Limit)
{
    /// <summary>Whether an agent who placed <paramref name="placedToday"/> calls today may place one more.</summary>
    public bool Allows(int placedToday) => placedToday < Limit;
}
