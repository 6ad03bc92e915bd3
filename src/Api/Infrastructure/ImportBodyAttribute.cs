namespace TeleCmi.Api.Infrastructure;

/// <summary>
/// Marks an action that takes a bulk import: its body may be as large as <c>Limits:MaxImportBodyBytes</c> (8 MB by
/// default) instead of <c>Limits:MaxRequestBodyBytes</c>, and it also reads <c>text/csv</c>. Swagger documents both.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class ImportBodyAttribute : Attribute;
