namespace TeleCmi.Application.Common.Models;

/// <summary>One page of a list.</summary>
public sealed record PagedResult<T>(IReadOnlyList<T> Items, int Total, int Limit, int Offset);
