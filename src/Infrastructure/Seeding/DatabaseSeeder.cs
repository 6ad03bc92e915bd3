using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using TeleCmi.Application.Common.Interfaces;
using TeleCmi.Domain.Agents;
using TeleCmi.Domain.Common;
using TeleCmi.Domain.Drivers;
using TeleCmi.Infrastructure.Persistence;

namespace TeleCmi.Infrastructure.Seeding;

/// <summary>Creates the first admin from configuration and, in Development, the demo agents and drivers.</summary>
public sealed class DatabaseSeeder(
    AppDbContext db,
    IPasswordHasher hasher,
    ITeleCmiPasswordProtector teleCmiPasswords,
    TimeProvider clock,
    IHostEnvironment environment,
    IOptions<BootstrapAdminOptions> bootstrap,
    IOptions<DatabaseOptions> database,
    ILogger<DatabaseSeeder> logger)
{
    /// <summary>
    /// The demo accounts (Development only); the README lists them. The external ids are the platform's user ids the seed's
    /// app sends as <c>caller_id</c> (asha is the seed's example caller 3).
    /// </summary>
    public static readonly IReadOnlyList<(string Username, string Password, string Name, string Phone, AgentRole Role, string? TeleCmiUserId, string ExternalId)> DemoAgents =
    [
        ("admin", "admin-demo-pass", "Demo Admin", "+919800000001", AgentRole.Admin, null, "1"),
        ("asha", "asha-demo-pass", "Asha (TeleCMI telecaller)", "+919800000002", AgentRole.Telecaller, "5003_1111112", "3"),
        ("ravi", "ravi-demo-pass", "Ravi (manual-only telecaller)", "+919800000003", AgentRole.Telecaller, null, "4"),
        ("sunita", "sunita-demo-pass", "Sunita (supervisor)", "+919800000004", AgentRole.Supervisor, null, "5"),
    ];

    /// <summary>
    /// The TeleCMI password of the demo agents with a TeleCMI user id: the TeleCMI stand-in's default user password
    /// (<c>TeleCmi:Simulator:UserPassword</c>), so hang-up works in Development. Not a secret: only the stand-in accepts it.
    /// </summary>
    public const string DemoTeleCmiPassword = "telecmi-demo-pass";

    public async Task SeedAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var admin = bootstrap.Value;
        if (!string.IsNullOrWhiteSpace(admin.Username) && !string.IsNullOrEmpty(admin.Password)
            && !await db.Agents.AnyAsync(a => a.Role == AgentRole.Admin, ct))
        {
            db.Agents.Add(new Agent(admin.Username, hasher.Hash(admin.Password), admin.DisplayName, PhoneNumber.Parse(admin.Phone), AgentRole.Admin, now));
            await db.SaveChangesAsync(ct);
            logger.LogInformation("Created the bootstrap admin '{Username}'", Agent.NormaliseUsername(admin.Username));
        }
        if (environment.IsDevelopment() && database.Value.SeedDemoData) await SeedDemoAsync(now, ct);
    }

    private async Task SeedDemoAsync(DateTime now, CancellationToken ct)
    {
        foreach (var (username, password, name, phone, role, teleCmiUserId, externalId) in DemoAgents)
        {
            if (await db.Agents.FirstOrDefaultAsync(a => a.Username == username, ct) is { } existing)
            {
                // A development database from before hang-up existed: its TeleCMI demo agent gets the password too.
                if (teleCmiUserId is not null && !existing.HasTeleCmiPassword)
                    existing.SetTeleCmiPassword(teleCmiPasswords.Protect(DemoTeleCmiPassword), now);
                continue;
            }
            var agent = new Agent(username, hasher.Hash(password), name, PhoneNumber.Parse(phone), role, now);
            if (teleCmiUserId is not null)
            {
                agent.ConfigureTeleCmi(teleCmiUserId, callingAllowed: true, now);
                agent.SetTeleCmiPassword(teleCmiPasswords.Protect(DemoTeleCmiPassword), now);
            }
            if (!await db.Agents.AnyAsync(a => a.ExternalId == externalId, ct)) agent.SetExternalId(externalId, now);
            db.Agents.Add(agent);
        }
        string[] names = ["Ramesh Yadav", "Suresh Kumar", "Mahesh Patil", "Gurpreet Singh", "Abdul Rahman", "Vijay Sharma",
            "Manoj Tiwari", "Karthik Raj", "Prakash Rao", "Anil Verma", "Sanjay Transport Co", "Shree Logistics"];
        for (var i = 0; i < names.Length; i++)
        {
            var id = $"DRV-{1001 + i}";
            if (await db.Drivers.AnyAsync(d => d.Id == id, ct)) continue;
            var kind = i >= 10 ? DriverKind.Transporter : DriverKind.Driver;
            db.Drivers.Add(new Driver(id, names[i], PhoneNumber.Parse($"+9198765{43210 + i:D5}"), $"TM{5001 + i}", kind, now));
        }
        await db.SaveChangesAsync(ct);
    }
}
