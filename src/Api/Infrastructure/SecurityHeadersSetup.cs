namespace TeleCmi.Api.Infrastructure;

/// <summary>What the service tells about itself in its responses: the security headers, and no <c>Server</c> header.</summary>
public static class SecurityHeadersSetup
{
    /// <summary>Kestrel stops naming itself in a <c>Server</c> header (one less hint for a scanner).</summary>
    public static WebApplicationBuilder AddTeleCmiSecurityHeaders(this WebApplicationBuilder builder)
    {
        builder.WebHost.ConfigureKestrel(k => k.AddServerHeader = false);
        return builder;
    }

    /// <summary>Adds <see cref="SecurityHeadersMiddleware"/>; call it first, so every response carries the headers.</summary>
    public static WebApplication UseTeleCmiSecurityHeaders(this WebApplication app)
    {
        app.UseMiddleware<SecurityHeadersMiddleware>();
        return app;
    }
}
