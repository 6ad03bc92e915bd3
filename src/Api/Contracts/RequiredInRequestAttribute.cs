namespace TeleCmi.Api.Contracts;

/// <summary>
/// Marks a request field the client must send although its .NET type is nullable (so that a missing value reaches
/// FluentValidation, which refuses it by name, instead of becoming a default such as the first enum value).
/// Only the OpenAPI document reads it: it lists the field as <c>required</c> and not nullable.
/// </summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class RequiredInRequestAttribute : Attribute;
