namespace TeleCmi.Api.Infrastructure;

/// <summary>
/// Headers every response carries, whoever wrote it (a controller, the exception handler, the rate limiter, a health
/// check, a 404): <c>X-Content-Type-Options: nosniff</c>, frames denied (<c>X-Frame-Options</c> and CSP
/// <c>frame-ancestors</c>), and <c>Cache-Control: no-store</c> on a signed-in caller's answers that set no cache policy.
/// </summary>
/// <remarks>
/// First in the pipeline, and the headers are added when the response starts, because the exception handler clears
/// the headers of a failed response. The API returns data, never pages, so its CSP allows nothing at all; Swagger UI is
/// a page with its own scripts and styles, so under <see cref="SwaggerPathPrefix"/> only framing is forbidden. The
/// dashboard's files (<see cref="DashboardSetup"/> marks them) may load only the service's own scripts, styles and data,
/// and play a recording fetched into a <c>blob:</c> URL.
/// </remarks>
public sealed class SecurityHeadersMiddleware(RequestDelegate next)
{
    /// <summary>Where Swagger UI and the OpenAPI document are served.</summary>
    public const string SwaggerPathPrefix = "/swagger";

    public const string ApiContentSecurityPolicy = "default-src 'none'; frame-ancestors 'none'";
    public const string SwaggerContentSecurityPolicy = "frame-ancestors 'none'";
    public const string DashboardContentSecurityPolicy =
        "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; media-src 'self' blob:; " +
        "base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    public Task InvokeAsync(HttpContext context)
    {
        context.Response.OnStarting(() =>
        {
            var headers = context.Response.Headers;
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers.ContentSecurityPolicy = context.Request.Path.StartsWithSegments(SwaggerPathPrefix)
                ? SwaggerContentSecurityPolicy
                : DashboardSetup.IsDashboardFile(context) ? DashboardContentSecurityPolicy : ApiContentSecurityPolicy;
            // A shared cache or the browser's disk must not keep one agent's calls for the next user of the machine.
            if (context.User.Identity?.IsAuthenticated == true && string.IsNullOrEmpty(headers.CacheControl))
                headers.CacheControl = "no-store";
            return Task.CompletedTask;
        });
        return next(context);
    }
}
