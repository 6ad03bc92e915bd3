namespace TeleCmi.Api.Infrastructure;

/// <summary>
/// Marks an action that honours the <c>Idempotency-Key</c> request header (see <see cref="IdempotencyKeyMiddleware"/>);
/// Swagger documents the header on it.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class AcceptsIdempotencyKeyAttribute : Attribute;
