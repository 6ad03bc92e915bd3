using TeleCmi.Domain.Agents;
using TeleCmi.Domain.Common;
using TeleCmi.Domain.Drivers;
using TeleCmi.Infrastructure.Persistence;

namespace TeleCmi.UnitTests.Support;

/// <summary>Rows the handler tests start from.</summary>
public static class TestData
{
    public const string TeleCmiUserId = "5003_1111112";

    public static async Task<Agent> AddAgentAsync(this AppDbContext db, string username, AgentRole role, DateTime nowUtc,
        string? teleCmiUserId = null, bool callingAllowed = false)
    {
        var agent = new Agent(username, "not-a-real-hash", username, PhoneNumber.Parse("9812345678"), role, nowUtc);
        agent.ConfigureTeleCmi(teleCmiUserId, callingAllowed, nowUtc);
        db.Agents.Add(agent);
        await db.SaveChangesAsync();
        return agent;
    }

    public static async Task<Driver> AddDriverAsync(this AppDbContext db, string id, string phone, DateTime nowUtc)
    {
        var driver = new Driver(id, "Ramesh Kumar", PhoneNumber.Parse(phone), "TM-9", DriverKind.Driver, nowUtc);
        db.Drivers.Add(driver);
        await db.SaveChangesAsync();
        return driver;
    }
}
