using System.Globalization;
using System.Text.Json;

namespace TeleCmi.Application.Audit.Common;

/// <summary>One field's change in an audit entry, with both values written as the API writes them.</summary>
public sealed record AuditChange(string Field, string? Before, string? After)
{
    /// <summary>What a secret's values are recorded as: that it changed, never the value.</summary>
    public const string Changed = "(changed)";

    /// <summary>A change of <paramref name="field"/> from one value to another (enums in snake_case, times in ISO 8601 UTC).</summary>
    public static AuditChange Of(string field, object? before, object? after) => new(field, Format(before), Format(after));

    /// <summary>A secret that was set, changed or removed: recorded without its values.</summary>
    public static AuditChange Secret(string field, bool wasSet, bool isSet) =>
        new(field, wasSet ? Changed : null, isSet ? Changed : null);

    /// <summary>A value as the API's JSON writes it.</summary>
    public static string? Format(object? value) => value switch
    {
        null => null,
        string s => s,
        Enum e => JsonNamingPolicy.SnakeCaseLower.ConvertName(e.ToString()),
        // Whole microseconds, as MySQL/MariaDB store them: the value recorded as "after" equals the next change's "before".
        DateTime t => DateTime.SpecifyKind(t, DateTimeKind.Utc).ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFF'Z'", CultureInfo.InvariantCulture),
        bool b => b ? "true" : "false",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };
}

/// <summary>Collects the fields that really changed, comparing before and after.</summary>
public sealed class AuditChanges
{
    private readonly List<AuditChange> changes = [];

    public AuditChanges Field<T>(string field, T before, T after)
    {
        if (!EqualityComparer<T>.Default.Equals(before, after)) changes.Add(AuditChange.Of(field, before, after));
        return this;
    }

    public AuditChanges Secret(string field, bool wasSet, bool isSet, bool changed)
    {
        if (changed) changes.Add(AuditChange.Secret(field, wasSet, isSet));
        return this;
    }

    public IReadOnlyList<AuditChange> ToList() => changes;
}

/// <summary>The entity types in the audit trail.</summary>
public static class AuditEntities
{
    public const string Call = "call", Agent = "agent", Driver = "driver";
    public static IReadOnlyList<string> All { get; } = [Call, Agent, Driver];
}

/// <summary>The actions in the audit trail.</summary>
public static class AuditActions
{
    public const string Created = "created", Updated = "updated", Feedback = "feedback", Erased = "erased";

    /// <summary>A driver marked do-not-call, the mark lifted, and a bulk do-not-call import (one entry for the import).</summary>
    public const string DoNotCall = "do_not_call", DoNotCallLifted = "do_not_call_lifted", DoNotCallImport = "do_not_call_import";
}
