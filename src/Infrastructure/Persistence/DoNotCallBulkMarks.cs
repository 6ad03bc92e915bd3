using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;
using TeleCmi.Application.Common.Interfaces;
using TeleCmi.Domain.Drivers;

namespace TeleCmi.Infrastructure.Persistence;

/// <summary>
/// <see cref="IDoNotCallBulkMarks"/> in two statements per call. The records are written with <c>INSERT ... SELECT</c>
/// (EF Core has no set-wise insert): materialising and tracking one entity per driver cost seconds per 100,000. The
/// identifiers are quoted by the provider, so the same SQL runs on SQLite and MySQL/MariaDB.
/// </summary>
public sealed class DoNotCallBulkMarks(AppDbContext db) : IDoNotCallBulkMarks
{
    public async Task<int> MarkAsync(IReadOnlyList<string> phones, string reason, DoNotCallSource source, int? agentId, DateTime nowUtc, CancellationToken ct)
    {
        if (phones.Count == 0) return 0;
        var q = db.GetService<ISqlGenerationHelper>();
        string Id(string name) => q.DelimitIdentifier(name);
        // {0}..{3} are the mark's values, {4}.. the numbers: EF Core sends each as a parameter.
        var numbers = string.Join(", ", phones.Select((_, i) => $"{{{i + 4}}}"));
        object?[] values = [reason, source.ToString(), agentId, nowUtc, .. phones];
        var records = Id("do_not_call_records");
        var drivers = Id("drivers");
        await db.Database.ExecuteSqlRawAsync(
            $"INSERT INTO {records} ({Id("DriverId")}, {Id("Reason")}, {Id("Source")}, {Id("SetByAgentId")}, {Id("SetAt")}) "
            + $"SELECT {Id("Id")}, {{0}}, {{1}}, {{2}}, {{3}} FROM {drivers} WHERE {Id("Phone")} IN ({numbers}) AND {Id("DoNotCallSince")} IS NULL",
            values!, ct);
        return await db.Database.ExecuteSqlRawAsync(
            $"UPDATE {drivers} SET {Id("DoNotCallSince")} = {{3}}, {Id("DoNotCallReason")} = {{0}}, {Id("DoNotCallSource")} = {{1}} "
            + $"WHERE {Id("Phone")} IN ({numbers}) AND {Id("DoNotCallSince")} IS NULL",
            values!, ct);
    }
}
