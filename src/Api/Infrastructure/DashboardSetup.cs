namespace TeleCmi.Api.Infrastructure;

/// <summary>
/// The supervisors' dashboard: static files under <c>wwwroot</c> (<c>/</c> serves <c>index.html</c>), a client that
/// calls this API with the signed-in agent's Bearer token (docs/decisions/0011-dashboard-static-client.md).
/// </summary>
/// <remarks>
/// No fallback route: the client routes with the URL's fragment (<c>/#/calls</c>), so an unknown <c>/api/…</c> path
/// stays a 404 problem and Swagger keeps its own paths. Static files are not endpoints, so the OpenAPI document does
/// not change.
/// </remarks>
public static class DashboardSetup
{
    private const string DashboardFileKey = "TeleCmi.DashboardFile";

    /// <summary>Serves <c>wwwroot</c>; every file it serves is marked for <see cref="SecurityHeadersMiddleware"/>.</summary>
    public static WebApplication UseTeleCmiDashboard(this WebApplication app)
    {
        app.UseDefaultFiles();
        app.UseStaticFiles(new StaticFileOptions
        {
            OnPrepareResponse = file =>
            {
                file.Context.Items[DashboardFileKey] = true;
                // The page and its modules change with each release; revalidate rather than run a stale client.
                file.Context.Response.Headers.CacheControl = "no-cache";
            },
        });
        return app;
    }

    /// <summary>Whether the response is one of the dashboard's files (its page policy applies, not the API's).</summary>
    public static bool IsDashboardFile(HttpContext context) => context.Items.ContainsKey(DashboardFileKey);
}
