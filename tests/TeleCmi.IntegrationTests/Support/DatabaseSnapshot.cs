using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TeleCmi.Infrastructure.Persistence;

namespace TeleCmi.IntegrationTests.Support;

/// <summary>Every row of every table, serialised, to prove a refused request changed nothing.</summary>
public static class DatabaseSnapshot
{
    public static async Task<string> TakeAsync(TeleCmiApiFactory factory)
    {
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var rows = new
        {
            agents = await db.Agents.AsNoTracking().OrderBy(a => a.Id).ToListAsync(),
            drivers = await db.Drivers.AsNoTracking().OrderBy(d => d.Id).ToListAsync(),
            calls = await db.CallLogs.AsNoTracking().OrderBy(c => c.Id).ToListAsync(),
            webhooks = await db.WebhookDeliveries.AsNoTracking().OrderBy(w => w.Id).ToListAsync(),
        };
        return JsonSerializer.Serialize(rows);
    }
}
