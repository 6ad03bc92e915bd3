using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.Extensions.Options;
using TeleCmi.Infrastructure.Telephony;

namespace TeleCmi.Api.Simulator;

/// <summary>
/// Answers 404 unless <c>TeleCmi:Mode</c> is <c>Simulated</c>, before the body is even read: in Live mode
/// the stand-in must not exist, or anyone could "place" calls and fetch "recordings" through it.
/// </summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class SimulatorOnlyAttribute : Attribute, IResourceFilter
{
    /// <inheritdoc />
    public void OnResourceExecuting(ResourceExecutingContext context)
    {
        var options = context.HttpContext.RequestServices.GetRequiredService<IOptionsMonitor<TeleCmiOptions>>();
        if (options.CurrentValue.Mode != TeleCmiMode.Simulated) context.Result = new NotFoundResult();
    }

    /// <inheritdoc />
    public void OnResourceExecuted(ResourceExecutedContext context)
    {
    }
}
