namespace TeleCmi.Api.Infrastructure;

/// <summary>Whether Swagger UI and the OpenAPI document are served (configuration section <c>Swagger</c>).</summary>
public sealed class SwaggerOptions
{
    public const string SectionName = "Swagger";

    /// <summary>
    /// <c>true</c> serves /swagger and /swagger/v1/swagger.json, <c>false</c> does not; unset, they are served in
    /// Development only, so a production deployment does not publish its API map unless the operator asks for it.
    /// </summary>
    public bool? Enabled { get; set; }

    /// <summary>The effective switch in <paramref name="environment"/>.</summary>
    public bool IsServedIn(IHostEnvironment environment) => Enabled ?? environment.IsDevelopment();
}
