using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.Extensions.Options;

namespace TeleCmi.Api.Errors;

/// <summary>
/// Refuses a query parameter that is one of the action's own in another spelling (<c>driver_id</c>, <c>Driver-Id</c>
/// for <c>driverId</c>) with a 400 naming the right one: left alone it would be ignored and the filter silently
/// dropped (<c>?driver_id=X</c> listed every driver's calls). Unknown parameters are not refused.
/// </summary>
public sealed class QueryParameterSpellingFilter(IOptions<ApiBehaviorOptions> behaviour) : IResourceFilter
{
    public void OnResourceExecuting(ResourceExecutingContext context)
    {
        var names = context.ActionDescriptor.Parameters
            .Where(p => p.BindingInfo?.BindingSource == BindingSource.Query || p.BindingInfo?.BindingSource == BindingSource.ModelBinding)
            .Select(p => p.BindingInfo?.BinderModelName ?? p.Name)
            .ToList();
        if (names.Count == 0) return;
        foreach (var sent in context.HttpContext.Request.Query.Keys)
        {
            if (names.Any(n => string.Equals(n, sent, StringComparison.OrdinalIgnoreCase))) continue;
            var meant = names.FirstOrDefault(n => Normalise(n) == Normalise(sent));
            if (meant is not null) context.ModelState.AddModelError(meant, $"Unknown query parameter '{Shorten(sent)}': send it as '{meant}'.");
        }
        if (!context.ModelState.IsValid) context.Result = behaviour.Value.InvalidModelStateResponseFactory(context);
    }

    public void OnResourceExecuted(ResourceExecutedContext context) { }

    private static string Normalise(string name) => name.Replace("_", "").Replace("-", "").Replace(".", "").ToLowerInvariant();

    private static string Shorten(string text) => text.Length > 40 ? text[..40] + "…" : text;
}
