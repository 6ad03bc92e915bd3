using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace TeleCmi.Api.Errors;

/// <summary>
/// A body of JSON <c>null</c> reads without error but leaves the action nothing to work with. MVC's implicit
/// required check used to catch it (as <c>"r": ["The r field is required."]</c>); with that check off, this filter
/// reports it as <c>body</c>, before <c>[ApiController]</c>'s automatic 400 runs.
/// </summary>
public sealed class MissingBodyFilter : IActionFilter, IOrderedFilter
{
    /// <summary>Just before <c>ModelStateInvalidFilter</c> (-2000).</summary>
    public int Order => -2001;

    public void OnActionExecuting(ActionExecutingContext context)
    {
        foreach (var parameter in context.ActionDescriptor.Parameters.Where(p => p.BindingInfo?.BindingSource == BindingSource.Body))
        {
            var bound = context.ActionArguments.TryGetValue(parameter.Name, out var value) && value is not null;
            if (!bound && context.ModelState.ErrorCount == 0) context.ModelState.AddModelError(JsonBodyPath.WholeBody, $"{Capitalised(JsonBodyPath.WholeBodyShape(parameter.ParameterType))} is required.");
        }
    }

    public void OnActionExecuted(ActionExecutedContext context) { }

    private static string Capitalised(string text) => char.ToUpperInvariant(text[0]) + text[1..];
}
