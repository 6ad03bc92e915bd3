using TeleCmi.Domain.Agents;

namespace TeleCmi.Application.Common.Security;

/// <summary>
/// Declares on a request type who may send it. Without <see cref="Roles"/> any signed-in agent may.
/// Requests without this attribute are open (sign-in, TeleCMI webhooks).
/// </summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = true)]
public sealed class AuthorizeAttribute : Attribute
{
    public AuthorizeAttribute(params AgentRole[] roles) => Roles = roles;

    /// <summary>Roles allowed; empty means every role.</summary>
    public AgentRole[] Roles { get; }
}
