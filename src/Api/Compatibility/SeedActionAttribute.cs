using Microsoft.AspNetCore.Mvc.ActionConstraints;

namespace TeleCmi.Api.Compatibility;

/// <summary>
/// Selects an action of the seed's single path by its <c>action</c> query parameter (<c>?action=click_to_call</c>), as
/// the PHP service's <c>switch ($_GET['action'])</c> did: exact, case-sensitive, sent once.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class SeedActionAttribute(string name) : Attribute, IActionConstraint
{
    public const string QueryName = "action";

    public string Name { get; } = name;

    public int Order => 0;

    public bool Accept(ActionConstraintContext context) =>
        context.RouteContext.HttpContext.Request.Query.TryGetValue(QueryName, out var sent) && sent.Count == 1 && sent[0] == Name;
}
