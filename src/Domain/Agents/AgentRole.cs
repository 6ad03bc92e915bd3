namespace TeleCmi.Domain.Agents;

/// <summary>What an agent may do.</summary>
public enum AgentRole
{
    /// <summary>Calls drivers; sees only their own calls.</summary>
    Telecaller = 0,
    /// <summary>Sees every call and every report.</summary>
    Supervisor = 1,
    /// <summary>Supervisor rights plus managing agents and drivers.</summary>
    Admin = 2,
}
